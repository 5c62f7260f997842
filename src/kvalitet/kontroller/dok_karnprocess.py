"""Varje kärnprocess i huset ska ha en fastställd processbeskrivning.

SOSFS 2011:9 (4 kap. 2 §) kräver att processerna är identifierade, beskrivna och
fastställda. En process med `typ: kärnprocess` i husets processregister behöver ett
styrdokument med `slag: process`, `status: fastställd` och processens id under `gäller`.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.huset import Processtyp
from kvalitet.modell.styrdokument import Dokumentstatus, Slag

ID = "DOK002"
NIVA = Niva.varning
RUBRIK = "Kärnprocess utan fastställd processbeskrivning"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Kärnprocesser som inget fastställt styrdokument av slaget process beskriver."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    beskrivna = {
        process
        for _, dokument in v.styrdokument
        if dokument.slag == Slag.process and dokument.status == Dokumentstatus.faststalld
        for process in dokument.gäller
    }
    dok, huset = v.huset
    for index, process in enumerate(huset.processer):
        if process.typ == Processtyp.karn and process.id not in beskrivna:
            yield dok.fynd_vid(
                ("processer", index, "id"),
                ID,
                f"Kärnprocessen ”{process.namn}” har ingen fastställd processbeskrivning"
                f" (ett styrdokument med slag: process och gäller: [{process.id}]).",
            )
