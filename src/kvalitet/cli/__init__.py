"""Kommandoraden: tunna kommandon som läser alternativ, anropar kärnan och skriver ut.

Här står bara kommandonas namn och korta beskrivningar; ett kommandos modul importeras
först när kommandot körs (se `_app.py`). Så behöver `kvalitet --help` varken läsa in
kommandona eller tunga bibliotek (pydantic, ruamel, jinja2), och `kvalitet --version`
inte ens typer.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass

from kvalitet import __version__


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
    "kolada": Kommando("kolada", "Importera jämförelser ur Kolada (sparade svar)."),
    "rapport": Kommando("rapport", "Rapporter: kvalitetsberättelsen, rummen, webbplatsen."),
    "samla": Kommando("samla", "Samla flera verksamheter i en förvaltningsöversikt."),
    "historik": Kommando("historik", "Visa historiken i git och vad som ska granskas."),
    "andringar": Kommando("andringar", "Sammanfatta grenens ändringar för pull requesten."),
    "schema": Kommando("schema", "Skriv JSON Schema för editorn (VS Code)."),
    "regler": Kommando("regler", "Lista kontrollens regler, eller visa en regel."),
}
"""Kommandona i den ordning huvudhjälpen visar dem."""


def main(argv: Sequence[str] | None = None) -> int:
    """Programmets startpunkt; ger slutkoden."""
    argument = list(sys.argv[1:] if argv is None else argv)
    if argument == ["--version"]:
        print(f"kvalitet {__version__}")
        return 0
    from kvalitet.cli._app import app
    from kvalitet.cli._konsol import kor

    return kor(app, argument)
