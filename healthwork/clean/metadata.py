"""Metadata from the zone just above the body: headline, byline name, the article's own date, canonical URL."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from healthwork.clean.lines import DROP, PARAGRAPH, URL_LABEL, Line, dated_headline, is_menu_row, title_like
from healthwork.clean.names import (
    BYLINE_LABEL_ONLY,
    HONORIFICS,
    bare_name,
    byline_name_cached,
    is_author_role_line,
    is_role_line,
    name_at_start,
    person_name_line,
    without_honorifics,
)
from healthwork.clean.patterns import DIGIT, INNER_SENTENCE_BREAK, STOP_WORDS
from healthwork.dates import find_dates, find_short_year_dates, is_date_line
from healthwork.reference import first_names

_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published|originally published|date|issued|released|original)\b", re.I)
_UPDATED_LABEL = re.compile(r"(?:\b|(?<=\d))(?:updated|modified|last reviewed|reviewed)\b", re.I)  # '2025Updated' too

# ---------------------------------------------------------------- metadata

_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
# 'By Public Sector Review', 'Distributed by: X': a credit line, never the headline
_BY_LINE = re.compile(r"^(?:\w+ )?by\b\s*:?\s*[A-Z]", re.I)
# a form field: 'Region: Wales', 'Is Key Decision?: Yes' (a short label and a short value)
_FIELD = re.compile(r"^[^:]{1,30}:\s*(?:\S+\s*){1,4}$")
# 'Name | 20 November 2025', 'Name · 10 October 2025 · 5 min read'
_BYLINE_PARTS = re.compile(r"\s+[|·•–—-]\s+")
# a browser or page-widget notice ('Media playback is unsupported on your device', 'Please enter a search term')
_UI_NOTICE = re.compile(
    r"\b(?:your (?:browser|device)|internet explorer|javascript|media playback|modern browser|please (?:enter|update|enable|upgrade)"
    r"|now playing|listen live)\b",
    re.I,
)
# the writer's outlet under their name: 'BBC News', 'Example Broadcast News, North Wales'
_OUTLET_LINE = re.compile(r"^[A-Z][\w&'’. ]{0,40}\bNews\b(?:,\s*[A-Z][\w'’ ]{1,30})?$")
# a label of the page's metadata: 'Topics: Occupational health, Absence', 'Filed under: Health'
_META_LABEL = re.compile(
    r"^(?:related )?(?:topics?|tags?|tagged|categor(?:y|ies)|filed under|sections?|subjects?|keywords|themes?|region|location"
    r"|content type|type|format|audience|sectors?)\s*:",
    re.I,
)
# a council's or a parliament's report cover: who the report is from or to, and its number ('Second Report of Session
# 2025-26', 'Report of the Director of Adult Services', 'Report to Cabinet'), never its title
_REPORT_COVER_LINE = re.compile(
    r"^(?:(?:[A-Z][a-z]+|\d+(?:st|nd|rd|th)) )?Report of Session\b"
    r"|^Report (?:of|by|from) (?:the )?(?:Director|Head|Chief|Executive|Strategic|Corporate|Cabinet Member|"
    r"Portfolio Holder|Assistant|Deputy|Service Director)\b"
    r"|^Report to (?:the )?(?:Cabinet|Council|Executive|Full Council|[A-Z][\w&,' -]{0,60}(?:Committee|Board|Panel))\s*$"
    r"|^Report,? together with\b|^Ordered by the House\b")
_ACADEMIC_ROLE = re.compile(r"\b(?:professor|lecturer|researcher|research fellow|fellow|economist|analyst|reader in|phd)\b", re.I)
_CAPTION_POSITION = re.compile(r"\((?:left|right|centre|center|pictured|above|below|top|bottom|second (?:left|right))\)", re.I)
# an article tool: 'Gift this article', 'Listen to this story', 'Save this page'
_ARTICLE_TOOL = re.compile(r"\bthis (?:article|story|page|post)$", re.I)
# an icon font's ligature name printed as text ('chevron_left', 'arrow_forward'): a button, not prose
_ICON_NAME = re.compile(r"\b[a-z]+_[a-z]+\b")
# the label of a statement's or a form's title field: 'TITLE    Funding for 2026-27', 'Subject: Funding for 2026-27'
_TITLE_FIELD = re.compile(r"^(?:title|headline|subject)(?:\s*:\s*|\t\s*| {2,})(?=\S)", re.I)
# a 'Most read' box flattened onto one line: '1 <headline> 2 <headline> 3 <headline>'
_NUMBERED_RUN = re.compile(r"^1\s+\D.{3,200}?\s2\s+\D.{3,200}?\s3\s+\D")
_LABEL_LAST_WORDS = frozenset({"news", "blog", "updates", "releases", "latest", "stories", "articles", "media", "newsroom"})


_DEBUG_TITLE = False  # print every headline candidate with its score (for tuning)


def _is_title_case(content: str) -> bool:
    """'Home Depot Stock Is Falling After Its Earnings Release': most longer words capitalised."""
    words = [w for w in content.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_BY_LABEL = re.compile(r"^[A-Za-z]+(?: [A-Za-z]+)? by\s*:", re.I)  # 'Prepared by:', 'Report written by:'


def _form_field_penalty(lines: list[Line], j: int) -> float:
    """'Region: Wales', 'Outcome: Approved': a short label and value, alone with a one- or two-word value (2) or in
    a block of fields (4); 'Employment Support: Long-term Health Conditions' alone is a headline (0)."""
    content = lines[j].content
    if not _FIELD.match(content):
        return 0.0
    label = content.split(":", 1)[0]
    if "," in label or len(label.split()) > 3:  # 'Labour market overview, UK: March 2025' is a headline
        return 0.0
    # (a labelled date or byline next to it, 'Published: 3 March 2025', is the header's, not another field)
    # (so is a 'Prepared by:' / 'Report by:' line naming who wrote it)
    in_block = any(
        _FIELD.match(lines[k].content) and lines[k].rule not in ("date_line", "byline")
        and not _BY_LABEL.match(lines[k].content) for k in (j - 1, j + 1) if 0 <= k < len(lines)
    )
    if in_block:
        return 4.0
    return 2.0 if len(content.split(":", 1)[1].split()) <= 2 else 0.0


def find_title(lines: list[Line], first_body: int, common: frozenset[str] | set[str]) -> tuple[int, str | None]:
    window_start = max(0, first_body - 20)
    # the headline is often printed twice above the body: a sticky header, a share panel ('Share: <headline>')
    window_texts = [lines[k].content for k in range(window_start, min(len(lines), first_body))]
    window_joined = "\n".join(window_texts)  # one search first: most lines are printed once
    first_list_label = next(
        (k for k in range(max(0, window_start - 2), first_body) if lines[k].rule in _LIST_LABEL_RULES), first_body
    )
    story_texts = tuple(lines[k].content for k in range(first_body, min(len(lines), first_body + _STORY_LINES)))
    window = _Window(window_start, first_body, window_texts, window_joined, first_list_label, story_texts)
    best_score, best_at, best_content = 0.0, -1, ""
    for j in range(first_body - 1, window_start - 1, -1):
        scored = _headline_score(lines, j, window, best_score)
        if scored is not None and scored[0] > best_score:
            best_score, best_at, best_content = scored[0], j, scored[1]
    if best_score < _WEAK_HEADLINE:
        # the header may sit further up, pushed away by a comment form or a box of teasers: a headline-shaped line
        # straight over a byline ('By Jane Smith') or its date (not a dated list's) is still the page's headline
        for j in range(window_start - 1, max(-1, first_body - 1 - _FAR_WINDOW), -1):
            if not any(
                lines[k].rule == "byline" or lines[k].rule == "date_line" and not _list_date(lines, k, 0, first_body)
                for k in range(j + 1, min(j + 4, first_body))
            ):
                continue
            if any(lines[k].rule == "byline" for k in range(max(0, j - 4), j)):
                continue  # a list of teasers, each with its writer
            scored = _headline_score(lines, j, window, best_score)
            if scored is not None and scored[0] > best_score:
                best_score, best_at, best_content = scored[0], j, scored[1]
    if best_score < _WEAK_HEADLINE:
        # (a blog's header: '<two words>' / '• <category>' / '• <date>' / story, only when no line looked like a headline)
        short = _two_word_headline(lines, window, over_page_facts=best_at < 0 or best_score < 3.0)
        if short >= 0:
            return short, lines[short].content
    if best_at < 0 or best_score < 3.0:
        return (max(0, first_body - 1) if first_body < len(lines) else -1), None
    return best_at, _with_wrapped_end(lines, best_at, first_body, best_content)


# how many lines of the story a headline is expected to share a word with
_STORY_LINES = 12
_SHARED_WORDS = 0.25  # the share of a headline's words its story repeats, more than
_MORE_FUNCTION_WORDS = frozenset("since just only very here each every many much even still".split())
_CONTENT_WORD = re.compile(r"[A-Za-z][a-z’']{3,}")


def _stems(text: str) -> frozenset[str]:
    """The first five letters of each word of four letters or more ('Employment' -> 'emplo'): enough to match
    'employers' with 'employment' or 'Wakefield' with 'Wakefield's'."""
    words = set(map(str.lower, _CONTENT_WORD.findall(text)))
    words -= STOP_WORDS
    words -= _MORE_FUNCTION_WORDS
    return frozenset(word[:5] for word in words)


