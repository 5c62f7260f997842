"""Hänvisningar mellan dokumenten ska gå att följa.

En åtgärd kan hänvisa till poster i Garaget (`garaget: [G3]`), till avvikelser
(`avvikelser: ["2026-004"]`) och till husets integrerade mål
(`integrerade_mål: [jamstalld]`); ett åtagande till integrerade mål; ett BUUUU-varv
till åtaganden; en överförd post i Garaget till den session eller åtgärd den
flyttades till (`överförd_till: "arshjul/2026/processer.yaml#A2"`). Varje sådan
hänvisning ska peka på något som finns.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.verksamhet import Verksamhet

ID = "REF002"
NIVA = Niva.fel
RUBRIK = "Hänvisning som inte går att följa"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Hänvisningar till poster, avvikelser, mål och åtaganden som saknas."""
    v = ktx.verksamhet
    yield from _atgardshanvisningar(v)
    yield from _atagandehanvisningar(v)
    yield from _overforda(v)


def _saknas(
    dok: Dokument, vag: tuple[str | int, ...], vad: str, id_: str, kanda: Iterable[str]
) -> Fynd:
    forslag = difflib.get_close_matches(id_, list(kanda), n=1, cutoff=0.6)
    tips = f" – menade du ”{forslag[0]}”?" if forslag else "."
    return dok.fynd_vid(vag, ID, f"Det finns {vad} ”{id_}”{tips}")


def _mal_ids(v: Verksamhet) -> set[str]:
    return {mal.id for mal in v.huset[1].tak.integrerade_mål} if v.huset else set()


def _atgardshanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    garage = {post.id for post in v.garaget[1].poster} if v.garaget else set()
    avvikelser = {avvikelse.id for _, avvikelse in v.avvikelser}
    mal = _mal_ids(v)
    for plats in v.atgarder():
        listor = (
            ("garaget", garage, "ingen post i Garaget"),
            ("avvikelser", avvikelser, "ingen avvikelse"),
            ("integrerade_mål", mal, "inget integrerat mål"),
        )
        for nyckel, kanda, vad in listor:
            for i, id_ in enumerate(getattr(plats.atgard, nyckel)):
                if id_ not in kanda and (nyckel != "integrerade_mål" or v.huset):
                    yield _saknas(plats.dok, (*plats.vag, nyckel, i), vad, id_, kanda)


def _atagandehanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    mal = _mal_ids(v)
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for j, id_ in enumerate(atagande.integrerade_mål):
                if v.huset and id_ not in mal:
                    vag = ("åtaganden", i, "integrerade_mål", j)
                    yield _saknas(dok, vag, "inget integrerat mål", id_, mal)
    kanda = {a.id for _, fil in v.ataganden for a in fil.åtaganden}
    for dok, varv in v.buuuu:
        for j, id_ in enumerate(varv.åtaganden):
            if id_ not in kanda:
                yield _saknas(dok, ("åtaganden", j), "inget åtagande", id_, kanda)


def _overforda(v: Verksamhet) -> Iterator[Fynd]:
    if v.garaget is None:
        return
    dok, garaget = v.garaget
    filer = {d.relativ: d for d in v.dokument}
    atgarder = {(p.dok.relativ, p.atgard.id) for p in v.atgarder() if p.atgard.id}
    for i, post in enumerate(garaget.poster):
        if post.överförd_till is None:
            continue
        fil, _, atgard_id = post.överförd_till.partition("#")
        vag = ("poster", i, "överförd_till")
        if fil not in filer:
            yield _saknas(dok, vag, "ingen fil", fil, filer)
        elif atgard_id and (fil, atgard_id) not in atgarder:
            yield dok.fynd_vid(vag, ID, f"Filen {fil} har ingen åtgärd ”{atgard_id}”.")
