"""arshjul/<år>/<rum>.yaml: en session i årshjulet med dess handlingsplan."""

from __future__ import annotations

from enum import StrEnum

from kvalitet.modell._bas import Ar, Atgard, Basmodell, Datum, Id, Punkt, Text, Uppfoljning


class Sessionsstatus(StrEnum):
    """Status för en session i årshjulet."""

    planerad = "planerad"
    pagar = "pågår"
    genomford = "genomförd"


class Svar(Basmodell):
    """En fråga ur rummets orsaksanalys och gruppens svar."""

    id: Id | None = None
    fråga: Text
    svar: str | None = None


class Session(Basmodell):
    """En session i årshjulet för ett rum ett visst år."""

    rum: Id
    år: Ar
    datum: Datum | None = None
    status: Sessionsstatus
    deltagare: list[Text] = []
    syfte: list[Punkt] = []
    förberedelser: list[Punkt] = []
    underlag: list[Text] = []
    orsaksanalys: list[Svar] = []
    slutsatser: str | None = None
    åtgärdsfrågor: list[Punkt] = []
    handlingsplan: list[Atgard] = []
    uppföljningar: list[Uppfoljning] = []
