"""Programme mentions: named UK health-and-work schemes, resolved to one canonical name.

All names come from ``reference/programmes.csv`` (columns ``programme, alias, case_sensitive,
needs_prior``): add a row there to teach a new programme or spelling, no code change needed.
The canonical name only matches when it is also listed as an alias (so that an ordinary-English
name such as ``Fit for Work`` can be restricted to a safer spelling).

Matching rules
- an alias matches on word boundaries, any run of whitespace between its words, with an
  optional final plural (``accelerators`` for ``accelerator``, ``WorkWell pilots`` contains
  ``WorkWell``); at each position the longest alias wins;
- ``case_sensitive=yes`` aliases (ordinary-English phrases such as ``Access to Work``) only
  match with the listed capitalisation, in headline case (``Access To Work``) or in capitals,
  or in any case right before a word naming a scheme (``the connect to work programme``,
  ``an access to work grant``);
- a hyphen counts as a space between an alias's words (``Connect-to-Work``);
- ``&`` stands for ``and`` (``Health & Growth Accelerators``);
- ``needs_prior=yes`` aliases (anaphora such as ``the accelerators``, short acronyms) only
  count once the same programme has been named earlier in the body by another alias.

Generic words ("the scheme", "the programme", "the pilot") are never mentions, nor is a name
followed by "review" or "inquiry" (``the Keep Britain Working review`` is an inquiry, not a scheme).

Named local schemes the table does not know are mentions under their own name: a name before a
scheme word or after "called" ("the Bolton Works programme", "a scheme called Step Up":
``_local_schemes``), a UK place's name before a capitalised
"Works" ("Angus Works": ``_place_works_services``), and a name described right after it as an
employment service ("Step Ahead, the council's employability service": ``_described_services``).

Rows: ``{programme, text, span_start, span_end}`` with ``body[span_start:span_end] == text``,
one per mention, in body order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from healthwork.extract.text import find_all, find_word_starts, leftmost_non_overlapping, offset_safe_lower
from healthwork.reference import load_csv, place_names

__all__ = ["extract", "canonical_names", "name_regex"]


@dataclass(frozen=True)
class _Alias:
    programme: str
    alias: str
    case_sensitive: bool
    needs_prior: bool
    spellings: frozenset[str]  # how a case-sensitive alias may be written: as listed, headline case, capitals


def _spellings(alias: str) -> frozenset[str]:
    """The spellings ``_resolve`` accepts for a case-sensitive alias (``_plain`` form): as listed, in
    headline case, in capitals."""
    plain = _plain(alias)
    return frozenset((plain, _headline(plain), plain.upper()))


@dataclass(frozen=True)
class _Matcher:
    pattern: re.Pattern[str]  # all aliases, longest first (fallback scan)
    by_key: dict[str, tuple[_Alias, ...]]  # lower-cased alias (whitespace-collapsed) -> aliases
    needles: tuple[str, ...]  # lower-cased word starts: every alias begins with one of them


def _yes(v: str) -> bool:
    return v.strip().lower() in {"yes", "y", "true", "1"}


def _stem(alias: str) -> str:
    """Alias without its final plural, so singular and plural both match ("accelerators")."""
    alias = " ".join(alias.split())
    last = alias.rsplit(" ", 1)[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us")) and last[-2].islower():
        return alias[:-1]
    return alias


def _plain(s: str) -> str:
    """Words of ``s`` with ``&`` as ``and`` and hyphens as spaces, single-spaced, case kept."""
    return " ".join(s.replace("&", " and ").replace("-", " ").split())


def _key(s: str) -> str:
    return _plain(s).lower()


def _headline(alias: str) -> str:
    """The alias in headline case, every word capitalised ("Connect To Work")."""
    return " ".join(w[:1].upper() + w[1:] for w in alias.split())


@cache
def _matcher() -> _Matcher:
    aliases: list[_Alias] = []
    for row in load_csv("programmes"):
        prog, alias = row.get("programme", ""), row.get("alias", "")
        if prog and alias:
            stem = _stem(alias)
            aliases.append(_Alias(prog, stem, _yes(row.get("case_sensitive", "")),
                                  _yes(row.get("needs_prior", "")), _spellings(stem)))
    by_key: dict[str, list[_Alias]] = {}
    for a in aliases:
        by_key.setdefault(_key(a.alias), []).append(a)
    # a short first word ("no", "our", "uk") is everywhere as a substring: search for its first two words
    firsts = sorted({k.split()[0] if len(k.split()[0]) > 3 or " " not in k else " ".join(k.split()[:2])
                     for k in by_key})
    # drop first words that start with another one ("work" covers "workwell", "working")
    needles = tuple(w for w in firsts if not any(w != o and w.startswith(o) for o in firsts))
    return _Matcher(_compile(list(by_key)), {k: tuple(v) for k, v in by_key.items()}, needles)


def _compile(keys: list[str]) -> re.Pattern[str]:
    """One pattern for these aliases: longest first (the regex takes the first that fits), no
    letter/digit right before, optional plural, no letter/digit right after."""
    alts = sorted(keys, key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(r"(?:and|&)" if w == "and" else re.escape(w) for w in k.split()) for k in alts)
    return re.compile(rf"(?<![\w-])(?P<name>{body})(?:e?s)?(?![\w])", re.IGNORECASE)


def canonical_names() -> tuple[str, ...]:
    """All canonical programme names of the reference data, sorted."""
    return tuple(sorted({a.programme for v in _matcher().by_key.values() for a in v}))


# the name of a named local scheme as ``extract`` writes it: one to four capitalised words, joined by
# "to", "into", "for", "and" or "&" ("Bolton Works", "Routes to Work")
LOCAL_SCHEME_NAME = r"[A-Z][\w'’+-]*(?:\s(?:(?:to|into|for|and|&)\s)?[A-Z][\w'’+-]*){0,3}"


def name_regex() -> str:
    """An anchored regex every ``programme`` value of ``extract`` matches: a canonical name of the
    reference data, or a named local scheme's name (``LOCAL_SCHEME_NAME``)."""
    names = "|".join(re.escape(n) for n in canonical_names())
    return rf"^(?:{names}|{LOCAL_SCHEME_NAME})$"


