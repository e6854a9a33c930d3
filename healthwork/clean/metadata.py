"""Metadata from the zone just above the body: headline, byline name, the article's own date, canonical URL."""
from __future__ import annotations

import datetime as dt
import re

from healthwork.clean.lines import DROP, PARAGRAPH, URL_LABEL, Line, is_menu_row, title_like
from healthwork.clean.names import BYLINE_LABEL_ONLY, bare_name, byline_name, is_role_line, name_at_start
from healthwork.clean.patterns import DIGIT, INNER_SENTENCE_BREAK
from healthwork.dates import find_dates

_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published|originally published|date|issued|released|original)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last reviewed|reviewed)\b", re.I)

# ---------------------------------------------------------------- metadata

_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
# 'By Public Sector Review', 'Distributed by: X': a credit line, never the headline
_BY_LINE = re.compile(r"^(?:\w+ )?by\b\s*:?\s*[A-Z]", re.I)
# a form field: 'Region: Wales', 'Is Key Decision?: Yes' (a short label and a short value)
_FIELD = re.compile(r"^[^:]{1,30}:\s*(?:\S+\s*){1,4}$")
# 'Name | 20 November 2025', 'Name · 10 October 2025 · 5 min read'
_BYLINE_PARTS = re.compile(r"\s+[|·•–—-]\s+")
_LABEL_LAST_WORDS = frozenset({"news", "blog", "updates", "releases", "latest", "stories", "articles", "media", "newsroom"})


_DEBUG_TITLE = False  # print every headline candidate with its score (for tuning)


def find_title(lines: list[Line], first_body: int, common: frozenset[str] | set[str]) -> tuple[int, str | None]:
    lo = max(0, first_body - 20)
    best_sc, best_j = 0.0, -1
    for j in range(first_body - 1, lo - 1, -1):
        ln = lines[j]
        if not title_like(ln) or ln.kind == PARAGRAPH and ln.length > 160:
            continue
        if ln.rule in ("cookie_notice", "footer", "signup_form", "share_buttons", "advert", "related_list", "comment_prompt", "paywall", "navigation", "promo", "credit"):
            continue
        c = ln.content
        if _BY_LINE.match(c) or is_menu_row(c):
            continue
        sc = 3.0
        if c[-1] not in ".":
            sc += 2.0
        if c.endswith("."):
            sc -= 1.0
        if 20 <= ln.length <= 140:
            sc += 1.0
        if ln.n_words < 4:
            sc -= 1.5
        if ln.rule == "template_repeat":
            sc -= 2.0
        # shape of a standfirst: a long sentence
        if ln.sentence and ln.length > 110:
            sc -= 2.0
        sc -= 0.15 * (first_body - j - 1)
        if sc + 4.5 <= best_sc:  # cannot win even with every bonus below
            continue
        # a name with its job or agency ('Jane Smith, Health Reporter'), a dated line, or a standfirst of
        # several sentences is not the headline
        head = re.split(r"[,|]", c, maxsplit=1)[0]
        crumb_title = any(_breadcrumb_ends_with(lines[k].content, c) for k in range(lo, j))
        if not crumb_title and (head != c or ln.n_words <= 4) and name_at_start(head) == head.strip() and ln.n_words <= 10:
            sc -= 3.0
        if DIGIT.search(c) and find_dates(c):
            sc -= 3.0
        if INNER_SENTENCE_BREAK.search(c):  # a standfirst of several sentences ('X? Y' can be a headline)
            sc -= 2.0 if c.endswith(".") else 0.5
        if j + 1 < len(lines) and bare_name(lines[j + 1].content) and lines[j + 1].kind == DROP:
            sc += 1.0  # headline, then the writer's name
        # breadcrumbs and section labels ('Home > News', 'Council news') are not headlines ...
        if _BREADCRUMB.search(c):
            sc -= 3.0
        # ... but a breadcrumb trail above ends with the page's own title
        elif crumb_title:
            sc += 2.0
        if _FIELD.match(c):
            sc -= 2.0
        # a longer line straight after a headline-shaped line is its standfirst
        prev = lines[j - 1] if j > 0 else None
        if (
            prev is not None and prev.n_words >= 6 and prev.length < ln.length and not prev.content.endswith(".")
            and title_like(prev) and prev.kind != PARAGRAPH and not _BY_LINE.match(prev.content)
            and not _BREADCRUMB.search(prev.content) and not _FIELD.match(prev.content)
        ):
            sc -= 1.5
        if ln.n_words <= 6 and c.rsplit(None, 1)[-1].lower() in _LABEL_LAST_WORDS:
            sc -= 2.0
        # the value of a 'From:' / 'Source:' field is not a headline
        if j > 0 and lines[j - 1].length <= 20 and lines[j - 1].content.endswith(":"):
            sc -= 3.0
        # an item of a dated list (heading or date, headline, date, headline, date ...) is a teaser
        followed_by_date = j + 1 < len(lines) and lines[j + 1].rule == "date_line"
        if followed_by_date and _in_dated_list(lines, j):
            sc -= 3.0
        else:
            # a headline followed by its standfirst, then the byline: the headline is the first of the two
            if (
                j + 2 < len(lines)
                and title_like(lines[j + 1])
                # a kicker label is short; a breadcrumb trail glued to the headline contains it
                and (lines[j + 1].length > ln.length or (ln.n_words >= 6 and lines[j + 1].n_words >= 6 and lines[j + 1].content not in c))
                and lines[j + 1].kind != PARAGRAPH
                and lines[j + 2].rule in ("byline", "date_line")
            ):
                sc += 1.0
            # followed by a byline/date (skipping its own duplicate, standfirst, credit or a field label)
            for k in range(j + 1, min(j + 7, len(lines))):
                if lines[k].rule in ("byline", "date_line"):
                    sc += 2.5 - 0.3 * (k - j - 1)
                    break
        # the dateline above and the body straight after: 'Published 3 May 2025', headline, first paragraph
        if (
            j == first_body - 1 and ln.n_words >= 6
            and any(lines[k].rule in ("byline", "date_line") for k in range(max(0, j - 2), j))
        ):
            sc += 2.0
        if _DEBUG_TITLE:
            print(f"title? {sc:.2f} {c[:80]}")
        if sc > best_sc:
            best_sc, best_j = sc, j
    if best_j < 0 or best_sc < 3.0:
        return (max(0, first_body - 1) if first_body < len(lines) else -1), None
    return best_j, lines[best_j].content



