"""När ett år är slut ska årets åtaganden ha utfall och analys.

Efter årets sista dag ska varje indikator i `ataganden/<år>.yaml` ha ett `utfall`
och varje åtagande en `analys` av resultatet. Det är underlaget för
kvalitetsberättelsen. Finns inget utfall att få, skriv varför i analysen och ta
bort indikatorn. En indikator som hämtar sitt utfall ur egenkontrollen (`egenkontroll`)
har ett utfall när någon genomförd kontroll under året har räknat dess granskningspunkt.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import egenkontrollen
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "ATA002"
NIVA = Niva.fel
RUBRIK = "Avslutat år utan utfall eller analys"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtaganden för avslutade år som saknar utfall eller analys."""
    v = ktx.verksamhet
    for dok, fil in v.ataganden:
        if ktx.per.year <= fil.år:
            continue
        for i, atagande in enumerate(fil.åtaganden):
            if not (atagande.analys or "").strip():
                yield dok.fynd_vid(
                    ("åtaganden", i, "id"),
                    ID,
                    f"År {fil.år} är slut men åtagandet ”{atagande.id}” saknar analys.",
                )
            for j, indikator in enumerate(atagande.indikatorer):
                if egenkontrollen.indikatorns_utfall(v, indikator, fil.år, ktx.per) is None:
                    yield dok.fynd_vid(
                        ("åtaganden", i, "indikatorer", j),
                        ID,
                        f"År {fil.år} är slut men indikatorn ”{indikator.namn}” saknar utfall.",
                    )
