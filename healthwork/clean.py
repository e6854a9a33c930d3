"""Saved news page text -> the main article's body and metadata, with a reason for every dropped line.

How it works (no site lists, no phrase lists beyond a few generic boilerplate cue words):

1. Every non-blank line gets a *shape* class and a score: long sentence-like lines (terminal
   punctuation, many words, normal stop-word density) score positive in proportion to their length;
   menu items (list bullets without sentences), short title-like lines, date-only lines, bylines,
   reading times, captions/credits (a credit line also makes the line above it a caption), agency and
   contributor credits, cue-word boilerplate (sign-up, cookie, share, advert, reader-support/affiliate
   promotion, related, footer) and lines repeated across the corpus (``common_lines``, the cc_net idea;
   only used against lines that are not sentences, so syndicated copies keep their shared body) score
   negative. A line with none of the cue words, digits or marks skips the cue tests (the cheap path).
2. Strong "the article is over" lines ("You may also like", "Most read", "previous post", an author
   box, a second headline followed by its own byline/date) are barriers that no span may cross.
3. The main article is the maximum-scoring contiguous span of lines (Kadane), preferring the first
   article when a second one is appended. Its head is trimmed of the standfirst/caption block that
   ends in a byline/date/credit line; inside it sentence-like lines are kept, and so are lists announced
   by a colon, subheadings (not template ones) between paragraphs and ellipsis lines amid the story.
4. Metadata come from the zone just above the body: the headline (scored: position, shape, being
   followed by a byline/date), the byline (name only: "By X, Health Correspondent", "X | Reporter",
   "Posted on <date> by X", "Words: X", "Author: X", "X, Local Democracy Reporter"; no role, weekday or
   date), the article's own date (labelled "published" preferred, also with the label on the line above;
   "updated"-only dates ignored, never dates from lists or photo captions), and a canonical URL when the
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
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")  # every date healthwork.dates recognises has a four-digit year


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
    ("navigation", re.compile(r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|search)|skip navigation|back to top|return to top|main menu|navigation menu|toggle navigation|open menu|close menu|search this site|search the site|you are here\b)", re.I)),
    ("feedback_prompt", re.compile(r"\b(?:was|is) this (?:page|article|information|content) (?:useful|helpful)\b|\breport a problem\b|\bgive (?:us )?(?:your )?feedback\b|\bthank you for your feedback\b|\bpage last (?:reviewed|updated)\b|\bnext review due\b", re.I)),
    ("comment_prompt", re.compile(r"\bcomments?\b|\bleave a reply\b|\bjoin the (?:conversation|discussion|debate)\b|\bposting (?:rules|guidelines)\b|\bcommunity guidelines\b|\breply\b", re.I)),
]
_STRONG_SIGNUP = re.compile(
    r"^(?:sign[ -]?up|subscribe|register|get our|join our|download our|follow us)\b.{0,140}$|\bunsubscribe\b|\byour email address\b|"
    r"\bdelivered (?:straight |directly |right |every \w+ )?(?:to|through) your (?:inbox|door|doorstep|letterbox)\b|"
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

# first words of the two patterns above (a cheap test before running them)
_END_FIRST_WORDS = frozenset(
    """you more most popular previous next about leave post join notes note editors editors' editor's ends media press
    related recommended read further top latest around share tags tag topics filed categories comments""".split()
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
    r"|\([^()]{1,60}/[^()]{1,60}\)\s*$"
    rf"|\(\s*{_CREDIT_WORDS}\s*\)\s*$",
    re.I,
)
_CAPTION_LABEL = re.compile(
    r"(?:file photo|photo(?:graph)?s?|pictures?|pictured|image(?: credit)?s?|main image|top image|illustration|caption|video|gallery)\s*[:|]", re.I
)
_ATTACHED_CREDIT = re.compile(r"^\((?:image|photo|photograph|picture|credit|pic)s?\b|^courtesy of\b", re.I)
# a long caption still ends in its credit: '(Photos by A, left, and B/Agency)', '(Image credit: X)', '(Name/Agency)'
_LONG_CAPTION_END = re.compile(
    r"\((?:photos?|images?|pictures?|pics?|credit)\b[^()]{0,120}\)\.?$"
    rf"|\([^()]{{1,50}}/\s*(?:{_CREDIT_WORDS}|[A-Z][\w .&'’-]{{1,30}})\)\.?$"
    rf"|\(\s*{_CREDIT_WORDS}\s*\)\.?$",
    re.I,
)
# news-agency and contributor credits after the story: '(Reporting by X; Editing by Y)', 'X contributed to this report.'
_CREDIT_LINE = re.compile(
    r"^\(?(?:additional )?(?:reporting|writing|editing)(?: and (?:writing|editing|reporting))? by\b"
    r"|\bediting by\b|\b(?:contributed|added) (?:reporting |additional reporting )?to this (?:report|story|article)\b",
    re.I,
)


_CAPTION_TRIGGERS = frozenset(
    """photo photograph photos image images picture pictures pictured credit caption illustration pic getty shutterstock
    alamy istock istockphoto reuters pa ap afp epa bloomberg unsplash pexels handout supplied stock file above top
    main video gallery courtesy""".split()
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
# "By X", "Written by X", "Words by X", "Posted by X", "Section | By X" (the prefix before 'by' is checked in code)
_BY_RE = re.compile(r"\bby(?::\s*|\s+)(?=\S)", re.I)
_BY_PREFIX_WORDS = frozenset("written posted words reported story article text interview report reporting compiled edited published".split())
# "Author: X", "Words: X", "Reporter: X" (a colon or dash is required: 'Words matter' is not a byline)
_BYLINE_LABEL_RE = re.compile(
    r"^(?:authors?|written by|words(?: by)?|reporter|reported by|posted by|story by|text|byline|by|contributors?|posted)\s*[:\-–—|]\s*(?P<rest>\S.{0,120})$",
    re.I,
)
# a journalist's role after the name: "X, Health Correspondent", "X | Reporter", "X, Local Democracy Reporter"
_ROLE_RE = re.compile(
    r"\b(?:reporter|reporters|correspondent|editor|writer|journalist|columnist|contributor|reporting service|democracy reporting"
    r"|news desk|newsdesk|staff writer|freelance)\b",
    re.I,
)
_ROLE_HINT_RE = re.compile(r"report|correspondent|editor|writer|journalist|columnist|contributor|freelance|desk")
_NAME_ROLE_SPLIT = re.compile(r"\s*(?:,|\||\s[–—-]\s|/)\s*")
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


_BYLINE_ALONE = frozenset({"by", "written by", "author", "authors", "words", "words by", "posted by", "reporter", "byline"})
_NAME_STOP = re.compile(
    r"\s[|–—/@]|[|,;(@\[:•·]|\s-\s|\s\d|\s+(?:on|at|in|for|from|and updated|updated|published|posted|last|first)\b", re.I
)
_ORG_BYLINE_WORDS = frozenset({"editorial", "newsroom", "editors"})
_WEEKDAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WEEKDAY_ABBR = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
_MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _clean_name(rest: str) -> str | None:
    """The person name at the start of ``rest`` (after 'By'): stops at separators, dates, weekdays, job titles."""
    if _DIGIT.search(rest):
        found = find_dates(rest)
        if found:
            rest = rest[: found[0][0]]
    rest = _NAME_STOP.split(rest, maxsplit=1)[0]
    toks = rest.replace("\u00a0", " ").split()
    out: list[str] = []
    for i, t in enumerate(toks):
        tl = t.lower().strip(".")
        if tl in ("and", "&") and out:
            out.append(t)
            continue
        if tl in _NAME_PARTICLES and out:
            out.append(t)
            continue
        # 'Name Thursday 9 May', 'Name Thu', 'Name March 2025': the date has begun
        if tl in _WEEKDAY_WORDS or (tl in _WEEKDAY_ABBR and (i == len(toks) - 1 or t.endswith((",", ".")))):
            break
        if tl in _MONTH_WORDS and i == len(toks) - 1 and len(out) >= 2:
            break
        if tl in _ORG_BYLINE_WORDS:
            return None  # 'Example Magazine Editorial Staff': an organisation, not a person
        if tl in _JOB_WORDS or not _NAME_TOKEN.match(t) or (len(out) >= 2 and tl in _NOT_NAME_WORDS):
            break
        g = _GLUED.search(t, 1)
        if g and (t[g.start() + 1:].lower() in _JOB_WORDS or t[g.start() + 1:].lower() in _NOT_NAME_WORDS):
            out.append(t[: g.start() + 1])  # 'HiltzikBusiness Columnist': the role glued to the surname
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


def _by_prefix_ok(prefix: str) -> bool:
    """What may stand before 'by' in a byline: nothing, a label word ('Written', 'Words', 'Posted'), a date
    with its label ('Posted on 3 March 2025'), or a short section label ending in a separator ('News | ')."""
    p = prefix.strip()
    if not p:
        return True
    if p[-1] in "|,/-–—•·:" and len(p) <= 44:
        return True
    pl = p.lower()
    if pl in _BY_PREFIX_WORDS or (len(p) <= 20 and pl.split()[-1] in _BY_PREFIX_WORDS and len(pl.split()) <= 2):
        return True
    return len(p) <= 70 and _DIGIT.search(p) is not None and is_date_line(p)


def _byline_name(s: str) -> str | None:
    """Name from a byline line, or None: 'By Jane Smith, Health Correspondent | 9 Dec 2024', 'Posted on 3 March
    2025 by Jane Smith', 'Words: Jane Smith', 'Author: Jane Smith', 'Jane Smith | Reporter',
    'Jane Smith, Local Democracy Reporter'."""
    n = len(s)
    if n > 160:
        return None
    low = s.lower()
    if "by" in low:
        m = _BY_RE.search(s)
        if m and m.start() <= 80 and _by_prefix_ok(s[: m.start()]):
            nm = _clean_name(s[m.end():])
            if nm:
                return nm
    if ":" in s or "|" in s or "-" in s or "–" in s or "—" in s:
        m = _BYLINE_LABEL_RE.match(s)
        if m:
            nm = _clean_name(m.group("rest"))
            if nm:
                return nm
    if n <= 110 and _ROLE_HINT_RE.search(low):
        parts = _NAME_ROLE_SPLIT.split(s, maxsplit=1)
        if len(parts) == 2:
            if _ROLE_RE.search(parts[1]) and not _looks_sentence(parts[1]):
                head = parts[0].strip()
                nm = _clean_name(head)
                if nm and nm == head:
                    return nm
        else:  # 'Jane Smith Local Democracy Reporter'
            nm = _clean_name(s)
            if nm and s.startswith(nm) and _is_role_line(s[len(nm):].strip()):
                return nm
    return None


_byline_name_cached = lru_cache(maxsize=1 << 14)(_byline_name)


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


_Shape = tuple[int, str, float, bool, bool, bool, int]  # kind, rule, score, sentence, end, header, words


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

    def __init__(self, no: int, s: str, c: str, is_list: bool, shape: _Shape) -> None:
        self.no = no
        self.s = s
        self.c = c  # content without list marker
        self.n = len(c)
        self.is_list = is_list
        # kind, rule, score, sentence, article-over marker, header (byline / date / credit: closes a header block)
        self.kind, self.rule, self.score, self.sent, self.end, self.header, self.words = shape
        self.srule = self.rule


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
    "navigation": frozenset("skip back return main navigation toggle open close search you".split()),
    "feedback_prompt": frozenset("useful helpful report feedback page review reviewed".split()),
    "comment_prompt": frozenset("comment comments leave join posting community reply".split()),
}
_CUE_RX = dict(_CUES)
_SIGNUP_FORM_WORDS = re.compile(
    r"\bsubscri(?:be|bed|ption)\b|\bnewsletters?\b|\be-?newsletter\b|\binbox\b|\bemail\b|\bopt ?out\b|\bunsubscribe\b|\bthis field\b"
    r"|\brequired\b|\bmailing list\b|\baccount\b|\bpassword\b|\bfree\b|\btoday\b|\bnow\b|\bhere\b|\bupdates\b|\balerts\b|\bbulletins?\b",
    re.I,
)
_ALL_TRIGGERS = frozenset().union(*_CUE_TRIGGERS.values())
_BIO_WORDS = frozenset("is was has joined".split())
_ROLE_WORDS = frozenset("reporter reporters correspondent editor writer journalist columnist contributor reporting desk newsdesk freelance".split())
# a bio names the writer's trade, or says when they joined (in a year: digits)
_BIO_ROLE_WORDS = frozenset(
    "reporter editor writer correspondent journalist contributor columnist freelancer author blogger producer presenter joined".split()
    + "reporters editors writers correspondents journalists contributors columnists freelancers authors bloggers producers presenters".split()
)
_LABEL_WORDS = frozenset("by author authors written words reporter reported posted story text byline contributor contributors".split())
_BYLINE_GATE = _LABEL_WORDS | _ROLE_WORDS  # a byline has 'by', a label ('Author:', 'Words:') or a journalist's role
_SIGNUP_TRIGGERS = frozenset("sign signup subscribe register get join download follow unsubscribe email delivered".split())
_ALPHA = re.compile(r"[a-z]+")
# promotion of the publication itself: reader-support and affiliate disclosures, print subscription offers
_PROMO_RE = re.compile(
    r"\bif you (?:enjoyed|liked|like|value|appreciate|found value in|have enjoyed) (?:this|our|reading)\b.{0,80}\b(?:article|story|journalism|piece|content|reporting|work)\b"
    r"|\b(?:we|this site|the site|[\w.]+ may) (?:may |might |could )?(?:earn|receive|get)s? (?:a )?(?:small )?(?:affiliate )?(?:commission|share of (?:the )?(?:revenue|sales))\b"
    r"|\baffiliate (?:links?|commission|partnerships?)\b|\bsupport (?:our|independent|local|quality) journalism\b"
    r"|\bconsider (?:supporting|subscribing to|donating to|making a contribution)\b|\bmake a (?:one-off |small )?(?:contribution|donation) to (?:us|our)\b"
    r"|\b\d+ issues? for [£$€]\s?\d",
    re.I,
)
# words one of which every promotion pattern has (the cheap test before the pattern; also signal words below)
_PROMO_HINT = re.compile(r"if you|commission|share of|affiliate|journalism|consider|contribution|donation|issues? for")
_PROMO_WORDS = frozenset("you commission share affiliate journalism consider contribution donation issue issues".split())
# words without which a line (no digits, no ©, no '/', starting with a letter) cannot match any cue, date, byline,
# caption, bio or end marker: such a line skips straight to its plain shape
_SIGNAL_WORDS = (
    _ALL_TRIGGERS | _SIGNUP_TRIGGERS | _CAPTION_TRIGGERS | _END_FIRST_WORDS | _BIO_WORDS | _ROLE_WORDS | _LABEL_WORDS
    | frozenset("c copyright reserved trademark trademarks http https ago today yesterday reading contributed added by".split())
    | _PROMO_WORDS
)


_SHARE_STRICT = re.compile(r"^(?:share|tweet|print|email|e-mail|copy link|pin|save|bookmark)\b|\bshare (?:this|on|via|the)\b|\bfollow us\b", re.I)


def _cue(c: str, low: str, n: int, sentence: bool, words: set[str]) -> str | None:
    if n < 500 and ("©" in c or "reserved" in low or "trademark" in low) and _FOOTER_STRONG.search(c):
        return "footer"
    if sentence and 40 <= n <= 400 and _PROMO_HINT.search(low) and _PROMO_RE.search(c):
        return "promo"
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
            # 'Twitter seemed a bit confused by the campaign:' is a sentence about a platform, not a share button
            if rule == "share_buttons" and sentence and c.count(" ") >= 5 and not _SHARE_STRICT.search(c):
                continue
            # 'Employers can sign up to the charter', 'Local employers sign up to health charter': the bare verbs
            # (sign up, register, log in) only make a sign-up form of a short line or with a form's other words
            if rule == "signup_form" and len(words) >= 6 and not _SIGNUP_FORM_WORDS.search(c):
                continue
            return rule
    return None


def _classify(ln: _Line, common: frozenset[str] | set[str], author_names: set[str]) -> None:
    """Apply the author box and the corpus template signal on top of the line's shape (already set)."""
    if author_names and ln.n <= 60 and ln.c.strip(" .") in author_names:
        ln.kind, ln.rule, ln.score, ln.end, ln.sent = _DROP, "author_box", _BARRIER, True, False
        ln.header, ln.srule = False, ln.rule
        return
    if (
        common
        and not ln.end
        and (ln.kind != _DROP or ln.score > -0.5)  # a menu item is dropped anyway: no need to look it up
        and (not ln.sent or ln.n < 50 or ln.is_list)
        and line_key(ln.s) in common
    ):
        # the site's template (seen in other files of the corpus); keeps the shape's own penalty
        ln.kind, ln.rule, ln.score = _DROP, "template_repeat", min(ln.score, -0.5)


