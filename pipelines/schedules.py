"""Schedules (filled in by the incremental-processing work)."""
from __future__ import annotations

SCHEDULES: list = []
