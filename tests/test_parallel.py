"""The per-article work on a process pool gives exactly the in-process results, in order, and
one failing article is reported, not raised."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from healthwork import parallel
from healthwork.clean import line_key

PAGES = Path(__file__).resolve().parent / "pages"
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.txt"))]


def test_pool_gives_the_in_process_results_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = (TEXTS * 8)[:120]  # enough for two workers
    template = frozenset({line_key("Home"), line_key("Sign up to our newsletter")})
    monkeypatch.setenv(parallel.ENV_WORKERS, "1")
    alone = list(parallel.ordered_map(parallel.safe_clean, texts, init=parallel.set_template, init_args=(template,)))
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    pooled = list(parallel.ordered_map(parallel.safe_clean, texts, init=parallel.set_template, init_args=(template,),
                                       min_batch=1))
    assert pooled == alone and all(o.error is None for o in pooled)
    bodies = [o.value.body for o in alone]
    extracted = list(parallel.ordered_map(parallel.safe_extract, bodies, min_batch=1))
    assert [o.value for o in extracted] == [parallel.safe_extract(b).value for b in bodies]
    assert any(o.value["funding"] for o in extracted)


def test_a_failing_article_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    bodies: list = ["The council gets £5m for WorkWell."] * 60 + [None] + ["£2m more."] * 59
    out = list(parallel.ordered_map(parallel.safe_extract, bodies, min_batch=1))
    assert len(out) == 120
    assert out[60].value is None and out[60].error.startswith(("TypeError", "AttributeError"))
    assert "Traceback" in out[60].trace
    assert out[0].value["funding"][0]["amount"] == 5_000_000 and out[61].value["funding"][0]["amount"] == 2_000_000


def _pid(_: object) -> int:
    return os.getpid()


def test_large_batches_run_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    pids = set(parallel.ordered_map(_pid, range(400)))
    assert pids and os.getpid() not in pids


def test_small_batches_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    seen: list[int] = []
    out = list(parallel.ordered_map(lambda x: (seen.append(os.getpid()), x * 2)[1], [1, 2, 3]))  # a lambda can't be pickled
    assert out == [2, 4, 6] and set(seen) == {os.getpid()}


@pytest.mark.parametrize("raw", ["0", "-2", "two"])
def test_workers_setting_is_validated(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv(parallel.ENV_WORKERS, raw)
    with pytest.raises(ValueError, match="HEALTHWORK_WORKERS"):
        parallel.workers()


def _three_articles(tmp_path: Path):
    from healthwork.config import get_settings

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Council backs new work scheme\nThe council said the scheme in {name} will help "
                                   "many people back to work.\nIt opens to residents across the county next spring, "
                                   "the cabinet member said on Monday.\n")
    return get_settings(str(tmp_path / "w.duckdb"), str(folder))


def test_a_cleaner_crash_quarantines_that_article_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthwork import clean as cleaning
    from healthwork.stages import run_clean, run_raw
    from healthwork.store import Warehouse

    settings = _three_articles(tmp_path)
    real = cleaning.clean_article

    def flaky(text: str, common_lines=frozenset()):
        if "b.txt" in text:
            raise RuntimeError("boom")
        return real(text, common_lines)

    monkeypatch.setattr(cleaning, "clean_article", flaky)
    with Warehouse(settings.warehouse).write() as con:
        run_raw(con, settings)
        s = run_clean(con)
        cleaned = [r[0] for r in con.execute("SELECT source_file FROM clean.articles ORDER BY 1").fetchall()]
        q = con.execute("SELECT source_file, reason, detail FROM dq.quarantine WHERE stage = 'clean'").fetchall()
    assert cleaned == ["a.txt", "c.txt"]
    assert q == [("b.txt", "clean_error", "RuntimeError: boom")]
    assert s.quarantined == [("b.txt", "clean_error")]


def test_workers_never_re_run_the_main_script(tmp_path: Path) -> None:
    """Workers start without importing ``__main__``: an unguarded script (or ``python -m dagster``, whose
    __main__ runs the CLI on import) must run its top level once, not once per worker."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import os, sys\n"
        f"sys.path.insert(0, {str(Path(__file__).resolve().parents[1])!r})\n"
        "print('TOP', flush=True)\n"
        "os.environ['HEALTHWORK_WORKERS'] = '2'\n"
        "from healthwork import parallel\n"
        "from tests.test_parallel import _pid\n"
        "print('PIDS', len(set(parallel.ordered_map(_pid, range(400)))), flush=True)\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.count("TOP") == 1 and "PIDS" in out.stdout


