"""Datamodellen: en pydantic-modell per filtyp i en verksamhet."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pydantic import BaseModel

from kvalitet.modell.arshjul import Session
from kvalitet.modell.ataganden import Ataganden
from kvalitet.modell.avvikelse import Avvikelse
from kvalitet.modell.brukarinflytande import Brukarinflytande
from kvalitet.modell.buuuu import BuuuuVarv
from kvalitet.modell.egenkontroll import Egenkontrollplan, Egenkontrollresultat
from kvalitet.modell.garaget import Garaget
from kvalitet.modell.huset import Huset
from kvalitet.modell.kolada import Koladaserie
from kvalitet.modell.lagkrav import Lagkravslista
from kvalitet.modell.riskanalys import Riskanalys
from kvalitet.modell.rum import RumGuide
from kvalitet.modell.styrdokument import Styrdokument


@dataclass(frozen=True)
class Filtyp:
    """En filtyp: dess namn (ental och flertal), var filerna ligger och dess modell."""

    namn: str
    plural: str
    monster: str
    modell: type[BaseModel]
    markdown: bool = False
    """Markdown med modellen som YAML-huvud (front matter) överst, i stället för YAML."""


FILTYPER: tuple[Filtyp, ...] = (
    Filtyp("hus", "hus", "huset.yaml", Huset),
    Filtyp("rumsguide", "rumsguider", "rum/*.yaml", RumGuide),
    Filtyp("årshjulssession", "årshjulssessioner", "arshjul/*/*.yaml", Session),
    Filtyp("garage", "garage", "garaget.yaml", Garaget),
    Filtyp("åtagandefil", "åtagandefiler", "ataganden/*.yaml", Ataganden),
    Filtyp("BUUUU-varv", "BUUUU-varv", "buuuu/*.yaml", BuuuuVarv),
    Filtyp(
        "brukarinflytandefil",
        "brukarinflytandefiler",
        "brukarinflytande/*.yaml",
        Brukarinflytande,
    ),
    Filtyp("avvikelse", "avvikelser", "avvikelser/*/*.yaml", Avvikelse),
    Filtyp("koladaserie", "koladaserier", "omvarld/kolada/*.yaml", Koladaserie),
    Filtyp("riskanalys", "riskanalyser", "riskanalyser/*.yaml", Riskanalys),
    Filtyp("egenkontrollplan", "egenkontrollplaner", "egenkontroll.yaml", Egenkontrollplan),
    Filtyp(
        "egenkontrollresultat",
        "egenkontrollresultat",
        "egenkontroll/*/*.yaml",
        Egenkontrollresultat,
    ),
    Filtyp("styrdokument", "styrdokument", "styrdokument/*.md", Styrdokument, markdown=True),
    Filtyp("lagkravslista", "lagkravslistor", "lagkrav.yaml", Lagkravslista),
)


def _som_regex(monster: str) -> re.Pattern[str]:
    # En * står för en del av ett namn, aldrig för ett snedstreck (en mapp till).
    return re.compile(re.escape(monster).replace(r"\*", "[^/]*"))


_MONSTER = tuple((_som_regex(filtyp.monster), filtyp) for filtyp in FILTYPER)


@cache  # frågas flera gånger per fil; med tiotusentals filer märks mönstren
def filtyp_for(relativ_sokvag: str) -> Filtyp | None:
    """Filtypen för en sökväg relativt verksamhetens rot (med snedstreck)."""
    for monster, filtyp in _MONSTER:
        if monster.fullmatch(relativ_sokvag):
            return filtyp
    return None
