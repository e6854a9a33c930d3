"""Extraction speed (issue 14: at most 2.5 ms per article on one core).

CPU time (``time.process_time``: the machine is shared, wall time includes waiting for a core) of
``extract_entities`` over the cleaned body of every raw page of a development set, with the extractors'
bounded caches emptied before each pass, best of N passes. Bodies are cleaned once, with each set's template
lines, as the pipeline does; only extraction is timed.

    .venv/bin/python bench/extract_speed.py               # uk, pages and web sets, best of 5
    PYTHONPATH=/tmp/old .venv/bin/python bench/extract_speed.py   # the same for another copy of the code
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:  # after PYTHONPATH: another copy of the code can be measured
    sys.path.append(str(PROJECT))

from bench.clean_golden import SHARED, corpus_common_lines, read_set  # noqa: E402
from bench.clean_speed import bounded_caches  # noqa: E402
from healthwork import clean as cleaning  # noqa: E402
from healthwork import extract  # noqa: E402

SPEED_SETS = {name: SHARED / "devset" / name / "raw" for name in ("uk", "pages", "web")}


def extract_pass(bodies: list[str]) -> float:
    """CPU seconds to extract every body once, starting with empty per-text caches."""
    for cache in bounded_caches("healthwork.extract"):
        cache.cache_clear()
    start = time.process_time()
    for body in bodies:
        extract.extract_entities(body)
    return time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="passes per set; the best counts (default 5)")
    args = parser.parse_args()
    print(f"code: {Path(extract.__file__).parent}")
    for set_name, folder in SPEED_SETS.items():
        texts = [text for _, text in read_set(folder)]
        common = corpus_common_lines(texts)
        bodies = [cleaning.clean_article(text, common).body or "" for text in texts]
        extract_pass(bodies)  # warm up: imports, compiled patterns, reference data
        ms = min(extract_pass(bodies) for _ in range(args.repeat)) * 1000 / len(bodies)
        print(f"{set_name:6} {len(bodies):4d} articles  {ms:.3f} ms/article (CPU, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
