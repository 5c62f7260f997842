"""huset.yaml: verksamheten, grundstommen, taket, bjälklaget, rummen och årshjulet."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from kvalitet.fynd import Niva
from kvalitet.modell._bas import Basmodell, Datum, Id, Kommunkod, Manad, Text
from kvalitet.modell.kolada import KpiId


class Verksamhet(Basmodell):
    """Vilken verksamhet ledningssystemet gäller och vem som är huvudman."""

    namn: Text
    organisation: Text
    kommunkod: Kommunkod
    nämnd: Text
    ansvarig_roll: Text | None = None
    beskrivning: Text | None = None


class Styrdokument(Basmodell):
    """En lag, föreskrift, riktlinje eller annat styrande dokument."""

    titel: Text
    beteckning: Text | None = None
    länk: Text | None = None
    ägare: Text | None = None
    fastställd: Datum | None = None
    granskas_senast: Datum | None = None
    dokument: Id | None = None
    """Id för dokumentet i styrdokument/, när det förs i ledningssystemet."""


class Styrdokumentsamling(Basmodell):
    """Styrdokumenten i grundstommen, ordnade efter slag."""

    lagar: list[Styrdokument] = []
    förordningar: list[Styrdokument] = []
    föreskrifter: list[Styrdokument] = []
    allmänna_råd: list[Styrdokument] = []
    riktlinjer: list[Styrdokument] = []
    rutiner: list[Styrdokument] = []
    checklistor: list[Styrdokument] = []


class Grundstomme(Basmodell):
    """Bottenplattan: lagstiftningen som verksamheten vilar på och de styrande reglerna."""

    uppdrag: Text
    """Grundstommens text: att verksamheten vilar på och styrs av lagstiftningen (källans
    bottenplatta). Trots namnet inte verksamhetens uppdrag, som står i
    `verksamhet.beskrivning`; rapporterna visar texten som grundstommen."""
    beskrivning: Text | None = None
    styrdokument: Styrdokumentsamling


class Malniva(StrEnum):
    """Var i målkedjan ett mål är beslutat: kommunfullmäktige, nämnd eller enhet."""

    kommunfullmaktige = "kommunfullmäktige"
    namnd = "nämnd"
    enhet = "enhet"


MALNIVAER = tuple(Malniva)
"""Målkedjans nivåer uppifrån och ned."""


class PolitisktMal(Basmodell):
    """Ett mål i taket: kommunfullmäktiges, nämndens eller enhetens."""

    id: Id
    """Målets id, som åtaganden, åtgärder och mål på nivån nedanför hänvisar till."""
    mål: Text
    """Målet som det är beslutat."""
    nivå: Malniva
    """kommunfullmäktige, nämnd eller enhet."""
    bidrar_till: Id | None = None
    """Id för målet på nivån ovanför som det här målet bryter ned (nämnd → fullmäktige,
    enhet → nämnd)."""


class IntegreratMal(Basmodell):
    """Ett av de integrerade målen (hållbar, jämställd, barns rättigheter)."""

    id: Id
    namn: Text
    beskrivning: Text | None = None


class Tak(Basmodell):
    """Taket: vision, politiska mål och integrerade mål."""

    vision: Text
    politiska_mål: list[PolitisktMal] = []
    integrerade_mål: list[IntegreratMal] = []


class Friskfaktor(Basmodell):
    """En friskfaktor i bjälklaget."""

    id: Id
    namn: Text
    beskrivning: Text | None = None


class Bjalklag(Basmodell):
    """Bjälklaget: arbetsmiljöarbetet genom friskfaktorer (Vi-sam)."""

    modell: Text | None = None
    beskrivning: Text | None = None
    friskfaktorer: list[Friskfaktor] = []
    friskfaktorernas_ursprung: Text | None = None
    """Var listan över friskfaktorer kommer ifrån (till exempel ”Suntarbetslivs åtta
    friskfaktorer”); visas med friskfaktorerna i rapporterna."""
    friskfaktorerna_är_exempel: bool = False
    """Sant så länge listan är mallens exempel och inte verksamhetens egen modell;
    rapporterna och husets bild märker då friskfaktorerna som exempel."""


class Rum(Basmodell):
    """Ett rum i huset och dess stopp i årshjulet."""

    id: Id
    namn: Text
    månad: Manad
    infört: Datum | None = None
    """Dagen rummet togs in i huset, när det kom till efter årshjulets införande (till
    exempel ett valfritt rum ur mallarna); stoppen före den dagen behöver ingen session."""


class Processtyp(StrEnum):
    """Slag av process."""

    ledning = "ledningsprocess"
    karn = "kärnprocess"
    stod = "stödprocess"


class Process(Basmodell):
    """En process i processregistret (SOSFS 2011:9 4 kap.)."""

    id: Id
    namn: Text
    typ: Processtyp | None = None
    ägare: Text | None = None
    fastställd: Datum | None = None


class Arshjul(Basmodell):
    """Årshjulets inställningar."""

    infört: Datum = Field(
        description="När årshjulet infördes: ett rum behöver en handlingsplan först"
        " när dess första stopp efter detta datum har passerat."
    )
    handlingsplan_giltig_månader: int = Field(default=12, strict=True, ge=1, le=60)


class LexSarahFrister(Basmodell):
    """Lokala frister (dagar) för lex Sarah-ärenden – lokal rutin, inte lagkrav."""

    utredning_påbörjad_inom_dagar: int = Field(strict=True, ge=0)
    bedömd_inom_dagar: int = Field(strict=True, ge=0)
    anmälan_ivo_inom_dagar_efter_bedömning: int = Field(strict=True, ge=0)
    utredning_klar_inom_dagar: int = Field(strict=True, ge=0)


class Rapportregler(Basmodell):
    """Hur rapporterna skyddar enskilda: antal under gränsen visas som ”färre än N”."""

    minsta_antal: int = Field(default=5, strict=True, ge=1, le=100)


class Granskningsregler(Basmodell):
    """Hur ofta huset och rumsguiderna ska granskas (regeln GRA001)."""

    intervall_månader: int = Field(strict=True, ge=1, le=60)
    """Högst så många månader får gå mellan två granskningar av ett dokument."""


class Bevakningsregler(Basmodell):
    """Hur ofta lagkravslistans krav ska stämmas av mot författningarna (regeln LAG002)."""

    intervall_månader: int = Field(strict=True, ge=1, le=60)
    """Högst så många månader får gå mellan två avstämningar av ett krav."""


class Riskregler(Basmodell):
    """Var gränsen för en hög risk går i riskanalyserna (regeln RSK002)."""

    hög_risk_från: int = Field(strict=True, ge=1, le=16)
    """Ett riskvärde (sannolikhet × konsekvens, 1–16) från detta och uppåt är en hög risk."""


RegelId = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,4}[0-9]{3}$")]
"""En regels id, till exempel INT001."""


class Regler(Basmodell):
    """Verksamhetens lokala regler för kontrollerna och rapporterna."""

    lex_sarah: LexSarahFrister | None = None
    rapporter: Rapportregler | None = None
    granskning: Granskningsregler | None = None
    """Hur ofta huset och rumsguiderna ska granskas (standard i mallar/standardregler.yaml)."""
    risk: Riskregler | None = None
    """Gränsen för hög risk i riskanalyserna (standard i mallar/standardregler.yaml)."""
    lagbevakning: Bevakningsregler | None = None
    """Hur ofta lagkravslistan stäms av (standard i mallar/standardregler.yaml)."""
    nivåer: dict[RegelId, Niva] = {}
    """Regler vars nivå verksamheten själv bestämmer, till exempel `INT001: fel`; en regel
    kan höjas till fel men inte sänkas under sin lägsta nivå (se kvalitet regler)."""


class KoladaNyckeltal(Basmodell):
    """Ett nyckeltal i Kolada som verksamheten jämför sig med."""

    id: KpiId
    """Nyckeltalets id i Kolada, till exempel N30005."""
    namn: Text | None = None
    """Ett eget namn, när Koladas titel inte har importerats."""


class Jamforelsegrupp(Basmodell):
    """Kommungruppen i Kolada som kommunen jämförs med."""

    id: Annotated[str, StringConstraints(pattern=r"^G[0-9]+$")]
    """Gruppens id i Kolada (börjar med G)."""
    namn: Text


class Kolada(Basmodell):
    """Jämförelser ur Kolada för omvärldsbevakningen: nyckeltalen, kommunen och gruppen."""

    nyckeltal: list[KoladaNyckeltal] = Field(min_length=1)
    """Nyckeltalen som importeras; andra nyckeltal i ett sparat svar hoppas över."""
    jämförelsegrupp: Jamforelsegrupp | None = None
    kommun: Kommunkod | None = None
    """Kommunen som jämförs (standard: verksamhetens kommunkod)."""
    rum: Id = "omvarld"
    """Rummet vars session i årshjulet får jämförelserna som underlag."""


class Tillganglighet(Basmodell):
    """Uppgifterna i webbplatsens tillgänglighetsredogörelse (`rapport webb`).

    En offentlig webbplats ska ha en redogörelse för sin tillgänglighet (lagen om
    tillgänglighet till digital offentlig service); kvalitet skriver den ur de här
    uppgifterna och sina egna tester.
    """

    kontakt: Text
    """Vart den som inte kan ta del av innehållet vänder sig: en funktionsbrevlåda eller
    ett telefonnummer, aldrig en persons namn."""
    granskad: Datum
    """Dagen då redogörelsen och webbplatsen senast granskades."""
    svarstid: Text | None = None
    """Hur snart den som hör av sig får svar, till exempel ”inom två arbetsdagar”."""
    brister: list[Text] = []
    """Kända brister i tillgängligheten och vad som görs åt dem; tom när inga är kända."""


Epost = Annotated[str, StringConstraints(pattern=r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$")]
"""En e-postadress (en funktionsbrevlåda)."""


class Huset(Basmodell):
    """Hela huset: filen huset.yaml."""

    verksamhet: Verksamhet
    grundstomme: Grundstomme
    tak: Tak
    bjälklag: Bjalklag
    rum: list[Rum] = Field(min_length=1)
    årshjul: Arshjul
    processer: list[Process] = []
    regler: Regler | None = None
    senast_granskad: Datum | None = None
    """Dagen dokumentet senast granskades och befanns aktuellt."""
    kolada: Kolada | None = None
    """Nyckeltalen ur Kolada som kommunen jämförs med (kvalitet kolada importera)."""
    tillgänglighet: Tillganglighet | None = None
    """Uppgifterna i webbplatsens tillgänglighetsredogörelse (kvalitet rapport webb)."""
    kontakter: dict[Text, Epost] = {}
    """Rollernas funktionsbrevlådor för påminnelserna (kvalitet paminnelser): roll →
    e-postadress. Roller och funktionsbrevlådor, aldrig personers namn eller adresser."""
