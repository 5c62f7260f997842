"""Tolkning av alternativ som är gemensamma för flera kommandon."""

from __future__ import annotations

from datetime import date

from kvalitet.fel import Anvandningsfel


def datum(text: str | None, namn: str = "--per") -> date:
    """Ett datum ÅÅÅÅ-MM-DD, eller i dag när inget anges.

    Raises:
        Anvandningsfel: När texten inte är ett giltigt datum.
    """
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Anvandningsfel(
            f"”{text}” är inget giltigt datum för {namn}; skriv ÅÅÅÅ-MM-DD, till"
            " exempel 2026-06-30."
        ) from None


def ett_av(text: str, tillatna: tuple[str, ...], namn: str) -> str:
    """Ett värde ur en fast lista.

    Raises:
        Anvandningsfel: När värdet inte finns i listan.
    """
    if text not in tillatna:
        raise Anvandningsfel(
            f"”{text}” är inget giltigt värde för {namn}; välj {', '.join(tillatna)}."
        )
    return text