@lru_cache(maxsize=4096)
def _content_stems(text: str) -> frozenset[str]:
    """``_stems`` of one line, cached: a line is asked for as a candidate and as the line before or after another
    (a line in capitals, 'JOBS SCHEME GETS £2M BOOST', is read in lower case: its words are the story's too)."""
    return _stems(text.lower() if text.isupper() else text)


_WIDE_GAP = re.compile(r" {2,}|\t")


def _link_strip(content: str) -> bool:
    """A strip of four or more short capitalised links printed with wide gaps ('Home  News  Sport  Jobs')."""
    items = _WIDE_GAP.split(content)
    return len(items) >= 4 and all(item and item[0].isupper() and len(item.split()) <= 3 for item in items)


def _two_word_headline(lines: list[Line], window: _Window, over_page_facts: bool = False) -> int:
    """A two-word headline ('Physiotherapy referrals') straight over its byline or date (or, ``over_page_facts``,
    over a few short list items of page facts and then the story: '• Blog' / '• 3 May 2025'), whose words the
    story repeats (a section label, 'Latest news', shares none), or -1. Only asked when no longer line looks like
    the headline."""
    for j in range(window.first_body - 1, window.start - 1, -1):
        line = lines[j]
        content = line.content
        if (
            line.n_words != 2 or line.is_list or line.length < 8 or not content[0].isupper() or DIGIT.search(content)
            or content[-1] in ".:|" or line.rule not in ("", "short_non_sentence", "no_sentence_end")
            or content.rsplit(None, 1)[-1].lower() in _LABEL_LAST_WORDS or bare_name(content) is not None
        ):
            continue
        after = _text_lines_after(lines, j, 1)
        if not after or not _is_byline_or_date(lines[after[0]]) and not (over_page_facts and _over_page_facts(lines, j, window)):
            continue
        words = [word for word in _CONTENT_WORD.findall(content)]
        stems = _content_stems(content)
        if len(words) == 2 and len(stems) == 2 and stems <= window.story_words:
            return j
        # a word in capitals ('NHSX referrals'): both words in the story, capitals or not (a line with a stop word,
        # 'Your health', 'Our work', may be a section's name and is left)
        any_case = _any_case_stems(content)
        if len(any_case) == 2 and any_case <= window.story_words_any_case:
            return j
    return -1


def _over_page_facts(lines: list[Line], j: int, window: _Window) -> bool:
    """Between line j and the story stand only header furniture and one or more short list items of page facts
    ('• Blog', '• 13 August 2025', '• Posted by Jane', '• Leave a comment')."""
    facts = 0
    for k in range(j + 1, window.first_body):
        line = lines[k]
        if _header_furniture(lines, k):
            continue
        if not line.is_list or line.n_words > _META_ITEM_WORDS:
            return False
        facts += 1
    return facts >= 1


_ANY_CASE_WORD = re.compile(r"[A-Za-z][A-Za-z’']{3,}")


def _any_case_stems(text: str) -> frozenset[str]:
    """``_stems`` that also keeps words in capitals ('NHSX'; 'NHS' is too short: four letters at least)."""
    words = set(map(str.lower, _ANY_CASE_WORD.findall(text)))
    words -= STOP_WORDS
    words -= _MORE_FUNCTION_WORDS
    return frozenset(word[:5] for word in words)


def _shared_with_story(content: str, window: _Window) -> float | None:
    """The share of the line's content words the story's first lines repeat (None for a line of under three)."""
    stems = _content_stems(content)
    if len(stems) < 3 or not window.story_words:
        return None
    return len(stems & window.story_words) / len(stems)


