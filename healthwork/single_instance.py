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
from collections.abc import Iterator
from pathlib import Path

LOCK_NAME = "healthwork-ui.lock"


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
    return f"pid {info.get('pid', '?')}, {info.get('url', '?')}"


@contextlib.contextmanager
def hold_ui(home: Path, host: str, port: int) -> Iterator[Path]:
    """Hold the UI lock of ``home`` while the block runs; AlreadyRunning when another UI has it or the
    port is taken."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(f"a healthwork ui is already running on Dagster home {home} ({_holder(path)}); "
                                 "open that one or stop it first") from None
        if port_in_use(host, port):
            raise AlreadyRunning(f"port {port} on {host} is already in use (another Dagster UI or server?); "
                                 "stop it or pass --port")
        url = f"http://{host}:{port}"
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "url": url, "home": str(home)}).encode())
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # closing the descriptor releases the lock
