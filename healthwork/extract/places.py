"""UK places named in an article body, with ONS (GSS) codes from ``reference/places.csv``.

One row per mention: ``{name, ons_code, place_type, text, span_start, span_end}``; ``name`` is the
place as usually written (guidelines): the reference row's name, or the short form the article
uses when it is a different name of the same area ("Hull" for Kingston upon Hull, "Anglesey",
"Newcastle", "Hampshire and the Isle of Wight"; a mere spelling variant such as "North-East" or
"Yorkshire & the Humber" gives the reference name); ``ons_code`` (None when the table has no code)
and ``place_type`` (country/region/icb/combined_authority/local_authority/other) are the row's.

Conventions (those of the gold annotations):

- the four nations, English regions, ICB areas, combined authorities and local authorities count;
  "UK", "Britain" and "Great Britain" do not (they are not in the table);
- a place name inside a larger proper name is not a place mention: ``NHS England``,
  ``Manchester University NHS Foundation Trust``, ``Lancashire County Council``, ``NHS South Yorkshire
  Integrated Care Board``, ``Tees Valley Combined Authority`` (organisations: the organisation rows of
  the same body mask their spans), ``Trafford Elective Surgery Hub``, ``Care Forum Wales``; nor a name
  that belongs to a person (``Kate Preston``, and ``Preston`` alone once she is named);
- ICB areas and combined authorities stay whole: ``Lancashire and South Cumbria``, ``Liverpool City
  Region`` (the longest name wins);
- a place the table does not list counts when named as one: a single capitalised word before
  "area", "borough", "district", "ward", "town centre" or "city centre" ("the Shildon area", "the
  Ancoats ward"), or after "the town/city/village/borough of" ("the market town of Wexcombe"); not
  after another capitalised word ("the Connect to Work area") nor a generic word or a party's name
  ("the Local area", "the Labour ward"), nor after "a"/"an" ("a Trump district": a kind of district),
  nor a place outside the UK (``reference/non_uk_places.csv``: "the Houston area"), named as written, no code;
- matching is case-sensitive ("the north east of the city" is not the North East region), except
  an English region written in lower case before a clause break ("inactivity is highest in the
  north-east.");
- a place right before a programme's name or a person's name is a mention ("the South Yorkshire
  Connect to Work scheme"); so is one in "Greater Manchester-wide", "pan-London";
- listed names match in their usual other spellings: "King’s Lynn", "St. Helens", "Tyne & Wear",
  "Co Durham", "Mid-Wales" (and "mid-Wales"), "Ynys Mon" (accents dropped); a county's postal short form
  (``reference/county_abbreviations.csv``: "Bucks", "N Yorks") gives the county's name;
- "North and South Tyneside" names North Tyneside too (its span the whole phrase); each single word of a
  list before "areas", "wards" or "districts" after "the" ("the Ladywood and Nechells wards") is a place
  as written, no code; a subheading in capitals is read in title case;
- names that are also common words or surnames (column ``ambiguous`` of places.csv: ``Reading``,
  ``Bury``) do not count when they open a sentence, unless the list they open goes on with two more
  places or one and a plural noun of areas ("Bolton and Bury councils");
- a place in a peer's title is not a mention ("Baroness Smith of Malvern"); a lower-case English
  region ("the north-west") counts only when the places found name England or no other nation;
- a parliamentary constituency after a member's title is a place as written (``the Labour MP for
  Leeds East`` -> ``Leeds East``, no ONS code) unless the table knows the name;
- one surface form naming several areas resolves by priority country > region > local_authority
  (a county) > combined_authority > icb > other ("South Yorkshire" -> the combined authority
  E47000002, "Lancashire" -> the county E10000017).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from healthwork.extract import organisations
from healthwork.extract.text import Covering, find_all
from healthwork.reference import load_csv

Row = dict[str, Any]

_PRIORITY = {"country": 0, "region": 1, "local_authority": 2, "combined_authority": 3, "icb": 4, "sub_icb": 5, "other": 6}

_PREV_WORD_RE = re.compile(r"([A-Za-z][A-Za-z0-9'’-]*) $")
_NEXT_WORD_RE = re.compile(r" ([A-Z][A-Za-z0-9'’-]*)")

# Capitalised words that may follow a place without making it part of a larger name.
_FOLLOW_OK = frozenset(
    {"Mayor", "MP", "MPs", "Metro", "I", "And", "In", "The", "On", "At", "For", "From", "To", "But",
     "NHS", "GP", "GPs",  # "Sheffield NHS staff", "Leeds GP practices" (an NHS body's name is an organisation row)
     "Jobcentre", "Jobcentres"}  # "the Bradford Jobcentre Plus office": a local branch of Jobcentre Plus, in that place
)
# capitalised adjectives that may open a sentence before a place without being part of its name
_OPENING_ADJECTIVES = frozenset("Rural Coastal Urban Suburban Post-industrial Deprived Industrial Historic".split())


@dataclass(frozen=True)
class _Place:
    surface: str
    name: str
    ons_code: str | None
    place_type: str
    ambiguous: bool  # also a common word or surname: not at a sentence start
    needs_context: bool = False  # a small town's one-word name: only where written as a place ("in Lydney")
    list_only: bool = False  # a town with a better-known namesake abroad: only when listed with a UK place
    report_name: bool = False  # a short form ("Bucks"): the mention reports the place's name ("Buckinghamshire")


@cache
def _regex() -> tuple[re.Pattern[str], dict[str, _Place]]:
    """One trie regex of every surface form (the longest wins), and the place each one names."""
    by_surface = _surfaces()
    # "Sheffield-based", "Leeds-born" name the place; "Stoke-on-Trent"-style compounds do not end early
    rx = re.compile("(?:" + organisations.trie_regex(set(by_surface))
                    + r")(?![A-Za-z0-9_]|-(?!(?:based|born|headquartered|registered|wide|led)\b)[A-Za-z])")
    return rx, by_surface


@cache
def _surfaces() -> dict[str, _Place]:
    """Every name and alias of places.csv, sub_icb_locations.csv, uk_towns.csv and gb_towns.csv -> its place; a
    form naming several areas goes to the first by type priority (country > region > local_authority >
    combined_authority > icb > sub_icb > other; then the sub-ICB locations, then the towns)."""
    rows = sorted(load_csv("places"), key=lambda r: _PRIORITY.get(r.get("place_type", "other"), 9))
    # sub-ICB locations (E38) after every area of places.csv: "Sheffield" stays the district, "Vale of York" is the
    # location; names that are a list of listed places ("Fylde and Wyre") are not matched (column match)
    rows += [{"name": r["name"], "ons_code": r["ons_code"], "place_type": "sub_icb", "aliases": "", "ambiguous": ""}
             for r in load_csv("sub_icb_locations") if r.get("match", "").lower() != "no"]
    # towns of uk_towns.csv (GeoNames; ons_code = the district the town lies in, when known) come last: a name
    # places.csv knows keeps its row
    rows += _town_rows("uk_towns", small=False)
    # then the smaller towns of gb_towns.csv (OS Open Names), one-word names only where written as a place
    rows += _town_rows("gb_towns", small=True)
    claimed: dict[str, _Place] = {}
    for r in rows:
        name, code, ptype = r["name"], (r.get("ons_code") or None), r.get("place_type") or "other"
        ambiguous = r.get("ambiguous", "").lower() == "yes"
        small_town = "needs_context" in r  # a row of gb_towns.csv
        list_only = r.get("needs_context", "").lower() == "list"
        for written in [name, *(a for a in r.get("aliases", "").split("|") if a)]:
            # a small town's one-word forms need a place's context; its short form ("Hetton" for Hetton-le-Hole)
            # may be a surname, its Welsh form ("Aberteifi" for Cardigan) is not a word
            one_word = small_town and " " not in written and "-" not in written
            # (so a small town's alias is ambiguous only when it is the name's short form; other forms take the row's flag)
            form_ambiguous = name.startswith((written + "-", written + " ")) if small_town and written != name else ambiguous
            for s in _spelling_variants(written):
                if s not in claimed:
                    claimed[s] = _Place(s, name, code, ptype, form_ambiguous, one_word or list_only, list_only)
    for r in load_csv("county_abbreviations"):
        county = claimed.get(r["name"])
        if county is not None and r["abbreviation"] not in claimed:
            claimed[r["abbreviation"]] = _Place(r["abbreviation"], county.name, county.ons_code, county.place_type,
                                                r.get("ambiguous", "").lower() == "yes", report_name=True)
    return claimed


def _town_rows(table: str, small: bool) -> list[dict[str, str]]:
    """The rows of a towns CSV in places.csv's shape (type other); a small town's row also carries its
    ``needs_context`` (which marks it as a small town below)."""
    rows = []
    for r in load_csv(table):
        row = {"name": r["name"], "ons_code": r.get("ons_code", ""), "place_type": "other",
               "aliases": r.get("aliases", ""), "ambiguous": r.get("ambiguous", "")}
        if small:
            row["needs_context"] = r.get("needs_context", "")
        rows.append(row)
    return rows


# a peer's title and name before " of <place>" (the place is part of the title)
_PEER_BEFORE_RE = re.compile(r"(?<![\w-])(?:Lord|Baroness|Baron|Lady|Viscount|Earl) [A-Z][\w'’-]+$")
_SPANNING_PREFIX_RE = re.compile(r"(?<![\w-])(?:pan|all|cross|Pan|All|Cross)-$")
_LOWER_DIRECTION_RE = re.compile(r"(?<![\w-])(north|south|east|west|mid|north[- ]east|north[- ]west|south[- ]east|south[- ]west)[ -]$")

_COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Mid"})

_LINK_WORDS_RE = re.compile(r"([ -])(upon|on|under|in|le|by|super)([ -])")


def _spelling_variants(name: str) -> list[str]:
    """A name and its other usual spellings: "Newcastle upon Tyne" / "Newcastle-upon-Tyne",
    "Stoke-on-Trent" / "Stoke on Trent", "King's Lynn" / "King’s Lynn", "St Helens" / "St. Helens",
    "Tyne and Wear" / "Tyne & Wear"."""
    forms = [name]
    if _LINK_WORDS_RE.search(name):
        forms += [_LINK_WORDS_RE.sub(lambda m: f"-{m.group(2)}-", name),
                  _LINK_WORDS_RE.sub(lambda m: f" {m.group(2)} ", name)]
    if " and " in name:
        forms += [f.replace(" and ", " & ") for f in forms]
    if name.startswith("St "):
        forms += ["St. " + f[3:] for f in forms]
    if name.startswith("County "):  # "Co Durham", "Co. Antrim"
        forms += [p + f[7:] for f in forms for p in ("Co ", "Co. ")]
    first, _, rest = name.partition(" ")
    if first in _COMPASS_WORDS and rest[:1].isupper():  # "Mid-Wales", "North-East Lincolnshire"
        forms += [f"{first}-{rest}"]
    if "'" in name:
        forms += [f.replace("'", "’") for f in forms]
    if not name.isascii():  # "Ynys Mon" for "Ynys Môn", "Bro Morgannwg" stays: accents are often dropped
        forms += [_without_accents(f) for f in forms]
    return list(dict.fromkeys(forms))


def _without_accents(text: str) -> str:
    """"Ynys Môn" -> "Ynys Mon": letters with their diacritics dropped."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# a compass point or area word before a place names a part of it: "West Cumbria", "Inner London"
