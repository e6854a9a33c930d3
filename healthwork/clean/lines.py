"""Line shapes and cues: what each line of a saved page looks like (paragraph, menu item, byline, caption,
sign-up box, footer ...), its score for the span choice, and lines repeated across the corpus (site template)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache

from healthwork.clean.names import BYLINE_LABEL_ONLY, byline_name_cached
from healthwork.clean.patterns import (
    DIGIT,
    GLUED_WORDS,
    INNER_SENTENCE_BREAK,
    SENTENCE_END_CHARS,
    STOP_WORDS,
    URL,
    YEAR,
)
from healthwork.dates import date_line_scan

def line_key(line: str) -> str:
    """Normalised form of a line used to count template lines across files."""
    # NFKC is the identity on ASCII and on text already in that form (most lines): skip it there; str.split()
    # splits on exactly the characters the regex \s matches
    if not line.isascii():
        if not unicodedata.is_normalized("NFKC", line):
            line = unicodedata.normalize("NFKC", line)
    elif line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        # (most lines) printable ASCII has no whitespace but ' ' (every other ASCII whitespace character is a control
        # character), here only single spaces inside: the split and join give the line back
        return line.lower()
    return " ".join(line.lower().split())


@lru_cache(maxsize=1 << 16)
def template_key(text: str) -> str:
    """``line_key``, cached: cleaning looks a line up in the corpus template lines in several passes (corpus signal,
    headings, dropped lines), and a corpus repeats its template lines."""
    return line_key(text)


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




# generic boilerplate cue words, grouped by the rule name they give; one signal among several
_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("cookie_notice", re.compile(r"\bcookies?\b|\bprivacy (?:policy|notice|settings)\b|\bconsent\b|\baccept all\b|\bmanage (?:preferences|settings)\b", re.I)),
    ("footer", re.compile(r"©|\(c\)\s*(?:19|20)\d\d|\b(?:copyright\b|all rights reserved\b|terms (?:and|&) conditions\b|terms of (?:use|service)\b|registered (?:office|in england|charity|company)\b|company (?:no|number|registration)\b)", re.I)),
    ("paywall", re.compile(r"\bsubscribers? only\b|\bto (?:read|continue reading) (?:the|this)\b|\bto read the full\b|\balready (?:a subscriber|have an account|registered)\b|\bfree trial\b|\bunlock (?:this|the|full)\b|\bfree articles?\b.{0,40}\b(?:left|remaining)\b|\bsubscribe (?:now|today|to read|to continue|for [£$€]\s?\d)|\b\d+ of (?:your )?\d+ free (?:articles|stories)\b|\bunlimited (?:digital )?access\b|\b(?:immediate|instant) (?:online )?access to\b|\b(?:premium|subscriber) (?:content|article|access)\b|\blog ?in to (?:read|continue|access)\b|\bregister (?:now |for free )?to (?:read|continue|access)\b", re.I)),
    ("signup_form", re.compile(r"^stay (?:up to date|in touch|informed|connected)\b|^(?:please )?(?:enter|type|fill in|provide) your (?:full |first |last )?(?:name|e-?mail|email address|details|postcode|zip code)\b|^get (?:regular |the latest |our )?(?:updates|alerts)\b|\b(?:sign[ -]?up\b|subscri(?:be|bed|ption)\b|newsletters?\b|e-?newsletter\b|inbox\b|email address\b|opt ?out\b|unsubscribe\b|this field\b.{0,40}\b(?:validation|required|blank|unchanged|empty)\b|required fields?\b|mailing list\b|register\b|log ?in\b|sign ?in\b|create (?:an|your) account\b)", re.I)),
    ("share_buttons", re.compile(r"^(?:share|tweet|print|email|e-mail|copy link|pin|save|bookmark)\b|\bshare (?:this|on|via|the)\b|\b(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|flipboard|instagram|youtube|tiktok)\b|\bfollow us\b", re.I)),
    ("advert", re.compile(r"^(?:advertisement|advert|sponsored|promoted|ad|ads|partner content|paid (?:content|post))\b|\b(?:sponsored\b|promoted\b|advertis)", re.I)),
    ("related_list", re.compile(r"^on [\w-]+(?:\.[\w-]+)+:|^(?:related|read more|read next|read also|also read|see also|more on|more from|more in|more stories|more news|more like this|recommended|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|most (?:read|popular|viewed|shared|commented)|popular|trending|latest|top stories|further reading|watch|listen|click here|find out more|learn more|view (?:all|more)|next up|up next|continue reading|keep reading|explore further|(?:posted|filed) (?:in|under)|tagged(?: with)?|tags?\s*:)\b", re.I)),
    ("navigation", re.compile(r"^(?:skip to (?:the )?(?:main )?(?:content|navigation|search)|skip navigation|back to top|return to top|main menu|navigation menu|toggle navigation|open menu|close menu|search this site|search the site|you are here\b)", re.I)),
    ("feedback_prompt", re.compile(r"\b(?:was|is) this (?:page|article|information|content) (?:useful|helpful)\b|\breport a problem\b|\bgive (?:us )?(?:your )?feedback\b|\bthank you for your feedback\b|\bpage last (?:reviewed|updated)\b|\bnext review due\b", re.I)),
    ("comment_prompt", re.compile(r"\bcomments?\b|\bleave a reply\b|\bjoin the (?:conversation|discussion|debate)\b|\bposting (?:rules|guidelines)\b|\bcommunity guidelines\b|\breply\b", re.I)),
]
_STRONG_SIGNUP = re.compile(
    r"^(?:sign[ -]?up|subscribe|register|get our|join our|download our|follow us)\b.{0,140}$|\bunsubscribe\b|\byour email address\b|"
    r"^(?:get|receive) (?:regular |the latest |our |free )?(?:updates|alerts|tips|offers)\b|"
    r"\bdelivered (?:straight |directly |right |every \w+ )?(?:to|through) your (?:inbox|door|doorstep|letterbox)\b|"
    r"\b(?:sign[ -]?up|subscribe|register)\b.{0,40}\b(?:our|my)\b.{0,50}\b(?:newsletters?|e-?newsletters?|mailing list|bulletins?|round-?ups?|alerts|digests?|updates)\b|"
    # an e-mail's footer: 'You are receiving this email because you signed up ...'
    r"\byou (?:are|were|have been) (?:receiving|sent|getting) this (?:e-?mail|newsletter|message|bulletin)\b|"
    # a form's own words: a consent box ('I would like to receive ... newsletters') or a field instruction
    r"^I (?:would like|wish|want|agree|consent) to (?:receive|subscribe|sign up|get|be (?:sent|contacted))\b.{0,80}\b(?:newsletters?|e-?mails?|offers|promotions|alerts|updates)\b|"
    r"^(?:please )?(?:enter|type|fill in|provide) your (?:full |first |last )?(?:name|e-?mail|email address|details|postcode|zip code)\b|"
    # the publication's own channels: 'Join our WhatsApp community here.', 'Follow us on Facebook for more news.'
    r"\b(?:join|follow) (?:us|our) (?:[\w-]+ ){0,2}(?:on |in )?(?:whatsapp|telegram|facebook|instagram|twitter|tiktok|youtube|linkedin|threads|bluesky|social media|google news)\b",
    re.I,
)

# a line that says the article is over (a barrier once body text has been seen) ...
_END_RE = re.compile(
    r"^(?:you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|more (?:stories|news|articles) like this|read (?:this|these) next"
    r"|most (?:read|popular|viewed|shared|commented)(?: \w+){0,3}|popular (?:posts|articles|stories)(?: by .{1,40})?"
    r"|previous (?:post|article|story)|next (?:post|article|story)"
    r"|[«‹<←]?\s*(?:previous|prev|older)(?: (?:posts?|articles?|stor(?:y|ies)|entry|entries))?\s*[|/·]?\s*(?:next|newer)(?: (?:posts?|articles?|stor(?:y|ies)|entry|entries))?\s*[»›>→]?|« previous post.*|about (?:the|this|our) (?:authors?|writers?|contributors?|bloggers?)|author (?:bio|biography|profile)|meet the authors?|leave a (?:reply|comment)|post a comment|\d+ comments?|comments? \(\d+\)"
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
    """you more most popular previous next about author meet leave post join notes note editors editors' editor's ends media press
    related recommended read further top latest around share tags tag topics filed categories comments""".split()
)

_CREDIT_WORDS = r"(?:getty(?: images)?|shutterstock|alamy|istock(?:photo)?|reuters|pa (?:media|wire|images)|pa|ap|afp|epa|bloomberg|unsplash|pexels|handout|supplied|stock image|file photo)"
_CAPTION_START = re.compile(
    r"courtesy of\b|(?:photo(?:graph)?s?|pictures?|images?|illustrations?|video) (?:by|courtesy of)\s+[A-Z]|(?:file photo|photo(?:graph)?s?(?: source)?|pictures?(?: source)?|pictured|image(?: credit| source)?s?|main image|top image|illustration|credit|caption|above|top|video|gallery)\b\s*[:|]"
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
ATTACHED_CREDIT = re.compile(r"^\((?:image|photo|photograph|picture|credit|pic)s?\b|^courtesy of\b", re.I)
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


def _is_caption(content: str, lowered: str, words: frozenset[str]) -> bool:
    if "(c)" in lowered or "©" in content:
        return True
    if "/" not in content and words.isdisjoint(_CAPTION_TRIGGERS):
        return False
    if _CAPTION_START.match(content):
        return True
    tail = content[-100:]
    # every caption ending has a colon, a bracket, a '/' or '|', or 'via' (a 'v' in any case)
    if ":" not in tail and "(" not in tail and "/" not in tail and "|" not in tail and "v" not in tail and "V" not in tail:
        return False
    return _CAPTION_END.search(tail) is not None




# a bio may open with its label on the same line ('About the author: Jo Example is a freelance journalist ...')
_BIO_NAME = r"^(?:(?i:about the (?:authors?|writers?)|the author|author)\s*[:–—-]\s*)?(?:[A-Z][\w'’\-]+\s){0,3}[A-Z][\w'’\-]+(?:\s\([^()]{1,40}\))?"
_BIO_RE = re.compile(
    _BIO_NAME + r" (?i:is|was|has been) [^.]{0,60}?\b(?i:reporter|editor|writer|correspondent|journalist|contributor|columnist"
    r"|freelancer|author|blogger|producer|presenter|editor-at-large)s?\b"
    r"|" + _BIO_NAME + r" (?i:joined) [^.]{0,60}\b(?:19|20)\d\d\b"
)
URL_LABEL = re.compile(
    r"\b(?:originally (?:posted|published|appeared)(?: (?:on|at|in))?|canonical(?: url| link)?|source(?: url| link)?|permalink|article url|page url|url|link to (?:this|the) (?:article|story))\s*[:\-]?\s*(https?://[^\s<>\"']+)",
    re.I,
)

# kinds of line
PARAGRAPH, SHORT_SENTENCE, LIST_SENTENCE, DROP = 1, 2, 3, 0
BARRIER = -1e9


# kind, rule, score, sentence, ends_article, closes_header, n_words, code (how much it looks like program code)
Shape = tuple[int, str, float, bool, bool, bool, int, int]


class Line:
    """One non-blank line of the page, with its shape and (after the passes) its verdict."""

    __slots__ = ("line_no", "text", "content", "length", "n_words", "is_list", "kind", "rule", "score",
                 "sentence", "ends_article", "closes_header", "shape_rule", "code")
    kind: int  # PARAGRAPH, SHORT_SENTENCE, LIST_SENTENCE or DROP
    rule: str  # why the line is dropped ('' for a content line)
    score: float  # its weight in the span choice (BARRIER: no span crosses it)
    sentence: bool  # ends like a sentence
    ends_article: bool  # says the article is over ('You may also like', an author box)
    closes_header: bool  # a byline, date or credit: closes the header block above the body
    n_words: int
    shape_rule: str  # the shape rule, before the corpus template override
    code: int  # code signals: keywords, calls, assignments, braces (0 for prose)

    def __init__(self, line_no: int, text: str, content: str, is_list: bool, shape: Shape) -> None:
        self.line_no = line_no  # 1-based line number in the decoded text
        self.text = text  # the stripped line as written
        self.content = content  # the text without its list marker
        self.length = len(content)
        self.is_list = is_list
        (self.kind, self.rule, self.score, self.sentence, self.ends_article, self.closes_header, self.n_words,
         self.code) = shape
        self.shape_rule = self.rule


_COPYRIGHT = re.compile(r"©\s*(?:(?:19|20)\d\d|copyright)|\bcopyright\b.{0,20}(?:19|20)\d\d|\ball rights reserved\b|(?:19|20)\d\d\s*©", re.I)
_FOOTER_STRONG = re.compile(
    r"©|\ball rights reserved\b|\bregistered trademarks?\b|\bthis (?:document|article|page|content|material|website|site|story|publication) is (?:subject to|protected by) copyright\b"
    # company and charity registration: 'Registered in England No. 01234567', 'Registered charity number 1234567'
    r"|\bregistered (?:in (?:england|scotland|wales|northern ireland)(?: (?:and|&) wales)?|charity|company|office)\b.{0,40}?\b(?:no|number|reg)\b\.?:?\s*[A-Z]{0,2}\d{5,}"
    r"|\b(?:company|charity) (?:no|number|registration(?: number)?)\b\.?:?\s*[A-Z]{0,2}\d{5,}",
    re.I,
)


# words that must occur for a cue pattern to be worth running (keeps the per-line cost low)
_CUE_TRIGGERS: dict[str, frozenset[str]] = {
    "cookie_notice": frozenset("cookie cookies privacy consent accept manage".split()),
    "footer": frozenset("c copyright reserved terms registered company".split()),
    "paywall": frozenset("subscriber subscribers read continue already free unlock subscribe premium log login register unlimited immediate instant".split()),
    "signup_form": frozenset("enter type fill provide sign signup up subscribe subscribed subscription newsletter newsletters enewsletter e inbox email opt optout unsubscribe field validation required mailing register log login create stay updates alerts".split()),
    "share_buttons": frozenset("share tweet print email e copy pin save bookmark facebook twitter linkedin whatsapp pinterest reddit flipboard instagram youtube tiktok follow".split()),
    "advert": frozenset("advertisement advert sponsored promoted ad ads partner paid advertising advertise advertiser advertisers".split()),
    "related_list": frozenset("on related read see also more recommended you most popular trending latest top further watch listen click find learn view next up continue keep explore posted filed tagged tag tags".split()),
    "navigation": frozenset("skip back return main navigation toggle open close search you".split()),
    "feedback_prompt": frozenset("useful helpful report feedback page review reviewed".split()),
    "comment_prompt": frozenset("comment comments leave join posting community reply".split()),
}
_CUE_RX = dict(_CUES)
# a cookie banner written as sentences ('We use cookies to improve your experience ...')
_STRONG_COOKIE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|the site) (?:uses?|may use|also uses?) cookies\b|\buse of cookies\b"
    r"|\bcookies? (?:policy|settings|preferences|notice)\b|\baccept (?:all |additional |\w+ )?cookies\b"
    r"|\bby (?:continuing|clicking|choosing|using)\b.{0,80}\b(?:cookies|consent)\b",
    re.I,
)
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
_SIGNUP_IN_PROSE = re.compile(r"\b(?:who|that)\s+(?:sign(?:ed|s)?[ -]?up|register(?:ed|s)?|subscribe[sd]?)\b", re.I)
# (one word of each _STRONG_SIGNUP branch: 'enter type fill provide' open a field instruction, 'receiving sent getting'
# an e-mail's footer)
_SIGNUP_TRIGGERS = frozenset("sign signup subscribe register get join download follow unsubscribe email delivered enter type fill"
                             " provide receiving sent getting newsletter newsletters".split())
_ALPHA = re.compile(r"[a-z]+")
# ASCII bytes: letters a-z kept, every other byte a space (the runs of _ALPHA are then the split tokens)
_LETTERS_ONLY_BYTES = bytes.maketrans(bytes(range(256)), bytes(b if 97 <= b <= 122 else 32 for b in range(256)))


def letter_runs(lowered: str) -> list[str]:
    """The runs of letters a-z in a lower-cased line, in order: a byte translation is cheaper than the regex [a-z]+
    (each non-ASCII character is encoded as '?', which like every other byte but a-z becomes a space)."""
    return lowered.encode("ascii", "replace").translate(_LETTERS_ONLY_BYTES).decode("ascii").split()


def lower_case_words(lowered: str) -> set[str]:
    """The set of runs of letters a-z in a lower-cased line (``letter_runs``)."""
    return set(letter_runs(lowered))
# promotion of the publication itself: reader-support and affiliate disclosures, print subscription offers. Each
# pattern comes with the words one of which it cannot match without (the line's word set is tested first)
_PROMO_PATTERNS: tuple[tuple[frozenset[str], re.Pattern[str]], ...] = tuple(
    (frozenset(needed.split()), re.compile(pattern, re.I))
    for needed, pattern in (
        ("if", r"\bif you (?:enjoyed|liked|like|value|appreciate|found value in|have enjoyed) (?:this|our|reading)\b.{0,80}"
               r"\b(?:article|story|journalism|piece|content|reporting|work)\b"),
        ("commission share", r"\b(?:we|this site|the site|[\w.]+ may) (?:may |might |could )?(?:earn|receive|get)s? (?:a )?(?:small )?"
                             r"(?:affiliate )?(?:commission|share of (?:the )?(?:revenue|sales))\b"),
        # 'We may receive compensation ...', 'Example Magazine may receive compensation when you click through links'
        ("compensation", r"\b(?:(?:we|this site|the site) (?:may |might |could )?|(?:may|might|could) )(?:earn|receive|get) "
                         r"(?:a )?(?:small )?compensation\b.{0,60}\blinks?\b"),
        ("affiliate", r"\baffiliate (?:links?|commission|partnerships?)\b"),
        ("journalism", r"\bsupport (?:our|independent|local|quality) journalism\b"),
        ("consider", r"\bconsider (?:supporting|subscribing to|donating to|making a contribution)\b"),
        ("contribution donation", r"\bmake a (?:one-off |small )?(?:contribution|donation) to (?:us|our)\b"),
        ("issue issues", r"\b\d+ issues? for [£$€]\s?\d"),
        # syndication notes: 'This article is republished from X under a Creative Commons licence'
        ("republished reproduced", r"\b(?:is|was|been) republished\b|\brepublished (?:here|from|with|under)\b|\breproduced with (?:kind )?permission\b"),
        ("partnership", r"\bcontent partnership\b"),
        ("app", r"\b(?:get|download)\b.{0,60}\b(?:with|on|in|from) (?:our|the) [\w ]{0,30}\bapp\b"),
        ("advertisers", r"\bproducts from (?:one or more of )?our advertisers\b"),
        # membership blurbs: 'Become a member ...', 'Members get ...', 'Join today ... membership'
        ("become", r"\bbecome an? (?:member|supporter|subscriber|patron|friend)\b"),
        ("members", r"\bmembers (?:get|receive|enjoy|save)\b"),
        ("membership", r"\bjoin (?:us|today|now|online)\b.{0,60}\bmembership\b|\bmembership\b.{0,60}\b(?:from [£$€]|per (?:month|year)|a (?:month|year))\b"),
    )
)
_PROMO_NEEDED = frozenset().union(*(needed for needed, _ in _PROMO_PATTERNS))


# each needed word -> the promotion patterns that need it (a line's few words pick the patterns worth running)
_PROMO_BY_WORD: dict[str, tuple[re.Pattern[str], ...]] = {
    word: tuple(pattern for needed, pattern in _PROMO_PATTERNS if word in needed) for word in _PROMO_NEEDED
}


def _is_promo(content: str, tokens: set[str] | frozenset[str]) -> bool:
    """A promotion of the publication itself (``tokens``: the line's lower-case words, or those of them that are
    signal words)."""
    for word in _PROMO_NEEDED.intersection(tokens):
        for pattern in _PROMO_BY_WORD[word]:
            if pattern.search(content):
                return True
    return False


_PROMO_WORDS = frozenset("privacy partners vendors device javascript moderation moderator moderators moderated comments comment"
                         " useful helpful rate thanks thank story enjoyed republish tip edited condensed expressed".split()) | frozenset("you commission compensation share affiliate journalism consider contribution donation issue issues republished reproduced partnership app advertisers member members membership".split())
_FILE_TYPES = frozenset("pdf doc docx xls xlsx odt ods csv ppt pptx rtf".split())  # one is a word of every download link
# words without which a line (no digits, no ©, no '/', starting with a letter) cannot match any cue, date, byline,
# caption, bio or end marker: such a line skips straight to its plain shape
_SIGNAL_WORDS = (
    _ALL_TRIGGERS | _SIGNUP_TRIGGERS | _CAPTION_TRIGGERS | _END_FIRST_WORDS | _BIO_WORDS | _ROLE_WORDS | _LABEL_WORDS
    | frozenset("c copyright reserved trademark trademarks http https ago today yesterday reading contributed added by".split())
    | _FILE_TYPES
    | _PROMO_WORDS
)


# chrome written as whole sentences, in wording the short-line cues above miss: (rule, substrings one of which
# the line must hold (a cheap test first), pattern)
_CHROME_SENTENCES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("cookie_notice", ("privacy", "partners", "vendors", "device"), re.compile(
        r"\bwe (?:value|respect|care about) your privacy\b"
        r"|\b(?:store|access|store and/or access) information on (?:a|your) device\b"
        r"|\bwe and our (?:\d+ )?(?:partners|vendors)\b.{0,60}\b(?:cookies|device|personali[sz]ed|ads|advertising|data)\b", re.I)),
    ("comment_prompt", ("javascript", "moderat", "comments are", "comment will"), re.compile(
        r"\benable javascript\b|\bjavascript (?:is )?(?:disabled|required|turned off)\b"
        r"|\b(?:awaiting|pending|subject to|before|after|once) (?:approved by )?(?:moderation|a moderator)\b"
        r"|\bapproved by (?:a|our|the) moderators?\b|\bcomments (?:are|have been) (?:closed|moderated|disabled)\b", re.I)),
    ("feedback_prompt", ("useful", "helpful", "rate this"), re.compile(
        r"\bhow (?:useful|helpful) (?:was|is|did you find) this (?:page|article|information|content|story|post)\b"
        r"|^rate this (?:page|article|story|post)\b", re.I)),
    # a note about the article itself: how it was edited, whose views it gives
    ("editor_note", ("edited", "condensed", "expressed"), re.compile(
        r"^(?:this|the) (?:article|story|interview|piece|post|column|transcript|conversation|q&a)\b[^.]{0,40}\b(?:has|have) been"
        r"\b[^.]{0,20}\b(?:edited|condensed)\b|\b(?:the )?(?:views|opinions) expressed (?:in this|here|are)\b.{0,60}\b(?:own|necessarily)\b",
        re.I)),
    ("promo", ("for reading", "a story", "enjoyed", "republish", "tip off", "tip-off"), re.compile(
        r"^thanks? (?:you )?for reading\b|^(?:have you |you've )?got a (?:news )?story\b|^do you have a (?:news )?story\b"
        r"|^(?:if you )?enjoyed (?:this|the|reading this) (?:article|story|post|piece)\b|\brepublish (?:this|our) (?:article|story|content|work)\b"
        r"|\bgot a tip[- ]off\b", re.I)),
)


# words one of which each chrome sentence pattern cannot match without (a set test before the substrings above)
_CHROME_NEEDED = frozenset(
    "privacy device partners vendors javascript moderation moderator moderators comments useful helpful rate reading story"
    " enjoyed republish tip edited condensed expressed".split()
)


def _chrome_sentence(lowered: str, content: str, tokens: frozenset[str]) -> str | None:
    """The rule of a chrome sentence in wording the line cues miss ('We value your privacy', 'Thanks for reading');
    ``tokens``: the line's lower-case words."""
    if tokens.isdisjoint(_CHROME_NEEDED):
        return None
    for rule, hints, rx in _CHROME_SENTENCES:
        for hint in hints:
            if hint in lowered:
                if rx.search(content):
                    return rule
                break
    return None


