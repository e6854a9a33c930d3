"""Money amounts stated in an article body, normalised, qualified and tied to a programme.

The spec is ../shared/gold/GUIDELINES.md (Funding). One row per money phrase, in body order::

    {amount, currency, qualifier, period_years, per_year, programme, kind, place,
     share_of_amount, raw_text, text, span_start, span_end}

Recognised forms
- currency before the number: ``£45m``, ``£ 2.5 billion``, ``$79m``, ``US$5m``, ``€10m``,
  ``GBP 5m``; after it: ``45 million pounds``, ``half a billion pounds``, ``5m euros``,
  ``10 million US dollars``, ``5m GBP``; numbers are read by ``numbers`` (shared with ``counts``);
- **ranges give two rows**: ``£1m-£2m``, ``£1m to £2m``, ``between £1m and £2m`` and
  ``£1-2m`` each yield one row for the low and one for the high amount (``numbers.range_low``:
  ``£1-2m`` is 1e6 and 2e6); a qualifier before the range, and period/rate words after it,
  apply to both rows; both rows' ``raw_text`` and span cover the whole range;
- **several currencies**: ``£64m ($79m)`` is two rows; period and rate words after the
  brackets apply to both (``£11bn ($14bn) a year``: both period 1);
- a percentage or a plain number is never money; pence (``50p``) are not read; nor is a weight
  (``lost 42 pounds``, ``310 pounds (140 kilos)``: a few hundred pounds after a weight verb or before
  kilograms).

Fields
- ``qualifier``: ``up_to`` (up to, as much as, a maximum of, capped at, less than, under),
  ``more_than`` (more than, over, in excess of, at least, exceed...), ``about`` (around, about,
  almost, nearly, some, approximately, ~, in the region of...), else ``exact``
  (``numbers.QUALIFIER_WORDS``). ``a further`` / ``an extra`` are not qualifiers.
- ``per_year``: the amount is a yearly rate (``£500,000 a year``, ``£3.5m-a-year``, ``per annum``,
  ``annually``, ``an annual £5m``, ``annual funding of £5m``, ``Every year, ... £5m``; a rate word
  later in the clause, unless another number comes between or it is a duration or a date:
  ``for a year``, ``a year ago``); two compared amounts share it (``from £50bn to £65bn a year``).
- ``period_years``: a yearly rate is 1 (``£3m a year for five years`` is the annual figure,
  period 1); else the span stated: ``over three years`` / ``over the next three years`` /
  ``for two years`` / ``a three-year £5m deal`` / ``a £5m, two-year programme`` / ``over 18
  months`` (1.5) / ``over the next decade`` (10) / ``from 2025 to 2028`` (3; financial years
  ``2025-26 to 2027-28`` count inclusively, 3) / ``Over three years, ...`` opening the sentence;
  else the length of what the money pays for, said in its sentence and by no other amount's
  words: ``the two-year extension is backed by £2.2m`` (2), ``a year-long trial`` (1), ``will run
  for four years`` (4), ``for a further year`` (1), ``will fund the service for two years`` (2);
  None when the text gives none (``last year``, ``in 2025`` are points in time). A rate per
  week, day, hour, month or person (``£123 per week``, ``£250 per participant``) has
  ``kind`` other, ``per_year`` False and ``period_years`` None.
- ``kind``: ``fine`` (fined, penalty, damages), ``cost`` (cost, bill, spent, spending: the
  benefits bill, the economic cost of sickness), ``other`` (salaries, wages, prices,
  valuations, cuts, money lost, scrapped or withdrawn, savings, deficits and shortfalls, rates,
  sums to the penny, "£3,000 a year worse off"; a shortfall to find: "needs to find £5m"; a
  person's pay: "workers are paid £24,000 a year"; a price to one person: "costs learners £250"),
  ``funding`` (funded, invested, backed, grant,
  allocated, pilot, scheme...). The keyword nearest to the amount in its sentence decides
  (vague words such as "paid", "scheme", "further" only when no specific one is within
  reach; capitalised words inside a name such as "Office for Budget Responsibility" do not
  count; a purpose after the money is not what it is: "£6.5m to cut waiting lists", "£2m to
  cover the cost of" are funding); money set to be or being spent ("plans to spend £1.4m", "is
  spending £279m"), spent on a programme or scheme, or paid out by one is funding; what happens
  to the money makes it other: cut/scrapped/pulled/"the loss of"/"no longer receive" just
  before it, or "was withdrawn", "were scrapped", "will not be renewed", "ends", "less than",
  "short of", "in the red" after it; a list line ("Greater Lancashire: £38.8m") and an amount
  with no keyword near are funding. Also other: money handed back, not received ("will not receive
  the £8m") or falling by an amount, money sought or needed ("the trust needs £15m"), a return ("£4 for every £1 invested"), what the
  economy gains ("worth £25bn a year to the economy"), and what one award or person gets ("Each award
  is capped at £60,000"); an award made by a court or tribunal is a fine. A contract, grant or scheme
  "valued at" its money is funding; in "the £57m budget has been cut by £5m" only the £5m is the cut.
- ``programme``: the canonical programme the money is for (``programme_mentions``: rows of
  ``programmes.extract``), as the guidelines say: named in the money's sentence; else, when the
  sentence is about "the scheme/pilot/programme/service/money" (definite: "a scheme" is another
  one; or it opens with what a scheme gives: "Grants are capped at £5,000 per person") or the
  money is funding in pounds, the programme the paragraph or the article is about;
  else None.
  In the sentence: the programme of a ", which ..." clause the money is in ("Communities for
  Work, which received £18m"); programmes named in an aside that leaves the money out (", which
  replaced X,", "(X)", ", part of X,") or only to compare ("Unlike X", "modelled on X",
  "replacing X") do not count; "X, Y and Z get £3m, £2m and £1m respectively" pairs them in
  order; the mention the amount is explicitly for ("£20m for the Youth Guarantee", "£1bn in
  Connect to Work"; the purpose beats the source: "£250,000 from the UKSPF for WorkWell"), else
  the nearest (a programme naming areas, "in the accelerator areas", only when no other) -- but
  None when the sentence lists several programmes together ("spent on the X and Y schemes") or
  the money is a total that includes a programme's ("£1.2bn, including money for X"), or is for
  "a new/separate ... scheme" or an organisation's "own £2m jobs programme"; a programme named as
  the document the money was announced in ("announced in the X white paper") does not count unless
  the money is the wider pot ("a wider £240m drive, set out in the X white paper").
  A figure worked out from the money just stated ("it works out at £900 each", "we've costed it at
  £2,000 per young person") takes that money's programme (and said per head, it is a rate).
  Beyond the sentence (never a fine; a cost, rate or foreign amount only when its sentence is
  about the scheme): never a department's, council's or trust's budget, a package, a settlement,
  an indefinite unnamed fund ("a £3m hardship fund"), nor, after the opening paragraph, money
  for "a new/separate scheme", "another pilot", in a sentence opening "Separately," or saying
  "separately" anywhere, or "also" money "into/for a(n) ..." something in a sentence not about the
  scheme; never the amount of a package ("a £1bn employment support package") or a total opening
  its sentence ("Overall, ...", "In total, ..."); a scheme reference on the other side of a
  "while/whereas/;" contrast does not make the money's side about the scheme; else the
  paragraph's only programme; in a paragraph naming several, the one the sentence before names
  (if the sentence is about the scheme); else, for a line of a list of allocations, the one
  programme of the paragraph introducing the list, and for other money the one programme of the
  next paragraph when it goes on about the money ("The funding is ... Connect to Work"); else
  the article's programme (the only one named; the one with more than half of the mentions, at
  least two, a name and its bracketed abbreviation counting once; the only one its first paragraph
  names; a "white paper" mention, and one in a sentence setting the story against its background --
  "It comes as ...", "Meanwhile, ..." -- do not count);
  else, for a sentence about the scheme, the one the last sentence naming any names.
  A sentence opening "It cost/paid/has ..." is about the scheme. Never the programme the sentence
  names beside the money ("Alongside X", "In addition to X", "On top of its X allocation"); never a
  programme for a cut to something else ("£3bn of cuts to sickness benefits"). Last, money whose
  sentence names no programme takes the programme of the same amount stated elsewhere in the article
  with its programme named ("the £14.2m" after "£14.2m through Connect to Work"); and money given the
  article's programme only because it is funding in pounds loses it when it is more than 25 times every
  amount the article names with that programme ("The NHS will receive £22bn" in a story about a £57m pilot).
- ``place`` (funding only): the canonical name (``place_mentions``: rows of
  ``places.extract``) of the place the money is allocated to when the text ties it: a list line
  ("3. Devon, Plymouth and Torbay – £22.8m": the first named), a recipient before the amount
  ("Telford will receive £3m", "Cumbria's £11.7m share") or after it ("£3m for Telford",
  "£35m is coming to South Yorkshire"); or the area of the council, combined authority or ICB
  receiving it ("Kent County Council has been allocated £18m" -> "Kent"); else None.
- ``share_of_amount``: the amount of the larger pot this one is stated to be a share of
  ("£3.5m of the £45m" -> 45000000.0; "£11.7m, its share of the £167.2m expansion" ->
  167200000.0; "Leeds's share of the £115m fund is £9.2m" -> 115000000.0); else None. Both amounts are rows and both take the programme.
- ``raw_text`` = ``text`` = ``body[span_start:span_end]``: the phrase as written with its
  qualifier (``up to £259m``), without period or rate words.
"""
from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any, NamedTuple

from healthwork.extract import programmes as _programmes
from healthwork.extract.numbers import (
    MULT, NUM, QUALIFIER_WORDS, WORD_NUMBER_WITH_HUNDREDS, alternation, parse_number, qualifier_of, range_low,
)
from healthwork.extract.text import RowsByStart, Span, find_all, paragraph_spans, sentence_spans, span_index

__all__ = ["extract"]

_PERIOD_WORDS: dict[str, float] = {
    w: float(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"a": 1.0, "an": 1.0, "fifteen": 15.0, "twenty": 20.0, "eighteen": 18.0, "twenty-four": 24.0,
     "thirty": 30.0, "thirty-six": 36.0}
_WORDNUM = WORD_NUMBER_WITH_HUNDREDS

_CUR_POST = (r"(?P<cur2>pounds?\s+sterling|pounds?|sterling|euros?|US\s+dollars?|dollars?|GBP|USD|EUR)"
             r"(?![A-Za-z])")

# Scanning: a long case-insensitive pattern tried at every offset is slow, so cheap scans find
# the currency marks and the patterns below are only tried (``.match``) where they can start.
_CUR_MARKS = ("£", "€", "$", "GBP", "USD", "EUR")
# case-free cores of the currency words, and how far back each word starts: "ound" -> "pound"
_CUR_WORD_CORES = {"ound": (1, "pP"), "OUND": (1, "P"), "uro": (1, "eE"), "URO": (1, "E"),
                   "ollar": (1, "dD"), "OLLAR": (1, "D"), "terling": (2, "sS"), "TERLING": (2, "S")}
_MONEY_PRE = re.compile(
    rf"(?P<cur>£|€|US\s?\$|\$|GBP\s?|USD\s?|EUR\s?)\s?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%])",
    re.IGNORECASE)
_US_BEFORE = re.compile(r"(?<![A-Za-z])US\s?\Z")
_MONEY_POST = re.compile(
    rf"(?:(?P<num>{NUM})|(?P<wnum>{_WORDNUM}))(?P<mult>{MULT})?\s*{_CUR_POST}", re.IGNORECASE)
_NUM_BEFORE = re.compile(
    rf"(?:(?<![\w.,£$€])(?:{NUM})|(?<![\w-])(?:{_WORDNUM}))(?:{MULT})?\s*(?:US\s+)?\Z", re.IGNORECASE)
_QUAL_BEFORE = re.compile(rf"(?:(?<![\w-])(?:(?P<qual>{alternation(QUALIFIER_WORDS)})|(?P<between>between))\s+"
                          rf"(?:(?:a\s+further|another|an\s+extra|an\s+additional|a\s+total\s+of|a\s+combined)\s+)?"
                          rf"|(?P<tilde>~)\s*)\Z",
                          re.IGNORECASE)
_RANGE_TAIL = re.compile(
    rf"\s*(?P<conn>-|\u2013|\u2014|to|and)\s*(?P<cur>£|€|US\s?\$|\$)?\s?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%])",
    re.IGNORECASE,
)
_PER_YEAR_TAIL = re.compile(
    r"(?:\s*|-)(?:(?:a|per|each|every)[\s-]+(?:(?:financial|calendar)\s+)?(?:year|annum)|annually|yearly|p\.a\.|pa|p/a"
    r"|/\s*(?:year|yr|annum)|every\s+(?:twelve|12)\s+months"
    r"|(?:in|for)\s+each\s+(?:financial\s+)?year|(?:in|for)\s+each\s+of\s+the\s+(?:(?:next|coming|following|last|past)\s+)?"
    r"[\w-]+\s+(?:financial\s+)?years)(?![\w-])(?!\s+(?:ago|earlier|later))",
    re.IGNORECASE,
)
# "an annual £5m", "annual funding of £5m", "the yearly cost is £2bn"
_PER_YEAR_PRE = re.compile(
    r"\b(?:annual|yearly)\s+(?:[a-z][\w-]*\s+){0,2}?(?:(?:of|is|was|will\s+be|would\s+be|worth|totalling|"
    r"totaling|at|reached|reaches|stands\s+at|rose\s+to|rises\s+to|to)\s+)?$"
    # "The annual cost of the Restart Scheme is £5m"
    r"|\b(?:annual|yearly)\s+(?:cost|costs|budget|bill|spend|spending|funding|grant|allocation)\s+of\s+(?:[\w'\u2019-]+\s+){1,5}?"
    r"(?:is|was|will\s+be|would\s+be|stands\s+at|totals|reached|rose\s+to|has\s+risen\s+to|had\s+risen\s+to)\s+$",
    re.IGNORECASE)
# "Every year, sickness costs the economy £100bn", "Each year the trust spends £2m"
_PER_YEAR_OPENING = re.compile(r"^(?:[\w'\u2019-]+\s+){0,2}?(?:each|every)\s+year,?\s+[^\d£$€\n]{0,80}$",
                               re.IGNORECASE)
# "£5m annual funding", "£5m in annual funding", "£5m of yearly support"
_PER_YEAR_POST_ADJ = re.compile(r"\s+(?:(?:in|of)\s+(?:(?:new|extra|additional|recurring|ongoing)\s+)?)?(?:annual|yearly)\b",
                                re.IGNORECASE)

_PWORD = alternation(_PERIOD_WORDS)
_PERIOD_N = (rf"(?P<n>\d+(?:\.\d+)?|{_PWORD})[\s-]+(?:(?:more|further|additional|extra)\s+)?"
             rf"(?:(?:financial|academic|calendar|fiscal)\s+)?(?P<unit>years?|yrs?|months?)")
_PERIOD_DECADE = r"(?P<decade>decade)"
_MONTH = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+)")
_PERIOD_FY = (rf"{_MONTH}?(?P<y1>(?:19|20)\d\d)(?P<fy1>[-/]\d\d)?\s*(?:to|-|\u2013|and|until)\s*"
              rf"{_MONTH}?(?P<y2>(?:19|20)\d\d)(?P<fy2>[-/]\d\d)?(?!\d)")
