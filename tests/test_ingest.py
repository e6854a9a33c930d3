"""The input folder scan: what is an input file, what is skipped and why; reading with bounded memory."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from healthwork.config import get_settings
from healthwork.ingest import Known, diff_folder, read_file, scan_folder
from healthwork.stages import run_raw
from healthwork.store import Warehouse


def _folder(tmp_path: Path) -> Path:
    f = tmp_path / "in"
    f.mkdir()
    (f / "a.txt").write_text("An article about a £5m programme for people out of work.\n")
    (f / "b.txt").write_bytes(b"second file")
    (f / ".DS_Store").write_bytes(b"\x00\x01")
    (f / ".~lock.a.txt#").write_text("lock")
    (f / "~$draft.docx").write_bytes(b"lock")
    (f / "a.txt.swp").write_bytes(b"swap")
    (f / "notes.tmp").write_text("tmp")
    (f / "b.txt~").write_text("backup")
    (f / "nested").mkdir()
    (f / "gone.txt").symlink_to(f / "missing.txt")
    (f / "loop.txt").symlink_to(f / "loop.txt")
    (f / "dirlink").symlink_to(f / "nested")
    (f / "good_link.txt").symlink_to(f / "b.txt")
    os.mkfifo(f / "fifo.txt")
    (f / os.fsdecode(b"r\xe9sum\xe9.txt")).write_text("latin-1 named file")
    return f


def test_scan_skips_what_is_not_an_input_file(tmp_path):
    files, skipped = scan_folder(_folder(tmp_path))
    assert [f.name for f in files] == ["a.txt", "b.txt", "good_link.txt", "r\\xe9sum\\xe9.txt"]
    assert {s.name: s.reason for s in skipped} == {
        ".DS_Store": "hidden or lock file",
        ".~lock.a.txt#": "hidden or lock file",
        "~$draft.docx": "hidden or lock file",
        "a.txt.swp": "temporary or editor swap file",
        "notes.tmp": "temporary or editor swap file",
        "b.txt~": "temporary or editor swap file",
        "nested": "directory",
        "dirlink": "directory",
        "gone.txt": "broken symbolic link",
        "loop.txt": "broken symbolic link",
        "fifo.txt": "not a regular file",
    }
    by_name = {f.name: f for f in files}
    assert by_name["good_link.txt"].size == len(b"second file")
    assert read_file(by_name["r\\xe9sum\\xe9.txt"].path).data == b"latin-1 named file"  # the real path still works


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_skipped(tmp_path):
    f = _folder(tmp_path)
    (f / "secret.txt").write_text("x")
    (f / "secret.txt").chmod(0)
    _, skipped = scan_folder(f)
    assert {s.name: s.reason for s in skipped}["secret.txt"] == "not readable (permissions)"


def test_permission_check_is_applied(tmp_path, monkeypatch):
    """Same as above when running as root: os.access is what the scan asks."""
    f = _folder(tmp_path)
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, m: False if str(p).endswith("b.txt") else real(p, m))
    files, skipped = scan_folder(f)
    assert "b.txt" not in [x.name for x in files]
    assert {s.name: s.reason for s in skipped}["b.txt"] == "not readable (permissions)"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        scan_folder(tmp_path / "nope")


def test_read_file_hashes_by_streaming_and_keeps_bytes_only_under_the_limit(tmp_path):
    p = tmp_path / "big.bin"
    data = os.urandom(3 * (1 << 20) + 17)  # more than one read chunk
    p.write_bytes(data)
    whole = read_file(p)
    assert (whole.sha256, whole.size, whole.data) == (hashlib.sha256(data).hexdigest(), len(data), data)
    capped = read_file(p, max_bytes=1 << 20)
    assert (capped.sha256, capped.size, capped.data) == (whole.sha256, len(data), None)
    exact = read_file(p, max_bytes=len(data))
    assert exact.data == data


def test_diff_folder_by_name_size_and_mtime(tmp_path):
    f = _folder(tmp_path)
    files, skipped = scan_folder(f)
    a = next(x for x in files if x.name == "a.txt")
    known = {"a.txt": Known(a.size, a.mtime_ns, "h"), "b.txt": Known(1, 1, "h"), "old.txt": Known(1, 1, "h")}
    d = diff_folder(files, skipped, known)
    assert [x.name for x in d.new] == ["good_link.txt", "r\\xe9sum\\xe9.txt"]
    assert [x.name for x in d.touched] == ["b.txt"]
    assert d.unchanged == ("a.txt",) and d.deleted == ("old.txt",)


def test_raw_stage_survives_files_vanishing_or_failing_between_scan_and_read(tmp_path, monkeypatch):
    f = _folder(tmp_path)
    import healthwork.ingest as ingest  # where the raw stage's per-file task (load_file) reads

    real = ingest.read_file

    def flaky(path, max_bytes=None, root=None):
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied")
        if path.name == "a.txt":
            path.unlink()  # deleted between the scan and the read
        return real(path, max_bytes, root)

    monkeypatch.setattr(ingest, "read_file", flaky)
    settings = get_settings(str(tmp_path / "w.duckdb"), str(f))
    with Warehouse(settings.warehouse).write() as con:
        s = run_raw(con, settings)
        names = [r[0] for r in con.execute("SELECT source_file FROM raw.files ORDER BY 1").fetchall()]
        q = dict(con.execute("SELECT source_file, detail FROM dq.quarantine WHERE reason = 'skipped'").fetchall())
    assert names == ["good_link.txt", "r\\xe9sum\\xe9.txt"]
    assert q["a.txt"].startswith("cannot read: No such file")
    assert q["b.txt"] == "cannot read: Permission denied"
    assert ("fifo.txt", "not a regular file") in s.skipped


def test_raw_stage_records_new_mtimes_of_touched_files_without_reprocessing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(f"Headline {name}\nA sentence of the article about {name} in full.\n")
    settings = get_settings(str(tmp_path / "w.duckdb"), str(folder))
    with Warehouse(settings.warehouse).write() as con:
        run_raw(con, settings)
        seen = dict(con.execute("SELECT source_file, seen_at FROM raw.files").fetchall())
        for name, ns in (("a.txt", 1_700_000_000_000_000_000), ("c.txt", 1_750_000_000_000_000_000)):
            os.utime(folder / name, ns=(ns, ns))  # touched: same bytes, new mtime
        s = run_raw(con, settings)
        rows = {n: (m, t) for n, m, t in con.execute("SELECT source_file, mtime_ns, seen_at FROM raw.files").fetchall()}
    assert (s.new, s.changed, s.unchanged) == ([], [], 3)
    assert rows["a.txt"][0] == 1_700_000_000_000_000_000 and rows["c.txt"][0] == 1_750_000_000_000_000_000
    assert rows["b.txt"][0] == (folder / "b.txt").stat().st_mtime_ns
    assert {n: t for n, (_, t) in rows.items()} == seen  # rows kept, not re-read
