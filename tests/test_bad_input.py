"""A generated corpus of bad input run together with the seeds: every bad file is quarantined with
the right reason (or repaired and processed), the seeds come out exactly as when run alone, and
nothing is raised. Also: per-article work is bounded (pathological lines, over-long texts).

``build_bad_corpus`` is shared with the determinism, concurrency and crash tests.
"""
from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
import random
import shutil
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest

from healthwork import limits
from healthwork.store import table_contents
from tests.conftest import SEEDS, run_pipeline

# ---------------------------------------------------------------- the corpus

_TOPICS = ["Harrowgate", "Kelvinmoor", "Ashbridge", "Pennfold", "Stourleigh", "Wendlebury", "Marrowick",
           "Tollbarrow", "Quenby", "Ravensholt", "Elmstead", "Brackwater", "Fenwold", "Glenmarsh", "Oakhurst"]


def synthetic_article(i: int, pound: str = "£", apostrophe: str = "’") -> str:
    """A short, plausible news article; every line carries a token unique to ``i`` so that no two
    generated files share a line (shared non-sentence lines would count as site template)."""
    place = _TOPICS[i % len(_TOPICS)]
    tag = f"{place} {1000 + i}"
    return "\n".join([
        f"Employment support pilot {tag} opens to residents",
        "",
        f"The {tag} scheme will give {pound}{i + 2}m to local employers who help staff with long-term "
        f"health conditions stay in work{apostrophe}s first year, the council said on Monday.",
        f"Officials in {tag} expect several hundred people to take part in the pilot before it is "
        "reviewed by independent researchers next spring.",
        f"A spokesperson for the {tag} partnership said the money would pay for occupational health "
        "advice, physiotherapy and coaching for people returning after sickness absence.",
    ])


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + random.Random(1).randbytes(3000)


def _pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + random.Random(2).randbytes(2000) + b"\n%%EOF\n"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("article.txt", synthetic_article(99))
    return buf.getvalue()


# a page of nothing but navigation (its lines are its own: lines shared with the seeds would count as
# site template and change how the seeds are cleaned, which is right but not what is tested here)
MENU_ONLY = "\n".join(f"Brackwater {w}" for w in ("front page", "jobs board", "events", "contact", "careers"))
HTML_PAGE = """<!DOCTYPE html><html><head><title>x</title><style>p {{ color: red }}</style>
<script>var tracking = "<p>not text</p>";</script></head><body>
<nav><ul><li>{tag} front page</li><li>{tag} desk</li></ul></nav>
<article><h1>Occupational health grant {tag} announced</h1>
<p>The {tag} grant will fund &pound;3m of occupational health advice for small firms that employ people
with long-term conditions, the regional board confirmed.</p>
<p>Small employers in {tag} have said they struggle to pay for specialist advice when staff fall ill
and need adjustments to return to work.</p></article></body></html>"""

# name -> (stage, reason) expected in dq.quarantine; files not listed here must be articles
EXPECTED_QUARANTINE: dict[str, tuple[str, str]] = {
    "empty.txt": ("raw", "empty_file"),
    "blank.txt": ("raw", "empty_file"),
    "utf16_blank.txt": ("raw", "empty_file"),
    "image.png": ("raw", "binary"),
    "scan.txt": ("raw", "binary"),  # a PDF saved with a .txt name: the bytes decide, not the name
    "archive.zip": ("raw", "binary"),
    "photo.jpg": ("raw", "binary"),
    "noise.bin": ("raw", "binary"),
    "huge.txt": ("raw", "too_large"),
    "menu_only.txt": ("clean", "no_article"),
    "zz_copy_of_seed.txt": ("raw", "duplicate"),
    "zz_link_to_seed.txt": ("raw", "duplicate"),
    "enc_utf8_twice.txt": ("raw", "duplicate"),
}
EXPECTED_SKIPPED = {
    ".hidden.txt": "hidden or lock file",
    ".~lock.enc_utf8.txt#": "hidden or lock file",
    "draft.txt.swp": "temporary or editor swap file",
    "draft.txt~": "temporary or editor swap file",
    "download.part": "temporary or editor swap file",
    "subfolder": "directory",
    "dangling.txt": "broken symbolic link",
    "pipe.txt": "not a regular file",
}
MAX_BYTES_IN_TEST = 1_000_000


