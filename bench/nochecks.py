"""Run the real pipeline's assets without its asset checks (benchmark helper, never used by healthwork).

    python -m bench.nochecks SEEDS_DIR WAREHOUSE [--full]

When a blocking data-quality check fails, ``healthwork run`` stops before entities/metrics/publish;
to still measure extraction quality and the stages' own cost at scale, this runs the same assets
of ``pipelines.definitions.defs`` (same resources, in-process executor) with the checks left out.
"""
from __future__ import annotations

import sys
import time


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    full = "--full" in args
    seeds, warehouse = [a for a in args if a != "--full"][:2]
    from dagster import AssetSelection, DagsterInstance, Definitions, define_asset_job, in_process_executor

    from healthwork.config import get_settings
    from pipelines.definitions import defs
    from pipelines.run import run_config

    t0 = time.perf_counter()
    job = define_asset_job("bench_nochecks", selection=AssetSelection.all() - AssetSelection.all_asset_checks(),
                           executor_def=in_process_executor)
    assets = list(defs.assets or [])
    d = Definitions(assets=assets, jobs=[job], resources=dict(defs.resources or {}), executor=in_process_executor)
    settings = get_settings(warehouse, seeds)  # passed to the warehouse resource as run config
    res = d.resolve_job_def("bench_nochecks").execute_in_process(
        run_config=run_config(settings, full_rebuild=full), instance=DagsterInstance.ephemeral(), raise_on_error=False)
    print(f"run {res.run_id} {'succeeded' if res.success else 'FAILED'} in {time.perf_counter() - t0:.1f} s")
    return 0 if res.success else 1


if __name__ == "__main__":
    raise SystemExit(main())
