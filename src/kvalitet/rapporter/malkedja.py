"""Målkedjan i rapporterna: en bild och en tabell från fullmäktiges mål till åtagandena.

Kedjorna kommer ur kvalitet.malkedjan; här byggs tabellens rader och bildens geometri
(rutor per nivå, linjer mellan dem). Bilden följer samma regler som de andra bilderna
(se kvalitet.rapporter.bilder): inget utifrån, ingen stil, texterna escapas av mallen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kvalitet import egenkontrollen, malkedjan, rendering
from kvalitet.malkedjan import Kedja
from kvalitet.modell.ataganden import Atagande, Indikator
from kvalitet.modell.huset import MALNIVAER, Malniva
from kvalitet.rapporter import MARKOR, Bild, Huvud, Uppdrag, huvud
from kvalitet.rapporter.bilder import (
    DAMPAD,
    TECKENBREDD,
    TEXT,
    YTA,
    Del,
    Ram,
    Ruta,
    Text,
    radbryt,
)
from kvalitet.svenska import antal, tal
from kvalitet.verksamhet import Verksamhet

NIVARUBRIKER = ("Kommunfullmäktige", "Nämnden", "Enheten", "Åtaganden")

LAGEFARG = {
    "uppfyllt": "#dafbe1",
    "delvis uppfyllt": "#fff8c5",
    "ej uppfyllt": "#ffebe9",
}
"""Åtagandets ruta i bilden efter hur långt det har nått (annars grå)."""


@dataclass(frozen=True)
class Kedjerad:
    """En rad i målkedjans tabell: målen på varje nivå och åtagandet med indikatorerna."""

    mal: tuple[str | None, str | None, str | None]
    """Fullmäktiges, nämndens och enhetens mål (None där kedjan har en lucka)."""
    atagande_id: str
    atagande: str
    indikatorer: list[str]
    lage: str
    klientniva: str | None


@dataclass(frozen=True)
class Malkedjeavsnitt:
    """Målkedjan för ett år: tabellen, bilden och hur många kedjor som är hela."""

    ar: int
    enhet: str | None
    rader: list[Kedjerad]
    bild: Bild | None
    hela: int


@dataclass(frozen=True)
class Malkedjesida:
    """Målkedjans sida på webbplatsen."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    kedja: Malkedjeavsnitt


def sida(v: Verksamhet, uppdrag: Uppdrag) -> Malkedjesida:
    """Målkedjan för uppdragets år som egen sida."""
    return Malkedjesida(f"Målkedjan {uppdrag.ar}", huvud(v, uppdrag), [], avsnitt(v, uppdrag.ar))


@dataclass(frozen=True)
class Nod:
    """En ruta i bilden: ett mål eller ett åtagande, med en full text för skärmläsare."""

    niva: int
    beskrivning: str
    del_: Del[Ruta]
    saknas: bool
    lage: str | None = None
    """Åtagandets läge (uppfyllt, delvis uppfyllt …), som står i rutan och ger dess färg."""


@dataclass(frozen=True)
class Malkedjevy:
    """Bildens vy-modell."""

    ram: Ram
    rubriker: tuple[Text, ...]
    noder: tuple[Nod, ...]
    banor: tuple[str, ...]


def avsnitt(v: Verksamhet, ar: int) -> Malkedjeavsnitt:
    """Målkedjan för årets åtaganden."""
    fil = next((f for _, f in v.ataganden if f.år == ar), None)
    # Utfallen ur egenkontrollen räknas in, så att läget blir detsamma som i åtagandena.
    arets = [egenkontrollen.med_hamtade_utfall(v, a, ar) for a in (fil.åtaganden if fil else [])]
    kedjor = _ordnade(v, [k for a in arets for k in malkedjan.kedjor(v, a)])
    rader = [_rad(k) for k in kedjor]
    hela = sum(1 for k in kedjor if k.hel)
    bild = _bild(v, ar, kedjor, hela) if kedjor else None
    return Malkedjeavsnitt(ar, fil.enhet if fil else None, rader, bild, hela)


def _ordnade(v: Verksamhet, kedjor: list[Kedja]) -> list[Kedja]:
    # Kedjor med samma mål står intill varandra, i takets ordning, så att ett mål blir en ruta.
    ordning = {m.id: i for i, m in enumerate(v.huset[1].tak.politiska_mål)} if v.huset else {}

    def nyckel(k: Kedja) -> tuple[int | str, ...]:
        platser = [ordning.get(m.id, len(ordning)) if m else len(ordning) for m in k.mal.values()]
        return (*platser, k.atagande.id)

    return sorted(kedjor, key=nyckel)


def _rad(k: Kedja) -> Kedjerad:
    mal = tuple(m.mål if m else None for m in k.mal.values())
    a = k.atagande
    return Kedjerad(
        (mal[0], mal[1], mal[2]),
        a.id,
        a.åtagande,
        [_indikator(i) for i in a.indikatorer],
        a.lage(),
        a.klientnivå,
    )


def _indikator(i: Indikator) -> str:
    enhet = f" {i.enhet}" if i.enhet else ""
    utfall = tal(i.utfall) if i.utfall is not None else "utfall saknas"
    mal = f" (mål {tal(i.målvärde)}{enhet})" if i.målvärde is not None else ""
    return f"{i.namn}: {utfall}{enhet if i.utfall is not None else ''}{mal}"


