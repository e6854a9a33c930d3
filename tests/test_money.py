"""Money amounts: normalisation, qualifiers, periods, ranges, kinds, programmes and evidence spans."""
from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from healthwork.extract import counts, extract_entities, money, numbers, programmes

from tests.conftest import SEED_GOLD as GOLD_DIR, SHARED  # noqa: E402


def rows(text: str) -> list[tuple]:
    """(amount, currency, qualifier, period_years, per_year) of every row, spans checked."""
    out = []
    for r in money.extract(text):
        assert text[r["span_start"]:r["span_end"]] == r["text"] == r["raw_text"]
        out.append((r["amount"], r["currency"], r["qualifier"], r["period_years"], r["per_year"]))
    return out


# text, expected rows (amount, currency, qualifier, period_years, per_year)
CASES: list[tuple[str, list[tuple]]] = [
    # gov.uk press releases
    ("The government will invest £1.2 billion over four years to support disabled people.",
     [(1.2e9, "GBP", "exact", 4.0, False)]),
    ("Councils will receive a further £5m to support residents back into work.",
     [(5e6, "GBP", "exact", None, False)]),
    ("WorkWell will be backed by up to £259m over three years.", [(259e6, "GBP", "up_to", 3.0, False)]),
    ("It will be backed by up to £259 million over the next three years.", [(259e6, "GBP", "up_to", 3.0, False)]),
    ("Connect to Work is backed by £115 million a year.", [(115e6, "GBP", "exact", 1.0, True)]),
    ("More than £1bn has been invested in employment support.", [(1e9, "GBP", "more_than", None, False)]),
    ("An extra £20m over the next two years will fund the trailblazers.", [(20e6, "GBP", "exact", 2.0, False)]),
    ("The package is worth £2.5bn.", [(2.5e9, "GBP", "exact", None, False)]),
    ("The £2.5 billion Back to Work Plan was announced in the Autumn Statement.",
     [(2.5e9, "GBP", "exact", None, False)]),
    ("Over the next three years, £5m will be invested in local services.", [(5e6, "GBP", "exact", 3.0, False)]),
    ("In excess of £3m will be invested over the next decade.", [(3e6, "GBP", "more_than", 10.0, False)]),
    ("Funding of £4.5m is available from 2025 to 2028.", [(4.5e6, "GBP", "exact", 3.0, False)]),
    ("A three-year, £12m programme will start in April.", [(12e6, "GBP", "exact", 3.0, False)]),
    ("The pilot had a budget of £20m for two years.", [(20e6, "GBP", "exact", 2.0, False)]),
    # a yearly figure for several years: the period is the year (guidelines)
    ("Investment of £2m annually for five years.", [(2e6, "GBP", "exact", 1.0, True)]),
    ("Funding of GBP 5m was confirmed.", [(5e6, "GBP", "exact", None, False)]),
    ("The fund will spend £600m over 18 months.", [(600e6, "GBP", "exact", 1.5, False)]),
    # council and NHS trust news
    ("The trust pays £500,000 a year for agency staff.", [(500000.0, "GBP", "exact", 1.0, True)]),
    ("A £3.5m-a-year contract was awarded to the provider.", [(3.5e6, "GBP", "exact", 1.0, True)]),
    ("The council has been awarded £40,000 to run the scheme.", [(40000.0, "GBP", "exact", None, False)]),
    ("The hospital charity raised nearly £300,000.", [(300000.0, "GBP", "about", None, False)]),
    ("The programme receives £1.5 million per year.", [(1.5e6, "GBP", "exact", 1.0, True)]),
    ("Some £30m has been set aside for the pilots.", [(30e6, "GBP", "about", None, False)]),
    ("Approximately £45,000 was raised for the hospice.", [(45000.0, "GBP", "about", None, False)]),
    ("The ICB will get around £7 billion.", [(7e9, "GBP", "about", None, False)]),
    ("Almost £1m has been spent on locum doctors.", [(1e6, "GBP", "about", None, False)]),
    ("The new clinic cost £40k.", [(40000.0, "GBP", "exact", None, False)]),
    ("The scheme costs £250 per participant.", [(250.0, "GBP", "exact", None, False)]),
    ("The hospital received 45 million pounds from the fund.", [(45e6, "GBP", "exact", None, False)]),
    ("The hospital received one point two million pounds.", [(1.2e6, "GBP", "exact", None, False)]),
    ("The hospital received £1.5 mil from the fund.", [(1.5e6, "GBP", "exact", None, False)]),
    ("The club lost 5,000 pounds in the break-in.", [(5000.0, "GBP", "exact", None, False)]),
    ("The project cost half a billion pounds.", [(5e8, "GBP", "exact", None, False)]),
    # ranges: two rows each
    ("Each project will get £1m-£2m from the fund.", [(1e6, "GBP", "exact", None, False), (2e6, "GBP", "exact", None, False)]),
    ("Grants of between £10,000 and £50,000 are available.",
     [(10000.0, "GBP", "exact", None, False), (50000.0, "GBP", "exact", None, False)]),
    ("Grants worth £1-2m will be made available.", [(1e6, "GBP", "exact", None, False), (2e6, "GBP", "exact", None, False)]),
    ("Bids of £5k to 10k are welcome.", [(5000.0, "GBP", "exact", None, False), (10000.0, "GBP", "exact", None, False)]),
    ("Up to £1m–£2m per area.", [(1e6, "GBP", "up_to", None, False), (2e6, "GBP", "up_to", None, False)]),
    # trade press, other currencies
    ("The US firm raised $79m in its latest round.", [(79e6, "USD", "exact", None, False)]),
    ("It sold for US$1.2bn.", [(1.2e9, "USD", "exact", None, False)]),
    ("The EU has allocated €10m to the project.", [(10e6, "EUR", "exact", None, False)]),
    ("The deal is valued at 5m euros.", [(5e6, "EUR", "exact", None, False)]),
    ("Sickness costs the economy £150bn annually.", [(150e9, "GBP", "exact", 1.0, True)]),
    ("The UK economy loses £100bn a year to ill health.", [(100e9, "GBP", "exact", 1.0, True)]),
    ("The firm was fined £40,000 by the HSE.", [(40000.0, "GBP", "exact", None, False)]),
    ("The company was hit with the £40k fine after an inspection.", [(40000.0, "GBP", "exact", None, False)]),
    ("The chief executive's salary is £250,000.", [(250000.0, "GBP", "exact", None, False)]),
    ("Bonuses of at least £2,000 were paid.", [(2000.0, "GBP", "more_than", None, False)]),
    ("Providers can claim as much as £3,500 per person.", [(3500.0, "GBP", "up_to", None, False)]),
    ("Tickets cost £5.", [(5.0, "GBP", "exact", None, False)]),
    ("He handed over £2m to the trust.", [(2e6, "GBP", "exact", None, False)]),
    ("A further £1.25bn, rising to £2bn by 2028, was confirmed.",
     [(1.25e9, "GBP", "exact", None, False), (2e9, "GBP", "exact", None, False)]),
    ("It was £5m a year ago.", [(5e6, "GBP", "exact", None, False)]),
    ("GateHouse closed its $1.1-billion takeover, promising a $300-million cut.",
     [(1.1e9, "USD", "exact", None, False), (300e6, "USD", "exact", None, False)]),
    ("The ICB secured £2.5 bn, and £750,000 a year for the next two years.",
     [(2.5e9, "GBP", "exact", None, False), (750000.0, "GBP", "exact", 1.0, True)]),
]

