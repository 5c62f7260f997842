"""Jämförelser med andra kommuner (Kolada): en tabell och ett linjediagram per nyckeltal.

Kommunen mot jämförelsegruppen och riket, år för år, ur omvarld/kolada/<kpi>.yaml. Ett
värde som saknas visas som ”saknas” (i diagrammet som en lucka i linjen), aldrig som 0.
"""

from __future__ import annotations

from dataclasses import dataclass

from kvalitet.arbete.kolada import Jamforelse, jamforelser, visa
from kvalitet.modell.kolada import Kon
from kvalitet.rapporter import Bild
from kvalitet.rapporter.bilder import linjediagram
from kvalitet.verksamhet import Verksamhet

KALLA = "Källa: Kolada"
KONSNAMN = {Kon.T: "Totalt", Kon.K: "Kvinnor", Kon.M: "Män"}


@dataclass(frozen=True)
class Tabellrad:
    """Ett år (och kön, när nyckeltalet är uppdelat) med värdet för varje område."""

    ar: int
    kon: str | None
    celler: list[str]


@dataclass(frozen=True)
class Koladatabell:
    """Ett nyckeltal: tabellen och diagrammet (None när inga värden är importerade)."""

    kpi: str
    titel: str
    kolumner: list[str]
    uppdelad: bool
    rader: list[Tabellrad]
    bild: Bild | None
    fil: str | None


@dataclass(frozen=True)
class Koladaavsnitt:
    """Avsnittet om Kolada: en tabell per inställt nyckeltal och källan."""

    tabeller: list[Koladatabell]
    kalla: str = KALLA

    @property
    def bilder(self) -> list[Bild]:
        """Diagrammen, för rapportens bildfiler."""
        return [t.bild for t in self.tabeller if t.bild is not None]


def avsnitt(v: Verksamhet, ar: int) -> Koladaavsnitt:
    """Jämförelserna för året `ar` och åren före (högst sex år)."""
    return Koladaavsnitt([_tabell(j) for j in jamforelser(v, ar)])


def _tabell(j: Jamforelse) -> Koladatabell:
    uppdelad = len(j.kon) > 1
    rader = [
        Tabellrad(
            ar, KONSNAMN[kon] if uppdelad else None, [_cell(j, o.kod, ar, kon) for o in j.omraden]
        )
        for ar in j.ar
        for kon in j.kon
        if kon == Kon.T or any((o.kod, ar, kon) in j.varden for o in j.omraden)
    ]
    return Koladatabell(
        kpi=j.kpi,
        titel=j.titel,
        kolumner=[o.namn for o in j.omraden],
        uppdelad=uppdelad,
        rader=rader,
        bild=_diagram(j) if j.ar else None,
        fil=j.fil,
    )


def _cell(j: Jamforelse, kod: str, ar: int, kon: Kon) -> str:
    return visa(j.varde(kod, ar, kon))


def _diagram(j: Jamforelse) -> Bild:
    serier = [(o.namn, [j.varde(o.kod, ar) for ar in j.ar]) for o in j.omraden]
    return linjediagram(
        f"kolada-{j.kpi}",
        f"{j.titel} ({j.kpi}) {j.ar[0]}–{j.ar[-1]}",
        _beskrivning(j, serier),
        [str(ar) for ar in j.ar],
        serier,
    )


def _beskrivning(j: Jamforelse, serier: list[tuple[str, list[float | None]]]) -> str:
    delar = [
        f"{namn}: " + ", ".join(f"{ar} {visa(x)}" for ar, x in zip(j.ar, varden, strict=True))
        for namn, varden in serier
    ]
    return (
        f"Linjediagram över {j.titel} ({j.kpi}), totalt för båda könen, år för år. "
        + ". ".join(delar)
        + f". {KALLA}."
    )
