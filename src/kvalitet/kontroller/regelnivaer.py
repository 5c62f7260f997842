"""Husets `regler.nivåer` gäller regler som finns och sänker ingen regel under dess lägsta nivå.

En verksamhet kan höja en regel från varning till fel (till exempel `INT001: fel`), så
att den stoppar en pull request. Den kan inte sänka en regel vars lägsta nivå är fel:
den nivån är ett krav, inte en lokal rutin. Se reglerna och deras lägsta nivåer med
`kvalitet regler`.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "REG001"
NIVA = Niva.fel
RUBRIK = "Okänd regel eller för låg nivå i regler.nivåer"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Nivåer för regler som inte finns, och sänkta fel."""
    from kvalitet.kontroller import REGLER  # registret importerar den här modulen

    huset = ktx.verksamhet.huset
    if huset is None or huset[1].regler is None:
        return
    dok = huset[0]
    for regel, niva in huset[1].regler.nivåer.items():
        vag = ("regler", "nivåer", regel)
        if regel not in REGLER:
            forslag = difflib.get_close_matches(regel, list(REGLER), n=1)
            menade = f" Menade du {forslag[0]}?" if forslag else ""
            yield dok.fynd_vid(vag, ID, f"Det finns ingen regel {regel}.{menade}")
        elif Niva.fel == REGLER[regel].NIVA and niva == Niva.varning:
            yield dok.fynd_vid(
                vag,
                ID,
                f"Regeln {regel} kan inte sänkas till varning: dess lägsta nivå är fel.",
            )
