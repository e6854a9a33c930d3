"""The analyst report: one self-contained static HTML file read from the published warehouse.

Charts (plotly, its JavaScript inlined: the file opens offline): funding by programme,
announcements over time, places. Tables: programmes, every commitment with the articles that
state it (headline, date, the sentence), places, syndicated copies. Every piece of text that comes
from the data is HTML-escaped, in the page and in the charts (plotly renders a few HTML tags in
labels, so chart text is escaped too); links are only ever http(s).

``report_data`` reads the ``marts`` views, ``chart_data`` shapes the charts' inputs (the Dagster
asset shows the same frames as metadata) and ``headline`` gives the headline numbers of a table.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from healthwork.store import connect_published, rows_fingerprint

REPORT_NAME = "report.html"


def report_path(warehouse: Path | str) -> Path:
    """Where the report of a warehouse goes: ``report.html`` beside the warehouse file."""
    return Path(warehouse).with_name(REPORT_NAME)


def _missing(v: Any) -> bool:
    if isinstance(v, (list, tuple)):
        return False
    try:
        return v is None or bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def esc(v: Any) -> str:
    """Any value as escaped HTML text (NULL is empty, lists are comma-joined, dates ISO)."""
    if type(v) is str:  # most cells: the checks below all pass a str through unchanged
        return html.escape(v, quote=True)
    if _missing(v):
        return ""
    if isinstance(v, (list, tuple)) or (hasattr(v, "tolist") and not isinstance(v, str)):
        v = ", ".join(str(x) for x in (v.tolist() if hasattr(v, "tolist") else v))
    if isinstance(v, pd.Timestamp):
        v = v.date()
    if isinstance(v, float) and v.is_integer():
        v = f"{v:,.0f}"
    return html.escape(str(v), quote=True)


def _money_m(v: Any) -> float | None:
    return None if _missing(v) else round(float(v) / 1e6, 3)


def _safe_url(u: Any) -> str | None:
    if _missing(u):
        return None
    u = str(u).strip()
    return u if u.lower().startswith(("http://", "https://")) else None


@dataclass(frozen=True)
class ArticleCounts:
    """The report's article numbers, counted in the warehouse (the articles themselves are not read)."""

    total: int = 0
    undated: int = 0
    syndicated_copies: int = 0


@dataclass
class ReportData:
    programmes: pd.DataFrame
    commitments: pd.DataFrame
    evidence: pd.DataFrame  # the evidence rows of the programmes whose section is rendered (not in ``kept_sections``)
    timeline: pd.DataFrame
    places: pd.DataFrame
    syndication: pd.DataFrame
    counts: ArticleCounts = field(default_factory=ArticleCounts)
    built_from: str = ""
    quarantine: pd.DataFrame = field(default_factory=pd.DataFrame)  # files set aside (duplicates not included)
    section_fingerprints: Mapping[str, str] = field(default_factory=dict)  # programme -> its evidence section's
    kept_sections: Mapping[str, str] = field(default_factory=dict)  # programme -> section HTML reused unchanged


# what a programme's evidence section shows of each evidence row (its order within a commitment included)
_EVIDENCE_SHOWN = "commitment_id, title, source_file, url, published_date, is_syndicated_copy, sentence, " \
                  "article_id, span_start"


def evidence_fingerprints(con: duckdb.DuckDBPyConnection, commitments: pd.DataFrame) -> dict[str, str]:
    """programme -> a hash of everything its evidence section shows: this module's code, the programme's
    commitments as listed (label, share, article count, in their order) and every evidence row of them (one
    ``sum(hash(row))`` per programme in DuckDB: no sentence is read into Python)."""
    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    rows = dict(con.execute(f"SELECT programme, CAST(sum(hash(e)) AS VARCHAR) FROM (SELECT programme, "
                            f"{_EVIDENCE_SHOWN} FROM marts.commitment_evidence) e GROUP BY programme").fetchall())
    listed: dict[str, list[tuple[Any, ...]]] = {}
    for r in _records(commitments[["programme", "commitment_id", "label", "is_share", "part_of_label",
                                   "n_articles"]] if len(commitments) else commitments):
        listed.setdefault(r["programme"], []).append(tuple(r.values()))
    return {p: hashlib.sha256(f"{code}\n{p}\n{rows.get(p)}\n{c!r}".encode()).hexdigest()[:16]
            for p, c in listed.items()}


