"""Tabeller som data: kärnan bygger dem, kommandoraden ritar dem."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar, overload

from kvalitet.svenska import tal

T = TypeVar("T")
Rad = tuple[str, ...]


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


class Rader(Sequence[Rad], Generic[T]):
    """En tabells rader, som räknas fram först när de visas.

    En lista med tusentals åtgärder visar de 50 första (se forsta); de andra raderna
    behöver aldrig byggas, utom med `--alla` eller `--format json|csv`.
    """

    def __init__(self, poster: Sequence[T], rad: Callable[[T], Rad]) -> None:
        self._poster = poster
        self._rad = rad

    def __len__(self) -> int:
        return len(self._poster)

    @overload
    def __getitem__(self, index: int) -> Rad: ...

    @overload
    def __getitem__(self, index: slice) -> list[Rad]: ...

    def __getitem__(self, index: int | slice) -> Rad | list[Rad]:
        if isinstance(index, slice):
            return [self._rad(post) for post in self._poster[index]]
        return self._rad(self._poster[index])


Vy = list[Tabell | str]
"""Ett kommandos utdata: tabeller och rader av text, i ordning."""


FORSTA = 50
"""Så många rader visar en lång lista om inte `--alla` anges."""


def forsta(tabell: Tabell, hogst: int | None = FORSTA) -> Tabell:
    """Tabellen med bara de första `hogst` raderna, och en rad under om resten.

    En lista med tusentals ärenden är inget en människa läser i terminalen; det hon gör
    något åt står först. `--alla` visar alla, `--format csv` ger dem till ett kalkylark.
    """
    if hogst is None or len(tabell.rader) <= hogst:
        return tabell
    rad = f"Visar {hogst} av {tal(len(tabell.rader))} – --alla visar alla."
    fot = f"{tabell.fot}\n{rad}" if tabell.fot else rad
    return replace(tabell, rader=list(tabell.rader[:hogst]), fot=fot)
