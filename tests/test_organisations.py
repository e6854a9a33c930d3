"""organisations.extract: canonical names, acronyms resolved, generic names left out."""
from __future__ import annotations

import json

from healthwork.extract import Row, extract_entities

from tests.conftest import SEED_GOLD as GOLD  # noqa: E402  (the seeds' gold, copied into tests/fixtures)


def org_rows(body: str) -> list[Row]:
    """organisations.extract as the pipeline calls it: with the body's programme rows."""
    return extract_entities(body)["organisation_mentions"]


def orgs(body: str) -> set[str]:
    return {r["name"] for r in org_rows(body)}


def test_acronyms_resolve_to_full_names() -> None:
    body = "The DWP and DHSC will work with the ONS, while the OBR assesses the effects."
    assert orgs(body) == {
        "Department for Work and Pensions",
        "Department of Health and Social Care",
        "Office for National Statistics",
        "Office for Budget Responsibility",
    }
    row = next(r for r in org_rows(body) if r["text"] == "DWP")
    assert row["acronym"] == "DWP"


def test_nhs_trusts_and_alliance_split() -> None:
    body = (
        "Clinics were set up at the Northern Care Alliance and Manchester University NHS Foundation Trust, at "
        "Warrington & Halton Hospitals NHS Foundation Trust and at Tees, Esk and Wear Valleys NHS Foundation Trust. "
        "At East Lancashire Hospitals NHS Trust, scans were faster."
    )
    assert orgs(body) == {
        "Northern Care Alliance",
        "Manchester University NHS Foundation Trust",
        "Warrington & Halton Hospitals NHS Foundation Trust",
        "Tees, Esk and Wear Valleys NHS Foundation Trust",
        "East Lancashire Hospitals NHS Trust",
    }


def test_generic_and_excluded_names() -> None:
    body = (
        "The government said the NHS and the integrated care board would help; every ICB agreed. "
        "Government figures put the UK highest in the G7. The Trust said the Council would decide. "
        "Patients were booked at the Trafford Elective Surgery Hub."
    )
    assert orgs(body) == set()


def test_acronym_defined_in_text() -> None:
    body = "Care Forum Wales (CFW) represents providers. CFW chair Mario Kreft said costs had risen."
    rows = org_rows(body)
    assert {r["name"] for r in rows} == {"Care Forum Wales"}
    assert [r["text"] for r in rows] == ["Care Forum Wales", "CFW"]
    assert all(r["acronym"] == "CFW" for r in rows)


def test_prefix_patterns_departments_colleges() -> None:
    body = (
        "The Royal College of Occupational Therapists and the Institute for Employment Studies responded, as did "
        "the Department for Business and Trade and the University of Sheffield."
    )
    assert orgs(body) == {
        "Royal College of Occupational Therapists",
        "Institute for Employment Studies",
        "Department for Business and Trade",
        "University of Sheffield",
    }


def test_newspapers_and_trade_press() -> None:
    body = "Stride told The Times, and later the Times again, while Personnel Today and the Financial Times reported it."
    assert orgs(body) == {"The Times", "Personnel Today", "Financial Times"}


def test_council_and_combined_authority() -> None:
    body = (
        "Leeds City Council and Durham County Council joined the South Yorkshire Mayoral Combined Authority "
        "and Tees Valley Combined Authority in the bid."
    )
    assert orgs(body) == {
        "Leeds City Council",
        "Durham County Council",
        "South Yorkshire Mayoral Combined Authority",
        "Tees Valley Combined Authority",
    }


def test_icb_names_canonical() -> None:
    body = (
        "NHS North East and North Cumbria Integrated Care Board leads the pilot with South Yorkshire ICB "
        "and NHS Greater Manchester ICB."
    )
    assert orgs(body) == {
        "NHS North East and North Cumbria Integrated Care Board",
        "NHS South Yorkshire Integrated Care Board",
        "NHS Greater Manchester Integrated Care Board",
    }


