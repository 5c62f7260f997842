"""En genomförd session ska ange vilka roller som deltog.

SOSFS 2011:9 kräver att personalen medverkar i kvalitetsarbetet. Ange deltagarna
som roller (”enhetschef”, ”socialsekreterare (3)”, ”brukarrepresentant”), aldrig
med namn.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Sessionsstatus

ID = "SES003"
NIVA = Niva.varning
RUBRIK = "Genomförd session utan deltagare"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Genomförda sessioner utan deltagare."""
    for dok, session in ktx.verksamhet.sessioner:
        if session.status == Sessionsstatus.genomford and not session.deltagare:
            yield dok.fynd_vid(("status",), ID, "Sessionen är genomförd men anger inga deltagare.")