_AREA_PART_WORDS = frozenset("North South East West Northern Southern Eastern Western Mid Central Inner Outer".split())


def _area_part(body: str, start: int, end: int, org_spans: list[tuple[int, int]],
               person_starts: frozenset[int]) -> tuple[int, int, _Place] | None:
    """("West Cumbria" as a place) when the word glued before a place is a compass or area word that
    is not itself part of a longer name, and nothing capitalised follows; None otherwise."""
    m = _PREV_WORD_RE.search(body, max(0, start - 12), start)
    if not m or m.end() != start or m.group(1) not in _AREA_PART_WORDS:
        return None
    s = m.start(1)
    before = _PREV_WORD_RE.search(body, max(0, s - 30), s)
    if before and before.end() == s and before.group(1)[0].isupper() and before.group(1) not in organisations.STOP_CAPS:
        return None  # "NHS West Yorkshire", "Royal North Devon ..."
    nm = _NEXT_WORD_RE.match(body, end)
    if nm and nm.group(1) not in _FOLLOW_OK and nm.group(1) not in organisations.STOP_CAPS \
            and nm.start(1) not in person_starts:
        return None
    if any(os <= s < oe for os, oe in org_spans):
        return None
    name = body[s:end]
    return s, end, _Place(name, name, None, "other", False)


