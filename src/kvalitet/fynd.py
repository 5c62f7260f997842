"""Fynd: det kontrollerna hittar, som data som rapportörerna formaterar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from kvalitet.fel import Slutkod


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
    arvd: bool = False
    """En frist som har löpt ut redan på målgrenen (`--bas`), inte genom grenens ändringar:
    den visas som varning men stoppar inte grenen, inte heller med --strikt."""


@dataclass(frozen=True)
class Filtypsantal:
    """Hur många dokument av en filtyp som kontrollerades."""

    namn: str
    plural: str
    antal: int


@dataclass(frozen=True)
class Resultat:
    """Kontrollens resultat: fynden med nivå och vad som kontrollerades.

    Resultatet är vanliga data (ingen verksamhet), så att det kan sparas i cachen och
    skrivas ut utan att modellerna behöver laddas.
    """

    rot: Path
    per: date
    fynd: list[Bedomt]
    namn: str | None
    """Verksamhetens och organisationens namn ur huset, om huset går att läsa."""
    filtyper: list[Filtypsantal]
    """Dokumenten per känd filtyp, i filtypernas ordning (bara de som finns)."""
    dokument: int
    """Alla YAML-dokument, också de utan känd plats."""
    ovriga_filer: int
    """Filer som inte är verksamhetens dokument (de söks bara efter personnummer)."""
    regler: int

    def antal(self, niva: Niva) -> int:
        """Antalet fynd på en nivå."""
        return sum(1 for bedomt in self.fynd if bedomt.niva == niva)

    def slutkod(self, strikt: bool) -> Slutkod:
        """1 vid fel (och vid varningar med --strikt, utom ärvda frister), annars 0."""
        egna_varningar = any(b.niva == Niva.varning and not b.arvd for b in self.fynd)
        underkand = self.antal(Niva.fel) or (strikt and egna_varningar)
        return Slutkod.FYND if underkand else Slutkod.OK
