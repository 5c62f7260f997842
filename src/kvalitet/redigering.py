"""Ändringar i verksamhetens YAML-filer som bevarar allt som inte ändras.

En fil läses med rundturstolken, ändras i trädet och skrivs tillbaka; kommentarer,
nyckelordning, citattecken och layout står kvar. Innan något skrivs prövas att en
oförändrad omskrivning av filen blir byte för byte lika (annars vägrar kvalitet
hellre än att skriva om användarens text) och att den nya texten är en giltig fil
av sin filtyp. BOM, radslut (CRLF) och avslutande radbrytning behålls som de var.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kvalitet import kontroll, skrivning, yamlio
from kvalitet.dokument import Dokument, tolka_dokument
from kvalitet.fel import KvalitetFel, Slutkod
from kvalitet.fynd import Bedomt
from kvalitet.lasning import filer
from kvalitet.modell import filtyp_for
from kvalitet.skrivning import Andring

_BOM = "\ufeff"


class Redigeringsfel(KvalitetFel):
    """En fil kan inte ändras säkert, eller ändringen skulle ge en ogiltig fil."""

    slutkod = Slutkod.FYND


@dataclass(frozen=True)
class _Skrivsatt:
    """Hur filen var sparad, så att den sparas likadant."""

    bom: bool
    crlf: bool
    slutrad: bool


def _avkoda(radata: bytes, namn: str) -> tuple[str, _Skrivsatt]:
    try:
        text = radata.decode("utf-8")
    except UnicodeDecodeError:
        raise Redigeringsfel(
            f"{namn} är inte sparad som UTF-8 och kan inte ändras.",
            tips="Spara om filen som UTF-8 (kvalitet kontrollera visar var).",
        ) from None
    crlf = "\r\n" in text and text.count("\r\n") == text.count("\n")
    if "\r" in text and not (crlf and text.count("\r") == text.count("\r\n")):
        raise Redigeringsfel(
            f"{namn}:{_forsta_blandade_rad(text)}: filen har blandade radslut (både CRLF och"
            " LF) och kan inte ändras utan att radsluten skrivs om.",
            tips="Spara filen med ett och samma radslut i er editor; inget har ändrats.",
        )
    satt = _Skrivsatt(text.startswith(_BOM), crlf, text.endswith("\n") or not text)
    text = text.removeprefix(_BOM)
    if crlf:
        text = text.replace("\r\n", "\n")
    return (text if satt.slutrad else text + "\n"), satt


def _forsta_blandade_rad(text: str) -> int:
    rader = text.split("\n")
    forsta_crlf = rader[0].endswith("\r")
    for nr, rad in enumerate(rader[:-1], 1):
        if rad.endswith("\r") != forsta_crlf or "\r" in rad.rstrip("\r"):
            return nr
    return len(rader)


def _koda(text: str, satt: _Skrivsatt) -> bytes:
    if not satt.slutrad:
        text = text.removesuffix("\n")
    if satt.crlf:
        text = text.replace("\n", "\r\n")
    return ((_BOM if satt.bom else "") + text).encode("utf-8")


def redigera(
    rot: Path, relativ: str, andra: Callable[[Any], None], mall: bytes | None = None
) -> Andring:
    """Läs en fil, låt `andra` ändra dess träd och ge ändringen att skriva.

    Args:
        rot: Verksamhetens rot.
        relativ: Filen, relativt roten.
        andra: Ändrar trädet på plats (CommentedMap och CommentedSeq, som dict och list).
        mall: Innehållet att utgå från när filen ska skapas (då är den ny).

    Returns:
        Ändringen, ännu inte skriven och inte prövad (se `bekrafta`).

    Raises:
        Redigeringsfel: När filen inte kan läsas, inte är giltig YAML eller inte kan
            skrivas tillbaka utan att annat i den ändras.
    """
    sokvag = rot / relativ
    if mall is None and not filer.inom(rot, sokvag):
        raise Redigeringsfel(f"{relativ}: {filer.LANK_UT}")
    try:
        radata = mall if mall is not None else filer.las_inom(rot, sokvag)
    except OSError as fel:
        raise Redigeringsfel(f"{relativ} kan inte läsas ({skrivning.orsak(fel)}).") from None
    text, satt = _avkoda(radata, relativ)
    try:
        redigerbar = yamlio.las_for_redigering(text)
    except yamlio.Yamlfel as fel:
        raise Redigeringsfel(
            f"{relativ}:{fel.rad}:{fel.kol}: {fel.text}",
            tips="Rätta filen först; inget har ändrats.",
        ) from None
    except yamlio.EjRedigerbar as fel:
        raise Redigeringsfel(
            f"{relativ}:{fel.rad}: kvalitet kan inte ändra filen utan att också skriva om"
            " annat i den (till exempel ett ovanligt indrag eller en kommentar här).",
            tips="Inget har ändrats. Gör ändringen för hand, eller skriv filen med"
            " indrag som i exempel-verksamheten.",
        ) from None
    andra(redigerbar.trad)
    ny = _koda(yamlio.dumpa(redigerbar), satt)
    return Andring(sokvag, ny, None if mall is not None else radata)


def ny_fil(rot: Path, relativ: str, innehall: Any) -> Andring:
    """En ny fil med ett innehåll byggt med yamlio (eller färdig text)."""
    text = innehall if isinstance(innehall, str) else yamlio.som_text(innehall)
    return Andring(rot / relativ, text.encode("utf-8"))


def bekrafta(rot: Path, andringar: Sequence[Andring], per: date) -> list[Dokument]:
    """Pröva att varje ny YAML-text (och styrdokument) är en giltig fil av sin filtyp.

    Args:
        rot: Verksamhetens rot.
        andringar: Ändringarna som ska skrivas.
        per: Bedömningsdagen.

    Returns:
        De nya dokumenten, tolkade och validerade.

    Raises:
        Redigeringsfel: När en ny text skulle bli en ogiltig fil; inget skrivs då.
    """
    yaml = [
        a
        for a in andringar
        if a.sokvag.suffix in (".yaml", ".yml") or filtyp_for(_relativ(rot, a.sokvag))
    ]
    gamla = [_tolka(rot, a.sokvag, a.gammal) for a in yaml if a.gammal is not None]
    fel = kontroll.skrivsparr(rot, gamla, per)
    if fel:
        raise Redigeringsfel(
            "Filen har fel som måste rättas först; inget har ändrats:\n" + _rader(fel)
        )
    dokument = [_tolka(rot, a.sokvag, a.ny) for a in yaml]
    fel = kontroll.skrivsparr(rot, dokument, per)
    if fel:
        raise Redigeringsfel(
            "Ändringen skulle ge en ogiltig fil, så inget har skrivits:\n" + _rader(fel)
        )
    return dokument


def _tolka(rot: Path, sokvag: Path, radata: bytes) -> Dokument:
    relativ = _relativ(rot, sokvag)
    return tolka_dokument(relativ, sokvag, filtyp_for(relativ), radata)


def _rader(fel: list[Bedomt]) -> str:
    return "\n".join(f"{b.fynd.fil}:{b.fynd.rad}:{b.fynd.kol}: {b.fynd.text}" for b in fel)


def _relativ(rot: Path, sokvag: Path) -> str:
    return sokvag.relative_to(rot).as_posix()
