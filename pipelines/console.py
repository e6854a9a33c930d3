"""The `healthwork run` console: a Dagster logger that prints one line per step with its own counts
(no job name, no run id on every line, nothing twice) and, on a terminal, a progress bar redrawn in
place while a long step works. Selected by the CLI's run config; the UI's runs keep Dagster's own
console logger. The wording lives in ``healthwork.output``."""
from __future__ import annotations

import logging
import sys
import time
from typing import Any, TextIO

from dagster import AssetCheckEvaluation, AssetCheckSeverity, DagsterEventType, Field, InitLoggerContext, logger

from healthwork.output import CheckOutcome, StepReport, format_step, parse_progress, progress_bar

LOGGER_NAME = "healthwork_console"


def check_outcome(evaluation: AssetCheckEvaluation) -> CheckOutcome:
    """An asset check's evaluation as counts of expectations (from the check's metadata)."""
    meta = {k: getattr(v, "value", v) for k, v in evaluation.metadata.items()}
    n = int(meta.get("expectations") or 1)
    failed = int(meta.get("failed") or (0 if evaluation.passed else 1))
    blocking = meta.get("blocking_failed")
    if blocking is None:
        blocking = failed if evaluation.severity == AssetCheckSeverity.ERROR and not evaluation.passed else 0
    rows = meta.get("rows_checked")
    return CheckOutcome(evaluation.asset_key.to_user_string(), n, failed, int(blocking), evaluation.description or "",
                        None if rows is None else int(rows), meta.get("scope", "every row") == "every row")


def _values(metadata: Any) -> dict[str, Any]:
    return {k: getattr(v, "value", v) for k, v in (metadata or {}).items()}


class RunPrinter(logging.Handler):
    """Turns the run's Dagster events into step lines; keeps nothing but the step being run."""

    def __init__(self, stream: TextIO, progress: bool, verbose: bool) -> None:
        super().__init__(level=logging.DEBUG)
        self.stream, self.progress, self.verbose = stream, progress, verbose
        self._steps: dict[str, StepReport] = {}
        self._started: dict[str, float] = {}
        self._bar_shown = False

    def _print(self, line: str) -> None:
        if self._bar_shown:  # wipe the progress bar before a normal line
            self.stream.write("\r\x1b[2K")
            self._bar_shown = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def _bar(self, line: str) -> None:
        self.stream.write("\r\x1b[2K" + line)
        self.stream.flush()
        self._bar_shown = True

    def _report(self, step: str) -> StepReport:
        return self._steps.setdefault(step, StepReport(step))

    def _finish(self, step: str) -> None:
        report = self._steps.pop(step, StepReport(step))
        report.seconds = time.perf_counter() - self._started.pop(step, time.perf_counter())
        self._print(format_step(report))

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self._handle(record)
        except Exception:  # noqa: BLE001 - printing must never fail a run
            self.handleError(record)

    def _handle(self, record: logging.LogRecord) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        step = meta.get("step_key") or ""
        event = meta.get("dagster_event")
        if event is None:  # a message a step logged
            message = str(meta.get("orig_message", record.getMessage()))
            progress = parse_progress(message) if step else None
            if progress and self.progress:
                started = self._started.get(step, time.perf_counter())
                self._bar(progress_bar(step, *progress, time.perf_counter() - started))
            elif record.levelno >= logging.WARNING:
                self._print(f"  {'!':<6} {step or 'run'}: {message}")
            elif self.verbose:  # every message, progress included when there is no bar to draw
                self._print(f"         {step or 'run'}: {message}")
            return
        kind = event.event_type
        if kind == DagsterEventType.STEP_START:
            self._started[step] = time.perf_counter()
            self._report(step)
            if self.progress:  # on a terminal: say what runs until its line (or its progress bar) comes
                self._bar(f"  {step:<22} running ...")
        elif kind == DagsterEventType.ASSET_MATERIALIZATION:
            m = event.event_specific_data.materialization
            self._report(step).assets[m.asset_key.to_user_string()] = _values(m.metadata)
        elif kind == DagsterEventType.ASSET_CHECK_EVALUATION:
            self._report(step).checks.append(check_outcome(event.event_specific_data))
        elif kind == DagsterEventType.STEP_SUCCESS:
            self._finish(step)
        elif kind == DagsterEventType.STEP_FAILURE:
            error = getattr(event.event_specific_data, "error", None)
            self._report(step).error = getattr(error, "message", None) or "failed"
            self._finish(step)
        elif kind == DagsterEventType.STEP_SKIPPED:
            self._report(step).skipped = True
            self._finish(step)


@logger(
    config_schema={
        "progress": Field(bool, is_required=False, default_value=False,
                          description="redraw a progress bar in place (the output is a terminal)"),
        "verbose": Field(bool, is_required=False, default_value=False,
                         description="also print every message the steps log"),
    },
    description="One line per step with its counts; a progress bar on a terminal (used by `healthwork run`).",
)
def healthwork_console(init_context: InitLoggerContext) -> logging.Logger:
    out = logging.Logger(LOGGER_NAME, level=logging.DEBUG)
    out.addHandler(RunPrinter(sys.stdout, bool(init_context.logger_config["progress"]),
                              bool(init_context.logger_config["verbose"])))
    return out
