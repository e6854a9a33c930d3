"""Benchmark healthwork at scale and write bench/results.md.

    uv run python -m bench.run [--root /tmp/bench] [--sizes 1000 10000] [--pure-sample 2000] [--no-profile]

Measures, on synthetic corpora made by ``bench.generate`` (generated once under ROOT, reused):

- full rebuild (``healthwork run --full``) of each size: wall time, CPU time (user+sys of the process
  tree), articles/s, peak RSS of the whole process tree (polled from /proc every 50 ms);
- incremental runs on a copy of the largest warehouse: nothing new (``healthwork run`` answers without Dagster,
  then ``--force``: every step runs), then 1 new article, then 100 more;
- the pure functions (decode + clean + extract per article, one core) and the ratio of the
  pipeline's time to the pure time (what Dagster + DuckDB + bookkeeping add);
- warehouse size on disk and analyst query latencies (read-only connection);
- ``../shared/tools/score.py`` on each generated corpus, per measure, with misses by category;
- cProfile of the pure path and of a 1k pipeline run (top functions).

The machine is shared: CPU time is reported beside wall time, with the load average, because
wall time on a loaded 2-core box overstates what the pipeline itself needs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

from bench.generate import generate, make_article

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
SCORE = SHARED / "tools" / "score.py"
RESULTS = PROJECT / "bench" / "results.md"
FINDINGS = PROJECT / "bench" / "findings.md"

TARGETS = {"full10k_s": 30.0, "incr1_s": 5.0, "incr0_s": 3.0, "rss_gib": 1.5, "pure_per_core": 300.0, "ratio": 3.0,
           "score": 0.95}  # issue 17: full 10k < 30 s, +1 < 5 s, nothing new < 3 s


# --------------------------------------------------------------------------- process measurement
def _tree_rss_kib(root_pid: int) -> int:
    """Sum of VmRSS of root_pid and all its descendants (KiB)."""
    children: dict[int, list[int]] = defaultdict(list)
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                st = fh.read()
            ppid = int(st[st.rindex(")") + 2:].split()[1])
            children[ppid].append(int(d))
        except (OSError, ValueError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            pass
    return total


def measure(cmd: list[str], env: dict[str, str], log: Path) -> dict:
    """Run cmd; wall time, CPU time (children rusage delta), peak RSS of the process tree."""
    before = os.times()
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, cwd=env.get("BENCH_TREE", PROJECT), stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        stop = threading.Event()

        def poll() -> None:
            nonlocal peak
            while not stop.is_set():
                peak = max(peak, _tree_rss_kib(proc.pid))
                stop.wait(0.05)

        th = threading.Thread(target=poll, daemon=True)
        th.start()
        rc = proc.wait()
        stop.set()
        th.join()
    wall = time.perf_counter() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    text = log.read_text(errors="replace")
    m = re.search(r"succeeded in ([\d.]+) s|FAILED in ([\d.]+) s", text)
    failed = sorted({m.strip() for m in re.findall(r"^\s*(FAILED .*|step failed: [^:]+)", text, re.M)})
    steps = step_times(text)
    return {"rc": rc, "failed": failed, "wall_s": wall, "cpu_s": cpu, "peak_rss_mib": peak / 1024, "load": (load0 + os.getloadavg()[0]) / 2,
            "dagster_s": float(m.group(1) or m.group(2)) if m else None, "steps": steps}


STEP_LINE = re.compile(r"^  (?:ok|warn|FAILED|skip\w*)\s+(\S.*?)\s{2,}.*\(([\d.]+) s\)\s*$", re.M)


def step_times(text: str) -> dict[str, float]:
    """Seconds per step of a run's log: Dagster's debug events, or the CLI's step lines (``  ok  raw/files ... (6.0 s)``)."""
    steps = {name: _seconds(v) for name, v in
             re.findall(r'Finished execution of step "([^"]+)" in ((?:\d+h)?(?:\d+m)?[\d.]+m?s)\b', text)}
    return steps or {name.strip(): float(v) for name, v in STEP_LINE.findall(text)}


def _seconds(duration: str) -> float:
    """Dagster's step durations: '412ms', '7.0s', '3m12s', '1h2m3s'."""
    if duration.endswith("ms") and not re.search(r"\d+m\d", duration):
        return float(duration[:-2]) / 1000
    h, m, s = re.fullmatch(r"(?:(\d+)h)?(?:(\d+)m)?([\d.]+)s", duration).groups()
    return int(h or 0) * 3600 + int(m or 0) * 60 + float(s)


