"""places.extract: UK places with ONS codes; places inside other names are not mentions."""
from __future__ import annotations

import json
import re

from healthwork.extract import Row, extract_entities
from healthwork.reference import load_csv

from tests.conftest import SEED_GOLD as GOLD  # noqa: E402  (the seeds' gold, copied into tests/fixtures)


def place_rows(body: str) -> list[Row]:
    """places.extract as the pipeline calls it: with the body's organisation and person rows."""
    return extract_entities(body)["place_mentions"]


def got(body: str) -> dict[str, str | None]:
    return {r["name"]: r["ons_code"] for r in place_rows(body)}


def test_nations_and_regions() -> None:
    body = "Services in England, Wales, Scotland and Northern Ireland differ; the North East and London lead."
    assert got(body) == {
        "England": "E92000001",
        "Wales": "W92000004",
        "Scotland": "S92000003",
        "Northern Ireland": "N92000002",
        "North East": "E12000001",
        "London": "E12000007",
    }


def test_uk_and_britain_are_not_places() -> None:
    assert got("Young people in the UK and across Britain and Great Britain, the G7's sickest.") == {}


def test_icb_area_alias_and_combined_authorities() -> None:
    body = (
        "Accelerators will be created in South Yorkshire, the North East and North Cumbria, and West Yorkshire. "
        "A pilot helped people in County Durham and the Tees Valley."
    )
    rows = {r["name"]: r for r in place_rows(body)}
    assert set(rows) == {"South Yorkshire", "North East and North Cumbria", "West Yorkshire", "County Durham", "Tees Valley"}
    assert rows["South Yorkshire"]["ons_code"] == "E47000002"
    assert rows["South Yorkshire"]["place_type"] == "combined_authority"
    assert rows["North East and North Cumbria"]["ons_code"] == "E54000050"
    assert rows["North East and North Cumbria"]["place_type"] == "icb"
    assert rows["County Durham"]["ons_code"] == "E06000047"
    assert rows["Tees Valley"]["ons_code"] == "E47000006"


def test_places_inside_organisation_names_are_skipped() -> None:
    body = (
        "NHS England, Manchester University NHS Foundation Trust, Warrington & Halton Hospitals NHS Foundation "
        "Trust, East Lancashire Hospitals NHS Trust, Care Forum Wales, Leeds City Council and the Trafford "
        "Elective Surgery Hub all took part."
    )
    assert got(body) == {}


def test_full_icb_and_combined_authority_names_are_organisations_not_places() -> None:
    body = ("NHS South Yorkshire Integrated Care Board, Greater Manchester ICB and the Liverpool City Region "
            "Combined Authority signed up.")
    assert got(body) == {}
    orgs = {r["name"] for r in extract_entities(body)["organisation_mentions"]}
    assert orgs == {"NHS South Yorkshire Integrated Care Board", "NHS Greater Manchester Integrated Care Board",
                    "Liverpool City Region Combined Authority"}


def test_icb_area_written_on_its_own_is_the_icb() -> None:
    rows = {r["name"]: r for r in place_rows("Clinics across Lancashire and South Cumbria will open.")}
    assert rows["Lancashire and South Cumbria"]["ons_code"] == "E54000048"
    assert rows["Lancashire and South Cumbria"]["place_type"] == "icb"


def test_local_authorities_council_news() -> None:
    body = "Residents of Leeds, Birmingham, Trafford, Manchester and Newcastle can refer themselves."
    assert got(body) == {
        "Leeds": "E08000035",
        "Birmingham": "E08000025",
        "Trafford": "E08000009",
        "Manchester": "E08000003",
        "Newcastle": "E08000021",  # as written (guidelines), with the code of Newcastle upon Tyne
    }


def test_short_forms_keep_the_name_as_written_and_spelling_variants_the_reference_name() -> None:
    body = ("Jobcentres in Hull, Anglesey and Merthyr will join, with clinics across the North-East, "
            "Yorkshire & the Humber and Hampshire and the Isle of Wight.")
    assert got(body) == {
        "Hull": "E06000010",
        "Anglesey": "W06000001",
        "Merthyr": "W06000024",
        "North East": "E12000001",
        "Yorkshire and The Humber": "E12000003",
        "Hampshire and the Isle of Wight": "E54000042",
    }