def test_role_at_company_and_chief_executive_of() -> None:
    body = (
        "Brett Hill, head of health and protection at Broadstone, said so. Jane Doe, chief economist at "
        "Capital Economics, agreed, as did the chief executive of Leeds Teaching Hospitals NHS Trust."
    )
    assert orgs(body) == {"Broadstone", "Capital Economics", "Leeds Teaching Hospitals NHS Trust"}


def test_gov_uk_bodies_and_charities() -> None:
    body = (
        "Jobcentre Plus work coaches, the Health and Safety Executive, Citizens Advice, the King’s Fund and "
        "NHS England will take part, the Chartered Institute of Personnel and Development (CIPD) said."
    )
    assert orgs(body) == {
        "Jobcentre Plus",
        "Health and Safety Executive",
        "Citizens Advice",
        "The King's Fund",
        "NHS England",
        "Chartered Institute of Personnel and Development",
    }


def test_nbsp_inside_names() -> None:
    body = "Matthew Taylor, chief executive of the\u00a0NHS\u00a0Confederation, spoke."
    rows = org_rows(body)
    assert [r["name"] for r in rows] == ["NHS Confederation"]
    assert rows[0]["text"] == "NHS\u00a0Confederation"


def test_spans_match_text() -> None:
    for p in sorted(GOLD.glob("*.json")):
        body = "\n".join(json.loads(p.read_text(encoding="utf-8"))["body"])
        for r in org_rows(body):
            assert body[r["span_start"] : r["span_end"]] == r["text"]


def test_seed_gold_organisations() -> None:
    for p in sorted(GOLD.glob("*.json")):
        gold = json.loads(p.read_text(encoding="utf-8"))
        body = "\n".join(gold["body"])
        assert orgs(body) == set(gold["organisations"]), p.name
    body = "\n".join(json.loads(next(GOLD.glob("000_*.json")).read_text(encoding="utf-8"))["body"])
    dhsc = [r for r in org_rows(body) if r["text"] == "DHSC"]
    assert dhsc and all(r["name"] == "Department of Health and Social Care" for r in dhsc)


def test_alias_inside_another_bodys_name_is_not_the_uk_body() -> None:
    body = ("Julie Graham, Washington State Department of Health public information officer, spoke.\n"
            "Long-dated U.S. Treasury yields slipped.")
    assert orgs(body) == set()
    body = "The Treasury said the Department of Health would publish figures. UK Treasury data agreed."
    assert orgs(body) == {"HM Treasury", "Department of Health and Social Care"}
    body = "It was cleared by Smith. Treasury officials agreed."
    assert orgs(body) == {"HM Treasury"}


def test_role_words_joined_by_and_are_not_part_of_the_name() -> None:
    body = "“We are ready,” said Michael Sims, CEO and Founder of Ceres Robotics Inc."
    assert orgs(body) == {"Ceres Robotics Inc"}


def test_council_and_trust_press_release_names() -> None:
    body = ("Leeds City Council has been awarded £2.4m from the Department for Work and Pensions.\n"
            "Dr Helen Carter, chief medical officer at Sheffield Teaching Hospitals NHS Foundation Trust, said "
            "the service was funded by NHS England.\n"
            "Cllr Mohammed Rafiq, leader of Bradford Council, welcomed it.")
    assert orgs(body) == {"Leeds City Council", "Department for Work and Pensions",
                          "Sheffield Teaching Hospitals NHS Foundation Trust", "NHS England", "Bradford Council"}


def test_governments_councils_and_icbs_by_official_name() -> None:
    body = ("The UK Government gave the Welsh Government £10m. Salford City Council, Knowsley Metropolitan Borough "
            "Council and NHS Lancashire and South Cumbria ICB will work with the House of Commons committee, "
            "while the government and the NHS said little.")
    assert orgs(body) == {"UK Government", "Welsh Government", "Salford City Council", "Knowsley Council",
                          "NHS Lancashire and South Cumbria Integrated Care Board", "House of Commons"}


def test_a_programme_named_like_a_fund_is_not_an_organisation() -> None:
    body = "The Shared Prosperity Fund will pay for Communities for Work Plus, the Welsh Government said."
    ents = extract_entities(body)
    assert {r["name"] for r in ents["organisation_mentions"]} == {"Welsh Government"}
    assert {r["programme"] for r in ents["programme_mentions"]} == {"UK Shared Prosperity Fund",
                                                                   "Communities for Work Plus"}


