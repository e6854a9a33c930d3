"""The cleaner on many made-up page layouts (tests/layout_fuzz.py): the story's lines are kept wherever the page's
chrome sits, and no chrome is kept."""
from __future__ import annotations

from healthwork.clean import clean_article
from tests.layout_fuzz import (
    BIO_SHAPED_SENTENCES,
    BODY,
    CHROME,
    OPTIONAL,
    STORIES,
    VARIANTS,
    judge,
    make_page,
    make_pages,
    make_variant_page,
)

PAGE_COUNT = 320
# share of the generated pages cleaned exactly (every body line kept, no chrome kept): raise it, never lower it
PASS_RATE_FLOOR = 0.99  # 153/320 before the fixes (no corpus), 295/320, then 304/320 (closing paragraph and lists), 320/320 (inline boxes, closing lines)
# pages whose exact body is asserted line by line (a spread of layouts over the four stories)
SAMPLE_SEEDS = (0, 3, 9, 11, 15, 16, 21, 32, 35, 36, 52, 60, 93, 99, 189, 233, 301)


def _lines(page_text: str, line_nos: set[int] | tuple[int, ...]) -> list[str]:
    lines = page_text.split("\n")
    return [lines[n - 1] for n in sorted(line_nos)]


def test_pages_are_deterministic_and_varied() -> None:
    first, again = make_pages(40), make_pages(40)
    assert [p.text for p in first] == [p.text for p in again]
    assert len({p.kinds for p in make_pages(PAGE_COUNT)}) >= 250  # layouts differ, not just the story


def test_expected_lines_follow_the_guidelines() -> None:
    page = make_page(0)
    story = STORIES[0]
    lines = page.text.split("\n")
    headline_at = lines.index(story.headline) + 1
    assert headline_at not in page.body and headline_at not in page.optional
    assert lines.index("It is not.") + 1 in page.body
    assert lines.index("How the referrals work") + 1 in page.body
    assert lines.index("1. Hollinsby Central \u2013 £1.5m") + 1 in page.body
    body_texts = _lines(page.text, page.body)
    assert body_texts[0].startswith("A pilot that gives people with health conditions")
    assert body_texts[-1].startswith("The council said it would publish a full evaluation")
    assert not any(t.startswith(("Read more", "READ MORE", "Related:")) for t in body_texts)
    assert BODY != CHROME != OPTIONAL


def test_sample_pages_keep_exactly_the_story() -> None:
    for seed in SAMPLE_SEEDS:
        page = make_page(seed)
        result = clean_article(page.text)
        verdict = judge(page, result.kept_line_nos)
        assert _lines(page.text, verdict.lost) == [], page.name
        assert _lines(page.text, verdict.kept_chrome) == [], page.name
        kept_required = [n for n in result.kept_line_nos if n not in page.optional]
        assert _lines(page.text, kept_required) == _lines(page.text, page.body), page.name


def test_pass_rate_over_all_layouts() -> None:
    pages = make_pages(PAGE_COUNT)
    verdicts = [judge(p, clean_article(p.text).kept_line_nos) for p in pages]
    passed = sum(v.passed for v in verdicts)
    kept_chrome = sum(len(v.kept_chrome) for v in verdicts)
    print(f"layout fuzz: {passed}/{len(pages)} pages exact, {kept_chrome} chrome lines kept")
    assert kept_chrome == 0
    assert passed / len(pages) >= PASS_RATE_FLOOR


def test_story_read_past_an_advert_a_signup_box_and_a_related_box() -> None:
    page = "\n\n".join([
        "Home\nNews\nHealth",
        "Town trials same-day work coaching for sick patients",
        "By Ann Example",
        "14 March 2025",
        "Patients who are signed off sick in Fenwick Cross can now see a work coach at their surgery on the same day, "
        "under a trial that started this month.",
        "The coaches help people plan a return to work and can contact employers about changes to hours or duties.",
        "Advertisement",
        "How to get help",
        "Residents can be referred in three ways:",
        "Get the latest local news delivered to your inbox\nEnter your email address\nSign up",
        "\u2022 by their GP\n\u2022 at the jobcentre\n\u2022 by phoning the service",
        "Related articles\nHospital parking charges to rise next year\nNew walk-in centre opens on the high street",
        "What happens next",
        "The trial runs for a year and will be evaluated by the local university before any decision on extending it.",
        "Organisers say early demand has been higher than expected, with more than 80 referrals in the first fortnight.",
        "Share this article\nFacebook\nEmail",
    ])
    body = clean_article(page).body.split("\n")
    assert body == [
        "Patients who are signed off sick in Fenwick Cross can now see a work coach at their surgery on the same day, "
        "under a trial that started this month.",
        "The coaches help people plan a return to work and can contact employers about changes to hours or duties.",
        "How to get help",
        "Residents can be referred in three ways:",
        "\u2022 by their GP",
        "\u2022 at the jobcentre",
        "\u2022 by phoning the service",
        "What happens next",
        "The trial runs for a year and will be evaluated by the local university before any decision on extending it.",
        "Organisers say early demand has been higher than expected, with more than 80 referrals in the first fortnight.",
    ]


