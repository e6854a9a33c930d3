"""The DuckDB warehouse: schema (with comments), a locked staging copy for writers, atomic publish.

Writers (pipeline runs) only ever open the *staging* file, under an exclusive file lock.
When a run has finished, ``publish`` copies staging to a temporary file beside the published
warehouse and renames it over the published one (``os.replace`` is atomic on POSIX). Analysts
open the published file read-only: they never meet a writer's lock and never see half a run;
a reader that opened the previous file keeps reading it until it reconnects. A run killed at
any moment leaves the published file as it was.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    comment: str


@dataclass(frozen=True)
class Table:
    schema: str
    name: str
    comment: str
    columns: tuple[Column, ...]

    @property
    def qualified(self) -> str:
        return f"{self.schema}.{self.name}"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _t(schema: str, name: str, comment: str, *cols: tuple[str, str, str]) -> Table:
    return Table(schema, name, comment, tuple(Column(*c) for c in cols))


ARTICLE = ("article_id", "VARCHAR", "Stable article id: first 16 hex digits of the sha256 of the input file's bytes")
SPAN = (
    ("span_start", "INTEGER", "0-based offset of the evidence in clean.articles.body"),
    ("span_end", "INTEGER", "end offset (exclusive): substr(body, span_start + 1, span_end - span_start) is the evidence"),
    ("text", "VARCHAR", "the evidence: the words of the body this row was read from"),
)
SCHEMAS: dict[str, str] = {
    "raw": "Every input file as received",
    "clean": "One row per article: boilerplate removed, metadata extracted",
    "entities": "One row per thing found in an article body, with its evidence span",
    "metrics": "Aggregates across articles, deduplicated",
    "dq": "Data-quality results of every check, per run, and quarantined input",
    "meta": "Pipeline bookkeeping (code versions of each stage)",
}

TABLES: tuple[Table, ...] = (
    _t("raw", "files", "Every input file seen in the input folder, whatever happened to it",
       ("source_file", "VARCHAR", "file name in the input folder"),
       ("sha256", "VARCHAR", "sha256 of the file's bytes"),
       ("size_bytes", "BIGINT", "file size in bytes"),
       ("mtime_ns", "BIGINT", "modification time (ns) when read; used to skip unchanged files"),
       ("encoding", "VARCHAR", "encoding the bytes were decoded with (NULL when not decoded)"),
       ("was_html", "BOOLEAN", "the file was saved HTML and was converted to text"),
       ("text", "VARCHAR", "decoded text (NULL when the file was quarantined before decoding)"),
       ("status", "VARCHAR", "article | quarantined | duplicate"),
       ("article_id", "VARCHAR", "the article this file became (duplicates point at the original's)"),
       ("duplicate_of", "VARCHAR", "for exact duplicates: the file whose content it repeats"),
       ("seen_at", "TIMESTAMP", "when this content was first read (UTC)")),
    _t("clean", "articles", "One row per article: the main article's text and metadata",
       ARTICLE,
       ("source_file", "VARCHAR", "the input file's name"),
       ("title", "VARCHAR", "headline as printed; NULL when the text has none"),
       ("author", "VARCHAR", "byline name; NULL when none"),
       ("published_date", "DATE", "the article's own publication date; NULL when not given"),
       ("url", "VARCHAR", "canonical URL when the text gives one"),
       ("body", "VARCHAR", "the article text only, paragraphs separated by a newline"),
       ("n_lines", "INTEGER", "non-blank lines in the decoded file"),
       ("n_body_lines", "INTEGER", "lines kept in the body"),
       ("body_sha", "VARCHAR", "sha256 of body (entities are re-extracted when it changes)")),
    _t("clean", "dropped_lines", "Every non-blank line the cleaner removed, and the rule that removed it",
       ARTICLE,
       ("line_no", "INTEGER", "1-based line number in raw.files.text"),
       ("text", "VARCHAR", "the line as written"),
       ("rule", "VARCHAR", "the cleaning rule that dropped it")),
    _t("clean", "file_lines", "Distinct normalised lines of each article file (cross-file template statistics)",
       ARTICLE,
       ("line_key", "VARCHAR", "normalised line text")),
    _t("clean", "common_lines", "Lines frequent enough across the corpus to count as site template",
       ("line_key", "VARCHAR", "normalised line text"),
       ("n_files", "INTEGER", "files containing it")),
    _t("clean", "article_duplicates", "Pairs of articles that tell the same story (syndicated or near-duplicate copies)",
       ("article_id_a", "VARCHAR", "the earlier article of the pair (canonical copy)"),
       ("article_id_b", "VARCHAR", "the other copy"),
       ("similarity", "DOUBLE", "similarity of the two bodies, 0..1"),
       ("method", "VARCHAR", "how the similarity was measured")),
    _t("entities", "funding", "Every money amount stated in an article body",
       ARTICLE,
       ("amount", "DOUBLE", "amount in units of currency (GBP 45m is 45000000)"),
       ("currency", "VARCHAR", "ISO 4217 code"),
       ("qualifier", "VARCHAR", "exact | up_to | more_than | about"),
       ("period_years", "DOUBLE", "years the amount covers when stated (per-year amounts: 1)"),
       ("per_year", "BOOLEAN", "the amount is stated per year"),
       ("programme", "VARCHAR", "canonical programme the money belongs to"),
       ("kind", "VARCHAR", "funding | cost | fine | other"),
       ("raw_text", "VARCHAR", "the words as written"),
       *SPAN),
    _t("entities", "person_mentions", "Real people named in an article body (never the byline)",
       ARTICLE,
       ("name", "VARCHAR", "full name, resolved across the article"),
       ("role", "VARCHAR", "role as written; NULL when none"),
       ("organisation", "VARCHAR", "organisation when stated"),
       *SPAN),
    _t("entities", "quotes", "Direct quotations",
       ARTICLE,
       ("speaker", "VARCHAR", "full name of the speaker; NULL when unattributed"),
       *SPAN),
    _t("entities", "organisation_mentions", "Organisations named in an article body",
       ARTICLE,
       ("name", "VARCHAR", "canonical full name (DWP is Department for Work and Pensions)"),
       ("acronym", "VARCHAR", "acronym when known"),
       *SPAN),
    _t("entities", "place_mentions", "UK places named in an article body",
       ARTICLE,
       ("name", "VARCHAR", "canonical place name"),
       ("ons_code", "VARCHAR", "ONS GSS code; NULL when unknown"),
       ("place_type", "VARCHAR", "country | region | icb | combined_authority | local_authority | other"),
       *SPAN),
    _t("entities", "programme_mentions", "Health-and-work programmes named in an article body",
       ARTICLE,
       ("programme", "VARCHAR", "canonical programme name"),
       *SPAN),
    _t("entities", "people_counts", "Counts of people (to reach, helped, affected) stated in an article body",
       ARTICLE,
       ("value", "DOUBLE", "the number of people"),
       ("qualifier", "VARCHAR", "exact | up_to | more_than | about"),
       ("what", "VARCHAR", "the noun counted (people, patients, ...)"),
       ("raw_text", "VARCHAR", "the words as written"),
       *SPAN),
    _t("metrics", "programme_funding", "One row per distinct funding commitment, deduplicated across articles",
       ("programme", "VARCHAR", "canonical programme name"),
       ("amount", "DOUBLE", "amount in units of currency"),
       ("currency", "VARCHAR", "ISO 4217 code"),
       ("qualifier", "VARCHAR", "exact | up_to | more_than | about"),
       ("period_years", "DOUBLE", "years the amount covers"),
       ("n_articles", "INTEGER", "distinct articles reporting it (syndicated copies counted once)"),
       ("first_reported", "DATE", "earliest publication date among them"),
       ("last_reported", "DATE", "latest publication date among them"),
       ("article_ids", "VARCHAR[]", "the articles, for drill-down")),
    _t("dq", "check_results", "One row per expectation per check run",
       ("run_id", "VARCHAR", "Dagster run id (or 'adhoc')"),
       ("asset", "VARCHAR", "asset key checked"),
       ("check_name", "VARCHAR", "asset check name"),
       ("expectation", "VARCHAR", "expectation type and column"),
       ("success", "BOOLEAN", "did it pass"),
       ("observed_value", "VARCHAR", "what GX observed"),
       ("unexpected_examples", "VARCHAR", "a few unexpected values (JSON)"),
       ("checked_at", "TIMESTAMP", "when (UTC)")),
    _t("dq", "quarantine", "Input files or rows set aside, and why",
       ("source_file", "VARCHAR", "input file name"),
       ("sha256", "VARCHAR", "sha256 of its bytes (NULL when unreadable)"),
       ("stage", "VARCHAR", "raw | clean | entities"),
       ("reason", "VARCHAR", "stable reason code, e.g. empty_file, binary, too_large, no_article, duplicate"),
       ("detail", "VARCHAR", "human explanation"),
       ("duplicate_of", "VARCHAR", "for duplicates: the file processed instead")),
    _t("meta", "processed", "Which input version each article-level stage last processed, per article",
       ("stage", "VARCHAR", "clean | entities"),
       ARTICLE,
       ("version", "VARCHAR", "what was processed: the raw sha256 (clean) or the body_sha (entities)"),
       ("outcome", "VARCHAR", "ok | quarantined")),
    _t("meta", "stage_state", "Code version each stage last ran with (a change re-processes everything)",
       ("stage", "VARCHAR", "stage name"),
       ("code_version", "VARCHAR", "hash of the stage's code")),
)
TABLE_BY_NAME: dict[str, Table] = {t.qualified: t for t in TABLES}


def ddl() -> list[str]:
    """CREATE and COMMENT statements for every schema and table (idempotent)."""
    out = [f"CREATE SCHEMA IF NOT EXISTS {s}" for s in SCHEMAS]
    for t in TABLES:
        cols = ", ".join(f"{c.name} {c.type}" for c in t.columns)
        out.append(f"CREATE TABLE IF NOT EXISTS {t.qualified} ({cols})")
        out.append(f"COMMENT ON TABLE {t.qualified} IS {_lit(t.comment)}")
        out += [f"COMMENT ON COLUMN {t.qualified}.{c.name} IS {_lit(c.comment)}" for c in t.columns]
    return out


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def frame(table: str, rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Rows -> a DataFrame with exactly the table's columns (missing keys are NULL, extras dropped)."""
    cols = TABLE_BY_NAME[table].column_names
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


