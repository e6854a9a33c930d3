"""Entity rows -> analyst metrics (pure pandas, no I/O).

Everything here is computed over the whole corpus from the ``entities.*`` rows, the articles'
bodies and publication dates, and the syndication groups of ``healthwork.dedup``:

- ``programme_funding``: one row per distinct funding commitment: mentions of the same pot merged across
  articles despite rounding, qualifier and period differences; a share of a larger commitment points at it
  (``part_of``), so a programme's total is the sum of its top-level commitments. ``commitment_mentions``
  links every commitment to its mentions with the reason of each merge and share (rules: see
  "commitment resolution" below).
- ``programme_reach``: counts of people tied to a programme, and whether they are a target.
- ``programme_summary``, ``funding_timeline``, ``place_coverage``, ``article_groups``.

How things are tied together inside an article (the only places a rule decides):
- a place or a count of people belongs to a programme when its *paragraph* names the programme
  (a programme mention, or money of that programme);
- money goes to a place when the place is named in the *sentence* that states the money (a commitment's
  ``scope`` is the one place the sentence gives that amount, see ``owned_places``);
- money is a *share* of a larger commitment of the same programme when the article says so (see the
  share rules under "commitment resolution").
Syndicated copies (``dedup.canonical_map``) count once in every ``n_articles``.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from itertools import combinations
from typing import Any

import pandas as pd

from healthwork.extract.text import Span, paragraph_spans, sentence_spans, span_index

CURRENCY_SYMBOL = {"GBP": "£", "USD": "$", "EUR": "€"}
QUALIFIER_WORDS = {"up_to": "up to ", "more_than": "more than ", "about": "about ", "exact": ""}

# What follows a share's amount in its sentence when it is a part of something larger.
_SHARE_AFTER = re.compile(
    r"\s*(?:(?:of|from|out of)\s+(?:the|this|that|its|a|an)?\s*"
    r"(?:[£$€]|total|overall|funding|fund|money|pot|investment|allocation|budget|package|grant|cash|sum)"
    r"|each\b(?!\s+(?:year|month|week|day|annum)))",
    re.IGNORECASE)
# Phrases anywhere in the sentence saying the money is one part of a larger sum.
_SHARE_PHRASE = re.compile(
    r"\b(?:as part of|(?:a |its |their )?share of|portion of|slice of|allocated from|drawn from|"
    r"(?:will|would|to) each (?:receive|get|be given|be awarded))\b"
    # a sentence opening on the sum just stated: "Of that, £125m will go to ...", "Of the total, £235,000 ..."
    r"|^\s*Of\s+(?:that|this|which|it|the\s+(?:total|money|funding|pot|sum|amount|allocation|grant))\b",
    re.IGNORECASE)
# A count of people is a target ("to reach") when its sentence looks forward.
_TARGET = re.compile(
    r"\b(?:will|would|aims?|aiming|target(?:s|ed|ing)?|expected to|set to|plans? to|intends? to|"
    r"is to|are to|could)\b",
    re.IGNORECASE)


def _missing(v: Any) -> bool:
    return v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v))


def _date(v: Any) -> date | None:
    if _missing(v):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date()
    return v


def first_last(dates: Mapping[str, date | None], ids: Iterable[str]) -> tuple[date | None, date | None]:
    """Earliest and latest date of these articles (None when none is dated)."""
    ds = [d for d in (dates.get(a) for a in ids) if d is not None]
    return (min(ds), max(ds)) if ds else (None, None)


def canonical_article(article_id: str, duplicate_of: Mapping[str, str]) -> str:
    """Follow near-duplicate links to the canonical copy (syndicated copies count once)."""
    seen = set()
    while article_id in duplicate_of and article_id not in seen:
        seen.add(article_id)
        article_id = duplicate_of[article_id]
    return article_id


def money_label(amount: float, currency: str, qualifier: str = "exact", period_years: float | None = None,
                per_year: bool = False) -> str:
    """How an analyst would write it: ``up to £259m over 3 years``, ``£45m``, ``£86m a year``."""
    a = float(amount)
    for unit, size in (("bn", 1e9), ("m", 1e6), ("k", 1e3)):
        if abs(a) >= size:
            num = f"{a / size:,.2f}".rstrip("0").rstrip(".") + unit
            break
    else:
        num = f"{a:,.0f}"
    sym = CURRENCY_SYMBOL.get(currency)
    text = f"{sym}{num}" if sym else f"{currency} {num}"
    text = QUALIFIER_WORDS.get(qualifier, "") + text
    if per_year:
        text += " a year"
    elif not _missing(period_years):
        p = float(period_years)
        text += f" over {p:g} year{'s' if p != 1 else ''}"
    return text


@dataclass
class Corpus:
    """The inputs of the metrics. Frames carry the columns of the warehouse tables they come from."""

    articles: pd.DataFrame  # article_id, published_date, body (body optional)
    funding: pd.DataFrame
    programme_mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    place_mentions: pd.DataFrame = field(default_factory=pd.DataFrame)
    people_counts: pd.DataFrame = field(default_factory=pd.DataFrame)
    canonical: Mapping[str, str] = field(default_factory=dict)  # syndicated copy -> canonical copy
    # Only these programmes' money is resolved (None: all). Resolution compares mentions of one programme and
    # currency only, so a programme's commitments are the same whether or not the others are resolved.
    programmes: frozenset[str] | None = None
    # Names of places that never scope an amount (countries) over the whole corpus; None: those of
    # ``place_mentions`` (give it when ``articles`` is only part of the corpus).
    broad_places: frozenset[str] | None = None

    def canon(self, article_id: str) -> str:
        return canonical_article(article_id, self.canonical)

    def n_distinct(self, ids: Iterable[str]) -> int:
        return len({self.canon(a) for a in ids})

    @cached_property
    def dates(self) -> dict[str, date | None]:
        return {a: _date(d) for a, d in zip(self.articles["article_id"], self.articles["published_date"])}

    @cached_property
    def _segments(self) -> dict[str, tuple[list[Span], list[Span], str]]:
        if "body" not in self.articles:
            return {}
        return {a: (paragraph_spans(b or ""), sentence_spans(b or ""), b or "")
                for a, b in zip(self.articles["article_id"], self.articles["body"])}

    def body(self, article_id: str) -> str:
        seg = self._segments.get(article_id)
        return "" if seg is None else seg[2]

    def paragraph_span(self, article_id: str, pos: Any) -> Span | None:
        seg = self._segments.get(article_id)
        i = self.paragraph(article_id, pos)
        return None if seg is None or i < 0 else seg[0][i]

    def paragraph(self, article_id: str, pos: Any) -> int:
        seg = self._segments.get(article_id)
        return -1 if seg is None or _missing(pos) else span_index(seg[0], int(pos))

    def sentence(self, article_id: str, pos: Any) -> tuple[int, Span | None, str]:
        """(index, span, text) of the sentence containing ``pos``."""
        seg = self._segments.get(article_id)
        if seg is None or _missing(pos):
            return -1, None, ""
        i = span_index(seg[1], int(pos))
        return (i, seg[1][i], seg[2][seg[1][i][0]:seg[1][i][1]]) if i >= 0 else (-1, None, "")

    def first_last(self, ids: Iterable[str]) -> tuple[date | None, date | None]:
        return first_last(self.dates, ids)

    @cached_property
    def resolution(self) -> Resolution:
        """Funding rows of kind ``funding`` with a programme, resolved into commitments."""
        return _resolve(self)

    @property
    def money(self) -> pd.DataFrame:
        """Funding rows of kind ``funding`` with a programme, with their commitment id, share link and reasons."""
        return self.resolution.rows

    @cached_property
    def paragraph_programmes(self) -> dict[tuple[str, int], set[str]]:
        """(article, paragraph) -> programmes the paragraph names (mentions, or money of the programme)."""
        out: dict[tuple[str, int], set[str]] = defaultdict(set)
        for df, col in ((self.programme_mentions, "programme"), (self.funding, "programme")):
            if df.empty:
                continue
            for a, p, s in zip(df["article_id"], df[col], df["span_start"]):
                if not _missing(p):
                    out[(a, self.paragraph(a, s))].add(p)
        return out

    def programmes_at(self, article_id: str, pos: Any) -> set[str]:
        return self.paragraph_programmes.get((article_id, self.paragraph(article_id, pos)), set())

    @cached_property
    def place_links(self) -> pd.DataFrame:
        """What ``place_coverage`` reads of the articles' text, per place mention (see ``place_links``)."""
        return place_links(self)