def _part_of_larger_name(body: str, start: int, end: int, person_starts: frozenset[int] = frozenset()) -> bool:
    """True when the match is glued to other capitalised words: "NHS England", "Trafford ... Hub"
    (a person's or programme's name right after does not count: "Mayor of Greater Manchester Andy
    Burnham", "the Black Country WorkWell service"; ``person_starts`` holds where such names start)."""
    m = _PREV_WORD_RE.search(body, max(0, start - 40), start)
    if m and m.end() == start:
        w = m.group(1)
        opener_verb = w.endswith("ing") and w[1:].islower() and _opens_sentence(body, m.start(1))
        # a compound adjective ending in a lower-case word is no name: "Labour-run Sheffield", "Inner-city Leeds"
        adjective = "-" in w and w.rsplit("-", 1)[1].islower()
        if w[0].isupper() and (w not in organisations.STOP_CAPS or w == "New") and not opener_verb \
                and w not in _OPENING_ADJECTIVES and not adjective:
            return True  # "NHS England", "Care Forum Wales" (but not "Visiting Leeds, ...")
    m = _NEXT_WORD_RE.match(body, end)
    if m and m.group(1) not in _FOLLOW_OK and m.group(1) not in organisations.STOP_CAPS \
            and m.start(1) not in person_starts:
        return True
    return False


# what may come right before a sentence's first word: a full stop, a colon, an opening quote, a new
# line, or a list bullet at the start of a line (a dash mid-sentence is not an opener: "boroughs - Halton")
_SENTENCE_OPEN_RE = re.compile(r"(?:^|\n|[.!?:;“”\"‘(]|(?:^|\n)[ \t]*[•*–-])[ \t]*$")


# what ends an item of a table or a list: a tab, or a colon or dash before an amount or a number
_ITEM_END_RE = re.compile(r"\t|[ ]?[:–—-] ?[£$€\d]")


