"""Samma nyckel får inte stå två gånger i samma mappning.

Står till exempel `status:` två gånger i en åtgärd skulle det andra värdet tyst
ersätta det första. Ta bort den ena raden, eller slå ihop texterna.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.kontroller._inlasning import inlasningsfynd

ID = "YAML002"
NIVA = Niva.fel
RUBRIK = "Dubblerad nyckel"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Mappningar med samma nyckel två gånger."""
    return inlasningsfynd(ktx, ID)
