"""Programme mentions: canonical names from reference/programmes.csv, case rules, anaphora, spans."""
from __future__ import annotations

import json

import pytest

from healthwork.extract import programmes
from healthwork.reference import load_csv

from tests.conftest import SEED_GOLD as GOLD_DIR, SHARED  # noqa: E402


def names(text: str) -> list[str]:
    out = []
    for r in programmes.extract(text):
        assert text[r["span_start"]:r["span_end"]] == r["text"]
        out.append(r["programme"])
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("The WorkWell Vanguard service will be tested in 15 areas.", ["WorkWell"]),
    ("The early-intervention service, Workwell, integrates with the NHS.", ["WorkWell"]),
    ("Therapists involved in WorkWell pilots said so. WorkWell's expansion was welcomed.", ["WorkWell", "WorkWell"]),
    ("The £45m trial will see 'health and growth accelerators' created.", ["Health and Growth Accelerators"]),
    ("NHS accelerators will test digital tools.", ["Health and Growth Accelerators"]),
    ("Health and Growth Accelerators launch. The accelerators will work on prevention.",
     ["Health and Growth Accelerators", "Health and Growth Accelerators"]),
    ("as outlined in its Get Britain Working white paper", ["Get Britain Working"]),
    ("Get Britain Working trailblazers will start in eight areas.", ["Get Britain Working"]),
    ("WorkWell is part of the Pathways to Work offer.", ["WorkWell", "Pathways to Work"]),
    ("Connect to Work will support 100,000 people a year.", ["Connect to Work"]),
    ("the NHS Type 2 Diabetes Prevention Programme", ["NHS Type 2 Diabetes Prevention Programme"]),
    ("the Diabetes Prevention Programme, known as Healthier You", ["NHS Type 2 Diabetes Prevention Programme"] * 2),
    ("The Youth Guarantee and the youth guarantee trailblazers.", ["Youth Guarantee", "Youth Guarantee"]),
    ("Apply for an Access to Work grant.", ["Access to Work"]),
    ("The Restart Scheme and the Work and Health Programme ended.", ["Restart Scheme", "Work and Health Programme"]),
    ("Individual Placement and Support (IPS) helps people. IPS works.",
     ["Individual Placement and Support", "Individual Placement and Support", "Individual Placement and Support"]),
    ("Referrals to NHS Talking Therapies rose.", ["NHS Talking Therapies"]),
    ("Universal Support will help 100,000 people.", ["Universal Support"]),
    ("The Back to Work Plan was announced in 2023.", ["Back to Work Plan"]),
])
def test_mentions(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "The scheme will be rolled out after the pilot. The programme was a success.",
    "It includes talking therapies and bariatric surgery.",  # generic service, not the named one
    "The accelerators will create jobs.",  # anaphora without an earlier mention
    "Good access to work is vital; there are many pathways to work.",  # case-sensitive aliases
    "People signed off as not fit for work.",
    "We want staff to work well together.",
    "IPS is an acronym with many meanings.",
])
def test_not_mentions(text: str) -> None:
    assert programmes.extract(text) == []


def test_row_fields_and_spans() -> None:
    text = "The NHS is testing 'health and growth accelerators'."
    (row,) = programmes.extract(text)
    assert row == {"programme": "Health and Growth Accelerators", "text": "health and growth accelerators",
                   "span_start": 20, "span_end": 50}


def test_reference_csv_is_well_formed() -> None:
    rows = load_csv("programmes")
    assert len(rows) >= 20
    for r in rows:
        assert r["programme"] and r["alias"]
        assert r["case_sensitive"] in {"yes", "no"} and r["needs_prior"] in {"yes", "no"}
    canon = set(programmes.canonical_names())
    for name in ["Health and Growth Accelerators", "WorkWell", "Connect to Work", "Get Britain Working",
                 "Back to Work Plan", "Youth Guarantee", "Pathways to Work", "Access to Work",
                 "Universal Support", "NHS Type 2 Diabetes Prevention Programme", "Work and Health Programme",
                 "Restart Scheme", "Individual Placement and Support"]:
        assert name in canon


def _gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]


def _key(s: str) -> str:  # as the scorer: case and a final plural folded
    k = s.lower()
    return k[:-1] if k.endswith("s") and not k.endswith("ss") else k


@pytest.mark.skipif(not GOLD_DIR.exists(), reason="shared gold not available")
def test_seed_gold_sets() -> None:
    for g in _gold():
        body = "\n".join(g["body"])
        got = {_key(r["programme"]) for r in programmes.extract(body)}
        assert got == {_key(p) for p in g["programmes"]}, g["file"]


