"""Målkedjan: från kommunfullmäktiges mål via nämndens och enhetens mål till åtagandena.

Målen står i husets tak (`tak.politiska_mål`), vart och ett med sin nivå och, för nämndens
och enhetens mål, det mål på nivån ovanför som det bryter ned (`bidrar_till`). Ett
åtagande pekar ut de mål det bidrar till (`politiska_mål`, helst enhetens); kedjan uppåt
följer `bidrar_till`. Under åtagandet följer indikatorerna och, där källan ber om det,
hur åtagandet följs upp för den enskilde (`klientnivå`).

Delas av regeln MKD001, kvalitetsberättelsen och webbplatsen.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvalitet.modell.ataganden import Atagande
from kvalitet.modell.huset import MALNIVAER, Malniva, PolitisktMal
from kvalitet.verksamhet import Verksamhet


@dataclass(frozen=True)
class Kedja:
    """Ett åtagandes väg upp genom målen: ett mål per nivå, None där en nivå saknas."""

    atagande: Atagande
    mal: dict[Malniva, PolitisktMal | None]

    @property
    def hel(self) -> bool:
        """Sant när kedjan når från fullmäktige till åtagandet utan lucka."""
        return all(self.mal.values())


def mal_per_id(v: Verksamhet) -> dict[str, PolitisktMal]:
    """Takets politiska mål efter id."""
    return {m.id: m for m in v.huset[1].tak.politiska_mål} if v.huset else {}


def uppat(mal: dict[str, PolitisktMal], id_: str) -> list[PolitisktMal]:
    """Målet och målen ovanför det (via `bidrar_till`), nedifrån och upp.

    Kedjan slutar vid ett mål som saknas, och vid ett mål som inte ligger på en högre nivå
    än det förra (så att en slinga inte kan ge en oändlig kedja).
    """
    kedja: list[PolitisktMal] = []
    nasta: str | None = id_
    while nasta is not None and nasta in mal:
        steg = mal[nasta]
        if kedja and MALNIVAER.index(steg.nivå) >= MALNIVAER.index(kedja[-1].nivå):
            break
        kedja.append(steg)
        nasta = steg.bidrar_till
    return kedja


def kedjor(v: Verksamhet, atagande: Atagande) -> list[Kedja]:
    """En kedja per mål som åtagandet pekar ut (en tom kedja när det inte pekar ut något)."""
    mal = mal_per_id(v)
    kedjorna = []
    utpekade: list[str | None] = [*atagande.politiska_mål] or [None]
    for id_ in utpekade:
        per_niva: dict[Malniva, PolitisktMal | None] = dict.fromkeys(MALNIVAER)
        for steg in uppat(mal, id_) if id_ else []:
            per_niva[steg.nivå] = steg
        kedjorna.append(Kedja(atagande, per_niva))
    return kedjorna


def brott(v: Verksamhet, mal: PolitisktMal) -> str | None:
    """Varför ett mål inte hänger ihop med nivån ovanför, eller None när det gör det."""
    if mal.nivå == Malniva.kommunfullmaktige:
        return None
    if mal.bidrar_till is None:
        return f"{_NIVANAMN[mal.nivå]} ”{mal.id}” bidrar inte till något mål ovanför (bidrar_till)."
    ovanfor = mal_per_id(v).get(mal.bidrar_till)
    if ovanfor is None:
        return None  # ett okänt id är REF002
    if MALNIVAER.index(ovanfor.nivå) >= MALNIVAER.index(mal.nivå):
        return (
            f"{_NIVANAMN[mal.nivå]} ”{mal.id}” bidrar till ”{ovanfor.id}”, som inte ligger"
            f" ovanför det i målkedjan ({ovanfor.nivå})."
        )
    return None


_NIVANAMN = {
    Malniva.kommunfullmaktige: "Fullmäktiges mål",
    Malniva.namnd: "Nämndens mål",
    Malniva.enhet: "Enhetens mål",
}
