"""Person names in bylines: 'By Jane Smith, Health Correspondent' -> 'Jane Smith' (no role, no 'By', no date)."""
from __future__ import annotations

import re
from functools import lru_cache

from healthwork.clean.patterns import DIGIT, GLUED_WORDS, looks_sentence
from healthwork.dates import find_dates, is_date_line
from healthwork.reference import first_names

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
    radio newsroom editors desk wire wires agency agencies reporters magazine tweet this follow""".split()
)
# "By X", "Written by X", "Words by X", "Posted by X", "Section | By X" (the prefix before 'by' is checked in code)
# (also glued to a section label before it: 'NewsBy Jane Smith')
_BY_RE = re.compile(r"(?:\bby|(?-i:(?<=[a-z])By))(?::\s*|\s+)(?=\S)", re.I)
_BY_PREFIX_WORDS = frozenset(
    "written posted words reported story article text interview report reporting compiled edited published post blog column".split()
)
# 'Posted in News by', 'Filed under Health by': a category between the label and 'by'
_POSTED_IN = re.compile(r"^(?:posted|filed|published)\s+(?:in|under)\s+[\w &,'-]{1,30}$", re.I)
# "Author: X", "Words: X", "Reporter: X" (a colon or dash is required: 'Words matter' is not a byline)
_BYLINE_LABEL_RE = re.compile(
    r"^(?:(?:guest )?authors?|written by|words(?: by)?|reporter|reported by|posted by|story by|text|byline|by|contributors?|posted)\s*[:\-–—|]\s*(?P<rest>\S.{0,120})$",
    re.I,
)
# a journalist's role after the name: "X, Health Correspondent", "X | Reporter", "X, Local Democracy Reporter"
_ROLE_RE = re.compile(
    r"\b(?:reporter|reporters|correspondent|editor|writer|journalist|columnist|contributor|reporting service|democracy reporting"
    r"|news desk|newsdesk|staff writer|freelance)\b",
    re.I,
)
# a journalist's role written before the name after 'By': 'Local Democracy Reporter', 'Health Correspondent'
_ROLE_BEFORE_NAME_RE = re.compile(
    r"(?:[A-Z][a-z]+ ){0,3}(?:Reporter|Correspondent|Editor|Writer|Journalist|Columnist)(?: for [A-Z][\w ]{1,40}?)? (?=[A-Z])")
_ROLE_HINT_RE = re.compile(r"report|correspondent|editor|writer|journalist|columnist|contributor|freelance|desk")
_NAME_ROLE_SPLIT = re.compile(r"\s*(?:,|\||\s[–—-]\s|/|\s\()\s*")
# the role of a report's or a blog post's author: 'Senior Economist', 'Head of Policy', 'Research Fellow'
_AUTHOR_ROLE_RE = re.compile(
    r"\b(?:researcher|research (?:fellow|director|assistant)|economist|analyst|fellow|head of|director|policy (?:lead|officer|manager|adviser)"
    r"|chief executive|programme (?:manager|lead)|senior lecturer|professor"
    # a public office or a charity's or council's post: 'Cabinet member for skills', 'Policy and Campaigns Officer'
    r"|cabinet member|portfolio holder|officer|manager|adviser|advisor|co-?ordinator|founder|trustee|chair of)\b",
    re.I,
)

BYLINE_LABEL_ONLY = frozenset(
    {"by", "written by", "author", "authors", "words", "words by", "posted by", "reporter", "byline", "contributor", "contributors",
     "guest author", "story by", "reported by"}
)
_NAME_STOP = re.compile(
    r"\s[|–—/@]|[|,;(@\[:•·]|\s-\s|\s\d|\s+(?:on|at|in|for|from|and updated|updated|published|posted|last|first)\b", re.I
)
# titles before a name, dropped as in the people list ('By Dr Jane Smith' -> 'Jane Smith')
HONORIFICS = frozenset("dr prof professor sir dame mr mrs ms miss mx cllr councillor rev revd lord lady baroness".split())
_ORG_BYLINE_WORDS = frozenset({"editorial", "newsroom", "editors"})
# words of an organisation's name: a byline 'By Example Cancer Support' or 'Author: Example Foundation' names no person
_ORGANISATION_WORDS = frozenset(
    """foundation institute institution society association centre center group partnership network alliance union
    company ltd limited plc charity services board authority agency college university school hospital county borough
    federation commission office ministry committee coalition consortium campaign bureau advice support cancer cymru
    programme project""".split()
)
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
    tokens = rest.replace("\u00a0", " ").split()
    name_tokens: list[str] = []
    for position, token in enumerate(tokens):
        lowered = token.lower().strip(".")
        if lowered in ("and", "&") and name_tokens:
            name_tokens.append(token)
            continue
        if lowered in _NAME_PARTICLES and name_tokens:
            name_tokens.append(token)
            continue
        if lowered in HONORIFICS and position + 1 < len(tokens) and (not name_tokens or name_tokens[-1].lower() in ("and", "&")):
            continue  # a title before the (first or next) name

        # 'Name Thursday 9 May', 'Name Thu', 'Name March 2025': the date has begun
        if lowered in _WEEKDAY_WORDS or (lowered in _WEEKDAY_ABBR and (position == len(tokens) - 1 or token.endswith((",", ".")))):
            break
        if lowered in _MONTH_WORDS and position == len(tokens) - 1 and len(name_tokens) >= 2:
            break
        if lowered in _ORG_BYLINE_WORDS or lowered in _ORGANISATION_WORDS:
            return None  # 'Example Magazine Editorial Staff', 'Example Cancer Support': an organisation, not a person
        if lowered in _JOB_WORDS:
            # 'Yorkshire Post Reporter', 'Echo Reporter': an outlet's desk, unless a person's name comes first
            if lowered in _DESK_WORDS and name_tokens and not _starts_with_given_name(name_tokens):
                return None
            break
        if not _NAME_TOKEN.match(token) or (len(name_tokens) >= 2 and lowered in _NOT_NAME_WORDS):
            break
        # an outlet's initials after the name: 'Jane Smith BBC News', 'Eleri Griffiths ITV Wales'
        if len(name_tokens) >= 2 and len(token) >= 2 and token.isupper() \
                and not all(t.isupper() for t in name_tokens if t.lower() not in ("and", "&")):
            break
        glued = GLUED_WORDS.search(token, 1)
        if glued and (token[glued.start() + 1:].lower() in _JOB_WORDS or token[glued.start() + 1:].lower() in _NOT_NAME_WORDS):
            name_tokens.append(token[: glued.start() + 1])  # 'HiltzikBusiness Columnist': the role glued to the surname
            break
        name_tokens.append(token)
    while name_tokens and (name_tokens[-1].lower() in ("and", "&") or name_tokens[-1].lower() in _NAME_PARTICLES):
        name_tokens.pop()
    # a particle counts as a name word when it opens a name ('Al Root', 'Le Anh Tran')
    n_name_words = sum(
        1 for position, token in enumerate(name_tokens)
        if token.lower() not in ("and", "&") and (position == 0 or token.lower() not in _NAME_PARTICLES)
    )
    if n_name_words < 2 or n_name_words > 8 or (n_name_words > 4 and not any(token.lower() in ("and", "&") for token in name_tokens)):
        return None
    if any(token.lower().strip(".") in _NOT_NAME_WORDS for token in name_tokens if token.lower() not in ("and", "&")):
        return None
    return " ".join(name_tokens)


_DESK_WORDS = frozenset({"reporter", "reporters"})


def _starts_with_given_name(tokens: list[str]) -> bool:
    first = tokens[0].rstrip(".")
    return len(first) == 1 or first in first_names() or first.lower() in HONORIFICS


def _names_at_start(rest: str) -> str | None:
    """Names after 'By': one name, 'A and B', or a list 'A, B and C' (each listed name of two words or more)."""
    first = name_at_start(rest)
    if first is None or "," not in rest:
        return first
    segments = rest.split(",")
    listed: list[str] = []
    for position, segment in enumerate(segments):
        segment = segment.strip()
        if position == 0 or " and " not in segment:
            name = name_at_start(segment)
            if name is None or len(name.split()) < 2:  # the list has ended: 'A, B, Political Reporters'
                return ", ".join(listed) if len(listed) >= 2 and all(_starts_with_given_name(n.split()) for n in listed) else first
            if name != segment:  # 'Jane Smith, Tom Jones | 3 May 2025': the list ends at a separator
                # a list without 'and' only of names opening with a known given name ('Jane Smith, Chief Reporter' is one)
                if position >= 1 and all(_starts_with_given_name(n.split()) for n in [*listed, name]):
                    return ", ".join([*listed, name])
                return first
            listed.append(name)
            continue
        last = name_at_start(segment)  # 'Josh Amadi and Lucy Tran'
        if last is None or not last.startswith(segment.split(" and ", 1)[0]) or len(last.split()) < 5:
            return first
        return ", ".join(listed) + ", " + last
    if len(listed) >= 2 and all(_starts_with_given_name(n.split()) for n in listed):
        return ", ".join(listed)  # 'Jane Smith, Tom Jones'
    return first


def _by_prefix_ok(prefix: str) -> bool:
    """What may stand before 'by' in a byline: nothing, a label word ('Written', 'Words', 'Posted'), a date
    with its label ('Posted on 3 March 2025'), or a short section label ending in a separator ('News | ')."""
    stripped = prefix.strip()
    if not stripped:
        return True
    if prefix[-1].isalpha() and len(stripped) <= 20 and " " not in stripped:
        return True  # a one-word section label glued to 'By': 'NewsBy Jane Smith'

    if stripped[-1] in "|,/-–—•·:" and len(stripped) <= 44:
        return True
    lowered = stripped.lower()
    if lowered in _BY_PREFIX_WORDS or (len(stripped) <= 20 and lowered.split()[-1] in _BY_PREFIX_WORDS and len(lowered.split()) <= 2):
        return True
    if _POSTED_IN.match(stripped):
        return True
    return len(stripped) <= 70 and DIGIT.search(stripped) is not None and is_date_line(stripped)


def byline_name(text: str) -> str | None:
    """Name from a byline line, or None: 'By Jane Smith, Health Correspondent | 9 Dec 2024', 'Posted on 3 March
    2025 by Jane Smith', 'Words: Jane Smith', 'Author: Jane Smith', 'Jane Smith | Reporter',
    'Jane Smith, Local Democracy Reporter'."""
    length = len(text)
    if length > 160:
        return None
    lowered = text.lower()
    if "by" in lowered:
        match = _BY_RE.search(text)
        if match and match.start() <= 80 and _by_prefix_ok(text[: match.start()]):
            name = _names_at_start(text[match.end():])
            if name:
                return name
            # the writer's role before the name: 'By Local Democracy Reporter Jane Smith'
            role = _ROLE_BEFORE_NAME_RE.match(text, match.end())
            name = _names_at_start(text[role.end():]) if role else None
            if name and _starts_with_given_name(name.split()):
                return name
    if ":" in text or "|" in text or "-" in text or "–" in text or "—" in text:
        match = _BYLINE_LABEL_RE.match(text)
        if match:
            name = _names_at_start(match.group("rest"))
            if name:
                return name
    if length <= 110 and _ROLE_HINT_RE.search(lowered):
        parts = _NAME_ROLE_SPLIT.split(text, maxsplit=1)
        if len(parts) == 2:
            role = parts[1].rstrip(")").strip()  # 'Jane Smith (Health Correspondent)'
            if role and _ROLE_RE.search(role) and not looks_sentence(role):
                head = parts[0].strip()
                name = name_at_start(head)
                if name and name == head:
                    return name
        else:  # 'Jane Smith Local Democracy Reporter'
            name = name_at_start(text)
            if name and text.startswith(name) and is_role_line(text[len(name):].strip()):
                return name
    return None


byline_name_cached = lru_cache(maxsize=1 << 14)(byline_name)


def bare_name(text: str) -> str | None:
    """A line that is only a person's name (2-4 capitalised words), possibly with a @handle."""
    if len(text) > 60:
        return None
    name_text = re.sub(r"\s*@\w+.*$", "", text).strip()
    tokens = name_text.split()
    if not 2 <= len(tokens) <= 4 or name_text.endswith("."):
        return None
    if not all(_NAME_TOKEN.match(token) or token.lower() in _NAME_PARTICLES for token in tokens):
        return None
    if any(token.lower().strip(".") in _NOT_NAME_WORDS or token.lower() in _JOB_WORDS for token in tokens):
        return None
    if name_text.isupper() and len(name_text) > 3:
        return None
    return name_text


