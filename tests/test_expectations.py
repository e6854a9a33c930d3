"""Each stage's GX suite on small DataFrames: good data passes, each kind of bad data fails exactly its rule."""
from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd
import pytest

from expectations import runner, triage
from expectations.suites import Check
from expectations.suites import clean as cs
from expectations.suites import entities as es
from expectations.suites import metrics as ms
from expectations.suites import raw as rs
from healthwork.clean import line_key

MAX_BYTES = 1000
BODY = ("The Department for Work and Pensions will spend up to £259m over three years on WorkWell.\n"
        "Mel Stride said the pilots would help thousands of people stay in work.")


def failed(check: Check) -> set[str]:
    return {o.label for o in runner.validate(check.suite, check.frame, check.params).failed}


# ---------------------------------------------------------------- raw

def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def raw_files(**change: object) -> pd.DataFrame:
    rows = [
        {"source_file": "a.txt", "sha256": _sha("alpha"), "size_bytes": 5, "encoding": "utf-8", "text": "alpha",
         "status": "article", "article_id": _sha("alpha")[:16], "duplicate_of": None},
        {"source_file": "b.txt", "sha256": _sha("alpha"), "size_bytes": 5, "encoding": "utf-8", "text": "alpha",
         "status": "duplicate", "article_id": _sha("alpha")[:16], "duplicate_of": "a.txt"},
        {"source_file": "c.txt", "sha256": _sha(""), "size_bytes": 0, "encoding": None, "text": None,
         "status": "quarantined", "article_id": None, "duplicate_of": None},
    ]
    rows[0].update(change)
    return pd.DataFrame(rows)


def raw_check(files: pd.DataFrame, quarantined: tuple[str, ...] = ("c.txt",)) -> Check:
    return Check(rs.SUITE, rs.derive(files, MAX_BYTES, quarantined))


def test_raw_suite_passes_good_files() -> None:
    assert failed(raw_check(raw_files())) == set()


@pytest.mark.parametrize(("change", "rule"), [
    ({"text": "  \n "}, "expect_column_values_to_be_in_set(non_empty)"),
    ({"text": "caf\ufffd"}, "expect_column_values_to_be_in_set(decoded)"),
    ({"encoding": None}, "expect_column_values_to_be_in_set(decoded)"),
    ({"size_bytes": MAX_BYTES + 1}, "expect_column_values_to_be_in_set(size_within_limits)"),
    ({"article_id": "0000000000000000"}, "expect_column_values_to_be_in_set(article_id_from_content)"),
    ({"sha256": "NOT-A-HASH", "article_id": "NOT-A-HASH"}, "expect_column_values_to_match_regex(sha256)"),
    ({"status": "maybe"}, "expect_column_values_to_be_in_set(status)"),
])
def test_raw_suite_fails_the_right_rule(change: dict[str, object], rule: str) -> None:
    files = raw_files(**change)
    if "sha256" in change:  # keep the duplicate consistent with the changed original
        files.loc[1, "sha256"] = change["sha256"]
    if "status" in change:  # b.txt is a duplicate of a.txt: it must stay one of an article
        files.loc[1, ["status", "duplicate_of", "sha256"]] = ["article", None, _sha("beta")]
        files.loc[1, "article_id"] = _sha("beta")[:16]
    assert failed(raw_check(files)) == {rule}


def test_raw_suite_same_content_twice_as_articles_is_not_unique() -> None:
    files = raw_files()
    files.loc[1, ["status", "duplicate_of"]] = ["article", None]
    assert failed(raw_check(files)) == {"expect_column_values_to_be_unique(sha256)"}


def test_raw_suite_quarantine_must_be_recorded() -> None:
    assert failed(raw_check(raw_files(), quarantined=())) == {"expect_column_values_to_be_in_set(quarantine_recorded)"}


# ---------------------------------------------------------------- clean

