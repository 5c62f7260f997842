"""Varje åtagande ska ha en mätmetod.

Ett åtagande utan mätmetod går inte att följa upp: skriv under `mätmetod` hur
resultatet mäts (enkät, uttag ur verksamhetssystemet, Kolada …) och vad mätningen
avser visa.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "ATA001"
NIVA = Niva.fel
RUBRIK = "Åtagande utan mätmetod"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtaganden som saknar mätmetod."""
    for dok, fil in ktx.verksamhet.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            if not (atagande.mätmetod or "").strip():
                yield dok.fynd_vid(
                    ("åtaganden", i, "id"),
                    ID,
                    f"Åtagandet ”{atagande.id}” saknar mätmetod.",
                )