_FIVE_DIGITS = re.compile(r"\d{5}")


def _may_be_footer(content: str, lowered: str, may_have_digits: bool) -> bool:
    """A cheap test before the strong footer pattern: a copyright sign or 'reserved' / 'trademark', or a company or
    charity registration (a number of five digits or more: only a line that may have digits)."""
    if "©" in content or "reserved" in lowered or "trademark" in lowered or "copyright" in lowered:
        return True
    # the registration patterns name the register ('registered', 'company', 'charity') before the number
    return (
        may_have_digits and ("registered" in lowered or "company" in lowered or "charity" in lowered)
        and ("registered" in lowered or "number" in lowered or " no" in lowered) and _FIVE_DIGITS.search(content) is not None
    )


_SHARE_STRICT = re.compile(
    r"^(?:share|tweet|print|email|e-mail|copy link|pin|save|bookmark)\b|\bshare (?:this|on|via|the)\b|\bfollow us\b"
    r"|^follow\b.{0,60}\b(?:on|at) (?:twitter|x|instagram|facebook|linkedin|tiktok|threads|bluesky)\b",
    re.I,
)


def _cue_bits() -> dict[str, int]:
    """Each cue trigger word -> a bit for every cue of ``_CUES`` it triggers (bit i: the i-th cue)."""
    bits: dict[str, int] = {}
    for index, (rule, _) in enumerate(_CUES):
        for word in _CUE_TRIGGERS[rule]:
            bits[word] = bits.get(word, 0) | 1 << index
    return bits


