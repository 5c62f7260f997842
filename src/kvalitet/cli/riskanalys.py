"""`kvalitet riskanalys ny|lista`: riskanalyser med sannolikhet, konsekvens och åtgärder."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_lista

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Riskanalyser (SOSFS 2011:9 5 kap. 1 §): risker, riskvärden och åtgärder.",
)

ANLEDNINGAR = ("förändring", "ny_metod", "periodisk", "avvikelse", "annan")


@app.command(cls=SvensktKommando)
def ny(
    rubrik: Annotated[
        str | None,
        typer.Option(
            "--rubrik", metavar="TEXT", help="Vad analysen gäller, på en rad." + _alternativ.KRAVS
        ),
    ] = None,
    rum: _alternativ.Rum = None,
    process: Annotated[
        str | None,
        typer.Option("--process", metavar="PROCESS", help="Processen (id eller namn i huset)."),
    ] = None,
    anledning: Annotated[
        str | None,
        typer.Option(
            "--anledning",
            metavar="ANLEDNING",
            help=", ".join(ANLEDNINGAR) + " (standard: förändring).",
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="DATUM", help="Dagen analysen görs (standard: i dag)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Skapa riskanalyser/ID.yaml med en tom risk och skalorna förklarade i filen."""
    from kvalitet.arbete import riskanalys
    from kvalitet.arbete._spara import spara
    from kvalitet.modell.riskanalys import Anledning

    v = _utskrift.ladda(katalog)
    uppgifter = riskanalys.Ny(
        rubrik=_alternativ.kravs(
            rubrik, "--rubrik", "Rubrik", exempel='"Sommarbemanning i mottagningen"'
        ),
        datum=_alternativ.datum(datum, "--datum"),
        anledning=Anledning(
            _alternativ.ett_av(anledning or "förändring", ANLEDNINGAR, "--anledning")
        ),
        rum=rum,
        process=process,
    )
    id_, andring = riskanalys.ny(v, uppgifter)
    _utskrift.sparat(spara(v.rot, [andring], uppgifter.datum))
    skriv(f"Skapade riskanalysen {id_}. Fyll i deltagarna och riskerna i filen.")
    return 0


@app.command(cls=SvensktKommando)
def lista(format_: _alternativ.Listformat = "text", katalog: Katalog = _alternativ.MAPP) -> int:
    """Lista riskanalyserna, nyast först, med antal risker och högsta riskvärde."""
    from kvalitet.arbete import riskanalys

    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, "hus", "riskanalys")
    skriv_lista(riskanalys.lista(v), valt_format, alla=True)
    return _utskrift.trasiga_kallor(v, "riskanalys")


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="riskanalys")
