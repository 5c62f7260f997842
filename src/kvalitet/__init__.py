"""kvalitet – ledningssystem för systematiskt kvalitetsarbete som YAML i git."""

# Versionen står här (och läses av hatchling vid bygget), så att start och --version
# inte behöver importlib.metadata.
__version__ = "0.1.0"
