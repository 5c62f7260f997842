"""Riskerna i verksamhetens riskanalyser: gränsen för hög risk och riskmatrisen."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kvalitet import regelverk
from kvalitet.modell.riskanalys import Risk
from kvalitet.svenska import kort
from kvalitet.verksamhet import Verksamhet


def hog_risk_fran(v: Verksamhet) -> int:
    """Gränsen för hög risk: husets regler, annars mallar/standardregler.yaml."""
    return regelverk.for_verksamhet(v).risk.hög_risk_från


def matris(risker: Iterable[Risk]) -> Counter[tuple[int, int]]:
    """Antal bedömda risker per (sannolikhet, konsekvens); obedömda räknas inte."""
    return Counter(
        (r.sannolikhet, r.konsekvens)
        for r in risker
        if r.sannolikhet is not None and r.konsekvens is not None
    )


def benamning(risk: Risk, index: int) -> str:
    """”Risken R2 (”Uppgifter försvinner …”)”, eller ”Risk nummer 3” utan id och text."""
    namn = f"Risken {risk.id}" if risk.id else f"Risk nummer {index + 1}"
    return f"{namn} (”{kort(risk.risk)}”)" if risk.risk else namn


def ar_ohanterad(risk: Risk, grans: int) -> bool:
    """Sant för en hög risk (minst `grans`) utan åtgärd och utan motiverad acceptans (RSK002)."""
    varde = risk.varde
    return varde is not None and varde >= grans and not (risk.har_atgard() or risk.ar_accepterad())
