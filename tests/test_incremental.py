"""Incremental materialisation: one new article is processed alone; `healthwork run` says what it did;
a change of the cross-file template statistics re-cleans exactly the earlier articles it affects.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from dagster import DagsterInstance

from healthwork import clean as cleaning
from healthwork import cli, stages
from healthwork.config import get_settings
from healthwork.ingest import article_id_for, sha256_hex
from healthwork.store import Warehouse
from pipelines.definitions import defs
from pipelines.jobs import ALL_JOB_NAME
from tests.articles import NEW_ARTICLE, NEW_NAME


def run_job(checks: bool = True):
    """The whole job, in process. ``checks=False`` leaves out the GX asset checks (the data-quality
    work's, tested there) where a run only prepares or re-checks state, to keep the tests fast."""
    job = defs.resolve_job_def(ALL_JOB_NAME)
    if not checks:
        job = job.get_subset(asset_selection=set(defs.get_repository_def().asset_graph.get_all_asset_keys()),
                             asset_check_selection=set())
    result = job.execute_in_process(instance=DagsterInstance.ephemeral())
    assert result.success
    return {ev.materialization.asset_key.to_user_string(): {k: getattr(v, "value", v)
            for k, v in ev.materialization.metadata.items()} for ev in result.get_asset_materialization_events()}


def snapshot(warehouse: Path, exclude: str) -> dict[str, list[tuple]]:
    """Every row of the per-article tables, except those of article ``exclude``."""
    tables = ["raw.files", "clean.articles", "clean.dropped_lines", "clean.file_lines", "meta.processed",
              "entities.funding", "entities.person_mentions", "entities.quotes", "entities.organisation_mentions",
              "entities.place_mentions", "entities.programme_mentions", "entities.people_counts"]
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t: con.execute(f"SELECT * FROM {t} WHERE article_id IS DISTINCT FROM ? ORDER BY ALL",
                               [exclude]).fetchall() for t in tables}
    finally:
        con.close()


def test_one_new_article_is_processed_alone_and_reaches_metrics(env: tuple[Path, Path]) -> None:
    seeds, warehouse = env
    new_id = article_id_for(sha256_hex(NEW_ARTICLE.encode()))
    # precondition of "alone": the new page shares no line with the seeds (else template lines may flip)
    mine = cleaning.line_keys(NEW_ARTICLE)
    assert all(not (mine & cleaning.line_keys(f.read_text(encoding="utf-8"))) for f in seeds.iterdir())

    first = run_job(checks=False)
    assert first["raw/files"]["new"] == 5
    before = snapshot(warehouse, new_id)
    assert len(before["clean.articles"]) == 5 and len(before["meta.processed"]) == 10

    (seeds / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")
    meta = run_job()
    raw = meta["raw/files"]
    assert (raw["new"], raw["changed"], raw["deleted"], raw["unchanged"]) == (1, 0, 0, 5)
    assert meta["clean/articles"]["cleaned_this_run"] == 1
    assert meta["clean/articles"]["recleaned_for_template_change"] == 0
    assert meta["entities/funding"]["articles_extracted_this_run"] == 1

    # the five earlier articles: every row identical (raw.files.seen_at included: not even re-read)
    assert snapshot(warehouse, new_id) == before
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT source_file, title FROM clean.articles WHERE article_id = ?", [new_id]).fetchall() == [
            (NEW_NAME, "Councils in the North East win £18 million to widen WorkWell support")]
        assert con.execute("SELECT stage, version FROM meta.processed WHERE article_id = ? ORDER BY 1",
                           [new_id]).fetchall()[0] == ("clean", new_id)
        # the corpus-level metrics include it
        rows = con.execute("SELECT programme, amount, n_articles FROM metrics.programme_funding "
                           "WHERE list_contains(article_ids, ?)", [new_id]).fetchall()
        assert rows == [("WorkWell", 18_000_000.0, 1)]
    finally:
        con.close()

    # nothing new: nothing processed, nothing changes
    again = run_job(checks=False)
    assert (again["raw/files"]["new"], again["raw/files"]["unchanged"]) == (0, 6)
    assert again["clean/articles"]["cleaned_this_run"] == 0
    assert again["entities/funding"]["articles_extracted_this_run"] == 0


