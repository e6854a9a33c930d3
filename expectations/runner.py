"""A thin Great Expectations 1.x wrapper: validate a DataFrame against a ``Suite``, build Data Docs.

dagster-ge does not support GX 1.x, so this is the whole integration: an ephemeral context
(in-memory stores, progress bars and analytics off) -> a pandas data source -> one dataframe asset
and whole-dataframe batch definition per suite -> the suite -> ``ValidationDefinition.run(
batch_parameters={"dataframe": df})``. GX is imported lazily, once per process (about 3.5 s).

One context serves one pipeline run (``session_key``). The Data Docs site at ``docs_dir`` keeps the
pages of the last ``keep_runs`` runs, works offline and shows the data's values escaped
(``expectations.docs``); every result is also in ``dq.check_results``. No Dagster here.

A run that will check rows calls ``start_worker`` first: a separate process imports GX at once (on the
other core, while Dagster starts and the raw stage runs) and from then on does this process's ``validate``
and ``build_docs`` (the same functions, there): GX still validates every row it did, but its import is off
the run's critical path. Without a worker (tests, ``healthwork check``) everything runs in this process.
"""
from __future__ import annotations

import atexit
import datetime as dt
import logging
import math
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from expectations import docs
from expectations.rules import Rule, Suite

log = logging.getLogger("healthwork.expectations")

N_EXAMPLES = 5  # unexpected values kept per failed expectation
DATASOURCE = "healthwork"


@dataclass(frozen=True)
class Outcome:
    """What one expectation found."""

    rule: Rule
    success: bool
    observed: Any  # GX's observed value, or the unexpected count/percent for column-map rules
    examples: tuple[dict[str, Any], ...]  # a few unexpected rows: the value and the suite's ``show`` columns
    error: str | None = None
    rows_checked: int | None = None  # rows it looked at (None: the suite result's n_rows)

    @property
    def label(self) -> str:
        return self.rule.label