def _tagline_over(lines: list[Line], j: int, window: _Window) -> bool:
    """Line j shares few words with the story, and the next line, of a headline's shape, shares most of its own
    (a notice such as 'Media playback is unsupported on your device' is no tagline: the video's caption under it
    is not the headline)."""
    content = lines[j].content
    if _UI_NOTICE.search(content) or _ICON_NAME.search(content) or len(_content_stems(content)) < 3:
        return False
    # the next line's shape first: the story's stems are worked out only when both lines could use them
    after = _text_lines_after(lines, j, 1)
    if not after or after[0] >= window.first_body or not title_like(lines[after[0]]) or _standfirst_shaped(lines[after[0]]):
        return False
    shared = _shared_with_story(content, window)
    if shared is None or shared > _SHARED_WORDS:
        return False
    shared_next = _shared_with_story(lines[after[0]].content, window)
    return shared_next is not None and shared_next >= 2 * _SHARED_WORDS


# a headline scoring under this may be a teaser: look further up for a headline over a byline
_WEAK_HEADLINE = 5.5
# how far above the body a headline over its byline is looked for, and the distance past which all count alike
_FAR_WINDOW, _FAR_DISTANCE = 60, 19


@dataclass(frozen=True)
class _Window:
    """The lines above the body where the headline is looked for, and facts about them every candidate needs."""

    start: int
    first_body: int
    texts: list[str]
    joined: str
    first_list_label: int
    story_texts: tuple[str, ...]  # the story's first lines

    @cached_property
    def story_words(self) -> frozenset[str]:
        """The stems of the content words of the story's first lines (worked out only when a candidate asks)."""
        # one scan of the lines joined: no content word runs over a line break
        return _stems("\n".join(self.story_texts))

    @cached_property
    def story_words_any_case(self) -> frozenset[str]:
        """``story_words`` with the words in capitals too."""
        return _any_case_stems("\n".join(self.story_texts))


def _headline_score(lines: list[Line], j: int, window: _Window, best_score: float) -> tuple[float, str] | None:
    """How much line j looks like the page's headline (and its headline text), or None when it cannot be one or
    cannot beat ``best_score``."""
    window_start, first_body, window_texts, window_joined = window.start, window.first_body, window.texts, window.joined
    first_list_label = window.first_list_label
    line = lines[j]
    if not title_like(line) or line.kind == PARAGRAPH and line.length > 160:
        return None
    if line.rule in ("cookie_notice", "footer", "signup_form", "share_buttons", "advert", "related_list", "comment_prompt", "paywall", "navigation", "promo", "credit", "attachment", "age_notice"):
        return None
    content = line.content
    if _BY_LINE.match(content) or is_menu_row(content) or _link_strip(content):
        return None
    page_title = _page_title_head(content)
    if page_title is not None:
        content = page_title  # '<headline> | <site name>': the saved page's title line
    labelled = _TITLE_FIELD.match(content)
    if labelled:
        content = content[labelled.end():]  # a form's field: 'TITLE    <headline>', 'Subject: <headline>'
    # the page says which line is its title (a newsletter's subject naming its issue, 'Subject: Example news', does not)
    label_named = content.rsplit(None, 1)[-1].lower() in _LABEL_LAST_WORDS
    score = 6.0 if labelled is not None and not label_named else 3.0
    inner_break = INNER_SENTENCE_BREAK.search(content) is not None
    # 'Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.' is a headline
    title_case = (inner_break or content[-1] == ".") and _is_title_case(content)
    if content[-1] not in ".":
        score += 2.0
    if content.endswith(".") and not title_case:
        score -= 1.0
    if 20 <= line.length <= 140:
        score += 1.0
    if line.n_words < 4:
        score -= 1.5
    if line.rule == "template_repeat":
        score -= 2.0
    # shape of a standfirst: a long sentence
    if line.sentence and line.length > 110:
        score -= 2.0
    score -= 0.15 * min(first_body - j - 1, _FAR_DISTANCE)
    if score + 4.5 <= best_score:  # cannot win even with every bonus below
        return None
    # a name with its job or agency ('Jane Smith, Health Reporter'), a dated line, or a standfirst of
    # several sentences is not the headline
    head = re.split(r"[,|]", content, maxsplit=1)[0]
    # a trail above ending with the text holds it once more in the window (the line itself is the other): most
    # candidates are printed once, and no trail is tried
    printed = window_joined.count(content)
    crumb_title = printed >= 2 and any(_breadcrumb_ends_with(lines[k].content, content) for k in range(window_start, j))
    if not crumb_title and (head != content or line.n_words <= 4) and name_at_start(head) == head.strip() and line.n_words <= 10:
        score -= 3.0 if _names_a_writer(head, content) else 1.0
    if DIGIT.search(content) and (
        find_dates(content) or (_PUBLISHED_LABEL.search(content) or _UPDATED_LABEL.search(content)) and find_short_year_dates(content)
    ):
        score -= 3.0
    # a standfirst of several sentences ('X? Y' and a title-case 'X. Why Y.' can be headlines)
    if inner_break and not title_case:
        score -= 2.0 if content.endswith(".") else 0.5
    # a headline names what the story is about: a line sharing (almost) no word with the story's first lines is a site's
    # tagline, a section's name or another story's teaser ('Your local news and sport since 1869')
    # (when the next line, of a headline's shape, shares many more: one of the two is the headline)
    if _tagline_over(lines, j, window):
        score -= 1.0
    if _UI_NOTICE.search(content) or _ICON_NAME.search(content) or is_role_line(content):
        score -= 4.0  # a notice, an icon's name, or the writer's job ('Social Affairs Editor')
    if "(" in content and _CAPTION_POSITION.search(content):
        score -= 3.0  # a photo caption: 'Jane Smith (left) and Tom Jones'
    if line.n_words <= 5 and _ARTICLE_TOOL.search(content) or content.count("  ") >= 3:
        score -= 3.0  # an article tool, or a strip of links ('Rhyl  Prestatyn  Abergele  Denbigh')
    if content[0] == "1" and _NUMBERED_RUN.match(content):
        score -= 3.0  # a ranked box flattened onto one line: '1 Fares rise 2 Clock stops 3 Road shuts'
    # an image's alt text: under a headline-shaped line and over the picture's caption
    if (
        0 < j < len(lines) - 1 and lines[j + 1].rule == "caption" and lines[j - 1].n_words >= 6
        and title_like(lines[j - 1]) and lines[j - 1].kind != PARAGRAPH
    ):
        score -= 1.5
    if printed >= 2 and line.n_words <= _MENU_ENTRY_WORDS and _menu_entry_copy(lines, j, window):
        score -= 3.0  # also one of the site's menu entries: the site's or a section's name, not a headline
    elif line.length >= 20 and printed >= 2 and sum(_repeats(content, other) for other in window_texts) >= 2:
        score += 2.0  # printed again above the body (itself is one hit)
    if j + 1 < len(lines) and bare_name(lines[j + 1].content) and lines[j + 1].kind == DROP:
        score += 1.0  # headline, then the writer's name
    # breadcrumbs and section labels ('Home > News', 'Council news') are not headlines ...
    if page_title is None and _BREADCRUMB.search(content):
        score -= 3.0
    # ... but a breadcrumb trail above ends with the page's own title
    elif crumb_title:
        score += 2.0
    if _organisation_name_line(content):
        score -= 2.0  # the publisher's name over a report or a release ('Example Borough Council'), not a headline
    if _REPORT_COVER_LINE.match(content):
        score -= 4.0  # who a report is from or to, or its number ('Report to Cabinet', 'Second Report of Session ...')
    if _META_LABEL.match(content):
        score -= 4.0
    else:
        score -= _form_field_penalty(lines, j)
    # a longer line straight after a headline-shaped line is its standfirst (share buttons between do not count)
    before = _text_line_before(lines, j)
    prev = lines[before] if before >= 0 else None
    if (
        prev is not None and prev.n_words >= 6 and (prev.length < line.length or line.n_words >= 6 and j + 1 < len(lines)
                                                      and lines[j + 1].kind == DROP and bare_name(lines[j + 1].content))
        and not prev.content.endswith(".")
        and title_like(prev) and prev.kind != PARAGRAPH and not _BY_LINE.match(prev.content)
        and not _BREADCRUMB.search(prev.content) and not _FIELD.match(prev.content)
        # (unless the line before is a tagline: a short standfirst shares the story's words like its headline)
        and not (not _standfirst_shaped(line) and _tagline_over(lines, before, window))
    ):
        score -= 1.5
    if label_named and len(content.split()) <= 6:
        score -= 2.0
    # the value of a 'From:' / 'Source:' field is not a headline
    if j > 0 and lines[j - 1].length <= 20 and lines[j - 1].content.endswith(":"):
        score -= 3.0
    # an item of a dated list (heading or date, headline, date, headline, date ...) is a teaser
    followed_by_date = j + 1 < len(lines) and lines[j + 1].rule == "date_line"
    if _in_teaser_run(lines, j, window_start, first_body, labelled=first_list_label < j):
        score -= 3.0
    if followed_by_date and _in_dated_list(lines, j, first_body) and not _dated_over_its_story(lines, j, window):
        score -= 3.0
    else:
        # a headline followed by its standfirst, then the byline: the headline is the first of the two (share
        # buttons and article tools between them do not count)
        after = _text_lines_after(lines, j, 7, past_captions=True)  # a lead photo's caption may stand between
        if (
            len(after) >= 2
            and title_like(lines[after[0]])
            # a kicker label is short; a breadcrumb trail glued to the headline contains it
            and (lines[after[0]].length > line.length or (line.n_words >= 6 and lines[after[0]].n_words >= 6 and lines[after[0]].content not in content))
            and lines[after[0]].kind != PARAGRAPH
            and (_is_byline_or_date(lines[after[1]]) or (lines[after[1]].kind == DROP and bare_name(lines[after[1]].content)))
        ):
            score += 1.0
        # followed by a byline/date (skipping its own duplicate, standfirst, credit or a field label)
        for distance, k in enumerate(after[:6]):
            if _is_byline_or_date(lines[k]):
                score += 2.5 - 0.3 * distance
                break
    # the dateline above and the body straight after: 'Published 3 May 2025', headline, first paragraph (share
    # buttons or an article tool may stand between)
    if (
        (j == first_body - 1 or _text_lines_after(lines, j, 1) == [first_body]) and line.n_words >= 6
        and any(lines[k].rule in ("byline", "date_line") for k in range(max(0, j - 2), j))
    ):
        score += 2.0
    if _DEBUG_TITLE:
        print(f"title? {score:.2f} {content[:80]}")
    return score, content