def _breadcrumb_ends_with(trail: str, title: str) -> bool:
    return len(title) >= 8 and trail != title and trail.endswith(title) and _BREADCRUMB.search(trail) is not None


def _in_dated_list(lines: list[Line], j: int) -> bool:
    """Line j (followed by a date) is an item of a dated list: a date line just above, or a list heading above
    and the headline-date pattern going on below."""
    above = range(max(0, j - 2), j)
    if any(lines[k].shape_rule == "date_line" for k in above):
        return True
    if any(lines[k].shape_rule == "related_list" for k in above):
        return j + 3 < len(lines) and title_like(lines[j + 2]) and lines[j + 3].rule == "date_line"
    return False


def find_author(lines: list[Line], title_j: int, first_body: int) -> str | None:
    n_lines = len(lines)
    if first_body >= n_lines:
        return None
    lo = max(0, title_j - 2)
    # the byline may follow a standfirst kept as body: look a few non-body lines past the first body line
    hi = min(n_lines, first_body + 4)
    for j in range(lo, hi):
        ln = lines[j]
        if ln.length > 160 or (j > first_body and ln.kind == PARAGRAPH):
            continue
        nm = byline_name(ln.content)
        if nm:
            return nm
        low = ln.content.lower().rstrip(": ").strip()
        if low in BYLINE_LABEL_ONLY and j + 1 < n_lines:
            nm = name_at_start(lines[j + 1].content)
            if nm:
                return nm
    # a bare name next to a date line or its role line, or with a @handle, between headline and body
    for j in range(max(lo, title_j + 1), first_body):
        if lines[j].rule == "date_line":  # 'Name | 20 November 2025'
            parts = _BYLINE_PARTS.split(lines[j].content)
            if len(parts) >= 2 and bare_name(parts[0]) and any(find_dates(p) for p in parts[1:]):
                return bare_name(parts[0])
        nm = bare_name(lines[j].content)
        if nm and (
            (j > 0 and lines[j - 1].rule == "date_line")
            or (j + 1 < n_lines and (lines[j + 1].rule == "date_line" or is_role_line(lines[j + 1].content)))
            or "@" in lines[j].content
        ):
            return nm
    return None


