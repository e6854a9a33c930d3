"""warehouse/published: the atomic publish of the staging copy to the file analysts read."""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from healthwork.store import connect_published
from resources.keys import (
    ARTICLE_DUPLICATES,
    CLEAN_ARTICLES,
    DROPPED_LINES,
    ENTITY_KEYS,
    MART_KEYS,
    METRIC_KEYS,
    PUBLISHED,
    RAW_FILES,
)
from resources.warehouse import WarehouseResource
PUBLISH_DEPS = [RAW_FILES, CLEAN_ARTICLES, DROPPED_LINES, *ENTITY_KEYS.values(), ARTICLE_DUPLICATES,
                *METRIC_KEYS.values(), *MART_KEYS.values()]


@asset(key=PUBLISHED, deps=PUBLISH_DEPS, group_name="publish", kinds={"duckdb"},
       description="The warehouse analysts open read-only, replaced atomically when a run's stages succeeded.")
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    path = warehouse.store().publish()
    con = connect_published(path)  # exactly as analysts open it
    try:
        counts = {f"{s}.{t}": con.execute(f"SELECT count(*) FROM {s}.{t}").fetchone()[0]
                  for s, t in con.execute("SELECT schema_name, table_name FROM duckdb_tables() "
                                          "WHERE database_name = current_database() ORDER BY 1, 2").fetchall()}
    finally:
        con.close()
    context.log.info(f"published {path}")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(path)), "tables": MetadataValue.json(counts),
                                       "size_bytes": path.stat().st_size})
