"""`kvalitet egenkontroll status|ny`: egenkontrollplanens kontrollmoment och resultat."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_lista

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Egenkontroll: kontrollmomentens läge och nya resultat (egenkontroll.yaml).",
)


@app.command(cls=SvensktKommando)
def status(
    per: Per = None,
    format_: _alternativ.Listformat = "text",
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Visa varje kontrollmoment: frekvens, senast utförd, nästa gång och läge."""
    from kvalitet.arbete import egenkontroll

    dag = _alternativ.datum(per)
    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, "hus", "egenkontrollplan", "egenkontrollresultat")
    skriv_lista(egenkontroll.status(v, dag), valt_format, alla=True)
    return _utskrift.trasiga_kallor(v, "egenkontrollplan", "egenkontrollresultat")


@app.command(cls=SvensktKommando)
def ny(
    moment: Annotated[
        str | None,
        typer.Argument(
            metavar="MOMENT",
            help="Kontrollmomentets id i egenkontroll.yaml (eller ett prefix)." + _alternativ.KRAVS,
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="DATUM", help="Dagen kontrollen görs (standard: i dag)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Skapa egenkontroll/ÅR/ID.yaml för en kontroll av ett moment, att fylla i."""
    from kvalitet.arbete import egenkontroll
    from kvalitet.arbete._spara import spara

    dag = _alternativ.datum(datum, "--datum")
    v = _utskrift.ladda(katalog)
    moment_id = [m.id for m in v.egenkontrollplan[1].kontrollmoment] if v.egenkontrollplan else []
    valt = _alternativ.kravs(
        moment, "MOMENT", "Kontrollmoment", tips=f"Planens kontrollmoment: {', '.join(moment_id)}"
    )
    skapad = egenkontroll.ny(v, valt, dag)
    _utskrift.sparat(spara(v.rot, [skapad.andring], dag))
    skriv(
        f"Skapade egenkontrollen {skapad.id} av {skapad.moment.id}. Fyll i urval, resultat och"
        " brister; sätt status: genomförd när kontrollen är gjord."
    )
    return 0


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="egenkontroll")