_DATE_LABEL_ONLY = re.compile(
    r"^(?:date )?(?:first |originally |last )?(?:published|posted|updated|modified|reviewed|issued|released|date)(?: (?:on|at|date))?\s*:?$", re.I
)


def _line_date(c: str) -> tuple[dt.date | None, bool]:
    """(the article date this line states, whether it is labelled 'published'); 'updated'-only dates give None."""
    found = find_dates(c)
    if not found:
        return None, False
    pm = _PUBLISHED_LABEL.search(c)
    um = _UPDATED_LABEL.search(c)
    if pm:
        after = [d for (s, _e, d) in found if s >= pm.start()]
        if after:
            return after[0], True
    if um and not pm:
        # "Updated: 9 Dec 2024" alone: not the publication date; a date written before "Updated" is
        before = [d for (s, _e, d) in found if s < um.start()]
        return (before[0] if before else None), False
    return found[0][2], False


def find_date(lines: list[Line], title_j: int, first_body: int, last_body: int) -> dt.date | None:
    if first_body >= len(lines):
        return None
    zone: list[int] = []
    # up to 3 lines before the headline, but never into a list of dated teasers
    pre = []
    for j in range(title_j - 1, max(-1, title_j - 4), -1):
        if lines[j].is_list and lines[j].rule != "date_line":
            break
        pre.append(j)
    dated_pre = [j for j in pre if lines[j].rule == "date_line"]
    if len(dated_pre) <= 1:
        zone.extend(sorted(pre))
    zone.extend(range(max(title_j, 0), first_body))
    cands: list[tuple[dt.date, bool]] = []
    for j in zone:
        ln = lines[j]
        if ln.length > 200 or ln.kind == PARAGRAPH:
            continue
        if ln.rule not in ("date_line", "byline", "") and not _PUBLISHED_LABEL.search(ln.content):
            if ln.rule not in ("short_non_sentence", "caption", "share_buttons", "menu_item"):
                continue
            if ln.rule == "caption" and ln.length > 80:
                continue  # a photo caption's date is the picture's, not the article's
        c = ln.content
        if j > 0 and ln.rule == "date_line" and lines[j - 1].length <= 30 and _DATE_LABEL_ONLY.match(lines[j - 1].content):
            c = lines[j - 1].content + " " + c  # 'Last updated:' / '5 March 2025' on two lines
        d, labelled = _line_date(c)
        if d is not None:
            cands.append((d, labelled))
    for d, lab in cands:
        if lab:
            return d
    if cands:
        return cands[0][0]
    # a labelled 'Published ...' line just after the body
    for j in range(last_body + 1, min(len(lines), last_body + 5)):
        if lines[j].length < 200 and _PUBLISHED_LABEL.search(lines[j].content):
            d, lab = _line_date(lines[j].content)
            if d is not None and lab:
                return d
    # a date at the very top of the saved text
    for j in range(0, min(2, len(lines))):
        if lines[j].rule == "date_line" or (lines[j].length < 80 and _PUBLISHED_LABEL.search(lines[j].content)):
            d, _ = _line_date(lines[j].content)
            if d is not None:
                return d
    return None


_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")


def find_url(lines: list[Line], title_j: int, first_body: int, title: str | None) -> str | None:
    for ln in lines:
        if ln.length < 400 and "http" in ln.content:
            m = URL_LABEL.search(ln.content)
            if m:
                return m.group(1).rstrip(".,;)")
    if title:
        tw = {w for w in _SLUG_SPLIT.split(title.lower()) if len(w) > 2}
        for j in range(max(0, title_j - 4), min(len(lines), first_body)):
            ln = lines[j]
            if ln.rule == "url_line":
                path = ln.content.split("//", 1)[-1].split("/", 1)[-1].lower()
                sw = {w for w in _SLUG_SPLIT.split(path) if len(w) > 2}
                if tw and len(sw & tw) >= max(2, 0.5 * min(len(tw), 6)):
                    return ln.content
    return None