# ---------------------------------------------------------------- commitment resolution
#
# A *mention* is one ``entities.funding`` row of kind ``funding`` with a programme. Mentions of the same
# pot are merged into one *commitment* across articles; a commitment that an article presents as a share
# of a larger one points at it (``part_of``). The rules, in the order they apply:
#
# Merging (same programme and currency always; every pair of mentions in a commitment must agree):
# - amounts agree within 1% (a rounded restatement: £167.2m ~ £167m), within 4% when either figure is
#   approximate (qualifier ``about``/``more_than``, or a one-digit round figure like £100m ~ £103.6m);
#   a bound must hold: "more than £1bn" never merges with £950m, "up to £5m" never with £5.2m;
# - periods agree, or only one mention states one ("£2.9bn" ~ "£2.9bn over three years"); an annual
#   figure and a multi-year total with the same number stay apart;
# - scopes agree, or only one mention has one; two places' allocations of the same size stay apart, and
#   a mention without a scope that fits allocations of several places stays on its own. The scope is the
#   row's extracted ``place`` when it has one, else the place its sentence gives the amount
#   (``owned_places``) or the label of its list item ("• Local London - £47.1m"); countries do not
#   scope, and the whole of a share read from the text ("part of £338m", "£3.5m of the £45m") has none,
#   nor has a sum the places before it share ("..., which are sharing £30m between them");
# - money introduced as new ("a further £45m", "an additional £5m") never merges with money the same article
#   states as not new; another outlet reporting the same sum without "further" restates it.
# Each mention keeps its ``merge_reason`` against the commitment's most precise mention.
#
# Shares (``part_of``), per mention, the first rule that applies:
# 1. the funding row states the larger amount it is a share of (``share_of_amount``, when extracted);
# 2. its sentence says so ("£9m of the £115m", "its share of the £167.2m", "will each receive £15m",
#    "Of the total, £235,000 ...");
# 3. with other amounts of the programme in the article it adds up to a larger amount stated there
#    (£427,000 + £596,000 = £1,023,000);
# 4. it is a yearly amount stated in one sentence with a larger multi-year total ("builds to £1bn a
#    year ... £2.2bn over four years in total");
# 5. it is an allocation (it has a scope) announced with a pot of the programme: the article states a
#    larger amount without a scope; the pot is the smallest one with room for all the article's
#    allocations below it, besides what rules 1-4 already put inside it;
# 6. the article calls a larger amount the programme's total ("total funding would exceed £1bn").
# Nothing else makes a share: an amount is never tied to a pot by size alone, and only rule 1 (the row
# names the pot's amount) reaches a pot stated in another article.
# A commitment is part of the larger commitment most of its mentions point at (never a smaller one).

# Words before an amount introducing new money ("a further £45m", "any extra funding over £5.5m").
_FURTHER = re.compile(r"\b(?:further|additional|extra|another)\s+(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
# Words around an amount saying it is a programme's total ("total funding would exceed £1bn", "£2.2bn in total").
_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|cumulative|combined)\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"[^.;]{0,25}?\b(?:in total|in all|altogether|overall)\b", re.IGNORECASE)
# Words before an amount making it the whole something is a share of ("its award is part of £338m").
_WHOLE = re.compile(r"\b(?:(?:part|share|portion|slice|proportion) of|out of|from)\s+"
                    r"(?:the\s+|a\s+|an\s+|its\s+|this\s+)?$",
                    re.IGNORECASE)
_BOUND_START = re.compile(r"[£$€\d]")
TOTAL_WORD_REACH = 45  # characters before an amount searched for "total"
_BROAD_PLACE_TYPES = frozenset({"country"})  # "England" or "Wales" in a sentence does not scope a pot
_APPROX_QUALIFIERS = frozenset({"about", "more_than"})
SAME_POT_TOLERANCE = 0.01
ROUND_FIGURE_TOLERANCE = 0.04


@dataclass
class Mention:
    """One eligible funding row, as the resolver reads it."""

    row: int
    article_id: str
    programme: str
    currency: str
    amount: float
    qualifier: str
    period_years: float | None
    raw_text: str
    span_start: int | None
    span_end: int | None
    sentence: int
    sentence_start: int | None
    sentence_text: str
    scope: str | None  # the place (or listed recipient) the money is allocated to
    scope_from_text: bool  # read by ``owned_places``, not extracted with the row
    share_of_amount: float | None
    is_further: bool
    is_whole: bool
    is_total: bool


@lru_cache(maxsize=65536)
def significant_digits(amount: float) -> int:
    """Digits that carry the figure: £103.6m has 4, £100m has 1, £3,028,875 has 7."""
    return max(1, len(f"{abs(float(amount)):.0f}".rstrip("0")))


def amounts_agree(a: Mention, b: Mention, with_reason: bool = True) -> str | None:
    """Why two amounts can be the same pot ('same amount', 'rounding', 'qualifier'), or None when they cannot."""
    x, y = float(a.amount), float(b.amount)
    approx = bool({a.qualifier, b.qualifier} & _APPROX_QUALIFIERS) or min(significant_digits(x),
                                                                         significant_digits(y)) <= 1
    tolerance = ROUND_FIGURE_TOLERANCE if approx else SAME_POT_TOLERANCE
    if abs(x - y) > tolerance * max(x, y):
        return None
    for m, other in ((a, y), (b, x)):
        if m.qualifier == "more_than" and other < m.amount * (1 - SAME_POT_TOLERANCE):
            return None
        if m.qualifier == "up_to" and other > m.amount * (1 + SAME_POT_TOLERANCE):
            return None
    if not with_reason:
        return "agree"
    reasons = []
    if x != y:
        reasons.append(f"rounding ({a.raw_text} ~ {b.raw_text})")
    if a.qualifier != b.qualifier:
        reasons.append(f"qualifier ({a.qualifier} ~ {b.qualifier})")
    return "; ".join(reasons) or "same amount"


def mentions_agree(a: Mention, b: Mention, with_reason: bool = True) -> str | None:
    """Why two mentions can state the same commitment, or None when they cannot (see the rules above).
    ``with_reason=False`` only tells whether they can ("agree")."""
    if (a.programme, a.currency) != (b.programme, b.currency):
        return None
    if a.is_further != b.is_further and a.article_id == b.article_id:
        return None  # "started with £45m ... added a further £45m": the article tells them apart
    if a.period_years is not None and b.period_years is not None and a.period_years != b.period_years:
        return None
    if a.scope is not None and b.scope is not None and a.scope != b.scope:
        return None
    reason = amounts_agree(a, b, with_reason)
    if reason is None or not with_reason:
        return reason
    extra = []
    if (a.period_years is None) != (b.period_years is None):
        extra.append("period stated in one mention only")
    if (a.scope is None) != (b.scope is None):
        extra.append("place named in one mention only")
    if a.article_id == b.article_id:
        extra.append("restated in the same article")
    return "; ".join([reason, *extra])


