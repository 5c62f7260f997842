"""Tolkning av alternativ som är gemensamma för flera kommandon."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kvalitet.fel import Anvandningsfel

if TYPE_CHECKING:
    from kvalitet.verksamhet import Verksamhet

Katalog = Annotated[
    Path,
    typer.Option(
        "--katalog",
        "-C",
        metavar="KATALOG",
        help="Verksamhetens mapp (standard: aktuell mapp).",
        show_default=False,
    ),
]
MAPP = Path()
"""Standardvärdet för --katalog: den aktuella mappen."""
Per = Annotated[
    str | None,
    typer.Option(
        "--per", metavar="DATUM", help="Bedöm per detta datum (ÅÅÅÅ-MM-DD) i stället för i dag."
    ),
]

Alla = Annotated[
    bool,
    typer.Option("--alla", help="Visa alla rader (standard: de 50 första, med antalet under)."),
]
Listformat = Annotated[
    str,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="text, json eller csv (json och csv: alla rader, för ett kalkylark eller ett skript).",
    ),
]
LISTFORMAT = ("text", "json", "csv")

Wordmall = Annotated[
    Path | None,
    typer.Option(
        "--mall",
        metavar="FIL",
        help="Kommunens Word-mall (.docx eller .dotx) för --format docx: dess format,"
        " sidhuvud och sidfot används.",
        show_default=False,
    ),
]
BINARA = ("pdf", "docx")
"""Rapportformat som bara kan skrivas till en fil (inte till standard ut)."""


def rapportformat(ending: str | None, ut: str | None, wordmall: Path | None) -> None:
    """Pröva att --ut och --mall passar formatet.

    Raises:
        Anvandningsfel: För PDF eller Word till standard ut, eller --mall utan docx.
    """
    if ending in BINARA and ut == "-":
        namn = "En PDF" if ending == "pdf" else "Ett Word-dokument"
        raise Anvandningsfel(
            f"{namn} skrivs till en fil, inte till standard ut.",
            tips=f"Ange filen med --ut, till exempel --ut kvalitetsberattelse.{ending}.",
        )
    if wordmall is not None and ending != "docx":
        raise Anvandningsfel("--mall gäller bara Word-dokument.", tips="Lägg till --format docx.")


def rummen(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Husets rum (id och namn) som börjar med det skrivna, för kompletteringen med tabb.

    Läser bara huset.yaml i -C-mappen eller den aktuella mappen (eller en mapp ovanför),
    och ger inga förslag i stället för ett fel.
    """
    from kvalitet import yamlio
    from kvalitet.lasning import filer

    try:
        rot = filer.hitta_rot(Path(ctx.params.get("katalog") or "."))
        huset = yamlio.las(filer.las_inom(rot, rot / filer.HUSET).decode("utf-8"))
        rum = [(str(r["id"]), str(r.get("namn", ""))) for r in huset["rum"]]
    except Exception:  # en komplettering får aldrig ge en spårning i skalet
        return []
    return [(rum_id, namn) for rum_id, namn in rum if rum_id.startswith(incomplete)]


def rum_alternativ(hjalp: str) -> Any:
    """Alternativet --rum med kommandots hjälptext och husets rum i kompletteringen."""
    return typer.Option("--rum", metavar="RUM", help=hjalp, autocompletion=rummen)


KRAVS = " Krävs; saknas det frågar kvalitet i en terminal."
"""Hjälptextens markering av ett alternativ som måste anges (se `kravs`)."""

Rum = Annotated[str | None, rum_alternativ("Rummet: id, prefix eller namn.")]
Ar = Annotated[str | None, typer.Option("--ar", metavar="ÅR", help="Året (standard: i år).")]


def datum(text: str | None, namn: str = "--per") -> date:
    """Ett datum ÅÅÅÅ-MM-DD, eller i dag när inget anges.

    Raises:
        Anvandningsfel: När texten inte är ett giltigt datum.
    """
    if text is None:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Anvandningsfel(
            f"”{text}” är inget giltigt datum för {namn}; skriv ÅÅÅÅ-MM-DD, till"
            " exempel 2026-06-30."
        ) from None


def ett_av(text: str, tillatna: tuple[str, ...], namn: str) -> str:
    """Ett värde ur en fast lista.

    Raises:
        Anvandningsfel: När värdet inte finns i listan.
    """
    from kvalitet.svenska import normaliserad

    for tillatet in tillatna:
        if normaliserad(text) == normaliserad(tillatet):
            return tillatet
    raise Anvandningsfel(f"”{text}” är inget giltigt värde för {namn}; välj {', '.join(tillatna)}.")


