"""Span choice: which contiguous run of lines is the main article, and what inside it is kept."""
from __future__ import annotations

import re

from healthwork.clean.lines import (
    Shape,
    ATTACHED_CREDIT,
    BARRIER,
    DROP,
    LIST_SENTENCE,
    PARAGRAPH,
    SHORT_SENTENCE,
    CODE_START,
    Line,
    apply_corpus_signals,
    line_shape,
    template_key,
    title_like,
)
from healthwork.clean.names import byline_name_cached, person_name_line
from healthwork.clean.patterns import DIGIT, INNER_SENTENCE_BREAK, LIST_MARK, LIST_MARK_CHARS, PLAIN_BULLET_CHARS, STOP_WORDS, YEAR
from healthwork.clean.result import DroppedLine
from healthwork.dates import is_date_line

CONTENT_KINDS = (PARAGRAPH, SHORT_SENTENCE, LIST_SENTENCE)


# a hard-wrapped line (an e-mail, a PDF dump) is 40-100 characters and breaks mid-sentence
_WRAP_MIN, _WRAP_MAX = 40, 100
_WRAP_SLACK = 16  # a wrapped line is at most one long word shorter than the widest line of its paragraph
_WRAP_NO_BREAK = frozenset('.!?"”’:;')


def _wraps_into(line: str, following: str) -> bool:
    """Whether a stripped line reads as broken off mid-sentence with its paragraph going on in the next line."""
    return (
        _WRAP_MIN <= len(line) <= _WRAP_MAX and line[-1] not in _WRAP_NO_BREAK and following != ""
        and following[0] not in LIST_MARK_CHARS and line[0] not in LIST_MARK_CHARS
    )


def _goes_on_in_lower_case(line: str) -> bool:
    """A line that carries on a sentence: it opens in lower case, perhaps after a quotation mark or a bracket."""
    first = line[0]
    if first in "“‘\"'(":
        return line[1:2].islower()
    return first.islower()


def hard_wrapped_runs(stripped: list[str]) -> list[tuple[int, int]]:
    """Runs (first, last index) of consecutive lines that are one paragraph hard-wrapped at a fixed width: each line
    but the last breaks mid-sentence, those lines are all about as long as the widest (a heading above the paragraph
    is not: it is shorter) and the last is no longer, and at least half of the lines after a break go on in lower
    case (a title over a byline does not); two lines alone only when the second does."""
    count = len(stripped)
    runs: list[tuple[int, int]] = []
    next_free = 0
    # the lines that may break mid-sentence (most lines of a web page are shorter or longer)
    for i, length in enumerate(map(len, stripped)):
        if i < next_free or not _WRAP_MIN <= length <= _WRAP_MAX:
            continue
        j = i
        while j + 1 < count and _wraps_into(stripped[j], stripped[j + 1]):
            j += 1
        next_free = j + 1  # each chain of breaks is read once
        if j > i and _wrapped_paragraph(stripped, i, j):
            runs.append((i, j))
        elif j > i + 1 and _wrapped_paragraph(stripped, i + 1, j):
            runs.append((i + 1, j))  # a heading first, then the paragraph
    return runs


def _wrapped_paragraph(stripped: list[str], first: int, last: int) -> bool:
    """Whether lines first..last (each but the last breaking mid-sentence) read as one hard-wrapped paragraph."""
    widths = [len(stripped[k]) for k in range(first, last)]
    widest = max(widths)
    if min(widths) < widest - _WRAP_SLACK or len(stripped[last]) > widest + _WRAP_SLACK:
        return False
    lower_case_breaks = sum(1 for k in range(first + 1, last + 1) if _goes_on_in_lower_case(stripped[k]))
    return 2 * lower_case_breaks >= last - first and (last - first >= 2 or lower_case_breaks == 1)


def read_lines(text: str) -> tuple[list[Line], set[str]]:
    """The page's non-blank lines with their shapes, and the byline names seen anywhere on it. A paragraph
    hard-wrapped over several lines is shaped as one: each of its lines gets the paragraph's shape (when that is
    the story's prose) and a share of its score."""
    lines: list[Line] = []
    # a line that is only a byline name later on opens the author box
    author_names: set[str] = set()
    stripped_lines = [raw.strip() for raw in text.split("\n")]
    wrapped_shapes: dict[int, Shape] = {}  # a hard-wrapped paragraph's lines: their shared shape
    for first, last in hard_wrapped_runs(stripped_lines):
        joined = line_shape(" ".join(stripped_lines[first : last + 1]), False)
        if joined[0] in CONTENT_KINDS:
            share = (joined[0], joined[1], joined[2] / (last - first + 1), *joined[3:])
            for k in range(first, last + 1):
                wrapped_shapes[k] = share
    append = lines.append
    for index, stripped in enumerate(stripped_lines):
        if not stripped:
            continue  # (a hard-wrapped paragraph has no blank line)
        line_no = index + 1
        if wrapped_shapes and index in wrapped_shapes:
            append(Line(line_no, stripped, stripped, False, wrapped_shapes[index]))
            continue
        first = stripped[0]
        if first in "\u200b\ufeff" or stripped[-1] in "\u200b\ufeff":
            stripped = stripped.strip("\u200b\ufeff \t")
            if not stripped:
                continue
            first = stripped[0]
        content, is_list = stripped, False
        if first in PLAIN_BULLET_CHARS:
            # a plain bullet (half the lines of a saved page): LIST_MARK's first branch, the bullet and the
            # whitespace after it (``\s`` is what ``str.lstrip`` strips), without running the pattern
            after_bullet = stripped[1:].lstrip()
            if after_bullet:
                content, is_list = after_bullet, True
        elif first in LIST_MARK_CHARS or first.isdigit() or stripped[1:2] in ".)":
            marker = LIST_MARK.match(stripped)
            if marker and marker.end() < len(stripped):
                content, is_list = stripped[marker.end():], True
        shape = line_shape(content, is_list)
        append(Line(line_no, stripped, content, is_list, shape))
        rule = shape[1]
        if rule == "byline" or rule == "date_line":
            name = byline_name_cached(content)
            if name:
                author_names.add(name)
    return lines, author_names


def apply_corpus(lines: list[Line], common: frozenset[str] | set[str], author_names: set[str]) -> None:
    """Lines repeated across the corpus (site template) and the author box (a byline name standing alone)."""
    if author_names or common:
        for line in lines:
            apply_corpus_signals(line, common, author_names)


def reopen_story_after_bio(lines: list[Line]) -> None:
    """A line shaped like an author bio ('Jane Smith is a reporter turned adviser who ...') ends the story only at
    its end: with the story's text just above it and the story going on below it in a paragraph (then more of the
    story's lines) on the same topic (two or more content words shared with the lines above, by their stems), it is
    a sentence of the story."""
    count = len(lines)
    for j in [j for j, line in enumerate(lines) if line.shape_rule == "author_bio"]:
        line = lines[j]
        if line.rule != "author_bio" or not 1 <= j < count - 2:
            continue
        following = lines[j + 1]
        if (
            following.kind != PARAGRAPH or following.ends_article or not following.sentence
            or not any(lines[k].kind in CONTENT_KINDS for k in range(max(0, j - 2), j))
            or not _story_goes_on(lines, j + 1)
        ):
            continue
        before = _topic_words(lines, max(0, j - 3), j - 1, stem=5)
        if len(before & _topic_words(lines, j + 1, min(count - 1, j + 3), stem=5)) < 2:
            continue
        line.kind, line.rule, line.score, line.ends_article = PARAGRAPH, "", 1.0 + min(line.length, 400) / 50, False


def mark_captions_by_credit(lines: list[Line]) -> None:
    """A credit hanging on the line above ('(Image: X)', 'Courtesy of X'), or following a caption printed twice
    (gallery markup), makes that line a caption."""
    for j in range(1, len(lines)):
        line = lines[j]
        if line.shape_rule != "caption" or line.length > 80:
            continue
        prev = lines[j - 1]
        if prev.kind == DROP or prev.length > 400 or prev.ends_article:
            continue
        if ATTACHED_CREDIT.match(line.content):
            prev.kind, prev.rule, prev.score, prev.closes_header = DROP, "caption", -0.6, False
        elif j >= 2 and lines[j - 2].content == prev.content:
            for caption in (lines[j - 2], prev):
                caption.kind, caption.rule, caption.score, caption.closes_header = DROP, "caption", -0.6, False


# a bare advert label ('Advertisement', 'Sponsored:'): a line's content, and a line of the page's text
_AD_LABEL_WORDS = r"(?:advertisement|advert|ad|sponsored|promoted|paid content)"
_AD_LABEL = re.compile(rf"^{_AD_LABEL_WORDS}\s*:?$", re.I)
_AD_LABEL_LINE = re.compile(rf"^[ \t]*{_AD_LABEL_WORDS}[ \t]*:?[ \t]*$", re.I | re.M)


def may_have_advert_labels(text: str) -> bool:
    """Whether a page has a bare advert label line at all (one search of the text before a pass over its lines)."""
    return _AD_LABEL_LINE.search(text) is not None


# a call to action opening a sentence of an advert's copy
_CALL_TO_ACTION = re.compile(
    r"(?:^|[.!?]\s+)(?:book|search|shop|buy|order|apply|call|visit|discover|browse|download|register|try|join|get|find|become"
    r"|learn more|find out more)\b(?! (?:that|this|it|them|him|her|was|were|is|are|had|has)\b)",
    re.I,
)
_AD_COPY_MAX = 150


def mark_advert_copy(lines: list[Line]) -> None:
    """The copy of an advert printed as text under its label ('Advertisement' / 'Book your flu jab online today.'): a
    short line straight below a bare advert label with a call to action opening one of its sentences. The story
    going on below an advert slot is prose, not a call to the reader, and stays."""
    for j in range(len(lines) - 1):
        label, line = lines[j], lines[j + 1]
        if label.length > 16 or label.shape_rule != "advert" or _AD_LABEL.match(label.content) is None:
            continue
        if (
            line.ends_article or line.score == BARRIER or line.length > _AD_COPY_MAX or line.content[0] in "“\"‘'"
            or not _CALL_TO_ACTION.search(line.content)
        ):
            continue
        line.kind, line.rule, line.score, line.closes_header = DROP, "advert", -0.5, False


# a link's label in brackets at the end of a line ('... allocations 2027-28 (supporting document)', '(opens in a new window)')
_LINK_LABEL_END = re.compile(
    r"[^.!?:;,\s]\s*\((?:[^()]{0,30}\b)?(?:document|pdf|link|external|opens? in|new (?:window|tab)|video|audio|download|website"
    r"|web ?page)\b[^()]{0,20}\)$",
    re.I,
)