# the last word of an organisation's name ('Example Borough Council', 'Example Health Trust')
_ORGANISATION_NAME_END = frozenset(
    "Council Trust Board Authority Government Department Ministry Agency Commission Committee Partnership "
    "Foundation Association Society Institute Service Services Parliament Assembly Senedd Office".split())
_NAME_LINKS = frozenset({"and", "of", "for", "the", "&"})


def _organisation_name_line(content: str) -> bool:
    """A line that is only an organisation's name: two to six capitalised words (and linking words) ending in a
    word such as 'Council' or 'Trust'."""
    words = content.split()
    return (2 <= len(words) <= 6 and words[-1] in _ORGANISATION_NAME_END
            and all(w[0].isupper() or w in _NAME_LINKS for w in words))


# a menu entry is a few words; a longer list item is a teaser's headline
_MENU_ENTRY_WORDS = 6


def _menu_entry_copy(lines: list[Line], j: int, window: _Window) -> bool:
    """Line j's text is printed again above the story as an entry of a menu: an item the menu goes on after
    ('• The Example Dictionary' / '• Translations' / '• Books'), or a lone link under line j (a box's heading and
    its one link). The last item of a breadcrumb trail ('• Home' / '• <headline>'), above or below the headline, is
    the page's own title and does not count."""
    content = lines[j].content
    for k in range(window.start, window.first_body):
        line = lines[k]
        if k == j or line.rule != "menu_item" or line.content != content:
            continue
        menu_goes_on = k + 1 < len(lines) and k + 1 != j and lines[k + 1].is_list and lines[k + 1].rule == "menu_item"
        if menu_goes_on or k > j and not lines[k - 1].is_list:
            return True
    return False


# a standfirst is a sentence or a long line; a shorter line over a headline-length one is a tagline or a kicker
_STANDFIRST_LENGTH = 100


def _standfirst_shaped(line: Line) -> bool:
    """A line shaped like a standfirst: it ends like a sentence, or is longer than most headlines."""
    return line.sentence or line.length >= _STANDFIRST_LENGTH


