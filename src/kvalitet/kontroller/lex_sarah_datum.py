"""Ett lex Sarah-ärende ska ha sina datum i rätt ordning för sitt steg.

Missförhållanden och påtagliga risker för missförhållanden (`typ:
missförhållande` eller `risk_för_missförhållande`) ska ha ett `lex_sarah`-block.
Varje steg kräver sina uppgifter: `under_utredning` kräver `utredning_påbörjad`;
`bedömd` och senare kräver `bedömning` och `bedömd`; `anmäld_ivo` kräver
`anmäld_ivo`; `åtgärdad`, `uppföljd` och `avslutad` kräver `ställningstagande`
(utredningen avslutad med beslut eller ställningstagande). Datumen ska följa
ordningen rapporterad → utredning påbörjad → bedömd → ställningstagande, och en
anmälan till IVO kan inte ligga före rapporten (SOSFS 2011:5).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import pairwise

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsestatus, LexSarah

ID = "SAR001"
NIVA = Niva.fel
RUBRIK = "Lex Sarah-ärende med saknade eller omkastade datum"

_STEG = list(Avvikelsestatus)
_KRAV: tuple[tuple[Avvikelsestatus, tuple[str, ...]], ...] = (
    (Avvikelsestatus.under_utredning, ("utredning_påbörjad",)),
    (Avvikelsestatus.bedomd, ("bedömning", "bedömd")),
    (Avvikelsestatus.atgardad, ("ställningstagande",)),
)
_ORDNING = ("rapporterad", "utredning_påbörjad", "bedömd", "ställningstagande")


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Lex Sarah-ärenden med saknade uppgifter eller datum i fel ordning."""
    for dok, avvikelse in ktx.verksamhet.avvikelser:
        if not avvikelse.ar_lex_sarah():
            continue
        if avvikelse.lex_sarah is None:
            yield dok.fynd_vid(
                ("typ",),
                ID,
                f"Ärendet är ett lex Sarah-ärende ({avvikelse.typ}) men saknar"
                " lex_sarah med datum för rapport, utredning och bedömning.",
            )
            continue
        yield from _saknade(dok, avvikelse, avvikelse.lex_sarah)
        yield from _ordning(dok, avvikelse.lex_sarah)


def _saknade(dok: Dokument, avvikelse: Avvikelse, ls: LexSarah) -> Iterator[Fynd]:
    steg = _STEG.index(avvikelse.status)
    krav = [(s, n) for s, nycklar in _KRAV for n in nycklar if steg >= _STEG.index(s)]
    if avvikelse.status == Avvikelsestatus.anmald_ivo:
        krav.append((avvikelse.status, "anmäld_ivo"))
    for status, nyckel in krav:
        if getattr(ls, nyckel) is None:
            yield dok.fynd_vid(
                ("lex_sarah",),
                ID,
                f"Status ”{avvikelse.status}” kräver ”{nyckel}” i lex_sarah"
                f" (krävs från steget ”{status}”).",
            )


def _ordning(dok: Dokument, ls: LexSarah) -> Iterator[Fynd]:
    datum: list[tuple[str, date]] = [
        (n, getattr(ls, n)) for n in _ORDNING if getattr(ls, n) is not None
    ]
    for (forra, d1), (nasta, d2) in pairwise(datum):
        if d2 < d1:
            yield dok.fynd_vid(
                ("lex_sarah", nasta),
                ID,
                f"”{nasta}” ({d2}) ligger före ”{forra}” ({d1}).",
            )
    if ls.anmäld_ivo is not None and ls.anmäld_ivo < ls.rapporterad:
        yield dok.fynd_vid(
            ("lex_sarah", "anmäld_ivo"),
            ID,
            f"Anmälan till IVO ({ls.anmäld_ivo}) ligger före rapporten ({ls.rapporterad}).",
        )