def test_case_sensitive_directions_are_not_regions() -> None:
    assert got("The clinic is north east of the town centre and south west of the river.") == {}


def test_people_named_like_places() -> None:
    assert got("Labour MP Jane Kent and Alison McGovern met in New York.") == {}


def test_unknown_code_is_none() -> None:
    rows = place_rows("Support workers in Teesside and Merseyside will help.")
    assert {r["name"] for r in rows} == {"Teesside", "Merseyside"}
    assert all(r["ons_code"] is None for r in rows)


def test_reference_table_codes_are_well_formed() -> None:
    rows = load_csv("places")
    icbs = [r for r in rows if r["place_type"] == "icb"]
    assert len(icbs) == 42
    assert len({r["ons_code"] for r in icbs}) == 42
    assert all(re.fullmatch(r"E54\d{6}", r["ons_code"]) for r in icbs)
    regions = {r["name"]: r["ons_code"] for r in rows if r["place_type"] == "region"}
    assert sorted(regions.values()) == [f"E1200000{i}" for i in range(1, 10)]
    for r in rows:
        assert r["place_type"] in {"country", "region", "icb", "combined_authority", "local_authority", "other"}
        assert not r["ons_code"] or re.fullmatch(r"[EWSN]\d{8}", r["ons_code"])


def test_spans_match_text() -> None:
    for p in sorted(GOLD.glob("*.json")):
        body = "\n".join(json.loads(p.read_text(encoding="utf-8"))["body"])
        for r in place_rows(body):
            assert body[r["span_start"] : r["span_end"]] == r["text"]


def test_seed_gold_places() -> None:
    for p in sorted(GOLD.glob("*.json")):
        gold = json.loads(p.read_text(encoding="utf-8"))
        body = "\n".join(gold["body"])
        assert set(got(body)) == set(gold["places"]), p.name
    body = "\n".join(json.loads(next(GOLD.glob("001_*.json")).read_text(encoding="utf-8"))["body"])
    assert got(body)["South Yorkshire"] == "E47000002"
    assert got(body)["England"] == "E92000001"


def test_place_before_a_persons_name_is_a_place() -> None:
    body = "Mayor of Greater Manchester Andy Burnham said the Trafford Elective Surgery Hub would open."
    assert [r["name"] for r in place_rows(body)] == ["Greater Manchester"]


def test_constituency_after_a_members_title_is_a_place() -> None:
    body = ("Priya Shah, the Labour MP for Leeds East, spoke. The MSP for Glasgow Kelvin agreed, and "
            "MP for Ashton-under-Lyne Tom Rourke said the MP for Manchester was right. "
            "The Cabinet Member for Inclusive Growth and Culture replied.")
    assert got(body) == {"Leeds East": None, "Glasgow Kelvin": None, "Ashton-under-Lyne": None,
                         "Manchester": "E08000003"}


def test_complete_local_authority_list_with_codes() -> None:
    body = ("Clinics open in Inverclyde, Halton, Telford and Wrekin, Belfast, Ceredigion and the Scottish Borders; "
            "Kent and Lancashire county councils and Brighton will follow.")
    assert got(body) == {"Inverclyde": "S12000018", "Halton": "E06000006", "Telford and Wrekin": "E06000020",
                         "Belfast": "N09000003", "Ceredigion": "W06000008", "Scottish Borders": "S12000026",
                         "Kent": "E10000016", "Lancashire": "E10000017", "Brighton": None}


def test_ambiguous_names_need_more_than_a_sentence_start() -> None:
    body = ("Reading the report, ministers agreed. Jobs in Reading and Bury will grow.\n"
            "Sam Preston, a coach, said Preston would be next. Services in Preston open soon.")
    rows = place_rows(body)
    assert [(r["name"], r["text"]) for r in rows] == [("Reading", "Reading"), ("Bury", "Bury")]


def test_council_names_mask_the_place_but_a_place_on_its_own_counts() -> None:
    body = "Lancashire County Council and Newham Council will fund it; families across Lancashire benefit."
    rows = place_rows(body)
    assert [(r["name"], r["span_start"]) for r in rows] == [("Lancashire", body.rindex("Lancashire"))]