# '6 min read', '5-minute read', 'Reading time: 4 minutes', 'Estimated reading time 3 mins'
_READING_TIME = re.compile(
    r"^(?:(?:estimated )?reading time\s*:?\s*)?(?:about |approx\.? )?\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|to read|reading time))?\s*$"
    r"|^\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b",
    re.I,
)




@lru_cache(maxsize=1 << 16)
def _shape(c: str, is_list: bool) -> _Shape:
    """Shape class of one line's text (pure, cached: a corpus repeats its template lines)."""
    n = len(c)
    last = c[-1]
    sentence = last in _TERMINAL and not (last == "." and c.endswith("..."))
    low = c.lower()
    ltoks = low.split()
    nw = len(ltoks)
    has_digit = _DIGIT.search(c) is not None

    # the word set feeds the caption and cue tests; a long paragraph that ends as a sentence needs neither
    if n <= 300 and not (sentence and n > 220):
        words = set(_ALPHA.findall(low))
        # prefilter: a line with none of the signal words, digits or marks can only be body text, a short line or a menu item
        if (
            c[0].isalpha()
            and words.isdisjoint(_SIGNAL_WORDS)
            and "©" not in c
            and "/" not in c
            and (not has_digit or _YEAR_HINT.search(c) is None)  # every date has a four-digit year
        ):
            return _plain_shape(c, n, nw, ltoks, sentence, is_list)
    else:
        words = set()
    if n <= 60 and (ltoks[0].rstrip(":»›>") in _END_FIRST_WORDS or not c[0].isalpha()):
        st = c.rstrip(" :»›>")
        if _END_RE.match(st):
            return (_DROP, "after_article_end", _BARRIER, sentence, True, False, nw)
        if _SOFT_END_RE.match(st):
            return (_DROP, "related_list", -4.0, sentence, False, False, nw)
    if (
        n < 400
        and nw < 80
        and (" is " in c or " was " in c or " has been " in c or " joined " in c)
        and (not words.isdisjoint(_BIO_ROLE_WORDS) or (n > 220 and not words))
        and _BIO_RE.match(c)
    ):
        return (_DROP, "author_bio", _BARRIER, sentence, True, False, nw)
    if n <= 90 and has_digit and (is_date_line(c) or (not sentence and nw <= 10 and find_dates(c))):
        return (_DROP, "date_line", -1.0, sentence, False, True, nw)
    if n <= 40 and has_digit and "read" in low and _READING_TIME.match(c):
        return (_DROP, "reading_time", -1.0, sentence, False, True, nw)
    if n <= 400 and ("ing by" in low or "to this" in low) and _CREDIT_LINE.search(c):
        return (_DROP, "credit", -1.0, sentence, False, False, nw)
    if n <= 20 and low.rstrip(": ") in _BYLINE_ALONE:
        return (_DROP, "byline", -1.0, sentence, False, True, nw)
    if n <= 160 and not words.isdisjoint(_BYLINE_GATE) and _byline_name(c) and not (sentence and nw > 12 and len(_STOP.intersection(ltoks)) > 4):
        return (_DROP, "byline", -1.0, sentence, False, True, nw)
    if n < 500 and ("©" in c or "copyright" in low or "reserved" in low) and _COPYRIGHT.search(c):
        return (_DROP, "footer", -1.5, sentence, False, False, nw)
    if n <= 300 and not (sentence and n > 200) and _is_caption(c, low, words):
        return (_DROP, "caption", -0.6, sentence, False, True, nw)
    if 200 < n <= 400 and sentence:
        if (last in ")." and _LONG_CAPTION_END.search(c[-140:])) or _CAPTION_LABEL.match(c):
            return (_DROP, "caption", -0.6, sentence, False, True, nw)
    if "http" in low and n < 300:
        if _URL_LABEL_RE.search(c):
            return (_DROP, "source_link", -1.0, sentence, False, False, nw)
        if " " not in c and _URL_RE.match(c):
            return (_DROP, "url_line", -1.0, sentence, False, False, nw)
    cue = _cue(c, low, n, sentence, words)
    if cue is not None:
        heavy = cue in ("cookie_notice", "footer", "related_list", "paywall", "promo")
        return (_DROP, cue, -1.5 if heavy else -0.5, sentence, False, cue in ("share_buttons", "advert"), nw)
    return _plain_shape(c, n, nw, ltoks, sentence, is_list)


