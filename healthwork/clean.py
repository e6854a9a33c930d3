"""Saved news page text -> the main article's body and metadata, with a reason for every dropped line.

How it works (no site lists, no phrase lists beyond a few generic boilerplate cue words):

1. Every non-blank line gets a *shape* class and a score: long sentence-like lines (terminal
   punctuation, many words, normal stop-word density) score positive in proportion to their length;
   menu items (list bullets without sentences), short title-like lines, date-only lines, bylines,
   captions/credits, cue-word boilerplate (sign-up, cookie, share, advert, related, footer) and lines
   repeated across the corpus (``common_lines``, the cc_net idea; only used against lines that are not
   sentences, so syndicated copies keep their shared body) score negative.
2. Strong "the article is over" lines ("You may also like", "Most read", "previous post", an author
   box, a second headline followed by its own byline/date) are barriers that no span may cross.
3. The main article is the maximum-scoring contiguous span of lines (Kadane), preferring the first
   article when a second one is appended. Its head is trimmed of the standfirst/caption block that
   ends in a byline/date/credit line; inside it only sentence-like lines are kept.
4. Metadata come from the zone just above the body: the headline (scored: position, shape, being
   followed by a byline/date), the byline (name only), the article's own date (labelled "published"
   preferred, "updated"-only dates ignored, never dates from lists), and a canonical URL when the
   text states one. Fields are None when absent.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from healthwork.dates import find_dates, is_date_line


@dataclass(frozen=True)
class DroppedLine:
    line_no: int  # 1-based line number in the decoded text
    text: str
    rule: str  # short machine-readable reason, e.g. "menu_item", "template_repeat", "related_list"


@dataclass(frozen=True)
class CleanResult:
    title: str | None
    author: str | None
    published_date: dt.date | None
    url: str | None
    body: str  # article paragraphs in order, joined with "\n"
    kept_line_nos: tuple[int, ...] = ()
    dropped: tuple[DroppedLine, ...] = field(default_factory=tuple)


_WS = re.compile(r"\s+")


def line_key(line: str) -> str:
    """Normalised form of a line used to count template lines across files."""
    if line.isascii():  # NFKC is the identity on ASCII: skip it (most lines)
        return " ".join(line.lower().split())
    s = unicodedata.normalize("NFKC", line).lower()
    return _WS.sub(" ", s).strip()


def line_keys(text: str) -> set[str]:
    """Distinct non-trivial line keys of one file (its contribution to corpus line statistics)."""
    return {k for k in (line_key(x) for x in text.split("\n")) if len(k) >= 3}


def common_line_keys(counts: Mapping[str, int], n_files: int, min_files: int = 2) -> frozenset[str]:
    """Line keys frequent enough across the corpus to be a site template.

    A key seen in ``min_files`` or more files counts. In a large corpus the bar rises slowly
    (0.1% of the files, at most 5) so that a short sentence two stories happen to share is not
    taken for template. ``clean_article`` only uses this signal against lines that are not
    sentences, so syndicated copies sharing their body keep it.
    """
    bar = max(min_files, min(5, int(n_files * 0.001)))
    return frozenset(k for k, c in counts.items() if c >= bar)


# ---------------------------------------------------------------- line shape

_STOP = frozenset(
    """a an the and or but if of to in on at for with by from as into about over after before under
    between through during without within than then so that this these those there their they them
    he she it its we our you your his her i me my is are was were be been being has have had do
    does did will would can could should may might must not no also which who whom whose what when
    where while how all any some more most other such said says say up out new one two""".split()
)

_LIST_MARK = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6*\-–]|\d{1,3}[.)](?=\s)|[a-z][.)](?=\s))\s*")
_LIST_FIRST = frozenset("\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6*-–")
_TERMINAL = frozenset('.!?"”’\'):;')
_INNER_SENT = re.compile(r"[a-z0-9%)”\"’][.!?][\"”’]?\s+[A-Z“\"‘(]")
_DIGIT = re.compile(r"\d")
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
_URL_RE = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)

# generic boilerplate cue words, grouped by the rule name they give; one signal among several
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("cookie_notice", re.compile(r"\bcookies?\b|\bprivacy (?:policy|notice|settings)\b|\bconsent\b|\baccept all\b|\bmanage (?:preferences|settings)\b", re.I)),
    ("footer", re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\bterms (?:and|&) conditions\b|\bterms of (?:use|service)\b|\bregistered (?:office|in england|charity|company)\b|\bcompany (?:no|number|registration)\b", re.I)),
    ("paywall", re.compile(r"\bsubscribers? only\b|\bto (?:read|continue reading) (?:the|this)\b|\bto read the full\b|\balready (?:a subscriber|have an account|registered)\b|\bfree trial\b|\bunlock (?:this|the|full)\b|\bfree articles?\b.{0,40}\b(?:left|remaining)\b|\bsubscribe (?:now|today|to read|to continue)\b|\b(?:premium|subscriber) (?:content|article|access)\b|\blog ?in to (?:read|continue|access)\b|\bregister (?:now |for free )?to (?:read|continue|access)\b", re.I)),
    ("signup_form", re.compile(r"\bsign[ -]?up\b|\bsubscri(?:be|bed|ption)\b|\bnewsletters?\b|\be-?newsletter\b|\binbox\b|\bemail address\b|\bopt ?out\b|\bunsubscribe\b|\bthis field\b.{0,40}\b(?:validation|required|blank|unchanged|empty)\b|\brequired fields?\b|\bmailing list\b|\bregister\b|\blog ?in\b|\bsign ?in\b|\bcreate (?:an|your) account\b", re.I)),
    ("share_buttons", re.compile(r"^(?:share|tweet|print|email|e-mail|copy link|pin|save|bookmark)\b|\bshare (?:this|on|via|the)\b|\b(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|instagram|youtube|tiktok)\b|\bfollow us\b", re.I)),
    ("advert", re.compile(r"^(?:advertisement|advert|sponsored|promoted|ad|ads|partner content|paid (?:content|post))\b|\bsponsored\b|\bpromoted\b|\badvertis", re.I)),
    ("related_list", re.compile(r"^on [\w-]+(?:\.[\w-]+)+:|^(?:related|read more|read next|read also|also read|see also|more on|more from|more in|more stories|more news|more like this|recommended|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|most (?:read|popular|viewed|shared|commented)|popular|trending|latest|top stories|further reading|watch|listen|click here|find out more|learn more|view (?:all|more)|next up|up next|continue reading)\b", re.I)),
    ("feedback_prompt", re.compile(r"\b(?:was|is) this (?:page|article|information|content) (?:useful|helpful)\b|\breport a problem\b|\bgive (?:us )?(?:your )?feedback\b|\bthank you for your feedback\b|\bpage last (?:reviewed|updated)\b|\bnext review due\b", re.I)),
    ("comment_prompt", re.compile(r"\bcomments?\b|\bleave a reply\b|\bjoin the (?:conversation|discussion|debate)\b|\bposting (?:rules|guidelines)\b|\bcommunity guidelines\b|\breply\b", re.I)),
]
_STRONG_SIGNUP = re.compile(
    r"^(?:sign[ -]?up|subscribe|register|get our|join our|download our|follow us)\b.{0,140}$|\bunsubscribe\b|\byour email address\b|"
    r"\bdelivered (?:straight |directly |right )?to your (?:inbox|door|letterbox)\b|"
    r"\b(?:sign[ -]?up|subscribe|register)\b.{0,40}\b(?:our|my)\b.{0,50}\b(?:newsletters?|e-?newsletters?|mailing list|bulletins?|round-?ups?|alerts|digests?|updates)\b",
    re.I,
)

# a line that says the article is over (a barrier once body text has been seen) ...
_END_RE = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:stories|news|articles) like this"
    r"|most (?:read|popular|viewed|shared|commented)(?: \w+){0,3}|popular (?:posts|articles|stories)(?: by .{1,40})?"
    r"|previous (?:post|article|story)|next (?:post|article|story)|« previous post.*|about the author|leave a (?:reply|comment)|post a comment|\d+ comments?"
    r"|join the (?:conversation|discussion)|notes to editors?|editors'? notes|note to editors|-?\s*ends\s*-?|media (?:contacts?|enquiries)|press (?:contacts?|enquiries|office))\s*:?$",
    re.I,
)
# ... and headings that usually open a link block, often after the article but sometimes inside it
_SOFT_END_RE = re.compile(
    r"^(?:related(?: (?:articles?|stories|posts?|content|news|coverage|reading|links|topics))?|more (?:stories|news|articles) (?:from|on)|more from\b.{0,30}"
    r"|more [\w ]{0,30} (?:stories|news|articles|reads)|recommended(?: for you| stories| articles| reading)?|read next|further reading|top stories|latest (?:news|stories|articles)|around the web"
    r"|share this(?: article| story| page| post)?|tags?|topics|filed under|categories|more on this (?:story|topic)|comments)\s*:?$",
    re.I,
)

_CREDIT_WORDS = r"(?:getty(?: images)?|shutterstock|alamy|istock(?:photo)?|reuters|pa (?:media|wire|images)|pa|ap|afp|epa|bloomberg|unsplash|pexels|handout|supplied|stock image|file photo)"
_CAPTION_START = re.compile(
    r"courtesy of\b|(?:file photo|photo(?:graph)?s?|pictures?|pictured|image(?: credit)?s?|main image|top image|illustration|credit|caption|above|top|video|gallery)\b\s*[:|]"
    rf"|\W*{_CREDIT_WORDS}\W*$"
    r"|image \d+ of \d+$|\d+ / \d+$|\(?[a-z0-9 ./&-]{2,40}/[a-z0-9 ./&-]{2,40}\)?$",
    re.I,
)
_CAPTION_END = re.compile(
    r"(?:photo(?:graph)?|image|picture|credit|illustration)\s*(?:credit)?\s*:\s*[^.:]{2,80}$"
    r"|\((?:photo|image|picture|credit|pic)[^)]{0,80}\)\s*$"
    rf"|(?:/|\||\bvia\b)\s*{_CREDIT_WORDS}\s*\)?\s*$"
    r"|\([^()]{1,60}/[^()]{1,60}\)\s*$",
    re.I,
)


_CAPTION_TRIGGERS = frozenset(
    """photo photograph photos image images picture pictures pictured credit caption illustration pic getty shutterstock
    alamy istock istockphoto reuters pa ap afp epa bloomberg unsplash pexels handout supplied stock file above top
    main video gallery of courtesy""".split()
)


def _is_caption(c: str, low: str, words: set[str]) -> bool:
    if "(c)" in low or "©" in c:
        return True
    if "/" not in c and words.isdisjoint(_CAPTION_TRIGGERS):
        return False
    if _CAPTION_START.match(c):
        return True
    return _CAPTION_END.search(c[-100:]) is not None



_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-z\u00c0-\u024f'’\-]*\.?|[A-Z]\.|Mc[A-Z]\w*|O'[A-Z]\w*)$")
_NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "la", "le", "da", "di", "du", "bin", "al", "el", "ap"})
_JOB_WORDS = frozenset(
    """correspondent editor reporter writer contributor journalist staff chief senior deputy associate
    contributing political health business social economics science technology news online digital
    freelance columnist producer analyst director head officer manager consultant managing executive
    lead principal acting assistant group team desk public affairs media communications press""".split()
)
_NOT_NAME_WORDS = frozenset(
    """news home sport sports business opinion health politics world uk us local national international
    latest features feature analysis comment blog press release releases media centre center council nhs
    trust government department the our team staff admin editorial share print email read min mins
    minute minutes more menu search contact about jobs events updated published posted by and""".split()
)
_BYLINE_RE = re.compile(
    r"^(?:[\W\d]{0,3}.{0,40}?[|,/\-–—]\s*)?(?:written |posted |words |reported |story |article |text |interview )?by[:\s]\s*(?P<rest>\S.{0,150})$",
    re.I,
)
_BYLINE_LABEL_RE = re.compile(r"^(?:author|written by|words|reporter|posted by|by)\s*[:\-]?\s*(?P<rest>.{0,120})$", re.I)
_BIO_NAME = r"^(?:[A-Z][\w'’\-]+\s){0,3}[A-Z][\w'’\-]+(?:\s\([^()]{1,40}\))?"
_BIO_RE = re.compile(
    _BIO_NAME + r" (?:is|was|has been) [^.]{0,60}?\b(?i:reporter|editor|writer|correspondent|journalist|contributor|columnist"
    r"|freelancer|author|blogger|producer|presenter|editor-at-large)s?\b"
    r"|" + _BIO_NAME + r" joined [^.]{0,60}\b(?:19|20)\d\d\b"
)
_PUBLISHED_LABEL = re.compile(r"\b(?:published|posted|first published|originally published|date|issued|released|original)\b", re.I)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|last reviewed|reviewed)\b", re.I)
_URL_LABEL_RE = re.compile(
    r"\b(?:originally (?:posted|published|appeared)(?: (?:on|at|in))?|canonical(?: url| link)?|source(?: url| link)?|permalink|article url|page url|url|link to (?:this|the) (?:article|story))\s*[:\-]?\s*(https?://[^\s<>\"']+)",
    re.I,
)

# kinds of line
_GOOD, _SHORT, _LIST_SENT, _DROP = 1, 2, 3, 0
_BARRIER = -1e9


def _looks_sentence(s: str) -> bool:
    return s[-1] in _TERMINAL and not s.endswith("...") and not s.endswith("…")


def _clean_name(rest: str) -> str | None:
    """The person name at the start of ``rest`` (after 'By'): stops at separators, dates, job titles."""
    found = find_dates(rest)
    if found:
        rest = rest[: found[0][0]]
    rest = re.split(r"\s[|–—/@]|[|,;(@\[]|\s-\s|\s\d|\s+on\s|\s+at\s|\s+in\s|\s+for\s|\s+updated\b|\s+published\b", rest, maxsplit=1)[0]
    toks = rest.replace("\u00a0", " ").split()
    out: list[str] = []
    for t in toks:
        tl = t.lower().strip(".")
        if tl in ("and", "&") and out:
            out.append(t)
            continue
        if tl in _NAME_PARTICLES and out:
            out.append(t)
            continue
        if tl in _JOB_WORDS or not _NAME_TOKEN.match(t):
            break
        out.append(t)
    while out and (out[-1].lower() in ("and", "&") or out[-1].lower() in _NAME_PARTICLES):
        out.pop()
    n_real = sum(1 for t in out if t.lower() not in ("and", "&") and t.lower() not in _NAME_PARTICLES)
    if n_real < 2 or n_real > 8 or (n_real > 4 and not any(t.lower() in ("and", "&") for t in out)):
        return None
    if any(t.lower().strip(".") in _NOT_NAME_WORDS for t in out if t.lower() not in ("and", "&")):
        return None
    return " ".join(out)


def _byline_name(s: str) -> str | None:
    """Name from a byline line ('By Jane Smith, Health Correspondent | 9 Dec 2024'), or None."""
    if len(s) > 160:
        return None
    m = _BYLINE_RE.match(s)
    if not m:
        return None
    rest = m.group("rest")
    return _clean_name(rest)


def _bare_name(s: str) -> str | None:
    """A line that is only a person's name (2-4 capitalised words), possibly with a @handle."""
    if len(s) > 60:
        return None
    t = re.sub(r"\s*@\w+.*$", "", s).strip()
    toks = t.split()
    if not 2 <= len(toks) <= 4 or t.endswith("."):
        return None
    if not all(_NAME_TOKEN.match(x) or x.lower() in _NAME_PARTICLES for x in toks):
        return None
    if any(x.lower().strip(".") in _NOT_NAME_WORDS or x.lower() in _JOB_WORDS for x in toks):
        return None
    if t.isupper() and len(t) > 3:
        return None
    return t


