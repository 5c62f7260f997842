"""Tabeller som data: kärnan bygger dem, kommandoraden ritar dem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Tabell:
    """En tabell med svenska rubriker, färdig att visas.

    `tom` visas i stället för tabellen när den saknar rader; `fot` under den.
    """

    titel: str
    kolumner: tuple[str, ...]
    rader: Sequence[tuple[str, ...]] = field(default_factory=list)
    tom: str = "Inget att visa."
    fot: str | None = None


Vy = list[Tabell | str]
"""Ett kommandos utdata: tabeller och rader av text, i ordning."""
