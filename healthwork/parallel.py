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
- Bounded memory: ``map_batches`` streams batches of tasks through one pool, keeping at most
  ``AHEAD`` batches in flight, so a 100,000-article stage holds a few thousand texts and results at
  a time, and the main process writes one batch's rows while the workers compute the next ones.
- Workers hand back rows, not objects: ``clean_task``/``extract_task`` return the tuples the stage
  inserts (column order of the warehouse tables), which are cheaper to send between processes
  and need no per-row building in the main process.
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from healthwork import clean as cleaning
from healthwork import extract
from healthwork.clean import CleanResult
from healthwork.extract import Row
from healthwork.workers import main_module_hidden

ENV_WORKERS = "HEALTHWORK_WORKERS"
MIN_BATCH = 400
_PRELOAD = ["healthwork.parallel", "healthwork.ingest"]  # every task function's module

AHEAD = 2  # batches computed ahead of the one the main process is writing
ORDERED_MAP_BATCH = 2_000  # ordered_map's batches: bounded results in flight whatever the input's length

T = TypeVar("T")
R = TypeVar("R")
K = TypeVar("K")


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
    batches = ((None, items[i:i + ORDERED_MAP_BATCH]) for i in range(0, len(items), ORDERED_MAP_BATCH))
    for _, results in map_batches(fn, batches, len(items), init=init, init_args=init_args, min_batch=min_batch):
        yield from results


def map_batches(fn: Callable[[T], R], batches: Iterable[tuple[K, Sequence[T]]], total: int, *,
                init: Callable[..., None] | None = None, init_args: tuple[Any, ...] = (),
                min_batch: int = MIN_BATCH, ahead: int = AHEAD) -> Iterator[tuple[K, list[R]]]:
    """(label, [fn(item) for item in batch]) for each (label, batch) of ``batches``, in order.

    ``total`` (the number of items in all batches) decides between the pool and this process, as in
    ``ordered_map``. On the pool, one set of workers serves every batch; ``batches`` is consumed lazily,
    ``ahead`` batches beyond the one being handed back, so the caller's work on a batch's results (DuckDB
    writes) overlaps the workers' work on the next ones and memory stays bounded by a few batches."""
    n = min(workers(), max(1, total // 50))
    if n <= 1 or total < min_batch:
        if init is not None:
            init(*init_args)
        for label, batch in batches:
            yield label, [fn(x) for x in batch]
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    # concurrent.futures rather than multiprocessing.Pool: a worker that dies (OOM killer, a signal)
    # breaks the executor with BrokenProcessPool instead of leaving imap waiting for ever
    pool = ProcessPoolExecutor(n, mp_context=ctx, initializer=init, initargs=init_args)
    pending: deque[tuple[K, list[Future[list[R]]]]] = deque()
    todo = iter(batches)

    def submit_next() -> None:
        got = next(todo, None)
        if got is None:
            return
        label, batch = got
        size = max(1, min(64, len(batch) // (n * 8)))
        with main_module_hidden():  # the first submit starts the workers
            pending.append((label, [pool.submit(_run_chunk, fn, batch[i:i + size])
                                    for i in range(0, len(batch), size)]))

    try:
        for _ in range(ahead + 1):
            submit_next()
        while pending:
            label, futures = pending.popleft()
            submit_next()  # before waiting: the workers never idle while this batch is handed back
            yield label, [r for f in futures for r in f.result()]
    finally:  # a consumer that stops early (an error downstream) does not wait for the rest
        pool.shutdown(wait=True, cancel_futures=True)


def _run_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [fn(x) for x in chunk]


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


def has_article(body: str) -> bool:
    """At least one sentence-like line: several words ending in sentence punctuation."""
    for line in body.split("\n"):
        words = line.split()
        if len(words) >= 6 and line.rstrip()[-1:] in ".!?\"'”’)":
            return True
    return False


@dataclass(frozen=True)
class CleanRows:
    """One article cleaned, as warehouse rows: its ``clean.articles`` row (None when no sentence-like line
    is left: the stage quarantines it) and its ``clean.dropped_lines`` rows, in the tables' column order."""

    article: tuple[Any, ...] | None
    dropped: list[tuple[str, int, str, str]]


def clean_task(task: tuple[str, str, str]) -> Outcome[CleanRows]:
    """(article_id, source_file, text) -> its rows, cleaned with the template lines of ``set_template``."""
    aid, source_file, text = task
    got = safe_clean(text)
    r = got.value
    if r is None:
        return Outcome(None, got.error, got.trace)
    dropped = [(aid, d.line_no, d.text, d.rule) for d in r.dropped]
    if not has_article(r.body):
        return Outcome(CleanRows(None, dropped))
    n_lines = sum(1 for x in text.split("\n") if x.strip())
    article = (aid, source_file, r.title, r.author, r.published_date, r.url, r.body, n_lines,
               len(r.kept_line_nos), hashlib.sha256(r.body.encode()).hexdigest())
    return Outcome(CleanRows(article, dropped))


CLEAN_ARTICLE_COLUMNS = ("article_id", "source_file", "title", "author", "published_date", "url", "body", "n_lines",
                         "n_body_lines", "body_sha")  # clean_task's article tuple
DROPPED_LINE_COLUMNS = ("article_id", "line_no", "text", "rule")

_entity_columns: dict[str, tuple[str, ...]] = {}


def set_entity_columns(columns: dict[str, tuple[str, ...]]) -> None:
    """Worker initialiser: the columns of each entity table, in the order ``extract_task`` returns them."""
    global _entity_columns
    _entity_columns = columns


def extract_task(task: tuple[str, str]) -> Outcome[dict[str, list[tuple[Any, ...]]]]:
    """(article_id, body) -> its entity rows per table, as tuples in the columns of ``set_entity_columns``
    (a column the extractor does not fill is NULL; ``article_id`` is the task's)."""
    aid, body = task
    got = safe_extract(body)
    if got.value is None:
        return Outcome(None, got.error, got.trace)
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table, rows in got.value.items():
        cols = _entity_columns[table]
        out[table] = [tuple(aid if c == "article_id" else r.get(c) for c in cols) for r in rows]
    return Outcome(out)
