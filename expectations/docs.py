"""Data Docs that work offline and are safe to open: no GX, no Dagster here.

GX's page templates load Bootstrap, jQuery, bootstrap-table and Font Awesome from public CDNs: offline
its index is blank (the table is drawn by scripts) and the validation pages lose their pass/fail
icons. GX also writes the values it found (unexpected values, observed values) into the pages
unescaped, so a value like ``<script>...`` in the data would run in the reader's browser.

So: the values are HTML-escaped in the validation results before GX renders them
(``escape_values``); every page GX writes has its CDN tags removed and a local stylesheet added that
draws the icons (``make_offline``); and the index is ours (``write_index``): a static table of every
validation of the last ``keep_runs`` runs, newest first, from a small manifest beside the pages,
whose older runs' pages are deleted (``prune``).
"""
from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

MANIFEST = "validations.json"
OFFLINE_CSS = Path(__file__).resolve().parent / "static" / "offline.css"
OFFLINE_CSS_HREF = "static/styles/healthwork-offline.css"
DEFAULT_KEEP_RUNS = 10

_CDN_TAG_RE = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>|<link[^>]*\bhref=\"https?://[^\"]*\"[^>]*/?>",
                         re.I)
_GX_LOGO_RE = re.compile(r"https://great-expectations-web-assets\.[^\"']*?/logo-long\.png[^\"']*")


@dataclass(frozen=True)
class Validation:
    """One validation page of the site (paths relative to the docs folder)."""

    run: str
    time: str  # ISO time the validation ran
    suite: str
    success: bool
    evaluated: int
    passed: int
    page: str


def escape_values(value: Any) -> Any:
    """Every string inside ``value`` HTML-escaped (dicts, lists and tuples walked; keys kept)."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, Mapping):
        return {k: escape_values(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [escape_values(v) for v in value]
    return value


def make_offline(page: str, root_prefix: str) -> str:
    """A GX page without its CDN scripts and styles, with the local stylesheet that draws its icons.
    ``root_prefix`` leads from the page to the docs folder (``""``, ``"../../"``, ...)."""
    page = _CDN_TAG_RE.sub("", page)
    page = _GX_LOGO_RE.sub(f"{root_prefix}static/images/logo-long.png", page)
    link = f'<link rel="stylesheet" href="{root_prefix}{OFFLINE_CSS_HREF}">'
    if OFFLINE_CSS_HREF not in page:
        page = page.replace("</head>", f"{link}\n</head>", 1)
    return page


def offline_site(docs_dir: Path, pages: Iterable[Path]) -> None:
    """Install the local stylesheet and rewrite ``pages`` (GX's output) to need no network."""
    css = docs_dir / OFFLINE_CSS_HREF
    css.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(OFFLINE_CSS, css)
    for p in pages:
        depth = len(p.relative_to(docs_dir).parts) - 1
        text = p.read_text(encoding="utf-8")
        fixed = make_offline(text, "../" * depth)
        if fixed != text:
            p.write_text(fixed, encoding="utf-8")


def read_manifest(docs_dir: Path) -> list[Validation]:
    try:
        rows = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        return [Validation(**r) for r in rows]
    except (OSError, ValueError, TypeError):
        return []


def _write_manifest(docs_dir: Path, entries: list[Validation]) -> None:
    (docs_dir / MANIFEST).write_text(json.dumps([asdict(e) for e in entries], indent=1), encoding="utf-8")


def runs_newest_first(entries: Iterable[Validation]) -> list[str]:
    """Run ids ordered by their first validation, newest first."""
    first: dict[str, str] = {}
    for e in entries:
        first[e.run] = min(first.get(e.run, e.time), e.time)
    return sorted(first, key=lambda r: first[r], reverse=True)


def prune(docs_dir: Path, entries: list[Validation], keep_runs: int) -> list[Validation]:
    """Keep the validations of the newest ``keep_runs`` runs; delete the pages of the others."""
    kept_runs = set(runs_newest_first(entries)[:max(keep_runs, 1)])
    kept = [e for e in entries if e.run in kept_runs]
    for e in entries:
        if e.run not in kept_runs:
            run_dir = (docs_dir / e.page).parent.parent  # validations/<suite...>/<run>/<time>/<page>
            if docs_dir / "validations" in run_dir.parents:
                shutil.rmtree(run_dir, ignore_errors=True)
    return [e for e in kept if (docs_dir / e.page).is_file()]


def record(docs_dir: Path, new: Iterable[Validation], keep_runs: int = DEFAULT_KEEP_RUNS) -> list[Validation]:
    """Add this build's validations to the manifest, prune old runs, rewrite the index; the entries kept."""
    by_page = {e.page: e for e in read_manifest(docs_dir)}
    by_page.update({e.page: e for e in new})
    entries = prune(docs_dir, sorted(by_page.values(), key=lambda e: (e.time, e.suite)), keep_runs)
    _write_manifest(docs_dir, entries)
    write_index(docs_dir, entries, keep_runs)
    return entries


def index_html(entries: list[Validation], suites: Iterable[str], keep_runs: int) -> str:
    """The site's index: every kept validation, newest run first; a static page (no scripts)."""
    e = html.escape
    order = {r: i for i, r in enumerate(runs_newest_first(entries))}
    rows = []
    for v in sorted(entries, key=lambda v: (order[v.run], v.time, v.suite)):
        status = ('<span class="hw-ok">&#10004; passed</span>' if v.success
                  else '<span class="hw-fail">&#10008; failed</span>')
        rows.append(f'<tr><td title="{e(v.run)}">{e(v.run[:8])}</td><td>{e(v.time)}</td>'
                    f'<td><a href="{e(v.page)}">{e(v.suite)}</a></td><td>{status}</td>'
                    f"<td>{v.passed} of {v.evaluated}</td></tr>")
    suite_links = "".join(f'<li><a href="expectations/{e(s.replace(".", "/"))}.html">{e(s)}</a></li>'
                          for s in sorted(set(suites)))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>healthwork Data Docs</title>
<link rel="stylesheet" href="static/styles/data_docs_default_styles.css">
<link rel="stylesheet" href="{OFFLINE_CSS_HREF}">
</head><body class="hw-index">
<h1>healthwork Data Docs</h1>
<p>Great Expectations validations of the last {len(order)} run(s) (at most {keep_runs} are kept), newest first.
Every expectation's result is also a row of <code>dq.check_results</code> in the warehouse.</p>
<h2 id="Validation-Results">Validation results</h2>
<table class="hw-table"><thead><tr><th>run</th><th>validated at</th><th>suite</th><th>status</th>
<th>expectations passed</th></tr></thead>
<tbody>
{chr(10).join(rows) or '<tr><td colspan="5">no validation yet</td></tr>'}
</tbody></table>
<h2 id="Expectation-Suites">Expectation suites</h2>
<ul>{suite_links}</ul>
</body></html>
"""


def write_index(docs_dir: Path, entries: list[Validation], keep_runs: int) -> Path:
    suites = [p.relative_to(docs_dir / "expectations").with_suffix("").as_posix().replace("/", ".")
              for p in (docs_dir / "expectations").rglob("*.html")]
    path = docs_dir / "index.html"
    path.write_text(index_html(entries, suites, keep_runs), encoding="utf-8")
    return path
