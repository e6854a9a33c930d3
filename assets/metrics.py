"""Corpus-level assets (thin wrappers around
healthwork.stages.metrics): syndication links, metrics.* tables, the documented marts.* views."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, asset, multi_asset

from assets._meta import markdown_table, table_metadata
from healthwork import marts
from healthwork.report import headline
from healthwork.stages.metrics import marts_current, run_duplicates, run_marts, run_metrics
from healthwork.store import TABLE_BY_NAME
from healthwork.versioning import code_version
from resources.keys import ARTICLE_DUPLICATES, CLEAN_ARTICLES, ENTITY_KEYS, MART_KEYS, METRIC_KEYS
from resources.warehouse import WarehouseResource

# the first rows an analyst wants to see of each table
PREVIEWS = {
    "metrics.programme_funding": "SELECT programme, label, n_articles, first_reported, last_reported, part_of "
                                 "FROM metrics.programme_funding ORDER BY amount DESC LIMIT 10",
    "metrics.programme_summary": "SELECT programme, largest_label, n_commitments, people_to_reach, n_places, "
                                 "n_articles FROM metrics.programme_summary ORDER BY largest_amount DESC NULLS LAST",
    "metrics.funding_timeline": "SELECT month, programme, n_articles, n_new_commitments, new_committed_gbp "
                                "FROM metrics.funding_timeline ORDER BY month NULLS LAST, programme LIMIT 10",
    "metrics.place_coverage": "SELECT place, ons_code, n_articles, programmes, funding_mentioned_gbp "
                              "FROM metrics.place_coverage ORDER BY n_articles DESC, place LIMIT 10",
}


@asset(key=ARTICLE_DUPLICATES, deps=[CLEAN_ARTICLES], group_name="clean", kinds={"duckdb"},
       code_version=code_version("metrics"), description=TABLE_BY_NAME["clean.article_duplicates"].comment)
def article_duplicates(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    with warehouse.store().write() as con:
        s = run_duplicates(con)
        meta = table_metadata(con, "clean.article_duplicates")
    context.log.info(f"{len(s.pairs)} near-duplicate pairs; {s.n_copies} of {s.n_articles} articles are copies; "
                     f"{s.n_hashed} bodies signed, {s.n_forgotten} signatures removed, "
                     f"{s.n_candidates} candidates")
    return MaterializeResult(metadata={
        **meta, "articles_compared": s.n_articles, "syndicated_copies": s.n_copies,
        "bodies_signed_this_run": s.n_hashed, "signatures_removed_this_run": s.n_forgotten,
        "candidate_pairs_scored_this_run": s.n_candidates,
        "headline": MetadataValue.md(markdown_table(headline("clean.article_duplicates", s.pairs), max_rows=10))})


@multi_asset(
    specs=[AssetSpec(key, deps=[*ENTITY_KEYS.values(), ARTICLE_DUPLICATES, CLEAN_ARTICLES], group_name="metrics",
                     kinds={"duckdb"}, code_version=code_version("metrics"),
                     description=TABLE_BY_NAME[t].comment) for t, key in METRIC_KEYS.items()],
)
def metric_tables(context: AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.store().write() as con:
        s = run_metrics(con)
        metas = {t: table_metadata(con, t, PREVIEWS.get(t)) for t in METRIC_KEYS}
    kept = "" if s.recomputed else " (inputs unchanged since the last run: kept)"
    context.log.info(f"metrics rows: {s.rows}{kept}")
    for t, key in METRIC_KEYS.items():
        yield MaterializeResult(asset_key=key, metadata={
            **metas[t], "headline": MetadataValue.md(markdown_table(headline(t, s.tables[t]), max_rows=12))})


@multi_asset(
    specs=[AssetSpec(key, deps=list(METRIC_KEYS.values()), group_name="marts", kinds={"duckdb"},
                     description=next(v.comment for v in marts.VIEWS if v.qualified == name))
           for name, key in MART_KEYS.items()],
)
def mart_views(context: AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.store().write() as con:
        current = marts_current(con)
        counts = run_marts(con)
        metas = {name: table_metadata(con, name, rows=counts[name]) for name in MART_KEYS}
    context.log.info("views unchanged: kept (they show the current rows of their tables)" if current
                     else "views (re)created from healthwork.marts")
    for name, key in MART_KEYS.items():
        yield MaterializeResult(asset_key=key, metadata={**metas[name], "rows": counts[name]})
