"""`kvalitet historik [FIL]`: vem ändrade vad och när, och vad som behöver granskas."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv_vy

Fil = Annotated[
    Path | None,
    typer.Argument(
        metavar="FIL",
        help="En fil i verksamheten, till exempel arshjul/2026/processer.yaml. Utan FIL"
        " visas alla dokument.",
        show_default=False,
    ),
]


def historik(fil: Fil = None, katalog: Katalog = _alternativ.MAPP, per: Per = None) -> int:
    """Visa historiken i git: en fils incheckningar, eller varje dokuments senaste ändring.

    Utan FIL visas också huset och rumsguiderna som är förfallna till granskning.
    """
    from kvalitet import historik as karna

    start = katalog
    if fil is not None and katalog == _alternativ.MAPP and fil.parent.is_dir():
        start = fil.parent  # utan -C hittas verksamheten från filens mapp
    v = _utskrift.ladda(start, "hus", "rumsguide")  # de andra dokumenten bara som vägar
    dag = _alternativ.datum(per)
    skriv_vy(karna.for_fil(v, fil) if fil is not None else karna.oversikt(v, dag))
    return 0


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(historik)