def test_a_place_joined_to_a_council_by_and_is_not_part_of_its_name() -> None:
    body = "Ministers visited Preston and Lancashire County Council staff."
    ents = extract_entities(body)
    assert {r["name"] for r in ents["organisation_mentions"]} == {"Lancashire County Council"}
    assert [(r["name"], r["ons_code"]) for r in ents["place_mentions"]] == [("Preston", "E07000123")]


def test_joined_names_national_branches_and_place_led_schools() -> None:
    body = ("Staff from the University of Leeds and Sheffield Hallam University joined Citizens Advice Scotland, "
            "the London School of Economics and the Royal College of GPs.")
    assert orgs(body) == {"University of Leeds", "Sheffield Hallam University", "Citizens Advice Scotland",
                          "London School of Economics and Political Science", "Royal College of General Practitioners"}


def test_news_outlets_named_as_a_source() -> None:
    body = ("The minister told the Mirror the plan would work, and a spokesperson told the Manchester Evening News "
            "more clinics would open. Speaking to LBC, she added that PA Media had the figures.")
    assert orgs(body) == {"Daily Mirror", "Manchester Evening News", "LBC", "PA Media"}


def test_a_multi_word_place_before_a_head_of_name_belongs_to_the_name() -> None:
    body = ("The North East Chamber of Commerce and the Greater Manchester Chamber of Commerce backed the "
            "plan, as did the London School of Economics.")
    assert orgs(body) == {"North East Chamber of Commerce", "Greater Manchester Chamber of Commerce",
                          "London School of Economics and Political Science"}
    assert extract_entities(body)["place_mentions"] == []


def test_health_boards_of_scotland_wales_and_northern_ireland() -> None:
    body = ("Staff at NHS Greater Glasgow and Clyde, NHS Lothian and Hywel Dda Health Board met colleagues "
            "from the Belfast Trust and Betsi Cadwaladr University Health Board (BCUHB). BCUHB said it would help.")
    rows = org_rows(body)
    assert [r["name"] for r in rows] == [
        "NHS Greater Glasgow and Clyde", "NHS Lothian", "Hywel Dda University Health Board",
        "Belfast Health and Social Care Trust", "Betsi Cadwaladr University Health Board",
        "Betsi Cadwaladr University Health Board", "Betsi Cadwaladr University Health Board"]
    assert extract_entities(body)["place_mentions"] == []  # "Lothian" inside "NHS Lothian" is not a place


def test_think_tanks_unions_and_providers_from_the_list() -> None:
    body = ("The Institute for Government, Centre for Cities and the Behavioural Insights Team published work; "
            "Unite said the AELP and the REC were right, while Atos declined to comment.")
    assert orgs(body) == {"Institute for Government", "Centre for Cities", "Behavioural Insights Team",
                          "Unite the Union", "Association of Employment and Learning Providers",
                          "Recruitment and Employment Confederation", "Atos"}


def test_two_employers_after_a_role_and_a_possessive_name() -> None:
    body = ("Priya Shah, a researcher at Northfield Analytics and Harvard, spoke; John Roe, director at Marks "
            "and Spencer, agreed. The Department for Work and Pensions’ own figures were cited.")
    assert orgs(body) == {"Northfield Analytics", "Harvard", "Marks & Spencer", "Department for Work and Pensions"}


def test_where_a_body_is_is_not_part_of_its_name() -> None:
    assert orgs("Staff at the University of Leeds in Yorkshire and the Institute for Fiscal Studies in London.") \
        == {"University of Leeds", "Institute for Fiscal Studies"}


def test_a_fund_is_money_unless_the_list_knows_the_body() -> None:
    body = ("The Household Support Fund and the Local Skills Fund were extended; the IMF, the King's Fund and "
            "the National Lottery Community Fund welcomed it.")
    assert orgs(body) == {"International Monetary Fund", "The King's Fund", "The National Lottery Community Fund"}


