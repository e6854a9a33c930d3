"""Row faults vs table faults: which failed rules set articles aside and which block the run. No GX, no Dagster.

After a suite ran (``expectations.runner.validate``), each failed rule is judged:

- a *table* rule (unique ids, row counts, totals, bookkeeping) that blocks -> the run stops;
- a *row* rule -> every row breaking it is found in the checked frame (``Rule.failing_rows``) and its
  key (a file name, an article id) becomes a ``RowFault``: the article is quarantined with the rule
  as its reason, its downstream rows are removed, and the rest of the corpus goes on;
- unless that row rule shows a broken stage: more than ``BROKEN_STAGE_SHARE`` of at least
  ``BROKEN_STAGE_MIN_ARTICLES`` articles fail it -> the run stops (a cleaner that leaves every body
  raw is not 500 bad articles);
- a warning-only rule never blocks and quarantines nothing (a row warning still blocks at that rate).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from expectations.rules import BROKEN_STAGE_MIN_ARTICLES, BROKEN_STAGE_SHARE, Rule
from expectations.runner import SuiteResult
from expectations.suites import Check

MAX_DETAIL_CHARS = 300


@dataclass(frozen=True)
class RowFault:
    """One article (or raw file) set aside by one row rule."""

    key: str  # raw: the file name; clean and entities: the article id
    rule: str  # the rule's label, e.g. expect_column_values_to_be_in_set(decoded)
    reason: str  # the rule's short name, e.g. decoded
    detail: str  # why the rule exists, and the failing value


@dataclass(frozen=True)
class Verdict:
    """What one suite's failures mean for the run."""

    suite: str
    faults: tuple[RowFault, ...] = ()  # rows to quarantine
    blocking: tuple[str, ...] = ()  # labels of the failed rules that stop the run
    broken: tuple[str, ...] = ()  # the row rules among them that failed too many articles

    @property
    def blocks(self) -> bool:
        return bool(self.blocking)

    @property
    def quarantined_keys(self) -> list[str]:
        return sorted({f.key for f in self.faults})


def is_broken_stage(n_failing: int, n_articles: int) -> bool:
    """Too many articles fail one row rule for them all to be bad articles: the stage itself is broken."""
    return n_articles >= BROKEN_STAGE_MIN_ARTICLES and n_failing > BROKEN_STAGE_SHARE * n_articles


def _value(v: object) -> str:
    s = str(v).replace("\n", " ")
    return s if len(s) <= 80 else s[:79] + "…"


def row_faults(check: Check, rule: Rule) -> list[RowFault]:
    """Every row of the checked frame that breaks ``rule``, one fault per distinct key."""
    key = check.suite.key
    assert key is not None  # a suite with row rules has a key (Suite.__post_init__)
    df = check.frame
    faults: dict[str, RowFault] = {}
    for failing, k, value in zip(rule.failing_rows(df, check.params), df[key],
                                 df[rule.column] if rule.column in df.columns else [None] * len(df)):
        if failing and isinstance(k, str) and k not in faults:
            flag = rule.name == rule.column  # a derived True/False column: the rule's words say it all
            detail = rule.why if flag else f"{rule.why} (found: {_value(value)})"
            faults[k] = RowFault(k, rule.label, rule.name, detail[:MAX_DETAIL_CHARS])
    return list(faults.values())


def judge(check: Check, result: SuiteResult) -> Verdict:
    """Split ``result``'s failures into quarantined rows and rules that block the run."""
    population = check.population if check.population is not None else len(check.frame)
    faults: list[RowFault] = []
    blocking: list[str] = []
    broken: list[str] = []
    for o in result.failed:
        r = o.rule
        if r.scope != "row" or o.error:  # a table rule, or a rule GX could not evaluate
            if r.blocking:
                blocking.append(r.label)
            continue
        found = row_faults(check, r)
        if not found and r.blocking:  # GX saw a failure that names no row: cannot quarantine, so block
            blocking.append(r.label)
        elif is_broken_stage(len(found), population):
            blocking.append(r.label)
            broken.append(r.label)
        elif r.blocking:
            faults.extend(found)
    return Verdict(result.suite, tuple(faults), tuple(blocking), tuple(broken))


def faults_by_key(verdicts: Sequence[Verdict]) -> dict[str, RowFault]:
    """The first fault of each key across a stage's suites (an article is quarantined once, for one rule)."""
    out: dict[str, RowFault] = {}
    for v in verdicts:
        for f in v.faults:
            out.setdefault(f.key, f)
    return out
