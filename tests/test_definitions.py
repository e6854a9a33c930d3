"""The Definitions load, hold every contract asset, and keep the layer rules."""
from __future__ import annotations

import ast
from pathlib import Path

from dagster import AssetKey

from pipelines.definitions import defs
from pipelines.jobs import ALL_JOB_NAME
from tests.conftest import SEEDS

PROJECT = Path(__file__).resolve().parents[1]

CONTRACT_ASSETS = [
    "raw/files", "clean/articles", "entities/funding", "entities/person_mentions", "entities/quotes",
    "entities/organisation_mentions", "entities/place_mentions", "entities/programme_mentions",
    "entities/people_counts", "metrics/programme_funding", "warehouse/published",
]


def test_every_contract_asset_is_defined():
    keys = {k.to_user_string() for k in defs.resolve_all_asset_keys()}
    missing = [k for k in CONTRACT_ASSETS if k not in keys]
    assert not missing, f"assets missing from Definitions: {missing}"


def test_job_covers_all_assets_and_publish_is_last():
    job = defs.resolve_job_def(ALL_JOB_NAME)
    graph = defs.resolve_asset_graph()
    published = AssetKey(["warehouse", "published"])
    upstream = graph.get(published).parent_keys
    assert AssetKey(["metrics", "programme_funding"]) in upstream
    assert AssetKey(["entities", "funding"]) in upstream
    assert job.executor_def.name == "in_process"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_domain_package_imports_no_dagster_nor_outer_layers():
    offenders = {str(p.relative_to(PROJECT)): bad for p in (PROJECT / "healthwork").rglob("*.py")
                 if (bad := _imports(p) & {"dagster", "assets", "pipelines", "expectations"})
                 and p.name != "cli.py"}
    assert offenders == {}


def test_no_seed_file_name_in_code():
    seeds = [p.stem for p in SEEDS.glob("*.txt")]
    code = [p for d in ("healthwork", "assets", "pipelines", "expectations") for p in (PROJECT / d).rglob("*")
            if p.is_file() and p.suffix in {".py", ".csv", ".sql"}]
    hits = [(str(p.relative_to(PROJECT)), s) for p in code for s in seeds if s in p.read_text(errors="ignore")]
    assert hits == []


def test_only_pipelines_imports_assets_and_expectations():
    """Layers: resources/ (asset keys, the warehouse resource) below assets/ and expectations/, which
    import neither each other nor pipelines/; pipelines/ alone puts them together."""
    layers = {"resources": {"assets", "expectations", "pipelines"}, "assets": {"expectations", "pipelines"},
              "expectations": {"assets", "pipelines"}}
    offenders = {str(p.relative_to(PROJECT)): bad for layer, banned in layers.items()
                 for p in (PROJECT / layer).rglob("*.py") if (bad := _imports(p) & banned)}
    assert offenders == {}