# an article tool's counter: '3 min read', '12 comments', '1.2k shares'
_COUNTER = re.compile(r"^\d[\d,.]*k?\s+(?:min(?:ute)?s?(?: read)?|comments?|shares?|views?)$", re.I)


def _header_furniture(lines: list[Line], k: int) -> bool:
    """Share buttons (a short item in a row of them too: '• X') and article tools ('Listen to this article',
    '3 min read', '12 comments') in a header."""
    line = lines[k]
    if line.rule in ("share_buttons", "reading_time"):
        return True
    if line.n_words <= 5 and (_ARTICLE_TOOL.search(line.content) is not None or _COUNTER.match(line.content) is not None):
        return True
    return line.is_list and line.n_words <= 2 and any(
        0 <= i < len(lines) and lines[i].rule == "share_buttons" for i in (k - 1, k + 1)
    )


def _text_lines_after(lines: list[Line], j: int, count: int, past_captions: bool = False) -> list[int]:
    """The next ``count`` lines after j that are not header furniture (nor, ``past_captions``, a photo's caption)
    within a dozen lines."""
    out: list[int] = []
    for k in range(j + 1, min(len(lines), j + 13)):
        if not _header_furniture(lines, k) and not (past_captions and lines[k].rule == "caption"):
            out.append(k)
            if len(out) == count:
                break
    return out


def _text_line_before(lines: list[Line], j: int) -> int:
    """The nearest line before j that is not header furniture (within a few lines), or -1."""
    for k in range(j - 1, max(-1, j - 6), -1):
        if not _header_furniture(lines, k):
            return k
    return -1


def _is_byline_or_date(line: Line) -> bool:
    return _is_byline(line) or _date_shaped(line)


def _is_byline(line: Line) -> bool:
    """A byline: the line shapes' own, or a short line opening with 'By'."""
    return line.rule == "byline" or line.length <= 80 and _BY_LINE.match(line.content) is not None


def _date_shaped(line: Line) -> bool:
    """A date line, or a recent date with no year that the line shapes leave as a short line."""
    return line.rule == "date_line" or (
        line.rule == "short_non_sentence" and line.length <= _RECENT_DATE_LENGTH and is_date_line(line.content)
    )


# 'Yesterday at 10:30pm', 'Monday 5:30PM': a recent date with no year, which the line shapes leave as a short line
_RECENT_DATE_LENGTH = 24


def _names_a_writer(head: str, content: str) -> bool:
    """A name-shaped line that is a writer's credit, not a headline: a bare name ('Jane Smith'), or a name with
    a job or outlet after it whose first word is a given name or an initial ('Jane Smith, Health Reporter');
    'Introducing Amara Okafor, new chief executive' opens with a capitalised verb, not a given name."""
    rest = content[len(head):].lstrip(",| ").strip()
    if not rest:
        return True
    first = head.split(None, 1)[0].rstrip(".")
    return len(first) == 1 or first in first_names() or first.lower() in HONORIFICS or is_role_line(rest) or _ACADEMIC_ROLE.search(rest) is not None


def _with_wrapped_end(lines: list[Line], at: int, first_body: int, headline: str) -> str:
    """A headline wrapped onto the next line (PDF and print dumps): 'Support for people with long-term' /
    'conditions: progress report' is one headline."""
    if at + 1 >= first_body or headline[-1] in ".!?:;,":
        return headline
    after = lines[at + 1]
    first_word = after.content.split(None, 1)[0].strip(":;,.'’\"")
    if (
        after.rule in ("", "short_non_sentence", "no_sentence_end") and 2 <= after.n_words <= 8
        and first_word.isalpha() and first_word.islower() and not after.content.endswith(".")
    ):
        return headline + " " + after.content
    return headline



_LABEL_END = (":", "|", "-", "–", "—", ">", "»", "›")


def _repeats(headline: str, other: str) -> bool:
    """``other`` prints ``headline`` again: the same line, 'Share: <headline>' or '<headline> | Site name'."""
    if headline not in other:
        return False
    if other == headline:
        return True
    if other.endswith(headline):  # but in '<headline> | <site name>' the end is the site's name
        return other[: -len(headline)].rstrip().endswith(_LABEL_END) and _page_title_head(other) is None
    return other.startswith(headline) and other[len(headline):].lstrip().startswith(_LABEL_END)


_PAGE_TITLE_SPLIT = re.compile(r"\s(?:\||-|–|—)\s")
_SITE_NAME_WORD = re.compile(r"^(?:[A-Z0-9][\w'’.&-]*|&|and|of|the|for|on)$")


def _page_title_head(content: str) -> str | None:
    """The headline of a saved page's title line '<headline> | <site name>' ('... | Example County Council',
    '... - Example Gazette'), or None: one separator, a headline of four words or more, a short capitalised name."""
    parts = _PAGE_TITLE_SPLIT.split(content)
    if len(parts) != 2:
        return None
    head, site = parts[0].strip(), parts[1].strip()
    site_words = site.split()
    if len(head.split()) < 4 or not 1 <= len(site_words) <= 5 or not site_words[0][0].isupper():
        return None
    if not all(_SITE_NAME_WORD.match(word) for word in site_words) and ".co" not in site and ".org" not in site:
        return None
    return head


def _breadcrumb_ends_with(trail: str, title: str) -> bool:
    """'Home > News > <title>'; not '<headline> | <site name>', whose end is the site's name."""
    return (
        len(title) >= 8 and trail != title and trail.endswith(title) and _BREADCRUMB.search(trail) is not None
        and _page_title_head(trail) is None
    )


_LIST_LABEL_RULES = frozenset({"related_list", "after_article_end"})


def _teaser_shaped(line: Line) -> bool:
    return title_like(line) and line.kind != PARAGRAPH and line.rule not in ("byline", "date_line")


def _in_teaser_run(lines: list[Line], j: int, window_start: int, first_body: int, labelled: bool) -> bool:
    """Line j is one of three or more headline-shaped lines in a row under a list label ('Most read', 'Related',
    'More on'), or one of a run of _UNLABELLED_TEASER_RUN or more with no label: a box of teasers, not the page's
    headline (a header has one headline, perhaps a standfirst, then a byline or date)."""
    start = j
    while start - 1 >= window_start and _teaser_shaped(lines[start - 1]):
        start -= 1
    end = j
    while end + 1 < first_body and _teaser_shaped(lines[end + 1]):
        end += 1
    if end - start < 2 or not labelled and end - start + 1 < _UNLABELLED_TEASER_RUN:
        return False
    if j == end == first_body - 1 and lines[j - 1].content.endswith("."):
        return False  # the box's last item ended with its summary; the line over the story is its headline
    box_label = any(lines[k].rule in _LIST_LABEL_RULES for k in range(max(0, start - 2), start))
    if box_label and j == end and j - start >= 3 and not _standfirst_shaped(lines[j]) and _over_its_byline(lines, j):
        return False  # a labelled box of teasers ends at the page's header: its headline, then the writer's byline
    return end - start + 1 >= _UNLABELLED_TEASER_RUN or box_label


