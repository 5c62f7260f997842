"""Tolkning av alternativ som är gemensamma för flera kommandon."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from kvalitet.fel import Anvandningsfel

Katalog = Annotated[
    Path,
    typer.Option(
        "--katalog",
        "-C",
        metavar="KATALOG",
        help="Verksamhetens mapp (standard: aktuell mapp).",
        show_default=False,
    ),
]
MAPP = Path()
"""Standardvärdet för --katalog: den aktuella mappen."""
Per = Annotated[
    str | None,
    typer.Option(
        "--per", metavar="DATUM", help="Bedöm per detta datum (ÅÅÅÅ-MM-DD) i stället för i dag."
    ),
]


def rummen(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Husets rum (id och namn) som börjar med det skrivna, för kompletteringen med tabb.

    Läser bara huset.yaml i -C-mappen eller den aktuella mappen (eller en mapp ovanför),
    och ger inga förslag i stället för ett fel.
    """
    from kvalitet import filer, yamlio

    try:
        rot = filer.hitta_rot(Path(ctx.params.get("katalog") or "."))
        huset = yamlio.las(filer.las_inom(rot, rot / filer.HUSET).decode("utf-8"))
        rum = [(str(r["id"]), str(r.get("namn", ""))) for r in huset["rum"]]
    except Exception:  # en komplettering får aldrig ge en spårning i skalet
        return []
    return [(rum_id, namn) for rum_id, namn in rum if rum_id.startswith(incomplete)]


def rum_alternativ(hjalp: str) -> Any:
    """Alternativet --rum med kommandots hjälptext och husets rum i kompletteringen."""
    return typer.Option("--rum", metavar="RUM", help=hjalp, autocompletion=rummen)


Rum = Annotated[str | None, rum_alternativ("Rummet: id, prefix eller namn.")]
Ar = Annotated[str | None, typer.Option("--ar", metavar="ÅR", help="Året (standard: i år).")]


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
    from kvalitet.svenska import normaliserad

    for tillatet in tillatna:
        if normaliserad(text) == normaliserad(tillatet):
            return tillatet
    raise Anvandningsfel(f"”{text}” är inget giltigt värde för {namn}; välj {', '.join(tillatna)}.")


def ar(text: str | None, standard: int) -> int:
    """Ett årtal, eller `standard` när inget anges.

    Raises:
        Anvandningsfel: När texten inte är ett rimligt årtal.
    """
    if text is None:
        return standard
    if not (text.isdigit() and 1900 <= int(text) <= 2999):
        raise Anvandningsfel(f"”{text}” är inget giltigt år för --ar; skriv till exempel 2026.")
    return int(text)


def kravs(
    varde: str | None,
    alternativ: str,
    fraga: str,
    tillatna: tuple[str, ...] | None = None,
    tips: str | None = None,
) -> str:
    """Ett alternativ eller argument som måste anges: i en terminal frågar kvalitet efter det.

    Utan terminal (i CI, i ett skript) frågar kvalitet aldrig, utan ger ett
    användningsfel som säger vilket alternativ som saknas.

    Raises:
        Anvandningsfel: När värdet saknas utan terminal, är tomt eller inte tillåtet.
    """
    if varde is None:
        if not sys.stdin.isatty():
            slag = "Alternativet" if alternativ.startswith("-") else "Argumentet"
            raise Anvandningsfel(
                f"{slag} {alternativ} saknas.",
                tips=tips
                or f"Ange det, till exempel {alternativ} …"
                + (f" (ett av: {', '.join(tillatna)})" if tillatna else ""),
            )
        val = f" ({', '.join(tillatna)})" if tillatna else ""
        varde = str(typer.prompt(f"{fraga}{val}")).strip()
        if "\x00" in varde:
            # Ett NUL-tecken skulle annars tyst korta av texten längre fram.
            raise Anvandningsfel(
                f"Svaret innehåller ett NUL-tecken (byte 0); skriv {alternativ} igen."
            )
    if not varde.strip():
        raise Anvandningsfel(f"{alternativ} får inte vara tomt.")
    return ett_av(varde, tillatna, alternativ) if tillatna else varde


_JA = ("j", "ja", "y", "yes")
_NEJ = ("", "n", "nej", "no")


def bekrafta(fraga: str) -> bool:
    """Ja eller nej i en terminal (standard nej, frågar igen efter ett annat svar).

    Utan terminal (i CI, i ett skript) är svaret alltid nej.
    """
    if not sys.stdin.isatty():
        return False
    while True:
        svar = str(typer.prompt(f"{fraga} (j/N)", default="", show_default=False))
        if svar.strip().lower() in _JA + _NEJ:
            return svar.strip().lower() in _JA
        typer.echo("Svara j (ja) eller n (nej).")


def rum(varde: str | None, rum_id: list[str]) -> str:
    """Ett rum som måste anges; i en terminal frågar kvalitet och visar husets rum."""
    alla = ", ".join(rum_id)
    return kravs(varde, "RUM", f"Vilket rum ({alla})", tips=f"Ange ett av husets rum: {alla}.")
