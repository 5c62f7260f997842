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
    """Postens id, till exempel G9-wvm2 (kvalitet garage parkera ger ett nytt)."""
    rubrik: Text
    """Postens rubrik på en rad."""
    typ: Garagetyp
    """Vad som parkeras: risk, behov, idé eller möjlighet."""
    rum: Id | None = None
    """Rummet (id) där posten tas upp när årshjulet når dit."""
    inkom: Datum
    """Dagen posten parkerades (ÅÅÅÅ-MM-DD)."""
    beskrivning: Text | None = None
    """En avidentifierad beskrivning: inga namn, bara roller och sammanfattningar."""
    status: Garagestatus = Garagestatus.parkerad
    """Var posten står: parkerad, prioriterad, överförd eller avslutad."""
    prioriterad: Datum | None = None
    """Dagen posten prioriterades (kvalitet garage prioritera sätter den)."""
    motivering: Text | None = None
    """Varför posten prioriterades, till exempel vid vilken session och till vilket stopp."""
    överförd: Datum | None = None
    """Dagen posten fördes in i en handlingsplan (kvalitet garage overfor sätter den)."""
    överförd_till: Text | None = None
    """Vart posten fördes, till exempel en åtgärd: arshjul/2026/processer.yaml#A2."""


class Garaget(Basmodell):
    """Hela Garaget: filen garaget.yaml."""

    poster: list[Garagepost] = []
    """Garagets poster; en ny post läggs sist."""
