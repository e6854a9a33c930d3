"""raw.files: every input file as received (thin wrapper around healthwork.stages.run_raw)."""

from dagster import AssetExecutionContext, Config, MaterializeResult, MetadataValue, asset

from assets._meta import table_metadata
from healthwork import stages
from healthwork.folder_state import take_scan
from healthwork.ingest import scan_folder
from healthwork.versioning import code_version
from resources.keys import RAW_FILES
from resources.warehouse import WarehouseResource


class RawConfig(Config):
    full_rebuild: bool = False  # forget the working copy and re-process every file
    allow_mass_delete: bool = False  # may remove all or most published articles (healthwork.stages.guard)


@asset(key=RAW_FILES, group_name="raw", kinds={"duckdb"}, code_version=code_version("raw"),
       description="Every input file of the seeds folder: name, sha256, size, decoded text, encoding, status.")
def raw_files(context: AssetExecutionContext, config: RawConfig, warehouse: WarehouseResource) -> MaterializeResult:
    store, settings = warehouse.store(), warehouse.settings()
    # one listing for the guard and the stage: the one `healthwork run` made for its nothing-new answer, if any
    scanned = take_scan(settings.seeds_dir) or scan_folder(settings.seeds_dir)
    stages.guard_mass_deletion(settings, allow=config.allow_mass_delete, scanned=scanned)  # before anything is changed
    if config.full_rebuild:
        store.reset_staging()
    with store.write() as con:
        s = stages.run_raw(con, settings, scanned=scanned)
        meta = table_metadata(con, "raw.files", "SELECT source_file, sha256, size_bytes, encoding, status "
                                             "FROM raw.files ORDER BY source_file LIMIT 5")
    context.log.info(f"{settings.seeds_dir}: {s.files} files, {len(s.new)} new, {len(s.changed)} changed, "
                     f"{len(s.deleted)} deleted, {s.unchanged} unchanged, {len(s.quarantined)} quarantined")
    for name in s.deleted:
        context.log.info(f"deleted input file {name}: its rows are removed")
    for name, why in s.skipped:
        context.log.warning(f"skipped {name}: {why}")
    return MaterializeResult(metadata={
        **meta,
        "seeds_dir": MetadataValue.path(str(settings.seeds_dir)),
        "new": len(s.new), "changed": len(s.changed), "deleted": len(s.deleted), "unchanged": s.unchanged,
        "quarantined": MetadataValue.json([{"file": f, "reason": r} for f, r in s.quarantined]),
        "skipped": MetadataValue.json([{"file": f, "reason": r} for f, r in s.skipped]),
        "articles": s.articles,
    })
