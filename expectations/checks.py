"""Asset checks (Great Expectations suites per stage, filled in by the data-quality work)."""
from __future__ import annotations
