"""En avvikelse ska ange en process som finns i husets processregister.

SOSFS 2011:9 (4 kap.) kräver att processerna är identifierade och beskrivna. När
huset.yaml har ett processregister (`processer:`) ska varje avvikelses `process`
vara en av dem, med id eller namn, så att avvikelserna kan sammanställas per
process. Utan register kontrolleras inte processerna.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "REF003"
NIVA = Niva.varning
RUBRIK = "Process som inte finns i processregistret"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Avvikelser med en process som registret inte har."""
    v = ktx.verksamhet
    if v.huset is None or not v.huset[1].processer:
        return
    namn = [process.namn for process in v.huset[1].processer]
    kanda = set(namn) | {process.id for process in v.huset[1].processer}
    for dok, avvikelse in v.avvikelser:
        if avvikelse.process is None or avvikelse.process in kanda:
            continue
        forslag = difflib.get_close_matches(avvikelse.process, namn, n=1, cutoff=0.6)
        tips = f" Menade du ”{forslag[0]}”?" if forslag else ""
        yield dok.fynd_vid(
            ("process",),
            ID,
            f"Processen ”{avvikelse.process}” finns inte i husets processregister.{tips}",
        )
