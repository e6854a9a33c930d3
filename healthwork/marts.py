"""The analyst surface: documented views in schema ``marts`` over ``metrics``, ``clean`` and ``entities``.

Totals that hold: a programme's total (``marts.programmes.total_committed_gbp``) is the sum of its
top-level GBP commitments, those with ``part_of`` NULL. That adds up because ``metrics.programme_funding``
has one row per commitment, not per sentence: restatements of one pot across articles ("£167.2m",
"£167m", "£167.2m over five years") are merged into one commitment (each mention keeps its merge reason
in ``metrics.commitment_mentions``), and an allocation that an article presents as a share of a larger
pot ("£9m of the £115m", area allocations announced with the national pot, parts that add up to it)
points at it with ``part_of`` and is left out of the total: it is already inside its whole. Only money of
kind ``funding`` is a commitment (a benefits bill or a fine never enters a total).

Every view and every column carries a ``COMMENT``, so ``SELECT * FROM duckdb_columns()`` (or
``duckdb_views()``) on the published warehouse documents what an analyst can query. Views hold no
rule of their own: they join and label what the metrics stage computed, so a number in a view is
always the number in its ``metrics`` table.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

SCHEMA = "marts"


@dataclass(frozen=True)
class View:
    name: str
    comment: str
    sql: str
    columns: tuple[tuple[str, str], ...]  # (name, comment), in the view's column order

    @property
    def qualified(self) -> str:
        return f"{SCHEMA}.{self.name}"


def _v(name: str, comment: str, sql: str, *columns: tuple[str, str]) -> View:
    return View(name, comment, sql, tuple(columns))


VIEWS: tuple[View, ...] = (
    _v("commitments", "Distinct funding commitments per programme, largest first, with the whole a share belongs to",
       """
       SELECT f.programme, f.label, f.amount, f.currency, f.qualifier, f.period_years, f.per_year,
              f.n_articles, f.first_reported, f.last_reported,
              f.part_of IS NOT NULL AS is_share, p.label AS part_of_label, f.scope, f.places, f.raw_texts,
              f.commitment_id, f.part_of AS part_of_commitment_id, f.article_ids
       FROM metrics.programme_funding f
       LEFT JOIN metrics.programme_funding p ON p.commitment_id = f.part_of
       ORDER BY f.programme, f.currency, f.amount DESC
       """,
       ("programme", "canonical programme name"),
       ("label", "the commitment as written for analysts, e.g. 'up to £259m over 3 years'"),
       ("amount", "amount in units of currency"),
       ("currency", "ISO 4217 code"),
       ("qualifier", "exact | up_to | more_than | about"),
       ("period_years", "years the amount covers; NULL when not stated"),
       ("per_year", "the amount is stated per year"),
       ("n_articles", "distinct articles reporting it (syndicated copies counted once)"),
       ("first_reported", "earliest publication date among them (NULL when none is dated)"),
       ("last_reported", "latest publication date among them"),
       ("is_share", "an article says this money is part of a larger commitment of the programme"),
       ("part_of_label", "label of that larger commitment"),
       ("scope", "the place (or listed recipient) the money is allocated to; NULL for a pot not tied to one"),
       ("places", "places named in the sentences stating this money"),
       ("raw_texts", "the distinct ways the articles write the amount"),
       ("commitment_id", "stable id of the commitment (join key to commitment_evidence)"),
       ("part_of_commitment_id", "commitment_id of the larger commitment, else NULL"),
       ("article_ids", "the articles reporting it")),
    _v("commitment_evidence", "Which articles state each commitment: one row per mention, with its sentence",
       """
       SELECT m.commitment_id, f.programme, f.label, m.article_id, a.title, a.source_file, a.url,
              a.published_date, g.canonical_article_id, NOT coalesce(g.is_canonical, TRUE) AS is_syndicated_copy,
              m.raw_text, m.merge_reason, m.share_reason, m.sentence, m.span_start, m.span_end
       FROM metrics.commitment_mentions m
       JOIN metrics.programme_funding f USING (commitment_id)
       LEFT JOIN clean.articles a USING (article_id)
       LEFT JOIN metrics.article_groups g USING (article_id)
       ORDER BY f.programme, f.amount DESC, a.published_date NULLS LAST, m.article_id, m.span_start
       """,
       ("commitment_id", "the commitment (marts.commitments.commitment_id)"),
       ("programme", "canonical programme name"),
       ("label", "the commitment as written for analysts"),
       ("article_id", "the article stating it"),
       ("title", "the article's headline (NULL when it has none)"),
       ("source_file", "the input file the article came from"),
       ("url", "the article's canonical URL when known"),
       ("published_date", "the article's publication date (NULL when not given)"),
       ("canonical_article_id", "the copy this article counts as (itself unless syndicated)"),
       ("is_syndicated_copy", "this article is a near-duplicate of an earlier one and is not counted again"),
       ("raw_text", "the amount as written"),
       ("merge_reason", "why this mention is this commitment (most precise mention, rounding, qualifier, ...)"),
       ("share_reason", "why this mention makes the money a share of a larger commitment, else NULL"),
       ("sentence", "the sentence of the article stating it"),
       ("span_start", "offset of the amount in clean.articles.body (0-based)"),
       ("span_end", "end offset of the amount (exclusive)")),
    _v("programmes", "One row per programme: largest commitment, total of its top-level GBP commitments (part_of "
       "NULL: a share is inside its whole, a restatement is one commitment), people to reach, places, coverage",
       """
       SELECT programme, largest_label, largest_amount, largest_currency, n_commitments, total_committed_gbp,
              people_to_reach, people_to_reach_qualifier, places, n_places, n_articles,
              first_mentioned, last_mentioned, article_ids
       FROM metrics.programme_summary
       ORDER BY largest_amount DESC NULLS LAST, n_articles DESC, programme
       """,
       ("programme", "canonical programme name"),
       ("largest_label", "its largest commitment, as written for analysts (NULL when no money is stated)"),
       ("largest_amount", "amount of the largest commitment, in units of largest_currency"),
       ("largest_currency", "ISO 4217 code of the largest commitment"),
       ("n_commitments", "distinct funding commitments reported"),
       ("total_committed_gbp", "sum of top-level GBP commitments (part_of NULL): a restatement or a share is not added twice"),
       ("people_to_reach", "largest number of people the programme should reach, as reported"),
       ("people_to_reach_qualifier", "qualifier of that number (up_to, more_than, ...)"),
       ("places", "places named in paragraphs about the programme"),
       ("n_places", "number of those places"),
       ("n_articles", "distinct articles naming the programme (syndicated copies counted once)"),
       ("first_mentioned", "earliest publication date of those articles"),
       ("last_mentioned", "latest publication date of those articles"),
       ("article_ids", "the articles, for drill-down")),
    _v("timeline", "Per month and programme: articles published and commitments announced (first reported)",
       """
       SELECT t.month, strftime(t.month, '%Y-%m') AS month_label, t.programme, t.n_articles, t.n_new_commitments,
              t.new_committed_gbp,
              coalesce((SELECT list(f.label ORDER BY f.amount DESC) FROM metrics.programme_funding f
               WHERE list_contains(t.new_commitment_ids, f.commitment_id)), []) AS new_commitments,
              t.article_ids
       FROM metrics.funding_timeline t
       ORDER BY t.month NULLS LAST, t.programme
       """,
       ("month", "first day of the month; NULL for articles without a publication date"),
       ("month_label", "the month as YYYY-MM (NULL when undated)"),
       ("programme", "canonical programme name"),
       ("n_articles", "distinct articles that month naming the programme (syndicated copies counted once)"),
       ("n_new_commitments", "commitments first reported that month"),
       ("new_committed_gbp", "sum of those in GBP that are not a share of another commitment"),
       ("new_commitments", "labels of those commitments, largest first"),
       ("article_ids", "the articles, for drill-down")),
    _v("places", "One row per place named in the news, with its ONS code, programmes and money stated with it",
       """
       SELECT p.place, p.ons_code, p.place_type, p.n_articles, p.programmes, p.n_commitments,
              coalesce((SELECT list(f.label ORDER BY f.amount DESC) FROM metrics.programme_funding f
               WHERE list_contains(p.commitment_ids, f.commitment_id)), []) AS commitments,
              p.funding_mentioned_gbp, p.first_mentioned, p.last_mentioned, p.article_ids
       FROM metrics.place_coverage p
       ORDER BY p.n_articles DESC, p.funding_mentioned_gbp DESC, p.place
       """,
       ("place", "canonical place name"),
       ("ons_code", "ONS GSS code (a town: the code of the district it lies in; NULL when unknown)"),
       ("place_type", "country | region | icb | sub_icb | combined_authority | local_authority | other"),
       ("n_articles", "distinct articles naming the place (syndicated copies counted once)"),
       ("programmes", "programmes named in the paragraphs naming the place"),
       ("n_commitments", "distinct commitments stated in a sentence naming the place"),
       ("commitments", "labels of those commitments, largest first"),
       ("funding_mentioned_gbp", "sum of those in GBP (a commitment shared by several places counts for each)"),
       ("first_mentioned", "earliest publication date of the articles naming it"),
       ("last_mentioned", "latest publication date of the articles naming it"),
       ("article_ids", "the articles, for drill-down")),
    _v("articles", "One row per article: metadata, syndication group, and what it reports",
       """
       SELECT a.article_id, a.title, a.author, a.published_date, a.source_file, a.url,
              coalesce(g.canonical_article_id, a.article_id) AS canonical_article_id,
              NOT coalesce(g.is_canonical, TRUE) AS is_syndicated_copy,
              coalesce((SELECT list(DISTINCT pm.programme ORDER BY pm.programme) FROM entities.programme_mentions pm
                        WHERE pm.article_id = a.article_id), []) AS programmes,
              (SELECT count(DISTINCT m.commitment_id) FROM metrics.commitment_mentions m
               WHERE m.article_id = a.article_id) AS n_commitments,
              coalesce((SELECT list(DISTINCT pl.name ORDER BY pl.name) FROM entities.place_mentions pl
                        WHERE pl.article_id = a.article_id), []) AS places
       FROM clean.articles a
       LEFT JOIN metrics.article_groups g USING (article_id)
       ORDER BY a.published_date NULLS LAST, a.article_id
       """,
       ("article_id", "stable article id"),
       ("title", "headline as printed (NULL when none)"),
       ("author", "byline name (NULL when none)"),
       ("published_date", "the article's publication date (NULL when not given)"),
       ("source_file", "the input file's name"),
       ("url", "canonical URL when known"),
       ("canonical_article_id", "the copy this article counts as (itself unless syndicated)"),
       ("is_syndicated_copy", "a near-duplicate of an earlier article, not counted again in metrics"),
       ("programmes", "programmes the article names"),
       ("n_commitments", "distinct funding commitments the article states"),
       ("places", "places the article names")),
    _v("syndication", "Pairs of articles telling the same story (near-duplicates), with their titles",
       """
       SELECT d.article_id_a, a.title AS title_a, a.source_file AS source_file_a,
              d.article_id_b, b.title AS title_b, b.source_file AS source_file_b, d.similarity, d.method
       FROM clean.article_duplicates d
       LEFT JOIN clean.articles a ON a.article_id = d.article_id_a
       LEFT JOIN clean.articles b ON b.article_id = d.article_id_b
       ORDER BY d.similarity DESC, d.article_id_a, d.article_id_b
       """,
       ("article_id_a", "the earlier article of the pair (the copy that counts)"),
       ("title_a", "its headline"),
       ("source_file_a", "its input file"),
       ("article_id_b", "the other copy"),
       ("title_b", "its headline"),
       ("source_file_b", "its input file"),
       ("similarity", "similarity of the two bodies, 0..1"),
       ("method", "how the similarity was measured")),
)


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every view with its comments; fails when a view's columns differ from the declared ones."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for v in VIEWS:
        con.execute(f"CREATE OR REPLACE VIEW {v.qualified} AS {v.sql}")
        got = [r[0] for r in con.execute(f"DESCRIBE {v.qualified}").fetchall()]
        want = [c for c, _ in v.columns]
        if got != want:
            raise ValueError(f"{v.qualified}: columns {got} differ from the documented {want}")
        con.execute(f"COMMENT ON VIEW {v.qualified} IS {_lit(v.comment)}")
        for c, comment in v.columns:
            con.execute(f"COMMENT ON COLUMN {v.qualified}.{c} IS {_lit(comment)}")


def definitions_version() -> str:
    """A hash of every view's name, SQL, columns and comments: equal means the views in a file that recorded
    it are these (``stages.metrics.run_marts`` then leaves them: a view shows its tables' current rows)."""
    import hashlib  # noqa: PLC0415

    h = hashlib.sha256()
    for v in VIEWS:
        h.update(repr((v.name, v.comment, v.sql, v.columns)).encode())
    return h.hexdigest()[:16]
