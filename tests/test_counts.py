"""People counts: values, qualifiers, nouns, ranges, and what is not a count of people."""
from __future__ import annotations

import json
import time

import pytest

from healthwork.extract import counts

from tests.conftest import SEED_GOLD as GOLD_DIR, SHARED  # noqa: E402


def values(text: str) -> list[tuple[float, str]]:
    out = []
    for r in counts.extract(text):
        assert text[r["span_start"]:r["span_end"]] == r["text"] == r["raw_text"]
        out.append((r["value"], r["qualifier"]))
    return out


CASES: list[tuple[str, list[tuple[float, str]]]] = [
    ("Around 250,000 people will be supported.", [(250000.0, "about")]),
    ("Up to 1.1 million people could benefit.", [(1.1e6, "up_to")]),
    ("The trust treated 37,000 patients last year.", [(37000.0, "exact")]),
    ("Some 37,000 people off work were helped.", [(37000.0, "about")]),
    ("It has helped almost 2,000 people back to work.", [(2000.0, "about")]),
    ("More than half a million young people are out of work.", [(500000.0, "more_than")]),
    ("There are 2.8m people out of work due to long-term sickness.", [(2.8e6, "exact")]),
    ("The clinics see 100 patients a day.", [(100.0, "exact")]),
    ("The list fell from around 2,700 patients to around 700 – a big drop.", [(2700.0, "about"), (700.0, "about")]),
    ("The pilot has provided over 25,000 people with support.", [(25000.0, "more_than")]),
    ("Up to 250,000 more people with health conditions will be helped.", [(250000.0, "up_to")]),
    ("Nearly 4,000 jobseekers attended.", [(4000.0, "about")]),
    ("At least 300 claimants were sanctioned.", [(300.0, "more_than")]),
    # staff of one employer are not a count of people (guidelines)
    ("The firm employs 12,000 staff and has treated 3,500 patients.", [(3500.0, "exact")]),
    ("Two million people are on waiting lists.", [(2e6, "exact")]),
    ("Around 1.1 million economically inactive people want to work.", [(1.1e6, "about")]),
    ("It will help 20,000 more sick and disabled people.", [(20000.0, "exact")]),
    ("Between 500 and 700 patients were seen.", [(500.0, "exact"), (700.0, "exact")]),
    ("Between 1-2 million workers are affected.", [(1e6, "exact"), (2e6, "exact")]),
    ("From 300 to 400 residents took part.", [(300.0, "exact"), (400.0, "exact")]),
    ("The service reached 5,400 participants and 870 employers.", [(5400.0, "exact")]),
    ("Fewer than 50 individuals applied.", [(50.0, "up_to")]),
    ("An estimated 4.2m working-age adults are inactive.", [(4.2e6, "about")]),
    ("Our pilot provided support to 25,000 people to remain in their jobs.", [(25000.0, "exact")]),
]

