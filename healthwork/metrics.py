"""Entity rows -> analyst metrics (pure pandas, no I/O).

Everything here is computed over the whole corpus from the ``entities.*`` rows, the articles'
bodies and publication dates, and the syndication groups of ``healthwork.dedup``:

- ``programme_funding``: one row per distinct funding commitment (programme, amount, currency,
  qualifier, period); a per-area share of a larger commitment points at it (``part_of``).
- ``programme_reach``: counts of people tied to a programme, and whether they are a target.
- ``programme_summary``, ``funding_timeline``, ``place_coverage``, ``article_groups``.

How things are tied together inside an article (the only places a rule decides):
- a place or a count of people belongs to a programme when its *paragraph* names the programme
  (a programme mention, or money of that programme);
- money goes to a place when the place is named in the *sentence* that states the money;
- money is a *share* of a larger commitment of the same programme when its sentence says so:
  the larger amount follows it ("£3.5m of the £45m", "£3.5m from the £45m fund"), or a share
  phrase does ("as part of", "its share of", "£3.5m of the funding", "will each receive £15m").
Syndicated copies (``dedup.canonical_map``) count once in every ``n_articles``.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import pandas as pd

from healthwork.extract.text import Span, paragraph_spans, sentence_spans, span_index

COMMITMENT_KEY = ["programme", "amount", "currency", "qualifier", "period_years"]
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
    r"(?:will|would|to) each (?:receive|get|be given|be awarded))\b",
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


def canonical_article(article_id: str, duplicate_of: Mapping[str, str]) -> str:
    """Follow near-duplicate links to the canonical copy (syndicated copies count once)."""
    seen = set()
    while article_id in duplicate_of and article_id not in seen:
        seen.add(article_id)
        article_id = duplicate_of[article_id]
    return article_id


def commitment_id(programme: str, amount: float, currency: str, qualifier: str, period_years: float | None) -> str:
    """Stable id of a distinct commitment (same key -> same id on every run and machine)."""
    period = "" if _missing(period_years) else f"{float(period_years):g}"
    key = f"{programme}|{float(amount)!r}|{currency}|{qualifier}|{period}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


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
        ds = [d for d in (self.dates.get(a) for a in ids) if d is not None]
        return (min(ds), max(ds)) if ds else (None, None)

    @cached_property
    def money(self) -> pd.DataFrame:
        """Funding rows of kind ``funding`` with a programme, with their commitment id and share link."""
        return _money_rows(self)

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


def _money_rows(c: Corpus) -> pd.DataFrame:
    f = c.funding
    if f.empty:
        return f.assign(commitment_id=[], part_of=[], sentence=[])
    f = f[(f["kind"] == "funding") & f["programme"].notna()].copy().reset_index(drop=True)
    f["commitment_id"] = [commitment_id(*k) for k in f[COMMITMENT_KEY].itertuples(index=False, name=None)]
    sent = [c.sentence(a, s) for a, s in zip(f["article_id"], f.get("span_start", [None] * len(f)))]
    f["sentence"] = [s[0] for s in sent]
    f["sentence_text"] = [s[2] for s in sent]
    recs = f[["article_id", "programme", "currency", "amount", "commitment_id", "sentence"]].to_dict("records")
    for r, (ss, se) in zip(recs, zip(f.get("span_start", [None] * len(f)), f.get("span_end", [None] * len(f)))):
        r["span_start"], r["span_end"] = ss, se
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        by_article[r["article_id"]].append(r)
    f["part_of"] = [_share_parent(r, by_article[r["article_id"]], sent[i]) for i, r in enumerate(recs)]
    return f


def _share_parent(row: dict[str, Any], article_rows: list[dict[str, Any]],
                  sent: tuple[int, Span | None, str]) -> str | None:
    """The commitment id ``row`` is a share of, when its sentence says it is part of a larger sum.

    ``article_rows`` are the money rows of the same article (shares are only read within one article)."""
    idx, span, text = sent
    if span is None:
        return None
    same = [r for r in article_rows if r["programme"] == row["programme"] and r["currency"] == row["currency"]
            and r["amount"] > row["amount"]]
    if not same:
        return None
    after = text[int(row["span_end"]) - span[0]:]
    if not _SHARE_AFTER.match(after) and not _SHARE_PHRASE.search(text):
        return None
    later = [r for r in same if r["sentence"] == idx and r["span_start"] >= row["span_end"]]
    if later and _SHARE_AFTER.match(after):
        # "£3.5m of the £45m": the larger amount named right after is the whole
        return str(min(later, key=lambda r: r["span_start"])["commitment_id"])
    # "£3.5m of the funding": the whole is the article's largest sum for the programme
    return str(min(same, key=lambda r: (-r["amount"], r["span_start"], r["commitment_id"]))["commitment_id"])


FUNDING_COLUMNS = ["programme", "amount", "currency", "qualifier", "period_years", "n_articles", "first_reported",
                   "last_reported", "article_ids", "commitment_id", "label", "per_year", "part_of", "places",
                   "raw_texts", "n_mentions"]


def programme_funding(funding: pd.DataFrame | Corpus, articles: pd.DataFrame | None = None,
                      duplicate_of: Mapping[str, str] | None = None) -> pd.DataFrame:
    """One row per distinct funding commitment: same programme, amount, currency, qualifier and
    period reported by several articles is one row. Only money of kind ``funding`` with a programme.

    Accepts a ``Corpus`` or (funding, articles, duplicate_of) frames."""
    c = funding if isinstance(funding, Corpus) else Corpus(articles=articles, funding=funding,
                                                           canonical=duplicate_of or {})
    f = c.money
    if f.empty:
        return pd.DataFrame(columns=FUNDING_COLUMNS)
    places = _sentence_places(c)
    # rows of each commitment in first-appearance order (as ``groupby(sort=False)``), plain Python
    # over column lists: per-group pandas indexing costs ~1 ms a group (seconds on 10k articles)
    groups: dict[str, list[int]] = {}
    for i, cid in enumerate(f["commitment_id"].tolist()):
        groups.setdefault(cid, []).append(i)
    col = {k: f[k].tolist() for k in ("programme", "amount", "currency", "qualifier", "period_years", "article_id",
                                      "part_of", "sentence", "raw_text")}
    per_year_col = f["per_year"].tolist() if "per_year" in f else None
    out = []
    for cid, rows in groups.items():
        first = rows[0]
        amount, currency, qualifier = col["amount"][first], col["currency"][first], col["qualifier"][first]
        period = col["period_years"][first]
        arts = [col["article_id"][i] for i in rows]
        ids = sorted(set(arts))
        lo, hi = c.first_last(ids)
        parents = Counter(p for p in (col["part_of"][i] for i in rows) if p)
        per_year = (any(bool(v) for v in (per_year_col[i] for i in rows) if not _missing(v))
                    if per_year_col is not None else False)
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
            "commitment_id": cid,
            "label": money_label(amount, currency, qualifier, period, per_year),
            "per_year": per_year,
            "part_of": parents.most_common(1)[0][0] if parents else None,
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


MENTION_COLUMNS = ["commitment_id", "article_id", "raw_text", "sentence", "span_start", "span_end", "part_of"]


def commitment_mentions(c: Corpus) -> pd.DataFrame:
    """Every funding row behind a commitment, with its sentence: the drill-down from a number to its evidence."""
    f = c.money
    if f.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    df = f.rename(columns={"sentence_text": "_text"}).assign(sentence=lambda d: d["_text"])
    df = df.assign(span_start=df.get("span_start"), span_end=df.get("span_end"))[MENTION_COLUMNS]
    return df.sort_values(["commitment_id", "article_id", "span_start"], ignore_index=True)


REACH_COLUMNS = ["programme", "value", "qualifier", "what", "is_target", "n_articles", "first_reported",
                 "last_reported", "article_ids", "raw_texts"]


def programme_reach(c: Corpus) -> pd.DataFrame:
    """Counts of people tied to a programme (same paragraph), deduplicated across articles.

    ``is_target`` when the count's sentence looks forward ("will be supported", "aims to reach"):
    a number of people the programme should reach, rather than one it has helped or a context figure."""
    pc = c.people_counts
    rows = []
    if not pc.empty:
        for r in pc.itertuples(index=False):
            _, _, text = c.sentence(r.article_id, r.span_start)
            target = bool(_TARGET.search(text))
            for prog in sorted(c.programmes_at(r.article_id, r.span_start)):
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


def place_coverage(c: Corpus, commitments: pd.DataFrame) -> pd.DataFrame:
    """Per place: articles naming it, programmes named in its paragraphs, money stated in its sentences.

    ``funding_mentioned_gbp`` sums the distinct GBP commitments stated in a sentence naming the place;
    when a share of a commitment is tied to the place, the share counts and its whole does not. A
    commitment shared by several places counts in full for each of them (do not add places up)."""
    pm = c.place_mentions
    if pm.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    money = c.money
    money_at: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a, s, cid in zip(money.get("article_id", []), money.get("sentence", []), money.get("commitment_id", [])):
        money_at[(a, s)].add(cid)
    amount = dict(zip(commitments["commitment_id"], commitments["amount"]))
    currency = dict(zip(commitments["commitment_id"], commitments["currency"]))
    parent = {k: v for k, v in zip(commitments["commitment_id"], commitments["part_of"]) if v}
    out = []
    pm = pm.assign(ons_code=pm["ons_code"].where(pm["ons_code"].notna(), None),
                   place_type=pm["place_type"] if "place_type" in pm else None)
    for (name, ons), g in pm.groupby(["name", pm["ons_code"].fillna("")], sort=True):
        ids = sorted(set(g["article_id"]))
        lo, hi = c.first_last(ids)
        progs: set[str] = set()
        cids: set[str] = set()
        for a, s in zip(g["article_id"], g["span_start"]):
            progs |= c.programmes_at(a, s)
            cids |= money_at.get((a, c.sentence(a, s)[0]), set())
        cids -= {parent[x] for x in cids if x in parent}
        types = Counter(t for t in g["place_type"] if not _missing(t))
        out.append({"place": name, "ons_code": ons or None, "place_type": types.most_common(1)[0][0] if types else None,
                    "n_articles": c.n_distinct(ids), "article_ids": ids, "first_mentioned": lo, "last_mentioned": hi,
                    "programmes": sorted(progs), "n_commitments": len(cids), "commitment_ids": sorted(cids),
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
    adds up the distinct GBP commitments that are not a share of another one: a commitment restated in
    other words (a total and its yearly amount) is counted twice, so read it with ``n_commitments``.
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
