"""What cleaning returns: the article's body and metadata, and a reason for every dropped line."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