def _amount_bin(amount: float) -> int:
    return math.floor(math.log(max(float(amount), 1e-9)) / math.log(1.05))


def _precision_rank(m: Mention) -> tuple[Any, ...]:
    """Sort key: the most precise statement of a commitment first (then exact, with a period, earliest)."""
    return (-significant_digits(m.amount), m.qualifier != "exact", m.period_years is None, m.article_id,
            -1 if m.span_start is None else m.span_start, m.row)


def resolve_commitments(mentions: list[Mention]) -> list[list[int]]:
    """Group mentions (by list position) into commitments; each group lists its most precise mention first.

    Mentions naming a place are placed first, so a mention without a place can join the one place's
    allocation it fits, and stays alone when it fits allocations of several places."""
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].scope is None, _precision_rank(mentions[i])))
    groups: list[list[int]] = []
    # per group, one mention per distinct (amount, qualifier, period, scope, new money): mentions alike in
    # these agree with the same mentions, so a candidate is checked against these only
    kinds: list[dict[tuple[Any, ...], int]] = []
    scopes: list[str | None] = []
    # (programme, currency, amount bin) -> group numbers; bins are 5% wide, wider than any tolerance,
    # so a mention's candidates are the groups whose first mention is in its bin or a neighbouring one
    by_bin: dict[tuple[str, str, int], list[int]] = defaultdict(list)
    # new money is told apart from other money only within its article, so there a mention's article counts too
    with_new_money = {m.article_id for m in mentions if m.is_further}
    for i in order:
        m = mentions[i]
        kind = (m.amount, m.qualifier, m.period_years, m.scope, m.is_further,
                m.article_id if m.article_id in with_new_money else None)
        k = _amount_bin(m.amount)
        bucket = [g for b in (k - 1, k, k + 1) for g in by_bin.get((m.programme, m.currency, b), ())]
        fits = sorted(g for g in bucket if all(mentions_agree(m, mentions[j], with_reason=False) is not None
                                               for j in kinds[g].values()))
        chosen: int | None = None
        if fits:
            same_place = [g for g in fits if scopes[g] == m.scope]
            if same_place:
                chosen = min(same_place, key=lambda g: abs(mentions[groups[g][0]].amount - m.amount))
            elif m.scope is None and len({scopes[g] for g in fits}) == 1 or m.scope is not None and len(fits) == 1:
                chosen = fits[0]
        if chosen is None:
            by_bin[(m.programme, m.currency, k)].append(len(groups))
            chosen = len(groups)
            groups.append([])
            kinds.append({})
            scopes.append(None)
        groups[chosen].append(i)
        kinds[chosen].setdefault(kind, i)
        scopes[chosen] = scopes[chosen] or m.scope
    return [sorted(g, key=lambda i: _precision_rank(mentions[i])) for g in groups]


def commitment_id(programme: str, amount: float, currency: str, qualifier: str, period_years: float | None,
                  place: str | None = None, is_further: bool = False) -> str:
    """Stable id of a distinct commitment (same key -> same id on every run and machine)."""
    period = "" if _missing(period_years) else f"{float(period_years):g}"
    key = f"{programme}|{float(amount)!r}|{currency}|{qualifier}|{period}"
    if place:
        key += f"|{place}"
    if is_further:
        key += "|further"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _optional_float(v: Any) -> float | None:
    return None if _missing(v) else float(v)


def _column(f: pd.DataFrame, name: str) -> list[Any]:
    return f[name].tolist() if name in f else [None] * len(f)


_PLACE_AFTER = re.compile(r"\s*(?:in|for|to|across|at|covering)\s+(?:the\s+)?", re.IGNORECASE)
MAX_PLACE_GAP = 30  # "£35.3m is coming to South Yorkshire": a place this close after the last amount is its
# A list item "• Local London - up to £47.1m" / "3. Berkshire: £9.5m" up to its amount: the label scopes it.
_LIST_LABEL = re.compile(r"(?:[\u2022\u00b7\u25aa\u25cf\u2023*\-\u2013]|\d{1,3}[.)])\s+"
                         r"(?P<label>\w.{0,60}?)(?:\s+[-\u2013\u2014]|\s*:)\s*")


def owned_places(body: str, amounts: list[Span], places: list[tuple[int, int, str]]) -> dict[Span, list[str]]:
    """Which amount of a sentence each place of the sentence belongs to, by where it stands:
    right after an amount and 'in/for/to' ("£49.7m in the North East") it is that amount's; otherwise
    it is the next amount's ("Devon will get £22.8m and the South Midlands £32m"); after the last
    amount it is that amount's when close ("up to £35.3m is coming to South Yorkshire"), else nobody's.
    ``amounts`` and ``places`` are spans in ``body``."""
    out: dict[Span, list[str]] = defaultdict(list)
    amounts = sorted(amounts)
    for start, end, name in sorted(places):
        before = next((a for a in reversed(amounts) if a[1] <= start), None)
        after = next((a for a in amounts if a[0] >= end), None)
        gap = body[before[1]:start] if before else ""
        if before and _PLACE_AFTER.fullmatch(gap):
            out[before].append(name)
        elif after:
            out[after].append(name)
        elif before and len(gap) <= MAX_PLACE_GAP:
            out[before].append(name)
    return out


# an amount several places share: "sharing £30m between them", "£12m shared among the four areas"
# the verb, not the noun ("Leeds's share is £3m" is Leeds's): "sharing £45m", "will share a £30m pot"
_SHARED_BEFORE = re.compile(r"(?<![\w-])(?:sharing|shared|splitting|(?:will|to|would|which|that|who|they|areas|councils|"
                            r"authorities|boards)\s+(?:now\s+|also\s+)?(?:share|split))(?:\s+(?:in|out))?"
                            r"(?:\s+(?:a|an|the))?(?:\s+(?:total|pot|fund|sum)\s+of)?\s*\Z", re.IGNORECASE)
_SHARED_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:between|among|amongst|across)\s+(?:them|all|the|these|those|\w+\s+areas)\b",
                           re.IGNORECASE)


# "Leeds is one of 15 areas to get £57m": the sum of all of them
_ONE_OF_SEVERAL_BEFORE = re.compile(
    r"(?<![\w-])one\s+of\s+(?:the\s+|only\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|several|many)\s+[^.;:\n\d£$€]{0,60}\Z", re.IGNORECASE)


def shared_between_places(body: str, amount: Span, owners: list[str]) -> bool:
    """The amount is a pot places share ("North East and West Yorkshire, which are sharing £30m between
    them", "Liverpool is one of eight areas sharing £45m"), so none of them is its scope (``owners``:
    the places its sentence gives it)."""
    return _SHARED_BEFORE.search(body, max(0, amount[0] - 40), amount[0]) is not None \
        or _SHARED_AFTER.match(body, amount[1]) is not None \
        or _ONE_OF_SEVERAL_BEFORE.search(body, max(0, amount[0] - 80), amount[0]) is not None


