"""Made-up UK health-and-work stories in the styles of different outlets (council press release,
BBC-style, trade press, local democracy reporter, gov.uk, devolved governments, NHS body, think
tank), worded unlike the development pages, with the rows the annotation guidelines
(../shared/gold/GUIDELINES.md) ask for. They check that the extractors follow the conventions,
not one site's phrasing."""
from __future__ import annotations

from typing import Any

from healthwork.extract import extract_entities

Funding = tuple[float, str, str, float | None, str | None, str]


def _run(body: str) -> dict[str, list[dict[str, Any]]]:
    return extract_entities(body)


def funding(body: str) -> list[Funding]:
    """(amount, currency, qualifier, period_years, programme, kind) in body order."""
    return [(r["amount"], r["currency"], r["qualifier"], r["period_years"], r["programme"], r["kind"])
            for r in _run(body)["funding"]]


def names(body: str, table: str, column: str = "name") -> set[str]:
    return {str(r[column]) for r in _run(body)[table]}


def count_values(body: str) -> list[float]:
    return [r["value"] for r in _run(body)["people_counts"]]


COUNCIL = (
    "Stockport Council has been handed £2.4m to run the WorkWell service across the borough over the next two years.\n"
    "The money, bankrolled by the Department for Work and Pensions, will pay for health and work coaches.\n"
    'Councillor Jane Hartley, cabinet member for economy, said: "This is a real boost for residents who want to '
    'get back to work."\n'
    "More than 1,500 residents are expected to be referred in the first year.\n"
)


def test_council_press_release() -> None:
    assert funding(COUNCIL) == [(2400000.0, "GBP", "exact", 2.0, "WorkWell", "funding")]
    assert names(COUNCIL, "organisation_mentions") == {"Stockport Council", "Department for Work and Pensions"}
    assert names(COUNCIL, "place_mentions") == set()  # "Stockport" only inside the council's name
    assert names(COUNCIL, "quotes", "speaker") == {"Jane Hartley"}
    assert count_values(COUNCIL) == [1500.0]


BBC = (
    "Thousands of people in the North East who are out of work because of ill health will be offered help.\n"
    "The North East Combined Authority will receive a share of £64m from the Connect to Work programme, with up to "
    "£9.8m earmarked for the region.\n"
    "The scheme is expected to support up to 100,000 people a year across England.\n"
    'Kim McGuinness, the Mayor of the North East, said the funding was "a huge step forward" for Gateshead, '
    "Sunderland and County Durham.\n"
)


def test_bbc_style_share_of_a_national_pot() -> None:
    assert funding(BBC) == [
        (64000000.0, "GBP", "exact", None, "Connect to Work", "funding"),
        (9800000.0, "GBP", "up_to", None, "Connect to Work", "funding"),
    ]
    # the combined authority is an organisation; the region, the nation and the areas are places
    assert names(BBC, "organisation_mentions") == {"North East Combined Authority"}
    assert names(BBC, "place_mentions") == {"North East", "England", "Gateshead", "Sunderland", "County Durham"}
    assert names(BBC, "quotes", "speaker") == {"Kim McGuinness"}
    assert count_values(BBC) == [100000.0]


TRADE = (
    "Occupational health providers have welcomed a two-year £8m pilot backed by the Department of Health and "
    "Social Care.\n"
    "The Fit Note Trailblazer will run in Barnsley, Doncaster and Rotherham, and is worth up to £1.2m to each area.\n"
    "Businesses that take part will be paid £250 per participant, the department said.\n"
    "Separately, a care firm was fined £120,000 after a worker was injured.\n"
)


def test_trade_press_rates_and_fines() -> None:
    assert funding(TRADE) == [
        (8000000.0, "GBP", "exact", 2.0, "Fit Note Trailblazers", "funding"),
        (1200000.0, "GBP", "up_to", None, "Fit Note Trailblazers", "funding"),
        (250.0, "GBP", "exact", None, None, "other"),  # a rate per participant: other, no period, no programme
        (120000.0, "GBP", "exact", None, None, "fine"),
    ]
    assert names(TRADE, "place_mentions") == {"Barnsley", "Doncaster", "Rotherham"}
    assert names(TRADE, "programme_mentions", "programme") == {"Fit Note Trailblazers"}


LDRS = (
    "Cornwall Council has allocated £900,000 across three years to its Working Win scheme, councillors heard.\n"
    "The programme, which operates in Cornwall and the Isles of Scilly, has helped 640 people into work since 2022.\n"
    'Councillor Louis Gardner told the meeting the scheme was "worth every penny".\n'
    "Nationally, economic inactivity linked to ill health costs the taxpayer about £15bn a year, the report said.\n"
)