# a word naming a scheme right after an alias: "the connect to work programme", "access to work grants"
_SCHEME_WORD_AFTER = re.compile(
    r"(?:e?s)?\s+(?:programme|program|scheme|service|pilot|grant|fund|funding|initiative|trailblazer)s?(?![\w-])",
    re.IGNORECASE)


def _resolve(m: _Matcher, name: str, before_scheme_word: bool = False) -> tuple[_Alias, ...]:
    """The aliases the matched text fits (case rules applied; any case before a scheme word)."""
    cands = m.by_key.get(_key(name), ())
    plain = _plain(name)
    return tuple(a for a in cands if not a.case_sensitive or before_scheme_word or plain in a.spellings)


def _hits(m: _Matcher, body: str) -> list[re.Match[str]]:
    """Non-overlapping alias matches, leftmost first (as ``finditer``), found fast.

    Scanning the body with one big case-insensitive alternation is slow, so candidate offsets
    are found with ``find_word_starts`` on the lower-cased body for each alias's first word (an alias
    starts a word: no letter, digit, ``_`` or ``-`` before it), and the alternation is only tried there.
    """
    low = offset_safe_lower(body)
    if low is body:  # rare characters whose lower case changes length: no safe lower-cased copy
        return list(m.pattern.finditer(body))
    found: list[re.Match[str]] = []
    for i in find_word_starts(low, m.needles):  # sorted, and no needle starts another: one alias match per offset
        hit = m.pattern.match(body, i)
        if hit:
            found.append(hit)
    return leftmost_non_overlapping(found)


_REVIEW_AFTER = re.compile(r"\s+(?:review|inquiry|vanguard\s+review)(?![\w-])", re.IGNORECASE)


def extract(body: str) -> list[dict[str, Any]]:
    """Every programme mention in ``body`` (see the module docstring for the rules)."""
    m = _matcher()
    rows: list[dict[str, Any]] = []
    named: set[str] = set()  # programmes already named by a needs_prior=no alias
    for hit in _hits(m, body):
        fits = _resolve(m, hit.group("name"), _SCHEME_WORD_AFTER.match(body, hit.end("name")) is not None)
        chosen = next((a for a in fits if not a.needs_prior), None)
        if chosen is None:
            chosen = next((a for a in fits if a.programme in named), None)
        if chosen is None:
            continue
        if not chosen.needs_prior:
            named.add(chosen.programme)
        s, e = hit.span()
        if _REVIEW_AFTER.match(body, e):
            continue  # "the Keep Britain Working review": an inquiry named like a scheme, not a scheme
        rows.append({"programme": chosen.programme, "text": body[s:e], "span_start": s, "span_end": e})
    local = _local_schemes(body, rows)
    local += _place_works_services(body, rows + local)
    local += _described_services(body, rows + local)
    return sorted(rows + local, key=lambda r: r["span_start"])


