"""One GX suite per stage (entities: one per table), each a list of rules over a DataFrame.

Every module has ``load(con, settings) -> list[Check]``: it reads what the run wrote (SQL),
derives the columns the rules assert (plain Python: ``span_matches_text``,
``reparsed_amount_equal``, ``boilerplate_line``...) and pairs the frame with its suite and
suite parameters. The ``derive*`` functions are pure, so tests feed them small DataFrames.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from expectations.rules import Suite


@dataclass(frozen=True)
class Check:
    suite: Suite
    frame: pd.DataFrame
    params: dict[str, Any] = field(default_factory=dict)
    population: int | None = None  # articles checked, when not one per row (entity rows): for the broken-stage rate