class _Line:
    __slots__ = ("no", "s", "c", "n", "words", "is_list", "kind", "rule", "score", "sent", "end", "header", "srule")
    kind: int
    rule: str
    score: float
    sent: bool
    end: bool
    header: bool
    words: int
    srule: str  # the shape rule, before the corpus template override

    def __init__(self, no: int, s: str, c: str, is_list: bool) -> None:
        self.no = no
        self.s = s
        self.c = c  # content without list marker
        self.n = len(c)
        self.words = 0
        self.is_list = is_list
        self.kind = _DROP
        self.rule = ""
        self.score = 0.0
        self.sent = False
        self.end = False  # article-over marker
        self.header = False  # byline / date / credit: closes a header block


_COPYRIGHT = re.compile(r"©\s*(?:(?:19|20)\d\d|copyright)|\bcopyright\b.{0,20}(?:19|20)\d\d|\ball rights reserved\b|(?:19|20)\d\d\s*©", re.I)
_FOOTER_STRONG = re.compile(r"©|\ball rights reserved\b|\bregistered trademarks?\b", re.I)


# words that must occur for a cue pattern to be worth running (keeps the per-line cost low)
_CUE_TRIGGERS: dict[str, frozenset[str]] = {
    "cookie_notice": frozenset("cookie cookies privacy consent accept manage".split()),
    "footer": frozenset("c copyright reserved terms registered company".split()),
    "paywall": frozenset("subscriber subscribers read continue already free unlock subscribe premium log login register".split()),
    "signup_form": frozenset("sign signup up subscribe subscribed subscription newsletter newsletters enewsletter e inbox email opt optout unsubscribe field validation required mailing register log login create".split()),
    "share_buttons": frozenset("share tweet print email e copy pin save bookmark facebook twitter linkedin whatsapp pinterest reddit flipboard instagram youtube tiktok follow".split()),
    "advert": frozenset("advertisement advert sponsored promoted ad ads partner paid advertising advertise advertiser advertisers".split()),
    "related_list": frozenset("on related read see also more recommended you most popular trending latest top further watch listen click find learn view next up continue".split()),
    "feedback_prompt": frozenset("useful helpful report feedback page review reviewed".split()),
    "comment_prompt": frozenset("comment comments leave join posting community reply".split()),
}
_CUE_RX = dict(_CUES)
_ALL_TRIGGERS = frozenset().union(*_CUE_TRIGGERS.values())
_SIGNUP_TRIGGERS = frozenset("sign signup subscribe register get join download follow unsubscribe email delivered".split())
_ALPHA = re.compile(r"[a-z]+")


