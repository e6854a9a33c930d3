"""The per-article pure work (cleaning, entity extraction) on every core, for large batches.

Dagster's in-process executor runs one step at a time on one core; a 10,000-article rebuild
spends most of its time in ``clean_article`` and ``extract_entities``, which are pure functions
of one article's text. ``ordered_map`` runs such a function over a process pool and yields the
results **in input order**, so the warehouse is identical whatever the number of workers.

- Workers: ``HEALTHWORK_WORKERS`` (default: the CPUs this process may use). ``1`` turns it off.
- Small batches (an incremental run's few new articles, the seeds) stay in-process: starting
  workers costs more than it saves below ``MIN_BATCH`` articles.
- Workers come from a ``forkserver`` (never ``fork`` of the run's process, which holds DuckDB
  and Dagster threads): a clean process that has imported only the pure modules.
- A task never raises into the pool: ``safe_clean``/``safe_extract`` return the error text, and
  the stage quarantines that one article as before.
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from healthwork import clean as cleaning
from healthwork import extract
from healthwork.clean import CleanResult
from healthwork.extract import Row
from healthwork.workers import main_module_hidden

ENV_WORKERS = "HEALTHWORK_WORKERS"
MIN_BATCH = 400
_PRELOAD = ["healthwork.parallel"]

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """Worker processes to use: ``HEALTHWORK_WORKERS`` or the CPUs available to this process."""
    raw = os.environ.get(ENV_WORKERS, "").strip()
    if raw:
        try:
            n = int(raw)
        except ValueError as exc:
            raise ValueError(f"{ENV_WORKERS} must be a whole number of processes, got {raw!r}") from exc
        if n < 1:
            raise ValueError(f"{ENV_WORKERS} must be at least 1, got {n}")
        return n
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(fn: Callable[[T], R], items: Sequence[T], *, init: Callable[..., None] | None = None,
                init_args: tuple[Any, ...] = (), min_batch: int = MIN_BATCH) -> Iterator[R]:
    """``map(fn, items)`` in input order, over a process pool when the batch is large enough.

    ``init(*init_args)`` runs once per worker (and once here when in-process): use it for data
    every task shares (e.g. the corpus's template lines), sent once instead of once per task."""
    n = min(workers(), max(1, len(items) // 50))
    if n <= 1 or len(items) < min_batch:
        if init is not None:
            init(*init_args)
        yield from map(fn, items)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    chunksize = max(1, min(64, len(items) // (n * 8)))
    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (OOM killer, a signal)
    # breaks the executor with BrokenProcessPool instead of leaving imap waiting for ever
    pool = ProcessPoolExecutor(n, mp_context=ctx, initializer=init, initargs=init_args)
    try:
        with main_module_hidden():  # map() submits every chunk, which starts the workers
            results = pool.map(fn, items, chunksize=chunksize)
        yield from results
    finally:  # a consumer that stops early (an error downstream) does not wait for the rest
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class Outcome(Generic[R]):
    value: R | None
    error: str | None = None  # "Type: message" for dq.quarantine
    trace: str = ""  # the worker's traceback, for the run log


def _failed(exc: Exception) -> Outcome[Any]:
    return Outcome(None, f"{type(exc).__name__}: {exc}", traceback.format_exc())


_template: frozenset[str] = frozenset()


def set_template(template: frozenset[str]) -> None:
    """Worker initialiser: the corpus's template line keys, shared by every cleaning task."""
    global _template
    _template = template


def safe_clean(text: str) -> Outcome[CleanResult]:
    try:
        return Outcome(cleaning.clean_article(text, _template))  # via the module: tests may patch it
    except Exception as exc:  # noqa: BLE001 - one bad file never fails the run for the good ones
        return _failed(exc)


def sorted_line_keys(text: str) -> list[str]:
    """A file's distinct line keys, sorted (its rows of ``clean.file_lines``)."""
    return sorted(cleaning.line_keys(text))


def safe_extract(body: str) -> Outcome[dict[str, list[Row]]]:
    try:
        return Outcome(extract.extract_entities(body))
    except Exception as exc:  # noqa: BLE001
        return _failed(exc)
