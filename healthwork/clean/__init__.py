"""Saved news page text -> the main article's body and metadata, with a reason for every dropped line.

How it works (no site lists, no phrase lists beyond a few generic boilerplate cue words):

1. ``lines``: every non-blank line gets a *shape* class and a score: long sentence-like lines (terminal
   punctuation, many words, normal stop-word density) score positive in proportion to their length;
   menu items, short title-like lines, date-only lines, bylines, reading times, captions/credits, agency
   and contributor credits, cue-word boilerplate (sign-up, cookie, share, advert, promotion, related,
   footer) and lines repeated across the corpus (``common_lines``, the cc_net idea; only used against
   lines that are not sentences, so syndicated copies keep their shared body) score negative.
2. ``span``: strong "the article is over" lines ("You may also like", an author box, a second headline
   followed by its own byline/date) are barriers that no span may cross, except a link box ('Most read')
   with the story going on in paragraphs right after it. The main article is the maximum-scoring contiguous
   span of lines (Kadane), preferring the first substantial story over a block after an end marker (an
   appended article, comments, teaser cards); its head is trimmed of the standfirst/caption block that ends
   in a byline/date/credit line; its end goes on over a closing subheading and short sentence or a numbered
   list the story introduces; inside it sentence-like lines are kept, and so are lists announced by a colon,
   bullet lists between paragraphs, subheadings between paragraphs and ellipsis lines amid the story.
   Back matter is not the story: a run of four or more references (and its 'References' heading) and a comment
   thread's heading ('12 thoughts on ...') end it; a link box's last card straight above the headline does not
   start it. Across a long run of list items or short lines (a notes page, a contents list) the span goes on to
   the next prose block, or back to a lead paragraph, when half of that block's words are the span's own; after
   the last paragraph, sections of subheading and list stay when the story goes on after them in a sentence.
   The story's own odd shapes: a paragraph hard-wrapped over lines of one width (an e-mail, a PDF dump) is shaped
   as one; a bio-shaped sentence ('X is a reporter turned adviser who ...') with the story going on below it on its
   topic is not an author box; four or more short sentences in a row weigh like short paragraphs; a single closing
   paragraph after a 'Related' box of bare headlines, and a list the story ends on (its items going on in lower
   case, or announced by a colon), stay the story's.
   Unmarked rows of figures ('Northtown – £4.2m') count as the writer's list like numbered lists and tables; the
   story's last line goes when it is a bio of the writer the page's head names.
   A 'Related' box dropped into the story keeps its own penalty (it does not open a long run of chrome), and a short
   closing sentence, or a closing section (subheading, intro line and list), below an advert, a 'Read more' link,
   a photo's caption or such a box stays when the article plainly ends after it; an advert's copy printed under its
   label (a short call to the reader) goes, and so does a line ending in a link's label in brackets ('... (PDF)',
   '(opens in a new window)').
   Inside the story a prose line that lost its full stop to a link or a footnote mark stays, and so does a subheading
   after one stray link bullet; a closing section's heading may be printed above the chrome it sits below, a table of
   figures (or a list announced by a colon) may come past a 'Related' box, and a list the story's sentence runs on
   into ('... participants' / '• were more likely ...') weighs like an announced one. A bilingual page's translation
   (running text without one English stop word) goes when the story is told in English.
   ``line_model`` then reviews the rules' verdicts: a logistic regression over cheap generic line features (and the
   rules' own verdicts) flips a verdict only when confident. Cross-validated on the dev sets' tune halves, no flip
   beat the rules, so the shipped thresholds flip nothing (``scripts/train_line_model.py`` retrains and says why).
3. ``metadata``: from the zone just above the body: the headline, the byline (``names``: name only), the
   article's own date ("published" preferred, "updated"-only dates ignored) and a canonical URL.
"""
from __future__ import annotations

from collections.abc import Iterable

