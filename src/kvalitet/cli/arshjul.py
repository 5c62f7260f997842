"""`kvalitet arshjul plan|starta|avsluta`: årets hjul och sessionerna i det."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.anvisning import kommando
from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Katalog, Per
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_fel, skriv_vy

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Årshjulet: årets plan, en ny session för ett rum, och att avsluta den.",
)

Rum = Annotated[
    str | None,
    typer.Argument(
        metavar="RUM",
        help="Rummet: id, unikt prefix eller namn (till exempel processer). I en terminal"
        " frågar kvalitet när det saknas.",
        show_default=False,
        autocompletion=_alternativ.rummen,
    ),
]
Datum = Annotated[
    str | None,
    typer.Option("--datum", metavar="DATUM", help="Dagen för sessionen (ÅÅÅÅ-MM-DD)."),
]


@app.command(cls=SvensktKommando)
def plan(katalog: Katalog = _alternativ.MAPP, ar: Ar = None, per: Per = None) -> int:
    """Visa årets hjul: vilket rum i vilken månad, vad som är gjort och vad som är sent."""
    from kvalitet.arbete import arshjul

    dag = _alternativ.datum(per)
    v = _utskrift.ladda(katalog)
    skriv_vy([arshjul.plan(v, _alternativ.ar(ar, dag.year), dag)])
    return _utskrift.trasiga_kallor(v, "hus", "årshjulssession")


@app.command(cls=SvensktKommando)
def starta(
    rum: Rum = None,
    katalog: Katalog = _alternativ.MAPP,
    ar: Ar = None,
    datum: Datum = None,
    gren: Annotated[
        bool,
        typer.Option(
            "--gren",
            help="Skapa en ny gren arshjul/ÅR-RUM och checka in sessionen där, klar för en"
            " pull request.",
        ),
    ] = False,
    fore_inforandet: Annotated[
        bool,
        typer.Option(
            "--fore-inforandet",
            help="Skapa sessionen också när stoppet ligger före årshjulets införande (annars"
            " frågar kvalitet i en terminal och vägrar utan).",
        ),
    ] = False,
) -> int:
    """Skapa årets session för ett rum, ifylld från rummets guide och med underlag."""
    from kvalitet.arbete import arshjul
    from kvalitet.arbete._spara import spara

    idag = _alternativ.datum(None)
    dag = _alternativ.datum(datum, "--datum") if datum else None
    ar_ = _alternativ.ar(ar, (dag or idag).year)
    v = _utskrift.ladda(katalog)
    valt = _alternativ.rum(rum, v)
    try:
        andring = arshjul.starta(v, valt, ar_, dag, idag, fore_inforandet)
    except arshjul.ForeInforandet as fel:
        if not _alternativ.bekrafta(f"{fel.meddelande} Skapa den ändå?"):
            raise
        andring = arshjul.starta(v, valt, ar_, dag, idag, fore_inforandet=True)
    hittat = v.hitta_rum(valt)
    sparat = spara(
        v.rot,
        [andring],
        idag,
        gren=arshjul.gren(hittat, ar_) if gren else None,
        meddelande=f"Årshjulet {ar_}: ny session för {hittat.namn}",
    )
    _utskrift.sparat(sparat)
    avsluta_ = kommando(v.rot, "arshjul", "avsluta", hittat.id, ar=ar_)
    skriv(f"Fyll i sessionen och avsluta den med: {avsluta_}")
    return 0


@app.command(cls=SvensktKommando)
def avsluta(
    rum: Rum = None,
    katalog: Katalog = _alternativ.MAPP,
    ar: Ar = None,
    datum: Datum = None,
    per: Per = None,
) -> int:
    """Markera sessionen genomförd när den är komplett, annars säg vad som saknas."""
    from kvalitet.arbete import arshjul
    from kvalitet.arbete._spara import spara

    dag = _alternativ.datum(per)
    sessionsdag = _alternativ.datum(datum, "--datum") if datum else None
    v = _utskrift.ladda(katalog)
    valt = _alternativ.rum(rum, v)
    try:
        avslutad = arshjul.avsluta(v, valt, _alternativ.ar(ar, dag.year), sessionsdag, dag)
    except arshjul.SessionenOfullstandig as fel:
        skriv_fel(fel.meddelande)
        _utskrift.fynd(v.rot, fel.fynd)
        if fel.tips:
            skriv_fel(fel.tips)
        return 1
    _utskrift.fynd(v.rot, avslutad.varningar)
    if avslutad.andring is None:
        skriv("Sessionen är redan genomförd; inget har ändrats.")
        return 0
    hittat = v.hitta_rum(valt)
    sparat = spara(v.rot, [avslutad.andring], dag)
    _utskrift.sparat(sparat, "Markerade som genomförd:")
    ar_ = _alternativ.ar(ar, dag.year)
    _utskrift.nasta_git_steg(
        v.rot,
        sparat,
        f"Årshjulet {ar_}: sessionen för {hittat.namn} är genomförd",
        f"{arshjul.gren(hittat, ar_)}-genomford",
    )
    return 0


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="arshjul")
