"""Re-run every query of the README's cookbook on the seeds warehouse and rewrite its shown output.

Each ```sql block followed by a ```text block is a query and its real output on the bundled seeds;
``tests/test_readme_sql.py`` checks that the text is exactly what the query returns, so the docs
cannot drift from the code. After a change that alters the output, rebuild the seeds warehouse and
run:

    uv run healthwork run && uv run python -m scripts.refresh_readme
"""
from __future__ import annotations

import argparse
import contextlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_FENCE = re.compile(r"^```(\w*)[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
MAX_WIDTH = 150
MAX_ROWS = 40


@dataclass(frozen=True)
class Block:
    lang: str
    body: str
    start: int  # offsets of the body in the document
    end: int


def blocks(doc: str) -> list[Block]:
    return [Block(m.group(1), m.group(2), m.start(2), m.end(2)) for m in _FENCE.finditer(doc)]


def sql_blocks(doc: str) -> list[str]:
    return [b.body.strip() for b in blocks(doc) if b.lang == "sql"]


def query_output_pairs(doc: str) -> list[tuple[Block, Block]]:
    """(sql block, the text block right after it): a query and its shown output."""
    bs = blocks(doc)
    return [(a, b) for a, b in zip(bs, bs[1:]) if a.lang == "sql" and b.lang == "text"]


def render(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The result of the last statement of ``sql`` as DuckDB draws it (fixed width, so stable)."""
    stmts = [s.strip() for s in sql.split(";") if s.strip()]
    for s in stmts[:-1]:
        con.execute(s)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        con.sql(stmts[-1]).show(max_width=MAX_WIDTH, max_rows=MAX_ROWS)
    return buf.getvalue().rstrip("\n") + "\n"


def refresh(doc: str, con: duckdb.DuckDBPyConnection) -> str:
    out, pos = [], 0
    for q, shown in query_output_pairs(doc):
        out.append(doc[pos:shown.start])
        out.append(render(con, q.body))
        pos = shown.end
    out.append(doc[pos:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    from healthwork.config import get_settings
    from healthwork.store import connect_published

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--warehouse", type=Path, default=None, help="seeds warehouse (default: the configured one)")
    a = ap.parse_args(argv)
    con = connect_published(a.warehouse or get_settings().warehouse)
    try:
        doc = README.read_text(encoding="utf-8")
        new = refresh(doc, con)
    finally:
        con.close()
    README.write_text(new, encoding="utf-8")
    print(f"{README}: {len(query_output_pairs(doc))} outputs {'rewritten' if new != doc else 'already current'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