def test_cli_run_prints_new_changed_deleted(env: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    seeds, _ = env
    assert run_job(checks=False)["raw/files"]["new"] == 5
    capsys.readouterr()

    (seeds / NEW_NAME).write_text(NEW_ARTICLE, encoding="utf-8")
    victim = sorted(seeds.glob("00*.txt"))[0]
    victim.unlink()
    assert cli.main(["run"]) == 0
    out = capsys.readouterr().out
    assert "(incremental)" in out and "input files:    1 new, 0 changed, 1 deleted, 4 unchanged" in out
    assert "cleaned:        1 articles" in out and "1 removed" in out
    assert "entities:       extracted from 1 articles" in out

    assert cli.main(["run", "--full"]) == 0
    out = capsys.readouterr().out
    assert "(full rebuild)" in out and "input files:    5 new, 0 changed, 0 deleted, 0 unchanged" in out
    assert "cleaned:        5 articles" in out


# ---------------------------------------------------------------- template statistics and re-cleaning

SITE_TOP = "Skip to navigation\nWorkplace Health Review\nHome | News | Opinion | Events\n"
SITE_BOTTOM = "Most read this week\nNewsletter sign-up\nAbout us | Contact | Advertise\n"
PROMO = "Workplace Wellbeing Awards 2026: nominations now open"

PAGE_A = SITE_TOP + f"""Mental health first aid training to reach 4,000 bus drivers
Transport operators in the West Midlands will train 4,000 bus drivers in mental health first aid this year, after a rise in sickness absence linked to stress and assaults on staff.
The course, delivered over two days, teaches drivers how to spot early signs of distress in colleagues and where to point them for help.
{PROMO}
Union representatives welcomed the move but said rotas still left too little time for rest breaks between shifts.
The operators said they would publish absence figures every quarter so that the effect of the training could be judged.
""" + SITE_BOTTOM

PAGE_C = SITE_TOP + """Employment advisers join talking therapy teams in Kent
Patients receiving NHS Talking Therapies in Kent can now see an employment adviser in the same clinic, under an expansion funded for the next three years.
Advisers help people who are off work with depression or anxiety to plan a phased return and to talk to their employer about adjustments.
Clinicians said joint appointments meant fewer people dropped out of treatment when work pressures built up again.
""" + SITE_BOTTOM

PAGE_B = SITE_TOP + f"""Access to Work waiting times fall below twelve weeks
The average wait for an Access to Work decision has fallen below twelve weeks for the first time in two years, according to figures released on Thursday.
Disability charities said the backlog had left some new starters unable to take up job offers because equipment or support workers were not in place.
{PROMO}
Officials said extra caseworkers and a simpler online form had helped to clear older applications.
""" + SITE_BOTTOM


def _stage_runner(tmp_path: Path, folder: Path):
    settings = get_settings(str(tmp_path / "wh.duckdb"), str(folder))
    store = Warehouse(settings.warehouse)

    def run():
        with store.write() as con:
            stages.run_raw(con, settings)
            s = stages.run_clean(con)
            e = stages.run_entities(con)
            rows = {r[0]: r for r in con.execute("SELECT * FROM clean.articles").fetchall()}
            texts = dict(con.execute("SELECT article_id, text FROM raw.files WHERE status = 'article'").fetchall())
            template = frozenset(r[0] for r in con.execute("SELECT line_key FROM clean.common_lines").fetchall())
        return s, e, rows, texts, template

    return run


def test_template_change_recleans_the_earlier_articles_it_affects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """run_clean's part, independent of the cleaner's heuristics: a stand-in cleaner drops exactly the
    template lines, so every change of the corpus statistics must show in the stored bodies."""
    real = cleaning.clean_article
    calls: list[str] = []

    def template_only_cleaner(text: str, template):  # noqa: ANN001
        calls.append(article_id_for(sha256_hex(text.encode())))
        r = real(text, frozenset())
        body = "\n".join(x for x in text.split("\n") if x.strip() and cleaning.line_key(x) not in template)
        return replace(r, body=body)

    monkeypatch.setattr(cleaning, "clean_article", template_only_cleaner)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "c.txt").write_text(PAGE_C, encoding="utf-8")
    a_id, b_id, c_id = (article_id_for(sha256_hex(p.encode())) for p in (PAGE_A, PAGE_B, PAGE_C))
    run = _stage_runner(tmp_path, folder)

    s, e, rows, _, template = run()
    assert (s.cleaned, s.recleaned_for_template) == (2, 0) and e.extracted == 2
    assert cleaning.line_key(PROMO) not in template  # one file only: not template
    assert cleaning.line_key("Workplace Health Review") in template  # site chrome of both files
    assert PROMO in rows[a_id][6] and "Workplace Health Review" not in rows[a_id][6]

    # B repeats the line: it becomes template; A (already cleaned) is cleaned again, C is not touched
    (folder / "b.txt").write_text(PAGE_B, encoding="utf-8")
    calls.clear()
    s, e, rows2, _, template2 = run()
    assert cleaning.line_key(PROMO) in template2
    assert sorted(calls) == sorted([a_id, b_id])
    assert (s.cleaned, s.recleaned_for_template) == (2, 1)
    assert PROMO not in rows2[a_id][6] and PROMO not in rows2[b_id][6]
    assert rows2[a_id][9] != rows[a_id][9]  # body_sha changed...
    assert e.extracted == 2  # ...so A's entities are re-extracted (with new B's)
    assert rows2[c_id] == rows[c_id]

    # B deleted: the line is no longer template; A is cleaned again and gets it back
    (folder / "b.txt").unlink()
    calls.clear()
    s, e, rows3, _, template3 = run()
    assert cleaning.line_key(PROMO) not in template3 and calls == [a_id]
    assert (s.removed, s.recleaned_for_template, e.removed) == (1, 1, 1)
    assert rows3[a_id] == rows[a_id] and rows3[c_id] == rows[c_id] and b_id not in rows3


def test_stored_bodies_always_follow_the_current_template_statistics(tmp_path: Path) -> None:
    """With the real cleaner: after every incremental step, each stored body is what cleaning its
    file against the current corpus statistics gives (never a body cleaned against stale ones)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PAGE_A, encoding="utf-8")
    (folder / "c.txt").write_text(PAGE_C, encoding="utf-8")
    run = _stage_runner(tmp_path, folder)
    for step in ("start", "add b", "delete b"):
        if step == "add b":
            (folder / "b.txt").write_text(PAGE_B, encoding="utf-8")
        elif step == "delete b":
            (folder / "b.txt").unlink()
        s, _, rows, texts, template = run()
        assert set(rows) == set(texts), step
        for aid, row in rows.items():
            assert row[6] == cleaning.clean_article(texts[aid], template).body, (step, row[1])
        assert s.recleaned_for_template == (0 if step == "start" else 1), step
