"""`kvalitet komplettering [SKAL]`: komplettering med tabb i bash, zsh och fish.

Skriptet är typers (som click:s, med hjälptexter i zsh och fish): skalet anropar
kvalitet med `_KVALITET_COMPLETE` satt, och `kvalitet.cli.main` svarar med kommandon,
alternativ och husets rum (`_alternativ.rummen`).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from kvalitet.cli import KOMPLETTERA, _alternativ
from kvalitet.cli._konsol import SvensktKommando, skriv
from kvalitet.fel import Anvandningsfel

SKAL = ("bash", "zsh", "fish")


def komplettering(
    skal: Annotated[
        str | None,
        typer.Argument(
            metavar="SKAL",
            help="bash, zsh eller fish (standard: skalet i $SHELL).",
            show_default=False,
        ),
    ] = None,
    installera: Annotated[
        bool,
        typer.Option(
            "--installera",
            help="Lägg skriptet där skalet läser in kompletteringar, i stället för att"
            " skriva ut det.",
        ),
    ] = False,
) -> int:
    """Skriv ut (eller installera) kompletteringen av kommandon, alternativ och rum.

    Utan --installera skrivs skriptet ut, till exempel för `eval "$(kvalitet
    komplettering bash)"` i ~/.bashrc.
    """
    valt = _skalet(skal)
    skript = _skript(valt)
    if not installera:
        skriv(skript)
        return 0
    fil = _installera(valt, skript)
    skriv(f"Installerade kompletteringen för {valt} i {fil}.")
    skriv(_INLASNING[valt])
    return 0


def _skalet(skal: str | None) -> str:
    if skal is None:
        skal = Path(os.environ.get("SHELL", "")).name
        if skal not in SKAL:
            raise Anvandningsfel(
                "Kunde inte avgöra vilket skal du använder.",
                tips="Ange det: kvalitet komplettering bash (eller zsh, fish).",
            )
    return _alternativ.ett_av(skal, SKAL, "SKAL")


def _skript(skal: str) -> str:
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name="kvalitet", complete_var=KOMPLETTERA, shell=skal)


def _plats(skal: str) -> Path:
    hem = Path.home()
    data = Path(os.environ.get("XDG_DATA_HOME") or hem / ".local" / "share")
    installningar = Path(os.environ.get("XDG_CONFIG_HOME") or hem / ".config")
    return {
        # bash-completion läser in en komplettering härifrån första gången den behövs.
        "bash": data / "bash-completion" / "completions" / "kvalitet",
        "zsh": hem / ".zfunc" / "_kvalitet",
        "fish": installningar / "fish" / "completions" / "kvalitet.fish",
    }[skal]


_INLASNING = {
    "bash": "Den läses in av bash-completion i nya terminaler. Saknas bash-completion,"
    ' lägg till i ~/.bashrc: eval "$(kvalitet komplettering bash)"',
    "zsh": "Har ~/.zshrc inte redan raden, lägg till den och öppna en ny terminal:"
    " fpath+=~/.zfunc; autoload -Uz compinit; compinit",
    "fish": "Den läses in av fish i nya terminaler.",
}


def _installera(skal: str, skript: str) -> Path:
    from kvalitet.skrivning import Andring, genomfor

    fil = _plats(skal)
    ny = f"{skript}\n".encode()
    gammal = fil.read_bytes() if fil.is_file() else None
    if gammal is not None and KOMPLETTERA.encode() not in gammal:
        # En egen fil med samma namn skrivs aldrig över.
        raise Anvandningsfel(
            f"{fil} finns redan och är inte kvalitets komplettering.",
            tips="Flytta eller ta bort den, eller skriv ut skriptet med:"
            f" kvalitet komplettering {skal}",
        )
    if gammal != ny:
        fil.parent.mkdir(parents=True, exist_ok=True)
        genomfor([Andring(fil, ny, gammal)])
    return fil


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(komplettering)