def _cue(c: str, low: str, n: int, sentence: bool, words: set[str]) -> str | None:
    if n < 500 and ("©" in c or "reserved" in low or "trademark" in low) and _FOOTER_STRONG.search(c):
        return "footer"
    if n > 220:
        return None
    if sentence and n >= 70:
        # a real sentence mentioning 'register' or 'cookie' is body; only blatant forms count
        if not words.isdisjoint(_SIGNUP_TRIGGERS) and _STRONG_SIGNUP.search(c):
            return "signup_form"
        for rule in ("paywall", "feedback_prompt"):
            if not words.isdisjoint(_CUE_TRIGGERS[rule]) and _CUE_RX[rule].search(c):
                return rule
        return None
    if words.isdisjoint(_ALL_TRIGGERS):
        return None
    for rule, rx in _CUES:
        if words.isdisjoint(_CUE_TRIGGERS[rule]):
            continue
        if rx.search(c):
            if rule == "comment_prompt" and sentence and n > 40:
                continue
            if rule == "related_list" and sentence and n > 60:
                continue
            return rule
    return None


def _classify(ln: _Line, common: frozenset[str] | set[str], author_names: set[str]) -> None:
    if author_names and ln.n <= 60 and ln.c.strip(" .") in author_names:
        ln.kind, ln.rule, ln.score, ln.end, ln.sent, ln.words = _DROP, "author_box", _BARRIER, True, False, len(ln.c.split())
        ln.header, ln.srule = False, ln.rule
        return
    ln.kind, ln.rule, ln.score, ln.sent, ln.end, ln.header, ln.words = _shape(ln.c, ln.is_list)
    ln.srule = ln.rule
    if (
        common
        and not ln.end
        and (ln.kind != _DROP or ln.score > -0.5)  # a menu item is dropped anyway: no need to look it up
        and (not ln.sent or ln.n < 50 or ln.is_list)
        and line_key(ln.s) in common
    ):
        # the site's template (seen in other files of the corpus); keeps the shape's own penalty
        ln.kind, ln.rule, ln.score = _DROP, "template_repeat", min(ln.score, -0.5)


