"""En fil ska inte börja med ett BOM-tecken.

Vissa Windows-program lägger ett osynligt tecken (byte order mark) först i filen.
Filen går att läsa ändå, men tecknet syns som skräp i andra verktyg och i
ändringar i git. Spara filen som ”UTF-8” (inte ”UTF-8 med BOM”).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.kontroller._inlasning import inlasningsfynd

ID = "FIL002"
NIVA = Niva.varning
RUBRIK = "Filen börjar med ett BOM-tecken"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Filer som börjar med BOM."""
    return inlasningsfynd(ktx, ID)
