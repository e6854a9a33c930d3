"""Real people named in an article body, with their role and organisation when stated.

**One row per mention** (every time a person is named), in text order:
``{name, role, organisation, text, span_start, span_end}``:

- ``name``: the full name, resolved across the article (``Stride`` after ``Mel Stride`` is
  ``Mel Stride``; ``Stride and Atkins told`` gives two rows); honorifics are dropped
  (``Professor Dame Carol Black`` -> ``Carol Black``) unless only a surname is known (``Dr Smith``);
- ``role``: the job title as written, e.g. ``work and pensions secretary``, ``NHS chief executive``,
  ``Head of policy and practice``; the same for every mention of the person (None when never stated);
- ``organisation``: canonical name of the employer when stated (``Matthew Taylor, chief executive of
  the NHS Confederation`` -> ``NHS Confederation``), else None; the organisation is kept apart from
  the role (``DWP minister X`` -> role ``minister``, organisation ``Department for Work and
  Pensions``; ``Halton Council leader X`` -> role ``leader``);
- ``text`` == ``body[span_start:span_end]``: the name as written at that mention.

No NER model: capitalised name patterns must be anchored by a cue -- a role just before or after
(``health secretary Victoria Atkins``, ``Pat McFadden, secretary of state for ...``, ``The shadow
employment minister, Alison McGovern,``), an honorific (Dr, Professor, Sir, Baroness...), a speech
verb (``said``, ``added``, ``told``...), ``according to`` -- or start with a given name from
``reference/first_names.csv``. Names of organisations, places, programmes and months are filtered
out (``Health Secretary``, ``The Times``, ``NHS England``, ``Jobcentre Plus`` are not people).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from healthwork.extract import organisations
from healthwork.extract.text import phrase_trie
from healthwork.reference import first_names, load_csv, place_names

Row = dict[str, Any]

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
# A name word: Mel, McFadden, MacDonald, O'Brien, DeSantis, Smith-Jones, Zoë.
_TOK = rf"[{_UP}](?:[{_LOW}]+|['’][{_UP}][{_LOW}]+)(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}]+)?"
_TITLES = (
    "Dr", "Doctor", "Professor", "Prof", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Mr", "Mrs",
    "Ms", "Miss", "Mx", "Cllr", "Councillor", "Rev", "Reverend", "Canon", "Judge", "Dean",
)

# patterns used per candidate name: compiled once (re's own cache is evicted by the per-article patterns)
_CAP_WORD_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*) $")
_CAP_WORD_AFTER_RE = re.compile(r" ([A-Z][\w'’-]*)")
_TITLE_BEFORE_RE = re.compile(r"(?:^|[^\w])((?:" + "|".join(_TITLES) + r")\.? )$")
_ARTICLE_OR_END_RE = re.compile(r"^(?:The|the|a|an)(?: |$)")
_LEADING_ARTICLE_RE = re.compile(r"^(?:The|the|a|an) ")
_NEXT_WORD_RE = re.compile(r"[’']?s? ?,? ?(\w+)")
_TITLE = "(?:" + "|".join(_TITLES) + r")\.?"


def _whole_word_hits(text: str, words: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of every whole-word occurrence of ``words`` in ``text``, in text order.

    Literal ``str.find`` scans: compiling a regex of each article's surnames cost more than the rest
    of the person extraction."""
    hits: list[tuple[int, int, str]] = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i >= 0:
            j = i + len(w)
            before_ok = i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'’-")
            after_ok = j >= n or not (text[j].isalnum() or text[j] in "_-")
            if before_ok and after_ok:
                hits.append((i, j, w))
            i = text.find(w, i + 1)
    hits.sort()
    return hits


_PARTICLE = r"(?:de|da|di|du|van|von|der|den|le|la|bin|al|el|ter|van der|van de|de la)"
_SEP = rf"(?: (?:[{_UP}]\. )?(?:{_PARTICLE} )?)"
# A capitalised run of at least two name words, or one after an honorific ("Dr Smith").
_RUN_RE = re.compile(
    rf"(?=[{_UP}])(?<![\w'’-])((?:(?:{_TITLE}|Rt\.? Hon\.?) )+)?({_TOK}(?(1)(?:{_SEP}{_TOK}){{0,5}}|(?:{_SEP}{_TOK}){{1,5}}))(?![\w-])"
)
_TOKEN_RE = re.compile(rf"{_TOK}|(?<= )(?:{_PARTICLE})(?= )|[{_UP}]\.")