def mark_link_labels(lines: list[Line]) -> None:
    """A line ending in a link's label in brackets, with no sentence end before it, is a link to a document or a page,
    not a sentence of the story (its closing bracket made it look like one)."""
    for line in lines:
        if line.kind != DROP and line.content[-1] == ")" and line.length <= 200 and _LINK_LABEL_END.search(line.content):
            line.kind, line.rule, line.score, line.sentence = DROP, "source_link", -1.0, False


# the attribution under an embedded social post: '— Jane Smith (@janesmith) July 3, 2019'
_POST_CREDIT = re.compile(r"^[—–-]\s*[^()]{1,60}\(@\w{1,30}\)")


def mark_embedded_posts(lines: list[Line]) -> None:
    """An embedded social post quoted in the story: its text and attribution belong to the story (they are
    not a dateline or a second article's byline)."""
    for j, line in enumerate(lines):
        if line.content[0] not in "—–-" or line.length > 140 or not _POST_CREDIT.match(line.content):
            continue
        line.kind, line.rule, line.score, line.closes_header = SHORT_SENTENCE, "", 0.3, False
        post = lines[j - 1] if j > 0 else None
        if post is not None and post.kind == DROP and not post.ends_article and post.n_words >= 3:
            post.kind, post.rule, post.score, post.closes_header = SHORT_SENTENCE, "", 0.3, False


# signs of a bibliographic reference: 'J Clin Invest. 2009;325:1705-8', 'et al.', '(2017).', 'doi:', 'PMID', 'Google Scholar'
_CITATION_SIGNS = (
    re.compile(r"\b(?:19|20)\d\d\s*;\s*\d+(?:\s*\(\d+\))?\s*:\s*[A-Za-z]?\d+"),  # year;volume(issue):page
    re.compile(r"\bet al\b"),
    # author (year). title / (2016-10-13). / (Nov 2008).
    re.compile(r"\((?:(?:\d{1,2} )?[A-Z][a-z]{2,8}\.? (?:\d{1,2}, )?)?(?:19|20)\d\d(?:-\d\d){0,2}[a-z]?\)[.,]"),
    re.compile(r"\bdoi\b|doi\.org/|\bPMID\b|\bPMC\d|\bPubMed\b|\bGoogle Scholar\b|\bCrossref\b|\bISBN\b|\bISSN\b|\barXiv\b"
               r"|\bBibcode\b|\bS2CID\b|\bJSTOR\b|\bOCLC\b", re.I),
    re.compile(r"^\^\s"),  # a wiki's back-link caret: '^ Smith, Jane (2016). ...'
    re.compile(r"^(?:\[\d{1,3}\]\s*)?[A-Z][\w'’-]+,? (?:[A-Z]\.?\s?){1,3}(?:[,.]|\((?:19|20)\d\d)"),  # 'Shear NH,' / 'Smith J (2010)'
)
# 'References', 'Bibliography:', a wiki's 'References[edit]'
_REFERENCES_HEADING = re.compile(
    r"^(?:references?|bibliography|works cited|literature cited|sources|citations|notes and references)\s*:?\s*(?:\[edit\])?$", re.I
)


def _citation(line: Line) -> bool:
    """A line that reads like a bibliographic reference (two signs: authors with initials, 'et al.', a
    journal's 'year;volume:page', a DOI or index link)."""
    content = line.content
    if line.length < 25 or line.length > 600 or line.ends_article or YEAR.search(content) is None:
        return False
    if sum(1 for sign in _CITATION_SIGNS if sign.search(content)) < 2:
        return False
    # a sentence of the story citing a study ('Smith et al. (2020), in a survey of ..., found that ...') reads as
    # prose: a third or more of its words are stop words; a reference is names, titles and numbers
    words = content.lower().split()
    return len(words) < 10 or 3 * sum(1 for w in words if w in STOP_WORDS) < len(words)


_YEAR_VOLUME = re.compile(r"(?:19|20)\d\d\s*;\s*\d")
_YEAR_IN_BRACKETS = re.compile(r"\((?:19|20)\d\d(?:-\d\d){0,2}[a-z]?\)[.,]")


# the commonest signs (PubMed and Crossref links come with 'Google Scholar' ones, a wiki's arXiv ids with its '^')
_REFERENCE_HINTS = ("et al", "doi:", "doi.org", "Scholar", "ISBN", " ^ ")


def may_have_references(text: str) -> bool:
    """Whether the page has at least four signs of a reference (every reference has one: 'et al', a DOI or index
    link, 'year;volume' or '(year).'), else there is no reference list to look for. Plain substring counts first:
    this runs on every page."""
    hints = sum(text.count(word) for word in _REFERENCE_HINTS)
    if hints >= 4:
        return True
    if text.count(";") >= 4:
        hints += len(_YEAR_VOLUME.findall(text))
    if text.count(").") + text.count("),") >= 4:
        hints += len(_YEAR_IN_BRACKETS.findall(text))
    return hints >= 4


def mark_reference_lists(lines: list[Line]) -> None:
    """A run of four or more references (each within three lines of the next, index links and numbers between)
    is the paper's bibliography: back matter, not the article. Its references are dropped, and its heading
    ('References') ends the article, so a block after it (disclosures, comments) is not taken for the story."""
    count = len(lines)
    j = 0
    while j < count:
        if not _citation(lines[j]):
            j += 1
            continue
        run = [j]
        k = j + 1
        while k < count and k - run[-1] <= 3 and not lines[k].ends_article:
            if _citation(lines[k]):
                run.append(k)
            elif lines[k].kind == PARAGRAPH:
                break  # a paragraph of text: the list is over
            k += 1
        if len(run) >= 4:
            for m in range(run[0], run[-1] + 1):
                line = lines[m]
                if line.score != BARRIER:
                    line.kind, line.rule, line.score, line.closes_header = DROP, "references", -1.0, False
            for m in range(run[0] - 1, max(run[0] - 4, -1), -1):
                heading = lines[m]
                if _REFERENCES_HEADING.match(heading.content):
                    heading.kind, heading.rule, heading.score, heading.ends_article = DROP, "after_article_end", BARRIER, True
                    break
                if heading.kind != DROP:
                    break
        j = max(k, j + 1) if len(run) >= 4 else j + 1


# a comment thread's heading: '12 thoughts on "Title"', '3 responses to ...', '5 comments on ...'
_THREAD_HEADING = re.compile(r"^\d{1,4} (?:thoughts?|responses?|replies|reply|comments?|reactions?) (?:on|to)\b", re.I)


def mark_comment_threads(lines: list[Line]) -> None:
    """A comment thread's heading after body text ('12 thoughts on "Five ways to ..."') ends the story: a barrier
    (the shape's end markers only take short lines, and this heading repeats the headline)."""
    paragraphs_before = 0
    for line in lines:
        if line.kind == PARAGRAPH:
            paragraphs_before += 1
        elif (
            paragraphs_before >= 2 and line.content[0].isdigit() and line.length <= 200 and not line.ends_article
            and _THREAD_HEADING.match(line.content)
        ):
            line.kind, line.rule, line.score, line.ends_article = DROP, "comment_prompt", BARRIER, True
            return


def _is_code_edge(line: Line) -> bool:
    return line.kind == DROP and not line.sentence and line.n_words <= 8 and CODE_START.match(line.content) is not None


def mark_code_blocks(lines: list[Line]) -> None:
    """Runs of code lines (three or more, each within two lines of the next, two of them clearly code) are part
    of a tutorial, not chrome: they weigh nothing in the span choice and are kept inside the article. Comment
    and docstring lines between them go with them."""
    signals: dict[int, int] = {}
    runs: list[list[int]] = []
    for j, line in enumerate(lines):
        if line.kind != DROP or line.ends_article or line.length > 160:
            continue
        strength = line.code
        if strength == 0:
            continue
        signals[j] = strength
        if runs and j - runs[-1][-1] <= 2:
            runs[-1].append(j)
        else:
            runs.append([j])
    runs = [run for run in runs if sum(1 for j in run if signals[j] >= 2) >= 2]
    for run in runs:
        if len(run) < 3:
            continue
        first, last = run[0], run[-1]
        # 'import pandas as pd', 'return total': a keyword line opening or closing the block
        if first > 0 and _is_code_edge(lines[first - 1]):
            first -= 1
        if last + 1 < len(lines) and _is_code_edge(lines[last + 1]):
            last += 1
        for k in range(first, last + 1):
            line = lines[k]
            if line.ends_article or line.score == BARRIER or line.length > 160:
                continue
            line.kind, line.rule, line.score, line.closes_header = SHORT_SENTENCE, "", 0.1, False


def mark_teasers(lines: list[Line]) -> None:
    """A headline card shown twice within a few lines (image alt + headline) announces a teaser paragraph."""
    seen: dict[str, int] = {}
    for j, line in enumerate(lines):
        prev = seen.get(line.content)
        if prev is not None and line.kind in (SHORT_SENTENCE, DROP) and not line.ends_article:
            if j - prev <= 3 and title_like(line) and j + 1 < len(lines):
                teaser = lines[j + 1]
                if teaser.kind == PARAGRAPH and teaser.length < 400:
                    teaser.kind, teaser.rule, teaser.score = DROP, "related_teaser", -1.0
        seen[line.content] = j


def mark_second_articles(lines: list[Line]) -> None:
    """A title-like line followed (within 2 lines, its duplicate allowed) by a byline or date line, after body
    text has been seen, starts another story: a barrier."""
    paragraphs_before = 0
    starts: list[int] = []
    for j, line in enumerate(lines):
        if line.kind == PARAGRAPH:
            paragraphs_before += 1
            continue
        if (
            paragraphs_before >= 2 and not line.sentence and not line.ends_article
            and line.kind in (DROP, SHORT_SENTENCE) and _byline_follows(lines, j) and title_like(line)
        ):
            starts.append(j)
    for j in starts:
        lines[j].score, lines[j].rule, lines[j].ends_article = BARRIER, "second_article", True


def _byline_follows(lines: list[Line], j: int) -> bool:
    """Line j is followed (within 2 lines, its duplicate allowed) by a byline or date line that opens a story (tested
    before the costlier title shape: most lines have neither after them)."""
    line = lines[j]
    for k in range(j + 1, min(j + 3, len(lines))):
        after = lines[k]
        if after.rule in ("byline", "date_line"):
            # a subheading and an undated byline straight after a paragraph: a correspondent's section
            dated = after.rule == "date_line" or (k + 1 < len(lines) and lines[k + 1].rule == "date_line")
            return dated or lines[j - 1].kind != PARAGRAPH
        if after.content != line.content:
            return False
    return False