_Shape = tuple[int, str, float, bool, bool, bool, int]  # kind, rule, score, sentence, end, header, words


@lru_cache(maxsize=1 << 16)
def _shape(c: str, is_list: bool) -> _Shape:
    """Shape class of one line's text (pure, cached: a corpus repeats its template lines)."""
    n = len(c)
    sentence = _looks_sentence(c)
    toks = c.split()
    nw = len(toks)
    low = c.lower()

    if n <= 60:
        st = c.rstrip(" :»›>")
        if _END_RE.match(st):
            return (_DROP, "after_article_end", _BARRIER, sentence, True, False, nw)
        if _SOFT_END_RE.match(st):
            return (_DROP, "related_list", -4.0, sentence, False, False, nw)
    if n < 400 and nw < 80 and (" is " in c or " was " in c or " has been " in c or " joined " in c) and _BIO_RE.match(c):
        return (_DROP, "author_bio", _BARRIER, sentence, True, False, nw)
    has_digit = _DIGIT.search(c) is not None
    if n <= 90 and has_digit and (is_date_line(c) or (not sentence and nw <= 10 and find_dates(c))):
        return (_DROP, "date_line", -1.0, sentence, False, True, nw)
    if n <= 160 and "by" in low and (low.rstrip(":") in ("by", "written by") or _byline_name(c)):
        return (_DROP, "byline", -1.0, sentence, False, True, nw)
    if n <= 20 and low.rstrip(":") in ("author", "words"):
        return (_DROP, "byline", -1.0, sentence, False, True, nw)
    if n < 500 and ("©" in c or "copyright" in low or "reserved" in low) and _COPYRIGHT.search(c):
        return (_DROP, "footer", -1.5, sentence, False, False, nw)
    words = set(_ALPHA.findall(low)) if n <= 300 else set()
    if n <= 300 and not (sentence and n > 200) and _is_caption(c, low, words):
        return (_DROP, "caption", -0.6, sentence, False, True, nw)
    if "http" in low and n < 300:
        if _URL_LABEL_RE.search(c):
            return (_DROP, "source_link", -1.0, sentence, False, False, nw)
        if " " not in c and _URL_RE.match(c):
            return (_DROP, "url_line", -1.0, sentence, False, False, nw)
    cue = _cue(c, low, n, sentence, words)
    if cue is not None:
        heavy = cue in ("cookie_notice", "footer", "related_list", "paywall")
        return (_DROP, cue, -1.5 if heavy else -0.5, sentence, False, cue in ("share_buttons", "advert"), nw)
    if is_list:
        if sentence and n >= 40 and nw >= 6:
            return (_LIST_SENT, "list_item", 0.3 + min(n, 300) / 100, sentence, False, False, nw)
        return (_DROP, "menu_item", -1.0, sentence, False, False, nw)
    if n < 200 and (c.endswith("...") or c.endswith("…")):
        return (_DROP, "related_list", -1.0, sentence, False, False, nw)
    if n >= 60 and nw >= 8 and (sentence or (n >= 150 and _INNER_SENT.search(c))):
        if n < 200:
            if len(_STOP.intersection(low.split())) < 0.06 * nw:
                return (_DROP, "low_stopwords", -0.5, sentence, False, False, nw)
        if not sentence and len(_GLUED.findall(c)) >= 2:
            return (_DROP, "glued_links", -0.5, sentence, False, False, nw)
        return (_GOOD, "", 1.0 + min(n, 400) / 50, sentence, False, False, nw)
    if sentence and nw >= 3 and n >= 12:
        first = c[0]
        if first.isupper() or first.isdigit() or first in "“\"‘'(£$€[":
            return (_SHORT, "", 0.3, sentence, False, False, nw)
    if n >= 60:
        return (_DROP, "no_sentence_end", -0.5, sentence, False, False, nw)
    return (_DROP, "short_non_sentence", -0.7, sentence, False, False, nw)


