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
    """All entity rows of one article body, keyed by table name (see ``TABLES``).

    The one place where extractors meet: programmes, organisations, people and places are each
    computed once, in dependency order, and handed explicitly to the extractors that read them:
    organisations skip programme names; people skip organisation and programme names; places skip
    names inside organisations, people and programmes; quotes attribute to the people found; money
    ties amounts to the programmes named.
    """
    progs = programmes.extract(body)
    orgs = organisations.extract(body, programme_mentions=progs)
    persons = people.extract(body, organisation_mentions=orgs, programme_mentions=progs)
    place_rows = places.extract(body, organisation_mentions=orgs, person_mentions=persons, programme_mentions=progs)
    return {
        "funding": money.extract(body, programme_mentions=progs, place_mentions=place_rows),
        "person_mentions": persons,
        "quotes": quotes.extract(body, person_mentions=persons),
        "organisation_mentions": orgs,
        "place_mentions": place_rows,
        "programme_mentions": progs,
        "people_counts": counts.extract(body),
    }