@dataclass(frozen=True)
class SuiteResult:
    suite: str
    outcomes: tuple[Outcome, ...]
    n_rows: int
    docs_index: str | None = None  # file path of the Data Docs index, when built
    docs_page: str | None = None  # this validation's page

    @property
    def success(self) -> bool:
        return all(o.success for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def blocking_failed(self) -> list[Outcome]:
        return [o for o in self.failed if o.rule.blocking]

    def outcome(self, label: str) -> Outcome:
        return next(o for o in self.outcomes if o.label == label)


# ---------------------------------------------------------------- GX (lazy)

_lock = threading.Lock()
_session: tuple[tuple[str | None, str | None], Any] | None = None
_built: set[Any] = set()  # validation results of the session already rendered to Data Docs
_defined: dict[str, tuple[str, ...]] = {}  # suite name -> labels of the rules its GX suite holds in the session


def _gx() -> Any:
    import great_expectations as gx  # noqa: PLC0415 - ~3.5 s: only when a check runs

    return gx


# ---------------------------------------------------------------- the GX worker process

_worker: ProcessPoolExecutor | None = None
_worker_ready: Future[None] | None = None


def _import_gx_in_worker() -> None:
    _gx()


PARENT_POLL_S = 0.5


def _exit_with_parent(parent_pid: int) -> None:
    """Worker initialiser: end this process when the run's process is gone. A run killed with SIGKILL cannot
    shut its worker down, and the worker would wait on its task queue for ever (both ends of the pipe are
    open in the worker itself)."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(PARENT_POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def start_worker() -> None:
    """Start the process that imports GX now and does this process's validations and Data Docs from here
    on (idempotent; a no-op while one runs). Call it when a run starts that will check rows."""
    global _worker, _worker_ready
    with _lock:
        if _worker is not None:
            return
        from healthwork.workers import main_module_hidden  # noqa: PLC0415

        # spawn: a clean interpreter (never a fork of a process holding DuckDB and Dagster threads)
        _worker = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                      initializer=_exit_with_parent, initargs=(os.getpid(),))
        with main_module_hidden():  # the first submit starts the process
            _worker_ready = _worker.submit(_import_gx_in_worker)
    log.debug("GX worker started: importing great_expectations")


def stop_worker() -> None:
    """Shut the GX worker down (validations run in this process again)."""
    global _worker, _worker_ready
    with _lock:
        worker, _worker, _worker_ready = _worker, None, None
    if worker is not None:
        worker.shutdown(wait=True)  # queued Data Docs are written first


atexit.register(stop_worker)


def _in_worker(fn: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
    """(True, fn(*args) run in the GX worker) when one runs, else (False, None). A worker that died (OOM
    killer, a signal) is dropped with a warning and the caller runs the work here."""
    worker = _worker
    if worker is None:
        return False, None
    try:
        return True, worker.submit(fn, *args).result()
    except BrokenProcessPool:
        log.warning("the GX worker process died: validating in this process")
        stop_worker()
        return False, None


def _new_context(docs_dir: Path | None) -> Any:
    gx = _gx()
    from great_expectations.data_context.types.base import (  # noqa: PLC0415
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    cfg = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        progress_bars=ProgressBarsConfig(globally=False, metric_calculations=False),
        analytics_enabled=False,
        data_docs_sites={},
    )
    ctx = gx.get_context(mode="ephemeral", project_config=cfg)
    if docs_dir is not None:
        docs_dir.mkdir(parents=True, exist_ok=True)
        ctx.add_data_docs_site("healthwork", {
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        })
    ctx.data_sources.add_pandas(DATASOURCE)
    return ctx


def _context(docs_dir: Path | None, run_id: str | None) -> Any:
    """The context of this run (a new run, or another docs folder, gets a new one)."""
    global _session
    key = (str(docs_dir) if docs_dir else None, run_id)
    if _session is None or _session[0] != key:
        _session = (key, _new_context(docs_dir))
        _built.clear()
        _defined.clear()
    return _session[1]


def _validation_definition(ctx: Any, suite: Suite) -> Any:
    gx = _gx()
    labels = tuple(r.label for r in suite.rules)
    if _defined.get(suite.name) == labels:
        return ctx.validation_definitions.get(suite.name)
    ds = ctx.data_sources.get(DATASOURCE)
    if suite.name in _defined:  # the same table with other rules (all of them, or all but the invariants)
        ctx.validation_definitions.delete(suite.name)
        ctx.suites.delete(suite.name)
        ds.delete_asset(suite.name)
    _defined[suite.name] = labels
    batch = ds.add_dataframe_asset(suite.name).add_batch_definition_whole_dataframe("whole table")
    gx_suite = ctx.suites.add(gx.ExpectationSuite(name=suite.name))
    for r in suite.rules:
        cls = getattr(gx.expectations, r.expectation)
        notes = r.why if r.blocking else f"{r.why} (warning only: does not block downstream assets)"
        gx_suite.add_expectation(cls(**dict(r.kwargs), notes=notes, meta={"blocking": r.blocking, "rule": r.label}))
    return ctx.validation_definitions.add(gx.ValidationDefinition(name=suite.name, data=batch, suite=gx_suite))


# ---------------------------------------------------------------- public

def validate(suite: Suite, df: pd.DataFrame, params: Mapping[str, Any] | None = None, *,
             docs_dir: Path | None = None, run_id: str | None = None) -> SuiteResult:
    """Validate ``df`` against ``suite`` (in the GX worker when one runs); with ``docs_dir``, the results
    go to the Data Docs site there at the next ``build_docs``."""
    done, result = _in_worker(_validate_here, suite, df, params, docs_dir, run_id)
    return result if done else _validate_here(suite, df, params, docs_dir, run_id)


def _validate_here(suite: Suite, df: pd.DataFrame, params: Mapping[str, Any] | None,
                   docs_dir: Path | None, run_id: str | None) -> SuiteResult:
    missing = sorted(set(suite.params) - set(params or {}))
    if missing:
        raise ValueError(f"suite {suite.name} needs parameters {missing}")
    show = [c for c in suite.show if c in df.columns]
    # GX copies and scans what it is given: only the columns the rules and the examples name
    conditions = " ".join(str(r.kwargs.get("row_condition", "")) for r in suite.rules)
    needed = [c for c in df.columns if c in {r.column for r in suite.rules} or c in show or c in conditions]
    df = df[needed] if needed else df
    with _lock:
        ctx = _context(docs_dir, run_id)
        vd = _validation_definition(ctx, suite)
        from great_expectations.core.run_identifier import RunIdentifier  # noqa: PLC0415

        run_time = dt.datetime.now(dt.timezone.utc)
        gx_run = RunIdentifier(run_name=run_id or "adhoc", run_time=run_time)
        res = vd.run(batch_parameters={"dataframe": df.reset_index(drop=True)},
                     expectation_parameters=dict(params or {}), run_id=gx_run,
                     result_format={"result_format": "SUMMARY", "partial_unexpected_count": N_EXAMPLES,
                                    **({"unexpected_index_column_names": show} if show else {})})
    by_label = {}
    for er in res.results:
        meta = er.expectation_config.meta or {}
        by_label[meta.get("rule")] = er
    outcomes = []
    for r in suite.rules:
        er = by_label.get(r.label)
        if er is None:
            outcomes.append(Outcome(r, False, None, (), "GX returned no result for this rule"))
            continue
        result = er.result or {}
        exc = er.exception_info or {}
        error = exc.get("exception_message") if exc.get("raised_exception") else None
        if "observed_value" in result:
            observed = result["observed_value"]
        elif "unexpected_count" in result:
            observed = {"element_count": result.get("element_count"), "unexpected_count": result.get("unexpected_count"),
                        "unexpected_percent": result.get("unexpected_percent")}
        else:
            observed = None
        examples = result.get("partial_unexpected_index_list") or [
            {r.column or "value": v} for v in result.get("partial_unexpected_list") or []]
        outcomes.append(Outcome(r, bool(er.success), jsonable(observed),
                                tuple(jsonable(e) for e in examples[:N_EXAMPLES]), error))
    page = str(page_path(docs_dir, suite.name, run_id or "adhoc", run_time)) if docs_dir is not None else None
    return SuiteResult(suite.name, tuple(outcomes), len(df), docs_page=page)


def page_path(docs_dir: Path, suite_name: str, run_name: str, run_time: dt.datetime) -> Path:
    """Where GX's site builder writes the page of a validation (its layout: suite path, run name, run time,
    batch identifier), known before the page is built."""
    return (docs_dir / "validations" / Path(*suite_name.split(".")) / run_name
            / run_time.strftime("%Y%m%dT%H%M%S.%fZ") / f"{DATASOURCE}-{suite_name}.html")


def build_docs_soon(docs_dir: Path, run_id: str | None, suite_names: list[str],
                    keep_runs: int = docs.DEFAULT_KEEP_RUNS) -> tuple[str, dict[str, str]] | None:
    """With a GX worker: queue ``build_docs`` there and return at once (the index path, and no pages: each
    validation's ``docs_page`` says where its page will be); ``wait_for_docs`` waits for it. Without one:
    None, the caller builds them itself."""
    worker = _worker
    if worker is None:
        return None
    try:
        future = worker.submit(_build_docs_here, docs_dir, run_id, suite_names, keep_runs)
    except (BrokenProcessPool, RuntimeError):  # died or shut down: the caller builds them here
        return None
    with _lock:
        _pending_docs.append(future)
    return str(docs_dir / "index.html"), {}


_pending_docs: list[Future[tuple[str | None, dict[str, str]]]] = []


def wait_for_docs() -> None:
    """Wait until the Data Docs queued by ``build_docs_soon`` are written (end of a run)."""
    with _lock:
        pending = list(_pending_docs)
        _pending_docs.clear()
    for future in pending:
        try:
            future.result()
        except BrokenProcessPool:
            log.warning("the GX worker process died before writing the Data Docs")


def build_docs(docs_dir: Path, run_id: str | None, suite_names: list[str],
               keep_runs: int = docs.DEFAULT_KEEP_RUNS) -> tuple[str | None, dict[str, str]]:
    """Build the Data Docs site of this run's context: (index.html path, {suite: its validation page}).
    Values are escaped before GX renders them, the pages need no network, and the index lists every
    validation of the last ``keep_runs`` runs. In the GX worker when one runs (its context holds the run's
    results)."""
    done, result = _in_worker(_build_docs_here, docs_dir, run_id, suite_names, keep_runs)
    return result if done else _build_docs_here(docs_dir, run_id, suite_names, keep_runs)


def _build_docs_here(docs_dir: Path, run_id: str | None, suite_names: list[str],
                     keep_runs: int) -> tuple[str | None, dict[str, str]]:
    run_name = run_id or "adhoc"
    try:
        with _lock:
            ctx = _context(docs_dir, run_id)
            # render only what is new since the last build (suites and this stage's results) + the index
            from great_expectations.data_context.types.resource_identifiers import (  # noqa: PLC0415
                ExpectationSuiteIdentifier,
            )

            store = ctx.validation_results_store
            keys = set(store.list_keys()) - _built
            results = {key: _escaped(store, key) for key in keys}
            todo = [*keys, *(ExpectationSuiteIdentifier(name=n) for n in suite_names)]
            # no GX index: building it deletes the pages of earlier runs (not in this context's store), and
            # it is drawn by CDN scripts; docs.record writes a static one over every kept run
            ctx.build_data_docs(resource_identifiers=todo, build_index=False)
            _built.update(keys)
        docs.offline_site(docs_dir, docs_dir.rglob("*.html"))
        new = [v for v in (_validation(docs_dir, vr, run_name) for vr in results.values()) if v]
        docs.record(docs_dir, new, keep_runs)
    except Exception:  # noqa: BLE001 - docs are a view: never fail a check over them
        log.exception("building Data Docs in %s failed", docs_dir)
        return None, {}
    pages = {n: p for n in suite_names if (p := _page_for(docs_dir, n, run_name))}
    return str(docs_dir / "index.html"), pages


def _escaped(store: Any, key: Any) -> Any:
    """The stored validation result with every value it shows HTML-escaped (GX writes them raw)."""
    vr = store.get(key)
    for er in vr.results:
        er.result = docs.escape_values(er.result or {})
        if er.exception_info:
            er.exception_info = docs.escape_values(er.exception_info)
    store.set(key, vr)
    return vr


def _validation(docs_dir: Path, vr: Any, run_name: str) -> docs.Validation | None:
    page = _page_for(docs_dir, vr.suite_name, run_name)
    if page is None:
        return None
    stats = vr.statistics or {}
    run_time = getattr(getattr(vr.meta.get("run_id"), "run_time", None), "isoformat", None)
    return docs.Validation(
        run=run_name, time=run_time() if run_time else dt.datetime.now(dt.timezone.utc).isoformat(),
        suite=vr.suite_name, success=bool(vr.success), evaluated=int(stats.get("evaluated_expectations") or 0),
        passed=int(stats.get("successful_expectations") or 0), page=Path(page).relative_to(docs_dir).as_posix())


def jsonable(v: Any) -> Any:
    """GX results carry numpy scalars, dates and NaN: make them plain JSON values."""
    if isinstance(v, Mapping):
        return {str(k): jsonable(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set, frozenset)):
        return [jsonable(x) for x in v]
    if hasattr(v, "item") and not isinstance(v, (str, bytes)):  # numpy scalar
        v = v.item()
    if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
        return None
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return None if pd.isna(v) else v.isoformat()
    return str(v)


def _page_for(docs_dir: Path, suite_name: str, run_name: str) -> str | None:
    """The latest Data Docs page of a suite in this run (GX lays pages out by suite, run name and time)."""
    root = docs_dir / "validations" / Path(*suite_name.split("."))
    pages = sorted(root.glob(f"{run_name}/**/*.html"), key=lambda p: p.stat().st_mtime)
    return str(pages[-1]) if pages else None
