"""Bytes -> text: every encoding we meet comes out as the same text; non-text is named, not decoded."""
from __future__ import annotations

import codecs
import io
import random
import zipfile

import pytest

from healthwork.decode import BINARY, EMPTY, TOO_LARGE, UNDECODABLE, decode_bytes, html_to_text

TEXT = ("NHS England’s “WorkWell” pilot gets £45m – café owners in Leeds welcome it.\n"
        "The scheme runs for three years and costs €2m a year.")
LATIN1_TEXT = "Café owners in Leeds welcome the £45m scheme; naïve critics disagree ± 5%."


@pytest.mark.parametrize(("label", "data", "encoding"), [
    ("utf-8", TEXT.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    ("utf-16 with BOM", TEXT.encode("utf-16"), "utf-16"),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ("utf-16-le without BOM", TEXT.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be without BOM", TEXT.encode("utf-16-be"), "utf-16-be"),
    ("windows-1252", TEXT.encode("cp1252"), "cp1252"),
])
def test_encodings_decode_to_the_same_text(label, data, encoding):
    d = decode_bytes(data)
    assert d.problem is None, label
    assert d.text == TEXT, label
    assert d.encoding == encoding, label


def test_latin1():
    d = decode_bytes(LATIN1_TEXT.encode("latin-1"))
    assert (d.text, d.problem) == (LATIN1_TEXT, None)


@pytest.mark.parametrize("layers", [1, 2])
def test_mojibake_is_repaired(layers):
    broken = TEXT.replace("”", '"').replace("“", '"')  # ” is not representable once mis-decoded
    data = broken
    for _ in range(layers):
        data = data.encode("utf-8").decode("cp1252")
    if layers == 1:
        assert "Â£45m" in data and "â€™" in data  # the classic symptoms
    assert decode_bytes(data.encode("utf-8")).text == broken


def test_utf8_with_a_stray_windows_1252_byte():
    data = TEXT.encode("utf-8") + "\nA further £9m follows.".encode("cp1252")
    d = decode_bytes(data)
    assert d.text == TEXT + "\nA further £9m follows."


def test_utf8_with_undefined_windows_1252_bytes_keeps_curly_quotes():
    # ” is E2 80 9D in UTF-8; 0x9D is undefined in Windows-1252, so strict cp1252 cannot be the fallback
    data = "He said “yes” to £5m.".encode() + b" Cost \xa32m."
    assert decode_bytes(data).text == "He said “yes” to £5m. Cost £2m."


@pytest.mark.parametrize(("eol", "nul"), [("\r\n", False), ("\r", False), ("\n", True)])
def test_line_ends_and_nul_bytes(eol, nul):
    raw = TEXT.replace("\n", eol)
    if nul:
        raw = raw.replace(" ", " \x00", 3)
    d = decode_bytes(raw.encode("utf-8"))
    assert d.text == TEXT


def test_saved_html_becomes_text():
    page = ("<!DOCTYPE html><html><head><title>Pilot</title><script>var x = '<p>no</p>';</script>"
            "<style>p{}</style></head><body><nav><ul><li>Home</li><li>News</li></ul></nav>"
            "<h1>WorkWell pilot</h1><p>The pilot costs &pound;45m over <b>three</b> years.</p>"
            "<p>It starts in&nbsp;April.</p></body></html>")
    d = decode_bytes(page.encode("utf-8"))
    assert d.was_html and d.problem is None
    lines = d.text.split("\n")
    assert "WorkWell pilot" in lines
    assert "The pilot costs £45m over three years." in lines
    assert "It starts in April." in lines  # &nbsp; is white space like any other
    assert "<" not in d.text and "no" not in lines and "var x" not in d.text
    assert html_to_text("<p>a</p><p>b</p>") == "a\n\nb"


def test_text_mentioning_tags_is_not_html():
    text = "The <p> tag is not the point: the £5m fund is.\nSecond line."
    d = decode_bytes(text.encode())
    assert (d.text, d.was_html) == (text, False)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", TEXT)
    return buf.getvalue()


@pytest.mark.parametrize(("label", "data", "detail"), [
    ("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "png signature"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"1 0 obj\n" * 50, "pdf signature"),
    ("zip", _zip(), "zip signature"),
    ("jpeg", b"\xff\xd8\xff\xe0" + bytes(500), "jpeg signature"),
    ("gzip", b"\x1f\x8b\x08\x00" + bytes(100), "gzip signature"),
    ("random", random.Random(7).randbytes(5000), "too many control characters for text"),
    ("mostly NUL", b"abc" + bytes(2000), "too many control characters for text"),
])
def test_binary_files_are_named_not_decoded(label, data, detail):
    d = decode_bytes(data)
    assert (d.problem, d.text, d.detail) == (BINARY, None, detail), label


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n ", "  \n ".encode("utf-16"), codecs.BOM_UTF8 + b"\n\n"])
def test_empty_and_blank(data):
    d = decode_bytes(data)
    assert (d.problem, d.text) == (EMPTY, None)


def test_html_without_text_is_undecodable():
    d = decode_bytes(b"<html><head><script>x()</script></head><body><div><p></p><p></p></div></body></html>")
    assert (d.problem, d.was_html) == (UNDECODABLE, True)


def test_size_limit():
    assert decode_bytes(b"x" * 101, max_bytes=100).problem == TOO_LARGE
    assert "101 bytes > limit 100" in decode_bytes(b"x" * 101, max_bytes=100).detail
    assert decode_bytes(b"x" * 100, max_bytes=100).problem is None


def test_never_raises_on_arbitrary_bytes():
    rnd = random.Random(11)
    for n in range(300):
        data = bytes(rnd.choice((0, 9, 10, 13, 32, 65, 0x80, 0x9D, 0xA3, 0xC2, 0xE2, 0xEF, 0xFE, 0xFF))
                     for _ in range(rnd.randint(0, 300)))
        d = decode_bytes(data)
        assert (d.text is None) == (d.problem is not None), n
        if d.text is not None:
            assert "\x00" not in d.text and "\r" not in d.text


@pytest.mark.parametrize("text", [
    "The £45m fund, announced on 9 December 2024, will help people – and employers – “stay in work”.",
    "Â£45m for the scheme and itâ€™s open",
    "voilÃ le travail\nsecond line £2.5bn",
    "control \x07 bell, C1 \x85 and escape \x1b[31mred\x1b[0m",
    "plain ASCII only\n",
])
def test_fast_path_matches_full_ftfy(text):
    """The clean-text fast path must give exactly what ftfy's full fixer gives with our settings."""
    import ftfy

    from healthwork.decode import _ftfy

    full = ftfy.fix_text(text, unescape_html=False, uncurl_quotes=False, fix_latin_ligatures=False,
                         fix_character_width=False, fix_line_breaks=False, normalization=None, explain=False)
    assert _ftfy(text) == full


def test_mojibake_test_anchored_at_non_ascii_characters_agrees_with_ftfy():
    """``looks_bad`` tries ftfy's mojibake pattern only near non-ASCII characters: the pattern's structure must
    allow it (else it falls back to a full search) and the answer must equal ``is_bad`` on clean, broken and
    short adversarial strings."""
    import random

    from ftfy.badness import BADNESS_RE, is_bad

    from healthwork.decode import _match_lead, looks_bad

    assert _match_lead(BADNESS_RE) == 2  # '[a-z]\s?[ÃÂ][ ]': the non-ASCII character can be third
    story = ("The council’s £3.5m WorkWell pilot – run with the NHS – will help 2,000 people “stay in work”, "
             "the cabinet member said on Tuesday.\n")
    samples = [story, story.encode("utf-8").decode("cp1252", "replace"), "fine until here Ã the end",
               "café Â£ 5", "Ã ", "no accents at all", "", "x\u00a0y", "plain × ² sign", "a Ã "]
    rng = random.Random(7)
    alphabet = "aZ \n.,ÂÃ£€’“”œ×²°ØÙ√≈‚ÄвЂГўВ"
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8))) for _ in range(20_000)]
    verdicts = [(s, looks_bad(s), is_bad(s)) for s in samples]
    assert [v for v in verdicts if v[1] != v[2]] == []
    assert looks_bad(samples[1]) and not looks_bad(story)
