"""I en genomförd riskanalys ska varje risk vara beskriven och bedömd.

En risk bedöms på två skalor: `sannolikhet` (1 mycket liten, 2 liten, 3 stor, 4 mycket
stor) och `konsekvens` (1 mindre, 2 måttlig, 3 betydande, 4 katastrofal). Riskvärdet är
sannolikhet × konsekvens och räknas ut av kvalitet. En risk utan beskrivning (`risk`),
sannolikhet eller konsekvens i en analys med `status: genomförd` eller `uppföljd` är ett
fel, eftersom den varken kan prioriteras eller visas i riskmatrisen.

En analys med `status: planerad` kontrolleras inte här: riskerna får skrivas in efter
hand och bedömas när analysen hålls.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.riskanalys import BEDOMDA, Risk
from kvalitet.risker import benamning
from kvalitet.svenska import upprakning

ID = "RSK001"
NIVA = Niva.fel
RUBRIK = "Risk som inte är bedömd"

_TIPS = (
    " Bedöm sannolikhet (1 mycket liten – 4 mycket stor) och konsekvens (1 mindre – 4 katastrofal)."
)


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Risker i genomförda och uppföljda analyser som saknar beskrivning eller värden."""
    for dok, analys in ktx.verksamhet.riskanalyser:
        if analys.status not in BEDOMDA:
            continue
        for i, risk in enumerate(analys.risker):
            saknas = _saknas(risk)
            if saknas:
                yield dok.fynd_vid(
                    ("risker", i, saknas[0]),
                    ID,
                    f"{benamning(risk, i)} saknar {upprakning(saknas)}, men analysen är"
                    f" {analys.status}.{_TIPS if saknas != ['risk'] else ''}",
                )


def _saknas(risk: Risk) -> list[str]:
    varden = {"risk": risk.risk, "sannolikhet": risk.sannolikhet, "konsekvens": risk.konsekvens}
    return [nyckel for nyckel, varde in varden.items() if varde is None]