STORY_SENTENCES_WITH_CUE_WORDS = (
    "Latest figures show 1,200 people have used the service.",
    "Share of people in work rose to 74% in the pilot areas.",
    "Email reminders are sent before each appointment.",
    "Print copies of the guide are available in libraries.",
    "Related costs, such as travel, are also covered.",
    "Popular demand led to a second clinic opening in May.",
    "Most popular among users was the evening clinic.",
    "Cookies and cakes were served at the launch, organisers said.",
    "Advertising for the scheme will start next month.",
    "Terms and conditions for employers are being simplified.",
    "Copyright rules mean the evaluation cannot be shared yet.",
)
CHROME_SENTENCES_WITH_CUE_WORDS = (
    "Read more about the scheme on the council's website.",
    "Share this article with your friends.",
    "Cookies help us deliver our services.",
    "Sponsored content from our partners.",
    "Most popular stories this week.",
)


def _page_with(line: str) -> str:
    return "\n\n".join([
        "Home\nNews",
        "Pilot helps sick workers stay in jobs",
        "By Ann Example",
        "14 March 2025",
        "A pilot that gives people with health conditions quick support to stay in work has helped more than 900 "
        "residents in its first twelve months, figures show.",
        "The service places work and health coaches in six GP surgeries across the town, so that patients can be "
        "referred on the same day.",
        line,
        "The council said it would publish a full evaluation next spring, once a second cohort of patients has "
        "completed the programme.",
        "About us\nContact",
    ])


def test_story_sentences_opening_with_a_cue_word_are_kept() -> None:
    lost = [s for s in STORY_SENTENCES_WITH_CUE_WORDS if s not in clean_article(_page_with(s)).body.split("\n")]
    assert lost == []


def test_links_buttons_and_site_notices_written_as_sentences_are_dropped() -> None:
    kept = [s for s in CHROME_SENTENCES_WITH_CUE_WORDS if s in clean_article(_page_with(s)).body.split("\n")]
    assert kept == []


VARIANT_PAGES = 40  # per variant: a story sentence shaped like a bio, a story of short lines, hard-wrapped paragraphs


def test_variant_pages_keep_exactly_the_story() -> None:
    """Every page of the three harder story shapes is cleaned exactly (0/40, 4/40 and 0/40 before the fixes)."""
    failed = {}
    for variant in VARIANTS:
        pages = [make_variant_page(seed, variant) for seed in range(VARIANT_PAGES)]
        failed[variant] = [p.name for p in pages if not judge(p, clean_article(p.text).kept_line_nos).passed]
    assert failed == {variant: [] for variant in VARIANTS}


def test_variant_pages_mark_the_expected_lines() -> None:
    bio = make_variant_page(0, "bio_sentence")
    lines = bio.text.split("\n")
    assert lines.index(BIO_SHAPED_SENTENCES[0]) + 1 in bio.body
    wrapped = make_variant_page(0, "hard_wrapped")
    wrapped_lines = _lines(wrapped.text, wrapped.body)
    lead = STORIES[0].parts[0][1]
    assert wrapped_lines[0].startswith("A pilot that gives people") and len(wrapped_lines[0]) <= 78
    assert " ".join(wrapped_lines[:3]) == lead or " ".join(wrapped_lines[:4]) == lead
    short = make_variant_page(1, "short_lines")
    assert _lines(short.text, short.body) == [
        "Small firms get free checks.", "Up to ten a year are offered.", "Advisers visit each firm.",
        "Care homes use it most.", "Demand is rising fast.", "It starts in June.",
    ]


def _story_page(*paragraphs: str, tail: str = "About us\nContact\nPrivacy policy") -> str:
    return "\n\n".join([
        "Home\nNews\nHealth",
        "Town trials same-day work coaching for sick patients",
        "By Ann Example",
        "14 March 2025",
        *paragraphs,
        tail,
    ])


def test_a_bio_shaped_sentence_inside_the_story_does_not_cut_it_off() -> None:
    story = [
        "Patients who are signed off sick in Fenwick Cross can now see a work coach at their surgery on the same day, "
        "under a trial that started this month.",
        "The coaches help people plan a return to work and can contact employers about changes to hours or duties.",
        "Sarah Jones is a former reporter turned careers adviser who has worked with the trial since it opened.",
        "She said the coaches had already seen more than 80 patients and that most wanted to go back to work sooner.",
        "The trial runs for a year and will be evaluated by the local university before any decision on extending it.",
    ]
    assert clean_article(_story_page(*story)).body.split("\n") == story


