"""Ett lex Sarah-ärende ska hanteras inom verksamhetens lokala frister.

Lagen säger ”genast”, ”utan dröjsmål” och ”snarast”, inga antal dagar. Därför
gäller verksamhetens lokala rutin, som anges i huset.yaml under
`regler.lex_sarah` (annars kvalitets standardvärden): hur många dagar efter
rapporten utredningen ska ha påbörjats, bedömningen gjorts och utredningen
avslutats med ett ställningstagande, och hur många dagar efter en bedömning som
allvarlig som anmälan till IVO ska vara gjord. Öppna ärenden bedöms mot dagens
datum (eller `--per`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal

ID = "SAR002"
NIVA = Niva.varning
RUBRIK = "Lex Sarah-ärende utanför lokal frist"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Lex Sarah-steg som tog, eller har tagit, längre tid än den lokala rutinen."""
    for dok, avvikelse in ktx.verksamhet.avvikelser:
        ls = avvikelse.lex_sarah
        if ls is None or not avvikelse.ar_lex_sarah():
            continue
        for steg in ls.steg(ktx.lex_sarah):
            text = _overskriden(steg.gjord, steg.fran, steg.dagar, ktx.per, steg.vad)
            if text:
                yield dok.fynd_vid(("lex_sarah", steg.nyckel), ID, text)


def _overskriden(gjord: date | None, fran: date, dagar: int, per: date, vad: str) -> str | None:
    slut = gjord or per
    if (slut - fran).days <= dagar:
        return None
    rutin = f"enligt lokal rutin ska {vad} inom {antal(dagar, 'dag', 'dagar')} från {fran}"
    if gjord is None:
        return f"Ej gjort efter {antal((per - fran).days, 'dag', 'dagar')}; {rutin}."
    return f"Gjort efter {antal((gjord - fran).days, 'dag', 'dagar')}; {rutin}."
