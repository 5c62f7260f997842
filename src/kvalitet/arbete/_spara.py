"""Den enda vägen från ett kommando till disken (och till git)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kvalitet import gitinfo, redigering, skrivning
from kvalitet.skrivning import Andring


@dataclass(frozen=True)
class Sparat:
    """Vad ett kommando skrev: nya och ändrade filer (relativt roten), gren och incheckning."""

    nya: list[str]
    andrade: list[str]
    gren: str | None = None
    incheckning: str | None = None

    @property
    def filer(self) -> list[str]:
        """Alla filer som skrevs."""
        return [*self.nya, *self.andrade]


def spara(
    rot: Path,
    andringar: Sequence[Andring],
    per: date,
    gren: str | None = None,
    meddelande: str = "",
    nytt_forrad: bool = False,
) -> Sparat:
    """Pröva ändringarna och skriv alla eller ingen; med `gren` på en ny gren, incheckat.

    Args:
        rot: Verksamhetens rot.
        andringar: Filerna att skapa eller ändra.
        per: Bedömningsdagen för prövningen.
        gren: En ny gren att skapa, checka ut och checka in ändringarna på.
        meddelande: Incheckningens meddelande.
        nytt_forrad: Gör roten till ett nytt git-förråd och checka in filerna där.

    Returns:
        Vad som skrevs.
    """
    redigering.bekrafta(rot, andringar, per)
    nya = [a.sokvag.relative_to(rot).as_posix() for a in andringar if a.ar_ny]
    andrade = [a.sokvag.relative_to(rot).as_posix() for a in andringar if not a.ar_ny]
    if nytt_forrad:
        ny_gren = _i_nytt_forrad(rot, andringar, meddelande)
        return Sparat(nya, andrade, ny_gren, "den första incheckningen")
    if gren is not None:
        return Sparat(nya, andrade, gren, _pa_ny_gren(rot, andringar, gren, meddelande))
    skrivning.genomfor(andringar, rot)
    return Sparat(nya, andrade)


def _i_nytt_forrad(rot: Path, andringar: Sequence[Andring], meddelande: str) -> str:
    skrivet = skrivning.genomfor(andringar, rot)
    try:
        return gitinfo.skapa_forrad(rot, [a.sokvag for a in andringar], meddelande)
    except Exception as fel:
        skrivning.angra(skrivet)
        raise gitinfo.Gitfel(
            f"Förrådet kunde inte skapas ({type(fel).__name__}); inget har ändrats."
        ) from None


def _pa_ny_gren(rot: Path, andringar: Sequence[Andring], gren: str, meddelande: str) -> str:
    # Filerna som skrivs får redan ha ändringar (en session som sparats förut); de hör
    # till grenen. Alla andra ändringar i arbetsträdet gör att grenen inte skapas.
    with gitinfo.ny_gren(rot, gren, [a.sokvag for a in andringar]) as ny:
        skrivet = skrivning.genomfor(andringar, rot)
        try:
            return ny.checka_in([a.sokvag for a in andringar], meddelande)
        except Exception as fel:
            skrivning.angra(skrivet)
            raise gitinfo.Gitfel(
                f"Incheckningen på grenen {gren} misslyckades ({type(fel).__name__}); inget"
                " har ändrats."
            ) from None
