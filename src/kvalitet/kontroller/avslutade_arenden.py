"""Ett avslutat ärende ska visa vad det ledde till.

En avvikelse, ett klagomål eller en synpunkt med `status: avslutad` ska ha minst en
åtgärd under `åtgärder`, eller en förklaring i `inga_åtgärder_motivering` till
varför inga åtgärder behövdes. Klagomål och synpunkter ska dessutom ha besvarats
(`besvarad` med datum) när de är åtgärdade, uppföljda eller avslutade, och svaret
kan inte ligga före det datum då ärendet kom in.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.avvikelse import Avvikelsestatus, Avvikelsetyp

ID = "AVV001"
NIVA = Niva.varning
RUBRIK = "Avslutat ärende utan åtgärd eller svar"

_BESVARAS = (Avvikelsetyp.klagomal, Avvikelsetyp.synpunkt)
_SENT = (Avvikelsestatus.atgardad, Avvikelsestatus.uppfoljd, Avvikelsestatus.avslutad)


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Avslutade ärenden utan åtgärd, och obesvarade klagomål och synpunkter."""
    for dok, a in ktx.verksamhet.avvikelser:
        if a.status == Avvikelsestatus.avslutad and not (a.åtgärder or a.inga_åtgärder_motivering):
            yield dok.fynd_vid(
                ("status",),
                ID,
                "Ärendet är avslutat utan åtgärder och utan inga_åtgärder_motivering.",
            )
        if a.typ in _BESVARAS and a.status in _SENT and a.besvarad is None:
            yield dok.fynd_vid(
                ("status",), ID, f"Ärendet ({a.typ}) är {a.status} men saknar besvarad."
            )
        if a.besvarad is not None and a.besvarad < a.inkom:
            yield dok.fynd_vid(
                ("besvarad",),
                ID,
                f"Svaret ({a.besvarad}) ligger före inkomstdagen ({a.inkom}).",
            )
