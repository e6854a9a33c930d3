"""metrics.*: corpus-level aggregates, recomputed over the whole corpus on every run."""

from dagster import AssetExecutionContext, AssetKey, AssetSpec, MaterializeResult, MetadataValue, multi_asset

from assets._meta import markdown_table, table_metadata
from assets.entities import ENTITY_KEYS
from healthwork import stages
from healthwork.versioning import code_version
from pipelines.resources import WarehouseResource

PROGRAMME_FUNDING = AssetKey(["metrics", "programme_funding"])


@multi_asset(
    specs=[AssetSpec(PROGRAMME_FUNDING, deps=list(ENTITY_KEYS.values()), group_name="metrics", kinds={"duckdb"},
                     code_version=code_version("metrics"),
                     description="One row per distinct funding commitment, deduplicated across articles.")],
)
def metric_tables(context: AssetExecutionContext, warehouse: WarehouseResource):
    with warehouse.store().write() as con:
        s = stages.run_metrics(con)
        meta = table_metadata(con, "metrics.programme_funding",
                              "SELECT programme, amount, currency, qualifier, period_years, n_articles "
                              "FROM metrics.programme_funding ORDER BY amount DESC LIMIT 10")
    yield MaterializeResult(asset_key=PROGRAMME_FUNDING, metadata={
        **meta, "headline": MetadataValue.md(markdown_table(s.headline, max_rows=10))})