def _plain_shape(c: str, n: int, nw: int, ltoks: list[str], sentence: bool, is_list: bool) -> _Shape:
    """Shape of a line that no cue claimed: list item, body paragraph, short sentence or a non-sentence line."""
    if is_list:
        if sentence and n >= 40 and nw >= 6:
            return (_LIST_SENT, "list_item", 0.3 + min(n, 300) / 100, sentence, False, False, nw)
        return (_DROP, "menu_item", -1.0, sentence, False, False, nw)
    if n < 200 and (c.endswith("...") or c.endswith("…")):
        return (_DROP, "related_list", -1.0, sentence, False, False, nw)
    if n >= 60 and nw >= 8 and (sentence or (n >= 150 and _INNER_SENT.search(c))):
        if n < 200:
            if len(_STOP.intersection(ltoks)) < 0.06 * nw:
                return (_DROP, "low_stopwords", -0.5, sentence, False, False, nw)
        if not sentence and len(_GLUED.findall(c)) >= 2:
            return (_DROP, "glued_links", -0.5, sentence, False, False, nw)
        return (_GOOD, "", 1.0 + min(n, 400) / 50, sentence, False, False, nw)
    if not sentence and nw >= 2 and c[1] == ":" and c[0] in "AQ":
        return (_SHORT, "", 0.3, sentence, False, False, nw)  # an interview's 'Q: ...' / 'A: ...' without a full stop
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


