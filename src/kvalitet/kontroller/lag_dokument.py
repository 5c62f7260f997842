"""Varje krav i lagkravslistan ska omsättas i ett fastställt styrdokument.

Ett krav i lagkrav.yaml som inget fastställt styrdokument anger under `lagkrav` har ingen
rutin, riktlinje eller processbeskrivning som säger hur verksamheten uppfyller det.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.styrdokumenten import omsatter

ID = "LAG001"
NIVA = Niva.varning
RUBRIK = "Lagkrav som inget fastställt styrdokument omsätter"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Krav i lagkravslistan utan fastställt dokument."""
    v = ktx.verksamhet
    if v.lagkravslista is None:
        return
    dok, lista = v.lagkravslista
    omsatta = omsatter(v)
    for index, krav in enumerate(lista.krav):
        if krav.id not in omsatta:
            yield dok.fynd_vid(
                ("krav", index, "id"),
                ID,
                f"Kravet ”{krav.id}” ({krav.beteckning} {krav.paragraf or ''}".rstrip()
                + ") omsätts inte i något fastställt styrdokument (lagkrav: i dokumentets huvud).",
            )
