"""Åtagandena: målvärde mot utfall per indikator (uppdelat på kön där det finns), och analys."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

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
    ataganden: list[Atagandet]
    per_lage: dict[str, int]
    har_konsuppdelning: bool


def avsnitt(v: Verksamhet, ar: int) -> Atagandeavsnitt:
    """Åtagandena för ett år (ataganden/<år>.yaml)."""
    arets = [a for _, fil in v.ataganden if fil.år == ar for a in fil.åtaganden]
    ataganden = [_atagandet(v, a) for a in arets]
    return Atagandeavsnitt(
        ar=ar,
        ataganden=ataganden,
        per_lage=dict(Counter(a.lage for a in ataganden)),
        har_konsuppdelning=any(i.utfall_per_kön for a in arets for i in a.indikatorer),
    )


def _atagandet(v: Verksamhet, a: Atagande) -> Atagandet:
    return Atagandet(
        id=a.id,
        atagande=a.åtagande,
        forvantat_resultat=a.förväntat_resultat,
        arbetssatt=a.arbetssätt,
        matmetod=a.mätmetod,
        indikatorer=[_indikator(i) for i in a.indikatorer],
        resultat=a.resultat,
        analys=a.analys,
        lage=a.lage(),
        rum=[v.rumsnamn(r) for r in a.rum],
        malkedja=_malkedja(a.mål),
    )


def _indikator(i: Indikator) -> Indikatorrad:
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
        ataganden=avsnitt(v, uppdrag.ar),
    )
