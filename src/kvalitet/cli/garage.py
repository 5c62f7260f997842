"""`kvalitet garage parkera|lista`: Garagets risker, behov, idéer och möjligheter."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_vy

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Garaget: parkera risker, behov, idéer och möjligheter till rummets stopp i årshjulet.",
)

TYPER = ("risk", "behov", "idé", "möjlighet")


@app.command(cls=SvensktKommando)
def parkera(
    rubrik: Annotated[str, typer.Argument(metavar="RUBRIK", help="Postens rubrik.")],
    typ: Annotated[
        str | None,
        typer.Option(
            "--typ", metavar="TYP", help="risk, behov, idé eller möjlighet." + _alternativ.KRAVS
        ),
    ] = None,
    rum: _alternativ.Rum = None,
    beskrivning: Annotated[
        str | None,
        typer.Option(
            "--beskrivning", metavar="TEXT", help="En avidentifierad beskrivning (valfri)."
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="DATUM", help="Dagen posten kom in (standard: i dag)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Parkera en post sist i Garaget (garaget.yaml); inget annat i filen ändras."""
    from kvalitet.arbete import garage
    from kvalitet.arbete._spara import spara

    valt = _alternativ.kravs(typ, "--typ", "Vad parkeras", TYPER)
    dag = _alternativ.datum(datum, "--datum")
    v = _utskrift.ladda(katalog)
    id_, andring = garage.parkera(v, rubrik, valt, rum, beskrivning, dag)
    _utskrift.sparat(spara(v.rot, [andring], dag))
    skriv(f"Parkerade {id_}: {rubrik}")
    return 0


@app.command(cls=SvensktKommando)
def lista(
    rum: _alternativ.Rum = None,
    alla: Annotated[
        bool, typer.Option("--alla", help="Visa även överförda och avslutade poster.")
    ] = False,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Lista Garagets parkerade och prioriterade poster (med --alla: alla)."""
    from kvalitet.arbete import garage

    v = _utskrift.ladda(katalog)
    skriv_vy([garage.lista(v, rum, alla)])
    return _utskrift.trasiga_kallor(v, "garage")


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="garage")
