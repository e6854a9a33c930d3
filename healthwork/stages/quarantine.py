"""Set aside the articles a check found faulty, so the rest of the corpus is published without them.

A stage's check (``expectations.triage``) names rows that break a rule about one article. This
module removes each such article from the stage that failed and from everything built on it, and
records it in ``dq.quarantine`` with the reason and the rule, so a bad file never blocks the others:

- ``raw``: the file becomes ``status = 'quarantined'`` (no article id): cleaning never sees it;
- ``clean``: its ``clean.articles`` and ``clean.dropped_lines`` rows go, ``meta.processed`` says
  ``quarantined`` (it is not re-cleaned until its bytes or the cleaner change); extraction then
  drops its entities as for any article that left ``clean.articles``;
- ``entities``: its rows go from every entity table, ``meta.processed`` says ``quarantined``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd

from healthwork.extract import TABLES as ENTITY_TABLES
from healthwork.store import replace_rows

STAGES = ("raw", "clean", "entities")


@dataclass(frozen=True)
class SetAside:
    """One article (raw: one file) to quarantine, and why."""

    key: str  # raw: the file name; clean and entities: the article id
    reason: str  # stable reason code (the rule's short name), e.g. decoded, body_is_raw_text
    rule: str  # the failed rule, e.g. expect_column_values_to_be_in_set(decoded)
    detail: str  # human explanation


def _keys(con: duckdb.DuckDBPyConnection, keys: Sequence[str]) -> None:
    con.register("_aside", pd.DataFrame({"k": list(keys)}, dtype="object"))


def set_aside(con: duckdb.DuckDBPyConnection, stage: str, items: Sequence[SetAside]) -> list[tuple[str, str]]:
    """Quarantine ``items`` at ``stage`` (see the module doc); returns (source_file, reason) of each."""
    if stage not in STAGES:
        raise ValueError(f"no article-level quarantine at stage {stage!r}")
    by_key = {i.key: i for i in items}
    if not by_key:
        return []
    keys = sorted(by_key)
    _keys(con, keys)
    try:
        if stage == "raw":
            files = con.execute("SELECT source_file, sha256 FROM raw.files WHERE source_file IN "
                                "(SELECT k FROM _aside) ORDER BY 1").fetchall()
            con.execute("UPDATE raw.files SET status = 'quarantined', article_id = NULL, duplicate_of = NULL "
                        "WHERE source_file IN (SELECT k FROM _aside)")
            named = [(name, sha, by_key[name]) for name, sha in files]
        else:
            files = con.execute("SELECT article_id, source_file, sha256 FROM raw.files WHERE status = 'article' "
                                "AND article_id IN (SELECT k FROM _aside) ORDER BY 2").fetchall()
            tables = ("clean.articles", "clean.dropped_lines") if stage == "clean" else \
                tuple(f"entities.{t}" for t in ENTITY_TABLES)
            for t in tables:
                con.execute(f"DELETE FROM {t} WHERE article_id IN (SELECT k FROM _aside)")
            con.execute("UPDATE meta.processed SET outcome = 'quarantined' WHERE stage = ? "
                        "AND article_id IN (SELECT k FROM _aside)", [stage])
            named = [(name, sha, by_key[aid]) for aid, name, sha in files]
        con.register("_aside_files", pd.DataFrame({"f": [n for n, _, _ in named]}, dtype="object"))
        con.execute("DELETE FROM dq.quarantine WHERE stage = ? AND source_file IN (SELECT f FROM _aside_files)",
                    [stage])
        con.unregister("_aside_files")
    finally:
        con.unregister("_aside")
    rows = [{"source_file": n, "sha256": sha, "stage": stage, "reason": i.reason, "detail": i.detail,
             "duplicate_of": None, "rule": i.rule} for n, sha, i in named]
    replace_rows(con, "dq.quarantine", rows, article_ids=[])
    return [(n, i.reason) for n, _, i in named]
