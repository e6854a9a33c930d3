"""Every asset key of the pipeline, in one place: the assets define them, the asset checks and the
definitions refer to them, none has to import another layer's module for a name."""
from __future__ import annotations

from dagster import AssetKey

from healthwork import marts
from healthwork.extract import TABLES
from healthwork.stages.metrics import METRIC_TABLES

RAW_FILES = AssetKey(["raw", "files"])
CLEAN_ARTICLES = AssetKey(["clean", "articles"])
DROPPED_LINES = AssetKey(["clean", "dropped_lines"])
ARTICLE_DUPLICATES = AssetKey(["clean", "article_duplicates"])
ENTITY_KEYS = {t: AssetKey(["entities", t]) for t in TABLES}
METRIC_KEYS = {t: AssetKey(t.split(".")) for t in METRIC_TABLES}
PROGRAMME_FUNDING = METRIC_KEYS["metrics.programme_funding"]
MART_KEYS = {v.qualified: AssetKey([marts.SCHEMA, v.name]) for v in marts.VIEWS}
PUBLISHED = AssetKey(["warehouse", "published"])
REPORT = AssetKey(["warehouse", "report"])
