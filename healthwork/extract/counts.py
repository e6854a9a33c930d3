"""Counts of people stated in an article body ("250,000 people", "up to 1.1 million patients").

Rows, in body order::

    {value, qualifier, raw_text, text, what, per, span_start, span_end}

- ``value``: the number as a float (``2.8m`` -> 2800000.0, ``half a million`` -> 500000.0);
- ``qualifier``: ``exact`` | ``up_to`` | ``more_than`` | ``about``, from the words before the
  number (same vocabulary as ``money``: "Some 37,000" and "almost 2,000" are ``about``);
- ``what``: the counted noun phrase with its modifiers ("people", "young people",
  "economically inactive people"); "more/extra/additional" are left out;
- ``per``: ``day``/``week``/``month``/``year`` for a rate ("100 patients a day"), else None;
- ``raw_text`` = ``text`` = ``body[span_start:span_end]``: qualifier, number, modifiers, noun
  and rate as written ("Up to 250,000 more people", "100 patients a day").

Only people are counted: the noun must be one of ``PEOPLE_NOUNS`` (people, patients, workers,
claimants, residents, adults, employees, participants, individuals, jobseekers, ...), reached
from the number through at most four modifier words that are neither function words nor
plural nouns (``and``/``or`` allowed inside: "20,000 sick and disabled people") ("20 locations", "15 areas that ... 25,000 people" are not counts). Money,
percentages ("44% of people", "20 per cent of workers"), ratios ("one in five people",
"1 in 4 adults"), years ("in 2023 people ...", "May 19, 2019 People ...") and numbers that are
part of a name ("Windows 10 users": a capitalised word before the number, mid-sentence) are
not counts. A count never spans a line break.

Changes: a bare number stated as the change of a count just before it ("2.8 million people ...,
up 400,000 since 2019", "a rise of 50,000 on last year") is a count of the same people
(as "800,000 more than in 2019"); a percentage or money change is not.

Shares and comparisons: a bare number after a count, in the same line and with no count of
other things in between, goes on counting its people when it is shared out by place ("10,000
people: 6,000 in Leeds and 4,000 in Bradford"), a part of it ("including 1,500 in the first
year", "of whom 1.2 million ..."), an expected share ("with 1,000 expected to ...") or a
comparison ("up from 1.5 million", "compared with 6,000 last year"). The base of a rate ("per
100,000 people") is not a count.

Ranges and shared nouns: a bare number joined to a count by ``to`` (or ``and`` after
``between``) is a second count of the same noun, on either side: "from around 2,700 patients
to around 700" gives 2700 and 700; "between 500 and 700 people" and "1-2 million people" give
two rows each (a multiplier on the high end only is shared when the low number is smaller).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from decimal import Decimal
from typing import Any

from healthwork.extract.text import find_all, leftmost_non_overlapping, offset_safe_lower, phrase_trie
from healthwork.extract.numbers import (
    MULT, NUM, NUMBER_WORDS, QUALIFIER_WORDS, WORD_NUMBER, alternation, parse_number, qualifier_of, range_low,
)

__all__ = ["extract", "PEOPLE_NOUNS"]

#: nouns (plural, or collective) that count people
PEOPLE_NOUNS: tuple[str, ...] = (
    "people", "persons", "patients", "inpatients", "outpatients", "workers", "claimants", "residents",
    "adults", "children", "kids", "teenagers", "youngsters", "employees", "staff", "participants",
    "individuals", "jobseekers", "job seekers", "job-seekers", "carers", "caregivers", "users",
    "service users", "pupils", "students", "learners", "apprentices", "graduates", "trainees",
    "recruits", "veterans", "women", "men", "boys", "girls", "babies", "parents", "mothers",
    "fathers", "clients", "citizens", "recipients", "applicants", "customers", "volunteers",
    "nurses", "doctors", "GPs", "clinicians", "therapists", "physiotherapists", "midwives",
    "teachers", "pensioners", "over-50s", "over 50s", "under-25s", "NEETs", "Britons", "Brits",
    "sufferers", "survivors", "victims", "migrants", "refugees", "professionals", "practitioners",
    "advisers", "advisors", "coaches", "colleagues", "members", "taxpayers", "unemployed",
    "economically inactive", "jobless", "inhabitants", "voters", "consumers", "visitors", "attendees",
    "starters", "leavers", "beneficiaries", "families", "households", "year-olds", "year olds", "mums", "dads",
    "lone parents", "single parents", "Londoners", "Scots",
    "prisoners", "offenders", "ex-offenders", "rough sleepers", "asylum seekers", "interns", "candidates", "couples",
    "retirees", "locals", "over-60s", "over-65s", "over-16s", "over-18s", "under-18s", "under-16s", "under-30s",
    "physios", "jobhunters", "job hunters", "mentees", "tenants", "renters", "homeowners", "long-term sick",
    "disabled adults", "job starters", "specialists", "mentors", "navigators", "champions", "officers",
    "counsellors", "psychologists", "psychiatrists", "surgeons", "pharmacists", "dentists", "paramedics",
    "ambassadors",
)

_MOD_STOP = frozenset(
    "of in to the a an that which who whom whose where when while with for on at from by has have had "
    "were are is was be been being and or but nor per cent percent than as this these those their its "
    "his her our your my into over under will would could should can may might must not no yet so "
    "if then there here it they we you he she i more-than up about around some almost nearly only "
    "just also each every all both any most least less fewer".split()
)
_SKIP_MODS = frozenset({"more", "extra", "additional", "further", "other", "new"})

# as a trie (every pattern using it ignores case): the same matches as the alternation longest first, far faster
_NOUN_ALT = phrase_trie({n.lower() for n in PEOPLE_NOUNS}, r"[\s-]")
_QUAL_ALT = alternation(QUALIFIER_WORDS)
_WORDNUM_ALT = WORD_NUMBER
_WORD_MULT = r"[^\S\n]+(?:million|billion|thousand)(?![A-Za-z])"

_HS = r"[^\S\n]"  # whitespace inside a paragraph: a count never spans a line break
# an age band before "year-olds": "40,000 16 to 24-year-olds", "2,000 18-24 year olds"
# (also "16- to 24-year-olds"; and an age floor before the noun: "3,000 50-plus workers")
_AGE_BAND = (rf"(?:\d{{1,2}}(?:(?:-|\u2013|-?{_HS}*(?:-|\u2013|to){_HS}*)\d{{1,2}})?(?:-|{_HS})(?=year)"
             rf"|\d{{2}}(?:-plus|\+){_HS}+)")
_AGE_BAND_END = re.compile(rf"(?:\d{{1,2}}(?:(?:-|\u2013|-?{_HS}*(?:-|\u2013|to){_HS}*)\d{{1,2}})?(?:-|{_HS})|\d{{2}}(?:-plus|\+){_HS}+)$")
_REST = (rf"{_HS}+(?P<mods>(?:[A-Za-z][\w'\u2019-]*{_HS}+){{0,4}}?(?:{_AGE_BAND})?)"
         rf"(?P<noun>{_NOUN_ALT})(?![\w-])(?!\s+(?:{_NOUN_ALT})(?![\w-]))"
         rf"(?P<rate>\s+(?:a|per|each|every)\s+(?P<per>day|week|month|year))?(?![\w-])")
# Scanning: cheap scans find numbers (and "million"/"billion"/"thousand" for word numbers);
# the full patterns are only tried (``.match``) there.
_NUM_SCAN = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_COUNT_NUM = re.compile(rf"(?P<num>{NUM})(?P<mult>{MULT})?(?:\+|-plus)?(?![\d%£$€])(?!\.\d){_REST}", re.IGNORECASE)
_BIG_WORDS = ("million", "Million", "billion", "Billion", "thousand", "Thousand")
_WORDNUM_BEFORE = re.compile(rf"(?<![\w-])(?:{_WORDNUM_ALT})\s+\Z", re.IGNORECASE)
_COUNT_WORD = re.compile(rf"(?P<wnum>{_WORDNUM_ALT})(?P<wmult>{_WORD_MULT}){_REST}", re.IGNORECASE)
# a small number in words, no multiplier: "three people", "twenty-five apprentices" ("one", "a" and
# "an" are not counts: "one young person", "a worker")
_SMALL_WORDS = [w for w, v in NUMBER_WORDS.items() if v == v.to_integral_value() and 2 <= v < 100]
# where a small number word can start: its first word, lower case ("twenty" for "twenty-five"), leaving out
# words that begin with another listed word ("eight" is found wherever "eighteen" or "eighty" is: fewer scans)
_SMALL_FIRST_WORDS = {w.split("-")[0] for w in _SMALL_WORDS}
_SMALL_WORD_STARTS = tuple(sorted(w for w in _SMALL_FIRST_WORDS
                                  if not any(w != other and w.startswith(other) for other in _SMALL_FIRST_WORDS)))
_COUNT_SMALL_WORD = re.compile(
    rf"(?P<wnum>{alternation(_SMALL_WORDS)})(?!\s+(?:million|billion|thousand|hundred|quarters?)(?![\w-])){_REST}",
    re.IGNORECASE)
_QUAL_BEFORE = re.compile(rf"(?<![\w-])(?P<qual>{_QUAL_ALT})\s+\Z", re.IGNORECASE)
_BAD_BEFORE_NUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,£$€/:")
# a bare second number after the count: "... patients to around 700", "between 500 and 700 people"
_TAIL = re.compile(
    rf"\s*,?\s*(?P<conn>to|and)\s+(?:(?P<qual>{_QUAL_ALT})\s+)?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€.,-])",
    re.IGNORECASE,
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_TAIL_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'-]*)")
# a bare first number before the count: "from 2,700 to 700 patients", "500-700 people"
_HEAD = re.compile(
    rf"(?:(?<![\w-])(?P<between>between|from)\s+)?(?:(?<![\w-])(?P<qual>{_QUAL_ALT})\s+)?"
    rf"(?<![\w.,£$€/:-])(?P<num>{NUM})(?P<mult>{MULT})?\s*(?P<conn>to|and|-|\u2013)\s*\Z",
    re.IGNORECASE,
)
# a ratio or a rate's base: "one in five people", "7 out of 10 adults", "20 cases per 100,000 people"
_RATIO_BEFORE = re.compile(r"(?:\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+in|\bout\s+of|\bper|\bevery)\s+$",
                           re.IGNORECASE)
# a capitalised word just before the number, not opening a sentence: a name ("Windows 10 users")
_NAME_BEFORE = re.compile(r"(?<=[\w,;:)'\u2019\"\u201d])[^\S\n]+(?P<word>[A-Z][\w-]*)[^\S\n]+\Z")
_YEAR_PREP = re.compile(r"\b(?:in|since|by|from|until|till|during|before|after|of|to|the|early|late|mid)\s+$",
                        re.IGNORECASE)


# a bare number (no noun) followed by a verb or a comparison: "13,000 have found work",
# "800,000 more than in 2019", "600,000 could drop out"
_BARE_COUNT = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€.,-])(?=[^\S\n]+(?:have|has|had|are|were|will|would|could|can|"
    rf"may|might|should|more|fewer|now|already|went|moved|found|got|did|do|remain|still|of\s+whom|of\s+them|of\s+those|"
    rf"moving|going|finding|getting|entering|starting|securing|into|returned|returning|secured|gained|entered|"
    rf"(?:expected|set|due|likely|estimated|projected|forecast)[^\S\n]+to)(?![\w-])"
    rf"|[^\S\n]+(?:in|across)[^\S\n]+(?:the[^\S\n]+)?(?-i:[A-Z]))",
    re.IGNORECASE)
# a change in the count just stated: "2.8 million people ..., up 400,000 since 2019", "a rise of 50,000 on last year"
_CHANGE_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?:up|down|rising|falling|rose|fell)[^\S\n]+from|compared[^\S\n]+(?:with|to)|against|"
    rf"up|down|(?:a|an)[^\S\n]+(?:rise|increase|fall|drop|jump|reduction)[^\S\n]+of)"
    rf"(?:[^\S\n]+by)?[^\S\n]+(?:(?P<qual>{_QUAL_ALT})[^\S\n]+)?\Z", re.IGNORECASE)
_CHANGE_NUMBER = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€-]|\.\d|,\d)"
    rf"(?=[^\S\n]*(?:[.,;)]|$|[^\S\n]+(?:since|from|on|compared|over|in|last|a[^\S\n]+year|today|now|currently|"
    rf"previously|before|earlier|at[^\S\n]+present)(?![\w-])))",
    re.IGNORECASE)
# a part of the count just stated: "including 1,500 in the first year", "of whom 1.2 million have ..."
_SUBSET_BEFORE = re.compile(rf"(?<![\w-])(?:including|of\s+whom|of\s+them|of\s+those)\s+(?:(?:{_QUAL_ALT})\s+)?\Z",
                            re.IGNORECASE)
_SUBSET_NUMBER = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€]|\.\d|,\d)"
    rf"(?=[^\S\n]*(?:[.,;:)]|$)|[^\S\n]+(?:in|by|this|next|from|across|over|who|aged|living|within|on|at)(?![\w-]))",
    re.IGNORECASE)
_ANOTHER_BEFORE = re.compile(r"(?<![\w-])(?:another|a\s+further|an\s+extra|an\s+additional)\s+\Z", re.IGNORECASE)
_ELLIPSIS_OPENER = re.compile(r"(?:[,:;]|\band|\bwith|\bincluding|\bwhom|\bthem|\bthose|[.!?])\s+\Z|\A\Z",
                              re.IGNORECASE)
# a number of a group of people just named: "600 of its participants", "1,200 of the young people referred"
_OF_THE_COUNT = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?[^\S\n]+of[^\S\n]+(?P<det>the|its|their|our|these|those)[^\S\n]+"
    rf"(?P<mods>(?:[A-Za-z][\w'\u2019-]*[^\S\n]+){{0,3}}?)(?P<noun>{_NOUN_ALT})(?![\w-])", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"(?:\bage[ds]?\b[^.\n]{0,20}|\d\s+(?:and|to|-)\s+)\Z", re.IGNORECASE)
_ELLIPSIS_REACH = 250
_STATE_COUNT = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€.,-])[^\S\n]+"
    rf"(?:(?:are|were|is|was|have\s+been|had\s+been|remain|remained|now|currently|still|already)[^\S\n]+){{1,2}}"
    rf"(?P<state>out\s+of\s+work|economically\s+inactive|inactive|unemployed|off\s+sick|off\s+work|signed\s+off|"
    rf"on\s+sick\s+leave|on\s+(?:NHS\s+)?waiting\s+lists?|jobless|not\s+in\s+work|not\s+working|NEETs?|"
    rf"claiming|in\s+receipt\s+of|long-term\s+sick)(?![\w-])",
    re.IGNORECASE)
# a bare number doing what only people do: "more than 3,000 have signed up", "450 found work"
_ACTOR_COUNT = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€.,-])[^\S\n]+"
    rf"(?:(?:have|has|had|were|are|will|would|could|can|may)[^\S\n]+(?:(?:now|already|so[^\S\n]+far|since|also|"
    rf"successfully|either)[^\S\n]+)?(?:be(?:en)?[^\S\n]+)?)?"
    rf"(?P<act>signed[^\S\n]+up|sign[^\S\n]+up|took[^\S\n]+part|taken[^\S\n]+part|take[^\S\n]+part|"
    rf"found[^\S\n]+(?:work|jobs?|employment)|find[^\S\n]+(?:work|jobs?|employment)|"
    rf"moved[^\S\n]+(?:into|back[^\S\n]+into)[^\S\n]+(?:work|jobs?|employment)|"
    rf"(?:helped|supported|referred|treated|assessed|enrolled|registered|employed|hired|recruited)[^\S\n]+"
    rf"(?:into|back|to|by|through|with|on|since|so|this|last|in)|"
    rf"enrolled|registered|applied|benefited|benefitted|self-referred|started[^\S\n]+(?:work|jobs?))(?![\w-])",
    re.IGNORECASE)
# where a people verb can start (lower case)
_VERB_STEMS = ("sign", "took", "tak", "found", "find", "moved", "help", "support", "referr", "treat", "assess",
               "enrol", "regist", "employ", "hire", "recruit", "appl", "benefit", "start", "reach", "assist",
               "plac", "engag")
# a bare number helped by a service: "the pilot has supported 450 since April", "it helped 87 into work"
_HELPED_COUNT = re.compile(
    rf"(?<![\w-])(?P<verb>helped|supported|reached|referred|assisted|enrolled|treated|placed|engaged|"
    rf"helping|supporting|reaching|help|support|reach)[^\S\n]+(?:(?P<qual>{_QUAL_ALT})[^\S\n]+)?"
    rf"(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€]|\.\d|,\d)"
    rf"(?=[^\S\n]*(?:[.,;:)]|$|[^\S\n]+(?:since|so[^\S\n]+far|into|back|to[^\S\n]+(?:find|get|return|stay)|"
    rf"in[^\S\n]+(?:the|its|their|a|20\d\d)|last|this|over|across|by|during|a[^\S\n]+year|each|every|per)(?![\w-])))",
    re.IGNORECASE)
_STAFF_NOUNS = frozenset({"staff", "employees", "colleagues", "workers", "nurses", "doctors", "members"})
_EMPLOYER_BEFORE = re.compile(
    r"(?:\bemploy(?:s|ed|ing)?|\bits|\btheir|\bour|\bworkforce\s+of|\bheadcount\s+of|\bteam\s+of|"
    r"\b(?:trust|council|company|firm|board|authority|department|employer|retailer|organisation|charity|"
    r"business|group|supermarket|bank)['\u2019]s)"  # one employer's staff: "the trust's 12,000 staff"
    r"(?:\s+(?:(?:a|about|around|some|almost|nearly|over|more\s+than|up\s+to)\s+)?)?\s*\Z",
    re.IGNORECASE)
# an employer's verb right before the count: "employs around 1,300 people", "employing 400 people": whatever the
# noun, these are the staff of one employer; likewise "the company had 12,500 employees" (has/had + staff noun)
# the qualifiers a staff count may carry after its employer's verb ("employs around 1,300", "will recruit up to 25")
_STAFF_QUALIFIER_WORDS = r"a|about|around|some|almost|nearly|over|more\s+than|up\s+to|roughly|approximately"
_STAFF_QUALIFIER = rf"(?:\s+(?:{_STAFF_QUALIFIER_WORDS}))?"
_EMPLOYS_BEFORE = re.compile(rf"\bemploy(?:s|ing)?{_STAFF_QUALIFIER}\s*\Z", re.IGNORECASE)
_HAS_STAFF_BEFORE = re.compile(rf"\b(?:has|had|have){_STAFF_QUALIFIER}\s*\Z", re.IGNORECASE)
_EMPLOYEE_NOUNS = frozenset({"staff", "employees"})
# the posts a service or a grant pays for are its staff ("will recruit 25 employment advisers", "the money will pay
# for 40 additional practitioners", "a team of 15 advisers", "the service has 12 specialists"): not a count of people
_ROLE_NOUNS = _EMPLOYEE_NOUNS | frozenset({"advisers", "advisors", "coaches", "practitioners", "specialists",
                         "mentors", "navigators", "officers", "counsellors", "therapists", "physiotherapists", "physios",
                         "psychologists", "nurses", "doctors", "clinicians"})
# (a whole profession is not one employer's staff: "the UK has 700,000 nurses" stays a count)
_PROFESSION_NOUNS = frozenset({"nurses", "doctors", "clinicians"})
_HAVING_BEFORE = re.compile(r"\b(?:has|have|had|with)\s+(?:[a-z]+\s+)?\Z", re.IGNORECASE)
_HIRE_BEFORE = re.compile(
    r"\b(?:recruit(?:s|ed|ing)?|hire[sd]?|hiring|appoint(?:s|ed|ing)?|pay(?:s|ing)?\s+for|paid\s+for|fund(?:s|ed|ing)?|"
    r"team\s+of|has|have|had|with)"
    rf"(?:\s+(?:an|another|a\s+further|{_STAFF_QUALIFIER_WORDS}))?"  # posts added to a team: "another", "a further"
    r"\s*\Z", re.IGNORECASE)
# ... or hired after: "12 advisers will be recruited", "15 coaches have been appointed"
_HIRED_AFTER = re.compile(
    r"\s+(?:will|would|are|were|have|has|had|is|was)(?:\s+(?:now|also|already))?(?:\s+(?:be|been|being)){1,2}\s+"
    r"(?:recruited|hired|appointed|employed|funded|taken\s+on|paid\s+for)(?![\w-])", re.IGNORECASE)
# one named employer's staff: "Tesco's 300,000 employees"
_NAMED_EMPLOYER_BEFORE = re.compile(r"[A-Z][\w&'’-]*['’]s\s+(?:(?:about|around|some|almost|nearly|over)\s+)?\Z")
# "the number of (young) people (out of work ...) (has risen|rose|stands|is) (to|at) 2.8 million"
_NUMBER_OF = re.compile(
    rf"(?<![\w-])number\s+of\s+(?P<what>(?:[A-Za-z][\w'-]*\s+){{0,3}}?(?:{_NOUN_ALT}))(?![\w-])", re.IGNORECASE)
# "the number out of work because of ill health has hit 2.8 million": the number of people in a state
_NUMBER_IN_STATE = re.compile(
    r"(?<![\w-])number[^\S\n]+(?P<what>out[^\S\n]+of[^\S\n]+work|in[^\S\n]+work|economically[^\S\n]+inactive|unemployed|"
    r"off[^\S\n]+sick|claiming[^\S\n]+[a-z-]+(?:[^\S\n]+benefits?)?)(?![\w-])", re.IGNORECASE)
_NUMBER_OF_VALUE = re.compile(
    rf"[^.;:\n\d£$€%]{{0,90}}?\b(?:to|at|is|was|of|reached|hit|topped|exceeded|passed|by)\s+"
    rf"(?:(?:now|currently|already|still|just)\s+)?(?:(?:{_QUAL_ALT})\s+)?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%\w£$€]|\.\d|[^\S\n]*(?:per\s*cent|percent))",
    re.IGNORECASE)  # characters from the end of the count it continues


# a statistic that is itself a count of people: "unemployment rose to 1.6 million", "the claimant count stands at 1.7m",
# "a population of 2.8 million"
_STATISTIC_LEAD = re.compile(
    r"(?<![\w-])(?P<what>unemployment|economic\s+inactivity|the\s+claimant\s+count|claimant\s+count|population)(?![\w-])",
    re.IGNORECASE)
_STATISTIC_WHAT = {"unemployment": "unemployed people", "economic inactivity": "economically inactive people",
                   "population": "residents"}
# a number that a relative "who" makes people: "of the 1,200 who took part, 400 found work"
_WHO_COUNT = re.compile(rf"(?P<num>{NUM})(?P<mult>{MULT})?[^\S\n]+who(?![\w-])", re.IGNORECASE)
# "the" and a number of people a participle describes: "of the 3,000 referred, 1,100 found jobs"
_PARTICIPLES = ("referred", "supported", "helped", "surveyed", "polled", "questioned", "interviewed", "assessed",
                "treated", "enrolled", "registered")
_PARTICIPLE_COUNT = re.compile(
    rf"(?P<num>{NUM})(?P<mult>{MULT})?[^\S\n]+(?:{'|'.join(_PARTICIPLES)})(?![\w-])(?![^\S\n]+(?:by|with|for|to)\b)")
_THE_BEFORE = re.compile(r"(?<![\w-])(?:the|those|these)[^\S\n]+\Z", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\b[^.;:\n\d]{0,12}(?:\d+[^.;:\n\d]{1,12})?\Z", re.IGNORECASE)


def _is_year(num: str | None, mult: str | None) -> bool:
    return bool(num) and not mult and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099


def _mods_ok(mods: str) -> bool:
    band = _AGE_BAND_END.search(mods)
    if band:
        mods = mods[:band.start()]  # "16 to 24-" before "year-olds" is an age band, not a number
    for k, w in enumerate(mods.split()):
        lw = w.lower().strip("'\u2019")
        if k > 0 and lw in ("and", "or"):
            continue  # "sick and disabled people"
        if lw in _MOD_STOP or lw.isdigit():
            return False
        if lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 3:
            return False  # a plural noun in between: "20 locations", "15 areas"
    return True


def _row(body: str, s: int, e: int, value: Decimal, qualifier: str, what: str, per: str | None) -> dict[str, Any]:
    text = body[s:e]
    return {"value": float(value), "qualifier": qualifier, "raw_text": text, "text": text, "what": what,
            "per": per, "span_start": s, "span_end": e}


def _candidates(body: str, numbers: list[re.Match[str]]) -> list[re.Match[str]]:
    """Matches of number + modifiers + people noun, in order, not overlapping."""
    found: list[re.Match[str]] = []
    for n in numbers:
        i = n.start()
        if i > 0 and (body[i - 1] in _BAD_BEFORE_NUM or (body[i - 1] == "-" and i > 1 and body[i - 2].isalpha())):
            continue  # inside a word, money, a decimal, a date/time or a name like "Covid-19"
        m = _COUNT_NUM.match(body, i)
        if m and _mods_ok(m.group("mods")) and not (m.group("noun")[:4].lower() == "year" and not m.group("mods")):
            found.append(m)  # (a number right before "year olds" is an age: "for 18 to 21 year olds")
    for i in find_all(body, _BIG_WORDS):
        b = _WORDNUM_BEFORE.search(body, max(0, i - 20), i)
        if b:
            m = _COUNT_WORD.match(body, b.start())
            if m and _mods_ok(m.group("mods")):
                found.append(m)
    low = offset_safe_lower(body)
    for i in find_all(low, _SMALL_WORD_STARTS):
        if i > 0 and (body[i - 1].isalnum() or body[i - 1] in "_-"):
            continue
        m = _COUNT_SMALL_WORD.match(body, i)
        if m and _mods_ok(m.group("mods")):
            found.append(m)
    found.sort(key=lambda m: (m.start(), -m.end()))
    return leftmost_non_overlapping(found)


def extract(body: str) -> list[dict[str, Any]]:
    """Every count of people in ``body`` (see the module docstring for the rules)."""
    numbers = list(_NUM_SCAN.finditer(body))  # every number, scanned once for all the passes
    rows = _noun_counts(body, numbers)
    rows += _number_of_counts(body, rows)
    rows += _statistic_counts(body, rows)
    rows += _who_counts(body, rows, numbers)
    rows += _state_counts(body, rows, numbers)
    rows += _actor_counts(body, rows, numbers)
    return sorted(rows + _elliptical_counts(body, rows, numbers), key=lambda r: (r["span_start"], r["span_end"]))


def _elliptical_counts(body: str, rows: list[dict[str, Any]], numbers: list[re.Match[str]]) -> list[dict[str, Any]]:
    """Bare numbers that go on counting the people of a count just before them: "over 30,000
    people have been helped, and over 13,000 have found work", "2.8 million people are
    inactive, 800,000 more than in 2019", "... Another 600,000 could drop out"."""
    if not rows:
        return []
    out: list[dict[str, Any]] = []
    rows = sorted(rows, key=lambda r: r["span_start"])  # prev[-1] below is the nearest count before
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    for n in numbers:
        i = n.start()
        if i > 0 and (body[i - 1] in _BAD_BEFORE_NUM or body[i - 1] == "-"):
            continue
        if any(a <= i < b for a, b in spans):
            continue
        m = _BARE_COUNT.match(body, i)
        if not m and _SUBSET_BEFORE.search(body, max(0, i - 40), i):
            m = _SUBSET_NUMBER.match(body, i)
        if not m:
            change = _change_before(body, i)
            if change is not None:
                start, end, value, qual = change
                prev = [r for r in rows if r["span_end"] <= start and start - r["span_end"] <= _ELLIPSIS_REACH
                        and "\n" not in body[r["span_end"]:start]]
                if prev:
                    out.append(_row(body, start, end, value, qualifier_of(qual), prev[-1]["what"], None))
            continue
        if _is_year(m.group("num"), m.group("mult")):
            continue
        # the counts before it, those of this pass included ("6,000 in Leeds and 4,000 in Bradford")
        prev = sorted((r for r in [*rows, *out] if r["span_end"] <= i and i - r["span_end"] <= _ELLIPSIS_REACH
                       and "\n" not in body[r["span_end"]:i]), key=lambda r: r["span_end"])
        if not prev or _other_number_between(body, prev[-1]["span_end"], i):
            continue  # "200 people attended 15 events, 10 in London": the 10 goes on counting the events
        value = parse_number(m.group("num"), m.group("mult"))
        if value is None or value < 10:
            continue
        start = i
        q = _QUAL_BEFORE.search(body, max(0, i - 25), i)
        another = _ANOTHER_BEFORE.search(body, max(0, i - 12), i)
        if q:
            start = q.start()
        elif another:
            start = another.start()
        elif not _ELLIPSIS_OPENER.search(body, max(0, i - 12), i):
            continue  # "... in 15 areas": only after a comma, "and" or a sentence start
        if _AGE_BEFORE.search(body, max(0, i - 30), i):
            continue  # "aged between 16 and 34 were ..."
        end = m.end("mult") if m.group("mult") else m.end("num")
        out.append(_row(body, start, end, value, qualifier_of(q.group("qual") if q else None),
                        prev[-1]["what"], None))
    return out