def report_data(con: duckdb.DuckDBPyConnection, built_from: str = "",
                reusable: Mapping[str, str] | None = None) -> ReportData:
    """What the report shows, read from the ``marts`` views. ``reusable`` (section fingerprint -> HTML, from
    the page already there) spares reading and rendering the evidence of programmes whose section is unchanged."""
    q = lambda v: con.execute(f"SELECT * FROM marts.{v}").df()  # noqa: E731
    commitments = q("commitments")
    fingerprints = evidence_fingerprints(con, commitments)
    kept = {p: reusable[f] for p, f in fingerprints.items() if reusable and f in reusable}
    todo = sorted(set(fingerprints) - set(kept))
    evidence = con.execute("SELECT * FROM marts.commitment_evidence WHERE list_contains(CAST(? AS VARCHAR[]), programme)",
                           [todo]).df()
    # marts.articles' rows counted from its tables: DuckDB computes the view's per-article lists even when
    # only counts are asked for (0.8 s at 100,000 articles against 0.03 s)
    total, undated, copies = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE a.published_date IS NULL), "
        "count(*) FILTER (WHERE NOT coalesce(g.is_canonical, TRUE)) "
        "FROM clean.articles a LEFT JOIN metrics.article_groups g USING (article_id)").fetchone()
    return ReportData(programmes=q("programmes"), commitments=commitments, evidence=evidence,
                      timeline=q("timeline"), places=q("places"), syndication=q("syndication"),
                      counts=ArticleCounts(int(total), int(undated), int(copies)), built_from=built_from,
                      quarantine=con.execute("SELECT source_file, stage, reason, detail FROM dq.quarantine "
                                             "WHERE reason <> 'duplicate' ORDER BY stage, source_file").df(),
                      section_fingerprints=fingerprints, kept_sections=kept)


