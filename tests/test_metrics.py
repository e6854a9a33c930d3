"""Metrics: pure functions on hand-made entity frames, then real values on the seeds warehouse."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from healthwork import marts, metrics
from healthwork.metrics import Corpus, money_label

FUNDING_COLS = ["article_id", "amount", "currency", "qualifier", "period_years", "per_year", "programme", "kind",
                "raw_text", "span_start", "span_end"]


def _money(article_id: str, body: str, raw: str, amount: float, programme: str | None = "Example Programme",
           qualifier: str = "exact", period: float | None = None, kind: str = "funding", nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = body.index(raw, start + 1)
    return {"article_id": article_id, "amount": amount, "currency": "GBP", "qualifier": qualifier,
            "period_years": period, "per_year": False, "programme": programme, "kind": kind, "raw_text": raw,
            "span_start": start, "span_end": start + len(raw)}


def _mention(article_id: str, body: str, text: str, **cols) -> dict:
    start = body.index(text)
    return {"article_id": article_id, "span_start": start, "span_end": start + len(text), **cols}


BODY_A = ("The Example Programme will be backed by £45m, the department said.\n"
          "South Shire will receive £3.5m of the £45m to open two clinics.\n"
          "Up to 12,000 people will be supported by the Example Programme in its first year.\n"
          "A separate £2m fine was issued to a contractor.")
BODY_B = ("Ministers confirmed £45m for the Example Programme.\n"
          "Its pilot, which cost £57m, helped 3,000 people in North Shire.")
BODY_C = "The Example Programme pilot received £57m. East Shire was one of the pilot areas."


@pytest.fixture()
def corpus() -> Corpus:
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"],
                             "published_date": [dt.date(2025, 1, 10), dt.date(2025, 3, 2), None, dt.date(2025, 3, 9)],
                             "body": [BODY_A, BODY_B, BODY_C, BODY_B]})
    funding = pd.DataFrame([
        _money("a", BODY_A, "£45m", 45e6), _money("a", BODY_A, "£3.5m", 3.5e6), _money("a", BODY_A, "£45m", 45e6, nth=1),
        _money("a", BODY_A, "£2m", 2e6, kind="fine"),
        _money("b", BODY_B, "£45m", 45e6), _money("b", BODY_B, "£57m", 57e6),
        _money("c", BODY_C, "£57m", 57e6),
        _money("d", BODY_B, "£45m", 45e6), _money("d", BODY_B, "£57m", 57e6),
    ], columns=FUNDING_COLS)
    progs = pd.DataFrame([{"article_id": a, "span_start": i, "span_end": i + 17, "programme": "Example Programme"}
                          for a, body in (("a", BODY_A), ("b", BODY_B), ("c", BODY_C), ("d", BODY_B))
                          for i in range(len(body)) if body.startswith("Example Programme", i)])
    places = pd.DataFrame([
        _mention("a", BODY_A, "South Shire", name="South Shire", ons_code="E99000001", place_type="other"),
        _mention("b", BODY_B, "North Shire", name="North Shire", ons_code=None, place_type="other"),
        _mention("c", BODY_C, "East Shire", name="East Shire", ons_code="E99000003", place_type="other"),
    ])
    people = pd.DataFrame([
        _mention("a", BODY_A, "Up to 12,000 people", value=12000.0, qualifier="up_to", what="people",
                 raw_text="Up to 12,000 people"),
        _mention("b", BODY_B, "3,000 people", value=3000.0, qualifier="exact", what="people", raw_text="3,000 people"),
    ])
    # d is a syndicated copy of b
    return Corpus(articles=articles, funding=funding, programme_mentions=progs, place_mentions=places,
                  people_counts=people, canonical={"d": "b"})


def _by_label(df: pd.DataFrame) -> dict[str, pd.Series]:
    return {r["label"]: r for _, r in df.iterrows()}


def test_money_label():
    assert money_label(259e6, "GBP", "up_to", 3) == "up to £259m over 3 years"
    assert money_label(3.5e6, "GBP") == "£3.5m"
    assert money_label(2.5e9, "EUR", "about") == "about €2.5bn"
    assert money_label(40e3, "USD", "more_than", 1, per_year=True) == "more than $40k a year"
    assert money_label(1e6, "JPY", period_years=1) == "JPY 1m over 1 year"


def test_one_row_per_commitment_with_counts_dates_and_shares(corpus):
    pf = metrics.programme_funding(corpus)
    rows = _by_label(pf)
    assert sorted(rows) == ["£3.5m", "£45m", "£57m"]  # the fine is not funding
    big = rows["£45m"]
    # stated twice in a, once in b and once in its syndicated copy d: 2 distinct articles
    assert big["article_ids"] == ["a", "b", "d"] and big["n_articles"] == 2 and big["n_mentions"] == 4
    assert (big["first_reported"], big["last_reported"]) == (dt.date(2025, 1, 10), dt.date(2025, 3, 9))
    assert big["part_of"] is None
    share = rows["£3.5m"]
    assert share["part_of"] == big["commitment_id"] and share["places"] == ["South Shire"]
    pilot = rows["£57m"]  # the pilot's money stays a separate commitment, not a share
    assert pilot["part_of"] is None and pilot["n_articles"] == 2 and pilot["first_reported"] == dt.date(2025, 3, 2)
    assert big["commitment_id"] == metrics.commitment_id("Example Programme", 45e6, "GBP", "exact", None)


def test_share_needs_the_article_to_say_so():
    body = "The scheme gets £45m. Separately, £3.5m was announced for the Example Programme in South Shire."
    c = Corpus(articles=pd.DataFrame({"article_id": ["x"], "published_date": [None], "body": [body]}),
               funding=pd.DataFrame([_money("x", body, "£45m", 45e6), _money("x", body, "£3.5m", 3.5e6)]))
    assert metrics.programme_funding(c)["part_of"].isna().all()
    body2 = "Each of the three areas will each receive £15m from the £45m fund for the Example Programme."
    c2 = Corpus(articles=pd.DataFrame({"article_id": ["y"], "published_date": [None], "body": [body2]}),
                funding=pd.DataFrame([_money("y", body2, "£15m", 15e6), _money("y", body2, "£45m", 45e6)]))
    pf = _by_label(metrics.programme_funding(c2))
    assert pf["£15m"]["part_of"] == pf["£45m"]["commitment_id"]


def test_summary_reach_places_and_timeline(corpus):
    m = metrics.compute(corpus)
    s = m.programme_summary.set_index("programme").loc["Example Programme"]
    assert s["n_articles"] == 3 and s["n_commitments"] == 3
    assert s["largest_label"] == "£57m" and s["largest_amount"] == 57e6
    assert s["total_committed_gbp"] == 45e6 + 57e6  # the share is inside the £45m
    assert s["people_to_reach"] == 12000 and s["people_to_reach_qualifier"] == "up_to"
    assert (s["first_mentioned"], s["last_mentioned"]) == (dt.date(2025, 1, 10), dt.date(2025, 3, 9))
    assert s["places"] == ["East Shire", "North Shire", "South Shire"]
    reach = m.programme_reach.set_index("value")
    assert bool(reach.loc[12000.0, "is_target"]) and not bool(reach.loc[3000.0, "is_target"])

    places = m.place_coverage.set_index("place")
    assert places.loc["South Shire", "ons_code"] == "E99000001"
    assert places.loc["South Shire", "funding_mentioned_gbp"] == 3.5e6  # the share, not its whole
    assert places.loc["North Shire", "ons_code"] is None and places.loc["North Shire", "funding_mentioned_gbp"] == 57e6
    assert places.loc["East Shire", "programmes"] == ["Example Programme"]

    t = m.funding_timeline
    jan = t[t["month"] == dt.date(2025, 1, 1)].iloc[0]
    assert jan["n_new_commitments"] == 2 and jan["new_committed_gbp"] == 45e6  # £45m and its £3.5m share
    mar = t[t["month"] == dt.date(2025, 3, 1)].iloc[0]
    assert mar["n_articles"] == 1 and mar["n_new_commitments"] == 1 and mar["new_committed_gbp"] == 57e6
    assert t["month"].isna().iloc[-1] and t.iloc[-1]["article_ids"] == ["c"]  # undated last

    groups = m.article_groups.set_index("article_id")
    assert groups.loc["d", "canonical_article_id"] == "b" and groups.loc["b", "group_size"] == 2


def test_empty_corpus_gives_empty_tables():
    c = Corpus(articles=pd.DataFrame({"article_id": [], "published_date": [], "body": []}),
               funding=pd.DataFrame(columns=FUNDING_COLS))
    for name, df in metrics.compute(c).tables().items():
        assert df.empty, name


# ---------------------------------------------------------------- the seeds warehouse

def _commitments(con, programme: str) -> list[tuple]:
    return con.execute("SELECT amount, currency, qualifier, period_years, n_articles, len(article_ids) "
                       "FROM metrics.programme_funding WHERE programme = ? ORDER BY amount", [programme]).fetchall()


def test_seeds_workwell_commitments(seeds_db):
    assert _commitments(seeds_db, "WorkWell") == [(57e6, "GBP", "exact", None, 1, 1),
                                                   (259e6, "GBP", "up_to", 3.0, 2, 2)]
    assert _commitments(seeds_db, "Health and Growth Accelerators") == [(45e6, "GBP", "exact", None, 1, 1)]
    # every commitment is one row, however many articles repeat it
    assert seeds_db.execute("SELECT count(*) = count(DISTINCT (programme, amount, currency, qualifier, period_years)) "
                            "FROM metrics.programme_funding").fetchone()[0]
    assert seeds_db.execute("SELECT first_reported FROM metrics.programme_funding WHERE programme = 'WorkWell' "
                            "AND amount = 57e6").fetchone()[0] == dt.date(2024, 1, 2)


def test_seeds_summary_places_and_views(seeds_db):
    row = seeds_db.execute("SELECT largest_label, n_commitments, people_to_reach, places FROM metrics.programme_summary "
                           "WHERE programme = 'WorkWell'").fetchone()
    assert row == ("up to £259m over 3 years", 2, 250000.0, ["England"])
    hga = seeds_db.execute("SELECT place, ons_code FROM metrics.place_coverage "
                           "WHERE list_contains(programmes, 'Health and Growth Accelerators') ORDER BY place").fetchall()
    assert ("South Yorkshire", "E47000002") in hga and ("West Yorkshire", "E47000003") in hga
    # the two independent reports of the national roll-out are not syndicated copies of each other
    assert seeds_db.execute("SELECT count(*) FROM clean.article_duplicates").fetchone()[0] == 0


def test_every_metrics_and_marts_column_is_documented(seeds_db):
    undocumented = seeds_db.execute(
        "SELECT schema_name || '.' || table_name || '.' || column_name FROM duckdb_columns() "
        "WHERE schema_name IN ('metrics', 'marts') AND (comment IS NULL OR comment = '')").fetchall()
    assert undocumented == []
    views = {r[0]: r[1] for r in seeds_db.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'marts'").fetchall()}
    assert set(views) == {v.name for v in marts.VIEWS} and all(views.values())
    tables = seeds_db.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'metrics' "
                              "AND (comment IS NULL OR comment = '')").fetchone()[0]
    assert tables == 0


# ---------------------------------------------------------------- commitment resolution (made-up articles)

def _corpus(articles: dict[str, tuple[str, list[dict]]], places: list[tuple[str, str]] = (),
            extra: dict[str, list] | None = None) -> Corpus:
    """articles: id -> (body, money rows made by ``_money``); places: (article id, place name) named in the body."""
    bodies = {a: body for a, (body, _) in articles.items()}
    funding = pd.DataFrame([row for _, rows in articles.values() for row in rows], columns=FUNDING_COLS)
    for col, values in (extra or {}).items():
        funding[col] = values
    place_rows = [_mention(a, bodies[a], name, name=name, ons_code=None, place_type="other") for a, name in places]
    return Corpus(articles=pd.DataFrame({"article_id": list(bodies), "published_date": [None] * len(bodies),
                                         "body": list(bodies.values())}),
                  funding=funding, place_mentions=pd.DataFrame(place_rows))


def _rows(c: Corpus) -> list[tuple]:
    pf = metrics.programme_funding(c)
    return [(r.amount, r.qualifier, None if pd.isna(r.period_years) else r.period_years, r.scope, r.n_articles)
            for r in pf.itertuples()]


def test_rounded_restatement_merges_with_its_reason():
    a = "The Example Programme is expanding with £167.2m of funding over five years."
    b = "A £167m expansion of the Example Programme was confirmed on Tuesday."
    c = _corpus({"a": (a, [_money("a", a, "£167.2m", 167.2e6, period=5)]), "b": (b, [_money("b", b, "£167m", 167e6)])})
    assert _rows(c) == [(167.2e6, "exact", 5.0, None, 2)]
    reasons = dict(zip(metrics.commitment_mentions(c)["raw_text"], metrics.commitment_mentions(c)["merge_reason"]))
    assert reasons["£167.2m"] == "most precise mention"
    assert reasons["£167m"] == "rounding (£167m ~ £167.2m); period stated in one mention only"


def test_qualifier_difference_merges():
    a = "Total funding for the Example Programme will exceed £1bn."
    b = "More than £1bn will go into the Example Programme."
    c = _corpus({"a": (a, [_money("a", a, "£1bn", 1e9)]),
                 "b": (b, [_money("b", b, "More than £1bn", 1e9, qualifier="more_than")])})
    assert _rows(c) == [(1e9, "exact", None, None, 2)]
    # a bound must hold: "more than £1bn" is not £950m
    d = "The Example Programme has £950m so far."
    c2 = _corpus({"b": (b, [_money("b", b, "More than £1bn", 1e9, qualifier="more_than")]),
                  "d": (d, [_money("d", d, "£950m", 950e6)])})
    assert len(_rows(c2)) == 2


def test_two_places_allocations_of_the_same_size_stay_apart():
    a = "North Shire will receive £3m from the Example Programme."
    b = "The Example Programme gives £3m to South Shire."
    c = _corpus({"a": (a, [_money("a", a, "£3m", 3e6)]), "b": (b, [_money("b", b, "£3m", 3e6)])},
                places=[("a", "North Shire"), ("b", "South Shire")])
    assert sorted(_rows(c), key=str) == [(3e6, "exact", None, "North Shire", 1), (3e6, "exact", None, "South Shire", 1)]
    # a third article's £3m without a place fits both: it is not guessed into either
    d = "The Example Programme area grant is £3m."
    c3 = _corpus({"a": (a, [_money("a", a, "£3m", 3e6)]), "b": (b, [_money("b", b, "£3m", 3e6)]),
                  "d": (d, [_money("d", d, "£3m", 3e6)])}, places=[("a", "North Shire"), ("b", "South Shire")])
    assert len(_rows(c3)) == 3


def test_annual_figure_and_multi_year_total_stay_apart():
    a = "The Example Programme gets £3m a year."
    b = "The Example Programme gets £15m over five years."
    d = "The Example Programme gets £3m over five years."
    c = _corpus({"a": (a, [_money("a", a, "£3m a year", 3e6, period=1)]),
                 "b": (b, [_money("b", b, "£15m over five years", 15e6, period=5)]),
                 "d": (d, [_money("d", d, "£3m over five years", 3e6, period=5)])})
    assert sorted(_rows(c)) == [(3e6, "exact", 1.0, None, 1), (3e6, "exact", 5.0, None, 1), (15e6, "exact", 5.0, None, 1)]
    assert metrics.programme_funding(c)["part_of"].isna().all()  # different sentences: no share


def test_new_money_stays_apart_from_the_original():
    a = "The Example Programme started with £45m. Ministers then added a further £45m for a second year."
    c = _corpus({"a": (a, [_money("a", a, "£45m", 45e6), _money("a", a, "£45m", 45e6, period=1, nth=1)])})
    assert sorted(_rows(c), key=str) == [(45e6, "exact", 1.0, None, 1), (45e6, "exact", None, None, 1)]


def test_cost_never_enters_commitments_or_totals():
    a = "The Example Programme gets £20m. The benefits bill it targets costs £100.7bn a year."
    c = _corpus({"a": (a, [_money("a", a, "£20m", 20e6), _money("a", a, "£100.7bn", 100.7e9, kind="cost")])})
    m = metrics.compute(c)
    assert m.programme_funding["amount"].tolist() == [20e6]
    assert m.commitment_mentions["raw_text"].tolist() == ["£20m"]
    assert m.programme_summary.iloc[0]["total_committed_gbp"] == 20e6


def test_share_stated_in_the_sentence():
    a = "West Shire will get almost £9m of the £115m for the Example Programme."
    c = _corpus({"a": (a, [_money("a", a, "almost £9m", 9e6, qualifier="about"), _money("a", a, "£115m", 115e6)])},
                places=[("a", "West Shire")])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[9e6, "part_of"] == pf.loc[115e6, "commitment_id"] and pf.loc[9e6, "scope"] == "West Shire"
    assert pf.loc[115e6, "part_of"] is None and pf.loc[115e6, "scope"] is None  # the whole is not West Shire's
    why = metrics.commitment_mentions(c).set_index("raw_text").loc["almost £9m", "share_reason"]
    assert why == "its sentence says it is a share of the larger sum"
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 115e6


def test_allocations_announced_with_their_pot_and_parts_that_add_up():
    a = ("The Example Programme is getting £50m this year.\n"
         "• North Shire - £30m\n"
         "• South Shire - £20m")
    b = "The Example Programme grant of £1,023,000 has two lines: £427,000 for adults and £596,000 for families."
    c = _corpus({"a": (a, [_money("a", a, "£50m", 50e6), _money("a", a, "£30m", 30e6), _money("a", a, "£20m", 20e6)]),
                 "b": (b, [_money("b", b, "£1,023,000", 1023e3), _money("b", b, "£427,000", 427e3),
                           _money("b", b, "£596,000", 596e3)])},
                places=[("a", "North Shire"), ("a", "South Shire")])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[30e6, "part_of"] == pf.loc[50e6, "commitment_id"] == pf.loc[20e6, "part_of"]
    assert pf.loc[427e3, "part_of"] == pf.loc[1023e3, "commitment_id"] == pf.loc[596e3, "part_of"]
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 50e6 + 1023e3


def test_a_pot_is_never_tied_to_another_articles_pot_by_size_alone():
    a = "The Example Programme has £100m."
    b = "North Shire gets £10m from the Example Programme."
    c = _corpus({"a": (a, [_money("a", a, "£100m", 100e6)]), "b": (b, [_money("b", b, "£10m", 10e6)])},
                places=[("b", "North Shire")])
    assert metrics.programme_funding(c)["part_of"].isna().all()
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 110e6


def test_extracted_place_and_share_of_amount_are_used_when_given():
    a = "The Example Programme pot is £115m."
    b = "Our area's slice, £9m, was confirmed."
    c = _corpus({"a": (a, [_money("a", a, "£115m", 115e6)]), "b": (b, [_money("b", b, "£9m", 9e6)])},
                extra={"place": [None, "West Shire"], "share_of_amount": [None, 115e6]})
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[9e6, "part_of"] == pf.loc[115e6, "commitment_id"] and pf.loc[9e6, "scope"] == "West Shire"


def test_owned_places_reads_which_amount_a_place_belongs_to():
    body = "Allocations range from £7m in Northshire to £49m in the Far East, and Westshire will get £22m."
    amounts = [(body.index(t), body.index(t) + len(t)) for t in ("£7m", "£49m", "£22m")]
    places = [(body.index(p), body.index(p) + len(p), p) for p in ("Northshire", "Far East", "Westshire")]
    owned = metrics.owned_places(body, amounts, places)
    assert {body[s:e]: names for (s, e), names in owned.items()} == {
        "£7m": ["Northshire"], "£49m": ["Far East"], "£22m": ["Westshire"]}


def test_a_country_never_scopes_a_pot_and_a_missing_place_is_read_from_the_sentence():
    a = "England will share £115m from the Example Programme. North Shire gets £9m of it."
    c = _corpus({"a": (a, [_money("a", a, "£115m", 115e6), _money("a", a, "£9m", 9e6)])},
                places=[("a", "North Shire")], extra={"place": ["England", None], "share_of_amount": [None, None]})
    c.place_mentions = pd.concat([c.place_mentions, pd.DataFrame(
        [_mention("a", a, "England", name="England", ons_code="E92000001", place_type="country")])])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[115e6, "scope"] is None and pf.loc[9e6, "scope"] == "North Shire"
    assert pf.loc[9e6, "part_of"] == pf.loc[115e6, "commitment_id"]  # an allocation announced with its pot


def test_a_pot_already_filled_by_its_parts_takes_no_other_allocation():
    a = ("This year the Example Programme grant is £1,023,000.\n"
         "• Adults - £427,000\n"
         "• Families - £596,000\n"
         "Last year's lines were different.\n"
         "• Adult provision - £415,000\n"
         "• Family provision - £471,000")
    c = _corpus({"a": (a, [_money("a", a, t, v) for t, v in (("£1,023,000", 1023e3), ("£427,000", 427e3),
                                                              ("£596,000", 596e3), ("£415,000", 415e3),
                                                              ("£471,000", 471e3))])})
    pf = metrics.programme_funding(c).set_index("amount")
    whole = pf.loc[1023e3, "commitment_id"]
    assert pf.loc[427e3, "part_of"] == whole == pf.loc[596e3, "part_of"]
    assert pf.loc[415e3, "part_of"] is None and pf.loc[471e3, "part_of"] is None
    assert pf.loc[415e3, "scope"] == "Adult provision"  # a list item's label scopes its amount
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 1023e3 + 415e3 + 471e3


def _nulls_as_none(df: pd.DataFrame) -> pd.DataFrame:
    """NULL cells as None (a frame built from other rows may hold NaN where the whole corpus's holds None)."""
    df = df.reset_index(drop=True).astype(object)
    return df.where(df.notna(), None)


def test_a_programme_computed_alone_gives_its_rows_of_the_whole_corpus(corpus):
    """What an update relies on (stages.metrics_update): a programme's rows need only its own articles, and
    place rows need only the place links and the commitments."""
    body = "The Other Scheme will spend £8m in South Shire."
    one = lambda df, rows: pd.concat([df, pd.DataFrame(rows)], ignore_index=True)  # noqa: E731
    c = Corpus(articles=one(corpus.articles, [{"article_id": "e", "published_date": dt.date(2025, 4, 1), "body": body}]),
               funding=one(corpus.funding, [_money("e", body, "£8m", 8e6, programme="Other Scheme")]),
               programme_mentions=one(corpus.programme_mentions,
                                      [_mention("e", body, "Other Scheme", programme="Other Scheme")]),
               place_mentions=one(corpus.place_mentions, [_mention("e", body, "South Shire", name="South Shire",
                                                                   ons_code="E99000001", place_type="other")]),
               people_counts=corpus.people_counts, canonical=corpus.canonical)
    full = metrics.compute(c)
    only_e = lambda df: df[df["article_id"] == "e"].reset_index(drop=True)  # noqa: E731
    alone = Corpus(articles=only_e(c.articles), funding=only_e(c.funding),
                   programme_mentions=only_e(c.programme_mentions), place_mentions=only_e(c.place_mentions),
                   people_counts=pd.DataFrame(), canonical=c.canonical, programmes=frozenset({"Other Scheme"}),
                   broad_places=frozenset())
    part = metrics.compute_part(alone, metrics.place_links(alone))
    assert part.programme_funding["label"].tolist() == ["£8m"]
    assert part.programme_funding["scope"].tolist() == ["South Shire"]
    assert part.programme_summary["places"].tolist() == [["South Shire"]]
    cids = set(part.programme_funding["commitment_id"])
    for table in ("programme_funding", "commitment_mentions", "programme_summary", "funding_timeline"):
        want = getattr(full, table)
        want = want[want["programme"] == "Other Scheme"] if "programme" in want else want[want["commitment_id"].isin(cids)]
        pd.testing.assert_frame_equal(_nulls_as_none(getattr(part, table)), _nulls_as_none(want), check_dtype=False)

    rows = metrics.place_rows(c.place_links, c.money, full.programme_funding, c.dates, c.canonical)
    pd.testing.assert_frame_equal(rows, full.place_coverage, check_dtype=False)
    south = rows[rows["place"] == "South Shire"].iloc[0]
    # £3.5m of the £45m counts and its whole does not; the other scheme's £8m is stated beside the place too
    assert (south["n_articles"], south["funding_mentioned_gbp"]) == (2, 11.5e6)
    assert "Other Scheme" in south["programmes"]


def test_a_pot_places_share_is_no_ones_and_holds_the_allocation_announced_with_it():
    a = ("North Shire will keep its Example Programme hub after winning £4.2m over two years.\n"
         "The hub is one of three, alongside East Shire and West Shire, which are sharing £12m between them.")
    c = _corpus({"a": (a, [_money("a", a, "£4.2m", 4.2e6, period=2), _money("a", a, "£12m", 12e6)])},
                places=[("a", "North Shire"), ("a", "East Shire"), ("a", "West Shire")])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[12e6, "scope"] is None and pf.loc[12e6, "part_of"] is None
    assert pf.loc[4.2e6, "scope"] == "North Shire" and pf.loc[4.2e6, "part_of"] == pf.loc[12e6, "commitment_id"]
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 12e6


def test_a_sentence_opening_on_the_sum_just_stated_makes_a_share():
    a = ("North Shire has been allocated £2,350,000 for the Example Programme.\n"
         "Of the total, £235,000 will be kept by the council to cover management costs.")
    c = _corpus({"a": (a, [_money("a", a, "£2,350,000", 2.35e6), _money("a", a, "£235,000", 235e3)])},
                places=[("a", "North Shire")])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[235e3, "part_of"] == pf.loc[2.35e6, "commitment_id"]
    assert metrics.compute(c).programme_summary.iloc[0]["total_committed_gbp"] == 2.35e6


def test_new_money_reported_by_another_outlet_without_further_is_the_same_pot():
    a = "Ministers have confirmed a further £2.6m for the Example Programme in Dorset."
    b = "The Example Programme will get £2.6m to keep running."
    c = _corpus({"a": (a, [_money("a", a, "£2.6m", 2.6e6)]), "b": (b, [_money("b", b, "£2.6m", 2.6e6)])})
    assert _rows(c) == [(2.6e6, "exact", None, None, 2)]
    # within one article "a further" sum stays apart from the sum it adds to (test above), even when
    # a third article restates the plain sum
    d = "The Example Programme started with £45m. Ministers then added a further £45m."
    e = "The Example Programme has £45m."
    c2 = _corpus({"d": (d, [_money("d", d, "£45m", 45e6), _money("d", d, "£45m", 45e6, nth=1)]),
                  "e": (e, [_money("e", e, "£45m", 45e6)])})
    assert sorted(r[-1] for r in _rows(c2)) == [1, 2]


def test_one_of_several_areas_sharing_a_pot_does_not_scope_it():
    a = "North Shire is one of eight areas sharing £45m from the Example Programme, and will receive £5m of it."
    b = "South Shire is one of the eight areas sharing £45m from the Example Programme."
    d = "West Shire's share is £3m of the Example Programme money."
    c = _corpus({"a": (a, [_money("a", a, "£45m", 45e6), _money("a", a, "£5m", 5e6)]),
                 "b": (b, [_money("b", b, "£45m", 45e6)]), "d": (d, [_money("d", d, "£3m", 3e6)])},
                places=[("a", "North Shire"), ("b", "South Shire"), ("d", "West Shire")])
    pf = metrics.programme_funding(c).set_index("amount")
    assert pf.loc[45e6, "scope"] is None and pf.loc[45e6, "n_articles"] == 2  # one pot, restated
    assert pf.loc[3e6, "scope"] == "West Shire"  # "share" as a noun: the place's allocation


def test_one_of_several_areas_to_get_a_sum_does_not_scope_it():
    a = "North Shire is one of 15 areas to get £57m for the Example Programme."
    b = "The Example Programme has £57m."
    c = _corpus({"a": (a, [_money("a", a, "£57m", 57e6)]), "b": (b, [_money("b", b, "£57m", 57e6)])},
                places=[("a", "North Shire")])
    assert _rows(c) == [(57e6, "exact", None, None, 2)]


def test_a_sentence_opening_on_the_area_named_before_scopes_its_money():
    a = ("North Shire has joined the Example Programme.\n"
         "The county will receive £5m from the programme to hire coaches.\n")
    b = "South Shire's £5m plan for the Example Programme was approved on Monday."
    d = ("West Shire has joined the Example Programme.\n"
         "The county is one of four areas sharing £20m between them.\n")
    c = _corpus({"a": (a, [_money("a", a, "£5m", 5e6)]), "b": (b, [_money("b", b, "£5m", 5e6)]),
                 "d": (d, [_money("d", d, "£20m", 20e6)])},
                places=[("a", "North Shire"), ("b", "South Shire"), ("d", "West Shire")])
    # two areas' allocations of the same size stay apart; a pot the area shares is no one's
    assert sorted(_rows(c), key=str) == [(20e6, "exact", None, None, 1), (5e6, "exact", None, "North Shire", 1),
                                         (5e6, "exact", None, "South Shire", 1)]
