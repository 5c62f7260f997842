"""`kvalitet kontrollera`: kontrollerar en verksamhet mot dess eget hus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvalitet.cli import _alternativ
from kvalitet.cli._konsol import SvensktKommando, skriv, skriv_fel
from kvalitet.fynd import Resultat

FORMAT = ("text", "json", "github", "gitlab")


def kontrollera(
    katalog: Annotated[
        Path, typer.Argument(metavar="KATALOG", help="Verksamhetens mapp (där huset.yaml finns).")
    ] = Path(),
    per: Annotated[
        str | None,
        typer.Option(
            "--per",
            metavar="DATUM",
            help="Bedöm per detta datum (ÅÅÅÅ-MM-DD) i stället för i dag.",
        ),
    ] = None,
    strikt: Annotated[
        bool, typer.Option("--strikt", help="Låt även varningar ge slutkod 1.")
    ] = False,
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="text, json, github (annoteringar i GitHub Actions) eller gitlab (Code"
            " Quality-rapport).",
        ),
    ] = "text",
    bas: Annotated[
        str | None,
        typer.Option(
            "--bas",
            metavar="REF",
            help="Jämför avslutade sessioner och ärenden med hur de såg ut i REF (till"
            " exempel origin/main); en ändring i efterhand är ett fel (POS001).",
        ),
    ] = None,
    ingen_cache: Annotated[
        bool,
        typer.Option(
            "--ingen-cache",
            help="Läs och tolka varje fil på nytt, utan cachen i .kvalitet/cache/.",
        ),
    ] = False,
) -> int:
    """Kontrollera att verksamheten håller: format, hänvisningar, handlingsplaner, personnummer.

    Slutkod 0 när inga fel finns, 1 vid fel (med --strikt även vid varningar),
    2 vid fel användning.
    """
    from kvalitet import rapportorer
    from kvalitet.lasning import cache, filer

    formatera = rapportorer.FORMAT[_alternativ.ett_av(format_, FORMAT, "--format")]
    datum = _alternativ.datum(per)
    if bas is not None:
        from kvalitet import gitinfo

        gitinfo.prova_bas(bas)
    rot = filer.hitta_rot(katalog)

    alla = filer.alla(rot)

    def kor_kontrollen() -> Resultat:
        from kvalitet import kontroll

        return kontroll.kontrollera(rot, datum, bas, not ingen_cache, alla)

    if not ingen_cache:
        for anteckning in cache.forbered(rot):
            skriv_fel(anteckning)
    # Med --bas beror utfallet på en annan version; den jämförelsen cachas inte.
    if ingen_cache or bas:
        resultat = kor_kontrollen()
    else:
        resultat = cache.utfall(rot, alla, datum, kor_kontrollen)
    utdata = formatera(resultat)
    if utdata:
        skriv(utdata)
    if format_ != "text":
        skriv_fel(rapportorer.sammanfattning(resultat))
    return int(resultat.slutkod(strikt))


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(kontrollera)
