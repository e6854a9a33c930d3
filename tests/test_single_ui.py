"""`healthwork ui` runs once per Dagster home and port: a second one exits at once, non-zero, with one
line naming the running one (no second daemon on the same home, no web server failing on a busy port)."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from healthwork import cli
from healthwork.single_instance import AlreadyRunning, hold_ui, port_in_use


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_second_holder_of_the_same_home_is_refused_with_the_first_named(tmp_path: Path) -> None:
    port = _free_port()
    with hold_ui(tmp_path, "127.0.0.1", port):
        with pytest.raises(AlreadyRunning, match=rf"already running .*pid {os.getpid()}, http://127.0.0.1:{port}"):
            with hold_ui(tmp_path, "127.0.0.1", _free_port()):
                pass
    with hold_ui(tmp_path, "127.0.0.1", port):  # released when the first one stopped
        pass


def test_second_ui_on_the_same_home_exits_non_zero_with_one_line(env: tuple[Path, Path], capsys) -> None:  # noqa: ANN001
    _, warehouse = env
    home = warehouse.parent / ".dagster"
    port = _free_port()
    with hold_ui(home, "127.0.0.1", port):
        assert cli.main(["ui", "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("error: a healthwork ui is already running on Dagster home") and str(home) in err
    assert f"http://127.0.0.1:{port}" in err


def test_ui_on_a_busy_port_exits_non_zero_with_one_line(env: tuple[Path, Path], capsys) -> None:  # noqa: ANN001
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert port_in_use("127.0.0.1", port)
        assert cli.main(["ui", "--port", str(port)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"error: port {port} on 127.0.0.1 is already in use (another Dagster UI or server?); "
                   "stop it or pass --port")
    assert not port_in_use("127.0.0.1", port)


def test_two_uis_on_one_port_are_refused_before_the_first_listens(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    port = _free_port()
    with hold_ui(tmp_path / "a", "127.0.0.1", port):  # its web server is still starting: nothing listens yet
        assert not port_in_use("127.0.0.1", port)
        other_warehouse = tmp_path / "b" / "hw.duckdb"
        assert cli.main(["ui", "--port", str(port), "--warehouse", str(other_warehouse),
                         "--seeds", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: port {port} on 127.0.0.1 is already taken by another healthwork ui (pid {os.getpid()}")
    assert str(tmp_path / "a") in err and len(err.splitlines()) == 1
