"""Handlingsplanen över alla rum: årets åtgärder och äldre som fortfarande är öppna."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kvalitet.arbete.handlingsplan import kalla, rum_for
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.arshjul import Session
from kvalitet.modell.avvikelse import Avvikelse
from kvalitet.modell.egenkontroll import Egenkontrollresultat
from kvalitet.modell.riskanalys import Riskanalys
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import Atgardsplats, Verksamhet

MALL = "handlingsplan"


@dataclass(frozen=True)
class Atgardsrad:
    """En åtgärd i rapporten."""

    rum: str
    kalla: str
    atgard: str
    ansvarig: str | None
    klart_senast: date | None
    uppfoljning: date | None
    status: str
    forsenad_dagar: int
    effekt: str | None


@dataclass(frozen=True)
class Handlingsplansavsnitt:
    """Åtgärderna och hur många som är klara, pågår, planerade, avbrutna och försenade."""

    rader: list[Atgardsrad]
    per_status: dict[str, int]
    forsenade: int


def avsnitt(v: Verksamhet, ar: int, per: date) -> Handlingsplansavsnitt:
    """Åtgärder från årets sessioner och ärenden, och äldre som ännu inte är avslutade.

    Åtgärder från ett senare år (nästa års session, skriven innan rapporten för året) hör
    inte till året, också när rapporten skrivs per ett datum året efter.
    """
    valda = [
        p
        for p in v.atgarder()
        if (ar_ := _aret(p)) == ar or (ar_ < ar and not p.atgard.ar_avslutad())
    ]
    valda.sort(
        key=lambda p: (sorteringsnyckel(v.rumsnamn(rum_for(p))), p.atgard.klart_senast or date.max)
    )
    return avsnitt_av([rad(v, p, per) for p in valda])


def avsnitt_av(rader: list[Atgardsrad]) -> Handlingsplansavsnitt:
    """Ett avsnitt av några åtgärder, med antal per status och försenade."""
    antal = Counter(r.status for r in rader)
    return Handlingsplansavsnitt(
        rader=rader,
        per_status={str(s): antal[str(s)] for s in Atgardsstatus},
        forsenade=sum(1 for r in rader if r.forsenad_dagar),
    )


def _aret(plats: Atgardsplats) -> int:
    """Året som åtgärdens källa hör till: sessionens år, ärendets eller kontrollens."""
    modell = plats.dok.modell
    if isinstance(modell, Session):
        return modell.år
    if isinstance(modell, Egenkontrollresultat | Riskanalys):
        return modell.datum.year
    if isinstance(modell, Avvikelse):
        return modell.inkom.year
    return date.min.year


def rad(v: Verksamhet, p: Atgardsplats, per: date) -> Atgardsrad:
    """En åtgärd som rad i rapporten."""
    return Atgardsrad(
        rum=v.rumsnamn(rum_for(p)),
        kalla=kalla(p),
        atgard=p.atgard.åtgärd,
        ansvarig=p.atgard.ansvarig,
        klart_senast=p.atgard.klart_senast,
        uppfoljning=p.atgard.uppföljning,
        status=str(p.atgard.status),
        forsenad_dagar=p.atgard.dagar_forsenad(per),
        effekt=p.atgard.effekt,
    )


@dataclass(frozen=True)
class HandlingsplanVy:
    """Rapporten om handlingsplanen."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    atgarder: Handlingsplansavsnitt


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> HandlingsplanVy:
    """Vy-modellen för rapporten om handlingsplanen."""
    return HandlingsplanVy(
        titel=f"Handlingsplan {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[],
        atgarder=avsnitt(v, uppdrag.ar, uppdrag.per),
    )
