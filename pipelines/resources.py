"""The warehouse resource lives below the assets (``resources.warehouse``); re-exported for the definitions."""
from resources.warehouse import WarehouseResource

__all__ = ["WarehouseResource"]
