"""`kvalitet samla`: flera verksamheter i en förvaltningsöversikt och en samlad rapport."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Per, Wordmall
from kvalitet.cli._konsol import SvensktKommando, skriv, skriv_fel, skriv_vy
from kvalitet.fel import Anvandningsfel

if TYPE_CHECKING:
    from kvalitet.rapporter.samla import SamlaVy

FORMAT = ("text", "md", "html", "pdf", "docx")
_ENDINGAR = {".md": "md", ".html": "html", ".htm": "html", ".pdf": "pdf", ".docx": "docx"}


def samla(
    kataloger: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="KATALOG",
            help="Verksamheternas mappar (eller git-förråd), läses från arbetsträdet.",
            show_default=False,
        ),
    ] = None,
    per: Per = None,
    ar: Ar = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="text (bara terminalen), md, html, pdf eller docx (också en samlad rapport).",
            show_default=False,
        ),
    ] = None,
    ut: Annotated[
        str | None,
        typer.Option(
            "--ut",
            metavar="FIL",
            help="Den samlade rapporten (standard: forvaltning-ÅR.FORMAT); - för standard ut."
            " Formatet följer filens ändelse när --format saknas.",
        ),
    ] = None,
    exakta_antal: Annotated[
        bool,
        typer.Option(
            "--exakta-antal",
            help="Visa också antal under gränsen (normalt ”färre än 5”); bara för internt bruk.",
        ),
    ] = False,
    mall: Wordmall = None,
) -> int:
    """Samla flera verksamheter i en förvaltningsöversikt och en samlad rapport.

    Varje verksamhet läses och kontrolleras för sig: kontrollens fel och varningar,
    årshjulets läge, försenade åtgärder och årets ärenden per typ, och en summa för
    hela förvaltningen. En verksamhet som inte går att läsa visas med orsaken.

    Slutkod 0 när alla verksamheter kunde läsas och ingen har fel, 1 när någon inte
    kunde läsas eller har fel, 2 när ingen kunde läsas eller vid fel användning.
    """
    from kvalitet.rapporter.samla import bygg

    if not kataloger:
        raise Anvandningsfel(
            "Ange minst en verksamhet att samla.",
            tips="Till exempel: kvalitet samla ifo/ funktionsstod/ --ut forvaltning.html",
        )
    ending = _ending(format_, ut)
    _alternativ.rapportformat(ending, ut, mall)
    dag = _alternativ.datum(per)
    vy = bygg(kataloger, dag, _alternativ.ar(ar, dag.year), exakta_antal)
    return _visa(vy, ending, ut, dag, mall)


def _ending(format_: str | None, ut: str | None) -> str | None:
    """Rapportens format (md eller html), eller None för bara terminalen."""
    if format_ is not None:
        valt = _alternativ.ett_av(format_, FORMAT, "--format")
        if valt == "text" and ut is not None:
            raise Anvandningsfel("--ut skriver en rapport: välj --format md, html, pdf eller docx.")
        return None if valt == "text" else valt
    if ut is None:
        return None
    ending = _ENDINGAR.get(Path(ut).suffix.lower())
    if ending is None:
        raise Anvandningsfel(
            f"Formatet för ”{ut}” går inte att avgöra av ändelsen.",
            tips="Ange --format md, html, pdf eller docx, eller en fil som slutar på .md,"
            " .html, .pdf eller .docx.",
        )
    return ending


def _visa(vy: SamlaVy, ending: str | None, ut: str | None, dag: date, wordmall: Path | None) -> int:
    from kvalitet.arbete import samla as karna

    for text in vy.dubbletter:
        skriv_fel(f"varning: {text}")
    for e in vy.olasta:
        skriv_fel(f"fel: {e.katalog}: {e.orsak}")
    if not vy.lasta:
        skriv_fel("Ingen av verksamheterna kunde läsas.")
    elif ending and ut == "-":
        skriv(karna.text(vy, ending).rstrip("\n"))
    else:
        skriv_vy(karna.tabeller(vy))
        if ending:
            fil = Path(ut) if ut else karna.standardfil(vy.huvud.ar, ending)
            _skriv_rapport(vy, ending, fil, dag, wordmall)
    return int(karna.slutkod(vy))


def _skriv_rapport(vy: SamlaVy, ending: str, fil: Path, dag: date, wordmall: Path | None) -> None:
    from kvalitet.arbete import samla as karna

    andringar = karna.rapport(vy, ending, fil.resolve(), wordmall)
    _utskrift.spara_rapporter(fil.resolve().parent, andringar, dag)


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(samla)