def test_an_author_bio_at_the_end_still_ends_the_story() -> None:
    story = [
        "Patients who are signed off sick in Fenwick Cross can now see a work coach at their surgery on the same day, "
        "under a trial that started this month.",
        "The coaches help people plan a return to work and can contact employers about changes to hours or duties.",
    ]
    bio = "Ann Example is a health reporter covering the NHS and social care across the region."
    teaser = ("Hospital car parking charges are to rise next year after the trust said it needed to cover the cost of "
              "repairs to its multi-storey car park.")
    page = _story_page(*story, bio, "Related articles", teaser, tail="About us\nContact")
    assert clean_article(page).body.split("\n") == story


def test_a_story_of_short_lines_is_kept() -> None:
    story = ["The clinic opens on Monday.", "It will see sick workers.", "Coaches will staff it.",
             "GPs can refer patients.", "Waits should be short."]
    page = _story_page(*story, tail="2 comments\nJaneB\nThis has made a real difference to my family and friends.\nReply")
    assert clean_article(page).body.split("\n") == story


def test_hard_wrapped_paragraphs_are_kept_line_by_line() -> None:
    story = [
        "Patients who are signed off sick in Fenwick Cross can now see a work\n"
        "coach at their surgery on the same day, under a trial that started this\n"
        "month and will run until next spring.",
        "The coaches help people plan a return to work and can contact employers\n"
        "about changes to hours or duties, the council said in a statement on\n"
        "Tuesday.",
        "The trial will be evaluated by the local university before any decision\n"
        "on extending it to the rest of the county.",
    ]
    result = clean_article(_story_page(*story))
    assert result.body.split("\n") == "\n".join(story).split("\n")
    assert result.title == "Town trials same-day work coaching for sick patients"


_LEAD = ("Patients who are signed off sick in Fenwick Cross can now see a work coach at their surgery on the same day, "
         "under a trial that started this month.")
_SECOND = "The coaches help people plan a return to work and can contact employers about changes to hours or duties."


def test_the_closing_paragraph_after_a_box_of_bare_headlines_is_kept() -> None:
    closing = "The trial will be evaluated by the university before any decision on extending it to other surgeries."
    box = "Related\nHospital car parking charges to rise next year\nNew walk-in centre opens on the high street"
    page = _story_page(_LEAD, _SECOND, box, closing, tail="3 comments\nJaneB\nReply")
    assert clean_article(page).body.split("\n") == [_LEAD, _SECOND, closing]


def test_a_card_summary_after_a_box_headline_is_not_kept() -> None:
    summary = "Hospital car parking charges will rise next year as the trust tries to cover the cost of car park repairs."
    box = "Related\nNew walk-in centre opens on the high street\nHospital car parking charges to rise next year"
    page = _story_page(_LEAD, _SECOND, box, summary, tail="3 comments\nJaneB\nReply")
    assert clean_article(page).body.split("\n") == [_LEAD, _SECOND]


def test_a_list_the_story_ends_on_is_kept_and_a_link_list_is_not() -> None:
    intro = "An evaluation of the first year found that the patients who took part."
    items = ["\u2022 were more likely to be in work after six months", "\u2022 took fewer days off sick once back at work"]
    page = _story_page(_LEAD, _SECOND, intro, "Advertisement", "\n".join(items))
    assert clean_article(page).body.split("\n") == [_LEAD, _SECOND, intro, *items]
    links = ["\u2022 Hospital car parking charges to rise next year", "\u2022 New walk-in centre opens on the high street"]
    page = _story_page(_LEAD, _SECOND, "\n".join(links))
    assert clean_article(page).body.split("\n") == [_LEAD, _SECOND]
    announced = "Patients can be referred in three ways:"
    referrals = ["\u2022 By their GP or practice nurse", "\u2022 Through the local jobcentre", "\u2022 By phoning the service"]
    box = "Related articles\nHospital car parking charges to rise next year\nNew walk-in centre opens on the high street"
    page = _story_page(_LEAD, _SECOND, announced, box, "\n".join(referrals))
    assert clean_article(page).body.split("\n") == [_LEAD, _SECOND, announced, *referrals]


# seeds 400-999 were held out until session clean8, which read their failures to design its span rules (closing
# sections and tables past inline chrome, lists a sentence runs into): 582/600 before
SECOND_SEEDS_FIRST, SECOND_SEEDS_COUNT, SECOND_SEEDS_FLOOR = 400, 600, 0.985  # 594/600 now


def test_pass_rate_over_the_second_seed_range() -> None:
    pages = make_pages(SECOND_SEEDS_COUNT, first_seed=SECOND_SEEDS_FIRST)
    verdicts = [judge(p, clean_article(p.text).kept_line_nos) for p in pages]
    assert sum(len(v.kept_chrome) for v in verdicts) == 0
    assert sum(v.passed for v in verdicts) / len(pages) >= SECOND_SEEDS_FLOOR
