"""Typer-appen: huvudgruppen, som läser in ett kommandos modul först när det behövs.

Huvudhjälpen ritas ur tabellen `KOMMANDON` i kvalitet.cli; ett test prövar att
tabellen och kommandona stämmer överens.
"""

from __future__ import annotations

import importlib
from typing import Annotated, Any

import typer
import typer.main
from typer._click.core import Command, Context
from typer._click.formatting import HelpFormatter
from typer._click.shell_completion import CompletionItem

from kvalitet import __version__
from kvalitet.cli import ALTERNATIV, BESKRIVNING, KOMMANDON
from kvalitet.cli._konsol import SvenskGrupp, skriv


def _ny_app(**installningar: Any) -> typer.Typer:
    # Samma inställningar för huvudappen och för kommandona som läses in senare.
    return typer.Typer(
        rich_markup_mode=None,
        add_completion=False,
        pretty_exceptions_enable=False,
        **installningar,
    )


class LatGrupp(SvenskGrupp):
    """Huvudgruppen: kommandona listas ur KOMMANDON och läses in först när de körs."""

    def list_commands(self, ctx: Context) -> list[str]:  # noqa: ARG002
        """Kommandonas namn i huvudhjälpens ordning."""
        return list(KOMMANDON)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:  # noqa: ARG002
        """Kommandot med namnet, inläst ur sin modul; None för ett okänt namn."""
        if cmd_name not in KOMMANDON:
            return None
        return las_in(cmd_name)

    def shell_complete(self, ctx: Context, incomplete: str) -> list[CompletionItem]:
        """Kommandona med huvudhjälpens beskrivningar (utan att läsa in dem), och alternativen."""
        kommandon = [
            CompletionItem(namn, help=kommando.kort)
            for namn, kommando in KOMMANDON.items()
            if namn.startswith(incomplete)
        ]
        return kommandon + Command.shell_complete(self, ctx, incomplete)

    def format_commands(self, ctx: Context, formatter: HelpFormatter) -> None:  # noqa: ARG002
        """Kommandolistan i hjälpen, utan att något kommando behöver läsas in."""
        with formatter.section("Kommandon"):
            formatter.write_dl([(namn, kommando.kort) for namn, kommando in KOMMANDON.items()])


def las_in(namn: str) -> Command:
    """Läs in ett kommando ur sin modul i kvalitet.cli."""
    modul = importlib.import_module(f"kvalitet.cli.{KOMMANDON[namn].modul}")
    tillfallig = _ny_app()
    tillfallig.callback()(_inget)  # en grupp också när modulen bara har ett kommando
    modul.registrera(tillfallig)
    grupp = typer.main.get_command(tillfallig)
    return grupp.commands[namn]  # type: ignore[attr-defined,no-any-return]


def _inget() -> None:
    """Ingenting (gruppens återanrop)."""


app = _ny_app(
    name="kvalitet",
    cls=LatGrupp,
    help=BESKRIVNING,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(varde: bool) -> None:
    if varde:
        skriv(f"kvalitet {__version__}")
        raise typer.Exit()


@app.callback()
def _huvud(
    _version_: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version,
            is_eager=True,
            help=ALTERNATIV["--version"],
        ),
    ] = False,
    _felsok: Annotated[
        bool,
        typer.Option("--felsok", help=ALTERNATIV["--felsok"]),
    ] = False,
) -> None:
    """Ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9) som YAML i git."""