def test_local_democracy_reporter_named_local_scheme_and_a_cost() -> None:
    assert funding(LDRS) == [
        (900000.0, "GBP", "exact", 3.0, "Working Win", "funding"),
        (15000000000.0, "GBP", "about", 1.0, None, "cost"),  # a cost to the taxpayer is not the scheme's money
    ]
    assert names(LDRS, "place_mentions") == {"Cornwall and the Isles of Scilly"}  # not "Cornwall" in the council
    assert names(LDRS, "organisation_mentions") == {"Cornwall Council"}
    assert count_values(LDRS) == [640.0]


GOVUK = (
    "The UK Government today announced £240m for Get Britain Working trailblazers in eight areas.\n"
    "Of the £240m, £45m has been earmarked for the Youth Guarantee, giving young people in South Yorkshire, West "
    "Yorkshire and the Liverpool City Region access to training or work.\n"
    "Work and Pensions Secretary Liz Kendall said: \"We are determined to get Britain working again.\"\n"
)


def test_gov_uk_share_of_a_pot_is_two_rows_with_the_programme() -> None:
    rows = _run(GOVUK)["funding"]
    assert [(r["amount"], r["programme"]) for r in rows] == [
        (240000000.0, "Get Britain Working"),
        (240000000.0, "Youth Guarantee"),
        (45000000.0, "Youth Guarantee"),
    ]
    assert rows[2]["share_of_amount"] == 240000000.0
    assert names(GOVUK, "place_mentions") == {"South Yorkshire", "West Yorkshire", "Liverpool City Region"}
    assert names(GOVUK, "organisation_mentions") == {"UK Government"}
    # "get Britain working again" in lower case is a slogan, not the programme
    assert names(GOVUK, "programme_mentions", "programme") == {"Get Britain Working", "Youth Guarantee"}
    people = {r["name"]: r["role"] for r in _run(GOVUK)["person_mentions"]}
    assert people == {"Liz Kendall": "Work and Pensions Secretary"}


def test_combined_authority_is_an_organisation_and_its_area_a_place() -> None:
    body = ("The South Yorkshire Mayoral Combined Authority will receive £5m-a-year for two years to help people "
            "across South Yorkshire.\n")
    assert names(body, "organisation_mentions") == {"South Yorkshire Mayoral Combined Authority"}
    assert names(body, "place_mentions") == {"South Yorkshire"}
    assert funding(body) == [(5000000.0, "GBP", "exact", 1.0, None, "funding")]  # the annual figure, period 1


WALES = (
    "The Welsh Government has set aside £12m for its Communities for Work Plus programme.\n"
    "Hywel Jones, who leads the service in Merthyr, said demand from the South Wales Valleys had risen sharply.\n"
    "Nearly 4,000 people across Blaenau Gwent are waiting for support.\n"
)


def test_welsh_devolved_scheme() -> None:
    assert funding(WALES) == [(12000000.0, "GBP", "exact", None, "Communities for Work Plus", "funding")]
    assert names(WALES, "organisation_mentions") == {"Welsh Government"}
    # a short form is kept as written, with the code of the council area
    places = {r["name"]: r["ons_code"] for r in _run(WALES)["place_mentions"]}
    assert places == {"Merthyr": "W06000024", "South Wales Valleys": None, "Blaenau Gwent": "W06000019"}
    assert names(WALES, "quotes", "speaker") == {"Hywel Jones"}
    assert count_values(WALES) == [4000.0]


NHS = (
    "NHS Cornwall and the Isles of Scilly Integrated Care Board has been given up to £3m for an Individual Placement "
    "and Support service.\n"
    "The money will fund employment specialists working alongside NHS Talking Therapies teams in Truro, Penzance "
    "and Bodmin.\n"
)


def test_nhs_body_icb_is_an_organisation_and_towns_are_places() -> None:
    assert funding(NHS) == [(3000000.0, "GBP", "up_to", None, "Individual Placement and Support", "funding")]
    assert names(NHS, "organisation_mentions") == {"NHS Cornwall and the Isles of Scilly Integrated Care Board"}
    assert names(NHS, "place_mentions") == {"Truro", "Penzance", "Bodmin"}
    assert names(NHS, "programme_mentions", "programme") == {"Individual Placement and Support",
                                                              "NHS Talking Therapies"}


