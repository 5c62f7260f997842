"""Gemensam bas för datamodellen: strikt mot okända nycklar, svenska nyckelnamn."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints


class Basmodell(BaseModel):
    """Bas för alla filtyper: okända nycklar är fel."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Text = Annotated[str, StringConstraints(strip_whitespace=False, min_length=1)]
"""En text som inte får vara tom."""

Id = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
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
    underpunkter: list[Text] = []


Punkt = Text | Punktlista
"""En punkt i en punktlista: en text, eller en text med underpunkter."""


class Atgardsstatus(StrEnum):
    """Status för en åtgärd i en handlingsplan."""

    planerad = "planerad"
    pagar = "pågår"
    klar = "klar"
    avbruten = "avbruten"


class Atgard(Basmodell):
    """En åtgärd i en handlingsplan (även i avvikelser)."""

    id: Id | None = None
    åtgärd: Text
    ansvarig: Text | None = None
    klart_senast: Datum | None = None
    uppföljning: Datum | None = None
    status: Atgardsstatus = Atgardsstatus.planerad
    effekt: Text | None = None
    garaget: list[Id] = []
    avvikelser: list[Id] = []
    integrerade_mål: list[Id] = []

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

    def dagar_forsenad(self, per: date) -> int:
        """Hur många dagar åtgärden är försenad en viss dag (0 när den inte är det)."""
        if self.ar_avslutad() or self.klart_senast is None or self.klart_senast >= per:
            return 0
        return (per - self.klart_senast).days
