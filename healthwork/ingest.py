"""The input folder -> the files to (re)process, by comparing it with what the warehouse holds.

Cheap on large folders: a file whose name, size and mtime are unchanged is not read again;
only new or touched files are hashed (and re-hashing confirms whether the content changed).
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# File names we never treat as input: editor swap/lock files, temp and hidden files.
_SKIP_SUFFIXES = (".swp", ".swo", ".tmp", ".part", ".crdownload", "~")
_SKIP_PREFIXES = (".", "~$", ".~lock")


@dataclass(frozen=True)
class FileStat:
    name: str
    path: Path
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


@dataclass(frozen=True)
class Known:
    """What the warehouse remembers of an input file."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class FolderDiff:
    new: tuple[FileStat, ...]
    touched: tuple[FileStat, ...]  # name known but size or mtime changed: re-hash to see
    unchanged: tuple[str, ...]
    deleted: tuple[str, ...]
    skipped: tuple[Skipped, ...]


def skip_reason(entry: os.DirEntry[str]) -> str | None:
    """Why a folder entry is not an input file (None when it is one)."""
    name = entry.name
    if name.startswith(_SKIP_PREFIXES):
        return "hidden or lock file"
    if name.endswith(_SKIP_SUFFIXES):
        return "temporary or editor swap file"
    try:
        if entry.is_symlink() and not os.path.exists(entry.path):
            return "broken symbolic link"
        if entry.is_dir():
            return "directory"
        if not entry.is_file():
            return "not a regular file"
    except OSError as exc:
        return f"cannot stat: {exc.strerror or exc}"
    if not os.access(entry.path, os.R_OK):
        return "not readable (permissions)"
    return None


def scan_folder(folder: Path) -> tuple[list[FileStat], list[Skipped]]:
    """Every input file of ``folder`` (not recursive), sorted by name, and what was skipped."""
    if not folder.is_dir():
        raise FileNotFoundError(f"input folder {folder} does not exist or is not a directory")
    files: list[FileStat] = []
    skipped: list[Skipped] = []
    with os.scandir(folder) as it:
        for entry in it:
            reason = skip_reason(entry)
            if reason:
                skipped.append(Skipped(entry.name, reason))
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                skipped.append(Skipped(entry.name, f"cannot stat: {exc.strerror or exc}"))
                continue
            if not stat.S_ISREG(st.st_mode):
                skipped.append(Skipped(entry.name, "not a regular file"))
                continue
            files.append(FileStat(entry.name, Path(entry.path), st.st_size, st.st_mtime_ns))
    files.sort(key=lambda f: f.name)
    skipped.sort(key=lambda s: s.name)
    return files, skipped


def diff_folder(files: list[FileStat], skipped: list[Skipped], known: Mapping[str, Known]) -> FolderDiff:
    """Split the scanned files by what the warehouse already has (by name, size and mtime)."""
    new, touched, unchanged = [], [], []
    for f in files:
        k = known.get(f.name)
        if k is None:
            new.append(f)
        elif (k.size, k.mtime_ns) != (f.size, f.mtime_ns):
            touched.append(f)
        else:
            unchanged.append(f.name)
    present = {f.name for f in files}
    deleted = sorted(n for n in known if n not in present)
    return FolderDiff(tuple(new), tuple(touched), tuple(unchanged), tuple(deleted), tuple(skipped))


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def article_id_for(sha256: str) -> str:
    """Stable article id: derived from the content hash only (same bytes, same id, anywhere)."""
    return sha256[:16]
