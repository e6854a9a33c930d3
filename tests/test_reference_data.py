"""Reference data: each official list is complete (its count is the one its source states) and sourced."""
from __future__ import annotations

import re
from collections import Counter

from healthwork.reference import REFERENCE_DIR, load_csv


def _codes(prefix: str) -> set[str]:
    return {r["ons_code"] for r in load_csv("places") if r["ons_code"].startswith(prefix)}


def test_local_authority_districts_match_the_ons_uk_count() -> None:
    """ONS "Local Authority Districts (December 2023) Names and Codes in the UK": 361 districts."""
    by_kind = {p: len(_codes(p)) for p in ("E06", "E07", "E08", "E09", "S12", "W06", "N09")}
    assert by_kind == {"E06": 63, "E07": 164, "E08": 36, "E09": 33, "S12": 32, "W06": 22, "N09": 11}
    assert sum(by_kind.values()) == 361


def test_counties_regions_nations_icbs_combined_authorities() -> None:
    assert len(_codes("E10")) == 21  # ONS Counties (December 2023)
    assert sorted(_codes("E12")) == [f"E1200000{i}" for i in range(1, 10)]
    assert _codes("E92") | _codes("W92") | _codes("S92") | _codes("N92") == {
        "E92000001", "W92000004", "S92000003", "N92000002"}
    icbs = [r for r in load_csv("places") if r["place_type"] == "icb"]
    assert len(icbs) == 42 and len({r["ons_code"] for r in icbs}) == 42
    assert all(re.fullmatch(r"E54\d{6}", r["ons_code"]) for r in icbs)
    cas = [r for r in load_csv("places") if r["place_type"] == "combined_authority"]
    assert len(cas) == 14 and all(re.fullmatch(r"E47\d{6}", r["ons_code"]) for r in cas)


def test_named_places_have_their_codes() -> None:
    code = {r["name"]: r["ons_code"] for r in load_csv("places")}
    assert code["Inverclyde"] == "S12000018"
    assert code["Halton"] == "E06000006"
    assert code["Telford and Wrekin"] == "E06000020"
    assert code["Belfast"] == "N09000003"
    assert code["Kent"] == "E10000016"
    assert code["Glasgow"] == "S12000049"


def test_place_codes_are_unique_per_kind_and_well_formed() -> None:
    rows = load_csv("places")
    coded = [(r["place_type"], r["ons_code"]) for r in rows if r["ons_code"]]
    assert [k for k, n in Counter(coded).items() if n > 1] == []
    assert all(re.fullmatch(r"[EWSN]\d{8}", c) for _, c in coded)


def test_every_council_and_icb_has_an_official_organisation_name() -> None:
    orgs = load_csv("organisations")
    councils = {r["name"] for r in orgs if r["type"] == "local_authority"}
    assert len(councils) == 361 + 21
    assert {"Telford and Wrekin Council", "Inverclyde Council", "Lancashire County Council", "Newham Council",
            "Belfast City Council", "City of Cardiff Council"} <= councils
    icbs = {r["name"] for r in orgs if r["type"] == "icb"}
    assert len(icbs) == 42
    assert "NHS Lancashire and South Cumbria Integrated Care Board" in icbs
    assert "Liverpool City Region Combined Authority" in {r["name"] for r in orgs if r["type"] == "combined_authority"}
    assert len({r["name"] for r in orgs}) == len(orgs)  # one row per organisation


def test_each_reference_csv_says_where_it_came_from() -> None:
    for name in ("places", "organisations", "programmes", "non_uk_places", "uk_towns", "gb_towns", "sub_icb_locations"):
        head = [ln for ln in (REFERENCE_DIR / f"{name}.csv").read_text(encoding="utf-8").splitlines()
                if ln.startswith("#")]
        assert any("Source" in ln for ln in head), name
        assert any(re.search(r"\b20[12]\d\b", ln) for ln in head), name  # the list's date
    places_head = (REFERENCE_DIR / "places.csv").read_text(encoding="utf-8")
    assert "December 2023" in places_head and "67ef8b118938678401a452f4f19f669a7221cc73" in places_head


def test_health_boards_outside_england_are_complete() -> None:
    """nhs.scot: 14 territorial boards; nhs.wales: 7 local health boards; nidirect: 5 HSC trusts."""
    names = {r["name"] for r in load_csv("organisations")}
    scottish = {n for n in names if n.startswith("NHS ") and n[4:] in {
        "Ayrshire and Arran", "Borders", "Dumfries and Galloway", "Fife", "Forth Valley", "Grampian",
        "Greater Glasgow and Clyde", "Highland", "Lanarkshire", "Lothian", "Orkney", "Shetland", "Tayside",
        "Western Isles"}}
    welsh = {n for n in names if n.endswith("University Health Board") or n == "Powys Teaching Health Board"}
    ni = {n for n in names if n.endswith("Health and Social Care Trust")}
    assert (len(scottish), len(welsh), len(ni)) == (14, 7, 5)


