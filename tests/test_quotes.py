"""quotes.extract: quotations without their marks, speakers resolved with the person rows."""
from __future__ import annotations

import json

from healthwork.extract import extract_entities

from tests.conftest import SEED_GOLD as GOLD  # noqa: E402  (the seeds' gold, copied into tests/fixtures)


def q(body: str) -> list[tuple[str | None, str]]:
    return [(r["speaker"], r["text"]) for r in extract_entities(body)["quotes"]]


def test_said_colon_curly_double() -> None:
    body = "Health and social care secretary Wes Streeting said: “We are cutting waiting lists.”"
    assert q(body) == [("Wes Streeting", "We are cutting waiting lists.")]


def test_quote_then_said_name() -> None:
    body = "Chief executive Sarah Jones welcomed the plan.\n\"It is a big step forward,\" said Sarah Jones."
    assert q(body) == [("Sarah Jones", "It is a big step forward,")]


def test_he_added_and_multi_paragraph_continuation() -> None:
    body = (
        "NHS chief executive Amanda Pritchard said: “By tackling economic inactivity we help growth.\n"
        "“Whether it is advisers in clinics or digital tools, this is vital,” she added.\n"
        "“We will report back in the spring.”"
    )
    got = q(body)
    assert [s for s, _ in got] == ["Amanda Pritchard"] * 3
    assert got[0][1] == "By tackling economic inactivity we help growth."
    assert got[1][1].startswith("Whether it is")


def test_joint_speakers_one_row_each() -> None:
    body = (
        "Work and pensions secretary Mel Stride and health secretary Victoria Atkins wrote to MPs.\n"
        "Stride and Atkins told The Times: “We know the longer someone is out of work, the harder it gets.”"
    )
    got = q(body)
    assert {s for s, _ in got} == {"Mel Stride", "Victoria Atkins"}
    assert len({t for _, t in got}) == 1


def test_scare_quotes_are_not_quotes() -> None:
    body = (
        "The trusts set up ‘super clinics’ and ‘high flow theatre’ lists, and NHS “social prescribing” grew. "
        "The pilots are known as 'accelerators'."
    )
    assert q(body) == []


def test_single_curly_quotes_with_apostrophes_inside() -> None:
    body = (
        "Secretary of state for health Wes Streeting said: ‘We’re issuing millions of fit notes and people’s "
        "lives and peoples’ health suffer. It isn’t right.’"
    )
    got = q(body)
    assert got == [
        (
            "Wes Streeting",
            "We’re issuing millions of fit notes and people’s lives and peoples’ health suffer. It isn’t right.",
        )
    ]


def test_curly_open_straight_close_and_nested_double() -> None:
    body = (
        "Minister Pat McFadden said: ‘We're issuing notes dismissing people as simply \"not fit for work\". "
        "That will change.'\n‘Crucially, it eases pressure on GPs.'"
    )
    got = q(body)
    assert [s for s, _ in got] == ["Pat McFadden", "Pat McFadden"]
    assert got[0][1].endswith("That will change.")
    assert got[1][1] == "Crucially, it eases pressure on GPs."


def test_told_newspaper_reported_speech_with_quote() -> None:
    body = "The shadow employment minister, Alison McGovern, also told the Times the scheme was “all too little and it’s far too late”."
    assert q(body) == [("Alison McGovern", "all too little and it’s far too late")]


def test_unattributed_document_quote_has_no_speaker() -> None:
    body = "The services, the document highlighted, will “provide evidence-based, low intensity work and health assessments”."
    assert q(body) == [(None, "provide evidence-based, low intensity work and health assessments")]


def test_according_to() -> None:
    body = "Employers must adapt, according to Dr Jill Ward, chair of the Society of Occupational Medicine: “Good work is good for health.”"
    got = q(body)
    assert got and got[0][0] == "Jill Ward"