NOT_COUNTS = [
    "The trial ran in 20 locations across 15 areas.",
    "The scheme in 15 areas that has provided support.",
    "44% of people and 20 per cent of workers said so.",
    "One in five people and 1 in 4 adults agree.",
    "In 2023 people waited longer.",
    "The £45m trial will fund 300 jobs.",
    "Covid-19 patients were seen within six weeks.",
    "Waiting lists fell 130% faster; 9 out of 10 patients were happy.",
    "Hundreds of people and thousands of patients were seen.",
    "The update affects Windows 10 users and Boeing 787 passengers.",
    "Published November 19, 2019\nPeople are still waiting.",
    "The ward has 24\npatients.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_counts(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(text: str) -> None:
    assert counts.extract(text) == []


def test_row_fields() -> None:
    (row,) = counts.extract("Some 37,000 people were helped.")
    assert row == {"value": 37000.0, "qualifier": "about", "raw_text": "Some 37,000 people",
                   "text": "Some 37,000 people", "what": "people", "per": None, "span_start": 0, "span_end": 18}


def test_what_and_rate() -> None:
    rows = counts.extract("These have enabled 100 patients a day and more than half a million young people.")
    assert [(r["raw_text"], r["what"], r["per"]) for r in rows] == [
        ("100 patients a day", "patients", "day"),
        ("more than half a million young people", "young people", None),
    ]


def test_inherited_noun_raw_text() -> None:
    rows = counts.extract("from around 2,700 patients to around 700 –")
    assert [(r["raw_text"], r["what"]) for r in rows] == [("around 2,700 patients", "patients"), ("around 700", "patients")]


def test_evidence_invariant_on_mixed_text() -> None:
    body = "\n".join(c[0] for c in CASES) + "\n" + "\n".join(NOT_COUNTS)
    rows = counts.extract(body)
    assert len(rows) == sum(len(c[1]) for c in CASES)
    for r in rows:
        assert body[r["span_start"]:r["span_end"]] == r["text"]


DEVSET = SHARED / "devset" / "pages" / "raw"


@pytest.mark.skipif(not DEVSET.exists(), reason="shared devset not available")
def test_evidence_invariant_on_devset_pages() -> None:
    """Real, messy pages (menus, prices, dates): no crash, every row traceable to its words."""
    for path in sorted(DEVSET.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for r in counts.extract(text):
            assert text[r["span_start"]:r["span_end"]] == r["text"], path.name


def _gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


@pytest.mark.skipif(not GOLD_DIR.exists(), reason="shared gold not available")
def test_seed_gold_values() -> None:
    for g in _gold():
        body = "\n".join(g["body"])
        got = sorted((r["value"], r["qualifier"]) for r in counts.extract(body))
        want = sorted((float(x["value"]), x["qualifier"]) for x in g["people_counts"])
        assert got == want, g["file"]


def test_no_catastrophic_backtracking() -> None:
    nasty = ("1 " + "word " * 5000 + "12,345," * 2000 + " more than " * 1000 + "people ") * 2
    t0 = time.process_time()
    counts.extract(nasty)
    assert time.process_time() - t0 < 2.0


# --- counts that leave the noun out, or give it earlier ---------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    # a bare number continuing a count of people
    ("Over 30,000 people have joined the scheme, and over 13,000 have found work.",
     [(30000.0, "more_than"), (13000.0, "more_than")]),
    ("There are 2.8 million people out of work through ill health, 800,000 more than in 2019.",
     [(2.8e6, "exact"), (800000.0, "exact")]),
    ("Some 500,000 workers have left the labour market. Another 200,000 could follow by 2030.",
     [(500000.0, "about"), (200000.0, "exact")]),
    ("The pilot saw 3,500 participants, 2,000 of whom found jobs.", [(3500.0, "exact"), (2000.0, "exact")]),
    ("It helped 2,500 people into work and 1,000 into training.", [(2500.0, "exact"), (1000.0, "exact")]),
    # the people named before the number
    ("The number of young people out of work has risen to almost 1 million.", [(1e6, "about")]),
    ("The number of claimants rose by 20,000 last year.", [(20000.0, "exact")]),
    # small numbers in words, plus-signs, more nouns
    ("Three people were hired by the service.", [(3.0, "exact")]),
    ("Twenty-five apprentices started in May.", [(25.0, "exact")]),
    ("More than 500+ families attended the fair.", [(500.0, "more_than")]),
    ("It supports 1,200 households in Leeds.", [(1200.0, "exact")]),
    # a number in a state only people are in
    ("A record 2.8 million are now out of work because of sickness.", [(2.8e6, "exact")]),
    ("Almost 900,000 are NEET.", [(900000.0, "about")]),
])
def test_counts_without_their_noun_next_to_the_number(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "More than 560,000 people aged between 16 and 34 were out of work.",  # 34 is an age
    "The trust employs 5,000 staff across four hospitals.",  # staff of one employer
    "Its 300 employees were told on Monday.",
    "The charity has 40 volunteers. In 2019 it had 20.",  # "20" is not followed by a verb of people
    "There are 2 million people out of work, 10% more than in 2019.",  # a percentage, not a count
    "The number of people fell by 5% in 2024.",
    "Two million pounds was spent.",
])
def test_not_counts_or_only_the_first(text: str) -> None:
    got = values(text)
    assert all(v not in (34.0, 5000.0, 300.0, 20.0, 10.0, 5.0, 2.0) for v, _ in got), got


