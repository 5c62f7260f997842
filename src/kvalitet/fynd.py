"""Fynd: det kontrollerna hittar, som data som rapportörerna formaterar."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Niva(StrEnum):
    """Hur allvarligt ett fynd är."""

    fel = "fel"
    varning = "varning"


@dataclass(frozen=True, order=True)
class Fynd:
    """Ett fynd: var, vilken regel och vad, på svenska.

    Nivån sätts inte av regeln utan av registret (regelns standardnivå), så att
    nivån kan ändras på ett ställe.
    """

    fil: str
    rad: int
    kol: int
    regel: str
    text: str


@dataclass(frozen=True)
class Bedomt:
    """Ett fynd med sin nivå, färdigt att rapporteras."""

    fynd: Fynd
    niva: Niva
