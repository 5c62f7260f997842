"""Ett id får bara användas en gång.

Avvikelser, poster i Garaget, åtaganden, BUUUU-varv, riskanalyser, egenkontroller och
kontrollmoment, rum i huset, och åtgärder och risker inom samma fil, har id som andra
dokument hänvisar till. Två dokument med samma id gör hänvisningarna tvetydiga. Det
händer lätt när två personer skapar avvikelser på var sin gren; byt då id på den ena
(och filnamnet med).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.verksamhet import Verksamhet

ID = "ID001"
NIVA = Niva.fel
RUBRIK = "Samma id används flera gånger"
TVARS = True
"""Regeln jämför avvikelser med varandra eller med andra filer: se kvalitet.kontroll."""

Forekomst = tuple[str, Dokument, tuple[str | int, ...]]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Id som förekommer mer än en gång."""
    for slag, forekomster in _grupper(ktx.verksamhet):
        forsta: dict[str, Dokument] = {}
        for id_, dok, vag in forekomster:
            if id_ in forsta:
                yield dok.fynd_vid(vag, ID, f"{slag} ”{id_}” finns redan i {forsta[id_].relativ}.")
            else:
                forsta[id_] = dok


def _grupper(v: Verksamhet) -> Iterator[tuple[str, list[Forekomst]]]:
    yield "Avvikelsen", [(a.id, dok, ("id",)) for dok, a in v.avvikelseindex]
    yield "BUUUU-varvet", [(b.id, dok, ("id",)) for dok, b in v.buuuu]
    yield "Riskanalysen", [(r.id, dok, ("id",)) for dok, r in v.riskanalyser]
    yield "Egenkontrollen", [(r.id, dok, ("id",)) for dok, r in v.egenkontrollresultat]
    if v.egenkontrollplan:
        dok, plan = v.egenkontrollplan
        moment = enumerate(plan.kontrollmoment)
        yield "Kontrollmomentet", [(m.id, dok, ("kontrollmoment", i, "id")) for i, m in moment]
    for dok, analys in v.riskanalyser:
        risker = enumerate(analys.risker)
        yield "Risken", [(r.id, dok, ("risker", i, "id")) for i, r in risker if r.id]
    if v.huset:
        dok, huset = v.huset
        yield "Rummet", [(r.id, dok, ("rum", i, "id")) for i, r in enumerate(huset.rum)]
    if v.garaget:
        dok, garaget = v.garaget
        yield (
            "Posten",
            [(p.id, dok, ("poster", i, "id")) for i, p in enumerate(garaget.poster)],
        )
    yield (
        "Åtagandet",
        [
            (a.id, dok, ("åtaganden", i, "id"))
            for dok, fil in v.ataganden
            for i, a in enumerate(fil.åtaganden)
        ],
    )
    per_fil: dict[str, list[Forekomst]] = {}
    for p in v.alla_atgarder():
        if p.atgard.id:
            forekomst = (p.atgard.id, p.dok, (*p.vag, "id"))
            per_fil.setdefault(p.dok.relativ, []).append(forekomst)
    for forekomster in per_fil.values():
        yield "Åtgärden", forekomster