def test_masks_come_from_the_rows_passed_in() -> None:
    """places.extract reads the person rows it is given (no hidden call to the other extractors): with
    none, a surname that is also a town is a place; with the body's person rows, it is the person."""
    from healthwork.extract import places

    body = "Sam Preston spoke first. The plan, said Preston, works."
    assert [r["name"] for r in places.extract(body, organisation_mentions=[], person_mentions=[], programme_mentions=[])] == ["Preston"]
    ents = extract_entities(body)
    assert places.extract(body, organisation_mentions=ents["organisation_mentions"],
                          person_mentions=ents["person_mentions"], programme_mentions=[]) == []


def test_compass_part_of_a_place_is_the_place_as_written() -> None:
    body = ("Jobs in West Cumbria and Inner London will grow. NHS West Yorkshire and the Northern Care Alliance "
            "agreed, as did the Royal North Devon Hospital.")
    assert got(body) == {"West Cumbria": None, "Inner London": None}


def test_places_inside_programme_names_and_after_an_opening_participle() -> None:
    body = ("Working Denbighshire and Fair Start Scotland help people. Visiting Leeds, the minister spoke. "
            "Throughout Wales, clinics open.")
    assert got(body) == {"Leeds": "E08000035", "Wales": "W92000004"}


def test_constituency_before_mp_and_the_members_name() -> None:
    body = ("Leeds East MP Priya Shah spoke. Labour MP Jane Smith agreed. Makerfield MP Tom Rourke and Hartlepool "
            "MP Ann Bell too. The Wakefield and Rothwell MP Sam Lee said so, as did the MP for Manchester Central, "
            "Lucy Ward.")
    assert got(body) == {"Leeds East": None, "Makerfield": None, "Hartlepool": "E06000001",
                         "Wakefield and Rothwell": None, "Manchester Central": None}


def test_towns_neighbourhoods_and_informal_areas_named_as_written() -> None:
    body = ("Jobseekers in Wythenshawe, Moss Side and Govan, and families in Sutton-in-Ashfield, will be offered "
            "help. The Leeds City Region and the North of England lag behind Central London.")
    rows = place_rows(body)
    assert [(r["name"], r["ons_code"], r["place_type"]) for r in rows] == [
        ("Wythenshawe", None, "other"), ("Moss Side", None, "other"), ("Govan", None, "other"),
        ("Sutton-in-Ashfield", None, "other"), ("Leeds City Region", None, "other"),
        ("North of England", None, "other"), ("Central London", None, "other")]


def test_a_town_that_opens_a_sentence_needs_context() -> None:
    # added towns are marked ambiguous: not a place when they open a sentence
    assert got("Kirkby residents were asked. Support in Kirkby is growing.") == {"Kirkby": None}


def test_curly_apostrophes_full_stops_and_ampersands_in_place_names() -> None:
    body = "Jobs in King’s Lynn and Bishop’s Stortford, plus St. Helens and Tyne & Wear, were lost."
    assert [r["name"] for r in place_rows(body)] == ["King's Lynn", "Bishop's Stortford", "St Helens", "Tyne and Wear"]


def test_english_regions_written_in_lower_case() -> None:
    body = "Inactivity is highest in the north-east and the south west of England, and lower in the south-east."
    assert [(r["name"], r["ons_code"]) for r in place_rows(body)] == [
        ("North East", "E12000001"), ("South West", "E12000009"), ("South East", "E12000008")]
    # a direction inside a place is not a region
    assert place_rows("The clinic is in the north-east of the city, in the south-west corner of the site.") == []


def test_a_place_before_nhs_or_gp_and_after_an_opening_adjective() -> None:
    body = "Many Sheffield NHS staff and Leeds GP practices joined. Rural Cornwall has few jobs."
    assert [r["name"] for r in place_rows(body)] == ["Sheffield", "Leeds", "Cornwall"]
    assert place_rows("Barnsley NHS Foundation Trust said so.") == []


