"""Utskrift, svensk hjälp och felhanteringen; den enda modulen som importerar rich.

rich importeras först när en tabell ska ritas, och hjälpen ritas utan rich (click:s
vanliga formatering med svenska rubriker), så att `kvalitet --help` startar snabbt.

Här översätts undantag till slutkoder, på ett enda ställe: 0 klart, 1 fynd eller fel
i indata, 2 fel användning, 3 internt fel (en svensk rad; spårningen bara med
--felsok, och aldrig lokala variabler, som kan innehålla personuppgifter).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import typer
import typer.core
from typer._click.core import Context
from typer._click.formatting import HelpFormatter
from typer.core import TyperArgument, TyperCommand, TyperGroup

from kvalitet.cli import ALTERNATIV
from kvalitet.fel import KvalitetFel, Slutkod
from kvalitet.tabell import FORSTA, Tabell, Vy, forsta
from kvalitet.utdata import tvatta

if TYPE_CHECKING:
    from rich.console import Console


def skriv(text: str) -> None:
    """Skriv en rad till standard ut (utan personnummer och styrtecken, se kvalitet.utdata)."""
    print(_farga(tvatta(text), sys.stdout))


def skriv_fel(text: str) -> None:
    """Skriv en rad till standard fel (utan personnummer och styrtecken)."""
    print(_farga(tvatta(text), sys.stderr), file=sys.stderr)


# Fel i rött och varningar i gult, bara i en terminal och inte med NO_COLOR
# (https://no-color.org): nivån i kontrollens rader och ”fel:”/”varning:” först på en rad.
_NIVA = re.compile(r"^((?:\S.*?:\d+:\d+: )?)(fel|varning)(:? )", re.MULTILINE)
_FARG = {"fel": "\x1b[1;31m", "varning": "\x1b[33m"}


def _farga(text: str, strom: Any) -> str:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb" or not strom.isatty():
        return text
    return _NIVA.sub(lambda m: f"{m[1]}{_FARG[m[2]]}{m[2]}\x1b[0m{m[3]}", text)


@contextmanager
def framsteg(text: str, totalt: int) -> Iterator[Callable[[], None]]:
    """En förloppsindikator på standard fel, bara i en terminal och för fler än ett steg.

    Ger en funktion som flyttar fram indikatorn ett steg.
    """
    if totalt < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as indikator:
        uppgift = indikator.add_task(text, total=totalt)
        yield lambda: indikator.advance(uppgift)


def skriv_vy(vy: Vy) -> None:
    """Skriv ett kommandos utdata: tabeller med rubriker och rader av text."""
    from rich.console import Console

    terminal = sys.stdout.isatty()
    # Utanför en terminal (i CI, i en fil) är bredden inte känd; bred nog för loggar.
    konsol = Console(highlight=False, width=None if terminal else 160)
    for del_ in vy:
        if not isinstance(del_, Tabell):
            konsol.print(tvatta(del_), markup=False)
            continue
        if len(del_.rader) > LANG_TABELL:
            sys.stdout.write(_enkel_tabell(del_))
            continue
        with konsol.capture() as fangad:
            _skriv_tabell(konsol, del_)
        text = fangad.get()
        if not terminal:  # rich fyller raderna med blanksteg till full bredd
            text = "\n".join(rad.rstrip() for rad in text.splitlines()) + "\n"
        sys.stdout.write(text)


LANG_TABELL = 200
"""En tabell med fler rader ritas utan rich: att dela upp texten i celler tar sekunder
med tusentals rader, och en så lång tabell läses ändå rad för rad."""


def _enkel_tabell(tabell: Tabell) -> str:
    """Tabellen som rader med kolumnerna utfyllda till samma bredd, utan radbrytningar."""
    rader = [tabell.kolumner, *(tuple(" ".join(c.split()) for c in rad) for rad in tabell.rader)]
    bredder = [max(len(rad[i]) for rad in rader) for i in range(len(tabell.kolumner))]
    linje = "─" * (sum(bredder) + 3 * (len(bredder) - 1))

    def rita(rad: Sequence[str]) -> str:
        return "   ".join(c.ljust(b) for c, b in zip(rad, bredder, strict=True)).rstrip()

    delar = [tabell.titel, "", rita(rader[0]), linje, *(rita(rad) for rad in rader[1:])]
    if tabell.fot:
        delar += ["", tabell.fot]
    return tvatta("\n".join(delar)) + "\n"


def skriv_lista(tabell: Tabell, format_: str, alla: bool) -> None:
    """En lista som text (de första raderna, eller alla med --alla), JSON eller CSV.

    JSON och CSV har alltid alla rader, med kolumnernas rubriker som nycklar.
    """
    if format_ == "text":
        skriv_vy([forsta(tabell, None if alla else FORSTA)])
        return
    rader = [[tvatta(cell) for cell in rad] for rad in tabell.rader]
    if format_ == "json":
        import json

        poster = [dict(zip(tabell.kolumner, rad, strict=True)) for rad in rader]
        sys.stdout.write(json.dumps(poster, ensure_ascii=False, indent=2) + "\n")
        return
    import csv

    skrivare = csv.writer(sys.stdout, lineterminator="\n")
    skrivare.writerow(tabell.kolumner)
    skrivare.writerows(rader)


def _skriv_tabell(konsol: Console, tabell: Tabell) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if not tabell.rader:
        konsol.print(tvatta(f"{tabell.titel}: {tabell.tom}"), markup=False)
        return
    # Text-objekt, så att användarens text aldrig tolkas som rich-markering ([G1]).
    ritad = Table(
        title=Text(tvatta(tabell.titel), style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        caption=Text(tvatta(tabell.fot)) if tabell.fot else None,
        caption_justify="left",
    )
    for index, kolumn in enumerate(tabell.kolumner):
        # Korta kolumner (datum, status, id) bryts aldrig; de långa delar på resten
        # av bredden efter hur långa texterna är.
        langst = max(len(del_) for rad in tabell.rader for del_ in rad[index].splitlines() or [""])
        if langst <= 30:
            ritad.add_column(Text(kolumn), no_wrap=True)
        else:
            ritad.add_column(Text(kolumn), overflow="fold", ratio=langst, min_width=20)
    for rad in tabell.rader:
        ritad.add_row(*(Text(tvatta(cell)) for cell in rad))
    konsol.print(ritad)


# Hjälpens engelska ord (typer och click översätter med gettext) på svenska.
_SVENSKA = {
    "Arguments": "Argument",
    "Options": "Alternativ",
    "Commands": "Kommandon",
    "required": "krävs",
    "default: {default}": "standard: {default}",
    "(dynamic)": "(beräknas)",
    "Aborted!": "Avbrutet.",
}


def _oversatt(text: str) -> str:
    return _SVENSKA.get(text, text)


typer.core._ = _oversatt  # type: ignore[attr-defined,assignment]


def _utan_typ(_parameter: Any, ctx: Any) -> str | None:  # noqa: ARG001
    # typer skriver annars engelska typnamn efter argumentet (RUM <str>); metavariabeln
    # (RUM, DATUM) räcker.
    return None


TyperArgument.display_type_rich = _utan_typ  # type: ignore[method-assign,assignment]


class _SvenskFormatering(HelpFormatter):
    """Hjälpens formatering med svensk användningsrad."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """Användningsraden: ”Användning: kvalitet [ALTERNATIV] …”."""
        super().write_usage(prog, _svensk_anvandning(args), prefix or "Användning: ")


class _SvensktSammanhang(Context):
    """Ett sammanhang vars hjälp formateras på svenska."""

    formatter_class = _SvenskFormatering


def _svensk_anvandning(text: str) -> str:
    for engelska, svenska in (
        ("Usage:", "Användning:"),
        ("[OPTIONS]", "[ALTERNATIV]"),
        ("COMMAND [ARGS]...", "KOMMANDO [ARGUMENT]..."),
    ):
        text = text.replace(engelska, svenska)
    return text


class _SvenskHjalp:
    """Gör hjälpalternativet och användningsraden svenska (blandas in nedan)."""

    context_class: Any = _SvensktSammanhang

    def get_help_option(self, ctx: Any) -> Any:
        """Hjälpalternativet, med svensk text."""
        alternativ = super().get_help_option(ctx)  # type: ignore[misc]
        if alternativ is not None:
            alternativ.help = ALTERNATIV["-h, --help"]
        return alternativ

    def get_usage(self, ctx: Any) -> str:
        """Användningsraden på svenska."""
        return _svensk_anvandning(super().get_usage(ctx))  # type: ignore[misc]


class SvenskGrupp(_SvenskHjalp, TyperGroup):
    """En kommandogrupp vars hjälp är på svenska."""


class SvensktKommando(_SvenskHjalp, TyperCommand):
    """Ett kommando vars hjälp är på svenska."""


def _anvandningsfel(fel: typer.TyperException) -> str:
    meddelande = str(getattr(fel, "message", fel))
    if hasattr(fel, "option_name") and meddelande.startswith("No such option"):
        forslag = getattr(fel, "possibilities", None) or []
        tips = f" Menade du {', '.join(sorted(forslag))}?" if forslag else ""
        return f"Okänt alternativ: {fel.option_name}.{tips}"
    if meddelande.startswith("No such command"):
        return f"Okänt kommando: {meddelande.split(' ', 3)[-1].rstrip('.')}."
    if meddelande.startswith("Got unexpected extra argument"):
        return "För många argument."
    if type(fel).__name__ == "MissingParameter":
        namn = getattr(getattr(fel, "param", None), "name", "")
        return f"Ett argument eller alternativ saknas: {namn}."
    if meddelande.startswith("Option") and "requires an argument" in meddelande:
        return f"Alternativet {meddelande.split(chr(39))[1]} behöver ett värde."
    return "Kommandot användes fel."


def kor(app: Callable[..., Any], argv: Sequence[str]) -> int:
    """Kör CLI-appen och översätt allt som stoppar den till en slutkod.

    Args:
        app: Typer-appen.
        argv: Argumenten (utan programnamnet).

    Returns:
        Slutkoden.
    """
    felsok = "--felsok" in argv
    try:
        svar = app(args=list(argv), standalone_mode=False, prog_name="kvalitet")
    except KvalitetFel as fel:
        skriv_fel(f"fel: {fel.meddelande}")
        if fel.tips:
            skriv_fel(fel.tips)
        return int(fel.slutkod)
    except typer.TyperException as fel:
        if type(fel).__name__ == "NoArgsIsHelpError":  # en kommandogrupp utan kommando
            sammanhang = getattr(fel, "ctx", None)
            skriv_fel(str(sammanhang.get_help()) if sammanhang is not None else "")
            return int(Slutkod.ANVANDNING)
        skriv_fel(f"fel: {_anvandningsfel(fel)}")
        skriv_fel("Se kvalitet --help.")
        return int(Slutkod.ANVANDNING)
    except (KeyboardInterrupt, typer.Abort):
        skriv_fel("Avbrutet.")
        return 130
    except Exception as fel:
        skriv_fel(
            f"Internt fel i kvalitet ({type(fel).__name__}). Kör igen med"
            " --felsok för detaljer, och rapportera felet."
        )
        if felsok:
            traceback.print_exception(fel, file=sys.stderr)
        return int(Slutkod.INTERNT)
    return svar if isinstance(svar, int) else int(Slutkod.OK)