def _title_like(ln: _Line) -> bool:
    c = ln.c
    return (
        not ln.is_list
        and 3 <= ln.words <= 30
        and 12 <= ln.n <= 220
        and not c.endswith(":")
        and ln.rule not in ("date_line", "byline", "caption", "menu_item", "url_line", "source_link", "after_article_end")
        and len(_GLUED.findall(c)) < 2
    )


_SOFT_RULES = frozenset({"short_non_sentence", "no_sentence_end", "menu_item", "list_item", "related_list"})


def _rescue_lists_and_subheads(L: list[_Line], keep: list[bool], a: int, b: int) -> None:
    """Inside the article: keep a list announced by a colon, and a lone subheading between paragraphs."""
    N = len(L)
    j = a
    while j <= b:
        ln = L[j]
        if keep[j] and ln.c[-1] in ":…" and ln.rule != "related_list":
            k = j + 1
            items: list[int] = []
            while k < N and len(items) < 80:
                it = L[k]
                if keep[k] and it.is_list:
                    k += 1
                    continue
                if keep[k] or it.rule not in _SOFT_RULES or it.end or it.words < 3 or it.c.endswith("..."):
                    break
                if it.rule == "related_list" and not it.is_list:
                    break
                items.append(k)
                k += 1
            if items and (len(items) >= 2 or k <= b):
                for k2 in items:
                    keep[k2] = True
                    L[k2].rule = ""
            j = max(k, j + 1)
            continue
        j += 1
    # a bullet list some of whose items are sentences: the other items of the same list
    for j in range(a + 1, b + 1):
        ln = L[j]
        if not keep[j] and ln.is_list and ln.rule == "menu_item" and ln.words >= 4 and keep[j - 1] and L[j - 1].is_list:
            keep[j] = True
            ln.rule = ""
    for j in range(b - 1, a, -1):
        ln = L[j]
        if not keep[j] and ln.is_list and ln.rule == "menu_item" and ln.words >= 4 and keep[j + 1] and L[j + 1].is_list:
            keep[j] = True
            ln.rule = ""
    for j in range(a + 1, b):
        ln = L[j]
        if keep[j] or ln.rule not in ("short_non_sentence", "no_sentence_end", "menu_item") or ln.end:
            continue
        if ln.rule == "menu_item" and not ln.s[:1].isdigit():
            continue
        if not (2 <= ln.words <= 16 and ln.n <= 120) or _bare_name(ln.c):
            continue
        if keep[j - 1] and keep[j + 1] and L[j + 1].kind == _GOOD:
            keep[j] = True
            ln.rule = ""


