"""Person names in bylines: 'By Jane Smith, Health Correspondent' -> 'Jane Smith' (no role, no 'By', no date)."""
from __future__ import annotations

import re
from functools import lru_cache

from healthwork.clean.patterns import DIGIT, GLUED_WORDS, looks_sentence
from healthwork.dates import find_dates, is_date_line

_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-z\u00c0-\u024f'’\-]*\.?|[A-Z]\.|Mc[A-Z]\w*|O'[A-Z]\w*)$")
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "la", "le", "da", "di", "du", "bin", "al", "el", "ap"})
_JOB_WORDS = frozenset(
    """correspondent editor reporter writer contributor journalist staff chief senior deputy associate
    contributing political health business social economics science technology news online digital
    freelance columnist producer analyst director head officer manager consultant managing executive
    lead principal acting assistant group team desk public affairs media communications press""".split()
)
_NOT_NAME_WORDS = frozenset(
    """news home sport sports business opinion health politics world uk us local national international
    latest features feature analysis comment blog press release releases media centre center council nhs
    trust government department the our team staff admin editorial share print email read min mins
    minute minutes more menu search contact about jobs events updated published posted by and
    radio newsroom editors desk wire agency reporters magazine tweet this follow""".split()
)
# "By X", "Written by X", "Words by X", "Posted by X", "Section | By X" (the prefix before 'by' is checked in code)
_BY_RE = re.compile(r"\bby(?::\s*|\s+)(?=\S)", re.I)
_BY_PREFIX_WORDS = frozenset("written posted words reported story article text interview report reporting compiled edited published".split())
# "Author: X", "Words: X", "Reporter: X" (a colon or dash is required: 'Words matter' is not a byline)
_BYLINE_LABEL_RE = re.compile(
    r"^(?:authors?|written by|words(?: by)?|reporter|reported by|posted by|story by|text|byline|by|contributors?|posted)\s*[:\-–—|]\s*(?P<rest>\S.{0,120})$",
    re.I,
)
# a journalist's role after the name: "X, Health Correspondent", "X | Reporter", "X, Local Democracy Reporter"
_ROLE_RE = re.compile(
    r"\b(?:reporter|reporters|correspondent|editor|writer|journalist|columnist|contributor|reporting service|democracy reporting"
    r"|news desk|newsdesk|staff writer|freelance)\b",
    re.I,
)
_ROLE_HINT_RE = re.compile(r"report|correspondent|editor|writer|journalist|columnist|contributor|freelance|desk")
_NAME_ROLE_SPLIT = re.compile(r"\s*(?:,|\||\s[–—-]\s|/)\s*")

BYLINE_LABEL_ONLY = frozenset({"by", "written by", "author", "authors", "words", "words by", "posted by", "reporter", "byline"})
_NAME_STOP = re.compile(
    r"\s[|–—/@]|[|,;(@\[:•·]|\s-\s|\s\d|\s+(?:on|at|in|for|from|and updated|updated|published|posted|last|first)\b", re.I
)
_ORG_BYLINE_WORDS = frozenset({"editorial", "newsroom", "editors"})
_WEEKDAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WEEKDAY_ABBR = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def name_at_start(rest: str) -> str | None:
    """The person name at the start of ``rest`` (after 'By'): stops at separators, dates, weekdays, job titles."""
    if DIGIT.search(rest):
        found = find_dates(rest)
        if found:
            rest = rest[: found[0][0]]
    rest = _NAME_STOP.split(rest, maxsplit=1)[0]
    toks = rest.replace("\u00a0", " ").split()
    out: list[str] = []
    for i, t in enumerate(toks):
        tl = t.lower().strip(".")
        if tl in ("and", "&") and out:
            out.append(t)
            continue
        if tl in _NAME_PARTICLES and out:
            out.append(t)
            continue
        # 'Name Thursday 9 May', 'Name Thu', 'Name March 2025': the date has begun
        if tl in _WEEKDAY_WORDS or (tl in _WEEKDAY_ABBR and (i == len(toks) - 1 or t.endswith((",", ".")))):
            break
        if tl in _MONTH_WORDS and i == len(toks) - 1 and len(out) >= 2:
            break
        if tl in _ORG_BYLINE_WORDS:
            return None  # 'Example Magazine Editorial Staff': an organisation, not a person
        if tl in _JOB_WORDS or not _NAME_TOKEN.match(t) or (len(out) >= 2 and tl in _NOT_NAME_WORDS):
            break
        g = GLUED_WORDS.search(t, 1)
        if g and (t[g.start() + 1:].lower() in _JOB_WORDS or t[g.start() + 1:].lower() in _NOT_NAME_WORDS):
            out.append(t[: g.start() + 1])  # 'HiltzikBusiness Columnist': the role glued to the surname
            break
        out.append(t)
    while out and (out[-1].lower() in ("and", "&") or out[-1].lower() in _NAME_PARTICLES):
        out.pop()
    n_real = sum(1 for t in out if t.lower() not in ("and", "&") and t.lower() not in _NAME_PARTICLES)
    if n_real < 2 or n_real > 8 or (n_real > 4 and not any(t.lower() in ("and", "&") for t in out)):
        return None
    if any(t.lower().strip(".") in _NOT_NAME_WORDS for t in out if t.lower() not in ("and", "&")):
        return None
    return " ".join(out)


