"""One GX suite per stage (entities: one per table), each a list of rules over a DataFrame.

Every module has ``load(con, settings, scope) -> list[Check]``: it reads the rows in ``scope`` (SQL),
derives the columns the rules assert (plain Python: ``span_matches_text``,
``reparsed_amount_equal``, ``boilerplate_line``...) and pairs the frame with its suite and
suite parameters. The ``derive*`` functions are pure, so tests feed them small DataFrames.

``scope`` is the keys of the rows written since the stage's check last passed (``None``: every row); the
caller registers them as the relation ``_scope(key)``. Rules with ``sql`` (whole-table invariants) are
evaluated by the caller over the whole table whatever the scope.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from expectations.rules import Suite


Scope = frozenset[str] | None  # keys of the rows to look at; None: every row


def in_scope(column: str, scope: Scope) -> str:
    """SQL condition: the row's key is in scope (the caller registered the keys as ``_scope``)."""
    return "TRUE" if scope is None else f"{column} IN (SELECT key FROM _scope)"


@dataclass(frozen=True)
class Check:
    suite: Suite
    frame: pd.DataFrame
    params: dict[str, Any] = field(default_factory=dict)
    population: int | None = None  # articles checked, when not one per row (entity rows): for the broken-stage rate
