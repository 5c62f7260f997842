"""Egenkontrollen: plan mot genomfört per kontrollmoment, brister och åtgärder.

Avsnittet står i kvalitetsberättelsen och är hela rapporten `kvalitet rapport
egenkontroll` (och webbplatsens sida om egenkontrollen). Det följer DOMAN.md 2.2 punkt
4.5: för varje kontrollmoment i planen hur ofta det ska göras, hur många gånger det
gjordes under året och om frekvensen hölls (momentet var aldrig försenat under året,
fram till bedömningsdagen); sedan årets kontroller med deras brister, och åtgärderna
mot bristerna. En granskning med granskningspunkter visar för varje punkt i hur många
av de granskade ärendena den var uppfylld.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kvalitet import egenkontrollen
from kvalitet.egenkontrollen import Lage, Momentlage
from kvalitet.modell.egenkontroll import (
    FREKVENS_MANADER,
    Egenkontrollresultat,
    Kontrollmoment,
    Urval,
)
from kvalitet.rapporter import Bild, Huvud, Uppdrag, handlingsplan, huvud, visa_antal
from kvalitet.svenska import antal, kort, tal
from kvalitet.verksamhet import Verksamhet

MALL = "egenkontroll"


@dataclass(frozen=True)
class Momentrad:
    """Ett kontrollmoment: plan mot genomfört under året."""

    id: str
    kontrollmoment: str
    metod: str
    frekvens: str
    ansvarig: str
    rum: str | None
    planerade: int
    """Hur många gånger momentet skulle göras under året enligt frekvensen."""
    genomforda: int
    senast: date | None
    hallen: bool
    """Sant när momentet aldrig var försenat under året (fram till bedömningsdagen)."""
    lage: str


@dataclass(frozen=True)
class Kontrollen:
    """En av årets kontroller."""

    id: str
    datum: date
    moment: str
    utford_av: str | None
    urval: str | None
    resultat: str | None
    brister: list[str]
    status: str
    granskning: list[str] = field(default_factory=list)
    """Per granskningspunkt: frågan och i hur många granskade ärenden den var uppfylld."""


@dataclass(frozen=True)
class Egenkontrollavsnitt:
    """Egenkontrollen under ett år."""

    ar: int
    till: date
    """Sista dagen som räknas: årets slut, eller bedömningsdagen om den är tidigare."""
    har_plan: bool
    moment: list[Momentrad]
    hallna: int
    kontroller: list[Kontrollen]
    brister: int
    med_brister: int
    atgarder: handlingsplan.Handlingsplansavsnitt


def avsnitt(v: Verksamhet, ar: int, per: date, minsta_antal: int | None) -> Egenkontrollavsnitt:
    """Egenkontrollen för ett år.

    Args:
        v: Verksamheten.
        ar: Året.
        per: Bedömningsdagen; kontroller efter den räknas inte.
        minsta_antal: Urval under detta (men över noll) visas som ”färre än N”.

    Returns:
        Avsnittet, med momenten i planens ordning och kontrollerna i datumordning.
    """
    till = min(per, date(ar, 12, 31))
    lagen = egenkontrollen.lagen(v, till)
    moment = [_momentrad(v, lage, ar, till) for lage in lagen]
    planens = {lage.moment.id: lage.moment for lage in lagen}
    arets = sorted(
        ((dok, r) for dok, r in v.egenkontrollresultat if r.datum.year == ar and r.datum <= till),
        key=lambda par: (par[1].datum, par[1].id),
    )
    platser = {dok.relativ for dok, _ in arets}
    atgarder = [p for p in v.atgarder() if p.dok.relativ in platser]
    return Egenkontrollavsnitt(
        ar=ar,
        till=till,
        har_plan=v.egenkontrollplan is not None,
        moment=moment,
        hallna=sum(1 for m in moment if m.hallen),
        kontroller=[_kontrollen(r, planens.get(r.kontrollmoment), minsta_antal) for _, r in arets],
        brister=sum(len(r.brister) for _, r in arets),
        med_brister=sum(1 for _, r in arets if r.brister),
        atgarder=handlingsplan.avsnitt_av([handlingsplan.rad(v, p, per) for p in atgarder]),
    )


def _momentrad(v: Verksamhet, lage: Momentlage, ar: int, till: date) -> Momentrad:
    moment = lage.moment
    lagetext = str(lage.lage)
    if lage.lage == Lage.forsenad:
        lagetext += f" {antal(lage.dagar_forsenad, 'dag', 'dagar')}"
    return Momentrad(
        id=moment.id,
        kontrollmoment=moment.kontrollmoment,
        metod=str(moment.metod),
        frekvens=str(moment.frekvens),
        ansvarig=moment.ansvarig,
        rum=v.rumsnamn(moment.rum) if moment.rum else None,
        planerade=_planerade(lage, ar),
        genomforda=sum(1 for d in lage.utforda if d.year == ar),
        senast=lage.senast,
        hallen=egenkontrollen.hallen(lage, date(ar, 1, 1), till),
        lage=lagetext,
    )


def _planerade(lage: Momentlage, ar: int) -> int:
    # Månaderna av året då momentet gällde, delat med frekvensen: ett kvartalsmoment hela
    # året 4 gånger, ett halvårsmoment som började gälla i juli en gång.
    start = lage.start.dag if lage.start else date(ar, 1, 1)
    if start.year > ar:
        return 0
    manader = 12 if start.year < ar else 13 - start.month
    return manader // FREKVENS_MANADER[lage.moment.frekvens]


def _kontrollen(
    r: Egenkontrollresultat, moment: Kontrollmoment | None, minsta_antal: int | None
) -> Kontrollen:
    return Kontrollen(
        id=r.id,
        datum=r.datum,
        moment=kort(moment.kontrollmoment, 80) if moment else r.kontrollmoment,
        utford_av=r.utförd_av,
        urval=_urval(r.urval, minsta_antal),
        resultat=r.resultat,
        brister=list(r.brister),
        status=str(r.status),
        granskning=_granskning(r, moment, minsta_antal),
    )


def _granskning(
    r: Egenkontrollresultat, moment: Kontrollmoment | None, minsta_antal: int | None
) -> list[str]:
    granskade = r.urval.antal if r.urval else None
    # Ett litet urval visas som ”färre än N”; andelar ur det skulle visa antalen ändå.
    if moment is None or not granskade or visa_antal(granskade, minsta_antal) != tal(granskade):
        return []
    rader = []
    for punkt in moment.granskningspunkter:
        uppfyllda = r.uppfyllda.get(punkt.id)
        if uppfyllda is not None and uppfyllda <= granskade:
            procent = tal(round(100 * uppfyllda / granskade, 1))
            rader.append(f"{punkt.fråga} Ja i {uppfyllda} av {granskade} ({procent}\u00a0%).")
    return rader


def _urval(urval: Urval | None, minsta_antal: int | None) -> str | None:
    if urval is None:
        return None
    beskrivning = urval.beskrivning.rstrip(". ") if urval.beskrivning else None
    if urval.antal is None:
        return beskrivning
    antalet = visa_antal(urval.antal, minsta_antal)
    return f"{antalet} ({beskrivning[:1].lower()}{beskrivning[1:]})" if beskrivning else antalet


@dataclass(frozen=True)
class EgenkontrollVy:
    """Rapporten om egenkontrollen."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    egenkontroll: Egenkontrollavsnitt


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> EgenkontrollVy:
    """Vy-modellen för rapporten om årets egenkontroll."""
    return EgenkontrollVy(
        titel=f"Egenkontroll {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[],
        egenkontroll=avsnitt(v, uppdrag.ar, uppdrag.per, uppdrag.minsta_antal),
    )
