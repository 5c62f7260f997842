"""Indikatorernas utveckling: tidigare år, årets tertial och trenden.

Källan (002) säger att åtagandena följs upp i VP och tertialrapporter ”och eventuella
trender”. En indikators serie är utfallen från tidigare år (ur äldre åtagandefiler med en
indikator med samma namn, annars ur `tidigare_år`), årets tertial och årets utfall.
Trenden jämför det senaste värdet med året innan (eller, första året, med förra
tertialet) i indikatorns riktning.

Delas av åtagandenas rapport och kvalitetsberättelsen.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvalitet.modell.ataganden import Indikator, Riktning, Tal
from kvalitet.verksamhet import Verksamhet


@dataclass(frozen=True)
class Punkt:
    """Ett värde i serien: ett år (”2025”) eller ett tertial (”T2 2026”)."""

    etikett: str
    varde: Tal


@dataclass(frozen=True)
class Serie:
    """En indikators utfall över tid och trenden."""

    punkter: list[Punkt]
    trend: str | None
    """förbättring, försämring eller oförändrad; None när det finns för få värden."""


def tidigare_ar(v: Verksamhet, ar: int, indikator: Indikator) -> dict[int, Tal]:
    """Utfallen för åren före `ar`: ur äldre åtagandefiler, annars ur `tidigare_år`."""
    varden: dict[int, Tal] = {a: u for a, u in indikator.tidigare_år.items() if a < ar}
    for _, fil in v.ataganden:
        if fil.år >= ar:
            continue
        for atagande in fil.åtaganden:
            for tidigare in atagande.indikatorer:
                if tidigare.namn == indikator.namn and tidigare.utfall is not None:
                    varden[fil.år] = tidigare.utfall
    return dict(sorted(varden.items()))


def serie(v: Verksamhet, ar: int, indikator: Indikator) -> Serie:
    """Indikatorns serie för året: tidigare år, årets tertial och årets utfall."""
    tidigare = [Punkt(str(a), u) for a, u in tidigare_ar(v, ar, indikator).items()]
    tertial = [
        Punkt(f"T{d.tertial} {ar}", d.utfall)
        for d in sorted(indikator.tertial, key=lambda d: d.tertial)
    ]
    i_ar = [Punkt(str(ar), indikator.utfall)] if indikator.utfall is not None else []
    punkter = tidigare + tertial + i_ar
    # Det senaste värdet mot året innan; första året mot tertialet före det senaste.
    arets = i_ar or tertial
    jamfors = tidigare[-1:] or (tertial[-2:-1] if not i_ar else [])
    if not arets or not jamfors:
        return Serie(punkter, None)
    return Serie(punkter, _trend(jamfors[0].varde, arets[-1].varde, indikator.riktning))


def _trend(fore: Tal, nu: Tal, riktning: Riktning) -> str:
    if nu == fore:
        return "oförändrad"
    battre = nu > fore if riktning == Riktning.hogre else nu < fore
    return "förbättring" if battre else "försämring"