def test_places_in_wide_and_pan_compounds() -> None:
    body = "A Greater Manchester-wide scheme, a pan-London programme and an all-Wales service started."
    assert [r["name"] for r in place_rows(body)] == ["Greater Manchester", "London", "Wales"]
    assert [r["name"] for r in place_rows("Newcastle-under-Lyme and Stoke-on-Trent")] == [
        "Newcastle-under-Lyme", "Stoke-on-Trent"]


def test_a_place_before_a_programme_name_is_a_mention() -> None:
    body = "The Black Country WorkWell service and the South Yorkshire Connect to Work scheme both grew."
    assert [r["name"] for r in place_rows(body)] == ["Black Country", "South Yorkshire"]
    # a place inside the programme's own name is not: "Fair Start Scotland"
    assert place_rows("Fair Start Scotland closed last year.") == []


def test_a_place_the_table_lacks_named_as_a_town_or_village() -> None:
    body = "Shops in Wexcombe town centre, the market town of Brackenford and the village of Lower Marsh reopened."
    assert [(r["name"], r["ons_code"]) for r in place_rows(body)] == [
        ("Wexcombe", None), ("Brackenford", None), ("Lower Marsh", None)]
    assert place_rows("The Town of Culture award went to a project.") == []


def test_a_ward_the_table_lacks_is_a_place() -> None:
    body = "Cllr Priya Shah, a Labour ward councillor, said the Ancoats ward and Wexcombe ward would benefit."
    assert [r["name"] for r in place_rows(body)] == ["Ancoats", "Wexcombe"]


def test_an_indefinite_area_or_district_is_not_a_named_place() -> None:
    # "a Trump district", "a Labour ward": a kind of district, not one named; "the Shildon area" is named
    body = "Voters in a Trump district and a Labour ward were asked, as were families in the Brackley area."
    assert [(r["name"], r["ons_code"]) for r in place_rows(body)] == [("Brackley", None)]


def test_a_large_us_city_named_as_an_area_is_not_a_uk_place() -> None:
    body = "A similar scheme in the Houston area was studied, and one in the Dallas area, before the Shildon area pilot."
    assert [r["name"] for r in place_rows(body)] == ["Shildon"]


def test_barrow_is_the_usual_short_form_of_barrow_in_furness() -> None:
    assert [(r["name"], r["ons_code"]) for r in place_rows("Jobs in Barrow and Workington were lost.")] == [
        ("Barrow", None), ("Workington", None)]
    assert place_rows("Barrow said the town needed help.") == []  # also a surname: not when it opens a sentence


def test_towns_of_the_geonames_list_are_places_with_their_district_code_when_known() -> None:
    body = ("The clinic in Hornchurch now sees patients from Sandbach and Golders Green. "
            "Sandbach residents said waits had fallen. Dr Ruth Wigston, a GP, welcomed it.")
    rows = extract_entities(body)["place_mentions"]
    assert [(r["name"], r["ons_code"], r["place_type"]) for r in rows] == [
        ("Hornchurch", None, "other"), ("Sandbach", "E06000049", "other"), ("Golders Green", None, "other")]
    # a one-word town opening a sentence, or a surname, is not a mention (column ambiguous)


def test_a_name_left_out_of_the_towns_list_as_a_common_word_is_not_a_place() -> None:
    body = "Staff at the Fleet depot will March to the Sale office in Hyde Park."
    assert extract_entities(body)["place_mentions"] == []


def test_former_districts_devolution_areas_and_short_forms_of_listed_areas() -> None:
    body = ("Jobs fairs ran in Ryedale, Sedgemoor and South Lakeland, across Cheshire and Warrington, in "
            "Derry and Strabane and in Burton-on-Trent.")
    assert [(r["name"], r["ons_code"]) for r in extract_entities(body)["place_mentions"]] == [
        ("Ryedale", None), ("Sedgemoor", None), ("South Lakeland", None), ("Cheshire and Warrington", None),
        ("Derry and Strabane", "N09000005"), ("Burton-on-Trent", None)]
    # two counties joined by "and" stay two places
    assert [r["name"] for r in extract_entities("Clinics in Norfolk and Suffolk")["place_mentions"]] == [
        "Norfolk", "Suffolk"]