THINK_TANK = (
    "Sickness-related benefits will cost £80bn a year by the end of the decade, a report by the Resolution "
    "Foundation warns.\n"
    "The think tank says the Pathways to Work expansion, worth £1bn a year, reaches only a fraction of the 2.8 "
    "million people out of work through long-term ill health.\n"
    "It calls for a new £2bn fund for employers in places such as Hull, Blackpool and Middlesbrough.\n"
)


def test_think_tank_costs_unnamed_funds_and_yearly_figures() -> None:
    assert funding(THINK_TANK) == [
        (80000000000.0, "GBP", "exact", 1.0, None, "cost"),
        (1000000000.0, "GBP", "exact", 1.0, "Pathways to Work", "funding"),
        (2000000000.0, "GBP", "exact", None, None, "funding"),  # an unnamed fund: no programme
    ]
    assert names(THINK_TANK, "place_mentions") == {"Hull", "Blackpool", "Middlesbrough"}
    assert names(THINK_TANK, "organisation_mentions") == {"Resolution Foundation"}
    assert count_values(THINK_TANK) == [2800000.0]


def test_funding_verbs_and_share_forms() -> None:
    body = ("The Youth Guarantee pilot in Leeds is worth £3m.\n"
            "Leeds gets £1m from the £12m Youth Guarantee, with £500,000 a year in each of the next two years.\n"
            "Blackpool has been allocated £4m out of a total of £30m for Connect to Work.\n")
    rows = _run(body)["funding"]
    assert [(r["amount"], r["qualifier"], r["period_years"], r["programme"], r["share_of_amount"]) for r in rows] == [
        (3000000.0, "exact", None, "Youth Guarantee", None),
        (1000000.0, "exact", None, "Youth Guarantee", 12000000.0),
        (12000000.0, "exact", None, "Youth Guarantee", None),
        (500000.0, "exact", 1.0, "Youth Guarantee", None),
        (4000000.0, "exact", None, "Connect to Work", 30000000.0),
        (30000000.0, "exact", None, "Connect to Work", None),
    ]


def test_kind_comes_from_the_amounts_own_clause() -> None:
    body = "Each Health and Growth Accelerator will receive up to £10m, and the pilots will cost £45m in total.\n"
    assert [(r["amount"], r["kind"]) for r in _run(body)["funding"]] == [(10000000.0, "funding"), (45000000.0, "cost")]


def test_more_qualifier_wordings() -> None:
    body = "Councils get north of £2m, the trust slightly more than £1m and the charity just short of £500,000.\n"
    assert [(r["amount"], r["qualifier"]) for r in _run(body)["funding"]] == [
        (2000000.0, "more_than"), (1000000.0, "more_than"), (500000.0, "about")]


def test_bare_counts_of_people() -> None:
    body = ("More than 3,000 have already signed up to the service in Wigan.\n"
            "The pilot has supported 450 since April, and 120 found work.\n"
            "The council supported 15 areas in 2024.\n")
    assert count_values(body) == [3000.0, 450.0, 120.0]


def test_lower_case_compass_parts_and_based_compounds() -> None:
    body = "A Sheffield-based charity will work with employers in south Wales and north Wales.\n"
    assert names(body, "place_mentions") == {"Sheffield", "South Wales", "North Wales"}


def test_organisations_named_by_what_they_do_and_party_affiliations() -> None:
    body = ("Northgate Skills won a competitive tender to run the service, which will be delivered by Brightpath "
            "across two boroughs that work together as Enterprising Tyne.\n"
            "Sam Okafor, the Labour MP for the area, welcomed it, as did a consultant at University Hospital "
            "Derby.\n")
    assert names(body, "organisation_mentions") == {
        "Northgate Skills", "Brightpath", "Enterprising Tyne", "Labour Party", "University Hospital Derby"}


def test_counts_with_an_age_band_and_hyphenated_place_spellings() -> None:
    body = "Nearly 40,000 16 to 24-year-olds in Newcastle-upon-Tyne and Stoke on Trent are out of work.\n"
    assert count_values(body) == [40000.0]
    assert names(body, "place_mentions") == {"Newcastle upon Tyne", "Stoke-on-Trent"}


