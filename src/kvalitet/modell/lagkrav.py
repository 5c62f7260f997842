"""lagkrav.yaml: lagkravslistan, de krav i lagar och föreskrifter som verksamheten ska uppfylla.

Varje krav har en beteckning (SFS-, SOSFS- eller HSLF-FS-nummer), var i författningen det
står och kravet med verksamhetens egna ord. Vilka styrdokument som omsätter kravet står i
dokumenten (`lagkrav:` i deras huvud), inte här. Lagar ändras: ett krav som inte är
bekräftat mot författningen i dess nu gällande lydelse märks `obekräftat: true`.
"""

from __future__ import annotations

from pydantic import Field

from kvalitet.modell._bas import Basmodell, Datum, Id, Text


class Lagkrav(Basmodell):
    """Ett krav i en lag, förordning eller föreskrift."""

    id: Id
    """Kravets id, som styrdokumenten hänvisar till (till exempel sol-11-1)."""
    beteckning: Text
    """Författningens beteckning: SFS 2025:400, SOSFS 2011:9, HSLF-FS 2022:37 …"""
    titel: Text
    """Författningens titel."""
    paragraf: Text | None = None
    """Var kravet står: kapitel och paragraf, till exempel ”11 kap. 1 §”."""
    krav: Text
    """Kravet med verksamhetens egna ord."""
    ansvarig: Text | None = None
    """Rollen som bevakar kravet, aldrig en persons namn."""
    senast_bevakad: Datum | None = None
    """Dagen kravet senast stämdes av mot författningens gällande lydelse."""
    obekräftat: bool = False
    """Sant när kravets lydelse eller paragraf inte är bekräftad mot författningen."""
    källa: Text | None = None
    """Var lydelsen kan kontrolleras, till exempel en länk till Riksdagens SFS-databas."""


class Lagkravslista(Basmodell):
    """Lagkravslistan: filen lagkrav.yaml."""

    krav: list[Lagkrav] = Field(default_factory=list)
    """Kraven, ett per post."""
