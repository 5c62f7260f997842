"""Årshjulets logik: när ett rums stopp är, vilken handlingsplan som gäller, status."""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum

from kvalitet.dokument import Dokument
from kvalitet.modell.arshjul import Session, Sessionsstatus
from kvalitet.modell.huset import Huset, Rum
from kvalitet.verksamhet import Verksamhet


class Rumsstatus(StrEnum):
    """Ett rums läge i årets hjul."""

    genomford = "genomförd"
    pagar = "pågår"
    planerad = "planerad"
    forsenad = "försenad"
    kommande = "kommande"
    fore_inforandet = "före införandet"


def stoppets_slut(ar: int, manad: int) -> date:
    """Sista dagen i den månad då rummet har sitt stopp."""
    return date(ar, manad, calendar.monthrange(ar, manad)[1])


def manader_fore(dag: date, manader: int) -> date:
    """Samma dag ett antal månader tidigare (sista dagen i månaden vid behov)."""
    index = dag.year * 12 + dag.month - 1 - manader
    ar, manad = divmod(index, 12)
    return date(ar, manad + 1, min(dag.day, calendar.monthrange(ar, manad + 1)[1]))


def infort(huset: Huset, rum: Rum) -> date:
    """Dagen rummet kom in i årshjulet: årshjulets införande, eller rummets eget senare."""
    return max(huset.årshjul.infört, rum.infört or date.min)


def forsta_kravet(rum: Rum, infort: date) -> date:
    """Dagen då rummet först måste ha hållit sin session: första stoppet efter införandet."""
    ar = infort.year if infort.month <= rum.månad else infort.year + 1
    return stoppets_slut(ar, rum.månad)


def rummets_sessioner(v: Verksamhet, rum_id: str) -> list[tuple[Dokument, Session]]:
    """Rummets sessioner, äldst först."""
    sessioner = [(dok, s) for dok, s in v.sessioner if s.rum == rum_id]
    return sorted(sessioner, key=lambda par: (par[1].år, par[1].datum or date.min))


def genomforda(v: Verksamhet, rum_id: str, per: date) -> list[tuple[Dokument, Session]]:
    """Rummets genomförda sessioner fram till och med bedömningsdagen, äldst först."""
    return [
        (dok, s)
        for dok, s in rummets_sessioner(v, rum_id)
        if s.status == Sessionsstatus.genomford and s.datum is not None and s.datum <= per
    ]


def har_komplett_atgard(session: Session) -> bool:
    """Sant när handlingsplanen har minst en åtgärd med alla uppgifter ifyllda."""
    return any(not atgard.saknade_uppgifter() for atgard in session.handlingsplan)


def rumsstatus(v: Verksamhet, rum: Rum, ar: int, per: date) -> Rumsstatus:
    """Rummets status i årets hjul, bedömd en viss dag."""
    session = next((s for _, s in rummets_sessioner(v, rum.id) if s.år == ar), None)
    if session is not None and session.status == Sessionsstatus.genomford:
        return Rumsstatus.genomford
    if v.huset is not None and stoppets_slut(ar, rum.månad) < infort(v.huset[1], rum):
        return Rumsstatus.fore_inforandet
    if per > stoppets_slut(ar, rum.månad):
        return Rumsstatus.forsenad
    if session is None:
        return Rumsstatus.kommande
    return Rumsstatus(session.status.value)
