"""En genomförd session ska ha ett datum och en handlingsplan.

Varje rum i årshjulet slutar med ”Upprätta en handlingsplan för genomförande,
uppföljning och tidsram”. En session med `status: genomförd` ska därför ha
`datum` och minst en åtgärd under `handlingsplan`.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Sessionsstatus

ID = "SES001"
NIVA = Niva.fel
RUBRIK = "Genomförd session utan datum eller handlingsplan"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Genomförda sessioner som saknar datum eller handlingsplan."""
    for dok, session in ktx.verksamhet.sessioner:
        if session.status != Sessionsstatus.genomford:
            continue
        namn = ktx.verksamhet.rumsnamn(session.rum)
        if session.datum is None:
            yield dok.fynd_vid(
                ("status",),
                ID,
                f"Sessionen för ”{namn}” är genomförd men saknar datum.",
            )
        if not session.handlingsplan:
            yield dok.fynd_vid(
                _handlingsplanens_plats(dok.data),
                ID,
                f"Sessionen för ”{namn}” är genomförd men saknar handlingsplan.",
            )


def _handlingsplanens_plats(data: dict[str, object]) -> tuple[str, ...]:
    # Saknas nyckeln helt pekar fyndet på status, som säger att sessionen är hållen.
    return ("handlingsplan",) if "handlingsplan" in data else ("status",)