# "the 2025-28 period": a span of years written with a short end year (more than one year: "2025-26" is one
# financial year, a point in time)
_PERIOD_SHORT_SPAN = r"(?P<sy1>(?:19|20)\d\d)[-/\u2013](?P<sy2>\d\d)(?![\d-])"
# "the 2025-2028 period": a span of calendar years written in full
_PERIOD_LONG_SPAN = r"(?P<ly1>(?:19|20)\d\d)\s?[-/\u2013]\s?(?P<ly2>(?:19|20)\d\d)(?!\d)"
# "over three years", "over the next three years", "for two years", "across a five-year period",
# "over the next decade", "from 2025 to 2028"
_PERIOD_TAIL = re.compile(
    rf"(?:\s*,)?\s+(?:(?:spread|phased|(?:to\s+be\s+|being\s+)?(?:spent|paid|delivered|invested|distributed|released|"
    rf"allocated|used|drawn\s+down))\s+)?"
    rf"(?:(?:(?:over|across|for|during|within)\s+(?:(?:the|a|an|its|their)\s+)?"
    rf"(?:(?:next|coming|following|first|last|past|previous|initial)\s+)?(?:(?:course|period)\s+of\s+(?:the\s+next\s+)?)?"
    # "in the next three years", "in the three years to 2028"
    rf"|in\s+the\s+(?:(?:next|coming|following)\s+|(?=[\w.]+[\s-]+(?:years?|months?)\s+(?:to|up\s+to|until|ending)\s)))"
    rf"(?:{_PERIOD_N}|{_PERIOD_DECADE})(?![\w])"
    rf"|(?:(?:between|from|over|for|in|across)\s+(?:the\s+(?:period|years)\s+(?:from\s+)?)?|\()?{_PERIOD_FY}"
    rf"|(?:over|across|during|for)\s+the\s+{_PERIOD_SHORT_SPAN}\s+(?:period|spending\s+review(?:\s+period)?)"
    rf"|(?:over|across|during|for|in)\s+the\s+{_PERIOD_LONG_SPAN}\s+period"
    # "over the past year", "during the next 12 months": one year, no number said
    rf"|(?:over|across|during|throughout)\s+the\s+(?:past|last|previous|next|coming|following)\s+"
    rf"(?P<yearlong>year|twelve\s+months|12\s+months)(?![\w-]))",
    re.IGNORECASE,
)
# a period said elsewhere in the clause: only the unambiguous prepositions
_PERIOD_REMOTE = re.compile(
    rf"(?<![\w-])(?:(?:over|across|during)\s+(?:(?:the|a|an)\s+)?(?:(?:next|coming|following|first|initial)\s+)?"
    rf"(?:period\s+of\s+(?:the\s+next\s+)?)?"
    rf"|(?:for|in|within)\s+the\s+(?:next|coming|following)\s+)(?:{_PERIOD_N}|{_PERIOD_DECADE})(?![\w])"
    rf"|(?<![\w-])(?:from|between|(?:over|across|during)\s+the\s+period(?:\s+from)?)\s+{_PERIOD_FY}"
    rf"|(?<![\w-])(?:over|across|during|throughout)\s+the\s+(?:past|last|previous|next|coming|following)\s+"
    rf"(?P<yearlong>year|twelve\s+months|12\s+months)(?![\w-])",
    re.IGNORECASE,
)
# one year of something longer: "its first year", "the second year", "year one"
_YEAR_OF_SEVERAL = (r"(?:(?:its|the|their|this|that)\s+(?:first|second|third|fourth|fifth|final|last|opening|initial)"
                    r"\s+year|year\s+(?:one|two|three|four|five|1|2|3|4|5))")
# ... after the money: "in its first year", "for the second year", "in year one"
_ONE_YEAR_OF_SEVERAL = re.compile(rf"\s+(?:in|for|during|over)\s+{_YEAR_OF_SEVERAL}(?![\w-])", re.IGNORECASE)
# ... opening the sentence: "In its first year, ...", "During the second year, ..."
_ONE_YEAR_OPENING = re.compile(rf"\s*(?:In|For|During|Over)\s+{_YEAR_OF_SEVERAL},", re.IGNORECASE)
# "a three-year, £5m programme", "a two-year grant of £5m", "a five-year contract worth £1bn"
_PERIOD_PRE_ADJ = re.compile(
    rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{_PWORD})-(?P<unit>year|month),?\s+"
    rf"(?:(?:[A-Za-z]+\s+){{1,2}}(?:worth|of|totalling|totaling)\s+)?$", re.IGNORECASE)
# "three years of funding worth £5m", "two more years of support totalling £4m"
_PERIOD_PRE_OF = re.compile(
    rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{_PWORD})\s+(?:(?:more|further|additional|extra)\s+)?(?P<unit>years|months)\s+of\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:worth|totalling|totaling|of|at|valued\s+at)\s+$", re.IGNORECASE)
# "£5m, which will be spread over three years": the money's own relative clause may state its period
_SPREAD_WHICH = re.compile(r",\s+which\s+(?:will|would|is|are|was|were|has|have)\s+(?:(?:be|been)\s+)?(?=\w+\s)",
                           re.IGNORECASE)
# what the money pays for, said with its length: "The two-year extension is backed by £2.2m",
# "a year-long trial will receive £800,000", "£2m for a three-year pilot"
_PERIOD_OF_SCHEME = re.compile(
    rf"(?<![\w-])(?:(?P<n>\d+(?:\.\d+)?|{_PWORD})-(?P<unit>year|month)(?:-long)?|(?P<yearlong>year-long))\s+"
    rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:scheme|pilot|programme|program|service|trailblazer|initiative|trial|expansion|"
    rf"extension|project|contract|deal|grant|funding|fund|agreement|settlement|award|allocation|commitment|"
    rf"investment|partnership)s?(?![\w-])", re.IGNORECASE)
# "a £5m, two-year programme", "the £5m three-year fund"
_PERIOD_POST_ADJ = re.compile(rf",?\s+(?P<n>\d+(?:\.\d+)?|{_PWORD})-(?P<unit>year|month)(?![\w-])", re.IGNORECASE)
# a period opening the sentence: "Over the next three years, £5m will be invested"
_PERIOD_OPENING = re.compile(
    rf"(?:(?:over|across|during)\s+(?:the\s+(?:next|coming|following)\s+)?|(?:in|for)\s+the\s+(?:next|coming|following)\s+)"
    rf"(?:{_PERIOD_N}|{_PERIOD_DECADE})\s*,",
    re.IGNORECASE)
# how long what the money pays for runs: "will run for four years", "lasting two years", "for a further year",
# "will fund the service for two years"
_RUN_VERB = r"(?:runs?|running|ran|lasts?|lasting|lasted|operates?|operating|continues?|continuing)"
_KEEP_VERB = r"(?:fund|funds|funded|funding|keep|keeps|kept|extend|extends|extended|extending|sustain|sustains|sustained)"
_MORE_TIME = r"(?:a\s+further|another|an\s+additional|an\s+extra)"
_PERIOD_DURATION = re.compile(
    rf"(?<![\w-])(?:{_RUN_VERB}\s+for\s+(?:(?:{_MORE_TIME}|the\s+next)\s+)?(?:(?P<n>\d+(?:\.\d+)?|{_PWORD})[\s-]+)?"
    rf"|{_RUN_VERB}\s+(?:(?:{_MORE_TIME}|the\s+next)\s+)?(?P<n2>\d+(?:\.\d+)?|{_PWORD})[\s-]+"
    rf"|for\s+{_MORE_TIME}\s+(?:(?P<n3>\d+(?:\.\d+)?|{_PWORD})[\s-]+)?"
    rf"|{_KEEP_VERB}\s+(?:[\w'\u2019-]+\s+){{0,4}}?for\s+(?:(?:{_MORE_TIME}|the\s+next)\s+)?"
    rf"(?P<n4>\d+(?:\.\d+)?|{_PWORD})[\s-]+)"
    rf"(?P<unit>years?|months?)(?![\w-])", re.IGNORECASE)
_PER_YEAR_REMOTE = re.compile(
    r"(?<![\w-])(?:annually|each\s+year|every\s+year|per\s+year|per\s+annum)(?![\w-])", re.IGNORECASE)
# "a year" later in the clause ("£40m to expand the service in Leeds a year"): only when it is
# not a duration or a point in time ("for a year", "within a year", "a year ago", "a year's")
_A_YEAR_REMOTE = re.compile(
    r"(?<![\w-])(?:a|one)\s+year(?![\w'\u2019-])(?!\s+(?:ago|earlier|later|on|before|after|from|since|or|and|in|into|to))",
    re.IGNORECASE)
_A_YEAR_NOT_AFTER = re.compile(
    r"(?<![\w-])(?:for|in|within|over|than|after|last|next|once|twice|about|nearly|almost|under|by|just|"
    r"past|first|up|of|least|half|quarter|another|per|every|each)\s+$", re.IGNORECASE)
# text between an amount and the programme it is for: "£20m (over two years) for the ..."
_FOR_PROGRAMME = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:in|for|on|into|to|towards|through|via|from|under|across|within|behind|backing|"
    r"fund|funding|expand|expanding|extend|extending|deliver|delivering|run|running|launch|launching|support|"
    r"supporting|boost|boosting|continue|continuing|roll\s+out|rolling\s+out|part\s+of)"
    r"(?:\s+(?:the|its|a|an|new|national|local|government's|govt's))*\s+", re.IGNORECASE)
# a programme mention that names a document, not a recipient of money
_DOCUMENT_AFTER = re.compile(
    r"['\u2019]?s?\s+(?:(?:white|green)\s+paper|consultation|prospectus|guidance|report|evaluation|review|"
    r"strategy\s+document|policy\s+paper|command\s+paper)(?![\w-])", re.IGNORECASE)
# where money was announced, not what it is for: "announced in November's Get Britain Working white paper",
# "as set out in the Back to Work Plan prospectus" (a document named after "in", "under" or "by")
_IN_DOCUMENT_BEFORE = re.compile(r"(?<![\w-])(?:in|under|by|through)\s+(?:[\w'\u2019-]+\s+){0,2}?\Z", re.IGNORECASE)
_WIDER_BEFORE = re.compile(r"(?<![\w-])(?:wider|broader|overall|bigger|larger|whole)\s+(?:[\w-]+\s+)?\Z", re.IGNORECASE)
_ANNOUNCING_DOCUMENT_AFTER = re.compile(
    r"['\u2019]?s?\s+(?:(?:white|green)\s+paper|prospectus|policy\s+paper|command\s+paper|manifesto)(?![\w-])",
    re.IGNORECASE)
# two programme mentions listed together: "X and Y", "X, Y and the Z"
_COORDINATION = re.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s+(?:the\s+)?|\s*,\s*", re.IGNORECASE)
# a list line: optional bullet or number, a name of capitalised words, a dash or colon, the amount
# a list item's bullet or number ("\u2022 ", "- ", "3. ", "(2) ") and the words that may come before its amount
_BULLET = r"(?:[\u2022*\u2013\u2014-]\s*|\(?\d{1,2}[.)]\s+)"
_ITEM_QUALIFIER = r"(?:(?:up\s+to|around|about|almost|over|more\s+than)\s+)?"
_ALLOCATION_LINE = re.compile(
    rf"\s*{_BULLET}?"
    r"[A-Z][\w'\u2019.&-]*(?:,?\s+(?:(?:and|of|the|&|upon|on|in|with)\s+)?[A-Z0-9][\w'\u2019.&-]*){0,7}"
    rf"(?:\s+\([^()\n]{{1,40}}\))?\s*(?:[:\u2013\u2014]|\s-)\s*{_ITEM_QUALIFIER}")
_LIST_LINE = re.compile(rf"\s*{_BULLET}")
# a paragraph going on about the money just stated: "The money is ...", "This funding will ..."
_MONEY_ANAPHORA = re.compile(
    r"\s*(?:The|This|That|These|Such|Its|Their)\s+(?:(?:new|extra|additional|latest|government|national)\s+)?"
    r"(?:money|funding|funds|cash|grant|grants|allocation|award|investment|sum|pot|windfall|boost)(?![\w-])")
_LIST_ITEM_START = re.compile(rf"\s*{_BULLET}?")
_LIST_ITEM_GAP = re.compile(
    r"(?:(?:,|\s+and|\s+&)?\s+[A-Z][\w'\u2019.&-]*)*\s*(?:[:\u2013\u2014]|\s-)\s*"
    rf"{_ITEM_QUALIFIER}")
# between a place and its money: "Telford will receive ", "Greater Lancashire: ", "Leeds has been awarded up to "
_PLACE_BEFORE_GAP = re.compile(
    r"(?:['\u2019]s\s+(?:share|allocation|award|grant|pot)\s+(?:is|was|will\s+be|of)\s+"
    r"|\s*(?:[:\u2013\u2014]|\s-)\s*|['\u2019]s\s+"
    r"|(?:\s+(?:will|would|has|have|had|is|are|was|were|be|been|being|set|also|now|alone|itself|each|to|due|"
    r"expected|getting|going))*"
    r"\s+(?:get|gets|got|receive|receives|received|given|awarded|allocated|granted|handed|secured|secures|"
    r"secure|won|wins|win|bag|bags|bagged|share|shares|sharing)(?:\s+(?:a\s+share\s+of|a\s+further|"
    r"an\s+extra|an\s+additional|a\s+total\s+of|a|an))?\s+)"
    r"(?:(?:up\s+to|around|about|almost|nearly|over|more\s+than|some|at\s+least|just\s+over|just\s+under)\s+)?",
    re.IGNORECASE)
# a body named after its area: "Kent County Council", "NHS South Yorkshire Integrated Care Board", "the West
# Yorkshire Combined Authority" (the area: the capitalised words before the body's type)
_AREA_BODY = re.compile(
    r"(?<![\w-])(?:NHS\s+)?(?P<area>[A-Z][\w'\u2019.-]*(?:\s+(?:and\s+|&\s+|of\s+|upon\s+|on\s+|the\s+)?[A-Z][\w'\u2019.-]*){0,5})"
    r"\s+(?:Council|(?:Mayoral\s+)?Combined\s+(?:County\s+)?Authority|Integrated\s+Care\s+Board|ICB)(?![\w-])")
