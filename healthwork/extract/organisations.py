"""Organisations named in an article body, with canonical full names and acronyms resolved.

One row per mention: ``{name, acronym, org_type, text, span_start, span_end}`` where ``name`` is
the canonical full name (``DWP`` -> ``Department for Work and Pensions``), ``acronym`` the
organisation's acronym when it has one (None otherwise) and ``text == body[span_start:span_end]``.

How organisations are found (no NER model):

1. the reference table ``reference/organisations.csv`` (canonical name, acronyms, aliases): departments and
   arm's-length bodies, governments, every UK council, the 42 ICBs (also under their trading names,
   ``NHS Greater Manchester``), combined authorities, and bodies often quoted on health and work;
2. general patterns: capitalised names ending in an organisation word (``... NHS Foundation Trust``,
   ``... City Council``, ``... Alliance``, ``... Confederation``, ``... Integrated Care Board``...)
   and names headed by one (``Department for X``, ``Office for X``, ``Royal College of X``,
   ``University of X``, ``Institute for X``...);
3. the employer in a role phrase: ``head of health and protection at Broadstone`` (two after "and":
   ``at Acme and Harvard``), a name next to the kind of body it is (``disability charity Scope``,
   ``Inspira, a careers charity,``), a name after the part it plays (``As service co-ordinator,
   Inspira will ...``; not a person's name) and a news outlet named as a source (``told the Lancashire
   Telegraph``);
4. acronyms defined in the text, ``Care Forum Wales (CFW)``, then resolved on later use (``CFW``).

A name the general patterns find inside a programme mention (``Shared Prosperity Fund``) or a
minister's portfolio (``Minister for Culture, Skills and Social Partnership``) is not an organisation.

Following the gold annotations' convention, generic or non-organisational names are *not*
counted: bare ``NHS``, ``the government``/``Government``, ``G7``, ``UK Parliament``, lowercase
generic references (``the integrated care board``), programmes and facilities (``... Hub``), pots of
money (``Household Support Fund``: a "... Fund" only when the table lists it), committees and groups
named by function (``Planning Committee``, ``Focus Group``), and a name that is part of the name of
something else (``the ... Partnership Board``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from healthwork.extract.text import find_all
from healthwork.reference import first_names, load_csv, place_names

Row = dict[str, Any]

# --------------------------------------------------------------------------- shared lexicons

#: Words that head a job title ("chief executive", "head of policy", "secretary of state"...).
#: Shared with people.py (role detection), lowercase.
ROLE_HEADS: frozenset[str] = frozenset(
    """
    secretary minister executive chief director head chair chairman chairwoman chairperson president
    officer leader manager founder co-founder cofounder lead adviser advisor spokesperson spokesman
    spokeswoman mp mps msp mep mayor councillor commissioner chancellor economist analyst researcher
    partner principal governor dean editor correspondent nurse doctor gp consultant surgeon physician
    therapist physiotherapist psychologist psychiatrist coach trustee deputy inspector registrar
    controller ambassador envoy tsar czar premier campaigner expert author boss owner representative
    official counsel solicitor barrister lawyer judge clinician scientist vice-chancellor ceo cfo coo
    md professor lecturer fellow specialist practitioner administrator coordinator co-ordinator
    superintendent matron midwife pharmacist dentist paramedic organiser convenor chaplain member
    director-general treasurer steward negotiator strategist
    """.split()
)

#: Capitalised words that start a sentence or a clause and are never the first word of a name.
STOP_CAPS: frozenset[str] = frozenset(
    """
    The A An At In For From By With To On As And Of Or Nor This That These Those Our Their His Her Its
    My Your We They He She It I Both Each Every All Some Many Most Much More Under Over After Before
    Since When While Whilst Where Across Through Via Following Including Meanwhile However Also If But
    Then Yet So Unlike Like Within Without Between Among Amongst Around Against During Despite Until
    Into Onto Upon Per Than Whether Which Who What Why How There Here Now Today Yesterday Tomorrow
    Last Next Earlier Later Recently Currently Previously Additionally Furthermore Moreover Overall
    According Instead Alongside Beyond Behind Above Below Near Outside Inside Another Other Such Only
    Just Even Not No Yes Please Thanks Thank New Data Similar Initiatives Figures Research Analysis
    Throughout Elsewhere Nationally Locally Regionally Towards Toward Nearby Everywhere Nationwide Separately
    """.split()
)

_ROLE_TITLE_WORDS: frozenset[str] = frozenset(w.capitalize() for w in ROLE_HEADS) | frozenset(
    {"CEO", "MP", "MPs", "GP", "Shadow", "Deputy", "Acting", "Interim", "Former", "Senior", "Junior",
     "Assistant", "Associate", "Vice", "Executive", "Permanent", "Under-Secretary", "Lord", "Lady",
     "Baroness", "Sir", "Dame", "Dr", "Professor", "Prof", "Mr", "Mrs", "Ms", "Miss", "Cllr"}
)

# Words that make a capitalised name generic when they are all there is ("the Trust", "NHS Trust").
_GENERIC_WORDS: frozenset[str] = frozenset(
    """
    The the NHS Local National Regional Integrated Care Board Combined Authority Trust Foundation
    Council City County Borough District Metropolitan Health Service Services Hospital Hospitals
    University College Group Partnership Alliance Network Forum Commission Agency Committee Office
    Fund Institute Association Society Federation Confederation Union Charity ICB Community
    Mayoral Teaching Acute Mental Primary Social Partnerships Department Ministry Government
    Customer Customers Box Directors News Press Media Sales Support Contact Help Privacy Editorial
    Planning Scrutiny Audit Licensing Finance Standards Overview Select Steering Working Advisory Executive
    Cabinet Management Project Programme Delivery Oversight Governance Project Panel
    Focus Age Peer Patient Patients Reference Expert User Users Interest Pressure Discussion Study Control Target
    Police Constabulary
    """.split()
)
# a capitalised word after a name that makes it the name of something else ("the Employment and Skills
# Partnership Board", "the Resolution Foundation Awards"): the run is not the organisation's name
_NAMED_AFTER_WORDS = frozenset("""Board Programme Project Scheme Hub Service Fund Strategy Plan Pilot Award Awards
    Conference Summit Week Day Prize Report Review Survey Index Bill Act Framework Initiative Campaign""".split())
_NEXT_CAP_RE = re.compile(r" ([A-Z][A-Za-z]*)")

# --------------------------------------------------------------------------- regexes (compiled once)

# A capitalised word: "Manchester", "NHS", "Guy's", "Stoke-on-Trent", "St", "Thomas'".
_CAP = r"(?:[A-Z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*(?:(?<=s)['’](?![A-Za-z]))?)"
_CONN = r"(?: (?:and|&|of|for|upon|on|in|the|de|la) | )"
_TRAIL_PLACE = r"(?: (?:Wales|Scotland|England|UK|Cymru|London|Northern Ireland))"

_SUFFIXES = (
    "NHS Foundation Trust", "NHS Trust", "Foundation Trust", "Trust", "Integrated Care Board",
    "Integrated Care System", "Integrated Care Partnership", "ICB", "Health Board",
    "Mayoral Combined Authority", "Combined County Authority", "Combined Authority", "Authority",
    "Alliance", "Confederation", "Federation", "Association", "Society", "Institute", "Council",
    "Foundation", "Partnership", "Network", "Forum", "Union", "Commission", "Agency", "University",
    "College", "Charity", "Service", "Group", "Committee", "Inspectorate", "Ombudsman",
    "Office", "Consortium", "Collaborative", "Co-operative", "Cooperative", "Institution",
    "Ltd", "Limited", "plc", "PLC", "LLP", "Inc", "Corporation", "Company", "Bank", "Congress",
    "Police", "Police Department", "Constabulary",  # a police force: "Merseyside Police", "Durham Constabulary"
)
_SUFFIX = "(?:" + "|".join(re.escape(s) for s in sorted(_SUFFIXES, key=len, reverse=True)) + ")"

# "<Capitalised words> <suffix> [Wales]": greedy, bounded, so the longest name in a run wins.
# (Patterns open with a lookahead on the first character: much faster scanning in CPython's re.)
_SUFFIX_RE = re.compile(
    rf"(?=[A-Z])(?<![\w'’-])(?:{_CAP}{_CONN}){{0,8}}{_SUFFIX}{_TRAIL_PLACE}?(?![\w-])"
)
# NHS trust names may contain commas: "Tees, Esk and Wear Valleys NHS Foundation Trust".
_NHS_TRUST_RE = re.compile(
    rf"(?=[A-Z])(?<![\w'’-])(?:{_CAP}(?:,? (?:and|&|of|upon|on) |, | )){{1,9}}NHS (?:Foundation )?Trust(?![\w-])"
)
_HEADS = (
    "Royal College", "Department", "Ministry", "Office", "College", "University", "Institute",
    "Society", "Association", "Federation", "Confederation", "Faculty", "Academy", "Commission",
    "Council", "Agency", "Centre", "Center", "School", "Chamber", "Chambers", "Board", "Trust",
    "Foundation", "Coalition", "Campaign", "Alliance", "Network", "Forum",
)
# (not "Fund": a "... Fund" is mostly a pot of money, "Household Support Fund"; the funds that are
# bodies, "The King's Fund", are in the reference table)
_HEAD = "(?:" + "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True)) + ")"
# Cheap hints (no leading lookbehind, so CPython's re scans them fast).
_SUFFIX_HINT_RE = re.compile(rf"{_SUFFIX}(?![\w-])")
_NHS_TRUST_HINT_RE = re.compile(r"NHS (?:Foundation )?Trust(?![\w-])")
_ADJ = r"(?:(?:Royal|National|British|Chartered|Scottish|Welsh|General|Independent|European|International|Local|Medical|UK|NHS) )"
# "<Head> of|for [the] <Capitalised words>": "Department for Work and Pensions", "Royal College of
# Occupational Therapists", "Office for National Statistics", "University of Manchester".
# (not " in ": "University of South Carolina in Columbia" names the university and where it is)
_PREFIX_RE = re.compile(
    rf"(?=[A-Zt])(?<![\w'’-])(?:(?:The|the) )?{_ADJ}{{0,3}}{_HEAD} (?:of|for) (?:the )?{_CAP}(?:(?: and | & | of | for | on | the | ){_CAP}){{0,6}}(?![\w-])"
)
_HEAD_HINT_RE = re.compile(rf"{_HEAD} (?:of|for) ")
_GENERIC_PLAN = (
    (_NHS_TRUST_HINT_RE, _NHS_TRUST_RE, 220, 0),
    (_SUFFIX_HINT_RE, _SUFFIX_RE, 220, 40),
    (_HEAD_HINT_RE, _PREFIX_RE, 60, 200),
)
_ROLE_HEAD_RE = "(?:" + "|".join(
    re.escape(w) for w in sorted(ROLE_HEADS | {"chief executive", "chief economist", "managing director"}, key=len, reverse=True)
) + ")"
# The employer after a role: "head of health and protection at Broadstone", "director at Acme Ltd".
_AT_ORG_RE = re.compile(rf" at (?:the )?({_CAP}(?:(?: and | & | of | for | ){_CAP}){{0,5}})(?![\w-])")
_ROLE_TAIL_RE = re.compile(
    rf"(?i:\b{_ROLE_HEAD_RE})(?: (?:of|for) [a-z][a-z&,-]*(?: [a-z][a-z&,-]*){{0,6}})?$"
)
_ACRONYM_DEF_RE = re.compile(r" ?\(([A-Z][A-Za-z&]{1,9})\)")
_WORD_RE = re.compile(r"(?=[A-Za-z])(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*")
_SPLIT_AND_RE = re.compile(r" (?:and|&) |, ")
_TOKEN_RE = re.compile(r"[A-Za-z][A-Za-z0-9'’-]*")
_ROLE_OF_RE = re.compile(r"(?: [A-Z][A-Za-z-]*){0,4}? (?:of|at|for) (?:the )?")

_LEADING_THE_RE = re.compile(r"^(?:The|the) ")
_SPACES_RE = re.compile(r"\s+")
_NHS_PREFIX_RE = re.compile(r"^NHS ")
_ICB_SUFFIX_RE = re.compile(r" (?:ICB|Integrated Care Board)$")
_ICB_ABBR_RE = re.compile(r" ICB$")


@lru_cache(maxsize=4096)
def _acronyms_re(acronyms: tuple[str, ...]) -> re.Pattern[str]:
    """Any of these acronyms as a whole word (articles define the same few: compile once)."""
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in acronyms) + r")(?![\w-])")


# --------------------------------------------------------------------------- reference table


@dataclass(frozen=True)
class _Entry:
    surface: str
    name: str
    acronym: str | None
    org_type: str
    is_acronym: bool


@dataclass(frozen=True)
class _Reference:
    by_first_word: dict[str, tuple[_Entry, ...]]
    by_surface: dict[str, _Entry]
    regex: re.Pattern[str]
    canonical: dict[str, _Entry]  # lowercased canonical name -> entry
    icb_areas: frozenset[str]


def trie_regex(strings: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """A regex alternation of ``strings`` factorised as a trie (fast to scan; longer names tried first)."""
    trie: dict[str, Any] = {}
    for st in strings:
        node = trie
        for ch in st:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


_KEY_RE = re.compile(r"([A-Za-z][A-Za-z0-9]*)(?: ([A-Za-z][A-Za-z0-9]*))?")


def surface_key(s: str) -> str:
    """Index key of a reference name: its first two words ("NHS England") or its first word."""
    m = _KEY_RE.match(s)
    if not m:
        return s
    return f"{m.group(1)} {m.group(2)}" if m.group(2) else m.group(1)


def keys_at(text: str, pos: int) -> tuple[str, ...]:
    """Index keys to try for a name starting at ``pos`` (two-word key first, then one-word key)."""
    m = _KEY_RE.match(text, pos)
    if not m:
        return ()
    return (f"{m.group(1)} {m.group(2)}", m.group(1)) if m.group(2) else (m.group(1),)


@cache
def _reference() -> _Reference:
    entries: list[_Entry] = []
    canonical: dict[str, _Entry] = {}
    for row in load_csv("organisations"):
        name = row["name"]
        acronyms = [a for a in row.get("acronyms", "").split("|") if a]
        aliases = [a for a in row.get("aliases", "").split("|") if a]
        acr = acronyms[0] if acronyms else None
        otype = row.get("type", "") or "organisation"
        surfaces = [name, *aliases]
        for s in list(surfaces):
            if s.startswith("The "):
                surfaces.append("the " + s[4:])
        for s in dict.fromkeys(surfaces):
            entries.append(_Entry(s, name, acr, otype, False))
        for a in acronyms:
            entries.append(_Entry(a, name, acr, otype, True))
        canonical[name.lower()] = _Entry(name, name, acr, otype, False)
    by_first: dict[str, list[_Entry]] = {}
    for e in entries:
        by_first.setdefault(surface_key(e.surface), []).append(e)
    frozen = {k: tuple(sorted(v, key=lambda e: len(e.surface), reverse=True)) for k, v in by_first.items()}
    icb_areas = frozenset(r["name"] for r in load_csv("places") if r.get("place_type") == "icb")
    by_surface: dict[str, _Entry] = {}
    for e in entries:
        by_surface.setdefault(e.surface, e)
    rx = re.compile("(?:" + trie_regex(set(by_surface)) + r")(?![A-Za-z0-9_]|-[A-Za-z])")
    return _Reference(frozen, by_surface, rx, canonical, icb_areas)


# --------------------------------------------------------------------------- helpers


def _strip_leading(body: str, start: int, end: int) -> int:
    """Move ``start`` past sentence-initial function words and role words ("At", "Chief Executive of")."""
    while start < end:
        m = _TOKEN_RE.match(body, start)
        if not m:
            break
        w = m.group(0)
        nxt = m.end()
        if w in STOP_CAPS or w.lower() in {"the", "a", "an"} or w in {"and", "of", "for", "at"}:
            start = nxt + 1
            continue
        if w in _ROLE_TITLE_WORDS or w.lower() in ROLE_HEADS:
            # a role before the organisation: "Chief Executive of Leeds City Council"
            rest = body[nxt:end]
            m2 = _ROLE_OF_RE.match(rest)
            if m2:
                start = nxt + m2.end()
                continue
            if rest.startswith(" "):
                start = nxt + 1
                continue
        break
    return start


def _is_generic(name: str) -> bool:
    words = [w for w in re.split(r"[\s,&]+", name) if w and w not in {"and", "of", "for", "the", "in", "on", "upon"}]
    return all(w in _GENERIC_WORDS for w in words)


def _canonical_generic(text: str) -> tuple[str, str | None]:
    """Canonical name and acronym of a name found by the general patterns."""
    ref = _reference()
    name = _LEADING_THE_RE.sub("", text)
    name = _SPACES_RE.sub(" ", name)
    if name.endswith(" ICB") or name.endswith(" Integrated Care Board"):
        area = _NHS_PREFIX_RE.sub("", _ICB_SUFFIX_RE.sub("", name))
        if area in ref.icb_areas:
            return f"NHS {area} Integrated Care Board", "ICB"
        return _ICB_ABBR_RE.sub(" Integrated Care Board", name), None
    e = ref.canonical.get(name.lower())
    if e is not None:
        return e.name, e.acronym
    alias = ref.by_surface.get(name)
    if alias is not None and not alias.is_acronym:
        return alias.name, alias.acronym
    return name, None


# --------------------------------------------------------------------------- extraction


def _find_reference(body: str) -> list[tuple[int, int, str, str | None, str]]:
    ref = _reference()
    out: list[tuple[int, int, str, str | None, str]] = []
    for m in ref.regex.finditer(body):
        start, end = m.span()
        if start > 0 and (body[start - 1].isalnum() or body[start - 1] in "-_"):
            continue
        e = ref.by_surface[m.group(0)]
        if not e.is_acronym and e.surface not in (e.name, "the " + e.name[4:]) and _inside_longer_name(body, start):
            continue  # an alias inside another body's name: "Washington State Department of Health", "U.S. Treasury"
        if not e.is_acronym and " " not in e.surface and _inside_title(body, start, end):
            continue  # a one-word name inside a title: "Reading the Mind in the Eyes" (a test), not the charity
        acr = e.surface if e.is_acronym else e.acronym
        out.append((start, end, e.name, acr, e.org_type))
    return out


_TITLE_GLUE = frozenset({"the", "of", "in", "a", "an", "The"})
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][\w'’-]*)[ ]$")
_WORD_AFTER_RE = re.compile(r" ([A-Za-z][\w'’-]*)")
_SENTENCE_START_BEFORE_RE = re.compile(r"(?:^|[.!?:\n]\s*)$")


def _inside_title(body: str, start: int, end: int) -> bool:
    """Whether the capitalised words around a one-word name (past "the", "of", "in", "a") make it part of a
    title: a capitalised word before that does not open the sentence, and one after."""
    s = start
    while (m := _WORD_BEFORE_RE.search(body, max(0, s - 30), s)) is not None and m.group(1) in _TITLE_GLUE:
        s = m.start(1)
    before = _WORD_BEFORE_RE.search(body, max(0, s - 30), s)
    if before is None or not before.group(1)[0].isupper() or before.group(1) in STOP_CAPS:
        return False
    if _SENTENCE_START_BEFORE_RE.search(body, max(0, before.start(1) - 3), before.start(1)):
        return False  # the word before opens the sentence
    e = end
    while (m := _WORD_AFTER_RE.match(body, e)) is not None and m.group(1) in _TITLE_GLUE:
        e = m.end(1)
    after = _WORD_AFTER_RE.match(body, e)
    if after is None or not after.group(1)[0].isupper() or after.group(1) in STOP_CAPS:
        return False
    # a line written in title case is a heading that names the body ("How To Scrape Google With Python")
    line_end = body.find("\n", end)
    line = body[body.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(body)]
    words = [w for w in line.split() if len(w) > 3]
    return sum(w[0].isupper() for w in words) < 0.7 * len(words)


_PREV_WORD_RE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)[ \u00a0]$")
_NATIONAL_PREFIX = frozenset({"UK", "HM", "British", "UK's", "UK’s", "Britain's", "Britain’s", "England's", "England’s",
                              "English", "NHS"})


def _inside_longer_name(body: str, start: int) -> bool:
    """Whether a capitalised word (not a sentence opener or a role) runs into ``body[start:]``."""
    m = _PREV_WORD_RE.search(body, max(0, start - 40), start)
    if not m:
        return False
    w = m.group(1)
    if w.endswith(".") and w.count(".") == 1:
        return False  # the end of a sentence ("... said Smith. Treasury officials"), not "U.S."
    if not w[0].isupper() or w in STOP_CAPS or w in _ROLE_TITLE_WORDS or w in _NATIONAL_PREFIX:
        return False
    return True


# one or two capitalised words between "the" and a name headed by "Institute for", "Academy of"...:
# "the Allen Institute for AI", "the Pennsylvania Academy of Fine Arts" (the determiner says the words are its name)
_NAME_WORDS_AFTER_THE_RE = re.compile(r"(?<![\w'’-])(?:the|The) ((?:[A-Z][A-Za-z'’-]* ){1,2})$")


def _named_head_start(body: str, start: int) -> int:
    """The start of "Allen" in "the Allen Institute for AI" when ``start`` is that of "Institute for AI"."""
    if not _HEAD_OF_START_RE.match(body, start) or body[start:start + 4] in ("The ", "the "):
        return start
    m = _NAME_WORDS_AFTER_THE_RE.search(body, max(0, start - 50), start)
    if not m:
        return start
    words = m.group(1).split()
    if any(w in STOP_CAPS or w in _ROLE_TITLE_WORDS or w.lower() in ROLE_HEADS for w in words):
        return start
    return m.start(1)


def _find_generic(body: str) -> list[tuple[int, int, str, str | None, str]]:
    spans: set[tuple[int, int]] = set()
    # The full name patterns run only in windows around a cheap "hint" (a suffix or head word).
    for hint, rx, back, fwd in _GENERIC_PLAN:
        done = -1
        for h in hint.finditer(body):
            if h.start() < done:
                continue
            for m in rx.finditer(body, max(0, h.start() - back), min(len(body), h.end() + fwd)):
                if m.start() <= h.start() and m.end() >= h.end():
                    spans.add((m.start(), m.end()))
                    done = max(done, m.end())
    out: list[tuple[int, int, str, str | None, str]] = []
    for s, e in sorted(spans):
        s = _after_compound_adjectives(body, s, e)
        s = _glued_place_start(body, s)
        for ps, pe in _split_run(body, s, e):
            ps = _strip_leading(body, ps, pe)
            ps = _known_tail_start(body, ps, pe)
            ps = _known_head_end(body, ps, pe)
            ps = _named_head_start(body, ps)
            if body[pe - 1] in "'’" and body[pe - 2] == "s":
                pe -= 1  # a possessive: "the Department for Work and Pensions’ own figures"
            if pe - ps < 4 or _PORTFOLIO_RE.search(body, max(0, ps - 80), ps):
                continue  # too short, or a minister's portfolio ("Minister for Culture, Skills and Social Partnership")
            text = body[ps:pe]
            nxt = _NEXT_CAP_RE.match(body, pe)
            if _is_generic(text) or " " not in text.strip() or (nxt and nxt.group(1) in _NAMED_AFTER_WORDS):
                continue
            if text.endswith("Police") and body.startswith(" and Crime", pe):
                continue  # "the South Yorkshire Police and Crime Commissioner": an office, not the force
            name, acr = _canonical_generic(text)
            out.append((ps, pe, name, acr, "organisation"))
    return out


# a capitalised compound ending in a participle is an adjective, never part of a name: "Cornwall-based",
# "Labour-run", "Government-funded" (not "Co-operative", "Co-op": words of names)
_COMPOUND_ADJECTIVE_RE = re.compile(
    r"(?<![\w'’-])[A-Z][\w'’]*(?:-[A-Za-z]+)*-(?:[a-z]+ed|run|led|born|owned|wide|backed|held) ")


def _after_compound_adjectives(body: str, start: int, end: int) -> int:
    """"Cornwall-based Inspira and Devon-based Shaw Trust": the name starts after the run's last compound
    adjective ("Shaw Trust")."""
    for m in _COMPOUND_ADJECTIVE_RE.finditer(body, start, end):
        start = m.end()
    return start


_AND_RE = re.compile(r" (?:and|&) ")
# up to four words glued before a name: "North East ", "Greater Manchester ", "Stoke-on-Trent "
_PLACE_BEFORE_RE = re.compile(r"((?:[A-Z][A-Za-z'’-]*(?: (?:and|of|upon|on) )?[ ]?){1,4})$")


def _glued_place_start(body: str, start: int) -> int:
    """"London School of Economics", "North East Chamber of Commerce": a place name (the longest one)
    glued before "School of ...", "Chamber of ..." belongs to the name."""
    m = _PLACE_BEFORE_RE.search(body, max(0, start - 60), start)
    if not m or m.end() != start or body[start:start + 4] == "NHS ":
        return start
    run = body[m.start(1):start]
    places = place_names()
    # the longest tail of the run that is a place: "Greater Manchester" before "Manchester"
    for k in range(len(run)):
        if (k == 0 or run[k - 1] == " ") and run[k:].rstrip() in places:
            return m.start(1) + k
    return start


# the words after a ministerial title up to the candidate: "Minister for Culture, " / "Secretary for Health and "
_PORTFOLIO_RE = re.compile(
    r"\b(?:Minister|Secretary|Commissioner|Spokesperson|[Ss]pokesman|[Ss]pokeswoman)(?: of State)? for"
    r"(?: (?:[A-Z][\w'’-]*|and|&),?)*(?: and| &|,)? $")


def _known_tail_start(body: str, start: int, end: int) -> int:
    """"Preston and Lancashire County Council": when the run is not a known name but the words after
    one of its "and"s are, the organisation starts there (the words before are a separate thing)."""
    ref = _reference()
    text = _LEADING_THE_RE.sub("", body[start:end])
    if text in ref.by_surface or text.lower() in ref.canonical:
        return start
    for m in _AND_RE.finditer(body, start, end):
        tail = body[m.end():end]
        if tail in ref.by_surface and not ref.by_surface[tail].is_acronym:
            return m.end()
    return start


def _known_head_end(body: str, start: int, end: int) -> int:
    """"Ingeus and Reed in Partnership": when the run opens with a known name joined by "and" (or a comma)
    to two or more other words, the generic name starts after the joint (the known one is its own row)."""
    ref = _reference()
    for m in _SPLIT_AND_RE.finditer(body, start, end):
        head = _LEADING_THE_RE.sub("", body[start:m.start()])
        entry = ref.by_surface.get(head)
        if entry is not None and not entry.is_acronym and len(body[m.end():end].split()) >= 2:
            return m.end()
        break  # only the first joint: "Department for Work and Pensions" keeps its "and"
    return start


_HEAD_OF_START_RE = re.compile(rf"(?:(?:The|the) )?{_ADJ}{{0,3}}{_HEAD} (?:of|for) ")


# words that end a name of a place or body ("Wigan Youth Zone and Sheffield Hallam University": two names)
_NAME_END_WORDS = frozenset("Zone Hub Centre Center School Academy Hospital Hospitals Clinic Project Works Enterprises "
                            "Solutions Services Jobcentre Library Museum Hall Club Church Mosque Temple".split())


def _split_run(body: str, s: int, e: int) -> list[tuple[int, int]]:
    """Split "Northern Care Alliance and Manchester University NHS Foundation Trust" in two."""
    text = body[s:e]
    parts: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT_AND_RE.finditer(text):
        left = text[start:m.start()]
        right = text[m.end():]
        left_last = left.rsplit(" ", 1)[-1]
        right_first = right.split(" ", 1)[0]
        if (left_last in _SUFFIXES or left_last in {"Trust", "ICB", "UK", "Group"}
                or (left_last in _NAME_END_WORDS and right.rsplit(" ", 1)[-1] in _SUFFIXES)) and len(right.split()) >= 2:
            parts.append((s + start, s + m.start()))
            start = m.end()
        elif right_first.isupper() and len(right_first) > 1 and m.group(0).strip() in {"and", "&"}:
            # "Office for National Statistics and NHS England": an acronym starts a new name
            parts.append((s + start, s + m.start()))
            start = m.end()
        elif _HEAD_OF_START_RE.match(left) and right.rsplit(" ", 1)[-1] in _SUFFIXES and len(right.split()) >= 2:
            # "University of Leeds and Sheffield Hallam University": a second name with its own suffix
            parts.append((s + start, s + m.start()))
            start = m.end()
    parts.append((s + start, e))
    return parts


def _find_role_employers(body: str) -> list[tuple[int, int, str, str | None, str]]:
    places = place_names()
    out: list[tuple[int, int, str, str | None, str]] = []
    for m in _AT_ORG_RE.finditer(body):
        if not _ROLE_TAIL_RE.search(body, max(0, m.start() - 90), m.start()):
            continue
        for s, e in _employer_parts(body, *m.span(1)):
            text = body[s:e]
            if text in places or text.split(" ", 1)[0] in STOP_CAPS:
                continue
            name, acr = _canonical_generic(text)
            out.append((s, e, name, acr, "organisation"))
    return out


def _employer_parts(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Product Lead at Acme and Harvard": two employers, unless the whole run is a known name
    ("Marks and Spencer")."""
    ref = _reference()
    text = body[start:end]
    if text in ref.by_surface or text.lower() in ref.canonical or not _AND_RE.search(text):
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    s = start
    for m in _AND_RE.finditer(body, start, end):
        parts.append((s, m.start()))
        s = m.end()
    return parts + [(s, end)]