class WarehouseLocked(RuntimeError):
    pass


@dataclass(frozen=True)
class Warehouse:
    """The published warehouse file and the staging copy runs write to."""

    published: Path
    lock_timeout_s: float = 600.0

    @property
    def staging(self) -> Path:
        return self.published.with_name(f".{self.published.stem}.staging{self.published.suffix}")

    @property
    def lock_path(self) -> Path:
        return self.published.with_name(f".{self.published.stem}.lock")

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive lock for writers (another run in another process waits, then fails clearly)."""
        self.published.parent.mkdir(parents=True, exist_ok=True)
        with open(self.lock_path, "a+") as fh:
            deadline = time.monotonic() + self.lock_timeout_s
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise WarehouseLocked(f"another run holds {self.lock_path}") from None
                    time.sleep(0.2)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the staging file, schema ensured, inside one transaction, under the lock.

        Staging starts as a copy of the published file when it is missing or unreadable (a
        crash can leave it behind a failed write; the published file is the truth)."""
        with self.lock():
            con = self._open_staging()
            try:
                con.execute("BEGIN TRANSACTION")
                yield con
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            except BaseException:
                with contextlib.suppress(Exception):
                    con.execute("ROLLBACK")
                raise
            finally:
                con.close()

    def _open_staging(self) -> duckdb.DuckDBPyConnection:
        if not self.staging.exists() and self.published.exists():
            shutil.copyfile(self.published, self.staging)
        try:
            con = duckdb.connect(str(self.staging))
        except duckdb.Error:
            # Unreadable staging (e.g. killed mid-checkpoint): start again from the published copy.
            for p in (self.staging, Path(str(self.staging) + ".wal")):
                p.unlink(missing_ok=True)
            if self.published.exists():
                shutil.copyfile(self.published, self.staging)
            con = duckdb.connect(str(self.staging))
        for stmt in ddl():
            con.execute(stmt)
        return con

    def reset_staging(self) -> None:
        """Forget the working copy (``--full``): the next write starts from an empty warehouse."""
        with self.lock():
            for p in (self.staging, Path(str(self.staging) + ".wal")):
                p.unlink(missing_ok=True)
            con = duckdb.connect(str(self.staging))
            for stmt in ddl():
                con.execute(stmt)
            con.close()

    @contextlib.contextmanager
    def read_staging(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Read the working copy (what the current run has written so far)."""
        with self.lock():
            con = self._open_staging()
            try:
                yield con
            finally:
                con.close()

    def publish(self) -> Path:
        """Atomically replace the published warehouse with the staging copy."""
        with self.lock():
            con = self._open_staging()
            con.execute("CHECKPOINT")
            con.close()
            tmp = self.published.with_name(f".{self.published.name}.{os.getpid()}.tmp")
            shutil.copyfile(self.staging, tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, self.published)
            dir_fd = os.open(self.published.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        return self.published


def connect_published(path: Path | str) -> duckdb.DuckDBPyConnection:
    """How analysts (and the report) open the warehouse: read-only, never blocking a run."""
    return duckdb.connect(str(path), read_only=True)


def replace_rows(con: duckdb.DuckDBPyConnection, table: str, rows: Sequence[dict[str, Any]] | pd.DataFrame,
                 article_ids: Sequence[str] | None = None) -> int:
    """Replace a table's rows as a unit: those of ``article_ids`` (or all rows when None), then bulk insert."""
    df = rows if isinstance(rows, pd.DataFrame) else frame(table, rows)
    if article_ids is None:
        con.execute(f"DELETE FROM {table}")
    elif len(article_ids):
        ids = pd.DataFrame({"article_id": list(article_ids)})
        con.register("_ids", ids)
        con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _ids)")
        con.unregister("_ids")
    if len(df):
        con.register("_rows", df)
        cols = ", ".join(df.columns)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _rows")
        con.unregister("_rows")
    return len(df)
