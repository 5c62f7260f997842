"""Att läsa många filer: ur cachen när de inte har ändrats, och parallellt annars.

Tolkningen av YAML och valideringen mot modellerna är det som kostar i en stor
verksamhet, och varje fil tolkas för sig. Därför delas filerna på datorns kärnor när de
är många; hänvisningarna mellan dokumenten prövas sedan av reglerna i huvudprocessen.
Resultatet är detsamma som när allt läses i en process (det prövas i testerna).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from kvalitet import cache
from kvalitet.dokument import Dokument, LattDokument, las_dokument
from kvalitet.filer import Fil
from kvalitet.modell import filtyp_for
from kvalitet.personnummer import Personnummertraff, Traff

GRANS = 300
"""Färre filer än så läses i en process: att starta fler kostar mer än det sparar."""


def las(
    rot: Path,
    filer: Sequence[Fil],
    anvand_cache: bool,
    parallell: bool | None,
    olasta: Sequence[Fil] = (),
) -> list[Dokument]:
    """Alla filers dokument, i samma ordning som filerna.

    Args:
        rot: Verksamhetens rot.
        filer: Dokumentens filer.
        anvand_cache: Läs och skriv cachen i `.kvalitet/cache/`.
        parallell: Läs parallellt (True), i en process (False) eller efter antalet (None).
        olasta: Dokument som finns men inte behövs den här gången; deras poster i cachen
            behålls som de är.

    Returns:
        Dokumenten.
    """
    poster = cache.las(rot) if anvand_cache else {}
    dokument: list[Dokument | None] = []
    stat: dict[str, tuple[os.stat_result, str]] = {}
    att_tolka: list[tuple[int, Fil]] = []
    for index, fil in enumerate(filer):
        dok = None
        with contextlib.suppress(OSError):
            if anvand_cache and not fil.utanfor:
                stat[fil.relativ] = (fil.stat(), fil.summa())
            if fil.relativ in stat and fil.relativ in poster:
                dok = _ur_cachen(fil, *stat[fil.relativ], poster[fil.relativ])
        dokument.append(dok)
        if dok is None:
            att_tolka.append((index, fil))
    tolkade = _tolka([fil for _, fil in att_tolka], parallell)
    for (index, _), dok in zip(att_tolka, tolkade, strict=True):
        dokument[index] = dok
    klara = [dok for dok in dokument if dok is not None]
    behallna = {fil.relativ: poster[fil.relativ] for fil in olasta if fil.relativ in poster}
    if anvand_cache and (att_tolka or len(poster) != len(klara) + len(behallna)):
        tolkade_filer = {dok.relativ for dok in tolkade}
        cache.skriv(rot, behallna | _nya_poster(klara, tolkade_filer, poster, stat))
    return klara


def _ur_cachen(fil: Fil, stat: os.stat_result, summa: str, post: Any) -> Dokument | None:
    """Dokumentet ur sin post i cachen, om posten gäller filen som den är nu; annars None.

    Storleken sållar bort det mesta som har ändrats; det är kontrollsumman av innehållet
    som avgör.
    """
    filtyp = filtyp_for(fil.relativ)
    try:
        if (
            filtyp is None
            or fil.utanfor
            or (
                post["storlek"] != stat.st_size
                or post["summa"] != summa
                or post["filtyp"] != filtyp.namn
            )
        ):
            return None
        modell = filtyp.modell.model_validate_json(post["modell"])
        traffar = [
            Personnummertraff(t["fil"], Traff(**t["traff"]), bool(t["saknar_skal"]))
            for t in post["pnr"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    dok = LattDokument(fil.relativ, fil.sokvag, filtyp)
    dok.modell = modell
    dok.personnummer = traffar
    return dok


def _nya_poster(
    dokument: list[Dokument],
    tolkade: set[str],
    gamla: cache.Poster,
    stat: dict[str, tuple[os.stat_result, str]],
) -> cache.Poster:
    poster: cache.Poster = {}
    for dok in dokument:
        if dok.relativ not in stat:
            continue
        # Ett dokument ur cachen behåller sin post; ett nytolkat får en ny.
        ny = cache.post(dok, *stat[dok.relativ]) if dok.relativ in tolkade else None
        post = ny if dok.relativ in tolkade else gamla.get(dok.relativ)
        if post is not None:
            poster[dok.relativ] = post
    return poster


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
