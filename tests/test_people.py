"""people.extract: names resolved across the article, roles and organisations as written."""
from __future__ import annotations

import json

import pytest

from healthwork.extract import extract_entities

from tests.conftest import SEED_GOLD as GOLD  # noqa: E402  (the seeds' gold, copied into tests/fixtures)


def names(body: str) -> set[str]:
    return {r["name"] for r in extract_entities(body)["person_mentions"]}


def person(body: str, name: str) -> dict:
    rows = [r for r in extract_entities(body)["person_mentions"] if r["name"] == name]
    assert rows, f"{name} not found in {names(body)}"
    return rows[0]


def test_role_before_name_lowercase() -> None:
    body = "The plan was set out by work and pensions secretary Mel Stride and health secretary Victoria Atkins."
    assert names(body) == {"Mel Stride", "Victoria Atkins"}
    assert person(body, "Mel Stride")["role"] == "work and pensions secretary"
    assert person(body, "Victoria Atkins")["role"] == "health secretary"


def test_surname_resolution_and_joint_mention() -> None:
    body = (
        "Work and pensions secretary Mel Stride and health secretary Victoria Atkins announced the pilots.\n"
        "Stride and Atkins told reporters the scheme would expand. Stride’s department will lead."
    )
    rows = extract_entities(body)["person_mentions"]
    assert {r["name"] for r in rows} == {"Mel Stride", "Victoria Atkins"}
    surname_rows = [r for r in rows if r["text"] in {"Stride", "Atkins"}]
    assert {r["name"] for r in surname_rows} == {"Mel Stride", "Victoria Atkins"}
    assert len([r for r in rows if r["name"] == "Mel Stride"]) == 3


def test_title_case_role_before_name() -> None:
    body = "Health Secretary Wes Streeting said the NHS would change. Chancellor Rachel Reeves agreed."
    assert names(body) == {"Wes Streeting", "Rachel Reeves"}
    assert person(body, "Wes Streeting")["role"] == "Health Secretary"


def test_appositive_role_with_organisation() -> None:
    body = "Matthew Taylor, chief executive of the NHS Confederation said: “This is welcome.”"
    row = person(body, "Matthew Taylor")
    assert row["role"] == "chief executive"
    assert row["organisation"] == "NHS Confederation"


def test_role_at_company() -> None:
    body = "Brett Hill, head of health and protection at Broadstone, said the move was overdue."
    row = person(body, "Brett Hill")
    assert row["role"] == "head of health and protection"
    assert row["organisation"] == "Broadstone"


def test_role_clause_before_comma() -> None:
    body = (
        "Head of policy and practice at the Royal College of Occupational Therapists, Joseph Brunwin, said: "
        "‘We hear good things.’\nThe shadow employment minister, Alison McGovern, also told the Times it was late."
    )
    row = person(body, "Joseph Brunwin")
    assert row["role"] == "Head of policy and practice"
    assert row["organisation"] == "Royal College of Occupational Therapists"
    assert person(body, "Alison McGovern")["role"] == "shadow employment minister"


def test_honorifics_dropped_and_kept_for_surname_only() -> None:
    body = (
        "Professor Dame Carol Black, who led the review, said employers must act. "
        "Dr Patel, a GP in Leeds, agreed with Sir Keir Starmer."
    )
    got = names(body)
    assert "Carol Black" in got
    assert "Keir Starmer" in got
    assert "Dr Patel" in got


def test_council_press_release_phrasing() -> None:
    body = (
        "Councillor Jane Hartley, executive member for adult social care at Leeds City Council, said the "
        "service had helped 400 residents. Council leader James Lewis added that funding was secure."
    )
    got = names(body)
    assert {"Jane Hartley", "James Lewis"} <= got
    assert person(body, "Jane Hartley")["organisation"] == "Leeds City Council"


def test_speech_verb_with_given_name() -> None:
    body = "“We are delighted,” said Sarah Jones. Priya Shah explained the next steps."
    assert names(body) == {"Sarah Jones", "Priya Shah"}


def test_organisations_places_programmes_are_not_people() -> None:
    body = (
        "NHS England said the Northern Care Alliance and Jobcentre Plus would help. The Times reported that "
        "Personnel Today readers in South Yorkshire and West Yorkshire backed Get Britain Working. "
        "Health Secretary said nothing. In March Universal Credit changed."
    )
    assert names(body) == set()


def test_nbsp_and_unknown_surname() -> None:
    body = "Head of research, Joseph\u00a0Brunwin, said the evidence was clear. Smith was not named."
    assert names(body) == {"Joseph Brunwin"}


def test_spans_match_text() -> None:
    bodies = [json.loads(p.read_text(encoding="utf-8"))["body"] for p in sorted(GOLD.glob("*.json"))]
    assert bodies
    for paras in bodies:
        body = "\n".join(paras)
        for r in extract_entities(body)["person_mentions"]:
            assert body[r["span_start"] : r["span_end"]] == r["text"]
            assert r["name"]


