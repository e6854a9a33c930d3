"""Bounds on the work one input file can cause, so a single pathological file cannot stall a run.

Two bounds, both on *size* (a time limit would make the output depend on the machine's speed,
and two runs on the same input must give the same warehouse):

- ``HEALTHWORK_MAX_FILE_BYTES`` (``healthwork.config``, default 5 MB): a larger input file is
  hashed by streaming but never decoded; it is quarantined as ``too_large``.
- ``MAX_ARTICLE_CHARS`` (below): the decoded text handed to cleaning (and so the body handed to
  entity extraction) is cut at the last line break before this many characters. The article is
  still processed (it is not quarantined: ``dq.quarantine`` lists only files set aside), from its
  first ``MAX_ARTICLE_CHARS`` characters; ``raw.files.truncated`` is true for it and the raw
  stage logs a warning. ``raw.files.text`` keeps the whole text. Real news articles are under
  ~60,000 characters; cleaning plus extraction of 200,000 characters takes about 1-2 s.

The regular expressions of cleaning and extraction are also checked against catastrophic
backtracking by ``tests/test_bad_input.py`` (pathological lines must be processed quickly).
"""
from __future__ import annotations

MAX_ARTICLE_CHARS = 200_000


def cap_text(text: str, limit: int = MAX_ARTICLE_CHARS) -> str:
    """``text`` cut to at most ``limit`` characters, at the last line break when there is one
    (line numbers of the kept part are unchanged)."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit + 1)
    return text[:cut] if cut > 0 else text[:limit]


def is_capped(text: str | None, limit: int = MAX_ARTICLE_CHARS) -> bool:
    """``cap_text`` would cut this text."""
    return text is not None and len(text) > limit
