"""places.extract: UK places with ONS codes; places inside other names are not mentions."""
from __future__ import annotations

import json
import re

from healthwork.extract import places
from healthwork.reference import load_csv

from tests.conftest import SEED_GOLD as GOLD  # noqa: E402  (the seeds' gold, copied into tests/fixtures)


def got(body: str) -> dict[str, str | None]:
    return {r["name"]: r["ons_code"] for r in places.extract(body)}


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
    rows = {r["name"]: r for r in places.extract(body)}
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


def test_full_icb_name_is_the_icb_area() -> None:
    body = "NHS South Yorkshire Integrated Care Board and Greater Manchester ICB signed up."
    rows = {r["name"]: r for r in places.extract(body)}
    assert rows["South Yorkshire"]["ons_code"] == "E54000061"
    assert rows["South Yorkshire"]["place_type"] == "icb"
    assert rows["Greater Manchester"]["ons_code"] == "E54000057"


def test_local_authorities_council_news() -> None:
    body = "Residents of Leeds, Birmingham, Trafford, Manchester and Newcastle can refer themselves."
    assert got(body) == {
        "Leeds": "E08000035",
        "Birmingham": "E08000025",
        "Trafford": "E08000009",
        "Manchester": "E08000003",
        "Newcastle upon Tyne": "E08000021",
    }


def test_case_sensitive_directions_are_not_regions() -> None:
    assert got("The clinic is north east of the town centre and south west of the river.") == {}


def test_people_named_like_places() -> None:
    assert got("Labour MP Jane Kent and Alison McGovern met in New York.") == {}


def test_unknown_code_is_none() -> None:
    rows = places.extract("Support workers in Teesside and Merseyside will help.")
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
        for r in places.extract(body):
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
    from healthwork.extract import places as _places
    body = "Mayor of Greater Manchester Andy Burnham said the Trafford Elective Surgery Hub would open."
    assert [r["name"] for r in _places.extract(body)] == ["Greater Manchester"]
