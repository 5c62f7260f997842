"""Ett avslutat BUUUU-varv ska ha varje steg genomarbetat och jämföra med behovet.

Ett varv med `avslutat: ÅÅÅÅ-MM-DD` har gått hela hjulet – Behov, Uppdrag, Utbud,
Utförande, Utfall – och utvärderingen har slutit cirkeln tillbaka till behovet. Varje
steg ska då ha en `text` och ett `svar` under varje fråga i `frågor`, och utvärderingen
ska under `jämfört_med_behov` ta ställning till nuläget i förhållande till hur behovet
först bedömdes. Fyndet pekar på steget, frågan eller nyckeln som saknas.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.buuuu import STEG, UTVARDERING, BuuuuVarv, Steg, Utvardering
from kvalitet.svenska import kort

ID = "BUU002"
NIVA = Niva.fel
RUBRIK = "Avslutat BUUUU-varv med steg som inte är genomarbetade"

Vag = tuple[str | int, ...]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Steg, frågor och jämförelser med behovet som ett avslutat varv saknar."""
    for dok, varv in ktx.verksamhet.buuuu:
        if varv.avslutat is None:
            continue
        for namn in STEG:
            yield from _steget(dok, varv, namn)


def _steget(dok: Dokument, varv: BuuuuVarv, namn: str) -> Iterator[Fynd]:
    steg: Steg | None = getattr(varv, namn)
    borjan = f"Varvet ”{varv.namn}” är avslutat men {_delen(namn)}"
    if steg is None:
        saknas: Vag = (namn,) if _har(dok.data, namn) else ("avslutat",)
        yield dok.fynd_vid(saknas, ID, f"{borjan} saknas.")
        return
    if not steg.text:
        yield dok.fynd_vid((namn,), ID, f"{borjan} har ingen text.")
    for index in steg.obesvarade():
        fraga = kort(steg.frågor[index].fråga)
        yield dok.fynd_vid(
            (namn, "frågor", index), ID, f"{borjan} har inget svar på frågan ”{fraga}”."
        )
    if isinstance(steg, Utvardering) and not steg.jämfört_med_behov:
        nyckel = "jämfört_med_behov"
        plats: Vag = (namn, nyckel) if _har(dok.data.get(namn), nyckel) else (namn,)
        yield dok.fynd_vid(plats, ID, f"{borjan} jämför inte nuläget med behovet ({nyckel}).")


def _delen(namn: str) -> str:
    return "utvärderingen" if namn == UTVARDERING else f"steget ”{namn}”"


def _har(data: Any, nyckel: str) -> bool:
    return isinstance(data, dict) and nyckel in data
