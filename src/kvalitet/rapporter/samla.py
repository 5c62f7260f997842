"""Förvaltningsöversikten: flera verksamheter, var och en läst och kontrollerad för sig.

En förvaltning har ofta flera verksamheter (individ- och familjeomsorg, funktionsstöd,
äldreomsorg) med var sitt förråd. Översikten läser varje verksamhet för sig från
arbetsträdet, kör kontrollen på den och ställer läget sida vid sida, med en summa för
hela förvaltningen. En verksamhet som inte går att läsa (mappen saknas, ingen
huset.yaml, huset har fel) blir en rad med orsaken; de andra visas ändå.

Talen är desamma som i verksamheternas egna rapporter: årshjulet som i rapporten om
årshjulet, de försenade åtgärderna som i handlingsplanen (och ATG001 i kontrollen),
ärendena per typ som i avvikelseanalysen, med samma skydd för små antal: 1–4 visas som
”färre än N” med varje verksamhets egen gräns, och summan för förvaltningen med den
högsta gränsen bland verksamheterna.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kvalitet import arshjulet, kontroll, regelverk
from kvalitet.fel import KvalitetFel
from kvalitet.fynd import Niva, Resultat
from kvalitet.lasning.filer import HUSET, hitta_rot
from kvalitet.rapporter import Bild, Huvud, alla, visa_antal
from kvalitet.rapporter import arshjul as arshjulsrapport
from kvalitet.rapporter.avvikelser import TYPER
from kvalitet.rapporter.handlingsplan import Handlingsplansavsnitt, avsnitt_av, rad
from kvalitet.svenska import fel_och_varningar, upprakning
from kvalitet.verksamhet import Verksamhet, ladda

MALL = "samla"
ALDSTA = 5
"""Så många av en verksamhets försenade åtgärder (de äldsta) visas i rapporten."""


@dataclass(frozen=True)
class Arshjulslage:
    """Årshjulet ett år: hur många rum som har hållit, håller på med och har missat sitt stopp."""

    ar: int
    rum: int
    genomforda: int
    pagar: int
    forsenade: int
    forsenade_rum: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """”2 av 6 genomförda, 1 pågår, 0 försenade”."""
        return (
            f"{self.genomforda} av {self.rum} genomförda, {self.pagar} pågår,"
            f" {self.forsenade} försenade"
        )


@dataclass(frozen=True)
class Arendetyp:
    """Ärenden av en typ under året: antalet som det visas och det råa talet."""

    etikett: str
    antal: str
    n: int


@dataclass(frozen=True)
class Enhet:
    """En verksamhet i översikten. `orsak` säger varför den inte gick att läsa (annars None)."""

    katalog: str
    namn: str
    organisation: str | None = None
    namnd: str | None = None
    rot: Path | None = None
    orsak: str | None = None
    fel: int = 0
    varningar: int = 0
    arshjul: Arshjulslage | None = None
    forsenade: int = 0
    aldsta: Handlingsplansavsnitt | None = None
    arenden: tuple[Arendetyp, ...] = ()
    arenden_totalt: str = "0"
    n_arenden: int = 0
    minsta_antal: int | None = None

    @property
    def last(self) -> bool:
        """Sant när verksamheten kunde läsas."""
        return self.orsak is None

    @property
    def kontrolltext(self) -> str:
        """”0 fel och 2 varningar”."""
        return fel_och_varningar(self.fel, self.varningar)


@dataclass(frozen=True)
class Typrad:
    """En ärendetyp i förvaltningens tabell: antalet per läst verksamhet och summan."""

    etikett: str
    per_enhet: tuple[str, ...]
    totalt: str


@dataclass(frozen=True)
class Summa:
    """Hela förvaltningen: de lästa verksamheterna tillsammans."""

    enheter: int
    lasta: int
    fel: int
    varningar: int
    arshjul: Arshjulslage
    forsenade: int
    arenden_totalt: str
    n_arenden: int
    minsta_antal: int | None

    @property
    def kontrolltext(self) -> str:
        """”0 fel och 3 varningar”."""
        return fel_och_varningar(self.fel, self.varningar)


@dataclass(frozen=True)
class SamlaVy:
    """Förvaltningsöversikten som rapport (och som tabeller i terminalen)."""

    titel: str
    huvud: Huvud
    enheter: list[Enhet]
    summa: Summa
    arendetyper: list[Typrad]
    dubbletter: list[str] = field(default_factory=list)
    bilder: list[Bild] = field(default_factory=list)

    @property
    def lasta(self) -> list[Enhet]:
        """Verksamheterna som kunde läsas, i den ordning de angavs."""
        return [e for e in self.enheter if e.last]

    @property
    def olasta(self) -> list[Enhet]:
        """Verksamheterna som inte kunde läsas."""
        return [e for e in self.enheter if not e.last]


def bygg(kataloger: Sequence[Path], per: date, ar: int, exakta: bool = False) -> SamlaVy:
    """Läs och kontrollera varje verksamhet för sig och ställ samman översikten.

    Args:
        kataloger: Verksamheternas mappar (eller mappar i dem), i den ordning de visas.
        per: Bedömningsdagen.
        ar: Året för årshjulet och ärendena.
        exakta: Visa också små antal (annars ”färre än N”).

    Returns:
        Översikten. En mapp som pekar på en verksamhet som redan finns i listan räknas
        en gång och nämns i `dubbletter`.
    """
    enheter: list[Enhet] = []
    dubbletter: list[str] = []
    sedda: dict[Path, str] = {}
    for katalog in kataloger:
        try:
            rot = hitta_rot(katalog)
        except KvalitetFel as fel:
            enheter.append(Enhet(str(katalog), katalog.name or str(katalog), orsak=fel.meddelande))
            continue
        if rot in sedda:
            dubbletter.append(
                f"”{katalog}” är samma verksamhet som ”{sedda[rot]}” och räknas en gång."
            )
            continue
        sedda[rot] = str(katalog)
        enheter.append(enhet(katalog, rot, per, ar, exakta))
    return _vy(_sarskilda(enheter), dubbletter, per, ar, exakta)


def _sarskilda(enheter: list[Enhet]) -> list[Enhet]:
    # Två verksamheter med samma namn (två enheter som båda heter Individ- och
    # familjeomsorgen) skiljs åt med mappen, i rubriker och kolumner.
    antal = Counter(e.namn for e in enheter)
    return [replace(e, namn=f"{e.namn} ({e.katalog})") if antal[e.namn] > 1 else e for e in enheter]


def enhet(katalog: Path, rot: Path, per: date, ar: int, exakta: bool) -> Enhet:
    """En verksamhet läst och kontrollerad (utan cache), eller en rad med orsaken."""
    try:
        v = ladda(rot)
    except KvalitetFel as fel:
        return Enhet(str(katalog), rot.name, rot=rot, orsak=fel.meddelande)
    resultat = kontroll.bedom(v, per)
    if v.huset is None:
        return Enhet(str(katalog), rot.name, rot=rot, orsak=_husets_fel(resultat))
    uppgifter = v.huset[1].verksamhet
    minsta = None if exakta else alla.minsta_antal(v)
    sena = sorted(
        (p for p in v.atgarder() if p.atgard.dagar_forsenad(per)),
        key=lambda p: (p.atgard.klart_senast or per, p.dok.relativ),
    )
    typer, n_arenden = _arenden(v, ar, minsta)
    return Enhet(
        katalog=str(katalog),
        namn=uppgifter.namn,
        organisation=uppgifter.organisation,
        namnd=uppgifter.nämnd,
        rot=rot,
        fel=resultat.antal(Niva.fel),
        varningar=resultat.antal(Niva.varning),
        arshjul=_arshjul(v, ar, per),
        forsenade=len(sena),
        aldsta=avsnitt_av([rad(v, p, per) for p in sena[:ALDSTA]]),
        arenden=typer,
        arenden_totalt=visa_antal(n_arenden, minsta),
        n_arenden=n_arenden,
        minsta_antal=minsta,
    )


def _husets_fel(resultat: Resultat) -> str:
    """Det första felet i huset.yaml, som fil:rad:kolumn: text."""
    fel = [b.fynd for b in resultat.fynd if b.fynd.fil == HUSET and b.niva == Niva.fel]
    if not fel:
        return f"{HUSET} har fel och kan inte läsas."
    return f"{HUSET}:{fel[0].rad}:{fel[0].kol}: {fel[0].text}"


def _forvaltningens_grans(lasta: list[Enhet], exakta: bool) -> int | None:
    # Den strängaste gränsen bland verksamheterna; utan lästa verksamheter standardgränsen.
    if exakta:
        return None
    granser = [e.minsta_antal for e in lasta if e.minsta_antal is not None]
    if granser:
        return max(granser)
    return regelverk.standard().rapporter.minsta_antal


def _arshjul(v: Verksamhet, ar: int, per: date) -> Arshjulslage:
    stopp = arshjulsrapport.avsnitt(v, ar, per).stopp
    status = Counter(s.status for s in stopp)
    return Arshjulslage(
        ar=ar,
        rum=len(stopp),
        genomforda=status[arshjulet.Rumsstatus.genomford],
        pagar=status[arshjulet.Rumsstatus.pagar],
        forsenade=status[arshjulet.Rumsstatus.forsenad],
        forsenade_rum=tuple(s.rum for s in stopp if s.status == arshjulet.Rumsstatus.forsenad),
    )


def _arenden(v: Verksamhet, ar: int, minsta: int | None) -> tuple[tuple[Arendetyp, ...], int]:
    per_typ = Counter(a.typ for _, a in v.avvikelser if a.inkom.year == ar)
    typer = tuple(
        Arendetyp(etikett, visa_antal(per_typ[typ], minsta), per_typ[typ]) for typ, etikett in TYPER
    )
    return typer, sum(per_typ.values())


def _vy(enheter: list[Enhet], dubbletter: list[str], per: date, ar: int, exakta: bool) -> SamlaVy:
    lasta = [e for e in enheter if e.last]
    minsta = _forvaltningens_grans(lasta, exakta)
    n_arenden = sum(e.n_arenden for e in lasta)
    summa = Summa(
        enheter=len(enheter),
        lasta=len(lasta),
        fel=sum(e.fel for e in lasta),
        varningar=sum(e.varningar for e in lasta),
        arshjul=_summa_arshjul(lasta, ar),
        forsenade=sum(e.forsenade for e in lasta),
        arenden_totalt=skyddad_summa([(e.n_arenden, e.minsta_antal) for e in lasta], minsta),
        n_arenden=n_arenden,
        minsta_antal=minsta,
    )
    return SamlaVy(
        titel=f"Förvaltningsöversikt {ar}",
        huvud=_huvud(lasta, per, ar, minsta),
        enheter=enheter,
        summa=summa,
        arendetyper=_typrader(lasta, minsta),
        dubbletter=dubbletter,
    )


def _summa_arshjul(lasta: list[Enhet], ar: int) -> Arshjulslage:
    lagen = [e.arshjul for e in lasta if e.arshjul]
    return Arshjulslage(
        ar=ar,
        rum=sum(lage.rum for lage in lagen),
        genomforda=sum(lage.genomforda for lage in lagen),
        pagar=sum(lage.pagar for lage in lagen),
        forsenade=sum(lage.forsenade for lage in lagen),
    )


def _typrader(lasta: list[Enhet], minsta: int | None) -> list[Typrad]:
    rader = []
    for index, (_, etikett) in enumerate(TYPER):
        celler = [(e.arenden[index].n, e.minsta_antal) for e in lasta]
        visade = tuple(e.arenden[index].antal for e in lasta)
        rader.append(Typrad(etikett, visade, skyddad_summa(celler, minsta)))
    celler = [(e.n_arenden, e.minsta_antal) for e in lasta]
    totalt = skyddad_summa(celler, minsta)
    rader.append(Typrad("Totalt", tuple(e.arenden_totalt for e in lasta), totalt))
    return rader


DOLD_SUMMA = "–"
"""Visas i stället för en summa som skulle avslöja ett dolt litet antal."""


def skyddad_summa(celler: list[tuple[int, int | None]], minsta: int | None) -> str:
    """Summan av några antal, utan att den avslöjar ett antal som visas som ”färre än N”.

    Döljs bara en verksamhets antal, eller är de dolda antalen alla så små eller så
    stora som möjligt, går de att räkna ut ur summan och de antal som visas. Summan
    visas då som ett streck.

    Args:
        celler: Varje verksamhets antal och dess gräns för små antal (None: visas alltid).
        minsta: Summans egen gräns.

    Returns:
        Summan som den visas.
    """
    dolda = [(n, grans) for n, grans in celler if grans is not None and 0 < n < grans]
    summa = sum(n for n, _ in celler)
    if dolda and minsta is not None and summa >= minsta:
        dolt = sum(n for n, _ in dolda)
        minst, mest = len(dolda), sum(grans - 1 for _, grans in dolda)
        if len(dolda) == 1 or dolt in (minst, mest):
            return DOLD_SUMMA
    return visa_antal(summa, minsta)


def _huvud(lasta: list[Enhet], per: date, ar: int, minsta: int | None) -> Huvud:
    def gemensamma(varden: list[str | None]) -> str:
        unika = list(dict.fromkeys(v for v in varden if v))
        return upprakning(unika) if unika else "–"

    return Huvud(
        verksamhet=gemensamma([e.namn for e in lasta]),
        organisation=gemensamma([e.organisation for e in lasta]),
        namnd=gemensamma([e.namnd for e in lasta]),
        per=per,
        ar=ar,
        minsta_antal=minsta,
    )
