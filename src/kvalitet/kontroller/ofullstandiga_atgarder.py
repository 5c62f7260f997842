"""En åtgärd i en genomförd session eller riskanalys och i ett avslutat ärende ska vara komplett.

En komplett åtgärd anger vem som ansvarar (en roll, inte ett namn), när den ska
vara klar och när den ska följas upp: `ansvarig`, `klart_senast` och `uppföljning`.
Uppföljningen kan inte ligga före klart_senast.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Session, Sessionsstatus
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsestatus
from kvalitet.modell.riskanalys import BEDOMDA, Riskanalys

ID = "ATG002"
NIVA = Niva.varning
RUBRIK = "Ofullständig åtgärd"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtgärder som saknar uppgifter, eller följs upp före klart_senast."""
    for plats in ktx.verksamhet.atgarder():
        atgard = plats.atgard
        if not _ar_avslutat(plats.dok.modell):
            continue
        saknas = atgard.saknade_uppgifter()
        if saknas:
            yield plats.dok.fynd_vid(
                plats.vag,
                ID,
                f"Åtgärden saknar {', '.join(saknas)}.",
            )
        elif (
            atgard.uppföljning
            and atgard.klart_senast
            and (atgard.uppföljning < atgard.klart_senast)
        ):
            yield plats.dok.fynd_vid(
                (*plats.vag, "uppföljning"),
                ID,
                f"Uppföljningen ({atgard.uppföljning}) ligger före klart_senast"
                f" ({atgard.klart_senast}).",
            )


def _ar_avslutat(modell: object) -> bool:
    if isinstance(modell, Session):
        return modell.status == Sessionsstatus.genomford
    if isinstance(modell, Riskanalys):
        return modell.status in BEDOMDA
    return isinstance(modell, Avvikelse) and modell.status == Avvikelsestatus.avslutad
