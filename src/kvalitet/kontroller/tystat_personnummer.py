"""Ett tystat personnummerlarm visas som en varning med sitt skäl.

När en rad har kommentaren `kvalitet: ignorera PNR001 – skäl` rapporteras numret
inte som fel, men syns här så att granskaren i en pull request kan bedöma skälet.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "PNR002"
NIVA = Niva.varning
RUBRIK = "Tystat personnummerlarm"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Tystade träffar, med skälet."""
    for hit in ktx.verksamhet.personnummertraffar:
        if hit.traff.tystad:
            yield Fynd(
                hit.fil,
                hit.traff.rad,
                hit.traff.kol,
                ID,
                f"Personnummerliknande tal ({hit.traff.maskerat}) tystat med skälet:"
                f" {hit.traff.skal}.",
            )