def _table_item(body: str, end: int) -> bool:
    """True when a name ends an item of a table or list ("Angus<tab>£1,340,000", "Highland: £3.2m",
    "Moray - 980 places"): not the opening word of a sentence, a place named as such."""
    return bool(_ITEM_END_RE.match(body, end))


def _opens_sentence(body: str, start: int) -> bool:
    return bool(_SENTENCE_OPEN_RE.search(body, max(0, start - 6), start))


def _person_tokens(person_mentions: list[Row]) -> frozenset[str]:
    """Every word of every person's name ("Kate Preston" -> Kate, Preston)."""
    return frozenset(w for r in person_mentions for w in str(r["name"]).split())


# a line in capitals ("JOBS FAIRS IN LANCASHIRE AND CUMBRIA"): two words or more, no lower-case letter
_CAPITALS_LINE_RE = re.compile(r"^(?=[^a-z\n]*[A-Z]{2}[^a-z\n]* [^a-z\n]*[A-Z]{2})[^a-z\n]+$", re.MULTILINE)


def _capitals_lines_titled(work: str) -> str:
    """``work`` with its lines in capitals written in title case ("Jobs Fairs In Lancashire And Cumbria"), where
    that keeps their length (same offsets), so the places in a subheading in capitals are found."""
    def titled(m: re.Match[str]) -> str:
        line = m.group(0)
        new = line.title()
        return new if len(new) == len(line) else line
    return _CAPITALS_LINE_RE.sub(titled, work)


def _find_places(body: str, org_rows: list[Row], person_rows: list[Row], programme_rows: list[Row]
                 ) -> list[tuple[int, int, _Place]]:
    work = organisations.normalise_spaces(body)
    if _CAPITALS_LINE_RE.search(work):
        work = _capitals_lines_titled(work)
    rx, by_surface = _regex()
    # names of organisations and programmes hide the places inside them ("Fair Start Scotland")
    org_spans = [(r["span_start"], r["span_end"]) for r in [*org_rows, *programme_rows]]
    person_spans = [(r["span_start"], r["span_end"]) for r in person_rows]
    person_starts = frozenset(s for s, _ in person_spans)
    person_words: frozenset[str] | None = None
    out: list[tuple[int, int, _Place]] = []
    pending: list[tuple[int, int, _Place]] = []  # small towns' one-word names, kept only in a place's context
    listed_openers: list[tuple[int, tuple[int, int, _Place]]] = []  # an ambiguous name opening a sentence, then a list's glue
    name_spans = org_spans + person_spans  # organisations' and people's names: never a place inside them
    names_cover = Covering(name_spans)
    # a person's or a programme's name may follow a place ("the South Yorkshire Connect to Work scheme")
    next_name_starts = person_starts | frozenset(r["span_start"] for r in programme_rows)
    for m in rx.finditer(work):
        start, end = m.span()
        if start > 0 and (work[start - 1].isalnum() or work[start - 1] == "_"
                          or (work[start - 1] == "-" and not _SPANNING_PREFIX_RE.search(work, max(0, start - 7), start)
                              and not _LOWER_DIRECTION_RE.search(work, max(0, start - 12), start))):
            continue  # inside a word or a compound ("Stoke-on-Trent"), but "pan-London", "all-Wales", "mid-Wales" name the place
        place = by_surface[m.group(0)]
        if names_cover.covers(start, end):
            continue  # inside an organisation's or a person's name
        if work.startswith(" of ", start - 4) and _PEER_BEFORE_RE.search(work, max(0, start - 40), start - 4):
            continue  # a peer's title: "Baroness Smith of Malvern", "Lord Bird of Notting Hill"
        if _part_of_larger_name(work, start, end, next_name_starts):
            part = _area_part(work, start, end, org_spans, next_name_starts)
            if part is not None:
                out.append(part)  # "West Cumbria", "rural North Devon": the part of the area, as written
            continue
        lower_part = _LOWER_DIRECTION_RE.search(work, max(0, start - 12), start)
        if lower_part:
            # "south Wales", "north-east England" written in lower case: the table's "South Wales"
            titled = lower_part.group(1).title() + " " + m.group(0)
            if titled in by_surface and by_surface[titled].place_type != "sub_icb":  # "east Lancashire": the county
                out.append((lower_part.start(1), end, by_surface[titled]))
                continue
        if place.ambiguous:
            if person_words is None:
                person_words = _person_tokens(person_rows)
            if m.group(0) in person_words:
                continue
            if _opens_sentence(work, start) and not _table_item(body, end):
                glue = _LIST_GLUE_AFTER_RE.match(work, end)
                if glue:  # "Bolton and Bury councils ...": kept when a place follows in the same list
                    listed_openers.append((glue.end(), (start, end, place)))
                continue
        if place.needs_context:
            pending.append((start, end, place))
            continue
        out.append((start, end, place))
    if listed_openers:
        out += _list_openers(work, listed_openers, out)
        out.sort(key=lambda t: t[0])
    if pending:
        out += _written_as_places(work, pending, out)
        out.sort(key=lambda t: t[0])
    if " and " in work or " & " in work:
        out += _elided_compass_places(work, out, by_surface)
        out.sort(key=lambda t: t[0])
    if ("north" in work or "south" in work) and _english_context(out):
        taken = [(s, e) for s, e, _ in out] + name_spans
        out += [t for t in _lowercase_regions(work, by_surface) if not any(a < t[1] and t[0] < b for a, b in taken)]
        out.sort(key=lambda t: t[0])
    if any(w in work for w in (" area", " borough", " district", " ward", " centre", "town of ", "city of ", "village of ")):
        out += _unlisted_areas(work, out, name_spans)
        if any(w in work for w in (" areas", " wards", " districts")):
            out += _unlisted_area_lists(work, out, name_spans)
        out.sort(key=lambda t: t[0])
    if ", " in work:
        out += _places_before_their_area(work, out, name_spans)
        out.sort(key=lambda t: t[0])
    seats: list[tuple[int, int, _Place]] = []
    if " for " in work:
        seats += _constituencies(work, org_spans, person_starts)
    if " MP" in work or " MS" in work or " MLA" in work:
        seats += _constituencies_before_mp(work, org_spans, person_spans)
    if seats:
        # a constituency longer than the table's place inside it wins ("Wakefield and Rothwell");
        # one that is just the table's place ("MP for Manchester") stays the table's row
        table_spans = {(s, e) for s, e, _ in out}
        seats = [t for t in seats if (t[0], t[1]) not in table_spans]
        out = [t for t in out if not any(ss <= t[0] and t[1] <= se for ss, se, _ in seats)] + seats
        out.sort(key=lambda t: t[0])
    return out


