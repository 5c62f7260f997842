"""Undantagen som stoppar programmet och deras slutkoder.

Fynd i en verksamhet är data (se `kontroller`), inte undantag. Undantagen här är för
det som gör att ett kommando inte kan fullföljas. Bara `cli` översätter dem till
slutkoder, på ett enda ställe.
"""

from __future__ import annotations

from enum import IntEnum


class Slutkod(IntEnum):
    """Programmets slutkoder."""

    OK = 0
    FYND = 1
    ANVANDNING = 2
    INTERNT = 3


class KvalitetFel(Exception):
    """Bas för alla fel som visas för användaren som en svensk mening."""

    slutkod = Slutkod.FYND

    def __init__(self, meddelande: str, tips: str | None = None) -> None:
        super().__init__(meddelande)
        self.meddelande = meddelande
        self.tips = tips


class Anvandningsfel(KvalitetFel):
    """Kommandot användes fel: okänd mapp, ogiltigt alternativ eller värde."""

    slutkod = Slutkod.ANVANDNING


class TrasigFil(KvalitetFel):
    """En fil som kommandot behöver har fel (kvalitet kontrollera visar vilka): slutkod 1."""


class CParserSaknas(KvalitetFel):
    """ruamel.yaml:s C-tolk saknas, så stora verksamheter skulle bli mycket långsamma."""

    slutkod = Slutkod.INTERNT