_AREA_TYPE_WORDS = re.compile(r"(?:\s+(?:City|County|Borough|District|Metropolitan|Royal|Mayoral))+\s*$"
                              r"|^(?:(?:Today|Yesterday|Now|Meanwhile|However|Separately|Also|And|But|The|NHS)\s+)+")
_PLACE_LIST_JOIN = re.compile(r",?\s+(?:and|&)\s+|,\s*")
# between money and its place: "£3m for Telford", "£40m will go to Leeds", "£2m allocated to the North East"
_PLACE_AFTER_GAP = re.compile(
    r"(?:\s+(?:will|would|is|was|has|have|been|be|being|set))*\s+(?:go(?:es|ing)?\s+|allocated\s+|awarded\s+|coming\s+|"
    r"given\s+|earmarked\s+|going\s+)?(?:for|to|in)\s+(?:the\s+)?", re.IGNORECASE)
# a rate that is not yearly: "£97 a week", "£250 per participant", "£12.21 an hour"
_RATE_TAIL = re.compile(
    r"(?:\s*|-)(?:a|an|per|each|every|/|for\s+(?:each|every))[\s-]*(?:(?:new|successful|sustained|eligible)\s+)?"
    r"(?:week|day|hour|month|night|shift|fortnight|person|head|"
    r"participant|patient|pupil|child|place|claimant|worker|employee|user|resident|household|adult|family|"
    r"visit|session|appointment|referral|quarter|hire|recruit|start|outcome|job\s+outcome|job|learner|apprentice|"
    r"apprenticeship|placement)(?![\w-])", re.IGNORECASE)
_PER_PERSON_AFTER = re.compile(
    r"(?:\s*-?(?:a|per|each|every)[\s-]+(?:year|annum|week|month))?\s+(?:(?:to|for)\s+(?:a|an|each|every|the\s+average|"
    r"the\s+typical)|per|each)\s+(?:(?:single|typical|average|disabled|working|low-income|eligible|young|older)\s+)?"
    r"(?-i:adult|person|claimant|household|family|participant|worker|employee|pensioner|couple|recipient|child|"
    r"parent|learner|apprentice|student|patient|individual|jobseeker|carer)(?![\w-])(?!\s+(?-i:[A-Z]))", re.IGNORECASE)
# an average worked out from a total, said per head: "it works out at well under £1,000 each", "that equates
# to about £40 a head" (a rate, not money given; "Six areas will get £2m each" is an allocation)
_WORKS_OUT_BEFORE = re.compile(
    r"(?<![\w-])(?:works?\s+out\s+(?:at|to)|worked\s+out\s+(?:at|to)|equates?\s+to|equated\s+to|equivalent\s+to|"
    r"the\s+equivalent\s+of|averages?|averaged|comes?\s+to|came\s+to)\s+(?:[\w-]+\s+){0,2}?\Z", re.IGNORECASE)
# a figure worked out from the money or the scheme just spoken of: "it works out at £900 each", "We've costed it
# at £2,000 per young person", "that equates to £40 a head" (the scheme's figure)
_WORKED_OUT_FROM_IT_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:it|this|that)\s+(?:works?|worked|would\s+work)\s+out\s+(?:at|to)|(?:it|this|that)\s+(?:equates|equated)\s+to"
    r"|cost(?:ed|s)?\s+(?:it|this|that|them|each\s+place|each\s+one)\s+at)\s+(?:[\w-]+\s+){0,2}?\Z", re.IGNORECASE)
_AVERAGE_EACH_AFTER = re.compile(r"\s+(?:each|apiece|a\s+head|per\s+head)(?![\w-])", re.IGNORECASE)
# the words between two compared amounts: " to ", ", up from ", " compared with "
_COMPARED = re.compile(
    r"(?:\s+(?:(?:a|per|each)[\s-]+year|annually|per\s+annum))?,?\s+"
    r"(?:(?:up|down|rising|falling|increasing|decreasing|rise|fall|compared|against|from)\s+)?(?:to|from|with|on)\s+"
    r"(?:(?:around|about|almost|nearly|more\s+than|over|some|just\s+over|"
    r"just\s+under)\s+)?|\s+(?:last|the\s+previous)\s+year\s+(?:to|from)\s+", re.IGNORECASE)
_OF_POT_BEFORE = re.compile(r"(?<![\w-])of\s+(?:the|this|that|its|their)?\s*\Z", re.IGNORECASE)
_SHARE_OF_BEFORE = re.compile(r"(?<![\w-])(?:share|part|portion|slice|proportion|allocation)\s+of\s+"
                              r"(?:(?:the|this|that|its|their|a)\s+)?\Z", re.IGNORECASE)
_SHARE_IS_GAP = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,6}?\s+(?:is|was|will\s+be|would\s+be|comes\s+to|came\s+to|amounts\s+to|totals|stands\s+at)\s+"
    r"(?:(?:up\s+to|around|about|almost|nearly|some|more\s+than|over|just\s+over|just\s+under)\s+)?", re.IGNORECASE)
_OF_POT_GAP = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,6}?\s*,\s*(?:(?:up\s+to|around|about|almost|nearly|some|more\s+than|over)\s+)?")
_QUAL_AFTER = re.compile(r"(?P<more>\+|-plus\b|\s+or\s+(?:more|above|over)\b|\s+and\s+(?:above|over|upwards)\b)"
                         r"|(?P<less>\s+or\s+(?:less|under|below)\b|\s+at\s+most\b)|(?P<about>\s+or\s+so\b)",
                         re.IGNORECASE)
_PAREN_OPEN = re.compile(r"\s*\(\s*")
_PAREN_CLOSE = re.compile(r"\s*\)")
# "£3.5m of the £45m", "almost £9m of its £115m", "£3m from the £12m"
_SHARE_DIRECT = re.compile(r"\s+(?:(?:out\s+)?of\s+(?:the|a|its|their|this|that|his|her|our)?|from\s+(?:the|a|its|their))"
                           r"\s*(?:total\s+of\s+)?"
                           r"(?:(?:total|overall|national|"
                           r"wider|whole|entire|original|new|government's|government\u2019s)\s+)*", re.IGNORECASE)
# "£11.7m, its share of the £167.2m expansion", "£10m as part of the £125m programme", "£2m comes
# from a £20m pot", "£4m out of a total of £30m"
_SHARE_LATER = re.compile(
    r"[^.;\n]{0,60}?(?<![\w-])(?:(?:share|part|portion|slice|proportion|allocation|chunk|tranche)\s+of"
    r"|(?:comes?|came|coming|drawn|taken|paid|funded|met|carved)\s+(?:from|out\s+of)|out\s+of(?:\s+a\s+total\s+of)?)"
    r"\s+(?:the|a|an|its|their|this)?\s*"
    r"(?:(?:total|overall|national|wider|whole|entire|new|original|UK|government's|government\u2019s|"
    r"UK\s+Government's|UK\s+Government\u2019s)\s+)*", re.IGNORECASE)
# what a cut is made to, after its money: "£3bn of cuts to ...", "a £900,000 cut to ...", "£2m in cuts from ..."
_CUT_TARGET_AFTER = re.compile(
    r"(?:\s+(?:of|in))?\s+(?:[a-z]+\s+)?(?:cuts?|reductions?|savings)\s+(?:to|from|in|on)\s+", re.IGNORECASE)
_CUTS_OF_BEFORE = re.compile(r"(?<![\w-])(?:cuts?|reductions?)\s+(?:of|worth|totalling)\s+(?:(?:almost|about|around|nearly|"
                             r"some|over|more\s+than|up\s+to)\s+)?\Z", re.IGNORECASE)
_TO_OR_FROM = re.compile(r"\s+(?:to|from|in)\s+", re.IGNORECASE)
# money taken away: cut, scrapped, withdrawn ("scrapped the £30m fund", "cuts of £4m")
_TAKEN_AWAY_BEFORE = re.compile(
    r"(?<![\w-])(?:cut|cuts|cutting|slash(?:ed|es|ing)?|scrap(?:s|ped|ping)?|axe[sd]?|axing|withdr[ae]w(?:n|s|ing)?|"
    r"strip(?:s|ped|ping)?|clawed\s+back|reduc(?:ed|es|ing|tion\s+of)|pull(?:s|ed|ing)?|loss\s+of|"
    r"(?:no\s+longer|(?:will|would|does|do|did|could|can|is|are|was|were)\s*n(?:o|['\u2019])t|(?:wo|ca)n['\u2019]t)"
    r"\s+(?:receive|receives|get|gets|have|has|be\s+given)"
    # a fall by an amount: "will fall by £30m", "dropped by £2m"
    r"|(?:fall|falls|fell|falling|drop|drops|dropped|dropping|decrease[sd]?|decreasing|shrink|shrinks|shrank|"
    r"shrinking|shrunk|underspent|underspend|underspends)\s+by)(?:\s+(?:of|by|from|the|a|an|its|their))*"
    r"(?:\s+[\w-]+){0,1}\s+\Z", re.IGNORECASE)
# what happens to the money, said after it: "The £3m grant was withdrawn", "the £45m contracts were
# scrapped", "will not be renewed", "Funding of £2m for the pilot ends in March", "£1.2m less than last year"
_TAKEN_AWAY_AFTER = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,4}?\s+(?:(?:(?:was|were|is|are|has|have|had|will|would|could|may|might|to\s+be|being|been|be)\s+)+"
    r"(?:\w+ly\s+)?(?:withdrawn|scrapped|cut|axed|pulled|lost|clawed\s+back|stripped|slashed|reduced|halved|removed|"
    r"taken\s+away|handed\s+back|given\s+back|returned|paused|halted|stopped|"
    r"not\s+(?:be\s+|been\s+)?(?:renewed|replaced|continued|extended))"
    r"|ends|ended|will\s+end|runs\s+out|ran\s+out|expires|expired|dries\s+up|dried\s+up)(?![\w-])"
    # a participle with no auxiliary: "with £5m handed back to the Treasury", "£2m clawed back"
    r"|\s+(?:(?:handed|given|paid|clawed|sent)\s+back|returned\s+to)(?![\w-])"
    r"|\s+(?:less|lower)\s+than(?![\w-])|\s+short\s+of(?![\w-])|\s+in\s+the\s+red(?![\w-])", re.IGNORECASE)
# what a person gains or loses: "£3,000 a year worse off"
_BETTER_OR_WORSE_OFF = re.compile(r"(?:\s+(?:a|per|each)\s+(?:year|week|month))?\s+(?:worse|better)\s+off\b",
                                  re.IGNORECASE)
# the guidelines' money of no one programme: a department's (or council's, trust's) budget, a
# package across schemes, a spending review settlement
_NOT_ONE_PROGRAMME = re.compile(
    r"(?<![\w-])(?:package|settlement|spending\s+review|(?:has|had|have|with)\s+(?:a|an)\s+(?:[\w-]+\s+)?budget\s+of"
    r"|(?:department|departmental|council|government|ministry|authority|trust|board|NHS|DWP|DHSC|Treasury|its|their)"
    r"(?:['\u2019]s)?\s+(?:[\w-]+\s+){0,2}?budgets?)(?![\w-])",
    re.IGNORECASE)
# "a £3m innovation fund": money for a fund with no programme name ("the £100,000 fund" of a story
# about one programme is that programme's)
_INDEFINITE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|another)\s+(?:(?:new|separate|extra|additional)\s+)?\Z",
                                re.IGNORECASE)
_UNNAMED_FUND_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+fund(?![\w-])")
# a sentence about a programme named elsewhere or its money: "the scheme", "this pilot", "the new service",
# "the money" (not "a scheme")
# nouns any scheme is called by ("the scheme", "the programme"): they never pick one programme by its name
_GENERIC_SCHEME_WORDS = ("scheme", "pilot", "programme", "program", "service", "trailblazer", "initiative", "trial",
                         "expansion", "rollout", "roll-out", r"roll\s+out", "project", "pathfinder", "vanguard",
                         "test-and-learn", "offer", "extension", "contract", "strand")
# a noun that ends a programme's name and refers to it alone ("the guarantee": the Youth Guarantee named before;
# ``_Ctx._named_by_its_noun``)
_DISTINCTIVE_SCHEME_WORDS = ("guarantee",)
_MONEY_WORDS = ("money", "funding", "cash", "investment", "allocation")
_SCHEME_NOUNS = rf"(?:{'|'.join(_GENERIC_SCHEME_WORDS + _DISTINCTIVE_SCHEME_WORDS)})s?"
_GENERIC_REFERENCE = re.compile(
    rf"(?<![\w-])(?:the|this|that|these|those|its|their)\s+(?:[\w'\u2019£.-]+\s+){{0,2}}?"
    rf"(?:{_SCHEME_NOUNS}|(?:{'|'.join(_MONEY_WORDS)})(?![\w-]))(?![\w-])",
    re.IGNORECASE)
# a sentence opening with what a scheme gives, unnamed: "Grants are capped at £5,000 per person",
# "Payments are limited to £500" (the paragraph's or article's programme's grants)
_BARE_SCHEME_SUBJECT = re.compile(
    r"\s*(?:(?:(?:Each|Every|A|An)\s+(?=[a-z]))?(?i:grants?|payments?|awards?|bursar(?:y|ies)|allowances?|vouchers?|places?|"
    r"referrals?)\s+"
    r"(?:are|is|will|can|may|were|was|would|could)"
    # "It cost £412m last year" after a sentence about the scheme: "It" is the scheme
    r"|It(?:\s+(?:also|now|then|still|currently))?\s+(?:cost|costs|paid|pays|spent|spends|received|receives|got|gets|"
    r"has|had|was|is|will))(?![\w-])")
# words naming a programme only to compare or to say what something replaced or follows
_REFERENCE_BEFORE = re.compile(
    r"(?<![\w-])(?:replac(?:e|es|ed|ing)|succeed(?:s|ed|ing)?|successor\s+to|builds?\s+on|building\s+on|built\s+on|"
    r"modelled\s+on|modeled\s+on|based\s+on|like|unlike|similar\s+to|instead\s+of|rather\s+than|than|"
    r"compared\s+(?:with|to)|in\s+place\s+of|"
    # named beside the money, not as what it is for: "Alongside Connect to Work, the council is investing £1m"
    r"alongside|in\s+addition\s+to|as\s+well\s+as|separate(?:ly)?\s+(?:from|to)|on\s+top\s+of|apart\s+from|"
    r"aside\s+from|besides|outside(?:\s+of)?)\s+(?:the\s+|a\s+|its\s+|their\s+)?\Z", re.IGNORECASE)
