"""Stage raw: bring raw.files in line with the input folder; quarantine what cannot be an article."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from healthwork import limits, parallel
from healthwork.config import Settings
from healthwork.ingest import (
    OUTSIDE_INPUT,
    SKIPPED,
    Known,
    Loaded,
    article_id_for,
    diff_folder,
    load_file,
    scan_folder,
)
from healthwork.stages import batches, common
from healthwork.stages.guard import Scan
from healthwork.store import replace_rows

DUPLICATE = "duplicate"
__all__ = ["run_raw", "RawSummary", "Loaded", "load_file", "DUPLICATE"]


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
    touch_only: list[tuple[int, str]] = []
    written: list[str] = []  # files whose rows this run (re)wrote
    quarantine_detail: dict[str, tuple[str | None, str]] = {}
    seen_at = pd.Timestamp.now(tz="UTC").tz_localize(None)
    todo = [*diff.new, *diff.touched]
    if diff.deleted:
        _delete_files(con, list(diff.deleted))
    tasks = ((chunk, [(str(f.path), settings.max_file_bytes, known[f.name].sha256 if f.name in known else None,
                       str(settings.seeds_dir)) for f in chunk]) for chunk in batches.chunks(todo))
    for chunk, loaded in parallel.map_batches(load_file, tasks, len(todo)):
        rows: list[tuple[Any, ...]] = []
        for f, got in zip(chunk, loaded):
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
                quarantine_detail[f.name] = (d.problem, d.detail)
            capped = limits.is_capped(d.text)
            if capped:
                common.log.warning("%s: text of %d characters is processed up to %d (healthwork.limits.MAX_ARTICLE_CHARS)",
                                   f.name, len(d.text or ""), limits.MAX_ARTICLE_CHARS)
            rows.append((f.name, sha, got.size, f.mtime_ns, d.encoding, d.was_html, d.text,
                         "quarantined" if d.problem else "article", None if d.problem else article_id_for(sha),
                         None, seen_at, capped))
        if rows:
            names = [r[0] for r in rows]
            _delete_files(con, names)
            batches.append(con, "raw.files", FILE_COLUMNS, rows)
            written += names
    if touch_only:  # same bytes, new mtime (a `touch`, a copy): one bulk update, not one per file
        con.register("_touched", pd.DataFrame(touch_only, columns=["mtime_ns", "source_file"]))
        con.execute("UPDATE raw.files AS f SET mtime_ns = t.mtime_ns FROM _touched AS t "
                    "WHERE f.source_file = t.source_file")
        con.unregister("_touched")
    _mark_exact_duplicates(con)
    common.mark_unchecked(con, "raw", None if whole else written)
    _rebuild_raw_quarantine(con, s.skipped, quarantine_detail, codes)
    for name in s.deleted:
        common.log.info("input file %s was deleted: its rows are removed", name)
    s.articles = con.execute("SELECT count(*) FROM raw.files WHERE status = 'article'").fetchone()[0]
    common.record_stage_version(con, "raw")
    return s


FILE_COLUMNS = ("source_file", "sha256", "size_bytes", "mtime_ns", "encoding", "was_html", "text", "status",
                "article_id", "duplicate_of", "seen_at", "truncated")


def _delete_files(con: duckdb.DuckDBPyConnection, names: list[str]) -> None:
    con.register("_names", pd.DataFrame({"n": names}))
    try:
        con.execute("DELETE FROM raw.files WHERE source_file IN (SELECT n FROM _names)")
    finally:
        con.unregister("_names")


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