# a party named as someone's affiliation: "the Labour MP for Leeds East", "Conservative councillors"
_PARTY_ADJECTIVES = {
    "Labour": "Labour Party", "Conservative": "Conservative Party", "Tory": "Conservative Party",
    "Lib Dem": "Liberal Democrats", "Liberal Democrat": "Liberal Democrats", "SNP": "Scottish National Party",
    "Plaid Cymru": "Plaid Cymru", "Green": "Green Party", "Reform UK": "Reform UK",
}
_PARTY_ROLE_RE = re.compile(
    r"(?=[LCTSPGR])(?<![\w'’-])(?P<party>Labour|Conservative|Tory|Lib Dem|Liberal Democrat|SNP|Plaid Cymru|Green|Reform UK)"
    r" (?:(?:former|shadow|backbench|senior|veteran|local|deputy|council|group|opposition|party) )?"
    r"(?:MPs?|MSPs?|MSs?|MLAs?|peers?|councillors?|Councillors?|leaders?|chair|chairs|members?|backbenchers?|"
    r"politicians?|ministers?|government|administration|candidates?|spokes(?:person|man|woman)|mayor|Mayor|"
    r"group|whip|frontbenchers?)(?![\w-])")
# an organisation named by what only organisations do: "delivered by Inspira", "VOLA won a tender",
# "which work together as Enterprising Cumbria"; NHS trusts named "University Hospital(s) <place>"
_ORG_NAME = r"(?:[A-Z][\w'’&-]*(?: (?:and|&|of|for) | )){0,4}[A-Z][\w'’&-]*"
_DOES_ORG_RE = re.compile(
    rf"(?=[docartbU])(?:(?:delivered|operated|commissioned|administered|run) by (?:the )?|(?:contract|tender|bid) (?:with|to) "
    rf"(?:the )?|(?:together|trading|operating) as (?:the )?)(?P<a>{_ORG_NAME})(?![\w'’-]| [A-Z])"
    rf"|(?<![\w'’-])(?P<c>University Hospitals? (?:of )?[A-Z][\w'’-]*(?: (?:and )?[A-Z][\w'’-]*){{0,2}})(?![\w'’-])")
