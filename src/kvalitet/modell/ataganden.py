"""ataganden/<år>.yaml: årets åtaganden med indikatorer, resultat och analys."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kvalitet.modell._bas import Ar, Basmodell, Id, Text

Tal = float | int


class Riktning(StrEnum):
    """Om ett högre eller lägre utfall är bättre."""

    hogre = "högre"
    lagre = "lägre"


class Konsuppdelat(Basmodell):
    """Ett utfall uppdelat på kön."""

    kvinnor: Tal | None = None
    män: Tal | None = None


class Indikator(Basmodell):
    """En indikator som mäter ett åtagande."""

    namn: Text
    enhet: Text | None = None
    målvärde: Tal | None = None
    riktning: Riktning = Riktning.hogre
    utfall: Tal | None = None
    utfall_per_kön: Konsuppdelat | None = None
    källa: Text | None = None

    def uppfylld(self) -> bool | None:
        """Om utfallet når målvärdet (i indikatorns riktning); None när något saknas."""
        if self.utfall is None or self.målvärde is None:
            return None
        if self.riktning == Riktning.hogre:
            return self.utfall >= self.målvärde
        return self.utfall <= self.målvärde


class Malkedja(Basmodell):
    """Målkedjan: kommunfullmäktige → nämnd → enhet."""

    kommunfullmäktige: Text | None = None
    nämnd: Text | None = None
    enhet: Text | None = None


class Atagande(Basmodell):
    """Ett åtagande för året."""

    id: Id
    åtagande: Text
    förväntat_resultat: Text
    arbetssätt: Text
    mätmetod: Text | None = None
    indikatorer: list[Indikator] = []
    resultat: Text | None = None
    analys: Text | None = None
    rum: list[Id] = []
    mål: Malkedja | None = None
    integrerade_mål: list[Id] = []

    def lage(self) -> str:
        """Hur långt åtagandet har nått sina målvärden: uppfyllt, delvis, ej eller okänt."""
        bedomda = [i.uppfylld() for i in self.indikatorer]
        kanda = [b for b in bedomda if b is not None]
        if not self.indikatorer:
            return "inga indikatorer"
        if not kanda:
            return "utfall saknas"
        if all(kanda) and len(kanda) == len(bedomda):
            return "uppfyllt"
        return "delvis uppfyllt" if any(kanda) else "ej uppfyllt"


class Ataganden(Basmodell):
    """Årets åtaganden: filen ataganden/<år>.yaml."""

    år: Ar
    åtaganden: list[Atagande] = Field(default=[])