def list_label(body: str, paragraph: Span | None, amount_start: int) -> str | None:
    """The label of a list item stating an amount ("• Central London Forward - up to £71.9m"), else None."""
    if paragraph is None or not paragraph[0] <= amount_start <= paragraph[1]:
        return None
    m = _LIST_LABEL.fullmatch(body, paragraph[0], amount_start)
    return m.group("label").strip() if m else None


def broad_places(place_mentions: pd.DataFrame) -> frozenset[str]:
    """Names of the places of these mentions that never scope an amount (countries)."""
    pm = place_mentions
    if pm.empty or "place_type" not in pm:
        return frozenset()
    return frozenset(str(n) for n, t in zip(pm["name"], pm["place_type"]) if t in _BROAD_PLACE_TYPES)


def _broad_places(c: Corpus) -> frozenset[str]:
    return c.broad_places if c.broad_places is not None else broad_places(c.place_mentions)


def _amount_places(c: Corpus) -> dict[tuple[str, int], str]:
    """(article, amount start) -> the place an amount is allocated to, read from its sentence (or list item):
    the first place the sentence gives it (see ``owned_places``), a list item's label, or, in a sentence opening on
    "the city region"/"the county"... (``_area_spoken_of``), the last place the article named before it; countries
    never scope an amount."""
    places: dict[tuple[str, int], list[tuple[int, int, str]]] = defaultdict(list)
    pm = c.place_mentions
    if not pm.empty:
        for a, n, s, e, t in zip(pm["article_id"], pm["name"], pm["span_start"], pm["span_end"],
                                 _column(pm, "place_type")):
            if not _missing(n) and not _missing(s) and t not in _BROAD_PLACE_TYPES:
                places[(a, c.sentence(a, s)[0])].append((int(s), int(s if _missing(e) else e), str(n)))
    by_article: dict[str, list[tuple[int, str]]] = defaultdict(list)  # article -> (start, name), in body order
    for (a, _), found in places.items():
        by_article[a].extend((ps, name) for ps, _, name in found)
    for found_in in by_article.values():
        found_in.sort()
    amounts: dict[tuple[str, int], list[Span]] = defaultdict(list)
    f = c.funding
    for a, s, e in zip(_column(f, "article_id"), _column(f, "span_start"), _column(f, "span_end")):
        if not _missing(s) and not _missing(e):
            amounts[(a, c.sentence(a, s)[0])].append((int(s), int(e)))
    out: dict[tuple[str, int], str] = {}
    for (a, idx), spans in amounts.items():
        body = c.body(a)
        owned = owned_places(body, spans, places.get((a, idx), []))
        for span in spans:
            if shared_between_places(body, span, owned.get(span, [])):
                continue  # "..., which are sharing £30m between them": a pot of several places, no one's
            if owned.get(span):
                out[(a, span[0])] = owned[span][0]
            elif (label := list_label(body, c.paragraph_span(a, span[0]), span[0])) is not None:
                out[(a, span[0])] = label
            elif (area := _area_spoken_of(c, a, span, by_article.get(a, []))) is not None:
                out[(a, span[0])] = area
    return out


# a sentence opening on an area named before: "The city region will receive £5m", "The county has been awarded £3m"
_AREA_ANAPHORA = re.compile(
    r"\s*(?:The|This|That)\s+(?:city\s+region|region|area|county|borough|city|district|combined\s+authority|"
    r"authority|council|integrated\s+care\s+board|ICB|health\s+board|nation)(?![\w-])"
    r"(?![^.;:\n\d£$€]{0,80}(?<![\w-])(?:sharing|share|shared|split|splitting|between|among)(?![\w-]))")


def _area_spoken_of(c: Corpus, article_id: str, amount: Span, places: list[tuple[int, str]]) -> str | None:
    """The place an amount goes to when its sentence opens on "the city region", "the county"... (not a pot
    the area shares with others): the last place the article named before that sentence, else None."""
    _, sentence, _ = c.sentence(article_id, amount[0])
    if sentence is None or not _AREA_ANAPHORA.match(c.body(article_id), sentence[0], amount[0]):
        return None
    before = [name for start, name in places if start < sentence[0]]
    return before[-1] if before else None


def _tail(sentence: Span | None, text: str, span_end: int | None) -> str:
    """The words of the sentence after the figure."""
    return "" if sentence is None or span_end is None else text[max(0, span_end - sentence[0]):]


def _lead(sentence_start: int | None, text: str, span_start: int | None, raw_text: str) -> str:
    """The words of the sentence before the figure (up to 60 characters), qualifier words included."""
    lead = _BOUND_START.split(raw_text or "", maxsplit=1)[0]
    if sentence_start is not None and span_start is not None:
        lead = text[:max(0, span_start - sentence_start)] + lead
    return lead[-60:]


def _mentions(c: Corpus, f: pd.DataFrame) -> list[Mention]:
    """The eligible funding rows ``f`` as mentions, with their sentence and scope: the row's extracted ``place``
    when it has one (a country is no scope), else the place its sentence gives the amount (``owned_places``)."""
    amount_places = _amount_places(c)
    broad = _broad_places(c)
    out = []
    cols = {k: _column(f, k) for k in ("article_id", "programme", "currency", "amount", "qualifier", "period_years",
                                       "raw_text", "span_start", "span_end", "place", "share_of_amount")}
    for i in range(len(f)):
        a, s, e = cols["article_id"][i], cols["span_start"][i], cols["span_end"][i]
        s = None if _missing(s) else int(s)
        e = None if _missing(e) else int(e)
        idx, span, text = c.sentence(a, s)
        raw = "" if _missing(cols["raw_text"][i]) else str(cols["raw_text"][i])
        extracted = None if _missing(cols["place"][i]) or cols["place"][i] in broad else str(cols["place"][i])
        place = extracted or amount_places.get((a, s))
        lead = _lead(None if span is None else span[0], text, s, raw)
        out.append(Mention(
            row=i, article_id=a, programme=cols["programme"][i], currency=cols["currency"][i],
            amount=float(cols["amount"][i]), qualifier=cols["qualifier"][i] or "exact",
            period_years=_optional_float(cols["period_years"][i]), raw_text=raw, span_start=s, span_end=e,
            sentence=idx, sentence_start=None if span is None else span[0], sentence_text=text, scope=place,
            scope_from_text=extracted is None,
            share_of_amount=_optional_float(cols["share_of_amount"][i]),
            is_further=bool(_FURTHER.search(lead)), is_whole=bool(_WHOLE.search(lead)),
            is_total=bool(_TOTAL_BEFORE.search(lead[-TOTAL_WORD_REACH:]) or _TOTAL_AFTER.match(_tail(span, text, e)))))
    return out


def _stated_share_parent(m: Mention, article: list[Mention], pots: list[Mention]) -> int | None:
    """Share rule 1: the mention whose amount is the extracted ``share_of_amount``: in the same article, else a
    mention without a scope of the same programme and currency in another one (``pots``)."""
    if m.share_of_amount is None:
        return None

    def fits(o: Mention) -> bool:
        return (o.programme, o.currency) == (m.programme, m.currency) and o.amount > m.amount \
            and abs(o.amount - m.share_of_amount) <= SAME_POT_TOLERANCE * max(o.amount, m.share_of_amount)

    here = [o for o in article if fits(o)]
    if here:
        return min(here, key=lambda o: abs(o.amount - m.share_of_amount)).row
    elsewhere = [o for o in pots if fits(o)]
    return min(elsewhere, key=lambda o: (abs(o.amount - m.share_of_amount), o.row)).row if elsewhere else None


