"""Taket och bjälklaget i styrningen: årets arbete för de integrerade målen och friskfaktorerna.

Källan (004) säger att jämställdhet ”på ett konkret sätt” ska genomsyra alla processer och
dokument. Ett integrerat mål styr därför bara om något under året pekar på det: ett
åtagande (`integrerade_mål` i ataganden/<år>.yaml) eller en åtgärd. En åtgärd hör till det
år då den ska vara klar (`klart_senast`) eller följas upp (`uppföljning`).

Ett utfall uppdelat på kön säger om en skillnad är motiverad eller omotiverad, och vad
som görs åt en omotiverad.

Bjälklagets friskfaktorer (Vi-sam) ska på samma sätt ”genomsyra verksamhetsstyrningen”:
åtaganden och åtgärder pekar på dem med `friskfaktorer: [id]`.

Delas av reglerna INT001 och INT002 och av kvalitetsberättelsen.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kvalitet.dokument import Dokument
from kvalitet.modell.ataganden import Atagande, Indikator, Konsuppdelat, Skillnad
from kvalitet.modell.huset import Friskfaktor, IntegreratMal
from kvalitet.verksamhet import Atgardsplats, Verksamhet


@dataclass(frozen=True)
class Arbete:
    """Årets arbete för ett integrerat mål eller en friskfaktor: det som pekar på det."""

    mal: IntegreratMal | Friskfaktor
    ataganden: list[Atagande]
    atgarder: list[Atgardsplats]

    @property
    def tomt(self) -> bool:
        """Sant när inget under året pekar på målet."""
        return not self.ataganden and not self.atgarder


def mal(v: Verksamhet) -> list[tuple[int, IntegreratMal]]:
    """Takets integrerade mål med sin plats i listan (för fyndens rad)."""
    return list(enumerate(v.huset[1].tak.integrerade_mål)) if v.huset else []


def arets_ataganden(v: Verksamhet, ar: int) -> Iterator[tuple[Dokument, int, Atagande]]:
    """Årets åtaganden med sin fil och plats i filen."""
    for dok, fil in v.ataganden:
        if fil.år == ar:
            for i, atagande in enumerate(fil.åtaganden):
                yield dok, i, atagande


def arets_atgarder(v: Verksamhet, ar: int) -> list[Atgardsplats]:
    """Åtgärderna som ska vara klara eller följas upp under året."""
    return [
        plats
        for plats in v.alla_atgarder()
        if ar in {d.year for d in (plats.atgard.klart_senast, plats.atgard.uppföljning) if d}
    ]


def arbete(v: Verksamhet, ar: int) -> list[Arbete]:
    """Varje integrerat måls arbete under året, i takets ordning."""
    return _arbete(v, ar, [m for _, m in mal(v)], "integrerade_mål")


def friskfaktorernas_arbete(v: Verksamhet, ar: int) -> list[Arbete]:
    """Varje friskfaktors arbete under året, i bjälklagets ordning."""
    faktorer = v.huset[1].bjälklag.friskfaktorer if v.huset else []
    return _arbete(v, ar, list(faktorer), "friskfaktorer")


def _arbete(
    v: Verksamhet, ar: int, malen: list[IntegreratMal] | list[Friskfaktor], falt: str
) -> list[Arbete]:
    ataganden = [a for _, _, a in arets_ataganden(v, ar)]
    atgarder = arets_atgarder(v, ar)
    return [
        Arbete(
            m,
            [a for a in ataganden if m.id in getattr(a, falt)],
            [p for p in atgarder if m.id in getattr(p.atgard, falt)],
        )
        for m in malen
    ]


def skiljer(uppdelat: Konsuppdelat | None) -> bool:
    """Sant när både kvinnors och mäns utfall finns och de skiljer sig åt."""
    if uppdelat is None or uppdelat.kvinnor is None or uppdelat.män is None:
        return False
    return uppdelat.kvinnor != uppdelat.män


def saknas_i_bedomningen(uppdelat: Konsuppdelat) -> str | None:
    """Vad som saknas i bedömningen av en skillnad mellan könen; None när inget saknas."""
    if uppdelat.skillnad is None:
        return "bedömningen (skillnad: ingen, motiverad eller omotiverad)"
    if uppdelat.skillnad == Skillnad.omotiverad and not uppdelat.åtgärd:
        return "vad som görs åt den omotiverade skillnaden (åtgärd)"
    if uppdelat.skillnad == Skillnad.motiverad and not uppdelat.motivering:
        return "varför skillnaden är motiverad (motivering)"
    return None


def konsuppdelade(atagande: Atagande) -> Iterator[tuple[int, Indikator, Konsuppdelat]]:
    """Åtagandets indikatorer med ett utfall uppdelat på kön, med sin plats."""
    for i, indikator in enumerate(atagande.indikatorer):
        if indikator.utfall_per_kön is not None:
            yield i, indikator, indikator.utfall_per_kön
