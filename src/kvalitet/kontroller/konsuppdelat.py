"""Ett utfall uppdelat på kön säger om en skillnad är motiverad och vad som görs åt den.

Det räcker inte att redovisa kvinnors och mäns utfall: jämställdhetsarbetet frågar om en
skillnad är motiverad (till exempel av olika behov) eller omotiverad, och vad som görs
åt en omotiverad skillnad. När en indikators `utfall_per_kön` har olika värden för
kvinnor och män ska den ange `skillnad: ingen`, `motiverad` (med `motivering`) eller
`omotiverad` (med `åtgärd`: vad som görs, gärna med åtgärdens id).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import integrerade
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import tal

ID = "INT002"
NIVA = Niva.varning
RUBRIK = "Skillnad mellan könen utan bedömning"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Könsuppdelade utfall som skiljer sig åt utan en fullständig bedömning."""
    for dok, fil in ktx.verksamhet.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for j, indikator, uppdelat in integrerade.konsuppdelade(atagande):
                saknas = integrerade.saknas_i_bedomningen(uppdelat)
                if not integrerade.skiljer(uppdelat) or saknas is None:
                    continue
                yield dok.fynd_vid(
                    ("åtaganden", i, "indikatorer", j, "utfall_per_kön"),
                    ID,
                    f"Indikatorn ”{indikator.namn}” i åtagandet ”{atagande.id}” skiljer sig"
                    f" mellan kvinnor ({tal(uppdelat.kvinnor)}) och män ({tal(uppdelat.män)})"
                    f"; {saknas} saknas.",
                )
