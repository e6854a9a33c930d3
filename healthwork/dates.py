"""Date recognition for saved news pages: the formats seen on UK (and US) sites, no dateparser needed.

Recognised (case-insensitive, optional weekday and ordinal suffix):
  ``9 December 2024``, ``9 Dec 2024``, ``9th Dec. 2024``, ``Monday 9 December, 2024``
  ``Dec 9, 2024``, ``December 9th 2024``, ``Nov. 19, 2019``
  (a year may be glued to a date label after it: ``04 Mar 2025Updated 10:00``); also glued to a word before it (``SmithNovember 6, 2023``)
  ``2024-01-02`` (also with a time, ``2019-11-19T12:48:14Z``), ``2024/01/02``, ``12-Jun-2024``
  ``02/01/2024``, ``02.01.2024``, ``2-1-2024``: day-first (UK) unless the day slot is > 12
  and the month slot is not, then month-first (``11/19/2019``).
  Two-digit years: ``12/01/26``, ``3/1/26``, ``12.01.26`` (the same day-first rule; 00-69 is 20xx).
Relative dates ("2 days ago") are recognised by :func:`is_date_line` but never parsed into a date.
All patterns are linear (bounded repetitions, no nested quantifiers).
"""
from __future__ import annotations

import datetime as dt
import re

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    1,
):
    for _n in _names:
        _MONTHS[_n] = _i

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"((?:19|20)\d\d)"

# the end of a year: a word boundary, or a date label glued to it ('04 Mar 2025Updated 10:00')
_YEAR_END = r"(?:\b|(?-i:(?=(?:Updated|Published|Posted|Modified|Reviewed|Last|By)\b)))"

DATE_RE = re.compile(
    # 9 December 2024 / 9th Dec. 2024 / 9 Dec, 2024 / 3rd of March 2025 / 12-Jun-2025
    rf"\b(?P<d1>\d{{1,2}}){_ORD}(?:\s+of)?(?:[ \t]+|-)(?P<m1>{_MON})\.?,?(?:[ \t]+|-)(?P<y1>(?:19|20)\d\d){_YEAR_END}"
    # Dec 9, 2024 / December 9th 2024 / Nov. 19, 2019 / March 3rd, 2025
    # (also glued to a name before it: 'Jane SmithNovember 6, 2023')
    rf"|(?:\b|(?-i:(?<=[a-z])(?=[A-Z])))(?P<m2>{_MON})\.?[ \t]+(?P<d2>\d{{1,2}}){_ORD},?[ \t]+(?P<y2>(?:19|20)\d\d){_YEAR_END}"
    # 2024-01-02 (ISO), optionally followed by a time; 2024/01/02, 2024.01.02
    rf"|\b(?P<y3>(?:19|20)\d\d)(?P<s3>[-/.])(?P<m3>[01]?\d)(?P=s3)(?P<d3>[0-3]?\d)(?![\d/.-]\d|\d)"
    # 02/01/2024, 02.01.2024, 2-1-2024
    rf"|(?<![\d/.-])(?P<a4>[0-3]?\d)(?P<s4>[/.-])(?P<b4>[0-3]?\d)(?P=s4)(?P<y4>(?:19|20)\d\d)(?![\d/])"
    # two-digit years: 12/01/26, 3/1/26 (slashes), 12.01.26 (dots only with two-digit day and month)
    rf"|(?<![\d/.,:-])(?:(?P<a5>[0-3]?\d)/(?P<b5>[0-3]?\d)/|(?P<a6>[0-3]\d)\.(?P<b6>[01]\d)\.)(?P<y5>\d\d)(?![\d/.]\d|\d|/|%)",
    re.IGNORECASE,
)

_RELATIVE_RE = re.compile(
    r"^(?:updated |posted |published )?(?:about |over |just )?(?:\d{1,3}|an?|one)\s+(?:sec|second|min|minute|hr|hour|day|week|month|year)s?\s+ago$"
    r"|^(?:today|yesterday|just now)$"
    # a day of this week with its time, as teaser and comment lists print a recent date: 'Monday 10:00PM',
    # 'Yesterday at 9.30am', 'Tue 14:05'
    r"|^(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?"
    r"|today|yesterday),?(?: at)?"
    r" \d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?$",
    re.IGNORECASE,
)

