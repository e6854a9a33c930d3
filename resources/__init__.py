"""What the Dagster layers share, below them all: the asset keys (``keys``) and the warehouse resource
(``warehouse``). ``assets/`` and ``expectations/`` import these; only ``pipelines/`` imports ``assets/``
and ``expectations/``."""