@pytest.mark.parametrize(
    "stem,name,role",
    [
        ("002", "Mel Stride", "work and pensions secretary"),
        ("002", "Alison McGovern", "shadow employment minister"),
        ("001", "Amanda Pritchard", "NHS chief executive"),
        ("003", "Pat McFadden", "Secretary of state for work and pensions"),
        ("004", "Brett Hill", "head of health and protection"),
    ],
)
def test_seed_gold_roles(stem: str, name: str, role: str) -> None:
    path = next(GOLD.glob(f"{stem}_*.json"))
    gold = json.loads(path.read_text(encoding="utf-8"))
    body = "\n".join(gold["body"])
    assert person(body, name)["role"] == role
    assert names(body) == {p["name"] for p in gold["people"]}


# --- styles the seeds lack: gov.uk, council, NHS trust, trade press, local news -------------------

def test_govuk_minister_for_department_before_name() -> None:
    body = ("Minister for Employment Alison McGovern said:\n“We are determined to help people.”\n"
            "Secretary of State for Work and Pensions Liz Kendall said: “This matters.”")
    assert person(body, "Alison McGovern")["role"] == "Minister for Employment"
    assert person(body, "Liz Kendall")["role"] == "Secretary of State for Work and Pensions"
    assert names(body) == {"Alison McGovern", "Liz Kendall"}


def test_title_case_department_role_before_name() -> None:
    body = "Work and Pensions Secretary Liz Kendall and Health and Social Care Secretary Wes Streeting visited."
    assert person(body, "Liz Kendall")["role"] == "Work and Pensions Secretary"
    assert person(body, "Wes Streeting")["role"] == "Health and Social Care Secretary"


def test_programme_names_are_never_people() -> None:
    body = ("Laura Adeyemi, chief executive at Business in the Community, described the Youth Guarantee as "
            "“nowhere near enough”.\n"
            "Priya Greaves, director of policy at the Institute for Employment Studies, described Individual "
            "Placement and Support as “a step in the right direction”.\n"
            "Sarah Smith welcomed Universal Support and said Pathways to Work would follow.")
    assert names(body) == {"Laura Adeyemi", "Priya Greaves", "Sarah Smith"}


def test_nhs_trust_news_and_local_paper() -> None:
    body = ("Dr Helen Carter, chief medical officer at Sheffield Teaching Hospitals NHS Foundation Trust, said "
            "staff wellbeing was a priority.\n"
            "Mum-of-two Kelly Brown, 34, from Wigan, said the scheme had “changed my life completely”.\n"
            "Speaking at the launch, Bolton South East MP Yasmin Qureshi said the hub would help.")
    assert names(body) == {"Helen Carter", "Kelly Brown", "Yasmin Qureshi"}
    assert person(body, "Helen Carter")["organisation"] == "Sheffield Teaching Hospitals NHS Foundation Trust"


def test_outlets_and_sentence_openers_are_not_people() -> None:
    body = ("An insurgent source told Agence France-Presse the men were freed.\n"
            "The San Francisco Chronicle says police are investigating.\n"
            "Would Adam Schiff resign? Although James missed two free throws, the Lakers won.\n"
            "The firm said in a statement to Rolling Stone that talks continue.\n"
            "Kotak Institutional Equities said the market was fair.")
    assert names(body) == {"Adam Schiff"}


def test_appositive_role_with_article() -> None:
    body = "Marco Villa, the company’s chief operating officer, said the lander would be ready."
    assert person(body, "Marco Villa")["role"] == "company’s chief operating officer"
    body = "Rainfall is rare, said study co-author Anezina Solomonidou, a European Space Agency research fellow."
    p = person(body, "Anezina Solomonidou")
    # the organisation is kept apart from the role
    assert (p["role"], p["organisation"]) == ("research fellow", "European Space Agency")


def test_local_leaders_with_places_and_surname_words() -> None:
    body = ("Mayor of Greater Manchester Andy Burnham said the city region was ready.\n"
            "West Midlands Mayor Andy Street welcomed the plan, and former prime minister Theresa May agreed.\n"
            "Cllr Sarah Hall, cabinet member for health at Calderdale Council, said: “We are delighted.”")
    assert names(body) == {"Andy Burnham", "Andy Street", "Theresa May", "Sarah Hall"}
    assert person(body, "Andy Burnham")["role"] == "Mayor of Greater Manchester"
    assert (person(body, "Sarah Hall")["role"], person(body, "Sarah Hall")["organisation"]) == (
        "cabinet member for health", "Calderdale Council")


