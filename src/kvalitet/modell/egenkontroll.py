"""egenkontroll.yaml och egenkontroll/<år>/<id>.yaml: planen för egenkontrollen och resultaten.

Egenkontroll är systematisk uppföljning av den egna verksamheten och kontroll av att
den bedrivs enligt ledningssystemets processer och rutiner (SOSFS 2011:9 2 kap. 1 §),
med den frekvens och omfattning som behövs (5 kap. 2 §). Planen säger vad som
kontrolleras, hur, hur ofta och av vem; varje genomförd kontroll är en egen fil.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from kvalitet.modell._bas import Atgard, Basmodell, Datum, Id, Text


class Kontrollmetod(StrEnum):
    """Hur kontrollmomentet görs."""

    aktgranskning = "aktgranskning"
    arendegranskning = "ärendegranskning"
    enkat = "enkät"
    kolada = "kolada"
    nyckeltal = "nyckeltal"
    intervju = "intervju"
    observation = "observation"
    annan = "annan"


class Frekvens(StrEnum):
    """Hur ofta kontrollmomentet ska göras."""

    manad = "månad"
    kvartal = "kvartal"
    halvar = "halvår"
    ar = "år"


FREKVENS_MANADER: dict[Frekvens, int] = {
    Frekvens.manad: 1,
    Frekvens.kvartal: 3,
    Frekvens.halvar: 6,
    Frekvens.ar: 12,
}
"""Högst så många månader får gå mellan två genomförda kontroller med en frekvens."""


class Granskningspunkt(Basmodell):
    """En fråga som prövas i varje granskat ärende, med ja eller nej som svar."""

    id: Id
    """Punktens id (ASCII), som resultatens `uppfyllda` och åtagandenas indikatorer
    hänvisar till, till exempel alternativ."""
    fråga: Text
    """Vad som prövas i varje ärende, som en fråga: ”Har brukaren fått information om
    alternativen?”."""


class Kontrollmoment(Basmodell):
    """Ett kontrollmoment i egenkontrollplanen."""

    id: Id
    """Momentets id (ASCII), som resultaten hänvisar till, till exempel aktgranskning-barn."""
    kontrollmoment: Text
    """Vad som kontrolleras, som en mening."""
    metod: Kontrollmetod
    """Hur kontrollen görs, till exempel aktgranskning, enkät eller kolada."""
    frekvens: Frekvens
    """Hur ofta: månad, kvartal, halvår eller år."""
    ansvarig: Text
    """Rollen som ansvarar för att kontrollen görs, aldrig en persons namn."""
    rum: Id | None = None
    """Rummet i huset (id) som kontrollmomentet hör till."""
    process: Text | None = None
    """Processen (id eller namn i husets processregister) som kontrolleras."""
    lagrum: Text | None = None
    """Lagrum eller föreskrift som kontrollen följer upp, till exempel ”SoL 11 kap. 2 §”."""
    beskrivning: Text | None = None
    """Mer om hur kontrollen görs: urval, underlag, vad som räknas som brist."""
    från: Datum | None = None
    """Dagen momentet började gälla, om det kom till efter planen (ÅÅÅÅ-MM-DD)."""
    granskningspunkter: list[Granskningspunkt] = []
    """Frågorna som prövas i varje granskat ärende. Resultaten räknar under `uppfyllda` i
    hur många ärenden var och en var uppfylld, och andelen kan bli en indikators utfall
    i åtagandena (indikatorns `egenkontroll`)."""


class Egenkontrollplan(Basmodell):
    """Egenkontrollplanen: filen egenkontroll.yaml."""

    från: Datum | None = None
    """Dagen planen började gälla (ÅÅÅÅ-MM-DD); utan den gäller årshjulets infört-datum."""
    kontrollmoment: list[Kontrollmoment]
    """Planens kontrollmoment; en ny plan börjar med en tom lista (kvalitet init)."""


class Resultatstatus(StrEnum):
    """Var en genomförd egenkontroll står."""

    pagar = "pågår"
    genomford = "genomförd"
    avslutad = "avslutad"


GENOMFORDA = (Resultatstatus.genomford, Resultatstatus.avslutad)
"""Statusar där kontrollen räknas som utförd (för frekvensen)."""


class Urval(Basmodell):
    """Vad som granskades: ett antal, aldrig id för personer eller ärenden."""

    antal: int | None = Field(default=None, strict=True, ge=0)
    """Hur många akter, ärenden eller svar som ingick."""
    beskrivning: Text | None = None
    """Hur urvalet gjordes, till exempel ”slumpvis bland utredningar avslutade under kvartalet”."""


Antal = Annotated[int, Field(strict=True, ge=0)]
"""Ett antal, noll eller mer."""


class Egenkontrollresultat(Basmodell):
    """En genomförd egenkontroll: ett kontrollmoment vid ett tillfälle."""

    id: Id
    """Resultatets id, samma som filens namn."""
    kontrollmoment: Id
    """Id för kontrollmomentet i egenkontroll.yaml."""
    datum: Datum
    """Dagen kontrollen gjordes (ÅÅÅÅ-MM-DD)."""
    utförd_av: Text | None = None
    """Rollen som gjorde kontrollen, aldrig en persons namn."""
    urval: Urval | None = None
    """Vad som granskades, som ett antal."""
    resultat: Text | None = None
    """Vad kontrollen visade, avidentifierat."""
    uppfyllda: dict[Id, Antal | None] = {}
    """För varje granskningspunkt i kontrollmomentet (punktens id): i hur många av de
    granskade ärendena (`urval.antal`) den var uppfylld. Andelen räknas fram ur antalen."""
    brister: list[Text] = []
    """Bristerna som kontrollen fann; en tom lista betyder inga avvikelser."""
    åtgärder: list[Atgard] = []
    """Åtgärderna mot bristerna, i samma form som i en handlingsplan."""
    inga_åtgärder_motivering: Text | None = None
    """Varför bristerna inte kräver någon åtgärd, när så är fallet."""
    status: Resultatstatus = Resultatstatus.pagar
    """Var kontrollen står: pågår, genomförd eller avslutad."""

    def ar_genomford(self) -> bool:
        """Sant när kontrollen räknas som utförd."""
        return self.status in GENOMFORDA
