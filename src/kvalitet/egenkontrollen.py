"""Egenkontrollens logik: när ett kontrollmoment senast gjordes, när det ska göras igen, läget.

Samma bedömning används av regeln EGK001, av kommandot `kvalitet egenkontroll status`
och av kvalitetsberättelsen, så att de aldrig säger olika saker.

Ett kontrollmoment ska göras igen senast frekvensens antal månader (se
`FREKVENS_MANADER`) efter den senaste genomförda kontrollen, samma dag i månaden
(eller månadens sista dag, när månaden är kortare: 31 januari + 1 månad = 28 eller 29
februari). Ett moment som aldrig har gjorts räknas från dagen det började gälla:
momentets `från`, annars planens `från`, annars årshjulets `infört` i huset.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kvalitet import arshjulet
from kvalitet.modell.egenkontroll import (
    FREKVENS_MANADER,
    Egenkontrollplan,
    Frekvens,
    Kontrollmoment,
)
from kvalitet.verksamhet import Verksamhet


class Lage(StrEnum):
    """Ett kontrollmoments läge en viss dag."""

    i_tid = "i tid"
    forsenad = "försenad"
    aldrig_utford = "aldrig utförd"


@dataclass(frozen=True)
class Start:
    """Dagen ett kontrollmoment räknas från innan det har gjorts, och varifrån dagen kommer."""

    dag: date
    kalla: str
    """”momentets från”, ”planens från” eller ”årshjulets infört”."""


@dataclass(frozen=True)
class Momentlage:
    """Ett kontrollmoment: när det senast gjordes, när det ska göras igen och läget."""

    index: int
    """Momentets plats i planens lista (för fyndets rad)."""
    moment: Kontrollmoment
    utforda: list[date]
    """Dagarna för de genomförda kontrollerna till och med bedömningsdagen, äldst först."""
    start: Start | None
    nasta: date | None
    """Dagen momentet senast ska göras nästa gång (None när ingen startdag finns)."""
    lage: Lage
    dagar_forsenad: int

    @property
    def senast(self) -> date | None:
        """Dagen för den senaste genomförda kontrollen."""
        return self.utforda[-1] if self.utforda else None


def manader_efter(dag: date, manader: int) -> date:
    """Samma dag ett antal månader senare (månadens sista dag när månaden är kortare)."""
    return arshjulet.manader_fore(dag, -manader)


def nasta_gang(senast: date, frekvens: Frekvens) -> date:
    """Dagen kontrollen senast ska göras igen efter en kontroll (eller startdagen)."""
    return manader_efter(senast, FREKVENS_MANADER[frekvens])


def startdag(v: Verksamhet, plan: Egenkontrollplan, moment: Kontrollmoment) -> Start | None:
    """Dagen ett moment räknas från: momentets från, planens från eller årshjulets infört."""
    if moment.från is not None:
        return Start(moment.från, "momentets från")
    if plan.från is not None:
        return Start(plan.från, "planens från")
    if v.huset is not None:
        return Start(v.huset[1].årshjul.infört, "årshjulets infört i huset.yaml")
    return None


def utforda(v: Verksamhet, moment_id: str, per: date) -> list[date]:
    """Dagarna då ett moment genomfördes, till och med `per`, äldst först."""
    return sorted(
        r.datum
        for _, r in v.egenkontrollresultat
        if r.kontrollmoment == moment_id and r.ar_genomford() and r.datum <= per
    )


def lagen(v: Verksamhet, per: date) -> list[Momentlage]:
    """Varje kontrollmoment i planen och dess läge per en dag, i planens ordning."""
    if v.egenkontrollplan is None:
        return []
    egen = v.egenkontrollplan[1]
    return [momentlage(v, egen, i, moment, per) for i, moment in enumerate(egen.kontrollmoment)]


def momentlage(
    v: Verksamhet, egen: Egenkontrollplan, index: int, moment: Kontrollmoment, per: date
) -> Momentlage:
    """Ett moments läge per en dag."""
    datumen = utforda(v, moment.id, per)
    start = startdag(v, egen, moment)
    referens = _referens(start, datumen)
    nasta = nasta_gang(referens, moment.frekvens) if referens else None
    dagar = (per - nasta).days if nasta and per > nasta else 0
    lage = Lage.forsenad if dagar else Lage.i_tid if datumen else Lage.aldrig_utford
    return Momentlage(index, moment, datumen, start, nasta, lage, dagar)


def _referens(start: Start | None, datumen: list[date]) -> date | None:
    # En kontroll före startdagen (ett moment som gjordes innan det kom in i planen)
    # flyttar inte nästa gång bakåt.
    kandidater = [*datumen[-1:], *([start.dag] if start else [])]
    return max(kandidater, default=None)


def luckor(
    start: date | None, datumen: list[date], frekvens: Frekvens, till: date
) -> Iterator[tuple[date, date]]:
    """Perioderna då momentet var försenat fram till `till`: (skulle ha gjorts, gjordes).

    Den sista perioden slutar vid `till` när momentet fortfarande är försenat då.
    """
    referens = start
    for dag in sorted(d for d in datumen if d <= till):
        if referens is not None and dag > (skulle := nasta_gang(referens, frekvens)):
            yield skulle, dag
        referens = max(referens, dag) if referens else dag
    if referens is not None and till > (skulle := nasta_gang(referens, frekvens)):
        yield skulle, till


def hallen(lage: Momentlage, fran: date, till: date) -> bool:
    """Sant när momentet inte var försenat någon gång mellan `fran` och `till`.

    `till` får inte vara senare än dagen läget bedömdes per (då saknas kontrollerna efter).
    """
    start = lage.start.dag if lage.start else None
    return not any(
        skulle < till and gjordes > fran
        for skulle, gjordes in luckor(start, lage.utforda, lage.moment.frekvens, till)
    )
