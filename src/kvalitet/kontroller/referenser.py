"""Hänvisningar mellan dokumenten ska gå att följa.

En åtgärd kan hänvisa till poster i Garaget (`garaget: [G3]`), till avvikelser
(`avvikelser: ["2026-004"]`), till takets integrerade och politiska mål
(`integrerade_mål: [jamstalld]`, `politiska_mål: [e03]`) och till bjälklagets
friskfaktorer (`friskfaktorer: [delaktighet]`); ett åtagande till mål och friskfaktorer;
ett mål i taket till målet ovanför (`bidrar_till: n2`); ett BUUUU-varv till
åtaganden; en överförd post i Garaget till den session eller åtgärd den flyttades till
(`överförd_till: "arshjul/2026/processer.yaml#A2"`); en indikator i åtagandena till
kontrollmomentet i egenkontroll.yaml som ger dess utfall och till en granskningspunkt i
det (`egenkontroll: delat-beslutsfattande`, `granskningspunkt: alternativ`). Varje sådan
hänvisning ska peka på något som finns. En indikator vars moment har flera
granskningspunkter ska säga vilken den gäller, och momentet ska ha minst en.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from kvalitet import egenkontrollen
from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.ataganden import Indikator
from kvalitet.verksamhet import Verksamhet

ID = "REF002"
NIVA = Niva.fel
RUBRIK = "Hänvisning som inte går att följa"
TVARS = True
"""Regeln jämför avvikelser med varandra eller med andra filer: se kvalitet.kontroll."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Hänvisningar till poster, avvikelser, mål och åtaganden som saknas."""
    v = ktx.verksamhet
    yield from _atgardshanvisningar(v)
    yield from _atagandehanvisningar(v)
    yield from _indikatorhanvisningar(v)
    yield from _overforda(v)


def _saknas(
    dok: Dokument, vag: tuple[str | int, ...], vad: str, id_: str, kanda: Iterable[str]
) -> Fynd:
    forslag = difflib.get_close_matches(id_, list(kanda), n=1, cutoff=0.6)
    tips = f" – menade du ”{forslag[0]}”?" if forslag else "."
    return dok.fynd_vid(vag, ID, f"Det finns {vad} ”{id_}”{tips}")


def _i_huset(v: Verksamhet) -> tuple[tuple[str, set[str], str], ...]:
    """Listorna i huset som åtgärder och åtaganden hänvisar till: nyckel, id:n, vad."""
    if v.huset is None:
        return ()  # utan hus går hänvisningarna inte att pröva
    tak, bjalklag = v.huset[1].tak, v.huset[1].bjälklag
    return (
        ("integrerade_mål", {m.id for m in tak.integrerade_mål}, "inget integrerat mål"),
        ("politiska_mål", {m.id for m in tak.politiska_mål}, "inget politiskt mål i taket"),
        ("friskfaktorer", {f.id for f in bjalklag.friskfaktorer} if bjalklag else set(),
         "ingen friskfaktor i bjälklaget"),
    )  # fmt: skip


def _atgardshanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    garage = {post.id for post in v.garaget[1].poster} if v.garaget else set()
    avvikelser = {avvikelse.id for _, avvikelse in v.avvikelseindex}
    listor = (
        ("garaget", garage, "ingen post i Garaget"),
        ("avvikelser", avvikelser, "ingen avvikelse"),
        *_i_huset(v),
    )
    for plats in v.alla_atgarder():
        for nyckel, kanda, vad in listor:
            for i, id_ in enumerate(getattr(plats.atgard, nyckel)):
                if id_ not in kanda:
                    yield _saknas(plats.dok, (*plats.vag, nyckel, i), vad, id_, kanda)


