"""Varje hänvisning till ett rum ska gälla ett rum i huset.

Sessioner, avvikelser, poster i Garaget, åtaganden, BUUUU-varv, riskanalyser
(`omfattning.rum`), egenkontrollens kontrollmoment och rumsguider anger sina rum med
rummets id (till exempel `processer` eller `forhallningssatt`, utan å, ä och ö). Ett
felskrivet id gör att uppgiften hamnar utanför rummet; fyndet föreslår det id du
troligen menade.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.rum import RumGuide
from kvalitet.verksamhet import Verksamhet

ID = "REF001"
NIVA = Niva.fel
RUBRIK = "Okänt rum"

Hanvisning = tuple[Dokument, tuple[str | int, ...], str]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Hänvisningar till rum som huset inte har."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    kanda = {rum.id for rum in v.rum}
    for dok, vag, rum_id in _hanvisningar(v):
        if rum_id in kanda:
            continue
        forslag = v.foresla_rum(rum_id)
        tips = f" – menade du ”{forslag}”?" if forslag else "."
        yield dok.fynd_vid(vag, ID, f"Huset har inget rum ”{rum_id}”{tips}")


def _hanvisningar(v: Verksamhet) -> Iterator[Hanvisning]:
    for dok, session in v.sessioner:
        yield dok, ("rum",), session.rum
    for dok, avvikelse in v.avvikelser:
        yield dok, ("rum",), avvikelse.rum
    for dok, guide in v.av_typ(RumGuide):
        yield dok, ("id",), guide.id
    for dok, analys in v.riskanalyser:
        if analys.omfattning.rum is not None:
            yield dok, ("omfattning", "rum"), analys.omfattning.rum
    if v.egenkontrollplan:
        dok, plan = v.egenkontrollplan
        for i, moment in enumerate(plan.kontrollmoment):
            if moment.rum is not None:
                yield dok, ("kontrollmoment", i, "rum"), moment.rum
    yield from _listhanvisningar(v)


def _listhanvisningar(v: Verksamhet) -> Iterator[Hanvisning]:
    if v.garaget:
        dok, garaget = v.garaget
        for i, post in enumerate(garaget.poster):
            if post.rum is not None:
                yield dok, ("poster", i, "rum"), post.rum
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for j, rum_id in enumerate(atagande.rum):
                yield dok, ("åtaganden", i, "rum", j), rum_id
    for dok, varv in v.buuuu:
        for j, rum_id in enumerate(varv.rum):
            yield dok, ("rum", j), rum_id
    yield from _inflytandets(v)


def _inflytandets(v: Verksamhet) -> Iterator[Hanvisning]:
    for dok, inflytande in v.brukarinflytande:
        for i, aktivitet in enumerate(inflytande.aktiviteter):
            for j, rum_id in enumerate(aktivitet.rum):
                yield dok, ("aktiviteter", i, "rum", j), rum_id
