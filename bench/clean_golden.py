"""Golden output of cleaning: a hash of every field of ``clean_article``'s result on every known page.

Speed work on the cleaning code must not change a single result. This script runs ``clean_article`` on the
raw files of the three development sets (pages, web, uk), the seeds and the test fixtures, each set once with
its own corpus template lines (as the clean stage computes them) and once without any, and hashes each whole
result: title, author, date, url, body, kept line numbers and every dropped line with its rule.

    .venv/bin/python bench/clean_golden.py            # write the golden hashes (default /tmp/clean_golden_<worktree>.json)
    .venv/bin/python bench/clean_golden.py --compare  # report every page whose result changed since
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator, KeysView
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
if str(PROJECT) not in sys.path:  # after PYTHONPATH: another copy of the code can be measured
    sys.path.append(str(PROJECT))

from healthwork import clean as cleaning  # noqa: E402
from healthwork.clean.result import CleanResult  # noqa: E402
from healthwork.decode import decode_bytes  # noqa: E402

# (set name, folder of raw page files)
PAGE_SETS: tuple[tuple[str, Path], ...] = (
    ("pages", SHARED / "devset" / "pages" / "raw"),
    ("web", SHARED / "devset" / "web" / "raw"),
    ("uk", SHARED / "devset" / "uk" / "raw"),
    ("seeds", PROJECT / "tests" / "fixtures" / "seeds"),
    ("shared_seeds", SHARED / "seeds"),
    ("test_pages", PROJECT / "tests" / "pages"),
)
DEFAULT_OUT = Path(f"/tmp/clean_golden_{PROJECT.name}.json")  # one per worktree


def read_set(folder: Path) -> list[tuple[str, str]]:
    """(file name, decoded text) of every .txt page in a folder, in name order."""
    return [(path.name, decode_bytes(path.read_bytes()).text or "") for path in sorted(folder.glob("*.txt"))]


def corpus_common_lines(texts: list[str]) -> frozenset[str]:
    """The set's template lines, counted the way the clean stage counts them."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(cleaning.line_keys(text))
    return cleaning.common_line_keys({key: n for key, n in counts.items() if n >= 2}, len(texts))


def result_fingerprint(result: CleanResult) -> str:
    """A hash of every field of one cleaning result."""
    fields = [
        result.title,
        result.author,
        result.published_date.isoformat() if result.published_date else None,
        result.url,
        result.body,
        list(result.kept_line_nos),
        [[item.line_no, item.text, item.rule] for item in result.dropped],
    ]
    return hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode()).hexdigest()[:20]


def golden_hashes() -> Iterator[tuple[str, str]]:
    """('set/mode/file', hash) for every page of every set, with and without the set's template lines."""
    for set_name, folder in PAGE_SETS:
        if not folder.is_dir():
            continue
        pages = read_set(folder)
        common = corpus_common_lines([text for _, text in pages])
        for mode, lines in (("corpus", common), ("alone", frozenset())):
            for name, text in pages:
                yield f"{set_name}/{mode}/{name}", result_fingerprint(cleaning.clean_article(text, lines))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", action="store_true", help="compare with the stored hashes instead of writing them")
    parser.add_argument("--file", type=Path, default=DEFAULT_OUT, help=f"where the hashes live (default {DEFAULT_OUT})")
    args = parser.parse_args()
    current = dict(golden_hashes())
    if not args.compare:
        args.file.write_text(json.dumps(current, indent=0, sort_keys=True))
        print(f"wrote {len(current)} result hashes to {args.file}")
        return 0
    stored: dict[str, str] = json.loads(args.file.read_text())
    changed = sorted(key for key in stored.keys() & current.keys() if stored[key] != current[key])
    for key in changed:
        print(f"CHANGED {key}")
    return report_missing_and_new(stored.keys(), current.keys(), len(changed))


def report_missing_and_new(stored: KeysView[str], current: KeysView[str], changed: int) -> int:
    """Print the golden keys gone and added and the one-line summary of a comparison whose ``changed`` results were
    already listed; the exit code: 1 when a result changed or went missing."""
    missing = sorted(stored - current)
    new = sorted(current - stored)
    for key in missing:
        print(f"MISSING {key}")
    for key in new:
        print(f"NEW {key}")
    same = len(stored & current) - changed
    print(f"{same} identical, {changed} changed, {len(missing)} missing, {len(new)} new")
    return 1 if changed or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