RAW_TEXT = "Home\nNews\nPilots to tackle sick leave\nBy Nic Paton\n" + BODY + "\nSign up to our newsletter\n© Example 2024"


def clean_check(template: tuple[str, ...] = ("home", "news"), expected: int = 1, **change: object) -> Check:
    row = {"article_id": "a1", "source_file": "a.txt", "title": "Pilots to tackle sick leave", "author": "Nic Paton",
           "published_date": pd.Timestamp("2024-01-02"), "url": "https://www.example.co.uk/news/pilots", "body": BODY}
    row.update(change)
    df = cs.derive(pd.DataFrame([row]), {"a1": ("a.txt", RAW_TEXT)}, template)
    return Check(cs.SUITE, df, {"expected_articles": expected, "latest_date": dt.date(2025, 1, 1)})


def test_clean_suite_passes_a_good_article() -> None:
    assert failed(clean_check()) == set()


@pytest.mark.parametrize(("change", "rule"), [
    ({"published_date": pd.Timestamp("1899-12-31")}, "expect_column_values_to_be_between(published_date)"),
    ({"published_date": pd.Timestamp("2031-05-01")}, "expect_column_values_to_be_between(published_date)"),
    ({"body": BODY + "\nSign up to our newsletter for the latest news"}, "expect_column_values_to_be_null(boilerplate_line)"),
    ({"body": BODY + "\nAdvertisement"}, "expect_column_values_to_be_null(boilerplate_line)"),
    ({"body": BODY + "\n© Example Media Ltd 2024"}, "expect_column_values_to_be_null(boilerplate_line)"),
    ({"body": "Home\n" + BODY}, "expect_column_values_to_be_null(boilerplate_line)"),  # a template line (common_lines)
    ({"body": RAW_TEXT}, "expect_column_values_to_be_in_set(body_is_raw_text)"),  # nothing was cleaned
    ({"url": "www.example.co.uk/news"}, "expect_column_values_to_match_regex(url)"),
    ({"body": " "}, "expect_column_values_to_match_regex(body)"),
    ({"source_file": "z.txt"}, "expect_column_values_to_be_in_set(raw_is_article)"),
])
def test_clean_suite_fails_the_right_rule(change: dict[str, object], rule: str) -> None:
    if change.get("body") == RAW_TEXT:  # the raw text is full of boilerplate too: that warning fails as well
        assert failed(clean_check(**change)) == {rule, BOILERPLATE_WARN}
    else:
        assert failed(clean_check(**change)) == {rule}


BOILERPLATE_WARN = "expect_column_values_to_be_null(boilerplate_line)"
RAW_TEXT_RULE = "expect_column_values_to_be_in_set(body_is_raw_text)"


def _clean_verdict(n_articles: int, n_raw: int, extra_line: str = "") -> triage.Verdict:
    """``n_articles`` good articles of which the first ``n_raw`` came out with nothing cleaned."""
    rows = [{"article_id": f"a{i}", "source_file": f"{i}.txt", "title": "Pilots to tackle sick leave",
             "author": None, "published_date": pd.Timestamp("2024-01-02"), "url": None,
             "body": (RAW_TEXT if i < n_raw else BODY) + (extra_line if i == 0 else "")} for i in range(n_articles)]
    raws = {f"a{i}": (f"{i}.txt", RAW_TEXT) for i in range(n_articles)}
    check = Check(cs.SUITE, cs.derive(pd.DataFrame(rows), raws, ("home",)),
                  {"expected_articles": n_articles, "latest_date": dt.date(2025, 1, 1)})
    return triage.judge(check, runner.validate(check.suite, check.frame, check.params))


def test_one_uncleaned_file_among_few_articles_is_quarantined_not_blocking() -> None:
    """1 in 6 is a bad file, not a broken cleaner: it is set aside, the run goes on."""
    v = _clean_verdict(6, 1)
    assert not v.blocks
    assert v.quarantined_keys == ["a0"]
    assert {(f.reason, f.rule) for f in v.faults} == {("body_is_raw_text", RAW_TEXT_RULE)}


