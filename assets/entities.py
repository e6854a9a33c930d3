"""entities.*: one asset per contract table (thin wrapper around healthwork.stages.run_entities)."""

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset

from assets._meta import table_metadata
from resources.keys import CLEAN_ARTICLES
from healthwork import stages
from healthwork.extract import TABLES
from healthwork.store import TABLE_BY_NAME
from healthwork.versioning import code_version
from resources.keys import ENTITY_KEYS
from resources.warehouse import WarehouseResource


@multi_asset(
    specs=[AssetSpec(key, deps=[CLEAN_ARTICLES], group_name="entities", kinds={"duckdb"},
                     code_version=code_version("entities"),
                     description=TABLE_BY_NAME[f"entities.{t}"].comment) for t, key in ENTITY_KEYS.items()],
)
def entity_tables(context: AssetExecutionContext, warehouse: WarehouseResource):
    def progress(done: int, total: int) -> None:
        context.log.info(f"extracted entities from {done}/{total} articles")

    with warehouse.store().write() as con:
        s = stages.run_entities(con, progress=progress)
        metas = {t: table_metadata(con, f"entities.{t}") for t in TABLES}
    context.log.info(f"extracted {s.extracted} articles; rows: {s.rows}; failed: {len(s.failed)}")
    for t, key in ENTITY_KEYS.items():
        yield MaterializeResult(asset_key=key, metadata={**metas[t], "articles_extracted_this_run": s.extracted})
