"""Kommandoraden: tunna kommandon som läser alternativ, anropar kärnan och skriver ut.

Här står bara kommandonas namn och korta beskrivningar; ett kommandos modul importeras
först när kommandot körs (se `_app.py`). `kvalitet --version` och huvudhjälpen
(`kvalitet --help`) behöver inte ens typer: hjälpen ritas här, tecken för tecken som
typer och click ritar den (ett test jämför dem).
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from kvalitet import __version__

BESKRIVNING = "Ledningssystem för systematiskt kvalitetsarbete (SOSFS 2011:9) som YAML i git."
ANVANDNING = "Användning: kvalitet [ALTERNATIV] KOMMANDO [ARGUMENT]..."
ALTERNATIV = {
    "--version": "Visa versionen och avsluta.",
    "--felsok": "Visa hela spårningen vid ett internt fel.",
    "-h, --help": "Visa den här hjälpen och avsluta.",
}
"""Huvudkommandots alternativ och deras hjälptexter (också för typer i `_app.py`)."""


@dataclass(frozen=True)
class Kommando:
    """Ett kommando i huvudhjälpen: modulen i kvalitet.cli och en kort beskrivning."""

    modul: str
    kort: str


KOMMANDON: dict[str, Kommando] = {
    "init": Kommando("init", "Skapa en ny verksamhet: huset, rummen, Garaget, CI."),
    "kontrollera": Kommando("kontrollera", "Kontrollera att verksamheten håller (för CI)."),
    "status": Kommando("oversikt", "Visa läget: årshjulet, åtgärder, ärenden, åtaganden."),
    "handlingsplan": Kommando("oversikt", "Lista åtgärderna i alla rum, med filter."),
    "arshjul": Kommando("arshjul", "Årshjulet: planen, starta och avsluta ett rums session."),
    "garage": Kommando("garage", "Garaget: parkera risker, behov, idéer och möjligheter."),
    "avvikelse": Kommando("avvikelse", "Avvikelser, lex Sarah, synpunkter och klagomål."),
    "buuuu": Kommando("buuuu", "BUUUU-hjulet med brukarmedverkan i varje steg."),
    "riskanalys": Kommando("riskanalys", "Riskanalyser: risker, riskvärden och åtgärder."),
    "egenkontroll": Kommando("egenkontroll", "Egenkontrollen: momentens läge och nya resultat."),
    "styrdokument": Kommando("styrdokument", "Styrdokument: lista, skapa och importera Word."),
    "redigera": Kommando("redigera", "Fyll i sessionerna i ett formulär i webbläsaren."),
    "kolada": Kommando("kolada", "Jämförelser ur Kolada: hämta ur API:t eller importera."),
    "rapport": Kommando("rapport", "Rapporter: kvalitetsberättelsen, rummen, webbplatsen."),
    "samla": Kommando("samla", "Samla flera verksamheter i en förvaltningsöversikt."),
    "kalender": Kommando("kalender", "Årshjulet och fristerna som kalenderfil (iCalendar)."),
    "paminnelser": Kommando("paminnelser", "Påminn varje roll om det försenade och det snara."),
    "historik": Kommando("historik", "Visa historiken i git och vad som ska granskas."),
    "andringar": Kommando("andringar", "Sammanfatta grenens ändringar för pull requesten."),
    "schema": Kommando("schema", "Skriv JSON Schema för editorn (VS Code)."),
    "regler": Kommando("regler", "Lista kontrollens regler, eller visa en regel."),
    "komplettering": Kommando("komplettering", "Komplettering med tabb i bash, zsh och fish."),
}
"""Kommandona i den ordning huvudhjälpen visar dem."""

KOMPLETTERA = "_KVALITET_COMPLETE"
"""Satt av skalets kompletteringsskript: kvalitet svarar med förslag i stället för att köra."""


def main(argv: Sequence[str] | None = None) -> int:
    """Programmets startpunkt; ger slutkoden."""
    if argv is None:
        # Ett kommando är en kort körning som läser tiotusentals dokument: Pythons
        # cykliska skräpsamlare skulle gå igenom dem alla gång på gång (upp till en
        # tredjedel av tiden), och de få cykler som blir kvar frigörs när processen slutar.
        # Ett kommando som körs länge (en server) ska slå på den igen med gc.enable().
        gc.disable()
    argument = list(sys.argv[1:] if argv is None else argv)
    if argument == ["--version"]:
        print(f"kvalitet {__version__}")
        return 0
    hjalp = huvudhjalp() if argument in (["--help"], ["-h"]) else None
    if hjalp is not None:
        print(hjalp, end="")
        return 0
    from kvalitet.cli._app import app
    from kvalitet.cli._konsol import kor

    if KOMPLETTERA in os.environ:
        # typers klasser för kompletteringen (med hjälptexter i zsh och fish); typer svarar
        # skalet och avslutar innan argumenten tolkas (se kvalitet.cli.komplettering).
        from typer._completion_classes import completion_init

        # typer ritar hjälptexterna med rich i terminalens bredd; en bruten rad blir två
        # förslag i fish, så bredden sätts så att ingen text bryts.
        os.environ["TERMINAL_WIDTH"] = "10000"
        completion_init()
    return kor(app, argument)


def huvudhjalp() -> str | None:
    """Huvudhjälpen som click ritar den, eller None i ett smalt fönster (då ritar typer).

    click ritar hjälpen i terminalens bredd, högst 80 tecken, med två tecken marginal;
    alla rader här ryms i den bredden, så att ingen rad behöver brytas som click bryter.
    """
    if shutil.get_terminal_size().columns < 80:
        return None
    bredd = 78
    beskrivning = textwrap.fill(
        BESKRIVNING, bredd, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
    )
    delar = [ANVANDNING, "", beskrivning, ""]
    for rubrik, rader in (
        ("Alternativ", ALTERNATIV),
        ("Kommandon", {namn: kommando.kort for namn, kommando in KOMMANDON.items()}),
    ):
        kolumn = max(len(namn) for namn in rader) + 2
        delar += [f"{rubrik}:", *(f"  {namn:<{kolumn}}{text}" for namn, text in rader.items())]
        delar.append("")
    text = "\n".join(delar)
    return text if all(len(rad) <= bredd for rad in text.splitlines()) else None