def test_press_release_appositive_added() -> None:
    body = (
        "Pat McFadden, secretary of state for work and pensions, said: “Too often people are signed off.”\n"
        "Wes Streeting, secretary of state for health and social care, added: “WorkWell changes that.”"
    )
    assert q(body) == [("Pat McFadden", "Too often people are signed off."), ("Wes Streeting", "WorkWell changes that.")]


def test_org_speaker_is_none() -> None:
    body = "“The results are encouraging and will be published in full next year,” the DHSC said."
    assert q(body) == [(None, "The results are encouraging and will be published in full next year,")]


def test_spans_match_text_on_seed_bodies() -> None:
    n = 0
    for p in sorted(GOLD.glob("*.json")):
        body = "\n".join(json.loads(p.read_text(encoding="utf-8"))["body"])
        for r in extract_entities(body)["quotes"]:
            assert body[r["span_start"] : r["span_end"]] == r["text"]
            assert r["text"][:1] not in "“”\"‘’'" and r["text"][-1:] not in "“”\"‘’'"
            n += 1
    assert n >= 10


def test_seed_gold_speakers() -> None:
    for p in sorted(GOLD.glob("*.json")):
        gold = json.loads(p.read_text(encoding="utf-8"))
        body = "\n".join(gold["body"])
        got = {r["speaker"] for r in extract_entities(body)["quotes"] if r["speaker"]}
        assert got == set(gold["quoted_speakers"]), p.name
    body = "\n".join(json.loads(next(GOLD.glob("000_*.json")).read_text(encoding="utf-8"))["body"])
    rows = extract_entities(body)["quotes"]
    assert rows and all(r["speaker"] == "Wes Streeting" for r in rows)


def test_adversarial_inputs_stay_fast() -> None:
    """No catastrophic backtracking or quadratic scans on pathological text (generous bound)."""
    import time

    bodies = [
        '"' + 'x "y ' * 2000,
        "‘" + "a’ b ‘" * 2000,
        "‘" + "peoples’ thing " * 2000,
        " and ".join(["Big Word"] * 1500) + " Trust",
        " ".join(["Word"] * 4000),
        "Department of " * 2000,
    ]
    t = time.process_time()
    for b in bodies:
        extract_entities(b)
    assert time.process_time() - t < 10


# --- quoted fragments and styles the seeds lack -------------------------------------------------

def test_described_as_fragment_is_a_quote() -> None:
    body = ("Zara Ferreira, head of public affairs at Macmillan Cancer Support, described the Access to Work "
            "scheme as “hugely encouraging”.\n"
            "Patrick Zielinski, chief economist at Versus Arthritis, described Individual Placement and Support "
            "as “a welcome first step”.")
    assert q(body) == [("Zara Ferreira", "hugely encouraging"), ("Patrick Zielinski", "a welcome first step")]


def test_called_and_told_fragments_are_quotes() -> None:
    body = ("Union leader Sarah Jones called the scheme “a lifeline for families”.\n"
            "The shadow employment minister, Alison McGovern, also told the Times the scheme was "
            "“all too little and it’s far too late”.\n"
            "Cllr Mohammed Rafiq, leader of Bradford Council, said the programme was “exactly what our "
            "communities need”.")
    assert q(body) == [
        ("Sarah Jones", "a lifeline for families"),
        ("Alison McGovern", "all too little and it’s far too late"),
        ("Mohammed Rafiq", "exactly what our communities need"),
    ]


def test_short_unattributed_or_named_things_stay_scare_quotes() -> None:
    body = ("Care Forum Wales has called for a ‘national fee model’ to end the ‘postcode lottery’.\n"
            "The centres, which Sarah Jones opened, are called “health hubs for all”.\n"
            "Sarah Jones said the hubs, known as “super clinics”, would open soon.")
    rows = extract_entities(body)["quotes"]
    assert [r for r in rows if r["kind"] == "direct"] == []
    # the last sentence is reported speech: Sarah Jones is a quoted speaker, the scare quotes stay in the clause
    assert [(r["speaker"], r["text"]) for r in rows] == [
        ("Sarah Jones", "the hubs, known as “super clinics”, would open soon")]