def test_non_uk_places_never_name_a_uk_place_of_the_table() -> None:
    """An unlisted-area name outside the UK ("Houston") is skipped; none of them is a place of places.csv."""
    foreign = {r["name"] for r in load_csv("non_uk_places")}
    assert {"Houston", "Chicago", "Dallas"} <= foreign
    uk = {r["name"] for r in load_csv("places")} | {a for r in load_csv("places") for a in r["aliases"].split("|") if a}
    assert not foreign & uk


def test_uk_towns_add_up_to_the_geonames_uk_rows_the_header_states() -> None:
    """uk_towns.csv: 859 distinct UK names in the GeoNames cities15000 snapshot = 572 already in places.csv
    + 184 listed + 26 foreign namesakes + 50 common words/surnames + 27 non-place records (header)."""
    head = (REFERENCE_DIR / "uk_towns.csv").read_text(encoding="utf-8")
    assert "865 UK rows, 859 distinct names" in head and "49974c675a13f12ec0b8b8164f0f82f017b896fc" in head
    stated = [int(n) for n in re.findall(r"(\d+) (?:are already|are listed here|are left out|that also name|"
                                         r"that are mainly|GeoNames entries)", head)]
    assert stated == [572, 184, 103, 26, 50, 27]
    assert stated[0] + stated[1] + stated[2] == 859 and stated[3] + stated[4] + stated[5] == stated[2]
    towns = load_csv("uk_towns")
    assert len(towns) == 184 and len({r["name"] for r in towns}) == 184
    listed = {r["name"] for r in load_csv("places")} | {a for r in load_csv("places") for a in r["aliases"].split("|") if a}
    assert not {r["name"] for r in towns} & listed  # places.csv rows are not repeated
    assert not {r["name"] for r in towns} & {r["name"] for r in load_csv("non_uk_places")}
    assert all(r["ambiguous"] == ("yes" if " " not in r["name"] and "-" not in r["name"] else "") for r in towns)
    assert all(r["nation"] in {"England", "Scotland", "Wales", "Northern Ireland"} and r["geonameid"].isdigit()
               for r in towns)


def test_gb_towns_add_up_to_the_os_open_names_towns_the_header_states() -> None:
    """gb_towns.csv: 1423 OS Open Names City/Town rows = 764 already listed + 3 repeats + 26 Welsh forms of listed
    towns + 3 left out + 627 listed (header); no row repeats a name places.csv or uk_towns.csv has."""
    head = (REFERENCE_DIR / "gb_towns.csv").read_text(encoding="utf-8")
    assert "65 City and 1358 Town rows" in head and "2f869bcc887f80bc3cc7cb8644368dae6739a3ed" in head
    parts = [int(n) for n in re.findall(
        r"(\d+) (?:City and Town rows|already listed|repeated names|Welsh-language names|left out \+|listed here)", head)]
    assert parts == [1423, 764, 3, 26, 3, 627] and sum(parts[1:]) == parts[0] == 65 + 1358
    towns = load_csv("gb_towns")
    assert len(towns) == 627 and len({r["name"] for r in towns}) == 627
    earlier = {n for f in ("places", "uk_towns") for r in load_csv(f)
               for n in [r["name"], *[a for a in r["aliases"].split("|") if a]]}
    written = [n for r in towns for n in [r["name"], *[a for a in r["aliases"].split("|") if a]]]
    assert not set(written) & earlier and len(written) == len(set(written))
    assert not {r["name"] for r in towns} & {"Church", "Dollar", "March"}
    single = {r["name"] for r in towns if " " not in r["name"] and "-" not in r["name"]}
    list_only = {"Alexandria", "Bethesda", "Flint", "Kimberley", "Richmond", "Washington", "Woodstock"}
    assert {r["name"] for r in towns if r["needs_context"] == "list"} == list_only
    assert {r["name"] for r in towns if r["needs_context"] == "yes"} == single - list_only
    assert {r["name"] for r in towns if r["ambiguous"] == "yes"} <= single
    assert {"Deal", "Sale", "Wells", "Keith", "Ferndale"} <= {r["name"] for r in towns if r["ambiguous"] == "yes"}
    assert {r["name"]: r["aliases"] for r in towns if r["name"] in ("Hetton-le-Hole", "Cardigan")} == {
        "Hetton-le-Hole": "Hetton", "Cardigan": "Aberteifi"}
    assert all(r["nation"] in {"England", "Scotland", "Wales"} and r["os_type"] in {"City", "Town"} for r in towns)