def soften_early_barriers(lines: list[Line]) -> None:
    """An end marker before any body text (a sidebar above the article) is only a strong penalty."""
    paragraphs_before = 0
    for line in lines:
        if line.kind == PARAGRAPH:
            paragraphs_before += 1
        elif line.score == BARRIER and paragraphs_before < 2:
            line.score, line.ends_article = -3.0, False


# end markers that head a box of links to other stories ('You may also like', 'Most read')
_LINK_BOX_HEADING = re.compile(r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:stories|news|articles) like this"
                               r"|read (?:this|these) next|most (?:read|popular|viewed|shared)|popular (?:posts|articles|stories))", re.I)


def soften_inline_link_boxes(lines: list[Line]) -> None:
    """A link box dropped into the middle of a story ('Most read' or 'Related articles' and a few headlines, then
    the story goes on in two paragraphs in a row, or a 'Related' heading after a line of the story over one to three
    headlines, then two lines of the story) does not end the story: its heading is only a penalty."""
    count = len(lines)
    for j, line in enumerate(lines):
        end_marker = line.score == BARRIER and line.ends_article and _LINK_BOX_HEADING.match(line.content) is not None
        # a 'Related articles' heading between paragraphs, over one or two headlines (a line of the story within six
        # lines above: a short line, a caption and an inline 'Related:' link may lie between)
        inline_heading = line.score == _RELATED_HEADING_SCORE and line.shape_rule == "related_list" and any(
            lines[k].kind in CONTENT_KINDS or (lines[k].is_list and not lines[k].ends_article) for k in range(max(0, j - 6), j)
        )
        if not (end_marker or inline_heading):
            continue
        if inline_heading and _link_box_end(lines, j) >= 0:
            line.score = _SOFTENED_HEADING_SCORE
            continue
        reach = 6 if end_marker else 3
        k = j + 1
        while k < count and k - j <= reach and lines[k].kind != PARAGRAPH and lines[k].score != BARRIER:
            k += 1
        if k + 1 < count and k - j <= reach and lines[k].kind == PARAGRAPH and lines[k + 1].kind == PARAGRAPH:
            line.score, line.ends_article = _SOFTENED_HEADING_SCORE, False


def _box_headline(line: Line) -> bool:
    """Another story's headline in a link box: a dropped short line of five words or more, capitalised, no sentence
    (not a table's tab-separated row)."""
    return (
        line.kind == DROP and line.rule in ("short_non_sentence", "no_sentence_end") and _teaser_headline(line)
        and not line.is_list and "\t" not in line.text
    )


def _related_heading(line: Line) -> bool:
    """A 'Related' box's heading line ('Related', 'Read more'), not the page's end nor a list item."""
    return line.shape_rule == "related_list" and not line.ends_article and not line.is_list


def _box_headlines_end(lines: list[Line], j: int) -> int:
    """The last of the one to three headlines under the 'Related' heading at line j (``_box_headline``); j when
    none follows."""
    k = j
    while k + 1 < len(lines) and k - j < 3 and _box_headline(lines[k + 1]):
        k += 1
    return k


def _link_box_end(lines: list[Line], j: int) -> int:
    """The last headline of a 'Related' box at line j that the story goes on after: one to three headlines, then
    (past one short subheading) two lines of the story in a row; -1 when the story does not go on."""
    k = _box_headlines_end(lines, j)
    if k == j or not _story_goes_on(lines, k + 1):
        return -1
    return k


def _story_goes_on(lines: list[Line], j: int) -> bool:
    """Whether the story goes on from line j, past at most six lines of inline chrome and one short subheading: two
    lines of text, a line announcing a list and its first item, or two list items."""
    count = len(lines)
    subheadings = skipped = 0
    while j < count and skipped <= 6:
        line = lines[j]
        if (_inline_chrome_line(line) and not line.is_list) or caption_over_credit(lines, j):
            skipped += 1
        elif line.rule == "short_non_sentence" and line.n_words <= 8 and not line.is_list and subheadings == 0:
            subheadings += 1
        else:
            break
        j += 1
    if j + 1 >= count or skipped > 6:
        return False
    line = lines[j]
    if line.kind in CONTENT_KINDS:
        # a paragraph, then (past inline chrome and a subheading) the next paragraph, or the list it announces
        k = j + 1
        while k < count and k - j <= 7 and (
            _inline_chrome_line(lines[k]) or (lines[k].rule == "short_non_sentence" and lines[k].n_words <= 8 and not lines[k].is_list)
        ):
            k += 1
        if k >= count:
            return False
        after = lines[k]
        if after.is_list and not line.content.endswith(":"):
            # a list no line announces: the story's when a line of text follows it (past an advert or a sign-up box)
            while k < count and lines[k].is_list and not lines[k].ends_article:
                k += 1
            chrome_end = k
            while k < count and k - chrome_end < 6 and _inline_chrome_line(lines[k]):
                k += 1
            return k < count and lines[k].kind in CONTENT_KINDS
        return after.kind in CONTENT_KINDS or after.is_list
    after = lines[j + 1]
    return line.is_list and after.is_list and not line.ends_article and not after.ends_article


_RELATED_HEADING_SCORE = -4.0  # the shape's score for a 'Related articles' / 'Tags' heading
_SOFTENED_HEADING_SCORE = -1.5  # a link box's heading inside the story (``soften_inline_link_boxes``): only a penalty


_ITEM_NUMBER = re.compile(r"^(\d{1,3})[.)]\s")


def numbered_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of three or more list items numbered in steps of one ('1. ...', '2. ...' or a countdown '100. ...',
    '99. ...'), next to each other or each followed by a few lines of its own (a listicle): an ordered list
    is the writer's, a menu is not numbered."""
    runs: list[list[int]] = []
    current: list[int] = []
    prev_number = step = 0
    for j, line in enumerate(lines):
        match = _ITEM_NUMBER.match(line.text) if line.is_list and line.text[0].isdigit() else None
        if match is None:
            if line.ends_article or (current and j - current[-1] > 3):
                if len(current) >= 3:
                    runs.append(current)
                current = []
            continue
        number = int(match.group(1))
        if current and (number - prev_number == step or (len(current) == 1 and abs(number - prev_number) == 1)):
            step = number - prev_number
            current.append(j)
        else:
            if len(current) >= 3:
                runs.append(current)
            current, step = [j], 0
        prev_number = number
    if len(current) >= 3:
        runs.append(current)
    return runs


def table_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of two or more tab-separated rows in a row with the same number of cells (a table of figures): like an
    ordered list, the writer's, weighing little in the span choice."""
    runs: list[list[int]] = []
    current: list[int] = []
    cells = 0
    for j, line in enumerate(lines):
        tabs = line.text.count("\t")
        row = tabs > 0 and not line.ends_article and line.score != BARRIER and (
            line.kind in CONTENT_KINDS or line.rule in _TABLE_ROW_RULES
        )
        if row and current and tabs == cells and j == current[-1] + 1:
            current.append(j)
            continue
        if len(current) >= 2:
            runs.append(current)
        current, cells = ([j], tabs) if row else ([], 0)
    if len(current) >= 2:
        runs.append(current)
    return runs


def _runs_into_list(lines: list[Line], j: int) -> bool:
    """Line j is the story's sentence that a list below it goes on from: a line of text, or a cut-off sentence of
    five words or more ending in a lower-case word ('The evaluation found that patients who saw a coach') under a
    line of text."""
    line = lines[j]
    if line.is_list or line.ends_article:
        return False
    if line.kind in (PARAGRAPH, SHORT_SENTENCE):
        return True
    return (
        line.rule in ("short_non_sentence", "no_sentence_end") and line.n_words >= 5 and line.content[-1:].islower()
        and line.content[:1].isupper() and j > 0 and lines[j - 1].kind in CONTENT_KINDS
    )


def announced_list_items(lines: list[Line]) -> set[int]:
    """Items of a list announced by a text line ending in a colon ('The tutorial has these parts:'), or that a line
    of text runs on into ('The evaluation found that participants' / '• were more likely ...': the first item opens
    in lower case; a menu or a headline is capitalised)."""
    items: set[int] = set()
    announced = False
    for j, line in enumerate(lines):
        if line.is_list:
            if not announced and j > 0 and not lines[j - 1].is_list and line.content[:1].islower() and _runs_into_list(lines, j - 1):
                announced = True  # the sentence above runs on into the list
            if announced and not line.ends_article and line.rule in ("menu_item", "list_item"):
                items.add(j)
            continue
        if announced and _chrome_or_caption(lines, j):
            continue  # an advert or a photo's caption between the announcing line and its list
        announced = line.content.endswith(":") and (
            line.kind in (PARAGRAPH, SHORT_SENTENCE) or (j > 0 and _is_list_label(line) and lines[j - 1].kind in CONTENT_KINDS)
        )
    return items


def _dated_item(line: Line) -> bool:
    """A bullet of a timeline: a date and what happened ('• 12 January 2026: pilot launched'), not a bare date."""
    return line.is_list and line.rule == "date_line" and not is_date_line(line.content)


def _is_list_label(line: Line) -> bool:
    """A short label ending in a colon ('Key figures:', 'Timetable:'), not a link box's ('More:', 'Useful links:')."""
    return (
        line.rule == "short_non_sentence" and line.content.endswith(":") and 1 <= line.n_words <= 4
        and _LINK_LABEL_WORDS.isdisjoint(line.content.lower().rstrip(":").split())
    )


_LINK_LABEL_WORDS = frozenset(
    "more related see also read useful quick further other latest popular tags topics categories links follow share "
    "explore discover watch listen".split()
)


_SHORT_RUN_LINES = 4  # a story told in one-sentence paragraphs of a few words: this many in a row at least
_SHORT_RUN_SCORE = 1.2  # each then weighs like a short paragraph (five outweigh a standfirst or a stray comment)


def weigh_short_sentence_runs(lines: list[Line], scores: list[float]) -> None:
    """Short sentences of the story ('The clinic opens on Monday.') weigh little one by one, so a story made only of
    them loses to a standfirst or a comment; four or more in a row (no other line between) are the page's text:
    each weighs like a short paragraph."""
    run: list[int] = []
    for j, line in enumerate(lines):
        if line.kind == SHORT_SENTENCE and _plain_short_sentence(line):
            run.append(j)
            continue
        if len(run) >= _SHORT_RUN_LINES:
            for m in run:
                scores[m] = max(scores[m], _SHORT_RUN_SCORE)
        if run:
            run = []
    if len(run) >= _SHORT_RUN_LINES:
        for m in run:
            scores[m] = max(scores[m], _SHORT_RUN_SCORE)


