"""Mallens platshållare ska bytas mot verksamhetens egna texter.

`kvalitet init` skapar huset och de andra filerna ur mallarna. Där mallen inte kan veta
vad som gäller, till exempel nämndens vision, står en platshållare som börjar med
`FYLL I:`. Så länge den står kvar hamnar den i kvalitetsberättelsen och på webbplatsen;
skriv verksamhetens egen text i stället.

Detsamma gäller styrdokumenten som `kvalitet styrdokument ny` skapar ur mallarna: ett
utkast får ha platshållare kvar, men inte ett fastställt dokument.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.styrdokument import Dokumentstatus
from kvalitet.styrdokumenten import brodtext

ID = "MAL001"
NIVA = Niva.varning
RUBRIK = "Mallens platshållare står kvar"
PLATSHALLARE = "FYLL I:"
"""Hur en platshållare i mallarna börjar (mallar/huset.yaml)."""
# Filtyperna som init skapar ur mallarna; bara de kan ha platshållare.
_UR_MALLARNA = frozenset({"hus", "rumsguide", "åtagandefil", "egenkontrollplan", "garage"})


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Texter i filerna från mallarna som fortfarande är mallens platshållare."""
    yield from _i_styrdokumenten(ktx)
    for dok in ktx.verksamhet.dokument:
        if dok.filtyp is None or dok.filtyp.namn not in _UR_MALLARNA or dok.modell is None:
            continue
        for vag, text in _texter(dok.data, ()):
            if text.lstrip().startswith(PLATSHALLARE):
                yield dok.fynd_vid(
                    vag,
                    ID,
                    f"”{'.'.join(map(str, vag))}” är fortfarande mallens platshållare"
                    f" (”{text.strip()[:60]}…”). Skriv verksamhetens egen text.",
                )


def _texter(data: Any, vag: tuple[str | int, ...]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(data, str):
        yield vag, data
    elif isinstance(data, dict):
        for nyckel, varde in data.items():
            yield from _texter(varde, (*vag, str(nyckel)))
    elif isinstance(data, list):
        for index, varde in enumerate(data):
            yield from _texter(varde, (*vag, index))


def _i_styrdokumenten(ktx: Kontext) -> Iterator[Fynd]:
    for dok, dokument in ktx.verksamhet.styrdokument:
        if dokument.status != Dokumentstatus.faststalld:
            continue
        text, fore = brodtext(dok)
        for nr, rad in enumerate(text.split("\n"), 1):
            kol = rad.find(PLATSHALLARE)
            if kol != -1:
                yield dok.fynd(
                    fore + nr,
                    kol + 1,
                    ID,
                    f"”{dokument.titel}” är fastställt men har kvar mallens platshållare"
                    f" (”{rad[kol:].strip()[:60]}”). Skriv dokumentets egen text.",
                )