def charts_of(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """``chart_data`` reading only the three views the charts use."""
    q = lambda v: con.execute(f"SELECT * FROM marts.{v}").df()  # noqa: E731
    none = pd.DataFrame()
    return chart_data(ReportData(programmes=none, commitments=q("commitments"), evidence=none, timeline=q("timeline"),
                                 places=q("places"), syndication=none))


def chart_data(d: ReportData) -> dict[str, pd.DataFrame]:
    """The numbers behind each chart (also shown as Dagster metadata)."""
    c = d.commitments
    funding = pd.DataFrame({
        "programme": c["programme"], "commitment": c["label"],
        "is_share": c["is_share"], "amount_m": [_money_m(v) for v in c["amount"]], "currency": c["currency"],
        "n_articles": c["n_articles"], "first_reported": c["first_reported"],
    }).sort_values(["amount_m", "programme"], ascending=[False, True], ignore_index=True)
    t = d.timeline
    timeline = pd.DataFrame({
        "month": t["month_label"], "programme": t["programme"], "n_articles": t["n_articles"],
        "new_commitments": t["new_commitments"].map(lambda v: list(v) if not _missing(v) else []),
        "new_committed_m": [_money_m(v) for v in t["new_committed_gbp"]],
    })
    p = d.places
    places = pd.DataFrame({
        "place": p["place"], "ons_code": p["ons_code"], "n_articles": p["n_articles"],
        "programmes": p["programmes"].map(lambda v: list(v) if not _missing(v) else []),
        "funding_mentioned_m": [_money_m(v) for v in p["funding_mentioned_gbp"]],
    })
    return {"funding_by_programme": funding, "announcements_over_time": timeline, "places": places}


def headline(table: str, df: pd.DataFrame) -> pd.DataFrame:
    """A small table of headline numbers for a metrics table (measure, value)."""
    rows: list[tuple[str, Any]] = [("rows", len(df))]
    if df.empty:
        return pd.DataFrame(rows, columns=["measure", "value"])
    if table == "metrics.programme_funding":
        top = df.sort_values("amount", ascending=False).iloc[0]
        rows += [("programmes with money", df["programme"].nunique()),
                 ("largest commitment", f"{top['programme']}: {top['label']}"),
                 ("shares of a larger commitment", int(df["part_of"].notna().sum())),
                 ("reported by 2+ articles", int((df["n_articles"] >= 2).sum()))]
    elif table == "metrics.programme_summary":
        with_money = df[df["largest_amount"].notna()]
        rows += [("programmes named", len(df)), ("programmes with money", len(with_money))]
        if len(with_money):
            top = with_money.sort_values("largest_amount", ascending=False).iloc[0]
            rows.append(("largest", f"{top['programme']}: {top['largest_label']}"))
        reach = df[df["people_to_reach"].notna()]
        rows += [(f"people to reach: {r.programme}", f"{r.people_to_reach:,.0f} ({r.people_to_reach_qualifier})")
                 for r in reach.itertuples()]
    elif table == "metrics.funding_timeline":
        dated = df[df["month"].notna()]
        rows += [("months with news", dated["month"].nunique()),
                 ("first month", min(dated["month"]) if len(dated) else None),
                 ("last month", max(dated["month"]) if len(dated) else None),
                 ("undated programme rows", int(df["month"].isna().sum()))]
    elif table == "metrics.place_coverage":
        rows += [("places with an ONS code", int(df["ons_code"].notna().sum())),
                 ("places tied to a programme", int(df["programmes"].map(len).gt(0).sum())),
                 ("most named", df.sort_values(["n_articles", "place"], ascending=[False, True]).iloc[0]["place"])]
    elif table == "metrics.programme_reach":
        rows += [("targets", int(df["is_target"].sum()))]
    elif table == "metrics.article_groups":
        rows += [("syndicated copies", int((~df["is_canonical"].astype(bool)).sum())),
                 ("stories told by 2+ copies", int(df.loc[df["group_size"] > 1, "canonical_article_id"].nunique()))]
    elif table == "clean.article_duplicates":
        rows += [("lowest similarity linked", float(df["similarity"].min()))]
    return pd.DataFrame([(m, "" if _missing(v) else str(v)) for m, v in rows], columns=["measure", "value"])


# ---------------------------------------------------------------- charts

def _figures(charts: Mapping[str, pd.DataFrame]) -> list[tuple[str, str, Any]]:
    import plotly.graph_objects as go

    out: list[tuple[str, str, Any]] = []
    colour = _colours([*charts["funding_by_programme"]["programme"], *charts["announcements_over_time"]["programme"]])
    f = charts["funding_by_programme"]
    f = f[f["amount_m"].notna()].sort_values("amount_m")
    fig = go.Figure(go.Bar(
        x=f["amount_m"], y=[esc(f"{p}: {c}" + (" (share)" if s else "")) for p, c, s in
                            zip(f["programme"], f["commitment"], f["is_share"])],
        orientation="h", text=[esc(c) for c in f["commitment"]], textposition="auto",
        marker_color=[colour[p] for p in f["programme"]],
        hovertext=[esc(f"{p} · {c} · {n} article(s) · first reported {d if not _missing(d) else 'undated'}")
                   for p, c, n, d in zip(f["programme"], f["commitment"], f["n_articles"], f["first_reported"])],
        hoverinfo="text"))
    fig.update_layout(xaxis_title="million (currency units)", height=max(260, 60 + 40 * len(f)),
                      margin=dict(l=10, r=10, t=10, b=40))
    out.append(("funding", "Funding by programme: every distinct commitment", fig))

    t = charts["announcements_over_time"]
    dated = t[t["month"].notna()]
    fig = go.Figure()
    for prog, g in dated.groupby("programme", sort=True):
        fig.add_bar(x=list(g["month"]), y=list(g["n_articles"]), name=esc(prog), marker_color=colour[prog],
                    hovertext=[esc(f"{prog} · {m}: {n} article(s)" + (f" · new: {', '.join(c)}" if c else ""))
                               for m, n, c in zip(g["month"], g["n_articles"], g["new_commitments"])],
                    hoverinfo="text")
    news = dated[dated["new_commitments"].map(len) > 0]
    if len(news):
        fig.add_scatter(x=list(news["month"]), y=[0.5] * len(news), mode="markers+text", name="new commitments",
                        text=[esc(", ".join(c)) for c in news["new_commitments"]], textposition="top center",
                        marker=dict(symbol="star", size=14, color="black"), hoverinfo="text",
                        hovertext=[esc(f"{p}: {', '.join(c)}") for p, c in zip(news["programme"], news["new_commitments"])])
    fig.update_layout(barmode="stack", xaxis_title="month of publication", yaxis_title="articles",
                      xaxis_type="category", xaxis_categoryorder="array",
                      xaxis_categoryarray=sorted(set(dated["month"])),
                      yaxis_dtick=1 if len(dated) and dated.groupby("month")["n_articles"].sum().max() <= 10 else None, height=380, margin=dict(l=10, r=10, t=10, b=40))
    out.append(("timeline", "Announcements over time (articles per month; stars: commitments first reported)", fig))

    p = charts["places"].sort_values(["n_articles", "place"], ascending=[True, False])
    fig = go.Figure(go.Bar(
        x=p["n_articles"], y=[esc(f"{n} ({o})" if not _missing(o) else n) for n, o in zip(p["place"], p["ons_code"])],
        orientation="h", marker_color=["#1f77b4" if m else "#9ecae1" for m in p["funding_mentioned_m"]],
        text=[esc(f"£{m:g}m stated with it" if m else ", ".join(pr)) for m, pr in
              zip(p["funding_mentioned_m"], p["programmes"])], textposition="auto",
        hovertext=[esc(f"{n}: {a} article(s); programmes: {', '.join(pr) or 'none'}; money stated with it: "
                       f"{f'£{m:g}m' if m else 'none'}")
                   for n, a, pr, m in zip(p["place"], p["n_articles"], p["programmes"], p["funding_mentioned_m"])],
        hoverinfo="text"))
    fig.update_layout(xaxis_title="articles naming the place",
                      xaxis_dtick=1 if len(p) and p["n_articles"].max() <= 10 else None, height=max(260, 60 + 32 * len(p)),
                      margin=dict(l=10, r=10, t=10, b=40))
    out.append(("places", "Places named (ONS code); dark bars: money stated in the same sentence", fig))
    return out


_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf"]


def _colours(programmes: Iterable[str]) -> dict[str, str]:
    """A colour per programme (alphabetical order), the same in every chart of the report."""
    return {p: _PALETTE[i % len(_PALETTE)] for i, p in enumerate(sorted(set(programmes)))}


# ---------------------------------------------------------------- HTML

def _records(df: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """``df.to_dict("records")`` built column by column (``Series.tolist`` gives the same Python values; the
    row-wise conversion was a third of rendering the 12k evidence rows of a 10k corpus)."""
    columns = list(df.columns)
    for row in zip(*(df[c].tolist() for c in columns)):
        yield dict(zip(columns, row))


def _table(df: pd.DataFrame, columns: Mapping[str, str], cell_html: Mapping[str, Any] | None = None) -> str:
    """An HTML table of ``columns`` (column -> header); ``cell_html`` gives per-column renderers returning HTML."""
    if df.empty:
        return "<p class='empty'>No rows.</p>"
    cell_html = cell_html or {}
    head = "".join(f"<th>{esc(h)}</th>" for h in columns.values())
    body = []
    for rec in _records(df):
        tds = "".join(f"<td>{cell_html[c](rec) if c in cell_html else esc(rec.get(c))}</td>" for c in columns)
        body.append(f"<tr>{tds}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


MAX_NAMES_IN_CELL = 8  # a list cell (a programme's places) names this many, then says how many more


def _short_list(values: Any, limit: int = MAX_NAMES_IN_CELL) -> str:
    """``a, b, c and 37 more`` (escaped): a cell stays readable when a programme has 40 places."""
    items = [] if values is None or isinstance(values, (str, float)) else [str(v) for v in values]
    shown = ", ".join(esc(v) for v in items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


def _kpi_label(label: str, value: int) -> str:
    """``1 syndicated copy``, ``2 syndicated copies``: KPI labels are plural nouns."""
    if value != 1:
        return label
    words = label.split(" ")
    last = words[-1]
    words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1] if last.endswith("s") else last
    return " ".join(words)


def _article_link(rec: Mapping[str, Any]) -> str:
    title = esc(rec.get("title")) or f"<i>untitled</i> {esc(rec.get('source_file'))}"
    url = _safe_url(rec.get("url"))
    return f"<a href='{esc(url)}'>{title}</a>" if url else title


_SECTION_OPEN = "<div class='evidence' data-fp='"
_SECTION_CLOSE = "</div><!-- /evidence -->"


def _evidence_html(d: ReportData) -> str:
    """The commitments, one section per programme (in the commitments' order); a section in
    ``d.kept_sections`` is reused as it is, the others are rendered from ``d.evidence``."""
    # one pass over the evidence, bucketed by commitment (in the view's order): filtering the whole
    # evidence frame once per commitment is quadratic (minutes on a 10k-article corpus)
    by_commitment: dict[Any, list[str]] = {}
    for e in _records(d.evidence):
        by_commitment.setdefault(e["commitment_id"], []).append(
            f"<li>{_article_link(e)} <span class='muted'>{esc(e.get('published_date')) or 'undated'} · "
            f"{esc(e.get('source_file'))}{' · syndicated copy' if e.get('is_syndicated_copy') else ''}</span>"
            f"<blockquote>{esc(e.get('sentence'))}</blockquote></li>")
    by_programme: dict[str, list[str]] = {}
    for r in _records(d.commitments):
        if r["programme"] in d.kept_sections:
            by_programme.setdefault(r["programme"], [])
            continue
        share = f" — a share of {esc(r.get('part_of_label'))}" if r.get("is_share") else ""
        items = "".join(by_commitment.get(r["commitment_id"], ()))
        by_programme.setdefault(r["programme"], []).append(
            f"<details><summary><b>{esc(r['programme'])}</b>: {esc(r['label'])}{share} "
            f"<span class='muted'>({esc(r['n_articles'])} article(s))</span></summary><ul>{items}</ul></details>")
    sections = [d.kept_sections.get(p) or
                f"{_SECTION_OPEN}{d.section_fingerprints.get(p, '')}'>{''.join(parts)}{_SECTION_CLOSE}"
                for p, parts in by_programme.items()]
    return "".join(sections) or "<p class='empty'>No commitments.</p>"


def shown_sections(page: Path) -> dict[str, str]:
    """Section fingerprint -> the whole section's HTML, of the evidence sections of an existing report (empty
    when there is none). Every value in a section is escaped, so its closing marker cannot occur inside it."""
    try:
        text = page.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    out: dict[str, str] = {}
    start = text.find(_SECTION_OPEN)
    while start >= 0:
        end = text.find(_SECTION_CLOSE, start)
        if end < 0:
            break
        section = text[start:end + len(_SECTION_CLOSE)]
        fp = section[len(_SECTION_OPEN):section.find("'", len(_SECTION_OPEN))]
        if re.fullmatch(r"[0-9a-f]{16}", fp):
            out[fp] = section
        start = text.find(_SECTION_OPEN, end)
    return out


_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{margin-bottom:.2rem} h2{margin-top:2.2rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.muted{color:#777;font-size:.9em} .empty{color:#999;font-style:italic}
table{border-collapse:collapse;width:100%;font-size:.9em} th,td{border-bottom:1px solid #eee;padding:.35rem .5rem;
text-align:left;vertical-align:top} th{background:#f6f6f6}
blockquote{margin:.3rem 0 .8rem 1rem;color:#444;border-left:3px solid #ccc;padding-left:.6rem}
details{margin:.4rem 0} summary{cursor:pointer}
.kpis{display:flex;gap:1rem;flex-wrap:wrap}.kpi{background:#f6f8fa;border-radius:6px;padding:.6rem 1rem}
.kpi b{display:block;font-size:1.4em}
"""


DATA_META = "healthwork-report-data"  # <meta> naming the fingerprint of the data a report shows


# tables the mart views read (their SQL names every table qualified)
_TABLE_REF = re.compile(r"\b(?:FROM|JOIN)\s+((?:raw|clean|entities|metrics|dq|meta)\.\w+)", re.IGNORECASE)


def data_fingerprint(con: duckdb.DuckDBPyConnection, built_from: str = "") -> str:
    """A hash of everything the report shows, without reading it: this module's code (a changed page is a
    new report), the mart views' SQL as stored in the warehouse and every row of the tables they read (one
    ``count(*), sum(hash(row))`` scan per table, 0.3 s at 100,000 articles, where reading the views into
    frames takes seconds)."""
    views = con.execute("SELECT view_name, sql FROM duckdb_views() WHERE database_name = current_database() "
                        "AND schema_name = 'marts' ORDER BY view_name").fetchall()
    h = hashlib.sha256(Path(__file__).read_bytes())
    h.update(f"{built_from}\n{views!r}".encode())
    for table in sorted({t.lower() for _, sql in views for t in _TABLE_REF.findall(sql or "")}):
        h.update(f"{table}: {rows_fingerprint(con, table)}".encode())
    return h.hexdigest()[:16]


def _shown_fingerprint(page: Path) -> str | None:
    """The data fingerprint an existing report was rendered from (None: no report, or an older one)."""
    try:
        with open(page, encoding="utf-8") as fh:
            head = fh.read(2000)
    except OSError:
        return None
    m = re.search(rf"<meta name='{DATA_META}' content='([0-9a-f]+)'>", head)
    return m.group(1) if m else None


def render_html(d: ReportData, generated_at: dt.datetime | None = None, fingerprint: str = "") -> str:
    """The whole report as one HTML document (plotly JS inlined once); ``fingerprint``: of its data (a <meta>)."""
    import plotly.io as pio

    charts = chart_data(d)
    figs = _figures(charts)
    chart_html = []
    for i, (anchor, title, fig) in enumerate(figs):
        div = pio.to_html(fig, full_html=False, include_plotlyjs=(i == 0), config={"displaylogo": False, "displayModeBar": False},
                          div_id=f"chart-{anchor}")
        chart_html.append(f"<h2 id='{anchor}'>{esc(title)}</h2>{div}")
    undated = d.counts.undated
    kpis = [("articles", d.counts.total), ("syndicated copies", d.counts.syndicated_copies),
            ("programmes", len(d.programmes)),
            ("distinct commitments", len(d.commitments)), ("places", len(d.places)),
            ("files set aside", len(d.quarantine))]
    when = (generated_at or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%d %H:%M UTC")
    prog_cols = {"programme": "Programme", "largest_label": "Largest commitment", "n_commitments": "Commitments",
                 "total_committed_gbp": "Total GBP (distinct, not shares)", "people_to_reach": "People to reach",
                 "places": "Places", "n_articles": "Articles", "first_mentioned": "First", "last_mentioned": "Last"}
    place_cols = {"place": "Place", "ons_code": "ONS code", "place_type": "Type", "n_articles": "Articles",
                  "programmes": "Programmes", "commitments": "Money stated with it"}
    syn_cols = {"title_a": "Counted copy", "source_file_a": "file", "title_b": "Syndicated copy",
                "source_file_b": "file", "similarity": "Similarity"}
    body = f"""
<h1>Health and work programmes in the news</h1>
<p class='muted'>Built from {esc(d.built_from)} · generated {esc(when)} · {undated} undated article(s) are counted
everywhere but cannot be placed on the timeline.</p>
<div class='kpis'>{''.join(f"<div class='kpi'><b>{esc(v)}</b>{esc(_kpi_label(k, v))}</div>" for k, v in kpis)}</div>
<h2 id='programmes'>Programmes</h2>
{_table(d.programmes, prog_cols, {"people_to_reach": lambda r: esc(
        "" if _missing(r.get("people_to_reach")) else
        f"{r['people_to_reach']:,.0f} ({r.get('people_to_reach_qualifier') or 'exact'})"),
        "places": lambda r: _short_list(r.get("places"))})}
{chart_html[0]}
<h2 id='evidence'>Commitments and the articles that state them</h2>
{_evidence_html(d)}
{chart_html[1]}
{chart_html[2]}
<h2 id='places-table'>Places</h2>
{_table(d.places, place_cols)}
<h2 id='syndication'>Syndicated copies (counted once)</h2>
{_table(d.syndication, syn_cols)}
<h2 id='quarantine'>Files set aside (not counted anywhere)</h2>
{_table(d.quarantine, {"source_file": "file", "stage": "Stage", "reason": "Reason", "detail": "Why"})}
"""
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            + (f"<meta name='{DATA_META}' content='{fingerprint}'>" if fingerprint else "") +
            f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>healthwork report</title><style>{_CSS}</style></head><body>{body}</body></html>")


def write_report(warehouse: Path | str, out: Path | str | None = None) -> Path:
    """Read the published warehouse (read-only) and write the report beside it (atomically)."""
    return write_report_if_changed(warehouse, out, always=True)[0]


def write_report_if_changed(warehouse: Path | str, out: Path | str | None = None,
                            always: bool = False) -> tuple[Path, bool]:
    """(path, written): the report is rendered and written unless the one already there shows the same
    data (``data_fingerprint``; its "generated" time is then the time the data last changed)."""
    refreshed = refresh_report(warehouse, out, always)
    return refreshed.path, refreshed.written


@dataclass(frozen=True)
class Refreshed:
    path: Path
    written: bool
    charts: dict[str, pd.DataFrame]  # the numbers behind each chart (``chart_data``)


def refresh_report(warehouse: Path | str, out: Path | str | None = None, always: bool = False) -> Refreshed:
    """``write_report_if_changed`` that also gives the charts' numbers, from the one read of the warehouse."""
    warehouse = Path(warehouse)
    out = Path(out) if out else report_path(warehouse)
    con = connect_published(warehouse)
    try:
        fingerprint = data_fingerprint(con, built_from=str(warehouse))
        if not always and _shown_fingerprint(out) == fingerprint:
            return Refreshed(out, False, charts_of(con))
        data = report_data(con, built_from=str(warehouse), reusable=shown_sections(out))
    finally:
        con.close()
    page = render_html(data, fingerprint=fingerprint)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out)
    return Refreshed(out, True, chart_data(data))


def markdown_rows(df: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """Chart frames with list cells joined (for metadata previews)."""
    out = df[list(columns)] if columns else df.copy()
    return out.apply(lambda s: s.map(lambda v: ", ".join(map(str, v)) if isinstance(v, (list, tuple)) else v))