def bench_env(root: Path) -> dict[str, str]:
    """Subprocess environment: bytecode cached under ROOT (this sandbox sets PYTHONDONTWRITEBYTECODE,
    which makes every run recompile Dagster, ~4 s; a normal install has .pyc files)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "DAGSTER_HOME")}
    env["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
    return env


def readable(wh: Path) -> Path:
    """The published warehouse, or the staging copy when a blocking check stopped the publish."""
    st = wh.with_name(f".{wh.stem}.staging{wh.suffix}")
    return wh if wh.exists() else st


TREE_PARTS = ("healthwork", "assets", "pipelines", "expectations", "pyproject.toml")


def snapshot_tree(root: Path, env: dict[str, str], tries: int = 30) -> tuple[Path, str]:
    """Copy the code (not .git/.venv) to ROOT/tree so the whole benchmark measures one state of a tree
    that others are editing; retried until the copy imports. Returns (dir, fingerprint)."""
    import hashlib

    for attempt in range(tries):
        dst = root / "tree"
        shutil.rmtree(dst, ignore_errors=True)
        dst.mkdir(parents=True)
        for part in TREE_PARTS:
            src = PROJECT / part
            if src.is_dir():
                shutil.copytree(src, dst / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif src.exists():
                shutil.copy2(src, dst / part)
        h = hashlib.sha256()
        for f in sorted(dst.rglob("*")):
            if f.is_file():
                h.update(f.relative_to(dst).as_posix().encode() + f.read_bytes())
        probe = subprocess.run([sys.executable, "-c", "import pipelines.definitions, healthwork.cli"], env=env,
                               cwd=dst, capture_output=True, text=True)
        if probe.returncode == 0:
            return dst, h.hexdigest()[:12]
        print(f"snapshot {attempt + 1} does not import yet ({probe.stderr.strip().splitlines()[-1:]}); retrying",
              flush=True)
        time.sleep(20)
    raise SystemExit("the working tree did not import in time")


def nochecks_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "bench.nochecks", *args]


def hw_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "healthwork.cli", "run", "-v", *args]  # -v: the log gives each step's time


# --------------------------------------------------------------------------- corpora
def corpus(root: Path, n: int, seed: int) -> Path:
    d = root / f"corpus{n // 1000}k" if n % 1000 == 0 else root / f"corpus{n}"
    stamp = d / "STAMP"
    want = f"n={n} seed={seed}\n"
    if not (stamp.exists() and stamp.read_text() == want):
        shutil.rmtree(d, ignore_errors=True)
        t = time.perf_counter()
        generate(n, d, seed)
        stamp.write_text(want)
        print(f"generated {n} articles in {time.perf_counter() - t:.1f} s -> {d}", flush=True)
    return d


def plus_one(root: Path, base: Path, n: int, seed: int) -> tuple[Path, str]:
    """base's raw files hard-linked into a new folder, plus article n (not in base)."""
    d, names = plus_articles(root, base, n, 1, seed)
    return d, names[0]


def plus_articles(root: Path, base: Path, first: int, count: int, seed: int) -> tuple[Path, list[str]]:
    """base's raw files hard-linked into a new folder, plus articles first .. first + count - 1 (not in base)."""
    import hashlib

    d = root / f"{base.name}_plus{count}" / "raw"
    shutil.rmtree(d.parent, ignore_errors=True)
    d.mkdir(parents=True)
    for f in (base / "raw").iterdir():
        os.link(f, d / f.name)
    names = []
    for n in range(first, first + count):
        text, _ = make_article(seed, n)
        data = text.encode()
        names.append(f"{n:05d}_{hashlib.sha256(data).hexdigest()[:16]}.txt")
        (d / names[-1]).write_bytes(data)
    return d, names