# literal words where _DOES_ORG_RE can start (tried with .match there: much faster than scanning)
_DOES_ORG_ANCHORS = ("delivered by", "operated by", "commissioned by", "administered by", "run by", "contract with",
                     "contract to", "tender with", "tender to", "bid with", "bid to", "together as", "trading as",
                     "operating as", "University Hospital")
# a name after the kind of body it is: "disability charity Scope", "the think tank Onward", "provider Ingeus"
_DESCRIPTORS = ("charity", "think tank", "think-tank", "thinktank", "firm", "company", "provider", "social enterprise",
                "union", "organisation", "organization", "consultancy", "retailer", "supermarket", "insurer",
                "housing association", "pressure group", "campaign group", "regulator", "watchdog", "employer",
                "lender", "trade body", "industry body")
_DESCRIPTOR_ALT = "|".join(re.escape(d) for d in sorted(_DESCRIPTORS, key=len, reverse=True))
_DESCRIBED_AFTER_RE = re.compile(rf"(?:{_DESCRIPTOR_ALT}) (?P<d>{_ORG_NAME})(?![\w'’-]| [A-Z])")
# ... or before it: "Inspira, a careers charity, said", "Onward, the think tank that ..." (not "Jo Bloggs, a
# spokesperson for the charity": a preposition before the descriptor makes it another's)
_DESCRIBED_BEFORE_RE = re.compile(
    rf", (?:a|an|the) (?:(?!(?:for|of|at|with|from|to|in|on|by)\b)[a-z-]+ |[A-Z][\w'’]*-[a-z]+ ){{0,3}}?(?:{_DESCRIPTOR_ALT})"
    rf"(?:[,.;:)]| (?:that|which|based|in|for|set|founded|"
    rf"supporting|helping|working|providing|whose|run|said|says|told|has|have|is|was)(?![\w-]))")
