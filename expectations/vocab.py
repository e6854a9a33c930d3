"""The contract's vocabularies and formats (../shared/CONTRACT.md), as the checks enforce them."""
from __future__ import annotations

import datetime as dt

#: ISO 4217 codes of currencies an article may state (the active codes of the world's main currencies)
ISO_CURRENCIES: frozenset[str] = frozenset(
    """GBP USD EUR JPY CHF CAD AUD NZD SEK NOK DKK ISK PLN CZK HUF RON BGN TRY RUB UAH CNY HKD TWD SGD
    INR PKR BDT LKR KRW THB MYR IDR PHP VND ZAR NGN KES GHS EGP MAD AED SAR QAR KWD ILS BRL MXN ARS CLP
    COP PEN""".split()
)
QUALIFIERS: frozenset[str] = frozenset({"exact", "up_to", "more_than", "about"})
FUNDING_KINDS: frozenset[str] = frozenset({"funding", "cost", "fine", "other"})
PLACE_TYPES: frozenset[str] = frozenset({"country", "region", "icb", "sub_icb", "combined_authority", "local_authority", "other"})
RAW_STATUSES: frozenset[str] = frozenset({"article", "quarantined", "duplicate"})

SHA256_RE = r"^[0-9a-f]{64}$"
#: ONS GSS code: a nation/area letter and eight digits (E92000001, S12000033, K02000001)
ONS_CODE_RE = r"^[EKLMNSW][0-9]{8}$"
#: an absolute http(s) URL with a host name
URL_RE = r"^https?://[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::[0-9]{1,5})?(?:[/?#][^\s]*)?$"
_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_WORD = rf"[{_UP}][{_LOW}'’]*(?:[{_UP}'’][{_LOW}]+)*"  # Kendall, O’Neill, McDonald; not NHS
_TOKEN = rf"(?:{_WORD}(?:-{_WORD})*|[{_UP}]\.)"
_PARTICLE = r"(?:de|van|von|der|den|la|le|da|di|du|bin|al|el|ap|ter)"
#: a person's full name: two or more capitalised words (initials and particles like "van" allowed)
PERSON_NAME_RE = rf"^{_TOKEN}(?:\s(?:{_PARTICLE}\s)*{_TOKEN})+$"

EARLIEST_DATE = dt.date(1990, 1, 1)  # no article of this corpus predates it


def latest_date() -> dt.date:
    """Tomorrow (UTC): a publication date after it is a parsing error."""
    return dt.datetime.now(dt.timezone.utc).date() + dt.timedelta(days=1)
