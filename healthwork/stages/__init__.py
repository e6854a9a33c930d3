"""The pipeline's stages over a DuckDB connection: incremental, idempotent, Dagster-free.

Each article-level stage diffs what it should hold against what it has processed (by content
hash, see ``meta.processed``) and works only on the difference; a file's rows are always
replaced as a unit. A change of a stage's code version (``healthwork.versioning``) makes the
stage re-process everything. Dagster assets are thin wrappers around these functions.
"""
from healthwork.stages.clean import run_clean
from healthwork.stages.entities import run_entities
from healthwork.stages.guard import MassDeletionRefused, guard_mass_deletion
from healthwork.stages.metrics import run_metrics
from healthwork.stages.raw import run_raw

__all__ = ["run_raw", "run_clean", "run_entities", "run_metrics", "guard_mass_deletion", "MassDeletionRefused"]
