"""`kvalitet buuuu starta|status`: varv i BUUUU-hjulet med brukarmedverkan."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.anvisning import kommando
from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_vy

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="BUUUU-hjulet: Behov, Uppdrag, Utbud, Utförande, Utfall – med brukarna i varje steg.",
)


@app.command(cls=SvensktKommando)
def starta(
    id_: Annotated[
        str, typer.Argument(metavar="ID", help="Varvets id, till exempel sysselsattning.")
    ],
    namn: Annotated[
        str | None, typer.Option("--namn", metavar="NAMN", help="Varvets namn." + _alternativ.KRAVS)
    ] = None,
    rum: Annotated[
        str | None,
        _alternativ.rum_alternativ("Rummet varvet hör till (valfritt)."),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="DATUM", help="Dagen varvet startar (standard: i dag)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Starta ett varv som buuuu/ID.yaml, med stegens frågor för brukarmedverkan."""
    from kvalitet.arbete import buuuu
    from kvalitet.arbete._spara import spara

    valt_namn = _alternativ.kravs(
        namn, "--namn", "Varvets namn", exempel='"Sysselsättning för unga vuxna"'
    )
    dag = _alternativ.datum(datum, "--datum")
    v = _utskrift.ladda(katalog)
    id_ny, andring = buuuu.starta(v, id_, valt_namn, dag, rum)
    _utskrift.sparat(spara(v.rot, [andring], dag))
    skriv(
        "Fyll i steget behov tillsammans med brukarna; se läget med:"
        f" {kommando(v.rot, 'buuuu', 'status', id_ny)}"
    )
    return 0


@app.command(cls=SvensktKommando)
def status(
    id_: Annotated[
        str | None, typer.Argument(metavar="ID", help="Bara detta varv (standard: alla).")
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Visa varje varvs steg, om de är genomarbetade och hur brukarna har medverkat."""
    from kvalitet.arbete import buuuu

    v = _utskrift.ladda(katalog)
    skriv_vy(buuuu.status(v, id_))
    return _utskrift.trasiga_kallor(v, "BUUUU-varv")


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="buuuu")
