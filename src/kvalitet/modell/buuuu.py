"""buuuu/<id>.yaml: ett varv i BUUUU-hjulet, varje steg med brukarmedverkan."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BeforeValidator

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


class Stegfraga(Basmodell):
    """En fråga för brukarmedverkan i ett steg och svaret på den."""

    fråga: Text
    """Frågan, ur modellen eller en egen."""
    svar: str | None = None
    """Vad brukarna svarade och vad det betyder för steget; tomt tills frågan är besvarad."""

    def besvarad(self) -> bool:
        """Sant när frågan har ett svar som inte bara är blanktecken."""
        return bool((self.svar or "").strip())


def _som_stegfraga(varde: object) -> object:
    # Före svaren var en fråga bara sin text; en sådan fil är en fråga utan svar.
    return {"fråga": varde} if isinstance(varde, str) else varde


Fraga = Annotated[
    Stegfraga, BeforeValidator(_som_stegfraga, json_schema_input_type=Stegfraga | Text)
]
"""En fråga med svar, eller bara frågans text (en fråga som ännu inte är besvarad)."""


class Steg(Basmodell):
    """Ett steg i BUUUU-hjulet; genomarbetat när det har en text och varje fråga ett svar."""

    text: Text | None = None
    """Vad som kom fram i steget; utan text är steget ännu inte genomarbetat."""
    frågor: list[Fraga] = []
    """Modellens frågor för brukarmedverkan i steget, var och en med brukarnas svar."""
    brukarmedverkan: list[Brukarmedverkan] = []
    """Hur brukarna tog del i steget."""

    def obesvarade(self) -> list[int]:
        """Index för de frågor som ännu inte har något svar."""
        return [i for i, fraga in enumerate(self.frågor) if not fraga.besvarad()]

    def genomarbetat(self) -> bool:
        """Sant när steget har en text och ett svar på varje fråga."""
        return bool(self.text) and not self.obesvarade()


class Utvardering(Steg):
    """Utvärderingen, som sluter varvet: nuläget jämförs med hur behovet först bedömdes."""

    jämfört_med_behov: Text | None = None
    """Hur nuläget förhåller sig till behovet så som det först bedömdes: vad har
    förändrats, och vad återstår? Krävs för att varvet ska kunna avslutas."""

    def genomarbetat(self) -> bool:
        """Sant när utvärderingen har en text, svar på varje fråga och jämför med behovet."""
        return super().genomarbetat() and bool(self.jämfört_med_behov)


HJULET = ("behov", "uppdrag", "utbud", "utförande", "utfall")
"""Hjulets fem steg i ordning: Behov, Uppdrag, Utbud, Utförande, Utfall."""

UTVARDERING = "utvärdering"
"""Utvärderingen, som sluter varvet tillbaka till behovet."""

STEG = (*HJULET, UTVARDERING)
"""Varvets steg i filens ordning: hjulets fem steg och utvärderingen som sluter varvet."""


class BuuuuVarv(Basmodell):
    """Ett varv i BUUUU-hjulet: Behov, Uppdrag, Utbud, Utförande, Utfall."""

    id: Id
    """Varvets id; samma som filens namn (buuuu/<id>.yaml)."""
    namn: Text
    """Vad varvet handlar om."""
    startad: Datum | None = None
    """Dagen varvet startade (ÅÅÅÅ-MM-DD)."""
    avslutat: Datum | None = None
    """Dagen varvet avslutades (ÅÅÅÅ-MM-DD), när utvärderingen har slutit cirkeln
    tillbaka till behovet. Ett avslutat varv ska ha varje steg genomarbetat: en text,
    ett svar på varje fråga och en utvärdering som jämför med behovet."""
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
    utvärdering: Utvardering | None = None
    """Utvärdering: vi utvärderar nuläget i förhållande till hur vi först bedömde behovet."""

    def steg(self) -> list[tuple[str, Steg]]:
        """De steg som har fyllts i (har en text), i hjulets ordning."""
        fyllda = ((namn, getattr(self, namn)) for namn in STEG)
        return [(namn, steg) for namn, steg in fyllda if steg is not None and steg.text]

    def genomarbetade(self) -> list[str]:
        """Hjulets steg (utan utvärderingen) som är genomarbetade, i hjulets ordning."""
        return [namn for namn in HJULET if _genomarbetat(getattr(self, namn))]

    def utvarderat(self) -> bool:
        """Sant när utvärderingen är genomarbetad och har jämfört nuläget med behovet."""
        return _genomarbetat(self.utvärdering)


def _genomarbetat(steg: Steg | None) -> bool:
    return steg is not None and steg.genomarbetat()
