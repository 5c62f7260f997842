"""Att läsa många filer: ur cachen när de inte har ändrats, och parallellt annars.

En avvikelse som inte har ändrats kan läsas bara som sitt index (se
kvalitet.modell.avvikelse.Avvikelseindex), och i den stegvisa kontrollen med sina sparade
fynd; då behöver varken filen eller hela modellen läsas.

Tolkningen av YAML och valideringen mot modellerna är det som kostar i en stor
verksamhet, och varje fil tolkas för sig. Därför delas filerna på datorns kärnor när de
är många; hänvisningarna mellan dokumenten prövas sedan av reglerna i huvudprocessen.
Resultatet är detsamma som när allt läses i en process (det prövas i testerna).
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from kvalitet.dokument import Dokument, LattDokument, las_dokument
from kvalitet.fynd import Fynd
from kvalitet.lasning import cache
from kvalitet.lasning.filer import Fil
from kvalitet.modell import filtyp_for
from kvalitet.modell.avvikelse import Avvikelse, Avvikelseindex
from kvalitet.personnummer import Personnummertraff, Traff

GRANS = 300
"""Färre filer än så läses i en process: att starta fler kostar mer än det sparar."""


@dataclass
class Inlast:
    """Det som lästes: dokumenten och, i den stegvisa kontrollen, de olästa avvikelserna."""

    dokument: list[Dokument]
    olasta: list[tuple[Dokument, Avvikelseindex]]
    """Avvikelser som inte har ändrats och lästes bara som index, ur cachen."""
    sparade_fynd: list[Fynd]
    """De olästa avvikelsernas fynd ur cachen (reglerna utan TVARS)."""
    _rot: Path
    _nya: cache.Poster
    """Nya rader i cachen: de nytolkade dokumenten utan fel."""
    _finns: set[str]
    _summor: dict[str, str]
    _index: dict[str, str]
    """Avvikelsernas index (JSON) efter väg: fyndens signatur täcker också indexet."""
    _andrad: bool

    def spara(self, fynd: Mapping[str, list[Fynd]] | None = None, nyckel: str = "") -> None:
        """Skriv cachen, med fynden för de lästa avvikelserna (efter dokumentets väg).

        Args:
            fynd: De lästa avvikelsernas fynd från reglerna som inte har TVARS.
            nyckel: Det som fynden gäller för (se kvalitet.lasning.cache.fyndnyckel).
        """
        sparas = {
            vag: (
                "avvikelse",
                self._summor[vag],
                self._index[vag],
                nyckel,
                json.dumps([astuple(f) for f in lista], ensure_ascii=False),
            )
            for vag, lista in (fynd or {}).items()
            if vag in self._summor and vag in self._index
        }
        if self._andrad or sparas:
            cache.skriv(self._rot, self._nya, sparas, self._finns)


def las(
    rot: Path,
    filer: Sequence[Fil],
    anvand_cache: bool,
    parallell: bool | None,
    olasta: Sequence[Fil] = (),
    som_index: bool = False,
    fyndnyckel: str | None = None,
) -> Inlast:
    """Alla filers dokument, i samma ordning som filerna; cachen skrivs med Inlast.spara.

    Args:
        rot: Verksamhetens rot.
        filer: Dokumentens filer.
        anvand_cache: Läs och skriv cachen i `.kvalitet/cache/`.
        parallell: Läs parallellt (True), i en process (False) eller efter antalet (None).
        olasta: Dokument som finns men inte behövs den här gången; deras rader i cachen
            behålls som de är.
        som_index: En avvikelse som inte har ändrats läses bara som sitt index (se
            kvalitet.modell.avvikelse.Avvikelseindex), ur cachen.
        fyndnyckel: För den stegvisa kontrollen: en avvikelse som inte har ändrats och
            har sparade fynd med den här nyckeln läses bara som sitt index, och dess
            fynd tas ur cachen.

    Returns:
        Dokumenten, och de olästa avvikelserna.
    """
    filtyper = {typ.namn for fil in filer if (typ := filtyp_for(fil.relativ)) is not None}
    som_index = som_index or fyndnyckel is not None
    huvuden = cache.las(rot, filtyper, som_index, fyndnyckel) if anvand_cache else {}
    summor: dict[str, str] = {}
    index: list[tuple[Dokument, Avvikelseindex]] = []
    sparade: list[Fynd] = []
    ur_cachen: list[Fil] = []
    for fil in filer:
        with contextlib.suppress(OSError):
            if anvand_cache and not fil.utanfor:
                summor[fil.relativ] = fil.summa()
        post = huvuden.get(fil.relativ) if fil.relativ in summor else None
        if post is None or not _galler(fil, summor[fil.relativ], post):
            continue
        ur_index = _ur_indexet(fil, post, fyndnyckel) if som_index else None
        if ur_index is None:
            ur_cachen.append(fil)
        else:
            index.append(ur_index[0])
            sparade.extend(ur_index[1])
    modeller = cache.las_modeller(rot, [fil.relativ for fil in ur_cachen])
    lasta = {
        fil.relativ: _ur_cachen(fil, *modeller[fil.relativ][1:])
        for fil in ur_cachen
        if modeller.get(fil.relativ, ("",))[0] == summor[fil.relativ]
    }
    indexerade = {dok.relativ for dok, _ in index}
    att_tolka = [
        fil for fil in filer if lasta.get(fil.relativ) is None and fil.relativ not in indexerade
    ]
    tolkade = dict(
        zip([fil.relativ for fil in att_tolka], _tolka(att_tolka, parallell), strict=True)
    )
    dokument = [
        dok
        for fil in filer
        if (dok := lasta.get(fil.relativ) or tolkade.get(fil.relativ)) is not None
    ]
    finns = {fil.relativ for fil in [*filer, *olasta]}
    nya: cache.Poster = {}
    for vag, dok in tolkade.items():
        if vag in summor and (post := cache.post(dok, summor[vag], _index(dok))):
            nya[vag] = post
    andrad = anvand_cache and (bool(att_tolka) or any(vag not in finns for vag in huvuden))
    indexen = {
        vag: post["index"] for vag, post in [*huvuden.items(), *nya.items()] if post.get("index")
    }
    return Inlast(dokument, index, sparade, rot, nya, finns, summor, indexen, andrad)


def _galler(fil: Fil, summa: str, post: Any) -> bool:
    """Sant när cachens rad gäller filen som den är nu: samma innehåll (kontrollsumman)."""
    filtyp = filtyp_for(fil.relativ)
    try:
        return (
            filtyp is not None
            and not fil.utanfor
            and post["summa"] == summa
            and post["filtyp"] == filtyp.namn
        )
    except (KeyError, TypeError):
        return False


def _ur_indexet(
    fil: Fil, post: Any, nyckel: str | None
) -> tuple[tuple[Dokument, Avvikelseindex], list[Fynd]] | None:
    """En oförändrad avvikelses index (och med en nyckel dess sparade fynd), eller None.

    Med en nyckel blir det None när fynden inte finns eller gäller en annan nyckel.
    Dokumentet har indexet som modell; texten läses bara om ett fynd behöver en rad.
    """
    try:
        if "index" not in post:
            return None
        fynd: list[Fynd] = []
        if nyckel is not None:
            if "fynd" not in post:  # inga fynd för den här nyckeln (se cache.las)
                return None
            if post["fynd"] != "[]":
                fynd = [
                    Fynd(str(f), int(rad), int(kol), str(regel), str(text))
                    for f, rad, kol, regel, text in json.loads(post["fynd"])
                ]
        index = Avvikelseindex.model_validate_json(post["index"])
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    dok = LattDokument.ur_fil(fil, filtyp_for(fil.relativ))
    dok.modell = index
    return (dok, index), fynd


def _ur_cachen(fil: Fil, modell: str, pnr: list[Any]) -> Dokument | None:
    """Dokumentet ur sin rad i cachen (som gäller filen, se _galler), eller None."""
    filtyp = filtyp_for(fil.relativ)
    if filtyp is None:
        return None
    try:
        dok = LattDokument.ur_fil(fil, filtyp)
        dok.modell = filtyp.modell.model_validate_json(modell)
        dok.personnummer = [
            Personnummertraff(t["fil"], Traff(**t["traff"]), bool(t["saknar_skal"])) for t in pnr
        ]
    except (KeyError, TypeError, ValueError):
        return None
    return dok


def _index(dok: Dokument) -> str | None:
    if isinstance(dok.modell, Avvikelse):
        return Avvikelseindex.ur(dok.modell).model_dump_json()
    return None


def _tolka(filer: list[Fil], parallell: bool | None) -> list[Dokument]:
    arbetare = min(os.cpu_count() or 1, 8)
    if parallell is False or arbetare < 2 or (parallell is None and len(filer) < GRANS):
        return _las_del(filer)
    storlek = -(-len(filer) // (arbetare * 4))  # några delar per kärna jämnar ut lasten
    delar = [filer[i : i + storlek] for i in range(0, len(filer), storlek)]
    try:
        with ProcessPoolExecutor(max_workers=arbetare, mp_context=_sammanhang()) as pool:
            delresultat = pool.map(_las_del_latt, delar)
            return [dok for del_ in delresultat for dok in del_]
    except (OSError, BrokenProcessPool):
        return _las_del(filer)  # utan fler processer (till exempel i en sandlåda)


def _sammanhang() -> multiprocessing.context.BaseContext:
    # fork är snabbast där det finns (Linux); annars plattformens standard.
    metoder = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in metoder else None)


def _las_del(filer: Sequence[Fil]) -> list[Dokument]:
    return [las_dokument(fil, filtyp_for(fil.relativ)) for fil in filer]


def _las_del_latt(filer: Sequence[Fil]) -> list[Dokument]:
    # Tillbaka till huvudprocessen skickas bara modellen och träffarna för felfria
    # dokument; text och data läses där först om en regel behöver dem (som ur cachen).
    return [_latt(dok) for dok in _las_del(filer)]


def _latt(dok: Dokument) -> Dokument:
    if dok.modell is None or dok.inlasningsfynd or dok.valideringsfel:
        return dok
    latt = LattDokument(dok.relativ, dok.sokvag, dok.filtyp)
    latt.modell, latt.personnummer = dok.modell, dok.personnummer
    return latt