# the plural noun after a list of places: "Bolton and Bury councils", "the Bury and Wigan areas"
_PLURAL_AREA_AFTER_RE = re.compile(r" (?:councils|areas|boroughs|districts|authorities|towns)(?![\w-])")


def _list_openers(work: str, openers: list[tuple[int, tuple[int, int, _Place]]], found: list[tuple[int, int, _Place]]
                  ) -> list[tuple[int, int, _Place]]:
    """The names that are also words opening a sentence ("Bolton", "Reading") kept as places: the list they open
    goes on with two more places ("Reading, Slough and Bracknell Forest") or one and a plural noun of areas
    ("Bolton and Bury councils")."""
    by_start = {s: (s, e) for s, e, _ in found}
    kept = []
    for glue_end, opener in openers:
        nxt = by_start.get(glue_end)
        if nxt is None:
            continue
        glue = _LIST_GLUE_AFTER_RE.match(work, nxt[1])
        if (glue and glue.end() in by_start) or _PLURAL_AREA_AFTER_RE.match(work, nxt[1]):
            kept.append(opener)
    return kept


# a compass word and a list's glue before a place of the same form: "North and South Tyneside", "East or West Sussex"
_ELIDED_COMPASS_RE = re.compile(r"(?<![\w-])(North|South|East|West|Mid)(?:,| and| &| or) $")


def _elided_compass_places(work: str, found: list[tuple[int, int, _Place]], by_surface: dict[str, _Place]
                           ) -> list[tuple[int, int, _Place]]:
    """The first place of "North and South Tyneside" (North Tyneside), when the table lists it: its
    evidence is the whole phrase."""
    out: list[tuple[int, int, _Place]] = []
    for s, e, _ in found:
        first, _, rest = work[s:e].partition(" ")
        if first not in _COMPASS_WORDS or not rest or rest.split()[0] in _COMPASS_WORDS:
            continue  # not "the North and South East": the North, and the South East
        m = _ELIDED_COMPASS_RE.search(work, max(0, s - 10), s)
        if m and any(fs < m.end(1) <= fe for fs, fe, _ in found):
            continue  # "North East and East Sussex": the compass word ends another place
        before = _PREV_WORD_RE.search(work, max(0, m.start(1) - 30), m.start(1)) if m else None
        if before and before.end() == m.start(1) and before.group(1)[0].isupper() \
                and not _opens_sentence(work, before.start(1)):
            continue  # glued to a capitalised word before it: part of a longer name
        place = by_surface.get(f"{m.group(1)} {rest}") if m else None
        if m and place is not None and place.place_type != "sub_icb":
            out.append((m.start(1), e, replace(place, report_name=True)))
    return out


# a preposition of place right before a name: "in Lydney", "across Thirsk" ("from" only for names that are
# not also words or given names: "a letter from Keith")
_PLACE_PREPOSITION_RE = re.compile(r"(?<![\w-])(?P<prep>in|near|around|across|outside|throughout|within|between|from) $")
# the glue between the items of a list of places: "Lydney, Coleford and Cinderford", "Thirsk, North Yorkshire"
_LIST_GLUE_BEFORE_RE = re.compile(r"(?:, |,? and |,? or | & )$")
_LIST_GLUE_AFTER_RE = re.compile(r"(?:, |,? and |,? or | & )")


