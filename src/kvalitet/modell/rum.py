"""rum/<rum>.yaml: ett rums beskrivning och dess guide för årshjulet."""

from __future__ import annotations

from pydantic import Field

from kvalitet.modell._bas import Basmodell, Datum, Id, Punkt, Text


class Orsaksfraga(Basmodell):
    """En fråga i rummets orsaksanalys."""

    id: Id
    fråga: Text


class RumGuide(Basmodell):
    """Guiden för ett rum: syfte, förberedelser, underlag, frågor och åtgärdsfrågor."""

    id: Id
    namn: Text
    beskrivning: Text | None = None
    syfte: list[Punkt] = Field(min_length=1)
    förberedelser: list[Punkt] = Field(min_length=1)
    underlag: list[Text] = []
    orsaksanalys: list[Orsaksfraga] = Field(min_length=1)
    åtgärdsfrågor: list[Punkt] = Field(min_length=1)
    senast_granskad: Datum | None = None
    """Dagen dokumentet senast granskades och befanns aktuellt."""