def _kadane(scores: list[float], lo: int, hi: int) -> tuple[float, int, int]:
    best, bs, be = 0.0, -1, -1
    cur, cs = 0.0, lo
    for i in range(lo, hi):
        v = scores[i]
        if cur <= 0:
            cur, cs = v, i
        else:
            cur += v
        if cur > best:
            best, bs, be = cur, cs, i
    return best, bs, be


def clean_article(text: str, common_lines: Iterable[str] = frozenset()) -> CleanResult:
    """Find the main article in a saved page: body paragraphs, metadata and why every other line went."""
    common = common_lines if isinstance(common_lines, (set, frozenset)) else frozenset(common_lines)
    raw_lines = text.split("\n")
    L: list[_Line] = []
    for i, raw in enumerate(raw_lines, 1):
        s = raw.strip()
        if not s:
            continue
        if s[0] in "\u200b\ufeff" or s[-1] in "\u200b\ufeff":
            s = s.strip("\u200b\ufeff \t")
            if not s:
                continue
        m = _LIST_MARK.match(s) if (s[0] in _LIST_FIRST or s[0].isdigit() or s[1:2] in ".)") else None
        if m and m.end() < len(s):
            L.append(_Line(i, s, s[m.end():], True))
        else:
            L.append(_Line(i, s, s, False))
    if not L:
        return CleanResult(None, None, None, None, "", (), ())

    # byline names anywhere: a line that is only that name later on opens the author box
    author_names: set[str] = set()
    for ln in L:
        if ln.n <= 160 and ln.c[:2].lower() == "by" or (ln.n <= 160 and " by " in ln.c[:60].lower()):
            nm = _byline_name(ln.c)
            if nm:
                author_names.add(nm)
    for ln in L:
        _classify(ln, common, author_names)

    N = len(L)
    # exact duplicates of a non-sentence line (captions shown twice, repeated teaser headlines)
    seen: dict[str, int] = {}
    for j, ln in enumerate(L):
        prev = seen.get(ln.c)
        if prev is not None and ln.kind in (_SHORT, _DROP) and not ln.end:
            # a headline card shown twice within a few lines (image alt + headline) announces a teaser
            if j - prev <= 3 and _title_like(ln) and j + 1 < N and L[j + 1].kind == _GOOD and L[j + 1].n < 400:
                L[j + 1].kind, L[j + 1].rule, L[j + 1].score = _DROP, "related_teaser", -1.0
        seen[ln.c] = j

    # second article: a title-like line, then (within 2 lines, its duplicate allowed) a byline or date line,
    # after body text has already been seen
    good_before = 0
    second_barrier: set[int] = set()
    for j, ln in enumerate(L):
        if ln.kind == _GOOD:
            good_before += 1
            continue
        if good_before >= 2 and ln.kind in (_DROP, _SHORT) and not ln.end and _title_like(ln) and not ln.sent:
            for k in range(j + 1, min(j + 3, N)):
                nx = L[k]
                if nx.rule in ("byline", "date_line"):
                    # and the block after it is another story: text follows the byline
                    second_barrier.add(j)
                    break
                if nx.c != ln.c:
                    break
    for j in second_barrier:
        L[j].score, L[j].rule, L[j].end = _BARRIER, "second_article", True
    # an end marker before any body text (a sidebar above the article) is only a strong penalty
    good_before = 0
    for ln in L:
        if ln.kind == _GOOD:
            good_before += 1
        elif ln.score == _BARRIER and good_before < 2:
            ln.score, ln.end = -3.0, False

    scores = [ln.score for ln in L]
    # a long run of non-content lines (menu, link list, form) separates blocks: from the 5th line on,
    # each costs double, so a stray promo paragraph far below the article is not bridged into it
    run = real_run = 0
    n_good = 0
    for j, ln in enumerate(L):
        if ln.kind == _GOOD:
            n_good += 1
        if ln.kind == _DROP and scores[j] != _BARRIER:
            run += 1
            real_run += 1
            if run > 4:
                scores[j] *= 2.0
            if real_run == 9 and n_good >= 2:  # nine lines of chrome in a row: the article is not on both sides
                scores[j] = _BARRIER
            if ln.score <= -3.0:  # a 'Related'/'More from' heading opens a link block
                run = max(run, 4)
        else:
            run = real_run = 0
    # segments between barriers; best span in each
    segs: list[tuple[float, int, int, bool]] = []  # score, start, end, preceded by a second_article barrier
    lo = 0
    after_second = False
    for j in range(N + 1):
        if j == N or scores[j] == _BARRIER:
            if j > lo:
                sc, a, b = _kadane(scores, lo, j)
                if a >= 0:
                    segs.append((sc, a, b, after_second))
            if j < N and L[j].rule == "second_article":
                after_second = True
            lo = j + 1
    kept_idx: list[int] = []
    a = b = -1
    if segs:
        best = max(segs, key=lambda t: t[0])
        chosen = best
        # an appended article must not win over the first one when the first is substantial
        if best[3]:
            for sg in segs:
                if sg is best:
                    break
                if not sg[3] and sg[0] >= max(6.0, 0.3 * best[0]):
                    chosen = sg
                    break
        if chosen[0] >= 2.0:
            _, a, b, _ = chosen

    if a >= 0:
        # trim the header block (standfirst, caption, byline, date) at the head of the span
        n_good = 0
        cut = -1
        content_chars = 0
        for j in range(a, b + 1):
            ln = L[j]
            if ln.header:
                strong = ln.rule in ("byline", "date_line")
                # a caption after the lead paragraph is an inline image: cut only a short standfirst
                if strong or (n_good <= 1 and content_chars < 100):
                    cut = j
            if ln.kind in (_GOOD, _SHORT, _LIST_SENT):
                content_chars += ln.n
            if ln.kind == _GOOD:
                n_good += 1
                if n_good >= 3:
                    break
        if cut >= 0 and any(L[k].kind == _GOOD for k in range(cut + 1, b + 1)):
            for k in range(a, cut + 1):
                if L[k].kind != _DROP:
                    L[k].kind, L[k].rule = _DROP, "standfirst"
            a = cut + 1
        keep = [False] * N
        for j in range(a, b + 1):
            if L[j].kind in (_GOOD, _SHORT, _LIST_SENT):
                keep[j] = True
        _rescue_lists_and_subheads(L, keep, a, b)
        kept_idx = [j for j in range(N) if keep[j]]
        # a leading short line without a following body line is not body
        while kept_idx and L[kept_idx[0]].kind == _SHORT and len(kept_idx) > 1 and L[kept_idx[1]].kind != _GOOD:
            L[kept_idx[0]].rule = "short_non_sentence"
            kept_idx.pop(0)

    # dedupe kept lines (pull quotes repeat a paragraph)
    kept_set: set[int] = set()
    seen_text: set[str] = set()
    for j in kept_idx:
        if L[j].c in seen_text:
            L[j].rule = "duplicate"
            continue
        seen_text.add(L[j].c)
        kept_set.add(j)

    first_body = min(kept_set) if kept_set else N
    last_body = max(kept_set) if kept_set else -1

    dropped: list[DroppedLine] = []
    generic = ("short_non_sentence", "no_sentence_end", "menu_item")
    for j, ln in enumerate(L):
        if j in kept_set:
            continue
        rule = ln.rule
        if common and rule in generic and line_key(ln.s) in common:
            rule = "template_repeat"  # say why when the shape alone did not (debugging from SQL)
        if not rule:
            rule = "before_article" if j < first_body else ("after_article_end" if j > last_body else "not_body")
        elif j > last_body and ln.kind != _DROP:
            rule = "after_article_end"
        dropped.append(DroppedLine(ln.no, ln.s, rule))

    title_j, title = _find_title(L, first_body, common)
    author = _find_author(L, title_j, first_body)
    pub = _find_date(L, title_j, first_body, last_body)
    url = _find_url(L, title_j, first_body, title)
    kept_nos = tuple(L[j].no for j in sorted(kept_set))
    body = "\n".join(L[j].s for j in sorted(kept_set))
    return CleanResult(title, author, pub, url, body, kept_nos, tuple(dropped))