# a scheme other than the one the article is about: "a new programme", "a separate pilot", "another scheme"
# ("a new digital claims service" or "a new contract" of a story about one programme is that programme's)
_OTHER_SCHEME = re.compile(
    rf"(?<![\w-])(?:(?:a|an)\s+new\s+(?:[\w£.,'\u2019-]+\s+){{0,2}}?(?:scheme|pilot|programme|program|initiative|"
    rf"trailblazer|trial)s?(?![\w-])|(?:(?:a|an)\s+(?:separate|different)|another)\s+(?:[\w£.,'\u2019-]+\s+){{0,2}}?{_SCHEME_NOUNS}"
    rf"(?![\w-]))|(?<![\w-])(?:a|an)\s+(?:separate|unrelated)(?![\w-])", re.IGNORECASE)
# money raised by fundraising or given by donors
# (not "raised to £5m": increased)
_FUNDRAISING = re.compile(r"(?<![\w-])(?:rais(?:ed|es|ing)(?!\s+(?:to|from|by)\b)|fundrais\w*|donat(?:ed|es|ing|ions?)|"
                          r"appeal|crowdfund\w*)(?![\w-])", re.IGNORECASE)
# a sentence about what one person or one award gets: "Each award is capped at £69,260", "Every
# participant receives £500" (a rate per person, not an allocation; "Each area will get £2m" is one)
_PER_UNIT_SUBJECT = re.compile(
    r"\s*(?:Each|Every|A\s+single|One)\s+(?:[a-z][\w-]*\s+)?(?:award|grant|payment|bursary|voucher|person|participant|"
    r"claimant|individual|learner|recipient|referral|worker|employee|jobseeker|apprentice|trainee|young\s+person|applicant|"
    r"patient|user)(?![\w-])(?![^.;\n]{0,60}?(?<![\w-])(?:will\s+)?(?:shares?|sharing|between|across|together)(?![\w-]))")
# money an organisation adds from its own purse: "£150,000 of its own", "£2m of their own money"
_OWN_MONEY_AFTER = re.compile(r"\s+(?:of|from)\s+(?:its|their|our|his|her|the\s+council['\u2019]s)\s+own"
                              r"(?:\s+(?:money|cash|funds|funding|budget|resources|reserves))?(?![\w-])", re.IGNORECASE)
# a sentence setting the story against its background: "It comes as ...", "The news comes after ...", "Meanwhile, ..."
_BACKGROUND_OPENING = re.compile(
    r"\s*(?:(?:It|This|That|The\s+(?:news|announcement|move|funding|decision|award|launch))\s+(?:comes|came)\s+"
    r"(?:as|after|amid|alongside|weeks|days|months|a\s+(?:week|month|year))"
    r"|Meanwhile|Separately|Elsewhere|In\s+other\s+news)(?![\w-])")
# money given apart from the story's scheme: "The council has separately put £1.5m into a helpline"
_SEPARATELY = re.compile(r"(?<![\w-])separately(?![\w-])(?!\s+(?:from|to)\s)", re.IGNORECASE)
# "also" before the money, and an indefinite purpose after it: "will also put £150,000 into a new jobs fair",
# "has also given £2m for an anti-litter drive"
_ALSO_BEFORE = re.compile(r"(?<![\w-])also(?![\w-])", re.IGNORECASE)
_INTO_SOMETHING_ELSE_AFTER = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,3}?\s+(?:into|for|on|towards|to\s+(?:fund|pay\s+for|build|buy|create|open|set\s+up|launch))"
    r"\s+(?:a|an)\s", re.IGNORECASE)
# two sides of a contrast: "the scheme cost £300m last year, while Universal Credit cost £50bn"
_CONTRAST = re.compile(r";|,?\s+(?:while|whilst|whereas)\s", re.IGNORECASE)
# the money is the amount of a package or settlement: "a £1bn employment support package"
_PACKAGE_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:package|settlement)(?![\w-])", re.IGNORECASE)
# a sentence giving a total: "Overall, the department will spend £240m on new support"
_TOTAL_OPENING = re.compile(r"\s*(?:Overall|In\s+total|Altogether|All\s+told|In\s+all|Taken\s+together)\b")
# money of an organisation's own scheme: "its own £2m jobs programme"
_OWN_BEFORE = re.compile(r"(?<![\w-])(?:its|their|our|his|her)\s+own\s+\Z", re.IGNORECASE)
# money for a scheme other than the named one: "spending £1m on a new apprenticeship scheme", "£2m for a
# separate pilot"
_FOR_ANOTHER_SCHEME_AFTER = re.compile(
    rf"(?:\s+[\w'\u2019-]+){{0,2}}?\s+(?:on|for|into|towards|to\s+(?:fund|launch|set\s+up|create|run))\s+"
    rf"(?:(?:a|an)\s+(?:new|separate|different|unrelated)|another)\s+(?:[\w'\u2019-]+\s+){{0,2}}?{_SCHEME_NOUNS}(?![\w-])",
    re.IGNORECASE)
# a sentence turning to another subject
_TOPIC_SHIFT = re.compile(r"\s*(?:Separately|Elsewhere|In\s+a\s+separate\s+\w+|In\s+other\s+news)\b")
# between money and a programme named after it: the money is a total that contains the programme's
_INCLUDING = re.compile(r"(?<![\w-])(?:includ(?:es|ed|ing)|of\s+which)(?![\w-])", re.IGNORECASE)
# a programme naming where the money goes, not what it is for: "in the accelerator areas"
_AREAS_AFTER = re.compile(r"\s+(?:areas?|regions?|sites?|footprints?|localities|locality|patches|patch)(?![\w-])",
                          re.IGNORECASE)
_RESPECTIVELY = re.compile(r"(?<![\w-])respectively(?![\w-])", re.IGNORECASE)
# money "from" a programme (its source) and then "for" another (its purpose)
_SOURCE_GAP = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:from|through|via|under|out\s+of)(?:\s+(?:the|its|a|an))*\s+",
                         re.IGNORECASE)
_PURPOSE_GAP = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,2}?\s+(?:for|towards|into|to\s+(?:fund|support|expand|extend|run|deliver|pay\s+for))"
    r"(?:\s+(?:the|its|a|an|new|local))*\s+", re.IGNORECASE)
# a relative clause: "X, which received £18m, ..."
_RELATIVE_OPEN = re.compile(r",\s+(?:which|that)\s")
# an aside inside a sentence: ", which ... ,", ", part of ... ,", "( ... )", " - ... - "
_ASIDE_OPEN = re.compile(r",\s+(?:which|who|whose|that|part\s+of|one\s+of)\s|\(|\s[\u2013\u2014-]\s")
_ASIDE_CLOSE = re.compile(r",|\)|\s[\u2013\u2014-]\s")
# a clause boundary between money and a programme named after it: "£4m, and ...", "£4m; ..."
_CLAUSE_GAP = re.compile(r"[;,]\s+(?:and|while|but|whereas)\s|;")
_NEXT_CLAUSE_PENALTY = 200
_CLAUSE_STOP = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
# the inside of a bracketed short name or acronym, to its closing bracket: "(IPS)", "(Jobcentre Plus)"
_SHORT_NAME_IN_BRACKETS = re.compile(r"[A-Za-z][A-Za-z&'\u2019. -]{0,30}\)")
_CLAUSE_REACH = 400  # characters a clause reaches either side of its money: real clauses are far shorter

_KIND_WORDS: dict[str, str] = {
    "fine": "fine fined fines fining penalty penalties penalised penalized damages compensation",
    "cost": "cost costs costing costed bill bills spent spending overspend overspent expenditure "
            "paid charge charges charged debt debts loss losses expense "
            "expenses borrow borrows borrowed borrowing payout payouts pay pays paying remuneration spend spends",
    # rates, salaries, prices, cuts, money withdrawn or scrapped, deficits and shortfalls
    "other": "salary salaries wage wages earn earns earned earning earnings income price priced prices fee fees "
             "deficit deficits shortfall shortfalls gap hole cut cuts cutting slashed slash scrapped scrap scraps "
             "scrapping withdrawn withdraw withdrew withdrawing axed axe strip strips stripped stripping saving "
             "savings save saves saved reduction reductions clawed underspend underspent underspends valued valuation value turnover "
             "revenue revenues sales sold sell sells selling profit profits lose loses losing lost",
    "funding": "fund funds funded funding invest invests invested investing investment investments backed "
               "backing grant grants allocate allocated allocates allocating allocation allocations award "
               "awards awarded available trial trials pilot pilots programme programmes scheme schemes boost "
               "boosted boosts package pot budget budgets commit commits committed commitment commitments "
               "pledge pledges pledged provide provided provides providing finance financed finances financing "
               "donate donated donates donation donations injection rollout expansion secure secured receive "
               "received receives receiving earmark earmarked bid bids contract contracts initiative "
               "initiatives project projects service services fundraising raise raised further extra "
               "additional aside fenced ringfenced support supported supporting announce announced announces "
               "announcement unveil unveiled unveils deal deals money cash share sharing coming get gets got getting "
               "worth drive confirm confirms confirmed given give gives giving handed hand hands handing "
               "bankroll bankrolled bankrolling bankrolls channel channelled channelling pump pumped pumping "
               "inject injected injecting distribute distributed distributing win wins won winning landed "
               "bagged scooped underwritten underwrite sponsor sponsored sponsorship endowment endowed "
               "subsidise subsidised subsidy subsidies devolved awarding earmarking "
               "ringfence topped uplift windfall lifeline kitty",
}
_KIND_OF_WORD: dict[str, str] = {w: k for k, ws in _KIND_WORDS.items() for w in ws.split()}
_WORD = re.compile(r"[A-Za-z]+")
_KIND_RANK = {"fine": 0, "cost": 1, "other": 2, "funding": 3}
_KIND_REACH = 120  # characters either side of the amount, inside its sentence
# vague words only decide when nothing specific is near: "ordered to pay £1.5m in damages" is a fine
_WEAK_KIND_WORDS = frozenset(
    "pay pays paying paid provide provided provides providing receive received receives receiving available "
    "support supported supporting service services further extra additional programme programmes scheme "
    "schemes project projects initiative initiatives coming get gets got getting worth confirm confirms confirmed "
    "hand hands handing win wins won winning channel"
    .split())
_WEAK_PENALTY = 1000  # vague words only decide when no specific keyword is in reach
# a word in another clause of the sentence decides only when the amount's own clause has none
_CLAUSE_BREAK = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s|\s(?:but|while|whereas)\s")
_OTHER_CLAUSE_PENALTY = 2000
_NOT_QUAL_OVER = re.compile(r"(?:hand(?:ed|s|ing)?|turn(?:ed|s|ing)?|sign(?:ed|s|ing)?|pass(?:ed|es|ing)?)\s+$", re.IGNORECASE)


def _currency(sym: str | None) -> str:
    s = (sym or "").strip().lower().replace(" ", "")
    if s in {"£", "gbp", "pound", "pounds", "sterling", "poundsterling", "poundssterling"}:
        return "GBP"
    if s in {"€", "eur", "euro", "euros"}:
        return "EUR"
    return "USD"  # $, US$, usd, dollars, us dollars


def _period_value(m: re.Match[str]) -> float | None:
    gd = m.groupdict()
    if gd.get("decade"):
        return 10.0
    if gd.get("yearlong"):
        return 1.0
    if gd.get("n2") or gd.get("n3") or gd.get("n4"):
        gd = {**gd, "n": gd.get("n2") or gd.get("n3") or gd.get("n4")}
    if gd.get("unit") and not gd.get("n"):  # "for a further year", "for another month"
        unit = gd["unit"].lower()
        return None if unit.endswith("s") else 1.0 / 12.0 if unit.startswith("month") else 1.0
    if gd.get("n"):
        n = gd["n"].lower()
        value = _PERIOD_WORDS.get(n)
        if value is None:
            try:
                value = float(n)
            except ValueError:
                return None
        unit = (gd.get("unit") or "year").lower()
        return value / 12.0 if unit.startswith("month") else value
    if gd.get("ly1") and gd.get("ly2"):
        span = int(gd["ly2"]) - int(gd["ly1"])
        return float(span) if 0 < span <= 30 else None
    if gd.get("sy1") and gd.get("sy2"):
        y1 = int(gd["sy1"])
        y2 = y1 - y1 % 100 + int(gd["sy2"])
        return float(y2 - y1) if 1 < y2 - y1 <= 30 else None
    if gd.get("y1") and gd.get("y2"):
        y1, y2 = int(gd["y1"]), int(gd["y2"])
        span = y2 - y1 + (1 if gd.get("fy1") and gd.get("fy2") else 0)
        return float(span) if 0 < span <= 30 else None
    return None