def _by_prefix_ok(prefix: str) -> bool:
    """What may stand before 'by' in a byline: nothing, a label word ('Written', 'Words', 'Posted'), a date
    with its label ('Posted on 3 March 2025'), or a short section label ending in a separator ('News | ')."""
    p = prefix.strip()
    if not p:
        return True
    if p[-1] in "|,/-–—•·:" and len(p) <= 44:
        return True
    pl = p.lower()
    if pl in _BY_PREFIX_WORDS or (len(p) <= 20 and pl.split()[-1] in _BY_PREFIX_WORDS and len(pl.split()) <= 2):
        return True
    return len(p) <= 70 and DIGIT.search(p) is not None and is_date_line(p)


def byline_name(s: str) -> str | None:
    """Name from a byline line, or None: 'By Jane Smith, Health Correspondent | 9 Dec 2024', 'Posted on 3 March
    2025 by Jane Smith', 'Words: Jane Smith', 'Author: Jane Smith', 'Jane Smith | Reporter',
    'Jane Smith, Local Democracy Reporter'."""
    n = len(s)
    if n > 160:
        return None
    low = s.lower()
    if "by" in low:
        m = _BY_RE.search(s)
        if m and m.start() <= 80 and _by_prefix_ok(s[: m.start()]):
            nm = name_at_start(s[m.end():])
            if nm:
                return nm
    if ":" in s or "|" in s or "-" in s or "–" in s or "—" in s:
        m = _BYLINE_LABEL_RE.match(s)
        if m:
            nm = name_at_start(m.group("rest"))
            if nm:
                return nm
    if n <= 110 and _ROLE_HINT_RE.search(low):
        parts = _NAME_ROLE_SPLIT.split(s, maxsplit=1)
        if len(parts) == 2:
            if _ROLE_RE.search(parts[1]) and not looks_sentence(parts[1]):
                head = parts[0].strip()
                nm = name_at_start(head)
                if nm and nm == head:
                    return nm
        else:  # 'Jane Smith Local Democracy Reporter'
            nm = name_at_start(s)
            if nm and s.startswith(nm) and is_role_line(s[len(nm):].strip()):
                return nm
    return None


byline_name_cached = lru_cache(maxsize=1 << 14)(byline_name)


def bare_name(s: str) -> str | None:
    """A line that is only a person's name (2-4 capitalised words), possibly with a @handle."""
    if len(s) > 60:
        return None
    t = re.sub(r"\s*@\w+.*$", "", s).strip()
    toks = t.split()
    if not 2 <= len(toks) <= 4 or t.endswith("."):
        return None
    if not all(_NAME_TOKEN.match(x) or x.lower() in _NAME_PARTICLES for x in toks):
        return None
    if any(x.lower().strip(".") in _NOT_NAME_WORDS or x.lower() in _JOB_WORDS for x in toks):
        return None
    if t.isupper() and len(t) > 3:
        return None
    return t


def is_role_line(c: str) -> bool:
    """A line that is only a journalist's role ('Health Correspondent', 'Local Democracy Reporting Service')."""
    return 0 < len(c) <= 60 and not looks_sentence(c) and len(c.split()) <= 6 and _ROLE_RE.search(c) is not None
