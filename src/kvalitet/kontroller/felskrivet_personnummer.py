"""Ett tal skrivet som ett personnummer, med giltigt datum men fel kontrollsiffra.

`19850101-1234` har ett datum som finns men en kontrollsiffra som inte stämmer. Det
kan vara ett felskrivet personnummer, och ett felskrivet personnummer pekar ändå ut en
person. Bara tal i personnummerform räknas: med bindestreck eller plus (ÅÅMMDD-NNNN,
ÅÅÅÅMMDD-NNNN) eller tolv siffror med sekel; tio siffror i följd är oftare ett telefon-
eller ärendenummer. Kommandon som skriver filer vägrar sådana tal.

Är det inget personnummer (till exempel ett ärendenummer i samma form), skriv på samma
rad en kommentar med skälet: `# kvalitet: ignorera PNR003 – ärendenummer i Treserva`.
Larmet blir då en varning (PNR002) som visar skälet.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "PNR003"
NIVA = Niva.varning
RUBRIK = "Personnummerliknande tal med fel kontrollsiffra"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Tal i personnummerform med giltigt datum men fel kontrollsiffra, inte tystade."""
    for hit in ktx.verksamhet.personnummertraffar:
        traff = hit.traff
        if traff.fel_kontrollsiffra and not traff.tystad:
            var = "Filens eller mappens namn" if hit.i_namnet else "Filen"
            yield Fynd(
                hit.fil,
                1 if hit.i_namnet else traff.rad,
                1 if hit.i_namnet else traff.kol,
                ID,
                f"{var} innehåller ett tal i personnummerform ({traff.maskerat}) med fel"
                " kontrollsiffra, kanske ett felskrivet personnummer. Ta bort det, eller skriv"
                " ”kvalitet: ignorera PNR003 – skäl” på raden om det inte är ett.",
            )