NOT_MONEY = [
    "Waiting lists fell 130% faster than the national average.",
    "44% of people said they were out of work in 2025.",
    "The figure rose from 2.8 million in 2023 to 3 million in 2025.",
    "Some 37,000 people have been helped back into work.",
    "The 2025-26 budget was published on 12 March 2025.",
    "One in five people want to work, 20 per cent more than in 2019.",
    "They waited over three years for treatment in 15 areas.",
    "He found a pound coin. The Euro 2024 final was played.",
    "It costs nothing extra to the taxpayer.",
    # pounds of weight, not money
    "After joining the walking group she lost 42 pounds in a year.",
    "He had gained 30 or 60 pounds since leaving the army.",
    "Officers seized 310 pounds (140 kilos) of cannabis at the port.",
    "The dog weighs 95 pounds.",
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_money_phrases(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert money.extract(text) == []


@pytest.mark.parametrize(("text", "raw"), [
    ("backed by up to £259m over three years", ["up to £259m"]),
    ("some £30m", ["some £30m"]),
    ("between £1m and £2m", ["£1m and £2m", "£1m and £2m"]),  # a range: both rows cite the whole range
    ("£1-2m", ["£1-2m", "£1-2m"]),
    ("a £3.5m-a-year deal", ["£3.5m"]),
    ("nearly 45 million pounds", ["nearly 45 million pounds"]),
])
def test_raw_text_is_the_phrase_with_its_qualifier(text: str, raw: list[str]) -> None:
    assert [r["raw_text"] for r in money.extract(text)] == raw


@pytest.mark.parametrize(("text", "kind"), [
    ("The company was hit with the £40k fine.", "fine"),
    ("The firm was fined £40,000.", "fine"),
    ("It was ordered to pay £1.5m in damages.", "fine"),
    ("Sickness costs the economy £150bn.", "cost"),
    ("The council spent £2.3m on consultants.", "cost"),
    ("The chief executive's salary is £250,000.", "other"),  # salaries are "other" (guidelines)
    ("The energy bill was £30,000.", "cost"),
    ("The £45m trial will run in three areas.", "funding"),
    ("£57m is being made available through a grants competition.", "funding"),
    ("The ICB has allocated £2m to the pilot.", "funding"),
    ("Backed by up to £259m, the roll out follows the pilot.", "funding"),
    ("The group was valued at $79m.", "other"),
])
def test_kind(text: str, kind: str) -> None:
    (row,) = money.extract(text)
    assert row["kind"] == kind


def test_two_amounts_get_their_own_kinds() -> None:
    got = [(r["amount"], r["kind"]) for r in money.extract(
        "The firm was ordered to pay £1.5m in damages and £200,000 costs.")]
    assert got == [(1.5e6, "fine"), (200000.0, "cost")]


def test_programme_nearest_in_sentence() -> None:
    text = ("WorkWell is part of the wider offer. The government will invest £1bn in Connect to Work "
            "and £20m in the Youth Guarantee.")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(1e9, "Connect to Work"), (20e6, "Youth Guarantee")]


def test_programme_from_paragraph_then_article() -> None:
    text = ("The WorkWell service will be rolled out nationally.\n"
            "Ministers say WorkWell has helped thousands.\n"
            "The roll out is backed by £64m.\n"
            "Ill health costs employers £100bn.")
    got = [(r["amount"], r["kind"], r["programme"]) for r in money.extract(text)]
    # funding falls back to the article's dominant programme; a cost does not
    assert got == [(64e6, "funding", "WorkWell"), (100e9, "cost", None)]


def test_programme_not_guessed_when_article_names_several() -> None:
    text = ("WorkWell and Connect to Work were discussed.\n"
            "A new fund worth £10m was announced.")
    assert [r["programme"] for r in money.extract(text)] == [None]


def test_programme_mentions_can_be_passed_in() -> None:
    text = "The £45m trial will create health and growth accelerators."
    progs = programmes.extract(text)
    assert money.extract(text, programme_mentions=progs) == money.extract(text)
    assert money.extract(text, programme_mentions=[])[0]["programme"] is None


def test_row_fields_and_types() -> None:
    (row,) = money.extract("The £45m trial by NHS England will see health and growth accelerators created.")
    assert row == {
        "amount": 45000000.0, "currency": "GBP", "qualifier": "exact", "period_years": None,
        "per_year": False, "programme": "Health and Growth Accelerators", "kind": "funding",
        "place": None, "share_of_amount": None,
        "raw_text": "£45m", "text": "£45m", "span_start": 4, "span_end": 8,
    }
    assert isinstance(row["amount"], float)


def test_evidence_invariant_on_mixed_text() -> None:
    body = "\n".join(c[0] for c in CASES) + "\n" + "\n".join(NOT_MONEY)
    got = money.extract(body)
    assert len(got) == sum(len(c[1]) for c in CASES)
    for r in got:
        assert body[r["span_start"]:r["span_end"]] == r["text"] == r["raw_text"]
        assert r["qualifier"] in {"exact", "up_to", "more_than", "about"}
        assert r["kind"] in {"funding", "cost", "fine", "other"}
        assert r["currency"] in {"GBP", "USD", "EUR"}


DEVSET = SHARED / "devset" / "pages" / "raw"


@pytest.mark.skipif(not DEVSET.exists(), reason="shared devset not available")
def test_evidence_invariant_on_devset_pages() -> None:
    """Real, messy pages (prices, shares, menus): no crash, every row traceable to its words."""
    n = 0
    for path in sorted(DEVSET.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for r in money.extract(text):
            assert text[r["span_start"]:r["span_end"]] == r["text"] == r["raw_text"], path.name
            assert r["amount"] > 0
            n += 1
    assert n > 20


def _gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


@pytest.mark.skipif(not GOLD_DIR.exists(), reason="shared gold not available")
def test_seed_gold_values() -> None:
    found = {}
    for g in _gold():
        body = "\n".join(g["body"])
        rs = money.extract(body, programme_mentions=programmes.extract(body))
        for r in rs:
            assert body[r["span_start"]:r["span_end"]] == r["text"]
        found[g["file"]] = [(r["amount"], r["currency"], r["qualifier"], r["period_years"], r["programme"]) for r in rs]
        want = [(float(x["amount"]), x["currency"], x["qualifier"], x["period_years"], x["programme"])
                for x in g["funding"]]
        assert sorted(found[g["file"]], key=str) == sorted(want, key=str), g["file"]
    values = [v for vs in found.values() for v in vs]
    assert (45000000.0, "GBP", "exact", None, "Health and Growth Accelerators") in values
    assert values.count((259000000.0, "GBP", "up_to", 3.0, "WorkWell")) == 2


def test_no_catastrophic_backtracking() -> None:
    nasty = ("£" + "1," * 3000 + " " + "up to " * 2000 + "1" * 5000 + " million " * 500 + "pounds ") * 2
    t0 = time.process_time()
    money.extract(nasty)
    assert time.process_time() - t0 < 2.0


# --- styles the seeds lack: council press release, gov.uk, trade press, local news -----------------

def _detail(text: str) -> list[tuple]:
    return [(r["amount"], r["currency"], r["period_years"], r["per_year"], r["programme"], r["kind"])
            for r in money.extract(text)]


def test_cost_fine_and_foreign_amounts_get_no_article_programme() -> None:
    # the article is about WorkWell, but these amounts are not WorkWell's money
    text = ("WorkWell will be expanded to every region. WorkWell has helped thousands of people.\n"
            "Ill-health-related economic inactivity costs the economy about £85bn a year, according to the ONS.\n"
            "In a separate case, a logistics firm was fined £120,000 after a worker was injured.\n"
            "A comparable scheme run by a Dutch insurer received €50m in public funding.\n"
            "Spending on health-related benefits is forecast to rise by a further £7bn by the end of the decade.\n"
            "The expansion is backed by £57m.")
    assert _detail(text) == [
        (85e9, "GBP", 1.0, True, None, "cost"),
        (120000.0, "GBP", None, False, None, "fine"),
        (50e6, "EUR", None, False, None, "funding"),
        (7e9, "GBP", None, False, None, "cost"),
        (57e6, "GBP", None, False, "WorkWell", "funding"),
    ]


def test_cost_tied_to_programme_in_its_own_sentence() -> None:
    text = "WorkWell is a new service.\nThe government said WorkWell will cost £64m to run."
    assert [(r["programme"], r["kind"]) for r in money.extract(text)] == [("WorkWell", "cost")]
    # in the paragraph but not the sentence: a cost is not the programme's
    text = "WorkWell is a new service. Sickness absence costs employers £100bn."
    assert [(r["programme"], r["kind"]) for r in money.extract(text)] == [(None, "cost")]


@pytest.mark.parametrize("text, per_year, period", [
    # rate words later in the clause
    ("The government has committed up to £40m to expand Individual Placement and Support in Leeds a year.",
     True, 1.0),
    ("Under the plans, £1.2bn will go to the Youth Guarantee a year, on top of money already announced.",
     True, 1.0),
    ("A further round of bids will share £240m from the Work and Health Programme budget each year.", True, 1.0),
    ("The council will receive £5m a year for three years.", True, 1.0),  # the yearly figure
    # not a rate of the money
    ("Leeds received £5m to see 200 patients a year.", False, None),
    ("The council gets £3m to support 1,000 people each year.", False, None),
    ("The council gets £3m to run the service each year.", True, 1.0),
    ("The trust got £5m a year ago.", False, None),
    ("The pilot received £2m and ran for a year.", False, 1.0),  # not a rate, but the span it covers
    ("The £3m fund was announced more than a year after the review.", False, None),
])
def test_per_year_phrasings(text: str, per_year: bool, period: float | None) -> None:
    (row,) = money.extract(text)
    assert (row["per_year"], row["period_years"]) == (per_year, period)


def test_council_press_release_period_later_in_the_sentence() -> None:
    text = ("Leeds City Council has been awarded £2.4m from the Department for Work and Pensions to deliver "
            "Connect to Work across the district over three years.")
    assert _detail(text) == [(2.4e6, "GBP", 3.0, False, "Connect to Work", "funding")]


def test_govuk_announcement_and_nhs_trust_news() -> None:
    text = ("The government is investing £240 million in the Get Britain Working plan, the Department for "
            "Work and Pensions announced today.\n"
            "Minister for Employment Alison McGovern said:\n"
            "The £350,000 local service will run until March 2026.\n"
            "Separately, Sickness absence costs employers £100bn a year.")
    # an article about one programme (named once): its other funding is that programme's, a cost is not
    assert _detail(text) == [
        (240e6, "GBP", None, False, "Get Britain Working", "funding"),
        (350000.0, "GBP", None, False, "Get Britain Working", "funding"),
        (100e9, "GBP", 1.0, True, None, "cost"),
    ]


# --- numbers.py: the one number reader shared with counts -------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("2.8 million", 2800000), ("£45m"[1:], 45000000), ("2.5bn", 2500000000), ("5,667,000", 5667000),
    ("half a million", 500000), ("three", 3), ("twenty-five", 25), ("a quarter of a billion", 250000000),
    ("40k", 40000), ("1.1 trillion", 1.1e12), ("seventy thousand", 70000),
])
def test_numbers_parse(text: str, value: float) -> None:
    assert numbers.parse(text) == Decimal(str(value)) or float(numbers.parse(text)) == float(value)