# a named local scheme the table does not know: "the Bolton Works programme", "the authority's Routes to
# Work service", "a scheme called Step Up"
_LOCAL_SCHEME_RE = re.compile(
    r"(?=[TtIiOoAacnkb])"  # the first letter either form needs: most positions fail at once (same matches)
    r"(?<![\w'’-])(?:(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Aa]|[Aa]n)\s+(?:(?:new|local|flagship|[a-z]+['’]s|[a-z]+-[a-z]+)\s+){0,2}"
    r"(?P<a>(?:[A-Z][\w'’+-]*\s+(?:(?:to|into|for|and|&)\s+)?){1,3}[A-Z][\w'’+-]*)\s+"
    r"(?:(?:employment|employability|jobs?|work|health|support|advice|careers?|skills|wellbeing|training)\s+)?"
    r"(?:programme|scheme|project|pilot|service|initiative)(?![\w-])"
    r"|(?:called|named|known\s+as|branded)\s+[\"“‘']?(?P<b>(?:[A-Z][\w'’+-]*\s+(?:(?:to|into|for|and|&)\s+)?){0,3}"
    r"[A-Z][\w'’+-]*))")
_SCHEME_WORDS = frozenset(
    "Work Working Works Job Jobs Employment Employ Employability Thrive Skills Future Futures Pathway Pathways Into "
    "Back Ready Career Careers Step Steps Start Well Wellbeing Boost Able Forward Opportunity Opportunities "
    "Inclusion Healthy Progress Progression Routes Route Connect".split())
# words that alone only describe a kind of support ("the Employment Support service" is not a name)
_GENERIC_SCHEME_WORDS = frozenset(
    "Employment Support Health Work Skills Mental Care Job Jobs Career Careers Wellbeing Inclusion Employability "
    "Youth Adult Local Community Digital Advice Service Services Training".split())
_NOT_LOCAL_SCHEME = frozenset(
    "NHS Council Department Government DWP DHSC Jobcentre Plus Universal Credit Ministry Office Authority Board "
    "The A An This That It".split())


_SCHEME_WORD_LITERALS = ("programme", "scheme", "project", "pilot", "service", "initiative")
_CALLED_LITERALS = ("called", "named", "known", "branded")
# read on the reversed body: the characters a scheme's article and name are written with, back from an offset
_NAME_CHARS_BACK = re.compile(r"[\w\s'’+&-]*")
# where the first form may start: a word opening with the first letter of one of its articles
_ARTICLE_START = re.compile(r"(?<![\w'’-])[TtIiOoAa]")


def _local_scheme_matches(body: str) -> list[re.Match[str]]:
    """The matches of ``_LOCAL_SCHEME_RE.finditer(body)``, without running the regex over the whole body.

    The regex is only tried where a match can start: at "called", "named", "known", "branded", and
    at the words opening like an article ("the", "its", "a"...) in the run of name characters (letters,
    digits, spaces, ``'’+&-``) that ends at a "programme", "scheme"... word. Tried in body order, each
    from the end of the last match, the matches are those of ``finditer``."""
    starts = set(find_all(body, _CALLED_LITERALS))
    ends = find_all(body, _SCHEME_WORD_LITERALS)
    if ends:
        backwards = body[::-1]
        for end in ends:
            run_start = len(body) - _NAME_CHARS_BACK.match(backwards, len(body) - end).end()
            starts.update(m.start() for m in _ARTICLE_START.finditer(body, run_start, end))
    out: list[re.Match[str]] = []
    pos = 0
    for start in sorted(starts):
        if start >= pos:
            m = _LOCAL_SCHEME_RE.match(body, start)
            if m:
                out.append(m)
                pos = m.end()
    return out


