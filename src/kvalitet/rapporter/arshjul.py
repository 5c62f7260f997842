"""Årshjulet som rapport: varje rums stopp med datum, läge, deltagare och slutsatser."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kvalitet import arshjulet
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud
from kvalitet.rapporter.bilder import arshjulsbild
from kvalitet.svenska import MANADER, sorteringsnyckel
from kvalitet.verksamhet import Verksamhet

MALL = "arshjul"


@dataclass(frozen=True)
class Stopp:
    """Ett rums stopp i årets hjul."""

    manad: str
    rum: str
    rum_id: str
    status: str
    datum: date | None
    deltagare: list[str]
    slutsatser: str | None
    atgarder: int
    fil: str | None


@dataclass(frozen=True)
class Arshjulsavsnitt:
    """Årshjulet ett år: stoppen, vilka roller som deltog och hur många som är hållna."""

    ar: int
    stopp: list[Stopp]
    roller: list[str]
    genomforda: int
    forsenade: list[str]


def avsnitt(v: Verksamhet, ar: int, per: date) -> Arshjulsavsnitt:
    """Årets hjul per bedömningsdagen."""
    stopp = [_stopp(v, rum_id, ar, per) for rum_id in _i_manadsordning(v)]
    roller = {roll for s in stopp for roll in s.deltagare}
    return Arshjulsavsnitt(
        ar=ar,
        stopp=stopp,
        roller=sorted(roller, key=sorteringsnyckel),
        genomforda=sum(1 for s in stopp if s.status == arshjulet.Rumsstatus.genomford),
        forsenade=[s.rum for s in stopp if s.status == arshjulet.Rumsstatus.forsenad],
    )


def _i_manadsordning(v: Verksamhet) -> list[str]:
    return [rum.id for rum in sorted(v.rum, key=lambda r: r.månad)]


def _stopp(v: Verksamhet, rum_id: str, ar: int, per: date) -> Stopp:
    rum = next(r for r in v.rum if r.id == rum_id)
    status = arshjulet.rumsstatus(v, rum, ar, per)
    session = next(((d, s) for d, s in arshjulet.rummets_sessioner(v, rum.id) if s.år == ar), None)
    return Stopp(
        manad=MANADER[rum.månad - 1],
        rum=rum.namn,
        rum_id=rum.id,
        status=str(status),
        datum=session[1].datum if session else None,
        deltagare=list(session[1].deltagare) if session else [],
        slutsatser=session[1].slutsatser if session else None,
        atgarder=len(session[1].handlingsplan) if session else 0,
        fil=session[0].relativ if session else None,
    )


@dataclass(frozen=True)
class ArshjulVy:
    """Rapporten om årshjulet."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    arshjul: Arshjulsavsnitt


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> ArshjulVy:
    """Vy-modellen för rapporten om årshjulet."""
    return ArshjulVy(
        titel=f"Årshjulet {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[arshjulsbild(v, uppdrag.ar, uppdrag.per)],
        arshjul=avsnitt(v, uppdrag.ar, uppdrag.per),
    )
