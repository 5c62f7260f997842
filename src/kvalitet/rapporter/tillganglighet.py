"""Webbplatsens tillgänglighetsredogörelse: tillganglighet.html i `rapport webb`.

En offentlig webbplats ska redogöra för sin tillgänglighet: hur tillgänglig den är, vad
den som inte kan ta del av något kan göra, kända brister, tillsynen och hur webbplatsen
har granskats. Kontakten, granskningsdagen och bristerna står i huset
(`tillgänglighet:`); det om lagen och tillsynen i `mallar/tillganglighet.yaml`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import mallar, yamlio
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud
from kvalitet.verksamhet import Verksamhet

MALL = "tillganglighet"


@dataclass(frozen=True)
class Redogorelse:
    """Sidans vy-modell; kontakt och granskad är None när huset saknar uppgifterna."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    kontakt: str | None
    svarstid: str | None
    granskad: date | None
    brister: list[str]
    lag: str
    standard: str
    tillsyn: str
    tillsyn_lank: str


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> Redogorelse:
    """Redogörelsen ur huset och mallarnas uppgifter om lagen."""
    fakta: Any = yamlio.las((mallar.mallmapp() / "tillganglighet.yaml").read_text(encoding="utf-8"))
    uppgifter = v.huset[1].tillgänglighet if v.huset else None
    return Redogorelse(
        titel="Tillgänglighetsredogörelse",
        huvud=huvud(v, uppdrag),
        bilder=[],
        kontakt=uppgifter.kontakt if uppgifter else None,
        svarstid=uppgifter.svarstid if uppgifter else None,
        granskad=uppgifter.granskad if uppgifter else None,
        brister=list(uppgifter.brister) if uppgifter else [],
        lag=str(fakta["lag"]),
        standard=str(fakta["standard"]),
        tillsyn=str(fakta["tillsyn"]),
        tillsyn_lank=str(fakta["tillsyn_länk"]),
    )
