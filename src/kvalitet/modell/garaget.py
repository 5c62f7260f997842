"""garaget.yaml: parkerade risker, behov, idéer och möjligheter."""

from __future__ import annotations

from enum import StrEnum

from kvalitet.modell._bas import Basmodell, Datum, Id, Text


class Garagetyp(StrEnum):
    """Vad som har parkerats."""

    risk = "risk"
    behov = "behov"
    ide = "idé"
    mojlighet = "möjlighet"


class Garagestatus(StrEnum):
    """Var en parkerad post befinner sig."""

    parkerad = "parkerad"
    prioriterad = "prioriterad"
    overford = "överförd"
    avslutad = "avslutad"


class Garagepost(Basmodell):
    """En post i Garaget."""

    id: Id
    rubrik: Text
    typ: Garagetyp
    rum: Id | None = None
    inkom: Datum
    beskrivning: Text | None = None
    status: Garagestatus = Garagestatus.parkerad
    överförd_till: Text | None = None


class Garaget(Basmodell):
    """Hela Garaget: filen garaget.yaml."""

    poster: list[Garagepost] = []