@pytest.mark.parametrize("text", ["", "million", "2.8 millions", "£45m", "three people"])
def test_numbers_parse_rejects_non_numbers(text: str) -> None:
    assert numbers.parse(text) is None


def test_numbers_range_low_shares_the_multiplier() -> None:
    assert numbers.range_low("1", None, "2", "million") == 1000000
    assert numbers.range_low("900", None, "2", "million") == 900  # not smaller: read as written
    assert numbers.range_low("1.5", "m", "2", "bn") == 1500000


@pytest.mark.parametrize(("phrase", "qualifier"), [
    ("Up to", "up_to"), ("as much as", "up_to"), ("a maximum of", "up_to"), ("over", "more_than"),
    ("more than", "more_than"), ("at least", "more_than"), ("exceed", "more_than"), ("around", "about"),
    ("almost", "about"), ("nearly", "about"), ("some", "about"), ("~", "about"), (None, "exact"),
    ("a further", "exact"),
])
def test_numbers_qualifiers(phrase: str | None, qualifier: str) -> None:
    assert numbers.qualifier_of(phrase) == qualifier


def test_money_and_counts_read_numbers_with_numbers_module_only() -> None:
    src = Path(money.__file__).read_text(encoding="utf-8") + Path(counts.__file__).read_text(encoding="utf-8")
    assert "Decimal(num" not in src and "def parse_number" not in src and "NUMBER_WORDS: dict" not in src


# --- the guideline patterns, with made-up sentences -----------------------------------------------

def _place_rows(text: str) -> list[dict]:
    """Place rows as the orchestrator finds them (places skip names inside organisations and people)."""
    return extract_entities(text)["place_mentions"]


def _full(text: str, places_too: bool = True) -> list[tuple]:
    progs = programmes.extract(text)
    pl = _place_rows(text) if places_too else []
    return [(r["amount"], r["currency"], r["qualifier"], r["period_years"], r["programme"], r["kind"])
            for r in money.extract(text, programme_mentions=progs, place_mentions=pl)]


def test_amount_over_years_for_a_named_programme() -> None:
    assert _full("Ministers confirmed £45m over three years for WorkWell.") == [
        (45e6, "GBP", "exact", 3.0, "WorkWell", "funding")]


@pytest.mark.parametrize(("text", "period"), [
    ("The hub gets £2m a year.", 1.0), ("The hub gets £2m per year.", 1.0), ("An annual £2m goes to the hub.", 1.0),
    ("The hub gets £2m each year.", 1.0), ("The hub gets £2m over the next two years.", 2.0),
    ("The hub gets five-year funding of £2m.", 5.0), ("The hub gets £2m a year for five years.", 1.0),
    ("The hub is a £2m, four-year project.", 4.0), ("The hub gets £2m over the course of three years.", 3.0),
    ("The hub gets £2m from April 2026 to March 2029.", 3.0), ("The hub gets £2m.", None),
    ("The hub gets £2m over a period of four years.", 4.0), ("The hub gets £2m over the period 2026-2029.", 3.0),
    ("The hub gets £2m over the 2026-29 period.", 3.0), ("The hub gets £2m in 2026-27.", None),
    ("The hub gets £2m, to be spent over two years.", 2.0), ("Funding: £2m (2025-2027) for the hub.", 2.0),
    ("The hub, a two-year pilot, gets £2m in its first year.", 1.0),
    ("The hub gets £2m for the first year of a three-year contract.", 1.0),
])
def test_periods(text: str, period: float | None) -> None:
    (row,) = money.extract(text)
    assert row["period_years"] == period


