"""The README's query cookbook is true: every ```sql block runs as written against the seeds
warehouse (opened read-only like an analyst would), and every output it shows is exactly what the
query returns on a fresh build of the seeds."""
from __future__ import annotations

from pathlib import Path

import pytest

from healthwork.store import connect_published
from scripts.refresh_readme import README, query_output_pairs, refresh, render, sql_blocks

DOC = README.read_text(encoding="utf-8")
BLOCKS = list(enumerate(sql_blocks(DOC), 1))
PAIRS = query_output_pairs(DOC)


def test_cookbook_has_at_least_six_questions_with_their_output() -> None:
    cookbook = DOC[DOC.index("## Query cookbook"):DOC.index("## Architecture")]
    assert cookbook.count("\n### ") >= 6
    assert len(query_output_pairs(cookbook)) == len(sql_blocks(cookbook)) >= 6


@pytest.fixture(scope="module")
def published(seeds_build):
    con = connect_published(seeds_build[1])
    yield con
    con.close()


@pytest.mark.parametrize(("n", "sql"), BLOCKS, ids=[f"README#{n}" for n, _ in BLOCKS])
def test_sql_block_runs_on_the_seeds(published, n: int, sql: str) -> None:
    for stmt in (s.strip() for s in sql.split(";")):
        if stmt:
            published.execute(stmt).fetchall()


@pytest.mark.parametrize(("q", "shown"), PAIRS, ids=[f"output#{i}" for i in range(1, len(PAIRS) + 1)])
def test_shown_output_is_the_real_output(published, q, shown) -> None:
    assert render(published, q.body) == shown.body, (
        "README output is stale: rebuild the seeds and run `uv run python -m scripts.refresh_readme`")


def test_refresh_rewrites_only_the_outputs(published) -> None:
    stale = DOC.replace(PAIRS[0][1].body, "old output\n", 1)
    assert refresh(stale, published) == refresh(DOC, published)
    assert refresh(stale, published).count("```sql") == DOC.count("```sql")


def test_cookbook_answers_match_the_seeds(published) -> None:
    first = published.execute(sql_blocks(DOC)[0].rstrip(";")).fetchall()
    assert [r[:3] for r in first] == [("WorkWell", "up to £259m over 3 years", 2),
                                      ("Health and Growth Accelerators", "£45m", 1)]


def test_readme_setup_commands_are_the_two_of_ci() -> None:
    """The README's two set-up commands are exactly what .ci/run runs."""
    ci = (Path(README).parent / ".ci" / "run").read_text(encoding="utf-8")
    for cmd in ("pip install uv && uv sync --frozen && uv run healthwork run", "uv run pytest"):
        assert f"```bash\n{cmd}\n```" in DOC
        assert f"\n{cmd}\n" in ci