def without_honorifics(name: str) -> str:
    """'Councillor Jo Example' -> 'Jo Example', 'Dr Jane Smith' -> 'Jane Smith': the name without its titles
    (a name of two words or more is left)."""
    tokens = name.split()
    while len(tokens) > 2 and tokens[0].lower().rstrip(".") in HONORIFICS:
        tokens = tokens[1:]
    return " ".join(tokens)


def person_name_line(text: str) -> bool:
    """A line that is only a person's name: a bare name starting with a known given name or an initial
    ('Jane Smith', 'J. R. Hartley'); 'Key Facts' or 'Next Steps' is a subheading."""
    name = bare_name(text)
    if name is None:
        return False
    first = name.split()[0].rstrip(".")
    return len(first) == 1 or first in first_names()


def is_author_role_line(content: str) -> bool:
    """A line that is only an author's job ('Senior Economist', 'Head of Policy, Example Institute')."""
    return 0 < len(content) <= 80 and not looks_sentence(content) and len(content.split()) <= 10 and (
        _ROLE_RE.search(content) is not None or _AUTHOR_ROLE_RE.search(content) is not None
    )


def is_role_line(content: str) -> bool:
    """A line that is only a journalist's role ('Health Correspondent', 'Local Democracy Reporting Service')."""
    return 0 < len(content) <= 60 and not looks_sentence(content) and len(content.split()) <= 6 and _ROLE_RE.search(content) is not None