def test_role_and_organisation_kept_apart() -> None:
    body = ("Rhian Evans, the Welsh Government's Minister for Culture, Skills and Social Partnership, visited.\n"
            "Halton Council leader Tom Fry said the council would help. DWP minister Ana Silva agreed.")
    assert (person(body, "Rhian Evans")["role"], person(body, "Rhian Evans")["organisation"]) == (
        "Minister for Culture, Skills and Social Partnership", "Welsh Government")
    assert (person(body, "Tom Fry")["role"], person(body, "Tom Fry")["organisation"]) == ("leader", "Halton Council")
    assert (person(body, "Ana Silva")["role"], person(body, "Ana Silva")["organisation"]) == (
        "minister", "Department for Work and Pensions")


def test_a_describing_word_before_a_first_name_and_surname_is_not_part_of_the_name() -> None:
    from healthwork.extract import extract_entities
    body = ("Participant Tom Beale said the course helped. Mum-of-two Jade Kerr agreed, and Canadian Ruth Orr "
            "nodded. Mary Ann Lowe said so too.")
    assert [r["name"] for r in extract_entities(body)["person_mentions"]] == [
        "Tom Beale", "Jade Kerr", "Ruth Orr", "Mary Ann Lowe"]


def test_a_first_name_and_a_place_named_surname_that_speak_are_a_person() -> None:
    from healthwork.extract import extract_entities
    body = 'Zara Preston told the Wexcombe Gazette that it worked. Visiting Leeds said a lot about the city.'
    ents = extract_entities(body)
    assert [r["name"] for r in ents["person_mentions"]] == ["Zara Preston"]
    assert [r["speaker"] for r in ents["quotes"]] == ["Zara Preston"]
    assert [r["name"] for r in ents["place_mentions"]] == ["Leeds"]


def test_clause_start_is_the_last_boundary_before_the_position() -> None:
    import re

    from healthwork.extract.people import _sentence_start
    boundary = re.compile(r"[\n;:“”\"‘]|[.!?](?= )")  # the definition the backward scans implement
    body = ('Costs rose. The chief officer; Dr Ana Vale: "work helps" and the lead nurse, '
            "Jo Kerr? Yes! Mr.Smith said\nthe head of policy Lee Brown.X agreed " + "word " * 120 + "end.")
    for pos in range(len(body) + 1):
        expected = max([m.end() for m in boundary.finditer(body, max(0, pos - 400), pos)], default=max(0, pos - 400))
        assert _sentence_start(body, pos) == expected, pos
    assert body[_sentence_start(body, body.index("Lee Brown")):].startswith("the head of policy")
    assert _sentence_start(body, body.index("The chief")) == body.index(" The chief")


def test_last_tokens_before_a_name_match_a_scan_of_the_whole_clause() -> None:
    import re

    from healthwork.extract.people import _last_back_tokens
    back_token = re.compile(r"([A-Za-z][A-Za-z'’&-]*)([^A-Za-z]*)")
    body = ("the rock-'n'-roll fan's  - -x union & co, 12 of whom run Acme's scheme; the shadow work and pensions "
            "secretary of the day, a veteran of thirty years of local government and its many -- odd -- committees, "
            "Ann Lee")
    for end in range(len(body) + 1):
        for limit in (0, 5, end // 2):
            expected = [m.span() for m in back_token.finditer(body, limit, end)][-12:]
            assert [m.span() for m in _last_back_tokens(body, limit, end, 12)] == expected, (limit, end)
    assert [m.group(1) for m in _last_back_tokens(body, 0, len(body), 3)] == ["committees", "Ann", "Lee"]


def test_a_person_named_after_the_group_they_belong_to() -> None:
    """'one of our first participants, Jade Rowe,': a given name that is also a word, anchored by the group noun."""
    body = ('I asked one of our first participants, Jade Rowe, what had helped. "Someone rang me back," she said. '
            "The workers, Unite members, voted.")
    assert names(body) == {"Jade Rowe"}
    assert [r["speaker"] for r in extract_entities(body)["quotes"]] == ["Jade Rowe"]


def test_a_name_described_as_a_person_before_said() -> None:
    """"X Y, a mother of two, said": the apposition describes a person (an unknown given name is no obstacle);
    "Brightwork, a Leeds firm, said" is a company."""
    rows = extract_entities('Oluwaseun Adeyemi, a care worker from Hull, said: "It works."\nAoife Byrne, a mother of two, '
                            'agreed with her.')
    assert [r["name"] for r in rows["person_mentions"]] == ["Oluwaseun Adeyemi", "Aoife Byrne"]
    assert [r["speaker"] for r in rows["quotes"]][:1] == ["Oluwaseun Adeyemi"]
    assert extract_entities('Brightwork, a Leeds firm, said: "It works."')["person_mentions"] == []


def test_a_hyphenated_person_word_in_the_apposition() -> None:
    """"a mother-of-three", "a dad-of-two": the word before "-of-" is the person's word, whatever the number."""
    rows = extract_entities('Zainab Okonkwo, a mother-of-three from Bolton, said: "It works."\n'
                            'Tadhg Brennan, a dad-of-two, agreed with her.')
    assert [r["name"] for r in rows["person_mentions"]] == ["Zainab Okonkwo", "Tadhg Brennan"]