def _variants() -> dict[str, Callable[[str], bytes]]:
    return {
        "enc_utf8.txt": lambda t: t.encode("utf-8"),
        "enc_utf8_bom.txt": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        "enc_utf16.txt": lambda t: t.encode("utf-16"),  # with BOM
        "enc_utf16le_nobom.txt": lambda t: t.encode("utf-16-le"),
        "enc_utf16be_nobom.txt": lambda t: t.encode("utf-16-be"),
        "enc_cp1252.txt": lambda t: t.encode("cp1252"),
        "enc_mojibake.txt": lambda t: t.encode("utf-8").decode("cp1252").encode("utf-8"),  # Â£, â€™
        "enc_mixed.txt": lambda t: t.encode("utf-8") + "\nThe wider fund is £9m in total this year.".encode("cp1252"),
        "enc_crlf.txt": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        "enc_cr.txt": lambda t: t.replace("\n", "\r").encode("utf-8"),
        "enc_nul.txt": lambda t: t.replace(" the ", " the\x00 ", 2).encode("utf-8"),
    }


def build_bad_corpus(folder: Path, order_seed: int | None = None, heavy: bool = True) -> dict[str, bytes]:
    """Write the bad-input corpus into ``folder`` (meant to hold copies of the seeds too: two files
    copy or link to the first seed). ``order_seed`` shuffles the order files are created in;
    ``heavy=False`` leaves out the large and pathological files (for tests about something else).
    Returns name -> bytes of the regular files."""
    folder.mkdir(parents=True, exist_ok=True)
    seed = sorted(SEEDS.iterdir())[0]
    files: dict[str, bytes] = {
        "empty.txt": b"",
        "blank.txt": b"  \n\r\n\t \n",
        "utf16_blank.txt": "   \n  ".encode("utf-16"),
        "image.png": _png(),
        "scan.txt": _pdf(),
        "archive.zip": _zip(),
        "photo.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + random.Random(3).randbytes(4000),
        "noise.bin": random.Random(4).randbytes(20000),
        "huge.txt": (synthetic_article(50) + "\n").encode() * (MAX_BYTES_IN_TEST // 400 + 10),
        "menu_only.txt": MENU_ONLY.encode(),
        "zz_copy_of_seed.txt": seed.read_bytes(),
        "page.html": HTML_PAGE.format(tag="Quenby 7001").encode("utf-8"),
        "long_article.txt": "\n".join(synthetic_article(60 + (i % 3)).replace("pilot", f"pilot {i}")
                                      for i in range(limits.MAX_ARTICLE_CHARS // 500)).encode(),
        # a headline, then one pathological 150,000-character line of tokens that regexes love
        "one_long_line.txt": ("Stress test of the long line\n"
                              + "Funding of £1,000,000 for 1,000 people, said Mr Aaa Bbb, of the NHS. " * 2100).encode(),
        "caf\xe9.txt".encode("latin-1").decode("utf-8", "surrogateescape"): synthetic_article(70).encode(),
    }
    if not heavy:
        for name in ("huge.txt", "long_article.txt", "one_long_line.txt", "noise.bin"):
            del files[name]
    text = synthetic_article(1)
    for k, (name, enc) in enumerate(_variants().items()):
        files[name] = enc(synthetic_article(10 + k))
    files["enc_utf8_twice.txt"] = files["enc_utf8.txt"]
    names = sorted(files)
    if order_seed is not None:
        random.Random(order_seed).shuffle(names)
    for name in names:
        (folder / name).write_bytes(files[name])
    # paths that are not input files
    (folder / ".hidden.txt").write_text(text)
    (folder / ".~lock.enc_utf8.txt#").write_text("lock")
    (folder / "draft.txt.swp").write_bytes(b"\x00swap")
    (folder / "draft.txt~").write_text(text)
    (folder / "download.part").write_text(text[:10])
    (folder / "subfolder").mkdir(exist_ok=True)
    (folder / "subfolder" / "inner.txt").write_text(synthetic_article(80))
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "zz_link_to_seed.txt").symlink_to(folder / seed.name)  # the folder's copy of the seed
    os.mkfifo(folder / "pipe.txt")  # reading it would block forever: must never be opened
    files["zz_link_to_seed.txt"] = seed.read_bytes()
    return files


def expected_repairs() -> dict[str, str]:
    """Encoding variant -> a sentence its body must hold, exactly (pound sign and apostrophe repaired)."""
    out = {}
    for k, name in enumerate(_variants()):
        out[name] = f"will give £{10 + k + 2}m to local employers"
    out["enc_mixed.txt"] = "The wider fund is £9m in total this year."
    out["page.html"] = "The Quenby 7001 grant will fund £3m of occupational health advice"
    return out


# ---------------------------------------------------------------- the run


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bad_input")
    folder = root / "input"
    shutil.copytree(SEEDS, folder)
    files = build_bad_corpus(folder)
    warehouse = root / "wh" / "healthwork.duckdb"
    mp = pytest.MonkeyPatch()
    mp.setenv("HEALTHWORK_MAX_FILE_BYTES", str(MAX_BYTES_IN_TEST))
    try:
        result = run_pipeline(folder, warehouse)
    finally:
        mp.undo()
    con = duckdb.connect(str(warehouse), read_only=True)
    yield result, con, files
    con.close()


def _rows(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> list[tuple]:
    return con.execute(sql, list(params)).fetchall()


def test_run_succeeds_without_raising(bad_run):
    result, _, _ = bad_run
    assert result.success
    assert not [e for e in result.all_events if e.is_step_failure]
    # No wall-clock limit here (a loaded machine made it flaky): catastrophic regex backtracking on these inputs is
    # caught per input, with a time-out, by test_pathological_text_is_processed_quickly; speed targets live in bench/.


def test_every_bad_file_is_quarantined_with_its_reason(bad_run):
    _, con, files = bad_run
    got = {name: (stage, reason) for name, stage, reason in _rows(
        con, "SELECT source_file, stage, reason FROM dq.quarantine WHERE reason <> 'skipped'")}
    # a single 150,000-character line: the cleaner may keep it or find no article in it; either is fine
    assert got.pop("one_long_line.txt", ("clean", "no_article")) == ("clean", "no_article")
    assert got == EXPECTED_QUARANTINE
    # name, sha256, reason and stage: the hash is the hash of the file's bytes
    for name, sha in _rows(con, "SELECT source_file, sha256 FROM dq.quarantine WHERE reason <> 'skipped'"):
        assert sha == hashlib.sha256(files[name]).hexdigest(), name


def test_unreadable_paths_are_skipped_with_a_reason(bad_run):
    _, con, _ = bad_run
    got = dict(_rows(con, "SELECT source_file, detail FROM dq.quarantine WHERE reason = 'skipped'"))
    assert got == EXPECTED_SKIPPED
    assert not _rows(con, "SELECT * FROM raw.files WHERE source_file IN (SELECT source_file FROM dq.quarantine "
                          "WHERE reason = 'skipped')")


def test_raw_files_keeps_every_files_hash_and_size(bad_run):
    _, con, files = bad_run
    rows = {n: (sha, size, status) for n, sha, size, status in _rows(
        con, "SELECT source_file, sha256, size_bytes, status FROM raw.files")}
    stored = {n.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
              if "\udce9" in n else n: b for n, b in files.items()}
    expected_names = stored.keys() | {p.name for p in SEEDS.iterdir()}
    assert rows.keys() == expected_names
    for name, data in stored.items():
        assert rows[name][:2] == (hashlib.sha256(data).hexdigest(), len(data)), name
    assert rows["huge.txt"][1] > MAX_BYTES_IN_TEST and rows["huge.txt"][2] == "quarantined"
    assert rows["caf\\xe9.txt"][2] == "article"  # a non-UTF-8 file name is stored escaped, not fatal


def test_duplicates_are_linked_not_processed_twice(bad_run):
    _, con, _ = bad_run
    seed = sorted(p.name for p in SEEDS.iterdir())[0]
    dups = _rows(con, "SELECT source_file, duplicate_of FROM dq.quarantine WHERE reason = 'duplicate' ORDER BY 1")
    assert dups == [("enc_utf8_twice.txt", "enc_utf8.txt"), ("zz_copy_of_seed.txt", seed), ("zz_link_to_seed.txt", seed)]
    assert _rows(con, "SELECT count(*) FROM clean.articles WHERE source_file IN "
                      "('enc_utf8_twice.txt', 'zz_copy_of_seed.txt', 'zz_link_to_seed.txt')") == [(0,)]
    # all copies point at the original's article id
    assert _rows(con, "SELECT count(DISTINCT article_id) FROM raw.files WHERE source_file IN (?, ?, ?)",
                 seed, "zz_copy_of_seed.txt", "zz_link_to_seed.txt") == [(1,)]


def test_encodings_mojibake_html_nul_and_line_ends_are_repaired(bad_run):
    _, con, _ = bad_run
    bodies = dict(_rows(con, "SELECT source_file, body FROM clean.articles"))
    for name, sentence in expected_repairs().items():
        assert name in bodies, f"{name} was not processed as an article"
        body = bodies[name]
        assert sentence in body, (name, body[:300])
        for junk in ("Â", "â€", "\x00", "\r", "\ufeff", "\ufffd", "<p>", "&pound;", "not text"):
            assert junk not in body, (name, junk)
    # the apostrophe of the synthetic text survived every encoding that can hold it
    assert "work’s first year" in bodies["enc_utf16.txt"]
    assert "work’s first year" in bodies["enc_mojibake.txt"]
    assert _rows(con, "SELECT was_html, encoding FROM raw.files WHERE source_file = 'page.html'") == [(True, "utf-8")]
    assert dict(_rows(con, "SELECT source_file, encoding FROM raw.files WHERE source_file LIKE 'enc_utf16%'")) == {
        "enc_utf16.txt": "utf-16", "enc_utf16le_nobom.txt": "utf-16-le", "enc_utf16be_nobom.txt": "utf-16-be"}


def test_over_long_text_is_processed_up_to_the_limit(bad_run):
    _, con, files = bad_run
    (n_text, n_body, cut), = _rows(con, "SELECT length(f.text), length(a.body), f.truncated FROM raw.files f "
                                        "JOIN clean.articles a USING (article_id) WHERE f.source_file = 'long_article.txt'")
    assert n_text == len(files["long_article.txt"].decode()) > limits.MAX_ARTICLE_CHARS
    assert 0 < n_body <= limits.MAX_ARTICLE_CHARS
    assert cut is True
    assert _rows(con, "SELECT source_file FROM raw.files WHERE truncated") == [("long_article.txt",)]


def test_seeds_come_out_exactly_as_when_run_alone(bad_run, seeds_build):
    _, con, _ = bad_run
    alone = duckdb.connect(str(seeds_build[1]), read_only=True)
    try:
        seed_ids = [r[0] for r in alone.execute("SELECT article_id FROM clean.articles").fetchall()]
        assert len(seed_ids) == len(list(SEEDS.iterdir()))
        want, got = table_contents(alone), table_contents(con)
        for table, rows in want.items():
            if not table.startswith(("raw.", "clean.", "entities.")) or table == "clean.common_lines":
                continue
            cols = [d[0] for d in alone.execute(f"SELECT * FROM {table} LIMIT 0").description]
            assert rows or table not in ("raw.files", "clean.articles", "entities.funding"), table
            keep = _seed_filter(table, cols, seed_ids)
            mine = [r for r in got[table] if keep(r)]
            assert mine == rows, f"{table}: seeds differ when run with bad input"
    finally:
        alone.close()


def _seed_filter(table: str, cols: list[str], seed_ids: list[str]) -> Callable[[tuple], bool]:
    cols = [c for c in cols if c not in ("seen_at", "mtime_ns")] if table == "raw.files" else cols
    ids = set(seed_ids)
    if table == "raw.files":
        names = {p.name for p in SEEDS.iterdir()}
        i = cols.index("source_file")
        return lambda r: r[i] in names
    if "article_id" in cols:
        i = cols.index("article_id")
        return lambda r: r[i] in ids
    if "article_id_a" in cols:
        a, b = cols.index("article_id_a"), cols.index("article_id_b")
        return lambda r: r[a] in ids and r[b] in ids
    return lambda r: True


def test_too_large_limit_is_configurable(tmp_path, monkeypatch):
    """HEALTHWORK_MAX_FILE_BYTES is honoured by the raw stage (file hashed, never decoded)."""
    from healthwork.config import get_settings
    from healthwork.stages import run_raw
    from healthwork.store import Warehouse

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(synthetic_article(1))
    (folder / "b.txt").write_text(synthetic_article(2) * 3)
    monkeypatch.setenv("HEALTHWORK_MAX_FILE_BYTES", str(len(synthetic_article(1).encode()) + 10))
    settings = get_settings(str(tmp_path / "w.duckdb"), str(folder))
    with Warehouse(settings.warehouse).write() as con:
        s = run_raw(con, settings)
        rows = con.execute("SELECT source_file, status, text IS NULL FROM raw.files ORDER BY 1").fetchall()
    assert s.quarantined == [("b.txt", "too_large")]
    assert rows == [("a.txt", "article", False), ("b.txt", "quarantined", True)]


# ---------------------------------------------------------------- bounded work per article

PATHOLOGICAL = {
    "spaces": "a" + " " * 30000 + "b.",
    "digits": "1" * 30000,
    "digit_groups": "£" + ",".join(["100"] * 8000),
    "pounds": "£" * 30000,
    "open_quote": "“" + "Some words here and more, " * 1500,
    "quotes": '"' * 30000,
    "capitals": "Aa " * 12000,
    "names": "Mel " * 10000,
    "dots": "." * 30000,
    "hyphens": "a-" * 15000,
    "apostrophes": "a'" * 15000,
    "url": "https://" + "a" * 30000,
    "byline": "By " + "Aaa " * 8000,
    "mixed": "Mr Smith, the Department for Work and Pensions minister, said: \"£45m " * 500,
    "counts": "up to 1,000,000 people " * 1500,
    "many_lines": "\n".join(f"Line {i} of £{i}m for WorkWell in Leeds." for i in range(3000)),
    "tabs": "word\t" * 15000,
    "nested_parens": "(" * 10000 + "x" + ")" * 10000,
    "html_like": "<p>" * 10000,
    "curly_apostrophes": "A’a" * 10000,
    "irish_names": "O’Neill " * 4000,
    "initials": "A. " * 10000,
    "billions": "£2.5bn " * 5000,
}


def _process_all(cases: dict[str, str], conn) -> None:
    """Child process: decode, clean (capped) and extract each case, reporting its CPU time as it goes (CPU time,
    not wall time: a loaded machine must not fail the test, a backtracking regex burns CPU whatever the load)."""
    from healthwork.clean import clean_article
    from healthwork.decode import decode_bytes
    from healthwork.extract import extract_entities

    for name, text in cases.items():
        conn.send(("start", name, 0.0))
        t0 = time.process_time()
        try:
            d = decode_bytes(text.encode())
            r = clean_article(limits.cap_text(d.text or text))
            extract_entities(r.body or text)
        except Exception as exc:  # noqa: BLE001
            conn.send(("error", name, f"{type(exc).__name__}: {exc}"))
            continue
        conn.send(("done", name, time.process_time() - t0))
    conn.send(("end", "", 0.0))


def test_pathological_text_is_processed_quickly():
    """Catastrophic backtracking in any decode/clean/extract regex would take minutes on these
    30,000-character lines; each must take well under a few seconds."""
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_process_all, args=(PATHOLOGICAL, child), daemon=True)
    p.start()
    times: dict[str, float] = {}
    errors: dict[str, str] = {}
    current = "(start-up)"
    deadline = time.monotonic() + 90
    try:
        while True:
            if not parent.poll(max(0.0, deadline - time.monotonic())):
                pytest.fail(f"{current}: still running after the time limit (catastrophic backtracking?)")
            kind, name, value = parent.recv()
            if kind == "end":
                break
            if kind == "start":
                current = name
                deadline = min(deadline, time.monotonic() + 20)
            elif kind == "error":
                errors[name] = value
            else:
                times[name] = value
                deadline = time.monotonic() + 90
    finally:
        if p.is_alive():
            p.kill()
        p.join()
    assert not errors
    assert times.keys() == PATHOLOGICAL.keys()
    slow = {k: round(v, 2) for k, v in times.items() if v > 5}
    assert not slow, f"pathological inputs processed too slowly: {slow}"


def test_cap_text_cuts_at_a_line_break():
    text = "\n".join(["x" * 99] * 50)  # 50 lines of 100 characters with their breaks
    assert limits.cap_text(text, 1000) == "\n".join(["x" * 99] * 10)
    assert limits.cap_text(text, 10_000) == text
    assert limits.cap_text("y" * 50, 10) == "y" * 10  # no line break: hard cut
