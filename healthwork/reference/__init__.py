"""Reference data shipped as CSV files beside this module (programmes, organisations, places).

Each CSV starts with a header row; lines starting with ``#`` are comments (use them to note
the source of the data). Extend the CSVs to teach the extractors new names: no code change.
"""
from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

REFERENCE_DIR = Path(__file__).resolve().parent


@cache
def load_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``reference/<name>.csv`` as dicts (empty cells are ""), cached per process."""
    path = REFERENCE_DIR / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(lines))


@cache
def first_names() -> frozenset[str]:
    """Every given name of ``first_names.csv`` (a byline's or a person's first word)."""
    return frozenset(r["name"] for r in load_csv("first_names"))


@cache
def place_names() -> frozenset[str]:
    """Every place name and alias of ``places.csv`` and ``uk_towns.csv`` as written (never a person's or
    organisation's name)."""
    out: set[str] = set()
    for r in load_csv("places") + load_csv("uk_towns"):
        out.add(r["name"])
        out.update(a for a in r.get("aliases", "").split("|") if a)
    return frozenset(out)
