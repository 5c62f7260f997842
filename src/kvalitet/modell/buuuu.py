"""buuuu/<id>.yaml: ett varv i BUUUU-hjulet, varje steg med brukarmedverkan."""

from __future__ import annotations

from enum import StrEnum

from kvalitet.modell._bas import Basmodell, Datum, Id, Text


class Inflytandeniva(StrEnum):
    """Nivån för brukarinflytandet."""

    individ = "individ"
    verksamhet = "verksamhet"
    system = "system"


class Brukarmedverkan(Basmodell):
    """Hur brukarna tog del i ett steg."""

    nivå: Inflytandeniva
    aktivitet: Text
    datum: Datum
    resultat: Text | None = None


class Steg(Basmodell):
    """Ett steg i BUUUU-hjulet; utan text är steget ännu inte genomarbetat."""

    text: Text | None = None
    frågor: list[Text] = []
    brukarmedverkan: list[Brukarmedverkan] = []


STEG = ("behov", "uppdrag", "utbud", "utförande", "utfall", "utvärdering")
"""Stegen i hjulets ordning; utvärdering jämför nuläget med behovet."""


class BuuuuVarv(Basmodell):
    """Ett varv i BUUUU-hjulet: Behov, Uppdrag, Utbud, Utförande, Utfall."""

    id: Id
    namn: Text
    startad: Datum | None = None
    rum: list[Id] = []
    åtaganden: list[Id] = []
    behov: Steg
    uppdrag: Steg | None = None
    utbud: Steg | None = None
    utförande: Steg | None = None
    utfall: Steg | None = None
    utvärdering: Steg | None = None

    def steg(self) -> list[tuple[str, Steg]]:
        """De steg som har fyllts i (har en text), i hjulets ordning."""
        fyllda = ((namn, getattr(self, namn)) for namn in STEG)
        return [(namn, steg) for namn, steg in fyllda if steg is not None and steg.text]
