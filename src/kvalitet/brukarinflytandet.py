"""Brukarinflytandet på tre nivåer: årets aktiviteter ur brukarinflytande/<år>.yaml och BUUUU.

Källan (001) säger att verksamheten ska ”arbeta med brukarinflytande parallellt på tre
nivåer”: individ, verksamhet och system. En aktivitet räknas till sin nivå och sitt år
vare sig den står i årets fil för brukarinflytande eller som brukarmedverkan i ett steg i
ett BUUUU-varv.

Delas av regeln BRI001 och kvalitetsberättelsen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kvalitet.modell.buuuu import STEG, Inflytandeniva
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import Verksamhet

NIVAER = tuple(Inflytandeniva)
"""Nivåerna i källans ordning: individ, verksamhet, system."""

NIVANAMN = {
    Inflytandeniva.individ: "individnivå",
    Inflytandeniva.verksamhet: "verksamhetsnivå",
    Inflytandeniva.system: "systemnivå",
}


@dataclass(frozen=True)
class Inflytande:
    """En aktivitet där brukarna hade inflytande, var den än står."""

    datum: date
    niva: Inflytandeniva
    aktivitet: str
    sammanhang: str | None
    """Var aktiviteten hörde hemma, när den var ett steg i ett BUUUU-varv."""
    deltagare: list[str]
    vad_brukarna_sa: str | None
    vad_som_andrades: str | None
    resultat: str | None = None
    """Vad brukarmedverkan i ett BUUUU-steg gav (varvets `resultat`)."""


def arets(v: Verksamhet, ar: int) -> list[Inflytande]:
    """Årets aktiviteter för brukarinflytande, i datumordning."""
    aktiviteter = [
        Inflytande(
            a.datum,
            a.nivå,
            a.aktivitet,
            None,
            list(a.deltagare),
            a.vad_brukarna_sa,
            a.vad_som_ändrades,
        )
        for _, fil in v.brukarinflytande
        for a in fil.aktiviteter
        if a.datum.year == ar
    ]
    aktiviteter += [
        Inflytande(
            m.datum,
            m.nivå,
            m.aktivitet,
            f"{varv.namn}, steget {namn.capitalize()}",
            [],
            None,
            None,
            m.resultat,
        )
        for _, varv in v.buuuu
        for namn in STEG
        if (steg := getattr(varv, namn)) is not None
        for m in steg.brukarmedverkan
        if m.datum.year == ar
    ]
    aktiviteter.sort(key=lambda a: (a.datum, sorteringsnyckel(a.aktivitet)))
    return aktiviteter


def per_niva(aktiviteter: list[Inflytande]) -> dict[Inflytandeniva, list[Inflytande]]:
    """Aktiviteterna grupperade på de tre nivåerna (en tom lista för en nivå utan)."""
    return {niva: [a for a in aktiviteter if a.niva == niva] for niva in NIVAER}