class _Ctx:
    """Sentence/paragraph spans, programme and place mentions of one body, looked up by offset."""

    def __init__(self, body: str, mentions: list[dict[str, Any]], places: list[dict[str, Any]]):
        self.body = body
        self.sentences: list[Span] = sentence_spans(body)
        self.paragraphs: list[Span] = paragraph_spans(body)
        self.mentions = RowsByStart(mentions)
        self.places = RowsByStart(places)
        self._sentence_memo: dict[tuple[str, int, int], bool] = {}
        self.amount_starts: list[int] = []  # where each money phrase starts, set once they are read
        # the start and programme of the last money row made (the antecedent of "it works out at £900 each")
        self.previous_money: tuple[int, str | None] | None = None
        # money start -> the programme chosen among those its own sentence names (None: they name none it is for)
        self.named_in_sentence: dict[int, str | None] = {}
        # money starts whose programme is the last resort's guess (the programme the sentence before named)
        self.guessed: set[int] = set()
        # money starts given the article's programme only because they are funding in pounds (their sentence
        # neither names a programme nor speaks of "the scheme")
        self.by_article_only: set[int] = set()
        # a mention of the document a programme was set out in ("the Get Britain Working white
        # paper") does not make the article about that programme
        # nor does a programme named in a sentence setting the story against its background ("It comes
        # as the government rolls out its Pathways to Work reforms", "Meanwhile, ...")
        # nor one named only to compare or as what another scheme replaced or is modelled on ("based on
        # Individual Placement and Support", "unlike the Restart Scheme")
        self.main = _article_programme(body, [r for r in self.mentions.rows if not _DOCUMENT_AFTER.match(body, r["span_end"])
                                              and not _BACKGROUND_OPENING.match(body, self.sentence(r["span_start"])[0])
                                              and not self.named_to_compare(r)],
                                       self.paragraphs)

    def copy_programme_tie(self, converted: int, conversion: int) -> None:
        """The money at ``conversion`` ("$80m" in "£64m ($80m)") is tied to its programme the way the money at
        ``converted`` is: named in its sentence, guessed, or by the article only."""
        if converted in self.named_in_sentence:
            self.named_in_sentence[conversion] = self.named_in_sentence[converted]
        for found in (self.guessed, self.by_article_only):
            if converted in found:
                found.add(conversion)

    def named_to_compare(self, mention: dict[str, Any]) -> bool:
        """The programme mention follows words naming it only to compare, or as what another scheme
        replaces, builds on or stands beside ("modelled on X", "unlike X", "alongside X")."""
        start = int(mention["span_start"])
        return _REFERENCE_BEFORE.search(self.body, max(0, start - 30), start) is not None

    def _names_the_announcing_document(self, mention: dict[str, Any]) -> bool:
        """The mention names the document the money was announced in ("announced in the Get Britain
        Working white paper"): where the money was set out, not the programme it is for."""
        start, end = int(mention["span_start"]), int(mention["span_end"])
        return _ANNOUNCING_DOCUMENT_AFTER.match(self.body, end) is not None \
            and _IN_DOCUMENT_BEFORE.search(self.body, max(0, start - 40), start) is not None

    def _wider_pot(self, s: int) -> bool:
        """The money at ``s`` is said to be a larger pot than the one the story is about ("a wider £240m
        drive", "the overall £1bn"): the programme of the document it was set out in is its own."""
        return _WIDER_BEFORE.search(self.body, max(0, s - 25), s) is not None

    def sentence_has(self, pattern: re.Pattern[str], start: int, end: int) -> bool:
        """Whether ``pattern`` occurs in ``body[start:end]``, memoised: a sentence with many amounts
        is searched once, not once per amount (a 30k-character run-on "sentence" stays linear)."""
        key = (pattern.pattern, start, end)
        found = self._sentence_memo.get(key)
        if found is None:
            found = self._sentence_memo[key] = pattern.search(self.body, start, end) is not None
        return found

    def sentence(self, pos: int) -> Span:
        i = span_index(self.sentences, pos)
        return self.sentences[i] if i >= 0 else (pos, pos)

    def paragraph(self, pos: int) -> Span:
        i = span_index(self.paragraphs, pos)
        return self.paragraphs[i] if i >= 0 else (pos, pos)

    def programme(self, s: int, e: int, kind: str, currency: str, rate: bool) -> str | None:
        """The programme the money ``body[s:e]`` is for (see the module docstring)."""
        ss, se = self.sentence(s)
        # "Sunderland's share is £900,000. ... it works out at under £1,000 each": a figure worked out from the
        # money just stated is that money's programme's
        if self.previous_money is not None \
                and span_index(self.paragraphs, self.previous_money[0]) >= span_index(self.paragraphs, s) - 1 \
                and _WORKED_OUT_FROM_IT_BEFORE.search(self.body, max(ss, s - 40), s) is not None:
            return self.previous_money[1]
        # "£3bn of cuts to sickness benefits", "a £900,000 cut to its careers service": money taken from
        # something that is not a programme is no programme's, whatever else the sentence names
        if kind == "other" and self._cut_from_something_else(s, e, se):
            return None
        in_sentence = self.mentions.within(ss, se)
        # "Communities for Work, which received £18m a year, ...": the money of a "which" clause is its noun's
        owner = self._relative_clause_owner(s, in_sentence)
        if owner is not None:
            return owner
        # "The funding, which is £4.1m more than last year, will support ... through the X Fund": the money
        # of a "which" clause about "the funding" or "the scheme" is that one's, whatever the sentence names later
        if self._generic_clause_owner(s):
            return self._programme_beyond_sentence(s, e, kind, currency, rate)
        # "The programme, which replaced the Work and Health Programme, cost £1.2bn": an aside's
        # programme is not the one the money is for, nor one named to compare ("Unlike the Restart
        # Scheme, WorkWell will get £2m", "Modelled on IPS, the pilot will receive £1m")
        # "its own £2m jobs programme", "their own £500,000 scheme": an organisation's own scheme, unnamed, is
        # not a programme the sentence names (unless its name follows the money: "its own £2m Bolton Works scheme")
        if _OWN_BEFORE.search(self.body, max(ss, s - 12), s) and _SCHEME_AHEAD.match(self.body, e + 1, se) \
                and not any(e <= r["span_start"] <= e + 25 for r in in_sentence):
            return None
        compared = {str(r["programme"]) for r in in_sentence if self.named_to_compare(r)}
        in_sentence = [r for r in in_sentence if not self._in_aside(r, s, e) and not self.named_to_compare(r)
                       and not (self._names_the_announcing_document(r) and not self._wider_pot(s))]
        if in_sentence:
            chosen = self._sentence_programme(s, e, in_sentence)
            self.named_in_sentence[s] = chosen
            return chosen
        beyond = self._programme_beyond_sentence(s, e, kind, currency, rate)
        # "Alongside Connect to Work, the council is investing £1m of its own money": the sentence sets
        # the money apart from the programme it compares it with, so it is not that programme's
        return None if beyond in compared else beyond

    def _programme_beyond_sentence(self, s: int, e: int, kind: str, currency: str, rate: bool) -> str | None:
        """The programme of money whose own sentence names none it is for (see the module docstring)."""
        ss, se = self.sentence(s)
        # beyond the sentence, money whose sentence is about "the scheme" ("the pilot will cost £2m",
        # "the scheme pays £1,700 per referral"), or money given (kind funding) in pounds; never a fine
        # "the scheme cost £300m, while Universal Credit cost £50bn": the scheme of the other side of a contrast
        # is not what the money's own side speaks of
        ts, te = self._contrast_side(s, e)
        about_a_scheme = (self.sentence_has(_GENERIC_REFERENCE, ss, se) if (ts, te) == (ss, se)
                          else _GENERIC_REFERENCE.search(self.body, ts, te) is not None) \
            or bool(_BARE_SCHEME_SUBJECT.match(self.body, ss) and ts == ss) \
            or _WORKED_OUT_FROM_IT_BEFORE.search(self.body, max(ss, s - 40), s) is not None
        if kind == "fine" or not (about_a_scheme or (kind == "funding" and currency == "GBP" and not rate)):
            return None
        # "part of a £1bn employment support package", "Overall, the department will spend £240m on ...": a
        # package or a total across schemes, whatever the sentence says of the scheme
        if _PACKAGE_AFTER.match(self.body, e) or (not about_a_scheme and _TOTAL_OPENING.match(self.body, ss)):
            return None
        # a department's budget, a package or total across schemes, an unnamed fund: no one programme's
        # ("the council's overall budget is £290m"; but "the scheme's budget is £1.1m" is the scheme's)
        cs, ce = self._clause(s, e)
        if (_NOT_ONE_PROGRAMME.search(self.body, cs, ce) and not _GENERIC_REFERENCE.search(self.body, cs, ce)) \
                or (_UNNAMED_FUND_AFTER.match(self.body, e) and _INDEFINITE_BEFORE.search(self.body, max(ss, s - 20), s)):
            return None
        # money an organisation raised for itself ("raised £120,000 from its fun run", donations), or
        # puts in of its own ("the council is adding £150,000 of its own"): not the programme's funding
        # (but "£600,000 of its own money into the service" goes into the scheme)
        own = _OWN_MONEY_AFTER.match(self.body, e)
        if _FUNDRAISING.search(self.body, cs, ce) or (own is not None  # "its own money" itself is no reference
                                                      and not _GENERIC_REFERENCE.search(self.body, cs, s)
                                                      and not _GENERIC_REFERENCE.search(self.body, own.end(), ce)):
            return None
        # after the opening paragraph, "a new scheme", "another pilot", "Separately, ...": money for
        # something other than the article's programme
        if s >= self.paragraphs[0][1] and (self.sentence_has(_OTHER_SCHEME, ss, se) or _TOPIC_SHIFT.match(self.body, ss)
                                           or self.sentence_has(_SEPARATELY, ss, se)):
            return None
        # "The council will also put £150,000 into a new jobs fair": more money, for something else, in a
        # sentence that does not speak of the scheme
        if not about_a_scheme and _ALSO_BEFORE.search(self.body, ss, s) \
                and _INTO_SOMETHING_ELSE_AFTER.match(self.body, e, ce):
            return None
        # "the guarantee will cost £820m" after the Youth Guarantee was named: the one programme named before
        # whose name ends in the noun the sentence uses
        by_noun = self._named_by_its_noun(s, e) if about_a_scheme else None
        if by_noun is not None:
            return by_noun
        ps, pe = self.paragraph(s)
        # the money's own sentence names none but in asides, which are not the money's
        in_paragraph = self._programmes_in(ps, ss) | self._programmes_in(se, pe)
        if len(in_paragraph) == 1:
            return in_paragraph.pop()
        if in_paragraph:
            # a paragraph about several schemes: "the pilot" is the one the sentence before named
            return self._named_just_before(ss, ps) if about_a_scheme else None
        tied = self._list_context(ps) if _is_allocation_line(self.body, s, e) else self._money_followed_up(ps)
        if tied is not None:
            return tied
        if self.main is not None:
            if not about_a_scheme:
                self.by_article_only.add(s)
            return self.main
        # an article about several schemes: "the scheme" is the one the sentence before named (a guess
        # that a restatement of the same amount with its programme overrides)
        if not about_a_scheme:
            return None
        self.guessed.add(s)
        return self._named_just_before(ss, 0)

    def _named_by_its_noun(self, s: int, e: int) -> str | None:
        """The one programme named before the money's sentence whose name ends in the distinctive noun
        (``_DISTINCTIVE_SCHEME_WORDS``) the sentence refers to it by ("the guarantee" -> Youth Guarantee); None
        for generic nouns ("the scheme", "the programme") or when several programmes end in it."""
        ts, te = self._contrast_side(s, e)
        heads = {m.group().split()[-1].lower().rstrip("s") for m in _GENERIC_REFERENCE.finditer(self.body, ts, te)}
        heads &= frozenset(_DISTINCTIVE_SCHEME_WORDS)
        if not heads:
            return None
        ss, _ = self.sentence(s)
        found = {str(r["programme"]) for r in self.mentions.within(0, ss) if not self.named_to_compare(r)
                 and str(r["programme"]).split()[-1].lower().rstrip("s") in heads}
        return found.pop() if len(found) == 1 else None

    def _contrast_side(self, s: int, e: int) -> Span:
        """The side of a "..., while/whereas ..." or "...; ..." contrast the money ``body[s:e]`` is on (the whole
        sentence when there is none)."""
        ss, se = self.sentence(s)
        if not self.sentence_has(_CONTRAST, ss, se):
            return ss, se
        start = ss
        for m in _CONTRAST.finditer(self.body, ss, s):
            start = m.end()
        after = _CONTRAST.search(self.body, e, se)
        return start, after.start() if after else se

    def _cut_from_something_else(self, s: int, e: int, se: int) -> bool:
        """The money ``body[s:e]`` is a cut to or from what follows ("£3bn of cuts to benefits",
        "cuts of £4m from the budget") and no programme is named there."""
        m = _CUT_TARGET_AFTER.match(self.body, e, se)
        if m is None and _CUTS_OF_BEFORE.search(self.body, max(0, s - 20), s):
            m = _TO_OR_FROM.match(self.body, e, se)
        if m is None:
            return False
        return not any(r["span_start"] < _clause_end(self.body, m.end(), se) for r in self.mentions.starting_in(m.end(), se))

    def _clause(self, s: int, e: int) -> Span:
        """The clause of the money ``body[s:e]``: its sentence cut at commas, semicolons, colons,
        brackets and dashes."""
        ss, se = self.sentence(s)
        start = lo = max(ss, s - _CLAUSE_REACH)
        for m in _CLAUSE_STOP.finditer(self.body, lo, s):
            start = m.end()
        return start, _clause_end(self.body, e, se)

    def _sentence_programme(self, s: int, e: int, in_sentence: list[dict[str, Any]]) -> str | None:
        """The programme among those named in the money's sentence: the one it is explicitly for
        ("£20m for the Youth Guarantee"), else the nearest; none for a total across schemes."""
        body = self.body
        # "£1.2bn, including money for the Youth Guarantee": a total that contains the programme's money
        candidates = [r for r in in_sentence if not (r["span_start"] >= e
                                                     and _INCLUDING.search(body, e, r["span_start"]))]
        if not candidates:
            return None
        # "IPS services in the accelerator areas will get £1.5m": a programme naming where, not who
        recipients = [r for r in candidates if not _AREAS_AFTER.match(body, r["span_end"])]
        candidates = recipients or candidates
        respective = self._respectively(s, in_sentence)
        if respective is not None:
            return respective
        target = next((r for r in candidates if e <= r["span_start"] <= e + 60
                       and _FOR_PROGRAMME.fullmatch(body, e, r["span_start"])), None)
        if target is not None and _SOURCE_GAP.fullmatch(body, e, target["span_start"]):
            # "£250,000 from the UK Shared Prosperity Fund for WorkWell": the purpose, not the source
            target = next((r for r in candidates if r["span_start"] >= target["span_end"]
                           and _PURPOSE_GAP.fullmatch(body, target["span_end"], r["span_start"])), target)
        if target is None:
            # "After the success of WorkWell, the council is spending £1m on a new apprenticeship scheme": money
            # for another, unnamed scheme is not the one the sentence names elsewhere
            other = _FOR_ANOTHER_SCHEME_AFTER.match(body, e)
            if other is not None and not any(other.start() <= r["span_start"] <= other.end() + 40 for r in candidates):
                return None
            target = min(candidates, key=lambda r: (self._distance(s, e, r), 0 if r["span_end"] <= s else 1))
        # "spent on the Communities for Work and PaCE schemes": a total across several schemes
        if any(r["programme"] != target["programme"] and _coordinated(body, target, r) for r in in_sentence):
            return None
        return str(target["programme"])

    def _respectively(self, s: int, in_sentence: list[dict[str, Any]]) -> str | None:
        """"X, Y and Z will receive £3m, £2m and £1m respectively": the programme in the amount's place."""
        ss, se = self.sentence(s)
        if not self.sentence_has(_RESPECTIVELY, ss, se):
            return None
        amounts = sorted({a for a in self.amount_starts if ss <= a < se})
        names = [str(r["programme"]) for r in sorted(in_sentence, key=lambda r: r["span_start"])]
        if len(amounts) < 2 or len(names) != len(amounts) or len(set(names)) != len(names) or s not in amounts:
            return None
        return names[amounts.index(s)]

    def _relative_clause_owner(self, s: int, in_sentence: list[dict[str, Any]]) -> str | None:
        """The programme named right before the ", which/that ..." clause the money at ``s`` is in."""
        ss, _ = self.sentence(s)
        opening = _last(_RELATIVE_OPEN, self.body, ss, s)
        if opening is None or _ASIDE_CLOSE.search(self.body, opening.end(), s):
            return None
        owner = next((r for r in in_sentence if r["span_end"] <= opening.start()
                      and self.body[r["span_end"]:opening.start()].strip(" s'\u2019") == ""), None)
        return None if owner is None else str(owner["programme"])

    def _generic_clause_owner(self, s: int) -> bool:
        """The money at ``s`` is in a ", which/that ..." clause right after a sentence-opening "the
        funding", "this scheme" (a reference to money or a scheme named before)."""
        ss, _ = self.sentence(s)
        opening = _last(_RELATIVE_OPEN, self.body, ss, s)
        if opening is None or _ASIDE_CLOSE.search(self.body, opening.end(), s):
            return False
        before = self.body[ss:opening.start()]
        subject_start = ss + len(before) - len(before.lstrip())
        subject = _GENERIC_REFERENCE.match(self.body, subject_start)
        return subject is not None and subject.end() == opening.start()

    def _in_aside(self, mention: dict[str, Any], s: int, e: int) -> bool:
        """The mention is inside an aside that leaves out the money ``body[s:e]``: a ", which ...,"
        clause or a bracket ("X, which builds on the Y programme, has £2m")."""
        body = self.body
        ss, se = self.sentence(s)
        opening = _last(_ASIDE_OPEN, body, ss, mention["span_start"])
        if opening is None or _ASIDE_CLOSE.search(body, opening.end(), mention["span_start"]):
            return False  # no aside open where the mention stands
        closing = _ASIDE_CLOSE.search(body, mention["span_end"], se)
        if closing is None:
            return False
        if opening.start() <= s and e <= closing.end():
            return False  # the money is inside it too
        # "£5m, which comes from the UK Shared Prosperity Fund": an aside about the money itself
        return not (opening.start() >= e and body[e:opening.start()].strip() == "")

    def _named_just_before(self, ss: int, limit: int) -> str | None:
        """The one programme named by the last sentence before ``ss`` (not before ``limit``) that
        names any: the antecedent of "the scheme"."""
        i = span_index(self.sentences, ss) - 1
        while i >= 0 and self.sentences[i][0] >= limit:
            found = self._programmes_in(*self.sentences[i])
            if found:
                return found.pop() if len(found) == 1 else None
            i -= 1
        return None

    def _distance(self, s: int, e: int, mention: dict[str, Any]) -> int:
        """How far a programme mention is from the money ``body[s:e]``: a mention after the money
        in the next clause ("gets £4m, and Y £1m") is farther than one before it in its own."""
        if mention["span_start"] >= e:
            gap = mention["span_start"] - e
            return gap + _NEXT_CLAUSE_PENALTY if _CLAUSE_GAP.search(self.body, e, mention["span_start"]) else gap
        return max(s - mention["span_end"], 0)

    def _programmes_in(self, start: int, end: int) -> set[str]:
        """The programmes named in ``body[start:end]``, but for those named only to compare or as what
        another replaced ("It replaces the Work and Health Programme"): never what "the scheme" means."""
        return {str(r["programme"]) for r in self.mentions.within(start, end) if not self.named_to_compare(r)}

    def _list_context(self, ps: int) -> str | None:
        """The one programme of the text a list of allocations belongs to: back over the other
        list lines and a lead-in line ("Other allocations include:") to the paragraph before."""
        i = span_index(self.paragraphs, ps) - 1
        while i >= 0:
            s, e = self.paragraphs[i]
            line = self.body[s:e]
            if _LIST_LINE.match(line) or line.rstrip().endswith(":"):
                if self._programmes_in(s, e):
                    break
                i -= 1
                continue
            found = self._programmes_in(s, e)
            return found.pop() if len(found) == 1 else None
        return None

    def _money_followed_up(self, ps: int) -> str | None:
        """The one programme named where the next paragraph goes on about the money ("Up to £35m is
        coming to the region. / The money is its allocation from Connect to Work")."""
        i = span_index(self.paragraphs, ps) + 1
        if i <= 0 or i >= len(self.paragraphs):
            return None
        s, e = self.paragraphs[i]
        if not _MONEY_ANAPHORA.match(self.body, s):
            return None
        ss, se = self.sentence(s)
        found = self._programmes_in(ss, se)
        return found.pop() if len(found) == 1 else None

    def place(self, s: int, e: int) -> str | None:
        """The place the money ``body[s:e]`` is allocated to, when the text ties it."""
        ls = self.body.rfind("\n", 0, s) + 1
        ss, se = self.sentence(s)
        before = self.places.within(max(ss, ls, s - 80), s)
        if before and _LIST_ITEM_START.fullmatch(self.body, ls, before[0]["span_start"]) \
                and _LIST_ITEM_GAP.fullmatch(self.body, before[-1]["span_end"], s):
            return str(before[0]["name"])  # "3. Devon, Plymouth and Torbay – £22.8m": the first named
        if before and _PLACE_BEFORE_GAP.fullmatch(self.body, before[-1]["span_end"], s):
            # "Telford will receive £3m", "Cumbria's £11.7m"; of "Devon, Plymouth and Torbay will
            # get £22.8m" the first named
            k = len(before) - 1
            while k > 0 and _PLACE_LIST_JOIN.fullmatch(self.body, before[k - 1]["span_end"], before[k]["span_start"]):
                k -= 1
            return str(before[k]["name"])
        for r in self.places.starting_in(e, e + 40):
            if r["span_end"] <= se:
                if _PLACE_AFTER_GAP.fullmatch(self.body, e, r["span_start"]):
                    return str(r["name"])  # "£3m for Telford", "£40m to Leeds"
                break
        # "Kent County Council has been allocated £18m", "NHS South Yorkshire Integrated Care Board's
        # £2.1m": the area of the council, combined authority or ICB that receives it
        recipient = None
        for m in _AREA_BODY.finditer(self.body, max(ss, s - 160), s):
            recipient = m
        if recipient is not None and _PLACE_BEFORE_GAP.fullmatch(self.body, recipient.end(), s):
            return _AREA_TYPE_WORDS.sub("", recipient.group("area")).strip() or None
        return None