from healthwork.clean.line_model import review_with_line_model, shipped_model
from healthwork.clean.lines import Line, common_line_keys, line_key, line_keys
from healthwork.clean.metadata import find_author, find_date, find_title, find_url
from healthwork.clean.result import CleanResult, DroppedLine
from healthwork.clean.span import (
    apply_corpus,
    choose_span,
    closing_list_items,
    closing_section,
    drop_closing_author_bio,
    drop_other_language_lines,
    drop_repeats,
    extend_over_closing_list_and_tail,
    extend_over_link_box_to_closing_paragraph,
    extend_to_closing_short_sentence,
    extend_over_list_sections,
    extend_back_to_same_topic,
    extend_over_story_tail,
    figure_runs,
    extend_to_same_topic,
    dropped_lines,
    keep_in_span,
    mark_advert_copy,
    may_have_advert_labels,
    mark_link_labels,
    mark_captions_by_credit,
    mark_code_blocks,
    mark_comment_threads,
    mark_embedded_posts,
    mark_reference_lists,
    mark_second_articles,
    mark_teasers,
    may_have_references,
    numbered_runs,
    read_lines,
    reopen_story_after_bio,
    skip_teaser_card,
    soften_early_barriers,
    soften_inline_link_boxes,
    span_scores,
    table_runs,
    trim_header_block,
)

__all__ = ["CleanResult", "DroppedLine", "clean_article", "common_line_keys", "line_key", "line_keys"]


def select_by_rules(text: str, common: frozenset[str] | set[str]) -> tuple[list[Line], list[int]]:
    """The page's lines (with their verdicts) and the indexes of the lines the hand-written rules keep, in order."""
    lines, author_names = read_lines(text)
    if not lines:
        return lines, []
    apply_corpus(lines, common, author_names)
    reopen_story_after_bio(lines)
    mark_captions_by_credit(lines)
    if may_have_advert_labels(text):
        mark_advert_copy(lines)
    mark_link_labels(lines)
    mark_embedded_posts(lines)
    mark_code_blocks(lines)
    if may_have_references(text):
        mark_reference_lists(lines)
    mark_comment_threads(lines)
    mark_teasers(lines)
    mark_second_articles(lines)
    soften_early_barriers(lines)
    soften_inline_link_boxes(lines)
    # tab-separated tables (none on a page without a tab), unmarked rows of figures
    tables = (table_runs(lines) if "\t" in text else []) + figure_runs(lines)
    ordered_lists = numbered_runs(lines) + tables  # the writer's lists and tables
    scores = span_scores(lines, ordered_lists)
    span = choose_span(lines, scores)
    if span is None:
        return lines, []
    span = extend_back_to_same_topic(lines, extend_to_same_topic(lines, scores, span))
    start = trim_header_block(lines, skip_teaser_card(lines, *span), span[1])
    end = extend_over_closing_list_and_tail(lines, scores, extend_over_story_tail(lines, scores, span[1]), ordered_lists)
    end = extend_over_link_box_to_closing_paragraph(lines, start, end)
    end = extend_to_closing_short_sentence(lines, end, common)
    end = extend_over_closing_list_and_tail(lines, scores, end, ordered_lists)  # below a closing line found just now
    end, sections = extend_over_list_sections(lines, end, common, frozenset(j for rows in tables for j in rows))
    kept = keep_in_span(lines, start, end, common, ordered_lists)
    if kept and kept[-1] == end:
        sections = sections + (closing_list_items(lines, end) or closing_section(lines, end, common))
    if sections:
        for j in sections:
            lines[j].rule = ""
        kept = sorted(set(kept).union(sections))
    return lines, drop_other_language_lines(lines, drop_closing_author_bio(lines, kept))


def select_body(text: str, common: frozenset[str] | set[str]) -> tuple[list[Line], list[int]]:
    """The page's lines (with their verdicts) and the indexes of the article's body lines, in order: the rules'
    choice, reviewed by the learned line model, without repeated lines."""
    lines, kept = select_by_rules(text, common)
    kept = review_with_line_model(lines, kept, common, shipped_model())
    return lines, drop_repeats(lines, kept)


def clean_article(text: str, common_lines: Iterable[str] = frozenset()) -> CleanResult:
    """Find the main article in a saved page: body paragraphs, metadata and why every other line went."""
    common = common_lines if isinstance(common_lines, (set, frozenset)) else frozenset(common_lines)
    lines, kept = select_body(text, common)
    if not lines:
        return CleanResult(None, None, None, None, "", (), ())
    first_body = kept[0] if kept else len(lines)
    last_body = kept[-1] if kept else -1
    title_at, title = find_title(lines, first_body, common)
    return CleanResult(
        title=title,
        author=find_author(lines, title_at, first_body, last_body),
        published_date=find_date(lines, title_at, first_body, last_body),
        url=find_url(lines, title_at, first_body, title),
        body="\n".join(lines[j].text for j in kept),
        kept_line_nos=tuple(lines[j].line_no for j in kept),
        dropped=dropped_lines(lines, set(kept), common),
    )
