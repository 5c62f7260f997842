"""Ett rum som rapport: guiden, sessionerna år för år med svar och handlingsplan, Garaget."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kvalitet import arshjulet
from kvalitet.arbete.garage import OPPNA
from kvalitet.dokument import Dokument
from kvalitet.fel import Anvandningsfel
from kvalitet.modell._bas import Punkt
from kvalitet.modell.arshjul import Session
from kvalitet.modell.avvikelse import Avvikelsetyp
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud, visa_antal
from kvalitet.rapporter.bilder import husbild
from kvalitet.rapporter.handlingsplan import Handlingsplansavsnitt, avsnitt_av, rad
from kvalitet.rapporter.kolada import Koladaavsnitt
from kvalitet.rapporter.kolada import avsnitt as kolada_avsnitt
from kvalitet.svenska import MANADER
from kvalitet.verksamhet import Verksamhet

MALL = "rum"


@dataclass(frozen=True)
class Punktrad:
    """En punkt i guiden och dess underpunkter."""

    punkt: str
    underpunkter: list[str]


@dataclass(frozen=True)
class Sessionen:
    """En hållen (eller planerad) session för rummet."""

    ar: int
    datum: date | None
    status: str
    deltagare: list[str]
    svar: list[tuple[str, str | None]]
    slutsatser: str | None
    atgarder: Handlingsplansavsnitt
    fil: str


@dataclass(frozen=True)
class RumVy:
    """Rapporten om ett rum."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    namn: str
    manad: str
    status: str
    beskrivning: str | None
    syfte: list[Punktrad]
    forberedelser: list[Punktrad]
    fragor: list[str]
    atgardsfragor: list[Punktrad]
    sessioner: list[Sessionen]
    garaget: list[tuple[str, str, str]]
    arenden: list[tuple[str, str]]
    kolada: Koladaavsnitt | None = None
    """Jämförelserna ur Kolada, för rummet som huset anger under kolada.rum."""


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> RumVy:
    """Vy-modellen för rapporten om rummet `uppdrag.rum`."""
    if uppdrag.rum is None:
        raise Anvandningsfel("Ange rummet, till exempel: kvalitet rapport rum processer")
    rum = v.hitta_rum(uppdrag.rum)
    guide = v.guider.get(rum.id)
    g = guide[1] if guide else None
    kolada = _kolada(v, rum.id, uppdrag.ar)
    return RumVy(
        titel=f"Rummet {rum.namn}",
        huvud=huvud(v, uppdrag),
        bilder=[
            husbild(v, uppdrag.ar, uppdrag.per, markerat=rum.id),
            *(kolada.bilder if kolada else []),
        ],
        namn=rum.namn,
        manad=MANADER[rum.månad - 1],
        status=str(arshjulet.rumsstatus(v, rum, uppdrag.ar, uppdrag.per)),
        beskrivning=g.beskrivning if g else None,
        syfte=_punkter(g.syfte if g else []),
        forberedelser=_punkter(g.förberedelser if g else []),
        fragor=[f.fråga for f in g.orsaksanalys] if g else [],
        atgardsfragor=_punkter(g.åtgärdsfrågor if g else []),
        sessioner=[_session(v, d, s, uppdrag.per) for d, s in _nyast_forst(v, rum.id)],
        garaget=[
            (p.id, p.rubrik, str(p.status))
            for p in (v.garaget[1].poster if v.garaget else [])
            if p.rum == rum.id and p.status in OPPNA
        ],
        arenden=_arenden(v, rum.id, uppdrag),
        kolada=kolada,
    )


def _kolada(v: Verksamhet, rum_id: str, ar: int) -> Koladaavsnitt | None:
    installning = v.huset[1].kolada if v.huset else None
    return kolada_avsnitt(v, ar) if installning and installning.rum == rum_id else None


def _punkter(punkter: list[Punkt]) -> list[Punktrad]:
    return [
        Punktrad(p, []) if isinstance(p, str) else Punktrad(p.punkt, list(p.underpunkter))
        for p in punkter
    ]


def _nyast_forst(v: Verksamhet, rum_id: str) -> list[tuple[Dokument, Session]]:
    return list(reversed(arshjulet.rummets_sessioner(v, rum_id)))


def _session(v: Verksamhet, dok: Dokument, s: Session, per: date) -> Sessionen:
    platser = [p for p in v.atgarder() if p.dok is dok]
    return Sessionen(
        ar=s.år,
        datum=s.datum,
        status=str(s.status),
        deltagare=list(s.deltagare),
        svar=[(svar.fråga, svar.svar) for svar in s.orsaksanalys],
        slutsatser=s.slutsatser,
        atgarder=avsnitt_av([rad(v, p, per) for p in platser]),
        fil=dok.relativ,
    )


def _arenden(v: Verksamhet, rum_id: str, uppdrag: Uppdrag) -> list[tuple[str, str]]:
    antal = Counter(
        a.typ for _, a in v.avvikelser if a.rum == rum_id and a.inkom.year == uppdrag.ar
    )
    return [(str(typ), visa_antal(antal[typ], uppdrag.minsta_antal)) for typ in Avvikelsetyp]
