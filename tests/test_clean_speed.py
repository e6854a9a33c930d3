"""The cleaning speed shortcuts give exactly what the long way gives (bench/clean_golden.py checks whole pages)."""
from __future__ import annotations

import itertools

from healthwork.clean.lines import (
    _CUE_TRIGGERS,
    _CUES,
    _GATE_WORDS,
    _SIGNAL_WORDS,
    _cues_with_bits,
    _has_stop_words,
    _is_caption,
    letter_runs,
    line_key,
)
from healthwork.clean.patterns import STOP_WORDS


def _slow_key(line: str) -> str:
    return " ".join(line.lower().split())


def test_line_key_shortcut_matches_split_and_join() -> None:
    # printable ASCII with single spaces takes the shortcut; tabs, control characters, double or edge spaces do not
    for line in ["Health  News", "Health\tNews", "Health News", " Health News", "Health News ", "Jobs\x0bBoard",
                 "A\x1cB", "", "x", "NHS: 5 NEW jobs", "Menu\r"]:
        assert line_key(line) == _slow_key(line), repr(line)
    assert line_key("Sign Up For Our Newsletter") == "sign up for our newsletter"
    assert line_key("Sign  Up\tToday") == "sign up today"


def test_stop_word_count_stops_early_but_counts_right() -> None:
    tokens = "the council said the plan and the money will help".split()
    distinct = len(STOP_WORDS.intersection(tokens))  # the, said, and, will
    assert distinct == 4
    for at_least in (0, 0.5, 1, 1.2, 2, 3, 3.5, 4, 4.5, 5):
        assert _has_stop_words(tokens, at_least) == (distinct >= at_least), at_least
    assert not _has_stop_words("council budget rises sharply".split(), 0.48)


def test_cue_bits_pick_every_cue_a_word_triggers_in_order() -> None:
    for words in (["share"], ["cookie", "share"], ["related", "comment", "email"], ["sign", "up"]):
        mask = 0
        for index, (rule, _) in enumerate(_CUES):
            if not _CUE_TRIGGERS[rule].isdisjoint(words):
                mask |= 1 << index
        expected = [rule for rule, _ in _CUES if not _CUE_TRIGGERS[rule].isdisjoint(words)]
        assert [rule for rule, _ in _cues_with_bits(mask)] == expected
    assert _cues_with_bits(0) == ()


def test_gate_words_hold_every_signal_word() -> None:
    assert _SIGNAL_WORDS <= _GATE_WORDS
    assert {"reporter", "photo", "pdf", "affiliate", "javascript"} <= _GATE_WORDS


def test_caption_tail_shortcut() -> None:
    # a credit at the end: '(Photo: Example Agency)', '/ Getty Images', 'via Reuters'
    for line in ["Nurses at the new clinic (Photo: Example Agency)", "Ward staff on shift / Getty Images",
                 "The new ward opened in May via Reuters"]:
        lowered = line.lower()
        words = _GATE_WORDS.intersection(letter_runs(lowered))
        assert _is_caption(line, lowered, words), line
    # trigger words but no credit mark at the end: not a caption
    line = "Top employers meet the main unions this week"
    assert not _is_caption(line, line.lower(), _GATE_WORDS.intersection(letter_runs(line.lower())))


def test_line_key_on_all_short_mixes_of_space_and_controls() -> None:
    for chars in itertools.product("a \t\x1f.", repeat=4):
        line = "".join(chars)
        assert line_key(line) == _slow_key(line), repr(line)
