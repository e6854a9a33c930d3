#!/usr/bin/env bash
# Build a warehouse from the project's own made-up development set (tests/synth: 40 invented pages
# with full gold, written independently of the code) and score it with ../shared/tools/score.py.
#
#   scripts/synth.sh [all|tune|check] [-v]
#     all (default) | tune (even page number sNNN) | check (odd page number: measure only)
#
# Run from the project root after `uv sync`. The project's own warehouse is not touched.
set -euo pipefail
half=${1:-all}; verbose=${2:-}
[ "$half" = "-v" ] && { half=all; verbose=-v; }
case $half in all|tune|check) ;; *) echo "usage: scripts/synth.sh [all|tune|check] [-v]" >&2; exit 2 ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
set_dir=$root/tests/synth
score=${HEALTHWORK_SHARED_DIR:-$root/../shared}/tools/score.py
[ -f "$score" ] || { echo "score.py not found at $score (set HEALTHWORK_SHARED_DIR)" >&2; exit 2; }
[ -x "$root/.venv/bin/healthwork" ] || { echo "run after uv sync (no .venv/bin/healthwork)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in" "$tmp/gold"
"$root/.venv/bin/python" - "$set_dir" "$tmp" "$half" <<'PY'
import json, re, shutil, sys
from pathlib import Path
set_dir, tmp, half = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
def side(stem: str) -> str:
    m = re.match(r"s(\d+)", stem)
    return "tune" if m and int(m.group(1)) % 2 == 0 else "check"
n = 0
for g in sorted((set_dir / "gold").glob("*.json")):
    f = json.loads(g.read_text(encoding="utf-8"))["file"]
    if half != "all" and side(Path(f).stem) != half:
        continue
    shutil.copy(set_dir / "raw" / f, tmp / "in" / f); shutil.copy(g, tmp / "gold" / g.name); n += 1
shutil.copy(set_dir / "commitments.json", tmp / "commitments.json")
print(f"synth ({half}): {n} pages", file=sys.stderr)
PY
HEALTHWORK_SEEDS_DIR="$tmp/in" HEALTHWORK_WAREHOUSE="$tmp/w.duckdb" "$root/.venv/bin/healthwork" run --full >"$tmp/run.log" 2>&1 \
  || { echo "healthwork run failed:"; tail -n 5 "$tmp/run.log"; exit 1; }
"$root/.venv/bin/python" "$score" --warehouse "$tmp/w.duckdb" --gold "$tmp/gold" --raw "$tmp/in" $verbose
