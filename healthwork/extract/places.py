"""UK places named in an article body, with ONS (GSS) codes from ``reference/places.csv``.

One row per mention: ``{name, ons_code, place_type, text, span_start, span_end}``; ``name`` is the
canonical name of the reference row, ``ons_code`` None when the table has no code, ``place_type``
one of country/region/icb/combined_authority/local_authority/other.

Conventions (those of the gold annotations):

- the four nations, English regions, ICB areas, combined authorities and local authorities count;
  "UK", "Britain" and "Great Britain" do not (they are not in the table);
- a place name inside a larger proper name is not a place mention: ``NHS England``,
  ``Manchester University NHS Foundation Trust``, ``Trafford Elective Surgery Hub``,
  ``Care Forum Wales`` -- except the names of ICBs and combined authorities, which are the
  organisations *of* an area: ``NHS South Yorkshire Integrated Care Board`` and ``Tees Valley
  Combined Authority`` are mentions of South Yorkshire (ICB area) and Tees Valley;
- matching is case-sensitive ("the north east of the city" is not the North East region) and the
  longest name wins (``North East and North Cumbria`` before ``North East``);
- one surface form naming several areas resolves by priority country > region >
  combined_authority > local_authority > icb > other ("South Yorkshire" -> the combined authority
  E47000002); a full ICB name resolves to the ICB row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from healthwork.extract import organisations, people
from healthwork.reference import load_csv

Row = dict[str, Any]

_PRIORITY = {"country": 0, "region": 1, "combined_authority": 2, "local_authority": 3, "icb": 4, "other": 5}

_WORD_RE = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*")
_CAP_WORD_RE = re.compile(r"(?=[A-Z])(?<![A-Za-z0-9])[A-Z][A-Za-z0-9]*")
_PREV_WORD_RE = re.compile(r"([A-Za-z][A-Za-z0-9'’-]*) $")
_NEXT_WORD_RE = re.compile(r" ([A-Z][A-Za-z0-9'’-]*)")

# Capitalised words that may follow a place without making it part of a larger name.
_FOLLOW_OK = frozenset(
    {"Mayor", "MP", "MPs", "Metro", "I", "And", "In", "The", "On", "At", "For", "From", "To", "But"}
)


@dataclass(frozen=True)
class _Place:
    surface: str
    name: str
    ons_code: str | None
    place_type: str
    full_org_name: bool  # surface is the full name of the area's ICB/combined authority


@cache
def _regex() -> tuple[re.Pattern[str], dict[str, _Place]]:
    by_surface = {p.surface: p for ps in _table().values() for p in ps}
    rx = re.compile("(?:" + organisations.trie_regex(set(by_surface)) + r")(?![A-Za-z0-9_]|-[A-Za-z])")
    return rx, by_surface


@cache
def _table() -> dict[str, tuple[_Place, ...]]:
    rows = sorted(load_csv("places"), key=lambda r: _PRIORITY.get(r.get("place_type", "other"), 9))
    claimed: dict[str, _Place] = {}
    for r in rows:
        name, code, ptype = r["name"], (r.get("ons_code") or None), r.get("place_type") or "other"
        surfaces: list[tuple[str, bool]] = [(name, False)]
        surfaces += [(a, "Combined" in a or "Authority" in a) for a in r.get("aliases", "").split("|") if a]
        if ptype == "icb":
            surfaces += [
                (f"NHS {name} Integrated Care Board", True),
                (f"NHS {name} ICB", True),
                (f"{name} Integrated Care Board", True),
                (f"{name} ICB", True),
            ]
        if ptype == "combined_authority" and "Authority" not in name:
            surfaces += [(f"{name} Combined Authority", True), (f"{name} Mayoral Combined Authority", True)]
        if ptype == "combined_authority" and "Authority" in name:
            surfaces = [(s, True) for s, _ in surfaces]
        for s, full in surfaces:
            if s not in claimed:
                claimed[s] = _Place(s, name, code, ptype, full)
    by_first: dict[str, list[_Place]] = {}
    for p in claimed.values():
        by_first.setdefault(organisations.surface_key(p.surface), []).append(p)
    return {k: tuple(sorted(v, key=lambda p: len(p.surface), reverse=True)) for k, v in by_first.items()}


def _part_of_larger_name(body: str, start: int, end: int, person_starts: frozenset[int] = frozenset()) -> bool:
    """True when the match is glued to other capitalised words: "NHS England", "Trafford ... Hub"
    (a person's name right after does not count: "Mayor of Greater Manchester Andy Burnham")."""
    m = _PREV_WORD_RE.search(body, max(0, start - 40), start)
    if m and m.end() == start:
        w = m.group(1)
        if w[0].isupper() and (w not in organisations.STOP_CAPS or w == "New"):
            return True
    m = _NEXT_WORD_RE.match(body, end)
    if m and m.group(1) not in _FOLLOW_OK and m.group(1) not in organisations.STOP_CAPS \
            and m.start(1) not in person_starts:
        return True
    return False


_SKIP = _Place("", "", None, "other", False)


def _match_at(work: str, start: int, cands: tuple[_Place, ...], org_spans: list[tuple[int, int]],
              person_starts: frozenset[int] = frozenset()) -> _Place | None:
    """The longest place name at ``start`` (``_SKIP`` when it is part of a larger name)."""
    for p in cands:
        end = start + len(p.surface)
        if not work.startswith(p.surface, start):
            continue
        if end < len(work) and (work[end].isalnum() or (work[end] == "-" and work[end + 1 : end + 2].isalpha())):
            continue
        if not p.full_org_name:
            if any(os <= start and end <= oe and (oe - os) > (end - start) for os, oe in org_spans):
                return _SKIP  # inside an organisation's name
            if _part_of_larger_name(work, start, end, person_starts):
                return _SKIP
        return p
    return None


@lru_cache(maxsize=256)
def _extract_cached(body: str) -> tuple[tuple[int, int, _Place], ...]:
    work = organisations.normalise_spaces(body)
    rx, by_surface = _regex()
    org_spans = [(r["span_start"], r["span_end"]) for r in organisations.extract(body)]
    person_starts: frozenset[int] | None = None
    out: list[tuple[int, int, _Place]] = []
    for m in rx.finditer(work):
        start = m.start()
        if start > 0 and (work[start - 1].isalnum() or work[start - 1] in "-_"):
            continue
        if person_starts is None and _NEXT_WORD_RE.match(work, m.end()):
            person_starts = frozenset(r["span_start"] for r in people.extract(body))  # only when needed
        hit = _match_at(work, start, (by_surface[m.group(0)],), org_spans, person_starts or frozenset())
        if hit is not None and hit is not _SKIP:
            out.append((start, m.end(), hit))
    return tuple(out)


def extract(body: str, **_: Any) -> list[Row]:
    """Place mentions of ``body``, one row per mention, in text order."""
    if not body:
        return []
    return [
        {
            "name": p.name,
            "ons_code": p.ons_code,
            "place_type": p.place_type,
            "text": body[s:e],
            "span_start": s,
            "span_end": e,
        }
        for s, e, p in _extract_cached(body)
    ]