_UNLABELLED_TEASER_RUN = 5


def _over_its_byline(lines: list[Line], j: int) -> bool:
    """The next line after j (past share buttons and article tools) is a byline ('By Jane Smith'); a date alone
    is not enough, since a dated header may stand under a box of teasers."""
    after = _text_lines_after(lines, j, 1)
    return bool(after) and _is_byline(lines[after[0]])


def _dated_over_its_story(lines: list[Line], j: int, window: _Window) -> bool:
    """Line j, under a dated list, is the page's own dated headline: its date is the last line over the story
    and the story's first lines repeat most of its words (a teaser's do not)."""
    if j + 2 != window.first_body:
        return False
    shared = _shared_with_story(lines[j].content, window)
    return shared is not None and shared >= 2 * _SHARED_WORDS


def _in_dated_list(lines: list[Line], j: int, first_body: int) -> bool:
    """Line j (followed by a date) is an item of a dated list: a date line just above, or a list heading above
    and the headline-date pattern going on below."""
    above = range(max(0, j - 2), j)
    if any(lines[k].shape_rule == "date_line" for k in above):
        return True
    if any(lines[k].shape_rule == "related_list" for k in above):
        if j + 3 < len(lines) and title_like(lines[j + 2]) and lines[j + 3].rule == "date_line":
            return True
    # the headline-date pattern repeats two more times around it above the story (a section label may stand
    # between the items; a list's heading, 'Related stories', ends it: the page's dated headline may sit over it)
    below, up = range(j + 2, min(first_body, j + 10)), range(j - 1, max(0, j - 8), -1)
    return _dated_items(lines, below) + _dated_items(lines, up) >= 2


def _dated_items(lines: list[Line], walk: range) -> int:
    """How many dated list items end on the lines of ``walk``, stopping at a list's heading."""
    items = 0
    for k in walk:
        if lines[k].rule in _LIST_LABEL_RULES:
            break
        items += _dated_item_at(lines, k)
    return items


def _dated_item_at(lines: list[Line], k: int) -> bool:
    """Line k is the date of a dated list item: a date line straight under a headline-shaped line, or under its
    writer's name under one ('Headline' / 'Jane Smith' / '3 May 2025')."""
    if not _date_shaped(lines[k]):
        return False
    return _teaser_shaped(lines[k - 1]) or k >= 2 and bare_name(lines[k - 1].content) is not None and _teaser_shaped(lines[k - 2])


def _list_date(lines: list[Line], k: int, top: int, bottom: int) -> bool:
    """Date line k closes an item of a dated list: it follows a headline-shaped line, and two more items of the same
    shape come next to it between lines ``top`` and ``bottom`` ('Headline' / '3 May 2024' / 'Headline' / '9 May
    2024' ...), up to the list's heading."""
    if not _dated_item_at(lines, k):
        return False
    below, above = range(k + 1, min(bottom, k + 10)), range(k - 1, max(top, k - 10, 1) - 1, -1)
    return _dated_items(lines, below) + _dated_items(lines, above) >= 2


def find_author(lines: list[Line], title_j: int, first_body: int, last_body: int = -1) -> str | None:
    n_lines = len(lines)
    if first_body >= n_lines:
        return None
    name = _author_near_top(lines, title_j, first_body)
    if name is None and last_body > first_body:
        # 'By Jane Smith' / 'Written by Jane Smith' straight after the story (council and charity pages)
        for j in range(last_body + 1, min(n_lines, last_body + 3)):
            if lines[j].length <= 100:
                name = byline_name_cached(lines[j].content)
                if name:
                    return name
    # the person's name only: a bare name line may carry their title ('Councillor Jo Example')
    return without_honorifics(name) if name else None


# a social post's writer: their name and how they are connected to the reader ('Jane Smith • 2nd', 'Jane Smith · 3rd+')
_POSTER_LINE = re.compile(r"^(?P<name>[^•·|]{5,60}?)\s*[•·]\s*(?:1st|2nd|3rd\+?|Author|Following|Follow)\s*$")


