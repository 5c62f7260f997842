"""Valfria rum ur mallarna (mallar/rum/valfria/), som en verksamhet kan ta in i huset.

Husets standard har källans sex rum. Ett valfritt rum, som självskattningen av
samskapande med brukarna, blir ett rum som de andra när det tas in: guiden kopieras
ordagrant till rum/<id>.yaml och rummet läggs sist i huset.yaml med sin månad i
årshjulet. Sedan startas och avslutas det med `kvalitet arshjul starta|avsluta` och
följs av samma regler som husets andra rum.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from kvalitet import mallar, redigering, yamlio
from kvalitet.fel import Anvandningsfel, TrasigFil
from kvalitet.lasning.filer import HUSET
from kvalitet.modell.rum import RumGuide
from kvalitet.skrivning import Andring
from kvalitet.svenska import normaliserad
from kvalitet.verksamhet import Verksamhet

MAPP = "rum/valfria"
"""De valfria guiderna, relativt mallarna."""


def valfria() -> dict[str, Path]:
    """De valfria rumsguiderna i mallarna efter id (filens namn), i bokstavsordning."""
    return {p.stem: p for p in sorted((mallar.mallmapp() / MAPP).glob("*.yaml"))}


def guide(rum_id: str) -> tuple[Path, RumGuide]:
    """En valfri guide i mallarna efter id, med eller utan å, ä och ö.

    Raises:
        Anvandningsfel: När mallarna inte har något valfritt rum med det id:t.
    """
    guider = valfria()
    sokvag = guider.get(normaliserad(rum_id))
    if sokvag is None:
        raise Anvandningsfel(
            f"Mallarna har inget valfritt rum ”{rum_id}”.",
            tips=f"Valfria rum: {', '.join(guider) or 'inga'}.",
        )
    return sokvag, RumGuide.model_validate(yamlio.las(sokvag.read_text(encoding="utf-8")))


def lagg_till(
    v: Verksamhet, rum_id: str, manad: int, infort: date
) -> tuple[RumGuide, list[Andring]]:
    """Guiden i rum/<id>.yaml och rummet sist i huset, med sitt stopp i årshjulet.

    Rummet får `infört`, så att stopp före den dagen inte kräver någon session.

    Args:
        v: Verksamheten.
        rum_id: Det valfria rummets id i mallarna, till exempel samskapande.
        manad: Månaden (1–12) då rummet är ett stopp i årshjulet.
        infort: Dagen rummet tas in (i dag).

    Returns:
        Guiden, och ändringarna: den nya guiden och huset.yaml (ännu inte skrivna).

    Raises:
        Anvandningsfel: Vid en okänd guide, en ogiltig månad, eller när huset redan har
            rummet eller rum/<id>.yaml redan finns.
        TrasigFil: När huset.yaml saknas eller har fel.
    """
    sokvag, ny = guide(rum_id)
    if not 1 <= manad <= 12:
        raise Anvandningsfel(f"{manad} är ingen månad; ange 1–12 med --manad.")
    if v.huset is None:
        raise TrasigFil(
            f"{HUSET} saknas eller har fel, så rummet kan inte läggas till.",
            tips="Kör kvalitet kontrollera för att se vad som är fel.",
        )
    if any(r.id == ny.id for r in v.rum):
        raise Anvandningsfel(f"Huset har redan rummet ”{ny.id}” ({HUSET}).")
    relativ = f"rum/{ny.id}.yaml"
    if (v.rot / relativ).exists():
        raise Anvandningsfel(
            f"{relativ} finns redan och skrivs inte över.",
            tips=f"Lägg till rummet i {HUSET} för hand (id, namn, månad), eller ta bort filen.",
        )
    rummet = yamlio.mappning({"id": ny.id, "namn": ny.namn, "månad": manad, "infört": infort})
    huset = redigering.redigera(v.rot, HUSET, lambda trad: _lagg_till(trad, rummet))
    return ny, [Andring(v.rot / relativ, sokvag.read_bytes()), huset]


def _lagg_till(trad: Any, rummet: Any) -> None:
    # Ett hus som inte har formen lämnas som det är och underkänns när ändringen prövas.
    if isinstance(trad, dict) and isinstance(trad.get("rum"), list):
        yamlio.lagg_till(trad["rum"], rummet)
