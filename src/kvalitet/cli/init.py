"""`kvalitet init`: en ny verksamhet ur mallarna, med git och en första incheckning."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvalitet import FORRAD, __version__
from kvalitet.cli import _alternativ
from kvalitet.cli._konsol import SvensktKommando, skriv


def init(
    katalog: Annotated[
        Path, typer.Argument(metavar="KATALOG", help="Den nya verksamhetens mapp.")
    ] = _alternativ.MAPP,
    organisation: Annotated[
        str | None,
        typer.Option(
            "--organisation",
            metavar="NAMN",
            help="Kommunen, till exempel Nordmalings kommun." + _alternativ.KRAVS,
        ),
    ] = None,
    kommunkod: Annotated[
        str | None,
        typer.Option(
            "--kommunkod",
            metavar="KOD",
            help="Kommunkoden, fyra siffror (SCB)." + _alternativ.KRAVS,
        ),
    ] = None,
    verksamhet: Annotated[
        str,
        typer.Option("--verksamhet", metavar="NAMN", help="Verksamhetens namn."),
    ] = "Individ- och familjeomsorgen",
    namnd: Annotated[
        str, typer.Option("--namnd", metavar="NAMN", help="Den ansvariga nämnden.")
    ] = "Socialnämnden",
    infort: Annotated[
        str | None,
        typer.Option(
            "--infort",
            metavar="DATUM",
            help="Dagen årshjulet införs (standard: i dag). Rummen behöver handlingsplaner"
            " först efter sitt första stopp därefter.",
        ),
    ] = None,
    kvalitet_kalla: Annotated[
        str | None,
        typer.Option(
            "--kvalitet-kalla",
            metavar="ADRESS[@TAGG]",
            help="kvalitets förråd och version som CI-filerna hämtar kvalitet ifrån, till"
            f" exempel en egen kopia (standard: {FORRAD}@v{__version__}).",
        ),
    ] = None,
    tvinga: Annotated[
        bool,
        typer.Option(
            "--tvinga",
            help="Skapa även i en mapp som inte är tom; befintliga filer skrivs aldrig över.",
        ),
    ] = False,
) -> int:
    """Skapa en ny verksamhet: huset, sex rum, Garaget, årets åtaganden, README och git."""
    from kvalitet.arbete import init as karna

    uppgifter = karna.NyVerksamhet(
        organisation=_alternativ.kravs(
            organisation, "--organisation", "Kommunens namn", exempel='"Nordmalings kommun"'
        ),
        kommunkod=_alternativ.kravs(
            kommunkod, "--kommunkod", "Kommunkod (fyra siffror)", exempel="2401"
        ),
        verksamhet=verksamhet,
        namnd=namnd,
        **({"kvalitet_kalla": karna.KvalitetKalla.tolka(kvalitet_kalla)} if kvalitet_kalla else {}),
    )
    idag = _alternativ.datum(None)
    dag = _alternativ.datum(infort, "--infort") if infort else idag
    gjort = karna.init(katalog, uppgifter, dag, idag.year, tvinga)
    from kvalitet.svenska import antal

    skriv(f"Skapade {antal(len(gjort.skapade), 'fil', 'filer')} i {katalog}.")
    for fil in gjort.fanns:
        skriv(f"Fanns redan och lämnades orörd: {fil}")
    if gjort.gren:
        skriv(
            f"Gjorde mappen till ett git-förråd med en första incheckning på grenen {gjort.gren}."
        )
    elif gjort.git_saknas:
        skriv("git hittades inte, så inget förråd skapades. Installera git och kör git init.")
    else:
        skriv("Mappen ligger i ett git-förråd: checka in med git add och git commit.")
    skriv(f"Fortsätt med: cd {katalog} && kvalitet arshjul plan")
    return 0


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(init)