def test_list_of_allocations_and_a_follow_up_paragraph_take_the_programme() -> None:
    body = ("Up to £12m is heading to Tees Valley to help disabled people find and keep jobs.\n"
            "The funding is the area's share of Connect to Work, and Access to Work grants continue alongside it.\n"
            "Tees Valley is one of several areas named this week under Connect to Work.\n"
            "Other allocations announced today include:\n"
            "• North of Tyne - up to £20.5m, for 5,000 people\n"
            "• Cumbria - up to £11.7m\n"
            "Ministers also confirmed Access to Work and WorkWell will continue.\n")
    assert [(r["amount"], r["programme"]) for r in _run(body)["funding"]] == [
        (12000000.0, None),  # the next paragraph names two programmes: not tied
        (20500000.0, "Connect to Work"),
        (11700000.0, "Connect to Work"),
    ]
    body_one = body.replace(", and Access to Work grants continue alongside it", "")
    assert _run(body_one)["funding"][0]["programme"] == "Connect to Work"


def test_events_are_not_people() -> None:
    body = "Speaking at the Northern Skills Summit, the minister said Regional Jobs Conference delegates agreed.\n"
    assert names(body, "person_mentions") == set()


def test_a_review_named_like_a_scheme_is_not_a_programme() -> None:
    body = "The Keep Britain Working review, led by a former retail boss, reported in November.\n"
    assert names(body, "programme_mentions", "programme") == set()


def test_what_one_person_gets_is_a_rate_not_the_programmes_money() -> None:
    body = ("Under Pathways to Work the health top-up will be worth about £165 a year to a single adult.\n"
            "Pathways to Work will also get £1bn a year.\n")
    assert funding(body) == [
        (165.0, "GBP", "about", 1.0, "Pathways to Work", "other"),  # its own sentence names the programme
        (1000000000.0, "GBP", "exact", 1.0, "Pathways to Work", "funding"),
    ]
    other = "The reform is welcome.\nThe top-up will be worth about £165 a year to a single adult.\nPathways to Work is growing.\n"
    assert funding(other) == [(165.0, "GBP", "about", 1.0, None, "other")]


def test_named_local_schemes_outside_the_reference_table() -> None:
    body = ("The Bolton Works programme will get £2m from the council.\n"
            "A scheme called Step Up has also helped, while the Employment Support service is run by the council.\n")
    assert names(body, "programme_mentions", "programme") == {"Bolton Works", "Step Up"}
    assert funding(body) == [(2000000.0, "GBP", "exact", None, "Bolton Works", "funding")]


def test_reported_speech_after_an_apposition() -> None:
    body = ("Rhian Evans - who runs a cafe in Rhyl - said the scheme had changed her life.\n"
            "Owen Pritchard, 58, from Wrexham, said he had found work within a month.\n")
    assert names(body, "quotes", "speaker") == {"Rhian Evans", "Owen Pritchard"}
    assert names(body, "place_mentions") == {"Rhyl", "Wrexham"}


def test_housing_and_sickness_nouns_count_people() -> None:
    body = ("The housing association's pilot helped 210 tenants into work last year.\n"
            "A survey of 1,300 renters found many were worried about their jobs.\n"
            "The region has 95,000 long-term sick and 40 homeowners took part in a trial.\n")
    rows = [(r["value"], r["what"]) for r in _run(body)["people_counts"]]
    assert rows == [(210.0, "tenants"), (1300.0, "renters"), (95000.0, "long-term sick"), (40.0, "homeowners")]


def test_programme_aliases_and_anaphora_tie_money() -> None:
    # made-up: the plural anaphora "the accelerators" and the acronym "IPS" after the full name
    body = ("Three Health and Growth Accelerators will open in April.\n\n"
            "The accelerators will share £30m over two years.\n\n"
            "Individual Placement and Support is also expanding. IPS teams in Kent will get £2m.\n")
    assert funding(body) == [
        (30000000.0, "GBP", "exact", 2.0, "Health and Growth Accelerators", "funding"),
        (2000000.0, "GBP", "exact", None, "Individual Placement and Support", "funding"),
    ]


def test_a_region_followed_by_england_is_the_region() -> None:
    body = ("Inactivity is highest in North East England, and the South-West England coast is close behind.\n"
            "Jobs in south west England grew, while the East Midlands of England lagged.\n")
    assert [r["name"] for r in _run(body)["place_mentions"]] == ["North East", "South West", "South West", "East Midlands"]


def test_a_change_in_a_count_of_people_is_a_count() -> None:
    body = ("Some 1.9 million adults are waiting for support, up 300,000 since 2022.\n"
            "About 640 people joined the scheme, a rise of 85 on last year.\n"
            "Inactivity is up 4% since 2019 and the budget is up £2m on last year.\n")
    assert count_values(body) == [1900000.0, 300000.0, 640.0, 85.0]