def _rescue_lists_and_subheads(
    L: list[_Line], keep: list[bool], a: int, b: int, common: frozenset[str] | set[str] = frozenset()
) -> None:
    """Inside the article: keep a list announced by a colon, and a lone subheading between paragraphs."""
    N = len(L)
    # a line ending in an ellipsis is a truncated teaser in a link list, but inside the story, right after a kept
    # paragraph and with story text soon after, it is the writer's style ('Because once you understand this …')
    for j in range(a + 1, b):
        ln = L[j]
        if (
            not keep[j]
            and keep[j - 1]
            and ln.rule == "related_list"
            and not ln.is_list
            and ln.words >= 3
            and (ln.c.endswith("…") or ln.c.endswith("..."))
            and any(keep[k] and L[k].kind == _GOOD for k in range(j + 1, min(b + 1, j + 5)))
        ):
            keep[j] = True
            ln.rule = ""
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
    def subhead(j: int) -> bool:
        ln = L[j]
        if keep[j] or ln.rule not in ("short_non_sentence", "no_sentence_end", "menu_item") or ln.end:
            return False
        if ln.rule == "menu_item" and not ln.s[:1].isdigit():
            return False
        if not (2 <= ln.words <= 16 and ln.n <= 120) or _bare_name(ln.c):
            return False
        if common and line_key(ln.s) in common:
            ln.rule = "template_repeat"  # a heading the site prints on many pages: chrome, not this story's
            return False
        return True

    for j in range(a + 1, b):
        if not keep[j] and keep[j - 1]:
            # a subheading (or a heading and its sub-heading) between paragraphs
            if keep[j + 1] and L[j + 1].kind == _GOOD and subhead(j):
                keep[j] = True
                L[j].rule = ""
            elif j + 2 <= b and keep[j + 2] and L[j + 2].kind == _GOOD and not keep[j + 1] and subhead(j) and subhead(j + 1):
                keep[j] = keep[j + 1] = True
                L[j].rule = L[j + 1].rule = ""


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
    L: list[_Line] = []
    # byline names anywhere: a line that is only that name later on opens the author box
    author_names: set[str] = set()
    shape = _shape
    i = 0
    for raw in text.split("\n"):
        i += 1
        s = raw.strip()
        if not s:
            continue
        if s[0] in "\u200b\ufeff" or s[-1] in "\u200b\ufeff":
            s = s.strip("\u200b\ufeff \t")
            if not s:
                continue
        c, is_list = s, False
        f0 = s[0]
        if f0 in _LIST_FIRST or f0.isdigit() or s[1:2] in ".)":
            m = _LIST_MARK.match(s)
            if m and m.end() < len(s):
                c, is_list = s[m.end():], True
        sh = shape(c, is_list)
        L.append(_Line(i, s, c, is_list, sh))
        if sh[1] == "byline" or sh[1] == "date_line":
            nm = _byline_name_cached(c)
            if nm:
                author_names.add(nm)
    if not L:
        return CleanResult(None, None, None, None, "", (), ())
    if author_names or common:
        for ln in L:
            _classify(ln, common, author_names)

    N = len(L)
    # a credit that hangs on the line above ('(Image: X)', 'Courtesy of X'), or follows a caption printed twice
    # (gallery markup), makes that line a caption
    for j in range(1, N):
        ln = L[j]
        if ln.srule != "caption" or ln.n > 80:
            continue
        prev = L[j - 1]
        if prev.kind == _DROP or prev.n > 400 or prev.end:
            continue
        if _ATTACHED_CREDIT.match(ln.c):
            prev.kind, prev.rule, prev.score, prev.header = _DROP, "caption", -0.6, False
        elif j >= 2 and L[j - 2].c == prev.c:
            for q in (L[j - 2], prev):
                q.kind, q.rule, q.score, q.header = _DROP, "caption", -0.6, False
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
        if good_before >= 2 and not ln.sent and not ln.end and ln.kind in (_DROP, _SHORT) and _title_like(ln):
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
            if ln.rule != "caption":  # an image gallery sits inside a story: it does not separate two blocks
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
        _rescue_lists_and_subheads(L, keep, a, b, common)
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
    new = object.__new__
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
        # DroppedLine(ln.no, ln.s, rule) without the frozen dataclass's per-field object.__setattr__ (hot path)
        d = new(DroppedLine)
        d.__dict__.update(line_no=ln.no, text=ln.s, rule=rule)
        dropped.append(d)

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
        if ln.rule in ("cookie_notice", "footer", "signup_form", "share_buttons", "advert", "related_list", "comment_prompt", "paywall", "navigation", "promo", "credit"):
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
                # a kicker label is short; a breadcrumb trail glued to the headline contains it
                and (L[j + 1].n > ln.n or (ln.words >= 6 and L[j + 1].words >= 6 and L[j + 1].c not in c))
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


