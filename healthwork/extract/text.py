"""Paragraph and sentence spans of an article body, shared by the extractors.

A body is the article text with paragraphs separated by ``\\n`` (see ``clean.articles.body``).
All spans are ``(start, end)`` pairs of 0-based, end-exclusive offsets into the body, so
``body[start:end]`` is the segment; leading/trailing whitespace is excluded and empty
segments are dropped.

    >>> body = "Mr. Smith said £5m. It helps.\\nNew para."
    >>> [body[s:e] for s, e in sentence_spans(body)]
    ['Mr. Smith said £5m.', 'It helps.', 'New para.']
    >>> find_span(paragraph_spans(body), body.index("New"))
    (30, 39)

Sentence splitting is deliberately simple and fast (one compiled regex, linear time): a
sentence ends at ``.``, ``!`` or ``?`` (plus any closing quotes/brackets) followed by
whitespace and a capital letter, digit, opening quote or bracket, unless the full stop ends a
common abbreviation (``Mr.``, ``Dr.``, ``No.``...), a dotted one (``e.g.``, ``U.S.``) or a
single initial (``J.``).
Paragraph breaks always end a sentence.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

Span = tuple[int, int]

__all__ = ["Span", "paragraph_spans", "sentence_spans", "find_span", "span_index", "find_all", "find_word_starts",
           "offset_safe_lower", "phrase_trie", "RowsByStart", "Covering"]

_PARA = re.compile(r"[^\n]+")
# candidate sentence end: terminal punctuation, optional closers, whitespace, then a likely
# sentence opener. The opener is only looked at, not consumed.
_SENT_END = re.compile(r"""[.!?]+['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9\u00a3$\u20ac])""")
_ABBREV = frozenset(
    "mr mrs ms dr prof sir st rev hon cllr gen col capt lt sgt no nos vol fig approx est "
    "inc ltd co corp dept govt jan feb mar apr jun jul aug sep sept oct nov dec "
    "e.g eg i.e ie etc vs cf al".split()
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def paragraph_spans(body: str) -> list[Span]:
    """Spans of the non-blank lines (paragraphs) of ``body``, whitespace-trimmed."""
    out: list[Span] = []
    for m in _PARA.finditer(body):
        s, e = _trim(body, m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def sentence_spans(body: str) -> list[Span]:
    """Spans of the sentences of ``body`` in order; never crosses a paragraph break."""
    out: list[Span] = []
    marks = find_all(body, (".", "!", "?"))  # literal finds: much faster than a regex scan
    k = 0
    for ps, pe in paragraph_spans(body):
        start = ps
        while k < len(marks) and marks[k] < ps:
            k += 1
        while k < len(marks) and marks[k] < pe:
            i = marks[k]
            k += 1
            if i < start or (i > ps and body[i - 1] in ".!?"):
                continue  # inside a run of marks already read
            m = _SENT_END.match(body, i, pe)
            if not m or (body[i] == "." and _is_abbreviation(body, ps, i)):
                continue
            s, e = _trim(body, start, m.end())
            if s < e:
                out.append((s, e))
            start = m.end()
        s, e = _trim(body, start, pe)
        if s < e:
            out.append((s, e))
    return out


def span_index(spans: Sequence[Span], pos: int) -> int:
    """Index of the span in ``spans`` (sorted, non-overlapping) containing ``pos``, else -1."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    if i >= 0 and spans[i][0] <= pos < spans[i][1]:
        return i
    return -1


def find_span(spans: Sequence[Span], pos: int) -> Span | None:
    """The span in ``spans`` (sorted, non-overlapping) containing offset ``pos``, else None."""
    i = span_index(spans, pos)
    return spans[i] if i >= 0 else None


class RowsByStart:
    """Entity rows (dicts with ``span_start``/``span_end``) sorted by start, looked up by range in
    O(log n + k): an article with thousands of mentions stays linear, not quadratic."""

    def __init__(self, rows: Sequence[dict[str, Any]]):
        self.rows = sorted(rows, key=lambda r: r["span_start"])
        self._starts = [r["span_start"] for r in self.rows]

    def __iter__(self):  # noqa: ANN204 - an iterator of the sorted rows
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def starting_in(self, lo: int, hi: int) -> list[dict[str, Any]]:
        """Rows whose start is in ``[lo, hi]``, in order."""
        return self.rows[bisect_left(self._starts, lo):bisect_right(self._starts, hi)]

    def within(self, lo: int, hi: int) -> list[dict[str, Any]]:
        """Rows lying wholly inside ``[lo, hi)``, in order."""
        return [r for r in self.starting_in(lo, hi) if r["span_end"] <= hi]


class Covering:
    """Whether a span lies inside any of a set of spans, in O(log n) per question."""

    def __init__(self, spans: Sequence[Span]):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []  # the furthest end of the spans up to each one
        furthest = -1
        for _, e in ordered:
            furthest = max(furthest, e)
            self._max_end.append(furthest)

    def covers(self, start: int, end: int) -> bool:
        """Whether some span ``(s, e)`` has ``s <= start`` and ``end <= e``."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_end[i] >= end


def find_all(text: str, needles: Sequence[str]) -> list[int]:
    """Sorted offsets of every occurrence of each literal needle in ``text`` (case-sensitive).

    Far faster than scanning with a regex alternation: use it to find where a costly pattern
    can start, then try the pattern there with ``Pattern.match``.
    """
    out: set[int] = set()
    for scanned, shift, group in _scan_plan(tuple(needles)):
        i = text.find(scanned, shift)
        while i >= 0:
            if not group or any(text.startswith(needle, i - shift) for needle in group):
                out.add(i - shift)
            i = text.find(scanned, i + 1)
    return sorted(out)


def find_word_starts(text: str, needles: Sequence[str], joiners: str = "_-") -> list[int]:
    """Sorted offsets where a literal needle starts a word of ``text``: ``find_all``'s offsets without those
    right after a letter, a digit or one of ``joiners`` (the offset 0 always counts).

    One regex scan for all the needles: its lookbehind turns down the offsets inside a word at once, so many
    needles cost less this way than one ``str.find`` scan of the whole text each."""
    if not needles:
        return []
    return [m.start() for m in _word_start_pattern(tuple(needles), joiners).finditer(text)]


@lru_cache(maxsize=64)
def _word_start_pattern(needles: tuple[str, ...], joiners: str) -> re.Pattern[str]:
    """A zero-width pattern matching where one of ``needles`` starts, with no letter, digit (``[^\\W_]``: what
    ``str.isalnum`` accepts) or ``joiners`` character before it; the needles are grouped by first character."""
    tails_by_first: dict[str, list[str]] = {}
    for needle in dict.fromkeys(needles):
        tails_by_first.setdefault(needle[0], []).append(needle[1:])
    branches = "|".join(
        re.escape(first) + ("" if "" in tails else "(?:" + "|".join(re.escape(tail) for tail in tails) + ")")
        for first, tails in tails_by_first.items()
    )
    not_after = r"(?<![^\W_])" + (f"(?<![{re.escape(joiners)}])" if joiners else "")
    return re.compile(f"{not_after}(?={branches})")


def phrase_trie(phrases: Iterable[str], word_gap: str | None = None) -> str:
    """A regex alternation of ``phrases`` (each whitespace or hyphen character between their words replaced by the
    regex ``word_gap``; with None, every character stands for itself), factorised as a trie: it matches what the
    plain alternation of the phrases, longest first, matches, in the same order (where several phrases fit, the longest is tried first, then the shorter ones), but
    a character of the text opens one branch, not every phrase in turn. With ``re.IGNORECASE``, give the phrases
    in lower case (phrases differing only in case are then one branch)."""
    gap = object()  # the unit between two words
    trie: _TrieNode = {}
    for phrase in phrases:
        node = trie
        for k, word in enumerate(_WORD_GAP.split(phrase) if word_gap is not None else [phrase]):
            if k:
                node = node.setdefault(gap, {})
            for char in word:
                node = node.setdefault(char, {})
        node[None] = {}  # a phrase ends here

    def build(node: _TrieNode) -> str:
        branches = [(str(word_gap) if unit is gap else re.escape(str(unit))) + build(child)
                    for unit, child in sorted(node.items(), key=lambda item: "" if item[0] is gap else str(item[0]))
                    if unit is not None]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if None in node else body

    return build(trie)


_WORD_GAP = re.compile(r"[\s-]")  # each whitespace or hyphen between two words is one gap
# a node of phrase_trie's trie: a character (or the gap object between two words) -> the node after it; the key None
# marks the end of a phrase
_TrieNode = dict[object, "_TrieNode"]


_SHARED_PREFIX = 5  # needles that open with the same five characters are found by one scan


@lru_cache(maxsize=64)
def _scan_plan(needles: tuple[str, ...]) -> tuple[tuple[str, int, tuple[str, ...]], ...]:
    """How ``find_all`` scans for ``needles``: (string to find, how far the needles start before it,
    needles to check there; an empty tuple: the found string is the needle itself).

    Every scan reads the whole text, so fewer scans are faster; the offsets are the same:
    - needles that share their first five characters ("think tank", "think-tank", "thinktank";
      "contract with", "contract to") are found with one scan of their common start;
    - other needles that differ only in their first character ("million", "Million", "billion",
      "Billion") are found with one scan of the rest ("illion"), one character after their start."""
    groups: dict[str, list[str]] = {}
    for needle in dict.fromkeys(needles):
        key = needle[:_SHARED_PREFIX] if len(needle) >= _SHARED_PREFIX else "\0" + needle  # short: alone
        groups.setdefault(key, []).append(needle)
    plan: list[tuple[str, int, tuple[str, ...]]] = []
    tails: dict[str, list[str]] = {}
    for members in groups.values():
        if len(members) > 1:
            plan.append((os.path.commonprefix(members), 0, tuple(members)))
        elif len(members[0]) >= _SHARED_PREFIX:
            tails.setdefault(members[0][1:], []).append(members[0])
        else:
            plan.append((members[0], 0, ()))
    for tail, members in tails.items():
        plan.append((tail, 1, tuple(members)) if len(members) > 1 else (members[0], 0, ()))
    return tuple(plan)


@lru_cache(maxsize=8)
def offset_safe_lower(text: str) -> str:
    """``text`` lowercased when that keeps every offset, else ``text`` unchanged (a few characters grow
    when lowered: "İ" becomes two), so a match in the result is a span of ``text``.

    Cached for the last few texts: the count passes each search the same body in lower case."""
    low = text.lower()
    return low if len(low) == len(text) else text


def leftmost_non_overlapping(matches: Sequence[re.Match[str]]) -> list[re.Match[str]]:
    """Matches in the order given (sort them first: by start, longest first), dropping any that
    starts inside one already kept."""
    out: list[re.Match[str]] = []
    for m in matches:
        if not out or m.start() >= out[-1].end():
            out.append(m)
    return out


def _is_abbreviation(body: str, para_start: int, dot: int) -> bool:
    m = _WORD_BEFORE.search(body, max(para_start, dot - 12), dot)
    if not m:
        return False
    word = m.group(1)
    # single initials ("J."), dotted abbreviations ("U.S.", "e.g.") and the listed words
    return (len(word) == 1 and word.isupper()) or "." in word or word.lower() in _ABBREV


def _trim(body: str, s: int, e: int) -> Span:
    while s < e and body[s].isspace():
        s += 1
    while e > s and body[e - 1].isspace():
        e -= 1
    return s, e
