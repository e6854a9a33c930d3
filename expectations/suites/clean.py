"""clean.articles: one row per article file; a real body, no boilerplate left; sane metadata."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping

import duckdb
import pandas as pd

from expectations.rules import (
    between,
    holds,
    in_set,
    invariant,
    is_null,
    length_between,
    matches,
    not_null,
    param,
    per_row,
    row_count,
    suite,
    unique,
)
from expectations.vocab import EARLIEST_DATE, URL_RE, latest_date
from expectations.suites import Check, Scope, in_scope
from healthwork.clean import line_key
from healthwork.config import Settings

# Lines that are site furniture whatever the article (whole-line or unmistakable phrases). This is the
# check's own oracle, deliberately stricter than the cleaner's cue words: a match in a body is a defect.
BOILERPLATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx, re.I)) for name, rx in (
    ("cookie_notice", r"\b(?:we|this (?:web)?site) uses? cookies\b|\baccept (?:all )?cookies\b|^(?:cookie|privacy) (?:policy|settings|preferences)$"),
    ("copyright", r"©|\ball rights reserved\b|^copyright\b"),
    ("signup_form", r"\b(?:sign up|subscribe)\b.{0,40}\bnewsletters?\b|^(?:sign up|subscribe|register|log ?in|sign in)(?: now| today| here| for free)?\W*$"),
    ("share_buttons", r"^(?:share|tweet|email|print|share this (?:article|story|page|post))(?: (?:on|via) \w+)?\W*$|^(?:share on|follow us on) (?:facebook|twitter|x|linkedin|instagram)\b"),
    ("advert", r"^(?:advertisement|advert|sponsored(?: content)?|ad)\W*$"),
    ("related_list", r"^(?:related(?: articles| stories| content| posts)?|read more|read next|see also|you (?:may|might) also like|most (?:read|popular)|recommended(?: for you)?|more (?:stories|news) (?:from \w+|like this)|further reading|trending(?: now)?)\s*(?::.*)?$"),
    ("comment_prompt", r"^\d+ comments?$|^leave a (?:reply|comment)\W*$"),
    ("navigation", r"^(?:home|menu|search|skip to (?:main )?content|back to top)\W*$"),
    ("caption_credit", r"^(?:image|photo|picture)s?(?: credit)?\s*:"),
))
SUITE = suite(
    "clean.articles",
    # about the table: the stage's bookkeeping (a failure blocks the run)
    # (whole-table invariants: evaluated in DuckDB over every row on every run)
    invariant(row_count(param("expected_articles"), "one row per raw file that is an article (raw.files status "
                        "'article' not quarantined by cleaning)"),
              "SELECT count(*) FROM clean.articles"),
    invariant(unique("article_id", "one row per article"),
              """SELECT article_id, source_file FROM clean.articles WHERE article_id IN
                 (SELECT article_id FROM clean.articles GROUP BY article_id HAVING count(*) > 1) ORDER BY 2"""),
    invariant(unique("source_file", "one row per input file"),
              """SELECT source_file FROM clean.articles WHERE source_file IN
                 (SELECT source_file FROM clean.articles GROUP BY source_file HAVING count(*) > 1) ORDER BY 1"""),
    invariant(holds("raw_is_article", "every row comes from a raw.files row with status 'article' of the same name"),
              """SELECT false AS raw_is_article, a.source_file FROM clean.articles a WHERE NOT EXISTS
                 (SELECT 1 FROM raw.files f WHERE f.status = 'article' AND f.article_id = a.article_id
                  AND f.source_file = a.source_file) ORDER BY 2"""),
    # about one article: a failing article is quarantined, the others go on (the run blocks only when
    # more than 10% of at least 20 articles fail one rule: then the cleaner, not the articles, is broken)
    per_row(
        not_null("body", "every article has a body"),
        matches("body", r"\S", "the body is not empty"),
        in_set("body_is_raw_text", [False], "the cleaner found an article in the file: its body is not the "
               "whole raw text of a multi-line file (a page has at least a headline besides its body)"),
        between("published_date", "published_date within 1990-01-01 .. tomorrow", min_value=EARLIEST_DATE,
                max_value=param("latest_date")),
        matches("url", URL_RE, "url is an absolute http(s) URL when present"),
        # a stray boilerplate line is a warning: the article is kept (blocks only at the broken-stage rate)
        is_null("boilerplate_line", "no boilerplate left: no body line matches a boilerplate pattern, and no "
                "non-sentence body line is a template line repeated across the corpus (clean.common_lines)",
                blocking=False),
    ),
    length_between("title", "headline length is sane (NULL allowed)", min_value=8, max_value=250, blocking=False),
    show=("source_file",),
    key="article_id",
)
SENTENCE_MIN_WORDS = 6
_TERMINAL = tuple('.!?"\'”’)')


def is_sentence(line: str) -> bool:
    """Several words ending in sentence punctuation: shared reporting, not template, when repeated."""
    s = line.strip()
    return len(s.split()) >= SENTENCE_MIN_WORDS and s.endswith(_TERMINAL)


def boilerplate_line(body: str | None, template_keys: Collection[str]) -> str | None:
    """The first body line that is boilerplate (with the reason), or None."""
    for line in (body or "").split("\n"):
        s = line.strip()
        if not s:
            continue
        for name, rx in BOILERPLATE_PATTERNS:
            if rx.search(s):
                return f"[{name}] {s}"
        if line_key(s) in template_keys and not is_sentence(s):
            return f"[template_repeat] {s}"
    return None


def _lines(text: str | None) -> list[str]:
    return [x.strip() for x in (text or "").split("\n") if x.strip()]


def body_is_raw_text(body: str | None, raw: str | None) -> bool:
    """Nothing was cleaned from a file of several lines (a page has at least a headline besides its
    body; a file that is one paragraph may rightly be all body)."""
    raw_lines = _lines(raw)
    return len(raw_lines) >= 2 and _lines(body) == raw_lines


def _date(v: object) -> dt.date | None:
    """DuckDB gives Timestamps (NaT for NULL): plain dates compare with the rule's bounds."""
    if isinstance(v, dt.datetime):  # pd.Timestamp included
        return None if pd.isna(v) else v.date()
    if isinstance(v, dt.date):
        return v
    return None if v is None or pd.isna(v) else pd.Timestamp(v).date()  # type: ignore[arg-type]


