"""Egenkontrollens logik: när ett kontrollmoment senast gjordes, när det ska göras igen, läget.

Samma bedömning används av regeln EGK001, av kommandot `kvalitet egenkontroll status`
och av kvalitetsberättelsen, så att de aldrig säger olika saker.

Ett kontrollmoment ska göras igen senast frekvensens antal månader (se
`FREKVENS_MANADER`) efter den senaste genomförda kontrollen, samma dag i månaden
(eller månadens sista dag, när månaden är kortare: 31 januari + 1 månad = 28 eller 29
februari). Ett moment som aldrig har gjorts räknas från dagen det började gälla:
momentets `från`, annars planens `från`, annars årshjulets `infört` i huset.yaml.

En granskning med `granskningspunkter` ger andelar: hur ofta varje punkt var uppfylld i
momentets genomförda kontroller under ett år (`andel`). En indikator i åtagandena som
pekar ut momentet (`egenkontroll`) får andelen som utfall; rapporten om åtagandena,
reglerna ATA002 och ATA003 och kvalitetsberättelsen räknar den härifrån.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kvalitet import arshjulet
from kvalitet.modell.ataganden import Atagande, Indikator
from kvalitet.modell.egenkontroll import (
    FREKVENS_MANADER,
    Egenkontrollplan,
    Egenkontrollresultat,
    Frekvens,
    Granskningspunkt,
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


def hitta_moment(v: Verksamhet, moment_id: str) -> Kontrollmoment | None:
    """Kontrollmomentet med ett id i planen, eller None."""
    if v.egenkontrollplan is None:
        return None
    return next((m for m in v.egenkontrollplan[1].kontrollmoment if m.id == moment_id), None)


def granskningspunkt(moment: Kontrollmoment, punkt_id: str | None) -> Granskningspunkt | None:
    """Punkten som en hänvisning avser: den med id:t, eller utan id momentets enda punkt."""
    punkter = moment.granskningspunkter
    if punkt_id is None:
        return punkter[0] if len(punkter) == 1 else None
    return next((p for p in punkter if p.id == punkt_id), None)


@dataclass(frozen=True)
class Granskningsandel:
    """Hur ofta en granskningspunkt var uppfylld i ett moments genomförda kontroller ett år."""

    moment: Kontrollmoment
    punkt: Granskningspunkt
    uppfyllda: int
    granskade: int
    kontroller: tuple[str, ...]
    """Id för kontrollerna som räknades, i datumordning."""

    @property
    def procent(self) -> float:
        """Andelen uppfyllda i procent, med en decimal."""
        return round(100 * self.uppfyllda / self.granskade, 1)


def andel(
    v: Verksamhet, moment_id: str, punkt_id: str | None, ar: int, per: date | None = None
) -> Granskningsandel | None:
    """Andelen granskade ärenden där en punkt var uppfylld, under ett år.

    Alla genomförda kontroller av momentet under året (till och med `per`) räknas ihop:
    summan av `uppfyllda` för punkten delat med summan av `urval.antal`. En kontroll utan
    urvalets antal, utan antalet för punkten eller med fler uppfyllda än granskade
    räknas inte (regeln EGK004 säger till om den).

    Returns:
        Andelen, eller None när momentet eller punkten inte finns eller inget har räknats.
    """
    moment = hitta_moment(v, moment_id)
    punkt = granskningspunkt(moment, punkt_id) if moment else None
    if moment is None or punkt is None:
        return None
    raknade = sorted(
        (r for r in _arets(v, moment.id, ar, per) if _raknat(r, punkt.id)),
        key=lambda r: (r.datum, r.id),
    )
    if not raknade:
        return None
    return Granskningsandel(
        moment,
        punkt,
        sum(r.uppfyllda[punkt.id] or 0 for r in raknade),
        sum(r.urval.antal or 0 for r in raknade if r.urval),
        tuple(r.id for r in raknade),
    )


def _arets(
    v: Verksamhet, moment_id: str, ar: int, per: date | None
) -> Iterator[Egenkontrollresultat]:
    forsta, sista = date(ar, 1, 1), min(per or date.max, date(ar, 12, 31))
    for _, r in v.egenkontrollresultat:
        if r.kontrollmoment == moment_id and r.ar_genomford() and forsta <= r.datum <= sista:
            yield r


def _raknat(r: Egenkontrollresultat, punkt_id: str) -> bool:
    granskade = r.urval.antal if r.urval else None
    uppfyllda = r.uppfyllda.get(punkt_id)
    return bool(granskade) and uppfyllda is not None and uppfyllda <= (granskade or 0)


def indikatorns_andel(
    v: Verksamhet, indikator: Indikator, ar: int, per: date | None = None
) -> Granskningsandel | None:
    """Andelen ur egenkontrollen som en indikator hämtar sitt utfall ifrån, eller None."""
    if indikator.egenkontroll is None:
        return None
    return andel(v, indikator.egenkontroll, indikator.granskningspunkt, ar, per)


def indikatorns_utfall(
    v: Verksamhet, indikator: Indikator, ar: int, per: date | None = None
) -> float | int | None:
    """Indikatorns utfall: det ifyllda, annars andelen ur egenkontrollen (eller None)."""
    if indikator.utfall is not None:
        return indikator.utfall
    hamtad = indikatorns_andel(v, indikator, ar, per)
    return hamtad.procent if hamtad else None


def med_hamtade_utfall(
    v: Verksamhet, atagande: Atagande, ar: int, per: date | None = None
) -> Atagande:
    """Åtagandet med utfallen ur egenkontrollen ifyllda där en indikator saknar eget utfall.

    För rapporter och översikter, så att åtagandets läge räknas på samma utfall som visas.
    """
    indikatorer = [
        i.model_copy(update={"utfall": indikatorns_utfall(v, i, ar, per)})
        if i.utfall is None and i.egenkontroll
        else i
        for i in atagande.indikatorer
    ]
    return atagande.model_copy(update={"indikatorer": indikatorer})