def _plain_short_sentence(line: Line) -> bool:
    """A short sentence of prose (not a list item, not a code line or an interview's 'Q:' line weighed apart)."""
    return line.kind == SHORT_SENTENCE and line.sentence and not line.is_list and line.score == 0.3


def span_scores(lines: list[Line], ordered_lists: list[list[int]]) -> list[float]:
    """Each line's score for the span choice. A long run of non-content lines (menu, link list, form)
    separates blocks: from the 5th line on each costs double, so a stray promo paragraph far below the
    article is not bridged into it; nine lines of chrome in a row are a barrier. An advert or sign-up box with the
    story's lines on both sides costs little: it sits inside the story, and so does a 'Related' box the story goes on
    after."""
    scores = [line.score for line in lines]
    weigh_short_sentence_runs(lines, scores)
    ordered = {j for run in ordered_lists for j in run} | announced_list_items(lines) | interrupting_chrome(lines)
    boxes = inline_link_boxes(lines)
    for j in ordered | boxes:
        scores[j] = max(scores[j], -0.2)
    run = chrome_run = 0
    n_paragraphs = 0
    for j, line in enumerate(lines):
        if line.kind == PARAGRAPH:
            n_paragraphs += 1
        if j in boxes:
            continue  # a 'Related' box the story goes on after: its own penalty, not a long run of chrome
        # an ordered or announced list, or a list of long items, is the story's own, not chrome
        story_list = j in ordered or (line.is_list and line.n_words >= 6)
        if line.kind == DROP and scores[j] != BARRIER and not story_list:
            run += 1
            if line.rule != "caption":  # an image gallery sits inside a story: it does not separate two blocks
                chrome_run += 1
            if run > 4:
                scores[j] *= 2.0
            if chrome_run == 9 and n_paragraphs >= 2:
                scores[j] = BARRIER
            if line.score <= -3.0:  # a 'Related'/'More from' heading opens a link block
                run = max(run, 4)
        else:
            run = chrome_run = 0
    return scores


def inline_link_boxes(lines: list[Line]) -> set[int]:
    """The lines of each 'Related' box inside the story (its heading softened by ``soften_inline_link_boxes``, one to
    three headlines, the story going on after them)."""
    found: set[int] = set()
    for j in range(len(lines)):
        box_end = _inline_link_box_end(lines, j, len(lines))
        if box_end >= 0:
            found.update(range(j, box_end + 1))
    return found


def choose_span(lines: list[Line], scores: list[float]) -> tuple[int, int] | None:
    """The best-scoring span between barriers; the first article wins when substantial over a block that follows
    an 'article is over' line (a second story, 'Join the conversation', an author box): what comes after the
    story's end is a teaser list, comments or another story."""
    segments: list[tuple[float, int, int, bool]] = []  # score, start, end, preceded by an end-of-article barrier
    lo = 0
    after_end = False
    for j in range(len(lines) + 1):
        if j == len(lines) or scores[j] == BARRIER:
            if j > lo:
                score, start, end = best_scoring_span(scores, lo, j)
                if start >= 0:
                    segments.append((score, start, end, after_end))
            if j < len(lines) and lines[j].ends_article:
                after_end = True
            lo = j + 1
    if not segments:
        return None
    best = max(segments, key=lambda seg: seg[0])
    chosen = best
    if best[3]:
        for seg in segments:
            if seg is best:
                break
            if not seg[3] and seg[0] >= max(6.0, 0.3 * best[0]):
                chosen = seg
                break
    if chosen[0] < 2.0:
        return None
    return chosen[1], chosen[2]


_TOPIC_WORD = re.compile(r"[a-z]{4,}")


def _topic_words(lines: list[Line], start: int, end: int, stem: int = 0) -> set[str]:
    """The content words (four letters or more, no stop words) of the content lines in a range; with ``stem``, cut
    to their first letters (a crude stem: 'therapy' and 'therapists' meet at five)."""
    words: set[str] = set()
    for j in range(start, end + 1):
        if lines[j].kind in CONTENT_KINDS:
            found = (w for w in _TOPIC_WORD.findall(lines[j].content.lower()) if w not in STOP_WORDS)
            words.update((w[:stem] for w in found) if stem else found)
    return words


# what lies between two blocks of one story: list items, short lines, subheadings, captions, its own short sentences
_STORY_GAP_RULES = frozenset({"", "short_non_sentence", "no_sentence_end", "menu_item", "list_item", "caption"})


def extend_to_same_topic(lines: list[Line], scores: list[float], span: tuple[int, int]) -> tuple[int, int]:
    """The span's new end: a long run of list items or short lines inside a story (a notes page, a table of
    options) costs more than the prose before it is worth, so the best span stops before it; the story goes on
    when the next block of prose after it (within 30 lines, only list items, short lines and captions between) has at least
    eight content words and half of them are the span's own words (a teaser, a promo or another story shares
    far fewer). Repeated while blocks follow."""
    start, end = span
    count = len(lines)
    words: set[str] | None = None  # the span's words, read only when a block qualifies
    while True:
        k = end + 1
        while k < count and k - end <= 30 and not (lines[k].kind in (PARAGRAPH, LIST_SENTENCE) and scores[k] >= 1.5):
            if lines[k].rule not in _STORY_GAP_RULES:
                return start, end  # a sign-up box, a 'Related' heading, a share row, a date: not inside one story
            k += 1
        if k >= count or k - end > 30:
            return start, end
        # the next block: the best-scoring run from its first prose line to the next hard stop
        stop = k
        while stop < count and scores[stop] != BARRIER:
            stop += 1
        block_score, block_start, block_end = best_scoring_span(scores, k, stop)
        if block_start != k or block_score < 1.5:
            return start, end
        block_words = _topic_words(lines, block_start, block_end)
        if len(block_words) < 8:
            return start, end
        if words is None:
            words = _topic_words(lines, start, end)
        if 2 * len(block_words & words) < len(block_words):
            return start, end
        end = block_end
        words |= block_words


def extend_back_to_same_topic(lines: list[Line], span: tuple[int, int]) -> tuple[int, int]:
    """The span's new start: the story's lead paragraph above a contents list or a run of short lines (a wiki's
    lead, then its table of contents) is cut off by the best span; it is the story's when only list items and short
    lines lie between (no byline, date or cue line: a standfirst or a header stays out), within 30 lines, and at
    least half of its eight or more content words are the span's."""
    start, end = span
    k = start - 1
    while k >= 0 and start - k <= 30 and lines[k].kind != PARAGRAPH:
        if lines[k].rule not in _STORY_GAP_RULES:
            return span
        k -= 1
    if k < 0 or start - k > 30 or k == start - 1 or lines[k].score < 1.5:
        return span
    block_start = k
    while block_start > 0 and lines[block_start - 1].kind in CONTENT_KINDS:
        block_start -= 1
    # a lead paragraph names the topic in its own forms ('therapy' above 'therapists'): words meet by their stems
    block_words = _topic_words(lines, block_start, k, stem=5)
    if len(block_words) < 8 or 2 * len(block_words & _topic_words(lines, start, end, stem=5)) < len(block_words):
        return span
    return block_start, end


def _list_past_chrome(lines: list[Line], keep: list[bool], first: int, span_start: int) -> bool:
    """Whether the list or table at line ``first`` comes straight past inline chrome (or a 'Related' box of one to
    three headlines) after a kept line of the story that announces it with a colon, or is a table of figures."""
    above = first - 1
    while above > span_start and not keep[above] and first - above <= 6:
        above -= 1
    return (
        keep[above] and above < first - 1 and _past_inline_chrome(lines, above) == first
        and (lines[above].content.endswith(":") or "\t" in lines[first].text)
    )


def extend_over_closing_list(lines: list[Line], end: int, ordered_lists: list[list[int]]) -> int:
    """The span's new end: a numbered list the story closes with ('Here is the full list.', '1. ...', '2. ...')
    weighs little per item, so the best span stops before it; it goes on from the story when a sentence
    introduces it and the few lines between are not chrome. A table of figures, or a list the story's last line
    announces with a colon, may also come past inline chrome or a 'Related' box of one to three headlines."""
    past_chrome = _past_inline_chrome(lines, end) if end + 1 < len(lines) else end + 1
    for items in ordered_lists:
        first = items[0]
        if (
            end < first <= end + 7 and _introduced_past_inline_chrome(lines, first)
            and all(not lines[k].ends_article and (lines[k].score > -1.0 or _inline_chrome_line(lines[k])) for k in range(end + 1, first))
        ):
            return items[-1]
        if (
            first == past_chrome > end + 1 and lines[end].kind in CONTENT_KINDS
            and (lines[end].content.endswith(":") or "\t" in lines[first].text)
        ):
            return items[-1]
    return end


def extend_over_closing_list_and_tail(lines: list[Line], scores: list[float], end: int, ordered_lists: list[list[int]]) -> int:
    """The span's new end over a closing list or table (``extend_over_closing_list``) and then over the story's tail
    below it (``extend_over_story_tail``: a closing line after the table)."""
    list_end = extend_over_closing_list(lines, end, ordered_lists)
    return end if list_end == end else extend_over_story_tail(lines, scores, list_end)


def _introduced_past_inline_chrome(lines: list[Line], first: int) -> bool:
    """Whether a line of the story introduces the list starting at line ``first``, perhaps past a few lines of inline
    chrome (an advert, a 'Read more' link) between them."""
    k = first - 1
    while k > 0 and first - k <= 3 and _inline_chrome_line(lines[k]):
        k -= 1
    return lines[k].kind in CONTENT_KINDS


def closing_list_items(lines: list[Line], end: int) -> list[int]:
    """The items of a bulleted list the story ends on, after its last kept line: a list goes on from the story's
    sentence when its items open in lower case ('• were more likely to ...': a menu or a headline is capitalised), or
    the line announces it with a colon; an advert, a 'Read more' link, a photo's caption or (after a colon) a 'Related'
    box of two or three headlines may lie between. Two or more items of three words or more."""
    count = len(lines)
    announced = lines[end].content.endswith(":")
    j = end + 1
    boxes = 0
    while j < count and j - end <= 8:
        if _chrome_or_caption(lines, j) and j - end <= 3 + 4 * boxes:
            j += 1
            continue
        if announced and _related_heading(lines[j]):
            k = _box_headlines_end(lines, j)
            if k - j < 2:
                return []  # a 'Related' heading over no box of headlines
            j = k + 1
            boxes += 1
            continue
        break
    items: list[int] = []
    while j < count:
        item = lines[j]
        if not (item.is_list and item.rule in ("menu_item", "list_item") and not item.ends_article and item.n_words >= 3):
            break
        if not announced and not item.content[0].islower():
            return []
        items.append(j)
        j += 1
    return items if len(items) >= 2 else []


