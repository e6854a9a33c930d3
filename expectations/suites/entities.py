"""entities.*: evidence spans inside the body and equal to the text; parsed, well-formed values.

A rule about one entity row is about its article (``per_row``, key ``article_id``): a span that does not
match or an amount that does not re-parse quarantines that article's entities, the others go on. Rows
naming no article or an article not in clean.articles are bookkeeping faults of the table: they block.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import duckdb
import pandas as pd

from expectations.rules import Rule, between, holds, in_set, invariant, matches, not_null, per_row, suite
from expectations.suites import Check, Scope, in_scope
from expectations.vocab import FUNDING_KINDS, ISO_CURRENCIES, ONS_CODE_RE, PERSON_NAME_RE, PLACE_TYPES, QUALIFIERS
from healthwork.config import Settings
from healthwork.extract import TABLES, money, programmes

SHOW = ("article_id", "span_start", "span_end", "text")
KEY = "article_id"  # a row fault quarantines the article's entities


def _evidence(table: str) -> list[Rule]:
    """Rules every entity table obeys: a row belongs to an article and quotes its words exactly."""
    return [
        invariant(not_null("article_id", "every entity row names its article"),
                  f"SELECT article_id, span_start, span_end, text FROM entities.{table} WHERE article_id IS NULL"),
        invariant(holds("article_exists", "the article is in clean.articles"),
                  f"""SELECT false AS article_exists, e.article_id, e.span_start, e.span_end, e.text
                      FROM entities.{table} e WHERE NOT EXISTS (SELECT 1 FROM clean.articles a
                      WHERE a.article_id = e.article_id AND a.body IS NOT NULL) ORDER BY 2, 3"""),
        *per_row(
            holds("span_in_body", "0 <= span_start < span_end <= length(body)"),
            holds("span_matches_text", "substr(body, span_start + 1, span_end - span_start) = text"),
        ),
    ]


def _programme_rule(column: str) -> Rule:
    return matches(column, programmes.name_regex(),
                   "programmes use their canonical name or a named local scheme's name (NULL allowed)")


SUITES = {
    "funding": suite(
        "entities.funding", _evidence("funding"),
        *per_row(
            not_null("amount", "every money row has an amount"),
            between("amount", "amount > 0", min_value=0, strict_min=True),
            not_null("raw_text", "the words as written are kept"),
            holds("reparsed_amount_equal", "re-parsing raw_text with the money parser gives the same amount"),
            in_set("currency", ISO_CURRENCIES, "currency is an ISO 4217 code"),
            in_set("qualifier", QUALIFIERS, "qualifier is exact, up_to, more_than or about"),
            in_set("kind", FUNDING_KINDS, "kind is funding, cost, fine or other"),
            between("period_years", "period_years > 0 and at most a century (NULL allowed)", min_value=0,
                    max_value=100, strict_min=True),
            _programme_rule("programme"),
        ),
        show=(*SHOW, "raw_text", "amount"), key=KEY,
    ),
    "person_mentions": suite(
        "entities.person_mentions", _evidence("person_mentions"),
        *per_row(not_null("name", "every person row has a name")),
        matches("name", PERSON_NAME_RE, "a person's name looks like a full name (capitalised words)", blocking=False),
        show=(*SHOW, "name"), key=KEY,
    ),
    "quotes": suite(
        "entities.quotes", _evidence("quotes"),
        *per_row(matches("text", r"\S", "a quotation has words")),
        matches("speaker", PERSON_NAME_RE, "a speaker looks like a full name (NULL when unattributed)",
                blocking=False),
        show=(*SHOW, "speaker"), key=KEY,
    ),
    "organisation_mentions": suite(
        "entities.organisation_mentions", _evidence("organisation_mentions"),
        *per_row(not_null("name", "every organisation row has its canonical name")),
        show=(*SHOW, "name"), key=KEY,
    ),
    "place_mentions": suite(
        "entities.place_mentions", _evidence("place_mentions"),
        *per_row(
            not_null("name", "every place row has its canonical name"),
            matches("ons_code", ONS_CODE_RE, "ONS GSS codes are a letter and 8 digits (NULL when unknown)"),
            in_set("place_type", PLACE_TYPES, "place_type is a known kind of area"),
        ),
        show=(*SHOW, "name", "ons_code"), key=KEY,
    ),
    "programme_mentions": suite(
        "entities.programme_mentions", _evidence("programme_mentions"),
        *per_row(
            not_null("programme", "every programme row names the programme"),
            _programme_rule("programme"),
        ),
        show=(*SHOW, "programme"), key=KEY,
    ),
    "people_counts": suite(
        "entities.people_counts", _evidence("people_counts"),
        *per_row(
            not_null("value", "every count has a value"),
            between("value", "a count of people is > 0", min_value=0, strict_min=True),
            in_set("qualifier", QUALIFIERS, "qualifier is exact, up_to, more_than or about"),
        ),
        show=(*SHOW, "value"), key=KEY,
    ),
}
assert set(SUITES) == set(TABLES), "one suite per entity table"


def reparse_amounts(raw_text: str) -> list[float]:
    """The amounts the money parser reads in ``raw_text`` alone (the parser is healthwork.extract.money)."""
    return [float(r["amount"]) for r in money.extract(raw_text)]


def _equal(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _int(v: object) -> int | None:
    return None if v is None or pd.isna(v) else int(v)  # type: ignore[call-overload, arg-type]


def derive_evidence(rows: pd.DataFrame, bodies: Mapping[str, str]) -> pd.DataFrame:
    """Entity rows + {article_id: body} -> article_exists, span_in_body, span_matches_text."""
    df = rows.copy()
    exists, inside, same = [], [], []
    for a, s, e, t in zip(df["article_id"], df["span_start"], df["span_end"], df["text"]):
        body = bodies.get(a)
        s, e = _int(s), _int(e)
        ok = body is not None and s is not None and e is not None and 0 <= s < e <= len(body)
        exists.append(body is not None)
        inside.append(ok)
        same.append(ok and isinstance(t, str) and body[s:e] == t)  # type: ignore[index]
    df["article_exists"], df["span_in_body"], df["span_matches_text"] = exists, inside, same
    return df


def derive_funding(rows: pd.DataFrame, bodies: Mapping[str, str]) -> pd.DataFrame:
    """Funding rows: evidence columns and ``reparsed_amount_equal``."""
    df = derive_evidence(rows, bodies)
    parsed: dict[str, list[float]] = {}  # the parser is a pure function of the text: once per distinct raw_text

    def amounts(t: str) -> list[float]:
        if t not in parsed:
            parsed[t] = reparse_amounts(t)
        return parsed[t]

    df["reparsed_amount_equal"] = [
        isinstance(t, str) and a is not None and not pd.isna(a) and any(_equal(float(a), x) for x in amounts(t))
        for t, a in zip(df["raw_text"], df["amount"])]
    return df


def load(con: duckdb.DuckDBPyConnection, settings: Settings, scope: Scope = None) -> list[Check]:
    """The rows of the articles in scope, and rows naming no article of clean.articles (which an
    invariant blocks on anyway: their spans are looked at too)."""
    bodies = dict(con.execute("SELECT article_id, body FROM clean.articles "
                              f"WHERE {in_scope('article_id', scope)}").fetchall())
    population = con.execute("SELECT count(*) FROM clean.articles").fetchone()[0]
    out = []
    for table, s in SUITES.items():
        rows = con.execute(f"""SELECT * FROM entities.{table} e WHERE {in_scope('e.article_id', scope)}
                               OR NOT EXISTS (SELECT 1 FROM clean.articles a WHERE a.article_id = e.article_id)
                               ORDER BY article_id, span_start""").df()
        df = derive_funding(rows, bodies) if table == "funding" else derive_evidence(rows, bodies)
        out.append(Check(s, df, population=population))
    return out
