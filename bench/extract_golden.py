"""Golden output of extraction: every entity row ``extract_entities`` gives on every known page body.

Speed work on the extractors must not change a single row. This script cleans the raw files of the three
development sets (pages, web, uk), the seeds and the test pages with each set's template lines (as the
pipeline does), runs ``extract_entities`` on every body and stores the whole result, table by table.

    .venv/bin/python bench/extract_golden.py            # write the golden output (default /tmp/extract_golden_<worktree>.json)
    .venv/bin/python bench/extract_golden.py --compare  # report every page and table whose rows changed since
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
if str(PROJECT) not in sys.path:  # after PYTHONPATH: another copy of the code can be measured
    sys.path.append(str(PROJECT))

from bench.clean_golden import PAGE_SETS, corpus_common_lines, read_set, report_missing_and_new  # noqa: E402
from healthwork import clean as cleaning  # noqa: E402
from healthwork import extract  # noqa: E402

DEFAULT_OUT = Path(f"/tmp/extract_golden_{PROJECT.name}.json")  # one per worktree


def golden_output() -> dict[str, Any]:
    """{'set/file': {table: rows}} for the cleaned body of every page of every set."""
    output: dict[str, Any] = {}
    for set_name, folder in PAGE_SETS:
        if not folder.is_dir():
            continue
        pages = read_set(folder)
        common = corpus_common_lines([text for _, text in pages])
        for name, text in pages:
            body = cleaning.clean_article(text, common).body or ""
            # a JSON round trip: tuples become lists, as they are stored
            output[f"{set_name}/{name}"] = json.loads(json.dumps(extract.extract_entities(body), default=str))
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", action="store_true", help="compare with the stored output instead of writing it")
    parser.add_argument("--file", type=Path, default=DEFAULT_OUT, help=f"where the output lives (default {DEFAULT_OUT})")
    args = parser.parse_args()
    current = golden_output()
    if not args.compare:
        args.file.write_text(json.dumps(current, ensure_ascii=False, sort_keys=True))
        print(f"wrote the extraction output of {len(current)} pages to {args.file}")
        return 0
    stored: dict[str, Any] = json.loads(args.file.read_text())
    changed = 0
    for key in sorted(stored.keys() & current.keys()):
        tables = sorted(table for table in stored[key].keys() | current[key].keys()
                        if stored[key].get(table) != current[key].get(table))
        for table in tables:
            print(f"CHANGED {key} {table}")
            print(f"   was {stored[key].get(table)}")
            print(f"   now {current[key].get(table)}")
        changed += bool(tables)
    return report_missing_and_new(stored.keys(), current.keys(), changed)


if __name__ == "__main__":
    raise SystemExit(main())