def _written_as_places(work: str, pending: list[tuple[int, int, _Place]], found: list[tuple[int, int, _Place]]
                       ) -> list[tuple[int, int, _Place]]:
    """The small towns of ``pending`` that the text names as places: right after a preposition of place,
    or listed next to a place (``found``, or another town of ``pending`` kept so)."""
    kept: list[tuple[int, int, _Place]] = []
    if not found:
        # a town that is also a word, a given name or a town abroad, in a story naming no other UK place: most
        # likely not the British town ("in Ferndale" in a story from Michigan)
        pending = [t for t in pending if not t[2].ambiguous]
    for s, e, place in pending:
        m = None if place.list_only else _PLACE_PREPOSITION_RE.search(work, max(0, s - 12), s)
        if m and not (place.ambiguous and m.group("prep") == "from"):
            kept.append((s, e, place))
    rest = [t for t in pending if t not in kept]
    while rest:
        ends = {e for _, e, _ in found} | {e for _, e, _ in kept}
        starts = {s for s, _, _ in found} | {s for s, _, _ in kept}
        listed = []
        for s, e, place in rest:
            before = _LIST_GLUE_BEFORE_RE.search(work, max(0, s - 6), s)
            after = _LIST_GLUE_AFTER_RE.match(work, e)
            if (before and before.start() in ends) or (after and after.end() in starts):
                listed.append((s, e, place))
        if not listed:
            break
        kept += listed
        rest = [t for t in rest if t not in listed]
    return kept


def _english_context(found: list[tuple[int, int, _Place]]) -> bool:
    """The places found name somewhere in England, or nowhere in the other three nations: "the north-west" is then
    England's region (in a story about Northern Ireland or Scotland it is part of that nation)."""
    codes = [p.ons_code[0] for _, _, p in found if p.ons_code]
    return "E" in codes or not any(c in "SWN" for c in codes)


# an English region written in lower case: "the north-east", "the south west of England" (not "the
# north-east of the city", "the north-east corner": only before a clause break or a few linking words)
_LOWER_REGION_RE = re.compile(
    r"(?<![\w-])the (?P<a>north|south)[- ](?P<b>east|west)(?: of England)?"
    r"(?=[,.;:)!?]|$| (?:and|or|England|region|has|have|had|is|was|were|are|will|where|which|who|with|to|for|in|"
    r"-|–|—)(?![\w-]))")


def _lowercase_regions(work: str, by_surface: dict[str, _Place]) -> list[tuple[int, int, _Place]]:
    out: list[tuple[int, int, _Place]] = []
    for m in _LOWER_REGION_RE.finditer(work):
        place = by_surface.get(f"{m.group('a').title()} {m.group('b').title()}")
        if place is not None:
            out.append((m.start("a"), m.end(), place))
    return out


# a place the table does not list, named as one: "the Shildon area", "Tendring district"
_UNLISTED_AREA_RE = re.compile(
    r"(?=[A-Ztcvb])"  # the first letter either form needs: most positions fail at once (same matches, ~2x faster)
    r"(?:(?<![\w'’&-])(?P<name>[A-Z][a-z]+(?:-(?:upon|on|under|in|le|by)-[A-Z][a-z]+)?)"
    r" (?:area|borough|district|ward|town centre|city centre)(?![\w-])"
    # ... or after "the town of": "the market town of Wexcombe", "the village of Lower Brackenford"
    r"|(?<![\w-])(?:town|city|village|borough) of (?P<name2>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?![\w'’-]| [A-Z]))")
_NOT_AREA_WORDS = frozenset(
    """Local Council Catchment Service Pilot Trailblazer Health Care Work Employment Jobcentre Urban Rural Coastal
    Metropolitan Inner Outer Central Northern Southern Eastern Western Wider Same Whole Entire Each Every Other Home
    Postcode Target Priority Pilot Growth Enterprise Investment Development Housing Industrial Business Economic
    Conservation Policy Key Main Focus Deprived Poorest Richest Borough District Area City County Region
    Labour Conservative Tory Green Reform Independent Liberal Maternity Hospital Children""".split())
_WORD_BEFORE_RE = re.compile(r"([\w'’&-]+)[ ]$")
_INDEFINITE = frozenset({"a", "an", "another", "any", "every", "each"})


# a list of places the table does not list, named as areas: "the Ladywood and Nechells wards"
_UNLISTED_AREA_LIST_RE = re.compile(
    r"(?<![\w'’&-])(?P<names>[A-Z][a-z]+(?:(?:, | and | & )[A-Z][a-z]+)+) (?:areas|wards|districts)(?![\w-])")
_AREA_LIST_GLUE_RE = re.compile(r", | and | & ")


