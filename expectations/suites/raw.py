"""raw.files: every input file decoded, non-empty, within the size limit, unique per content.

Per file (``per_row``: a failing file is quarantined, the others go on): decoded, non-empty, within
the size limit. About the table (block the run): names and content hashes unique, ids derived from
content, duplicates and quarantine bookkeeping consistent.
"""
from __future__ import annotations

from collections.abc import Iterable

import duckdb
import pandas as pd

from expectations.rules import holds, in_set, invariant, matches, not_null, per_row, suite, unique
from expectations.suites import Check, Scope, in_scope
from expectations.vocab import RAW_STATUSES, SHA256_RE
from healthwork.config import Settings
from healthwork.ingest import article_id_for

# the SQL of healthwork.ingest.article_id_for (tests/test_scoped_checks.py holds them equal)
ARTICLE_ID_SQL = "substr(sha256, 1, 16)"
_STATUSES = ", ".join(f"'{s}'" for s in sorted(RAW_STATUSES))
SUITE = suite(
    "raw.files",
    invariant(not_null("source_file", "every row is an input file"),
              "SELECT source_file, status FROM raw.files WHERE source_file IS NULL"),
    invariant(unique("source_file", "one row per input file name"),
              """SELECT source_file, status FROM raw.files WHERE source_file IN
                 (SELECT source_file FROM raw.files GROUP BY source_file HAVING count(*) > 1) ORDER BY 1"""),
    # a file's status is set by other files too (the first of identical files is the article)
    invariant(in_set("status", RAW_STATUSES, "a file is an article, a duplicate or quarantined"),
              f"SELECT status, source_file FROM raw.files WHERE status IS NOT NULL AND status NOT IN ({_STATUSES})"),
    matches("sha256", SHA256_RE, "sha256 is 64 lower-case hex digits"),
    invariant(unique("sha256", "sha256 unique per content: a repeated content is a duplicate, not a second article",
                     where='status == "article"'),
              """SELECT sha256, source_file, status FROM raw.files WHERE status = 'article' AND sha256 IN
                 (SELECT sha256 FROM raw.files WHERE status = 'article' GROUP BY sha256 HAVING count(*) > 1)
                 ORDER BY 2"""),
    per_row(
        holds("decoded", "the file decodes to readable text: an encoding, and at most one U+FFFD replacement "
              "character per 500 characters (characters lost before the file reached us)"),
        holds("non_empty", "every file that was not quarantined has non-blank text"),
        holds("size_within_limits", "every file that was not quarantined has 1..HEALTHWORK_MAX_FILE_BYTES bytes"),
    ),
    invariant(holds("article_id_from_content", "an article's id is derived from its bytes (same content, same id)"),
              f"""SELECT false AS article_id_from_content, source_file, status FROM raw.files
                  WHERE status = 'article' AND (sha256 IS NULL OR article_id IS DISTINCT FROM {ARTICLE_ID_SQL})
                  ORDER BY 2"""),
    invariant(holds("duplicate_points_to_original", "a duplicate names the article file with the same bytes"),
              """SELECT false AS duplicate_points_to_original, d.source_file, d.status FROM raw.files d
                 WHERE d.status = 'duplicate' AND NOT EXISTS (SELECT 1 FROM raw.files a WHERE a.status = 'article'
                 AND a.source_file = d.duplicate_of AND a.sha256 = d.sha256) ORDER BY 2"""),
    invariant(holds("quarantine_recorded", "every quarantined file has its reason in dq.quarantine"),
              """SELECT false AS quarantine_recorded, f.source_file, f.status FROM raw.files f
                 WHERE f.status = 'quarantined' AND NOT EXISTS (SELECT 1 FROM dq.quarantine q
                 WHERE q.stage = 'raw' AND q.source_file = f.source_file) ORDER BY 2"""),
    show=("source_file", "status"),
    key="source_file",
)
# U+FFFD marks a character lost before the file reached us: a few in a long article are tolerated
# (one lost "£" in 500 characters does not make the article unreadable); more than this share is not.
MAX_REPLACEMENT_SHARE = 0.002


def readable_text(text: str) -> bool:
    """At most a small tolerance of U+FFFD replacement characters: one per 500 characters."""
    return text.count("\ufffd") <= MAX_REPLACEMENT_SHARE * len(text)


def derive(files: pd.DataFrame, max_file_bytes: int, quarantined_files: Iterable[str] = ()) -> pd.DataFrame:
    """raw.files rows (text included) -> the columns the suite asserts."""
    df = files.copy()
    recorded = set(quarantined_files)
    kept = [s != "quarantined" for s in df["status"]]
    texts = [t if isinstance(t, str) else None for t in df["text"]]
    encodings = [e if isinstance(e, str) and e else None for e in df["encoding"]]
    df["decoded"] = [not k or (t is not None and e is not None and readable_text(t))
                     for k, t, e in zip(kept, texts, encodings)]
    df["non_empty"] = [not k or (t is not None and t.strip() != "") for k, t in zip(kept, texts)]
    df["size_within_limits"] = [not k or (pd.notna(n) and 0 < int(n) <= max_file_bytes)
                                for k, n in zip(kept, df["size_bytes"])]
    df["article_id_from_content"] = [s != "article" or (isinstance(sha, str) and a == article_id_for(sha))
                                     for s, sha, a in zip(df["status"], df["sha256"], df["article_id"])]
    article_sha = {n: sha for n, sha, s in zip(df["source_file"], df["sha256"], df["status"]) if s == "article"}
    df["duplicate_points_to_original"] = [s != "duplicate" or (d in article_sha and article_sha[d] == sha)
                                          for s, d, sha in zip(df["status"], df["duplicate_of"], df["sha256"])]
    df["quarantine_recorded"] = [s != "quarantined" or n in recorded for s, n in zip(df["status"], df["source_file"])]
    return df.drop(columns=["text"])


def load(con: duckdb.DuckDBPyConnection, settings: Settings, scope: Scope = None) -> list[Check]:
    files = con.execute("SELECT source_file, sha256, size_bytes, encoding, text, status, article_id, duplicate_of "
                        f"FROM raw.files WHERE {in_scope('source_file', scope)} ORDER BY source_file").df()
    quarantined = [r[0] for r in con.execute("SELECT source_file FROM dq.quarantine WHERE stage = 'raw'").fetchall()]
    n_files = con.execute("SELECT count(*) FROM raw.files").fetchone()[0]
    return [Check(SUITE, derive(files, settings.max_file_bytes, quarantined), population=n_files)]