def _sentence_share_parent(m: Mention, article: list[Mention]) -> int | None:
    """Share rule 2: the sentence says the money is a share of a larger sum of the programme in the article."""
    if not m.sentence_text or m.span_end is None or m.span_start is None or m.sentence_start is None:
        return None
    same = [o for o in article if (o.programme, o.currency) == (m.programme, m.currency) and o.amount > m.amount]
    if not same:
        return None
    after = m.sentence_text[m.span_end - m.sentence_start:]
    follows = bool(_SHARE_AFTER.match(after))
    if not follows and not _SHARE_PHRASE.search(m.sentence_text):
        return None
    later = [o for o in same if o.sentence == m.sentence and o.span_start is not None and o.span_start >= m.span_end]
    if later and follows:
        # "£3.5m of the £45m": the larger amount named right after is the whole
        return min(later, key=lambda o: o.span_start or 0).row
    # "£3.5m of the funding": the whole is the article's largest sum for the programme
    return min(same, key=lambda o: (-o.amount, o.span_start or 0, o.row)).row


def _parts_that_add_up(article: list[Mention], amount_of: Callable[[Mention], float],
                       group_of: Mapping[int, int]) -> dict[int, int]:
    """Share rule 3: amounts of the programme in one article that add up to another amount it states
    (£427,000 + £596,000 = £1,023,000) are its parts. Returns {part mention: whole mention}."""
    out: dict[int, int] = {}
    buckets: dict[tuple[str, str], dict[int, Mention]] = defaultdict(dict)
    for m in article:  # one mention per commitment: a sum restated in the article is not two parts
        buckets[(m.programme, m.currency)].setdefault(group_of[m.row], m)
    for distinct in buckets.values():
        ms = sorted(distinct.values(), key=lambda m: (m.span_start or 0, m.row))
        if len(ms) < 3 or len(ms) > MAX_PARTS_SEARCHED:
            continue
        for whole in sorted(ms, key=amount_of, reverse=True):
            total = amount_of(whole)
            smaller = [m for m in ms if amount_of(m) < total and m.row not in out]
            found = next((subset for size in range(2, len(smaller) + 1)
                          for subset in combinations(smaller, size)
                          if abs(sum(amount_of(m) for m in subset) - total) <= PARTS_TOLERANCE * total), None)
            for m in found or ():
                out[m.row] = whole.row
    return out


def _year_of_total(m: Mention, article: list[Mention]) -> int | None:
    """Share rule 4: a yearly amount stated in the same sentence as a larger multi-year total of the programme
    ("builds to £1bn a year ... £2.2bn over four years in total") is one year of that total."""
    if m.period_years != 1:
        return None
    totals = [o for o in article if (o.programme, o.currency) == (m.programme, m.currency) and o.sentence == m.sentence
              and o.period_years is not None and o.period_years > 1 and o.amount > m.amount]
    return min(totals, key=lambda o: (o.amount, o.row)).row if totals else None


def _announced_with_pot(m: Mention, article: list[Mention], amount_of: Callable[[Mention], float],
                        linked: set[int], held: Callable[[Mention], float]) -> int | None:
    """Share rule 5: an allocation to a place, in an article that states a larger sum of the programme without a
    place, is a share of the smallest such sum that can hold all the article's allocations below it besides
    what the article already puts inside it (``held``)."""
    if m.scope is None:
        return None
    same = [o for o in article if (o.programme, o.currency) == (m.programme, m.currency)]
    allocations = {o.row: amount_of(o) for o in same if o.scope is not None and o.row not in linked}
    pots = sorted((o for o in same if o.scope is None and amount_of(o) > amount_of(m) * (1 + SAME_POT_TOLERANCE)),
                  key=lambda o: (amount_of(o), o.row))
    for pot in pots:
        size = amount_of(pot)
        if held(pot) + sum(v for v in allocations.values() if v < size) <= size * (1 + SAME_POT_TOLERANCE):
            return pot.row
    return None


def _within_total(m: Mention, article: list[Mention], amount_of: Callable[[Mention], float]) -> int | None:
    """Share rule 6: a sum of the programme the article calls its total ("total funding would exceed £1bn")
    holds the article's smaller sums of the programme; the smallest such total is the whole."""
    totals = [o for o in article if o.is_total and (o.programme, o.currency) == (m.programme, m.currency)
              and amount_of(o) > amount_of(m) * (1 + SAME_POT_TOLERANCE)]
    return min(totals, key=lambda o: (amount_of(o), o.row)).row if totals else None


SHARE_REASONS = ("the funding row states the larger amount it is a share of",
                 "its sentence says it is a share of the larger sum",
                 "with other amounts of the article it adds up to the larger sum",
                 "a yearly amount stated with the multi-year total",
                 "an allocation to a place announced with the national pot in the same article",
                 "the article calls the larger sum the programme's total")
MAX_PARTS_SEARCHED = 10  # amounts of one programme in one article searched for parts that add up
PARTS_TOLERANCE = 0.005


def _by_article(mentions: list[Mention]) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        out[m.article_id].append(m)
    return out


def _wholes_lose_their_place(mentions: list[Mention], sentence_parents: list[int | None]) -> None:
    """"£3.5m of the £45m" in a sentence naming South Shire, "its award is part of £338m": the place is the
    share's, not the whole's. ``sentence_parents``: share rule 2's whole of each mention."""
    for m, parent in zip(mentions, sentence_parents):
        if parent is not None and mentions[parent].sentence == m.sentence and mentions[parent].scope_from_text:
            mentions[parent].scope = None
        if m.is_whole and m.scope_from_text:
            m.scope = None


def _share_links(mentions: list[Mention], groups: list[list[int]], group_of: Mapping[int, int],
                 by_article: Mapping[str, list[Mention]],
                 sentence_parents: list[int | None]) -> list[tuple[int | None, str | None]]:
    """Per mention: (mention it is a share of, why), by the first share rule that applies. ``group_of``: the
    commitment of each mention; ``sentence_parents``: share rule 2's whole of each mention."""

    def amount_of(m: Mention) -> float:
        return mentions[groups[group_of[m.row]][0]].amount

    pots: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.scope is None:
            pots[(m.programme, m.currency)].append(m)
    out: list[tuple[int | None, str | None]] = [(None, None)] * len(mentions)
    for article in by_article.values():
        for m in article:
            stated = _stated_share_parent(m, article, pots[(m.programme, m.currency)])
            for rule, parent in enumerate((stated, sentence_parents[m.row])):
                if parent is not None:
                    out[m.row] = (parent, SHARE_REASONS[rule])
                    break
        sums = _parts_that_add_up([m for m in article if out[m.row][0] is None], amount_of, group_of)
        for m in article:
            if out[m.row][0] is None and m.row in sums:
                out[m.row] = (sums[m.row], SHARE_REASONS[2])
        for m in article:
            if out[m.row][0] is None and (year := _year_of_total(m, article)) is not None:
                out[m.row] = (year, SHARE_REASONS[3])
        linked = {m.row for m in article if out[m.row][0] is not None}
        inside: dict[int, dict[int, float]] = defaultdict(dict)  # group -> {child group: amount} the article puts in it
        for m in article:
            if (parent := out[m.row][0]) is not None:
                inside[group_of[parent]][group_of[m.row]] = amount_of(m)

        def held(pot: Mention, inside: dict[int, dict[int, float]] = inside) -> float:
            return sum(inside[group_of[pot.row]].values())

        for m in article:
            if out[m.row][0] is None and (pot := _announced_with_pot(m, article, amount_of, linked, held)) is not None:
                out[m.row] = (pot, SHARE_REASONS[4])
        for m in article:
            if out[m.row][0] is None and (total := _within_total(m, article, amount_of)) is not None:
                out[m.row] = (total, SHARE_REASONS[5])
    return out


