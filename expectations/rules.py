"""Rules as data: a suite is a named list of GX 1.x expectations, written so it reads as a list of rules.

Nothing here imports Great Expectations (``expectations.runner`` turns rules into GX objects
lazily) or Dagster. A rule names a GX expectation class, its arguments, why it exists (shown in
Data Docs) and whether a failure *blocks* downstream assets (``blocking=True``: the data would
poison what is built from it) or only warns (a plausibility signal, e.g. a headline's length).

A rule is about the whole table (``scope="table"``, the default: unique ids, row counts, totals,
the pipeline's own bookkeeping) or about one row (``scope="row"``: this article's text, body, amount
or span). A failed *row* rule does not block: the failing rows' articles are set aside in
``dq.quarantine`` (reason: the rule) and the rest of the corpus goes on (``expectations.triage``).
A row rule still blocks when it shows a broken stage rather than a bad article: more than
``BROKEN_STAGE_SHARE`` of at least ``BROKEN_STAGE_MIN_ARTICLES`` articles failing it. A warning-only
row rule (``blocking=False``) quarantines nothing; it blocks only at that rate.

Which rows a rule looks at: a rule about each row's own values is validated by GX on the rows written
since the stage's check last passed (``meta.unchecked``; every row after a full rebuild or a code
change). A rule about the table as a whole (unique ids, counts that reconcile, rows pointing at rows of
other tables) carries ``sql``: a DuckDB query over the whole table, evaluated without GX on every run
(``invariant``). Its GX form is kept: ``expectations.runner.validate`` on a whole frame still runs it,
and must agree with the SQL (tests/test_scoped_checks.py).

Values that depend on the run (today's date, how many articles the raw stage produced) are GX
suite parameters: ``param("name")`` in a rule, supplied by the stage when it validates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import pandas as pd

Scope = Literal["row", "table"]
BROKEN_STAGE_SHARE = 0.10  # more than this share of articles failing one row rule: the stage is broken
BROKEN_STAGE_MIN_ARTICLES = 20  # ... when at least this many articles were checked (1 bad file in 6 is a bad file)


@dataclass(frozen=True)
class Rule:
    expectation: str  # GX 1.x expectation class name, e.g. "ExpectColumnValuesToBeInSet"
    kwargs: Mapping[str, Any]
    why: str
    blocking: bool = True
    scope: Scope = "table"
    # an invariant over the whole table, evaluated in DuckDB (no GX): a query returning the rows that break
    # the rule (the rule's column first), or for a row count / column sum the one observed value
    sql: str | None = None

    @property
    def column(self) -> str | None:
        c = self.kwargs.get("column")
        return str(c) if c is not None else None

    @property
    def label(self) -> str:
        """``expect_column_values_to_be_in_set(currency)``: the name used in dq.check_results."""
        snake = "".join("_" + ch.lower() if ch.isupper() else ch for ch in self.expectation).lstrip("_")
        return f"{snake}({self.column})" if self.column else snake


    @property
    def name(self) -> str:
        """A short stable name, the reason code of a quarantine: a derived flag's column (``decoded``,
        ``span_matches_text``), else the column and what is wrong with it (``currency_not_allowed``)."""
        if self.column is None:
            return self.label
        if self.expectation == "ExpectColumnValuesToBeInSet" and list(self.kwargs["value_set"]) in ([True], [False]):
            return self.column
        return f"{self.column}_{_FAULT_NAMES.get(self.expectation, 'invalid')}"

    def resolved(self, params: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The rule's arguments with suite parameters replaced by their values."""
        return {key: _resolve(v, params) for key, v in self.kwargs.items()}

    def failing_rows(self, df: pd.DataFrame, params: Mapping[str, Any] | None = None) -> list[bool]:
        """Which rows of ``df`` break a row rule, computed in Python with GX's semantics (GX reports only a
        few examples; a quarantine needs every failing row). NULLs pass every rule but the null rules."""
        if self.scope != "row" or self.column is None:
            raise ValueError(f"{self.label} is not a row rule")
        return self.failing_values(df, params)

    @property
    def judged_per_value(self) -> bool:
        """A column-map rule without a tolerance: each row passes or fails on its own value."""
        return self.expectation in ROW_EXPECTATIONS and self.column is not None and "mostly" not in self.kwargs

    def failing_values(self, df: pd.DataFrame, params: Mapping[str, Any] | None = None) -> list[bool]:
        """Which rows of ``df`` break a column-map rule (row or table scope), with GX's semantics."""
        if not self.judged_per_value:
            raise ValueError(f"{self.label} is not judged value by value")
        values = list(df[self.column]) if self.column in df.columns else [None] * len(df)
        k = {key: _resolve(v, params) for key, v in self.kwargs.items()}
        return [_row_fails(self.expectation, k, v) for v in values]


