"""Starting worker processes (the cleaning/extraction pool, the GX worker) from any main module.

Kept apart from ``healthwork.parallel`` (which imports the cleaning and extraction code, ~0.3 s quiet and 1.4 s at
load 6) so that ``expectations.runner.start_worker`` can start the GX worker, whose import of GX the first check
waits for, before anything heavy is imported."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def main_module_hidden() -> Iterator[None]:
    """Start workers without re-importing ``__main__``.

    multiprocessing's spawn/forkserver workers import the parent's main module first. Ours may be
    anything: ``python -m dagster api execute_run`` (the daemon's runs; dagster/__main__.py runs the CLI
    on import), a user's unguarded script, stdin. The tasks are functions of real modules
    (``healthwork.*``), so the main module is not needed: hide its spec and file while the pool starts."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__spec__", "__file__") if k in main.__dict__}
    main.__dict__["__spec__"] = None
    main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)