SPEECH_VERBS: frozenset[str] = frozenset(
    """
    said says say added adds told tells explained explains commented comments warned warns stated states
    noted notes argued argues claimed claims insisted insists admitted admits revealed reveals announced
    announces wrote writes continued continues remarked remarks responded responds replied replies
    acknowledged acknowledges emphasised emphasises stressed stresses suggested suggests urged urges
    believes believed thinks thought welcomed welcomes highlighted highlights concluded concludes
    recalled recalls confirmed confirms described describes predicted predicts cautioned cautions
    agreed agrees explained explaining saying adding telling
    conceded concedes joked jokes complained complains countered counters answered answers
    """.split()
)

# Words that are never part of a person's name: organisation/place/programme/date vocabulary.
_NOT_NAME: frozenset[str] = frozenset(
    """
    Hub Alliance Trust Council Foundation University College Service Services Group Partnership Board
    Authority Committee Office Agency Commission Centre Center Programme Program Scheme Plan Act Strategy
    Review Report Survey Index Fund Award Awards Day Week Month Year Street Road Lane Avenue Square
    Hospital Hospitals Clinic Clinics Surgery Practice Times Today News Post Mail Guardian Telegraph
    Journal Magazine Gazette Echo Herald Observer Independent Plus Network Forum Union Institute Society
    Association Federation Confederation Vanguard Pathways Working Britain British England English Wales
    Welsh Scotland Scottish Ireland Irish Kingdom Government Parliament Ministry Department Health Care
    Social Mental National Royal Northern Southern Eastern Western North South East West Central Greater
    Upper Lower Elective Diabetes Prevention Type Employment Pensions Jobcentre Universal Credit Statutory
    Sick Pay Accelerator Accelerators Growth Labour Conservative Conservatives Tory Tories Liberal
    Democrats Democrat Reform Party Brexit Covid Coronavirus Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Christmas Easter Budget Spending Autumn Spring Summer Winter Statement Paper Bank Treasury
    Cabinet Home Foreign Justice Defence Education Business Trade Energy Transport Digital Data Research
    Medical Medicine Nursing Nurses Doctors Occupational Therapists Therapy Workers Work Jobs Pension
    Insurance Benefits Benefit Allowance Disability Support Plus Group Limited Ltd Holdings Partners
    Capital Economics Consulting Solutions Systems Technologies Media Press Radio Television Online
    Robotics Equities Securities Institutional Directorate Chronicle Presse Facts Ventures Labs Motors
    Airlines Airways Tribune Bulletin Productions Records Studios Entertainment Pictures Films Stores
    Brands Foods Pharmaceuticals Pharma Therapeutics Mission United Nations States America American
    Republic Federal Agence Fact
    Well Wellbeing Fit Note Notes Connect Get Back Return Employer Employers Employees Staff Team
    Patients Patient Public Private Local Regional County City Borough District Metropolitan Mayoral
    Combined Integrated Sector Industry Economy Market Labour Markets Commons Lords House Select
    Secretary Minister Chief Executive Director Officer Chair Chairman President Leader Manager Head
    Shadow Deputy State Prime Chancellor Mayor Commissioner Spokesperson Spokesman Spokeswoman
    Summit Conference Congress Convention Expo Exhibition Festival Fair Show Awards Ceremony Symposium
    Seminar Webinar Workshop Roundtable Inquiry Investment Campaign Challenge Initiative Project Pilot
    """.split()
)

_ROLE_CAP_WORDS: frozenset[str] = frozenset(
    """
    Secretary Minister Chancellor Mayor Executive Officer Director Chair Chairman Chairwoman Chairperson
    President Leader Commissioner Councillor Spokesperson Spokesman Spokeswoman Head Lead Manager Founder
    Editor Correspondent Governor Principal MP MPs MSP MEP Ambassador Chief Deputy Shadow Premier Tsar
    Economist Analyst Partner Adviser Advisor Consultant Nurse Officer Inspector Registrar Controller
    Envoy Campaigner Trustee Boss CEO Treasurer Coordinator Co-ordinator Superintendent Matron Midwife
    Pharmacist Dentist Paramedic Professor Lecturer Fellow Researcher Scientist Specialist Practitioner
    Administrator Owner Representative Official Solicitor Barrister Lawyer Clinician Director-General
    Employee Worker Resident Patient Student Teacher Driver Witness Volunteer Carer
    """.split()
)
# capitalised only because they open a sentence or a question: never part of a name
_LEAD_STRIP: frozenset[str] = frozenset(
    """
    Although Though Would Could Should Can Cannot Did Does Do Has Have Had Is Was Were Are Because
    Asked Once Unless Whereas Perhaps Maybe Indeed Still Already Again Ever Never Why Let
    """.split()
)

