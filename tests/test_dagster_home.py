"""One Dagster home for the CLI and the UI: `healthwork run` records its run, materialisations and
check results on ``<warehouse dir>/.dagster`` (or ``DAGSTER_HOME``), the instance `healthwork ui`
serves; and its output is one line per step, each line once."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from dagster import AssetCheckKey, AssetKey, DagsterInstance, DagsterRunStatus

from healthwork import cli
from healthwork.config import get_settings

CHECK = "gx_expectations"


def test_cli_run_is_recorded_on_the_warehouse_dagster_home(env: tuple[Path, Path],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    _, warehouse = env
    assert cli.main(["run"]) == 0
    out = capsys.readouterr().out
    home = warehouse.parent / ".dagster"
    assert get_settings().dagster_home == home and (home / "dagster.yaml").is_file()

    with DagsterInstance.from_config(str(home)) as instance:
        (run,) = instance.get_runs()
        assert run.status == DagsterRunStatus.SUCCESS
        published = instance.get_latest_materialization_event(AssetKey(["warehouse", "published"]))
        assert published is not None and published.run_id == run.run_id
        raw = instance.get_latest_materialization_event(AssetKey(["raw", "files"]))
        assert raw.asset_materialization.metadata["new"].value == 5
        for key in (["raw", "files"], ["clean", "articles"], ["entities", "funding"], ["metrics", "programme_funding"]):
            record = instance.event_log_storage.get_latest_asset_check_execution_by_key(
                [AssetCheckKey(AssetKey(key), CHECK)])[AssetCheckKey(AssetKey(key), CHECK)]
            assert record.run_id == run.run_id
            evaluation = record.event.dagster_event.event_specific_data
            assert evaluation.passed
        entities = instance.get_latest_materialization_events([AssetKey(["entities", t]) for t in ("funding", "quotes")])
        assert all(ev is not None and ev.run_id == run.run_id for ev in entities.values())
        n_expectations = sum(r.event.dagster_event.event_specific_data.metadata["expectations"].value
                             for r in _all_check_records(instance))

    # the summary counts expectations (what the README's data-quality table counts), not Dagster checks
    m = re.search(r"^expectations:\s+(\d+) passed, 0 warned, 0 failed \((\d+) checks\)$", out, re.M)
    assert m and int(m[1]) == n_expectations > 10 and int(m[2]) == 10
    steps = [line for line in out.splitlines() if line.startswith("  ok ")]
    assert len(steps) >= 10 and any("raw/files" in s and "5 new" in s for s in steps)
    assert run.run_id not in out  # at most its short prefix, once
    assert len(out.splitlines()) == len(set(out.splitlines()))  # no line twice


def _all_check_records(instance: DagsterInstance) -> list:
    from pipelines.definitions import defs

    keys = list(defs.resolve_asset_graph().asset_check_keys)
    return [r for r in instance.event_log_storage.get_latest_asset_check_execution_by_key(keys).values() if r]


def test_dagster_home_overrides_the_default(env: tuple[Path, Path], tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _, warehouse = env
    home = tmp_path / "elsewhere"
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    assert get_settings().dagster_home == home
    assert cli.main(["run"]) == 0
    with DagsterInstance.from_config(str(home)) as instance:
        assert len(instance.get_runs()) == 1
    assert not (warehouse.parent / ".dagster").exists()
