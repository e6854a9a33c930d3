"""Number parsing shared by ``money`` and ``counts``: the one place that reads numbers.

- digits, with thousands separators and decimals: ``5,667,000``, ``2.8``;
- multipliers after digits or words: ``k``/``thousand``, ``m``/``mn``/``million``,
  ``bn``/``b``/``billion``, ``tn``/``trillion`` (``2.8 million`` -> 2800000, ``45m`` -> 45000000);
- number words: ``three``, ``twenty-five``, ``half a`` (``half a million`` -> 500000),
  ``a quarter of a``, ``a`` / ``an`` (``a million``); fractions of a multiplier (``a third of a
  million`` -> 333333, ``two-thirds of a billion``, ``three quarters of a million``: rounded to a
  whole unit) and mixed numbers (``one and a half million`` -> 1500000);
- qualifier phrases before a number: ``up to`` -> ``up_to``, ``more than`` -> ``more_than``,
  ``around`` -> ``about`` (``QUALIFIER_WORDS``, ``qualifier_of``);
- ranges whose multiplier is written once: ``1-2 million`` is 1000000 and 2000000
  (``range_low``).

Regex fragments (``NUM``, ``MULT``, ``WORD_NUMBER``) are exported so the extractors build their
patterns from the same pieces; values are ``Decimal`` so ``2.8 million`` is exactly 2800000.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = [
    "NUM", "MULT", "WORD_NUMBER", "WORD_NUMBER_WITH_HUNDREDS", "NUMBER_WORDS", "MULTIPLIERS", "QUALIFIER_WORDS",
    "alternation", "parse_number", "parse", "qualifier_of", "range_low", "to_decimal",
]

#: qualifier phrase (lower case, single spaces) -> qualifier value
QUALIFIER_WORDS: dict[str, str] = {
    **dict.fromkeys(["up to", "as much as", "as many as", "a maximum of", "maximum of", "less than",
                     "fewer than", "under", "below", "no more than", "not more than", "capped at", "a maximum",
                     "maximum", "up to a maximum of", "a ceiling of", "limited to", "a limit of",
                     "up to a limit of", "a cap of", "up to a cap of", "not exceeding", "not to exceed", "at most",
                     "no higher than", "no greater than", "not above"], "up_to"),
    **dict.fromkeys(["more than", "over", "in excess of", "at least", "upwards of", "above",
                     "just over", "well over", "a minimum of", "no less than", "no fewer than",
                     "exceed", "exceeds", "exceeded", "exceeding", "upward of", "north of", "a little over",
                     "slightly over", "slightly more than", "a little more than", "well in excess of",
                     "comfortably over", "more than double", "fractionally over", "marginally over"],
                    "more_than"),
    **dict.fromkeys(["around", "about", "almost", "nearly", "some", "approximately", "approx.", "approx",
                     "roughly", "an estimated", "estimated", "close to", "just under", "circa",
                     "c.", "getting on for", "the best part of", "an approximate", "approaching", "~",
                     "in the region of", "in the order of", "of the order of", "close on", "just shy of",
                     "roughly about", "an estimated total of", "a little under", "slightly under",
                     "slightly less than", "a little less than", "just below", "just short of", "nigh on",
                     "something like", "more or less", "give or take", "fractionally under", "fractionally below",
                     "marginally under", "marginally less than"],
                    "about"),
}

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
          "fifteen sixteen seventeen eighteen nineteen").split()
#: fractions read before "of a" + multiplier: denominator -> (one part, several parts)
_FRACTIONS = {3: ("third", "thirds"), 4: ("quarter", "quarters"), 5: ("fifth", "fifths"), 10: ("tenth", "tenths")}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}


def _number_words() -> dict[str, Decimal]:
    words: dict[str, Decimal] = {w: Decimal(i) for i, w in enumerate(_UNITS)}
    for tens, value in _TENS.items():
        words[tens] = Decimal(value)
        for i in range(1, 10):
            words[f"{tens}-{_UNITS[i]}"] = Decimal(value + i)
    words |= {"a": Decimal(1), "an": Decimal(1), "half a": Decimal("0.5"), "a half": Decimal("0.5"),
              "quarter of a": Decimal("0.25"), "a hundred": Decimal(100), "one hundred": Decimal(100),
              "a dozen": Decimal(12)}
    # fractions of a multiplier: "a third of a million", "two-thirds of a billion", "three quarters of a"
    for denominator, (single, plural) in _FRACTIONS.items():
        for numerator in range(1, denominator):
            if numerator == 1:
                spoken = ["a " + single, "one " + single, "one-" + single]
            else:
                spoken = [f"{_UNITS[numerator]} {plural}", f"{_UNITS[numerator]}-{plural}"]
            for phrase in spoken:
                words[phrase + " of a"] = Decimal(numerator) / Decimal(denominator)
    # a whole number and a half or a quarter: "one and a half million", "two and a quarter billion"
    for whole in range(1, 13):
        for part, value in (("a half", Decimal("0.5")), ("a quarter", Decimal("0.25"))):
            words[f"{_UNITS[whole]} and {part}"] = whole + value
    return words


#: number words (lower case) -> value: "three" 3, "twenty-five" 25, "half a" 0.5 ("half a million")
NUMBER_WORDS: dict[str, Decimal] = _number_words()

#: multiplier word or suffix (lower case) -> factor
MULTIPLIERS: dict[str, Decimal] = {
    "k": Decimal(10) ** 3, "thousand": Decimal(10) ** 3,
    "m": Decimal(10) ** 6, "mn": Decimal(10) ** 6, "mln": Decimal(10) ** 6, "mil": Decimal(10) ** 6, "million": Decimal(10) ** 6,
    "b": Decimal(10) ** 9, "bn": Decimal(10) ** 9, "billion": Decimal(10) ** 9,
    "tn": Decimal(10) ** 12, "trillion": Decimal(10) ** 12,
}


def alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(r"\s+".join(re.escape(p) for p in w.split())
                    for w in sorted(phrases, key=len, reverse=True))


#: digits: "5,667,000", "2.8", "45"
NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: a multiplier after a number: long words may follow a space or hyphen ("$1.1-billion"), short
#: forms a space or nothing ("£45m", "£2.5 bn"); never followed by a letter ("£5 more" is not a
#: multiplier); never across a line break
MULT = r"(?:[ \u00a0-]?(?:trillion|billion|million|thousand)|[ \u00a0]?(?:bn|mn|mln|mil|tn)|(?:m|b|k))(?![A-Za-z])"
#: a number written in words ("three", "half a", "twenty-five")
WORD_NUMBER = alternation(NUMBER_WORDS)
#: hundreds written in words: "nine hundred", "one hundred and fifty", "a hundred and twenty-five"
# the whole numbers 1-99 in words ("five", "twenty-five"), what may follow "hundred and"
_WORDS_BELOW_HUNDRED = [w for w, v in NUMBER_WORDS.items() if v == v.to_integral_value() and 1 <= v < 100 and w not in ("a", "an")]
_HUNDREDS = re.compile(
    rf"(?P<hundreds>{alternation([*_UNITS[1:10], 'a'])})\s+hundred(?:\s+and\s+(?P<rest>{alternation(_WORDS_BELOW_HUNDRED)}))?",
    re.IGNORECASE)
#: a number in words, hundreds included ("one hundred and fifty" before "thousand pounds")
WORD_NUMBER_WITH_HUNDREDS = rf"(?:{_HUNDREDS.pattern})|{WORD_NUMBER}"

_PHRASE = re.compile(rf"\s*(?:(?P<num>{NUM})|(?P<word>{WORD_NUMBER}))(?P<mult>{MULT})?\s*", re.IGNORECASE)


def to_decimal(num: str) -> Decimal:
    """``"5,667,000"`` -> Decimal('5667000')."""
    return Decimal(num.replace(",", ""))


def _word_value(word: str) -> Decimal:
    """Value of a number in words: ``"twenty-five"`` 25, ``"one hundred and fifty"`` 150 (KeyError
    when ``word`` is not one)."""
    key = " ".join(word.lower().split())
    if key in NUMBER_WORDS:
        return NUMBER_WORDS[key]
    m = _HUNDREDS.fullmatch(key)
    if m is None:
        raise KeyError(word)
    rest = NUMBER_WORDS[m.group("rest")] if m.group("rest") else Decimal(0)
    return NUMBER_WORDS[m.group("hundreds")] * 100 + rest


def parse_number(num: str | None = None, mult: str | None = None, word: str | None = None) -> Decimal | None:
    """Value of a number read as its parts: digits ``num`` or a number ``word``, and a multiplier.

    ``("2.5", "bn")`` -> 2500000000; ``word="half a", mult=" million"`` -> 500000; None when
    the parts are not a number.
    """
    try:
        if word is not None:
            value = _word_value(word)
        elif num is not None:
            value = to_decimal(num)
        else:
            return None
    except (KeyError, InvalidOperation):
        return None
    if mult:
        factor = MULTIPLIERS.get(mult.strip(" \u00a0\t-").lower())
        if factor is None:
            return None
        value *= factor
        if word is not None:
            # a fraction of a multiplier is a whole number of units: "a third of a million" -> 333333
            value = value.to_integral_value(ROUND_HALF_UP)
    return value


def parse(text: str) -> Decimal | None:
    """Value of a whole number phrase: ``"2.8 million"`` -> 2800000, ``"half a million"`` ->
    500000, ``"45m"`` -> 45000000, ``"three"`` -> 3; None when ``text`` is not just a number."""
    m = _PHRASE.fullmatch(text)
    if not m:
        return None
    return parse_number(m.group("num"), m.group("mult"), m.group("word"))


def qualifier_of(phrase: str | None) -> str:
    """Qualifier value of a qualifier phrase (``"Up to"`` -> ``"up_to"``); ``"exact"`` when none."""
    if not phrase:
        return "exact"
    return QUALIFIER_WORDS.get(" ".join(phrase.lower().split()), "exact")


def range_low(low_num: str, low_mult: str | None, high_num: str, high_mult: str | None) -> Decimal | None:
    """Low end of a range whose multiplier may be written only on the high end.

    ``1-2 million``: the low end ``1`` shares ``million`` (1000000) because it is smaller than
    the high number; ``900-2 million`` does not (900): the low end is read as written.
    """
    if not low_mult and high_mult and to_decimal(low_num) < to_decimal(high_num):
        return parse_number(low_num, high_mult)
    return parse_number(low_num, low_mult)
