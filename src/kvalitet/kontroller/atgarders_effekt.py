"""En åtgärd vars uppföljningsdag har passerat har sin effekt beskriven.

Förbättrande åtgärder ska dokumenteras och ”följs upp att de bidrar till ökad kvalitet
i verksamheten”. När dagen i `uppföljning` har passerat ska åtgärden därför ha
`effekt`: vad uppföljningen visade och vad åtgärden ledde till. Gäller åtgärder i
sessionernas handlingsplaner, i avvikelser, i riskanalyser och i egenkontroller.
Uppföljningsdagen räknas som passerad dagen efter. En avbruten åtgärd
(`status: avbruten`) följs inte upp (skriv gärna varför den avbröts i `effekt`). Är
åtgärden inte klar när uppföljningsdagen har passerat, beskriv läget i `effekt` eller
flytta fram `uppföljning` och skriv varför.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.svenska import kort

ID = "ATG003"
NIVA = Niva.varning
RUBRIK = "Uppföljd åtgärd utan effekt"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtgärder vars uppföljning har passerat och som saknar effekt."""
    for plats in ktx.verksamhet.atgarder():
        atgard = plats.atgard
        if not atgard.effekt_saknas(ktx.per):
            continue
        text = (
            f"Åtgärden ”{kort(atgard.åtgärd)}” skulle följas upp {atgard.uppföljning} men"
            " saknar effekt: skriv vad uppföljningen visade."
        )
        if atgard.status != Atgardsstatus.klar:
            text += (
                f" Åtgärden är inte klar (status: {atgard.status}); beskriv läget i effekt"
                " eller flytta fram uppföljning."
            )
        yield plats.dok.fynd_vid(plats.vag, ID, text)