_BACK_STOP: frozenset[str] = frozenset(
    """
    the a an by to from with said says told tells according that which who whom whose as in on at while
    when also has have had is was were are be been being will would could should can may might must
    its their his her our my your after before since during including include includes included led
    says added says than then but or nor not if so such both either neither via per into onto upon
    about against among amongst between through across over under toward towards like unlike
    briefing interview statement report letter told asked
    """.split()
)
_VERB_ALT = phrase_trie(SPEECH_VERBS)  # the verbs longest first, as a trie (the same matches, faster)
# the name is the object of "told" or of a preposition: "told Agence France-Presse", "said in a
# statement to Rolling Stone" (the listener, usually an outlet) -- but "according to X" is a source
_OBJECT_BEFORE_RE = re.compile(r"(?<![\w-])(?:told|tells|telling|to|in|with|from|at|on|for|of|by|and|into|that)\s$")
_ACCORDING_BEFORE_RE = re.compile(r"\baccording to\s$")
_SPEECH_BEFORE_RE = re.compile(rf"\b(?:{_VERB_ALT}|according to|told by|asked)(?: [a-z][a-z-]*){{0,5}} $")
_APPOSITION_SPEECH_RE = re.compile(
    rf", (?:who|whose|one of|a|an|aged \d{{1,3}}|\d{{1,3}}(?=,| from| of))\b[^.;:\"“”\n]{{0,100}}?, (?:{_VERB_ALT})\b")
# a capitalised word (not after another word and a space, nor after a letter) before a speech verb: "Lopez
# said". The lookbehinds sit after the first letter (one character wider) so that the pattern opens with a
# character class, which lets the regex engine skip ahead to the next capital letter instead of trying
# every position.
_SURNAME_SPEECH_RE = re.compile(
    rf"([{_UP}](?<![\w'’-][ ].)(?<![A-Z].)(?<!\w.)[{_LOW}]+(?:[{_UP}][{_LOW}]+)?) (?:{_VERB_ALT})\b")
# a person described by the group they belong to, then named: "one of our first participants, Jade Cowie,"
# "a single mum, Amy Hart." (the name must start with a known given name, even one that is also a word)
_GROUP_APPOSITION_BEFORE_RE = re.compile(
    r"\b(?:participants?|residents?|clients?|customers?|patients?|workers?|jobseekers?|claimants?|learners?|"
    r"apprentices?|students?|graduates?|trainees?|carers?|volunteers?|users?|mum|mother|dad|father|woman|man|"
    r"parent|pensioner|veteran|mentee|tenant|beneficiar(?:y|ies)|members?), $")
_ROLE_SPLIT_RE = re.compile(r"^(.*?)(?:,? (?:at|of|for|with) (?:the )?)$")
_POST_END_RE = re.compile(r"[,.;:!?\n“”\"‘(]| (?:" + "|".join(sorted(SPEECH_VERBS)) + r")\b| who\b")


@cache
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    ambiguous = frozenset(r["name"] for r in load_csv("first_names") if r.get("ambiguous"))
    return first_names(), ambiguous


@cache
def _reference_names() -> frozenset[str]:
    """Lower-cased names and aliases of every programme, organisation and place: never a person."""
    out: set[str] = set()
    for r in load_csv("programmes"):
        out.update((r.get("programme", ""), r.get("alias", "")))
    for r in load_csv("organisations"):
        out.add(r.get("name", ""))
        out.update(r.get("aliases", "").split("|"))
    for r in load_csv("places") + load_csv("uk_towns"):
        out.add(r.get("name", ""))
        out.update(r.get("aliases", "").split("|"))
    names = {" ".join(n.split()).lower() for n in out if n.strip()}
    # with their leading runs of two or more words: "Individual Placement" (and Support)
    prefixes = {" ".join(w[:k]) for n in names for w in [n.split()] for k in range(2, len(w))}
    return frozenset(names | prefixes)


def _is_reference_name(name: str) -> bool:
    """``Youth Guarantee``, ``Individual Placement`` (a programme's leading words), ``Greater Manchester``."""
    return name.lower() in _reference_names()


@dataclass
class _Person:
    name: str
    tokens: tuple[str, ...]
    role: str | None = None
    organisation: str | None = None
    mentions: list[tuple[int, int]] = field(default_factory=list)


_POSS_RE = re.compile(r"['’]s?$")


def _bare(w: str) -> str:
    """A word lowercased, without surrounding punctuation or a possessive 's."""
    return _POSS_RE.sub("", w.strip(",.;:()“”\"‘")).lower()


def _tokens(s: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _TOKEN_RE.finditer(s)]


_BACK_TOKEN_RE = re.compile(r"([A-Za-z][A-Za-z'’&-]*)([^A-Za-z]*)")


