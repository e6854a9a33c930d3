"""Data Docs: the values GX shows are escaped, pages need no network, the index lists every kept
validation and only the last N runs' pages are kept (expectations/docs.py, expectations/runner.py)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from expectations import docs, rules, runner

HOSTILE = "<script>document.title='PWNED'</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.title='PWNED2'\">"


def _suite() -> rules.Suite:
    return rules.suite("raw.files", rules.in_set("status", ["article", "empty"], "status is one of the known ones"),
                       show=["source_file"])


def _frame(status: str) -> pd.DataFrame:
    return pd.DataFrame({"status": ["article", status], "source_file": ["a.txt", "<b>odd name</b>.txt"]})


def _build(docs_dir: Path, run_id: str, status: str, keep_runs: int = 10) -> tuple[str | None, dict[str, str]]:
    runner.validate(_suite(), _frame(status), docs_dir=docs_dir, run_id=run_id)
    return runner.build_docs(docs_dir, run_id, ["raw.files"], keep_runs)


def test_unexpected_values_are_escaped_in_the_validation_page(tmp_path: Path) -> None:
    _, pages = _build(tmp_path, "run-a", HOSTILE)
    page = Path(pages["raw.files"]).read_text(encoding="utf-8")
    assert HOSTILE not in page and "<b>odd name</b>" not in page
    assert "&lt;script&gt;document.title=&#x27;PWNED&#x27;&lt;/script&gt;" in page  # shown, once escaped
    assert "&amp;lt;" not in page  # not twice


def test_pages_need_no_network_and_draw_their_icons_locally(tmp_path: Path) -> None:
    index, pages = _build(tmp_path, "run-a", "article")
    for path in [Path(index), Path(pages["raw.files"]), tmp_path / "expectations" / "raw" / "files.html"]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*src=\"https?://", text), path
        assert not re.search(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*stylesheet|<link[^>]*stylesheet[^>]*https?://",
                             text), path
    page = Path(pages["raw.files"])
    depth = len(page.relative_to(tmp_path).parts) - 1
    assert f'href="{"../" * depth}static/styles/healthwork-offline.css"' in page.read_text(encoding="utf-8")
    css = (tmp_path / docs.OFFLINE_CSS_HREF).read_text(encoding="utf-8")
    assert ".fa-check-circle::before" in css and ".fa-times::before" in css


def test_index_lists_every_validation_of_the_kept_runs_newest_first(tmp_path: Path) -> None:
    for i, status in enumerate(["article", HOSTILE, "empty", "article"]):
        _build(tmp_path, f"run-{i}", status, keep_runs=3)
    entries = docs.read_manifest(tmp_path)
    assert [e.run for e in entries] == ["run-1", "run-2", "run-3"]  # run-0 pruned
    assert [e.success for e in entries] == [False, True, True]
    assert not (tmp_path / "validations" / "raw" / "files" / "run-0").exists()
    assert all((tmp_path / e.page).is_file() for e in entries)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td title=\"(run-\d)\">", index)
    assert rows == ["run-3", "run-2", "run-1"]
    assert index.count("&#10008; failed") == 1 and index.count("&#10004; passed") == 2
    assert "<script" not in index


def test_index_escapes_what_it_shows() -> None:
    v = docs.Validation(run="<r>", time="t", suite="raw.<files>", success=True, evaluated=1, passed=1,
                        page="validations/x.html")
    page = docs.index_html([v], ["raw.<files>"], 5)
    assert "<r>" not in page and "raw.<files>" not in page and "raw.&lt;files&gt;" in page


def test_number_of_runs_kept_and_docs_port_are_settings(monkeypatch) -> None:  # noqa: ANN001
    import pytest

    from healthwork.config import get_settings

    monkeypatch.delenv("HEALTHWORK_DATA_DOCS_RUNS", raising=False)
    monkeypatch.delenv("HEALTHWORK_DOCS_PORT", raising=False)
    assert (get_settings().data_docs_runs, get_settings().docs_port) == (10, 3001)
    monkeypatch.setenv("HEALTHWORK_DATA_DOCS_RUNS", "3")
    monkeypatch.setenv("HEALTHWORK_DOCS_PORT", "4100")
    assert (get_settings().data_docs_runs, get_settings().docs_port) == (3, 4100)
    monkeypatch.setenv("HEALTHWORK_DATA_DOCS_RUNS", "0")
    with pytest.raises(ValueError, match="HEALTHWORK_DATA_DOCS_RUNS must be a whole number of runs of at least 1"):
        get_settings()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def _dom(url: str, profile: Path) -> str:
    """The page as headless Chromium renders it, offline: every request outside this machine fails."""
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
             "--disable-background-networking", "--disable-component-update", f"--user-data-dir={profile}",
             "--proxy-server=127.0.0.1:9", "--virtual-time-budget=5000", "--dump-dom", url]
    return subprocess.run(flags, capture_output=True, text=True, timeout=120).stdout


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium here (apt-get install chromium)")
def test_offline_browser_shows_the_index_rows_the_icons_and_no_injected_script(tmp_path: Path) -> None:
    docs_dir = tmp_path / "docs"
    _build(docs_dir, "run-ok", "article")
    _, pages = _build(docs_dir, "run-bad", HOSTILE)
    index = _dom((docs_dir / "index.html").as_uri(), tmp_path / "profile")
    assert len(re.findall(r'<tr><td title="run-(ok|bad)">', index)) == 2  # the table is there without scripts
    page = _dom(Path(pages["raw.files"]).as_uri(), tmp_path / "profile")
    assert "<title>Data documentation compiled by Great Expectations</title>" in page  # not 'PWNED'
    assert "PWNED" in page and "<script>document.title" not in page  # shown as text, never as a tag
    assert 'class="fas fa-times text-danger"' in page  # the fail mark, drawn by the local stylesheet
