"""En avslutad post ändras inte i efterhand, bara följs upp.

En hållen session (`status: genomförd`), ett avslutat ärende (`status: avslutad`) och en
uppföljd riskanalys (`status: uppföljd`) är verksamhetens dokumentation av vad som
hände. Med `kvalitet kontrollera --bas REF` (i en pull request: målgrenen, till exempel
origin/main) jämförs varje sådan post med hur den såg ut i REF, och en ändring av
innehållet är ett fel. Tillåtet är att följa upp: lägga till en punkt under
`uppföljningar` (datum, text och gärna roll) och uppdatera åtgärderna (i
handlingsplanen, ärendet eller under en risk) med `status` och `effekt`, och att fylla i
det som saknades när ett ärende avslutades: `process` och utredningens orsaker (regeln
AVV002). Ska något rättas, skriv det som en uppföljning; innehållet i det som beslutades
står kvar.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Session, Sessionsstatus
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsestatus
from kvalitet.modell.riskanalys import Riskanalys, Riskanalysstatus

ID = "POS001"
NIVA = Niva.fel
RUBRIK = "Avslutad session eller avslutat ärende har ändrats"

Vag = tuple[str | int, ...]

# Det som en uppföljning får ändra i en åtgärd i en avslutad post.
_UPPFOLJNING_I_ATGARD = ("status", "effekt")
_LISTOR_MED_ATGARDER = ("handlingsplan", "åtgärder")
# Det som ett ärende saknade när det avslutades (AVV002) och som får fyllas i efteråt.
_KOMPLETTERING = (("process",), ("utredning",), ("utredning", "orsaker"))


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Avslutade poster i basen vars innehåll har ändrats i den nya versionen."""
    if ktx.bas is None:
        return
    nu = {dok.relativ: dok for dok in ktx.verksamhet.dokument}
    for gammal in ktx.bas.dokument:
        slag = _postens_slag(gammal.modell)
        if slag is None:
            continue
        ny = nu.get(gammal.relativ)
        if ny is None:
            yield gammal.fynd(1, 1, ID, f"{slag} men filen har tagits bort.")
        elif ny.data is not None and not ny.inlasningsfynd:
            vag = _forsta_andring(gammal.data, ny.data, ())
            if vag is not None:
                yield ny.fynd_vid(vag, ID, _text(slag, vag))


def _postens_slag(modell: object) -> str | None:
    if isinstance(modell, Session) and modell.status == Sessionsstatus.genomford:
        return "Sessionen är genomförd"
    if isinstance(modell, Avvikelse) and modell.status == Avvikelsestatus.avslutad:
        return "Ärendet är avslutat"
    if isinstance(modell, Riskanalys) and modell.status == Riskanalysstatus.uppfoljd:
        return "Riskanalysen är uppföljd"
    return None


def _text(slag: str, vag: Vag) -> str:
    var = ".".join(str(steg) for steg in vag) or "filen"
    return (
        f"{slag} men har ändrats ({var}). Lägg i stället till en punkt under"
        " uppföljningar, med datum och text."
    )


def _forsta_andring(gammal: Any, ny: Any, vag: Vag) -> Vag | None:
    """Den första platsen där `ny` skiljer sig från `gammal` på ett otillåtet sätt."""
    if isinstance(gammal, dict) and isinstance(ny, dict):
        return _mappning(gammal, ny, vag)
    if isinstance(gammal, list) and isinstance(ny, list):
        return _lista(gammal, ny, vag)
    return None if gammal == ny else vag


def _mappning(gammal: dict[str, Any], ny: dict[str, Any], vag: Vag) -> Vag | None:
    for nyckel in [*gammal, *(k for k in ny if k not in gammal)]:
        if nyckel == "uppföljningar" and not vag:
            andrad = _bara_tillagda(gammal.get(nyckel) or [], ny.get(nyckel) or [], vag)
        elif _ar_uppfoljning_i_atgard(vag, nyckel) or _kompletteras(vag, nyckel, gammal):
            continue
        else:
            andrad = _forsta_andring(gammal.get(nyckel), ny.get(nyckel), (*vag, nyckel))
        if andrad is not None:
            return andrad  # en borttagen nyckel pekas ut vid sin förälder (se position)
    return None


def _lista(gammal: list[Any], ny: list[Any], vag: Vag) -> Vag | None:
    if len(gammal) != len(ny):
        return vag
    for index, (g, n) in enumerate(zip(gammal, ny, strict=True)):
        andrad = _forsta_andring(g, n, (*vag, index))
        if andrad is not None:
            return andrad
    return None


def _bara_tillagda(gammal: list[Any], ny: list[Any], vag: Vag) -> Vag | None:
    # Nya uppföljningar läggs till sist; de som redan fanns står kvar oförändrade.
    if not isinstance(gammal, list) or not isinstance(ny, list) or ny[: len(gammal)] != gammal:
        return (*vag, "uppföljningar")
    return None


def _kompletteras(vag: Vag, nyckel: str, gammal: dict[str, Any]) -> bool:
    return (*vag, nyckel) in _KOMPLETTERING and gammal.get(nyckel) in (None, "", [])


def _ar_uppfoljning_i_atgard(vag: Vag, nyckel: str) -> bool:
    # En åtgärd står i en lista på filens översta nivå, eller under en risk
    # (risker, i, åtgärder, j).
    if len(vag) == 4 and vag[0] == "risker" and isinstance(vag[1], int):
        vag = vag[2:]
    return (
        len(vag) == 2
        and vag[0] in _LISTOR_MED_ATGARDER
        and isinstance(vag[1], int)
        and nyckel in _UPPFOLJNING_I_ATGARD
    )