def test_a_name_described_as_a_kind_of_body() -> None:
    body = ("Disability charity Scope and the think tank Onward criticised it. Northwind Works, the social "
            "enterprise that trains young people, and Inspira, a careers charity, will deliver it.")
    assert orgs(body) == {"Scope", "Onward", "Northwind Works", "Inspira"}


def test_people_and_roles_described_near_a_kind_of_body_are_not_organisations() -> None:
    body = ("Jane Smith, a charity worker, and John Roe, the company's chief, spoke. The charity Chief "
            "Executive Ann Lee said the union would help.")
    assert orgs(body) == set()


def test_a_news_outlet_named_as_a_source() -> None:
    body = ("She told the Lancashire Telegraph the plan would help; speaking to STV News, he agreed. "
            "He told MPs and colleagues the same.")
    assert orgs(body) == {"Lancashire Telegraph", "STV News"}
    assert extract_entities(body)["place_mentions"] == []  # "Lancashire" inside the outlet's name


def test_council_committees_and_things_named_after_a_body_are_not_organisations() -> None:
    body = ("The Planning Committee and the Scrutiny Committee met; the Employment and Skills Partnership Board "
            "reported to the Public Accounts Committee.")
    assert orgs(body) == {"Public Accounts Committee"}


def test_groups_named_by_what_they_do_are_not_organisations() -> None:
    body = ("A Focus Group and the Peer Support Group met the Patients Association; Lloyds Banking Group and "
            "the Expert Advisory Group agreed.")
    assert orgs(body) == {"The Patients Association", "Lloyds Banking Group"}


def test_a_capitalised_jobcentre_is_jobcentre_plus_but_lowercase_jobcentres_are_generic() -> None:
    # a Jobcentre named as such is an office of Jobcentre Plus (its full name); "jobcentres" is generic
    assert [r["name"] for r in org_rows("She was sent to the Jobcentre, then to a JobCentre Plus adviser.")] == [
        "Jobcentre Plus", "Jobcentre Plus"]
    assert org_rows("Ministers promised modernised jobcentres and a new job centre in every town.") == []


def test_a_body_named_after_an_opening_role_phrase() -> None:
    # "As lead provider, Brightpath will ...": a one-word name that is not a person does what a body does
    body = ("As service co-ordinator, Northwold will get the programme ready for launch. As chair, Ann Moss "
            "will oversee it; as lead provider, Brightpath Works will hire 20 coaches.")
    assert orgs(body) == {"Northwold", "Brightpath Works"}
    # a person named by surname after the role is not a body
    assert orgs("Jane Pike leads the board. As chair, Pike will set its budget.") == set()


def _org_names(body: str) -> list[str]:
    from healthwork.extract import organisations
    return [r["name"] for r in organisations.extract(body, programme_mentions=[])]


def test_a_company_named_without_its_legal_form_later_keeps_its_full_name() -> None:
    body = ("Claims fell, according to the Harbour Analytics Group, a research firm. Tom Reed, a partner at "
            "Harbour Analytics, said the trend would last.")
    assert _org_names(body) == ["Harbour Analytics Group", "Harbour Analytics Group"]


def test_words_between_the_and_a_headed_name_belong_to_the_name() -> None:
    assert _org_names("She studied at the Halden Academy of Music before joining the Brightwater "
                      "Institute for Fiscal Research.") == [
        "Halden Academy of Music", "Brightwater Institute for Fiscal Research"]
    # a sentence opener or a role word is not part of the name
    assert _org_names("The Department for Education agreed with the Chief Executive of the Office for "
                      "Students.") == ["Department for Education", "Office for Students"]


def test_a_council_is_named_by_the_short_council_name_the_article_writes() -> None:
    # gold: the name the council uses and the article writes, not the table's longer legal form
    assert _org_names("Blackpool Council and Cardiff Council signed up.") == ["Blackpool Council", "Cardiff Council"]
    # the table's own name written anywhere in the article names every mention
    assert _org_names("Blackpool Council said so. Blackpool Borough Council later agreed.") == [
        "Blackpool Borough Council", "Blackpool Borough Council"]


