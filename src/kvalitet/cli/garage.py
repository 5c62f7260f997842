"""`kvalitet garage parkera|prioritera|overfor|lista`: Garagets poster och deras väg."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_lista

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
    v = _utskrift.ladda(katalog, "hus", "garage")
    id_, andring = garage.parkera(v, rubrik, valt, rum, beskrivning, dag)
    _utskrift.sparat(spara(v.rot, [andring], dag))
    skriv(f"Parkerade {id_}: {rubrik}")
    return 0


def poster(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Garagets öppna poster (id och rubrik) som börjar med det skrivna, för tabbkompletteringen.

    Ger inga förslag i stället för ett fel.
    """
    from pathlib import Path

    from kvalitet import yamlio
    from kvalitet.lasning import filer

    try:
        rot = filer.hitta_rot(Path(ctx.params.get("katalog") or "."))
        data = yamlio.las(filer.las_inom(rot, rot / "garaget.yaml").decode("utf-8"))
        alla = [(str(p["id"]), str(p.get("rubrik", "")), p.get("status")) for p in data["poster"]]
    except Exception:  # en komplettering får aldrig ge en spårning i skalet
        return []
    oppna = (None, "parkerad", "prioriterad")
    return [
        (id_, rubrik)
        for id_, rubrik, status in alla
        if status in oppna and id_.startswith(incomplete)
    ]


Post = Annotated[
    str,
    typer.Argument(
        metavar="ID",
        help="Postens id, till exempel G3 (G9 räcker för G9-wvm2).",
        autocompletion=poster,
    ),
]
Datum = Annotated[
    str | None,
    typer.Option("--datum", metavar="DATUM", help="Dagen det gjordes (standard: i dag)."),
]


@app.command(cls=SvensktKommando)
def prioritera(
    post: Post,
    motivering: Annotated[
        str | None,
        typer.Option(
            "--motivering",
            metavar="TEXT",
            help="Varför posten prioriteras, till exempel vid vilken session (valfri).",
        ),
    ] = None,
    rum: Annotated[
        str | None,
        _alternativ.rum_alternativ(
            "Rummet där posten ska tas upp, om det är ett annat (valfritt)."
        ),
    ] = None,
    datum: Datum = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Markera en parkerad post prioriterad; bara postens egna rader ändras."""
    from kvalitet.arbete import garage
    from kvalitet.arbete._spara import spara

    idag = _alternativ.datum(None)
    dag = _alternativ.datum(datum, "--datum") if datum else None
    v = _utskrift.ladda(katalog)
    gjort = garage.prioritera(v, post, idag, dag, motivering, rum)
    if gjort.andring is not None:
        _utskrift.sparat(spara(v.rot, [gjort.andring], idag))
    for rad in garage.prioriterad_text(v, gjort):
        skriv(rad)
    return 0


@app.command(cls=SvensktKommando)
def overfor(
    post: Post,
    rum: Annotated[
        str | None,
        _alternativ.rum_alternativ("Sessionens rum (standard: postens rum)."),
    ] = None,
    ar: Ar = None,
    atgard: Annotated[
        str | None,
        typer.Option("--atgard", metavar="TEXT", help="Åtgärdens text (standard: postens rubrik)."),
    ] = None,
    ansvarig: Annotated[
        str | None,
        typer.Option("--ansvarig", metavar="ROLL", help="Rollen som ansvarar, aldrig ett namn."),
    ] = None,
    klart_senast: Annotated[
        str | None,
        typer.Option("--klart-senast", metavar="DATUM", help="Dagen åtgärden ska vara klar."),
    ] = None,
    uppfoljning: Annotated[
        str | None,
        typer.Option("--uppfoljning", metavar="DATUM", help="Dagen åtgärdens effekt följs upp."),
    ] = None,
    datum: Datum = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """För in en post som en åtgärd i en sessions handlingsplan och markera den överförd."""
    from kvalitet.arbete import garage
    from kvalitet.arbete._spara import spara

    idag = _alternativ.datum(None)
    dag = _alternativ.datum(datum, "--datum") if datum else None
    uppgifter = garage.Atgardsuppgifter(
        atgard,
        ansvarig,
        _alternativ.datum(klart_senast, "--klart-senast") if klart_senast else None,
        _alternativ.datum(uppfoljning, "--uppfoljning") if uppfoljning else None,
    )
    v = _utskrift.ladda(katalog)
    ar_ = _alternativ.ar(ar, (dag or idag).year)
    gjort = garage.overfor(v, post, ar_, idag, rum, dag, uppgifter)
    _utskrift.sparat(spara(v.rot, gjort.andringar, idag))
    for rad in garage.overford_text(gjort):
        skriv(rad)
    return 0


@app.command(cls=SvensktKommando)
def lista(
    rum: _alternativ.Rum = None,
    alla: Annotated[
        bool, typer.Option("--alla", help="Visa även överförda och avslutade poster.")
    ] = False,
    format_: _alternativ.Listformat = "text",
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Lista Garagets parkerade och prioriterade poster (med --alla: alla)."""
    from kvalitet.arbete import garage

    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, "hus", "garage")
    skriv_lista(garage.lista(v, rum, alla), valt_format, alla=True)
    return _utskrift.trasiga_kallor(v, "garage")


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="garage")
