"""Ett ifyllt riskvärde ska vara sannolikhet × konsekvens.

Riskvärdet räknar kvalitet ut själv, och rapporterna använder alltid det uträknade
värdet; nyckeln `riskvärde` behöver inte skrivas. Den som ändå skriver den (som i en
riskmatris på papper) får en kontroll av att värdet stämmer, så att filen inte säger
en sak och rapporten en annan. Rätta värdet eller ta bort raden.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.risker import benamning

ID = "RSK003"
NIVA = Niva.fel
RUBRIK = "Riskvärdet stämmer inte"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Risker vars ifyllda riskvärde inte är sannolikhet × konsekvens."""
    for dok, analys in ktx.verksamhet.riskanalyser:
        for i, risk in enumerate(analys.risker):
            if risk.riskvärde is None or risk.varde is None or risk.riskvärde == risk.varde:
                continue
            yield dok.fynd_vid(
                ("risker", i, "riskvärde"),
                ID,
                f"{benamning(risk, i)} har riskvärde {risk.riskvärde}, men sannolikhet ×"
                f" konsekvens är {risk.sannolikhet} × {risk.konsekvens} = {risk.varde}."
                " Rätta värdet eller ta bort raden; kvalitet räknar ut det själv.",
            )