def _section_heading(line: Line, common: frozenset[str] | set[str]) -> bool:
    """A plain short heading of the story's own (not a cue line, not the site's template)."""
    return (
        line.rule == "short_non_sentence" and not line.is_list and 1 <= line.n_words <= 8 and not line.ends_article
        and not (common and template_key(line.text) in common)
    )


_FULL_STOPS = frozenset('.!?"”’')  # a sentence's own end (not a link's '(PDF, 64KB)')


def extend_over_list_sections(
    lines: list[Line], end: int, common: frozenset[str] | set[str], table_rows: frozenset[int] = frozenset()
) -> tuple[int, list[int]]:
    """The span's new end and the lines to keep on the way: sections of subheading and list ('What people told
    us', three bullets; 'Recommendations', 1. 2. 3.) after the last paragraph weigh less than nothing, so the best
    span stops before them; they are the story's when the story goes on after them in a sentence of six words or
    more (ending in a full stop, not a link's bracket), with nothing but headings, list items and story lines
    between (within 30 lines). The rows of a table of figures (``table_runs``) count as list items."""
    count = len(lines)
    headings = items = 0
    new_end = end
    k = end + 1
    while k < count and k - end <= 30:
        line = lines[k]
        if line.kind in CONTENT_KINDS:
            if line.content[-1] in _FULL_STOPS and line.n_words >= 6 and headings and items >= 2:
                new_end = k
        elif (line.is_list and line.rule in ("menu_item", "list_item", "date_line")) or k in table_rows:
            items += 1
        elif _section_heading(line, common):
            headings += 1
        else:
            break
        k += 1
    if new_end == end:
        return end, []
    return new_end, [j for j in range(end + 1, new_end) if lines[j].kind == DROP]


def extend_over_story_tail(lines: list[Line], scores: list[float], end: int) -> int:
    """The span's new end: a closing subheading and a short sentence ('1,200 helped so far', 'That will double
    next year.') weigh less than nothing together, so the best span stops before them; they are the story's
    when nothing but plain short lines lies between and the few lines cost little. A closing sentence of six
    words or more may also follow a subheading and a short list ('Opening hours', two bullets, 'Book by phone.')."""
    total = 0.0
    new_end = end
    for j in range(end + 1, min(end + 5, len(lines))):
        line = lines[j]
        if scores[j] == BARRIER or line.ends_article or (line.kind == DROP and line.rule not in _TAIL_GAP_RULES):
            break
        total += scores[j]
        if line.kind in CONTENT_KINDS and (total >= -1.0 or (total >= -3.0 and line.sentence and line.n_words >= 6)):
            new_end = j
    return new_end


_TAIL_GAP_RULES = frozenset({"short_non_sentence", "no_sentence_end", "menu_item"})


def extend_over_link_box_to_closing_paragraph(lines: list[Line], start: int, end: int) -> int:
    """The span's new end: a 'Related' box of two or three bare headlines (no card summaries) dropped in before the
    story's last paragraph costs more than that paragraph is worth, so the best span stops before the box; the
    paragraph after it is the story's when it is one full sentence of eight words or more, the page's text ends
    there (no more prose straight after it), and it shares content words (by their stems) with the story, more
    than with the box's last headline when it shares two or more with that (a card's summary repeats its headline)."""
    count = len(lines)
    j = end + 1
    while j < count and _chrome_or_caption(lines, j) and j - end <= 3:
        j += 1  # an advert, a 'Read more' link or a photo's caption between the story and the box
    if j >= count or not _related_heading(lines[j]):
        return end
    k = _box_headlines_end(lines, j)
    closing = k + 1
    if k - j < 2 or closing >= count:
        return end
    paragraph = lines[closing]
    if paragraph.kind != PARAGRAPH or not paragraph.sentence or paragraph.n_words < 8 or paragraph.ends_article:
        return end
    if closing + 1 < count and lines[closing + 1].kind in CONTENT_KINDS:
        return end  # more prose after it: a card's summary or another block, not the story's last line
    # a card's summary repeats its headline's words; the story's last paragraph goes on with the story's
    words = _topic_words(lines, closing, closing, stem=5)
    story_shared = len(words & _topic_words(lines, start, end, stem=5))
    headline_shared = len(words & {w[:5] for w in _TOPIC_WORD.findall(lines[k].content.lower()) if w not in STOP_WORDS})
    if story_shared == 0 or (headline_shared >= 2 and headline_shared >= story_shared):
        return end
    return closing


def _past_inline_chrome(lines: list[Line], end: int) -> int:
    """The first line after the span's end past inline chrome: an advert, a sign-up box, a 'Read more' link, a photo's
    caption, and one 'Related' box of one to three headlines (the box's heading within six lines of the span's end,
    and chrome after the box within ten); ``end + 1`` when none."""
    count = len(lines)
    j = end + 1
    boxes = 0
    while j < count and j - end <= 6 + 4 * boxes:
        line = lines[j]
        if _related_heading(line) and _INLINE_LINK.match(line.content) is None:
            box_end = _box_headlines_end(lines, j)
            if box_end == j or boxes:
                break
            j = box_end + 1
            boxes += 1  # one box, and a few more lines of chrome after it (a photo's caption, an advert)
            continue
        if not _chrome_or_caption(lines, j):
            break
        j += 1
    return j


def _article_over_at(lines: list[Line], j: int) -> bool:
    """Whether the page plainly leaves the article at line j: it ends, or the line says the article is over (comments,
    an author box, a second article), or is a share row or a 'Related' heading."""
    if j >= len(lines):
        return True
    line = lines[j]
    return line.ends_article or line.shape_rule == "share_buttons" or (line.shape_rule == "related_list" and line.score <= -3.0)


_CLOSING_AFTER_CHROME_MAX = 9  # the story's closing line or section starts at most this many lines after its end


def _closing_heading(lines: list[Line], j: int, common: frozenset[str] | set[str]) -> bool:
    """Line j is a closing section's heading: a plain short heading of eight words at most, capitalised."""
    return (
        j < len(lines) and _section_heading(lines[j], common) and lines[j].n_words <= 8 and lines[j].content[:1].isupper()
        and not caption_over_credit(lines, j)  # a photo's caption over its credit line
    )


def extend_to_closing_short_sentence(lines: list[Line], end: int, common: frozenset[str] | set[str] = frozenset()) -> int:
    """The span's new end: the story's last line is a short sentence ('Work starts in June.') below an advert, a 'Read
    more' link or a 'Related' box of one to three headlines, perhaps under its own subheading above the chrome ('What
    happens next'); it weighs less than the chrome above it costs, so the best span stops before the chrome. It is the
    story's when it is a plain sentence of three words or more and the article plainly ends after it
    (``_article_over_at``)."""
    above = end + 1 if _closing_heading(lines, end + 1, common) else end  # its heading, printed before the chrome
    j = _past_inline_chrome(lines, above)
    if j == above + 1 or j >= len(lines) or j - end > _CLOSING_AFTER_CHROME_MAX:
        return end
    closing = lines[j]
    if not _plain_short_sentence(closing) or closing.n_words < 3 or not closing.content[:1].isupper():
        return end
    if not _article_over_at(lines, j + 1):
        return end  # the page goes on (text, a teaser list, a form): not plainly the story's last line
    return j


def closing_section(lines: list[Line], end: int, common: frozenset[str] | set[str]) -> list[int]:
    """The story's closing section below inline chrome ('How to apply', 'You can apply in three ways:', two or more
    bullets): a short subheading, one line of text and the list it introduces, weighing less than the chrome above
    costs. They are the story's when the article plainly ends after them (``_article_over_at``); adverts and
    captions may lie between the line and its list."""
    count = len(lines)
    section: list[int] = []
    if _closing_heading(lines, end + 1, common):
        section.append(end + 1)  # the section's heading printed before the chrome
    j = _past_inline_chrome(lines, section[0] if section else end)
    if j >= count or j - end > _CLOSING_AFTER_CHROME_MAX or (section and j == end + 2):
        return []
    if not section and _closing_heading(lines, j, common):
        section.append(j)
        j += 1
    if j >= count:
        return []
    intro = lines[j]
    if intro.kind not in CONTENT_KINDS or intro.is_list or not intro.content[:1].isupper() or not intro.sentence:
        return []
    section.append(j)
    k = j + 1
    while k < count and k - j <= 6 and _chrome_or_caption(lines, k):
        k += 1
    items = []
    while k < count and lines[k].is_list and lines[k].rule in ("menu_item", "list_item") and not lines[k].ends_article:
        items.append(k)
        k += 1
    if len(items) < 2 or not _article_over_at(lines, k):
        return []
    if section[0] == end + 1 and len(section) == 1:
        return []  # a list straight after the story's last line: the closing-list rules decide
    return section + items


def skip_teaser_card(lines: list[Line], start: int, end: int) -> int:
    """The span's new start: a link box's last card ('Trending', a headline and its one-paragraph summary) straight
    above the article's headline is joined to the story by the best span; the story starts after its headline (a
    title-like line followed by two paragraphs)."""
    first = lines[start]
    if start < 2 or start + 3 > end or first.kind != PARAGRAPH or first.length > 400:
        return start
    card_title, headline = lines[start - 1], lines[start + 1]
    heading = lines[start - 2]
    if not (
        heading.rule == "related_list" and title_like(card_title) and not card_title.sentence
        and title_like(headline) and not headline.sentence and headline.kind == DROP and headline.n_words >= 5
        and lines[start + 2].kind == PARAGRAPH and lines[start + 3].kind == PARAGRAPH
    ):
        return start
    for line in (first, headline):
        line.kind, line.rule = DROP, "related_teaser"
    headline.rule = headline.shape_rule
    return start + 2


def trim_header_block(lines: list[Line], start: int, end: int) -> int:
    """Drop the header block (standfirst, caption, byline, date) at the head of the span; the new start."""
    n_paragraphs = 0
    cut = -1
    content_chars = 0
    for j in range(start, end + 1):
        line = lines[j]
        # a dated bullet with its own text ('• 12 January 2026: pilot launched') is a timeline, not the dateline
        if line.closes_header and not _dated_item(line):
            strong = line.rule in ("byline", "date_line")
            # a caption after the lead paragraph is an inline image: cut only a short standfirst
            if strong or (n_paragraphs <= 1 and content_chars < 100):
                cut = j
        if line.kind in CONTENT_KINDS:
            content_chars += line.length
        if line.kind == PARAGRAPH:
            n_paragraphs += 1
            if n_paragraphs >= 3:
                break
    if cut >= 0 and any(lines[k].kind == PARAGRAPH for k in range(cut + 1, end + 1)):
        for k in range(start, cut + 1):
            if lines[k].kind != DROP:
                lines[k].kind, lines[k].rule = DROP, "standfirst"
        return cut + 1
    return start


