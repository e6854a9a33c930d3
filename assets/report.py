"""warehouse/report: the static HTML report, written beside the published warehouse.

It runs after ``warehouse/published`` and reads the *published* file read-only, never the staging
copy: the report then shows exactly what analysts can query (a run whose publish failed leaves
the previous report and warehouse consistent), and reading needs no writer lock, so the report
never holds up the next run.
"""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets._meta import markdown_table
from healthwork import report
from resources.keys import PUBLISHED, REPORT
from resources.warehouse import WarehouseResource


@asset(key=REPORT, deps=[PUBLISHED], group_name="publish", kinds={"html", "plotly"},
       description="Self-contained HTML report (charts: funding by programme, announcements over time, places) "
                   "beside the published warehouse.")
def report_html(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    published = warehouse.settings().warehouse
    refreshed = report.refresh_report(published)  # same data as the report there: kept
    path, written, charts = refreshed.path, refreshed.written, refreshed.charts
    context.log.info(f"report {'written to' if written else 'unchanged (same data) at'} {path}")
    return MaterializeResult(metadata={
        "path": MetadataValue.path(str(path)),
        "link": MetadataValue.url(path.resolve().as_uri()),
        "size_bytes": path.stat().st_size,
        "rewritten": written,
        **{f"chart: {name}": MetadataValue.md(markdown_table(report.markdown_rows(df), max_rows=20))
           for name, df in charts.items()},
    })
