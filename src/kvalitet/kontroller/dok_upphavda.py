"""Ett fastställt styrdokument hänvisar inte till ett upphävt.

Ett upphävt dokument (`status: upphävd`) gäller inte längre; den som följer en länk från
ett gällande dokument dit hamnar i en inaktuell rutin. Länka till det dokument som
ersätter det i stället.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import markdown
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.styrdokument import Dokumentstatus
from kvalitet.styrdokumenten import Maltyp, brodtext, dokument_med_id, lankmal

ID = "DOK004"
NIVA = Niva.varning
RUBRIK = "Fastställt styrdokument hänvisar till ett upphävt"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Länkar från fastställda dokument till upphävda."""
    v = ktx.verksamhet
    ersatt_av = {d.ersätter: d.id for _, d in v.styrdokument if d.ersätter}
    for dok, dokument in v.styrdokument:
        if dokument.status != Dokumentstatus.faststalld:
            continue
        text, fore = brodtext(dok)
        for lank in markdown.lankar(text):
            mal = lankmal(v, dok, lank.mal)
            if mal.typ != Maltyp.dokument or mal.id is None:
                continue
            hittat = dokument_med_id(v, mal.id)
            if hittat and hittat[1].status == Dokumentstatus.upphavd:
                ny = ersatt_av.get(mal.id)
                tips = f" Det ersätts av ”{ny}”." if ny else ""
                yield dok.fynd(
                    lank.rad + fore, lank.kol, ID, f"”{mal.id}” är upphävt och gäller inte.{tips}"
                )
