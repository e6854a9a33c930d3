"""`healthwork run` output: one line per step with its own counts, progress, expectation totals."""
from __future__ import annotations

from healthwork.output import (
    CheckOutcome,
    StepReport,
    expectation_summary,
    format_step,
    parse_progress,
    progress_bar,
    step_subject,
)


def test_a_step_line_has_its_rows_and_run_counts_and_no_run_id() -> None:
    report = StepReport("raw__files", 0.42, {"raw/files": {"dagster/row_count": 7, "new": 2, "changed": 1,
                                                            "deleted": 0, "unchanged": 4, "preview": "| a |"}})
    line = format_step(report)
    assert line.split() == ["ok", "raw/files", "7", "rows;", "2", "new,", "1", "changed,", "0", "deleted,",
                            "4", "unchanged", "(0.4", "s)"]


def test_several_tables_of_one_schema_are_one_subject_with_their_counts() -> None:
    assert step_subject(["entities/funding", "entities/quotes"], "entity_tables") == "entities (2 tables)"
    line = format_step(StepReport("entity_tables", 1.0, {
        "entities/funding": {"dagster/row_count": 4, "articles_extracted_this_run": 3},
        "entities/quotes": {"dagster/row_count": 9, "articles_extracted_this_run": 3}}))
    assert "rows: funding 4, quotes 9; 3 articles extracted" in line
    assert "{" not in line  # never a Python dict
    one = format_step(StepReport("entity_tables", 1.0, {"entities/funding": {"articles_extracted_this_run": 1}}))
    assert "1 article extracted" in one


def test_check_lines_count_expectations_and_blocking_failures() -> None:
    checks = [CheckOutcome("clean/articles", 13, 2, 1), CheckOutcome("raw/files", 11, 0, 0)]
    line = format_step(StepReport("clean_articles_expectations", 2.0, checks=checks[:1]))
    assert line.split()[:2] == ["FAILED", "checks"]
    assert "13 expectations: 11 passed, 1 warned, 1 failed" in line
    assert expectation_summary(checks) == "expectations:   22 passed, 1 warned, 1 failed (2 checks)"


def test_failed_and_skipped_steps_say_so_in_one_line() -> None:
    failed = format_step(StepReport("metric_tables", 0.1, error="Binder Error: no such column\nLINE 1: ..."))
    assert failed.split()[:2] == ["FAILED", "metric_tables"] and "Binder Error: no such column" in failed
    assert "\n" not in failed
    assert format_step(StepReport("published_warehouse", skipped=True)).split()[0] == "skip"


def test_progress_messages_become_a_bar() -> None:
    assert parse_progress("cleaned 120/2000 articles") == (120, 2000, "articles")
    assert parse_progress("extracted entities from 5/5 articles") == (5, 5, "articles")
    assert parse_progress("published /tmp/x/healthwork.duckdb") is None
    assert parse_progress("cleaned 0/0 articles") is None
    bar = progress_bar("clean_articles", 5, 20, "articles", 3.0, width=8)
    assert "[##------] 5/20 articles" in bar and bar.endswith("3 s")


def _record(step: str, message: str, level: int = 20):
    import logging

    record = logging.LogRecord("dagster", level, __file__, 1, message, None, None)
    record.dagster_meta = {"step_key": step, "dagster_event": None, "orig_message": message}
    return record


def test_console_draws_progress_only_on_a_terminal_and_prints_warnings_once() -> None:
    import io

    from pipelines.console import RunPrinter

    tty, pipe = io.StringIO(), io.StringIO()
    for stream, progress in ((tty, True), (pipe, False)):
        printer = RunPrinter(stream, progress=progress, verbose=False)
        printer.emit(_record("clean_articles", "cleaned 3/6 articles"))
        printer.emit(_record("clean_articles", "cleaned 3, removed 0"))  # a step's own chatter: not shown
        printer.emit(_record("raw__files", "skipped x.swp: editor swap file", level=30))
    assert "\r\x1b[2K  clean_articles" in tty.getvalue() and "[############------------] 3/6 articles" in tty.getvalue()
    assert pipe.getvalue() == "  !      raw__files: skipped x.swp: editor swap file\n"
    assert tty.getvalue().count("skipped x.swp") == 1