def test_an_unlisted_place_located_by_the_listed_area_after_it() -> None:
    body = ("A hub opened in Wexcombe Bridge, West Yorkshire, and patients from Brackenthwaite, Cumbria, can use it. "
            "She works at Harlow Foods, Leeds. It opened in May, Scotland said. The Board of Trustees, Wales, met.")
    assert [(r["name"], r["ons_code"]) for r in extract_entities(body)["place_mentions"]] == [
        ("Wexcombe Bridge", None), ("West Yorkshire", "E47000003"), ("Brackenthwaite", None), ("Cumbria", None),
        ("Leeds", "E08000035"), ("Scotland", "S92000003"), ("Wales", "W92000004")]


def test_a_small_towns_one_word_name_counts_where_written_as_a_place() -> None:
    """gb_towns.csv (OS Open Names towns): "in Lydney", a list of towns, "Thirsk, North Yorkshire" are places;
    the same word opening a sentence, as a surname or as a word is not."""
    body = ("A new clinic in Lydney will serve patients from Coleford and Cinderford. "
            "Employers near Thirsk, North Yorkshire, have signed up. Bingham said the team had grown. "
            "The deal was signed in Deal, Kent. In March the hub opened in Market Drayton.")
    # a town's code is its district's (Forest of Dean, North Yorkshire) when the ONS lookups give it; else None
    assert got(body) == {"Lydney": "E07000080", "Coleford": None, "Cinderford": "E07000080", "Thirsk": "E06000065",
                         "North Yorkshire": "E06000065", "Deal": "E07000108", "Kent": "E10000016",
                         "Market Drayton": "E06000051"}
    assert got("Lydney residents were pleased, Keith Bingham told the meeting.") == {}
    assert got("Advisers will settle the case. The Battle of Britain memorial was visited by Wells.") == {}


def test_a_small_town_that_is_also_a_word_or_a_foreign_town_needs_a_uk_story() -> None:
    # "Ferndale" is a Rhondda town and a Detroit suburb: in a story naming no UK place it is not listed
    assert got("The bar opened two sites in Ferndale and one downtown.") == {}
    assert got("Jobs fairs in Ferndale and Treorchy, Rhondda Cynon Taf, drew crowds.")["Ferndale"] == "W06000016"


def test_welsh_towns_are_listed_under_their_english_name() -> None:
    assert set(got("Hubs open in Cardigan, Newtown and Lochgilphead, in Wales and Scotland.")) == {
        "Cardigan", "Newtown", "Lochgilphead", "Wales", "Scotland"}
    assert set(got("Hubs open in Aberteifi and Y Drenewydd.")) == {"Aberteifi", "Y Drenewydd"}


def test_a_name_that_is_also_a_word_counts_as_a_table_or_list_item() -> None:
    """Ambiguous names (Angus, Highland, Moray) opening a line of a table or an allocation list are places."""
    body = "Allocations by council:\nAngus\t£1,340,000\nHighland: £3.2m\nMoray - 980 places\nReading is fun."
    assert list(got(body)) == ["Angus", "Highland", "Moray"]
    assert got("Reading: the town got £2m in the end.") == {}


def test_short_forms_and_towns_with_a_better_known_namesake_abroad() -> None:
    # "Hetton" is Hetton-le-Hole written short; "Washington" counts only when listed with a UK place
    assert list(got("Mentors will be based in Washington, Hetton and Houghton.")) == ["Washington", "Hetton", "Houghton"]
    assert list(got("Talks in Washington went well, the Sunderland MP said.")) == ["Sunderland"]
    assert got("Norton said the plan would work.") == {}


def test_former_regions_and_preserved_counties_of_scotland_and_wales() -> None:
    assert list(got("Jobs grew in the Lothians, Forth Valley, Dyfed and Mid Glamorgan, and in the Borders.")) == [
        "Lothians", "Forth Valley", "Dyfed", "Mid Glamorgan", "Borders"]
    assert got("Borders are closed, the Home Office said.") == {}


def test_county_short_forms_report_the_county() -> None:
    """"Bucks", "Herts", "Notts" (postal abbreviations) name the county: the mention reports its name."""
    assert got("Staff in Hemel Hempstead, Herts, and High Wycombe, Bucks, will run it.") == {
        "Hemel Hempstead": None, "Hertfordshire": "E10000015", "High Wycombe": None, "Buckinghamshire": "E06000060"}
    assert got("The trial in Notts and W Yorks has ended.") == {"Nottinghamshire": "E10000024", "West Yorkshire": "E47000003"}
    assert got("Bucks Fizz sang. Beds were short on the ward.") == {}  # a larger name; a word opening a sentence