# --------------------------------------------------------------------------- pure functions
def pure(raw: Path, sample: int) -> dict:
    """decode + clean + extract on one core, with the corpus's template lines as the stage computes them."""
    from healthwork import clean as cleaning
    from healthwork.decode import decode_bytes
    from healthwork.extract import extract_entities

    files = sorted(raw.iterdir())
    data = [f.read_bytes() for f in files]
    texts = [decode_bytes(b).text or "" for b in data]
    counts: Counter[str] = Counter()
    for t in texts:
        counts.update(cleaning.line_keys(t))
    common = cleaning.common_line_keys({k: c for k, c in counts.items() if c >= 2}, len(texts))
    step = max(1, len(data) // sample)
    idx = list(range(0, len(data), step))[:sample]
    phase = {"decode": 0.0, "clean": 0.0, "extract": 0.0}
    t_all = time.process_time()
    w_all = time.perf_counter()
    for i in idx:
        t0 = time.process_time()
        d = decode_bytes(data[i])
        t1 = time.process_time()
        r = cleaning.clean_article(d.text, common)
        t2 = time.process_time()
        extract_entities(r.body)
        t3 = time.process_time()
        phase["decode"] += t1 - t0
        phase["clean"] += t2 - t1
        phase["extract"] += t3 - t2
    cpu = time.process_time() - t_all
    return {"n": len(idx), "cpu_s": cpu, "wall_s": time.perf_counter() - w_all, "per_core": len(idx) / cpu,
            "phase_ms": {k: 1000 * v / len(idx) for k, v in phase.items()}}


def profile_pure(raw: Path, n: int, top: int = 18) -> list[tuple]:
    import cProfile
    import pstats

    from healthwork import clean as cleaning
    from healthwork.decode import decode_bytes
    from healthwork.extract import extract_entities

    files = sorted(raw.iterdir())[:n]
    data = [f.read_bytes() for f in files]
    pr = cProfile.Profile()
    pr.enable()
    for b in data:
        d = decode_bytes(b)
        r = cleaning.clean_article(d.text, frozenset())
        extract_entities(r.body)
    pr.disable()
    return _top(pstats.Stats(pr), top)


def _top(st, top: int) -> list[tuple]:
    rows = []
    for (fn, line, name), (cc, nc, tt, ct, _) in st.stats.items():
        rows.append((tt, ct, nc, f"{_short(fn)}:{line}({name})"))
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    return [(r[0], r[1], r[2], r[3], r[0] / total) for r in rows[:top]]


def _short(fn: str) -> str:
    for pre in (str(PROJECT) + "/", ".venv/lib/python3.11/site-packages/"):
        if fn.startswith(pre):
            fn = fn[len(pre):]
    i = fn.find("site-packages/")
    return fn[i + 14:] if i >= 0 else fn


PIPE_PROFILE = r"""
import cProfile, sys
pr = cProfile.Profile(); pr.enable()
from dagster import DagsterInstance
from healthwork.config import get_settings
from pipelines.run import run_job
r = run_job(get_settings(sys.argv[2], sys.argv[1]), full_rebuild=True, instance=DagsterInstance.ephemeral())
pr.disable(); pr.dump_stats(sys.argv[3])
"""


def profile_pipeline(raw: Path, root: Path, env: dict, top: int = 22) -> list[tuple]:
    import pstats

    script = root / "prof_pipeline.py"
    script.write_text(PIPE_PROFILE)
    out = root / "pipeline.prof"
    wh = root / "w_prof" / "healthwork.duckdb"
    shutil.rmtree(wh.parent, ignore_errors=True)
    subprocess.run([sys.executable, str(script), str(raw / "raw"), str(wh), str(out)], env=env,
                   cwd=env.get("BENCH_TREE", PROJECT),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    st = pstats.Stats(str(out))
    stage_rows = []
    for (fn, line, name), (cc, nc, tt, ct, _) in st.stats.items():
        if name in ("run_raw", "run_clean", "run_entities", "run_metrics", "publish", "replace_rows",
                    "decode_bytes", "clean_article", "extract_entities", "_connect_with_schema", "write",
                    "execute_in_process", "fix_text", "_open_staging") and ("healthwork" in fn or "ftfy" in fn
                                                                             or "job_definition" in fn):
            stage_rows.append((ct, tt, nc, f"{_short(fn)}:{line}({name})", 0.0))
    stage_rows.sort(reverse=True)
    return stage_rows + [None] + _top(st, top)  # type: ignore[list-item]


# --------------------------------------------------------------------------- warehouse queries
def sensor_times(folder: Path, plus: Path, warehouse: Path, repeat: int = 3) -> dict:
    """The folder sensor's evaluation on the big corpus, as the daemon runs it (median of ``repeat``):
    a first tick (no cursor: compares every file's size and mtime with raw.files, hashes nothing
    unchanged), a tick with nothing changed (folder fingerprint only), and a tick after one new file."""
    from healthwork import folder_state as fs

    def timed(dir_: Path, cur: fs.Cursor) -> tuple[float, fs.Evaluation]:
        runs = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            ev = fs.evaluate(dir_, warehouse, cur)
            runs.append((time.perf_counter() - t0, ev))
        return sorted(runs, key=lambda x: x[0])[len(runs) // 2]

    first_s, ev = timed(folder, fs.Cursor())
    same_s, _ = timed(folder, ev.cursor)
    new_s, ev_new = timed(plus, ev.cursor)
    return {"files": ev.files, "first_s": first_s, "unchanged_s": same_s, "one_new_s": new_s,
            "first_hashed": ev.pending.hashed if ev.pending else 0,
            "one_new_hashed": ev_new.pending.hashed if ev_new.pending else 0,
            "one_new_requests": int(ev_new.run_key is not None)}


QUERIES = {
    "funding by programme, 2024 onwards (join + group)": """
        SELECT f.programme, count(*) AS n, count(DISTINCT f.article_id) AS articles, sum(f.amount) AS total
        FROM entities.funding f JOIN clean.articles a USING (article_id)
        WHERE a.published_date >= DATE '2024-01-01' AND f.kind = 'funding'
        GROUP BY 1 ORDER BY total DESC""",
    "latest WorkWell articles with places (3-way join)": """
        SELECT a.published_date, a.title, string_agg(DISTINCT p.name, ', ') AS places
        FROM entities.programme_mentions m JOIN clean.articles a USING (article_id)
        LEFT JOIN entities.place_mentions p USING (article_id)
        WHERE m.programme = 'WorkWell' GROUP BY 1, 2 ORDER BY 1 DESC NULLS LAST LIMIT 50""",
    "full-text filter on bodies (ILIKE)": "SELECT count(*) FROM clean.articles WHERE body ILIKE '%fit note%'",
    "metrics.programme_funding top 20": "SELECT * FROM metrics.programme_funding ORDER BY n_articles DESC, amount DESC LIMIT 20",
}


def queries(warehouse: Path) -> dict:
    import duckdb

    t = time.perf_counter()
    con = duckdb.connect(str(warehouse), read_only=True)
    out = {"connect_ms": 1000 * (time.perf_counter() - t)}
    for name, sql in QUERIES.items():
        times = []
        for _ in range(5):
            t = time.perf_counter()
            con.execute(sql).fetchall()
            times.append(1000 * (time.perf_counter() - t))
        out[name] = {"first_ms": times[0], "median_ms": statistics.median(times)}
    out["rows"] = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in
                   ("clean.articles", "clean.dropped_lines", "clean.file_lines", "entities.funding",
                    "entities.person_mentions", "entities.quotes", "metrics.programme_funding")}
    con.close()
    return out


# --------------------------------------------------------------------------- quality
def score(warehouse: Path, corpus_dir: Path, root: Path, tag: str, env: dict) -> dict | None:
    if not SCORE.exists():
        return None
    js = root / f"score_{tag}.json"
    subprocess.run([sys.executable, str(SCORE), "--warehouse", str(warehouse), "--gold", str(corpus_dir / "gold"),
                    "--raw", str(corpus_dir / "raw"), "--json", str(js)], env=env, cwd=PROJECT,
                   stdout=subprocess.DEVNULL, check=False)
    return json.loads(js.read_text())


def categorise(sc: dict, corpus_dir: Path) -> dict[str, Counter]:
    """Misses grouped into categories a reader can act on (which rule / which field / which template)."""
    tmpl = {}
    for g in (corpus_dir / "gold").glob("*.json"):
        j = json.loads(g.read_text())
        tmpl[j["file"]] = j.get("template", "?")
    cats: dict[str, Counter] = {}
    for measure, ms in sc["misses"].items():
        c: Counter = Counter()
        if measure == "funding_detail":
            by_file: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"missing": [], "extra": []})
            for m in ms:
                f, rest = m.split(": ", 1)
                kind, key = rest.split(" ", 1)
                by_file[f][kind].append(key)
            for f, d in by_file.items():
                extra = list(d["extra"])
                for key in d["missing"]:
                    amt = " ".join(key.split()[:2])
                    match = next((e for e in extra if e.startswith(amt + " ")), None)
                    if match is None:
                        c["amount missing entirely"] += 1
                        continue
                    extra.remove(match)
                    g, o = _detail(key), _detail(match)
                    diffs = [k for k in ("qualifier", "period", "programme") if g[k] != o[k]]
                    for k in diffs:
                        c[f"{k}: gold {g[k] or '-'} / got {o[k] or '-'}" if k != "programme"
                          else f"programme: gold {'set' if g[k] else 'none'} / got {'set' if o[k] else 'none'}"
                          + (" (different)" if g[k] and o[k] else "")] += 1
                for _ in extra:
                    c["extra amount"] += 1
        elif measure == "cleaning":
            for m in ms:
                f = m.split(":", 1)[0]
                kind = "boilerplate kept" if "boilerplate kept" in m else "body line lost"
                text = m.split(": ", 2)[-1] if kind == "boilerplate kept" else m.split("lost: ", 1)[-1]
                text = re.sub(r"\d", "9", text)[:60]
                c[f"{kind} [{tmpl.get(f, '?')}] {text}"] += 1
        elif measure in ("title", "author", "published_date"):
            for m in ms:
                f = m.split(":", 1)[0]
                got = m.rsplit(" got ", 1)[-1]
                shape = "None" if got == "None" else re.sub(r"[A-Z][a-z]+", "Xx", re.sub(r"\d", "9", got))[:50]
                c[f"[{tmpl.get(f, '?')}] got {shape}"] += 1
        else:
            for m in ms:
                f, rest = m.split(": ", 1)
                kind, key = (rest.split(" ", 1) + [""])[:2]
                detail = f" {key}" if measure in ("organisations", "places", "programmes", "funding", "people_counts") else ""
                c[f"{kind} [{tmpl.get(f, '?')}]{detail}"] += 1
        cats[measure] = c
    return cats


