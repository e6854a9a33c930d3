"""Expected failures in one line: the cause and the path, not a stack trace. No Dagster.

A run that cannot write its warehouse folder, finds the disk full, meets a locked warehouse or a
bad input path fails with an ``OSError`` (or DuckDB's ``IOException``) deep inside Dagster's
wrappers. ``root_cause`` walks an error chain (anything with ``cls_name``, ``message`` and
``cause``/``context``, e.g. Dagster's ``SerializableErrorInfo``) to the exception that started it;
``one_line`` says what happened to which path. Stack traces stay in the Dagster run logs.
"""
from __future__ import annotations

import errno
import re
from dataclasses import dataclass
from typing import Protocol


class ErrorChain(Protocol):
    @property
    def cls_name(self) -> str | None: ...
    @property
    def message(self) -> str: ...
    @property
    def cause(self) -> ErrorChain | None: ...
    @property
    def context(self) -> ErrorChain | None: ...


@dataclass(frozen=True)
class Cause:
    kind: str  # the exception class name, e.g. PermissionError
    message: str  # its message, without the "Kind: " prefix Dagster adds


_ERRNO_MSG = re.compile(r"\[Errno (\d+)\] ([^:]+?)(?:: '(.*)')?(?:\s*->\s*'(.*)')?\s*$")
_DUCKDB_PATH = re.compile(r'(?:file|directory) "([^"]+)"')
_BY_ERRNO = {
    errno.EACCES: "permission denied", errno.EPERM: "operation not permitted", errno.ENOSPC: "disk full",
    errno.EROFS: "read-only file system", errno.ENOENT: "not found", errno.ENOTDIR: "not a folder",
    errno.EISDIR: "is a folder, not a file", errno.EDQUOT: "disk quota exceeded", errno.EIO: "input/output error",
}
# our own exceptions whose message is already the one line a user needs
_SELF_EXPLAINED = ("MassDeletionRefused", "WarehouseLocked", "RunInProgress", "OutsideInputError")


def root_cause(error: ErrorChain) -> Cause:
    """The exception that started an error chain: follow ``cause``; follow ``context`` only out of Dagster's
    own wrappers (a user exception's context is an error it was handling, not its cause)."""
    node = error
    while True:
        wrapper = (node.cls_name or "").startswith("Dagster")
        nxt = node.cause or (node.context if wrapper else None)
        if nxt is None:
            break
        node = nxt
    qualified = node.cls_name or "Error"
    kind = qualified.rsplit(".", 1)[-1]
    message = (node.message or "").strip()
    message = re.sub(rf"^(?:[\w.]+\.)?{re.escape(kind)}: ", "", message)
    return Cause(kind, message.splitlines()[0] if message else "")


def one_line(cause: Cause) -> str:
    """A single line naming what went wrong and where."""
    if cause.kind in _SELF_EXPLAINED:
        return cause.message
    m = _ERRNO_MSG.search(cause.message)
    if m:
        code, text, path = int(m.group(1)), m.group(2), m.group(3)
        what = _BY_ERRNO.get(code, text.lower())
        return f"{what}: {path}" if path else what
    if "IOException" in cause.kind or cause.message.startswith("IO Error"):
        path = _DUCKDB_PATH.search(cause.message)
        where = f": {path.group(1)}" if path else ""
        low = cause.message.lower()
        if "conflicting lock" in low or "could not set lock" in low:
            return f"the warehouse is locked by another process{where}"
        if "no space left" in low:
            return f"disk full{where}"
        if "permission denied" in low:
            return f"permission denied{where}"
        if "read-only file system" in low:
            return f"read-only file system{where}"
        if "is a directory" in low:
            return f"is a folder, not a file{where}"
    return f"{cause.kind}: {cause.message}" if cause.message else cause.kind


def describe_exception(exc: BaseException) -> str:
    """``one_line`` for an exception caught directly (outside Dagster)."""
    node: BaseException = exc
    while node.__cause__ is not None:
        node = node.__cause__
    return one_line(Cause(type(node).__name__, str(node).strip().splitlines()[0] if str(node).strip() else ""))
