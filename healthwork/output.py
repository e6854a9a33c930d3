"""What `healthwork run` prints: one line per step with its own counts, a progress bar on a terminal,
and the summary. Plain functions over plain values (the Dagster side turns its events into these).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# counts a stage reports about this run (beyond the row count), in the order they are shown: (label for
# one, label for any other number)
RUN_COUNTS: dict[str, tuple[str, str]] = {
    "new": ("new", "new"),
    "changed": ("changed", "changed"),
    "deleted": ("deleted", "deleted"),
    "unchanged": ("unchanged", "unchanged"),
    "cleaned_this_run": ("cleaned", "cleaned"),
    "recleaned_for_template_change": ("re-cleaned for a template change", "re-cleaned for a template change"),
    "removed_this_run": ("removed", "removed"),
    "articles_extracted_this_run": ("article extracted", "articles extracted"),
}
ROW_COUNT = "dagster/row_count"
_PROGRESS_RE = re.compile(r"(?P<done>\d+)\s*/\s*(?P<total>\d+)\s+(?P<unit>[a-z][a-z ]*)$")


@dataclass(frozen=True)
class CheckOutcome:
    """One asset check's result: how many expectations it ran, failed, and failed while blocking."""

    asset: str
    expectations: int
    failed: int
    blocking_failed: int
    description: str = ""
    rows_checked: int | None = None  # rows the rules about rows looked at (None: not said)
    every_row: bool = True  # False: only the rows written since the check last passed

    @property
    def warned(self) -> int:
        return self.failed - self.blocking_failed


@dataclass
class StepReport:
    """One step of the run: the assets it materialised (key -> metadata values) and its checks."""

    name: str
    seconds: float = 0.0
    assets: dict[str, Mapping[str, Any]] = field(default_factory=dict)
    checks: list[CheckOutcome] = field(default_factory=list)
    error: str | None = None
    skipped: bool = False


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def step_subject(asset_keys: Sequence[str], fallback: str) -> str:
    """``raw/files``; several tables of one schema: ``entities (7 tables)``."""
    if not asset_keys:
        return fallback
    if len(asset_keys) == 1:
        return asset_keys[0]
    prefixes = {k.split("/", 1)[0] for k in asset_keys}
    if len(prefixes) == 1:
        return f"{prefixes.pop()} ({len(asset_keys)} tables)"
    return ", ".join(asset_keys)


def _rows(report: StepReport) -> str:
    counted = {k: m[ROW_COUNT] for k, m in report.assets.items() if isinstance(m.get(ROW_COUNT), int)}
    if not counted:
        return ""
    if len(counted) == 1:
        return _plural(next(iter(counted.values())), "row")
    return "rows: " + ", ".join(f"{k.split('/', 1)[-1]} {n}" for k, n in counted.items())


def _run_counts(report: StepReport) -> str:
    first: Mapping[str, Any] = next(iter(report.assets.values()), {})
    parts = [f"{first[k]} {one if first[k] == 1 else many}" for k, (one, many) in RUN_COUNTS.items()
             if isinstance(first.get(k), int)]
    if isinstance(first.get("path"), str):  # a file the step wrote (the published warehouse, the report)
        parts.append(f"-> {first['path']}")
    return ", ".join(parts)


def format_step(report: StepReport) -> str:
    """One line: ``  ok    raw/files          5 rows; 5 new, 0 changed, ...          0.4 s``."""
    if report.checks:
        subject = "checks " + step_subject([c.asset for c in report.checks], report.name)
        n = sum(c.expectations for c in report.checks)
        failed = sum(c.blocking_failed for c in report.checks)
        warned = sum(c.warned for c in report.checks)
        detail = f"{_plural(n, 'expectation')}: {n - failed - warned} passed, {warned} warned, {failed} failed"
        looked = [c.rows_checked for c in report.checks if c.rows_checked is not None]
        if looked and not all(c.every_row for c in report.checks):
            detail += f"; {sum(looked):,} new or changed rows (+ whole-table invariants)"
        status = "FAILED" if failed else ("warn" if warned else "ok")
    else:
        subject = step_subject(list(report.assets), report.name)
        detail = "; ".join(p for p in (_rows(report), _run_counts(report)) if p)
        status = "ok"
    if report.skipped:
        status, detail = "skip", "not run: an upstream step or blocking check failed"
    if report.error is not None:
        status, detail = "FAILED", report.error.strip().splitlines()[0] if report.error.strip() else "failed"
    return f"  {status:<6} {subject:<34} {detail}  ({report.seconds:.1f} s)".rstrip()


def parse_progress(message: str) -> tuple[int, int, str] | None:
    """``cleaned 120/2000 articles`` -> (120, 2000, 'articles'); None when the message is not progress."""
    m = _PROGRESS_RE.search(message.strip())
    if not m or int(m["total"]) == 0:
        return None
    return int(m["done"]), int(m["total"]), m["unit"].strip()


def progress_bar(step: str, done: int, total: int, unit: str, seconds: float, width: int = 24) -> str:
    """``  clean_articles [#########-----------]  120/2000 articles  14 s`` (for a terminal, redrawn in place)."""
    filled = round(width * done / total) if total else width
    return f"  {step:<22} [{'#' * filled}{'-' * (width - filled)}] {done}/{total} {unit}  {seconds:.0f} s"


def expectation_summary(checks: Sequence[CheckOutcome]) -> str:
    """``expectations:   85 passed, 0 warned, 0 failed (10 checks)``."""
    n = sum(c.expectations for c in checks)
    failed = sum(c.blocking_failed for c in checks)
    warned = sum(c.warned for c in checks)
    return (f"expectations:   {n - failed - warned} passed, {warned} warned, {failed} failed "
            f"({_plural(len(checks), 'check')})")
