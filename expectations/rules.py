"""Rules as data: a suite is a named list of GX 1.x expectations, written so it reads as a list of rules.

Nothing here imports Great Expectations (``expectations.runner`` turns rules into GX objects
lazily) or Dagster. A rule names a GX expectation class, its arguments, why it exists (shown in
Data Docs) and whether a failure *blocks* downstream assets (``blocking=True``: the data would
poison what is built from it) or only warns (a plausibility signal, e.g. a headline's length).

Values that depend on the run (today's date, how many articles the raw stage produced) are GX
suite parameters: ``param("name")`` in a rule, supplied by the stage when it validates.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Rule:
    expectation: str  # GX 1.x expectation class name, e.g. "ExpectColumnValuesToBeInSet"
    kwargs: Mapping[str, Any]
    why: str
    blocking: bool = True

    @property
    def column(self) -> str | None:
        c = self.kwargs.get("column")
        return str(c) if c is not None else None

    @property
    def label(self) -> str:
        """``expect_column_values_to_be_in_set(currency)``: the name used in dq.check_results."""
        snake = "".join("_" + ch.lower() if ch.isupper() else ch for ch in self.expectation).lstrip("_")
        return f"{snake}({self.column})" if self.column else snake


@dataclass(frozen=True)
class Suite:
    """A GX expectation suite over one DataFrame. ``show`` are the columns quoted with every
    unexpected value (so a failure says which article and which words)."""

    name: str
    rules: tuple[Rule, ...]
    show: tuple[str, ...] = ()
    params: tuple[str, ...] = field(default=())  # suite parameters the rules use

    def __post_init__(self) -> None:
        labels = [r.label for r in self.rules]
        dupes = {x for x in labels if labels.count(x) > 1}
        if dupes:
            raise ValueError(f"suite {self.name}: two rules share a label: {sorted(dupes)}")


def suite(name: str, *rules: Rule | Iterable[Rule], show: Iterable[str] = ()) -> Suite:
    flat: list[Rule] = []
    for r in rules:
        flat.extend([r] if isinstance(r, Rule) else r)
    params = sorted({v["$PARAMETER"] for r in flat for v in r.kwargs.values()
                     if isinstance(v, Mapping) and "$PARAMETER" in v})
    return Suite(name, tuple(flat), tuple(show), tuple(params))


def param(name: str) -> dict[str, str]:
    """A value supplied at validation time (a GX suite parameter)."""
    return {"$PARAMETER": name}


# ---------------------------------------------------------------- rule builders (one GX expectation each)

def _rule(expectation: str, why: str, blocking: bool, **kwargs: Any) -> Rule:
    return Rule(expectation, {k: v for k, v in kwargs.items() if v is not None}, why, blocking)


def not_null(column: str, why: str, blocking: bool = True) -> Rule:
    return _rule("ExpectColumnValuesToNotBeNull", why, blocking, column=column)


def is_null(column: str, why: str, blocking: bool = True, mostly: float | None = None) -> Rule:
    """``mostly``: the share of rows that must pass (GX's tolerance), 1.0 when None."""
    return _rule("ExpectColumnValuesToBeNull", why, blocking, column=column, mostly=mostly)


def unique(column: str, why: str, where: str | None = None, blocking: bool = True) -> Rule:
    """``where`` is a pandas row condition (``status == "article"``) limiting the rows checked."""
    return _rule("ExpectColumnValuesToBeUnique", why, blocking, column=column, row_condition=where,
                 condition_parser="pandas" if where else None)


def in_set(column: str, values: Iterable[Any], why: str, blocking: bool = True, mostly: float | None = None) -> Rule:
    return _rule("ExpectColumnValuesToBeInSet", why, blocking, column=column, value_set=sorted(values),
                 mostly=mostly)


def holds(column: str, why: str, blocking: bool = True) -> Rule:
    """A derived boolean column (computed in plain Python/SQL) is True on every row."""
    return in_set(column, [True], why, blocking)


def between(column: str, why: str, min_value: Any = None, max_value: Any = None, strict_min: bool = False,
            blocking: bool = True) -> Rule:
    return _rule("ExpectColumnValuesToBeBetween", why, blocking, column=column, min_value=min_value,
                 max_value=max_value, strict_min=strict_min or None)


def length_between(column: str, why: str, min_value: int | None = None, max_value: int | None = None,
                   blocking: bool = True) -> Rule:
    return _rule("ExpectColumnValueLengthsToBeBetween", why, blocking, column=column, min_value=min_value,
                 max_value=max_value)


def matches(column: str, regex: str, why: str, blocking: bool = True) -> Rule:
    """Values (NULLs are skipped) match ``regex`` (Python ``re.search``: anchor it)."""
    return _rule("ExpectColumnValuesToMatchRegex", why, blocking, column=column, regex=regex)


def row_count(value: Any, why: str, blocking: bool = True) -> Rule:
    return _rule("ExpectTableRowCountToEqual", why, blocking, value=value)


def column_sum(column: str, min_value: Any, max_value: Any, why: str, blocking: bool = True) -> Rule:
    return _rule("ExpectColumnSumToBeBetween", why, blocking, column=column, min_value=min_value,
                 max_value=max_value)