def keep_in_span(
    lines: list[Line], start: int, end: int, common: frozenset[str] | set[str], ordered_lists: list[list[int]]
) -> list[int]:
    """Indexes of the kept lines: content lines of the span, rescued lists and subheadings."""
    kept = _keep_in_view(lines, start, end, common, ordered_lists, inline_chrome(lines, start, end))
    # a leading short line without a following body line is not body (unless the story has no long paragraph at
    # all: a bulletin written in short sentences)
    if any(lines[j].kind == PARAGRAPH for j in kept):
        while kept and lines[kept[0]].kind == SHORT_SENTENCE and len(kept) > 1 and lines[kept[1]].kind != PARAGRAPH:
            lines[kept[0]].rule = "short_non_sentence"
            kept.pop(0)
    # a field label straight above the first paragraph ('Summary:', 'Purpose:') opens the story
    if kept and kept[0] > 0 and lines[kept[0]].kind == PARAGRAPH:
        label = lines[kept[0] - 1]
        if label.rule == "short_non_sentence" and label.content.endswith(":") and label.n_words <= 3 and not (
            common and template_key(label.text) in common
        ):
            label.rule = ""
            kept.insert(0, kept[0] - 1)
    return kept


# what a page drops into the middle of a story: an advert, a sign-up box, an offer, a photo's credit (not share
# buttons: a photo's "Pin" button comes before its caption)
_INLINE_CHROME_RULES = frozenset({"advert", "signup_form", "promo", "caption"})


def _inline_chrome_line(line: Line) -> bool:
    # a box that talks in sentences ('Stay up to date with us. Subscribe to our newsletter.') is a promo block
    if line.kind != DROP or line.ends_article or line.score == BARRIER or (line.sentence and line.rule != "caption"):
        return False
    if line.is_list:
        return False  # a bullet shaped like a caption ('• VIDEO: ...') is an item of its list
    if line.rule in _INLINE_CHROME_RULES:
        return True
    # an inline link to another story ('Read more: <its headline>'), not a 'Related articles' heading over a list
    return line.rule == "related_list" and not line.is_list and _INLINE_LINK.match(line.content) is not None


def caption_over_credit(lines: list[Line], j: int) -> bool:
    """Line j is a photo's caption over its credit line ('Staff at the new hub' / 'Image: Getty Images'): a short line
    that is no sentence, straight above a caption or credit line."""
    line = lines[j]
    return (
        j + 1 < len(lines) and line.kind == DROP and not line.is_list and not line.sentence and not line.ends_article
        and line.rule in ("short_non_sentence", "no_sentence_end") and lines[j + 1].rule == "caption"
        and not lines[j + 1].is_list
    )


def _chrome_or_caption(lines: list[Line], j: int) -> bool:
    """Line j is inline chrome (an advert, a sign-up box, a 'Read more' link) or a photo's caption over its credit:
    what the story may be read past."""
    return _inline_chrome_line(lines[j]) or caption_over_credit(lines, j)


_STORY_LIST_MAX = 12  # items of a list the story announces, at most


def _ends_story_list(lines: list[Line], j: int) -> bool:
    """Line j is the last item of a bullet list that a line of the story announces with a colon or runs on from
    ('The evaluation found that participants:' / '• were more likely to ...'), straight above the list."""
    if not lines[j].is_list or lines[j].ends_article:
        return False
    first = j
    while first > 0 and j - first < _STORY_LIST_MAX and lines[first - 1].is_list and not lines[first - 1].ends_article:
        first -= 1
    if first == 0 or j - first + 1 < 2:
        return False
    intro = lines[first - 1]
    if lines[first].content[:1].islower():
        return _runs_into_list(lines, first - 1)
    return intro.kind in CONTENT_KINDS and intro.content.endswith(":")


def interrupting_chrome(lines: list[Line]) -> set[int]:
    """Runs of at most six inline chrome lines (an advert, a sign-up box, share buttons, a photo credit, a 'Read
    more' link, a photo's caption over its credit) with a line of the story straight above and the story going on straight below (past one short
    subheading): two lines of text, or a list item."""
    found: set[int] = set()
    count = len(lines)
    j = 1
    while j < count:
        above = lines[j - 1]
        if (
            not (above.kind in CONTENT_KINDS or (above.is_list and not lines[j].is_list and _ends_story_list(lines, j - 1)))
            or not _chrome_or_caption(lines, j)
        ):
            j += 1
            continue
        k = j
        while k + 1 < count and _chrome_or_caption(lines, k + 1):
            k += 1
        if k - j < 6 and _story_goes_on(lines, k + 1):
            found.update(range(j, k + 1))
        j = k + 1
    return found


def _inline_link_box_end(lines: list[Line], j: int, end: int) -> int:
    """The last line of a 'Related' box at line j inside the span that the story goes on after; -1 if none."""
    line = lines[j]
    if (
        line.shape_rule != "related_list" or line.score != _SOFTENED_HEADING_SCORE or line.ends_article or line.is_list
        or _INLINE_LINK.match(line.content) is not None  # 'Read more: <headline>' is a link, not a box's heading
    ):
        return -1
    box_end = _link_box_end(lines, j)
    return box_end if box_end < end else -1


def inline_chrome(lines: list[Line], start: int, end: int) -> set[int]:
    """Lines inside the span that interrupt the story (runs of at most six: an advert, a sign-up box, a 'Read more'
    link, a photo's caption and credit; a 'Related' box the story goes on after), to be read past when deciding what the story's lists and subheadings are:
    a subheading or a list next to an advert is still between the story's paragraphs."""
    found: set[int] = set()
    j = start + 1
    while j < end:
        box_end = _inline_link_box_end(lines, j, end)
        if box_end >= 0:
            found.update(range(j, box_end + 1))
            j = box_end + 1
            continue
        if not _inline_chrome_line(lines[j]):
            j += 1
            continue
        k = j
        while k + 1 < end and _inline_chrome_line(lines[k + 1]):
            k += 1
        first = j
        # the caption over a credit line ('Staff at the new hub', 'Image: Getty Images'): a short line, no sentence
        above = lines[j - 1]
        if (
            lines[j].rule == "caption" and j - 1 > start and above.kind == DROP and not above.sentence
            and above.rule in ("short_non_sentence", "no_sentence_end") and not above.is_list
        ):
            first = j - 1
        if k - first < 6:
            found.update(range(first, k + 1))
        j = k + 1
    return found


def _keep_in_view(
    lines: list[Line], start: int, end: int, common: frozenset[str] | set[str], ordered_lists: list[list[int]],
    skipped: set[int],
) -> list[int]:
    """Indexes of the lines kept by the span's keep rules, read on the page with the ``skipped`` lines taken out
    (those are never kept)."""
    if skipped:
        view = [j for j in range(len(lines)) if j not in skipped]
        position = {j: v for v, j in enumerate(view)}
        view_lines = [lines[j] for j in view]
        view_lists = [[position[j] for j in run if j in position] for run in ordered_lists]
        view_lists = [run for run in view_lists if len(run) >= 3]
        kept = _keep_rules(view_lines, position[start], position[end], common, view_lists)
        return [view[v] for v in kept]
    return _keep_rules(lines, start, end, common, ordered_lists)


def _keep_rules(
    lines: list[Line], start: int, end: int, common: frozenset[str] | set[str], ordered_lists: list[list[int]]
) -> list[int]:
    keep = [False] * len(lines)
    for j in range(start, end + 1):
        if lines[j].kind in CONTENT_KINDS:
            keep[j] = True
    rescue_lists_and_subheads(lines, keep, start, end, ordered_lists, common)
    keep_tables_inside_story(lines, keep, start, end)
    keep_quote_attributions(lines, keep, start, end)
    keep_timed_entry_headings(lines, keep, start, end)
    keep_closing_fact_list(lines, keep, common)
    keep_short_answers(lines, keep, start, end)
    keep_unpunctuated_prose(lines, keep, start, end, common)
    return [j for j in range(len(lines)) if keep[j]]


_PROSE_MIN_WORDS = 15  # a line of prose this long without a sentence end: no headline runs to it
_PROSE_STOP_SHARE = 0.25  # prose: a quarter of its words at least are stop words ('the', 'of', 'to')
_PROSE_LOOKAHEAD = 4  # the story goes on within this many lines after it


def prose_without_full_stop(line: Line) -> bool:
    """A line that reads as the writer's prose though it does not end like a sentence ('... save this in a file
    named requirements.txt', 'Truth: 45% of fans are female, 46% ...', a sentence ending in a footnote mark): two
    sentences in it, or fifteen words or more, with stop words in the share of running text."""
    if line.is_list or line.ends_article or line.rule != "no_sentence_end" or line.n_words < 8:
        return False
    words = line.content.lower().split()
    if sum(1 for w in words if w.strip(",;:()\"'“”‘’") in STOP_WORDS) < _PROSE_STOP_SHARE * len(words):
        return False
    return line.n_words >= _PROSE_MIN_WORDS or INNER_SENTENCE_BREAK.search(line.content) is not None


def keep_unpunctuated_prose(
    lines: list[Line], keep: list[bool], start: int, end: int, common: frozenset[str] | set[str]
) -> None:
    """Inside the story, a prose line that lacks a sentence end (``prose_without_full_stop``) straight after a kept
    line, with the story going on in a kept line within a few lines, is the story's."""
    for j in range(start + 1, end):
        line = lines[j]
        if keep[j] or not keep[j - 1] or not prose_without_full_stop(line):
            continue
        if common and template_key(line.text) in common:
            continue
        if any(keep[k] for k in range(j + 1, min(end, j + _PROSE_LOOKAHEAD) + 1)):
            keep[j] = True
            line.rule = ""


_TABLE_ROW_RULES = frozenset({"short_non_sentence", "no_sentence_end"})


