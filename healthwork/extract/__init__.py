"""Body text -> entity rows, one module per entity kind.

Every extractor is a pure function ``extract(body: str, ...) -> list[dict]`` whose rows carry
``span_start`` / ``span_end`` (0-based, end exclusive, offsets into ``body``) and ``text``
(``body[span_start:span_end]``), so every row can be traced to the words it came from.

Tables (column names follow ../shared/CONTRACT.md; extra columns are allowed):

- funding:               amount, currency, qualifier, period_years, per_year, programme, kind, raw_text,
                         place, share_of_amount
- person_mentions:       name, role, organisation
- quotes:                speaker, text (the quotation, without the quote marks)
- organisation_mentions: name (canonical), acronym
- place_mentions:        name (canonical), ons_code, place_type
- programme_mentions:    programme (canonical)
- people_counts:         value, qualifier, raw_text, what
"""
from __future__ import annotations

from typing import Any

from healthwork.extract import counts, money, organisations, people, places, programmes, quotes

Row = dict[str, Any]

TABLES: tuple[str, ...] = (
    "funding",
    "person_mentions",
    "quotes",
    "organisation_mentions",
    "place_mentions",
    "programme_mentions",
    "people_counts",
)


def extract_entities(body: str) -> dict[str, list[Row]]:
    """All entity rows of one article body, keyed by table name (see ``TABLES``)."""
    progs = programmes.extract(body)
    persons = people.extract(body)
    place_rows = places.extract(body)
    return {
        "funding": money.extract(body, programme_mentions=progs, place_mentions=place_rows),
        "person_mentions": persons,
        "quotes": quotes.extract(body, people=persons),
        "organisation_mentions": organisations.extract(body),
        "place_mentions": place_rows,
        "programme_mentions": progs,
        "people_counts": counts.extract(body),
    }