def test_a_count_shared_out_by_place_gives_each_share() -> None:
    text = "In total, 10,000 people will benefit: 6,000 in Leeds and 4,000 in Bradford."
    rows = counts.extract(text)
    assert [(r["value"], r["text"], r["what"]) for r in rows] == [
        (10000.0, "10,000 people", "people"), (6000.0, "6,000", "people"), (4000.0, "4,000", "people")]


def test_a_number_after_other_things_does_not_go_on_counting_people() -> None:
    # the 10 and 5 count events, not the people before them
    assert values("About 200 people attended 15 events, 10 in London and 5 in the North.") == [(200.0, "about")]


def test_a_comparison_states_a_second_count_of_the_same_people() -> None:
    assert values("There are 1.9 million people on waiting lists, up from 1.5 million last year.") == [
        (1.9e6, "exact"), (1.5e6, "exact")]
    assert values("It will help up to 10,000 people, compared with 6,000 last year.") == [
        (10000.0, "up_to"), (6000.0, "exact")]
    assert values("Some 600,000 people are on sickness benefits, against 400,000 in 2019.") == [
        (600000.0, "about"), (400000.0, "exact")]


def test_an_expected_share_of_a_count() -> None:
    rows = counts.extract("The pilot aims to support 3,500 people, with 1,000 expected to move into work.")
    assert [(r["value"], r["text"]) for r in rows] == [(3500.0, "3,500 people"), (1000.0, "1,000")]
    # money compared with money is not a count
    assert values("The trust helped 300 patients. Spending was £5m against £4m in 2023.") == [(300.0, "exact")]


def test_a_part_of_the_count_just_stated() -> None:
    rows = counts.extract("It aims to reach 6,000 people by 2029, including 1,500 in the first year.")
    assert [(r["value"], r["text"], r["what"]) for r in rows] == [
        (6000.0, "6,000 people", "people"), (1500.0, "1,500", "people")]
    assert values("The 3.5 million people on PIP, of whom 1.2 million have mental health conditions, wait.") == [
        (3.5e6, "exact"), (1.2e6, "exact")]
    assert values("Some 1.8 million people aged 50 to 64 are inactive, with 500,000 of those wanting a job.") == [
        (1.8e6, "about"), (500000.0, "exact")]
    # things included are not people
    assert values("It will support 600 people, including 150 jobs and 40 apprenticeships.") == [(600.0, "exact")]


def test_age_bands_and_age_floors_before_the_noun() -> None:
    assert values("Some 250,000 16- to 24-year-olds and 3,000 50-plus workers were out of work.") == [
        (250000.0, "about"), (3000.0, "exact")]


def test_specialist_roles_are_people() -> None:
    rows = counts.extract("Across England, 100 employment specialists, 40 peer mentors and 12 navigators work in GP surgeries.")
    assert [(r["value"], r["what"]) for r in rows] == [
        (100.0, "employment specialists"), (40.0, "peer mentors"), (12.0, "navigators")]


def test_posts_a_service_recruits_or_pays_for_are_its_staff_not_a_count() -> None:
    """Guidelines: counts of staff of one employer are not people counts."""
    assert counts.extract("It will recruit 100 employment specialists and hire 12 navigators.") == []
    assert counts.extract("The grant will pay for 40 additional practitioners; the team of 15 advisers has grown.") == []
    assert counts.extract("Tesco's 300,000 employees will benefit.") == []
    assert [r["value"] for r in counts.extract("It will help 300 nurses return to work, and 5,000 nurses left last year.")] == [
        300.0, 5000.0]
    assert [r["value"] for r in counts.extract("The UK has 700,000 nurses; the trust will recruit 25 nurses.")] == [700000.0]


def test_the_base_of_a_rate_is_not_a_count() -> None:
    assert values("Infections per 100,000 people rose to 20.4, up from 18.4 in the previous week.") == []
    assert values("There is one GP for every 2,000 patients, and 300 people joined, up from 250.") == [
        (300.0, "exact"), (250.0, "exact")]


