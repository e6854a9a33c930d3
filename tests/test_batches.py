"""The per-article stages stream batches and commit each one: a run killed between batches leaves whole
articles (rows, processed marks and quarantine rows together), and the next run finishes the rest and gives
exactly what one uninterrupted run gives."""
from __future__ import annotations

from pathlib import Path

import pytest

from healthwork import clean as cleaning
from healthwork import extract
from healthwork.config import get_settings
from healthwork.stages import batches, run_clean, run_entities, run_raw
from healthwork.store import Warehouse, table_contents

TOWNS = ["Telford", "Wigan", "Bolton", "Sunderland", "Leeds", "Derby", "Exeter"]


class Killed(BaseException):
    """Stands for SIGKILL: not an Exception, so no per-article handler catches it."""


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, town in enumerate(TOWNS):
        (folder / f"{i}.txt").write_text(
            f"{town} council backs work coaching\nBy Sam Writer\n"
            f"{town} council will spend £{i + 1}m on WorkWell over two years to help {100 * (i + 1)} people "
            f"stay in work, the cabinet member said on Tuesday.\n"
            f"The scheme in {town} opens to residents next spring, the council said in a statement.\n"
            + ("Menu\n" if i == 3 else "") + "Share this page\n", encoding="utf-8")
    (folder / "menu.txt").write_text("Home\nMenu\nShare this page\n", encoding="utf-8")  # no article: quarantined
    return folder


def _contents(wh: Path) -> dict[str, list[tuple]]:
    with Warehouse(wh).read_staging() as con:
        got = table_contents(con)
    return {t: rows for t, rows in got.items() if t != "dq.check_results"}


@pytest.mark.parametrize("stage", ["clean", "entities"])
def test_a_run_killed_between_batches_keeps_whole_batches_and_the_next_run_completes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: str) -> None:
    monkeypatch.setattr(batches, "BATCH", 2)
    folder = _folder(tmp_path)
    reference = get_settings(str(tmp_path / "ref" / "w.duckdb"), str(folder))
    with Warehouse(reference.warehouse).write() as con:
        run_raw(con, reference)
        run_clean(con)
        run_entities(con)
    killed = get_settings(str(tmp_path / "killed" / "w.duckdb"), str(folder))
    real_clean, real_extract = cleaning.clean_article, extract.extract_entities

    calls = {"clean": 0, "entities": 0}

    def killed_at_fifth(kind: str) -> None:  # batches of 2: the first two are committed, the third is not
        calls[kind] += 1
        if kind == stage and calls[kind] == 5:
            raise Killed

    def clean_until_killed(text: str, common_lines=frozenset()):  # noqa: ANN001, ANN202
        killed_at_fifth("clean")
        return real_clean(text, common_lines)

    def extract_until_killed(body: str):  # noqa: ANN202
        killed_at_fifth("entities")
        return real_extract(body)

    monkeypatch.setattr(cleaning, "clean_article", clean_until_killed)
    monkeypatch.setattr(extract, "extract_entities", extract_until_killed)
    with Warehouse(killed.warehouse).write() as con:
        run_raw(con, killed)
    with pytest.raises(Killed), Warehouse(killed.warehouse).write() as con:
        run_clean(con)
        run_entities(con)
    with Warehouse(killed.warehouse).read_staging() as con:
        table = "clean.articles" if stage == "clean" else "entities.funding"
        kept = con.execute(f"SELECT count(DISTINCT article_id) FROM {table}").fetchone()[0]
        processed = con.execute("SELECT count(*) FROM meta.processed WHERE stage = ?", [stage]).fetchone()[0]
    assert processed == 4  # two whole batches committed, the third rolled back
    assert kept <= processed  # every committed article row has its processed mark
    monkeypatch.setattr(cleaning, "clean_article", real_clean)
    monkeypatch.setattr(extract, "extract_entities", real_extract)
    with Warehouse(killed.warehouse).write() as con:
        run_clean(con)
        run_entities(con)
    assert _contents(killed.warehouse) == _contents(reference.warehouse)
    got = _contents(reference.warehouse)
    assert [r[3] for r in got["dq.quarantine"]] == ["no_article"]
    assert len(got["clean.articles"]) == len(TOWNS)
    assert {r[1] for r in got["entities.funding"]} == {float(i + 1) * 1_000_000 for i in range(len(TOWNS))}
