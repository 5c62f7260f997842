"""Åtagandena: målvärde mot utfall per indikator (uppdelat på kön där det finns), och analys.

En indikator som hämtar sitt utfall ur egenkontrollen (`egenkontroll`) visar andelen därifrån
när den saknar eget utfall, och rapporten säger vilka granskningar andelen kommer ifrån.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kvalitet import egenkontrollen, trender
from kvalitet.modell.ataganden import Atagande, Indikator, Malkedja
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud
from kvalitet.svenska import tal
from kvalitet.verksamhet import Verksamhet

MALL = "ataganden"


@dataclass(frozen=True)
class Indikatorrad:
    """En indikator: målvärde, utfall (och per kön) och om målet nåddes."""

    namn: str
    enhet: str
    malvarde: str
    riktning: str
    utfall: str
    kvinnor: str
    man: str
    lage: str
    kalla: str
    ursprung: str | None = None
    """Var ett utfall ur egenkontrollen kommer ifrån: momentet, granskningarna och antalen."""
    utveckling: str | None = None
    """Utfallen över tid: tidigare år och årets tertial (”2025: 27 · T1 2026: 29 · 2026: 34”)."""
    trend: str | None = None
    """förbättring, försämring eller oförändrad mot året innan."""


@dataclass(frozen=True)
class Atagandet:
    """Ett åtagande i rapporten."""

    id: str
    atagande: str
    forvantat_resultat: str
    arbetssatt: str
    matmetod: str | None
    indikatorer: list[Indikatorrad]
    resultat: str | None
    analys: str | None
    lage: str
    rum: list[str]
    malkedja: list[tuple[str, str]]


@dataclass(frozen=True)
class Atagandeavsnitt:
    """Årets åtaganden och hur många som nådde sina mål."""

    ar: int
    enhet: str | None
    """Enheten vars åtaganden det är, när de inte gäller hela verksamheten."""
    ataganden: list[Atagandet]
    per_lage: dict[str, int]
    har_konsuppdelning: bool
    har_trender: bool


def avsnitt(v: Verksamhet, ar: int, per: date | None = None) -> Atagandeavsnitt:
    """Åtagandena för ett år (ataganden/<år>.yaml); egenkontroller efter `per` räknas inte."""
    filer = [fil for _, fil in v.ataganden if fil.år == ar]
    arets = [a for fil in filer for a in fil.åtaganden]
    ataganden = [_atagandet(v, a, ar, per) for a in arets]
    return Atagandeavsnitt(
        ar=ar,
        enhet=next((fil.enhet for fil in filer if fil.enhet), None),
        ataganden=ataganden,
        per_lage=dict(Counter(a.lage for a in ataganden)),
        har_konsuppdelning=any(i.utfall_per_kön for a in arets for i in a.indikatorer),
        har_trender=any(i.trend for a in ataganden for i in a.indikatorer),
    )


def _atagandet(v: Verksamhet, a: Atagande, ar: int, per: date | None) -> Atagandet:
    hamtat = egenkontrollen.med_hamtade_utfall(v, a, ar, per)
    return Atagandet(
        id=a.id,
        atagande=a.åtagande,
        forvantat_resultat=a.förväntat_resultat,
        arbetssatt=a.arbetssätt,
        matmetod=a.mätmetod,
        indikatorer=[
            _indikator(i, _ursprung(v, egen, ar, per), trender.serie(v, ar, i))
            for egen, i in zip(a.indikatorer, hamtat.indikatorer, strict=True)
        ],
        resultat=a.resultat,
        analys=a.analys,
        lage=hamtat.lage(),
        rum=[v.rumsnamn(r) for r in a.rum],
        malkedja=_malkedja(a.mål),
    )


def _indikator(i: Indikator, ursprung: str | None, serie: trender.Serie) -> Indikatorrad:
    uppfylld = i.uppfylld()
    per_kon = i.utfall_per_kön
    return Indikatorrad(
        namn=i.namn,
        enhet=i.enhet or "",
        malvarde=tal(i.målvärde),
        riktning="högre är bättre" if i.riktning == "högre" else "lägre är bättre",
        utfall=tal(i.utfall),
        kvinnor=tal(per_kon.kvinnor) if per_kon else "–",
        man=tal(per_kon.män) if per_kon else "–",
        lage="utfall saknas" if uppfylld is None else ("uppfyllt" if uppfylld else "ej uppfyllt"),
        kalla=i.källa or "–",
        ursprung=ursprung,
        utveckling=" · ".join(f"{p.etikett}: {tal(p.varde)}" for p in serie.punkter)
        if len(serie.punkter) > 1
        else None,
        trend=serie.trend,
    )


def _ursprung(v: Verksamhet, i: Indikator, ar: int, per: date | None) -> str | None:
    if i.egenkontroll is None:
        return None
    hamtad = egenkontrollen.indikatorns_andel(v, i, ar, per)
    if hamtad is None:
        return (
            f"hämtas ur egenkontrollen {i.egenkontroll}, men ingen genomförd granskning under"
            f" {ar} har räknat granskningspunkten än."
        )
    return (
        f"kommer ur egenkontrollen {hamtad.moment.id} ({', '.join(hamtad.kontroller)}): ja i"
        f" {hamtad.uppfyllda} av {hamtad.granskade} granskade ärenden"
        f" ({tal(hamtad.procent)}\u00a0%) på frågan ”{hamtad.punkt.fråga}”."
    )


def _malkedja(mal: Malkedja | None) -> list[tuple[str, str]]:
    if mal is None:
        return []
    nivaer = (("Kommunfullmäktige", mal.kommunfullmäktige), ("Nämnden", mal.nämnd))
    return [(niva, text) for niva, text in (*nivaer, ("Enheten", mal.enhet)) if text]


@dataclass(frozen=True)
class AtagandenVy:
    """Rapporten om åtagandena."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    ataganden: Atagandeavsnitt


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> AtagandenVy:
    """Vy-modellen för rapporten om åtagandena."""
    return AtagandenVy(
        titel=f"Åtaganden {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[],
        ataganden=avsnitt(v, uppdrag.ar, uppdrag.per),
    )