@pytest.mark.parametrize("text", [
    "Claimants will receive £123 per week.", "The allowance is £45.50 a day.", "Carers get £81.90 a week.",
    "Each provider is paid £20,000 per quarter.", "Employers can claim £2,500 per hire.",
])
def test_rates_per_week_or_day_are_other_with_no_period(text: str) -> None:
    (row,) = money.extract(text)
    assert (row["kind"], row["period_years"], row["per_year"]) == ("other", None, False)


def test_rate_is_not_the_programmes_money() -> None:
    text = "WorkWell participants can claim £20 a week for travel. WorkWell runs in 15 areas."
    assert _full(text) == [(20.0, "GBP", "exact", None, "WorkWell", "other")]  # named in its sentence
    text = "WorkWell runs in 15 areas.\nWorkWell participants are paid expenses.\nEach gets £20 a week for travel."
    assert _full(text) == [(20.0, "GBP", "exact", None, None, "other")]


@pytest.mark.parametrize(("text", "kind"), [
    ("The chief executive earns a salary of £180,000.", "other"),
    ("The council cut £4m from the service.", "other"),
    ("Ministers scrapped the £30m fund.", "other"),
    ("The trust has a deficit of £12m.", "other"),
    ("The benefits bill will reach £70bn.", "cost"),
    ("Sickness absence costs the economy £100bn.", "cost"),
    ("The employer was fined £50,000.", "fine"),
    ("The government has allocated £7m to the pilot.", "funding"),
    ("A single adult will lose £4.50.", "other"),  # stated to the penny: a rate or a price
    # what a business sells or earns, what something sells for, what someone is worth: other
    ("The group's revenues rose to £3.2bn.", "other"),
    ("Annual sales reached $900m.", "other"),
    ("The clinic was sold for £4m in 2019.", "other"),
    ("The founder has a net worth of $2bn.", "other"),
    ("The occupational health sector is worth £1.6bn.", "other"),
    ("The contract is worth £6m.", "funding"),
    # money borrowed is a debt: a cost
    ("Graduates are borrowing an average of £45,000 to study.", "cost"),
    # the value of a programme's contracts is the money put into it
    ("The extension takes the total value of the contracts to £3bn.", "funding"),
    ("The extension lifts the value of the programme to £3bn.", "funding"),
    ("Police put the value of the haul at £2m.", "other"),
])
def test_kinds_per_guidelines(text: str, kind: str) -> None:
    (row,) = money.extract(text)
    assert row["kind"] == kind


def test_ranges_give_two_rows() -> None:
    assert _full("Each council will get £2m-£4m from Connect to Work.") == [
        (2e6, "GBP", "exact", None, "Connect to Work", "funding"),
        (4e6, "GBP", "exact", None, "Connect to Work", "funding")]


def test_amount_in_words() -> None:
    assert _full("A hospice received half a million pounds from the lottery.") == [
        (500000.0, "GBP", "exact", None, None, "funding")]
    assert _full("The pilot is worth up to seven million pounds.") == [
        (7e6, "GBP", "up_to", None, None, "funding")]


def test_two_currencies_share_the_period() -> None:
    assert _full("Obesity costs the health service £9bn ($11bn) a year, officials said.") == [
        (9e9, "GBP", "exact", 1.0, None, "cost"), (11e9, "USD", "exact", 1.0, None, "cost")]


def test_allocation_list_lines_are_funding_with_their_place() -> None:
    text = ("Connect to Work is expanding. Connect to Work will reach nine more areas.\n"
            "The new money is split as follows:\n"
            "Wigan: £38.8 million\n"
            "• Cumbria – up to £11.7m, for 2,600 people\n"
            "3. Devon, Plymouth and Torbay - £22.8m")
    rows = money.extract(text, programme_mentions=programmes.extract(text), place_mentions=_place_rows(text))
    got = [(r["amount"], r["qualifier"], r["kind"], r["programme"], r["place"]) for r in rows]
    assert got == [
        (38.8e6, "exact", "funding", "Connect to Work", "Wigan"),
        (11.7e6, "up_to", "funding", "Connect to Work", "Cumbria"),
        (22.8e6, "exact", "funding", "Connect to Work", "Devon"),
    ]


@pytest.mark.parametrize(("text", "place"), [
    ("Leeds will receive £3m to run the service.", "Leeds"),
    ("Leeds has been awarded up to £2.4m.", "Leeds"),
    ("The department set aside £3m for Wigan.", "Wigan"),
    ("Up to £35m is coming to South Yorkshire.", "South Yorkshire"),
    ("Ministers in Leeds announced a new £3m fund.", None),  # a place in the sentence, not the recipient
    # a council, combined authority or ICB receiving the money: its area is where the money goes
    ("Rotherham Metropolitan Borough Council will receive £4.2m over three years.", "Rotherham"),
    ("Kent County Council has been allocated £18m.", "Kent"),
    ("NHS South Yorkshire Integrated Care Board has been awarded £2.1m.", "South Yorkshire"),
    ("The West Yorkshire Combined Authority's share is £58.6m.", "West Yorkshire"),
    ("Salford City Council's cabinet has agreed to accept £6.2m.", None),  # the cabinet agrees; no recipient read
])
def test_place_the_money_is_allocated_to(text: str, place: str | None) -> None:
    (row,) = money.extract(text, programme_mentions=[], place_mentions=_place_rows(text))
    assert row["place"] == place


def test_shares_are_two_rows_both_with_the_programme() -> None:
    text = "Bristol will get £3.5m of the £45m set aside for the Youth Guarantee."
    rows = money.extract(text, programme_mentions=programmes.extract(text), place_mentions=_place_rows(text))
    got = [(r["amount"], r["programme"], r["share_of_amount"], r["place"]) for r in rows]
    assert got == [(3.5e6, "Youth Guarantee", 45e6, "Bristol"), (45e6, "Youth Guarantee", None, None)]
    text = "Cumbria will get £11.7m, its share of the £167.2m expansion of Connect to Work."
    rows = money.extract(text, programme_mentions=programmes.extract(text), place_mentions=_place_rows(text))
    assert [(r["amount"], r["share_of_amount"], r["programme"]) for r in rows] == [
        (11.7e6, 167.2e6, "Connect to Work"), (167.2e6, None, "Connect to Work")]


def test_programme_from_a_sentence_about_the_scheme() -> None:
    # the article is about one programme; "the scheme" in another paragraph takes it
    text = ("WorkWell has launched in Dorset.\n"
            "Local GPs will refer patients.\n"
            "The scheme is backed by £3m.")
    assert _full(text) == [(3e6, "GBP", "exact", None, "WorkWell", "funding")]


def test_no_programme_for_a_total_across_several_schemes() -> None:
    text = "Since 2019, £135m has been spent on the Restart Scheme and Work and Health Programme."
    # money spent on programmes is money given to them (kind funding), but across two: no one programme
    assert _full(text) == [(135e6, "GBP", "exact", None, None, "funding")]


def test_no_programme_for_a_department_budget_in_a_many_programme_article() -> None:
    text = ("WorkWell and Connect to Work were both praised.\n"
            "The Youth Guarantee was also mentioned.\n"
            "The Department for Work and Pensions has a budget of £9bn.")
    assert [r["programme"] for r in money.extract(text)] == [None]