def test_reported_speech_makes_a_quoted_speaker() -> None:
    body = ("Omar Haddad, the regional skills minister, said employers in the pilot had cut sick leave by a tenth.\n"
            "Haddad told reporters the money would last three years. “We are proud,” said Haddad.\n"
            "The report was welcomed by Lena Ortiz. Ortiz said: “It is a start.”")
    rows = [(r["speaker"], r["kind"], r["text"]) for r in extract_entities(body)["quotes"]]
    assert rows == [
        ("Omar Haddad", "reported", "employers in the pilot had cut sick leave by a tenth"),
        ("Omar Haddad", "reported", "the money would last three years"),
        ("Omar Haddad", "direct", "We are proud,"),
        ("Lena Ortiz", "direct", "It is a start."),
    ]


def test_govuk_intro_line_then_quote_paragraph() -> None:
    body = ("Minister for Employment Alison McGovern said:\n"
            "“Too many people are locked out of work because of ill health.”\n"
            "Work and Pensions Secretary Liz Kendall said:\n"
            "“We are determined to get Britain working again.”")
    assert [s for s, _ in q(body)] == ["Alison McGovern", "Liz Kendall"]


def test_new_sentence_after_quote_is_not_its_attribution() -> None:
    body = "Sarah Jones, director at Acme, said: “We are proud.” She described the pilot as “a real success”."
    assert q(body) == [("Sarah Jones", "We are proud."), ("Sarah Jones", "a real success")]


def test_pronoun_is_the_person_named_since_the_last_quote() -> None:
    body = ("“We pray for their recovery,” said press secretary Stephanie Grisham.\n"
            "When Afghan President Ashraf Ghani announced the exchange, he said it was agreed.\n"
            "He also said he hoped the swap would “pave the way for direct talks”.\n"
            "“It is a stock-specific market,” he said.")
    assert [s for s, _ in q(body)] == ["Stephanie Grisham", "Ashraf Ghani", "Ashraf Ghani"]


def test_long_appositive_and_hyphenated_described_fragment() -> None:
    body = ("Dr Lena Ortiz, professor of cardiometabolic medicine at the University of Leeds and a principal "
            "investigator for the new study, said the team aimed to publish more details soon.\n"
            "Amanda Okafor, then chief executive of NHS England, called the new medicines a potential “game-changer”.\n"
            "Officials called it a “lifeline”.")
    rows = [(r["speaker"], r["kind"], r["text"]) for r in extract_entities(body)["quotes"]]
    assert rows == [("Lena Ortiz", "reported", "the team aimed to publish more details soon"),
                    ("Amanda Okafor", "direct", "game-changer")]


def test_a_speaker_named_inside_an_appositive_or_followed_by_one_of_a_role() -> None:
    body = ("The charity's head of research, Tomasz Wren, said that waiting lists had doubled. "
            "Ngozi Ferreira, one of the clinic's employment advisers, said: \"Most people want to stay in work.\" "
            "Brightwell Analytics, one of the biggest firms in the sector, said profits rose.")
    assert [(r["speaker"], r["kind"]) for r in extract_entities(body)["quotes"]] == [
        ("Tomasz Wren", "reported"), ("Ngozi Ferreira", "direct")]


def test_told_someone_reports_the_clause_after_the_listener() -> None:
    body = ("The minister, Idris Vaughan, told MPs the scheme would expand. Participant Tom Beale told the "
            "Wexcombe Gazette that the support helped him. Ann Rigby told staff to go home.")
    rows = extract_entities(body)["quotes"]
    assert [(r["speaker"], r["kind"], r["text"]) for r in rows] == [
        ("Idris Vaughan", "reported", "the scheme would expand"),
        ("Tom Beale", "reported", "the support helped him")]


