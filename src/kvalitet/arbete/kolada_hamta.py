"""`kvalitet kolada hamta`: nyckeltalen ur Koladas API, sparade som svar och importerade.

Svaren sparas som Kolada skickade dem (flera sidor som en lista) under
omvarld/kolada-svar/KPI-DATUM.json, så att varje siffra går att granska i pull requesten;
sedan importeras de med samma kod som `kvalitet kolada importera`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kvalitet import kolada_api
from kvalitet.arbete.kolada import RIKET, installningen
from kvalitet.skrivning import Andring
from kvalitet.verksamhet import Verksamhet

SVARSMAPP = "omvarld/kolada-svar"


@dataclass(frozen=True)
class Hamtat:
    """Ett nyckeltals svar: filen det sparas i och hur många sidor det hade."""

    kpi: str
    fil: str
    sidor: int
    andring: Andring | None
    """None när svaret är detsamma som det som redan är sparat."""


def kommunerna(v: Verksamhet) -> list[str]:
    """Kommunen, jämförelsegruppen (när den finns) och riket, i Koladas id."""
    installning = installningen(v)
    assert v.huset is not None  # installningen() har prövat det
    kommun = installning.kommun or v.huset[1].verksamhet.kommunkod
    grupp = [installning.jämförelsegrupp.id] if installning.jämförelsegrupp else []
    return [kommun, *grupp, RIKET]


def hamta(
    v: Verksamhet,
    ar: list[int],
    bas: str,
    dag: date,
    framsteg: Callable[[str], None] | None = None,
) -> list[Hamtat]:
    """Hämta varje nyckeltal i husets kolada-inställning; svaren som filer att skriva.

    Raises:
        Koladafel: När huset saknar inställningen.
        Hamtfel: När Kolada inte går att nå eller svarar med ett fel.
    """
    kommuner = kommunerna(v)
    hamtade = []
    for nyckeltal in installningen(v).nyckeltal:
        sidor = kolada_api.hamta(bas, nyckeltal.id, kommuner, ar)
        innehall = sidor[0] if len(sidor) == 1 else sidor
        text = json.dumps(innehall, ensure_ascii=False, indent=2) + "\n"
        relativ = f"{SVARSMAPP}/{nyckeltal.id}-{dag.isoformat()}.json"
        sokvag = v.rot / relativ
        gammal = sokvag.read_bytes() if sokvag.is_file() else None
        ny = text.encode("utf-8")
        andring = None if gammal == ny else Andring(sokvag, ny, gammal)
        hamtade.append(Hamtat(nyckeltal.id, relativ, len(sidor), andring))
        if framsteg is not None:
            framsteg(nyckeltal.id)
    return hamtade
