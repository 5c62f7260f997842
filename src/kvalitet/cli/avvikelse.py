"""`kvalitet avvikelse ny|lista`: avvikelser, missförhållanden, synpunkter och klagomål."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import (
    SvenskGrupp,
    SvensktKommando,
    skriv,
    skriv_fel,
    skriv_lista,
)

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Avvikelser, missförhållanden (lex Sarah), synpunkter och klagomål.",
)

TYPER = ("avvikelse", "missförhållande", "risk_för_missförhållande", "synpunkt", "klagomål")
KALLOR = ("brukare", "närstående", "personal", "annan_myndighet", "organisation", "annan")
Typ = Annotated[
    str | None,
    typer.Option("--typ", metavar="TYP", help=", ".join(TYPER) + "." + _alternativ.KRAVS),
]


@app.command(cls=SvensktKommando)
def ny(
    typ: Typ = None,
    rum: Annotated[
        str | None, _alternativ.rum_alternativ("Rummet: id, prefix eller namn." + _alternativ.KRAVS)
    ] = None,
    process: Annotated[
        str | None,
        typer.Option("--process", metavar="PROCESS", help="Processen (namn eller id i huset)."),
    ] = None,
    beskrivning: Annotated[
        str | None,
        typer.Option(
            "--beskrivning",
            metavar="TEXT",
            help="Vad som hänt, avidentifierat: inga namn eller personnummer." + _alternativ.KRAVS,
        ),
    ] = None,
    kalla: Annotated[
        str | None,
        typer.Option("--kalla", metavar="KÄLLA", help="Vem det kom från: " + ", ".join(KALLOR)),
    ] = None,
    arende_ref: Annotated[
        str | None,
        typer.Option(
            "--arende-ref", metavar="REF", help="Ärendets id i verksamhetssystemet (valfritt)."
        ),
    ] = None,
    datum: Annotated[
        str | None,
        typer.Option("--datum", metavar="DATUM", help="Dagen det inkom (standard: i dag)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Registrera ett nytt ärende som avvikelser/ÅR/ID.yaml, med ett id som inte krockar."""
    from kvalitet.arbete import avvikelse
    from kvalitet.arbete._spara import spara
    from kvalitet.modell.avvikelse import Avvikelsetyp

    v = _utskrift.ladda(katalog, "hus", "avvikelse", som_index=True)
    uppgifter = avvikelse.Ny(
        typ=Avvikelsetyp(_alternativ.kravs(typ, "--typ", "Typ av ärende", TYPER)),
        rum=_alternativ.rum(rum, v, "--rum"),
        beskrivning=_alternativ.kravs(
            beskrivning,
            "--beskrivning",
            "Beskrivning (avidentifierad, inga namn)",
            exempel='"Ett beslut expedierades för sent."',
        ),
        inkom=_alternativ.datum(datum, "--datum"),
        process=process,
        kalla=_alternativ.ett_av(kalla, KALLOR, "--kalla") if kalla else None,
        arende_ref=arende_ref,
    )
    registrerad = avvikelse.ny(v, uppgifter)
    _utskrift.sparat(spara(v.rot, [registrerad.andring], uppgifter.inkom))
    if registrerad.anmarkning:
        skriv_fel(f"varning: {registrerad.anmarkning}")
    skriv(
        f"Registrerade {registrerad.id}. Fyll i utredningens orsaker och åtgärderna i filen när"
        " de är kända."
    )
    if process is None:
        skriv(
            "Ange också processen (process:): orsakerna kartläggs utifrån den, och ett"
            " avslutat ärende ska ha både orsaker och process (regeln AVV002)."
        )
    return 0


@app.command(cls=SvensktKommando)
def lista(
    ar: Annotated[
        str | None,
        typer.Option(
            "--ar", metavar="ÅR", help="Bara ärenden som inkom detta år (standard: alla)."
        ),
    ] = None,
    typ: Typ = None,
    rum: _alternativ.Rum = None,
    oppna: Annotated[
        bool, typer.Option("--oppna", help="Bara ärenden som inte är avslutade.")
    ] = False,
    alla: _alternativ.Alla = False,
    format_: _alternativ.Listformat = "text",
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Lista ärendena, nyast först (de 50 senaste; --alla visar alla), med antal per typ."""
    from kvalitet.arbete import avvikelse
    from kvalitet.modell.avvikelse import Avvikelsetyp

    valt_ar = _alternativ.ar(ar, 0) or None
    vald_typ = Avvikelsetyp(_alternativ.ett_av(typ, TYPER, "--typ")) if typ else None
    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, "hus", "avvikelse", som_index=True)
    skriv_lista(avvikelse.lista(v, valt_ar, vald_typ, rum, oppna), valt_format, alla)
    return _utskrift.trasiga_kallor(v, "avvikelse")


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="avvikelse")
