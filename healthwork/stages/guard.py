"""The mass-deletion guard: a run never empties the warehouse because the input folder looks empty.

An unmounted disk, a wrong ``--seeds`` path or a half-finished copy shows up as an input folder
that lacks most of the files the warehouse was built from. A run would then delete their rows
and publish a (nearly) empty warehouse. Before anything is changed, the folder is compared with
the *published* warehouse: when the run would remove every published article, or more than
``Settings.max_delete_share`` of at least ``MIN_ARTICLES_FOR_SHARE`` of them, it stops with
``MassDeletionRefused``. ``--allow-mass-delete`` (or HEALTHWORK_ALLOW_MASS_DELETE=1) lets a user mean it.
"""
from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import duckdb

from healthwork.config import ENV_ALLOW_MASS_DELETE, Settings
from healthwork.ingest import FileStat, Skipped, scan_folder

MIN_ARTICLES_FOR_SHARE = 10  # below this, only removing every article is refused


class MassDeletionRefused(RuntimeError):
    """The run would remove too many published articles: nothing was changed."""


@dataclass(frozen=True)
class Deletion:
    published: int  # articles in the published warehouse
    removed: tuple[str, ...]  # their files missing from the input folder

    def too_many(self, max_share: float) -> bool:
        n, gone = self.published, len(self.removed)
        if n == 0 or gone == 0:
            return False
        return gone == n or (n >= MIN_ARTICLES_FOR_SHARE and gone > max_share * n)


def published_article_files(warehouse: Path) -> list[str]:
    """File names of the articles of the published warehouse (none when there is no warehouse yet)."""
    if not warehouse.exists():
        return []
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        has = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'raw' "
                          "AND table_name = 'files'").fetchone()[0]
        if not has:
            return []
        return [r[0] for r in con.execute("SELECT source_file FROM raw.files WHERE status = 'article'").fetchall()]
    finally:
        con.close()


def planned_deletion(published: Collection[str], present: Collection[str]) -> Deletion:
    """Which published article files the folder no longer holds."""
    have = set(present)
    return Deletion(len(published), tuple(sorted(n for n in published if n not in have)))


def refusal(d: Deletion, folder: Path, max_share: float) -> str:
    """The one line that says why the run stopped and how to mean it."""
    return (f"refusing to remove {len(d.removed)} of the {d.published} published article files: they are "
            f"missing from the input folder {folder} (empty or unmounted?); nothing was changed. "
            f"Run with --allow-mass-delete (or {ENV_ALLOW_MASS_DELETE}=1) if they really are gone")


Scan = tuple[list[FileStat], list[Skipped]]  # what ingest.scan_folder gives: the input files, what was skipped


def guard_mass_deletion(settings: Settings, allow: bool = False, scanned: Scan | None = None) -> Deletion:
    """Raise ``MassDeletionRefused`` when this run would remove too many published articles (``scanned``:
    the folder's ``scan_folder``, when the caller has it already)."""
    files, _ = scanned if scanned is not None else scan_folder(settings.seeds_dir)
    d = planned_deletion(published_article_files(settings.warehouse), [f.name for f in files])
    if not (allow or settings.allow_mass_delete) and d.too_many(settings.max_delete_share):
        raise MassDeletionRefused(refusal(d, settings.seeds_dir, settings.max_delete_share))
    return d
