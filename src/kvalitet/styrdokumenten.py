"""Styrdokumentens logik: brödtexten, när de ska revideras och vart deras länkar går.

Delas av reglerna (DOK…, LAG…), kommandot `kvalitet styrdokument`, ändringssammanfattningen
och rapporterna.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from urllib.parse import unquote, urlsplit

from kvalitet import arshjulet, markdown, regelverk
from kvalitet.dokument import Dokument, markdown_delar
from kvalitet.modell.styrdokument import Dokumentstatus, Styrdokument
from kvalitet.verksamhet import Verksamhet

MAPP = "styrdokument"


def brodtext(dok: Dokument) -> tuple[str, int]:
    """Dokumentets brödtext och antalet rader före den i filen."""
    return markdown_delar(dok.text or "")[1]


def revideras_senast(v: Verksamhet, dokument: Styrdokument) -> date | None:
    """Dagen dokumentet senast ska ses över.

    `revideras_senast` när den står i huvudet, annars granskningsintervallet
    (`regler.granskning`) räknat från den senaste av `fastställd` och `senast_granskad`.
    """
    if dokument.revideras_senast is not None:
        return dokument.revideras_senast
    fran = max((d for d in (dokument.fastställd, dokument.senast_granskad) if d), default=None)
    if fran is None:
        return None
    manader = regelverk.for_verksamhet(v).granskning.intervall_månader
    return arshjulet.manader_fore(fran, -manader)


def forfallet(v: Verksamhet, dokument: Styrdokument, per: date) -> date | None:
    """Dagen ett fastställt dokument skulle ha reviderats, när den har passerat; annars None."""
    if dokument.status != Dokumentstatus.faststalld:
        return None
    senast = revideras_senast(v, dokument)
    return senast if senast is not None and senast < per else None


# Det som får ändras i ett fastställt dokuments huvud utan ett nytt beslut: en översyn utan
# ändring, eller att dokumentet upphävs.
_OVERSYN = {"senast_granskad", "revideras_senast", "status"}


def andrat_utan_beslut(gammal: Dokument, ny: Dokument) -> bool:
    """Om ett fastställt dokument har ändrats utan ny version och nytt fastställelsedatum.

    Ett fastställt dokument är ett beslut; en ändring av brödtexten eller huvudet behöver
    ett nytt beslut (ny `version` och nytt `fastställd`). En översyn utan ändring
    (`senast_granskad`, `revideras_senast`) och att upphäva dokumentet behöver det inte.
    """
    fore, efter = gammal.modell, ny.modell
    if not isinstance(fore, Styrdokument) or not isinstance(efter, Styrdokument):
        return False
    if fore.status != Dokumentstatus.faststalld or efter.status == Dokumentstatus.upphavd:
        return False
    andrat = fore.model_dump(exclude=_OVERSYN) != efter.model_dump(exclude=_OVERSYN) or (
        brodtext(gammal)[0] != brodtext(ny)[0]
    )
    nytt_beslut = efter.version != fore.version and efter.fastställd != fore.fastställd
    return andrat and not nytt_beslut


class Maltyp(StrEnum):
    """Vart en länk i ett styrdokument går."""

    dokument = "dokument"
    rum = "rum"
    process = "process"
    fil = "fil"
    extern = "extern"


@dataclass(frozen=True)
class Lankmal:
    """En länks mål, och varför den inte går att följa (None när den går)."""

    typ: Maltyp
    id: str | None
    """Dokumentets, rummets eller processens id (för typ dokument, rum och process)."""
    ankare: str | None
    fel: str | None


def lankmal(v: Verksamhet, dok: Dokument, mal: str) -> Lankmal:
    """Vart en länk i dokumentet går, och om målet finns."""
    delar = urlsplit(mal)
    if delar.scheme in ("http", "https", "mailto", "tel"):
        return Lankmal(Maltyp.extern, None, None, None)
    if delar.scheme in ("rum", "process"):
        return _i_huset(v, Maltyp(delar.scheme), delar.path)
    if delar.scheme:
        return Lankmal(Maltyp.extern, None, None, f"Länktypen ”{delar.scheme}:” används inte.")
    sokvag, ankaret = unquote(delar.path), unquote(delar.fragment) or None
    if not sokvag:  # #ankare i samma dokument
        return _dokument(v, dok.relativ.rsplit("/", 1)[-1].removesuffix(".md"), ankaret)
    if sokvag.endswith(".md") and "/" not in sokvag:
        return _dokument(v, sokvag.removesuffix(".md"), ankaret)
    return _fil(v, dok, sokvag)


def _i_huset(v: Verksamhet, typ: Maltyp, id_: str) -> Lankmal:
    kanda = {r.id for r in v.rum} if typ == Maltyp.rum else _processer(v)
    fel = (
        None
        if id_ in kanda
        else f"Huset har {'inget rum' if typ == Maltyp.rum else 'ingen process'} ”{id_}”."
    )
    return Lankmal(typ, id_, None, fel)


def _processer(v: Verksamhet) -> set[str]:
    return {p.id for p in v.huset[1].processer} if v.huset else set()


def _dokument(v: Verksamhet, id_: str, ankaret: str | None) -> Lankmal:
    hittat = dokument_med_id(v, id_)
    if hittat is None:
        return Lankmal(Maltyp.dokument, id_, ankaret, f"Det finns inget styrdokument ”{id_}”.")
    if ankaret and ankaret not in {r.ankare for r in markdown.rubriker(brodtext(hittat[0])[0])}:
        fel = f"Styrdokumentet ”{id_}” har ingen rubrik med ankaret ”#{ankaret}”."
        return Lankmal(Maltyp.dokument, id_, ankaret, fel)
    return Lankmal(Maltyp.dokument, id_, ankaret, None)


def _fil(v: Verksamhet, dok: Dokument, sokvag: str) -> Lankmal:
    # En bild eller bilaga bredvid dokumentet, relativt styrdokument/.
    mal = (dok.sokvag.parent / sokvag).resolve()
    finns = mal.is_file() and mal.is_relative_to(v.rot.resolve())
    return Lankmal(Maltyp.fil, None, None, None if finns else f"Filen ”{sokvag}” finns inte.")


def dokument_med_id(v: Verksamhet, id_: str) -> tuple[Dokument, Styrdokument] | None:
    """Styrdokumentet med id:t, om det finns och har ett giltigt huvud."""
    return v.styrdokument_per_id.get(id_)


def hanvisningar(v: Verksamhet) -> dict[str, list[str]]:
    """Vilka dokument som länkar till varje dokument (id → id:n som hänvisar dit)."""
    till: dict[str, list[str]] = {}
    for dok, dokument in v.styrdokument:
        for lank in markdown.lankar(brodtext(dok)[0]):
            mal = lankmal(v, dok, lank.mal)
            if mal.typ == Maltyp.dokument and mal.id and mal.id != dokument.id:
                till.setdefault(mal.id, [])
                if dokument.id not in till[mal.id]:
                    till[mal.id].append(dokument.id)
    return till


def omsatter(v: Verksamhet) -> dict[str, list[str]]:
    """Lagkravens id → de fastställda styrdokument (id) som omsätter dem."""
    resultat: dict[str, list[str]] = {}
    for _, dokument in v.styrdokument:
        if dokument.status == Dokumentstatus.faststalld:
            for krav in dokument.lagkrav:
                resultat.setdefault(krav, []).append(dokument.id)
    return resultat
