"""`kvalitet samla`: flera verksamheter i en förvaltningsöversikt, i terminalen och som rapport.

Vy-modellen byggs i `kvalitet.rapporter.samla`; här blir den tabeller för terminalen,
en rapportfil och en slutkod.
"""

from __future__ import annotations

from pathlib import Path

from kvalitet import rendering
from kvalitet.fel import Slutkod
from kvalitet.rapporter import MARKOR, filer
from kvalitet.rapporter.samla import MALL, SamlaVy
from kvalitet.skrivning import Andring
from kvalitet.svenska import datum, kort
from kvalitet.tabell import Tabell, Vy


def slutkod(vy: SamlaVy) -> Slutkod:
    """0 när alla verksamheter kunde läsas och ingen har fel, 2 när ingen kunde läsas, annars 1."""
    if not vy.lasta:
        return Slutkod.ANVANDNING
    if vy.olasta or vy.summa.fel:
        return Slutkod.FYND
    return Slutkod.OK


def standardfil(ar: int, ending: str) -> Path:
    """Rapportens fil när ingen anges: forvaltning-ÅR.FORMAT i den aktuella mappen."""
    return Path(f"forvaltning-{ar}.{ending}")


def rapport(vy: SamlaVy, ending: str, ut: Path, wordmall: Path | None = None) -> list[Andring]:
    """Den samlade rapporten som ändringar att skriva (skriver bara över kvalitets rapporter)."""
    return filer(vy, MALL, ending, ut, wordmall=wordmall)


def text(vy: SamlaVy, ending: str) -> str:
    """Den samlade rapporten som text (för standard ut)."""
    return rendering.rendera(MALL, ending, vy=vy, bildfiler={}, markor=MARKOR)


def tabeller(vy: SamlaVy) -> Vy:
    """Översikten för terminalen: verksamheterna, ärendena per typ och de äldsta åtgärderna."""
    return [
        f"{vy.titel} per {datum(vy.huvud.per)}: {vy.huvud.verksamhet}, {vy.huvud.organisation}",
        "",
        _verksamheterna(vy),
        "",
        _arendena(vy),
        "",
        _aldsta(vy),
    ]


def _verksamheterna(vy: SamlaVy) -> Tabell:
    rader = []
    for e in vy.enheter:
        if e.last and e.arshjul:
            rader.append(
                (
                    e.namn,
                    e.katalog,
                    e.kontrolltext,
                    e.arshjul.text,
                    str(e.forsenade),
                    e.arenden_totalt,
                )
            )
        else:
            rader.append((e.namn, e.katalog, f"kunde inte läsas: {e.orsak}", "–", "–", "–"))
    s = vy.summa
    rader.append(
        (
            "Hela förvaltningen",
            f"{s.lasta} av {s.enheter} lästa",
            s.kontrolltext,
            s.arshjul.text,
            str(s.forsenade),
            s.arenden_totalt,
        )
    )
    ar = vy.huvud.ar
    return Tabell(
        "Verksamheterna",
        ("Verksamhet", "Mapp", "Kontrollen", f"Årshjulet {ar}", "Försenade", f"Ärenden {ar}"),
        rader,
        fot="Varje verksamhet är kontrollerad för sig; se fynden med: kvalitet kontrollera MAPP.",
    )


def _arendena(vy: SamlaVy) -> Tabell:
    grans = vy.huvud.minsta_antal
    fot = (
        f"Antal under {grans} visas som ”färre än {grans}” (--exakta-antal visar dem); ett"
        " streck betyder att summan skulle avslöja ett litet antal."
        if grans
        else None
    )
    return Tabell(
        f"Ärenden per typ {vy.huvud.ar}",
        ("Typ", *(e.namn for e in vy.lasta), "Förvaltningen"),
        [(rad.etikett, *rad.per_enhet, rad.totalt) for rad in vy.arendetyper] if vy.lasta else [],
        fot=fot,
    )


def _aldsta(vy: SamlaVy) -> Tabell:
    rader = [
        (e.namn, r.rum, kort(r.atgard, 60), datum(r.klart_senast), str(r.forsenad_dagar), r.kalla)
        for e in vy.lasta
        if e.aldsta
        for r in e.aldsta.rader
    ]
    return Tabell(
        "De äldsta försenade åtgärderna",
        ("Verksamhet", "Rum", "Åtgärd", "Klart senast", "Dagar", "Källa"),
        rader,
        tom="inga.",
        fot="Alla försenade åtgärder i en verksamhet: kvalitet handlingsplan --forsenade -C MAPP.",
    )