_THINGS_AFTER_NUMBER = re.compile(r"[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){0,2}?(?P<noun>[a-z][\w-]*s)(?![\w'’-])")
_PEOPLE_WORDS = frozenset(w.lower() for n in PEOPLE_NOUNS for w in n.split())


def _other_number_between(body: str, start: int, end: int) -> bool:
    """Whether ``body[start:end]`` counts something else: a number (not a year) before a plural
    noun that is not people ("15 events"); ages ("aged 50 to 64") and years do not count."""
    for n in _NUM_SCAN.finditer(body, start, end):
        if _is_year(n.group(0).rstrip(","), None):
            continue
        things = _THINGS_AFTER_NUMBER.match(body, n.end())
        if things and things.end() <= end and things.group("noun").lower() not in _PEOPLE_WORDS \
                and not things.group("noun").endswith(("ss", "us")):
            return True
    return False


def _change_before(body: str, i: int) -> tuple[int, int, Decimal, str | None] | None:
    """The change phrase ("up 400,000", "a rise of 50,000") whose number starts at ``i``: its
    start, end, value and qualifier word."""
    before = _CHANGE_BEFORE.search(body, max(0, i - 40), i)
    number = _CHANGE_NUMBER.match(body, i) if before else None
    if before is None or number is None or _is_year(number.group("num"), number.group("mult")):
        return None
    value = parse_number(number.group("num"), number.group("mult"))
    if value is None or value < 10 or value != value.to_integral_value():
        return None  # "a rate of 20.4, up from 18.4": people come in whole numbers
    return before.start(), number.end("mult") if number.group("mult") else number.end("num"), value, before.group("qual")


