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
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

log = logging.getLogger("healthwork")


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
    "marts": "Documented views for analysts over metrics, clean and entities (start here)",
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
       ("seen_at", "TIMESTAMP", "when this content was first read (UTC); a load time, not part of the content"),
       ("truncated", "BOOLEAN", "text longer than healthwork.limits.MAX_ARTICLE_CHARS: cleaning and extraction "
                                "saw only its first part (text keeps it all)")),
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
    _t("clean", "article_signatures", "MinHash signature of each article body, kept so that a run hashes only "
       "new and changed bodies (near-duplicate detection, healthwork.dedup)",
       ARTICLE,
       ("body_sha", "VARCHAR", "clean.articles.body_sha the signature was computed from"),
       ("n_shingles", "INTEGER", "distinct word 5-grams of the body"),
       ("signature", "BLOB", "128 MinHash values, little-endian uint32; NULL when the body is blank (never compared)")),
    _t("clean", "article_lsh_bands", "LSH buckets of each article's signature: two articles sharing a (band, bucket) "
       "are near-duplicate candidates, scored exactly",
       ARTICLE,
       ("band", "SMALLINT", "band number, 0-based (3 consecutive signature values each)"),
       ("bucket", "UBIGINT", "64-bit key of the band's signature values")),
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
       *SPAN,
       ("place", "VARCHAR", "canonical place the money is allocated to when the text ties it ('Telford will receive £3m'), else NULL"),
       ("share_of_amount", "DOUBLE", "amount of the larger pot this is stated to be a share of ('£3.5m of the £45m': 45000000), else NULL")),
    _t("entities", "person_mentions", "Real people named in an article body (never the byline)",
       ARTICLE,
       ("name", "VARCHAR", "full name, resolved across the article"),
       ("role", "VARCHAR", "role as written; NULL when none"),
       ("organisation", "VARCHAR", "organisation when stated"),
       *SPAN),
    _t("entities", "quotes", "Quotations: direct (in quotation marks) and reported speech (\"X said the plan ...\")",
       ARTICLE,
       ("speaker", "VARCHAR", "full name of the speaker; NULL when unattributed"),
       ("kind", "VARCHAR", "direct | reported"),
       *SPAN),
    _t("entities", "organisation_mentions", "Organisations named in an article body",
       ARTICLE,
       ("name", "VARCHAR", "canonical full name (DWP is Department for Work and Pensions)"),
       ("acronym", "VARCHAR", "acronym when known"),
       *SPAN),
    _t("entities", "place_mentions", "UK places named in an article body",
       ARTICLE,
       ("name", "VARCHAR", "canonical place name"),
       ("ons_code", "VARCHAR", "ONS GSS code (a town: the code of the district it lies in); NULL when unknown"),
       ("place_type", "VARCHAR", "country | region | icb | sub_icb | combined_authority | local_authority | other"),
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
       ("article_ids", "VARCHAR[]", "the articles, for drill-down"),
       ("commitment_id", "VARCHAR", "stable id of the commitment (hash of programme, amount, currency, qualifier, period, scope)"),
       ("label", "VARCHAR", "the commitment as an analyst writes it, e.g. 'up to £259m over 3 years'"),
       ("per_year", "BOOLEAN", "the amount is stated per year"),
       ("part_of", "VARCHAR", "commitment_id of the larger commitment this is a share of (an article says so), else NULL"),
       ("scope", "VARCHAR", "the place (or listed recipient) the money is allocated to; NULL for a pot not tied to one"),
       ("places", "VARCHAR[]", "places named in the sentences that state this money"),
       ("raw_texts", "VARCHAR[]", "the distinct ways the articles write the amount"),
       ("n_mentions", "INTEGER", "funding rows (mentions) behind this commitment, copies included")),
    _t("metrics", "commitment_mentions", "Every funding row behind a commitment: which article says so, and where",
       ("commitment_id", "VARCHAR", "the commitment (metrics.programme_funding.commitment_id)"),
       ARTICLE,
       ("raw_text", "VARCHAR", "the amount as written"),
       ("sentence", "VARCHAR", "the sentence of the body stating it"),
       ("span_start", "INTEGER", "0-based offset of the amount in clean.articles.body"),
       ("span_end", "INTEGER", "end offset (exclusive) of the amount"),
       ("amount", "DOUBLE", "the amount as this mention states it (the commitment's may be a more precise restatement)"),
       ("qualifier", "VARCHAR", "the mention's qualifier: exact | up_to | more_than | about"),
       ("period_years", "DOUBLE", "the period the mention states, NULL when none"),
       ("scope", "VARCHAR", "the place (or listed recipient) this mention allocates the money to, else NULL"),
       ("merge_reason", "VARCHAR", "why the mention is this commitment (rounding, qualifier, period stated elsewhere, ...)"),
       ("part_of", "VARCHAR", "commitment_id of the larger commitment this mention makes it a share of, else NULL"),
       ("share_reason", "VARCHAR", "which rule made it a share (sentence says so, parts add up, ...), else NULL")),
    _t("metrics", "programme_reach", "Counts of people tied to a programme (named in the same paragraph), deduplicated",
       ("programme", "VARCHAR", "canonical programme name"),
       ("value", "DOUBLE", "the number of people"),
       ("qualifier", "VARCHAR", "exact | up_to | more_than | about"),
       ("what", "VARCHAR", "the noun counted (people, patients, ...)"),
       ("is_target", "BOOLEAN", "the sentence looks forward (will/aims/expected): people the programme should reach"),
       ("n_articles", "INTEGER", "distinct articles stating it (syndicated copies counted once)"),
       ("first_reported", "DATE", "earliest publication date among them"),
       ("last_reported", "DATE", "latest publication date among them"),
       ("article_ids", "VARCHAR[]", "the articles, for drill-down"),
       ("raw_texts", "VARCHAR[]", "the words as written")),
    _t("metrics", "programme_summary", "One row per programme: money, reach, places and coverage in the news",
       ("programme", "VARCHAR", "canonical programme name"),
       ("n_articles", "INTEGER", "distinct articles naming it or stating money for it (syndicated copies counted once)"),
       ("article_ids", "VARCHAR[]", "the articles, for drill-down"),
       ("first_mentioned", "DATE", "earliest publication date of those articles"),
       ("last_mentioned", "DATE", "latest publication date of those articles"),
       ("n_commitments", "INTEGER", "distinct funding commitments (metrics.programme_funding rows)"),
       ("largest_commitment_id", "VARCHAR", "commitment_id of the largest commitment (GBP preferred)"),
       ("largest_label", "VARCHAR", "the largest commitment as written for analysts"),
       ("largest_amount", "DOUBLE", "its amount, in units of largest_currency"),
       ("largest_currency", "VARCHAR", "its ISO 4217 code"),
       ("largest_qualifier", "VARCHAR", "its qualifier"),
       ("largest_period_years", "DOUBLE", "years it covers"),
       ("total_committed_gbp", "DOUBLE", "sum of the top-level (part_of NULL) GBP commitments: restatements are merged, shares are inside their whole"),
       ("people_to_reach", "DOUBLE", "largest target count of people (metrics.programme_reach.is_target)"),
       ("people_to_reach_qualifier", "VARCHAR", "its qualifier (up_to, ...)"),
       ("places", "VARCHAR[]", "places named in paragraphs about the programme"),
       ("n_places", "INTEGER", "number of those places")),
    _t("metrics", "funding_timeline", "Per month and programme: articles published and commitments first reported",
       ("month", "DATE", "first day of the month of publication; NULL for articles without a date"),
       ("programme", "VARCHAR", "canonical programme name"),
       ("n_articles", "INTEGER", "distinct articles that month naming the programme (syndicated copies counted once)"),
       ("article_ids", "VARCHAR[]", "the articles, for drill-down"),
       ("n_new_commitments", "INTEGER", "commitments whose first_reported falls in the month"),
       ("new_commitment_ids", "VARCHAR[]", "their commitment_ids"),
       ("new_committed_gbp", "DOUBLE", "sum of those in GBP that are not a share of another commitment")),
    _t("metrics", "place_coverage", "One row per place (with its ONS code): articles, programmes and money mentioned",
       ("place", "VARCHAR", "canonical place name"),
       ("ons_code", "VARCHAR", "ONS GSS code (a town: the code of the district it lies in); NULL when unknown"),
       ("place_type", "VARCHAR", "country | region | icb | sub_icb | combined_authority | local_authority | other"),
       ("n_articles", "INTEGER", "distinct articles naming the place (syndicated copies counted once)"),
       ("article_ids", "VARCHAR[]", "the articles, for drill-down"),
       ("first_mentioned", "DATE", "earliest publication date of those articles"),
       ("last_mentioned", "DATE", "latest publication date of those articles"),
       ("programmes", "VARCHAR[]", "programmes named in the paragraphs naming the place"),
       ("n_commitments", "INTEGER", "distinct commitments stated in a sentence naming the place"),
       ("commitment_ids", "VARCHAR[]", "their commitment_ids (a share replaces its whole)"),
       ("funding_mentioned_gbp", "DOUBLE", "sum of those in GBP; a commitment shared by several places counts for each")),
    _t("metrics", "article_groups", "Every article and the canonical copy it counts as (syndicated copies share one)",
       ARTICLE,
       ("canonical_article_id", "VARCHAR", "earliest published copy of the story (itself when not syndicated)"),
       ("is_canonical", "BOOLEAN", "this article is the copy that counts"),
       ("group_size", "INTEGER", "copies of the story in the corpus (1 when not syndicated)")),
    _t("dq", "check_results", "One row per expectation per check run",
       ("run_id", "VARCHAR", "Dagster run id (or 'adhoc')"),
       ("asset", "VARCHAR", "asset key checked"),
       ("check_name", "VARCHAR", "asset check name"),
       ("expectation", "VARCHAR", "expectation type and column"),
       ("success", "BOOLEAN", "did it pass"),
       ("observed_value", "VARCHAR", "what GX observed"),
       ("unexpected_examples", "VARCHAR", "a few unexpected values (JSON)"),
       ("checked_at", "TIMESTAMP", "when (UTC)"),
       ("rows_checked", "BIGINT", "rows the expectation looked at: the rows written since the last passed check "
        "for a rule about each row, the whole table for an invariant (unique ids, counts that reconcile)")),
    _t("dq", "quarantine", "Input files or rows set aside, and why",
       ("source_file", "VARCHAR", "input file name"),
       ("sha256", "VARCHAR", "sha256 of its bytes (NULL when unreadable)"),
       ("stage", "VARCHAR", "raw | clean | entities"),
       ("reason", "VARCHAR", "stable reason code, e.g. empty_file, binary, too_large, no_article, duplicate"),
       ("detail", "VARCHAR", "human explanation"),
       ("duplicate_of", "VARCHAR", "for duplicates: the file processed instead"),
       ("rule", "VARCHAR", "the check rule the row failed when a check set it aside (NULL when the stage did)")),
    _t("meta", "processed", "Which input version each article-level stage last processed, per article",
       ("stage", "VARCHAR", "clean | entities"),
       ARTICLE,
       ("version", "VARCHAR", "what was processed: the raw sha256 (clean) or the body_sha (entities)"),
       ("outcome", "VARCHAR", "ok | quarantined")),
    _t("meta", "unchecked", "Rows a stage wrote that its check has not passed yet: the next check looks at them "
       "(and at every row of the table when key is '*')",
       ("stage", "VARCHAR", "raw | clean | entities | metrics"),
       ("key", "VARCHAR", "the row's key: the file name (raw), the article id (clean, entities), or '*'")),
    _t("meta", "commitment_state", "Per commitment, a hash of what its checks read (its row, its larger "
       "commitment's row, its mentions and their articles' dates) when metrics were last computed: the metrics "
       "check looks at the commitments whose hash changed",
       ("commitment_id", "VARCHAR", "metrics.programme_funding.commitment_id"),
       ("fingerprint", "VARCHAR", "the hash")),
    _t("meta", "stage_state", "Code version each stage last ran with (a change re-processes everything)",
       ("stage", "VARCHAR", "stage name"),
       ("code_version", "VARCHAR", "hash of the stage's code")),
    _t("meta", "stage_inputs", "Fingerprint of the inputs (and code) each corpus-level stage last ran on: "
       "a stage whose fingerprint is unchanged is skipped",
       ("stage", "VARCHAR", "stage name"),
       ("fingerprint", "VARCHAR", "hash of the stage's code, its tables' schema and every row of its inputs")),
    _t("meta", "place_links", "Per place mention, what the metrics read of its article's text (kept for "
       "articles whose text did not change): the programmes its paragraph names, the programme money its "
       "sentence states",
       ARTICLE,
       ("name", "VARCHAR", "the place (entities.place_mentions.name)"),
       ("ons_code", "VARCHAR", "its ONS code (NULL when none)"),
       ("place_type", "VARCHAR", "its type"),
       ("programmes", "VARCHAR[]", "programmes named in the mention's paragraph"),
       ("money_starts", "BIGINT[]", "span_start of the programme money (entities.funding of kind funding) "
        "stated in the mention's sentence")),
    _t("meta", "metric_inputs", "Per article, a hash of what the metrics read of it (its id, date and body, its "
       "entity rows) when they were last computed: a run recomputes the programmes and places of the articles "
       "whose hash changed",
       ARTICLE,
       ("fingerprint", "VARCHAR", "order-free sum of the hashes of the article's row and of its entity rows")),
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