def _author_near_top(lines: list[Line], title_j: int, first_body: int) -> str | None:
    n_lines = len(lines)
    window_start = max(0, title_j - 2)
    for j in range(max(0, title_j - 6), title_j):  # a social post: the poster's name line a few lines over the post
        poster = _POSTER_LINE.match(lines[j].content)
        name = bare_name(poster.group("name")) if poster else None
        if name:
            return name
    # the byline may follow a standfirst kept as body: look a few non-body lines past the first body line
    window_end = min(n_lines, first_body + 4)
    for j in range(window_start, window_end):
        line = lines[j]
        if line.length > 160 or (j > first_body and line.kind == PARAGRAPH):
            continue
        name = byline_name_cached(line.content)
        if name:
            return name
        lowered = line.content.lower().rstrip(": ").strip()
        if lowered in BYLINE_LABEL_ONLY and j + 1 < n_lines:
            name = name_at_start(lines[j + 1].content)
            if name:
                return _with_cowriters(lines, j + 1, name)
    # a bare name next to a date line or its role line, or with a @handle, between headline and body (or just
    # after a standfirst kept as the body's first line)
    for j in range(max(window_start, title_j + 1), min(n_lines, first_body + 3)):
        if j > first_body and lines[j - 1].kind == PARAGRAPH and j - 1 != first_body:
            break  # the story has begun
        content = lines[j].content
        if lines[j].rule == "date_line":  # 'Name | 20 November 2025'
            parts = _BYLINE_PARTS.split(content)
            if len(parts) >= 2 and bare_name(parts[0]) and any(find_dates(p) for p in parts[1:]):
                return bare_name(parts[0])
            # '20 November 2025 | Jane Smith': the date first, then a part that is a person's name (a given name first)
            if len(parts) >= 2 and find_dates(parts[0]):
                named = next((part for part in parts[1:] if person_name_line(part)), None)
                if named is not None:
                    return bare_name(named)
        name = _name_before_date(content) if DIGIT.search(content) else None
        if name:
            return name
        # 'Jane Smith, Professor of Occupational Health, University of X' (a caption's 'Jane Smith, chief executive
        # of X' names someone in the picture: only an academic's or researcher's role marks the writer, or any
        # author's role on the line straight under the headline: 'Sam Jones, Policy and Campaigns Officer')
        if "," in content and len(content) <= 120 and (_ACADEMIC_ROLE.search(content) or j == title_j + 1):
            head, role = content.split(",", 1)
            if bare_name(head) == head and is_author_role_line(role.strip()):
                return head
        # the writers and their outlet straight under the headline, over the date line
        if j == title_j + 1 and (lines[j + 1].rule == "date_line" if j + 1 < n_lines else False):
            name = _names_with_outlet(content)
            if name:
                return name
        name = bare_name(content)
        if name and _printed_twice_running(lines, j) and not person_name_line(content):
            continue  # a series' or section's name printed twice ('Work Matters' / 'Work Matters'), not the writer
        if name and (
            # under the date only a name opening with a given name ('Enlarge Image' under a date is a button)
            (j > 0 and _date_shaped(lines[j - 1]) and person_name_line(content))
            # over the date (not the outlet under a name line: 'Jane Smith' / 'Example Post' / '3 May 2025')
            # (over a weekday and time, 'Monday 5:30PM', only a name opening with a given name)
            or (j + 1 < n_lines and (lines[j + 1].rule == "date_line" or _date_shaped(lines[j + 1]) and person_name_line(content))
                and not (j > 0 and person_name_line(lines[j - 1].content)))
            or (j + 1 < n_lines and (
                is_author_role_line(lines[j + 1].content) or _OUTLET_LINE.match(lines[j + 1].content) is not None
            ))
            # over the writer's outlet and the date: 'Jane Smith' / 'Example Post' / '3 May 2025'
            or (j + 2 < n_lines and lines[j + 2].rule == "date_line" and _outlet_name(lines[j + 1].content))
            or "@" in content
            # alone between the headline and the story: 'Headline' / 'Jane Smith' / first paragraph (perhaps with
            # the writer's outlet under the name: 'Jane Smith' / 'Example Post')
            or (j == title_j + 1 and person_name_line(content) and j + 1 == first_body)
            or (j <= title_j + 2 and person_name_line(content) and j + 2 == first_body and _outlet_name(lines[j + 1].content))
        ):
            return name
    # a blog theme's date and writer just above the headline: '3 March 2025' / 'Jane Smith' / 'Headline', also with
    # a section label between them ('Jane Smith' / 'Business' / '01.21.2025' / 'Headline')
    for j in range(max(0, title_j - 3), title_j):
        between = range(j + 1, title_j)
        if any(lines[k].rule != "date_line" and lines[k].n_words > 2 for k in between):
            continue
        if (j > 0 and lines[j - 1].rule == "date_line") or any(lines[k].rule == "date_line" for k in between):
            name = bare_name(lines[j].content)
            if name and person_name_line(lines[j].content):
                return name
    return None


_HANDLE_LINE = re.compile(r"^@\w{1,30}$")


def _with_cowriters(lines: list[Line], at: int, name: str) -> str:
    """'By' / 'Jane Smith' / '@janesmith' / 'Tom Jones' / date: the writers named one a line under a 'By' label
    (each a person's name opening with a given name; a @handle line between does not count), joined with 'and'."""
    names = [name]
    for k in range(at + 1, min(len(lines), at + 6)):
        content = lines[k].content
        if _HANDLE_LINE.match(content):
            continue
        if not person_name_line(content) or content in names:
            break
        names.append(bare_name(content) or content)
    return " and ".join(names)


def _printed_twice_running(lines: list[Line], j: int) -> bool:
    """Line j's text is printed again on the line just before or after it."""
    content = lines[j].content
    return any(0 <= k < len(lines) and lines[k].content == content for k in (j - 1, j + 1))


def _outlet_name(content: str) -> bool:
    """A short capitalised name on its own line, as an outlet's under its writer ('Example Post', 'The Courier')."""
    words = content.split()
    return 1 <= len(words) <= 4 and not DIGIT.search(content) and all(_SITE_NAME_WORD.match(w) for w in words) and words[0][0].isupper()


def _names_with_outlet(content: str) -> str | None:
    """'Jane Smith, Example Insider', 'Jane Smith and Tom Jones, Example Press': the writers' names before their
    outlet's (a few capitalised words), or None."""
    if "," not in content or len(content) > 100:
        return None
    head, outlet = content.split(",", 1)
    outlet_words = outlet.split()
    if not 1 <= len(outlet_words) <= 5 or DIGIT.search(outlet) or not all(_SITE_NAME_WORD.match(w) for w in outlet_words):
        return None
    names = name_at_start(head)
    return names if names == head.strip() else None


def _name_before_date(content: str) -> str | None:
    """'Jane Smith 6 November 2023', 'Jane SmithNovember 6, 2023': a person's name, then only the date."""
    if len(content) > 90:
        return None
    found = find_dates(content)
    if not found or found[0][0] == 0 or not is_date_line(content[found[0][0]:]):
        return None
    start = found[0][0]
    head = content[:start].strip(" ,|·•–—-")
    if bare_name(head) != head:
        return None
    # 'Cabinet Decision 21 July 2025' is a label: a name starts with a known given name or is glued to the date
    return head if person_name_line(head) or content[start - 1].isalpha() else None


_DATE_LABEL_ONLY = re.compile(
    r"^(?:date )?(?:first |originally |last )?(?:published|posted|updated|modified|reviewed|issued|released|date)(?: (?:on|at|date))?\s*:?$", re.I
)


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    last = None
    for last in pattern.finditer(text):
        pass
    return last


def _line_date(content: str) -> tuple[dt.date | None, bool]:
    """(the article date this line states, whether it is labelled 'published'); 'updated'-only dates give None."""
    published_label = _PUBLISHED_LABEL.search(content)
    updated_label = _UPDATED_LABEL.search(content)
    found = find_dates(content)
    if not found and (published_label or updated_label):
        found = find_short_year_dates(content)  # 'Published: 03 Mar 25'
    if not found:
        return None, False
    if published_label:
        # the date whose nearest label before it says 'published': 'Updated 8 May 2025, first published 3 May 2025'
        previous_end = 0
        for start, end, day in found:
            segment = content[previous_end:start]
            published = _last_match(_PUBLISHED_LABEL, segment)
            updated = _last_match(_UPDATED_LABEL, segment)
            if published is not None and (updated is None or published.start() > updated.end() + 1):
                return day, True  # ('Last updated date: 9 May' is an updated date)
            previous_end = end
        after = [d for (s, _e, d) in found if s >= published_label.start()]
        if after:
            return after[0], True
    if updated_label and not published_label:
        # "Updated: 9 Dec 2024" alone: not the publication date; a date written before "Updated" is
        before = [d for (s, _e, d) in found if s < updated_label.start()]
        return (before[0] if before else None), False
    return found[0][2], False