def test_exceed_is_more_than() -> None:
    assert _full("Funding for Connect to Work will exceed £1bn over the next five years.") == [
        (1e9, "GBP", "more_than", 5.0, "Connect to Work", "funding")]


@pytest.mark.parametrize(("text", "periods"), [
    ("It gets annual funding of £5m.", [1.0]),
    ("The yearly cost is £2bn.", [1.0]),
    ("Every year, sickness costs the economy £100bn.", [1.0]),
    ("Spending will rise from £50bn to £65bn a year.", [1.0, 1.0]),  # compared amounts share the rate
    ("The bill is £65bn annually, up from £50bn.", [1.0, 1.0]),
    ("The bill is £65bn, up from £50bn in 2019.", [None, None]),
])
def test_yearly_rate_written_before_or_shared(text: str, periods: list[float | None]) -> None:
    assert [r["period_years"] for r in money.extract(text)] == periods


@pytest.mark.parametrize(("text", "programme"), [
    # a department budget, a package, an unnamed fund: not the article's one programme
    ("WorkWell is growing. WorkWell will reach 20 areas.\nThe department's budget is £9bn.", None),
    ("WorkWell is growing. WorkWell will reach 20 areas.\nA £2bn package was set out in the Budget.", None),
    ("WorkWell is growing. WorkWell will reach 20 areas.\nMinisters also set up a £3m innovation fund.", None),
    ("WorkWell is growing. WorkWell will reach 20 areas.\nThe roll-out is backed by £57m.", "WorkWell"),
    # an organisation's budget said as "has a budget of", money for "a separate" thing
    ("WorkWell is growing. WorkWell will reach 20 areas.\nNationally, the Department for Work and Pensions "
     "has a budget of £7bn for employment support.", None),
    ("WorkWell is growing. WorkWell will reach 20 areas.\nThe trust will also spend £400,000 on a separate "
     "physiotherapy app.", None),
    ("WorkWell is growing. WorkWell will reach 20 areas.\nThe scheme has a budget of £4m.", "WorkWell"),
])
def test_article_programme_not_given_to_budgets_packages_and_funds(text: str, programme: str | None) -> None:
    assert [r["programme"] for r in money.extract(text)] == [programme]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("It costs in the region of £3m.", "about"), ("Grants are capped at £5,000.", "up_to"),
    ("Spending could exceed £2bn.", "more_than"), ("It has ~£40m left.", "about"),
    ("Grants of £5,000+ are available.", "more_than"), ("Contracts worth £1m-plus were let.", "more_than"),
    ("Bids of £10,000 or more are welcome.", "more_than"), ("Claims of £500 or less are paid.", "up_to"),
    ("It will cost £5m or so.", "about"),
    ("The council could get up to a further £5m.", "up_to"), ("Around another £2m is needed.", "about"),
    ("The council got a further £5m.", "exact"),
])
def test_more_qualifier_phrasings(text: str, qualifier: str) -> None:
    (row,) = money.extract(text)
    assert row["qualifier"] == qualifier


def test_place_of_a_possessive_and_of_a_list_of_places() -> None:
    text = "Devon, Plymouth and Torbay will get £22.8m, and Cumbria's £11.7m share will support 2,750 people."
    rows = money.extract(text, programme_mentions=[], place_mentions=_place_rows(text))
    assert [(r["amount"], r["place"]) for r in rows] == [(22.8e6, "Devon"), (11.7e6, "Cumbria")]


def test_place_and_share_are_only_for_funding_rows() -> None:
    text = "Leeds was fined £40,000. Sickness costs Wigan £3m a year."
    rows = money.extract(text, programme_mentions=[], place_mentions=_place_rows(text))
    assert [(r["kind"], r["place"], r["share_of_amount"]) for r in rows] == [("fine", None, None), ("cost", None, None)]


@pytest.mark.parametrize(("text", "shares"), [
    ("Of the £45m, £3.5m will go to Bristol.", [None, 45e6]),
    ("Leeds will get almost £9m of the £115m.", [115e6, None]),
    ("The £10m is part of a £125m programme.", [125e6, None]),
    ("The £200m is part of a £125m programme.", [None, None]),  # a share is smaller than its pot
    ("It got £10m of funding and £2m of loans.", [None, None]),
    # "X's share of the £115m ... is £9.2m": the share named after its pot
    ("Northshire's share of the £115m Connect to Work funding is £9.2m.", [None, 115e6]),
    ("Its part of the £40m pot will be £3m.", [None, 40e6]),
    ("The cost of the £40m scheme is £3m a year.", [None, None]),  # not a share: a running cost
])
def test_share_of_amount(text: str, shares: list[float | None]) -> None:
    assert [r["share_of_amount"] for r in money.extract(text)] == shares


@pytest.mark.parametrize(("text", "kind"), [
    # what happened to the money decides: withdrawn, scrapped, cut, lost, short, a deficit -> other
    ("The council faces a £8m gap in its budget next year.", "other"),
    ("Charities face a funding shortfall of £2m when the scheme ends.", "other"),
    ("The service will receive £1.2m less than last year.", "other"),
    ("The county will lose £3m of employment support funding.", "other"),
    ("The £3m grant was withdrawn in March.", "other"),
    ("Ministers pulled £3m from the project.", "other"),
    ("The programme faces a £3m reduction in its budget.", "other"),
    ("A £5m black hole has opened up in the council's finances.", "other"),
    ("The £45m contracts were scrapped last year.", "other"),
    ("The £398m contract will not be renewed.", "other"),
    ("Funding of £2m for the pilot ends in March.", "other"),
    ("The charity is £600,000 short of its target.", "other"),
    ("The fund was cut by £2m to £8m.", "other"),
    ("The council will no longer receive £400,000 for the service.", "other"),
    ("Wales faces the loss of £1bn of EU funding.", "other"),
    ("The £2m was handed back to the Treasury.", "other"),
    ("The trust is £5m in the red.", "other"),
    # money given, whatever it is then used to do
    ("The accelerators will each receive £6.5m to cut the number of people out of work.", "funding"),
    ("The council has approved plans to spend £1.4m on getting residents back into work.", "funding"),
    ("The scheme paid out £247m last year.", "funding"),
    ("The council will put in £500,000 of its own money.", "funding"),
    ("The council has spent £3.7m on the WorkWell pilot since 2024.", "funding"),  # spent on a programme
    ("£135m has been spent on the scheme since 2015.", "funding"),
    ("The trust will get £2m to cover the cost of running the service.", "funding"),
    ("The council spent £2.3m on consultants.", "cost"),
    # money that meets a cost, or is paid to an organisation, is money given
    ("The £2m will cover the cost of 20 job coaches.", "funding"),
    ("Of the total, £235,000 will be kept by the council to cover management costs.", "funding"),
    ("The government will pay councils £3m to run the scheme.", "funding"),
    ("Running the service costs the trust £400,000 a year.", "cost"),
    # money asked for is not money given
    ("Campaigners want £1bn for the scheme.", "other"),
    ("The government rejected calls for £500m for the scheme.", "other"),
    ("The ICB has asked for a further £2m to extend the pilot.", "other"),
    ("Employers can apply for up to £5,000 through the scheme.", "funding"),
])
def test_kind_of_money_by_what_happens_to_it(text: str, kind: str) -> None:
    assert money.extract(text)[0]["kind"] == kind


