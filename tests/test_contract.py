"""The warehouse keeps every schema, table and column ``../shared/CONTRACT.md`` names, with its type.

The contract is read from the file itself (not a copy), so a table or column added to it is checked at
once; the tests skip when the shared folder is absent. Checked twice: against the declared schema
(``store.TABLES``, which ``store.ensure_schema`` creates) and against a real seeds build's
``information_schema``.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from healthwork.store import SCHEMAS, TABLES

SHARED = Path(os.environ.get("HEALTHWORK_SHARED_DIR", Path(__file__).resolve().parents[1].parent / "shared"))
CONTRACT = SHARED / "CONTRACT.md"

_TABLE_NAME = re.compile(r"^`(\w+)\.(\w+)`(.*)$")
_SCHEMA_ROW = re.compile(r"^\|\s*`(\w+)`\s*\|")
# the column conventions said in prose, not in a table
_EVERY_ENTITY_TABLE = ("span_start", "span_end")
_PROSE_COLUMNS = {"entities.funding": ("kind",)}


def parse_contract(text: str) -> tuple[set[str], dict[str, dict[str, str | None]]]:
    """The schemas and, per table, its columns with their type (None where the contract gives none) that
    ``text`` (CONTRACT.md) names. A table is a line starting with its backticked name; its columns follow
    as a ``| column | type | meaning |`` table, or as ``| name | name (note) |`` cells on that line or the
    next."""
    schemas: set[str] = set()
    tables: dict[str, dict[str, str | None]] = {}
    current: str | None = None
    typed = False
    for line in text.splitlines():
        named = _TABLE_NAME.match(line)
        if named:
            current, typed = f"{named.group(1)}.{named.group(2)}", False
            tables[current] = {}
            rest = named.group(3).strip()
            if rest.startswith("|"):
                _add_cells(tables[current], rest)
            continue
        if not line.startswith("|"):
            if not line.strip():  # a blank line ends a table; prose under its name does not
                current = None
            continue
        schema = _SCHEMA_ROW.match(line)
        if current is None:
            if schema and line.count("|") == 3:
                schemas.add(schema.group(1))
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[:2] == ["column", "type"]:
            typed = True
        elif set("".join(cells)) <= set("- "):
            continue
        elif typed:
            tables[current][cells[0]] = cells[1].removesuffix(" NULL").strip()
        else:
            _add_cells(tables[current], line)
    tables = {name: columns for name, columns in tables.items() if name.split(".")[0] in schemas}  # not `score.py`
    for name, columns in tables.items():
        if name.startswith("entities."):
            columns.update(dict.fromkeys(_EVERY_ENTITY_TABLE, None))
        columns.update(dict.fromkeys(_PROSE_COLUMNS.get(name, ()), None))
    return schemas, tables


_NOTED_TYPE = re.compile(r"^(\w+) \(([A-Z]+(?:\[\])?)\)$")  # "value (DOUBLE)"


def _add_cells(columns: dict[str, str | None], line: str) -> None:
    for cell in line.strip().strip("|").split("|"):
        noted = _NOTED_TYPE.match(cell.strip())
        if noted:
            columns[noted.group(1)] = noted.group(2)
        elif cell.strip():
            columns[cell.strip().split(" ")[0]] = None


def _contract() -> tuple[set[str], dict[str, dict[str, str | None]]]:
    if not CONTRACT.exists():
        pytest.skip(f"no {CONTRACT} (set HEALTHWORK_SHARED_DIR)")
    return parse_contract(CONTRACT.read_text(encoding="utf-8"))


def _missing(declared: dict[str, dict[str, str]], contract: dict[str, dict[str, str | None]]) -> list[str]:
    out = []
    for table, columns in contract.items():
        for column, kind in columns.items():
            got = declared.get(table, {}).get(column)
            if got is None:
                out.append(f"{table}.{column} missing")
            elif kind is not None and got != kind:
                out.append(f"{table}.{column} is {got}, the contract says {kind}")
    return out


def test_parser_reads_every_form_the_contract_uses():
    text = """## Schemas
| schema | holds |
| --- | --- |
| `raw` | files |
| `clean` | articles |
| `entities` | mentions |
| `metrics` | sums |

`score.py` reads it.

`clean.articles`
| column | type | meaning |
| --- | --- | --- |
| article_id | VARCHAR | stable id |
| title | VARCHAR NULL | headline |

`entities.quotes` — direct quotations
| article_id | speaker (full name, NULL when unattributed) | text |

`entities.place_mentions` | article_id | name | ons_code (NULL when unknown) |
`entities.people_counts` | article_id | value (DOUBLE) |

`metrics.programme_funding` — one row per commitment,
said on two lines.
| column | type | meaning |
| --- | --- | --- |
| article_ids | VARCHAR[] | the articles |
"""
    schemas, tables = parse_contract(text)
    assert schemas == {"raw", "clean", "entities", "metrics"}
    assert "score.py" not in tables
    assert tables["clean.articles"] == {"article_id": "VARCHAR", "title": "VARCHAR"}
    assert tables["entities.quotes"] == {"article_id": None, "speaker": None, "text": None,
                                         "span_start": None, "span_end": None}
    assert set(tables["entities.place_mentions"]) == {"article_id", "name", "ons_code", "span_start", "span_end"}
    assert tables["entities.people_counts"]["value"] == "DOUBLE"
    assert tables["metrics.programme_funding"] == {"article_ids": "VARCHAR[]"}


def test_the_declared_schema_holds_the_whole_contract():
    schemas, contract = _contract()
    assert len(contract) >= 9 and "metrics.programme_funding" in contract  # the parser found the tables
    assert contract["metrics.programme_funding"]["article_ids"] == "VARCHAR[]"
    assert schemas == {"raw", "clean", "entities", "metrics", "dq"}
    assert schemas <= set(SCHEMAS)
    declared = {t.qualified: {c.name: c.type for c in t.columns} for t in TABLES}
    assert _missing(declared, contract) == []


def test_a_seeds_build_holds_the_whole_contract(seeds_db):
    schemas, contract = _contract()
    built: dict[str, dict[str, str]] = {}
    for schema, table, column, kind in seeds_db.execute(
            "SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns").fetchall():
        built.setdefault(f"{schema}.{table}", {})[column] = kind
    assert schemas <= {s for (s,) in seeds_db.execute("SELECT schema_name FROM information_schema.schemata").fetchall()}
    assert _missing(built, contract) == []