# a list item this short is a page fact ('• 13 August 2025', '• Posted by Jane', '• Leave a comment', '• Health'),
# not a teaser headline: the walk up from the headline goes past it
_META_ITEM_WORDS = 4


def find_date(lines: list[Line], title_j: int, first_body: int, last_body: int) -> dt.date | None:
    if first_body >= len(lines):
        return None
    zone: list[int] = []
    # up to 3 lines before the headline, but never into a list of dated teasers
    pre: list[int] = []
    for j in range(title_j - 1, max(-1, title_j - 10), -1):
        if len(pre) == 3:
            break
        line = lines[j]
        if line.rule == "share_buttons":
            continue  # a row of share buttons between the dateline and the headline
        if line.is_list and line.rule != "date_line" and line.n_words > _META_ITEM_WORDS:
            lone = not (j > 0 and lines[j - 1].is_list) and not (j + 1 < len(lines) and lines[j + 1].is_list)
            if not lone:  # a list, perhaps of dated teasers; a lone item is a category tag ('• Community Voices')
                break
        pre.append(j)
    dated_pre = [j for j in pre if lines[j].rule == "date_line"]
    # two or more dates over the headline: a dated list's, unless each is labelled ('First published' / 'Last updated')
    if len(dated_pre) <= 1 or all(
        _PUBLISHED_LABEL.search(lines[j].content) or _UPDATED_LABEL.search(lines[j].content) for j in dated_pre
    ):
        zone.extend(sorted(pre))
    zone.extend(range(max(title_j, 0), first_body))
    # (date, labelled 'published', above the headline)
    candidates: list[tuple[dt.date, bool, bool]] = []
    for j in zone:
        line = lines[j]
        if line.length > 200 or line.kind == PARAGRAPH:
            continue
        # an item of a dated list between the headline and the story, or over a story whose headline was not found
        if _list_date(lines, j, title_j + 1 if j > title_j else 0, first_body):
            continue
        if line.rule not in ("date_line", "byline", "") and not _PUBLISHED_LABEL.search(line.content):
            if line.rule not in ("short_non_sentence", "caption", "share_buttons", "menu_item"):
                continue
            if line.rule == "caption" and line.length > 80:
                continue  # a photo caption's date is the picture's, not the article's
        content = line.content
        if (
            j != title_j and line.length > 30 and content.endswith(")") and dated_headline(content)
            and not _PUBLISHED_LABEL.search(content) and not _UPDATED_LABEL.search(content)
        ):
            continue  # a linked story's headline with its date in brackets: 'Read more: X (12 May 2025)'
        if j > 0 and line.rule == "date_line" and lines[j - 1].length <= 30 and _DATE_LABEL_ONLY.match(lines[j - 1].content):
            content = lines[j - 1].content + " " + content  # 'Last updated:' / '5 March 2025' on two lines
        day, labelled = _line_date(content)
        if day is not None:
            candidates.append((day, labelled, j < title_j))
    for day, is_labelled, _above in candidates:
        if is_labelled:
            return day
    # an unlabelled date between headline and body is the article's; one above the headline may be the last
    # teaser's of a dated list
    below = [day for day, _labelled, above in candidates if not above]
    if below:
        return below[0]
    if candidates:
        return candidates[0][0]
    # a wire story's or a press release's dateline opening the story: 'LONDON, 14 October 2026 -- Six more areas ...'
    wire_date = _wire_dateline(lines[first_body].content)
    if wire_date is not None:
        return wire_date
    # a labelled 'Published ...' line just after the body
    for j in range(last_body + 1, min(len(lines), last_body + 5)):
        if lines[j].length < 200 and _PUBLISHED_LABEL.search(lines[j].content):
            day, is_labelled = _line_date(lines[j].content)
            if day is not None and is_labelled:
                return day
    # a date at the very top of the saved text, or a labelled one among its first lines (an e-mail's 'Date:' header)
    for j in range(0, min(_TOP_LABELLED_LINES, len(lines))):
        if (j < 2 and lines[j].rule == "date_line") or (lines[j].length < 80 and _PUBLISHED_LABEL.search(lines[j].content)):
            day, _ = _line_date(lines[j].content)
            if day is not None:
                return day
    return None


_TOP_LABELLED_LINES = 5
# 'LONDON, 14 October 2026 --', 'CARDIFF, Wales, Oct. 14, 2026 /Example Wire/ --': a place in capitals, the date, a dash
_WIRE_PLACE = re.compile(r"^[A-Z][A-Z .'’-]{2,30}(?:,\s*[A-Z][A-Za-z .]{1,30})?,\s+")
_WIRE_DASH = re.compile(r"\s*(?:\([^)]{1,40}\)\s*|/[^/]{1,40}/\s*)?(?:--|—|–|-)\s")


def _wire_dateline(content: str) -> dt.date | None:
    """The date of a wire dateline opening the story's first line, or None."""
    place = _WIRE_PLACE.match(content)
    if place is None:
        return None
    found = find_dates(content[: place.end() + 40])
    if not found or found[0][0] != place.end():
        return None
    _, date_end, day = found[0]
    return day if _WIRE_DASH.match(content, date_end) else None


_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")


def find_url(lines: list[Line], title_j: int, first_body: int, title: str | None) -> str | None:
    for line in lines:
        if line.length < 400 and "http" in line.content:
            match = URL_LABEL.search(line.content)
            if match:
                return match.group(1).rstrip(".,;)")
    if title:
        title_words = {w for w in _SLUG_SPLIT.split(title.lower()) if len(w) > 2}
        for j in range(max(0, title_j - 4), min(len(lines), first_body)):
            line = lines[j]
            if line.rule == "url_line":
                path = line.content.split("//", 1)[-1].split("/", 1)[-1].lower()
                slug_words = {w for w in _SLUG_SPLIT.split(path) if len(w) > 2}
                if title_words and len(slug_words & title_words) >= max(2, 0.5 * min(len(title_words), 6)):
                    return line.content
    return None