def keep_tables_inside_story(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """A tab-separated table between story lines is the story's: two or more rows with the same number of
    cells, each dropped only for its shape (no cue), with kept story lines above and below."""
    j = start
    while j <= end:
        cells = lines[j].text.count("\t") + 1
        if cells < 2 or lines[j].rule not in _TABLE_ROW_RULES:
            j += 1
            continue
        k = j
        while k + 1 <= end and lines[k + 1].text.count("\t") + 1 == cells and lines[k + 1].rule in _TABLE_ROW_RULES:
            k += 1
        if k > j and any(keep[start:j]) and any(keep[k + 1 : end + 1]):
            for row in range(j, k + 1):
                keep[row] = True
                lines[row].rule = ""
        j = k + 1


_QUOTE_CLOSERS = ("”", '"', "’", "'", "”.", '".', "’.")
_ATTRIBUTION_DASHES = frozenset("–—―-")
_SPEAKER_NAME = re.compile(r"^(?:Dr |Prof |Professor |Sir |Dame |Cllr |Councillor )?[A-Z][\w'’.-]+ [A-Z][\w'’-]")  # not a user handle


def keep_quote_attributions(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """The line that names a kept quotation's speaker, written under it after a dash ('– Jo Bloggs, chief
    executive'), is the story's: a short line opening with a person's two-word name, straight after a kept line that
    ends in a closing quote (a forum comment's '– user' signature is one word)."""
    for j in range(start + 1, min(end + 2, len(lines))):
        line = lines[j]
        if keep[j] or not keep[j - 1] or line.text[:1] not in _ATTRIBUTION_DASHES or line.ends_article:
            continue
        if 2 <= line.n_words <= 15 and _SPEAKER_NAME.match(line.content) and lines[j - 1].content.endswith(_QUOTE_CLOSERS) \
                and line.rule in _SOFT_RULES:
            keep[j] = True
            line.rule = ""


_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d\d(?:\s?[ap]\.?m\.?)?(?:\s(?:GMT|BST|UTC))?$", re.I)


def keep_timed_entry_headings(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """A live page's entries: time, heading, text. The heading of an entry inside the story is a subheading
    (kept); the time is not, and neither is a 'key events' heading that no entry text follows."""
    for j in range(max(start - 1, 1), min(end, len(lines) - 1)):
        line = lines[j]
        if (
            not keep[j] and line.rule in _TABLE_ROW_RULES and line.n_words <= 12 and not line.is_list
            and _TIME_ONLY.match(lines[j - 1].content) and keep[j + 1] and lines[j + 1].kind == PARAGRAPH
        ):
            keep[j] = True
            line.rule = ""


def keep_short_answers(lines: list[Line], keep: list[bool], start: int, end: int) -> None:
    """A one- or two-word answer ('No.', 'Not yet.') between a kept question and the story going on is the story's."""
    for j in range(max(start, 1), min(end, len(lines) - 1)):
        line = lines[j]
        if (
            not keep[j] and line.sentence and line.n_words <= 2 and line.rule == "short_non_sentence"
            and keep[j - 1] and lines[j - 1].content.endswith("?") and keep[j + 1]
        ):
            keep[j] = True
            line.rule = ""


def keep_closing_fact_list(lines: list[Line], keep: list[bool], common: frozenset[str] | set[str]) -> None:
    """A short heading right after the story's last line and a list of two or more facts with figures or dates
    ('Key dates', '• 14 October 2025: fund opens') end the story; link lists have no figures."""
    last = max((j for j in range(len(lines)) if keep[j]), default=-1)
    heading_at = last + 1
    if last < 0 or heading_at >= len(lines):
        return
    heading = lines[heading_at]
    if (
        heading.rule != "short_non_sentence" or heading.ends_article or not 1 <= heading.n_words <= 6
        or (common and template_key(heading.text) in common)
    ):
        return
    items: list[int] = []
    for k in range(heading_at + 1, len(lines)):
        item = lines[k]
        if not (item.is_list and item.rule in ("menu_item", "date_line", "list_item") and item.n_words >= 3
                and DIGIT.search(item.content)):
            break
        items.append(k)
    if len(items) >= 2:
        for k in (heading_at, *items):
            keep[k] = True
            lines[k].rule = ""


def drop_repeats(lines: list[Line], kept: list[int]) -> list[int]:
    """Kept lines without repeats (a pull quote repeats a paragraph)."""
    out: list[int] = []
    seen: set[str] = set()
    for j in kept:
        if lines[j].content in seen:
            lines[j].rule = "duplicate"
            continue
        seen.add(lines[j].content)
        out.append(j)
    return out


_GENERIC_RULES = ("short_non_sentence", "no_sentence_end", "menu_item")


def dropped_lines(lines: list[Line], kept: set[int], common: frozenset[str] | set[str]) -> tuple[DroppedLine, ...]:
    """Every line not kept, with its reason."""
    first_body = min(kept) if kept else len(lines)
    last_body = max(kept) if kept else -1
    dropped: list[DroppedLine] = []
    new = object.__new__
    for j, line in enumerate(lines):
        if j in kept:
            continue
        rule = line.rule
        if common and rule in _GENERIC_RULES and template_key(line.text) in common:
            rule = "template_repeat"  # say why when the shape alone did not (debugging from SQL)
        if not rule:
            rule = "before_article" if j < first_body else ("after_article_end" if j > last_body else "not_body")
        elif j > last_body and line.kind != DROP:
            rule = "after_article_end"
        # DroppedLine(...) without the frozen dataclass's per-field object.__setattr__ (hot path)
        item = new(DroppedLine)
        item.__dict__.update(line_no=line.line_no, text=line.text, rule=rule)
        dropped.append(item)
    return tuple(dropped)

_SOFT_RULES = frozenset({"short_non_sentence", "no_sentence_end", "menu_item", "list_item", "related_list"})


# an inline link to another story: 'Read more: <its headline>'
_INLINE_LINK = re.compile(r"^[^:]{2,30}:\s+\S+(?:\s+\S+){2,}")
_GLUED_SENTENCE = re.compile(r"[a-z][.!?][A-Z]")
# a one-word subheading: 'Background', 'Content:' (a capitalised word, not a number or a code)
_ONE_WORD_HEADING = re.compile(r"^[A-Z][a-z]{3,}:?$")


# a timeline entry opens with its date ('October 2024: pilots launched', '12 May: ...', '2025 – ...'): not a headline
_LEADING_DATE = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)? )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?: \d{1,2}(?:st|nd|rd|th)?,?)?(?: (?:19|20)\d\d)?\s*[:–—-]"
    r"|^(?:19|20)\d\d\s*[:–—-]",
    re.I,
)


def _teaser_headline(line: Line) -> bool:
    """A list item shaped like another story's headline: capitalised, five words or more, no full stop."""
    return line.n_words >= 5 and line.content[:1].isupper() and not line.sentence


def _list_subheading(lines: list[Line], keep: list[bool], j: int) -> bool:
    """A short heading over a list, straight after a kept line of the story ('Opening hours')."""
    line = lines[j]
    return (
        j > 0 and not keep[j] and keep[j - 1] and line.rule == "short_non_sentence" and 1 <= line.n_words <= 8
        and not line.is_list and not line.ends_article and line.content[:1].isupper()
        and _LINK_LABEL_WORDS.isdisjoint(line.content.lower().rstrip(":").split())
    )


