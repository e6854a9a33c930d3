"""A small local web server for the Data Docs, started by `healthwork ui` beside the Dagster UI.

The UI's check metadata links each validation page as ``http://127.0.0.1:<docs port>/...``: a browser
does not follow ``file://`` links from an ``http://`` page. Serves only the Data Docs folder, only on
the loopback interface, from a daemon thread (it stops with the UI)."""
from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _DocsHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass  # the UI's log is for the UI


def serve_docs(folder: Path, host: str, port: int) -> ThreadingHTTPServer:
    """Serve ``folder`` on http://host:port/ from a background thread; ``.shutdown()`` stops it."""
    folder.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer((host, port), functools.partial(_DocsHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, name="data-docs", daemon=True).start()
    return server
