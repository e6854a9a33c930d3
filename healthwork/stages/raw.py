"""Stage raw: bring raw.files in line with the input folder; quarantine what cannot be an article."""
from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from healthwork import limits, parallel
from healthwork.config import Settings
from healthwork.decode import UNDECODABLE, Decoded, decode_bytes, too_large
from healthwork.ingest import (
    OUTSIDE_INPUT,
    SKIPPED,
    Known,
    OutsideInputError,
    article_id_for,
    diff_folder,
    read_file,
    scan_folder,
)
from healthwork.stages import common
from healthwork.stages.guard import Scan
from healthwork.store import replace_rows

DUPLICATE = "duplicate"


@dataclass(frozen=True)
class Loaded:
    """One input file read, hashed and (unless its content is already known) decoded."""

    sha256: str = ""
    size: int = 0
    decoded: Decoded | None = None  # None: same bytes as the warehouse already holds
    read_error: str | None = None  # the file could not be read
    trace: str = ""  # traceback of a decoder failure (the file is then quarantined as undecodable)
    outside: bool = False  # its real path left the input folder after the scan: not read


def load_file(task: tuple[str, int, str | None, str]) -> Loaded:
    """(path, size limit, sha256 the warehouse knows for this name, input folder) -> Loaded. Never raises: runs on the
    worker processes of ``healthwork.parallel`` for large batches."""
    path, max_bytes, known_sha, root = task
    try:
        got = read_file(Path(path), max_bytes, Path(root))
    except OutsideInputError as exc:
        return Loaded(read_error=str(exc.strerror or exc), outside=True)
    except OSError as exc:
        return Loaded(read_error=str(exc.strerror or exc))
    if got.sha256 == known_sha:
        return Loaded(got.sha256, got.size)
    try:
        d = decode_bytes(got.data, max_bytes) if got.data is not None else too_large(got.size, max_bytes)
        return Loaded(got.sha256, got.size, d)
    except Exception as exc:  # noqa: BLE001
        return Loaded(got.sha256, got.size, Decoded(None, None, UNDECODABLE, f"{type(exc).__name__}: {exc}"),
                      trace=traceback.format_exc())


@dataclass
class RawSummary:
    files: int = 0
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0
    quarantined: list[tuple[str, str]] = field(default_factory=list)  # (file, reason) of this run
    skipped: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0


def run_raw(con: duckdb.DuckDBPyConnection, settings: Settings, full: bool = False,
            scanned: Scan | None = None) -> RawSummary:
    """Bring ``raw.files`` in line with the input folder (``scanned``: its ``scan_folder``, when the caller
    has it already: one listing of 100k files is ~1 s); quarantine what cannot be an article."""
    s = RawSummary()
    whole = full or common.stage_version_changed(con, "raw")
    if whole:
        con.execute("DELETE FROM raw.files")
    known = {r[0]: Known(r[1], r[2], r[3]) for r in con.execute(
        "SELECT source_file, size_bytes, mtime_ns, sha256 FROM raw.files").fetchall()}
    files, skipped = scanned if scanned is not None else scan_folder(settings.seeds_dir)
    s.files, s.skipped = len(files), [(k.name, k.reason) for k in skipped]
    codes = {k.name: k.code for k in skipped}
    diff = diff_folder(files, skipped, known)
    s.unchanged, s.deleted = len(diff.unchanged), list(diff.deleted)
    rows: list[dict[str, Any]] = []
    touch_only: list[tuple[int, str]] = []
    todo = [*diff.new, *diff.touched]
    tasks = [(str(f.path), settings.max_file_bytes, known[f.name].sha256 if f.name in known else None,
              str(settings.seeds_dir)) for f in todo]
    for f, got in zip(todo, parallel.ordered_map(load_file, tasks)):
        if got.read_error is not None:  # the file has gone, or become unreadable, since the folder was scanned
            common.log.warning("skipped %s: cannot read: %s", f.name, got.read_error)
            s.skipped.append((f.name, f"cannot read: {got.read_error}"))
            if got.outside:
                codes[f.name] = OUTSIDE_INPUT
            continue
        sha = got.sha256
        if got.decoded is None:
            touch_only.append((f.mtime_ns, f.name))  # touched, same content: nothing to redo
            s.unchanged += 1
            continue
        (s.changed if f.name in known else s.new).append(f.name)
        d = got.decoded
        if got.trace:  # a decoder bug on one file never fails the run for the others
            common.log.error("decoding %s failed\n%s", f.name, got.trace)
        if d.problem:
            s.quarantined.append((f.name, d.problem))
        capped = limits.is_capped(d.text)
        if capped:
            common.log.warning("%s: text of %d characters is processed up to %d (healthwork.limits.MAX_ARTICLE_CHARS)",
                               f.name, len(d.text or ""), limits.MAX_ARTICLE_CHARS)
        rows.append({
            "source_file": f.name, "sha256": sha, "size_bytes": got.size, "mtime_ns": f.mtime_ns,
            "encoding": d.encoding, "was_html": d.was_html, "text": d.text,
            "status": "quarantined" if d.problem else "article", "article_id": None if d.problem else article_id_for(sha),
            "duplicate_of": None, "problem": d.problem, "detail": d.detail, "truncated": capped,
        })
    names = [*diff.deleted, *(r["source_file"] for r in rows)]
    if names:
        con.register("_names", pd.DataFrame({"n": names}))
        con.execute("DELETE FROM raw.files WHERE source_file IN (SELECT n FROM _names)")
        con.unregister("_names")
    if touch_only:  # same bytes, new mtime (a `touch`, a copy): one bulk update, not one per file
        con.register("_touched", pd.DataFrame(touch_only, columns=["mtime_ns", "source_file"]))
        con.execute("UPDATE raw.files AS f SET mtime_ns = t.mtime_ns FROM _touched AS t "
                    "WHERE f.source_file = t.source_file")
        con.unregister("_touched")
    if rows:
        df = pd.DataFrame(rows)
        df["seen_at"] = pd.Timestamp.now(tz="UTC").tz_localize(None)
        con.register("_rows", df)
        con.execute("""INSERT INTO raw.files BY NAME SELECT source_file, sha256, size_bytes, mtime_ns, encoding,
                       was_html, text, status, article_id, duplicate_of, seen_at, truncated FROM _rows""")
        con.unregister("_rows")
        quarantine_detail = {r["source_file"]: (r["problem"], r["detail"]) for r in rows if r["problem"]}
    else:
        quarantine_detail = {}
    _mark_exact_duplicates(con)
    common.mark_unchecked(con, "raw", None if whole else [r["source_file"] for r in rows])
    _rebuild_raw_quarantine(con, s.skipped, quarantine_detail, codes)
    for name in s.deleted:
        common.log.info("input file %s was deleted: its rows are removed", name)
    s.articles = con.execute("SELECT count(*) FROM raw.files WHERE status = 'article'").fetchone()[0]
    common.record_stage_version(con, "raw")
    return s


