"""Den enda modulen som importerar rich: utskrift, svensk hjälp och felhanteringen.

Här översätts undantag till slutkoder, på ett enda ställe: 0 klart, 1 fynd eller fel
i indata, 2 fel användning, 3 internt fel (en svensk rad; spårningen bara med
--felsok, och aldrig lokala variabler, som kan innehålla personuppgifter).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer import rich_utils
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from kvalitet.fel import KvalitetFel, Slutkod
from kvalitet.tabell import Tabell, Vy

_UT = Console(highlight=False, soft_wrap=True)
_FEL = Console(stderr=True, highlight=False, soft_wrap=True)


def skriv(text: str) -> None:
    """Skriv till standard ut, utan rich-markering."""
    _UT.print(text, markup=False)


def skriv_fel(text: str) -> None:
    """Skriv till standard fel, utan rich-markering."""
    _FEL.print(text, markup=False)


def skriv_vy(vy: Vy) -> None:
    """Skriv ett kommandos utdata: tabeller med rubriker och rader av text."""
    terminal = sys.stdout.isatty()
    # Utanför en terminal (i CI, i en fil) är bredden inte känd; bred nog för loggar.
    konsol = Console(highlight=False, width=None if terminal else 160)
    for del_ in vy:
        if not isinstance(del_, Tabell):
            konsol.print(del_, markup=False)
            continue
        with konsol.capture() as fangad:
            _skriv_tabell(konsol, del_)
        text = fangad.get()
        if not terminal:  # rich fyller raderna med blanksteg till full bredd
            text = "\n".join(rad.rstrip() for rad in text.splitlines()) + "\n"
        sys.stdout.write(text)


def _skriv_tabell(konsol: Console, tabell: Tabell) -> None:
    if not tabell.rader:
        konsol.print(f"{tabell.titel}: {tabell.tom}", markup=False)
        return
    # Text-objekt, så att användarens text aldrig tolkas som rich-markering ([G1]).
    ritad = Table(
        title=Text(tabell.titel, style="bold"),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        caption=Text(tabell.fot) if tabell.fot else None,
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
        ritad.add_row(*(Text(cell) for cell in rad))
    konsol.print(ritad)


def _svensk_hjalp() -> None:
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Alternativ"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[krävs]"
    rich_utils.RICH_HELP = "Prova [blue]'{command_path} {help_option}'[/] för hjälp."


_svensk_hjalp()


def _typetikett(parameter: Any, ctx: Any) -> str | None:  # noqa: ARG001
    # typer visar annars engelska typnamn (<bool>, <path>) i hjälpen; visa bara
    # våra egna svenska metavariabler (DATUM, FORMAT).
    metavar = getattr(parameter, "metavar", None)
    return metavar if isinstance(parameter, TyperOption) else None


TyperOption.display_type_rich = _typetikett  # type: ignore[method-assign,assignment]
TyperArgument.display_type_rich = _typetikett  # type: ignore[method-assign,assignment]


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

    def get_help_option(self, ctx: Any) -> Any:
        """Hjälpalternativet, med svensk text."""
        alternativ = super().get_help_option(ctx)  # type: ignore[misc]
        if alternativ is not None:
            alternativ.help = "Visa den här hjälpen och avsluta."
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