# Bilden

_X0 = 12
_KOLUMN = 186
_MELLAN = 32
_TOPP = 58
_RAD = 66
_RUTA = 56
_STIL = 11
_RADAVSTAND = 13.5
_TECKEN = int((_KOLUMN - 14) / (_STIL * TECKENBREDD))


def _bild(v: Verksamhet, ar: int, kedjor: list[Kedja], hela: int) -> Bild:
    vy = _vy(v, ar, kedjor, hela)
    svg = rendering.rendera_svg("malkedja", vy=vy, markor=MARKOR)
    return Bild("malkedja", vy.ram.titel, vy.ram.beskrivning, svg)


def _vy(v: Verksamhet, ar: int, kedjor: list[Kedja], hela: int) -> Malkedjevy:
    bredd = 2 * _X0 + 4 * _KOLUMN + 3 * _MELLAN
    hojd = _TOPP + len(kedjor) * _RAD + 10
    noder: list[Nod] = []
    mitt: dict[tuple[int, int], float] = {}  # (nivå, rad) → rutans mitt i höjdled
    for niva, malniva in enumerate(MALNIVAER):
        for forsta, sista, mal in _spann(kedjor, malniva):
            y = _TOPP + (forsta + sista) / 2 * _RAD
            text = mal.mål if mal else "Inget mål på den här nivån"
            noder.append(_nod(niva, y, text, None, saknas=mal is None))
            for rad in range(forsta, sista + 1):
                mitt[(niva, rad)] = y + _RUTA / 2
    for rad, k in enumerate(kedjor):
        y = _TOPP + rad * _RAD
        noder.append(_nod(3, y, f"{k.atagande.id}: {k.atagande.åtagande}", k.atagande))
        mitt[(3, rad)] = y + _RUTA / 2
    banor = sorted(
        {_bana(n, mitt[(n, r)], mitt[(n + 1, r)]) for n in range(3) for r in range(len(kedjor))}
    )
    enhet = next((f.enhet for _, f in v.ataganden if f.år == ar and f.enhet), None)
    titel = f"Målkedjan {ar}" + (f": {enhet}" if enhet else "")
    beskrivning = (
        f"Målkedjan från kommunfullmäktiges mål via nämndens och enhetens mål till"
        f" {antal(len({k.atagande.id for k in kedjor}), 'åtagande', 'åtaganden')};"
        f" {hela} av {len(kedjor)} kedjor är hela. Tabellen under bilden har samma innehåll."
    )
    rubriker = tuple(
        Text(_X0 + i * (_KOLUMN + _MELLAN) + _KOLUMN / 2, 34, namn, 12, DAMPAD, fet=True)
        for i, namn in enumerate(NIVARUBRIKER)
    )
    return Malkedjevy(
        Ram("malkedja", bredd, hojd, titel, beskrivning), rubriker, tuple(noder), tuple(banor)
    )


def _spann(kedjor: list[Kedja], niva: Malniva) -> list[tuple[int, int, Any]]:
    """Raderna som varje mål på nivån täcker: (första, sista, målet eller None)."""
    spann: list[tuple[int, int, Any]] = []
    for rad, k in enumerate(kedjor):
        mal = k.mal[niva]
        if spann and mal is not None and spann[-1][2] is mal and spann[-1][1] == rad - 1:
            spann[-1] = (spann[-1][0], rad, mal)
        else:
            spann.append((rad, rad, mal))
    return spann


def _nod(niva: int, y: float, text: str, atagande: Atagande | None, saknas: bool = False) -> Nod:
    x = _X0 + niva * (_KOLUMN + _MELLAN)
    lage = atagande.lage() if atagande else None
    # Åtagandets läge står i rutan (fetstil, sista raden), inte bara i färgen.
    rader = [*radbryt(text, _TECKEN, 2), lage] if lage else radbryt(text, _TECKEN, 3)
    forsta = y + _RUTA / 2 - (len(rader) - 1) * _RADAVSTAND / 2 + 4
    fyllning = LAGEFARG.get(lage, YTA) if lage else ("#ffffff" if saknas else YTA)
    texter = tuple(
        Text(
            x + _KOLUMN / 2,
            round(forsta + i * _RADAVSTAND, 1),
            rad,
            _STIL,
            DAMPAD if saknas else TEXT,
            fet=lage is not None and i == len(rader) - 1,
        )
        for i, rad in enumerate(rader)
    )
    ruta = Ruta(x, round(y, 1), _KOLUMN, _RUTA, fyllning, DAMPAD if saknas else TEXT, 1, 6)
    beskrivning = f"{text} ({lage})" if lage else text
    return Nod(niva, beskrivning, Del(ruta, texter), saknas, lage)


def _bana(niva: int, fran: float, till: float) -> str:
    x1 = _X0 + niva * (_KOLUMN + _MELLAN) + _KOLUMN
    x2, halv = x1 + _MELLAN, _MELLAN / 2
    y1, y2 = round(fran, 1), round(till, 1)
    return f"M{x1} {y1} C{x1 + halv} {y1} {x2 - halv} {y2} {x2} {y2}"
