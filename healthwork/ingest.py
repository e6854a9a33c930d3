"""The input folder -> the files to (re)process, by comparing it with what the warehouse holds.

Only the folder's own files are input: a symbolic link whose real path leaves the folder (to
``/etc/passwd``, a home directory, another project) is listed as skipped with reason
``outside_input`` and never opened; ``read_file`` re-checks the real path when it opens a file,
so a link swapped in after the scan is refused too.

Cheap on large folders: a file whose name, size and mtime are unchanged is not read again;
only new or touched files are hashed (and re-hashing confirms whether the content changed).
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from healthwork.decode import UNDECODABLE, Decoded, decode_bytes, too_large

# File names we never treat as input: editor swap/lock files, temp and hidden files.
_SKIP_SUFFIXES = (".swp", ".swo", ".tmp", ".part", ".crdownload", "~")
_SKIP_PREFIXES = (".", "~$", ".~lock")


@dataclass(frozen=True)
class FileStat:
    name: str
    path: Path
    size: int
    mtime_ns: int


OUTSIDE_INPUT = "outside_input"  # dq.quarantine reason of a link that leaves the input folder
SKIPPED = "skipped"  # dq.quarantine reason of every other entry that is not an input file


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str  # human explanation
    code: str = SKIPPED  # stable reason code (dq.quarantine.reason)


class OutsideInputError(PermissionError):
    """A file whose real path is not inside the input folder: never read."""


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


@dataclass(frozen=True)
class FileRead:
    """One input file read with bounded memory: always its hash and size, its bytes only when small enough."""

    sha256: str
    size: int
    data: bytes | None  # None when the file is over the size limit (hashed, not kept)


_CHUNK = 1 << 20
OUTSIDE_REASON = "symbolic link to a file outside the input folder (not read)"


def is_inside(path: str | Path, folder: str | Path) -> bool:
    """``path``'s real path (every link followed) is inside ``folder``'s real path."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([real, root]) == root and real != root


def _open_confined(path: Path, root: Path | None) -> int:
    """A read-only descriptor of a regular file; with ``root``, only when its real path is inside ``root``
    (the real path is opened with O_NOFOLLOW, so no link swapped in meanwhile is followed)."""
    target = str(path)
    if root is not None:
        if not is_inside(path, root):
            raise OutsideInputError(errno.EACCES, "real path is outside the input folder", str(path))
        target = os.path.realpath(path)
    fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | (os.O_NOFOLLOW if root is not None else 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(errno.EINVAL, "not a regular file", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_file(path: Path, max_bytes: int | None = None, root: Path | None = None) -> FileRead:
    """Hash a file by streaming it; keep its bytes only up to ``max_bytes`` (raises OSError). With ``root``
    (the input folder), a file whose real path is outside it raises ``OutsideInputError`` unread."""
    h = hashlib.sha256()
    kept: list[bytes] | None = []
    size = 0
    with os.fdopen(_open_confined(path, root), "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
            if kept is not None:
                if max_bytes is not None and size > max_bytes:
                    kept = None
                else:
                    kept.append(chunk)
    return FileRead(h.hexdigest(), size, None if kept is None else b"".join(kept))


def display_name(name: str) -> str:
    """A file name as stored in the warehouse: names that are not valid UTF-8 (a zip made on an old
    Windows machine) keep their undecodable bytes as ``\\xe9`` escapes instead of failing the insert."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def skip_reason(entry: os.DirEntry[str], folder: Path | None = None) -> str | None:
    """Why a folder entry is not an input file (None when it is one)."""
    name = entry.name
    if name.startswith(_SKIP_PREFIXES):
        return "hidden or lock file"
    if name.endswith(_SKIP_SUFFIXES):
        return "temporary or editor swap file"
    try:
        if entry.is_symlink() and not os.path.exists(entry.path):
            return "broken symbolic link"
        if entry.is_symlink() and folder is not None and not is_inside(entry.path, folder):
            return OUTSIDE_REASON
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
            name = display_name(entry.name)
            reason = skip_reason(entry, folder)
            if reason:
                skipped.append(Skipped(name, reason, OUTSIDE_INPUT if reason == OUTSIDE_REASON else SKIPPED))
                continue
            try:
                st = entry.stat()
            except OSError as exc:
                skipped.append(Skipped(name, f"cannot stat: {exc.strerror or exc}"))
                continue
            if not stat.S_ISREG(st.st_mode):
                skipped.append(Skipped(name, "not a regular file"))
                continue
            files.append(FileStat(name, Path(entry.path), st.st_size, st.st_mtime_ns))
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
    worker processes of ``healthwork.parallel`` for large batches (kept in this light module, which the workers'
    forkserver preloads: a task function in ``healthwork.stages`` made every new pool's workers import DuckDB,
    pandas and every stage first, 3-15 s before the first file was read)."""
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
