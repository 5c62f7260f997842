"""Ett fastställt styrdokument ska ses över senast när det ska revideras.

Dagen står i huvudet som `revideras_senast`; annars räknas den från `fastställd` (eller
`senast_granskad`, om dokumentet har setts över utan att ändras) med husets
granskningsintervall (`regler.granskning.intervall_månader`, standard 12 månader). Har
dagen passerat per `--per` är dokumentet förfallet. Se över det: fastställ en ny version,
eller skriv `senast_granskad` när det fortfarande stämmer.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.styrdokumenten import forfallet
from kvalitet.svenska import antal

ID = "DOK003"
NIVA = Niva.varning
RUBRIK = "Styrdokument som skulle ha reviderats"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Fastställda styrdokument vars revisionsdag har passerat."""
    for dok, dokument in ktx.verksamhet.styrdokument:
        senast = forfallet(ktx.verksamhet, dokument, ktx.per)
        if senast is None:
            continue
        nyckel = "revideras_senast" if dokument.revideras_senast else "fastställd"
        yield dok.fynd_vid(
            (nyckel,),
            ID,
            f"”{dokument.titel}” skulle ha reviderats senast {senast}"
            f" ({antal((ktx.per - senast).days, 'dag', 'dagar')} sedan). Fastställ en ny version,"
            " eller skriv senast_granskad om det fortfarande stämmer.",
        )
