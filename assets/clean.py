"""clean.articles and clean.dropped_lines (thin wrapper around healthwork.stages.run_clean)."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from assets._meta import table_metadata
from resources.keys import RAW_FILES
from healthwork import stages
from healthwork.versioning import code_version
from resources.keys import CLEAN_ARTICLES, DROPPED_LINES
from resources.warehouse import WarehouseResource


@multi_asset(
    specs=[
        AssetSpec(CLEAN_ARTICLES, deps=[RAW_FILES], group_name="clean", kinds={"duckdb"},
                  code_version=code_version("clean"),
                  description="One row per article: body without boilerplate; title, author, date, url."),
        AssetSpec(DROPPED_LINES, deps=[RAW_FILES], group_name="clean", kinds={"duckdb"},
                  code_version=code_version("clean"),
                  description="Every line the cleaner removed and the rule that removed it."),
    ],
)
def clean_articles(context: AssetExecutionContext, warehouse: WarehouseResource):
    def progress(done: int, total: int) -> None:
        context.log.info(f"cleaned {done}/{total} articles")

    with warehouse.store().write() as con:
        s = stages.run_clean(con, progress=progress)
        meta_a = table_metadata(con, "clean.articles", "SELECT source_file, title, author, published_date, url "
                                "FROM clean.articles ORDER BY source_file LIMIT 5")
        meta_d = table_metadata(con, "clean.dropped_lines", "SELECT rule, count(*) AS n_lines FROM "
                                "clean.dropped_lines GROUP BY rule ORDER BY n_lines DESC, rule LIMIT 10")
    context.log.info(f"cleaned {s.cleaned}, removed {s.removed}, re-cleaned for template change "
                     f"{s.recleaned_for_template}, quarantined {len(s.quarantined)}")
    yield MaterializeResult(asset_key=CLEAN_ARTICLES, metadata={
        **meta_a, "cleaned_this_run": s.cleaned, "removed_this_run": s.removed,
        "recleaned_for_template_change": s.recleaned_for_template, "template_lines": s.common_lines,
        "quarantined": MetadataValue.json([{"file": f, "reason": r} for f, r in s.quarantined])})
    yield MaterializeResult(asset_key=DROPPED_LINES, metadata=meta_d)
