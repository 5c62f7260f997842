"""Gemensamt för reglerna vars fynd uppstår redan när filerna läses."""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd
from kvalitet.kontroller._bas import Kontext


def inlasningsfynd(ktx: Kontext, regel: str) -> Iterator[Fynd]:
    """Fynden med ett visst regel-id som inläsningen av filerna gav."""
    for dok in ktx.verksamhet.dokument:
        yield from (fynd for fynd in dok.inlasningsfynd if fynd.regel == regel)
