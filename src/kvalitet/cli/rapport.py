"""`kvalitet rapport …`: kvalitetsberättelsen och de andra rapporterna i Markdown, HTML och PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Katalog, Per, Wordmall
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv

if TYPE_CHECKING:
    from kvalitet.rapporter import Uppdrag
    from kvalitet.verksamhet import Verksamhet

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Rapporter i Markdown, HTML, PDF och Word: kvalitetsberättelsen, rummen, handlingsplanen,"
    " avvikelserna, åtagandena, årshjulet, riskanalyserna och egenkontrollen.",
)

FORMAT = ("md", "html", "pdf", "docx")
Format = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="md (Markdown), html (en fristående fil), pdf (PDF/A, för diariet) eller docx (Word).",
    ),
]
Ut = Annotated[
    str | None,
    typer.Option(
        "--ut",
        metavar="FIL",
        help="Filen att skriva (standard: rapporter/NAMN-ÅR.FORMAT i verksamheten); - för"
        " standard ut.",
    ),
]
Exakta = Annotated[
    bool,
    typer.Option(
        "--exakta-antal",
        help="Visa också antal under gränsen (normalt ”färre än 5”); bara för internt bruk.",
    ),
]


def _kor(
    namn: str,
    katalog: Path,
    ar: str | None,
    per: str | None,
    format_: str,
    ut: str | None,
    exakta: bool,
    wordmall: Path | None,
    rum: str | None = None,
) -> int:
    from kvalitet.rapporter import alla

    ending = _alternativ.ett_av(format_, FORMAT, "--format")
    _alternativ.rapportformat(ending, ut, wordmall)
    dag = _alternativ.datum(per)
    v = _utskrift.ladda(katalog)
    uppdrag = _uppdrag(v, ar, dag, exakta, rum)
    fil = alla.standardfil(v, namn, uppdrag, ending) if ut in (None, "-") else Path(ut)
    andringar = alla.skapa(v, namn, uppdrag, ending, fil.resolve(), wordmall)
    if ut == "-":
        skriv(andringar[0].ny.decode("utf-8").rstrip("\n"))
        return 0
    _utskrift.spara_rapporter(fil.resolve().parent, andringar, dag)
    return 0


def _uppdrag(v: Verksamhet, ar: str | None, dag: date, exakta: bool, rum: str | None) -> Uppdrag:
    from kvalitet.rapporter import Uppdrag, alla

    rum_id = v.hitta_rum(rum).id if rum else None
    minsta = None if exakta else alla.minsta_antal(v)
    return Uppdrag(_alternativ.ar(ar, dag.year), dag, minsta, rum_id)


# Rapporterna utan egna argument: samma alternativ, egen hjälptext.
_RAPPORTER = {
    "kvalitetsberattelse": "Årets kvalitetsberättelse för nämnden: arbetet, åtgärderna och"
    " resultaten.",
    "handlingsplan": "Handlingsplanen över alla rum: årets åtgärder och äldre som inte är"
    " avslutade.",
    "avvikelser": "Avvikelser, synpunkter, klagomål och lex Sarah: antal, mönster och"
    " återkommande orsaker.",
    "ataganden": "Åtagandena: målvärde mot utfall per indikator, resultat och analys.",
    "arshjul": "Årshjulet som bild och tabell: varje rums stopp, deltagare och slutsatser.",
    "riskanalyser": "Årets riskanalyser: teman, de högsta riskerna, åtgärderna och riskmatrisen.",
    "egenkontroll": "Årets egenkontroll: plan mot genomfört per kontrollmoment, bristerna och"
    " åtgärderna.",
}


def _rapportkommando(namn: str, hjalp: str) -> Callable[..., int]:
    def kommando(
        katalog: Katalog = _alternativ.MAPP,
        ar: Ar = None,
        per: Per = None,
        format_: Format = "md",
        ut: Ut = None,
        exakta_antal: Exakta = False,
        mall: Wordmall = None,
    ) -> int:
        return _kor(namn, katalog, ar, per, format_, ut, exakta_antal, mall)

    kommando.__doc__ = hjalp
    return kommando


for _namn, _hjalp in _RAPPORTER.items():
    app.command(name=_namn, cls=SvensktKommando)(_rapportkommando(_namn, _hjalp))


@app.command(cls=SvensktKommando)
def rum(
    rum: Annotated[
        str,
        typer.Argument(
            metavar="RUM",
            help="Rummet: id, unikt prefix eller namn.",
            autocompletion=_alternativ.rummen,
        ),
    ],
    katalog: Katalog = _alternativ.MAPP,
    ar: Ar = None,
    per: Per = None,
    format_: Format = "md",
    ut: Ut = None,
    exakta_antal: Exakta = False,
    mall: Wordmall = None,
) -> int:
    """Ett rum: guiden, sessionerna år för år med svar och handlingsplan, och Garaget."""
    return _kor("rum", katalog, ar, per, format_, ut, exakta_antal, mall, rum)


@app.command(cls=SvensktKommando)
def webb(
    ut: Annotated[
        str, typer.Option("--ut", metavar="MAPP", help="Mappen att skriva webbplatsen i.")
    ] = "webb",
    katalog: Katalog = _alternativ.MAPP,
    ar: Ar = None,
    per: Per = None,
    exakta_antal: Exakta = False,
) -> int:
    """Hela verksamheten som en statisk webbplats: startsida med huset och en sida per del."""
    from kvalitet.rapporter import webb as karna

    dag = _alternativ.datum(per)
    v = _utskrift.ladda(katalog)
    uppdrag = _uppdrag(v, ar, dag, exakta_antal, None)
    mapp = Path(ut).resolve()
    _utskrift.spara_rapporter(mapp, karna.skapa(v, uppdrag, mapp), dag)
    skriv(f"Öppna {Path(ut) / 'index.html'} i en webbläsare.")
    return 0


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="rapport")