@pytest.mark.parametrize(("text", "period"), [
    ("The council has received £2.6m, which will fund the service for two years.", 2.0),
    ("The £1m will keep the hub open for another 18 months.", 1.5),
    ("The two-year extension is backed by £2.2m.", 2.0),
    ("A year-long trial will receive £800,000.", 1.0),
    ("The contract is worth £9.6m and will run for four years.", 4.0),
    ("Over three years, the council will put £600,000 into the service.", 3.0),
    # how long people were out of work is not how long the money lasts
    ("£2m will support people who have been out of work for two years.", None),
    ("The council got £600,000 last year.", None),
])
def test_period_of_what_the_money_pays_for(text: str, period: float | None) -> None:
    assert money.extract(text)[0]["period_years"] == period


def test_fundraising_is_not_the_programmes_money_but_a_raised_allocation_is() -> None:
    body = ("The charity runs Connect to Work in Hull.\n"
            "It raised £20,000 from a sponsored walk.\n"
            "Its allocation was raised to £1.2m in April.\n")
    assert [(r["amount"], r["programme"]) for r in money.extract(body)] == [
        (20000.0, None), (1.2e6, "Connect to Work")]


# --- money that is not given: shortfalls, salaries, prices (guidelines: kind other) -----------------

@pytest.mark.parametrize(("text", "expected"), [
    # a shortfall the body has to make up
    ("The trust needs to find £5m to balance its books.", (5e6, "exact", None, False, "other")),
    ("The council must find £12.4m by April.", (12.4e6, "exact", None, False, "other")),
    # a salary: what a worker is paid
    ("Support workers are paid £24,000 a year.", (24000.0, "exact", 1.0, True, "other")),
    ("New coaches will be paid up to £31,500.", (31500.0, "up_to", None, False, "other")),
    # a price: what a course costs the person who takes it
    ("The course costs learners £250.", (250.0, "exact", None, False, "other")),
    ("A place on the programme costs each participant £1,200.", (1200.0, "exact", None, False, "other")),
    # still a cost to the economy, and still money given
    ("Sickness costs employers £100bn a year.", (100e9, "exact", 1.0, True, "cost")),
    ("The government found £5m for the scheme.", (5e6, "exact", None, False, "funding")),
])
def test_shortfalls_salaries_and_prices_are_other(text: str, expected: tuple) -> None:
    r = money.extract(text)[0]
    assert (r["amount"], r["qualifier"], r["period_years"], r["per_year"], r["kind"]) == expected


def test_a_capped_grant_per_person_takes_the_paragraphs_programme() -> None:
    body = ("Access to Work helps disabled people with the extra costs of a job.\n"
            "The scheme is run by the Department for Work and Pensions. Grants are capped at £69,260 a year "
            "per person.\n")
    assert [(r["amount"], r["qualifier"], r["period_years"], r["programme"], r["kind"])
            for r in money.extract(body)] == [(69260.0, "up_to", 1.0, "Access to Work", "other")]


def test_bare_grants_of_another_paragraph_programme() -> None:
    body = ("WorkWell offers early support to people with health conditions.\n"
            "Payments are limited to £500 per participant, the pilot's guidance says.\n")
    assert [(r["amount"], r["qualifier"], r["programme"], r["kind"]) for r in money.extract(body)] == [
        (500.0, "up_to", "WorkWell", "other")]


# --- money7: rules written from the guidelines, one made-up sentence (or short article) each ---

def _by_amount(text: str) -> dict[float, dict]:
    return {r["amount"]: r for r in money.extract(text)}


def test_programme_named_only_as_a_model_does_not_make_the_article_about_it() -> None:
    text = ("Millbrook is to get £5m to help people with health conditions back into work.\n"
            "The money comes from the Connect to Work scheme, which is based on Individual Placement and Support.\n")
    (row,) = money.extract(text)
    assert (row["amount"], row["programme"], row["kind"]) == (5_000_000.0, "Connect to Work", "funding")


@pytest.mark.parametrize(("text", "kind"), [
    ("The pilot was closed, with £4m handed back to the Treasury.", "other"),
    ("The Fit Note Trailblazers will not receive the £6m promised in the spring.", "other"),
    ("The Fit Note Trailblazers won't receive the £6m promised in the spring.", "other"),
    ("The pilot can’t get the £2m it was promised.", "other"),
    ("Spending on the Youth Guarantee will fall by £25m next year.", "other"),
    ("The scheme underspent by £3m.", "other"),
    ("An employment tribunal awarded the nurse £42,000 after she was dismissed.", "fine"),
    ("The council was awarded £42,000 to run the WorkWell service.", "funding"),
])
def test_kind_of_money_taken_away_and_court_awards(text: str, kind: str) -> None:
    (row,) = money.extract(text)
    assert row["kind"] == kind


@pytest.mark.parametrize(("text", "amount", "qualifier"), [
    ("The town will get one hundred and fifty thousand pounds for the scheme.", 150_000.0, "exact"),
    ("Its share is a little under nine hundred thousand pounds.", 900_000.0, "about"),
    ("Ministers promised six hundred million pounds for the programme.", 600_000_000.0, "exact"),
    ("Each learner can claim two hundred pounds towards travel.", 200.0, "exact"),
])
def test_hundreds_written_in_words(text: str, amount: float, qualifier: str) -> None:
    (row,) = money.extract(text)
    assert (row["amount"], row["currency"], row["qualifier"]) == (amount, "GBP", qualifier)


def test_parse_number_reads_hundreds_in_words() -> None:
    assert numbers.parse_number(word="one hundred and fifty", mult=" thousand") == Decimal(150_000)
    assert numbers.parse_number(word="A hundred and twenty-five") == Decimal(125)
    assert numbers.parse_number(word="hundred") is None


def test_a_duration_between_two_amounts_belongs_to_the_nearer_one() -> None:
    text = "The WorkWell pilot was given £3.2m in 2024 and has now been extended for a further 12 months with £2.1m."
    got = _by_amount(text)
    assert (got[3_200_000.0]["period_years"], got[2_100_000.0]["period_years"]) == (None, 1.0)


def test_a_guessed_programme_yields_to_the_same_amount_stated_with_its_programme() -> None:
    text = ("Hundreds of people in Eastmoor will get help after the borough secured £6.4m.\n"
            "The funding will pay for Connect to Work over the next five years.\n"
            "Eastmoor is also one of the areas in the Youth Guarantee trailblazer, which received £3m last year.\n"
            'Councillor Amir Khan said: "This investment of £6.4m will change lives."\n')
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(6_400_000.0, "Connect to Work"), (3_000_000.0, "Youth Guarantee"),
                   (6_400_000.0, "Connect to Work")]


def test_which_clause_about_the_funding_takes_the_funding_programme() -> None:
    text = ("Councils will share £80m next year to deliver No One Left Behind.\n"
            "The funding, which is £2.5m more than this year, will reach parents through the Parental "
            "Employability Support Fund.\n")
    got = _by_amount(text)
    assert got[2_500_000.0]["programme"] == "No One Left Behind"


def test_a_new_service_of_a_one_programme_story_is_that_programme_but_a_new_scheme_is_not() -> None:
    story = "Access to Work is struggling with delays.\nApplicants wait months for a decision.\n"
    (service,) = money.extract(story + "The department is spending £1.5m on a new online claims service.\n")
    (scheme,) = money.extract(story + "Campaigners want £1.5m for a new pilot scheme run by charities.\n")
    assert (service["programme"], scheme["programme"]) == ("Access to Work", None)


