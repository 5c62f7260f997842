"""En åtgärd som har passerat `klart_senast` utan att vara klar är försenad.

Gäller åtgärder i sessionernas handlingsplaner och i avvikelser. En åtgärd är klar
med `status: klar`; en åtgärd som inte ska genomföras markeras `status: avbruten`
(gärna med en förklaring i `effekt`). Flytta annars fram `klart_senast` och skriv
varför i sessionen.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal, kort

ID = "ATG001"
NIVA = Niva.varning
RUBRIK = "Försenad åtgärd"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtgärder vars klart_senast har passerat och som inte är klara."""
    for plats in ktx.verksamhet.atgarder():
        atgard = plats.atgard
        dagar = atgard.dagar_forsenad(ktx.per)
        if dagar:
            yield plats.dok.fynd_vid(
                (*plats.vag, "klart_senast"),
                ID,
                f"Åtgärden ”{kort(atgard.åtgärd)}” skulle vara klar"
                f" {atgard.klart_senast} och är {antal(dagar, 'dag', 'dagar')} försenad"
                f" (status: {atgard.status}).",
            )