def ar(text: str | None, standard: int) -> int:
    """Ett årtal, eller `standard` när inget anges.

    Raises:
        Anvandningsfel: När texten inte är ett rimligt årtal.
    """
    if text is None:
        return standard
    if not (text.isdigit() and 1900 <= int(text) <= 2999):
        raise Anvandningsfel(f"”{text}” är inget giltigt år för --ar; skriv till exempel 2026.")
    return int(text)


def kravs(
    varde: str | None,
    alternativ: str,
    fraga: str,
    tillatna: tuple[str, ...] | None = None,
    *,
    exempel: str | None = None,
    tips: str | None = None,
    giltig: Callable[[str], str] | None = None,
) -> str:
    """Ett alternativ eller argument som måste anges: i en terminal frågar kvalitet efter det.

    Utan terminal (i CI, i ett skript) frågar kvalitet aldrig, utan ger ett
    användningsfel som säger vilket alternativ som saknas, med ett exempel. I en terminal
    frågar kvalitet igen efter ett svar som inte går (ett felskrivet rum, en okänd typ).

    Args:
        varde: Värdet från kommandoraden, eller None.
        alternativ: Alternativets namn (--typ) eller argumentets (RUM).
        fraga: Frågan i terminalen.
        tillatna: De tillåtna värdena, om de är givna.
        exempel: Ett exempel på ett värde, till tipset (annars det första tillåtna).
        tips: Ett eget tips när värdet saknas utan terminal.
        giltig: Prövar värdet och ger det som det ska användas (Anvandningsfel annars).

    Raises:
        Anvandningsfel: När värdet saknas utan terminal, är tomt eller inte tillåtet.
    """
    if giltig is None:
        giltig = (lambda text: ett_av(text, tillatna, alternativ)) if tillatna else str
    if varde is not None:
        return giltig(_inte_tomt(varde, alternativ))
    if not sys.stdin.isatty():
        slag = "Alternativet" if alternativ.startswith("-") else "Argumentet"
        forslag = exempel or (tillatna[0] if tillatna else "VÄRDE")
        forslag = f"{alternativ} {forslag}" if alternativ.startswith("-") else forslag
        val = f" (ett av: {', '.join(tillatna)})" if tillatna else ""
        raise Anvandningsfel(
            f"{slag} {alternativ} saknas.", tips=tips or f"Ange det, till exempel: {forslag}{val}"
        )
    val = f" ({', '.join(tillatna)})" if tillatna else ""
    while True:
        svar = str(typer.prompt(f"{fraga}{val}")).strip()
        if "\x00" in svar:
            # Ett NUL-tecken skulle annars tyst korta av texten längre fram.
            raise Anvandningsfel(
                f"Svaret innehåller ett NUL-tecken (byte 0); skriv {alternativ} igen."
            )
        try:
            return giltig(_inte_tomt(svar, alternativ))
        except Anvandningsfel as fel:
            typer.echo(f"{fel.meddelande} Försök igen (Ctrl-C avbryter).")


def _inte_tomt(varde: str, alternativ: str) -> str:
    if not varde.strip():
        raise Anvandningsfel(f"{alternativ} får inte vara tomt.")
    return varde


_JA = ("j", "ja", "y", "yes")
_NEJ = ("", "n", "nej", "no")


def bekrafta(fraga: str) -> bool:
    """Ja eller nej i en terminal (standard nej, frågar igen efter ett annat svar).

    Utan terminal (i CI, i ett skript) är svaret alltid nej.
    """
    if not sys.stdin.isatty():
        return False
    while True:
        svar = str(typer.prompt(f"{fraga} (j/N)", default="", show_default=False))
        if svar.strip().lower() in _JA + _NEJ:
            return svar.strip().lower() in _JA
        typer.echo("Svara j (ja) eller n (nej).")


def rum(varde: str | None, v: Verksamhet, alternativ: str = "RUM") -> str:
    """Ett rum som måste anges (id); i en terminal frågar kvalitet och visar husets rum."""
    alla = ", ".join(r.id for r in v.rum)
    return kravs(
        varde,
        alternativ,
        f"Vilket rum ({alla})",
        tips=f"Ange ett av husets rum: {alla}.",
        giltig=lambda text: v.hitta_rum(text).id,
    )
