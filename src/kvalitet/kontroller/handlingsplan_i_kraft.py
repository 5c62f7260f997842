"""Varje rum ska ha en handlingsplan i kraft.

Rummets senaste genomförda session (inom `årshjul.handlingsplan_giltig_månader`,
normalt 12 månader före bedömningsdagen) ska ha en handlingsplan med minst en
komplett åtgärd: åtgärd, ansvarig, klart_senast, uppföljning och status ifyllda.
Kravet gäller från slutet av rummets första stopp i årshjulet efter det datum då
årshjulet infördes (`årshjul.infört` i huset.yaml), så att en ny verksamhet inte
får fel innan den har hunnit hålla sina sessioner. Ett rum som kom till senare (med
sitt eget `infört`, som `kvalitet arshjul lagg-till` skriver) räknas från den dagen.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import arshjulet
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal

ID = "RUM002"
NIVA = Niva.fel
RUBRIK = "Rummet saknar handlingsplan i kraft"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Rum vars senaste genomförda session är för gammal eller saknar åtgärder."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    husdok, huset = v.huset
    giltig = huset.årshjul.handlingsplan_giltig_månader
    tidigast = arshjulet.manader_fore(ktx.per, giltig)
    for i, rum in enumerate(huset.rum):
        if ktx.per <= arshjulet.forsta_kravet(rum, arshjulet.infort(huset, rum)):
            continue
        sessioner = arshjulet.genomforda(v, rum.id, ktx.per)
        if not sessioner:
            yield husdok.fynd_vid(
                ("rum", i, "id"),
                ID,
                f"Rummet ”{rum.namn}” saknar handlingsplan: ingen session är genomförd.",
            )
            continue
        dok, senaste = sessioner[-1]
        if senaste.datum is not None and senaste.datum < tidigast:
            yield dok.fynd_vid(
                ("datum",),
                ID,
                f"Rummet ”{rum.namn}” saknar handlingsplan i kraft: senaste"
                f" genomförda session hölls {senaste.datum}, mer än"
                f" {antal(giltig, 'månad', 'månader')}"
                f" före {ktx.per}.",
            )
        elif not arshjulet.har_komplett_atgard(senaste):
            yield dok.fynd_vid(
                _handlingsplanens_plats(dok.data),
                ID,
                f"Rummet ”{rum.namn}” saknar handlingsplan i kraft: den senaste"
                " sessionens handlingsplan har ingen komplett åtgärd (åtgärd,"
                " ansvarig, klart_senast, uppföljning och status).",
            )


def _handlingsplanens_plats(data: dict[str, object]) -> tuple[str, ...]:
    # Saknas nyckeln helt pekar fyndet på status, som säger att sessionen är hållen.
    return ("handlingsplan",) if "handlingsplan" in data else ("status",)
