"""Cleaning speed (issue 15: at most 1.5 ms per article on one core).

CPU time (``time.process_time``: the machine is shared, wall time includes waiting for a core) of
``clean_article`` over every raw page of a development set, with the per-line caches emptied before each pass
(a corpus of unseen pages gets no cache hits from another page's lines), best of N passes. Each set is cleaned
with its own template lines, as the clean stage does.

    .venv/bin/python bench/clean_speed.py                 # pages and web sets, best of 5
    .venv/bin/python bench/clean_speed.py --repeat 9 --profile web   # and the top functions of a cProfile pass
    .venv/bin/python bench/clean_speed.py --sets pages,web,uk          # the uk set too

Timings on a shared machine drift by a third. For a load-free measure, count instructions with callgrind: one pass
without timing (``--passes``) minus a run with none is the cost of a pass, the same to 0.1% at any load:

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        .venv/bin/python bench/clean_speed.py --passes 1   # 'Collected' on stderr; again with --passes 0
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:  # after PYTHONPATH: another copy of the code can be measured
    sys.path.append(str(PROJECT))

from bench.clean_golden import SHARED, corpus_common_lines, read_set  # noqa: E402
from healthwork import clean as cleaning  # noqa: E402

SPEED_SETS = {
    "pages": SHARED / "devset" / "pages" / "raw",
    "web": SHARED / "devset" / "web" / "raw",
    "uk": SHARED / "devset" / "uk" / "raw",
}
DEFAULT_SETS = "pages,web"


def bounded_caches(*module_prefixes: str) -> list[functools._lru_cache_wrapper]:
    """The bounded caches of the loaded modules whose names start with one of ``module_prefixes`` (per-line or
    per-text results; reference data caches are unbounded and stay filled, as in a long run)."""
    caches = []
    for name, module in sorted(sys.modules.items()):
        if not name.startswith(module_prefixes):
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is not None and info().maxsize is not None and value not in caches:
                caches.append(value)
    return caches


def per_line_caches() -> list[functools._lru_cache_wrapper]:
    """The bounded caches of the cleaning modules and of the date parser they use."""
    return bounded_caches("healthwork.clean", "healthwork.dates")


def clean_pass(texts: list[str], common: frozenset[str]) -> float:
    """CPU seconds to clean every text once, starting with empty per-line caches."""
    for cache in per_line_caches():
        cache.cache_clear()
    start = time.process_time()
    for text in texts:
        cleaning.clean_article(text, common)
    return time.process_time() - start


def best_ms_per_article(texts: list[str], common: frozenset[str], repeat: int) -> float:
    return min(clean_pass(texts, common) for _ in range(repeat)) * 1000 / len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5, help="passes per set; the best counts (default 5)")
    parser.add_argument("--profile", choices=sorted(SPEED_SETS), help="print a cProfile of one pass over this set")
    parser.add_argument("--top", type=int, default=30, help="functions in the profile (default 30)")
    parser.add_argument("--sets", default=DEFAULT_SETS, help=f"comma-separated sets of {sorted(SPEED_SETS)} (default {DEFAULT_SETS})")
    parser.add_argument("--passes", type=int, help="only clean each set this many times, untimed (to count instructions)")
    args = parser.parse_args()
    loaded = {}
    for set_name in args.sets.split(","):
        texts = [text for _, text in read_set(SPEED_SETS[set_name])]
        loaded[set_name] = (texts, corpus_common_lines(texts))
    cleaning.clean_article("A line.\nAnother line of the page, which ends as a sentence does.")  # imports and caches
    if args.passes is not None:
        for _ in range(args.passes):
            for texts, common in loaded.values():
                clean_pass(texts, common)
        return 0
    print(f"code: {Path(cleaning.__file__).parent}")
    clean_pass(*next(iter(loaded.values())))  # warm up: imports, compiled patterns, reference data
    for set_name, (texts, common) in loaded.items():
        ms = best_ms_per_article(texts, common, args.repeat)
        print(f"{set_name:6} {len(texts):4d} articles  {ms:.3f} ms/article (CPU, best of {args.repeat})")
    if args.profile:
        texts, common = loaded[args.profile]
        for cache in per_line_caches():
            cache.cache_clear()
        profiler = cProfile.Profile()
        profiler.enable()
        for text in texts:
            cleaning.clean_article(text, common)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