@dataclass
class Resolution:
    """Eligible funding rows resolved into commitments."""

    rows: pd.DataFrame  # the eligible rows, with sentence, scope, commitment_id, part_of, reasons
    commitments: list[list[int]]  # row numbers per commitment, most precise first
    ids: list[str]  # commitment_id per commitment
    parent: list[int | None]  # commitment number each commitment is a share of
    periods: list[float | None]  # period in years per commitment: its most precise mention's, else the most stated
    scopes: list[str | None]  # place per commitment: the first its mentions give


def _resolve(c: Corpus) -> Resolution:
    f = c.funding
    if f.empty or "programme" not in f:
        empty = pd.DataFrame(columns=[*f.columns, "commitment_id", "part_of", "sentence", "sentence_text", "scope",
                                      "merge_reason", "share_reason"])
        return Resolution(empty, [], [], [], [], [])
    keep = f["programme"].notna() & (f["kind"] == "funding" if "kind" in f else True)
    if c.programmes is not None:
        keep &= f["programme"].isin(c.programmes)
    f = f[keep].copy().reset_index(drop=True)
    mentions = _mentions(c, f)
    by_article = _by_article(mentions)
    sentence_parents = [_sentence_share_parent(m, by_article[m.article_id]) for m in mentions]
    _wholes_lose_their_place(mentions, sentence_parents)
    groups = resolve_commitments(mentions)
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    ids: list[str] = []
    periods: list[float | None] = []
    scopes: list[str | None] = []
    seen: Counter[str] = Counter()
    reasons = [""] * len(mentions)
    for members in groups:
        best = mentions[members[0]]
        period = best.period_years
        if period is None:  # the period most of its mentions state
            stated = Counter(mentions[i].period_years for i in members if mentions[i].period_years is not None)
            period = stated.most_common(1)[0][0] if stated else None
        place = next((mentions[i].scope for i in members if mentions[i].scope), None)
        periods.append(period)
        scopes.append(place)
        cid = commitment_id(best.programme, best.amount, best.currency, best.qualifier, period, place, best.is_further)
        seen[cid] += 1
        ids.append(cid if seen[cid] == 1 else f"{cid}-{seen[cid]}")
        reasons[members[0]] = "most precise mention"
        for i in members[1:]:
            reasons[i] = mentions_agree(mentions[i], best) or ""
    def larger(link: tuple[int | None, str | None], g: int) -> bool:
        """The link points at another commitment, larger than commitment ``g`` (a share is never its own whole)."""
        p = link[0]
        return p is not None and group_of[p] != g and mentions[groups[group_of[p]][0]].amount > mentions[groups[g][0]].amount

    links = [link if larger(link, group_of[i]) else (None, None)
             for i, link in enumerate(_share_links(mentions, groups, group_of, by_article, sentence_parents))]
    parent: list[int | None] = []
    for g, members in enumerate(groups):
        votes = Counter(group_of[p] for p, _ in (links[i] for i in members) if p is not None)
        parent.append(min(votes, key=lambda k: (-votes[k], mentions[groups[k][0]].amount)) if votes else None)
    f["sentence"] = [m.sentence for m in mentions]
    f["sentence_text"] = [m.sentence_text for m in mentions]
    f["scope"] = [m.scope for m in mentions]
    f["commitment_id"] = [ids[group_of[i]] for i in range(len(mentions))]
    f["part_of"] = [None if p is None else ids[group_of[p]] for p, _ in links]
    f["share_reason"] = [why for _, why in links]
    f["merge_reason"] = reasons
    return Resolution(f, groups, ids, parent, periods, scopes)


FUNDING_COLUMNS = ["programme", "amount", "currency", "qualifier", "period_years", "n_articles", "first_reported",
                   "last_reported", "article_ids", "commitment_id", "label", "per_year", "part_of", "scope", "places",
                   "raw_texts", "n_mentions"]