def test_honours_and_an_appositive_between_the_speaker_and_the_verb() -> None:
    body = ('Ruth Okoro MBE, chair of the board, said the pilot had worked. '
            '"We welcome it," Cllr Amir Khan, leader of the council, said.')
    assert [(r["speaker"], r["kind"]) for r in extract_entities(body)["quotes"]] == [
        ("Ruth Okoro", "reported"), ("Amir Khan", "direct")]


def test_a_fragment_before_an_adding_clause_is_the_sentence_speakers() -> None:
    body = ('Councillor Megan Ashdown, the council\'s lead for jobs, said the award was "welcome but far too late", '
            "adding that referrals had doubled.")
    assert q(body) == [("Megan Ashdown", "welcome but far too late")]
    assert q('"The plan is a lifeline," said Tom Reid, adding that it came late.') == [
        ("Tom Reid", "The plan is a lifeline,")]


def test_answers_of_a_question_and_answer_interview_are_the_interviewees_words() -> None:
    body = ("The council's programme lead, Ravi Anand, talks targets and money.\n"
            "Q: How much have you been given?\nA: We have £2 million for two years.\n"
            "Q: Who is it for?\nA: Anyone aged 18 to 24 who is out of work.")
    assert q(body) == [("Ravi Anand", "We have £2 million for two years."),
                       ("Ravi Anand", "Anyone aged 18 to 24 who is out of work.")]
    assert q("Q: Who is it for?\nA: Anyone.\nQ: When?\nA: Now.") == []  # no interviewee named


def test_transcript_lines_labelled_with_a_named_persons_name_are_their_words() -> None:
    body = ("PRESENTER: With me is Dr Anna Webb, who runs the service in Carlisle.\nANNA WEBB: We see forty people a week.\n"
            "PRESENTER: And the money?\nWEBB: It lasts two years.\nNote: this transcript was edited.")
    assert q(body) == [("Anna Webb", "We see forty people a week."), ("Anna Webb", "It lasts two years.")]


def test_a_persons_title_after_their_name_and_a_colon_is_a_caption_not_speech() -> None:
    assert q("Rosa Lane, the chief executive, spoke first.\nRosa Lane: Chief Executive of Tees Works Partnership.") == []


def test_according_to_a_named_person_before_the_quotation() -> None:
    rows = extract_entities('According to Dr Sarah Jones, chief executive of the trust, "the results speak for themselves".')["quotes"]
    assert [(r["speaker"], r["text"]) for r in rows] == [("Sarah Jones", "the results speak for themselves")]
    assert extract_entities('According to figures from the ONS, the "great resignation" is over.')["quotes"] == []


def test_a_spokesperson_for_a_charity_is_a_person_not_the_charity() -> None:
    rows = extract_entities('Paul Grant, a spokesperson for the charity, explained: "Demand is rising."')
    assert [(r["speaker"], r["text"]) for r in rows["quotes"]] == [("Paul Grant", "Demand is rising.")]
    assert rows["organisation_mentions"] == []
    assert [r["name"] for r in extract_entities("Brightpath, a Leeds-based social enterprise, said so.")[
        "organisation_mentions"]] == ["Brightpath"]


def test_said_the_role_then_the_name_and_two_appositives() -> None:
    assert q('"It has changed my life," said the council\'s leader, Jane Smith.') == [("Jane Smith", "It has changed my life,")]
    assert q('"It\'s a start," Jane Smith, 45, from Bolton, said.') == [("Jane Smith", "It's a start,")]
    assert q('"It\'s a start," conceded Jane Smith.') == [("Jane Smith", "It's a start,")]


def test_a_testimonial_signed_on_the_next_line() -> None:
    assert q('"The support was brilliant from day one."\n— Priya Shah, participant') == [
        ("Priya Shah", "The support was brilliant from day one.")]
    # a long paragraph after the quotation is the story going on, not a signature
    assert q('"The support was brilliant from day one."\nTom Evans, who runs the service, has been involved since it '
             'opened in the spring of 2023 with a team of six.') == [(None, "The support was brilliant from day one.")]
