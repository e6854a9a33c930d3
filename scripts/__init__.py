"""Developer scripts (not part of the pipeline): what they share is where the shared dev sets live."""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
# the shared dev sets and tools, found as tests/conftest.py finds them
SHARED = Path(os.environ.get("HEALTHWORK_SHARED_DIR") or ROOT.parent / "shared")


def score_module() -> ModuleType:
    """The dev sets' own scorer, ``../shared/tools/score.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location("devset_score", SHARED / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