# a news outlet named as a source: "told the Lancashire Telegraph", "speaking to STV News", "told ChronicleLive"
_MEDIA_WORD = (r"(?:News|Post|Echo|Telegraph|Mail|Times|Herald|Journal|Gazette|Chronicle|Express|Star|Mirror|Observer|"
               r"Standard|Argus|Advertiser|Examiner|Courier|Press|Online|Live|Magazine|Today|Guardian|Independent|"
               r"Record|Reporter|Sentinel|Citizen|Bulletin|Review|Radio(?: [A-Z][\w-]*| \d)?|FM|TV)")
_MEDIA_ANCHORS = ("told ", "speaking to ", "Speaking to ", "writing in ", "Writing in ", "interview with ")
_MEDIA_SOURCE_RE = re.compile(
    rf"(?:told|[Ss]peaking to|[Ww]riting in|interview with) (?:the )?"
    rf"(?P<f>(?:[A-Z][\w'’&-]* ){{0,3}}(?:{_MEDIA_WORD}|[A-Z][a-z]+{_MEDIA_WORD}))(?![\w'’-]| [A-Z])")
# a body named after the part it plays, opening its clause: "As service co-ordinator, Inspira will ...",
# "as lead provider, Brightpath Works has ..." (a person so named is skipped by first name or surname)
_PART_WORDS = ("co-ordinator", "coordinator", "provider", "partner", "contractor", "operator", "host", "sponsor",
               "commissioner", "body", "organisation", "organization", "agency", "administrator", "deliverer",
               "supplier", "employer", "funder", "broker")  # not "chair", "manager": nearly always a person
