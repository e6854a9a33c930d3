"""Code versions of the stages: a hash of the modules each stage runs (and their reference data).

When a stage's code version differs from the one recorded in ``meta.stage_state``, the stage
re-processes every article instead of only new ones, so a warehouse never mixes outputs of
two versions of the rules.
"""
from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent

STAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "raw": ("decode.py", "ingest.py", "limits.py"),
    "clean": ("clean", "dates.py", "limits.py"),
    "entities": ("extract", "reference"),
    "metrics": ("metrics.py", "dedup.py"),
    "dedup": ("dedup.py",),  # stored signatures and LSH bands (clean.article_signatures) are of this version
}


@cache
def code_version(stage: str) -> str:
    h = hashlib.sha256()
    for rel in STAGE_SOURCES[stage]:
        p = _PKG / rel
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and f.suffix in {".py", ".csv"}:
                h.update(f.relative_to(_PKG).as_posix().encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]