def test_an_extractor_crash_quarantines_that_article_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from healthwork import extract
    from healthwork.stages import run_clean, run_entities, run_raw
    from healthwork.store import Warehouse

    settings = _three_articles(tmp_path)
    real = extract.extract_entities

    def flaky(body: str):
        if "b.txt" in body:
            raise ValueError("bad span")
        return real(body)

    monkeypatch.setattr(extract, "extract_entities", flaky)
    with Warehouse(settings.warehouse).write() as con:
        run_raw(con, settings)
        run_clean(con)
        s = run_entities(con)
        outcomes = con.execute("""SELECT f.source_file, p.outcome FROM meta.processed p JOIN raw.files f
                                  USING (article_id) WHERE p.stage = 'entities' ORDER BY 1""").fetchall()
        q = con.execute("SELECT source_file, reason, detail FROM dq.quarantine WHERE stage = 'entities'").fetchall()
    assert outcomes == [("a.txt", "ok"), ("b.txt", "quarantined"), ("c.txt", "ok")]
    assert q == [("b.txt", "extract_error", "ValueError: bad span")]
    assert s.failed == [("b.txt", "ValueError: bad span")]


def _die_on_seven(i: int) -> int:
    if i == 7:
        os._exit(3)  # a worker killed mid-task (OOM killer, a signal)
    return i


def test_a_worker_that_dies_fails_the_batch_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    with pytest.raises(BrokenProcessPool):
        list(parallel.ordered_map(_die_on_seven, list(range(200)), min_batch=10))


def _square(i: int) -> int:
    return i * i


def test_batches_stream_through_one_pool_in_order_and_are_read_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """map_batches hands back each batch with its label, in order, on the pool as in-process; it reads the
    input lazily: never more than ``ahead`` batches beyond the one being handed back (bounded memory)."""
    monkeypatch.setenv(parallel.ENV_WORKERS, "2")
    read: list[int] = []

    def batches():
        for b in range(6):
            read.append(b)
            yield f"batch {b}", list(range(b * 100, b * 100 + 100))

    seen = []
    for label, results in parallel.map_batches(_square, batches(), 600, ahead=1):
        b = int(label.split()[1])
        assert max(read) <= b + 2  # this batch, the one in flight, and the one submitted before waiting
        seen.append((label, results))
    assert [label for label, _ in seen] == [f"batch {b}" for b in range(6)]
    assert [r for _, rs in seen for r in rs] == [i * i for i in range(600)]
    monkeypatch.setenv(parallel.ENV_WORKERS, "1")
    alone = list(parallel.map_batches(_square, [("a", [3, 4]), ("b", [5])], 3))
    assert alone == [("a", [9, 16]), ("b", [25])]


def test_clean_and_extract_tasks_give_the_rows_the_stages_insert() -> None:
    """The worker tasks return warehouse rows as tuples in the tables' column order."""
    from healthwork.store import TABLE_BY_NAME

    parallel.set_template(frozenset({line_key("Home")}))
    page = ("Home\nCouncil opens work scheme\nBy Jo Bloggs\nThe council will spend £3.5m on WorkWell over "
            "two years to help 2,000 people stay in work, the cabinet member said.\n")
    got = parallel.clean_task(("abc123", "a.txt", page)).value
    assert got.article is not None
    article = dict(zip(parallel.CLEAN_ARTICLE_COLUMNS, got.article))
    assert article["article_id"] == "abc123" and article["source_file"] == "a.txt"
    assert article["title"] == "Council opens work scheme" and article["author"] == "Jo Bloggs"
    assert article["body"].startswith("The council will spend £3.5m on WorkWell")
    assert article["n_lines"] == 4 and article["n_body_lines"] == 1
    assert got.dropped[0][:3] == ("abc123", 1, "Home")
    assert parallel.clean_task(("x", "x.txt", "Home\nMenu\n")).value.article is None  # no sentence: quarantined
    from healthwork.extract import TABLES

    columns = {t: tuple(TABLE_BY_NAME[f"entities.{t}"].column_names) for t in TABLES}
    parallel.set_entity_columns(columns)
    rows = parallel.extract_task(("abc123", article["body"])).value
    funding = dict(zip(columns["funding"], rows["funding"][0]))
    assert (funding["article_id"], funding["amount"], funding["currency"], funding["programme"]) == (
        "abc123", 3_500_000, "GBP", "WorkWell")
    assert [dict(zip(columns["programme_mentions"], r))["programme"] for r in rows["programme_mentions"]] == ["WorkWell"]
    assert parallel.extract_task(("bad", None)).error is not None  # type: ignore[arg-type]