def test_money_a_council_adds_of_its_own_is_not_the_national_programme() -> None:
    text = ("No One Left Behind funding of £1.2m has been confirmed for the council.\n"
            "The council is also adding £90,000 of its own to pay for two extra advisers.\n")
    got = _by_amount(text)
    assert (got[1_200_000.0]["programme"], got[90_000.0]["programme"]) == ("No One Left Behind", None)


def test_each_award_is_a_rate_per_person_each_area_an_allocation() -> None:
    text = ("Access to Work pays for equipment and support workers.\n"
            "Each award is capped at £60,000 a year.\n"
            "Each area will receive £2m to cut waiting times.\n")
    got = _by_amount(text)
    assert (got[60_000.0]["kind"], got[60_000.0]["programme"], got[60_000.0]["period_years"]) == \
        ("other", "Access to Work", 1.0)
    assert (got[2_000_000.0]["kind"], got[2_000_000.0]["programme"]) == ("funding", "Access to Work")


@pytest.mark.parametrize(("text", "period"), [
    ("The Restart Scheme gets £40m in annual funding.", 1.0),
    ("The Restart Scheme gets £40m of yearly funding.", 1.0),
    ("The Restart Scheme gets £40m per financial year.", 1.0),
    ("The Restart Scheme gets £40m/year.", 1.0),
    ("The Restart Scheme gets £40m every twelve months.", 1.0),
    ("The annual cost of the Restart Scheme is £40m.", 1.0),
    ("For the next four years, the Restart Scheme will get £40m.", 4.0),
    ("The Restart Scheme has agreed a three-year settlement worth £40m.", 3.0),
    ("The Restart Scheme got £40m in 2025.", None),
])
def test_period_phrasings(text: str, period: float | None) -> None:
    (row,) = money.extract(text)
    assert (row["amount"], row["period_years"]) == (40_000_000.0, period)


def test_money_far_larger_than_the_programmes_own_is_not_given_it_by_default() -> None:
    text = ("WorkWell will get £57m to expand to 15 new areas.\n"
            "The NHS will receive an extra £22bn over the next two years.\n"
            "Each area will get around £3.8m.\n")
    got = _by_amount(text)
    assert got[22_000_000_000.0]["programme"] is None  # 386 times the programme's £57m, sentence not about it
    assert got[3_800_000.0]["programme"] == "WorkWell"  # a share: smaller
    got = _by_amount("WorkWell will get £57m to expand to 15 new areas.\n"
                     "The money for the scheme will be worth £1.5bn to employers, ministers claimed.\n")
    assert got[1_500_000_000.0]["programme"] == "WorkWell"  # "the scheme": about it, whatever the size


def test_share_stated_after_its_pot_with_of_which_or_including() -> None:
    got = _by_amount("Kent will receive £14m for Connect to Work, of which £3m will go to Medway.")
    assert (got[3_000_000.0]["share_of_amount"], got[3_000_000.0]["programme"]) == (14_000_000.0, "Connect to Work")
    assert got[14_000_000.0]["share_of_amount"] is None
    got = _by_amount("WorkWell has £20m, including £5m for Leeds.")
    assert got[5_000_000.0]["share_of_amount"] == 20_000_000.0
    got = _by_amount("WorkWell got £5m, with £7m coming next year.")  # a later sum, not a share
    assert got[7_000_000.0]["share_of_amount"] is None


@pytest.mark.parametrize(("text", "kind"), [
    ("Helping carers back to work could be worth £9bn a year to the economy.", "other"),
    ("Ministers say the reforms will boost the UK economy by £4bn.", "other"),
    ("The council will invest £2m to boost the local economy.", "funding"),
    ("The scheme will pump £5m into the local economy.", "funding"),
])
def test_what_the_economy_gains_is_not_money_given(text: str, kind: str) -> None:
    (row,) = money.extract(text)
    assert row["kind"] == kind


def test_a_return_on_money_is_a_ratio_not_funding() -> None:
    got = [(r["amount"], r["kind"]) for r in money.extract("The Restart Scheme returned £3 for every £1 invested.")]
    assert got == [(3.0, "other"), (1.0, "other")]
    (row,) = money.extract("Every £1 spent on the pilot was matched by the council.")
    assert row["kind"] == "other"


def test_the_scheme_is_never_the_programme_it_replaced() -> None:
    text = ("Connect to Work is launching in Wessex. It replaces the Work and Health Programme, which closes in "
            "March. The scheme will receive £9m over five years.")
    (row,) = money.extract(text)
    assert (row["amount"], row["programme"], row["period_years"]) == (9_000_000.0, "Connect to Work", 5.0)


@pytest.mark.parametrize("text", [
    "WorkWell in Wessex sought a further £2m last spring.",
    "The WorkWell service is seeking £400,000 from local businesses.",
])
def test_money_applied_for_or_sought_is_not_given(text: str) -> None:
    (row,) = money.extract(text)
    assert row["kind"] == "other"


def test_one_year_of_a_longer_scheme_opening_the_sentence() -> None:
    got = _by_amount("WorkWell has run in Wessex since 2024.\nIn its first year, the pilot cost £3.9m.\n"
                     "In year two, it received £4m.\n")
    assert (got[3_900_000.0]["period_years"], got[4_000_000.0]["period_years"]) == (1.0, 1.0)


def test_money_announced_in_a_white_paper_is_the_storys_programme_not_the_papers() -> None:
    text = ("Young people in Rutland will get help from the Youth Guarantee.\n"
            "The four pilot areas are splitting £12m of funding, which was first set out in last spring's Get "
            "Britain Working white paper.\n")
    (row,) = money.extract(text)
    assert (row["amount"], row["programme"]) == (12_000_000.0, "Youth Guarantee")


def test_a_wider_pot_set_out_in_a_white_paper_is_the_papers_programme() -> None:
    text = ("Young people in Rutland will get help from the Youth Guarantee.\n"
            "The pilots belong to a broader £300m effort, set out in the Get Britain Working white paper.\n")
    (row,) = money.extract(text)
    assert (row["amount"], row["programme"]) == (300_000_000.0, "Get Britain Working")


