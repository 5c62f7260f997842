"""Ett avslutat ärende har sina bakomliggande orsaker kartlagda, utifrån en process.

Ledningssystemet kräver att avvikelser och missförhållanden utreds och att ”de
bakomliggande orsakerna ska kartläggas med utgångspunkt från aktuell process”. Ett
ärende med `status: avslutad` ska därför ha minst en orsak under `utredning.orsaker`
och ange sin `process`. Det gäller alla slag av ärenden, också klagomål och
synpunkter: det är orsakerna per process som visar återkommande och strukturella
problem i avvikelserapporten. Fyll i orsakerna när utredningen är klar; regeln
säger till när ärendet avslutas. Att processen finns i husets processregister prövar
regeln REF003.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsestatus

ID = "AVV002"
NIVA = Niva.varning
RUBRIK = "Avslutat ärende utan kartlagda orsaker eller process"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Avslutade ärenden som saknar orsaker i utredningen eller en process."""
    for dok, a in ktx.verksamhet.avvikelser:
        saknas = a.saknad_utredning() if a.status == Avvikelsestatus.avslutad else []
        if not saknas:
            continue
        # Ett enda tomt fält som står i filen pekas ut; annars ärendets status.
        vag = tuple(saknas[0].split("."))
        if len(saknas) > 1 or not (isinstance(dok.data, dict) and vag[0] in dok.data):
            vag = ("status",)
        yield dok.fynd_vid(vag, ID, _text(a, saknas))


def _text(a: Avvikelse, saknas: list[str]) -> str:
    if saknas == ["utredning.orsaker"]:
        return (
            "Ärendet är avslutat men saknar kartlagda orsaker (utredning.orsaker). Kartlägg"
            f" de bakomliggande orsakerna utifrån processen ”{a.process}”."
        )
    if saknas == ["process"]:
        return (
            "Ärendet är avslutat men anger ingen process (process). Ange processen i husets"
            " processregister som orsakerna kartlades utifrån."
        )
    return (
        "Ärendet är avslutat men saknar både kartlagda orsaker (utredning.orsaker) och"
        " process (process). Kartlägg de bakomliggande orsakerna utifrån processen som"
        " ärendet gäller."
    )
