"""En hög risk ska ha en åtgärd, eller vara accepterad med en motivering.

En risk är hög när dess riskvärde (sannolikhet × konsekvens, 1–16) är minst gränsen,
som är 8 om huset.yaml inte anger en egen under `regler.risk.hög_risk_från`. En hög
risk behöver minst en åtgärd under `åtgärder` (i samma form som i en handlingsplan:
åtgärd, ansvarig, klart_senast, uppföljning, status) som inte är avbruten. Kan eller
ska risken inte minskas, skriv `accepterad: true` och varför i `motivering`.

Regeln gäller varje analys där risken har både sannolikhet och konsekvens, också en
planerad: den som har bedömt en risk som hög ska också säga vad som görs åt den.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.risker import ar_ohanterad, benamning, hog_risk_fran

ID = "RSK002"
NIVA = Niva.fel
RUBRIK = "Hög risk utan åtgärd"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Höga risker utan åtgärd och utan motiverad acceptans."""
    if not ktx.verksamhet.riskanalyser:
        return
    grans = hog_risk_fran(ktx.verksamhet)
    for dok, analys in ktx.verksamhet.riskanalyser:
        for i, risk in enumerate(analys.risker):
            if not ar_ohanterad(risk, grans):
                continue
            if risk.accepterad:
                vag, tips = ("risker", i, "accepterad"), "Skriv varför under motivering."
            else:
                vag, tips = ("risker", i, "åtgärder"), _TIPS
            yield dok.fynd_vid(
                vag,
                ID,
                f"{benamning(risk, i)} har riskvärdet {risk.varde}"
                f" ({risk.sannolikhet} × {risk.konsekvens}), en hög risk (från {grans}),"
                f" men {_saknas(risk.accepterad)}. {tips}",
            )


_TIPS = (
    "Lägg till en åtgärd under åtgärder, eller skriv accepterad: true och varför under motivering."
)


def _saknas(accepterad: bool) -> str:
    if accepterad:
        return "är accepterad utan motivering"
    return "har ingen åtgärd (som inte är avbruten)"