_ABBREVIATION_GAP = re.compile(r"\s*\(")


def _article_programme(body: str, mentions: list[dict[str, Any]], paragraphs: list[Span]) -> str | None:
    """The one programme an article is about: the only one it names; else the one named in more
    than half of its programme mentions (at least twice); else the one programme its opening
    names (its first paragraph names only it). ``mentions`` leave out programmes named only as
    the background of the story (see ``_Ctx``)."""
    counts: dict[str, int] = {}
    previous: dict[str, Any] | None = None
    for r in sorted(mentions, key=lambda r: r["span_start"]):
        # "Individual Placement and Support (IPS)": the name and its abbreviation are one mention
        abbreviation = previous is not None and previous["programme"] == r["programme"] \
            and _ABBREVIATION_GAP.fullmatch(body, previous["span_end"], r["span_start"]) is not None
        previous = r
        if not abbreviation:
            counts[str(r["programme"])] = counts.get(str(r["programme"]), 0) + 1
    if not counts:
        return None
    ps, pe = paragraphs[0] if paragraphs else (0, 0)
    lead = {str(r["programme"]) for r in mentions if ps <= r["span_start"] < pe}
    if len(counts) == 1:
        return next(iter(counts))
    top, n = max(counts.items(), key=lambda kv: kv[1])
    if n >= 2 and n * 2 > sum(counts.values()):
        return top
    return lead.pop() if len(lead) == 1 else None