def _is_role_line(c: str) -> bool:
    """A line that is only a journalist's role ('Health Correspondent', 'Local Democracy Reporting Service')."""
    return 0 < len(c) <= 60 and not _looks_sentence(c) and len(c.split()) <= 6 and _ROLE_RE.search(c) is not None


def _find_author(L: list[_Line], title_j: int, first_body: int) -> str | None:
    N = len(L)
    if first_body >= N:
        return None
    lo = max(0, title_j - 2)
    # the byline may follow a standfirst kept as body: look a few non-body lines past the first body line
    hi = min(N, first_body + 4)
    for j in range(lo, hi):
        ln = L[j]
        if ln.n > 160 or (j > first_body and ln.kind == _GOOD):
            continue
        nm = _byline_name(ln.c)
        if nm:
            return nm
        low = ln.c.lower().rstrip(": ").strip()
        if low in _BYLINE_ALONE and j + 1 < N:
            nm = _clean_name(L[j + 1].c)
            if nm:
                return nm
    # a bare name next to a date line or its role line, or with a @handle, between headline and body
    for j in range(max(lo, title_j + 1), first_body):
        nm = _bare_name(L[j].c)
        if nm and (
            (j > 0 and L[j - 1].rule == "date_line")
            or (j + 1 < N and (L[j + 1].rule == "date_line" or _is_role_line(L[j + 1].c)))
            or "@" in L[j].c
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
            if ln.rule == "caption" and ln.n > 80:
                continue  # a photo caption's date is the picture's, not the article's
        c = ln.c
        if j > 0 and ln.rule == "date_line" and L[j - 1].n <= 30 and _DATE_LABEL_ONLY.match(L[j - 1].c):
            c = L[j - 1].c + " " + c  # 'Last updated:' / '5 March 2025' on two lines
        d, labelled = _line_date(c)
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
