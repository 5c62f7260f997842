"""`kvalitet andringar --bas REF`: vad grenen ändrar, i verksamhetens ord."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv

FORMAT = ("md", "json")


def andringar(
    bas: Annotated[
        str,
        typer.Option(
            "--bas",
            metavar="REF",
            help="Grenen att jämföra med, till exempel origin/main (jämförelsen görs mot"
            " där grenen avvek från den).",
        ),
    ] = "origin/main",
    format_: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="md (Markdown) eller json.")
    ] = "md",
    katalog: Katalog = _alternativ.MAPP,
    per: Per = None,
) -> int:
    """Sammanfatta grenens ändringar för pull requesten, med kontrollens fynd.

    Slutkod 0 när kontrollen inte hittar några fel, annars 1.
    """
    from kvalitet import andringar as karna
    from kvalitet.verksamhet import ladda_vid

    ending = _alternativ.ett_av(format_, FORMAT, "--format")
    v = _utskrift.ladda(katalog)
    sammanfattning = karna.sammanfatta(v, ladda_vid(v.rot, bas), bas, _alternativ.datum(per))
    skriv(
        karna.som_json(sammanfattning) if ending == "json" else karna.som_markdown(sammanfattning)
    )
    return int(sammanfattning.kontroll.slutkod(strikt=False))


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(andringar)