def test_many_uncleaned_files_show_a_broken_cleaner_and_block() -> None:
    """3 of 20 (more than 10% of at least 20 articles) fail the same rule: the cleaner is broken."""
    assert not _clean_verdict(20, 2).blocks  # 10%: still bad files
    v = _clean_verdict(20, 3)
    assert v.blocks and RAW_TEXT_RULE in v.broken and RAW_TEXT_RULE in v.blocking


def test_one_stray_boilerplate_line_only_warns() -> None:
    v = _clean_verdict(20, 0, extra_line="\nAdvertisement")
    assert not v.blocks and v.faults == ()  # a warning quarantines nothing


def test_clean_suite_reports_the_boilerplate_line() -> None:
    r = runner.validate(*_args(clean_check(body=BODY + "\nShare this article")))
    (warn,) = r.failed
    assert warn.examples == ({"boilerplate_line": "[share_buttons] Share this article", "source_file": "a.txt"},)
    assert not warn.rule.blocking and warn.rule.scope == "row"


def _args(c: Check) -> tuple[object, ...]:
    return (c.suite, c.frame, c.params)


def test_clean_suite_keeps_a_sentence_shared_by_two_stories() -> None:
    """A sentence repeated across files (syndication, a press release) is reporting, not template."""
    sentence = BODY.split("\n")[1]
    assert failed(clean_check(template=(line_key(sentence),))) == set()


def test_clean_suite_a_one_paragraph_file_may_be_all_body() -> None:
    assert not cs.body_is_raw_text(BODY.split("\n")[0], BODY.split("\n")[0])
    assert cs.body_is_raw_text(BODY, "\n" + BODY.replace("\n", "\n\n"))


def test_clean_suite_one_row_per_article_file() -> None:
    assert failed(clean_check(expected=2)) == {"expect_table_row_count_to_equal"}


def test_clean_suite_title_length_only_warns() -> None:
    r = runner.validate(*_args(clean_check(title="Hi")))
    assert {o.label for o in r.failed} == {"expect_column_value_lengths_to_be_between(title)"}
    assert r.blocking_failed == []


# ---------------------------------------------------------------- entities

def funding_check(**change: object) -> Check:
    start = BODY.index("up to £259m")
    row = {"article_id": "a1", "amount": 259e6, "currency": "GBP", "qualifier": "up_to", "period_years": 3.0,
           "per_year": False, "programme": "WorkWell", "kind": "funding", "raw_text": "up to £259m",
           "span_start": start, "span_end": start + len("up to £259m"), "text": "up to £259m"}
    row.update(change)
    return Check(es.SUITES["funding"], es.derive_funding(pd.DataFrame([row]), {"a1": BODY}))


def test_funding_suite_passes_a_good_row() -> None:
    assert failed(funding_check()) == set()


@pytest.mark.parametrize(("change", "rules"), [
    ({"amount": 25.9e6}, {"reparsed_amount_equal"}),  # not what raw_text says
    ({"raw_text": "a lot of money"}, {"reparsed_amount_equal"}),  # nothing parseable
    ({"span_start": len(BODY) + 5, "span_end": len(BODY) + 16}, {"span_in_body", "span_matches_text"}),
    ({"span_start": 0}, {"span_matches_text"}),  # inside the body, but not the words of the row
    ({"article_id": "gone"}, {"article_exists", "span_in_body", "span_matches_text"}),
    ({"currency": "POUNDS"}, {"currency"}),
    ({"qualifier": "roughly"}, {"qualifier"}),
    ({"programme": "Workwell scheme"}, {"programme"}),
])
def test_funding_suite_fails_the_right_rule(change: dict[str, object], rules: set[str]) -> None:
    got = failed(funding_check(**change))
    assert {label.split("(")[1].rstrip(")") for label in got} == rules


