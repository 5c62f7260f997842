"""Varje fil ska vara text sparad som UTF-8.

Filer i andra teckenkodningar (Windows-1252, Latin-1, UTF-16) eller binära filer
kan inte läsas på samma sätt på alla datorer; å, ä och ö blir fel. Spara om filen
som UTF-8 i din editor (i VS Code: klicka på kodningen längst ned till höger).

Filen ska också gå att läsa: en mapp eller en symbolisk länk som är trasig (eller
pekar i en slinga) med ett dokuments namn, en fil utan läsrätt, en fil med NUL-tecken
och en fil större än 1 MB ger samma fynd. En så stor YAML-fil läses inte alls. En
symbolisk länk till något utanför verksamhetens mapp läses aldrig (en länk i en pull
request ska inte kunna visa filer från datorn som kör kontrollen); länkar inom mappen går
bra. Filnamn ska vara UTF-8 (gärna bara a–z, siffror, - och _), så att de ser likadana ut
på alla datorer och i forgen.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.kontroller._inlasning import inlasningsfynd
from kvalitet.lasning.filer import LANK_UT

ID = "FIL001"
NIVA = Niva.fel
RUBRIK = "Filen är inte läsbar text i UTF-8"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Filer som inte kunde läsas eller inte är UTF-8, och länkar ut ur verksamheten."""
    yield from inlasningsfynd(ktx, ID)
    for relativ in ktx.verksamhet.lankar_ut:
        yield Fynd(relativ, 1, 1, ID, LANK_UT)
    for relativ in ktx.verksamhet.alla_filnamn:
        if not _utf8(relativ):
            yield Fynd(relativ, 1, 1, ID, _NAMN)


_NAMN = (
    "Filens (eller mappens) namn är inte UTF-8, kanske skapat på en äldre dator; tecknen"
    " visas här som <FF>. Byt namn på den, gärna till bara a–z, siffror, - och _."
)


def _utf8(namn: str) -> bool:
    # Ett namn som inte var UTF-8 har surrogater i Python (os.fsdecode, surrogateescape).
    try:
        namn.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
