"""ataganden/<år>.yaml: årets åtaganden med indikatorer, resultat och analys."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kvalitet.modell._bas import Ar, Basmodell, Id, Text

Tal = float | int


class Riktning(StrEnum):
    """Om ett högre eller lägre utfall är bättre."""

    hogre = "högre"
    lagre = "lägre"


class Skillnad(StrEnum):
    """Hur en skillnad mellan kvinnors och mäns utfall är bedömd."""

    ingen = "ingen"
    motiverad = "motiverad"
    omotiverad = "omotiverad"


class Konsuppdelat(Basmodell):
    """Ett utfall uppdelat på kön, med bedömningen av en skillnad."""

    kvinnor: Tal | None = None
    """Utfallet för kvinnor (flickor)."""
    män: Tal | None = None
    """Utfallet för män (pojkar)."""
    skillnad: Skillnad | None = None
    """Bedömningen av skillnaden mellan kvinnor och män: ingen (ingen skillnad av
    betydelse), motiverad (till exempel olika behov) eller omotiverad."""
    motivering: Text | None = None
    """Varför skillnaden är motiverad, eller varför den saknar betydelse."""
    åtgärd: Text | None = None
    """Vad som görs åt en omotiverad skillnad (gärna med åtgärdens id)."""


class Delutfall(Basmodell):
    """Ett utfall under året: vid ett tertial (VP- och tertialrapporternas uppföljning)."""

    tertial: int = Field(strict=True, ge=1, le=3)
    """Tertialet: 1 (januari–april), 2 (maj–augusti) eller 3 (september–december)."""
    utfall: Tal
    """Det uppmätta värdet vid tertialet."""
    kommentar: Text | None = None
    """Vad värdet visar, till exempel en trend eller en förklaring."""


class Indikator(Basmodell):
    """En indikator som mäter ett åtagande."""

    namn: Text
    """Vad indikatorn mäter."""
    enhet: Text | None = None
    """Måttets enhet, till exempel procent, antal eller dagar."""
    målvärde: Tal | None = None
    """Värdet som åtagandet siktar på för året."""
    riktning: Riktning = Riktning.hogre
    """Om ett högre eller ett lägre utfall är bättre (högre eller lägre)."""
    utfall: Tal | None = None
    """Det uppmätta värdet."""
    utfall_per_kön: Konsuppdelat | None = None
    """Utfallet uppdelat på kön, där uppgiften finns."""
    källa: Text | None = None
    """Var utfallet kommer ifrån, till exempel en egen mätning eller Kolada."""
    tertial: list[Delutfall] = []
    """Utfallen under året, per tertial (årets `utfall` är helåret)."""
    tidigare_år: dict[Ar, Tal] = {}
    """Utfall från år före kvalitet, till exempel `{2024: 28, 2025: 31}`; år som har en
    egen åtagandefil med samma indikator (samma namn) hämtas därifrån."""
    egenkontroll: Id | None = None
    """Kontrollmomentet i egenkontroll.yaml (id) vars granskning ger utfallet: andelen
    granskade ärenden under året där granskningspunkten var uppfylld, i procent. Lämna
    `utfall` tomt så räknas det fram ur egenkontrollens resultat; ett ifyllt utfall jämförs
    med dem (regeln ATA003)."""
    granskningspunkt: Id | None = None
    """Granskningspunkten i kontrollmomentet (id) som utfallet gäller; behövs när momentet
    har fler än en."""

    def uppfylld(self) -> bool | None:
        """Om utfallet når målvärdet (i indikatorns riktning); None när något saknas."""
        if self.utfall is None or self.målvärde is None:
            return None
        if self.riktning == Riktning.hogre:
            return self.utfall >= self.målvärde
        return self.utfall <= self.målvärde


class Malkedja(Basmodell):
    """Målkedjan som text: kommunfullmäktige → nämnd → enhet.

    Det äldre sättet att skriva målkedjan. Peka hellre ut målen i taket med
    `politiska_mål`, så att kedjan går att följa och visa.
    """

    kommunfullmäktige: Text | None = None
    """Kommunfullmäktiges mål."""
    nämnd: Text | None = None
    """Nämndens mål."""
    enhet: Text | None = None
    """Enhetens mål."""


class Atagande(Basmodell):
    """Ett åtagande för året."""

    id: Id
    """Åtagandets id, till exempel at01."""
    åtagande: Text
    """Vad enheten åtar sig."""
    förväntat_resultat: Text
    """Vad åtagandet ska leda till."""
    arbetssätt: Text
    """Hur enheten arbetar för att nå resultatet."""
    mätmetod: Text | None = None
    """Hur resultatet mäts; krävs för att åtagandet ska kunna följas upp."""
    indikatorer: list[Indikator] = []
    """Indikatorerna med målvärde och utfall."""
    resultat: Text | None = None
    """Vad som blev resultatet; krävs när året är slut."""
    analys: Text | None = None
    """Varför resultatet blev som det blev och vad det leder till; krävs när året är slut."""
    rum: list[Id] = []
    """Rummen (id) som åtagandet hör till."""
    politiska_mål: list[Id] = []
    """Id för målen i husets tak som åtagandet bryter ned, helst enhetens mål; kedjan uppåt
    följer målens `bidrar_till`."""
    klientnivå: Text | None = None
    """Hur åtagandet följs upp för den enskilde: de standardiserade målen på individnivå och
    hur de skattas (till exempel livsområden som skattas var sjätte månad)."""
    mål: Malkedja | None = None
    """Målkedjan som text (det äldre sättet; använd `politiska_mål`)."""
    integrerade_mål: list[Id] = []
    """Id för de integrerade mål i husets tak som åtagandet bidrar till."""
    friskfaktorer: list[Id] = []
    """Id för de friskfaktorer i bjälklaget som åtagandet stärker."""

    def lage(self) -> str:
        """Hur långt åtagandet har nått sina målvärden: uppfyllt, delvis, ej eller okänt."""
        bedomda = [i.uppfylld() for i in self.indikatorer]
        kanda = [b for b in bedomda if b is not None]
        if not self.indikatorer:
            return "inga indikatorer"
        if not kanda:
            return "utfall saknas"
        if all(kanda) and len(kanda) == len(bedomda):
            return "uppfyllt"
        return "delvis uppfyllt" if any(kanda) else "ej uppfyllt"


class Ataganden(Basmodell):
    """Årets åtaganden: filen ataganden/<år>.yaml."""

    år: Ar
    """Året som åtagandena gäller."""
    enhet: Text | None = None
    """Enheten vars åtaganden det är, när de inte gäller hela verksamheten (till exempel
    ”Vuxenenheten, socialpsykiatri”)."""
    åtaganden: list[Atagande] = Field(default=[])
    """Årets åtaganden."""
