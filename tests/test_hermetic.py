"""The tests are hermetic: they read fixture copies of the seeds and their gold (never the live seeds/
folder users add articles to), and what needs ../shared skips, with its reason, when it is absent."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, PROJECT, SEED_GOLD, SEEDS

# the test files that use ../shared (dev sets, score.py) when it is there
SHARED_USERS = ["test_clean.py", "test_counts.py", "test_money.py", "test_programmes.py", "test_organisations.py",
                "test_people.py", "test_places.py", "test_quotes.py"]


def test_fixture_seeds_have_their_gold() -> None:
    seeds = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert len(seeds) == 5 and SEEDS.parent == FIXTURES
    assert sorted(p.stem for p in SEED_GOLD.glob("*.json")) == seeds
    for p in SEED_GOLD.glob("*.json"):
        assert json.loads(p.read_text(encoding="utf-8"))["body"]  # each gold file has its article body


def test_no_test_reads_the_live_seeds_or_a_fixed_shared_path() -> None:
    live = re.compile(r"""(PROJECT|ROOT|parents\[1\])\s*/\s*["']seeds["']|parents\[2\]\s*/\s*["']shared["']""")
    offenders = [p.name for p in (PROJECT / "tests").glob("*.py") if live.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_without_shared_the_tests_that_need_it_skip_with_a_reason(tmp_path: Path) -> None:
    env = {**os.environ, "HEALTHWORK_SHARED_DIR": str(tmp_path / "no-shared-here")}
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
                          *(f"tests/{name}" for name in SHARED_USERS)],
                         cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600)
    summary = run.stdout.strip().splitlines()[-1]
    assert run.returncode == 0, run.stdout[-3000:]
    assert "failed" not in summary and "error" not in summary and "skipped" in summary, summary
    skips = [line for line in run.stdout.splitlines() if line.startswith("SKIPPED")]
    assert skips and all(re.search(r"shared|dev ?set", line) for line in skips), skips
