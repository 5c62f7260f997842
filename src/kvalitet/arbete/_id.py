"""Nya id som inte krockar, inte heller med id på andra grenar.

Ett nytt id är nästa löpnummer (efter det högsta som används i arbetsträdet och i
alla grenar som förrådet känner) och fyra slumpade tecken: `2026-013-k4mz`.
Löpnumret gör id:t lätt att läsa och sortera; de slumpade tecknen gör att två
samordnare som skapar avvikelser på var sin dator, på grenar som ännu inte har
delats, ändå får olika id (risken att två får samma är ungefär en på 900 000).
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable

_TECKEN = "23456789abcdefghjkmnpqrstuvwxyz"  # utan 0/o och 1/l/i, som lätt förväxlas


def slumpdel() -> str:
    """Fyra slumpade tecken."""
    return "".join(secrets.choice(_TECKEN) for _ in range(4))


def nytt_id(
    prefix: str,
    upptagna: Iterable[str],
    siffror: int = 3,
    slump: Callable[[], str] | None = None,
) -> str:
    """Nästa id med ett prefix: löpnummer efter det högsta upptagna, och en slumpdel.

    Args:
        prefix: Till exempel "2026-" för avvikelser eller "G" för Garaget.
        upptagna: Id som redan används (i arbetsträdet och på andra grenar).
        siffror: Löpnumrets minsta antal siffror.
        slump: Ger slumpdelen (standard: `slumpdel`; byts i tester).

    Returns:
        Ett nytt id, som inte finns bland de upptagna.
    """
    monster = re.compile(rf"{re.escape(prefix)}(\d+)(?:$|-)")
    upptagen = set(upptagna)
    nummer = [int(traff.group(1)) for id_ in upptagen if (traff := monster.match(id_))]
    lopnummer = f"{prefix}{max(nummer, default=0) + 1:0{siffror}d}"
    ger = slump or slumpdel
    while (nytt := f"{lopnummer}-{ger()}") in upptagen:
        pass
    return nytt
