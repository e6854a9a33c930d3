"""Money amounts stated in an article body, normalised, qualified and tied to a programme.

One row per money phrase, in body order::

    {amount, currency, qualifier, period_years, per_year, programme, kind,
     raw_text, text, span_start, span_end}

Recognised forms
- currency before the number: ``£45m``, ``£ 2.5 billion``, ``$79m``, ``US$5m``, ``€10m``,
  ``GBP 5m``; after it: ``45 million pounds``, ``half a billion pounds``, ``5m euros``,
  ``10 million US dollars``, ``5m GBP``;
- multipliers ``k``/``thousand``, ``m``/``mn``/``million``, ``bn``/``b``/``billion``,
  ``tn``/``trillion`` (``£45m`` is 45000000.0, ``£40k`` 40000.0, ``£2.5bn`` 2.5e9);
- **ranges give two rows**: ``£1m-£2m``, ``£1m to £2m``, ``between £1m and £2m`` and
  ``£1-2m`` each yield one row for the low and one for the high amount (a multiplier written
  only on the high end is shared when the low number is smaller: ``£1-2m`` is 1e6 and 2e6);
  a qualifier written before the range, and period/rate words after it, apply to both rows;
  both rows' ``raw_text`` and span cover the whole range (``£1-2m``), which re-parses to both;
- a percentage or a plain number is never money; pence (``50p``) are not read.

Fields
- ``qualifier``: ``up_to`` (up to, as much as, a maximum of, less than, under, below),
  ``more_than`` (more than, over, in excess of, at least, upwards of, above, just over),
  ``about`` (around, about, almost, nearly, some, approximately, roughly, an estimated,
  close to, just under, circa), else ``exact``. ``a further`` / ``an extra`` are not qualifiers.
- ``per_year``: the amount is a yearly rate (``£500,000 a year``, ``£3.5m-a-year``,
  ``per annum``, ``annually``, ``an annual £5m``; also a rate word later in the clause:
  ``£40m to expand the service in Leeds a year``, unless another number comes between or
  the words are a duration or a date: ``for a year``, ``a year ago``).
- ``period_years``: the period the amount covers: ``over three years`` / ``over the next
  three years`` / ``for two years`` / ``across a five-year period`` / ``a three-year £5m
  deal`` / ``over 18 months`` (1.5) / ``over the next decade`` (10) / ``from 2025 to 2028``
  (3; financial years ``2025-26 to 2027-28`` count inclusively, 3). A yearly rate with no
  stated period has ``period_years`` 1; with one (``£5m a year for three years``) the stated
  period is kept and ``per_year`` stays True.
- ``kind``: from the keyword nearest to the amount in its sentence (vague words such as
  "paid", "provided", "scheme", "further" only decide when no specific keyword is within
  reach: "Spending on benefits will rise by a further £7bn" is a cost): ``fine`` (fined, fine,
  penalty, damages), ``cost`` (cost, bill, salary, spent, wages, paid...), ``funding`` (funded,
  invested, backed, grant, allocated, made available, trial, pilot, scheme, boost...), else
  ``other``; ties go fine > cost > funding.
- ``programme``: the canonical programme the money belongs to: a mention the amount is
  explicitly for ("£20m for the Youth Guarantee", "£1bn in Connect to Work"); else the
  nearest programme mention in the same sentence; else, for funding in pounds only, the
  nearest earlier (then later) mention in the same paragraph, else the article's dominant
  programme (the most mentioned one, when it has at least two mentions and more than half of
  all mentions). A cost, a fine or a foreign-currency amount gets a programme only from its
  own sentence ("WorkWell will cost £X"): costs to the economy, fines and a foreign scheme's
  budget belong to no programme. Programme names come from ``programmes.extract`` (pass its rows
  as ``programme_mentions`` to avoid a second pass).
- ``raw_text`` = ``text`` = ``body[span_start:span_end]``: the phrase as written with its
  qualifier (``up to £259m``), without period or rate words.

Numbers, multipliers, number words and qualifier phrases are read by ``numbers`` (shared with ``counts``).
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from healthwork.extract import programmes as _programmes
from healthwork.extract.numbers import (
    MULT, NUM, QUALIFIER_WORDS, WORD_NUMBER, alternation, parse_number, qualifier_of, range_low,
)
from healthwork.extract.text import Span, find_all, paragraph_spans, sentence_spans, span_index

__all__ = ["extract"]

_PERIOD_WORDS: dict[str, float] = {
    w: float(i) for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"a": 1.0, "an": 1.0, "fifteen": 15.0, "twenty": 20.0, "eighteen": 18.0, "twenty-four": 24.0,
     "thirty": 30.0, "thirty-six": 36.0}
_WORDNUM = WORD_NUMBER

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
_QUAL_BEFORE = re.compile(rf"(?<![\w-])(?:(?P<qual>{alternation(QUALIFIER_WORDS)})|(?P<between>between))\s+\Z",
                          re.IGNORECASE)
_RANGE_TAIL = re.compile(
    rf"\s*(?P<conn>-|\u2013|\u2014|to|and)\s*(?P<cur>£|€|US\s?\$|\$)?\s?(?P<num>{NUM})(?P<mult>{MULT})?(?![\d%])",
    re.IGNORECASE,
)
_PER_YEAR_TAIL = re.compile(
    r"(?:\s*|-)(?:(?:a|per|each|every)[\s-]+(?:year|annum)|annually|yearly|p\.a\.|pa)(?![\w-])(?!\s+(?:ago|earlier|later))",
    re.IGNORECASE,
)
_PER_YEAR_PRE = re.compile(r"\b(?:annual|yearly)\s+(?:budget\s+of\s+|sum\s+of\s+)?$", re.IGNORECASE)
_PER_YEAR_POST_ADJ = re.compile(r"\s+(?:annual|yearly)\b", re.IGNORECASE)

_PWORD = alternation(_PERIOD_WORDS)
_PERIOD_N = rf"(?P<n>\d+(?:\.\d+)?|{_PWORD})[\s-]+(?:(?:financial|academic|calendar|fiscal)\s+)?(?P<unit>years?|yrs?|months?)"
_PERIOD_DECADE = r"(?P<decade>decade)"
_PERIOD_FY = (r"(?P<y1>(?:19|20)\d\d)(?P<fy1>[-/]\d\d)?\s*(?:to|-|\u2013|and|until)\s*"
              r"(?P<y2>(?:19|20)\d\d)(?P<fy2>[-/]\d\d)?(?!\d)")
# "over three years", "over the next three years", "for two years", "across a five-year period",
# "over the next decade", "from 2025 to 2028"
_PERIOD_TAIL = re.compile(
    rf"(?:\s*,)?\s+(?:(?:spread|phased)\s+)?"
    rf"(?:(?:(?:over|across|for|during|within)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?:next|coming|following|first|last|past|previous|initial)\s+)?"
    rf"|in\s+the\s+(?:next|coming|following)\s+)(?:{_PERIOD_N}|{_PERIOD_DECADE})(?![\w])"
    rf"|(?:(?:between|from|over|for|in|across)\s+)?{_PERIOD_FY})",
    re.IGNORECASE,
)
# a period said elsewhere in the clause: only the unambiguous prepositions
_PERIOD_REMOTE = re.compile(
    rf"(?<![\w-])(?:(?:over|across|during)\s+(?:(?:the|a|an)\s+)?(?:(?:next|coming|following|first|initial)\s+)?"
    rf"|(?:for|in|within)\s+the\s+(?:next|coming|following)\s+)(?:{_PERIOD_N}|{_PERIOD_DECADE})(?![\w])"
    rf"|(?<![\w-])(?:from|between)\s+{_PERIOD_FY}",
    re.IGNORECASE,
)
# "a three-year, £5m programme", "a two-year grant of £5m", "a five-year contract worth £1bn"
_PERIOD_PRE_ADJ = re.compile(
    rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{_PWORD})-(?P<unit>year|month),?\s+"
    rf"(?:(?:[A-Za-z]+\s+){{1,2}}(?:worth|of|totalling|totaling)\s+)?$", re.IGNORECASE)
# a period opening the sentence: "Over the next three years, £5m will be invested"
_PERIOD_OPENING = re.compile(
    rf"(?:over|across|during|in)\s+the\s+(?:next|coming|following)\s+(?:{_PERIOD_N}|{_PERIOD_DECADE})\s*,",
    re.IGNORECASE)
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
    r"(?:\s+[\w-]+){0,4}?\s+(?:in|for|on|into|to|towards|through|via|from|under)"
    r"(?:\s+(?:the|its|a|an|new|national|local|government's|govt's))*\s+", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[,;:()\u2013\u2014]|\s-\s")

_KIND_WORDS: dict[str, str] = {
    "fine": "fine fined fines fining penalty penalties penalised penalized damages",
    "cost": "cost costs costing costed bill bills salary salaries spent spending overspend overspent expenditure wage "
            "wages paid charge charges charged debt debts deficit loss losses lose loses losing lost expense "
            "expenses price priced prices fee fees payout payouts pay pays paying earn earns earned earning "
            "earnings income remuneration",
    "funding": "fund funds funded funding invest invests invested investing investment investments backed "
               "backing grant grants allocate allocated allocates allocating allocation allocations award "
               "awards awarded available trial trials pilot pilots programme programmes scheme schemes boost "
               "boosted boosts package pot budget budgets commit commits committed commitment commitments "
               "pledge pledges pledged provide provided provides providing finance financed finances financing "
               "donate donated donates donation donations injection rollout expansion secure secured receive "
               "received receives receiving earmark earmarked bid bids contract contracts initiative "
               "initiatives project projects service services fundraising raise raised further extra "
               "additional aside fenced ringfenced support supported supporting announce announced announces "
               "announcement unveil unveiled unveils deal deals money cash",
}
_KIND_OF_WORD: dict[str, str] = {w: k for k, ws in _KIND_WORDS.items() for w in ws.split()}
_WORD = re.compile(r"[A-Za-z]+")
_KIND_RANK = {"fine": 0, "cost": 1, "funding": 2}
_KIND_REACH = 120  # characters either side of the amount, inside its sentence
# vague words only decide when nothing specific is near: "ordered to pay £1.5m in damages" is a fine
_WEAK_KIND_WORDS = frozenset(
    "pay pays paying paid provide provided provides providing receive received receives receiving available "
    "support supported supporting service services further extra additional programme programmes scheme "
    "schemes project projects initiative initiatives".split())
_WEAK_PENALTY = 1000  # vague words only decide when no specific keyword is in reach
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
    if gd.get("y1") and gd.get("y2"):
        y1, y2 = int(gd["y1"]), int(gd["y2"])
        span = y2 - y1 + (1 if gd.get("fy1") and gd.get("fy2") else 0)
        return float(span) if 0 < span <= 30 else None
    return None


class _Ctx:
    """Sentence/paragraph spans and programme mentions of one body, looked up by offset."""

    def __init__(self, body: str, mentions: list[dict[str, Any]]):
        self.body = body
        self.sentences: list[Span] = sentence_spans(body)
        self.paragraphs: list[Span] = paragraph_spans(body)
        self.mentions = sorted(mentions, key=lambda r: r["span_start"])
        counts: dict[str, int] = {}
        for r in self.mentions:
            counts[r["programme"]] = counts.get(r["programme"], 0) + 1
        self.dominant: str | None = None
        if counts:
            top, n = max(counts.items(), key=lambda kv: kv[1])
            if n >= 2 and n * 2 > len(self.mentions):
                self.dominant = top

    def sentence(self, pos: int) -> Span:
        i = span_index(self.sentences, pos)
        return self.sentences[i] if i >= 0 else (pos, pos)

    def paragraph(self, pos: int) -> Span:
        i = span_index(self.paragraphs, pos)
        return self.paragraphs[i] if i >= 0 else (pos, pos)

    def programme(self, s: int, e: int, kind: str, currency: str = "GBP") -> str | None:
        ss, se = self.sentence(s)
        best: tuple[int, int, str] | None = None
        for r in self.mentions:
            if e <= r["span_start"] <= e + 60 and r["span_end"] <= se \
                    and _FOR_PROGRAMME.fullmatch(self.body, e, r["span_start"]):
                return str(r["programme"])  # "£20m for the Youth Guarantee", "£1bn in Connect to Work"
            if r["span_start"] >= ss and r["span_end"] <= se:
                gap = max(r["span_start"] - e, s - r["span_end"], 0)
                key = (gap, 0 if r["span_end"] <= s else 1, r["programme"])
                best = key if best is None or key < best else best
        if best:
            return best[2]
        # beyond the sentence only money given to something (kind funding) in pounds is
        # assumed to be the programme's: a cost, a fine or a foreign amount belongs to a
        # programme only when its own sentence ties them ("WorkWell will cost £X")
        if kind == "funding" and currency == "GBP":
            ps, pe = self.paragraph(s)
            before = [r for r in self.mentions if ps <= r["span_start"] and r["span_end"] <= s]
            if before:
                return before[-1]["programme"]
            after = [r for r in self.mentions if r["span_start"] >= e and r["span_end"] <= pe]
            if after:
                return after[0]["programme"]
            return self.dominant
        return None


def _kind(ctx: _Ctx, s: int, e: int) -> str:
    """Kind from the keyword nearest the amount ``body[s:e]`` within its sentence."""
    ss, se = ctx.sentence(s)
    best: tuple[int, int, str] | None = None
    for lo, hi in ((max(ss, s - _KIND_REACH), s), (e, min(se, e + _KIND_REACH))):
        for m in _WORD.finditer(ctx.body, lo, hi):
            kind = _KIND_OF_WORD.get(m.group().lower())
            if kind is None:
                continue
            gap = max(m.start() - e, s - m.end(), 0)
            if m.group().lower() in _WEAK_KIND_WORDS:
                gap += _WEAK_PENALTY
            key = (gap, _KIND_RANK[kind], kind)
            if best is None or key < best:
                best = key
    return best[2] if best else "other"


class _Amount(NamedTuple):
    start: int  # where the amount starts (currency sign or number), qualifier excluded
    end: int
    currency: str
    num: str | None
    mult: str | None
    wnum: str | None
    prefixed: bool  # currency written before the number ("£5m"), so a range may follow


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
            found.append(_Amount(m.start(), m.end(), _currency(m.group("cur2")), m.group("num"),
                                 m.group("mult"), m.group("wnum"), False))
    found.sort(key=lambda a: (a.start, -a.end))
    out: list[_Amount] = []
    for a in found:
        if not out or a.start >= out[-1].end:
            out.append(a)
    return out


def _clause_end(body: str, pos: int, limit: int) -> int:
    m = _CLAUSE_STOP.search(body, pos, limit)
    return m.start() if m else limit


def extract(body: str, programme_mentions: list[dict[str, Any]] | None = None, **_: Any) -> list[dict[str, Any]]:
    """Every money amount in ``body`` (see the module docstring for the fields and rules)."""
    amounts = _amounts(body)
    if not amounts:
        return []
    if programme_mentions is None:
        programme_mentions = _programmes.extract(body)
    ctx = _Ctx(body, programme_mentions)
    found: list[tuple[int, int, Decimal, str, str]] = []  # start, end, value, currency, qualifier
    groups: list[tuple[int, int]] = []  # (first index in found, end of the whole phrase) per money phrase
    pos = 0
    for a in amounts:
        if a.start < pos:
            continue  # already read as the high end of a range
        if a.wnum and not a.mult:  # "a pound", "one euro": not an amount worth reporting
            continue
        value = parse_number(a.num, a.mult, a.wnum)
        if value is None:
            continue
        start, qualifier, between = a.start, "exact", False
        q = _QUAL_BEFORE.search(body, max(0, a.start - 25), a.start)
        if q and q.group("between"):
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
        found.append((start, end, value, a.currency, qualifier))
        groups.append((first, end))
        pos = end

    rows: list[dict[str, Any]] = []
    for gi, (first, phrase_end) in enumerate(groups):
        last = groups[gi + 1][0] if gi + 1 < len(groups) else len(found)
        next_start = found[groups[gi + 1][0]][0] if gi + 1 < len(groups) else len(body)
        p_start = found[first][0]
        per_year, period = _rate_and_period(ctx, p_start, phrase_end, next_start)
        for start, end, value, currency, qualifier in found[first:last]:
            kind = _kind(ctx, start, end)
            text = body[start:end]
            rows.append({
                "amount": float(value),
                "currency": currency,
                "qualifier": qualifier,
                "period_years": period if period is not None else (1.0 if per_year else None),
                "per_year": per_year,
                "programme": ctx.programme(start, end, kind, currency),
                "kind": kind,
                "raw_text": text,
                "text": text,
                "span_start": start,
                "span_end": end,
            })
    return rows


def _rate_and_period(ctx: _Ctx, start: int, end: int, next_start: int) -> tuple[bool, float | None]:
    """Whether the phrase body[start:end] is a yearly rate, and the period it covers."""
    body = ctx.body
    ss, se = ctx.sentence(start)
    se = min(se, next_start)
    per_year = False
    pos = end
    m = _PER_YEAR_TAIL.match(body, pos)
    if m and m.end() <= se:
        per_year, pos = True, m.end()
    elif _PER_YEAR_PRE.search(body, max(ss, start - 30), start) or _PER_YEAR_POST_ADJ.match(body, end):
        per_year = True
    period: float | None = None
    m = _PERIOD_TAIL.match(body, pos, se)
    if m:
        period = _period_value(m)
    if period is None:
        pm = _PERIOD_PRE_ADJ.search(body, max(ss, start - 50), start)
        if pm:
            period = _period_value(pm)
    if period is None:
        om = _PERIOD_OPENING.match(body, ss, start)
        if om:
            period = _period_value(om)
    if period is None:
        limit = min(se, pos + 160)
        m = _PERIOD_REMOTE.search(body, pos, _clause_end(body, pos, limit))
        if m:
            period = _period_value(m)
    if not per_year:
        limit = _clause_end(body, pos, min(se, pos + 100))
        if _PER_YEAR_REMOTE.search(body, pos, limit):
            per_year = True
        else:
            am = _A_YEAR_REMOTE.search(body, pos, limit)
            # no other number in between: "£5m to see 200 patients a year" is a rate of patients
            if am and not any(c.isdigit() for c in body[pos : am.start()]) \
                    and not _A_YEAR_NOT_AFTER.search(body, max(pos, am.start() - 12), am.start()):
                per_year = True
    return per_year, period