_AS_PART_RE = re.compile(
    rf"(?<![\w'’-])[Aa]s (?:(?:the|a|an|its|their) )?(?:[a-z][\w-]* ){{0,3}}(?:{'|'.join(_PART_WORDS)}), "
    rf"(?P<g>{_ORG_NAME})(?= (?:will|has|have|had|is|was|would|can|must|shall|takes|took|now|also)(?![\w-]))")
_AS_ANCHORS = ("As ", "as ")
_NAME_BEFORE_COMMA_RE = re.compile(rf"(?<![\w'’&-])(?P<e>{_ORG_NAME})$")
_WINS_CONTRACT_RE = re.compile(
    rf"(?=[A-Z])(?<![\w'’-])(?P<b>{_ORG_NAME}) (?:has |have )?(?:won|secured|was awarded|has been awarded|will deliver|"
    rf"will run|delivers) (?:a|an|the) (?:[a-z-]+ ){{0,2}}(?:contract|tender|bid)(?![\w-])")
_WINS_ANCHORS = (" won ", " secured ", " was awarded ", " has been awarded ", " will deliver ", " will run ",
                 " delivers ")


def _find_described_organisations(body: str, programme_spans: list[tuple[int, int]]
                                  ) -> list[tuple[int, int, str, str | None, str]]:
    """Parties named as an affiliation, and names doing what only organisations do."""
    places = place_names()
    out: list[tuple[int, int, str, str | None, str]] = []
    for i in find_all(body, tuple(_PARTY_ADJECTIVES)):
        m = _PARTY_ROLE_RE.match(body, i)
        if m:
            out.append((m.start("party"), m.end("party"), _PARTY_ADJECTIVES[m.group("party")], None,
                        "political_party"))
    matches = [m for i in find_all(body, _DOES_ORG_ANCHORS) if (m := _DOES_ORG_RE.match(body, i))]
    if "contract" in body or "tender" in body or "bid" in body:
        seen: set[int] = set()
        for j in find_all(body, _WINS_ANCHORS):
            for m in _WINS_CONTRACT_RE.finditer(body, max(0, j - 80), j + 80):
                if m.start() < j < m.end() and m.start() not in seen:
                    seen.add(m.start())
                    matches.append(m)
    for d in find_all(body, _DESCRIPTORS):
        if d > 0 and (body[d - 1].isalnum() or body[d - 1] == "-"):
            continue
        m = _DESCRIBED_AFTER_RE.match(body, d)
        if m:
            matches.append(m)
        before = _DESCRIBED_BEFORE_RE.match(body, body.rfind(",", max(0, d - 40), d))
        if before and before.end() > d:
            name = _NAME_BEFORE_COMMA_RE.search(body, max(0, before.start() - 80), before.start())
            if name:
                matches.append(name)
    matches += [m for i in find_all(body, _MEDIA_ANCHORS) if (m := _MEDIA_SOURCE_RE.match(body, i))]
    if ", " in body:
        matches += [m for i in find_all(body, _AS_ANCHORS) if (m := _AS_PART_RE.match(body, i))
                    and not _names_a_person(body, m.group("g"))]
    for m in matches:
        g = next(k for k in ("a", "c", "b", "d", "e", "f", "g") if k in m.re.groupindex and m.group(k))
        s, e = m.span(g)
        text = body[s:e]
        if g == "f" and ("' " in text or "’ " in text):
            continue  # a programme of an outlet: "NBC News' Today"
        if g == "e":  # the run before the comma may open its sentence: "The Mayor said Inspira, a charity"
            s = _strip_leading(body, s, e)
            text = body[s:e]
        first = text.split(" ", 1)[0]
        if _COMPOUND_ADJECTIVE_RE.fullmatch(text + " "):
            continue  # "run by the Leeds-based charity X": the adjective is no name (the charity's is after it)
        if text in places or first in STOP_CAPS or first in _NOT_ORG_OPENERS or first in _ROLE_TITLE_WORDS \
                or any(ps < e and s < pe for ps, pe in programme_spans):
            continue
        name, acr = _canonical_generic(text)
        out.append((s, e, name, acr, "organisation"))
    return out


