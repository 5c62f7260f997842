"""`kvalitet handlingsplan` och `kvalitet status`: åtgärderna och läget på en skärm."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv_lista, skriv_vy

STATUSAR = ("planerad", "pågår", "klar", "avbruten")


def handlingsplan(
    forsenade: Annotated[
        bool, typer.Option("--forsenade", help="Bara åtgärder som har passerat klart_senast.")
    ] = False,
    oppna: Annotated[
        bool, typer.Option("--oppna", help="Bara åtgärder som inte är klara eller avbrutna.")
    ] = False,
    ansvarig: Annotated[
        str | None,
        typer.Option(
            "--ansvarig", metavar="ROLL", help="Bara åtgärder där rollen innehåller ROLL."
        ),
    ] = None,
    rum: Annotated[
        str | None,
        _alternativ.rum_alternativ("Bara åtgärder i detta rum."),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", metavar="STATUS", help="Bara åtgärder med denna status."),
    ] = None,
    alla: _alternativ.Alla = False,
    format_: _alternativ.Listformat = "text",
    katalog: Katalog = _alternativ.MAPP,
    per: Per = None,
) -> int:
    """Lista alla åtgärder i alla rum (handlingsplaner och ärenden), med filter."""
    from kvalitet.arbete import handlingsplan as karna
    from kvalitet.modell._bas import Atgardsstatus

    urval = karna.Urval(
        forsenade=forsenade,
        oppna=oppna,
        ansvarig=ansvarig,
        rum=rum,
        status=Atgardsstatus(_alternativ.ett_av(status, STATUSAR, "--status")) if status else None,
    )
    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, som_index=True)
    skriv_lista(karna.tabell(v, urval, _alternativ.datum(per)), valt_format, alla)
    return _utskrift.trasiga_kallor(v, *_utskrift.KALLOR_ATGARDER)


def status(katalog: Katalog = _alternativ.MAPP, per: Per = None) -> int:
    """Visa läget: årshjulet, åtgärder, ärenden, åtaganden, egenkontroll, risker och Garaget."""
    from kvalitet.arbete import status as karna

    v = _utskrift.ladda(katalog, som_index=True)
    skriv_vy(karna.status(v, _alternativ.datum(per)))
    return _utskrift.trasiga_kallor(v)


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandona i appen."""
    app.command(cls=SvensktKommando)(status)
    app.command(cls=SvensktKommando)(handlingsplan)
