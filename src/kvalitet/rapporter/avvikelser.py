"""Avvikelseanalysen: ärenden per typ, rum, process och kvartal, lex Sarah och återkommande orsaker.

Analysen är den strukturella bild som ledningssystemet (SOSFS 2011:9 5 kap.) ber om:
inte enstaka ärenden utan mönster. Den gäller ärenden som inkom under rapportåret; de
återkommande orsakerna räknas över alla år till och med rapportåret, eftersom en orsak
som kommer tillbaka år efter år är det viktigaste att se.

Alla antal är färdiga texter (`visa_antal`): med en gräns för små antal (standard 5)
visas 1–4 som ”färre än 5”, så att ingen enskild kan pekas ut i en rapport till nämnden.
Tiden delas därför i kvartal i stället för månader, så att cellerna blir färre och större.
Ärendenas id (som inte är personuppgifter) visas vid de återkommande orsakerna bara när
gränsen är avslagen: tillsammans med rum och orsak kan de annars leda till enskilda ärenden.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from kvalitet.modell._bas import Atgard
from kvalitet.modell.avvikelse import (
    ALLVARLIGA,
    LEX_SARAH_TYPER,
    Avvikelse,
    Avvikelsestatus,
    Avvikelsetyp,
    Bedomning,
)
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud, visa_antal
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import Verksamhet

MALL = "avvikelser"

TYPER = (
    (Avvikelsetyp.avvikelse, "Avvikelse"),
    (Avvikelsetyp.missforhallande, "Missförhållande (lex Sarah)"),
    (Avvikelsetyp.risk_for_missforhallande, "Påtaglig risk för missförhållande (lex Sarah)"),
    (Avvikelsetyp.klagomal, "Klagomål"),
    (Avvikelsetyp.synpunkt, "Synpunkt"),
)
"""Typerna i rapportens ordning, med svenska etiketter."""

KVARTAL = ("jan–mar", "apr–jun", "jul–sep", "okt–dec")
INGEN_PROCESS = "Ingen process angiven"
LIKHET = 0.85
"""Två orsaker med minst denna likhet (difflib) räknas som samma orsak."""
_MAX_FOR_LIKHET = 500
"""Över så många olika orsaker jämförs bara skiftläge och mellanrum (likheten är kvadratisk)."""

_MISSFORHALLANDE = (Bedomning.missforhallande, Bedomning.pataglig_risk, *ALLVARLIGA)


@dataclass(frozen=True)
class Rad:
    """En rad med en etikett och ett antal (`antal` visas, `n` är det råa talet)."""

    etikett: str
    antal: str
    n: int


@dataclass(frozen=True)
class Kvartalsrad:
    """En typ (eller totalen) per kvartal."""

    etikett: str
    kvartal: tuple[str, ...]
    totalt: str


@dataclass(frozen=True)
class Svarsrad:
    """Klagomål eller synpunkter: hur många som inkom och hur många som har besvarats."""

    etikett: str
    inkomna: str
    besvarade: str


@dataclass(frozen=True)
class Jamforelserad:
    """En typ förra året och i år."""

    etikett: str
    foregaende: str
    aktuellt: str


@dataclass(frozen=True)
class Orsak:
    """En orsak som har angetts i flera ärenden.

    `arenden` är ärendenas id, eller None när små antal döljs (se modulens beskrivning).
    """

    orsak: str
    antal: str
    n: int
    rum: tuple[str, ...]
    processer: tuple[str, ...]
    ar: tuple[int, ...]
    arenden: tuple[str, ...] | None


@dataclass(frozen=True)
class Avvikelseanalys:
    """Hela analysen för ett år. Ett avsnitt utan ärenden har `n_…` lika med 0."""

    ar: int
    foregaende_ar: int
    minsta_antal: int | None
    totalt: str
    n_totalt: int
    per_typ: tuple[Rad, ...]
    per_rum: tuple[Rad, ...]
    per_process: tuple[Rad, ...]
    kvartal: tuple[str, ...]
    per_kvartal: tuple[Kvartalsrad, ...]
    status: tuple[Rad, ...]
    utredning: tuple[Rad, ...]
    """Årets avslutade ärenden med och utan kartlagda orsaker och process (AVV002)."""
    effekt: tuple[Rad, ...]
    """Åtgärderna i årets ärenden vars uppföljning har passerat, med och utan effekt
    (ATG003); tomt när analysen saknar bedömningsdag."""
    n_uppfoljda: int
    lex_sarah: tuple[Rad, ...]
    n_lex_sarah: int
    svar: tuple[Svarsrad, ...]
    n_svar: int
    orsaker: tuple[Orsak, ...]
    n_med_orsak: int
    visar_arenden: bool
    jamforelse: tuple[Jamforelserad, ...]
    n_jamforelse: int


def analys(
    v: Verksamhet, ar: int, minsta_antal: int | None, per: date | None = None
) -> Avvikelseanalys:
    """Analysen av årets ärenden och av orsakerna till och med året.

    Args:
        v: Verksamheten.
        ar: Rapportåret (ärenden räknas efter året de inkom).
        minsta_antal: Antal under detta (men över noll) visas som ”färre än N”; None visar allt.
        per: Bedömningsdagen, för åtgärder vars uppföljning har passerat; utan den räknas
            inte åtgärdernas effekt.

    Returns:
        Analysen, med alla antal som färdiga texter.
    """
    alla = [a for _, a in v.avvikelser]
    arets = [a for a in alla if a.inkom.year == ar]
    forra = [a for a in alla if a.inkom.year == ar - 1]

    def visa(n: int) -> str:
        return visa_antal(n, minsta_antal)

    lex = [a for a in arets if a.typ in LEX_SARAH_TYPER]
    svar = [a for a in arets if a.typ in (Avvikelsetyp.klagomal, Avvikelsetyp.synpunkt)]
    tidigare = [(dok.relativ, a) for dok, a in v.avvikelser if a.inkom.year <= ar]
    uppfoljda = [] if per is None else _uppfoljda(arets, per)
    return Avvikelseanalys(
        ar=ar,
        foregaende_ar=ar - 1,
        minsta_antal=minsta_antal,
        totalt=visa(len(arets)),
        n_totalt=len(arets),
        per_typ=_per_typ(arets, visa),
        per_rum=_per_rum(v, arets, visa),
        per_process=_per_process(v, arets, visa),
        kvartal=KVARTAL,
        per_kvartal=_per_kvartal(arets, visa),
        status=_status(arets, visa),
        utredning=_utredning(arets, visa),
        effekt=_effekt(uppfoljda, per, visa) if per else (),
        n_uppfoljda=len(uppfoljda),
        lex_sarah=_lex_sarah(lex, visa),
        n_lex_sarah=len(lex),
        svar=_svar(svar, visa),
        n_svar=len(svar),
        orsaker=_aterkommande(v, tidigare, minsta_antal),
        n_med_orsak=sum(1 for _, a in tidigare if a.utredning and a.utredning.orsaker),
        visar_arenden=minsta_antal is None,
        jamforelse=_jamforelse(forra, arets, visa, not forra and _fore_inforandet(v, ar - 1)),
        n_jamforelse=len(forra) + len(arets),
    )


Visa = Callable[[int], str]


def _per_typ(arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    antal = Counter(a.typ for a in arenden)
    return tuple(Rad(etikett, visa(antal[typ]), antal[typ]) for typ, etikett in TYPER)


def _per_rum(v: Verksamhet, arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    antal = Counter(a.rum for a in arenden)
    # Husets rum i husets ordning, även de utan ärenden; sedan rum som huset inte har.
    ordning = [rum.id for rum in v.rum]
    ordning += sorted(set(antal) - set(ordning), key=sorteringsnyckel)
    return tuple(Rad(v.rumsnamn(rum), visa(antal[rum]), antal[rum]) for rum in ordning)


def _processnamn(v: Verksamhet) -> dict[str, str]:
    register = v.huset[1].processer if v.huset else []
    return {process.id: process.namn for process in register}


def _process(namn: dict[str, str], a: Avvikelse) -> str:
    if a.process is None:
        return INGEN_PROCESS
    text = " ".join(a.process.split())
    return namn.get(text, text)


def _per_process(v: Verksamhet, arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    namn = _processnamn(v)
    antal = Counter(_process(namn, a) for a in arenden)
    # ”Ingen process angiven” sist, de angivna i svensk ordning.
    ordning = sorted(antal, key=lambda p: (p == INGEN_PROCESS, sorteringsnyckel(p)))
    return tuple(Rad(p, visa(antal[p]), antal[p]) for p in ordning)


def _per_kvartal(arenden: list[Avvikelse], visa: Visa) -> tuple[Kvartalsrad, ...]:
    antal = Counter((a.typ, (a.inkom.month - 1) // 3) for a in arenden)
    rader = []
    for typ, etikett in TYPER:
        kvartal = [antal[typ, k] for k in range(4)]
        rader.append(Kvartalsrad(etikett, tuple(map(visa, kvartal)), visa(sum(kvartal))))
    summor = [sum(antal[typ, k] for typ, _ in TYPER) for k in range(4)]
    rader.append(Kvartalsrad("Totalt", tuple(map(visa, summor)), visa(len(arenden))))
    return tuple(rader)


def _status(arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    avslutade = sum(1 for a in arenden if a.status == Avvikelsestatus.avslutad)
    oppna = len(arenden) - avslutade
    return (
        Rad("Inte avslutade", visa(oppna), oppna),
        Rad("Avslutade", visa(avslutade), avslutade),
    )


def _utredning(arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    avslutade = [a for a in arenden if a.status == Avvikelsestatus.avslutad]
    utan = sum(1 for a in avslutade if a.saknad_utredning())
    med = len(avslutade) - utan
    return (
        Rad("Med kartlagda orsaker och process", visa(med), med),
        Rad("Utan kartlagda orsaker eller process", visa(utan), utan),
    )


def _uppfoljda(arenden: list[Avvikelse], per: date) -> list[Atgard]:
    return [atgard for a in arenden for atgard in a.åtgärder if atgard.ska_vara_uppfoljd(per)]


def _effekt(uppfoljda: list[Atgard], per: date, visa: Visa) -> tuple[Rad, ...]:
    utan = sum(1 for atgard in uppfoljda if atgard.effekt_saknas(per))
    med = len(uppfoljda) - utan
    return (
        Rad("Med beskriven effekt", visa(med), med),
        Rad("Utan beskriven effekt", visa(utan), utan),
    )


def _lex_sarah(arenden: list[Avvikelse], visa: Visa) -> tuple[Rad, ...]:
    uppgifter = [a.lex_sarah for a in arenden if a.lex_sarah]
    bedomningar = [u.bedömning for u in uppgifter]
    matt = (
        ("Rapporter enligt lex Sarah", len(arenden)),
        (
            "Bedömda som missförhållande eller påtaglig risk för missförhållande",
            sum(1 for b in bedomningar if b in _MISSFORHALLANDE),
        ),
        ("varav bedömda som allvarliga", sum(1 for b in bedomningar if b in ALLVARLIGA)),
        (
            "Bedömda som inte missförhållande",
            sum(1 for b in bedomningar if b == Bedomning.ej_missforhallande),
        ),
        ("Ännu inte bedömda", len(arenden) - sum(1 for b in bedomningar if b is not None)),
        ("Anmälda till IVO", sum(1 for u in uppgifter if u.anmäld_ivo)),
        ("Med beslut från IVO", sum(1 for u in uppgifter if u.ivo_beslut)),
    )
    return tuple(Rad(etikett, visa(n), n) for etikett, n in matt)


def _svar(arenden: list[Avvikelse], visa: Visa) -> tuple[Svarsrad, ...]:
    rader = []
    for typ in (Avvikelsetyp.klagomal, Avvikelsetyp.synpunkt):
        av_typen = [a for a in arenden if a.typ == typ]
        besvarade = sum(1 for a in av_typen if a.besvarad)
        rader.append(Svarsrad(dict(TYPER)[typ], visa(len(av_typen)), visa(besvarade)))
    return tuple(rader)


FORE_INFORANDET = "före införandet"


def _jamforelse(
    forra: list[Avvikelse], arets: list[Avvikelse], visa: Visa, fore_inforandet: bool
) -> tuple[Jamforelserad, ...]:
    # Ett år före årshjulets införande utan ärenden i förrådet är inga nollor: ärendena
    # fördes någon annanstans.
    fore, nu = Counter(a.typ for a in forra), Counter(a.typ for a in arets)

    def forut(n: int) -> str:
        return FORE_INFORANDET if fore_inforandet else visa(n)

    rader = [Jamforelserad(etikett, forut(fore[typ]), visa(nu[typ])) for typ, etikett in TYPER]
    rader.append(Jamforelserad("Totalt", forut(len(forra)), visa(len(arets))))
    return tuple(rader)


def _fore_inforandet(v: Verksamhet, ar: int) -> bool:
    return v.huset is not None and ar < v.huset[1].årshjul.infört.year


def normaliserad_orsak(text: str) -> str:
    """En orsak utan skillnader i skiftläge, mellanrum och avslutande punkt."""
    return " ".join(text.split()).casefold().rstrip(".").rstrip()


def _aterkommande(
    v: Verksamhet, arenden: list[tuple[str, Avvikelse]], minsta_antal: int | None
) -> tuple[Orsak, ...]:
    # Varje orsak räknas en gång per ärende (filen är ärendets identitet).
    ordalydelser: dict[str, Counter[str]] = defaultdict(Counter)
    forekomster: dict[str, set[str]] = defaultdict(set)
    for relativ, a in arenden:
        for text in a.utredning.orsaker if a.utredning else []:
            nyckel = normaliserad_orsak(text)
            ordalydelser[nyckel][" ".join(text.split())] += 1
            forekomster[nyckel].add(relativ)
    grupper = _grupper(forekomster)
    per_fil = dict(arenden)
    orsaker = []
    for nycklar in grupper:
        filer = set[str]().union(*(forekomster[n] for n in nycklar))
        if len(filer) < 2:
            continue
        texter = sum((ordalydelser[n] for n in nycklar), Counter[str]())
        orsaker.append(_orsak(v, _vanligast(texter), [per_fil[f] for f in filer], minsta_antal))
    orsaker.sort(key=lambda o: (-o.n, sorteringsnyckel(o.orsak)))
    return tuple(orsaker)


def _grupper(forekomster: dict[str, set[str]]) -> list[list[str]]:
    """Normaliserade orsaker i grupper av nästan likadana (de vanligaste först)."""
    nycklar = sorted(forekomster, key=lambda n: (-len(forekomster[n]), sorteringsnyckel(n)))
    if len(nycklar) > _MAX_FOR_LIKHET:
        return [[n] for n in nycklar]
    grupper: list[list[str]] = []
    jamforare = difflib.SequenceMatcher(autojunk=False)
    for nyckel in nycklar:
        jamforare.set_seq2(nyckel)
        for grupp in grupper:
            if _lika(jamforare, grupp[0], nyckel):
                grupp.append(nyckel)
                break
        else:
            grupper.append([nyckel])
    return grupper


def _lika(jamforare: difflib.SequenceMatcher[str], forsta: str, nyckel: str) -> bool:
    # Längderna ensamma ger en övre gräns för likheten; den räknas först eftersom den är billig.
    if 2 * min(len(forsta), len(nyckel)) < LIKHET * (len(forsta) + len(nyckel)):
        return False
    jamforare.set_seq1(forsta)
    return (
        jamforare.real_quick_ratio() >= LIKHET
        and jamforare.quick_ratio() >= LIKHET
        and jamforare.ratio() >= LIKHET
    )


def _vanligast(texter: Counter[str]) -> str:
    """Den ordalydelse som används oftast (vid lika: den första i svensk ordning)."""
    return min(texter, key=lambda t: (-texter[t], sorteringsnyckel(t)))


def _orsak(v: Verksamhet, text: str, arenden: list[Avvikelse], minsta_antal: int | None) -> Orsak:
    namn = _processnamn(v)
    husets = [rum.id for rum in v.rum]
    rum = sorted({a.rum for a in arenden}, key=lambda r: (_plats(husets, r), sorteringsnyckel(r)))
    processer = sorted({_process(namn, a) for a in arenden}, key=sorteringsnyckel)
    return Orsak(
        orsak=text,
        antal=visa_antal(len(arenden), minsta_antal),
        n=len(arenden),
        rum=tuple(v.rumsnamn(r) for r in rum),
        processer=tuple(processer),
        ar=tuple(sorted({a.inkom.year for a in arenden})),
        arenden=tuple(sorted(a.id for a in arenden)) if minsta_antal is None else None,
    )


def _plats(ordning: list[str], rum: str) -> int:
    return ordning.index(rum) if rum in ordning else len(ordning)


@dataclass(frozen=True)
class AvvikelseVy:
    """Rapporten om avvikelser, synpunkter och klagomål."""

    titel: str
    huvud: Huvud
    analys: Avvikelseanalys
    bilder: list[Bild] = field(default_factory=list)


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> AvvikelseVy:
    """Vy-modellen för rapporten om avvikelser, synpunkter och klagomål."""
    return AvvikelseVy(
        titel=f"Avvikelser, synpunkter och klagomål {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        analys=analys(v, uppdrag.ar, uppdrag.minsta_antal, uppdrag.per),
    )
