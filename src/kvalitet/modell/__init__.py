"""Datamodellen: en pydantic-modell per filtyp i en verksamhet."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase

from pydantic import BaseModel

from kvalitet.modell.arshjul import Session
from kvalitet.modell.ataganden import Ataganden
from kvalitet.modell.avvikelse import Avvikelse
from kvalitet.modell.buuuu import BuuuuVarv
from kvalitet.modell.garaget import Garaget
from kvalitet.modell.huset import Huset
from kvalitet.modell.rum import RumGuide


@dataclass(frozen=True)
class Filtyp:
    """En filtyp: dess namn (ental och flertal), var filerna ligger och dess modell."""

    namn: str
    plural: str
    monster: str
    modell: type[BaseModel]


FILTYPER: tuple[Filtyp, ...] = (
    Filtyp("hus", "hus", "huset.yaml", Huset),
    Filtyp("rumsguide", "rumsguider", "rum/*.yaml", RumGuide),
    Filtyp("årshjulssession", "årshjulssessioner", "arshjul/*/*.yaml", Session),
    Filtyp("garage", "garage", "garaget.yaml", Garaget),
    Filtyp("åtagandefil", "åtagandefiler", "ataganden/*.yaml", Ataganden),
    Filtyp("BUUUU-varv", "BUUUU-varv", "buuuu/*.yaml", BuuuuVarv),
    Filtyp("avvikelse", "avvikelser", "avvikelser/*/*.yaml", Avvikelse),
)


def filtyp_for(relativ_sokvag: str) -> Filtyp | None:
    """Filtypen för en sökväg relativt verksamhetens rot (med snedstreck)."""
    delar = relativ_sokvag.split("/")
    for filtyp in FILTYPER:
        monster = filtyp.monster.split("/")
        if len(delar) == len(monster) and all(
            fnmatchcase(del_, mon) for del_, mon in zip(delar, monster, strict=True)
        ):
            return filtyp
    return None