def _names_a_person(body: str, name: str) -> bool:
    """``name`` opens with a given name ("Ann Moss"), or is one word that follows a given name
    elsewhere in the body (the surname of "Jane Pike": "Pike")."""
    words = name.split()
    given = first_names()
    if words[0] in given:
        return True
    if len(words) > 1:
        return False
    return any(m.group(1) in given for m in re.finditer(rf"([A-Z][a-z]+) {re.escape(name)}(?![\w'’-])", body))


_NOT_ORG_OPENERS = frozenset("It He She They We You This That These Those There Here Who Which What Ministers "
                             "Councils Councillors Officials Government Mr Mrs Ms Dr".split())


def _resolve_overlaps(
    cands: list[tuple[int, int, str, str | None, str]], priority: dict[int, int]
) -> list[tuple[int, int, str, str | None, str]]:
    """Keep non-overlapping spans: longer first, then by source priority."""
    order = sorted(range(len(cands)), key=lambda i: (-(cands[i][1] - cands[i][0]), priority[i], cands[i][0]))
    taken: list[tuple[int, int]] = []
    kept: list[tuple[int, int, str, str | None, str]] = []
    for i in order:
        s, e = cands[i][0], cands[i][1]
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        kept.append(cands[i])
    kept.sort(key=lambda c: c[0])
    return kept


