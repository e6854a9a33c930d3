"""One `healthwork ui` per Dagster home and per port.

A second UI on the same home would start a second daemon (two sensor daemons fighting over the same
heartbeats) and its web server would fail on the busy port, buried in the log. ``hold_ui`` takes an
exclusive lock in the home, held for the UI's lifetime and released by the kernel when the process
dies, and records who holds it, so the second one can name the running one and stop at once.
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import socket
import tempfile
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = "healthwork-ui.lock"


def port_lock_path(host: str, port: int) -> Path:
    """The machine-wide claim on a port by a `healthwork ui` (its web server takes a while to listen,
    so two UIs started seconds apart would both find the port free)."""
    return Path(tempfile.gettempdir()) / f"healthwork-ui-{host}-{port}.lock"


class AlreadyRunning(RuntimeError):
    """Another UI holds the home, or the port is taken: the message names it."""


def port_in_use(host: str, port: int) -> bool:
    """True when something listens on (host, port) (a port in TIME_WAIT is free)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return True
            raise
    return False


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        info = {}
    if not info:
        return "another process"
    return f"pid {info.get('pid', '?')}, {info.get('url', '?')}, Dagster home {info.get('home', '?')}"


def _try_lock(path: Path) -> int | None:
    """An open descriptor holding an exclusive lock on ``path``, or None when another process holds it."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def _record(fd: int, info: dict[str, object]) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, json.dumps(info).encode(), 0)


@contextlib.contextmanager
def hold_ui(home: Path, host: str, port: int) -> Iterator[Path]:
    """Hold the UI locks of ``home`` and of the port while the block runs; AlreadyRunning when another
    UI has either, or something else listens on the port. The kernel drops the locks when the process
    dies, so a killed UI never blocks the next one."""
    home.mkdir(parents=True, exist_ok=True)
    path, port_path = home / LOCK_NAME, port_lock_path(host, port)
    url = f"http://{host}:{port}"
    with contextlib.ExitStack() as stack:
        home_fd = _try_lock(path)
        if home_fd is None:
            raise AlreadyRunning(f"a healthwork ui is already running on Dagster home {home} ({_holder(path)}); "
                                 "open that one or stop it first")
        stack.callback(os.close, home_fd)
        port_fd = _try_lock(port_path)
        if port_fd is None:
            raise AlreadyRunning(f"port {port} on {host} is already taken by another healthwork ui "
                                 f"({_holder(port_path)}); open that one or pass --port")
        stack.callback(os.close, port_fd)
        if port_in_use(host, port):
            raise AlreadyRunning(f"port {port} on {host} is already in use (another Dagster UI or server?); "
                                 "stop it or pass --port")
        info = {"pid": os.getpid(), "url": url, "home": str(home)}
        for fd in (home_fd, port_fd):
            _record(fd, info)
            stack.callback(os.ftruncate, fd, 0)
        yield path