def test_funding_amount_must_be_positive() -> None:
    got = failed(funding_check(amount=0.0))
    assert got == {"expect_column_values_to_be_between(amount)", "expect_column_values_to_be_in_set(reparsed_amount_equal)"}


def test_reparse_uses_the_money_parser() -> None:
    assert es.reparse_amounts("£2.5bn") == [2.5e9]
    assert es.reparse_amounts("no money here") == []


def test_place_suite_checks_ons_codes() -> None:
    body = "Tees Valley and England"
    rows = pd.DataFrame([{"article_id": "a1", "name": "Tees Valley", "ons_code": "E4700006", "place_type": "combined_authority",
                          "span_start": 0, "span_end": 11, "text": "Tees Valley"},
                         {"article_id": "a1", "name": "England", "ons_code": "E92000001", "place_type": "country",
                          "span_start": 16, "span_end": 23, "text": "England"}])
    check = Check(es.SUITES["place_mentions"], es.derive_evidence(rows, {"a1": body}))
    r = runner.validate(check.suite, check.frame)
    assert {o.label for o in r.failed} == {"expect_column_values_to_match_regex(ons_code)"}
    assert r.failed[0].examples[0]["ons_code"] == "E4700006"


def test_person_names_that_are_not_names_only_warn() -> None:
    body = "the minister and Mel Stride"
    rows = pd.DataFrame([{"article_id": "a1", "name": "the minister", "role": None, "organisation": None,
                          "span_start": 0, "span_end": 12, "text": "the minister"},
                         {"article_id": "a1", "name": "Mel Stride", "role": None, "organisation": None,
                          "span_start": 17, "span_end": 27, "text": "Mel Stride"}])
    r = runner.validate(es.SUITES["person_mentions"], es.derive_evidence(rows, {"a1": body}))
    assert {o.label for o in r.failed} == {"expect_column_values_to_match_regex(name)"}
    assert r.blocking_failed == []


# ---------------------------------------------------------------- metrics

FUNDING = pd.DataFrame([
    {"article_id": "a1", "amount": 259e6, "currency": "GBP", "qualifier": "up_to", "period_years": 3.0,
     "programme": "WorkWell", "kind": "funding"},
    {"article_id": "a2", "amount": 259e6, "currency": "GBP", "qualifier": "up_to", "period_years": 3.0,
     "programme": "WorkWell", "kind": "funding"},
    {"article_id": "a2", "amount": 45e6, "currency": "GBP", "qualifier": "exact", "period_years": None,
     "programme": "Health and Growth Accelerators", "kind": "funding"},
    {"article_id": "a2", "amount": 5e3, "currency": "GBP", "qualifier": "exact", "period_years": None,
     "programme": None, "kind": "cost"},  # not a commitment: never in the metric
])
PUBLISHED = {"a1": dt.date(2024, 5, 1), "a2": pd.Timestamp("2024-06-01"), "a3": None}


def metric_rows() -> list[dict[str, object]]:
    return [
        {"programme": "WorkWell", "amount": 259e6, "currency": "GBP", "qualifier": "up_to", "period_years": 3.0,
         "n_articles": 2, "first_reported": dt.date(2024, 5, 1), "last_reported": dt.date(2024, 6, 1),
         "article_ids": ["a1", "a2"], "commitment_id": "ww259", "part_of": None, "n_mentions": 2},
        {"programme": "Health and Growth Accelerators", "amount": 45e6, "currency": "GBP", "qualifier": "exact",
         "period_years": float("nan"), "n_articles": 1, "first_reported": pd.Timestamp("2024-06-01"),
         "last_reported": pd.Timestamp("2024-06-01"), "article_ids": ["a2"], "commitment_id": "hga45",
         "part_of": None, "n_mentions": 1},
    ]


MENTIONS = pd.DataFrame({"commitment_id": ["ww259", "ww259", "hga45"], "article_id": ["a1", "a2", "a2"],
                         "amount": [259e6, 259e6, 45e6]})