#: Same-length normalisation for matching: odd spaces become " " so offsets stay valid.
_ODD_SPACES = "\u00a0\u2007\u2009\u200a\u202f\u205f\u3000\t\r\f\v"
_ODD_SPACE_RE = re.compile(f"[{_ODD_SPACES}]")


@lru_cache(maxsize=8)
def normalise_spaces(body: str) -> str:
    """``body`` with non-breaking and other odd spaces as plain spaces (same length, same offsets).

    Cached for the last few bodies: the organisation, person, place and quote passes each normalise the same one."""
    if not any(space in body for space in _ODD_SPACES):
        return body  # most bodies (cleaning keeps plain spaces): one quick test per character instead of a regex pass
    return _ODD_SPACE_RE.sub(" ", body)


# a national network's local body, named with its place: "Healthwatch Sheffield", "Citizens Advice Leeds",
# "Age UK Bradford and District" (each is its own organisation; the place must be one places.csv knows)
_LOCAL_NETWORKS = ("Healthwatch", "Citizens Advice", "Age UK")
_LOCAL_BRANCH_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(_LOCAL_NETWORKS) + r") (?P<place>[A-Z][\w'’-]*(?:(?: and | & | upon | on | )[A-Z][\w'’-]*){0,3})")


_AND_DISTRICT_RE = re.compile(r" (?:and|&) District(?![\w-])")


