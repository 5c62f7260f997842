"""Det som alla regler delar: kontexten och regelns form."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from kvalitet.fynd import Fynd, Niva

if TYPE_CHECKING:
    from kvalitet.modell.huset import LexSarahFrister
    from kvalitet.verksamhet import Verksamhet


@dataclass(frozen=True)
class Kontext:
    """Det en regel får veta: verksamheten, bedömningsdagen och lokala regler."""

    verksamhet: Verksamhet
    per: date
    lex_sarah: LexSarahFrister
    bas: Verksamhet | None = None
    """Verksamheten som den ser ut i `kontrollera --bas REF` (för skyddade poster)."""


class Regel(Protocol):
    """En regel är en modul med dessa namn; dess docstring är användarens dokumentation."""

    ID: str
    NIVA: Niva
    RUBRIK: str

    def kontrollera(self, ktx: Kontext) -> Iterator[Fynd]:
        """Ge regelns fynd i verksamheten."""
        ...
