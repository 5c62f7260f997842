"""Ett kontrollmoment i egenkontrollplanen ska göras så ofta som planen säger.

Nivå: fel. Ett moment vars frekvens har löpt ut är egenkontroll som inte har gjorts,
och SOSFS 2011:9 (5 kap. 2 §) kräver egenkontroll med den frekvens som behövs.

Ett moment ska göras igen senast en frekvens efter den senaste genomförda kontrollen
(`egenkontroll/<år>/<id>.yaml` med `status: genomförd` eller `avslutad`): månad = 1,
kvartal = 3, halvår = 6 och år = 12 månader, samma dag i månaden (eller månadens
sista dag när månaden är kortare). Har den dagen passerat vid bedömningsdagen (`--per`,
annars i dag) är momentet försenat. Ett moment som aldrig har gjorts räknas från dagen
det började gälla: momentets `från`, annars planens `från` i egenkontroll.yaml,
annars årshjulets `infört` i huset.yaml.

Fyndet står på momentets rad i egenkontroll.yaml och säger hur många dagar det är
försenat. Gör kontrollen (`kvalitet egenkontroll ny MOMENT`), eller ändra frekvensen
i planen om den inte längre stämmer.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import egenkontrollen
from kvalitet.egenkontrollen import Lage
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal, kort

ID = "EGK001"
NIVA = Niva.fel
RUBRIK = "Kontrollmoment vars frekvens har löpt ut"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Kontrollmoment som inte har gjorts inom sin frekvens."""
    v = ktx.verksamhet
    if v.egenkontrollplan is None:
        return
    dok = v.egenkontrollplan[0]
    for lage in egenkontrollen.lagen(v, ktx.per):
        if lage.lage != Lage.forsenad:
            continue
        moment = lage.moment
        dagar = antal(lage.dagar_forsenad, "dag", "dagar")
        if lage.senast is not None:
            forra = f"gjordes senast {lage.senast} och skulle ha gjorts igen"
        else:
            fran = f" (räknat från {lage.start.dag}, {lage.start.kalla})" if lage.start else ""
            forra = f"har aldrig gjorts{fran} och skulle ha gjorts första gången"
        yield dok.fynd_vid(
            ("kontrollmoment", lage.index),
            ID,
            f"Kontrollmomentet {moment.id} ”{kort(moment.kontrollmoment)}” ({moment.frekvens})"
            f" {forra} senast {lage.nasta}; det är {dagar} försenat.",
        )