_CUE_BITS = _cue_bits()


@cache
def _cues_with_bits(mask: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The cues of ``_CUES`` whose bits are set in ``mask``, in order."""
    return tuple(cue for index, cue in enumerate(_CUES) if mask >> index & 1)


def _cue(
    content: str, lowered: str, length: int, sentence: bool, words: frozenset[str], tokens: frozenset[str],
    may_have_digits: bool, word_list: list[str],
) -> str | None:
    """The cue rule of a line, or None. ``words``: its signal words (those of its lower-case words in
    ``_GATE_WORDS``) when it is short enough for the word cues (else empty); ``tokens``: its signal words for any
    line up to 400 characters; ``may_have_digits``: False for a line known to have no digit; ``word_list``: all its
    lower-case words when it is short enough for the word cues."""
    if length < 500 and _may_be_footer(content, lowered, may_have_digits) and _FOOTER_STRONG.search(content):
        return "footer"
    if sentence and 40 <= length <= 400 and _is_promo(content, tokens):
        return "promo"
    if "cookie" in lowered and length < 600 and _STRONG_COOKIE.search(content):
        return "cookie_notice"
    if length < 400:
        rule = _chrome_sentence(lowered, content, tokens)
        if rule is not None:
            return rule
    if length > 220:
        return None
    if sentence and length >= 70:
        # a real sentence mentioning 'register' or 'cookie' is body; only blatant forms count
        if not words.isdisjoint(_SIGNUP_TRIGGERS) and _STRONG_SIGNUP.search(content):
            return "signup_form"
        for rule in ("paywall", "feedback_prompt"):
            if not words.isdisjoint(_CUE_TRIGGERS[rule]) and _CUE_RX[rule].search(content):
                return rule
        return None
    mask = 0
    for word in _ALL_TRIGGERS.intersection(words):
        mask |= _CUE_BITS[word]
    if not mask:
        return None
    for rule, rx in _cues_with_bits(mask):  # the cues one of whose trigger words the line has
        if rx.search(content):
            if rule == "comment_prompt" and sentence and length > 40:
                continue
            if rule == "related_list" and sentence and length > 60:
                continue
            # 'Twitter seemed a bit confused by the campaign:' is a sentence about a platform, not a share button
            # ... and so is a long line of text naming one ('She went to NBC and destroys haters on Twitter')
            if rule == "share_buttons" and (sentence or content.count(" ") >= 12) and content.count(" ") >= 5 \
                    and not _SHARE_STRICT.search(content):
                continue
            # 'Employers can sign up to the charter', 'Local employers sign up to health charter': the bare verbs
            # (sign up, register, log in) only make a sign-up form of a short line or with a form's other words
            if rule == "signup_form" and len(set(word_list)) >= 6 and not _SIGNUP_FORM_WORDS.search(content):
                continue
            # 'People who sign up get:', 'those who registered early' -- the verb in a relative clause is prose
            if rule == "signup_form" and _SIGNUP_IN_PROSE.search(content):
                continue
            if rule in _WORD_CUE_RULES and _reported_sentence(content, lowered, rule):
                continue
            return rule
    return None


# cues that also start or fill ordinary sentences of a story ('Latest figures show ...', 'Share of people in work
# rose ...', 'Cookies and cakes were served ...', 'Terms and conditions for employers are being simplified.')
_WORD_CUE_RULES = frozenset({"related_list", "share_buttons", "advert", "footer", "cookie_notice"})
# what a link or a button says ('Read more about ...', 'Share this', 'Print this page', 'Email us'), and what the site
# says about itself ('our terms', 'we use cookies', 'your privacy')
_LINK_WORDING = re.compile(
    r"^(?:read|see|click|find out|learn|view|continue|keep|you|also|further|more (?:stories|news|articles|like|from|on|in)\b|up next|next up)\b"
    r"|^(?:share|tweet|print|email|e-mail|copy|pin|save|bookmark|follow|watch|listen)\s+(?:this|on|via|the|article|page|link|to|us|it"
    r"|story|your|our|now|here|more)\b"
    r"|\b(?:we|our|us|you|your)\b|\bthis (?:site|website|page)\b|\bsponsored\b|\bpaid (?:content|post|partnership)\b|\bpromoted\b"
    r"|\badvertisement feature\b|\bpartner content\b|©|\(c\)|\ball rights\b",
    re.I,
)


def _reported_sentence(content: str, lowered: str, rule: str) -> bool:
    """A line that reads as a sentence of the story, not a link, a button or the site's own notice: it ends in a full
    stop (or ! ?), has six words or more, a fifth of them stop words, no label colon, and none of a link's or the
    site's wording."""
    if content[-1] not in ".!?" or content.endswith("...") or ":" in content[:25]:
        return False
    tokens = lowered.split()
    if len(tokens) < 6 or 5 * sum(1 for t in tokens if t in STOP_WORDS) < len(tokens):
        return False
    if rule == "footer" and YEAR.search(content):
        return False  # 'Copyright 2025 Example Media Ltd.'
    return _LINK_WORDING.search(content) is None


def apply_corpus_signals(line: Line, common: frozenset[str] | set[str], author_names: set[str]) -> None:
    """Apply the author box and the corpus template signal on top of the line's shape (already set)."""
    if author_names and line.length <= 60 and line.content.strip(" .") in author_names:
        line.kind, line.rule, line.score, line.ends_article, line.sentence = DROP, "author_box", BARRIER, True, False
        line.closes_header, line.shape_rule = False, line.rule
        return
    if (
        common
        and not line.ends_article
        and (line.kind != DROP or line.score > -0.5)  # a menu item is dropped anyway: no need to look it up
        and (not line.sentence or line.length < 50 or line.is_list)
        and template_key(line.text) in common
    ):
        # the site's template (seen in other files of the corpus); keeps the shape's own penalty
        line.kind, line.rule, line.score = DROP, "template_repeat", min(line.score, -0.5)


# '6 min read', '5-minute read', 'Reading time: 4 minutes', 'Estimated reading time 3 mins'
_READING_TIME = re.compile(
    r"^(?:(?:estimated )?reading time\s*:?\s*)?(?:about |approx\.? )?\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?(?:\s+(?:read|to read|reading time))?\s*$"
    r"|^\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b",
    re.I,
)




CODE_START = re.compile(
    r"^(?:import|from \S+ import|def|class|return|const|let|var|function|if|elif|else|for|while|try|except|catch|public"
    r"|private|static|void|async|await|print|echo|sudo|pip|npm|git|cd|ls|\$|>>>|#include|@\w+)\b"
)
_CODE_CHAR = re.compile(r"[=;{}()<>:_]")  # every code mark has one of these
_CODE_MARK_CHAR = re.compile(r"[=;{}()_<]")
_CODE_MARKS = re.compile(r"[=;{}]|\w\(|\)\s*:?$|\w\.\w+\(|\w_\w|</?\w+>|::|->|=>")


def code_signals(content: str, sentence: bool, n_words: int) -> int:
    """How much a line looks like program code or a shell command (keywords, calls, assignments, braces);
    0 for a sentence."""
    if len(content) > 160 or (sentence and n_words >= 6 and content[-1] == "."):
        return 0
    # every code keyword is lower case or starts with '$', '>', '#' or '@'
    first = content[0]
    keyword = (first.islower() or first in "$>#@") and CODE_START.match(content) is not None
    if not keyword and _CODE_CHAR.search(content) is None:
        return 0
    # every code mark has one of _CODE_MARK_CHAR or is '::' or '->' (a line whose only code character is a colon or
    # a '>' has none): a cheap test before the pattern that counts them
    if _CODE_MARK_CHAR.search(content) is None and "::" not in content and "->" not in content:
        return int(keyword)
    return len(_CODE_MARKS.findall(content)) + keyword


_CURRENCY = re.compile(r"[£$€]\s?\d")
_SMALL_PRICE = r"[£$€]\s?\d{1,3}(?:\.\d\d)?(?!\d|[.,]\d|\s*(?:m|bn|k|million|billion)\b)"
# a subscription or shop offer: '6 months for just £1', '12 issues for £12', 'only £4.99 a month for the first
# three months', 'Try it for £3 and cancel anytime' (a small price with a term or offer words; never '£45m over
# three years', nor 'carers get £10 a week more')
_PRICE_OFFER = re.compile(
    rf"\b\d{{1,2}} (?:months?|weeks?|issues?|years?)\b[^.!?]{{0,40}}\bfor (?:just |only )?{_SMALL_PRICE}"
    rf"|\b(?:only|just|from) {_SMALL_PRICE} (?:a|per|/) ?(?:month|week|year|mo)\b(?=.*\b(?:first|trial|then|cancel|offer|deal|subscri\w*|membership|access|save)\b)"
    rf"|{_SMALL_PRICE}.{{0,60}}\bcancel any ?time\b|\bcancel any ?time\b.{{0,60}}{_SMALL_PRICE}"
    rf"|\bwas {_SMALL_PRICE}.{{0,30}}\bnow {_SMALL_PRICE}|^(?:from|only|just|now) {_SMALL_PRICE}\W*$"
    rf"|{_SMALL_PRICE}\s?/\s?(?:month|mo|week|wk|year|yr)\b"
    rf"|{_SMALL_PRICE} off (?:your )?(?:first|next) (?:order|box|shop|purchase|delivery)\b|\bwhen you spend {_SMALL_PRICE}",
    re.I,
)
# '20% off your first box', 'Save up to 30% off': a shop's discount, not a statistic
_PERCENT_OFFER = re.compile(
    r"^(?:save|get|enjoy|take|extra|up to)\b.{0,20}\b\d{1,2}% off\b|\b\d{1,2}% off (?:all|your|everything|selected|sitewide|today|now)\b",
    re.I,
)
# social handles, hashtags and web addresses are written in camel case: not words glued by stripped link markup
_HANDLES = re.compile(r"[@#]\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|org\.uk|gov\.uk|uk|io|info)\b")
# 'This article is more than 2 years old': the site's warning on an old story
_AGE_NOTICE = re.compile(r"^this (?:article|story|page|post|content) is (?:more|over) than \d+ (?:years?|months?|weeks?|days?) old$", re.I)
# a download link: 'Annual report (PDF, 1.2MB)', 'Guidance notes PDF 245 KB'
_ATTACHMENT = re.compile(r"\b(?:pdf|docx?|xlsx?|odt|ods|csv|pptx?|rtf)\b\W{0,3}\d+(?:\.\d+)?\s?[kmg]b\b", re.I)
_CLOSING_QUOTES = frozenset("\"'”’")
# a printed page's counter: 'Page 1 of 2', 'Page 3', '- Page 2 -' (a PDF or a paginated story)
_PAGINATION = re.compile(r"^[-–—]?\s*page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*[-–—]?$", re.I)
# a link's headline followed by its date in brackets: 'Why the scheme needs a data plan (29 September 2026)'
_BRACKETED_END = re.compile(r"[^.!?:;,\s]\s*\(([^()]{6,30})\)$")
# a quoted phrase closed straight after a word at the end of a line that does not open with a quote, nothing
# ending a sentence before it and no 'said:' / 'added,' introducing it: a headline's quoted phrase, not the end
# of a sentence (which has its full stop inside or after the quote) nor a quotation of reported speech
_HEADLINE_QUOTE_END = re.compile(r"^[^.!?…\"“‘'][^.!?…]*(?<![:,]) [\"“‘'](?:[^\"“‘'”’]|(?<=\w)['’](?=\w))*[\w%)]['\"”’]$")


@lru_cache(maxsize=1 << 16)
def line_shape(content: str, is_list: bool) -> Shape:
    """Shape class of one line's text (pure, cached: a corpus repeats its template lines)."""
    shape = _shape(content, is_list)
    if shape[0] != DROP:
        return (*shape, 0)
    return (*shape, code_signals(content, shape[3], shape[6]))


def _has_digit(content: str) -> bool:
    """Whether the text has a digit (\\d); ten substring tests are cheaper than a regex scan on ASCII text."""
    if content.isascii():
        return ("0" in content or "1" in content or "2" in content or "3" in content or "4" in content or "5" in content
                or "6" in content or "7" in content or "8" in content or "9" in content)
    return DIGIT.search(content) is not None


def dated_headline(content: str) -> bool:
    """A headline ending in its date in brackets (no sentence end before the bracket): a link to another story."""
    m = _BRACKETED_END.search(content)
    return m is not None and date_line_scan(m.group(1))[0]


def _shape(content: str, is_list: bool) -> tuple[int, str, float, bool, bool, bool, int]:
    length = len(content)
    last_char = content[-1]
    sentence = last_char in SENTENCE_END_CHARS and not (last_char == "." and content.endswith("..."))
    if last_char == ")" and length <= 160 and dated_headline(content):
        sentence = False  # a related link or a publication list entry, not a sentence of the story
    elif length <= 20 and (last_char.isdigit() or last_char in "-–—") and _PAGINATION.match(content):
        return (DROP, "pagination", -1.0, False, False, False, len(content.split()))
    if sentence and last_char in _CLOSING_QUOTES and length <= 160 and _HEADLINE_QUOTE_END.search(content):
        sentence = False  # a headline ending in a quotation: "Small firms 'left behind' on support" / "... 'in work'"
    lowered = content.lower()
    lowered_tokens = lowered.split()
    n_words = len(lowered_tokens)
    # 'health and social care': lower-case letters and single spaces only (no digit; its words are its tokens)
    # (its last character a letter first: a line ending in a full stop is not; only lines up to 300 characters use it)
    letters_only = last_char.isalpha() and length <= 300 and lowered.isascii() and lowered.replace(" ", "").isalpha()
    has_digit = not letters_only and length <= 300 and _has_digit(content)  # only lines this short use it

    # the word set feeds the caption and cue tests; a long paragraph that ends as a sentence needs neither
    words_read = length <= 300 and not (sentence and length > 220)
    if words_read:
        # prefilter: a line with none of the signal words, digits or marks can only be body text, a short line or a menu item
        no_marks = (
            content[0].isalpha()
            and "©" not in content
            and "/" not in content
            # every date has a four-digit year; a price offer has a currency sign or a per cent sign
            and (not has_digit or (YEAR.search(content) is None and _CURRENCY.search(content) is None and "%" not in content))
        )
        # the words as a list first: a line without any signal word (most lines) never needs their set
        word_list = lowered_tokens if letters_only else letter_runs(lowered)
        if no_marks and _SIGNAL_WORDS.isdisjoint(word_list):
            return _plain_shape(content, length, n_words, lowered_tokens, sentence, is_list)
        # every word test below reads only words of _GATE_WORDS: their set is small, a line's word set is not
        gate_words = _GATE_WORDS.intersection(word_list)
        if no_marks and not has_digit and length <= 200 and _common_signal_words_only(lowered, gate_words):
            return _plain_shape(content, length, n_words, lowered_tokens, sentence, is_list)
    else:
        word_list, gate_words = [], _NO_WORDS
    if length <= 60 and (lowered_tokens[0].rstrip(":»›>") in _END_FIRST_WORDS or not content[0].isalpha()):
        st = content.rstrip(" :»›>")
        if _END_RE.match(st):
            return (DROP, "after_article_end", BARRIER, sentence, True, False, n_words)
        if _SOFT_END_RE.match(st):
            return (DROP, "related_list", -4.0, sentence, False, False, n_words)
    if (
        length < 400
        and n_words < 80
        and (not gate_words.isdisjoint(_BIO_ROLE_WORDS) or (length > 220 and not word_list))  # a set test before four scans
        and (" is " in content or " was " in content or " has been " in content or " joined " in content)
        and _BIO_RE.match(content)
    ):
        return (DROP, "author_bio", BARRIER, sentence, True, False, n_words)
    if length <= 90 and has_digit:
        only_date, found_dates = date_line_scan(content)  # one date search for both tests
        if only_date or (not sentence and n_words <= 10 and found_dates):
            return (DROP, "date_line", -1.0, sentence, False, True, n_words)
    if length <= 40 and has_digit and "read" in lowered and _READING_TIME.match(content):
        return (DROP, "reading_time", -1.0, sentence, False, True, n_words)
    if length <= 80 and has_digit and lowered.endswith("old") and _AGE_NOTICE.match(content):
        return (DROP, "age_notice", -1.0, sentence, False, False, n_words)
    if length <= 400 and ("ing by" in lowered or "to this" in lowered) and _CREDIT_LINE.search(content):
        return (DROP, "credit", -1.0, sentence, False, False, n_words)
    if length <= 20 and lowered.rstrip(": ") in BYLINE_LABEL_ONLY:
        return (DROP, "byline", -1.0, sentence, False, True, n_words)
    # a long sentence full of stop words is prose, whatever a name parser makes of it (tested first: it is cheaper)
    if (
        length <= 160 and not gate_words.isdisjoint(_BYLINE_GATE)
        and not (sentence and n_words > 12 and _has_stop_words(lowered_tokens, 5)) and byline_name_cached(content)
    ):
        return (DROP, "byline", -1.0, sentence, False, True, n_words)
    if length < 500 and ("©" in content or "copyright" in lowered or "reserved" in lowered) and _COPYRIGHT.search(content):
        return (DROP, "footer", -1.5, sentence, False, False, n_words)
    if length <= 300 and not (sentence and length > 200) and _is_caption(content, lowered, gate_words):
        return (DROP, "caption", -0.6, sentence, False, True, n_words)
    if 200 < length <= 400 and sentence:
        # every long-caption ending closes a bracket: ')' or ').'
        if ((last_char == ")" or content.endswith(").")) and _LONG_CAPTION_END.search(content[-140:])) or _CAPTION_LABEL.match(content):
            return (DROP, "caption", -0.6, sentence, False, True, n_words)
    if length <= 200 and has_digit and not gate_words.isdisjoint(_FILE_TYPES) and _ATTACHMENT.search(content):
        return (DROP, "attachment", -1.0, sentence, False, False, n_words)
    if "http" in lowered and length < 300:
        if URL_LABEL.search(content):
            return (DROP, "source_link", -1.0, sentence, False, False, n_words)
        if " " not in content and URL.match(content):
            return (DROP, "url_line", -1.0, sentence, False, False, n_words)
    if length <= 160 and has_digit and (
        (_CURRENCY.search(content) and _PRICE_OFFER.search(content)) or ("% off" in lowered and _PERCENT_OFFER.search(content))
    ):
        return (DROP, "promo", -1.5, sentence, False, False, n_words)
    # the chrome sentence and promotion cues read the words of any line up to 400 characters
    tokens = gate_words if words_read else _GATE_WORDS.intersection(letter_runs(lowered)) if length <= 400 else gate_words
    # has_digit is only read on lines up to 300 characters
    cue = _cue(content, lowered, length, sentence, gate_words, tokens, has_digit or length > 300, word_list)
    if cue is not None:
        heavy = cue in ("cookie_notice", "footer", "related_list", "paywall", "promo")
        return (DROP, cue, -1.5 if heavy else -0.5, sentence, False, cue in ("share_buttons", "advert"), n_words)
    return _plain_shape(content, length, n_words, lowered_tokens, sentence, is_list)


# signal words so common in prose ('on', 'you', 'is') that they only count where a pattern needs them: at the start
# of the line (the link-list, navigation and end-marker patterns are anchored there), 'is'/'was'/'has' with a
# journalist's trade (a bio), 'you' after 'if' (a promotion)
_LEADING_SIGNAL_WORDS = frozenset("on you more about up".split())
_BIO_VERBS = frozenset("is was has".split())
_SIGNAL_WORDS_ANYWHERE = _SIGNAL_WORDS - _LEADING_SIGNAL_WORDS - _BIO_VERBS
# words that send a line with only common signal words on to the full tests all the same: what a pattern opened by
# those words ('up' opens the sign-up cue) or a bio or promotion pattern needs besides them
_WITH_COMMON_SIGNAL_WORDS = (
    frozenset("if become signin".split()) | _BIO_ROLE_WORDS | _PROMO_NEEDED | _CHROME_NEEDED | _FILE_TYPES
)


# every word a test of ``_shape`` and its helpers reads from a line's word set: the line's words outside it never
# change a result, so those tests get only the line's words inside it (a few instead of a dozen or more). A new word
# test must read a word set included here.
_GATE_WORDS = (
    _SIGNAL_WORDS | _BIO_ROLE_WORDS | _BYLINE_GATE | _CAPTION_TRIGGERS | _FILE_TYPES | _PROMO_NEEDED | _CHROME_NEEDED
    | _SIGNUP_TRIGGERS | _ALL_TRIGGERS | _SIGNAL_WORDS_ANYWHERE | _WITH_COMMON_SIGNAL_WORDS
)
_NO_WORDS: frozenset[str] = frozenset()


def _has_stop_words(tokens: list[str], at_least: float) -> bool:
    """Whether ``tokens`` hold ``at_least`` distinct stop words (read only as far as the last one needed)."""
    if at_least <= 1:
        return at_least <= 0 or not STOP_WORDS.isdisjoint(tokens)
    seen: set[str] = set()
    for token in tokens:
        if token in STOP_WORDS:
            seen.add(token)
            if len(seen) >= at_least:
                return True
    return False


def _common_signal_words_only(lowered: str, words: frozenset[str]) -> bool:
    """Whether the only signal words of a short line without digits are common ones ('on', 'is', 'you') in places
    where no pattern can use them: then, like a line without any, it has its plain shape."""
    if not words.isdisjoint(_SIGNAL_WORDS_ANYWHERE) or not words.isdisjoint(_WITH_COMMON_SIGNAL_WORDS):
        return False
    first = _ALPHA.match(lowered)
    return first is None or first.group() not in _LEADING_SIGNAL_WORDS


def _plain_shape(
    content: str, length: int, n_words: int, lowered_tokens: list[str], sentence: bool, is_list: bool
) -> tuple[int, str, float, bool, bool, bool, int]:
    """Shape of a line that no cue claimed: list item, body paragraph, short sentence or a non-sentence line."""
    if is_list:
        if sentence and length >= 40 and n_words >= 6:
            return (LIST_SENTENCE, "list_item", 0.3 + min(length, 300) / 100, sentence, False, False, n_words)
        return (DROP, "menu_item", -1.0, sentence, False, False, n_words)
    if length < 200 and (content.endswith("...") or content.endswith("…")):
        return (DROP, "related_list", -1.0, sentence, False, False, n_words)
    if length >= 60 and n_words >= 8 and (sentence or (length >= 150 and INNER_SENTENCE_BREAK.search(content))):
        if length < 200:
            if not _has_stop_words(lowered_tokens, 0.06 * n_words):
                return (DROP, "low_stopwords", -0.5, sentence, False, False, n_words)
        if not sentence and len(GLUED_WORDS.findall(content)) >= 2 and len(GLUED_WORDS.findall(_HANDLES.sub(" ", content))) >= 2:
            return (DROP, "glued_links", -0.5, sentence, False, False, n_words)
        return (PARAGRAPH, "", 1.0 + min(length, 400) / 50, sentence, False, False, n_words)
    if not sentence and n_words >= 2 and content[1] == ":" and content[0] in "AQ":
        return (SHORT_SENTENCE, "", 0.3, sentence, False, False, n_words)  # an interview's 'Q: ...' / 'A: ...' without a full stop
    if sentence and n_words >= 3 and length >= 12:
        first_char = content[0]
        if first_char.isupper() or first_char.isdigit() or first_char in "“\"‘'(£$€[":
            return (SHORT_SENTENCE, "", 0.3, sentence, False, False, n_words)
    if length >= 60:
        return (DROP, "no_sentence_end", -0.5, sentence, False, False, n_words)
    return (DROP, "short_non_sentence", -0.7, sentence, False, False, n_words)


def title_like(line: Line) -> bool:
    content = line.content
    return (
        not line.is_list
        and 3 <= line.n_words <= 30
        and 12 <= line.length <= 220
        and not content.endswith(":")
        and line.rule not in ("date_line", "byline", "caption", "menu_item", "url_line", "source_link", "after_article_end")
        and len(GLUED_WORDS.findall(content)) < 2
    )


def is_menu_row(content: str) -> bool:
    """Menu items printed on one line: 'News    Sport    Business', 'Home | News | Contact'."""
    return content.count("   ") >= 2 or content.count(" | ") >= 2 or content.count(" · ") >= 2