def test_sub_icb_locations_match_the_ons_april_2023_count_and_their_boards() -> None:
    """ONS Sub ICB Locations (April 2023): 106 locations (E38), each in one of the 42 ICBs (E54) of places.csv."""
    head = (REFERENCE_DIR / "sub_icb_locations.csv").read_text(encoding="utf-8")
    assert "04_23" in head and "b593f05ecd33e73239f1ab336deae54e13ead084" in head and "106 sub-ICB locations" in head
    rows = load_csv("sub_icb_locations")
    assert len(rows) == 106 and len({r["ons_code"] for r in rows}) == 106 and len({r["name"] for r in rows}) == 106
    assert all(re.fullmatch(r"E38\d{6}", r["ons_code"]) for r in rows)
    icb_codes = {r["ons_code"] for r in load_csv("places") if r["place_type"] == "icb"}
    assert {r["icb_code"] for r in rows} == icb_codes  # every board has a location, every parent is a board
    by_name = {r["name"]: r for r in rows}
    assert (by_name["Sheffield"]["ons_code"], by_name["Sheffield"]["ods_code"], by_name["Sheffield"]["icb_code"]) == (
        "E38000146", "03N", "E54000061")  # NHS South Yorkshire ICB - 03N
    assert (by_name["Bradford District and Craven"]["ons_code"], by_name["Bradford District and Craven"]["icb_code"]) == (
        "E38000232", "E54000054")  # West Yorkshire
    assert by_name["Tameside and Glossop"]["ons_code"] == "E38000263"  # recoded in 2022 (was E38000182)
    assert by_name["Cornwall and the Isles of Scilly"]["ods_code"] == "11N"  # formerly NHS Kernow, the board's only location
    assert sum(r["icb_code"] == "E54000057" for r in rows) == 10  # Greater Manchester's ten localities
    assert {r["name"] for r in rows if r["match"] == "no"} == {
        "Basildon and Brentwood", "Castle Point and Rochford", "Chorley and South Ribble", "Heywood, Middleton and Rochdale",
        "Ipswich and East Suffolk", "Southport and Formby", "Fylde and Wyre", "Hampshire, Southampton and Isle of Wight",
        "Tameside and Glossop", "Newcastle Gateshead", "Leicester City"}


def test_towns_carry_the_district_official_lookups_give_and_say_how_many_are_unknown() -> None:
    """uk_towns/gb_towns: the ONS code of the district a town lies in (ONS built-up area lookups), or empty; the header
    states how many are known, and every code is a current district of places.csv in the town's nation."""
    districts = {r["ons_code"]: r["name"] for r in load_csv("places") if r["ons_code"][:3] in {"E06", "E07", "E08", "E09", "W06"}}
    for name, n, known in (("uk_towns", 184, 59), ("gb_towns", 627, 327)):
        rows = load_csv(name)
        head = (REFERENCE_DIR / f"{name}.csv").read_text(encoding="utf-8")
        assert f"give it: {known} of {n} towns" in head and "85d0ba6e476badf3861d8dc7485aecf40598d031" in head
        coded = [r for r in rows if r["ons_code"]]
        assert len(rows) == n and len(coded) == known
        assert all(r["ons_code"] in districts and r["ons_code"][0] == r["nation"][0] for r in coded)
        assert not [r for r in coded if r["nation"] in {"Scotland", "Northern Ireland"}]
    code = {r["name"]: r["ons_code"] for f in ("uk_towns", "gb_towns") for r in load_csv(f)}
    assert code["Baildon"] == "E08000032"  # Bradford
    assert code["Stowmarket"] == "E07000203"  # Mid Suffolk
    assert code["Knaresborough"] == "E06000065"  # Harrogate (2011) -> North Yorkshire (2023)
    assert code["Saxmundham"] == "E07000244"  # Suffolk Coastal (2011) -> East Suffolk (2019)
    assert code["Abercynon"] == "W06000016"  # Rhondda Cynon Taf
    assert code["Cheadle"] == code["Whitchurch"] == code["Blackheath"] == ""  # two towns / a London namesake


def test_a_town_mention_carries_its_district_code() -> None:
    from healthwork.extract import extract_entities
    rows = extract_entities("New clinics open in Knaresborough and in Baildon next spring.")["place_mentions"]
    assert [(r["name"], r["ons_code"], r["place_type"]) for r in rows] == [
        ("Knaresborough", "E06000065", "other"), ("Baildon", "E08000032", "other")]
