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
    """Nivån för brukarinflytandet: individ, verksamhet eller system."""
    aktivitet: Text
    """Hur brukarna deltog, till exempel ett brukarråd eller en enkät."""
    datum: Datum
    """Dagen aktiviteten hölls (ÅÅÅÅ-MM-DD)."""
    resultat: Text | None = None
    """Vad brukarnas medverkan gav."""


class Steg(Basmodell):
    """Ett steg i BUUUU-hjulet; utan text är steget ännu inte genomarbetat."""

    text: Text | None = None
    """Vad som kom fram i steget; utan text är steget ännu inte genomarbetat."""
    frågor: list[Text] = []
    """Modellens frågor för brukarmedverkan i steget."""
    brukarmedverkan: list[Brukarmedverkan] = []
    """Hur brukarna tog del i steget."""


STEG = ("behov", "uppdrag", "utbud", "utförande", "utfall", "utvärdering")
"""Stegen i hjulets ordning; utvärdering jämför nuläget med behovet."""


class BuuuuVarv(Basmodell):
    """Ett varv i BUUUU-hjulet: Behov, Uppdrag, Utbud, Utförande, Utfall."""

    id: Id
    """Varvets id; samma som filens namn (buuuu/<id>.yaml)."""
    namn: Text
    """Vad varvet handlar om."""
    startad: Datum | None = None
    """Dagen varvet startade (ÅÅÅÅ-MM-DD)."""
    rum: list[Id] = []
    """Rummen (id) som varvet hör till."""
    åtaganden: list[Id] = []
    """Id för åtaganden som varvet gäller."""
    behov: Steg
    """Behov: vi identifierar ett behov."""
    uppdrag: Steg | None = None
    """Uppdrag: vi tolkar vårt uppdrag."""
    utbud: Steg | None = None
    """Utbud: vi prioriterar insatser som svarar mot uppdraget och behovet."""
    utförande: Steg | None = None
    """Utförande: vi förvissar oss om att insatserna utförs så som det är tänkt."""
    utfall: Steg | None = None
    """Utfall: vi följer upp vad insatserna leder till."""
    utvärdering: Steg | None = None
    """Utvärdering: vi jämför nuläget med hur vi först bedömde behovet."""

    def steg(self) -> list[tuple[str, Steg]]:
        """De steg som har fyllts i (har en text), i hjulets ordning."""
        fyllda = ((namn, getattr(self, namn)) for namn in STEG)
        return [(namn, steg) for namn, steg in fyllda if steg is not None and steg.text]