def derive(articles: pd.DataFrame, raw_articles: Mapping[str, tuple[str, str | None]],
           template_keys: Collection[str]) -> pd.DataFrame:
    """clean.articles rows + {article_id: (source_file, raw text)} of raw article files + template line keys."""
    df = articles.copy()
    keys = frozenset(template_keys)
    df["raw_is_article"] = [a in raw_articles and raw_articles[a][0] == f
                            for a, f in zip(df["article_id"], df["source_file"])]
    df["body_is_raw_text"] = [a in raw_articles and body_is_raw_text(b, raw_articles[a][1])
                              for a, b in zip(df["article_id"], df["body"])]
    df["boilerplate_line"] = [boilerplate_line(b, keys) for b in df["body"]]
    df["published_date"] = pd.Series([_date(v) for v in df["published_date"]], index=df.index, dtype=object)
    return df


def load(con: duckdb.DuckDBPyConnection, settings: Settings, scope: Scope = None) -> list[Check]:
    articles = con.execute("SELECT article_id, source_file, title, author, published_date, url, body "
                           f"FROM clean.articles WHERE {in_scope('article_id', scope)} ORDER BY source_file").df()
    raw = {a: (f, t) for a, f, t in con.execute(
        "SELECT article_id, source_file, text FROM raw.files WHERE status = 'article' "
        f"AND {in_scope('article_id', scope)}").fetchall()}
    template = [r[0] for r in con.execute("SELECT line_key FROM clean.common_lines").fetchall()]
    expected = con.execute("""SELECT count(*) FROM raw.files WHERE status = 'article' AND source_file NOT IN
                              (SELECT source_file FROM dq.quarantine WHERE stage = 'clean')""").fetchone()[0]
    n_articles = con.execute("SELECT count(*) FROM clean.articles").fetchone()[0]
    return [Check(SUITE, derive(articles, raw, template),
                  {"expected_articles": int(expected), "latest_date": latest_date()}, population=n_articles)]
