"""Avvikelser, riskanalyser och kontrollmoment ska ange processer som finns i registret.

SOSFS 2011:9 (4 kap.) kräver att processerna är identifierade och beskrivna. När
huset.yaml har ett processregister (`processer:`) ska varje avvikelses `process`, varje
riskanalys `omfattning.process` och varje kontrollmoments `process` i egenkontroll.yaml
vara en av dem, med id eller namn, så att avvikelserna, riskerna och egenkontrollen kan
sammanställas per process. Är registret tomt men ärenden anger en process, säger
regeln till en gång (på huset.yaml), så att registret fylls i.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.verksamhet import Verksamhet

ID = "REF003"
NIVA = Niva.varning
RUBRIK = "Process som inte finns i processregistret"
TVARS = True
"""Regeln jämför avvikelser med varandra eller med andra filer: se kvalitet.kontroll."""

Vag = tuple[str | int, ...]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Avvikelser, riskanalyser och kontrollmoment med en process som registret inte har."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    if not v.huset[1].processer:
        yield from _tomt_register(v)
        return
    namn = [process.namn for process in v.huset[1].processer]
    kanda = set(namn) | {process.id for process in v.huset[1].processer}
    hanvisningar: list[tuple[Dokument, Vag, str | None]]
    hanvisningar = [(dok, ("process",), a.process) for dok, a in v.avvikelseindex]
    hanvisningar += [
        (dok, ("omfattning", "process"), r.omfattning.process) for dok, r in v.riskanalyser
    ]
    if v.egenkontrollplan:
        dok, plan = v.egenkontrollplan
        hanvisningar += [
            (dok, ("kontrollmoment", i, "process"), m.process)
            for i, m in enumerate(plan.kontrollmoment)
        ]
    for dok, vag, process in hanvisningar:
        if process is None or process in kanda:
            continue
        forslag = difflib.get_close_matches(process, namn, n=1, cutoff=0.6)
        tips = f" Menade du ”{forslag[0]}”?" if forslag else ""
        yield dok.fynd_vid(
            vag, ID, f"Processen ”{process}” finns inte i husets processregister.{tips}"
        )


def _tomt_register(v: Verksamhet) -> Iterator[Fynd]:
    angivna = sorted({a.process for _, a in v.avvikelseindex if a.process})
    angivna += sorted({r.omfattning.process for _, r in v.riskanalyser if r.omfattning.process})
    if not angivna or v.huset is None:
        return
    dok = v.huset[0]
    vag = ("processer",) if "processer" in (dok.data or {}) else ()
    yield dok.fynd_vid(
        vag,
        ID,
        f"Husets processregister (processer:) är tomt, men ärenden anger processer (till"
        f" exempel ”{angivna[0]}”). Lägg in verksamhetens processer i registret, så att"
        " avvikelserna kan sammanställas per process.",
    )