def test_a_known_name_joined_to_a_generic_name_by_and_is_two_organisations() -> None:
    assert _org_names("Ingeus and Harbourside Skills Partnership won the contracts.") == [
        "Ingeus", "Harbourside Skills Partnership"]


def test_police_forces_are_organisations_but_not_a_police_and_crime_commissioner() -> None:
    from healthwork.extract import extract_entities
    def orgs(body: str) -> list[str]:
        return [r["name"] for r in extract_entities(body)["organisation_mentions"]]
    assert orgs("Durham Constabulary and Merseyside Police joined the Met Police and the PSNI.") == [
        "Durham Constabulary", "Merseyside Police", "Metropolitan Police Service", "Police Service of Northern Ireland"]
    assert orgs("Police said a man was arrested. The Lancashire Police and Crime Commissioner spoke.") == []


def test_a_local_healthwatch_citizens_advice_or_age_uk_is_its_own_organisation() -> None:
    from healthwork.extract import extract_entities
    def orgs(body: str) -> list[str]:
        return [r["name"] for r in extract_entities(body)["organisation_mentions"]]
    assert orgs("Healthwatch Kirklees and Calderdale and Citizens Advice Wakefield backed it; Age UK Bradford and "
                "District and Age UK Lancashire's staff agreed.") == [
        "Healthwatch Kirklees and Calderdale", "Citizens Advice Wakefield", "Age UK Bradford and District",
        "Age UK Lancashire"]
    assert orgs("Citizens Advice said, and Healthwatch England agreed, with Age UK Fundraising.") == [
        "Citizens Advice", "Healthwatch England", "Age UK"]
    # '& District' is two characters shorter than 'and District': the name ends where the words do
    assert orgs("Age UK Bradford & District said it would help.") == ["Age UK Bradford & District"]


def test_a_one_word_charity_name_inside_a_title_is_not_the_charity() -> None:
    from healthwork.extract import extract_entities
    def orgs(body: str) -> list[str]:
        return [r["name"] for r in extract_entities(body)["organisation_mentions"]]
    assert orgs("Volunteers took a test called “Reading the Mind in the Eyes”, which scores how people read faces.") == []
    assert orgs("Work by Mind and Scope helped, and the charity Mind said so.") == ["Mind", "Scope", "Mind"]
    assert orgs("Extra Support From Mind For Leeds Workers") == ["Mind"]  # a heading in title case names it
    assert orgs("Officers from the Puerto Rico Police Department attended.") == ["Puerto Rico Police Department"]


def test_a_compound_adjective_is_not_part_of_an_organisation_name() -> None:
    """"Cornwall-based Inspira and Devon-based Shaw Trust": the name is "Shaw Trust"; the places stay places."""
    rows = extract_entities("Cornwall-based Inspira and Devon-based Shaw Trust will deliver it.")
    assert [r["name"] for r in rows["organisation_mentions"]] == ["Shaw Trust"]
    assert [r["name"] for r in rows["place_mentions"]] == ["Cornwall", "Devon"]


def test_a_compound_adjective_after_run_by_is_not_an_organisation() -> None:
    rows = extract_entities("The scheme is run by the Leeds-based charity Example Works.")
    assert [r["name"] for r in rows["organisation_mentions"]] == ["Example Works"]
    assert [r["name"] for r in rows["place_mentions"]] == ["Leeds"]


def test_a_co_operative_keeps_its_name() -> None:
    """"Co-op" and "Co-operative" are words of names, not compound adjectives ("Leeds-based")."""
    rows = extract_entities("The Co-op Foundation and the Midcounties Co-operative agreed.")
    assert [r["name"] for r in rows["organisation_mentions"]] == ["Co-op Foundation", "Midcounties Co-operative"]


def test_a_name_ending_in_uk_or_group_ends_before_and() -> None:
    rows = extract_entities("Maximus UK and Reed in Partnership will deliver it; the Example Group and Acme Training Partnership bid.")
    assert [r["name"] for r in rows["organisation_mentions"]] == [
        "Maximus UK", "Reed in Partnership", "Example Group", "Acme Training Partnership"]
