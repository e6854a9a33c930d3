"""Dev script (not run by CI): score the commitment resolver on the uk devset's GOLD funding rows.

End-to-end scores (``../shared/tools/devset.sh uk tune``) mix extraction errors with resolution errors;
this feeds ``healthwork.metrics`` the hand-made funding rows of ``devset/uk/gold/*.json`` instead, so only
the resolver is measured. Each gold funding row is located in the page's raw text (its span), the
page's gold places are located the same way (``place_mentions``, with their type from
``healthwork/reference/places.csv``), and the resulting ``metrics.programme_funding`` is scored by the
very ``score_commitments`` of ``../shared/tools/score.py`` (same programme and currency, amount within 1%;
programme totals of top-level GBP commitments within 10%).

    .venv/bin/python -m scripts.commitments_oracle tune [-v]     # even page numbers: look at misses freely
    .venv/bin/python -m scripts.commitments_oracle check         # odd page numbers: measure only
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from healthwork import metrics
from scripts import ROOT, SHARED, score_module

UK = SHARED / "devset" / "uk"
PLACES_CSV = ROOT / "healthwork" / "reference" / "places.csv"


def half_of(file_name: str) -> str:
    """The devset's fixed split: even page number = tune, odd = check."""
    m = re.match(r"uk(\d+)", file_name)
    return "tune" if m and int(m.group(1)) % 2 == 0 else "check"


def place_types() -> dict[str, str]:
    lines = [line for line in PLACES_CSV.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return {row[0]: row[2] for row in csv.reader(lines) if len(row) >= 3}


def _occurrences(body: str, text: str) -> list[int]:
    return [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(text) + r"(?!\w)", body)]


def build_corpus(half: str) -> tuple[metrics.Corpus, set[str]]:
    """Articles, gold funding rows and gold place mentions of the half's pages, with spans in the raw text."""
    types = place_types()
    articles: list[dict[str, Any]] = []
    funding: list[dict[str, Any]] = []
    places: list[dict[str, Any]] = []
    files: set[str] = set()
    for path in sorted((UK / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold["file"]
        if half != "all" and half_of(name) != half:
            continue
        files.add(name)
        body = (UK / "raw" / name).read_text(encoding="utf-8")
        article_id = Path(name).stem
        published = dt.date.fromisoformat(gold["published_date"]) if gold.get("published_date") else None
        articles.append({"article_id": article_id, "source_file": name, "published_date": published, "body": body})
        searched_from: dict[str, int] = {}
        for row in gold.get("funding") or []:
            raw = row["raw"]
            start = body.find(raw, searched_from.get(raw, 0))
            if start < 0:
                start = body.find(raw)
            searched_from[raw] = start + 1 if start >= 0 else 0
            funding.append({"article_id": article_id, "amount": float(row["amount"]), "currency": row["currency"],
                            "qualifier": row["qualifier"], "period_years": row["period_years"],
                            "per_year": row["period_years"] == 1, "programme": row["programme"], "kind": row["kind"],
                            "raw_text": raw, "span_start": start if start >= 0 else None,
                            "span_end": start + len(raw) if start >= 0 else None})
        for place in gold.get("places") or []:
            for start in _occurrences(body, place):
                places.append({"article_id": article_id, "name": place, "ons_code": None,
                               "place_type": types.get(place, "other"), "span_start": start,
                               "span_end": start + len(place)})
    corpus = metrics.Corpus(articles=pd.DataFrame(articles), funding=pd.DataFrame(funding),
                            place_mentions=pd.DataFrame(places))
    return corpus, files


def score(half: str, verbose: bool) -> dict[str, float]:
    corpus, files = build_corpus(half)
    pf = metrics.programme_funding(corpus)
    con = duckdb.connect()
    con.execute("CREATE SCHEMA clean; CREATE SCHEMA metrics")
    con.register("articles_frame", corpus.articles[["article_id", "source_file"]])
    con.execute("CREATE TABLE clean.articles AS SELECT * FROM articles_frame")
    con.register("funding_frame", pf[["programme", "amount", "currency", "article_ids", "part_of"]])
    con.execute("CREATE TABLE metrics.programme_funding AS SELECT * FROM funding_frame")
    results: dict[str, dict[str, float]] = {}
    misses: dict[str, list[str]] = {}
    gold = json.loads((UK / "commitments.json").read_text(encoding="utf-8"))
    score_module().score_commitments(con, gold, files, results, misses)
    for measure in ("commitments", "programme_totals"):
        r = results[measure]
        print(f"{measure:18} p {r['p']:.3f}  r {r['r']:.3f}  F1 {r['f']:.3f}  misses {len(misses[measure])}")
        if verbose:
            for m in misses[measure]:
                print(f"    {m}")
    if verbose:
        with pd.option_context("display.width", 200, "display.max_rows", 500, "display.max_colwidth", 40):
            print(pf[["programme", "label", "scope", "n_articles", "commitment_id", "part_of"]].to_string())
    return {k: v["f"] for k, v in results.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("half", choices=["tune", "check", "all"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and the resolved commitments")
    a = ap.parse_args()
    score(a.half, a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
