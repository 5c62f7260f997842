"""Gemensam bas för datamodellen: strikt mot okända nycklar, svenska nyckelnamn."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# Ord i nyckelnamn som skrivs på sitt eget sätt i en rubrik.
_EGNA_ORD = {"ivo": "IVO", "sarah": "Sarah"}


def modellrubrik(klass: type) -> str:
    """En svensk rubrik för en klass: första meningen i dess docstring, utan punkt.

    Rubriken syns i JSON Schema och därmed i editorer. En klass utan egen docstring
    får sitt namn.
    """
    return forsta_meningen(klass.__doc__ or klass.__name__)


def forsta_meningen(text: str) -> str:
    """Första meningen i en text, på en rad och utan punkt."""
    return re.split(r"[.](?:\s|$)", " ".join(text.split()), maxsplit=1)[0]


def faltrubrik(namn: str, _info: object = None) -> str:
    """En svensk rubrik för en nyckel: klart_senast blir ”Klart senast”."""
    text = " ".join(_EGNA_ORD.get(ord_, ord_) for ord_ in namn.split("_"))
    return text[:1].upper() + text[1:]


class Basmodell(BaseModel):
    """Bas för alla filtyper: okända nycklar är fel."""

    # Rubrikerna gäller bara JSON Schema, inte valideringen eller dess felmeddelanden.
    # Fältens docstrings blir beskrivningar i schemat (kvalitet.schema läser dem), men
    # inte här: pydantic skulle läsa källkoden för varje klass vid varje start.
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        model_title_generator=modellrubrik,
        field_title_generator=faltrubrik,
    )


Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]
"""En text som inte får vara tom."""

ID_MONSTER = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
"""Hur ett id ser ut: bokstäver a–z, siffror, punkt, understreck och bindestreck."""
Id = Annotated[str, StringConstraints(pattern=ID_MONSTER)]
"""Ett id: ASCII, siffror, bindestreck, understreck och punkt."""

Kommunkod = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
"""Kommunkoden: fyra siffror inom citattecken, till exempel "2401"."""

Manad = Annotated[int, Field(strict=True, ge=1, le=12)]
"""En månad, 1–12."""

Ar = Annotated[int, Field(strict=True, ge=1900, le=2999)]
"""Ett årtal."""

Datum = date


class Punktlista(Basmodell):
    """En punkt med underpunkter, som i källdokumentets punktlistor."""

    punkt: Text
    """Punktens text."""
    underpunkter: list[Text] = []
    """Underpunkterna, i ordning."""


Punkt = Text | Punktlista
"""En punkt i en punktlista: en text, eller en text med underpunkter."""


class Uppfoljning(Basmodell):
    """En uppföljning som läggs till i efterhand, när sessionen eller ärendet är avslutat."""

    datum: Datum
    text: Text
    av: Text | None = None


class Atgardsstatus(StrEnum):
    """Status för en åtgärd i en handlingsplan."""

    planerad = "planerad"
    pagar = "pågår"
    klar = "klar"
    avbruten = "avbruten"


class Atgard(Basmodell):
    """En åtgärd i en handlingsplan (även i avvikelser)."""

    id: Id | None = None
    """Åtgärdens id i filen (A1, A2 …), så att andra filer kan hänvisa till den."""
    åtgärd: Text
    """Vad som ska göras, som en mening."""
    ansvarig: Text | None = None
    """Rollen som ansvarar för åtgärden, aldrig en persons namn."""
    klart_senast: Datum | None = None
    """Dagen åtgärden ska vara klar (ÅÅÅÅ-MM-DD)."""
    uppföljning: Datum | None = None
    """Dagen åtgärdens effekt följs upp (ÅÅÅÅ-MM-DD)."""
    status: Atgardsstatus = Atgardsstatus.planerad
    """Var åtgärden står: planerad, pågår, klar eller avbruten."""
    effekt: Text | None = None
    """Vad åtgärden ledde till, som uppföljningen visade; krävs när dagen i `uppföljning` har
    passerat (regeln ATG003)."""
    garaget: list[Id] = []
    """Id för poster i Garaget som åtgärden tar hand om."""
    avvikelser: list[Id] = []
    """Id för avvikelser, synpunkter eller klagomål som åtgärden svarar på."""
    integrerade_mål: list[Id] = []
    """Id för de integrerade mål i husets tak som åtgärden bidrar till."""
    politiska_mål: list[Id] = []
    """Id för de politiska mål i husets tak (fullmäktiges, nämndens, enhetens) som åtgärden
    bidrar till."""
    friskfaktorer: list[Id] = []
    """Id för de friskfaktorer i bjälklaget som åtgärden stärker."""

    def saknade_uppgifter(self) -> list[str]:
        """Nycklar som måste fyllas i innan åtgärden är komplett."""
        varden = {
            "ansvarig": self.ansvarig,
            "klart_senast": self.klart_senast,
            "uppföljning": self.uppföljning,
        }
        return [nyckel for nyckel, varde in varden.items() if varde is None]

    def ar_avslutad(self) -> bool:
        """Sant när åtgärden inte längre kan bli försenad."""
        return self.status in (Atgardsstatus.klar, Atgardsstatus.avbruten)

    def ska_vara_uppfoljd(self, per: date) -> bool:
        """Sant när uppföljningsdagen har passerat en viss dag och åtgärden inte är avbruten.

        Uppföljningsdagen räknas som passerad dagen efter; en avbruten åtgärd följs inte upp.
        """
        return (
            self.status != Atgardsstatus.avbruten
            and self.uppföljning is not None
            and self.uppföljning < per
        )

    def effekt_saknas(self, per: date) -> bool:
        """Sant när åtgärden ska vara uppföljd en viss dag men effekten inte är beskriven."""
        return self.ska_vara_uppfoljd(per) and not (self.effekt and self.effekt.strip())

    def dagar_forsenad(self, per: date) -> int:
        """Hur många dagar åtgärden är försenad en viss dag (0 när den inte är det)."""
        if self.ar_avslutad() or self.klart_senast is None or self.klart_senast >= per:
            return 0
        return (per - self.klart_senast).days