def _local_schemes(body: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Named local schemes not in the reference table, named as written: a capitalised name with
    a work-or-health word, before "programme/scheme/project/pilot/service/initiative" or after
    "called/named/known as"."""
    out: list[dict[str, Any]] = []
    taken = [(r["span_start"], r["span_end"]) for r in rows]
    for m in _local_scheme_matches(body):
        g = "a" if m.group("a") else "b"
        s, e = m.span(g)
        name = " ".join(body[s:e].split())
        words = name.split()
        if any(ts < e and s < te for ts, te in taken) or not any(w in _SCHEME_WORDS for w in words) \
                or any(w in _NOT_LOCAL_SCHEME for w in words) or (g == "a" and len(words) < 2) \
                or all(w in _GENERIC_SCHEME_WORDS for w in words if w[0].isupper()):
            continue
        out.append({"programme": name, "text": body[s:e], "span_start": s, "span_end": e})
        taken.append((s, e))
    return out


# a council's employment service named "<place> Works" ("Fife Works", "Greater Dundee Works"): up to three
# capitalised words before a capitalised "Works" (lower-case "works" is the verb)
_WORDS_BEFORE_WORKS = re.compile(r"(?:[A-Z][\w'’-]*\s+(?:(?:and|&|of|upon|on)\s+)?){1,3}\Z")
_WORD_RE = re.compile(r"\S+")


def _place_works_services(body: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Named local services "<place> Works" ("Angus Works keyworkers", "our Sunderland Works team"): the
    words before a capitalised "Works" end with a UK place's name (``place_names``), so "Public Works" or
    "How It Works" are not schemes."""
    out: list[dict[str, Any]] = []
    taken = [(r["span_start"], r["span_end"]) for r in rows]
    places = place_names()
    for i in find_all(body, ("Works",)):
        end = i + len("Works")
        if i == 0 or not body[i - 1].isspace() or (end < len(body) and (body[end].isalnum() or body[end] in "-_")):
            continue
        before = _WORDS_BEFORE_WORKS.search(body, max(0, i - 60), i)
        if before is None:
            continue
        word_starts = [(w.start(), w.group()) for w in _WORD_RE.finditer(body, before.start(), i)]
        words = [w for _, w in word_starts]
        # the longest run of the last words that is a place ("Greater Manchester", not "Manchester" alone)
        start = next((word_starts[k][0] for k in range(len(words)) if " ".join(words[k:]) in places), None)
        if start is None or start > 0 and (body[start - 1].isalnum() or body[start - 1] in "-'’"):
            continue
        if any(ts < end and start < te for ts, te in taken):
            continue
        name = " ".join(body[start:end].split())
        out.append({"programme": name, "text": body[start:end], "span_start": start, "span_end": end})
        taken.append((start, end))
    return out


# a name described, right after it, as an employment service: "Step Ahead, the council's employability service",
# "Pathways North, a new back-to-work programme" (not a provider: "..., the employment services company")
_SERVICE_DESCRIPTION = re.compile(
    r",\s+(?:the|its|their|a|an)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:employability|employment|jobs?|back-to-work|"
    r"work\s+and\s+health|health\s+and\s+work|careers?)\s+(?:support\s+|advice\s+)?(?:service|programme|scheme|project)"
    r"(?![\w-])(?!\s+(?:company|provider|firm|organisation|organization|charity|business|contractor|agency))")
_NAME_BEFORE_COMMA = re.compile(r"(?<![\w'\u2019-])[A-Z][\w'\u2019+-]*(?:\s+(?:(?:to|into|for|and|&|of)\s+)?[A-Z][\w'\u2019+-]*){0,3}\Z")
# words opening a sentence that are not part of a name: "In Fife, the council's employability service ..."
_NOT_NAME_OPENING = frozenset("In On At For From With By Across Under Through The This That These Those Its Their "
                              "Our A An And But Meanwhile Since After Before Last Next".split())


def _described_services(body: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Named local schemes the text describes as an employment service right after the name ("Step Ahead,
    the council's employability service"): two to four capitalised words, or one with a work word ("Employ"),
    none of them a place alone, an institution or a generic description."""
    out: list[dict[str, Any]] = []
    taken = [(r["span_start"], r["span_end"]) for r in rows]
    places = place_names()
    for m in _SERVICE_DESCRIPTION.finditer(body):
        name_m = _NAME_BEFORE_COMMA.search(body, max(0, m.start() - 60), m.start())
        if name_m is None:
            continue
        start, words = name_m.start(), name_m.group().split()
        while words and words[0] in _NOT_NAME_OPENING:
            start = body.index(words[1], start + len(words[0])) if len(words) > 1 else m.start()
            words = words[1:]
        name = " ".join(words)
        if not words or name in places or any(w in _NOT_LOCAL_SCHEME for w in words) \
                or (len(words) < 2 and not any(w in _SCHEME_WORDS for w in words)) \
                or all(w in _GENERIC_SCHEME_WORDS for w in words) \
                or any(ts < m.start() and start < te for ts, te in taken):
            continue
        out.append({"programme": name, "text": body[start:m.start()], "span_start": start, "span_end": m.start()})
        taken.append((start, m.start()))
    return out