def _atagandehanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    i_huset = _i_huset(v)
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for nyckel, kanda, vad in i_huset:
                for j, id_ in enumerate(getattr(atagande, nyckel)):
                    if id_ not in kanda:
                        yield _saknas(dok, ("åtaganden", i, nyckel, j), vad, id_, kanda)
    yield from _takets_hanvisningar(v)
    kanda = {a.id for _, fil in v.ataganden for a in fil.åtaganden}
    for dok, varv in v.buuuu:
        for j, id_ in enumerate(varv.åtaganden):
            if id_ not in kanda:
                yield _saknas(dok, ("åtaganden", j), "inget åtagande", id_, kanda)


def _indikatorhanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    if v.egenkontrollplan is None and any(d.relativ == "egenkontroll.yaml" for d in v.dokument):
        return  # Planen har fel; de fynden räcker tills den är rättad.
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for j, indikator in enumerate(atagande.indikatorer):
                vag = ("åtaganden", i, "indikatorer", j)
                yield from _indikatorns_egenkontroll(v, dok, vag, indikator)


def _indikatorns_egenkontroll(
    v: Verksamhet, dok: Dokument, vag: tuple[str | int, ...], indikator: Indikator
) -> Iterator[Fynd]:
    moment_id, punkt_id = indikator.egenkontroll, indikator.granskningspunkt
    if moment_id is None:
        if punkt_id is not None:
            text = "Granskningspunkten hör till ett kontrollmoment: ange det med egenkontroll."
            yield dok.fynd_vid((*vag, "granskningspunkt"), ID, text)
        return
    moment = egenkontrollen.hitta_moment(v, moment_id)
    if moment is None:
        kanda = [m.id for m in v.egenkontrollplan[1].kontrollmoment] if v.egenkontrollplan else []
        vad = "inget kontrollmoment i egenkontroll.yaml"
        yield _saknas(dok, (*vag, "egenkontroll"), vad, moment_id, kanda)
        return
    punkter = [p.id for p in moment.granskningspunkter]
    if punkt_id is not None and punkt_id not in punkter:
        vad = f"ingen granskningspunkt i kontrollmomentet {moment_id} som heter"
        yield _saknas(dok, (*vag, "granskningspunkt"), vad, punkt_id, punkter)
        return
    if not punkter:
        text = f"Kontrollmomentet ”{moment_id}” har inga granskningspunkter att hämta utfallet ur."
    elif punkt_id is None and len(punkter) > 1:
        text = (
            f"Kontrollmomentet ”{moment_id}” har flera granskningspunkter"
            f" ({', '.join(punkter)}): ange vilken med granskningspunkt."
        )
    else:
        return
    yield dok.fynd_vid((*vag, "egenkontroll"), ID, text)


def _takets_hanvisningar(v: Verksamhet) -> Iterator[Fynd]:
    if v.huset is None:
        return
    dok, huset = v.huset
    mal = {m.id for m in huset.tak.politiska_mål}
    for i, politiskt in enumerate(huset.tak.politiska_mål):
        if politiskt.bidrar_till is not None and politiskt.bidrar_till not in mal:
            vag = ("tak", "politiska_mål", i, "bidrar_till")
            yield _saknas(dok, vag, "inget politiskt mål", politiskt.bidrar_till, mal)


def _overforda(v: Verksamhet) -> Iterator[Fynd]:
    if v.garaget is None:
        return
    dok, garaget = v.garaget
    filer = set(v.dokumentvagar)
    atgarder = {(p.dok.relativ, p.atgard.id) for p in v.alla_atgarder() if p.atgard.id}
    for i, post in enumerate(garaget.poster):
        if post.överförd_till is None:
            continue
        fil, _, atgard_id = post.överförd_till.partition("#")
        vag = ("poster", i, "överförd_till")
        if fil not in filer:
            yield _saknas(dok, vag, "ingen fil", fil, filer)
        elif atgard_id and (fil, atgard_id) not in atgarder:
            yield dok.fynd_vid(vag, ID, f"Filen {fil} har ingen åtgärd ”{atgard_id}”.")