def test_the_staff_of_one_employer_named_by_a_possessive_are_not_a_count() -> None:
    assert values("The trust's 12,000 staff and the retailer's 300,000 employees got a pay rise.") == []
    assert values("Leeds's 5,000 nurses and the region's 40,000 carers were surveyed.") == [
        (5000.0, "exact"), (40000.0, "exact")]


def test_an_employers_verb_or_headcount_makes_any_people_noun_its_staff() -> None:
    # guidelines: counts of staff of one employer are not people counts, whatever noun the article uses
    assert values("Based in Leeds, the supplier employs around 1,300 people in nine countries.") == []
    assert values("The retailer had 12,500 employees in June; the scheme supported 640 people.") == [(640.0, "exact")]
    # a programme's outcome stays a count
    assert values("Local firms have employed 300 people through the pilot.") == [(300.0, "exact")]


def test_people_statistics_and_numbers_followed_by_who_are_counts() -> None:
    assert values("Unemployment in the region rose to 61,000, and the claimant count stood at about 48,000.") == [
        (61000.0, "exact"), (48000.0, "about")]
    assert values("Of the 640 who enrolled in Wexcombe, 210 are now in work.") == [(640.0, "exact"), (210.0, "exact")]
    # a rate and an age are not counts
    assert values("Unemployment rose to 5.1% and pupils aged 16 who left early were surveyed.") == []


def test_a_number_of_a_group_just_named_and_a_number_of_people_stated_now() -> None:
    assert values("The charity said 450 of its young clients and 1,300 of the patients referred found work.") == [
        (450.0, "exact"), (1300.0, "exact")]
    assert values("The number of residents supported is now about 8,400.") == [(8400.0, "about")]
    # one employer's staff and a ratio stay out
    assert values("About 200 of its staff moved; one in 10 of the patients waited.") == []


def test_a_population_stated_at_a_number_is_a_count() -> None:
    assert values("Wexcombe has a population of 1.2 million; its population rose by 4% in 2021.") == [(1.2e6, "exact")]


def test_an_age_range_before_year_olds_is_not_a_count_but_a_count_before_an_age_is() -> None:
    def counted(body: str) -> list[float]:
        return [r["value"] for r in counts.extract(body)]
    assert counted("The offer for 18 to 21 year olds will be the same in every area.") == []
    assert counted("The offer for 18-21 year olds is new.") == []
    assert counted("Some 2,000 18-year-olds applied, and 40,000 16-24 year olds are in work.") == [2000.0, 40000.0]


def test_a_comparison_with_today_continues_the_count() -> None:
    rows = counts.extract("About 4,200 people a year are expected to get support under the new funding, "
                   "compared with roughly 1,500 today.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(4200.0, "about"), (1500.0, "about")]
    assert rows[1]["raw_text"] == "compared with roughly 1,500"


def test_the_number_a_participle_describes_is_a_count() -> None:
    assert [r["value"] for r in counts.extract("Of the 3,000 referred, 1,100 found jobs.")] == [3000.0, 1100.0]
    assert [r["value"] for r in counts.extract("Of the 2,000 surveyed, most agreed.")] == [2000.0]
    assert counts.extract("In 2,000 referred cases the wait fell.") == []


def test_the_number_in_a_state_without_of_people_is_a_count() -> None:
    rows = counts.extract("The number out of work due to ill health has hit 2.8 million, and the number claiming "
                          "sickness benefits rose to 3.7 million.")
    assert [(r["value"], r["what"]) for r in rows] == [
        (2800000.0, "people out of work"), (3700000.0, "people claiming sickness benefits")]
    assert counts.extract("A number in work fell by 2%.") == []


def test_a_bare_number_that_returned_to_work() -> None:
    """"of whom around 400 returned to work": the number is people (they return to work)."""
    assert values("More than 900 patients were seen, of whom around 400 returned to work.") == [
        (900.0, "more_than"), (400.0, "about")]
    assert values("In 2024 returned figures were high.") == []


def test_posts_hired_after_the_number_are_staff() -> None:
    """"12 advisers will be recruited": the posts a service pays for are its staff, not a count of people."""
    assert values("A total of 12 advisers will be recruited, and 15 coaches have been appointed.") == []
    assert values("The 200 advisers were praised, and 300 people have been helped.") == [(200.0, "exact"), (300.0, "exact")]