def ensure_schema(con: duckdb.DuckDBPyConnection) -> bool:
    """Bring the file's schemas, tables, columns and comments in line with ``TABLES``; True when
    anything had to be done. One catalog query when nothing has changed (the full DDL is a few
    hundred statements, most of a second: too slow to run on every connection)."""
    have_tables = {(s, n): c or "" for s, n, c in con.execute(
        "SELECT schema_name, table_name, comment FROM duckdb_tables() "
        "WHERE database_name = current_database()").fetchall()}
    have_cols = {(s, n, c): (ty, cm or "") for s, n, c, ty, cm in con.execute(
        "SELECT schema_name, table_name, column_name, data_type, comment FROM duckdb_columns() "
        "WHERE database_name = current_database()").fetchall()}
    missing_cols = [(t, c) for t in TABLES if (t.schema, t.name) in have_tables
                    for c in t.columns if (t.schema, t.name, c.name) not in have_cols]
    current = not missing_cols and all(
        have_tables.get((t.schema, t.name)) == t.comment
        and all(have_cols.get((t.schema, t.name, c.name)) == (c.type, c.comment) for c in t.columns)
        for t in TABLES)
    if current:
        return False
    for t, c in missing_cols:  # a column added to the registry: add it to existing tables (NULL for old rows)
        con.execute(f"ALTER TABLE {t.qualified} ADD COLUMN IF NOT EXISTS {c.name} {c.type}")
    for stmt in ddl():
        con.execute(stmt)
    return True


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def frame(table: str, rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Rows -> a DataFrame with exactly the table's columns (missing keys are NULL, extras dropped)."""
    cols = TABLE_BY_NAME[table].column_names
    if not rows:
        return pd.DataFrame(columns=cols)  # object columns, as for rows
    return pd.DataFrame({c: [r.get(c) for r in rows] for c in cols}, columns=cols)  # by column: ~2x faster


class WarehouseLocked(RuntimeError):
    pass


@contextlib.contextmanager
def _exclusive(path: Path, timeout_s: float, what: str,
               waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """An exclusive ``flock`` on ``path``: wait for it up to ``timeout_s``, then raise WarehouseLocked."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        deadline = time.monotonic() + timeout_s
        told = False
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise WarehouseLocked(f"{what} ({path} is locked; waited {timeout_s:.0f} s)") from None
                if waiting is not None and not told:
                    waiting(f"{what}: waiting for {path}")
                    told = True
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class StagingSession:
    """One open connection to the staging file, shared by the steps of one run (``Warehouse(session=...)``).

    Opening the staging file and comparing its schema costs ~0.05 s quiet (0.1-0.2 s at load 5) and a run
    used to do it ~20 times. A run holds the run lock from its first step to its last, so nothing else
    writes the file meanwhile; the session is closed when the run ends (``close``), on any failed write
    (the next write opens the file afresh, with the recovery of ``Warehouse.write``), and before the
    staging file is deleted (``--full``)."""

    def __init__(self) -> None:
        self.con: duckdb.DuckDBPyConnection | None = None
        self.path: Path | None = None

    def close(self) -> None:
        con, self.con, self.path = self.con, None, None
        if con is not None:
            with contextlib.suppress(Exception):
                con.close()


@dataclass(frozen=True)
class Warehouse:
    """The published warehouse file and the staging copy runs write to."""

    published: Path
    lock_timeout_s: float = 600.0
    session: StagingSession | None = field(default=None, compare=False, repr=False)

    @property
    def staging(self) -> Path:
        return self.published.with_name(f".{self.published.stem}.staging{self.published.suffix}")

    @property
    def lock_path(self) -> Path:
        return self.published.with_name(f".{self.published.stem}.lock")

    @property
    def run_lock_path(self) -> Path:
        return self.published.with_name(f".{self.published.stem}.run.lock")

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive lock for writers (another run in another process waits, then fails clearly)."""
        with _exclusive(self.lock_path, self.lock_timeout_s, "another run is writing"):
            yield

    @contextlib.contextmanager
    def hold_run(self, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
        """One run at a time for the whole run, not only for each write: two runs (``healthwork run``
        by hand while the daemon runs one) must not interleave their stages. A second run waits up to
        ``lock_timeout_s`` for the first to finish (``waiting`` is told once), then fails clearly. The
        OS drops the lock when a run's process dies, so a killed run never blocks the next."""
        with _exclusive(self.run_lock_path, self.lock_timeout_s, "another run of this warehouse is in progress",
                        waiting):
            yield

    @contextlib.contextmanager
    def write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the staging file, schema ensured, inside one transaction, under the lock.

        Staging starts as a copy of the published file when it is missing or unreadable (a
        crash can leave it behind a failed write; the published file is the truth)."""
        with self.lock(), self._staging_held() as con:
            try:
                con.execute("BEGIN TRANSACTION")
                yield con
                con.execute("COMMIT")
                con.execute("CHECKPOINT")
            except BaseException:
                with contextlib.suppress(Exception):
                    con.execute("ROLLBACK")
                raise

    @contextlib.contextmanager
    def _staging_held(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to staging for one step (under the lock): the session's, kept open after it unless the
        step fails (``_release``)."""
        con = self._staging_connection()
        try:
            yield con
        except BaseException:
            self._release(con, failed=True)
            raise
        self._release(con)

    def _staging_connection(self) -> duckdb.DuckDBPyConnection:
        """The session's open connection to staging, else a new one (under the lock)."""
        session = self.session
        if session is not None and session.con is not None and session.path == self.staging:
            return session.con
        con = self._open_staging()
        if session is not None:
            session.close()
            session.con, session.path = con, self.staging
        return con

    def _release(self, con: duckdb.DuckDBPyConnection, failed: bool = False) -> None:
        """Close ``con`` unless the session keeps it (a failed write closes it in any case)."""
        session = self.session
        if session is not None and session.con is con:
            if failed:
                session.close()
            return
        con.close()

    def _open_staging(self) -> duckdb.DuckDBPyConnection:
        """Open staging (under the lock). After a kill, staging is either intact (DuckDB replays its
        WAL: committed stages are kept, an interrupted one is rolled back and simply runs again) or
        unreadable, and then rebuilt from the published file, which a kill never touches."""
        if not self.staging.exists() and self.published.exists():
            Path(str(self.staging) + ".wal").unlink(missing_ok=True)  # never replay a WAL onto another file
            _copy_atomic(self.published, self.staging)  # a kill mid-copy never leaves half a staging file
        try:
            return _connect_with_schema(self.staging)
        except duckdb.Error as exc:
            log.warning("staging %s is unreadable (%s): starting again from the published warehouse",
                        self.staging, exc)
            for p in (self.staging, Path(str(self.staging) + ".wal")):
                p.unlink(missing_ok=True)
            if self.published.exists():
                _copy_atomic(self.published, self.staging)
            return _connect_with_schema(self.staging)

    def _remove_leftovers(self) -> None:
        """Temporary copies of runs killed mid-copy (only ever written under the lock, which we hold)."""
        for pattern in (f".{self.published.name}.*.tmp", f".{self.staging.name}.*.tmp"):
            for p in self.published.parent.glob(pattern):
                p.unlink(missing_ok=True)

    def reset_staging(self) -> None:
        """Forget the working copy (``--full``): the next write starts from an empty warehouse."""
        with self.lock():
            if self.session is not None:
                self.session.close()
            for p in (self.staging, Path(str(self.staging) + ".wal")):
                p.unlink(missing_ok=True)
            _connect_with_schema(self.staging).close()

    @contextlib.contextmanager
    def read_staging(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Read the working copy (what the current run has written so far)."""
        with self.lock(), self._staging_held() as con:
            yield con

    def publish(self) -> Path:
        """Atomically replace the published warehouse with the staging copy."""
        with self.lock():
            self._remove_leftovers()
            with self._staging_held() as con:
                con.execute("CHECKPOINT")  # everything in the file itself: the copy needs no WAL
            _copy_atomic(self.staging, self.published)
        return self.published


def _connect_with_schema(path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(path))
    try:
        ensure_schema(con)
    except BaseException:
        con.close()
        raise
    return con


def _copy_atomic(src: Path, dst: Path) -> None:
    """Copy ``src`` over ``dst`` so that ``dst`` is at every moment either the old file or the
    complete new one: copy beside it, fsync, rename (atomic on POSIX), fsync the folder.

    A reader that opened the old ``dst`` keeps reading the old file until it reconnects."""
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(src, tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)
    dir_fd = os.open(dst.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def connect_published(path: Path | str) -> duckdb.DuckDBPyConnection:
    """How analysts (and the report) open the warehouse: read-only, never blocking a run.

    Runs never open this file for writing (they write a staging copy and rename a finished copy
    over it), so a read-only connection never meets a lock and always sees one whole run. A
    connection keeps seeing the run it opened; connect again to see a newer publish.

    ``duckdb.connect(path, read_only=True)`` shares one database instance per file *per process*:
    while any connection to it is open, a new one still sees the old file. This function attaches
    the file to a fresh in-memory instance instead, so each call sees the latest publish whatever
    else the process holds open (the database keeps the file's name: ``current_database()`` is the stem)."""
    path = Path(path).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no warehouse published at {path} yet: run `healthwork run` first")
    alias = path.stem if path.stem.isidentifier() and path.stem not in {"memory", "system", "temp"} else "warehouse"
    con = duckdb.connect()
    try:
        con.execute(f"ATTACH {_lit(str(path))} AS {alias} (READ_ONLY)")
        con.execute(f"USE {alias}")
    except BaseException:
        con.close()
        raise
    return con


# Columns that record when or where a run happened rather than what its input said: two runs on
# the same files differ only in these (tests/test_determinism.py compares everything else).
VOLATILE_COLUMNS: dict[str, frozenset[str]] = {
    "raw.files": frozenset({"seen_at", "mtime_ns"}),  # load time; the file's modification time
    "dq.check_results": frozenset({"run_id", "checked_at", "rows_checked"}),  # rows_checked: what changed
    # what the checks have still to look at: run bookkeeping (a full rebuild marks '*', a run each row it wrote)
    "meta.unchecked": frozenset({"stage", "key"}),
}


def table_contents(con: duckdb.DuckDBPyConnection, with_volatile: bool = False) -> dict[str, list[tuple]]:
    """Every table's rows in a canonical order (ORDER BY ALL), without ``VOLATILE_COLUMNS`` unless asked:
    what "two runs give identical contents" compares."""
    out: dict[str, list[tuple]] = {}
    for schema, name in con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                                    "WHERE database_name = current_database() ORDER BY 1, 2").fetchall():
        table = f"{schema}.{name}"
        skip = set() if with_volatile else VOLATILE_COLUMNS.get(table, frozenset())
        cols = [c for (c,) in con.execute(
            "SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() "
            "AND schema_name = ? AND table_name = ? ORDER BY column_index", [schema, name]).fetchall()
            if c not in skip]
        if cols:
            sel = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f"SELECT {sel} FROM {table} ORDER BY ALL").fetchall()
    return out


def rows_fingerprint(con: duckdb.DuckDBPyConnection, table: str) -> str:
    """An order-free fingerprint of a table's rows without reading them out: the row count and the sum of
    the rows' hashes (one scan)."""
    return repr(con.execute(f"SELECT count(*), sum(hash(t)) FROM {table} t").fetchone())


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