def test_co_is_county_and_mid_wales_hyphenated() -> None:
    assert got("In Co Durham and Co. Antrim the scheme is funded separately.") == {
        "County Durham": "E06000047", "County Antrim": None}
    assert list(got("It is based in mid-Wales and serves Mid-Wales residents.")) == ["Mid Wales"]


def test_compound_adjective_before_a_place_is_not_part_of_a_name() -> None:
    assert list(got("Labour-run Sheffield and Tory-led Kent agreed; inner-city Birmingham waits.")) == [
        "Sheffield", "Kent", "Birmingham"]
    assert got("Stoke-on-Trent Council met.") == {}  # the organisation's name


def test_a_name_that_is_also_a_word_opening_a_list_of_places() -> None:
    assert list(got("Bolton and Bury councils agreed the plan.")) == ["Bolton", "Bury"]
    assert list(got("Reading, Slough and Bracknell Forest have signed up.")) == ["Reading", "Slough", "Bracknell Forest"]
    assert got("Reading and writing are skills Slough employers want.") == {"Slough": "E06000039"}


def test_a_compass_word_shared_by_two_places() -> None:
    """"North and South Tyneside" names North Tyneside and South Tyneside."""
    assert got("Funding for North and South Tyneside and for East or West Sussex was confirmed.") == {
        "North Tyneside": "E08000022", "South Tyneside": "E08000023", "East Sussex": "E10000011", "West Sussex": "E10000032"}
    assert got("Rates in the North and South East differ.") == {"South East": "E12000008"}  # the North, the South East
    assert got("Areas include the North East and East Sussex.") == {"North East": "E12000001", "East Sussex": "E10000011"}


def test_a_name_written_without_its_accents() -> None:
    assert got("Jobseekers from Ynys Mon were helped.") == {"Ynys Mon": "W06000001"}


def test_a_list_of_unlisted_areas() -> None:
    """"the Ladywood, Aston and Nechells wards": each word of the list is a place, as written, no code."""
    assert got("Advisers visit the Ladywood, Aston and Nechells wards.") == {"Ladywood": None, "Aston": None, "Nechells": None}
    assert got("Both the Pilot and Trailblazer areas are funded; the Labour and Green wards voted.") == {}


def test_a_lower_case_region_is_englands_only_in_an_english_story() -> None:
    assert got("The Northern Ireland minister said help would go to people in the north-west.") == {
        "Northern Ireland": "N92000002"}
    assert got("The Lancashire minister said help would go to people in the north-west.") == {
        "Lancashire": "E10000017", "North West": "E12000002"}


def test_scottish_lieutenancy_areas() -> None:
    assert list(got("People in Caithness and Sutherland, Dunbartonshire and Tweeddale will benefit.")) == [
        "Caithness", "Sutherland", "Dunbartonshire", "Tweeddale"]
    assert got("Sutherland said the plan would work.") == {}  # a surname opening a sentence


def test_a_place_in_a_peers_title_is_not_a_mention() -> None:
    assert got("Baroness Smith of Malvern, the skills minister, met the Mayor of London.") == {"London": "E12000007"}


def test_places_in_a_subheading_in_capitals() -> None:
    body = "JOBS FAIRS IN LANCASHIRE AND ST HELENS\nThe fairs open in May in Preston."
    assert [(r["name"], r["text"]) for r in place_rows(body)] == [
        ("Lancashire", "LANCASHIRE"), ("St Helens", "ST HELENS"), ("Preston", "Preston")]
    assert got("NHS AND DWP FIGURES\nRates rose.") == {}


def test_a_word_opening_a_list_needs_a_longer_list_or_a_plural_area_noun() -> None:
    """"Bolton and Bury councils", "Reading, Slough and Bracknell Forest" (two more places), but not one place after."""
    assert got("Reading and Slough were mentioned.") == {"Slough": "E06000039"}
