"""Kommandoraden: tunna kommandon som läser alternativ, anropar kärnan och skriver ut.

Tunga bibliotek (pydantic, ruamel, jinja2) importeras först inne i de kommandon som
behöver dem, så att `kvalitet --help` startar snabbt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated

import typer

from kvalitet import __version__
from kvalitet.cli import (
    andringar,
    arshjul,
    avvikelse,
    buuuu,
    egenkontroll,
    garage,
    historik,
    init,
    kolada,
    kontrollera,
    oversikt,
    rapport,
    regler,
    riskanalys,
    samla,
    schema,
)
from kvalitet.cli._konsol import SvenskGrupp, kor, skriv

app = typer.Typer(
    name="kvalitet",
    cls=SvenskGrupp,
    rich_markup_mode=None,
    help="Ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9) som YAML i git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
            help="Visa versionen och avsluta.",
        ),
    ] = False,
    _felsok: Annotated[
        bool,
        typer.Option("--felsok", help="Visa hela spårningen vid ett internt fel."),
    ] = False,
) -> None:
    """Ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9) som YAML i git."""


init.registrera(app)
kontrollera.registrera(app)
oversikt.registrera(app)
regler.registrera(app)
arshjul.registrera(app)
garage.registrera(app)
avvikelse.registrera(app)
buuuu.registrera(app)
riskanalys.registrera(app)
egenkontroll.registrera(app)
rapport.registrera(app)
samla.registrera(app)
historik.registrera(app)
schema.registrera(app)
andringar.registrera(app)
kolada.registrera(app)


def main(argv: Sequence[str] | None = None) -> int:
    """Programmets startpunkt; ger slutkoden."""
    return kor(app, sys.argv[1:] if argv is None else argv)