def test_programme_names_in_headline_case_capitals_or_with_an_ampersand() -> None:
    body = ("The council's Connect To Work service opens in May with £1.2m.\n\n"
            "PATHWAYS TO WORK advisers will sit in GP surgeries.\n\n"
            "The Health & Growth Accelerator will get £4m. Individual Placement & Support gets £900,000.\n")
    assert names(body, "programme_mentions", "programme") == {
        "Connect to Work", "Pathways to Work", "Health and Growth Accelerators", "Individual Placement and Support"}
    assert [(amount, programme) for amount, _, _, _, programme, _ in funding(body)] == [
        (1200000.0, "Connect to Work"), (4000000.0, "Health and Growth Accelerators"),
        (900000.0, "Individual Placement and Support")]


def test_money_before_a_new_clause_stays_with_the_programme_of_its_own_clause() -> None:
    body = "The Health and Growth Accelerator in Dorset will get £4m, and Access to Work £900,000 in 2026.\n"
    assert [(amount, programme) for amount, _, _, _, programme, _ in funding(body)] == [
        (4000000.0, "Health and Growth Accelerators"), (900000.0, "Access to Work")]


def test_a_place_the_table_lacks_named_as_an_area() -> None:
    body = ("The pilot will run across the Brackenford area and Wexcombe district from June.\n"
            "Staff in the local area and the Connect to Work area team will help.\n")
    assert [r["name"] for r in _run(body)["place_mentions"]] == ["Brackenford", "Wexcombe"]


def test_a_local_democracy_report_from_a_scottish_health_board_area() -> None:
    body = ("Jobseekers in Govan and Rutherglen will get help from a new service run by NHS Greater Glasgow and "
            "Clyde, the health board told the Local Democracy Reporting Service.\n"
            "Employment charity Clydeway Futures, which will deliver it, said 1,200 people would be supported, "
            "including 300 in the first year.\n"
            "Across the west of Scotland, some 95,000 people are out of work through ill health, compared with "
            "80,000 in 2019.\n")
    out = _run(body)
    assert [r["name"] for r in out["place_mentions"]] == ["Govan", "Rutherglen", "Scotland"]
    assert names(body, "organisation_mentions") == {
        "NHS Greater Glasgow and Clyde", "Local Democracy Reporting Service", "Clydeway Futures"}
    assert count_values(body) == [1200.0, 300.0, 95000.0, 80000.0]


def test_a_welsh_trade_press_story_with_a_regional_split() -> None:
    body = ("Hywel Dda Health Board and the all-Wales careers service will work with Pembrokeshire employers.\n"
            "The scheme aims to help 2,000 people: 1,200 in Carmarthenshire and 800 in Ceredigion, the board said.\n")
    out = _run(body)
    assert [r["name"] for r in out["place_mentions"]] == ["Wales", "Pembrokeshire", "Carmarthenshire", "Ceredigion"]
    assert names(body, "organisation_mentions") == {"Hywel Dda University Health Board"}
    assert count_values(body) == [2000.0, 1200.0, 800.0]



def test_cleaning_keeps_a_subheading_after_an_advert_and_a_closing_table_of_figures() -> None:
    from healthwork.clean import clean_article

    page = "\n\n".join([
        "Home\nNews",
        "Firms take up free health checks",
        "By Ann Example",
        "14 March 2025",
        "Employers in Eastwick Vale have booked more than 300 free occupational health assessments since the offer "
        "opened in January.",
        "Advertisement",
        "How the offer works",
        "Officials said demand had been strongest among care providers and small manufacturers in the town.",
        "Care providers have made the most use of the offer, which officials put down to high rates of injury among "
        "care workers.",
        "The council published the take-up so far by sector:",
        "Sector\tFirms\tAssessments\nRetail\t12\t40\nManufacturing\t9\t31\nCare\t20\t95",
        "More from Health\nHospital parking charges to rise next year\n3 days ago",
        "About us\nContact",
    ])
    assert clean_article(page).body.split("\n") == [
        "Employers in Eastwick Vale have booked more than 300 free occupational health assessments since the offer "
        "opened in January.",
        "How the offer works",
        "Officials said demand had been strongest among care providers and small manufacturers in the town.",
        "Care providers have made the most use of the offer, which officials put down to high rates of injury among "
        "care workers.",
        "The council published the take-up so far by sector:",
        "Sector\tFirms\tAssessments",
        "Retail\t12\t40",
        "Manufacturing\t9\t31",
        "Care\t20\t95",
    ]