# what ends a clause: a line break, a semicolon, a colon or a quote mark, or a
# sentence stop followed by a space
_BOUNDARY_CHARS = "\n;:“”\"‘"
_BOUNDARY_STOPS = (". ", "! ", "? ")


def _sentence_start(body: str, pos: int) -> int:
    """Start of the clause containing ``pos`` (after the last sentence/quote boundary, 400 chars at most).

    The last boundary before ``pos``, found with a few backward ``str.rfind`` scans (a forward
    regex scan of the 400 characters cost more than the rest of the role search). A stop counts only with
    its space before ``pos``."""
    lo = max(0, pos - 400)
    last = max(max(body.rfind(c, lo, pos) for c in _BOUNDARY_CHARS),
               max(body.rfind(stop, lo, pos) for stop in _BOUNDARY_STOPS))
    return last + 1 if last >= 0 else lo


_WORD_AFTER_SPACE_RE = re.compile(r"(?<= )[A-Za-z]")


def _last_back_tokens(body: str, limit: int, end: int, count: int) -> list[re.Match[str]]:
    """The last ``count`` tokens (``_BACK_TOKEN_RE``) of ``body[limit:end]``, as a scan from ``limit`` finds them.

    The scan starts at a word after a space a short way before ``end`` (a space is never inside a
    token's word, so a token starts there in the scan from ``limit`` too); only when that window holds
    fewer than ``count`` tokens is the whole stretch from ``limit`` scanned (tokenising the whole clause
    for every candidate name cost more than the rest of the role search)."""
    near = max(limit, end - 12 * count)
    if near > limit:
        word = _WORD_AFTER_SPACE_RE.search(body, near, end)
        if word:
            toks = list(_BACK_TOKEN_RE.finditer(body, word.start(), end))
            if len(toks) >= count:
                return toks[-count:]
    return list(_BACK_TOKEN_RE.finditer(body, limit, end))[-count:]


def _role_before(body: str, start: int, person_spans: list[tuple[int, int]]) -> tuple[str | None, int]:
    """Role words just before a name: "work and pensions secretary Mel Stride". Returns (role, role_start)."""
    limit = _sentence_start(body, start)
    words: list[tuple[str, int]] = []
    for m in reversed(_last_back_tokens(body, limit, start, 12)):
        if m.group(2) != " ":
            break  # punctuation (a comma) ends the role
        w = m.group(1)
        ws = m.start(1)
        if w.lower() in _BACK_STOP:
            break
        if any(s <= ws < e for s, e in person_spans):
            break
        if w[0].isupper() and not w.isupper() and ws != limit and _POSS_RE.sub("", w) not in _ROLE_CAP_WORDS:
            # a capitalised word mid-sentence that is not a role word ("Government's", a name)
            if body[limit:ws].strip():
                break
        words.append((w, ws))
    if not words:
        return None, start
    if words[0][0].lower() in {"of", "at", "for", "from", "with", "and", "&"}:
        return None, start  # "editor of Marketplace Tech": what follows is an organisation, not a person
    words.reverse()
    while words and words[0][0].lower() in {"and", "of", "for", "&"}:
        words.pop(0)
    if not words or not any(is_role_word(w) for w, _ in words):
        return None, start
    rs = words[0][1]
    return body[rs:start].strip(), rs


def is_role_word(w: str) -> bool:
    """A job-title head word: the ROLE_HEADS lexicon, or a profession noun (geologist, physician)."""
    w = _bare(w)
    return w in organisations.ROLE_HEADS or (len(w) > 6 and w.endswith(("ologist", "ist", "ician")))


def _role_clause_before(body: str, start: int) -> str | None:
    """"The shadow employment minister, Alison McGovern," -> the clause before the comma."""
    j = start
    while j > 0 and body[j - 1] == " ":
        j -= 1
    if j == 0 or body[j - 1] != ",":
        return None
    cs = _sentence_start(body, j - 1)
    clause = body[cs : j - 1].strip()
    words = clause.split()
    if not words or len(words) > 16:
        return None
    if not any(is_role_word(w) for w in words[:6]):
        return None
    if any(w.lower() in SPEECH_VERBS for w in words):
        return None
    return clause


_PORTFOLIO_HEAD_RE = re.compile(r"\b(?:Minister|Secretary|Cabinet Secretary|Commissioner)(?: of State)? for [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*$")
_PORTFOLIO_TAIL_RE = re.compile(r"(?:, [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*)*,? (?:and|&) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*(?=,)")