@pytest.mark.parametrize("sentence", [
    "The trust has separately committed £1.5m to a helpline for farmers.",
    "Ministers separately handed the county £900,000 for pothole repairs.",
])
def test_money_given_separately_does_not_inherit_the_storys_programme(sentence: str) -> None:
    text = ("Connect to Work will support 8,000 people in Wessex over five years.\n"
            "Wessex County Council will receive £26m for the programme.\n" + sentence + "\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got[0] == (26_000_000.0, "Connect to Work")
    assert got[1][1] is None


def test_a_figure_worked_out_from_the_money_just_stated_is_a_rate_of_its_programme() -> None:
    text = ("Our town's share of the Youth Guarantee is £600,000.\n"
            "Shared between every young person on the waiting list, it works out at about £750 each.\n"
            "The Sunnyside Works team will add £40,000 of its own.\n")
    got = {r["amount"]: r for r in money.extract(text)}
    assert (got[750.0]["kind"], got[750.0]["qualifier"], got[750.0]["programme"]) == ("other", "about", "Youth Guarantee")
    assert got[600_000.0]["programme"] == "Youth Guarantee"


def test_costed_it_at_per_person_is_the_previous_moneys_programme() -> None:
    text = ("The Wessex Youth Guarantee trailblazer has £3m for two years.\n"
            "Every young person gets a coach. We have costed it at roughly £1,800 per young person.\n")
    got = {r["amount"]: r for r in money.extract(text)}
    assert (got[1800.0]["kind"], got[1800.0]["qualifier"], got[1800.0]["programme"]) == ("other", "about", "Youth Guarantee")
    assert got[3_000_000.0]["period_years"] == 2.0


def test_six_areas_getting_two_million_each_stay_allocations() -> None:
    (row,) = money.extract("Connect to Work is coming to Wessex. Six areas will get £2m each to start it.\n")
    assert (row["amount"], row["kind"], row["programme"]) == (2_000_000.0, "funding", "Connect to Work")


def test_its_own_money_is_not_a_reference_to_the_scheme() -> None:
    text = ("Leeds is launching its Youth Guarantee trailblazer next month.\n"
            "Wakefield, which is outside the trailblazer, is putting £250,000 of its own money into a youth hub.\n"
            "Leeds City Council will add £400,000 of its own money to the trailblazer.\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(250_000.0, None), (400_000.0, "Youth Guarantee")]


@pytest.mark.parametrize(("sentence", "programme"), [
    ("Hull City Council will also put £150,000 into a new jobs fair.", None),
    ("The trust has also found £80,000 for an extra physiotherapist.", None),
    ("The council will also put £150,000 into the pilot.", "Health and Growth Accelerators"),
    ("Hull City Council will put £150,000 into the scheme's second year.", "Health and Growth Accelerators"),
])
def test_also_money_for_something_else_does_not_inherit_the_programme(sentence: str, programme: str | None) -> None:
    text = ("A pilot in Hull will help people with back pain return to work.\n"
            "The £900,000 pilot is funded by the Health and Growth Accelerators.\n" + sentence + "\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got[0] == (900_000.0, "Health and Growth Accelerators")
    assert got[1][1] == programme


@pytest.mark.parametrize(("text", "period"), [
    ("The council spent £120,000 on the WorkWell launch over the past year.", 1.0),
    ("WorkWell will get £2m during the next 12 months.", 1.0),
    ("WorkWell got £2m last year.", None),
    ("WorkWell got £2m in the past year.", None),  # "in": a point as often as a span
])
def test_over_the_past_year_is_a_one_year_period(text: str, period: float | None) -> None:
    (row,) = money.extract(text)
    assert row["period_years"] == period


@pytest.mark.parametrize(("text", "period", "per_year"), [
    ("The Wessex pilot will get £5m for three more years.", 3.0, False),
    ("The Wessex pilot will get £5m for the 2026-2029 period.", 3.0, False),
    ("The Wessex pilot will get £5m, which will be spread over four years.", 4.0, False),
    ("The Wessex pilot will get £5m, which is more than last year.", None, False),
    ("The Wessex pilot will get £5m in the two years to 2028.", 2.0, False),
    ("The Wessex pilot has secured three years of funding worth £5m.", 3.0, False),
    ("The Wessex pilot received £5m for its first two years.", 2.0, False),
    ("Funding of £5m for each of the next three years has been confirmed.", 1.0, True),
])
def test_more_period_phrasings(text: str, period: float | None, per_year: bool) -> None:
    (row,) = money.extract(text)
    assert (row["amount"], row["period_years"], row["per_year"]) == (5_000_000.0, period, per_year)


def test_a_package_the_scheme_is_part_of_is_no_ones_but_its_share_is_the_schemes() -> None:
    text = ("WorkWell is expanding to ten more areas.\n"
            "The expansion is part of a £2bn jobs and health package announced by the Chancellor.\n"
            "It will receive £90m of that.\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(2e9, None), (90e6, "WorkWell")]


def test_a_total_opening_the_sentence_is_not_the_storys_programme() -> None:
    text = ("The Youth Guarantee pilots will start in April.\n"
            "In total, the Department for Work and Pensions will spend £300m on new employment support next year.\n"
            "Each pilot area gets £5m.\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(300e6, None), (5e6, "Youth Guarantee")]


def test_the_scheme_on_the_other_side_of_a_contrast_does_not_own_the_money() -> None:
    text = ("Mental health support is being added to Access to Work.\n"
            "Officials said the scheme cost £300m last year, whereas sickness benefits cost £50bn.\n")
    got = [(r["amount"], r["programme"]) for r in money.extract(text)]
    assert got == [(300e6, "Access to Work"), (50e9, None)]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The Wessex WorkWell service's £6m budget has been cut by £1m.", ["funding", "other"]),
    ("The Wessex WorkWell service's £6m grant was withdrawn.", ["other"]),
    ("The Wessex WorkWell contract is valued at £6m.", ["funding"]),
    ("The provider is valued at £2bn.", ["other"]),
])
def test_what_is_cut_and_what_a_contract_is_valued_at(text: str, kinds: list[str]) -> None:
    assert [r["kind"] for r in money.extract(text)] == kinds


@pytest.mark.parametrize(("text", "programme"), [
    ("After two good years of WorkWell, the council is spending £1m on a new apprenticeship scheme.", None),
    ("The council is spending £1m on a new WorkWell pilot.", "WorkWell"),
    ("The council said Connect to Work would not replace its own £2m jobs programme.", None),
    ("The trust will use its own £2m to keep the WorkWell service running.", "WorkWell"),
])
def test_money_for_another_or_an_own_unnamed_scheme_is_not_the_named_programmes(text: str, programme: str | None) -> None:
    (row,) = money.extract(text)
    assert row["programme"] == programme


def test_a_share_takes_the_programme_of_its_pot_named_elsewhere() -> None:
    text = ("The Youth Guarantee trailblazers will get £40m. Connect to Work will get £120m.\n"
            "Merseyside's share of the £40m is £4.5m.\n")
    got = [(r["amount"], r["programme"], r["share_of_amount"]) for r in money.extract(text)]
    assert got[2:] == [(40e6, "Youth Guarantee", None), (4.5e6, "Youth Guarantee", 40e6)]


def test_money_needed_is_not_money_given() -> None:
    text = ("The Working Well pilot in Wessex has been given £2.2m.\n"
            "Our mental health trust alone needs £15m to clear its waiting list.\n")
    got = [(r["amount"], r["kind"], r["programme"]) for r in money.extract(text)]
    assert got == [(2.2e6, "funding", "Working Well"), (15e6, "other", None)]


def test_a_conversion_in_brackets_has_the_kind_and_programme_of_its_money() -> None:
    text = "WorkWell is growing in Wessex.\nThe government will give £64m ($80m) to keep it going.\n"
    got = [(r["amount"], r["currency"], r["kind"], r["programme"]) for r in money.extract(text)]
    assert got == [(64e6, "GBP", "funding", "WorkWell"), (80e6, "USD", "funding", "WorkWell")]
    got = [(r["currency"], r["kind"]) for r in money.extract("The museum is seeking 1.3 million euros ($1.4 million).")]
    assert got == [("EUR", "other"), ("USD", "other")]


def test_the_guarantee_is_the_programme_named_before_whose_name_ends_in_it() -> None:
    text = ("Ministers unveiled the Youth Guarantee on Tuesday, alongside changes to Access to Work.\n"
            "Under the plans, the guarantee will cost £800m over three years.\n"
            "Access to Work awards will rise to £60,000 a year.\n")
    got = [(r["amount"], r["programme"], r["period_years"]) for r in money.extract(text)]
    assert got[0] == (800e6, "Youth Guarantee", 3.0)
    # a generic noun never picks one of several programmes by its name
    (row,) = money.extract("Connect to Work and the Restart Scheme both run in Kent.\nThe scheme will get £5m.\n")
    assert row["programme"] is None
