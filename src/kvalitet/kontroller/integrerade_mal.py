"""Varje integrerat mål i taket har arbete under året: ett åtagande eller en åtgärd.

Källan säger att jämställdheten ”på ett konkret sätt ska genomsyra alla processer och
dokument”, och att arbetet ska säkerställas ”enligt husets bottenplatta och tak”. Ett
integrerat mål (`tak.integrerade_mål` i huset.yaml) som inget under året pekar på styr
inte arbetet. Peka på målet från ett av årets åtaganden (`integrerade_mål: [id]` i
ataganden/<år>.yaml) eller från en åtgärd (i en handlingsplan, en avvikelse, en
egenkontroll eller en riskanalys) som ska vara klar eller följas upp under året.

Regeln gäller året för dagen som kontrollen bedöms per, när året har åtaganden eller en
årshjulssession (en ny verksamhet har ännu inget att peka från). Nivån bestäms i regler.nivåer
(standard: varning; `INT001: fel` gör den stoppande).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import integrerade
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "INT001"
NIVA = Niva.varning
RUBRIK = "Integrerat mål utan årets arbete"
TVARS = True
"""Regeln jämför avvikelser med varandra eller med andra filer: se kvalitet.kontroll."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Integrerade mål som inget åtagande och ingen åtgärd under året pekar på."""
    v, ar = ktx.verksamhet, ktx.per.year
    if v.huset is None or not v.har_arbete(ar):
        return
    dok = v.huset[0]
    for (i, mal), arbete in zip(integrerade.mal(v), integrerade.arbete(v, ar), strict=True):
        if arbete.tomt:
            yield dok.fynd_vid(
                ("tak", "integrerade_mål", i, "id"),
                ID,
                f"Det integrerade målet ”{mal.namn}” ({mal.id}) har inget åtagande och ingen"
                f" åtgärd under {ar}. Skriv integrerade_mål: [{mal.id}] på ett av årets"
                " åtaganden eller på en åtgärd som ska vara klar i år.",
            )