def test_money7_local_story_with_a_replaced_scheme_a_quote_and_the_councils_own_money() -> None:
    # money7: a regional paper's story naming its programme once, the scheme it replaced, a restated
    # sum in a quote, money the council adds of its own, a far larger national figure and a ratio
    body = ("Around 3,000 people in Wessex will get help to find work after the county secured £11.5m.\n"
            "The money will pay for Connect to Work, which replaces the Work and Health Programme, over the "
            "next five years.\n"
            "The scheme will also receive one hundred and fifty thousand pounds from local employers.\n"
            "The county council is adding £80,000 of its own to pay for a careers fair.\n"
            'Council leader Ann Hale said: "This £11.5m will change lives."\n'
            "Nationally, the NHS will receive an extra £22bn over two years.\n"
            "Supporters say every £1 invested returns £3.\n")
    assert funding(body) == [
        (11_500_000.0, "GBP", "exact", None, "Connect to Work", "funding"),
        (150_000.0, "GBP", "exact", None, "Connect to Work", "funding"),
        (80_000.0, "GBP", "exact", None, None, "funding"),
        (11_500_000.0, "GBP", "exact", None, "Connect to Work", "funding"),
        (22_000_000_000.0, "GBP", "exact", 2.0, None, "funding"),
        (1.0, "GBP", "exact", None, None, "other"),
        (3.0, "GBP", "exact", None, None, "other"),
    ]


def test_read_lines_takes_bullets_off_as_the_list_marker_pattern_does() -> None:
    """read_lines strips a bullet without running LIST_MARK (half the lines of a saved page are bullets): every bullet
    character must be one LIST_MARK takes with the whitespace after it, else the two would disagree."""
    from healthwork.clean.patterns import LIST_MARK, LIST_MARK_CHARS, PLAIN_BULLET_CHARS
    from healthwork.clean.span import read_lines

    for bullet in PLAIN_BULLET_CHARS:
        for gap in (" ", "\u00a0 ", "\t", ""):
            text = f"{bullet}{gap}Apply for the Jobs Fund"
            marker = LIST_MARK.match(text)
            assert marker is not None and text[marker.end():] == "Apply for the Jobs Fund", (bullet, gap)
            (line,), _ = read_lines(text)
            assert (line.content, line.is_list, line.text) == ("Apply for the Jobs Fund", True, text)
    # arrows, ticks and emoji are bullets only before whitespace (perhaps after a variation selector): the pattern
    # decides, and read_lines agrees with it
    for bullet in LIST_MARK_CHARS - PLAIN_BULLET_CHARS:
        for selector, gap, is_list in (("", " ", True), ("\ufe0f", " ", True), ("", "", False)):
            text = f"{bullet}{selector}{gap}Apply for the Jobs Fund"
            (line,), _ = read_lines(text)
            assert (line.content == "Apply for the Jobs Fund", line.is_list) == (is_list, is_list), (bullet, gap)
            assert bool(LIST_MARK.match(text)) is is_list
    (alone,), _ = read_lines("  •  ")  # a bullet with nothing after it is not a list item
    assert (alone.content, alone.is_list) == ("•", False)
    lines, _ = read_lines("\n\n3) Book a health check\n\nPlain line")
    assert [(line.line_no, line.content, line.is_list) for line in lines] == [
        (3, "Book a health check", True), (5, "Plain line", False)]


def test_sub_icb_areas_are_places_with_their_e38_code_but_lists_and_nhs_names_are_not() -> None:
    """A sub-ICB location's own name is a place with its ONS E38 code; a name the tables already know keeps its row
    (Sheffield is the district); "Fylde and Wyre" stays two districts; "NHS Vale of York" is an organisation's name."""
    from healthwork.extract import extract_entities
    body = ("Surgeries across the Vale of York and in Bradford District and Craven will host the new work coaches, "
            "while councils in Fylde and Wyre and in Sheffield have their own plans. NHS Herts Valleys said it would "
            "follow. The scheme also covers east Lancashire.")
    rows = [(p["name"], p["ons_code"], p["place_type"]) for p in extract_entities(body)["place_mentions"]]
    assert rows == [("Vale of York", "E38000188", "sub_icb"), ("Bradford District and Craven", "E38000232", "sub_icb"),
                    ("Fylde", "E07000119", "local_authority"), ("Wyre", "E07000128", "local_authority"),
                    ("Sheffield", "E08000019", "local_authority"), ("Lancashire", "E10000017", "local_authority")]