def _unlisted_area_lists(work: str, found: list[tuple[int, int, _Place]], taken: list[tuple[int, int]]
                         ) -> list[tuple[int, int, _Place]]:
    """Each single capitalised word of a list before "areas", "wards" or "districts", named as written,
    no code (the table's places of such a list are already found; a generic word or a name after a
    capitalised word is not a place)."""
    out: list[tuple[int, int, _Place]] = []
    spans = [(s, e) for s, e, _ in found] + taken
    for m in _UNLISTED_AREA_LIST_RE.finditer(work):
        before = _WORD_BEFORE_RE.search(work, max(0, m.start() - 40), m.start())
        if not before or before.group(1) != "the":
            continue  # "the Ladywood and Nechells wards" (not "Health and Wellbeing areas", "a Trump and Vance district")
        pos = m.start("names")
        for name in _AREA_LIST_GLUE_RE.split(m.group("names")):
            s, e = pos, pos + len(name)
            pos = e + len(_AREA_LIST_GLUE_RE.match(work, e).group(0)) if e < m.end("names") else e
            if name in _NOT_AREA_WORDS or name in organisations.STOP_CAPS or name in _non_uk_places() \
                    or any(ts < e and s < te for ts, te in spans):
                continue
            out.append((s, e, _Place(name, name, None, "other", False)))
    return out


@cache
def _non_uk_places() -> frozenset[str]:
    """Names of places outside the UK (``reference/non_uk_places.csv``): never an unlisted UK area."""
    return frozenset(r["name"] for r in load_csv("non_uk_places"))


def _unlisted_areas(work: str, found: list[tuple[int, int, _Place]], taken: list[tuple[int, int]]
                    ) -> list[tuple[int, int, _Place]]:
    """Places the table does not list, named as an area: one capitalised word (not a capitalised
    run: "the Connect to Work area") before "area", "borough" or "district", named as written."""
    out: list[tuple[int, int, _Place]] = []
    spans = [(s, e) for s, e, _ in found] + taken
    for m in _UNLISTED_AREA_RE.finditer(work):
        g = "name" if m.group("name") else "name2"
        s, e = m.span(g)
        name = m.group(g)
        before = _WORD_BEFORE_RE.search(work, max(0, s - 40), s)
        if name in _NOT_AREA_WORDS or name in organisations.STOP_CAPS or _opens_sentence(work, s) \
                or (before and (before.group(1)[:1].isupper() or before.group(1).lower() in _INDEFINITE)) \
                or name in _non_uk_places() or any(ts < e and s < te for ts, te in spans):
            continue  # "a Trump district" is a kind of district, "the Houston area" is not in the UK
        out.append((s, e, _Place(name, name, None, "other", False)))
    return out


# a place the table lacks, located by the listed area after it: "in Skelmanthorpe, West Yorkshire",
# "from Brierfield, Lancashire," (after in/near/from/of/around/outside only: "at Tesco, Leeds" is a shop)
_RUN_BEFORE_AREA_RE = re.compile(
    r"(?<![\w'’&-])(?P<prep>in|near|from|of|around|outside) (?P<name>[A-Z][a-z'’]+(?:-(?:upon|on|under|in|le|by)-[A-Z][a-z]+)?"
    r"(?: [A-Z][a-z'’]+){0,2}), $")
_CALENDAR_WORDS = frozenset("""January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Spring Summer Autumn Winter""".split())


def _places_before_their_area(work: str, found: list[tuple[int, int, _Place]], taken: list[tuple[int, int]]
                              ) -> list[tuple[int, int, _Place]]:
    """An unlisted place named with the county, district or region it lies in, as written, no code."""
    out: list[tuple[int, int, _Place]] = []
    spans = [(s, e) for s, e, _ in found] + taken
    for s, e, place in found:
        if work[s - 2:s] != ", " or (e < len(work) and work[e] not in ",.;:)\n"):
            continue
        m = _RUN_BEFORE_AREA_RE.search(work, max(0, s - 60), s)
        if not m:
            continue
        ns, ne = m.span("name")
        name = m.group("name")
        words = name.split()
        cap_before = m.group("prep") == "of" and _WORD_BEFORE_RE.search(work, max(0, m.start() - 40), m.start())
        if any(w in organisations.STOP_CAPS or w in _NOT_AREA_WORDS or w in _CALENDAR_WORDS for w in words) \
                or name in _non_uk_places() or any(ts < ne and ns < te for ts, te in spans) \
                or (cap_before and cap_before.group(1)[:1].isupper() and not _opens_sentence(work, cap_before.start(1))):
            continue  # "in May, Wales ...", "the Board of Directors, Wales"
        out.append((ns, ne, _Place(name, name, None, "other", False)))
    return out


# a constituency named in a member's title: "the Labour MP for Leeds East", "MSP for Glasgow Kelvin"
# (the title is looked for just before each " for ", the name just after it: two small anchored regexes)
_MEMBER_BEFORE_FOR_RE = re.compile(r"(?<![\w-])(?:MP|MSP|MS|MLA|AM|[Mm]ember of Parliament)$")
_SEAT_AFTER_FOR_RE = re.compile(
    r" for (?:the )?([A-Z][\w'’-]*(?:,? (?:and |upon |on |under |in |& |with |the )?[A-Z][\w'’-]*){0,4})(?![\w'’-]| [A-Z])")