# what may surround a date on a line that is "only a date": weekdays, times, zones, labels
_DATE_LINE_FILLER = re.compile(
    r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b"
    r"|t\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:z|[+-]\d\d:?\d\d)?"
    r"|\b\d{1,2}(?::\d\d){1,2}(?:\.\d+)?\s*(?:[ap]\.?m\.?)?"
    r"|\b\d{1,2}\s*[ap]\.?m\b\.?"
    r"|\b\d{1,2}\.\d\d\s*(?:[ap]\.?m\b\.?)?"
    r"|\b(?:gmt|bst|utc|z|et|est|edt|pst|pdt|cst|cdt|cet|cest|ist)\b"
    r"|\b(?:published|posted|updated|last|modified|first|original|originally|date|on|at|am|pm|and|the|of|min|mins|read|reading|time|issued|released|created|uploaded)\b"
    r"|[^\w]+",
    re.IGNORECASE,
)


def _mk(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _full_year(two_digits: int) -> int:
    """'26' is 2026 and '98' is 1998: news pages date from this century unless the year is past 69."""
    return 2000 + two_digits if two_digits < 70 else 1900 + two_digits


def _from_match(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    if g["d1"]:
        return _mk(int(g["y1"]), _MONTHS[g["m1"][:3].lower()], int(g["d1"]))
    if g["m2"]:
        return _mk(int(g["y2"]), _MONTHS[g["m2"][:3].lower()], int(g["d2"]))
    if g["y3"]:
        if g["s3"] != "-" and (len(g["m3"]) != 2 or len(g["d3"]) != 2):
            return None  # '2025.1.2' is a version number; '2025/01/02' is a date
        return _mk(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    if g["y5"]:
        a, b = int(g["a5"] or g["a6"]), int(g["b5"] or g["b6"])
        y = _full_year(int(g["y5"]))
    else:
        a, b, y = int(g["a4"]), int(g["b4"]), int(g["y4"])
    if a <= 12 < b:  # 11/19/2019: the second slot cannot be a month, so month-first
        return _mk(y, a, b)
    return _mk(y, b, a)  # UK day-first


_YEAR_HINT = re.compile(r"(?:19|20)\d\d|\d[/.][0-3]?\d[/.]\d\d")


def find_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every valid date in ``text`` as (start, end, date), in order."""
    out: list[tuple[int, int, dt.date]] = []
    if _YEAR_HINT.search(text) is None:  # every pattern has a year: a cheap test first
        return out
    for m in DATE_RE.finditer(text):
        d = _from_match(m)
        if d is not None:
            out.append((m.start(), m.end(), d))
    return out


# '03 Mar 25', '3rd March '25': a day, a month name and a two-digit year; '3 March 25 people' reads the same, so
# this form is only for lines a label already marks as dates ('Published: 03 Mar 25')
_SHORT_YEAR_RE = re.compile(rf"\b(?P<d>\d{{1,2}}){_ORD}[ \t]+(?P<m>{_MON})\.?,?[ \t]+['’]?(?P<y>\d\d)\b(?![.,]?\d)", re.IGNORECASE)


def find_short_year_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """Every '03 Mar 25' date in ``text`` (day, month name, two-digit year) as (start, end, date); for labelled lines."""
    out: list[tuple[int, int, dt.date]] = []
    for m in _SHORT_YEAR_RE.finditer(text):
        d = _mk(_full_year(int(m.group("y"))), _MONTHS[m.group("m")[:3].lower()], int(m.group("d")))
        if d is not None:
            out.append((m.start(), m.end(), d))
    return out


def parse_date(text: str) -> dt.date | None:
    """The first date written in ``text``, or None."""
    found = find_dates(text)
    return found[0][2] if found else None


def is_date_line(text: str) -> bool:
    """True when the line says nothing but a date (with weekday, time, zone, 'Published'/'Updated' labels)."""
    return date_line_scan(text)[0]


def date_line_scan(text: str) -> tuple[bool, list[tuple[int, int, dt.date]]]:
    """Whether the line says nothing but a date (``is_date_line``), and the dates ``find_dates`` found in the
    stripped line on the way (empty when it was not searched: a blank line, one over 90 characters, or a
    relative date such as '2 hours ago'), so a caller needing both searches once."""
    s = text.strip()
    if not s or len(s) > 90:
        return False, []
    if _RELATIVE_RE.match(s):
        return True, []
    found = find_dates(s)
    if not found:
        return False, found
    rest = s
    for a, b, _ in reversed(found):
        rest = rest[:a] + " " + rest[b:]
    rest = _DATE_LINE_FILLER.sub("", rest)
    return len(rest) <= 2, found