def _mark_exact_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    """Among decodable files with the same bytes, the first by name is the article, the rest link to it."""
    con.execute("""
        UPDATE raw.files AS f SET
            status = CASE WHEN d.rn = 1 THEN 'article' ELSE 'duplicate' END,
            duplicate_of = CASE WHEN d.rn = 1 THEN NULL ELSE d.first_name END
        FROM (SELECT source_file,
                     row_number() OVER (PARTITION BY sha256 ORDER BY source_file) AS rn,
                     first_value(source_file) OVER (PARTITION BY sha256 ORDER BY source_file) AS first_name
              FROM raw.files WHERE status <> 'quarantined') AS d
        WHERE f.source_file = d.source_file""")


def _rebuild_raw_quarantine(con: duckdb.DuckDBPyConnection, skipped: list[tuple[str, str]],
                            detail: dict[str, tuple[str | None, str]], codes: dict[str, str]) -> None:
    old = {r[0]: (r[1], r[2]) for r in con.execute(
        "SELECT source_file, reason, detail FROM dq.quarantine WHERE stage = 'raw'").fetchall()}
    rules = dict(con.execute("SELECT source_file, rule FROM dq.quarantine WHERE stage = 'raw' "
                             "AND rule IS NOT NULL").fetchall())  # set aside by the raw check: still is
    con.execute("DELETE FROM dq.quarantine WHERE stage = 'raw'")
    rows = []
    for name, sha, status, dup in con.execute(
            "SELECT source_file, sha256, status, duplicate_of FROM raw.files WHERE status <> 'article' ORDER BY 1").fetchall():
        if status == "duplicate":
            rows.append({"source_file": name, "sha256": sha, "stage": "raw", "reason": DUPLICATE,
                         "detail": f"same bytes as {dup}", "duplicate_of": dup})
        else:
            reason, why = detail.get(name) or old.get(name) or ("quarantined", "")
            rows.append({"source_file": name, "sha256": sha, "stage": "raw", "reason": reason, "detail": why,
                         "rule": None if name in detail else rules.get(name)})
    for name, why in skipped:
        rows.append({"source_file": name, "sha256": None, "stage": "raw", "reason": codes.get(name, SKIPPED),
                     "detail": why})
    replace_rows(con, "dq.quarantine", rows, article_ids=[])  # insert only: the DELETE above cleared the stage