_CONSTITUENCY = "other"


# a constituency before "MP" and the member's name: "Leeds East MP Richard Burgon"
_CONSTITUENCY_BEFORE_RE = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’-]*(?: (?:and |upon |on |under )?[A-Z][\w'’-]*){0,3}) (?:MP|MSP|MS|MLA) (?=[A-Z])")
_NOT_CONSTITUENCY = frozenset(
    """Labour Conservative Conservatives Tory Tories Liberal Democrat Democrats Lib Dem Green Reform SNP Plaid Cymru
    Independent Former Senior Backbench Backbencher Veteran Shadow Welsh Scottish English British Irish Government
    Opposition Local Ex DUP Sinn Féin Alliance SDLP UUP Workers Party Fellow Newly Elected Another One Two Three""".split())


def _constituencies_before_mp(work: str, taken: list[tuple[int, int]], person_spans: list[tuple[int, int]]
                              ) -> list[tuple[int, int, _Place]]:
    out: list[tuple[int, int, _Place]] = []
    person_starts = {ps for ps, _ in person_spans}
    for m in _CONSTITUENCY_BEFORE_RE.finditer(work):
        if m.end() not in person_starts:
            continue  # the member's name must follow: "Leeds East MP Richard Burgon"
        s, e = m.span(1)
        # another person's name before it ("Josh Simons and Hartlepool MP ..."): start after it
        s = max([pe for ps, pe in person_spans if s <= ps < e] + [s])
        while s < e and not work[s].isupper():
            s += 1
        if work.startswith("and ", s) or s >= e:
            continue
        words = work[s:e].split(" ")
        while words and (words[0] in _NOT_CONSTITUENCY or words[0] in organisations.STOP_CAPS):
            s += len(words.pop(0)) + 1
        if not words or any(w in _NOT_CONSTITUENCY for w in words) or any(ts < e and s < te for ts, te in taken):
            continue
        name = work[s:e]
        out.append((s, e, _Place(name, name, None, _CONSTITUENCY, False)))
    return out


def _constituencies(work: str, taken: list[tuple[int, int]], person_starts: frozenset[int]
                    ) -> list[tuple[int, int, _Place]]:
    """Constituencies named after a member's title that the table does not know (no ONS code here);
    a person's name right after is not part of it ("MP for Ashton-under-Lyne Angela Rayner")."""
    out: list[tuple[int, int, _Place]] = []
    for i in find_all(work, (" for ",)):
        if not _MEMBER_BEFORE_FOR_RE.search(work, max(0, i - 24), i):
            continue
        m = _SEAT_AFTER_FOR_RE.match(work, i)
        if not m:
            continue
        s, e = m.span(1)
        e = min([p - 1 for p in person_starts if s < p < e] + [e])
        while e > s and work[e - 1] in " ,":
            e -= 1
        if any(ts < e and s < te for ts, te in taken):
            continue  # inside an organisation's name
        name = work[s:e]
        out.append((s, e, _Place(name, name, None, _CONSTITUENCY, False)))
    return out


_FOLD_DROP = re.compile(r"^the\s+|\s+(?:of\s+)?england$")
_FOLD_COUNTY = re.compile(r"^co ")  # "Co Durham", "Co. Antrim" are spellings of "County Durham", "County Antrim"


def _fold(name: str) -> str:
    """A place name with case, '&'/'and', hyphens, punctuation, a leading 'the' and a trailing
    '(of) England' folded ("North East England" is the North East): spelling variants of one name fold alike."""
    s = re.sub(r"[^a-z0-9 ]", "", _without_accents(name).lower().replace("&", " and ").replace("-", " ").replace("~", " "))
    return _FOLD_COUNTY.sub("county ", _FOLD_DROP.sub("", re.sub(r"\s+", " ", s).strip()))


def name_as_written(canonical: str, written: str) -> str:
    """The name of a place mention: ``canonical`` unless the article wrote a different name for it
    (a short form, another official form), which is kept as written ("Hull", "Newcastle")."""
    written = " ".join(written.split())
    return canonical if _fold(written) == _fold(canonical) else written


def extract(body: str, *, organisation_mentions: list[Row], person_mentions: list[Row],
            programme_mentions: list[Row]) -> list[Row]:
    """Place mentions of ``body``, one row per mention, in text order; ``organisation_mentions``,
    ``person_mentions`` and ``programme_mentions`` are the rows of ``organisations.extract``,
    ``people.extract`` and ``programmes.extract`` for the same body (a place inside their names is
    not a mention)."""
    if not body:
        return []
    return [
        {
            "name": p.name if p.report_name else name_as_written(p.name, body[s:e]),
            "ons_code": p.ons_code,
            "place_type": p.place_type,
            "text": body[s:e],
            "span_start": s,
            "span_end": e,
        }
        for s, e, p in _find_places(body, organisation_mentions, person_mentions, programme_mentions)
    ]