# ---------------------------------------------------------------- metadata

_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")
_LABEL_LAST_WORDS = frozenset({"news", "blog", "updates", "releases", "latest", "stories", "articles", "media", "newsroom"})


def _find_title(L: list[_Line], first_body: int, common: frozenset[str] | set[str]) -> tuple[int, str | None]:
    lo = max(0, first_body - 20)
    best_sc, best_j = 0.0, -1
    for j in range(first_body - 1, lo - 1, -1):
        ln = L[j]
        if not _title_like(ln) or ln.kind == _GOOD and ln.n > 160:
            continue
        if ln.rule in ("cookie_notice", "footer", "signup_form", "share_buttons", "advert", "related_list", "comment_prompt", "paywall", "template_repeat") and not (ln.rule == "template_repeat"):
            continue
        c = ln.c
        sc = 3.0
        if c[-1] not in ".":
            sc += 2.0
        if c.endswith("."):
            sc -= 1.0
        if 20 <= ln.n <= 140:
            sc += 1.0
        if ln.words < 4:
            sc -= 1.5
        if ln.rule == "template_repeat":
            sc -= 2.0
        # shape of a standfirst: a long sentence
        if ln.sent and ln.n > 110:
            sc -= 2.0
        sc -= 0.15 * (first_body - j - 1)
        if sc + 4.5 <= best_sc:  # cannot win even with every bonus below
            continue
        # a name with its job or agency ('Jane Smith, Health Reporter'), a dated line, or a standfirst of
        # several sentences is not the headline
        head = re.split(r"[,|]", c, maxsplit=1)[0]
        if (head != c or ln.words <= 4) and _clean_name(head) == head.strip() and ln.words <= 10:
            sc -= 3.0
        if _DIGIT.search(c) and find_dates(c):
            sc -= 3.0
        if _INNER_SENT.search(c):
            sc -= 2.0
        if j + 1 < len(L) and _bare_name(L[j + 1].c) and L[j + 1].kind == _DROP:
            sc += 1.0  # headline, then the writer's name
        # breadcrumbs and section labels ('Home > News', 'Council news') are not headlines
        if _BREADCRUMB.search(c):
            sc -= 3.0
        if ln.words <= 6 and c.rsplit(None, 1)[-1].lower() in _LABEL_LAST_WORDS:
            sc -= 2.0
        # the value of a 'From:' / 'Source:' field is not a headline
        if j > 0 and L[j - 1].n <= 20 and L[j - 1].c.endswith(":"):
            sc -= 3.0
        # an item of a dated list (heading or date, headline, date, headline, date ...) is a teaser
        followed_by_date = j + 1 < len(L) and L[j + 1].rule == "date_line"
        if followed_by_date and any(L[k].srule in ("date_line", "related_list") for k in range(max(0, j - 2), j)):
            sc -= 3.0
        else:
            # a headline followed by its standfirst, then the byline: the headline is the first of the two
            if (
                j + 2 < len(L)
                and _title_like(L[j + 1])
                and L[j + 1].n > ln.n
                and L[j + 1].kind != _GOOD
                and L[j + 2].rule in ("byline", "date_line")
            ):
                sc += 1.0
            # followed by a byline/date (skipping its own duplicate, standfirst, credit or a field label)
            for k in range(j + 1, min(j + 7, len(L))):
                if L[k].rule in ("byline", "date_line"):
                    sc += 2.5 - 0.3 * (k - j - 1)
                    break
        if sc > best_sc:
            best_sc, best_j = sc, j
    if best_j < 0 or best_sc < 3.0:
        return (max(0, first_body - 1) if first_body < len(L) else -1), None
    return best_j, L[best_j].c


