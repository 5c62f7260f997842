"""`kvalitet arshjul plan|starta|avsluta|lagg-till`: årets hjul och sessionerna i det."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.anvisning import kommando
from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Ar, Katalog, Per
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_fel, skriv_vy
from kvalitet.fel import Anvandningsfel

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Årshjulet: årets plan, en ny session för ett rum, och att avsluta den; ett valfritt"
    " rum ur mallarna.",
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
    v = _utskrift.ladda(katalog, "hus", "rumsguide", "årshjulssession")
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
    v = _utskrift.ladda(katalog, som_index=True)
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


@app.command(cls=SvensktKommando)
def lagg_till(
    rum: Annotated[
        str | None,
        typer.Argument(
            metavar="RUM",
            help="Det valfria rummets id i mallarna, till exempel samskapande." + _alternativ.KRAVS,
            show_default=False,
        ),
    ] = None,
    manad: Annotated[
        str | None,
        typer.Option(
            "--manad",
            metavar="MÅNAD",
            help="Månaden (1–12) då rummet är ett stopp i årshjulet." + _alternativ.KRAVS,
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option(
            "--datum", metavar="DATUM", help="Dagen rummet tas in i huset (standard: i dag)."
        ),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Ta in ett valfritt rum ur mallarna: guiden i rum/ och rummet sist i huset.yaml."""
    from kvalitet import arshjulet
    from kvalitet.arbete import valfria_rum
    from kvalitet.arbete._spara import spara
    from kvalitet.svenska import MANADER

    v = _utskrift.ladda(katalog)
    tips = f"Valfria rum i mallarna: {', '.join(valfria_rum.valfria()) or 'inga'}."
    valt = _alternativ.kravs(rum, "RUM", "Vilket valfritt rum", tips=tips)
    nummer = int(_alternativ.kravs(manad, "--manad", "Månad (1–12)", exempel="11", giltig=_manad))
    dag = _alternativ.datum(datum, "--datum")
    guide, andringar = valfria_rum.lagg_till(v, valt, nummer, dag)
    _utskrift.sparat(spara(v.rot, andringar, dag))
    # Har årets stopp redan passerat är nästa session nästa års.
    ar_ = dag.year + (arshjulet.stoppets_slut(dag.year, nummer) < dag)
    starta_ = kommando(v.rot, "arshjul", "starta", guide.id, ar=ar_)
    skriv(f"”{guide.namn}” är ett rum i huset med sitt stopp i {MANADER[nummer - 1]}.")
    skriv(f"Starta sessionen med: {starta_}")
    return 0


def _manad(text: str) -> str:
    if not (text.strip().isdigit() and 1 <= int(text) <= 12):
        raise Anvandningsfel(f"”{text}” är ingen månad för --manad; skriv 1–12, till exempel 11.")
    return text.strip()


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="arshjul")
