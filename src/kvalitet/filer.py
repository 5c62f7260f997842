"""Verksamhetens filer: var roten är och vilka filer som hör till verksamheten.

Modulen importerar inget tungt (ingen pydantic eller ruamel), så att en kontroll som
kan svara ur cachen bara behöver den här och standardbiblioteket.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kvalitet.fel import Anvandningsfel

HUSET = "huset.yaml"
YAML_SUFFIX = (".yaml", ".yml")
# Mappar som inte hör till verksamhetens innehåll: gits egna filer och kvalitets cache.
EJ_GENOMSOKTA = frozenset({".git", ".kvalitet"})


@dataclass(frozen=True)
class Fil:
    """En fil i verksamheten: vägen relativt roten (med snedstreck) och på disken."""

    relativ: str
    sokvag: Path

    def stat(self) -> os.stat_result:
        """Filens storlek och ändringstid (länkar följs), hämtade en gång per körning.

        Utfallets avtryck och dokumentcachen frågar båda; med tiotusentals filer märks
        det.

        Raises:
            OSError: När filen inte går att nå.
        """
        svar = self.__dict__.get("_stat")
        if svar is None:
            try:
                svar = self.sokvag.stat()
            except OSError as fel:
                svar = fel
            self.__dict__["_stat"] = svar  # dataklassen är fryst; cachen är ingen nyckel
        if isinstance(svar, OSError):
            raise svar
        return svar

    @property
    def ar_dokument(self) -> bool:
        """En YAML-fil som hör till ledningssystemet (dolda filer och mappar gör inte det).

        .gitlab-ci.yml, .github/ och .kvalitet/ hör till verktygen.
        """
        dold = any(del_.startswith(".") for del_ in self.relativ.split("/"))
        return self.relativ.endswith(YAML_SUFFIX) and not dold


def hitta_rot(start: Path) -> Path:
    """Verksamhetens rot: start själv eller närmaste överordnade mapp med huset.yaml.

    Raises:
        Anvandningsfel: När mappen inte finns eller ingen huset.yaml hittas.
    """
    if not start.exists():
        raise Anvandningsfel(f"Mappen ”{start}” finns inte.")
    if not start.is_dir():
        raise Anvandningsfel(f"”{start}” är ingen mapp.")
    for kandidat in (start.resolve(), *start.resolve().parents):
        if (kandidat / HUSET).is_file():
            return kandidat
    raise Anvandningsfel(
        f"Mappen ”{start}” är ingen verksamhet: där (och ovanför) finns ingen {HUSET}.",
        tips="Skapa en ny verksamhet med: kvalitet init MAPP",
    )


def alla(rot: Path) -> list[Fil]:
    """Alla filer under roten, sorterade som vägar (mapp för mapp)."""
    return sorted(_alla(rot), key=lambda fil: fil.relativ.split("/"))


def _alla(rot: Path) -> Iterator[Fil]:
    bas = str(rot)
    for mapp, undermappar, namn_ in os.walk(bas):
        undermappar[:] = [namn for namn in undermappar if namn not in EJ_GENOMSOKTA]
        # Vägen relativt roten byggs som text: pathlib:s relative_to kostar mer än
        # allt annat här när filerna är tiotusentals.
        prefix = mapp[len(bas) + 1 :].replace(os.sep, "/")
        prefix = f"{prefix}/" if prefix else ""
        # En mapp och en trasig länk med ett dokuments namn tas med: de ger ett fynd
        # (FIL001) när de inte går att läsa, i stället för att tyst hoppas över.
        for namn in undermappar:
            if namn.endswith(YAML_SUFFIX):
                yield Fil(prefix + namn, Path(mapp, namn))
        for namn in namn_:
            sokvag = Path(mapp, namn)
            if namn.endswith(YAML_SUFFIX) or not sokvag.is_symlink() or sokvag.is_file():
                yield Fil(prefix + namn, sokvag)
