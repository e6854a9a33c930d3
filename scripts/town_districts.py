"""The local authority district (current ONS LAD code) of each town of ``uk_towns.csv`` and ``gb_towns.csv``,
read from official ONS built-up area lookups; never inferred from a name alone.

    .venv/bin/python scripts/town_districts.py ONS_LOOKUPS_DIR MYSOCIETY_DATA_DIR   # prints "name,nation,code" rows

ONS_LOOKUPS_DIR holds three ONS lookups (December 2011, England and Wales), as mirrored by jtrim-ons/ons-lookups:
``bua_lad.csv`` (Built-up Area to Local Authority District, BUA11CD/BUA11NM/LAD11CD/WHOLE_PART), ``bua_buasd.csv``
(Built-up Area to Built-up Area Sub Division, BUA11CD/BUA11NM/BUASD11CD/BUASD11NM) and ``msoa_buasd.csv`` (MSOA to
BUASD to BUA to LAD best fit). MYSOCIETY_DATA_DIR holds mySociety's ``lookup_gss_to_registry.csv`` and
``uk_local_authorities.csv`` (former and current district codes, successors), the source of places.csv.

A town gets a district when its name is the name of exactly one built-up area sub-division or built-up area (a
built-up area named like one of its own sub-divisions counts once) and every MSOA ONS best-fits to that area lies in
the same district; an area with no MSOA of its own (a village-sized area) gives nothing, so a village never lends its
district to a better-known town of the same name. The 2011 district
is then followed to the current one through mySociety's successor column (Taunton Deane -> Somerset West and Taunton
-> Somerset). Anything else (no such area, several, an area split between districts, Scotland, Northern Ireland) is
left unknown.
"""
from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from healthwork.reference import load_csv

# gb_towns.csv rows that stand for two towns of the same name (its header): no single district
_TWO_TOWNS = frozenset({"Cheadle", "Whitburn", "Whitchurch"})
# names of a London district too: the 2011 lookups split London only into boroughs, so a namesake elsewhere
# ("Blackheath" in Sandwell) would be the only area of that name
_LONDON_NAMESAKES = frozenset({"Blackheath"})
_QUALIFIER_RE = re.compile(r" \([^)]*\)$")


def _base_name(ons_name: str, suffix: str) -> str:
    """'Greatham (Hartlepool) BUA' -> 'Greatham' (the qualifier only tells namesakes apart)."""
    name = ons_name[: -len(suffix)].strip() if ons_name.endswith(suffix) else ons_name.strip()
    return _QUALIFIER_RE.sub("", name)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def area_districts(ons_dir: Path) -> dict[str, set[str]]:
    """Lower-cased area name -> the 2011 district codes of the one area of that name; an empty set when several
    areas share the name (sub-divisions and built-up areas together: "Cheadle" is a sub-division of the Greater
    Manchester area and a built-up area in Staffordshire). A built-up area named like one of its own sub-divisions
    ("Barnsley BUA" and "Barnsley BUASD") counts once, as the sub-division."""
    bua_names: dict[str, set[str]] = defaultdict(set)
    for r in _rows(ons_dir / "bua_lad.csv"):
        bua_names[_base_name(r["BUA11NM"], " BUA").lower()].add(r["BUA11CD"])
    sd_bua: dict[str, str] = {}
    sd_names: dict[str, set[str]] = defaultdict(set)
    for r in _rows(ons_dir / "bua_buasd.csv"):
        if r["BUASD11CD"]:
            sd_bua[r["BUASD11CD"]] = r["BUA11CD"]
            sd_names[_base_name(r["BUASD11NM"], " BUASD").lower()].add(r["BUASD11CD"])
    # districts of the MSOAs ONS best-fits to each sub-division, or to each built-up area without sub-divisions: an
    # area with none is a village-sized area, never taken for a town of the same name ("Barking" in Suffolk)
    sd_lads: dict[str, set[str]] = defaultdict(set)
    whole_bua_lads: dict[str, set[str]] = defaultdict(set)
    for r in _rows(ons_dir / "msoa_buasd.csv"):
        if r["BUASD11CD"]:
            sd_lads[r["BUASD11CD"]].add(r["LAD11CD"])
        elif r["BUA11CD"]:
            whole_bua_lads[r["BUA11CD"]].add(r["LAD11CD"])
    out: dict[str, set[str]] = {}
    for name in set(sd_names) | set(bua_names):
        sds = sd_names.get(name, set())
        buas = {b for b in bua_names.get(name, set()) if b not in {sd_bua[sd] for sd in sds}}
        if len(sds) + len(buas) != 1:
            out[name] = set()  # several areas of that name
        elif sds:
            out[name] = sd_lads.get(next(iter(sds)), set())
        else:
            out[name] = whole_bua_lads.get(next(iter(buas)), set())
    return out


def current_district(lad11: str, mysociety_dir: Path) -> str | None:
    """The current district code of a 2011 district code, following successors; None when it was split."""
    registry = {r["gss-code"]: r["local-authority-code"] for r in _rows(mysociety_dir / "lookup_gss_to_registry.csv")}
    authorities = {r["local-authority-code"]: r for r in _rows(mysociety_dir / "uk_local_authorities.csv")}
    code = registry.get(lad11)
    seen: set[str] = set()
    while code and code not in seen:
        seen.add(code)
        row = authorities[code]
        if row["current-authority"] == "True":
            return row["gss-code"]
        successors = [c for c in row["replaced-by"].split(",") if c]
        code = successors[0] if len(successors) == 1 else None
    return None


def main(ons_dir: Path, mysociety_dir: Path) -> None:
    districts = area_districts(ons_dir)
    current = {r["ons_code"] for r in load_csv("places") if r["ons_code"][:3] in {"E06", "E07", "E08", "E09", "W06"}}
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for file in ("uk_towns", "gb_towns"):
        for row in load_csv(file):
            code = ""
            if row["nation"] in {"England", "Wales"} and row["name"] not in _TWO_TOWNS | _LONDON_NAMESAKES:
                lads = districts.get(row["name"].lower(), set())
                if not lads:  # the name as ONS writes it may be the town's other form ("Abingdon", "Bexhill")
                    named = [districts.get(a.lower(), set()) for a in row["aliases"].split("|") if a]
                    lads = set().union(*named) if named and all(len(n) == 1 for n in named) else set()
                if len(lads) == 1:
                    code = current_district(next(iter(lads)), mysociety_dir) or ""
                code = code if code in current and code[0] == row["nation"][0] else ""  # E for England, W for Wales
            writer.writerow([file, row["name"], row["nation"], code])


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
