"""Varje rum i huset ska ha sin guide i mappen rum/.

Guiden (`rum/<rum>.yaml`) har rummets syfte, förberedelser, underlag, frågorna för
orsaksanalysen och åtgärdsfrågorna. Utan guide går rummets session inte att
förbereda, och sessionens svar går inte att kontrollera.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "RUM001"
NIVA = Niva.fel
RUBRIK = "Rummet saknar guide"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Rum i huset utan fil i rum/."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    dok, huset = v.huset
    filer = {d.relativ for d in v.dokument}
    for i, rum in enumerate(huset.rum):
        if rum.id not in v.guider and f"rum/{rum.id}.yaml" not in filer:
            yield dok.fynd_vid(
                ("rum", i, "id"),
                ID,
                f"Rummet ”{rum.namn}” har ingen guide: filen rum/{rum.id}.yaml saknas.",
            )
