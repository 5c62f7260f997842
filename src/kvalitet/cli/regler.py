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
    block = [
        f"{r.ID} ({r.NIVA}): {r.RUBRIK}\n{_indrag((inspect.getdoc(r) or '') + _frist(r))}"
        for r in valda
    ]
    skriv("\n\n".join(block))
    return 0


def _frist(regel: object) -> str:
    if not getattr(regel, "FRIST", False):
        return ""
    return (
        "\n\nFrist: fyndet beror på dagen. I en pull request (kontrollera --bas) är det en"
        " varning som inte stoppar grenen när målgrenen redan har det, och ett fel bara när"
        " grenen själv orsakar det; på main och i ett schemalagt jobb gäller nivån ovan."
    )


def _indrag(text: str) -> str:
    return "\n".join(f"    {rad}" if rad else "" for rad in text.splitlines())


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(regler)