def _find_author(L: list[_Line], title_j: int, first_body: int) -> str | None:
    if first_body >= len(L):
        return None
    lo = max(0, title_j - 2)
    hi = min(len(L), first_body + 1)
    for j in range(lo, hi):
        c = L[j].c
        if L[j].n > 160:
            continue
        nm = _byline_name(c)
        if nm:
            return nm
        low = c.lower().rstrip(":").strip()
        if low in ("by", "author", "written by", "words") and j + 1 < len(L):
            nm = _clean_name(L[j + 1].c)
            if nm:
                return nm
        m = _BYLINE_LABEL_RE.match(c)
        if m and low.startswith(("author", "written by", "words", "reporter")):
            nm = _clean_name(m.group("rest"))
            if nm:
                return nm
    # a bare name next to a date line, between headline and body
    for j in range(max(lo, title_j + 1), first_body):
        nm = _bare_name(L[j].c)
        if nm and ((j > 0 and L[j - 1].rule == "date_line") or (j + 1 < len(L) and L[j + 1].rule == "date_line") or "@" in L[j].c):
            return nm
    return None


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


def _find_date(L: list[_Line], title_j: int, first_body: int, last_body: int) -> dt.date | None:
    if first_body >= len(L):
        return None
    zone: list[int] = []
    # up to 3 lines before the headline, but never into a list of dated teasers
    pre = []
    for j in range(title_j - 1, max(-1, title_j - 4), -1):
        if L[j].is_list and L[j].rule != "date_line":
            break
        pre.append(j)
    dated_pre = [j for j in pre if L[j].rule == "date_line"]
    if len(dated_pre) <= 1:
        zone.extend(sorted(pre))
    zone.extend(range(max(title_j, 0), first_body))
    cands: list[tuple[dt.date, bool]] = []
    for j in zone:
        ln = L[j]
        if ln.n > 200 or ln.kind == _GOOD:
            continue
        if ln.rule not in ("date_line", "byline", "") and not _PUBLISHED_LABEL.search(ln.c):
            if ln.rule not in ("short_non_sentence", "caption", "share_buttons", "menu_item"):
                continue
        d, labelled = _line_date(ln.c)
        if d is not None:
            cands.append((d, labelled))
    for d, lab in cands:
        if lab:
            return d
    if cands:
        return cands[0][0]
    # a labelled 'Published ...' line just after the body
    for j in range(last_body + 1, min(len(L), last_body + 5)):
        if L[j].n < 200 and _PUBLISHED_LABEL.search(L[j].c):
            d, lab = _line_date(L[j].c)
            if d is not None and lab:
                return d
    # a date at the very top of the saved text
    for j in range(0, min(2, len(L))):
        if L[j].rule == "date_line" or (L[j].n < 80 and _PUBLISHED_LABEL.search(L[j].c)):
            d, _ = _line_date(L[j].c)
            if d is not None:
                return d
    return None


_SLUG_SPLIT = re.compile(r"[^a-z0-9]+")


def _find_url(L: list[_Line], title_j: int, first_body: int, title: str | None) -> str | None:
    for ln in L:
        if ln.n < 400 and "http" in ln.c:
            m = _URL_LABEL_RE.search(ln.c)
            if m:
                return m.group(1).rstrip(".,;)")
    if title:
        tw = {w for w in _SLUG_SPLIT.split(title.lower()) if len(w) > 2}
        for j in range(max(0, title_j - 4), min(len(L), first_body)):
            ln = L[j]
            if ln.rule == "url_line":
                path = ln.c.split("//", 1)[-1].split("/", 1)[-1].lower()
                sw = {w for w in _SLUG_SPLIT.split(path) if len(w) > 2}
                if tw and len(sw & tw) >= max(2, 0.5 * min(len(tw), 6)):
                    return ln.c
    return None