def _role_after(body: str, end: int) -> str | None:
    """", chief executive of the NHS Confederation said" -> "chief executive of the NHS Confederation"."""
    if not body.startswith(", ", end):
        return None
    s = end + 2
    m = _POST_END_RE.search(body, s, min(len(body), s + 160))
    e = m.start() if m else min(len(body), s + 160)
    if _PORTFOLIO_HEAD_RE.search(body, s, e):
        # a minister's portfolio runs over commas: "Minister for Culture, Skills and Social Partnership"
        pm = _PORTFOLIO_TAIL_RE.match(body, e)
        if pm:
            e = pm.end()
    phrase = body[s:e].strip()
    words = phrase.split()
    if not words or len(words) > 16:
        return None
    # an appositive with an article: ", the company's chief operating officer", ", a research fellow"
    art = 1 if words[0].lower() in {"the", "a", "an"} and len(words) > 1 else 0
    if art == 0 and (words[0].lower() in _BACK_STOP or words[0].lower() in {"also", "who", "which", "and", "but"}):
        return None
    if not any(is_role_word(w) for w in words[art : art + 6 if art else 5]):
        return None
    return phrase


_ROLE_FOR_RE = re.compile(
    r"(?:^|(?<=[\s(]))((?:[A-Z][\w'’-]*\s+)*?(?:[A-Z][\w'’-]*)(?:\s+of\s+State)?\s+(?:for|of)\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’-]*\s+(?:and|&)\s+)?)$")


