"""omvarld/kolada/<kpi>.yaml: ett nyckeltal ur Kolada, importerat ur ett sparat API-svar.

Filen skrivs av `kvalitet kolada importera` och skrivs om vid varje import (nya år
läggs till, äldre står kvar). Ett värde som saknas i Kolada är `null`, aldrig 0.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from kvalitet.modell._bas import Ar, Basmodell, Datum, Text

KpiId = Annotated[str, StringConstraints(pattern=r"^[A-Z][0-9]{5}$")]
"""Ett nyckeltals id i Kolada: en versal och fem siffror, till exempel N30005."""

Omrade = Annotated[str, StringConstraints(pattern=r"^([0-9]{4}|G[0-9]+)$")]
"""En kommunkod (fyra siffror, 0000 är riket, 00LL ett län) eller en kommungrupp (G…)."""

KALLA = "Källa: Kolada (RKA)"
"""Källhänvisningen som Kolada (Rådet för främjande av kommunala analyser) begär."""


class Kon(StrEnum):
    """Kön i Kolada: T totalt, K kvinnor, M män."""

    T = "T"
    K = "K"
    M = "M"


class Koladavarde(Basmodell):
    """Ett värde för ett område (kommun, kommungrupp eller riket), ett år och ett kön."""

    kommun: Omrade
    """Kommunkoden, 0000 för riket eller id:t för en kommungrupp (G…)."""
    år: Ar
    kön: Kon
    """T totalt, K kvinnor, M män."""
    värde: float | None
    """Värdet; null när det saknas i Kolada (aldrig 0)."""
    status: Text | None = None
    """Koladas status för värdet, till exempel Missing."""
    antal: int | None = Field(default=None, strict=True, ge=0)
    """Hur många kommuner som ingår i värdet (count i Kolada), för en kommungrupp."""


class Koladaserie(Basmodell):
    """Ett nyckeltal ur Kolada med värden per område, år och kön."""

    kpi: KpiId
    """Nyckeltalets id i Kolada, samma som filens namn."""
    titel: Text | None = None
    """Nyckeltalets titel, ur Koladas metadata eller husets inställning."""
    källa: Text = KALLA
    hämtad: Datum
    """Dagen då svaret hämtades ur Kolada (ÅÅÅÅ-MM-DD)."""
    värden: list[Koladavarde] = []
    """Värdena, ordnade efter område, år och kön."""