def _coordinated(body: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two programme mentions joined as one list ("X and Y", "X, Y")."""
    first, second = (a, b) if a["span_start"] < b["span_start"] else (b, a)
    return bool(_COORDINATION.fullmatch(body, first["span_end"], second["span_start"]))


# "£6.5m to cut ...", "£2m to cover the cost of ...": a purpose right after the money (and its words)
_PURPOSE_TO = re.compile(r"(?:\s+[\w,'\u2019-]+){0,3}?\s+(?:to|(?:to|will|would|can|could|should)\s+(?:help\s+)?"
                         r"(?:cover|meet|help\s+with|pay\s+for)(?:\s+the)?|(?:covering|meeting)\s+the)\s+",
                         re.IGNORECASE)
# a cost the money meets, named after it: "... to cover management costs", "will meet the running costs"
_MEETS_A_COST_BEFORE = re.compile(r"(?<![\w-])(?:cover|covers|covering|meet|meets|meeting|pay\s+for|pays\s+for|help\s+with)"
                                  r"(?:\s+(?:the|its|their|some\s+of\s+the|part\s+of\s+the))?(?:\s+[\w-]+){0,2}?\s+\Z",
                                  re.IGNORECASE)
# money asked for, not given: "asked for £2m", "calls for £500m", "campaigners want £1bn"
_REQUESTED_BEFORE = re.compile(
    r"(?<![\w-])(?:ask(?:s|ed|ing)?\s+for|call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?|want(?:s|ed|ing)?|"
    r"request(?:s|ed|ing)?|lobb(?:y|ies|ied|ying)\s+for|campaign(?:s|ed|ing)?\s+for|plead(?:s|ed|ing)?\s+for|"
    # ("can apply for up to £5,000" is money on offer, so applying is not asking here)
    r"seek(?:s|ing)?|sought|"
    # money needed, not had: "the trust needs £15m to clear its waiting list"
    r"needs?|needed|needing|requires?|required|requiring)"
    r"(?:\s+(?:a|an|the|another|a\s+further|an\s+extra|an\s+additional|at\s+least|up\s+to|around|about))*\s*\Z",
    re.IGNORECASE)
# paying an organisation is giving it money: "will pay councils £3m", "paid providers up to £2m"
_PAY_RECIPIENT_BEFORE = re.compile(
    r"(?<![\w-])(?:pay|pays|paid|paying)\s+(?:the\s+|each\s+|its\s+|their\s+|local\s+)?(?:councils?|providers?|"
    r"(?:local\s+)?authorities|authority|trusts?|boards?|charities|charity|employers?|partners?|areas?|ICBs?|"
    r"organisations?|colleges?|mayors?)\s+(?:(?:a\s+total\s+of|up\s+to|around|about|almost|nearly|more\s+than|over|"
    r"some|an?\s+(?:extra|further|additional))\s+)?\Z", re.IGNORECASE)
# money set to be spent is allocated: "will spend", "plans to spend", "will be spent", "is spending £279m in the UK"
_INTENDED_BEFORE = re.compile(r"(?<![\w-])(?:will|would|shall|to|is|are|\w+['\u2019]ll)\s+(?:also\s+|now\s+|then\s+)?"
                              r"(?:be\s+)?\Z", re.IGNORECASE)
# "£3.7m on the ...": what money is spent on
_ON_SOMETHING = re.compile(r"(?:\s+[\w-]+){0,3}?\s+on\s+(?:(?:the|its|their|a|an)\s+)?", re.IGNORECASE)
_SCHEME_AHEAD = re.compile(rf"(?:[\w'\u2019-]+\s+){{0,3}}?{_SCHEME_NOUNS}(?![\w-])", re.IGNORECASE)
# money paid out by a scheme is money given: "the scheme paid out £247m"
_PAID_OUT = re.compile(r"\s+out(?![\w-])", re.IGNORECASE)
# the money pays for something: "the £14.2m would pay for 45 specialists"
_FOR_AFTER = re.compile(r"\s+for(?![\w-])", re.IGNORECASE)


def _spent_on_a_scheme(ctx: _Ctx, e: int, se: int) -> bool:
    """The money after ``e`` is spent on a programme or a scheme ("spent £3.7m on the WorkWell pilot"):
    money given to it, not a cost."""
    m = _ON_SOMETHING.match(ctx.body, e, se)
    if m is None:
        return False
    if _SCHEME_AHEAD.match(ctx.body, m.end(), se):
        return True
    return any(r["span_start"] == m.end() for r in ctx.mentions)


# what spending before an amount is on, when it is help given: "spending on training places and job support"
_SPENDING_ON_SUPPORT = re.compile(
    r"\s+on\s+(?:(?!(?:benefits?|bills?|pensions?|allowances?)(?![\w-]))[\w'\u2019-]+\s+){0,5}?"
    r"(?:support|services?|schemes?|programmes?|training|help|employment\s+advice|coaching)(?![\w-])", re.IGNORECASE)


# a contract or grant said to be valued at its money: "The WorkWell contract is valued at £57m"
_SCHEME_VALUED_BEFORE = re.compile(
    r"(?<![\w-])(?:contracts?|deals?|grants?|awards?|schemes?|programmes?|pilots?|agreements?|partnerships?)\s+"
    r"(?:(?:is|are|was|were|has\s+been|have\s+been|will\s+be|being|now|jointly|collectively)\s+){0,2}\Z", re.IGNORECASE)
# a cut or loss said by its own amount, after another amount: "... has been cut by £5m", "... was reduced to £40m"
_BY_ANOTHER_AMOUNT = re.compile(r"\s+(?:by|to|from)\s+(?:(?:a|an|just|about|around|almost|nearly|some|more\s+than|over|up\s+to)\s+)*"
                                r"(?:[£$€]|US\$)", re.IGNORECASE)
_NET_BEFORE = re.compile(r"(?<![\w-])net\s+\Z", re.IGNORECASE)
_VALUED_THING_BEFORE = re.compile(r"(?<![\w-])(?:sector|market|industry|company|firm|business|economy|home|house|"
                                  r"property|estate|fortune|brand|stake)s?\s+(?:is|was|are|were|now|could\s+be|"
                                  r"would\s+be|will\s+be|has\s+been)\s+(?:now\s+)?\Z", re.IGNORECASE)
_VALUE_OF_SCHEME = re.compile(rf"\s+of\s+(?:the|its|their|this|these)\s+(?:[\w'\u2019-]+\s+){{0,2}}?"
                              rf"(?:{_SCHEME_NOUNS}|grants?|funding|awards?|deals?)(?![\w-])", re.IGNORECASE)


# money a body has to make up: "needs to find £5m", "must find £12m" (a shortfall)
_SHORTFALL_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:need|needs|needed|needing|has|have|had|having|forced|required|struggling|trying|asked)\s+to|must|"
    r"will\s+have\s+to)\s+find\s+(?:(?:a\s+further|another|an\s+extra|an\s+additional)\s+)?\Z", re.IGNORECASE)
# what a worker is paid: "Support workers are paid £24,000 a year", "coaches will be paid up to £31,500"
_SALARY_BEFORE = re.compile(
    r"(?<![\w-])(?:is|are|was|were|be|been|being|get|gets|got|getting)\s+paid\s+(?:(?:an?|the)\s+)?"
    r"(?:(?:annual|yearly|starting|basic|average)\s+)?(?:(?:salary|wage)\s+of\s+)?\Z", re.IGNORECASE)
_SALARY_LIMIT = Decimal(250_000)  # a person's pay; a sum paid to an organisation is larger
# a price: what something costs the one person who buys or takes it ("costs learners £250",
# "costs each participant £1,200"; not "costs employers £100bn", a cost to the economy)
_PRICE_BEFORE = re.compile(
    r"(?<![\w-])(?:cost|costs|costing|charge|charges|charged|charging)\s+(?:(?:each|every|a|an|the|individual)\s+)?"
    r"(?:learner|student|participant|customer|user|buyer|visitor|applicant|trainee|attendee|delegate|member|parent|"
    r"patient|jobseeker|claimant|person|individual)s?\s+\Z", re.IGNORECASE)


# a return on money: "£4 for every £1 invested", "every £1 spent saves £2"
_RATIO_BEFORE = re.compile(r"(?<![\w-])(?:every|each|per)\s+(?:(?:£|\$|€)\d+(?:\.\d+)?\s+(?:[\w-]+\s+){0,3}?)?\Z",
                           re.IGNORECASE)
_RATIO_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:for|to|from)\s+(?:every|each)\s+(?:£|\$|€)", re.IGNORECASE)
# what the economy gains: "worth £25bn a year to the UK economy", "could boost the economy by £3bn"
_TO_THE_ECONOMY_AFTER = re.compile(
    r"(?:\s*-?(?:a|per|each|every)[\s-]+year|\s+annually)?\s+to\s+the\s+(?:[\w-]+\s+){0,2}?economy(?![\w-])",
    re.IGNORECASE)
_BOOST_THE_ECONOMY_BEFORE = re.compile(
    r"(?<![\w-])(?:boost|boosts|boosted|boosting|add|adds|added|adding|grow|grows|growing)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"economy\s+(?:by\s+)?(?:(?:up\s+to|around|about|almost|nearly|some|more\s+than|over|an\s+estimated)\s+)?\Z",
    re.IGNORECASE)
# an award made by a court or tribunal is against someone (a fine), not a grant
_COURT = re.compile(r"(?<![\w-])(?:tribunals?|courts?|judges?|jury|juries|ombudsman|sheriff)(?![\w-])", re.IGNORECASE)
_AWARD_WORDS = frozenset({"award", "awards", "awarded", "awarding"})


def _kind(ctx: _Ctx, s: int, e: int, value: Decimal) -> str:
    """Kind from the keyword nearest the amount ``body[s:e]`` (of ``value``) within its sentence; an
    amount listed against a name ("Greater Lancashire: £38.8m") is an allocation (funding); a
    shortfall to find, a salary and a price are other."""
    body = ctx.body
    ss, se = ctx.sentence(s)
    before = max(ss, s - 60)
    if _PAY_RECIPIENT_BEFORE.search(body, before, s):
        return "funding"
    if _REQUESTED_BEFORE.search(body, before, s):
        return "other"  # "campaigners want £1bn", "calls for £500m": asked for, not given
    if _SHORTFALL_BEFORE.search(body, before, s) or _PRICE_BEFORE.search(body, before, s) \
            or (value < _SALARY_LIMIT and _SALARY_BEFORE.search(body, before, s)):
        return "other"
    best: tuple[int, int, str] | None = None
    for lo, hi in ((max(ss, s - _KIND_REACH), s), (e, min(se, e + _KIND_REACH))):
        for m in _WORD.finditer(body, lo, hi):
            word = m.group()
            kind = _KIND_OF_WORD.get(word.lower())
            if kind is None:
                continue
            if word[0].isupper() and m.start() > ss and _in_name(body, m.start()):
                continue  # inside a proper name: "Office for Budget Responsibility"
            if word.lower() == "worth" and (_NET_BEFORE.search(body, max(ss, m.start() - 12), m.start())
                                            or _VALUED_THING_BEFORE.search(body, max(ss, m.start() - 30), m.start())):
                kind = "other"  # "a net worth of $2bn", "the sector is worth £1.6bn": what something is valued at
            elif word.lower() in _AWARD_WORDS and ctx.sentence_has(_COURT, ss, se):
                kind = "fine"  # "a tribunal awarded the worker £30,000": an award against someone
            elif word.lower() == "value" and _VALUE_OF_SCHEME.match(body, m.end()) \
                    or word.lower() == "valued" and _SCHEME_VALUED_BEFORE.search(body, max(ss, m.start() - 40), m.start()):
                kind = "funding"  # "the total value of the contracts", "the contract is valued at": the money put in
            if kind in ("cost", "other") and m.start() >= e and (
                    _PURPOSE_TO.fullmatch(body, e, m.start())
                    or _MEETS_A_COST_BEFORE.search(body, max(e, m.start() - 40), m.start())):
                continue  # what the money is for: "£6.5m to cut the number of people out of work", "to cover management costs"
            if word.lower() in ("spend", "spent", "spending", "spends") and _spent_on_a_scheme(ctx, e, se) \
                    or word.lower() in ("spend", "spent", "spending") \
                    and _INTENDED_BEFORE.search(body, max(ss, m.start() - 20), m.start()) \
                    or word.lower() in ("paid", "pays", "pay") and _PAID_OUT.match(body, m.end()) \
                    or word.lower() in ("pay", "pays", "paying") and m.start() >= e and _FOR_AFTER.match(body, m.end()):
                kind = "funding"  # money set to be spent ("plans to spend £1.4m"), paid out by a scheme
            elif word.lower() in ("spend", "spent", "spending", "spends") and m.end() <= s \
                    and _SPENDING_ON_SUPPORT.match(body, m.end(), s):
                kind = "funding"  # "spending on job support will rise to £300m": money given to services
            gap = max(m.start() - e, s - m.end(), 0)
            if word.lower() in _WEAK_KIND_WORDS:
                gap += _WEAK_PENALTY
            if _CLAUSE_BREAK.search(body, min(m.end(), e), max(m.start(), s)):
                gap += _OTHER_CLAUSE_PENALTY  # "will receive up to £10m, and the scheme will cost £45m"
            key = (gap, _KIND_RANK[kind], kind)
            if best is None or key < best:
                best = key
    if _RATIO_BEFORE.search(body, max(ss, s - 45), s) or _RATIO_AFTER.match(body, e, se):
        return "other"  # "returns £4 for every £1 invested": a ratio, not money given
    if best is not None and best[2] == "funding" and (_TO_THE_ECONOMY_AFTER.match(body, e, se)
                                                      or _BOOST_THE_ECONOMY_BEFORE.search(body, max(ss, s - 50), s)):
        return "other"  # "worth £25bn a year to the economy", "boost the economy by £3bn": a gain, not money given
    taken_after = _TAKEN_AWAY_AFTER.match(body, e, _clause_end(body, e, se))
    # "WorkWell's £57m budget has been cut by £5m": the £5m is what is taken, the £57m what it was taken from
    if taken_after is not None and _BY_ANOTHER_AMOUNT.match(body, taken_after.end(), se):
        taken_after = None
    if _TAKEN_AWAY_BEFORE.search(body, max(ss, s - 45), s) or _BETTER_OR_WORSE_OFF.match(body, e) or taken_after:
        return "other"  # "scrapped the £30m fund", "a cut of £4m to the service", "the £3m grant was withdrawn"
    if (best is None or best[0] >= _WEAK_PENALTY) and _is_allocation_line(body, s, e):
        return "funding"
    # no keyword near: in health-and-work news a bare amount is nearly always money given
    # ("Leeds: £2m", "the £5m plan")
    return best[2] if best else "funding"


def _in_name(body: str, i: int) -> bool:
    """The capitalised word at ``body[i]`` follows a word of the same sentence (not an opening
    quote, bracket, colon or bullet), so it is part of a name."""
    j = i - 1
    while j >= 0 and body[j] == " ":
        j -= 1
    return j >= 0 and j < i - 1 and (body[j].isalnum() or body[j] in ",'\u2019")


def _is_allocation_line(body: str, s: int, e: int) -> bool:
    """``body[s:e]`` is the amount of a list line "<name> – £Xm" / "<name>: up to £Xm, for ..."."""
    ls = body.rfind("\n", 0, s) + 1
    return bool(_ALLOCATION_LINE.fullmatch(body, ls, s))


_Found = tuple[int, int, Decimal, str, str]  # start, end, value, currency, qualifier


class _Amount(NamedTuple):
    start: int  # where the amount starts (currency sign or number), qualifier excluded
    end: int
    currency: str
    num: str | None
    mult: str | None
    wnum: str | None
    prefixed: bool  # currency written before the number ("£5m"), so a range may follow


_DIGIT_WORDS = {w: str(i) for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_SPOKEN_POINT_BEFORE = re.compile(r"(?<![\w-])(?P<whole>zero|one|two|three|four|five|six|seven|eight|nine)\s+point\s+\Z",
                                  re.IGNORECASE)


def _amounts(body: str) -> list[_Amount]:
    """Non-overlapping money amounts of ``body``, in order, qualifiers not yet looked at."""
    found: list[_Amount] = []
    for i in find_all(body, _CUR_MARKS):
        if body[i] == "$":
            us = _US_BEFORE.search(body, max(0, i - 3), i)
            if us:
                i = us.start()
        m = _MONEY_PRE.match(body, i)
        if m:
            found.append(_Amount(m.start(), m.end(), _currency(m.group("cur")), m.group("num"),
                                 m.group("mult"), None, True))
    words = find_all(body, ("GBP", "USD", "EUR"))
    for core, (back, first) in _CUR_WORD_CORES.items():
        for i in find_all(body, (core,)):
            if i >= back and body[i - back] in first:
                words.append(i - back)
    for i in sorted(words):
        if i > 0 and (body[i - 1].isalpha() or body[i - 1] == "£"):
            continue
        b = _NUM_BEFORE.search(body, max(0, i - 40), i)
        if not b:
            continue
        m = _MONEY_POST.match(body, b.start())
        if m and m.end() > i:
            spoken = _SPOKEN_POINT_BEFORE.search(body, max(0, m.start() - 20), m.start()) if m.group("wnum") else None
            if spoken and m.group("wnum").lower() in _DIGIT_WORDS:
                # "one point two million pounds": 1.2 million, said as words
                num = f"{_DIGIT_WORDS[spoken.group('whole').lower()]}.{_DIGIT_WORDS[m.group('wnum').lower()]}"
                found.append(_Amount(spoken.start(), m.end(), _currency(m.group("cur2")), num, m.group("mult"), None,
                                     False))
                continue
            found.append(_Amount(m.start(), m.end(), _currency(m.group("cur2")), m.group("num"),
                                 m.group("mult"), m.group("wnum"), False))
    found.sort(key=lambda a: (a.start, -a.end))
    out: list[_Amount] = []
    for a in found:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out


# "lost 42 pounds", "weighs 95 pounds", "310 pounds (140 kilos) of cannabis": a weight, not money
_WEIGHT_BEFORE = re.compile(
    r"(?<![\w-])(?:los[te]|loses|losing|gain(?:ed|s|ing)?|shed(?:s|ding)?|put\s+on|puts\s+on|putting\s+on|"
    r"weigh(?:s|ed|ing)?|heavier|lighter)\s+(?:(?:about|around|almost|nearly|over|more\s+than|some|up\s+to|"
    r"at\s+least|an\s+extra|a\s+further|another)\s+)?(?:[\d.,]+\s+or\s+)?\Z", re.IGNORECASE)
_WEIGHT_AFTER = re.compile(r"\s*\(\s*[\d.,]+\s*(?:kilos?|kilograms?|kgs?)\b|\s+(?:heavier|lighter|overweight)\b",
                           re.IGNORECASE)
_WEIGHT_LIMIT = Decimal(1000)  # a person's or a parcel's weight in pounds; money written in words is larger


def _is_weight(body: str, a: _Amount, value: Decimal) -> bool:
    """``a`` is "N pounds" of weight: a small number of pounds, no multiplier, after a weight verb
    or followed by kilograms."""
    if a.prefixed or a.mult or a.currency != "GBP" or value >= _WEIGHT_LIMIT:
        return False
    return bool(_WEIGHT_BEFORE.search(body, max(0, a.start - 40), a.start) or _WEIGHT_AFTER.match(body, a.end))


def _clause_end(body: str, pos: int, limit: int) -> int:
    """Where the clause going on from ``pos`` ends: the next clause stop before ``limit``, looked
    for within ``_CLAUSE_REACH`` characters (a run-on "sentence" of thousands of amounts stays linear).
    A short bracketed name ("Integrated Care Board (ICB) has put ...") does not end the clause."""
    limit = min(limit, pos + _CLAUSE_REACH)
    m = _CLAUSE_STOP.search(body, pos, limit)
    while m is not None and m.group() == "(":
        closing = _SHORT_NAME_IN_BRACKETS.match(body, m.end(), limit)
        if closing is None:
            break
        m = _CLAUSE_STOP.search(body, closing.end(), limit)
    return m.start() if m else limit


def extract(body: str, programme_mentions: list[dict[str, Any]] | None = None,
            place_mentions: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every money amount in ``body`` (see the module docstring for the fields and rules).

    ``programme_mentions`` (rows of ``programmes.extract``; read here when None) tie money to
    programmes; ``place_mentions`` (rows of ``places.extract``; none when None) tie funding to
    the place it is allocated to."""
    amounts = _amounts(body)
    if not amounts:
        return []
    if programme_mentions is None:
        programme_mentions = _programmes.extract(body)
    ctx = _Ctx(body, programme_mentions, place_mentions or [])
    found: list[_Found] = []
    groups: list[tuple[int, int]] = []  # (first index in found, end of the whole phrase) per money phrase
    pos = 0
    for a in amounts:
        if a.start < pos:
            continue  # already read as the high end of a range
        if a.wnum and not a.mult and "hundred" not in a.wnum.lower():  # "a pound", "one euro": not worth reporting
            continue
        value = parse_number(a.num, a.mult, a.wnum)
        if value is None or _is_weight(body, a, value):
            continue
        start, qualifier, between = a.start, "exact", False
        q = _QUAL_BEFORE.search(body, max(0, a.start - 40), a.start)
        if q and q.group("tilde"):
            start, qualifier = q.start(), "about"
        elif q and q.group("between"):
            between = True
        elif q and not (q.group("qual").lower() == "over"
                        and _NOT_QUAL_OVER.search(body, max(0, q.start() - 12), q.start())):
            start, qualifier = q.start(), qualifier_of(q.group("qual"))
        first, end = len(found), a.end
        tail = _RANGE_TAIL.match(body, end) if a.prefixed else None
        if tail and (tail.group("conn").lower() != "and" or between) and (tail.group("cur") or tail.group("mult")):
            value2 = parse_number(tail.group("num"), tail.group("mult"))
            if value2 is not None:
                if a.num:
                    value = range_low(a.num, a.mult, tail.group("num"), tail.group("mult")) or value
                # both rows carry the whole range as their evidence: "£1-2m" read alone as
                # "£1" or "2m" would not give the amount (the low end borrows the multiplier)
                found.append((start, tail.end(), value, a.currency, qualifier))
                cur2 = _currency(tail.group("cur")) if tail.group("cur") else a.currency
                found.append((start, tail.end(), value2, cur2, qualifier))
                groups.append((first, tail.end()))
                pos = tail.end()
                continue
        if qualifier == "exact":  # "£5m+", "£5m or more", "£500 or less"
            after = _QUAL_AFTER.match(body, end)
            if after:
                qualifier = "more_than" if after.group("more") else "about" if after.group("about") else "up_to"
        found.append((start, end, value, a.currency, qualifier))
        groups.append((first, end))
        pos = end

    rows: list[dict[str, Any]] = []
    ctx.amount_starts = sorted({f[0] for f in found})
    phrases = _phrases(body, found, groups)
    rates = [_RATE_TAIL.match(body, phrase_end) for _, _, phrase_end in phrases]
    periods = [(False, None) if rates[i] else
               _rate_and_period(ctx, found[first][0], phrase_end, found[last][0] if last < len(found) else len(body),
                                phrases[i - 1][2] if i else 0)
               for i, (first, last, phrase_end) in enumerate(phrases)]
    _share_yearly_rate(body, found, phrases, periods)
    for (first, last, phrase_end), rate, (per_year, period) in zip(phrases, rates, periods):
        # what one person gets or pays ("worth about £165 a year to a single adult"): a rate, whose
        # yearly period stays
        per_person = _PER_PERSON_AFTER.match(body, phrase_end) is not None \
            or _PER_UNIT_SUBJECT.match(body, ctx.sentence(found[first][0])[0]) is not None \
            or (_AVERAGE_EACH_AFTER.match(body, phrase_end) is not None
                and _WORKS_OUT_BEFORE.search(body, max(0, found[first][0] - 40), found[first][0]) is not None)
        lead: tuple[str, str, str | None] | None = None  # currency, kind and programme of the phrase's first row
        for k in range(first, last):
            start, end, value, currency, qualifier = found[k]
            text = body[start:end]
            if lead is not None and currency != lead[0]:
                # "£64m ($79m)": the conversion in brackets is the same money, of the same kind and programme
                kind, programme = lead[1], lead[2]
                ctx.copy_programme_tie(found[first][0], start)
            else:
                # a rate, or a sum stated to the penny (a benefit rate, a price): not a grant
                kind = "other" if rate or per_person or value != value.to_integral_value() else _kind(ctx, start, end, value)
                programme = ctx.programme(start, end, kind, currency, rate is not None or per_person)
            if lead is None:
                lead = (currency, kind, programme)
            ctx.previous_money = (start, programme)
            rows.append({
                "amount": float(value),
                "currency": currency,
                "qualifier": qualifier,
                "period_years": 1.0 if per_year else period,  # "£3m a year for five years": the yearly figure
                "per_year": per_year,
                "programme": programme,
                "kind": kind,
                "place": ctx.place(start, end) if kind == "funding" else None,
                "share_of_amount": _share_of(ctx, found, k, last),
                "raw_text": text,
                "text": text,
                "span_start": start,
                "span_end": end,
            })
    _restatements_keep_their_programme(ctx, rows)
    _far_larger_money_is_not_the_programmes(ctx, rows)
    _shares_take_their_pots_programme(ctx, rows)
    return rows


def _shares_take_their_pots_programme(ctx: _Ctx, rows: list[dict[str, Any]]) -> None:
    """A share whose own words name no programme ("West London will get £9m of the £115m") takes the
    programme of the pot it is stated to be a share of, in its sentence (the guidelines: both rows carry the
    programme) (in place)."""
    for r in rows:
        if r["share_of_amount"] is None or r["span_start"] in ctx.named_in_sentence or r["kind"] == "fine":
            continue
        ss, se = ctx.sentence(r["span_start"])
        pot = next((o for o in rows if o is not r and ss <= o["span_start"] < se and o["amount"] == r["share_of_amount"]
                    and o["currency"] == r["currency"] and o["programme"] is not None), None)
        if pot is not None:
            r["programme"] = pot["programme"]


_FAR_LARGER = 25.0  # an amount this many times every sum named with the programme is not the programme's


def _far_larger_money_is_not_the_programmes(ctx: _Ctx, rows: list[dict[str, Any]]) -> None:
    """Money given the article's programme only by default ("The NHS will receive £22bn" in a story about
    a £57m pilot) loses it when it is more than 25 times every amount the article ties to that programme
    otherwise (by name, "the scheme", its paragraph or a follow-up): a programme's own money is stated as
    its own, and a share is never larger than its pot (in place)."""
    named: dict[tuple[str, str], float] = {}  # (programme, currency) -> largest amount tied to it by the text
    for r in rows:
        if r["programme"] is not None and r["kind"] == "funding" \
                and r["span_start"] not in ctx.by_article_only and r["span_start"] not in ctx.guessed:
            key = (str(r["programme"]), r["currency"])
            named[key] = max(named.get(key, 0.0), r["amount"])
    for r in rows:
        if r["span_start"] not in ctx.by_article_only or r["programme"] is None:
            continue
        largest = named.get((str(r["programme"]), r["currency"]))
        if largest is not None and r["amount"] > _FAR_LARGER * largest:
            r["programme"] = None


def _restatements_keep_their_programme(ctx: _Ctx, rows: list[dict[str, Any]]) -> None:
    """Money whose own sentence names no programme takes the programme of the same amount stated
    elsewhere in the article with its programme named ("£14.2m over five years through Connect to
    Work" ... "Officers said the £14.2m would fund 45 specialists"), when those statements agree
    (in place). Fines are never a programme's."""
    tied: dict[tuple[float, str], set[str | None]] = defaultdict(set)
    for r in rows:
        if r["span_start"] in ctx.named_in_sentence and r["kind"] != "fine":
            tied[(r["amount"], r["currency"])].add(ctx.named_in_sentence[r["span_start"]])
    for r in rows:
        found = tied.get((r["amount"], r["currency"]))
        if r["span_start"] in ctx.named_in_sentence or r["kind"] == "fine" or not found or len(found) != 1:
            continue
        (programme,) = found
        if programme is not None:
            r["programme"] = programme
    # a guess gives way to the programme the same amount was given elsewhere by a firmer rule ("The
    # funding will pay for X" ... a later paragraph naming Y ... "This investment of £6.4m")
    firm: dict[tuple[float, str], set[str]] = defaultdict(set)
    for r in rows:
        if r["span_start"] not in ctx.guessed and r["programme"] is not None and r["kind"] != "fine":
            firm[(r["amount"], r["currency"])].add(str(r["programme"]))
    for r in rows:
        stated = firm.get((r["amount"], r["currency"]))
        if r["span_start"] in ctx.guessed and stated and len(stated) == 1:
            r["programme"] = next(iter(stated))


def _share_yearly_rate(body: str, found: list[_Found], phrases: list[tuple[int, int, int]],
                       periods: list[tuple[bool, float | None]]) -> None:
    """Two amounts compared in one breath share a yearly rate: "rising from £50bn to £65bn a
    year", "£65bn a year, up from £50bn" (in place)."""
    for i in range(1, len(phrases)):
        gap_start, gap_end = phrases[i - 1][2], found[phrases[i][0]][0]
        if not _COMPARED.fullmatch(body, gap_start, gap_end):
            continue
        for a, b in ((i - 1, i), (i, i - 1)):
            if periods[a][0] and not periods[b][0] and periods[b][1] is None:
                periods[b] = (True, None)


def _phrases(body: str, found: list[_Found], groups: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Money phrases as (first, last) indices into ``found`` and the phrase end; an amount in
    another currency in brackets right after ("£64m ($79m) a year") joins the phrase, so
    period and rate words after the brackets apply to both."""
    out: list[tuple[int, int, int]] = []
    for gi, (first, phrase_end) in enumerate(groups):
        last = groups[gi + 1][0] if gi + 1 < len(groups) else len(found)
        if out and out[-1][1] == first:
            prev_first, _, prev_end = out[-1]
            opening = _PAREN_OPEN.fullmatch(body, prev_end, found[first][0])
            closing = _PAREN_CLOSE.match(body, phrase_end)
            if opening and closing:
                out[-1] = (prev_first, last, closing.end())
                continue
        out.append((first, last, phrase_end))
    return out


def _share_of(ctx: _Ctx, found: list[_Found], k: int, phrase_last: int) -> float | None:
    """Amount of the larger pot ``found[k]`` is stated to be a share of: "£3.5m of the £45m",
    "£11.7m, its share of the £167.2m expansion"; else None."""
    body = ctx.body
    start, end, value = found[k][0], found[k][1], found[k][2]
    ss, se = ctx.sentence(start)
    nxt = next((f for f in found[phrase_last:] if f[0] >= end), None)
    if nxt is not None and nxt[2] > value and (
            _SHARE_DIRECT.fullmatch(body, end, nxt[0])
            or (nxt[0] < se and _SHARE_LATER.fullmatch(body, end, nxt[0]))):
        return float(nxt[2])
    # "Of the £45m, £3.5m will go to Bristol"
    prev = None
    for i in range(k - 1, -1, -1):  # the nearest amount before, in the same sentence (found is in body order)
        if found[i][0] < ss:
            break
        if found[i][1] <= start:
            prev = found[i]
            break
    if prev is not None and prev[2] > value and (
            (_OF_POT_BEFORE.search(body, max(ss, prev[0] - 12), prev[0]) and _OF_POT_GAP.fullmatch(body, prev[1], start))
            # "Leeds's share of the £115m Connect to Work funding is £9.2m"
            or (_SHARE_OF_BEFORE.search(body, max(ss, prev[0] - 30), prev[0])
                and _SHARE_IS_GAP.fullmatch(body, prev[1], start))
            # "£14m, of which £3m will go to Medway", "£20m, including £5m for Leeds"
            or _OF_WHICH_GAP.fullmatch(body, prev[1], start)):
        return float(prev[2])
    return None


# between a pot and a share of it stated next: ", of which ", ", including "
_OF_WHICH_GAP = re.compile(
    r"(?:\s+[\w'\u2019-]+){0,6}?\s*[,(\u2013\u2014-]\s*(?:of\s+which|including|out\s+of\s+which)\s+"
    r"(?:(?:up\s+to|around|about|almost|nearly|some|more\s+than|over|just\s+over|just\s+under)\s+)?", re.IGNORECASE)


def _last(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The last match of ``pattern`` in ``text[start:end]``."""
    found = None
    for found in pattern.finditer(text, start, end):
        pass
    return found


def _rate_and_period(ctx: _Ctx, start: int, end: int, next_start: int, prev_end: int = 0) -> tuple[bool, float | None]:
    """Whether the phrase body[start:end] is a yearly rate, and the period it covers (words
    between ``prev_end`` and ``next_start``, the money phrases around it, only)."""
    body = ctx.body
    ss, se = ctx.sentence(start)
    another_follows = next_start < se  # another amount later in the sentence
    se = min(se, next_start)
    per_year = False
    pos = end
    m = _PER_YEAR_TAIL.match(body, pos)
    if m and m.end() <= se:
        per_year, pos = True, m.end()
    elif _PER_YEAR_PRE.search(body, max(ss, start - 45), start) or _PER_YEAR_POST_ADJ.match(body, end) \
            or _PER_YEAR_OPENING.search(body, ss, start):
        per_year = True
    period: float | None = None
    m = _PERIOD_TAIL.match(body, pos, se)
    if m:
        period = _period_value(m)
    elif _ONE_YEAR_OF_SEVERAL.match(body, pos, se):
        return per_year, 1.0  # "£2m in its first year", "£2m for the first year of a three-year contract"
    if period is None:
        pm = _PERIOD_PRE_ADJ.search(body, max(ss, start - 50), start) or _PERIOD_POST_ADJ.match(body, pos, se) \
            or _PERIOD_PRE_OF.search(body, max(ss, start - 60), start)
        spread = None if pm else _SPREAD_WHICH.match(body, pos, se)
        if spread is not None:
            pm = _PERIOD_TAIL.match(body, spread.end() - 1, se)
        if pm:
            period = _period_value(pm)
    if period is None:
        om = _PERIOD_OPENING.match(body, ss, start)
        if om:
            period = _period_value(om)
        elif _ONE_YEAR_OPENING.match(body, ss, start):
            period = 1.0  # "In its first year, the pilot cost £3.9m"
    if period is None:
        limit = min(se, pos + 160)
        m = _PERIOD_REMOTE.search(body, pos, _clause_end(body, pos, limit))
        if m:
            period = _period_value(m)
    if period is None:
        # the length of what the money pays for, said in its sentence and by no other amount's words
        lo = max(ss, prev_end)
        m = _last(_PERIOD_OF_SCHEME, body, lo, start) or _PERIOD_OF_SCHEME.search(body, pos, _clause_end(body, pos, se)) \
            or _PERIOD_DURATION.search(body, lo, se)
        # a duration between this amount and the next one of the sentence is the nearer one's: "was given
        # £3.2m in 2024 and has now been extended for a further year with £2.1m"
        if m and another_follows and m.start() >= pos and m.start() - pos > next_start - m.end():
            m = None
        if m:
            period = _period_value(m)
    if not per_year:
        limit = _clause_end(body, pos, min(se, pos + 100))
        rm = _PER_YEAR_REMOTE.search(body, pos, limit)
        # no other number in between: "£5m to see 200 patients a year" / "to support 1,000 people
        # each year" is a rate of patients or people
        if rm and not any(c.isdigit() for c in body[pos : rm.start()]):
            per_year = True
        elif rm is None:
            am = _A_YEAR_REMOTE.search(body, pos, limit)
            if am and not any(c.isdigit() for c in body[pos : am.start()]) \
                    and not _A_YEAR_NOT_AFTER.search(body, max(pos, am.start() - 12), am.start()):
                per_year = True
    return per_year, period