def rescue_lists_and_subheads(
    lines: list[Line], keep: list[bool], span_start: int, span_end: int, ordered_lists: list[list[int]],
    common: frozenset[str] | set[str] = frozenset(),
) -> None:
    """Inside the article: keep a list announced by a colon, and a lone subheading between paragraphs."""
    count = len(lines)
    # a sentence that runs on into a bullet list ('The evaluation found that patients who saw a coach' / '• were
    # more likely ...'), straight after a kept line: the sentence and its items
    for j in range(span_start + 1, span_end):
        if keep[j] or not keep[j - 1] or not lines[j + 1].is_list or not lines[j + 1].content[:1].islower():
            continue
        if not _runs_into_list(lines, j):
            continue
        k = j + 1
        while k <= span_end and lines[k].is_list and lines[k].rule in ("menu_item", "list_item") and not lines[k].ends_article:
            k += 1
        if k - j >= 3:
            for m in range(j, k):
                keep[m] = True
                lines[m].rule = ""
    # a line ending in an ellipsis is a truncated teaser in a link list, but inside the story, right after a kept
    # paragraph and with story text soon after, it is the writer's style ('Because once you understand this …')
    for j in range(span_start + 1, span_end):
        line = lines[j]
        if (
            not keep[j]
            and keep[j - 1]
            and line.rule == "related_list"
            and not line.is_list
            and line.n_words >= 3
            and (line.content.endswith("…") or line.content.endswith("..."))
            and any(keep[k] and lines[k].kind == PARAGRAPH for k in range(j + 1, min(span_end + 1, j + 5)))
        ):
            keep[j] = True
            line.rule = ""
    j = span_start
    while j <= span_end:
        line = lines[j]
        announces = line.content[-1] in ":…" or (line.content[-1] == "?" and line.length <= 100)
        if keep[j] and announces and line.rule != "related_list":
            k = j + 1
            items: list[int] = []
            while k < count and len(items) < 80:
                item = lines[k]
                if keep[k] and item.is_list:
                    k += 1
                    continue
                # a bullet may be one word ('• physiotherapy'); an unmarked line must read like an item
                if (
                    keep[k] or (item.rule not in _SOFT_RULES and not _dated_item(item)) or item.ends_article
                    or item.content.endswith("...") or (item.n_words < 3 and not item.is_list)
                ):
                    break
                if item.rule == "related_list" and not item.is_list:
                    break
                items.append(k)
                k += 1
            if items and (len(items) >= 2 or k <= span_end):
                for item_at in items:
                    keep[item_at] = True
                    lines[item_at].rule = ""
            j = max(k, j + 1)
            continue
        j += 1
    # a bullet list some of whose items are sentences: the other items of the same list
    for j in range(span_start + 1, span_end + 1):
        line = lines[j]
        if not keep[j] and line.is_list and line.rule == "menu_item" and line.n_words >= 4 and keep[j - 1] and lines[j - 1].is_list:
            keep[j] = True
            line.rule = ""
    for j in range(span_end - 1, span_start, -1):
        line = lines[j]
        if not keep[j] and line.is_list and line.rule == "menu_item" and line.n_words >= 4 and keep[j + 1] and lines[j + 1].is_list:
            keep[j] = True
            line.rule = ""
    # a short label and its list between two kept lines of the story ('Key figures:', '• £2m funding', ...)
    for j in range(span_start + 1, span_end):
        label = lines[j]
        if keep[j] or not keep[j - 1] or not _is_list_label(label) or (common and template_key(label.text) in common):
            continue
        end = j
        while end + 1 <= span_end and lines[end + 1].is_list and lines[end + 1].rule in ("menu_item", "list_item", "date_line"):
            end += 1
        if end > j and end + 1 <= span_end and keep[end + 1] and lines[end + 1].kind == PARAGRAPH:
            for k in range(j, end + 1):
                keep[k] = True
                lines[k].rule = ""
    # a bullet list between two kept paragraphs (its items not links to elsewhere) is the story's, and so is its
    # subheading ('Opening hours', two bullets) when the story goes on in a sentence of six words or more after it
    j = span_start + 1
    while j <= span_end:
        if keep[j] or not lines[j].is_list:
            j += 1
            continue
        heading = j - 1 if not keep[j - 1] and _list_subheading(lines, keep, j - 1) else -1
        if not keep[j - 1] and heading < 0:
            j += 1
            continue
        end = j
        while end + 1 <= span_end and lines[end + 1].is_list and not keep[end + 1]:
            end += 1
        items = range(j, end + 1)
        after = lines[end + 1] if end + 1 <= span_end else None
        if (
            after is not None and keep[end + 1]
            and (after.kind == PARAGRAPH or (after.sentence and after.n_words >= 6 and after.kind in CONTENT_KINDS))
            and all(lines[k].rule in ("menu_item", "list_item") or _dated_item(lines[k]) for k in items)
            and (len(items) >= 2 or lines[j].n_words >= 2)
            and 2 * sum(1 for k in items if _teaser_headline(lines[k]) and not _LEADING_DATE.match(lines[k].content)) < len(items)
        ):
            for k in items if heading < 0 else (heading, *items):
                keep[k] = True
                lines[k].rule = ""
        j = end + 1
    # an ordered list that goes on from the story (perhaps past inline chrome, like ``extend_over_closing_list``)
    for items in ordered_lists:
        just_before = range(max(span_start, items[0] - 2), items[0])
        if (
            span_start < items[0] <= span_end and any(keep[k] for k in just_before)
            # not the numbered headlines under a 'Most read' heading
            and lines[items[0] - 1].shape_rule not in ("after_article_end", "related_list")
        ) or (span_start < items[0] <= span_end and _list_past_chrome(lines, keep, items[0], span_start)):
            for k in items:
                if lines[k].rule in _SOFT_RULES and not lines[k].ends_article:
                    keep[k] = True
                    lines[k].rule = ""

    def subhead(j: int) -> bool:
        line = lines[j]
        if keep[j] or line.rule not in ("short_non_sentence", "no_sentence_end", "menu_item") or line.ends_article:
            return False
        if line.rule == "menu_item" and not line.text[:1].isdigit():
            return False
        if not (1 <= line.n_words <= 16 and line.length <= 120) or person_name_line(line.content):
            return False
        if line.n_words == 1 and not _ONE_WORD_HEADING.match(line.content):
            return False
        if _GLUED_SENTENCE.search(line.content):
            return False  # 'Thanks for watching!Visit Website': a player's or a box's texts run together
        if common and template_key(line.text) in common:
            line.rule = "template_repeat"  # a heading the site prints on many pages: chrome, not this story's
            return False
        return True

    def after_kept(j: int) -> bool:
        """Line j follows kept text, perhaps past one inline link to another story or a 'Back to top' link."""
        if keep[j - 1]:
            return True
        inline = lines[j - 1]
        return (
            j - 2 >= span_start and keep[j - 2] and not inline.ends_article
            and ((inline.rule == "related_list" and _INLINE_LINK.match(inline.content) is not None)
                 or inline.rule == "navigation")
        )

    def after_lone_link_item(j: int) -> bool:
        """Line j follows one bullet that stands alone between a kept paragraph and line j: a link to another
        story (a gallery, a 'see also') that the page drops between a paragraph and the next section's heading."""
        item = lines[j - 1]
        return (
            j - 2 >= span_start and keep[j - 2] and lines[j - 2].kind == PARAGRAPH and not lines[j - 2].is_list
            and item.is_list and item.rule == "menu_item" and not item.ends_article and item.n_words >= 2
            and item.content[:1].isalpha()  # a link's words, not a rule of dashes between sections
        )

    list_starts = {items[0] for items in ordered_lists}
    for j in range(span_start + 1, span_end):
        if not keep[j] and not keep[j - 1] and keep[j + 1] and lines[j + 1].kind == PARAGRAPH and after_lone_link_item(j) \
                and subhead(j) and not lines[j].is_list:
            keep[j] = True
            lines[j].rule = ""
            continue
        if not keep[j] and after_kept(j):
            # a subheading (or a heading and its sub-heading) between paragraphs, or over a list of the story's
            if keep[j + 1] and (lines[j + 1].kind in CONTENT_KINDS or lines[j + 1].is_list or j + 1 in list_starts) \
                    and subhead(j):
                keep[j] = True
                lines[j].rule = ""
            elif j + 2 <= span_end and keep[j + 2] and lines[j + 2].kind == PARAGRAPH and not keep[j + 1] and subhead(j) and subhead(j + 1):
                keep[j] = keep[j + 1] = True
                lines[j].rule = lines[j + 1].rule = ""


def best_scoring_span(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    best, best_start, best_end = 0.0, -1, -1
    current, current_start = 0.0, lo
    for i in range(lo, hi):
        value = scores[i]
        if current <= 0:
            current, current_start = value, i
        else:
            current += value
        if current > best:
            best, best_start, best_end = current, current_start, i
    return best, best_start, best_end


# a closing sentence about a person: 'Jo Bloggs is a senior fellow at ...', 'Jo Bloggs was formerly ...'
_CLOSING_BIO = re.compile(r"^((?:[A-Z][\w'’\-]+\s){1,2}[A-Z][\w'’\-]+) (?:is|was|has been|joined|leads|works) ")
# how the page's head names its writer: the name alone, 'By <name>', or '<name>, <role>' / '<name> | <role>'
_HEAD_NAME_LINE = re.compile(r"^(?:by\s+)?(?P<name>(?:[A-Z][\w'’\-]+\s){1,2}[A-Z][\w'’\-]+)\s*(?:$|[,|–—-]\s*\S)", re.I)


def drop_closing_author_bio(lines: list[Line], kept: list[int]) -> list[int]:
    """The story's last kept line is the writer's bio when it is a sentence about the person the page's head names
    as its writer (a line above the story that is the name alone, 'By' and the name, or the name and a role)."""
    if len(kept) < 3:
        return kept
    last = lines[kept[-1]]
    m = _CLOSING_BIO.match(last.content)
    if m is None or last.is_list:
        return kept
    name = m.group(1)
    for j in range(kept[0] - 1, max(-1, kept[0] - 15), -1):
        head = lines[j]
        if head.n_words > 8 or name not in head.content:
            continue
        named = _HEAD_NAME_LINE.match(head.content)
        if named is not None and named.group("name") == name:
            last.rule = "author_bio"
            return kept[:-1]
    return kept


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ONE_LETTER_STOP_WORDS = frozenset({"a", "i"})  # words of other languages too (Welsh 'a' and 'i')
_OTHER_LANGUAGE_MIN_WORDS = 10
_ENGLISH_LINES_NEEDED = 3


def _english_stop_words(content: str) -> tuple[int, int, int]:
    """(words, English stop words other than 'a' and 'i', words in lower case) of a line."""
    words = _WORD.findall(content)
    stops = sum(1 for w in words if w.lower() in STOP_WORDS and w.lower() not in _ONE_LETTER_STOP_WORDS)
    return len(words), stops, sum(1 for w in words if w.islower())


def _other_language_prose(line: Line) -> bool:
    """A line of running text in another language (a bilingual page's translation): ten words or more, most in
    lower case like prose (not a row of names), and not one English stop word ('the', 'of', 'and') among them."""
    if line.is_list or line.n_words < _OTHER_LANGUAGE_MIN_WORDS:
        return False
    content = line.content
    if " the " in content or " and " in content or " of " in content or " to " in content:
        return False  # the commonest English words: no need to count
    words, stops, lower = _english_stop_words(line.content)
    return words >= _OTHER_LANGUAGE_MIN_WORDS and stops == 0 and 2 * lower > words


def drop_other_language_lines(lines: list[Line], kept: list[int]) -> list[int]:
    """The kept lines without the prose of another language (``_other_language_prose``) when the story itself is
    told in English (three kept lines or more with English stop words): a bilingual page prints the same story
    twice, and the English copy is the one the analysts read."""
    other = [j for j in kept if _other_language_prose(lines[j])]
    if not other:
        return kept
    english = sum(1 for j in kept if _english_stop_words(lines[j].content)[1] >= 2)
    if english < _ENGLISH_LINES_NEEDED:
        return kept
    for j in other:
        lines[j].rule = "other_language"
    dropped = set(other)
    return [j for j in kept if j not in dropped]


# a row of figures written without a list marker: 'Northtown – £4.2m', 'Southville: 3,500 people', 'Eastbury - 12%'
_FIGURE_ROW = re.compile(r"^(?P<label>[^\W\d][^:–—|\t]{0,60}?)\s*(?P<sep>[:–—]|\s-)\s*(?P<value>\S.{0,50})$")
# the value opens with a sum or a count ('£4.2m', '3,500 people', '12%'), not a phone number ('01234 ...', '+44 ...')
_FIGURE_VALUE = re.compile(r"(?:[£$€]\s?\d|[1-9]\d{0,2}(?:,\d{3})*(?:\.\d+)?(?![\d,]))\S*(?:\s+\S+){0,5}$")
_FIGURE_ROW_RULES = frozenset({"short_non_sentence", "no_sentence_end"})


def _figure_row(line: Line) -> str | None:
    """The separator of a row of figures ('Area – £2.1m'), or None: a short unmarked line of a label and a value
    opening with a sum or a count (not a phone number, a date or a link's text)."""
    if line.rule not in _FIGURE_ROW_RULES or line.is_list or line.n_words > 12 or line.code:
        return None
    content = line.content
    # cheap tests first: a separator and a digit (most short lines of a page are menu items without either)
    if not (":" in content or "–" in content or "—" in content or " -" in content) or DIGIT.search(content) is None:
        return None
    m = _FIGURE_ROW.match(content)
    if m is None or not _FIGURE_VALUE.match(m.group("value")) or is_date_line(m.group("value")):
        return None  # 'Headline - 24 June 2026' is a dated link
    return m.group("sep").strip()


def figure_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of two or more unmarked rows of figures in a row with the same separator (a list of areas and their
    allocations): like an ordered list, the writer's."""
    runs: list[list[int]] = []
    current: list[int] = []
    separator: str | None = None
    for j, line in enumerate(lines):
        sep = _figure_row(line) if line.rule in _FIGURE_ROW_RULES else None  # (most lines: no call)
        if sep is not None and current and sep == separator and j == current[-1] + 1:
            current.append(j)
            continue
        if len(current) >= 2:
            runs.append(current)
        current, separator = ([j], sep) if sep is not None else ([], None)
    if len(current) >= 2:
        runs.append(current)
    return runs