def _detail(key: str) -> dict:
    # "<amount> <CUR> <qualifier> <period?> [<programme>]"
    head, prog = key.split("[", 1)
    parts = head.split()
    return {"qualifier": parts[2], "period": parts[3] if len(parts) > 3 else "", "programme": prog.rstrip("]").strip()}


# --------------------------------------------------------------------------- bulk-write audit
def bulk_write_audit() -> list[str]:
    """Statements executed inside Python loops over rows in the stages/store (row-by-row writes)."""
    out = []
    for p in sorted([*(PROJECT / "healthwork" / "stages").glob("*.py"), PROJECT / "healthwork" / "store.py"]):
        lines = p.read_text().split("\n")
        for i, line in enumerate(lines):
            s = line.strip()
            if "executemany" in s:
                out.append(f"{p.relative_to(PROJECT)}:{i + 1}: executemany: `{s[:100]}`")
            if re.match(r"for .+ in .+:$", s):
                ind = len(line) - len(line.lstrip())
                for j in range(i + 1, min(i + 8, len(lines))):
                    nxt = lines[j]
                    if nxt.strip() and len(nxt) - len(nxt.lstrip()) <= ind:
                        break
                    if re.search(r"\.execute\(\s*[f]?[\"'](?:INSERT|UPDATE|DELETE)", nxt, re.I):
                        out.append(f"{p.relative_to(PROJECT)}:{j + 1}: statement per loop iteration "
                                   f"(`{s[:60]}` → `{nxt.strip()[:90]}`)")
    return out


