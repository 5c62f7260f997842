"""`kvalitet kalender`: årshjulet, åtgärderna och de andra fristerna som iCalendar."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv, skriv_fel


def kalender(
    ut: Annotated[
        str | None,
        typer.Option(
            "--ut",
            metavar="FIL.ics",
            help="Kalenderfilen (standard: rapporter/kalender-ÅR.ics i verksamheten); - för"
            " standard ut.",
        ),
    ] = None,
    ansvarig: Annotated[
        str | None,
        typer.Option("--ansvarig", metavar="ROLL", help="Bara det som rollen ansvarar för."),
    ] = None,
    ar: Ar = None,
    per: Per = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Skriv en kalenderfil (iCalendar) att läsa in i Outlook eller prenumerera på.

    Med årets session i varje rum (sessionens datum, annars rummets månad), åtgärdernas
    klart_senast och uppföljning, egenkontrollens nästa kontroll, stegen i öppna lex
    Sarah-ärenden och styrdokumentens revision. Varje händelse har ett UID ur postens id,
    så att en ny inläsning uppdaterar händelserna i stället för att lägga till dem igen.
    """
    from kvalitet.arbete import kalender as karna

    dag = _alternativ.datum(per)
    ar_ = _alternativ.ar(ar, dag.year)
    v = _utskrift.ladda(katalog)
    valda = karna.valda(v, ar_, dag, ansvarig)
    innehall = karna.kalender(v, valda, dag)
    if ut == "-":
        skriv(innehall.decode("utf-8").replace("\r\n", "\n").rstrip("\n"))
        return _utskrift.trasiga_kallor(v)
    fil = (Path(ut) if ut else v.rot / "rapporter" / f"kalender-{ar_}.ics").resolve()
    _utskrift.spara_rapporter(fil.parent, [karna.fil(fil, innehall)], dag,
                              f" med {len(valda)} händelser.")  # fmt: skip
    if not valda:
        skriv_fel("Inga händelser" + (f" för rollen ”{ansvarig}”." if ansvarig else "."))
    return _utskrift.trasiga_kallor(v)


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(kalender)
