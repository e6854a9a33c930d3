"""Every ```sql block of the query cookbook (docs/cookbook.md, and README.md once merged) runs as written
against the seeds warehouse, opened read-only like an analyst would."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "docs" / "cookbook.md", ROOT / "README.md"]
_SQL = re.compile(r"^```sql[ \t]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def sql_blocks(path: Path) -> list[str]:
    return [m.group(1).strip() for m in _SQL.finditer(path.read_text(encoding="utf-8"))] if path.exists() else []


BLOCKS = [(p.relative_to(ROOT).as_posix(), i, sql) for p in DOCS for i, sql in enumerate(sql_blocks(p), 1)]


def test_cookbook_has_at_least_six_questions():
    assert len(sql_blocks(DOCS[0])) >= 6
    text = DOCS[0].read_text(encoding="utf-8")
    assert text.count("```text") >= len(sql_blocks(DOCS[0]))  # every query shows its output on the seeds


@pytest.mark.parametrize(("doc", "n", "sql"), BLOCKS, ids=[f"{d}#{n}" for d, n, _ in BLOCKS])
def test_sql_block_runs_on_the_seeds(seeds_db, doc, n, sql):
    for stmt in (s.strip() for s in sql.split(";")):
        if stmt:
            seeds_db.execute(stmt).fetchall()


def test_cookbook_answers_match_the_seeds(seeds_db):
    blocks = sql_blocks(DOCS[0])
    first = seeds_db.execute(blocks[0].rstrip(";")).fetchall()
    assert [r[:3] for r in first] == [("WorkWell", "up to £259m over 3 years", 2),
                                      ("Health and Growth Accelerators", "£45m", 1)]
