"""Small text patterns shared by the cleaning modules (sentence ends, digits, list markers, stop words)."""
from __future__ import annotations

import re

YEAR = re.compile(r"(?:19|20)\d\d")  # a four-digit year: one of the line-shape prefilter's signs of a date

STOP_WORDS = frozenset(
    """a an the and or but if of to in on at for with by from as into about over after before under
    between through during without within than then so that this these those there their they them
    he she it its we our you your his her i me my is are was were be been being has have had do
    does did will would can could should may might must not no also which who whom whose what when
    where while how all any some more most other such said says say up out new one two""".split()
)

# bullets: dots and dashes, and the arrows, ticks and emoji that social posts and newsletters use as bullets
# ('➡️ fast-track physio', '✔ free advice', '👉 apply online'), each perhaps with its emoji variation selector
_ARROW_AND_TICK_BULLETS = "\u27a1\u2192\u25ba\u25b6\u27a4\u27a2\u2714\u2713\u2705\u2611\u25c6\u25a0\U0001f449\U0001f539\U0001f538"
LIST_MARK = re.compile(
    r"^(?:(?:[\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6*\-–]|[" + _ARROW_AND_TICK_BULLETS + r"]\ufe0f?(?=\s))"
    r"|\d{1,3}[.)](?=\s)|[a-z][.)](?=\s))\s*"
)
# a plain bullet is a list mark whatever follows it; an arrow, tick or emoji bullet only before whitespace
PLAIN_BULLET_CHARS = frozenset("\u2022\u00b7\u25aa\u25cf\u2023\u2043\u25e6*-–")
LIST_MARK_CHARS = PLAIN_BULLET_CHARS | frozenset(_ARROW_AND_TICK_BULLETS)
SENTENCE_END_CHARS = frozenset('.!?"”’\'):;')
INNER_SENTENCE_BREAK = re.compile(r"[a-z0-9%)”\"’][.!?][\"”’]?\s+[A-Z“\"‘(]")
DIGIT = re.compile(r"\d")
GLUED_WORDS = re.compile(r"[a-z][A-Z][a-z]")
URL = re.compile(r"https?://[^\s<>\"')]+", re.IGNORECASE)

def looks_sentence(s: str) -> bool:
    return s[-1] in SENTENCE_END_CHARS and not s.endswith("...") and not s.endswith("…")