_FAULT_NAMES = {
    "ExpectColumnValuesToNotBeNull": "missing", "ExpectColumnValuesToBeNull": "unexpected",
    "ExpectColumnValuesToBeInSet": "not_allowed", "ExpectColumnValuesToMatchRegex": "malformed",
    "ExpectColumnValuesToBeBetween": "out_of_range", "ExpectColumnValueLengthsToBeBetween": "bad_length",
}


def _resolve(v: Any, params: Mapping[str, Any] | None) -> Any:
    if isinstance(v, Mapping) and "$PARAMETER" in v:
        return (params or {})[v["$PARAMETER"]]
    return v


def _missing(v: Any) -> bool:
    if v is None:
        return True
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _row_fails(expectation: str, k: Mapping[str, Any], v: Any) -> bool:
    """One value against one column-map expectation (the kinds a row rule may use)."""
    if expectation == "ExpectColumnValuesToNotBeNull":
        return _missing(v)
    if expectation == "ExpectColumnValuesToBeNull":
        return not _missing(v)
    if _missing(v):
        return False
    if expectation == "ExpectColumnValuesToBeInSet":
        return v not in set(k["value_set"])
    if expectation == "ExpectColumnValuesToMatchRegex":
        return re.search(k["regex"], str(v)) is None
    if expectation in ("ExpectColumnValuesToBeBetween", "ExpectColumnValueLengthsToBeBetween"):
        x = len(v) if expectation == "ExpectColumnValueLengthsToBeBetween" else v
        lo, hi = k.get("min_value"), k.get("max_value")
        try:
            if lo is not None and (x <= lo if k.get("strict_min") else x < lo):
                return True
            return hi is not None and x > hi
        except TypeError:  # a value GX could not compare either
            return True
    raise ValueError(f"{expectation} cannot be a row rule")


ROW_EXPECTATIONS = frozenset({"ExpectColumnValuesToNotBeNull", "ExpectColumnValuesToBeNull",
                              "ExpectColumnValuesToBeInSet", "ExpectColumnValuesToMatchRegex",
                              "ExpectColumnValuesToBeBetween", "ExpectColumnValueLengthsToBeBetween"})


def per_row(*rules: Rule) -> list[Rule]:
    """Mark rules as about one row: a failing row's article is quarantined instead of blocking the run."""
    out = []
    for r in rules:
        if r.expectation not in ROW_EXPECTATIONS or r.column is None or "mostly" in r.kwargs:
            raise ValueError(f"{r.label} cannot be a row rule")
        out.append(replace(r, scope="row"))
    return out


def invariant(rule: Rule, sql: str) -> Rule:
    """``rule`` evaluated over the whole table by ``sql`` (see ``Rule.sql``) on every run."""
    if rule.scope == "row":
        raise ValueError(f"{rule.label} is about one row: it cannot be a whole-table invariant")
    return replace(rule, sql=" ".join(sql.split()))


@dataclass(frozen=True)
class Suite:
    """A GX expectation suite over one DataFrame. ``show`` are the columns quoted with every
    unexpected value (so a failure says which article and which words). ``key`` is the column that
    names what a row rule quarantines (a raw file's name, an article id)."""

    name: str
    rules: tuple[Rule, ...]
    show: tuple[str, ...] = ()
    params: tuple[str, ...] = field(default=())  # suite parameters the rules use
    key: str | None = None

    def __post_init__(self) -> None:
        labels = [r.label for r in self.rules]
        dupes = {x for x in labels if labels.count(x) > 1}
        if dupes:
            raise ValueError(f"suite {self.name}: two rules share a label: {sorted(dupes)}")
        if self.key is None and any(r.scope == "row" for r in self.rules):
            raise ValueError(f"suite {self.name}: row rules need a key column")

    @property
    def row_rules(self) -> tuple[Rule, ...]:
        return tuple(r for r in self.rules if r.scope == "row")

    @property
    def invariants(self) -> tuple[Rule, ...]:
        """Rules evaluated by SQL over the whole table (``Rule.sql``)."""
        return tuple(r for r in self.rules if r.sql is not None)

    def for_gx(self) -> Suite:
        """The suite GX validates on the rows in scope: every rule but the invariants."""
        return replace(self, rules=tuple(r for r in self.rules if r.sql is None))


def suite(name: str, *rules: Rule | Iterable[Rule], show: Iterable[str] = (), key: str | None = None) -> Suite:
    flat: list[Rule] = []
    for r in rules:
        flat.extend([r] if isinstance(r, Rule) else r)
    params = sorted({v["$PARAMETER"] for r in flat for v in r.kwargs.values()
                     if isinstance(v, Mapping) and "$PARAMETER" in v})
    return Suite(name, tuple(flat), tuple(show), tuple(params), key)


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
