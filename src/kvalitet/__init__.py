"""kvalitet – ledningssystem för systematiskt kvalitetsarbete som YAML i git."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kvalitet")
except PackageNotFoundError:  # pragma: no cover - körs bara från en okonfigurerad källkod
    __version__ = "0.0.0"
