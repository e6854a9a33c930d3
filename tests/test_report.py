"""The HTML report: self-contained, escaped, written beside the warehouse by the CLI and the asset."""
from __future__ import annotations

import shutil
import subprocess

import duckdb
import pytest

from healthwork import cli
from healthwork.report import esc, report_path, write_report
from healthwork.stages.metrics import run_marts, run_metrics

EVIL = "<script>alert('x')</script>"


def _copy_of_seeds_warehouse(seeds_build, tmp_path):
    path = tmp_path / "wh" / "healthwork.duckdb"
    path.parent.mkdir()
    shutil.copyfile(seeds_build[1], path)
    return path


def test_report_escapes_article_text(seeds_build, tmp_path):
    path = _copy_of_seeds_warehouse(seeds_build, tmp_path)
    con = duckdb.connect(str(path))
    try:
        aid = con.execute("SELECT article_id FROM metrics.commitment_mentions ORDER BY article_id LIMIT 1").fetchone()[0]
        con.execute("UPDATE clean.articles SET title = ? WHERE article_id = ?", [f"Headline {EVIL}", aid])
        con.execute("UPDATE entities.place_mentions SET name = ? WHERE name = 'England'", [f"Eng<b>land</b>{EVIL}"])
        run_metrics(con)
        run_marts(con)
        con.execute("UPDATE metrics.commitment_mentions SET sentence = ? WHERE article_id = ?", [f"Said {EVIL}", aid])
    finally:
        con.close()
    page = write_report(path).read_text(encoding="utf-8")
    assert EVIL not in page and "<b>land" not in page
    assert "Headline &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Said &lt;script&gt;" in page
    assert "Eng&lt;b&gt;land" in page  # in the places table and, escaped, in the chart labels


def test_report_is_self_contained_with_three_charts(seeds_build):
    page = report_path(seeds_build[1]).read_text(encoding="utf-8")  # written by the warehouse/report asset
    assert "<script src" not in page.lower()  # plotly.js inlined, nothing loaded from the network
    assert page.count("Plotly.newPlot") == 3
    for anchor in ("chart-funding", "chart-timeline", "chart-places"):
        assert f'id="{anchor}"' in page
    assert "up to £259m over 3 years" in page and "Health and Growth Accelerators" in page


def test_report_asset_metadata_shows_chart_data(seeds_build):
    result = seeds_build[0]
    mats = {e.asset_key.to_user_string(): e.materialization for e in result.get_asset_materialization_events()}
    meta = mats["warehouse/report"].metadata
    assert meta["path"].value == str(report_path(seeds_build[1]))
    assert meta["link"].value.startswith("file://")
    assert "£45m" in meta["chart: funding_by_programme"].value
    headline = mats["metrics/programme_funding"].metadata["headline"].value
    assert "WorkWell: up to £259m over 3 years" in headline


def test_cli_report_writes_beside_the_warehouse(seeds_build, tmp_path, monkeypatch):
    monkeypatch.delenv("HEALTHWORK_WAREHOUSE", raising=False)  # the CLI sets it: restored after the test
    path = _copy_of_seeds_warehouse(seeds_build, tmp_path)
    assert cli.main(["report", "--warehouse", str(path)]) == 0
    assert (path.parent / "report.html").stat().st_size > 1_000_000  # plotly.js inlined
    out = tmp_path / "elsewhere.html"
    assert cli.main(["report", "--warehouse", str(path), "--out", str(out)]) == 0 and out.exists()
    assert cli.main(["report", "--warehouse", str(tmp_path / "missing.duckdb")]) == 2


def test_esc():
    assert esc(None) == "" and esc(["a<", "b"]) == "a&lt;, b" and esc(250000.0) == "250,000"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here (apt-get install chromium)")
def test_report_renders_its_charts_in_a_real_browser(seeds_build, tmp_path):
    """Headless Chromium opens the file offline, runs the inlined plotly.js and draws all three charts."""
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=5000", "--window-size=1300,2400"]
    url = report_path(seeds_build[1]).resolve().as_uri()
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120).stdout
    assert dom.count('class="plot-container plotly"') == 3  # each chart was drawn by plotly.js
    assert dom.count('class="xtick"') >= 3 and "WorkWell" in dom
    png = tmp_path / "report.png"
    subprocess.run([*flags, f"--screenshot={png}", url], capture_output=True, timeout=120)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000  # a full page, not blank


def test_kpi_labels_agree_with_their_number_and_place_lists_stay_short():
    from healthwork.report import _kpi_label, _short_list

    assert [_kpi_label("syndicated copies", n) for n in (0, 1, 2)] == ["syndicated copies", "syndicated copy",
                                                                       "syndicated copies"]
    assert _kpi_label("distinct commitments", 1) == "distinct commitment"
    forty = [f"Place {i}" for i in range(40)]
    assert _short_list(forty) == ", ".join(forty[:8]) + " and 32 more"
    assert _short_list(["<b>Leeds</b>"]) == "&lt;b&gt;Leeds&lt;/b&gt;"


def test_report_charts_have_no_toolbar_over_their_labels(seeds_build):
    html = (seeds_build[1].parent / "report.html").read_text(encoding="utf-8")
    assert '"displayModeBar": false' in html and '"displayModeBar": true' not in html


def test_asset_previews_show_missing_dates_as_empty_cells():
    import pandas as pd

    from assets._meta import markdown_table

    df = pd.DataFrame({"file": ["a.txt", "b.txt"], "published_date": [pd.Timestamp("2024-01-02"), pd.NaT]})
    table = markdown_table(df)
    assert "NaT" not in table and table.splitlines()[-1] == "| b.txt |  |"


def test_report_rerenders_only_the_evidence_sections_whose_rows_changed(seeds_build, tmp_path):
    """A rewrite reuses each programme's evidence section from the page already there when nothing it shows
    changed, and renders again the section of a programme whose evidence changed."""
    from healthwork.report import shown_sections

    path = _copy_of_seeds_warehouse(seeds_build, tmp_path)
    con = duckdb.connect(str(path))
    try:
        programmes = [p for (p,) in con.execute("SELECT DISTINCT programme FROM metrics.programme_funding "
                                                "ORDER BY programme").fetchall()]
        assert len(programmes) >= 2
        changed, kept = programmes[0], programmes[1]
    finally:
        con.close()
    page = write_report(path)
    sections = shown_sections(page)
    assert len(sections) == len(programmes)  # one section per programme with money
    # mark the two sections in the page: a reused section keeps its mark, a rendered one loses it
    text = page.read_text(encoding="utf-8")
    for programme in (changed, kept):
        section = next(s for s in sections.values() if f"<b>{esc(programme)}</b>" in s)
        text = text.replace(section, section.replace("<ul>", f"<ul><li>mark of {programme}</li>", 1))
    page.write_text(text, encoding="utf-8")
    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE metrics.commitment_mentions SET sentence = 'A made-up sentence of two million pounds.' "
                    "WHERE commitment_id IN (SELECT commitment_id FROM metrics.programme_funding WHERE programme = ?)",
                    [changed])
    finally:
        con.close()
    text = write_report(path).read_text(encoding="utf-8")
    assert f"mark of {kept}" in text  # nothing it shows changed: reused as it was
    assert f"mark of {changed}" not in text and "A made-up sentence of two million pounds." in text
    assert len(shown_sections(page)) == len(programmes)
