"""Verksamhetens lokala regler: husets `regler`, och standardreglerna för resten.

Standardvärdena står i mallar/standardregler.yaml (frister, gränser och intervall som
är lokal rutin, inte lagkrav). En verksamhet anger egna under `regler:` i huset.yaml;
det som den inte anger hämtas ur standardreglerna, avsnitt för avsnitt.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from kvalitet import mallar, yamlio
from kvalitet.fynd import Niva
from kvalitet.modell.huset import (
    Bevakningsregler,
    Granskningsregler,
    LexSarahFrister,
    Rapportregler,
    Regler,
    Riskregler,
)
from kvalitet.verksamhet import Verksamhet


@dataclass(frozen=True)
class Regelverk:
    """Reglerna som gäller för en verksamhet, med varje avsnitt ifyllt."""

    lex_sarah: LexSarahFrister
    rapporter: Rapportregler
    granskning: Granskningsregler
    risk: Riskregler
    lagbevakning: Bevakningsregler
    nivaer: Mapping[str, Niva] = field(default_factory=dict)
    """Reglernas nivåer där standardreglerna eller verksamheten anger en (`nivåer`)."""

    def niva(self, regel: str, lagsta: Niva) -> Niva:
        """Regelns nivå: den angivna, men aldrig lägre än regelns lägsta nivå."""
        angiven = self.nivaer.get(regel, lagsta)
        return Niva.fel if Niva.fel in (angiven, lagsta) else Niva.varning


@cache
def standard() -> Regelverk:
    """Standardreglerna i mallar/standardregler.yaml."""
    text = (mallar.mallmapp() / "standardregler.yaml").read_text(encoding="utf-8")
    regler = Regler.model_validate(yamlio.las(text))
    assert regler.lex_sarah and regler.rapporter and regler.granskning and regler.risk
    assert regler.lagbevakning
    return Regelverk(
        regler.lex_sarah,
        regler.rapporter,
        regler.granskning,
        regler.risk,
        regler.lagbevakning,
        regler.nivåer,
    )


def for_verksamhet(v: Verksamhet) -> Regelverk:
    """Reglerna för verksamheten: husets egna avsnitt, annars standardreglernas."""
    bas = standard()
    egna = v.huset[1].regler if v.huset else None
    if egna is None:
        return bas
    return Regelverk(
        lex_sarah=egna.lex_sarah or bas.lex_sarah,
        rapporter=egna.rapporter or bas.rapporter,
        granskning=egna.granskning or bas.granskning,
        risk=egna.risk or bas.risk,
        lagbevakning=egna.lagbevakning or bas.lagbevakning,
        nivaer={**bas.nivaer, **egna.nivåer},
    )