def programme_funding(funding: pd.DataFrame | Corpus, articles: pd.DataFrame | None = None,
                      duplicate_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per distinct funding commitment, its mentions merged across articles (see the rules above).
    Only money of kind ``funding`` with a programme.

    Accepts a ``Corpus`` or (funding, articles, duplicate_of) frames."""
    c = funding if isinstance(funding, Corpus) else Corpus(articles=articles, funding=funding,
                                                           canonical=duplicate_of or {})
    res = c.resolution
    f = res.rows
    if f.empty:
        return pd.DataFrame(columns=FUNDING_COLUMNS)
    places = _sentence_places(c)
    col = {k: _column(f, k) for k in ("programme", "amount", "currency", "qualifier", "article_id", "sentence",
                                      "raw_text", "per_year")}
    out = []
    for g, rows in enumerate(res.commitments):
        first = rows[0]
        amount, currency, qualifier = col["amount"][first], col["currency"][first], col["qualifier"][first] or "exact"
        period = res.periods[g]
        arts = [col["article_id"][i] for i in rows]
        ids = sorted(set(arts))
        lo, hi = c.first_last(ids)
        per_year = any(bool(col["per_year"][i]) for i in rows if not _missing(col["per_year"][i]))
        parent = res.parent[g]
        out.append({
            "programme": col["programme"][first],
            "amount": float(amount),
            "currency": currency,
            "qualifier": qualifier,
            "period_years": None if _missing(period) else float(period),
            "n_articles": c.n_distinct(ids),
            "first_reported": lo,
            "last_reported": hi,
            "article_ids": ids,
            "commitment_id": res.ids[g],
            "label": money_label(amount, currency, qualifier, period, per_year),
            "per_year": per_year,
            "part_of": None if parent is None else res.ids[parent],
            "scope": res.scopes[g],
            "places": sorted({p for a, s in zip(arts, (col["sentence"][i] for i in rows))
                              for p in places.get((a, s), ())}),
            "raw_texts": sorted({t for t in (col["raw_text"][i] for i in rows) if not _missing(t)}),
            "n_mentions": len(rows),
        })
    df = pd.DataFrame(out, columns=FUNDING_COLUMNS)
    return df.sort_values(["programme", "amount", "qualifier", "commitment_id"], ignore_index=True)


def _sentence_places(c: Corpus) -> dict[tuple[str, int], set[str]]:
    out: dict[tuple[str, int], set[str]] = defaultdict(set)
    pm = c.place_mentions
    if not pm.empty:
        for a, n, s in zip(pm["article_id"], pm["name"], pm["span_start"]):
            out[(a, c.sentence(a, s)[0])].add(n)
    return out


MENTION_COLUMNS = ["commitment_id", "article_id", "raw_text", "sentence", "span_start", "span_end", "amount",
                   "qualifier", "period_years", "scope", "merge_reason", "part_of", "share_reason"]


def commitment_mentions(c: Corpus) -> pd.DataFrame:
    """Every funding row behind a commitment, with its sentence, why it was merged into the commitment and why it
    is a share of another: the drill-down from a number to its evidence."""
    f = c.money
    if f.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    df = f.drop(columns=["sentence"]).rename(columns={"sentence_text": "sentence"})
    for name in MENTION_COLUMNS:
        if name not in df:
            df[name] = None
    return df[MENTION_COLUMNS].sort_values(["commitment_id", "article_id", "span_start"], ignore_index=True)


REACH_COLUMNS = ["programme", "value", "qualifier", "what", "is_target", "n_articles", "first_reported",
                 "last_reported", "article_ids", "raw_texts"]


def programme_reach(c: Corpus) -> pd.DataFrame:
    """Counts of people tied to a programme (same paragraph), deduplicated across articles; only those of
    ``c.programmes`` when it is given.

    ``is_target`` when the count's sentence looks forward ("will be supported", "aims to reach"):
    a number of people the programme should reach, rather than one it has helped or a context figure."""
    pc = c.people_counts
    rows = []
    if not pc.empty:
        for r in pc.itertuples(index=False):
            progs = c.programmes_at(r.article_id, r.span_start)
            if c.programmes is not None:
                progs = progs & c.programmes
            if not progs:
                continue
            _, _, text = c.sentence(r.article_id, r.span_start)
            target = bool(_TARGET.search(text))
            for prog in sorted(progs):
                rows.append((prog, float(r.value), r.qualifier, getattr(r, "what", None), target, r.article_id,
                             r.raw_text))
    if not rows:
        return pd.DataFrame(columns=REACH_COLUMNS)
    df = pd.DataFrame(rows, columns=["programme", "value", "qualifier", "what", "is_target", "article_id", "raw_text"])
    out = []
    for (prog, value, qual, target), g in df.groupby(["programme", "value", "qualifier", "is_target"], sort=True):
        ids = sorted(set(g["article_id"]))
        lo, hi = c.first_last(ids)
        whats = Counter(w for w in g["what"] if not _missing(w))
        out.append({"programme": prog, "value": value, "qualifier": qual,
                    "what": whats.most_common(1)[0][0] if whats else None, "is_target": bool(target),
                    "n_articles": c.n_distinct(ids), "first_reported": lo, "last_reported": hi,
                    "article_ids": ids, "raw_texts": sorted(set(g["raw_text"].dropna()))})
    return pd.DataFrame(out, columns=REACH_COLUMNS)


PLACE_COLUMNS = ["place", "ons_code", "place_type", "n_articles", "article_ids", "first_mentioned", "last_mentioned",
                 "programmes", "n_commitments", "commitment_ids", "funding_mentioned_gbp"]


LINK_COLUMNS = ["article_id", "name", "ons_code", "place_type", "programmes", "money_starts"]


def place_links(c: Corpus, article_ids: Collection[str] | None = None) -> pd.DataFrame:
    """Per place mention (of these articles; None: all): the programmes its paragraph names and the
    ``span_start`` of each programme money row (of kind ``funding``) stated in its sentence. Each row depends
    on its article only, so the rows of an unchanged article can be kept (``meta.place_links``); money
    without a span is in no sentence."""
    pm, f = c.place_mentions, c.funding
    if article_ids is not None:
        wanted = set(article_ids)
        pm = pm[pm["article_id"].isin(wanted)] if not pm.empty else pm
        f = f[f["article_id"].isin(wanted)] if not f.empty else f
    if pm.empty:
        return pd.DataFrame(columns=LINK_COLUMNS)
    money_at: dict[tuple[str, int], set[int]] = defaultdict(set)
    if not f.empty and "programme" in f:
        eligible = f["programme"].notna() & (f["kind"] == "funding" if "kind" in f else True)
        for a, s in zip(f.loc[eligible, "article_id"], f.loc[eligible, "span_start"]):
            if not _missing(s):
                money_at[(a, c.sentence(a, s)[0])].add(int(s))
    types = _column(pm, "place_type")
    rows = [(a, name, None if _missing(ons) else ons, None if _missing(t) else t,
             sorted(c.programmes_at(a, s)), sorted(money_at.get((a, c.sentence(a, s)[0]), ())))
            for a, name, ons, t, s in zip(pm["article_id"], pm["name"], pm["ons_code"], types, pm["span_start"])]
    return pd.DataFrame(rows, columns=LINK_COLUMNS)


def place_coverage(c: Corpus, commitments: pd.DataFrame) -> pd.DataFrame:
    """Per place: articles naming it, programmes named in its paragraphs, money stated in its sentences
    (see ``place_rows``)."""
    return place_rows(c.place_links, c.money, commitments, c.dates, c.canonical)


def place_rows(links: pd.DataFrame, money: pd.DataFrame, commitments: pd.DataFrame,
               dates: Mapping[str, date | None], canonical: Mapping[str, str]) -> pd.DataFrame:
    """The ``place_coverage`` rows of the places of ``links`` (``place_links`` rows, all of those places').

    ``money``: the commitment mentions (article_id, span_start, commitment_id) of the links' articles;
    ``commitments``: the commitments they belong to (amount, currency, part_of).
    ``funding_mentioned_gbp`` sums the distinct GBP commitments stated in a sentence naming the place;
    when a share of a commitment is tied to the place, the share counts and its whole does not. A
    commitment shared by several places counts in full for each of them (do not add places up)."""
    if links.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    cids_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a, s, cid in zip(money.get("article_id", []), money.get("span_start", []), money.get("commitment_id", [])):
        if not _missing(s):
            cids_at[(a, int(s))].add(cid)
    amount = dict(zip(commitments["commitment_id"], commitments["amount"]))
    currency = dict(zip(commitments["commitment_id"], commitments["currency"]))
    parent = {k: v for k, v in zip(commitments["commitment_id"], commitments["part_of"]) if not _missing(v)}
    out = []
    for (name, ons), g in links.groupby(["name", links["ons_code"].fillna("")], sort=True):
        ids = sorted(set(g["article_id"]))
        lo, hi = first_last(dates, ids)
        progs: set[str] = set()
        cids: set[str] = set()
        for a, ps, starts in zip(g["article_id"], g["programmes"], g["money_starts"]):
            progs.update(ps)
            for s in starts:
                cids |= cids_at.get((a, int(s)), set())
        cids -= {parent[x] for x in cids if x in parent}
        types = Counter(t for t in g["place_type"] if not _missing(t))
        out.append({"place": name, "ons_code": ons or None, "place_type": types.most_common(1)[0][0] if types else None,
                    "n_articles": len({canonical_article(a, canonical) for a in ids}), "article_ids": ids,
                    "first_mentioned": lo, "last_mentioned": hi, "programmes": sorted(progs),
                    "n_commitments": len(cids), "commitment_ids": sorted(cids),
                    "funding_mentioned_gbp": float(sum(amount[x] for x in cids if currency.get(x) == "GBP"))})
    df = pd.DataFrame(out, columns=PLACE_COLUMNS)
    return df.sort_values(["n_articles", "place"], ascending=[False, True], ignore_index=True)


SUMMARY_COLUMNS = ["programme", "n_articles", "article_ids", "first_mentioned", "last_mentioned", "n_commitments",
                   "largest_commitment_id", "largest_label", "largest_amount", "largest_currency", "largest_qualifier",
                   "largest_period_years", "total_committed_gbp", "people_to_reach", "people_to_reach_qualifier",
                   "places", "n_places"]


def programme_articles(c: Corpus) -> dict[str, set[str]]:
    """Programme -> articles that name it or state money for it."""
    out: dict[str, set[str]] = defaultdict(set)
    for df in (c.programme_mentions, c.funding):
        if not df.empty:
            for a, p in zip(df["article_id"], df["programme"]):
                if not _missing(p):
                    out[p].add(a)
    return out


def programme_summary(c: Corpus, commitments: pd.DataFrame, reach: pd.DataFrame,
                      places: pd.DataFrame) -> pd.DataFrame:
    """Per programme: articles, first/last mention, commitments (largest, GBP total), people to reach, places.

    ``largest_*`` is the largest commitment (GBP preferred over other currencies). ``total_committed_gbp``
    adds up the top-level (``part_of`` NULL) GBP commitments: restatements are one commitment and a share
    is inside its whole, so the total holds.
    ``people_to_reach`` is the largest target count (``metrics.programme_reach.is_target``)."""
    arts = programme_articles(c)
    place_sets: dict[str, set[str]] = defaultdict(set)
    for name, progs in zip(places.get("place", []), places.get("programmes", [])):
        for p in progs:
            place_sets[p].add(name)
    out = []
    for prog in sorted(arts):
        ids = sorted(arts[prog])
        lo, hi = c.first_last(ids)
        cm = commitments[commitments["programme"] == prog]
        largest = (cm.assign(_gbp=cm["currency"] == "GBP")
                   .sort_values(["_gbp", "amount", "commitment_id"], ascending=[False, False, True]).iloc[0]
                   if len(cm) else None)
        top = cm[cm["part_of"].isna() & (cm["currency"] == "GBP")]
        targets = reach[(reach["programme"] == prog) & reach["is_target"]] if len(reach) else reach
        best = (targets.sort_values(["value", "qualifier"], ascending=[False, True]).iloc[0]
                if len(targets) else None)
        out.append({
            "programme": prog, "n_articles": c.n_distinct(ids), "article_ids": ids,
            "first_mentioned": lo, "last_mentioned": hi, "n_commitments": len(cm),
            "largest_commitment_id": None if largest is None else largest["commitment_id"],
            "largest_label": None if largest is None else largest["label"],
            "largest_amount": None if largest is None else float(largest["amount"]),
            "largest_currency": None if largest is None else largest["currency"],
            "largest_qualifier": None if largest is None else largest["qualifier"],
            "largest_period_years": None if largest is None or _missing(largest["period_years"])
            else float(largest["period_years"]),
            "total_committed_gbp": float(top["amount"].sum()) if len(top) else None,
            "people_to_reach": None if best is None else float(best["value"]),
            "people_to_reach_qualifier": None if best is None else best["qualifier"],
            "places": sorted(place_sets.get(prog, set())), "n_places": len(place_sets.get(prog, set())),
        })
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


TIMELINE_COLUMNS = ["month", "programme", "n_articles", "article_ids", "n_new_commitments", "new_commitment_ids",
                    "new_committed_gbp"]


def funding_timeline(c: Corpus, commitments: pd.DataFrame) -> pd.DataFrame:
    """Per month (first day; NULL for undated articles) and programme: articles published that month
    naming the programme, and commitments first reported that month (GBP total of those that are not
    a share of another)."""
    arts = programme_articles(c)
    cells: dict[tuple[date | None, str], dict[str, Any]] = {}

    def cell(month: date | None, prog: str) -> dict[str, Any]:
        return cells.setdefault((month, prog), {"ids": set(), "cids": [], "gbp": 0.0})

    for prog, ids in arts.items():
        for a in ids:
            cell(_month(c.dates.get(a)), prog)["ids"].add(a)
    for r in commitments.itertuples(index=False):
        x = cell(_month(r.first_reported), r.programme)
        x["cids"].append(r.commitment_id)
        if r.currency == "GBP" and _missing(r.part_of):
            x["gbp"] += float(r.amount)
    out = [{"month": m, "programme": p, "n_articles": c.n_distinct(v["ids"]), "article_ids": sorted(v["ids"]),
            "n_new_commitments": len(v["cids"]), "new_commitment_ids": sorted(v["cids"]),
            "new_committed_gbp": v["gbp"]} for (m, p), v in cells.items()]
    df = pd.DataFrame(out, columns=TIMELINE_COLUMNS)
    if df.empty:
        return df
    df["_undated"] = df["month"].isna()
    df["_m"] = df["month"].map(lambda m: m or date.max)
    return df.sort_values(["_undated", "_m", "programme"], ignore_index=True).drop(columns=["_undated", "_m"])


def _month(d: Any) -> date | None:
    d = _date(d)
    return None if d is None else date(d.year, d.month, 1)


GROUP_COLUMNS = ["article_id", "canonical_article_id", "is_canonical", "group_size"]


def article_groups(article_ids: Iterable[str], canonical: Mapping[str, str]) -> pd.DataFrame:
    """Every article and the canonical copy it counts as (itself unless it is a syndicated copy)."""
    ids = sorted(set(article_ids))
    canon = {a: canonical_article(a, canonical) for a in ids}
    sizes = Counter(canon.values())
    return pd.DataFrame([{"article_id": a, "canonical_article_id": canon[a], "is_canonical": canon[a] == a,
                          "group_size": sizes[canon[a]]} for a in ids], columns=GROUP_COLUMNS)


@dataclass
class Metrics:
    programme_funding: pd.DataFrame
    commitment_mentions: pd.DataFrame
    programme_reach: pd.DataFrame
    place_coverage: pd.DataFrame
    programme_summary: pd.DataFrame
    funding_timeline: pd.DataFrame
    article_groups: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        return {f"metrics.{k}": v for k, v in self.__dict__.items()}


def compute(c: Corpus) -> Metrics:
    """All metrics of a corpus."""
    pf = programme_funding(c)
    reach = programme_reach(c)
    places = place_coverage(c, pf)
    return Metrics(programme_funding=pf, commitment_mentions=commitment_mentions(c), programme_reach=reach, place_coverage=places,
                   programme_summary=programme_summary(c, pf, reach, places),
                   funding_timeline=funding_timeline(c, pf),
                   article_groups=article_groups(c.articles["article_id"], c.canonical))


def _of_programmes(df: pd.DataFrame, programmes: Collection[str]) -> pd.DataFrame:
    return df[df["programme"].isin(set(programmes))].reset_index(drop=True) if len(df) else df


def compute_part(c: Corpus, links: pd.DataFrame) -> Metrics:
    """The rows of the programmes ``c.programmes`` in the per-programme metric tables, equal to those rows of
    ``compute`` over the whole corpus, for an update that recomputes only them (``place_coverage`` and
    ``article_groups`` are left empty: see ``place_rows``).

    ``c`` holds every article with a row of those programmes (with all of its entity rows), and the whole
    corpus's syndication groups (``canonical``) and broad places (``broad_places``); ``links``: the
    ``place_links`` of its articles."""
    if c.programmes is None:
        raise ValueError("compute_part needs the programmes to recompute (Corpus.programmes)")
    pf = programme_funding(c)
    reach = _of_programmes(programme_reach(c), c.programmes)
    places = pd.DataFrame([{"place": name, "programmes": sorted({p for ps in g["programmes"] for p in ps})}
                           for name, g in links.groupby("name", sort=True)], columns=["place", "programmes"])
    return Metrics(programme_funding=pf, commitment_mentions=commitment_mentions(c), programme_reach=reach,
                   place_coverage=pd.DataFrame(columns=PLACE_COLUMNS),
                   programme_summary=_of_programmes(programme_summary(c, pf, reach, places), c.programmes),
                   funding_timeline=_of_programmes(funding_timeline(c, pf), c.programmes),
                   article_groups=pd.DataFrame(columns=GROUP_COLUMNS))