def _state_counts(body: str, rows: list[dict[str, Any]], numbers: list[re.Match[str]]) -> list[dict[str, Any]]:
    """A number said to be in a state only people are in: "a record 2.8 million are now out of
    work", "almost 1 million are NEET", "7,000 were signed off"."""
    out: list[dict[str, Any]] = []
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    for n in numbers:
        row = _bare_number_count(body, n.start(), _STATE_COUNT, "state", spans)
        if row is not None:
            out.append(row)
    return out


def _bare_number_count(body: str, i: int, pattern: re.Pattern[str], what_group: str,
                       spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """The count row of the bare number at ``body[i]`` when ``pattern`` (with groups num, mult and
    ``what_group``) matches there: not glued to a word, not inside a row found already, not a year or
    an age, at least 10; a qualifier just before it ("more than") is part of the row."""
    if i > 0 and (body[i - 1] in _BAD_BEFORE_NUM or body[i - 1] == "-"):
        return None
    if any(a <= i < b for a, b in spans):
        return None
    m = pattern.match(body, i)
    if not m or _is_year(m.group("num"), m.group("mult")) or _AGE_BEFORE.search(body, max(0, i - 30), i):
        return None
    value = parse_number(m.group("num"), m.group("mult"))
    if value is None or value < 10:
        return None
    q = _QUAL_BEFORE.search(body, max(0, i - 25), i)
    end = m.end("mult") if m.group("mult") else m.end("num")
    return _row(body, q.start() if q else i, end, value, qualifier_of(q.group("qual") if q else None),
                " ".join(m.group(what_group).split()), None)


def _actor_counts(body: str, rows: list[dict[str, Any]], numbers: list[re.Match[str]]) -> list[dict[str, Any]]:
    """Bare numbers that only people can be: the subject of a people verb ("more than 3,000 have
    signed up", "450 found work") or the object of a helping verb ("has supported 450 since
    April", "helped 87 into work"); ``what`` is the verb phrase."""
    out: list[dict[str, Any]] = []
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    low = offset_safe_lower(body)
    verbs = find_all(low, _VERB_STEMS)  # where a people verb can be: the full patterns are only tried near one
    helped = [m for j in verbs if (m := _HELPED_COUNT.match(body, j))]
    for n in numbers if verbs else ():
        k = bisect_left(verbs, n.end())
        if k == len(verbs) or verbs[k] - n.end() > 70:
            continue
        row = _bare_number_count(body, n.start(), _ACTOR_COUNT, "act", spans)
        if row is not None:
            out.append(row)
            spans.append((n.start(), row["span_end"]))
    for m in helped:
        i = m.start("num")
        if any(a <= i < b for a, b in spans) or _is_year(m.group("num"), m.group("mult")):
            continue
        value = parse_number(m.group("num"), m.group("mult"))
        if value is None or value < 10:
            continue
        end = m.end("mult") if m.group("mult") else m.end("num")
        start = m.start("qual") if m.group("qual") else i
        out.append(_row(body, start, end, value, qualifier_of(m.group("qual")), "people " + m.group("verb").lower(),
                        None))
    return out


def _number_of_counts(body: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A number stated for "the number of <people>" earlier in its clause: "the number of
    people out of work because of ill health has risen to 2.8 million"."""
    out: list[dict[str, Any]] = []
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    low = offset_safe_lower(body)
    for i in find_all(low, ("number of", "number out", "number in ", "number economically", "number unemployed",
                            "number claiming", "number off")):
        lead = _NUMBER_OF.match(body, i) or _NUMBER_IN_STATE.match(body, i)
        if not lead:
            continue
        found = _value_after(body, lead.end(), spans, 10)
        if found is None:
            continue
        what = " ".join(w for w in lead.group("what").split() if w.lower() not in _SKIP_MODS)
        if lead.re is _NUMBER_IN_STATE:
            what = "people " + what  # "the number out of work": people out of work
        out.append(_row(body, *found, what, None))
    return out


def _value_after(
    body: str, lead_end: int, spans: list[tuple[int, int]], minimum: int
) -> tuple[int, int, Decimal, str] | None:
    """The count a lead phrase ("the number of claimants rose to", "unemployment is now") states next: its span
    (with a qualifier just before it), value and qualifier; None for a year, a number already counted or one
    under ``minimum``."""
    m = _NUMBER_OF_VALUE.match(body, lead_end)
    if not m or any(a <= m.start("num") < b for a, b in spans) or _is_year(m.group("num"), m.group("mult")):
        return None
    value = parse_number(m.group("num"), m.group("mult"))
    if value is None or value < minimum:
        return None
    q = _QUAL_BEFORE.search(body, max(lead_end, m.start("num") - 25), m.start("num"))
    start = q.start() if q else m.start("num")
    end = m.end("mult") if m.group("mult") else m.end("num")
    return start, end, value, qualifier_of(q.group("qual") if q else None)


def _statistic_counts(body: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The number a people statistic is stated at, later in its clause: "unemployment rose to 1.6 million"
    (a rate in per cent is not a count)."""
    out: list[dict[str, Any]] = []
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    low = offset_safe_lower(body)
    for i in find_all(low, ("unemployment", "inactivity", "claimant count", "population")):
        start_at = max(0, i - 4 if low.startswith("claimant", i) else i - 9)  # "the claimant", "economic "
        lead = next((m for m in _STATISTIC_LEAD.finditer(body, start_at, i + 21) if m.start() <= i < m.end()), None)
        if not lead:
            continue
        found = _value_after(body, lead.end(), spans, 1000)  # "unemployment rose to 4.8" is a rate without its %
        if found is None:
            continue
        stat = " ".join(lead.group("what").lower().split())
        out.append(_row(body, *found, _STATISTIC_WHAT.get(stat, "claimants"), None))
    return out


def _who_counts(body: str, rows: list[dict[str, Any]], numbers: list[re.Match[str]]) -> list[dict[str, Any]]:
    """A bare number followed by "who" ("of the 1,200 who took part"; not an age: "aged 16 who") or by "of the"
    and a people noun ("600 of its participants"; not "200 of its staff")."""
    out: list[dict[str, Any]] = []
    spans = [(r["span_start"], r["span_end"]) for r in rows]
    for n in numbers:
        i = n.start()
        if (i > 0 and (body[i - 1] in _BAD_BEFORE_NUM or body[i - 1] == "-")) or any(a <= i < b for a, b in spans):
            continue
        window = body[n.end():n.end() + 20]
        participle = any(p in window for p in _PARTICIPLES)
        if " who" not in window and " of " not in window and not participle:
            continue  # no form can follow: most numbers are skipped without a regex
        m = _WHO_COUNT.match(body, i)
        what = "people"
        if not m and participle and _THE_BEFORE.search(body, max(0, i - 8), i):
            m = _PARTICIPLE_COUNT.match(body, i)
        if not m:
            m = _OF_THE_COUNT.match(body, i)
            if not m or _RATIO_BEFORE.search(body, max(0, i - 12), i) or (
                    m.group("det").lower() in ("its", "their", "our") and m.group("noun").lower() in _STAFF_NOUNS):
                continue  # "one in 10 of the ...", "200 of its staff" (one employer's staff)
            what = " ".join([w for w in m.group("mods").split() if w.lower() not in _SKIP_MODS]
                            + [" ".join(m.group("noun").split())])
        if _is_year(m.group("num"), m.group("mult")) or _AGE_BEFORE.search(body, max(0, i - 40), i):
            continue
        value = parse_number(m.group("num"), m.group("mult"))
        if value is None or value < 10:
            continue
        q = _QUAL_BEFORE.search(body, max(0, i - 25), i)
        end = m.end("mult") if m.group("mult") else m.end("num")
        out.append(_row(body, q.start() if q else i, end, value, qualifier_of(q.group("qual") if q else None),
                        what, None))
    return out


def _noun_counts(body: str, numbers: list[re.Match[str]]) -> list[dict[str, Any]]:
    """Counts written with their people noun ("250,000 people", "up to 1.1 million patients")."""
    rows: list[dict[str, Any]] = []
    taken_until = 0  # end of the last accepted row: a head number must not be re-read
    for m in _candidates(body, numbers):
        if m.start() < taken_until:
            continue
        gd = m.groupdict()
        num, mult, wnum = gd.get("num"), gd.get("mult") or gd.get("wmult"), gd.get("wnum")
        mods = m.group("mods")
        start = m.start()
        if _RATIO_BEFORE.search(body, max(0, start - 12), start):
            continue
        nb = _NAME_BEFORE.search(body, max(0, start - 30), start)
        if nb and nb.group("word").lower() not in _MOD_STOP and nb.group("word").lower() not in QUALIFIER_WORDS:
            continue
        q = _QUAL_BEFORE.search(body, max(0, start - 25), start)
        if not q and _is_year(num, mult) and (_YEAR_PREP.search(body, max(0, start - 8), start)
                                              or body[max(0, start - 2):start].startswith(",")):
            continue
        if m.group("noun").lower() in _STAFF_NOUNS and _EMPLOYER_BEFORE.search(body, max(0, start - 40), start):
            continue  # "the trust employs 5,000 staff": the staff of one employer are not a count of people
        if _EMPLOYS_BEFORE.search(body, max(0, start - 40), start) or (
                m.group("noun").lower() in _EMPLOYEE_NOUNS and _HAS_STAFF_BEFORE.search(body, max(0, start - 30), start)):
            continue  # "the firm employs around 1,300 people", "the company had 12,500 employees"
        role_noun = m.group("noun").split()[-1].lower()
        if role_noun in _ROLE_NOUNS and (
                _HIRED_AFTER.match(body, m.end())
                or (_HIRE_BEFORE.search(body, max(0, start - 30), start)
                 and not (role_noun in _PROFESSION_NOUNS and _HAVING_BEFORE.search(body, max(0, start - 30), start)))
                or (m.group("noun").lower() in _EMPLOYEE_NOUNS and _NAMED_EMPLOYER_BEFORE.search(body, max(0, start - 40), start))):
            continue  # "will recruit 25 employment advisers", "Tesco's 300,000 employees": one employer's staff
        value = parse_number(num, mult, wnum)
        if not value:
            continue  # not a number, or "0" (the tail of "10 000")
        if q:
            start = q.start()
        noun = " ".join(m.group("noun").split())
        what = " ".join([w for w in mods.split() if w.lower() not in _SKIP_MODS] + [noun])
        per = m.group("per").lower() if m.group("per") else None

        head = _HEAD.search(body, max(taken_until, start - 45), start) if num else None
        if head and not _is_year(head.group("num"), head.group("mult")) \
                and (head.group("conn").lower() != "and" or (head.group("between") or "").lower() == "between"):
            hv = range_low(head.group("num"), head.group("mult"), num, mult)
            if hv is not None:
                hs = head.start("qual") if head.group("qual") else head.start("num")
                rows.append(_row(body, hs, head.end("mult") if head.group("mult") else head.end("num"),
                                 hv, qualifier_of(head.group("qual")), what, per))
        rows.append(_row(body, start, m.end(), value, qualifier_of(q.group("qual") if q else None), what, per))
        end = m.end()

        tail = _TAIL.match(body, end)
        if tail and (tail.group("conn").lower() == "to" or _BETWEEN_BEFORE.search(body, max(0, start - 9), start)):
            nxt = _TAIL_NEXT_WORD.match(body, tail.end())
            next_word = nxt.group(1).lower() if nxt else ""
            if not _is_year(tail.group("num"), tail.group("mult")) and (not next_word or next_word in _MOD_STOP):
                tv = parse_number(tail.group("num"), tail.group("mult"))
                if tv is not None:
                    ts = tail.start("qual") if tail.group("qual") else tail.start("num")
                    rows.append(_row(body, ts, tail.end(), tv, qualifier_of(tail.group("qual")), what, per))
                    end = tail.end()
        taken_until = end
    return rows