# --------------------------------------------------------------------------- report
def machine() -> str:
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def ok(v: float | None, target: float, lower_better: bool = True) -> str:
    if v is None:
        return "n/a"
    good = v <= target if lower_better else v >= target
    return "met" if good else "**missed**"


def fmt_s(x: float) -> str:
    return f"{x:.1f}"


def write_report(r: dict) -> None:
    L: list[str] = []
    a = L.append
    a("# healthwork benchmark results\n")
    a(f"Generated by `uv run python -m bench.run` ({r['args']}). Corpus: `bench/generate.py`, seed {r['seed']}.\n")
    a("| date | commit | machine |")
    a("| --- | --- | --- |")
    a(f"| {r['date']} | `{r['commit']}`{' + uncommitted changes' if r['dirty'] else ''} | {r['machine']} |\n")
    a(f"Code measured: a snapshot of the working tree taken at the start (`healthwork`, `assets`, `pipelines`, "
      f"`expectations`; content fingerprint `{r['tree']}`), because other engineers edit the tree while it runs.\n")
    a(f"The machine is shared with other sessions: load average during the runs was "
      f"{min(x['load'] for x in r['runs'].values()):.1f}–{max(x['load'] for x in r['runs'].values()):.1f} on 2 cores, "
      "so wall times include waiting for a CPU. Dagster runs one step at a time (in-process executor); inside the "
      "raw, clean and entities steps, batches of 400+ articles decode, clean and extract on a process pool "
      "(`HEALTHWORK_WORKERS`, here both cores). The CPU column counts the `healthwork` process itself and its "
      "waited-for children, not the pool's workers (children of a forkserver), so targets are judged on **wall "
      "time**.\n")
    a("## Targets\n")
    full10 = r["runs"].get(f"full {r['big']}")
    inc1 = r["runs"].get("incremental +1")
    if full10 and full10["rc"] != 0:  # blocked by a check: the assets-only run is the one that did all the work
        full10 = r["runs"].get(f"full {r['big']}, checks excluded", full10)
        inc1 = r["runs"].get("incremental +1, checks excluded", inc1)
    rss = max(x["peak_rss_mib"] for x in r["runs"].values()) / 1024
    p = r["pure"]
    ratio_wall = full10["wall_s"] / (r["big"] / p["per_core"]) if full10 else None
    sc = r["scores"].get(r["big"]) or r["scores"].get(r["sizes"][0])
    a("| target | measured | status |")
    a("| --- | --- | --- |")
    inc0 = r["runs"].get("incremental, nothing new")
    if full10:
        a(f"| {r['big']:,} full rebuild < {TARGETS['full10k_s']:.0f} s | {fmt_s(full10['wall_s'])} s wall | "
          f"{ok(full10['wall_s'], TARGETS['full10k_s'])} |")
    if inc1:
        a(f"| 1 new article into {r['big']:,} < 5 s | {fmt_s(inc1['wall_s'])} s wall | {ok(inc1['wall_s'], 5)} |")
    if inc0:
        a(f"| nothing new, {r['big']:,} < 3 s | {fmt_s(inc0['wall_s'])} s wall | {ok(inc0['wall_s'], 3)} |")
    a(f"| peak RSS < 1.5 GiB | {rss:.2f} GiB | {ok(rss, 1.5)} |")
    a(f"| pure extraction ≥ 300 articles/s/core | {p['per_core']:.0f} articles/s/core | {ok(p['per_core'], 300, False)} |")
    if ratio_wall:
        a(f"| pipeline/pure ≤ 3 | {ratio_wall:.2f} (pipeline wall / pure one-core time) | {ok(ratio_wall, 3)} |")
    if sc:
        a(f"| score.py mean ≥ 0.95 on the generated corpus | {sc['score']:.3f} | {ok(sc['score'], 0.95, False)} |")
    a("")
    a("## Full rebuild and incremental runs\n")
    a("`healthwork run` in a subprocess (bytecode cached; see notes). Peak RSS is the sum over the process tree, polled every 50 ms.\n")
    a("| run | articles | wall s | CPU s | Dagster-reported s | articles/s (wall) | articles/s (CPU) | peak RSS MiB | load avg | outcome |")
    a("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, x in r["runs"].items():
        n = x.get("n", 0)
        aps_w = f"{n / x['wall_s']:.0f}" if n else "–"
        aps_c = f"{n / x['cpu_s']:.0f}" if n else "–"
        a(f"| {name} | {n:,} | {fmt_s(x['wall_s'])} | {fmt_s(x['cpu_s'])} | {x['dagster_s'] or '–'} | {aps_w} | {aps_c} | "
          f"{x['peak_rss_mib']:.0f} | {x['load']:.1f} | {'ok' if x['rc'] == 0 else 'exit ' + str(x['rc']) + ': ' + '; '.join(x['failed'])[:300]} |")
    a("")
    runs_with_steps = {k: x for k, x in r["runs"].items() if x.get("steps")}
    if runs_with_steps:
        a("Seconds per Dagster step (from the run's log; asset checks are the `*_expectations` steps):\n")
        names = list(dict.fromkeys(st for x in runs_with_steps.values() for st in x["steps"]))
        a("| step | " + " | ".join(runs_with_steps) + " |")
        a("| --- |" + " ---: |" * len(runs_with_steps))
        for st in names:
            a(f"| {st} | " + " | ".join(f"{x['steps'][st]:.2f}" if st in x["steps"] else "–"
                                       for x in runs_with_steps.values()) + " |")
        a("| **sum of steps** | " + " | ".join(f"**{sum(x['steps'].values()):.2f}**" for x in runs_with_steps.values()) + " |")
        a("")
    if any(x["rc"] for x in r["runs"].values()):
        a("A run that exits non-zero was stopped by a blocking data-quality check: Dagster skips every step downstream "
          "of the failed check (entities, metrics, publish), so its time covers only what ran. The `checks excluded` "
          "rows run the same assets, resources and executor without the asset checks (`bench/nochecks.py`); the "
          "targets, quality scores, warehouse size and queries use those runs.\n")
    if r.get("sensor"):
        x = r["sensor"]
        a("## Folder sensor\n")
        a(f"`healthwork.folder_state.evaluate` (what `seeds_folder_sensor` runs each tick) on the {x['files']:,}-file "
          "folder against the published warehouse, median of 3:\n")
        a("| tick | seconds | files hashed | run requested |")
        a("| --- | ---: | ---: | --- |")
        a(f"| first tick (no cursor: size+mtime of every file compared with raw.files) | {x['first_s']:.3f} | {x['first_hashed']} | no |")
        a(f"| nothing changed (folder fingerprint equals the cursor's) | {x['unchanged_s']:.3f} | 0 | no |")
        a(f"| one new file | {x['one_new_s']:.3f} | {x['one_new_hashed']} | {'yes' if x['one_new_requests'] else 'no'} |\n")
    a("## Pure functions (one core)\n")
    a(f"decode + clean + extract on {p['n']:,} articles sampled evenly from the {r['big']:,} corpus, template lines "
      f"computed over the whole corpus as the clean stage does: **{p['per_core']:.0f} articles/s/core** "
      f"({p['cpu_s']:.1f} s CPU, {p['wall_s']:.1f} s wall).\n")
    a("| phase | ms/article |")
    a("| --- | ---: |")
    for k, v in p["phase_ms"].items():
        a(f"| {k} | {v:.2f} |")
    a(f"| total | {sum(p['phase_ms'].values()):.2f} |\n")
    if full10:
        pure_big = r["big"] / p["per_core"]
        a(f"Pipeline/pure: the {r['big']:,} rebuild took {full10['wall_s']:.1f} s wall against {pure_big:.1f} s of pure "
          f"work on one core → ratio **{ratio_wall:.2f}**. The pure work runs on both cores, so the pipeline's own cost "
          "(imports and Dagster, the data-quality checks, whole-corpus steps such as duplicates, metrics and the report, "
          "DuckDB writes and the publish copy) is roughly the wall time minus half the pure time; see the findings below.\n")
    a("## Warehouse\n")
    q = r["queries"]
    a(f"{r['big']:,}-article warehouse: published file **{r['wh_size_mib']:.1f} MiB** (staging copy beside it "
      f"{r['staging_size_mib']:.1f} MiB; input corpus {r['corpus_mib']:.1f} MiB). Read-only connect {q['connect_ms']:.0f} ms.\n")
    a("| analyst query | first run ms | median of 5 ms |")
    a("| --- | ---: | ---: |")
    for name in QUERIES:
        a(f"| {name} | {q[name]['first_ms']:.1f} | {q[name]['median_ms']:.1f} |")
    a("")
    a("Rows: " + ", ".join(f"{k} {v:,}" for k, v in q["rows"].items()) + "\n")
    a("## Extraction quality on the generated corpus (`../shared/tools/score.py`)\n")
    sizes = [s for s in r["sizes"] if r["scores"].get(s)]
    if sizes:
        a("| measure | " + " | ".join(f"P ({s:,})| R ({s:,}) | F1 ({s:,})" for s in sizes) + " |")
        a("| --- |" + " ---: | ---: | ---: |" * len(sizes))
        for m in r["scores"][sizes[0]]["results"]:
            a(f"| {m} | " + " | ".join(
                f"{r['scores'][s]['results'][m]['p']:.3f} | {r['scores'][s]['results'][m]['r']:.3f} | "
                f"**{r['scores'][s]['results'][m]['f']:.3f}**" for s in sizes) + " |")
        a("| **mean F1** | " + " | ".join(f" | | **{r['scores'][s]['score']:.3f}**" for s in sizes) + " |\n")
        s = sizes[-1]
        a(f"### Misses by category ({s:,} corpus)\n")
        a("Categories: `[template]` is the site template of the generated page (see `bench/generate.py`, `render`). "
          "funding_detail pairs each missing gold row with the extracted row of the same amount and names the field that differs.\n")
        for m, c in r["categories"].items():
            if not c:
                continue
            a(f"**{m}** ({sum(c.values())} misses)\n")
            for k, v in c.most_common(10):
                a(f"- {v} × {k}")
            if len(c) > 10:
                a(f"- … {len(c) - 10} more categories")
            a("")
    a("## Bulk writes\n")
    audit = r["audit"]
    if audit:
        a("Statements executed once per row in a Python loop (found by `bench/run.py`'s audit of `healthwork/stages/*.py` and `store.py`):\n")
        for x in audit:
            a(f"- {x}")
    else:
        a("No row-by-row INSERT/UPDATE/DELETE in a loop and no `executemany` in `healthwork/stages/*.py` or `store.py`.")
    a("\nTable writes are bulk: `store.replace_rows` (one DataFrame registered, one `INSERT ... SELECT` per table) and, in the "
      "raw, clean and entities stages, `stages/batches.append` (one Arrow table and one `INSERT ... SELECT` per table "
      "per batch of 2,000 articles).\n")
    if r.get("profile_pure"):
        a("## Profile: pure path (cProfile, tottime)\n")
        a(f"{r['profile_n']} articles, decode + clean + extract, no template lines. Times include cProfile overhead.\n")
        a("| tottime s | cumtime s | calls | share | function |")
        a("| ---: | ---: | ---: | ---: | --- |")
        for tt, ct, nc, name, share in r["profile_pure"]:
            a(f"| {tt:.3f} | {ct:.3f} | {nc} | {100 * share:.1f}% | `{name}` |")
        a("")
    if r.get("profile_pipe"):
        a(f"## Profile: pipeline, {r['sizes'][0]:,} articles in-process (cProfile)\n")
        a("Stage functions (cumulative):\n")
        a("| cumtime s | tottime s | calls | function |")
        a("| ---: | ---: | ---: | --- |")
        rows = r["profile_pipe"]
        cut = rows.index(None)
        for ct, tt, nc, name, _ in rows[:cut]:
            a(f"| {ct:.2f} | {tt:.2f} | {nc} | `{name}` |")
        a("\nTop functions by own time:\n")
        a("| tottime s | cumtime s | calls | share | function |")
        a("| ---: | ---: | ---: | ---: | --- |")
        for tt, ct, nc, name, share in rows[cut + 1:]:
            a(f"| {tt:.3f} | {ct:.3f} | {nc} | {100 * share:.1f}% | `{name}` |")
        a("")
    if FINDINGS.exists():
        a(FINDINGS.read_text())
    RESULTS.write_text("\n".join(L) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=Path("/tmp/bench"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--pure-sample", type=int, default=2000)
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--live", action="store_true", help="run the live tree instead of a snapshot copy of it")
    ap.add_argument("--json", type=Path, help="also dump the raw figures here")
    ap.add_argument("--report-only", type=Path, help="rewrite results.md from a --json dump of an earlier run")
    a = ap.parse_args(argv)
    if a.report_only:
        r = json.loads(a.report_only.read_text())
        r["scores"] = {int(k): v for k, v in r["scores"].items()}
        r["categories"] = {k: Counter(v) for k, v in r["categories"].items()}
        write_report(r)
        print(f"wrote {RESULTS}")
        return 0
    root = a.root.resolve()
    if str(root).startswith(str(PROJECT / "warehouse")):
        ap.error("never benchmark into the project's warehouse/ folder")
    root.mkdir(parents=True, exist_ok=True)
    env = bench_env(root)
    if a.live:
        tree, fp = PROJECT, "live tree"
    else:
        tree, fp = snapshot_tree(root, env)
        env["PYTHONPATH"] = f"{tree}{os.pathsep}{PROJECT}"
        sys.path.insert(0, str(tree))
    env["BENCH_TREE"] = str(tree)
    subprocess.run([sys.executable, "-c", "import pipelines.definitions"], env=env, cwd=tree, check=True)  # warm .pyc

    r: dict = {"args": " ".join(sys.argv[1:]) or "defaults", "seed": a.seed, "sizes": sorted(a.sizes),
               "big": max(a.sizes), "runs": {}, "scores": {}}
    r["date"] = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    r["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT, capture_output=True,
                                 text=True).stdout.strip()
    r["dirty"] = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=PROJECT,
                                     capture_output=True, text=True).stdout.strip())
    r["machine"] = machine()
    r["tree"] = fp
    dirs = {n: corpus(root, n, a.seed) for n in r["sizes"]}
    for n in r["sizes"]:
        wh = root / f"w{n}" / "healthwork.duckdb"
        shutil.rmtree(wh.parent, ignore_errors=True)
        x = measure(hw_cmd("--full", "--seeds", str(dirs[n] / "raw"), "--warehouse", str(wh)), env, root / f"full{n}.log")
        x["n"] = n
        r["runs"][f"full {n}"] = x
        print(f"full {n}: {x}", flush=True)
        if x["rc"] != 0:
            print((root / f"full{n}.log").read_text()[-3000:])
        eval_wh = wh
        if x["rc"] != 0:  # a blocking check stopped the run after clean: measure the assets without checks too
            wh = root / f"w{n}_nochecks" / "healthwork.duckdb"
            shutil.rmtree(wh.parent, ignore_errors=True)
            y = measure(nochecks_cmd(str(dirs[n] / "raw"), str(wh), "--full"), env, root / f"full{n}_nochecks.log")
            y["n"] = n
            r["runs"][f"full {n}, checks excluded"] = y
            print(f"full {n} nochecks: {y}", flush=True)
            eval_wh = wh
        r["eval_wh"] = {**r.get("eval_wh", {}), n: eval_wh}
        r["scores"][n] = score(readable(eval_wh), dirs[n], root, str(n), env)
    big = r["big"]
    wh_big = r["eval_wh"][big]
    plus, name = plus_one(root, dirs[big], big, a.seed)
    plus100, _ = plus_articles(root, dirs[big], big, 101, a.seed)
    variants = [("", hw_cmd, root / f"w{big}")]
    if r["runs"][f"full {big}"]["rc"] != 0:
        variants.append((", checks excluded", lambda _s, seeds, _w, wh: nochecks_cmd(seeds, wh), root / f"w{big}_nochecks"))
    for label, cmd, src in variants:
        # incremental on a copy of the big warehouse (published + staging)
        inc = root / f"w{big}_inc{label.replace(', ', '_').replace(' ', '_')}"
        shutil.rmtree(inc, ignore_errors=True)
        shutil.copytree(src, inc)
        x = measure(cmd("--seeds", str(dirs[big] / "raw"), "--warehouse", str(inc / "healthwork.duckdb")), env,
                    root / f"incr0{label.replace(', ', '_').replace(' ', '_')}.log")
        r["runs"][f"incremental, nothing new{label}"] = x
        print(f"incremental 0{label}: {x}", flush=True)
        if not label:  # the same through Dagster: every step runs, and finds nothing to do
            x = measure(hw_cmd("--force", "--seeds", str(dirs[big] / "raw"), "--warehouse", str(inc / "healthwork.duckdb")),
                        env, root / "incr0_force.log")
            r["runs"]["incremental, nothing new, --force (every step runs)"] = x
            print(f"incremental 0 --force: {x}", flush=True)
        x = measure(cmd("--seeds", str(plus), "--warehouse", str(inc / "healthwork.duckdb")), env,
                    root / f"incr1{label.replace(', ', '_').replace(' ', '_')}.log")
        x["n"] = 1
        r["runs"][f"incremental +1{label}"] = x
        print(f"incremental 1{label}: {x}", flush=True)
        # 100 more (the +1 article stays): articles big+1 .. big+100
        x = measure(cmd("--seeds", str(plus100), "--warehouse", str(inc / "healthwork.duckdb")), env,
                    root / f"incr100{label.replace(', ', '_').replace(' ', '_')}.log")
        x["n"] = 100
        r["runs"][f"incremental +100{label}"] = x
        print(f"incremental 100{label}: {x}", flush=True)

    r["published"] = wh_big.exists()
    r["wh_size_mib"] = readable(wh_big).stat().st_size / 2**20
    st = wh_big.with_name(f".{wh_big.stem}.staging{wh_big.suffix}")
    r["staging_size_mib"] = st.stat().st_size / 2**20 if st.exists() else 0.0
    r["corpus_mib"] = sum(f.stat().st_size for f in (dirs[big] / "raw").iterdir()) / 2**20
    r["queries"] = queries(readable(wh_big))
    r["sensor"] = sensor_times(dirs[big] / "raw", plus, readable(wh_big))
    print(f"sensor: {r['sensor']}", flush=True)
    r["pure"] = pure(dirs[big] / "raw", a.pure_sample)
    print(f"pure: {r['pure']}", flush=True)
    sc = r["scores"].get(big)
    r["categories"] = categorise(sc, dirs[big]) if sc else {}
    r["audit"] = bulk_write_audit()
    if not a.no_profile:
        r["profile_n"] = 300
        r["profile_pure"] = profile_pure(dirs[big] / "raw", 300)
        r["profile_pipe"] = profile_pipeline(dirs[r["sizes"][0]], root, env)
    write_report(r)
    if a.json:
        a.json.write_text(json.dumps(r, indent=1, default=str))
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