def metrics_check(rows: list[dict[str, object]], mentions: pd.DataFrame = MENTIONS) -> Check:
    df, params = ms.derive(pd.DataFrame(rows), mentions, FUNDING, PUBLISHED)
    return Check(ms.SUITE, df, params)


def test_metrics_suite_passes_reconciled_rows() -> None:
    assert failed(metrics_check(metric_rows())) == set()


def test_metrics_suite_duplicate_commitment() -> None:
    rows = metric_rows()
    rows.append(dict(rows[0]))
    assert failed(metrics_check(rows)) == {
        "expect_column_values_to_be_unique(commitment_id)",
        "expect_table_row_count_to_equal",  # one row more than distinct commitments
        "expect_column_sum_to_be_between(n_mentions)",  # and its mentions are counted twice
    }


def test_metrics_suite_article_ids_must_reconcile() -> None:
    rows = metric_rows()
    rows[0].update(article_ids=["a1"], n_articles=1, last_reported=dt.date(2024, 5, 1))
    assert failed(metrics_check(rows)) == {"expect_column_values_to_be_in_set(article_ids_reconcile)"}


def test_metrics_suite_dates_must_reconcile() -> None:
    rows = metric_rows()
    rows[0]["first_reported"] = dt.date(2023, 1, 1)
    assert failed(metrics_check(rows)) == {"expect_column_values_to_be_in_set(dates_reconcile)"}


def test_metrics_suite_share_must_point_at_a_larger_commitment() -> None:
    rows = metric_rows()
    rows[0]["part_of"] = "hga45"  # another programme, and smaller
    assert failed(metrics_check(rows)) == {"expect_column_values_to_be_in_set(part_of_is_larger)"}


def test_metrics_suite_amount_must_be_stated_by_a_mention() -> None:
    rows = metric_rows()
    rows[1]["amount"] = 44e6
    assert failed(metrics_check(rows)) == {"expect_column_values_to_be_in_set(amount_is_stated)"}


def test_metrics_suite_missing_commitment_breaks_the_totals() -> None:
    assert failed(metrics_check(metric_rows()[:1])) == {
        "expect_table_row_count_to_equal", "expect_column_sum_to_be_between(n_mentions)"}


def test_metrics_suite_on_empty_tables() -> None:
    empty = pd.DataFrame(columns=list(metric_rows()[0]))
    df, params = ms.derive(empty, MENTIONS.iloc[:0], FUNDING.iloc[3:], PUBLISHED)
    assert failed(Check(ms.SUITE, df, params)) == set()


def test_row_rules_find_exactly_the_rows_gx_finds() -> None:
    """A quarantine needs every failing row (GX reports a few examples): Python and GX must agree."""
    good = funding_check().frame.iloc[0].to_dict()
    bad = [{"currency": "XXX"}, {"amount": -5.0}, {"period_years": 250.0}, {"qualifier": "roughly"},
           {"span_start": 0, "span_end": 3, "text": "nope"}, {"programme": "not a programme"}]
    rows = [good] + [{**good, **b, "article_id": f"b{i}"} for i, b in enumerate(bad)]
    check = Check(es.SUITES["funding"], es.derive_funding(pd.DataFrame(rows), {"a1": BODY, **{
        f"b{i}": BODY for i in range(len(bad))}}))
    result = runner.validate(check.suite, check.frame, check.params)
    for o in result.outcomes:
        if o.rule.scope == "row":
            n = sum(o.rule.failing_rows(check.frame, check.params))
            gx_count = o.observed["unexpected_count"] if isinstance(o.observed, dict) else 0
            assert n == gx_count, o.label
    v = triage.judge(check, result)
    assert not v.blocks
    assert v.quarantined_keys == [f"b{i}" for i in range(len(bad))]  # the good article keeps its rows
    assert {f.key: f.reason for f in v.faults}["b0"] == "currency_not_allowed"
