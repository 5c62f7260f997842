"""Registret över rapporterna och vägen från en rapport till dess filer."""

from __future__ import annotations

from pathlib import Path

from kvalitet import regelverk
from kvalitet.rapporter import (
    Rapportsort,
    Uppdrag,
    arshjul,
    ataganden,
    avvikelser,
    egenkontroll,
    filer,
    handlingsplan,
    kvalitetsberattelse,
    riskanalyser,
    rum,
)
from kvalitet.skrivning import Andring
from kvalitet.verksamhet import Verksamhet

RAPPORTER: dict[str, Rapportsort] = {
    "kvalitetsberattelse": kvalitetsberattelse,
    "handlingsplan": handlingsplan,
    "avvikelser": avvikelser,
    "ataganden": ataganden,
    "arshjul": arshjul,
    "rum": rum,
    "riskanalyser": riskanalyser,
    "egenkontroll": egenkontroll,
}
"""Rapporterna efter namn (kommandot `kvalitet rapport NAMN`)."""


def minsta_antal(v: Verksamhet) -> int:
    """Gränsen för små antal: husets regler, annars mallar/standardregler.yaml."""
    return regelverk.for_verksamhet(v).rapporter.minsta_antal


def standardfil(v: Verksamhet, namn: str, uppdrag: Uppdrag, ending: str) -> Path:
    """Var rapporten skrivs när inget annat anges: rapporter/<namn>[-<rum>]-<år>.<ending>."""
    rum = f"-{uppdrag.rum}" if uppdrag.rum else ""
    return v.rot / "rapporter" / f"{namn}{rum}-{uppdrag.ar}.{ending}"


def skapa(
    v: Verksamhet,
    namn: str,
    uppdrag: Uppdrag,
    ending: str,
    ut: Path,
    wordmall: Path | None = None,
) -> list[Andring]:
    """Rapportens filer som ändringar att skriva (se `kvalitet.rapporter.filer`)."""
    sort = RAPPORTER[namn]
    return filer(sort.bygg(v, uppdrag), sort.MALL, ending, ut, wordmall=wordmall)
