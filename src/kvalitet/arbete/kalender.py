"""`kvalitet kalender`: verksamhetens frister som en kalenderfil (iCalendar).

Fristerna kommer ur kvalitet.frister; här väljs de ut (en roll), filernas versioner läses
ur git (för SEQUENCE och LAST-MODIFIED) och kalendern blir en fil att skriva.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kvalitet import __version__, frister, gitinfo
from kvalitet.fel import Anvandningsfel
from kvalitet.rapporter import MARKOR, rapportfil
from kvalitet.rendering.kalender import Version, ical
from kvalitet.skrivning import Andring
from kvalitet.svenska import normaliserad
from kvalitet.verksamhet import Verksamhet


def valda(v: Verksamhet, ar: int, per: date, ansvarig: str | None) -> list[frister.Frist]:
    """Fristerna i kalendern: årets sessioner och allt öppet, för en roll eller alla."""
    alla = frister.alla(v, ar, per)
    if ansvarig is None:
        return alla
    roll = normaliserad(ansvarig)
    return [f for f in alla if roll in normaliserad(f.ansvarig or "")]


def kalender(v: Verksamhet, valda_: list[frister.Frist], per: date) -> bytes:
    """Kalenderfilen för fristerna."""
    skapare = f"-//kvalitet//{MARKOR} {__version__}//SV"
    return ical(valda_, v.namn, skapare, versioner(v.rot, {f.fil for f in valda_}), per)


def versioner(rot: Path, vagar: set[str]) -> dict[str, Version]:
    """Hur många gånger varje fil har checkats in och när senast; tomt utan git."""
    if not vagar or not gitinfo.git_finns():
        return {}
    try:
        historik = gitinfo.historik(rot, sorted(vagar))
    except (Anvandningsfel, gitinfo.Gitfel):
        return {}
    return {
        vag: Version(len(lista), lista[0].tid) for vag, lista in historik.filer.items() if lista
    }


def fil(ut: Path, innehall: bytes) -> Andring:
    """Kalenderfilen som en ändring (skriver bara över en kalender som kvalitet har skapat)."""
    return rapportfil(ut, innehall)