_CAP_AND_BEFORE_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z][\w'’-]* (?:and|&) $")


def _role_for_before(body: str, dept_start: int, dept_end: int) -> str | None:
    """"Minister for Employment" before a name: the role words ending in department words."""
    m = _ROLE_FOR_RE.search(body, max(_sentence_start(body, dept_start), dept_start - 60), dept_start)
    if not m:
        return None
    words = m.group(1).split()
    if not any(w in _ROLE_CAP_WORDS for w in words):
        return None
    return body[m.start(1) : dept_end]


_ROLE_LEAD_RE = re.compile(
    r"^(?:(?:as|when|while|whilst|although|though|after|before|since|because|if|and|but)\s+"
    r"(?:(?:a|an|the)\s+)?)+(?=\S)", re.IGNORECASE)


def _split_role_org(phrase: str, phrase_start: int, org_rows: list[Row]) -> tuple[str, str | None]:
    """"head of health and protection at Broadstone" -> ("head of health and protection", "Broadstone")."""
    role, org = _split_role_org_raw(phrase, phrase_start, org_rows)
    # "As a lung biologist", "When Afghan President": the opening conjunction is not the role
    m = _ROLE_LEAD_RE.match(role)
    if m:
        role = role[m.end():]
    return role, org


_POSSESSIVE_LEAD_RE = re.compile(r"^['’]s?\b")


def _split_role_org_raw(phrase: str, phrase_start: int, org_rows: list[Row]) -> tuple[str, str | None]:
    pe = phrase_start + len(phrase)
    for o in org_rows:
        if phrase_start <= o["span_start"] and o["span_end"] <= pe:
            before = phrase[: o["span_start"] - phrase_start]
            m = _ROLE_SPLIT_RE.match(before)
            role = (m.group(1) if m else before).strip().rstrip(",")
            role = _ARTICLE_OR_END_RE.sub("", role)
            if role:
                return role, o["name"]
            # the organisation opens the phrase: "DWP minister", "the Welsh Government's Minister for X"
            after = _POSSESSIVE_LEAD_RE.sub("", phrase[o["span_end"] - phrase_start :]).strip(" ,")
            if after and any(is_role_word(w) for w in after.split()):
                return after, o["name"]
            return _LEADING_ARTICLE_RE.sub("", phrase.strip()), o["name"]
    role = _LEADING_ARTICLE_RE.sub("", phrase.strip())
    return role, None


def _org_ending_at(org_rows: list[Row], body: str, pos: int) -> str | None:
    """The organisation whose name ends right before ``pos`` ("Newham Council leader ...", "DWP's ...")."""
    for o in org_rows:
        gap = body[o["span_end"] : pos]
        if gap in (" ", "'s ", "’s ", "' ", "’ "):
            return str(o["name"])
    return None


def _after_the(body: str, name: str) -> bool:
    """Whether ``name`` is written right after "the" anywhere in ``body``."""
    for art in ("the ", "The "):
        i = body.find(art + name)
        while i >= 0:
            j = i + len(art) + len(name)
            if (i == 0 or not body[i - 1].isalnum()) and (j >= len(body) or not (body[j].isalnum() or body[j] == "-")):
                return True
            i = body.find(art + name, i + 1)
    return False


# words of _NOT_NAME that are also common surnames: allowed last after a given name ("Theresa May")
_SURNAME_WORDS: frozenset[str] = frozenset("May Street Lane Day West North Post Hall".split())


def _is_plausible_name(toks: list[str], places: frozenset[str], speaks: bool = False) -> bool:
    if not toks or len(toks) > 4:
        return False
    first_names, ambiguous = _first_names()
    for i, t in enumerate(toks):
        if i == len(toks) - 1 and i > 0 and t in _SURNAME_WORDS and toks[0] in first_names \
                and toks[0] not in ambiguous:
            continue
        if t in _NOT_NAME or t in organisations.STOP_CAPS:
            return False
    full = " ".join(toks)
    if full in places or toks[0] in places:
        return False
    if toks[0] not in first_names and any(t in places for t in toks[1:]) \
            and not (speaks and len(toks) == 2 and toks[0] not in _NOT_AREA_OPENERS):
        return False  # "Visiting Leeds", "Across Wales": a place, not a surname, after an unknown word
    return True  # ... unless the pair speaks: "Mia Hart said", "Zara Preston told"


#: Capitalised words that open a place's phrase, never a first name ("Greater Preston", "Rural Bath").
_NOT_AREA_OPENERS = frozenset("""Greater Central Inner Outer Rural Urban Coastal North South East West Mid Upper Lower
    Old New Royal Great Little City County Borough Metropolitan Visiting Across Outside Inside Around Near""".split())


#: Capitalised nouns that describe the person named after them ("Participant Tom Beale").
_DESCRIBING_NOUNS = frozenset("""Participant Jobseeker Claimant Patient Resident Volunteer Student Apprentice Worker
    Employee Customer Mum Dad Mother Father Grandmother Grandfather Grandad Gran Nan Carer Parent Pensioner Graduate
    Trainee Client Learner Veteran Widow Widower Mentor Entrepreneur Owner Campaigner Fan Supporter""".split())
_DEMONYM_ENDINGS = ("ian", "ean", "ish", "ese", "can")
#: First names often given as middle names: after an unknown capitalised word they are more likely a middle name.
_COMMON_MIDDLE_NAMES = frozenset("""James John Paul Michael David Lee Ann Anne Marie Louise Elizabeth Jane Mary Rose May
    Lynn Jean Joseph Thomas William Edward Charles Robert Peter Alexander Victoria Grace Claire Louis Francis""".split())


def _is_describing_word(word: str, next_name: str, first_names: frozenset[str]) -> bool:
    """A word before "<first name> <surname>" that describes the person: a describing noun, a hyphenated
    description ("Mum-of-two", "42-year-old"), a nationality ("Australian"), or any other word that is not a
    known first name when the name after it is not a usual middle name; never a known first name."""
    if word in first_names or word.endswith("."):
        return False
    if word in _DESCRIBING_NOUNS or ("-" in word and word.split("-")[0] not in first_names) \
            or (len(word) > 5 and word.endswith(_DEMONYM_ENDINGS)):
        return True
    # any other word, unless the first name after it is one often given as a middle name ("Ronnie James Dio")
    return next_name not in _COMMON_MIDDLE_NAMES


_ONE_OF_WORDS_RE = re.compile(r"[a-z][a-z-]*")


# words of an apposition that describe a person: ", a mother of two, said", ", a former nurse from Hull, said"
_PERSON_WORDS = frozenset(
    """mother father mum dad grandmother grandfather grandmum grandad
    woman man parent carer widow widower pensioner veteran resident participant jobseeker claimant patient volunteer
    student graduate apprentice trainee learner tenant customer client user member daughter son wife husband sister
    brother worker nurse teacher cleaner driver chef cook builder engineer mechanic labourer shopkeeper""".split())


def _apposition_describes_a_person(text: str) -> bool:
    """", one of the trust's work coaches, said": a "one of" apposition names a person only with a role
    noun in it ("Acme, one of the biggest firms, said" is a company); so does ", a mother of two, said" (a person's
    word or a role: "Acme, a Leeds firm, said" is a company)."""
    if text.startswith((", a ", ", an ")):
        # "mother-of-three", "dad-of-two": the word before "-of-"
        return any(w.lower().split("-of-")[0] in _PERSON_WORDS or is_role_word(w) for w in _ONE_OF_WORDS_RE.findall(text))
    if not text.startswith(", one of"):
        return True
    return any(is_role_word(w) or is_role_word(w.removesuffix("s")) or is_role_word(w.removesuffix("es"))
               for w in _ONE_OF_WORDS_RE.findall(text))


def _find_people(body: str, org_rows: list[Row], programme_rows: list[Row]
                 ) -> list[tuple[int, int, str, str | None, str | None]]:
    """(start, end, name, role, organisation) of every person mention, in text order."""
    work = organisations.normalise_spaces(body)
    org_spans = [(o["span_start"], o["span_end"]) for o in org_rows]
    # programme mentions ("Individual Placement and Support") are never people either
    org_spans += [(r["span_start"], r["span_end"]) for r in programme_rows]
    places = place_names()
    first_names, ambiguous = _first_names()

    persons: dict[str, _Person] = {}
    order: list[_Person] = []
    full_spans: list[tuple[int, int]] = []
    titled_single: list[tuple[int, int, str, str]] = []  # (start, end, title, surname)

    # surnames used alone as speakers ("Lopez said"): evidence for the full name found elsewhere
    speech_surnames = {m.group(1) for m in _SURNAME_SPEECH_RE.finditer(work)}
    for m in _RUN_RE.finditer(work):
        titles = [t for t in (m.group(1) or "").split() if t.rstrip(".") not in {"Rt", "Hon"}]
        run_s = m.start(2)
        toks = _tokens(m.group(2))
        # strip leading words up to the last capitalised role word: "Health Secretary Wes Streeting"
        cap_role_end = None
        k = 0
        for idx, (t, _, _) in enumerate(toks):
            if t in _ROLE_CAP_WORDS or t in organisations.STOP_CAPS or t in _LEAD_STRIP:
                k = idx + 1
                if t in _ROLE_CAP_WORDS:
                    cap_role_end = idx
        # leading department words ending a role: "Minister for Employment Alison McGovern",
        # "Secretary of State for Work and Pensions Liz Kendall"
        dept_start = k
        while k < len(toks) - 2:
            # a place opening the run: "Mayor of Greater Manchester Andy Burnham", "Mayor of South
            # Yorkshire Oliver Coppard" (tried before the single-word skip, so "South" does not split it)
            j = next((j for j in range(len(toks) - 2, k, -1)
                      if " ".join(t for t, _, _ in toks[k:j]) in places), 0)
            if j:
                k = j
                continue
            if toks[k][0] in _NOT_NAME:
                k += 1
                continue
            break
        dept_end = run_s + toks[k - 1][2] if k > dept_start else None
        # a describing word before a first name and surname: "Participant Tom Beale", "Mum-of-two Jade Kerr",
        # "Australian Tim Weeks" (not a first name we do not know: "Ronnie James Dio")
        if len(toks) - k >= 3 and toks[k + 1][0] in first_names and toks[k + 1][0] not in ambiguous \
                and _is_describing_word(toks[k][0], toks[k + 1][0], first_names):
            k += 1
        name_toks = toks[k:]
        if not name_toks:
            continue
        ns = run_s + name_toks[0][1]
        ne = run_s + name_toks[-1][2]
        if k > 0:
            titles = []  # titles belonged to the role words, e.g. "Dr" before "Chief Executive"
        # inside an organisation's name ("Joseph Rowntree Foundation")?
        if any(os <= ns < oe or os < ne <= oe for os, oe in org_spans):
            continue
        words = [t for t, _, _ in name_toks if not t.endswith(".")]
        if len(words) == 1:
            if titles:
                titled_single.append((m.start(1) if m.group(1) else ns, ne, titles[0].rstrip("."), words[0]))
            continue
        nxt = _NEXT_WORD_RE.match(work[ne : ne + 30])
        speech_after = bool(nxt and nxt.group(1).lower() in SPEECH_VERBS)
        if not _is_plausible_name(words, places, speech_after and work[ne:ne + 1] == " ") \
                or _is_reference_name(" ".join(words)):
            continue
        # evidence that this is a person
        before_role, _ = _role_before(work, m.start(1) if m.group(1) else ns, full_spans)
        clause = _role_clause_before(work, m.start(1) if m.group(1) else ns)
        after = _role_after(work, ne)
        speech_before = bool(_SPEECH_BEFORE_RE.search(work, max(0, ns - 60), ns))
        # "Rhodri Price, who runs the service, said", "Ann Lee, 54, from Hull, told": the speaker
        # before a relative clause or an age
        apposition = _APPOSITION_SPEECH_RE.match(work, ne)
        speech_after = speech_after or bool(apposition and _apposition_describes_a_person(apposition.group(0)))
        first_ok = words[0] in first_names and words[0] not in ambiguous
        if dept_end is not None and cap_role_end is None:
            cap_role_end = -1 if _role_for_before(work, run_s + toks[dept_start][1], dept_end) else None
        cue = bool(titles) or cap_role_end is not None or before_role or clause or after or words[-1] in speech_surnames \
            or (len(words) >= 2 and words[0] in first_names and work[ne:ne + 1] in (",", ".")
                and bool(_GROUP_APPOSITION_BEFORE_RE.search(work, max(0, ns - 30), ns)))
        known_first = words[0] in first_names
        if not (cue or first_ok or (speech_after and (known_first or len(words) >= 2))
                or (speech_before and (known_first or not _OBJECT_BEFORE_RE.search(work, max(0, ns - 10), ns)
                                       or _ACCORDING_BEFORE_RE.search(work, max(0, ns - 15), ns)))):
            continue
        name = " ".join(words)
        if not titles and _after_the(work, name):
            continue  # "the San Francisco Chronicle", "the United States": a thing, not a person
        role: str | None = None
        org: str | None = None
        dept_role = _role_for_before(work, run_s + toks[dept_start][1], dept_end) if dept_end else None
        if dept_role:
            role, org = _split_role_org(dept_role, dept_end - len(dept_role), org_rows)
        elif cap_role_end is not None:
            rs = run_s + toks[0][1]
            re_ = run_s + toks[cap_role_end][2]
            back, bstart = _role_before(work, rs, full_spans)
            if not back:
                am = _CAP_AND_BEFORE_RE.search(work, max(0, rs - 40), rs)
                if am and not any(ps <= am.start() < pe for ps, pe in full_spans):
                    rs = am.start()  # "Work and Pensions Secretary Liz Kendall"
            role = work[bstart if back else rs : re_]
            role, org = _split_role_org(role, bstart if back else rs, org_rows)
        elif before_role:
            role_start = ns - len(before_role) - 1
            role, org = _split_role_org(before_role, role_start, org_rows)
            if org is None:
                org = _org_ending_at(org_rows, work, role_start)
        elif after:
            role, org = _split_role_org(after, ne + 2, org_rows)
        elif clause:
            cs = work.rfind(clause, 0, ns)
            role, org = _split_role_org(clause, cs, org_rows)
        p = persons.get(name)
        if p is None:
            p = _Person(name, tuple(words))
            persons[name] = p
        if p.role is None and role:
            p.role = role
        if p.organisation is None and org:
            p.organisation = org
        p.mentions.append((ns, ne))
        full_spans.append((ns, ne))
        order.append(p)

    # titled surnames with no full name: "Dr Smith"
    for s, e, title, surname in titled_single:
        if any(fs <= s < fe for fs, fe in full_spans):
            continue
        known = [p for p in persons.values() if p.tokens[-1] == surname]
        if known:
            continue  # resolved below as a surname mention
        name = f"{title} {surname}"
        p = persons.setdefault(name, _Person(name, (surname,)))
        p.mentions.append((s, e))
        full_spans.append((s, e))

    # surname (or given name) mentions resolved to the full name: "Stride and Atkins told"
    if persons:
        by_last: dict[str, list[_Person]] = {}
        for p in persons.values():
            if len(p.tokens) >= 2:
                by_last.setdefault(p.tokens[-1], []).append(p)
        if by_last:
            for s, e, surname in _whole_word_hits(work, list(by_last)):
                if any(fs <= s < fe for fs, fe in full_spans):
                    continue
                if any(os <= s < oe for os, oe in org_spans):
                    continue
                # glued to another capitalised word -> part of another name ("Taylor Review")
                pm = _CAP_WORD_BEFORE_RE.search(work[max(0, s - 30) : s])
                if pm and pm.group(1) not in organisations.STOP_CAPS and pm.group(1).rstrip(".") not in _TITLES:
                    continue
                nm = _CAP_WORD_AFTER_RE.match(work[e : e + 30])
                if nm and nm.group(1) not in organisations.STOP_CAPS:
                    continue
                cands = by_last[surname]
                best = None
                for p in cands:
                    if p.mentions and p.mentions[0][0] < s:
                        if best is None or p.mentions[0][0] > best.mentions[0][0]:
                            best = p
                best = best or cands[0]
                ts = s
                tm = _TITLE_BEFORE_RE.search(work[max(0, s - 15) : s])
                if tm:
                    ts = s - len(tm.group(1))
                best.mentions.append((ts, e))

    out: list[tuple[int, int, str, str | None, str | None]] = []
    for p in persons.values():
        for s, e in p.mentions:
            out.append((s, e, p.name, p.role, p.organisation))
    out.sort()
    return out


def extract(body: str, *, organisation_mentions: list[Row], programme_mentions: list[Row]) -> list[Row]:
    """Person mentions of ``body`` (one row per mention, names resolved), in text order.

    ``organisation_mentions`` and ``programme_mentions`` are the rows of ``organisations.extract`` and
    ``programmes.extract`` for the same body: their spans are never people, and an organisation
    inside a role phrase is the person's employer."""
    if not body:
        return []
    return [
        {"name": n, "role": r, "organisation": o, "text": body[s:e], "span_start": s, "span_end": e}
        for s, e, n, r, o in _find_people(body, organisation_mentions, programme_mentions)
    ]
