"""`kvalitet regler`: listar reglerna som `kontrollera` använder, med beskrivning."""

from __future__ import annotations

import inspect
from typing import Annotated

import typer

from kvalitet.cli._konsol import SvensktKommando, skriv
from kvalitet.fel import Anvandningsfel


def regler(
    regel: Annotated[
        str | None,
        typer.Argument(metavar="REGEL", help="Visa bara denna regel, till exempel RUM002."),
    ] = None,
) -> int:
    """Lista kontrollens regler med id, standardnivå och beskrivning."""
    from kvalitet.kontroller import REGLER

    valda = list(REGLER.values())
    if regel is not None:
        if regel.upper() not in REGLER:
            raise Anvandningsfel(
                f"Det finns ingen regel ”{regel}”.", tips="Se alla med: kvalitet regler"
            )
        valda = [REGLER[regel.upper()]]
    block = [f"{r.ID} ({r.NIVA}): {r.RUBRIK}\n{_indrag(inspect.getdoc(r) or '')}" for r in valda]
    skriv("\n\n".join(block))
    return 0


def _indrag(text: str) -> str:
    return "\n".join(f"    {rad}" if rad else "" for rad in text.splitlines())


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(regler)