def test_new_programme_needs_only_a_csv_row(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = ({"programme": "Example Work Fund", "alias": "Example Work Fund", "case_sensitive": "no",
              "needs_prior": "no", "note": ""},)
    monkeypatch.setattr(programmes, "load_csv", lambda name: load_csv(name) + extra)
    programmes._matcher.cache_clear()
    try:
        assert names("The example work fund opened. WorkWell too.") == ["Example Work Fund", "WorkWell"]
    finally:
        monkeypatch.undo()
        programmes._matcher.cache_clear()
    assert names("The example work fund opened.") == []


DEVSET = SHARED / "devset" / "pages" / "raw"


@pytest.mark.skipif(not DEVSET.exists(), reason="shared devset not available")
def test_no_mentions_in_unrelated_devset_pages() -> None:
    """General news pages (US politics, tech, business) name none of our programmes."""
    for path in sorted(DEVSET.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        rows = programmes.extract(text)
        for r in rows:
            assert text[r["span_start"]:r["span_end"]] == r["text"]
        assert rows == [], (path.name, [r["text"] for r in rows])


def test_get_britain_working_slogan_is_not_the_programme() -> None:
    assert names("The minister said: “We are determined to get Britain working again.”") == []
    assert names("The Get Britain Working white paper set out Get Britain Working trailblazers.") == [
        "Get Britain Working", "Get Britain Working"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Residents can get help from the council's Job Ready employment service.", ["Job Ready"]),
    ("The council-run Better Working programme has helped 400 people.", ["Better Working"]),
    ("Its flagship Work Ready Hull service will expand.", ["Work Ready Hull"]),
    ("The authority's Routes to Work service is free.", ["Routes to Work"]),
])
def test_named_local_schemes_in_news_phrasings(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "The council's Employment Support service is free.",  # words that only describe the support
    "The Department for Work and Pensions employment service is changing.",
    "Ask at the Jobcentre Plus employment service.",
])
def test_descriptions_are_not_local_schemes(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("the connect to work programme will start", ["Connect to Work"]),  # any case before a scheme word
    ("Connect to Work (CtW) is new. CtW will grow.", ["Connect to Work"] * 3),
    ("The Health and Growth Accelerator (HGA) pilot. The HGA will", ["Health and Growth Accelerators"] * 3),
    ("The Work Well pilot and the Work-Well service.", ["WorkWell", "WorkWell"]),
    ("Connect-to-Work launches.", ["Connect to Work"]),
    ("Eight inactivity trailblazers start in April.", ["Get Britain Working"]),
    ("Apply for access to work grants.", ["Access to Work"]),
])
def test_alias_spellings(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_every_programme_name_extract_gives_passes_the_name_check() -> None:
    """The entities and metrics suites check programme names with ``name_regex``: a named local scheme
    must not quarantine its article."""
    import re
    text = ("The council's Job Ready employment service and the Bolton Works programme sit alongside "
            "Connect to Work, WorkWell and the Parents, Childcare and Employment scheme. A scheme called "
            "Step Up also helps.")
    got = [r["programme"] for r in programmes.extract(text)]
    assert got == ["Job Ready", "Bolton Works", "Connect to Work", "WorkWell", "Parents, Childcare and Employment",
                   "Step Up"]
    pattern = re.compile(programmes.name_regex())
    assert all(pattern.search(name) for name in got + list(programmes.canonical_names()))
    assert not any(pattern.search(bad) for bad in ("Workwell scheme", "the accelerators", "not a programme"))


@pytest.mark.parametrize(("text", "expected"), [
    ("Referrals to Barnsley Works doubled last year.", ["Barnsley Works"]),
    ("Every client gets a keyworker from our Perth Works team.", ["Perth Works"]),
    ("Greater Manchester Works, the combined authority's new service, opens in May.", ["Greater Manchester Works"]),
    ("Barnsley works closely with the NHS.", []),  # the verb
    ("The Department of Public Works has a new head.", []),  # not a place
    ("How It Works: a guide.", []),
])
def test_a_place_named_service_ending_in_works_is_a_local_programme(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_eu_funds_are_programmes_and_esf_needs_its_full_name_first() -> None:
    assert names("The project got €2m from the PEACEPLUS programme.") == ["PEACEPLUS"]
    assert names("The European Social Fund (ESF) closed. ESF money went on training.") == ["European Social Fund"] * 3
    assert names("ESF money went on training.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # initials are no place's name: which initials stand for an area is not knowable from the text
    ("Referrals to DG Works rose by a third.", []),
    ("Why IT Works matters to small firms.", []),
    ("The NHS Works programme of estates repairs.", []),
    ("Staff at the Greater  Manchester Works team.", ["Greater Manchester Works"]),  # two spaces inside
])
def test_only_a_places_name_before_works_names_a_local_service(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Step Ahead, the council's employability service, will deliver it.", ["Step Ahead"]),
    ("Pathways North, a new back-to-work programme, opens in May.", ["Pathways North"]),
    ("In Fife, the council's employability service will deliver it.", []),  # a place, not a name
    ("Jobcentre Plus, the government's employment service, is changing.", []),  # an institution
    ("Remploy, the disability employment service, closed.", []),  # one word with no work word
    ("Reed in Partnership, the employment services company, won the contract.", []),  # a provider
])
def test_a_name_described_as_an_employment_service_is_a_local_programme(text: str, expected: list[str]) -> None:
    assert names(text) == expected