def _find_local_branches(body: str) -> list[tuple[int, int, str, str | None, str]]:
    out: list[tuple[int, int, str, str | None, str]] = []
    places = place_names()
    pos = 0
    while (m := _LOCAL_BRANCH_RE.search(body, pos)) is not None:
        pos = m.start("place")  # the words after the place may open the next one ("... and Citizens Advice Leeds")
        words = m.group("place").split(" ")
        # the longest run of leading words that names a place ("Leeds" in "Citizens Advice Leeds Chief")
        if words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]  # "Age UK Lancashire's chief executive"
        for k in range(len(words), 0, -1):
            run = " ".join(words[:k])
            # one place, or two joined ("Healthwatch Kirklees and Calderdale")
            if words[k - 1] not in ("and", "&", "upon", "on") and (
                    run in places or all(part in places for part in re.split(r" (?:and|&) ", run))):
                end = m.start("place") + len(run)
                district = _AND_DISTRICT_RE.match(body, end)
                if district is not None:
                    end = district.end()  # "Age UK Bradford and District", "Age UK Bradford & District"
                out.append((m.start(), end, body[m.start():end], None, "organisation"))
                break
    return out


def _find_organisations(body: str, programme_spans: list[tuple[int, int]]
                        ) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, canonical name, acronym, type) of every organisation mention, in text order."""
    body = normalise_spaces(body)
    ref = _find_reference(body)
    # a name found by the general patterns that overlaps a programme ("Shared Prosperity Fund") is the programme
    gen = [c for c in _find_generic(body) if not any(ps < c[1] and c[0] < pe for ps, pe in programme_spans)]
    if any(network + " " in body for network in _LOCAL_NETWORKS):
        gen += _find_local_branches(body)
    emp = _find_role_employers(body) + _find_described_organisations(body, programme_spans)
    cands = ref + gen + emp
    priority = {i: (0 if i < len(ref) else 1 if i < len(ref) + len(gen) else 2) for i in range(len(cands))}
    # a reference match inside a generic one of the same organisation keeps the reference name
    kept = _resolve_overlaps(cands, priority)
    # acronyms defined in the text: "Care Forum Wales (CFW)"
    defined: dict[str, tuple[str, str]] = {}
    for s, e, name, acr, otype in kept:
        m = _ACRONYM_DEF_RE.match(body, e)
        if m and sum(c.isupper() for c in m.group(1)) >= 2:
            defined[m.group(1)] = (name, otype)
    if defined:
        extra: list[tuple[int, int, str, str | None, str]] = []
        rx = _acronyms_re(tuple(defined))
        for m in rx.finditer(body):
            if body[m.start() - 1 : m.start()] == "(" and body[m.end() : m.end() + 1] == ")":
                continue  # the definition itself
            if any(s <= m.start() < e for s, e, *_ in kept):
                continue
            name, otype = defined[m.group(1)]
            extra.append((m.start(), m.end(), name, m.group(1), otype))
        kept = sorted(kept + extra, key=lambda c: c[0])
        kept = [(s, e, n, a if a else _defined_acronym(n, defined), t) for s, e, n, a, t in kept]
    return _councils_as_written(body, _with_legal_form(kept))


#: Words of a company's legal form that a later mention often leaves out ("Rhodium Group" ... "Rhodium").
_LEGAL_FORM_WORDS = frozenset("Group Corp Corp. Corporation Inc Inc. Incorporated Ltd Ltd. Limited plc PLC Plc LLP LLC "
                              "Holdings Co Co. Company".split())


def _with_legal_form(kept: list[tuple[int, int, str, str | None, str]]
                     ) -> list[tuple[int, int, str, str | None, str]]:
    """One company under one name: a name that another one of the same article continues with legal-form
    words only ("SoftBank" and "SoftBank Group Corp", "Rhodium" and "Rhodium Group") takes the full name."""
    names = {n for _, _, n, _, _ in kept}
    full_of: dict[str, str] = {}
    for long in names:
        words = long.split(" ")
        for k in range(len(words) - 1, 0, -1):
            if words[k] not in _LEGAL_FORM_WORDS:
                break
            short = " ".join(words[:k])
            if short in names and len(long) > len(full_of.get(short, "")):
                full_of[short] = long
    if not full_of:
        return kept
    return [(s, e, full_of.get(n, n), a, t) for s, e, n, a, t in kept]


def _councils_as_written(body: str, kept: list[tuple[int, int, str, str | None, str]]
                         ) -> list[tuple[int, int, str, str | None, str]]:
    """A council is named as the article first writes its short "... Council" name ("Blackpool Council",
    "Cardiff Council": the names councils use for themselves) rather than as the table's longer legal form
    ("Blackpool Borough Council", "City of Cardiff Council"), unless the article also writes the table's form;
    a longer legal form written in the text ("Knowsley Metropolitan Borough Council") keeps the table's name."""
    written: dict[str, str] = {}
    for s, e, name, acr, otype in kept:
        if otype != "local_authority":
            continue
        text = _SPACES_RE.sub(" ", body[s:e])
        if text == name:
            written[name] = name
        elif text.endswith(" Council") and len(text) < len(name) and text[0].isupper() and not text.startswith("The "):
            written.setdefault(name, text)
    if all(w == n for n, w in written.items()):
        return kept
    return [(s, e, written.get(n, n) if t == "local_authority" else n, a, t) for s, e, n, a, t in kept]


def _defined_acronym(name: str, defined: dict[str, tuple[str, str]]) -> str | None:
    for acr, (n, _) in defined.items():
        if n == name:
            return acr
    return None


def extract(body: str, *, programme_mentions: list[Row]) -> list[Row]:
    """Organisation mentions of ``body``, one row per mention, in text order; ``programme_mentions``
    are the rows of ``programmes.extract`` for the same body (a programme is not an organisation)."""
    if not body:
        return []
    programme_spans = [(r["span_start"], r["span_end"]) for r in programme_mentions]
    return [
        {"name": name, "acronym": acr, "org_type": otype, "text": body[s:e], "span_start": s, "span_end": e}
        for s, e, name, acr, otype in _find_organisations(body, programme_spans)
    ]
