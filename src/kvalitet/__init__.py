"""kvalitet – ledningssystem för systematiskt kvalitetsarbete som YAML i git."""

# Versionen står bara här (hatchling läser den vid bygget), så att start och --version
# inte behöver importlib.metadata. Taggen för en utgåva är "v" + versionen.
__version__ = "0.2.0"

FORRAD = "https://github.com/kvalitet/kvalitet"
"""kvalitets förråd: forgens CI hämtar åtgärden (action.yml) och GitLab-mallen härifrån.

En kommun som har en egen kopia anger den med `kvalitet init --kvalitet-kalla`.
"""
