"""`kvalitet paminnelser`: per roll, det som är försenat eller snart ska vara gjort."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv, skriv_fel
from kvalitet.fel import Anvandningsfel, Slutkod

FORMAT = ("text", "md", "json")


def paminnelser(
    inom: Annotated[
        int,
        typer.Option("--inom", metavar="DAGAR", help="Också det som infaller inom DAGAR dagar."),
    ] = 14,
    format_: Annotated[
        str, typer.Option("--format", metavar="FORMAT", help="text, md eller json.")
    ] = "text",
    skicka_: Annotated[
        bool,
        typer.Option(
            "--skicka",
            help="Skicka ett brev till varje rolls funktionsbrevlåda (kontakter i huset.yaml)"
            " över SMTP, med servern ur KVALITET_SMTP_*; utan --skicka skickas inget.",
        ),
    ] = False,
    per: Per = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Visa per ansvarig roll vad som är försenat och vad som ska vara gjort snart.

    Åtgärder, uppföljningar, egenkontroll, lex Sarah-steg, årshjulets sessioner och
    styrdokumentens revision, med fil och id. Med --skicka får varje roll ett brev (text och
    HTML) till sin funktionsbrevlåda; annars visas bara vad som skulle skickas.

    Slutkod 0, eller 1 när en roll med påminnelser saknar adress och --skicka används.
    """
    from kvalitet import epost
    from kvalitet.arbete import paminnelser as karna

    valt = _alternativ.ett_av(format_, FORMAT, "--format")
    if inom < 0:
        raise Anvandningsfel(f"--inom ska vara 0 eller fler dagar, inte {inom}.")
    server = epost.server_ur_miljon() if skicka_ else None
    v = _utskrift.ladda(katalog)
    p = karna.paminnelser(v, _alternativ.datum(per), inom)
    utdata = {"text": karna.text, "md": karna.markdown, "json": karna.som_json}[valt](p)
    skriv(utdata)
    utan_adress = [r.roll for r in p.roller if r.adress is None]
    med_adress = [r for r in p.roller if r.adress is not None]
    if server is None:
        for r in med_adress:
            skriv_fel(f"Med --skicka: till {r.adress} ({r.roll}): ”{karna.amne(r, p)}”.")
        if med_adress:
            skriv_fel("Inget skickades (lägg till --skicka).")
    else:
        epost.skicka(server, [karna.brev(r, p, server.avsandare) for r in med_adress])
        for r in med_adress:
            skriv_fel(f"Skickade till {r.adress} ({r.roll}).")
    for roll in utan_adress:
        skriv_fel(f"varning: rollen ”{roll}” har ingen adress under kontakter i huset.yaml.")
    slutkod = Slutkod.FYND if server is not None and utan_adress else Slutkod.OK
    return max(int(slutkod), _utskrift.trasiga_kallor(v))


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(paminnelser)
