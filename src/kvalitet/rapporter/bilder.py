"""Rapporternas bilder: huset och årshjulet som SVG, färgade efter rummens status.

All geometri (koordinater, bågar, radbrytning) räknas ut här, i små vy-modeller;
mallarna `huset.svg.j2` och `arshjulet.svg.j2` placerar dem bara. Texterna från
verksamhetens filer escapas av mallarnas autoescape. Bilderna hämtar ingenting utifrån
(inga typsnitt, bilder eller stilmallar) och bär ingen `<style>`, eftersom en stil i en
inbäddad SVG gäller hela HTML-sidan.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Generic, TypeVar

from kvalitet import rendering
from kvalitet.arshjulet import Rumsstatus, rumsstatus
from kvalitet.modell.garaget import Garagestatus
from kvalitet.modell.huset import Rum
from kvalitet.modell.riskanalys import KONSEKVENS, SANNOLIKHET
from kvalitet.rapporter import MARKOR, Bild
from kvalitet.svenska import MANADER, datum_lang, tal, upprakning
from kvalitet.svenska import antal as flertal
from kvalitet.verksamhet import Verksamhet

STATUSFARG: dict[Rumsstatus, str] = {
    Rumsstatus.genomford: "#2da44e",
    Rumsstatus.pagar: "#d4a72c",
    Rumsstatus.planerad: "#218bff",
    Rumsstatus.forsenad: "#cf222e",
    Rumsstatus.kommande: "#8c959f",
    Rumsstatus.fore_inforandet: "#d0d7de",
}
"""Statusens färg, samma som variablerna i mallar/rapporter/stil.css."""

TEXT = "#1f2328"
DAMPAD = "#57606a"
LINJE = "#d0d7de"
YTA = "#f6f8fa"
VIT = "#ffffff"
TYPSNITT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

# Ett tecken är i medeltal drygt halva teckenhöjden brett i ett sans-serif-typsnitt
# (mer i fetstil). Typsnittet är läsarens och kan inte mätas här, så måtten är tagna
# efter ett av de bredaste (DejaVu Sans, som Linux ofta visar).
TECKENBREDD = 0.6
TECKENBREDD_FET = 0.66


# --- Vy-modellerna ----------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """En textrad: x, y är baslinjen; `ankare` är SVG:s text-anchor."""

    x: float
    y: float
    text: str
    storlek: float = 13
    farg: str = TEXT
    fet: bool = False
    ankare: str = "middle"


@dataclass(frozen=True)
class Ruta:
    """En rektangel."""

    x: float
    y: float
    bredd: float
    hojd: float
    fyllning: str
    kant: str = TEXT
    kantbredd: float = 1.5
    rundning: float = 0


@dataclass(frozen=True)
class Polygon:
    """En månghörning: punkterna som ”x,y x,y …”."""

    punkter: str
    fyllning: str
    kant: str = TEXT
    kantbredd: float = 1.5


@dataclass(frozen=True)
class Cirkel:
    """En cirkel."""

    x: float
    y: float
    r: float
    fyllning: str
    kant: str = TEXT
    kantbredd: float = 1.5


F = TypeVar("F", Ruta, Polygon, Cirkel)


@dataclass(frozen=True)
class Del(Generic[F]):
    """En del av bilden: en form och texterna i den."""

    form: F
    texter: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Rumsdel(Generic[F]):
    """Ett rum i bilden: formen i statusens färg, texterna och en full beskrivning."""

    id: str
    status: str
    beskrivning: str
    del_: Del[F]


@dataclass(frozen=True)
class Ram:
    """Det som varje bild har: storlek, id för title och desc, titel och beskrivning."""

    id: str
    bredd: float
    hojd: float
    titel: str
    beskrivning: str
    typsnitt: str = TYPSNITT


@dataclass(frozen=True)
class Husvy:
    """Huset: tak, bjälklag, väggar, rum, grundstomme, Garaget och färgförklaring."""

    ram: Ram
    rubrik: Text
    tak: Del[Polygon]
    bjalklag: Del[Ruta]
    vaggar: Ruta
    rum: tuple[Rumsdel[Ruta], ...]
    grund: Del[Ruta]
    mark: Ruta
    garagetak: Polygon
    garage: Del[Ruta]
    garageport: Ruta
    forklaring: tuple[Del[Ruta], ...]


@dataclass(frozen=True)
class Sektor:
    """En månad i årshjulet: en tårtbit (SVG-bana) och månadens namn utanför."""

    bana: str
    fyllning: str
    namn: Text


@dataclass(frozen=True)
class Hjulvy:
    """Årshjulet: månaderna, rummen som numrerade punkter, listan över dem och förklaringen."""

    ram: Ram
    rubrik: Text
    sektorer: tuple[Sektor, ...]
    kant: Cirkel
    mitt: Del[Cirkel]
    rum: tuple[Rumsdel[Cirkel], ...]
    lista: tuple[Rumsdel[Cirkel], ...]
    forklaring: tuple[Del[Ruta], ...]


@dataclass(frozen=True)
class Rumslage:
    """Ett rum och dess status i årets hjul."""

    rum: Rum
    status: Rumsstatus

    @property
    def manad(self) -> str:
        """Månaden då rummet har sitt stopp."""
        return MANADER[self.rum.månad - 1]

    def text(self) -> str:
        """”Processer och rutiner (februari) genomförd”."""
        return f"{self.rum.namn} ({self.manad}) {self.status}"


# --- Gemensamt ----------------------------------------------------------------------


def rumslagen(v: Verksamhet, ar: int, per: date) -> list[Rumslage]:
    """Husets rum i husets ordning, med status år `ar` bedömd dagen `per`."""
    return [Rumslage(rum, rumsstatus(v, rum, ar, per)) for rum in v.rum]


def _luminans(farg: str) -> float:
    def kanal(varde: int) -> float:
        c = varde / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(farg[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * kanal(r) + 0.7152 * kanal(g) + 0.0722 * kanal(b)


def kontrast(forgrund: str, bakgrund: str) -> float:
    """Kontrastkvoten mellan två färger (#rrggbb) enligt WCAG, 1–21."""
    ljus, mork = sorted((_luminans(forgrund), _luminans(bakgrund)), reverse=True)
    return (ljus + 0.05) / (mork + 0.05)


def textfarg(fyllning: str) -> str:
    """Den av mörk och vit text som syns bäst mot fyllningen."""
    return max((TEXT, VIT), key=lambda farg: kontrast(farg, fyllning))


def _tecken(bredd: float, storlek: float, fet: bool = False) -> int:
    """Hur många tecken av en storlek som ryms på en bredd."""
    return max(1, int(bredd / (storlek * (TECKENBREDD_FET if fet else TECKENBREDD))))


def namnrader(namn: str, bredd: float, rader: int) -> tuple[float, list[str]]:
    """Ett namn i fetstil på högst `rader` rader: storleken och raderna.

    Ett ord som är för långt för raden ger en mindre stil hellre än ett avstavat ord.
    """
    langsta = max((len(ord_) for ord_ in namn.split()), default=0)
    storlek = next((s for s in (14, 13, 12) if _tecken(bredd, s, fet=True) >= langsta), 11)
    return storlek, radbryt(namn, _tecken(bredd, storlek, fet=True), rader)


def radbryt(text: str, tecken: int, rader: int) -> list[str]:
    """Texten i rader om högst `tecken` tecken; blir de fler än `rader` avkortas den sista."""
    delar = textwrap.wrap(" ".join(text.split()), tecken) or [""]
    if len(delar) <= rader:
        return delar
    return [*delar[: rader - 1], avkorta(" ".join(delar[rader - 1 :]), tecken)]


def avkorta(text: str, tecken: int) -> str:
    """Texten, avkortad med … vid ett ordslut när den är längre än `tecken` tecken."""
    if len(text) <= tecken:
        return text
    del_ = text[: tecken - 1]
    if text[tecken - 1] != " " and " " in del_.strip():
        del_ = del_[: del_.rstrip().rindex(" ")]
    return del_.rstrip(" ·,–:") + "…"


def _textrader(
    rader: list[str],
    x: float,
    forsta: float,
    radavstand: float,
    stil: Text,
) -> tuple[Text, ...]:
    """Rader under varandra, med storlek, färg och ankare som i `stil`."""
    return tuple(
        replace(stil, x=_r(x), y=_r(forsta + i * radavstand), text=rad)
        for i, rad in enumerate(rader)
    )


def _r(tal: float) -> float:
    return round(tal, 1)


def _forklaring(mitt: float, y: float) -> tuple[Del[Ruta], ...]:
    """Färgförklaringen för alla statusar på en rad, centrerad kring `mitt`."""
    bredder = [14 + 6 + len(str(s)) * 12 * TECKENBREDD + 20 for s in STATUSFARG]
    x = mitt - sum(bredder) / 2
    delar = []
    for (status, farg), bredd in zip(STATUSFARG.items(), bredder, strict=True):
        ruta = Ruta(_r(x), y - 11, 14, 14, farg, kantbredd=1, rundning=2)
        delar.append(Del(ruta, (Text(_r(x + 20), y, str(status), 12, ankare="start"),)))
        x += bredd
    return tuple(delar)


def _rubrik(v: Verksamhet, slag: str, ar: int, per: date, bredd: float) -> Text:
    text = f"{slag} {ar} för {v.namn}, läget {datum_lang(per)}"
    return Text(20, 22, avkorta(text, _tecken(bredd - 40, 13)), 13, DAMPAD, ankare="start")


def _beskrivning(v: Verksamhet, slag: str, ar: int, per: date, lagen: list[Rumslage]) -> str:
    rummen = "; ".join(lage.text() for lage in lagen) or "inga rum"
    return f"{slag} för {v.namn} {ar}, läget {datum_lang(per)}: {rummen}."


# --- Huset --------------------------------------------------------------------------

HUS_BREDD = 800
KROPP_X = 40  # väggarnas vänstra kant
KROPP_BREDD = 570
TAKFOT = 20  # hur långt taket och grundstommen sticker ut utanför väggarna
TAK_TOPP, TAK_BOTTEN, TAK_INDRAG = 44, 196, 110
BJALKLAG_HOJD = 62
RUM_PER_RAD, RUM_HOJD, RUM_MELLANRUM = 3, 104, 14
GRUND_HOJD = 40
GARAGE_X, GARAGE_BREDD, GARAGE_HOJD = 650, 110, 104
MITT = KROPP_X + KROPP_BREDD / 2


def husbild(v: Verksamhet, ar: int, per: date, markerat: str | None = None) -> Bild:
    """Huset som SVG: taket, bjälklaget, rummen i sin status, grundstommen och Garaget.

    Args:
        v: Verksamheten.
        ar: Året vars årshjul rummen färgas efter.
        per: Dagen då statusen bedöms.
        markerat: Id för ett rum som ska framhävas med tjock kant.

    Returns:
        Bilden, med namnet "huset".
    """
    vy = husvy(v, ar, per, markerat)
    svg = rendering.rendera_svg("huset", vy=vy, markor=MARKOR)
    return Bild("huset", vy.ram.titel, vy.ram.beskrivning, svg)


def husvy(v: Verksamhet, ar: int, per: date, markerat: str | None = None) -> Husvy:
    """Vy-modellen för huset (se `husbild`)."""
    lagen = rumslagen(v, ar, per)
    rader = max(1, math.ceil(len(lagen) / RUM_PER_RAD))
    vaggar_topp = TAK_BOTTEN + BJALKLAG_HOJD
    vaggar_hojd = rader * RUM_HOJD + (rader + 1) * RUM_MELLANRUM
    grund_y = vaggar_topp + vaggar_hojd
    mark = grund_y + GRUND_HOJD
    return Husvy(
        ram=_husram(v, ar, per, lagen, markerat, mark + 50),
        rubrik=_rubrik(v, "Huset", ar, per, HUS_BREDD),
        tak=_tak(v),
        bjalklag=_bjalklag(v),
        vaggar=Ruta(KROPP_X, vaggar_topp, KROPP_BREDD, vaggar_hojd, VIT),
        rum=tuple(_rumsruta(lage, i, vaggar_topp, markerat) for i, lage in enumerate(lagen)),
        grund=_grund(grund_y),
        mark=Ruta(10, mark, HUS_BREDD - 20, 0, "none", DAMPAD, 2),
        garagetak=_garagetak(mark),
        garage=_garage(v, mark),
        garageport=Ruta(GARAGE_X + 20, mark - 46, GARAGE_BREDD - 40, 46, YTA, DAMPAD, 1),
        forklaring=_forklaring(HUS_BREDD / 2, mark + 34),
    )


def _husram(
    v: Verksamhet, ar: int, per: date, lagen: list[Rumslage], markerat: str | None, hojd: float
) -> Ram:
    beskrivning = _beskrivning(v, "Huset", ar, per, lagen)
    markerade = [lage.rum.namn for lage in lagen if lage.rum.id == markerat]
    if markerade:
        beskrivning += f" Markerat rum: {markerade[0]}."
    beskrivning += f" {_takets_beskrivning(v)} {_garagets_beskrivning(v)}"
    id_ = f"huset-{markerat}" if markerat else "huset"
    return Ram(id_, HUS_BREDD, hojd, f"Huset {ar}: rummens status", beskrivning)


def _takets_beskrivning(v: Verksamhet) -> str:
    mal = [m.namn for m in v.huset[1].tak.integrerade_mål] if v.huset else []
    text = "Taket: visionen"
    text += f" och de integrerade målen {upprakning(mal)}." if mal else "."
    return text + " Bjälklaget: arbetsmiljö. Grundstommen: lagar, föreskrifter och uppdrag."


def _garagets_beskrivning(v: Verksamhet) -> str:
    return f"Garaget: {_parkerade(v)} parkerade."


def _takbredd(y: float) -> float:
    """Takets bredd på höjden y (det vidgar sig nedåt)."""
    andel = (y - TAK_TOPP) / (TAK_BOTTEN - TAK_TOPP)
    return KROPP_BREDD + 2 * TAKFOT - 2 * TAK_INDRAG * (1 - andel)


def _tak(v: Verksamhet) -> Del[Polygon]:
    vanster, hoger = KROPP_X - TAKFOT, KROPP_X + KROPP_BREDD + TAKFOT
    punkter = (
        f"{vanster},{TAK_BOTTEN} {vanster + TAK_INDRAG},{TAK_TOPP} "
        f"{hoger - TAK_INDRAG},{TAK_TOPP} {hoger},{TAK_BOTTEN}"
    )
    texter = [Text(MITT, TAK_TOPP + 24, "Taket: vision och mål", 14, fet=True)]
    texter += _takrader("Vision: " + (v.huset[1].tak.vision if v.huset else "–"), 92, 3)
    mal = [m.namn for m in v.huset[1].tak.integrerade_mål] if v.huset else []
    if mal:
        texter += _takrader("Integrerade mål: " + " · ".join(mal), texter[-1].y + 24, 3)
    return Del(Polygon(punkter, YTA), tuple(texter))


def _takrader(text: str, y: float, rader: int) -> tuple[Text, ...]:
    tecken = _tecken(_takbredd(y - 12) - 2 * TAKFOT - 40, 12)
    return _textrader(radbryt(text, tecken, rader), MITT, y, 16, Text(0, 0, "", 12))


def _bjalklag(v: Verksamhet) -> Del[Ruta]:
    ruta = Ruta(KROPP_X, TAK_BOTTEN, KROPP_BREDD, BJALKLAG_HOJD, "#eaeef2")
    bjalklag = v.huset[1].bjälklag if v.huset else None
    rubrik = "Bjälklag: arbetsmiljö"
    if bjalklag and bjalklag.modell:
        rubrik += f" ({bjalklag.modell})"
    faktorer = _friskfaktorer(
        [f.namn for f in bjalklag.friskfaktorer] if bjalklag else [],
        "Friskfaktorer (exempel): " if bjalklag and bjalklag.friskfaktorerna_är_exempel else None,
    )
    forsta = TAK_BOTTEN + (BJALKLAG_HOJD - 16 - 14 * len(faktorer)) / 2 + 13
    rader = (Text(MITT, _r(forsta), rubrik, 13, fet=True),)
    return Del(ruta, rader + _textrader(faktorer, MITT, forsta + 17, 14, Text(0, 0, "", 11)))


def _friskfaktorer(namn: list[str], ledtext: str | None) -> list[str]:
    """Friskfaktorernas namn på högst två rader, bara hela namn och ”och N till” för resten."""
    tecken = _tecken(KROPP_BREDD - 30, 11)
    for antal in range(len(namn), 0, -1):
        text = (ledtext or "Friskfaktorer: ") + " · ".join(namn[:antal])
        if antal < len(namn):
            text += f" och {len(namn) - antal} till"
        rader = textwrap.wrap(text, tecken)
        if len(rader) <= 2:
            return rader
    return [f"{len(namn)} friskfaktorer{' (exempel)' if ledtext else ''}"] if namn else []


def _rumsruta(lage: Rumslage, index: int, topp: float, markerat: str | None) -> Rumsdel[Ruta]:
    bredd = (KROPP_BREDD - (RUM_PER_RAD + 1) * RUM_MELLANRUM) / RUM_PER_RAD
    rad, kolumn = divmod(index, RUM_PER_RAD)
    x = _r(KROPP_X + RUM_MELLANRUM + kolumn * (bredd + RUM_MELLANRUM))
    y = topp + RUM_MELLANRUM + rad * (RUM_HOJD + RUM_MELLANRUM)
    fyllning = STATUSFARG[lage.status]
    markerad = lage.rum.id == markerat
    ruta = Ruta(x, y, _r(bredd), RUM_HOJD, fyllning, TEXT, 5 if markerad else 1.5, 6)
    texter = _rumstexter(lage, x + bredd / 2, y, bredd, textfarg(fyllning))
    return Rumsdel(lage.rum.id, str(lage.status), lage.text(), Del(ruta, texter))


def _rumstexter(lage: Rumslage, mitt: float, y: float, bredd: float, farg: str) -> tuple[Text, ...]:
    storlek, namn = namnrader(lage.rum.namn, bredd - 12, 3)
    status = radbryt(f"{lage.status} · {lage.manad}", _tecken(bredd - 16, 12), 2)
    hojd = len(namn) * (storlek + 4) + len(status) * 15
    forsta = y + (RUM_HOJD - hojd) / 2 + storlek - 1
    under = forsta + len(namn) * (storlek + 4) + 1
    stil = Text(0, 0, "", storlek, farg, fet=True)
    return _textrader(namn, mitt, forsta, storlek + 4, stil) + _textrader(
        status, mitt, under, 15, Text(0, 0, "", 12, farg)
    )


def _grund(y: float) -> Del[Ruta]:
    ruta = Ruta(KROPP_X - TAKFOT, y, KROPP_BREDD + 2 * TAKFOT, GRUND_HOJD, DAMPAD)
    text = "Grundstomme: lagar, föreskrifter och uppdrag"
    return Del(ruta, (Text(MITT, y + 25, text, 13, textfarg(DAMPAD), fet=True),))


def _garagetak(mark: float) -> Polygon:
    topp = mark - GARAGE_HOJD
    vanster, hoger = GARAGE_X - 6, GARAGE_X + GARAGE_BREDD + 6
    return Polygon(
        f"{vanster},{topp} {GARAGE_X + GARAGE_BREDD / 2},{topp - 30} {hoger},{topp}", YTA
    )


def _garage(v: Verksamhet, mark: float) -> Del[Ruta]:
    ruta = Ruta(GARAGE_X, mark - GARAGE_HOJD, GARAGE_BREDD, GARAGE_HOJD, VIT)
    mitt = GARAGE_X + GARAGE_BREDD / 2
    texter = (
        Text(mitt, mark - GARAGE_HOJD + 22, "Garaget", 13, fet=True),
        Text(mitt, mark - GARAGE_HOJD + 40, f"{_parkerade(v)} parkerade", 12, DAMPAD),
    )
    return Del(ruta, texter)


def _parkerade(v: Verksamhet) -> int:
    vantar = (Garagestatus.parkerad, Garagestatus.prioriterad)
    return sum(1 for p in v.garaget[1].poster if p.status in vantar) if v.garaget else 0


# --- Årshjulet ------------------------------------------------------------------------

HJUL_BREDD = 680
HJUL_X, HJUL_Y = 340, 306  # mittpunkten
HJUL_RADIE, MITT_RADIE = 240, 58
MANADSNAMN_AVSTAND = 10  # från hjulets kant till månadens namn
PUNKT_RADIE, PUNKT_LUFT = 14, 6  # rummens punkter och minsta luft mellan dem
LISTA_KOLUMNER, LISTA_KOLUMNBREDD = 2, 300


def arshjulsbild(v: Verksamhet, ar: int, per: date) -> Bild:
    """Årshjulet som SVG: tolv månader medurs från toppen, varje rum vid sin månad.

    Args:
        v: Verksamheten.
        ar: Året.
        per: Dagen då rummens status bedöms.

    Returns:
        Bilden, med namnet "arshjulet".
    """
    vy = hjulvy(v, ar, per)
    svg = rendering.rendera_svg("arshjulet", vy=vy, markor=MARKOR)
    return Bild("arshjulet", vy.ram.titel, vy.ram.beskrivning, svg)


def hjulvy(v: Verksamhet, ar: int, per: date) -> Hjulvy:
    """Vy-modellen för årshjulet (se `arshjulsbild`)."""
    lagen = sorted(rumslagen(v, ar, per), key=lambda lage: lage.rum.månad)
    lista, listans_slut = _lista(lagen, HJUL_Y + HJUL_RADIE + 44)
    beskrivning = _beskrivning(v, "Årshjulet", ar, per, lagen)
    return Hjulvy(
        ram=Ram("arshjulet", HJUL_BREDD, listans_slut + 44, f"Årshjulet {ar}", beskrivning),
        rubrik=_rubrik(v, "Årshjulet", ar, per, HJUL_BREDD),
        sektorer=tuple(_sektor(manad) for manad in range(12)),
        kant=Cirkel(HJUL_X, HJUL_Y, HJUL_RADIE, "none", DAMPAD),
        mitt=_mitten(ar),
        rum=_punkter(lagen),
        lista=lista,
        forklaring=_forklaring(HJUL_BREDD / 2, listans_slut + 24),
    )


def _punkt(vinkel: float, radie: float) -> tuple[float, float]:
    """Punkten på en radie, vinkeln i grader medurs från toppen."""
    rad = math.radians(vinkel)
    return _r(HJUL_X + radie * math.sin(rad)), _r(HJUL_Y - radie * math.cos(rad))


def _sektor(manad: int) -> Sektor:
    start, slut = manad * 30, (manad + 1) * 30
    (x1, y1), (x2, y2) = _punkt(start, HJUL_RADIE), _punkt(slut, HJUL_RADIE)
    (x3, y3), (x4, y4) = _punkt(slut, MITT_RADIE), _punkt(start, MITT_RADIE)
    bana = (
        f"M {x1} {y1} A {HJUL_RADIE} {HJUL_RADIE} 0 0 1 {x2} {y2} "
        f"L {x3} {y3} A {MITT_RADIE} {MITT_RADIE} 0 0 0 {x4} {y4} Z"
    )
    return Sektor(bana, VIT if manad % 2 else YTA, _manadsnamn(manad, start + 15))


def _manadsnamn(manad: int, vinkel: float) -> Text:
    x, y = _punkt(vinkel, HJUL_RADIE + MANADSNAMN_AVSTAND)
    sin, cos = math.sin(math.radians(vinkel)), math.cos(math.radians(vinkel))
    ankare = "start" if sin > 0.3 else "end" if sin < -0.3 else "middle"
    # Baslinjen: ovanför punkten överst, under den nederst, mitt för den på sidorna.
    return Text(x, _r(y + 13 * (0.35 - 0.5 * cos)), MANADER[manad], 13, DAMPAD, ankare=ankare)


def _mitten(ar: int) -> Del[Cirkel]:
    cirkel = Cirkel(HJUL_X, HJUL_Y, MITT_RADIE, VIT, LINJE)
    return Del(cirkel, (Text(HJUL_X, HJUL_Y + 10, str(ar), 28, fet=True),))


def platser(punktradie: float = PUNKT_RADIE) -> list[tuple[float, float]]:
    """Platserna för rummen i en månad, som (vinkel från månadens mitt, radie).

    Ytterst först, i rader inåt; varje rad rymmer så många punkter som får plats i
    tårtbiten utan att de rör varandra eller kanten.
    """
    avstand = 2 * punktradie + PUNKT_LUFT
    resultat: list[tuple[float, float]] = []
    radie = HJUL_RADIE - punktradie - 16
    while radie - punktradie > MITT_RADIE + 4:
        korda = 2 * radie * math.sin(math.radians(15)) - 2 * (punktradie + 1)
        antal = 1 + int(max(korda, 0) / avstand)
        for i in range(antal):
            forskjutning = (i - (antal - 1) / 2) * avstand
            resultat.append((math.degrees(forskjutning / radie), radie))
        radie -= avstand
    return resultat


def _punktradie(lagen: list[Rumslage]) -> float:
    """Största punkt som ger varje rum en egen plats i den fullaste månaden."""
    flest = max((sum(1 for x in lagen if x.rum.månad == m) for m in range(1, 13)), default=0)
    for radie in (PUNKT_RADIE, 11, 8):
        if len(platser(radie)) >= flest:
            return radie
    return 6


def _punkter(lagen: list[Rumslage]) -> tuple[Rumsdel[Cirkel], ...]:
    radie = _punktradie(lagen)
    lediga = platser(radie)
    punkter = []
    for nummer, lage in enumerate(lagen, start=1):
        foregaende = sum(1 for x in lagen[: nummer - 1] if x.rum.månad == lage.rum.månad)
        vinkel, avstand = lediga[foregaende % len(lediga)]
        x, y = _punkt((lage.rum.månad - 1) * 30 + 15 + vinkel, avstand)
        punkter.append(_numrerad(lage, nummer, x, y, radie))
    return tuple(punkter)


def _numrerad(lage: Rumslage, nummer: int, x: float, y: float, radie: float) -> Rumsdel[Cirkel]:
    fyllning = STATUSFARG[lage.status]
    storlek = _r(radie * 0.95)
    siffra = Text(x, _r(y + storlek * 0.36), str(nummer), storlek, textfarg(fyllning), fet=True)
    del_ = Del(Cirkel(x, y, radie, fyllning, TEXT, 1.5), (siffra,))
    return Rumsdel(lage.rum.id, str(lage.status), f"{nummer}. {lage.text()}", del_)


def _lista(lagen: list[Rumslage], topp: float) -> tuple[tuple[Rumsdel[Cirkel], ...], float]:
    """Rummen med nummer, namn, månad och status i kolumner under hjulet; och var listan slutar."""
    rader, y = [], topp
    for start in range(0, len(lagen), LISTA_KOLUMNER):
        hojder = []
        for kolumn, lage in enumerate(lagen[start : start + LISTA_KOLUMNER]):
            x = (HJUL_BREDD - LISTA_KOLUMNER * LISTA_KOLUMNBREDD) / 2 + kolumn * LISTA_KOLUMNBREDD
            rad, hojd = _listrad(lage, start + kolumn + 1, x, y)
            rader.append(rad)
            hojder.append(hojd)
        y += max(hojder) + 12
    return tuple(rader), y


def _listrad(lage: Rumslage, nummer: int, x: float, y: float) -> tuple[Rumsdel[Cirkel], float]:
    punkt = _numrerad(lage, nummer, x + 14, y + 14, 13)
    storlek, namn = namnrader(lage.rum.namn, LISTA_KOLUMNBREDD - 50, 2)
    stil = Text(0, 0, "", storlek, fet=True, ankare="start")
    texter = _textrader(namn, x + 36, y + 13, storlek + 4, stil)
    sista = y + 13 + len(namn) * (storlek + 4)
    status = Text(x + 36, sista, f"{lage.manad} · {lage.status}", 12, DAMPAD, ankare="start")
    del_ = Del(punkt.del_.form, (*punkt.del_.texter, *texter, status))
    return Rumsdel(punkt.id, punkt.status, punkt.beskrivning, del_), sista - y + 4


# --- Linjediagram (jämförelserna ur Kolada) -----------------------------------------------

DIAGRAM_BREDD = 640
PLOT_X, PLOT_Y, PLOT_BREDD, PLOT_HOJD = 84, 44, 520, 220
LINJESTIL = (("#0969da", ""), ("#bc4c00", "8 4"), ("#1a7f37", "2 3"))
"""Färg och streckning per linje: linjerna skiljs åt också utan färgseende."""


@dataclass(frozen=True)
class Linjepunkt:
    """En punkt på en linje, med sitt värde som verktygstips."""

    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Linje:
    """En serie: delsträckor (SVG-banor, avbrutna där ett värde saknas) och punkterna."""

    namn: str
    farg: str
    streck: str
    banor: tuple[str, ...]
    punkter: tuple[Linjepunkt, ...]


@dataclass(frozen=True)
class Linjevy:
    """Ett linjediagram: ram, rubrik, y-axelns rutnät, årtalen, linjerna och förklaringen."""

    ram: Ram
    rubrik: Text
    yta: Ruta
    rutnat: tuple[tuple[float, Text], ...]
    etiketter: tuple[Text, ...]
    linjer: tuple[Linje, ...]
    forklaring: tuple[tuple[Linje, float, float, Text], ...]


def linjediagram(
    namn: str,
    titel: str,
    beskrivning: str,
    etiketter: list[str],
    serier: list[tuple[str, list[float | None]]],
) -> Bild:
    """Ett linjediagram som SVG, med en lucka i linjen där ett värde saknas.

    Args:
        namn: Bildens namn (unikt i rapporten, ASCII).
        titel: Bildens titel (SVG:s title).
        beskrivning: Textalternativet (SVG:s desc): alla värden i ord.
        etiketter: X-axelns etiketter (årtalen).
        serier: Namn och värden per linje (högst tre), None där värdet saknas.

    Returns:
        Bilden.
    """
    vy = linjevy(namn, titel, beskrivning, etiketter, serier)
    svg = rendering.rendera_svg("kolada", vy=vy, markor=MARKOR)
    return Bild(namn, titel, beskrivning, svg)


def linjevy(
    namn: str,
    titel: str,
    beskrivning: str,
    etiketter: list[str],
    serier: list[tuple[str, list[float | None]]],
) -> Linjevy:
    """Vy-modellen för ett linjediagram (se `linjediagram`)."""
    steg = _skalsteg([x for _, varden in serier for x in varden if x is not None])
    xs = _xlagen(len(etiketter))
    linjer = tuple(
        _linje(namn_, varden, xs, steg, LINJESTIL[i % len(LINJESTIL)])
        for i, (namn_, varden) in enumerate(serier)
    )
    forklaring, slut = _linjeforklaring(linjer, PLOT_Y + PLOT_HOJD + 48)
    return Linjevy(
        ram=Ram(namn, DIAGRAM_BREDD, slut + 16, titel, beskrivning),
        rubrik=Text(
            20, 24, avkorta(titel, _tecken(DIAGRAM_BREDD - 40, 13)), 13, DAMPAD, ankare="start"
        ),
        yta=Ruta(PLOT_X, PLOT_Y, PLOT_BREDD, PLOT_HOJD, VIT, DAMPAD, 1),
        rutnat=tuple(
            (
                _yvarde(t, steg),
                Text(PLOT_X - 8, _r(_yvarde(t, steg) + 4), tal(t), 11, DAMPAD, ankare="end"),
            )
            for t in _skalan(steg)
        ),
        etiketter=tuple(
            Text(x, PLOT_Y + PLOT_HOJD + 18, e, 12, DAMPAD)
            for x, e in zip(xs, etiketter, strict=True)
        ),
        linjer=linjer,
        forklaring=forklaring,
    )


Skala = tuple[float, float, float]  # lägsta, högsta, steg


def _skalsteg(varden: list[float]) -> Skala:
    """Y-axelns skala: jämna tal runt värdena, från 0 när värdena sprider sig mycket."""
    lag, hog = min(varden, default=0.0), max(varden, default=0.0)
    # Nära varandra liggande värden (kostnader runt 5 000) syns bara utan nollan.
    if 0 < lag < hog / 2:
        lag = 0.0
    if hog == lag:
        hog = lag + 1
    grovt = (hog - lag) / 5
    storlek = 10 ** math.floor(math.log10(grovt))
    steg = next(f * storlek for f in (1, 2, 2.5, 5, 10) if f * storlek >= grovt)
    return math.floor(lag / steg) * steg, math.ceil(hog / steg) * steg, steg


def _skalan(skala: Skala) -> list[float]:
    lag, hog, steg = skala
    return [lag + i * steg for i in range(round((hog - lag) / steg) + 1)]


def _yvarde(varde: float, skala: Skala) -> float:
    lag, hog, _ = skala
    return _r(PLOT_Y + PLOT_HOJD - (varde - lag) / (hog - lag) * PLOT_HOJD)


def _xlagen(antal: int) -> list[float]:
    if antal == 1:
        return [_r(PLOT_X + PLOT_BREDD / 2)]
    marginal = 36
    avstand = (PLOT_BREDD - 2 * marginal) / max(antal - 1, 1)
    return [_r(PLOT_X + marginal + i * avstand) for i in range(antal)]


def _linje(
    namn: str, varden: list[float | None], xs: list[float], skala: Skala, stil: tuple[str, str]
) -> Linje:
    punkter = [
        (Linjepunkt(x, _yvarde(v, skala), f"{namn}: {tal(v)}") if v is not None else None)
        for x, v in zip(xs, varden, strict=True)
    ]
    banor, strackan = [], []
    for punkt in [*punkter, None]:
        if punkt is not None:
            strackan.append(punkt)
            continue
        if len(strackan) > 1:
            banor.append("M " + " L ".join(f"{p.x} {p.y}" for p in strackan))
        strackan = []
    return Linje(namn, stil[0], stil[1], tuple(banor), tuple(p for p in punkter if p))


def _linjeforklaring(
    linjer: tuple[Linje, ...], y: float
) -> tuple[tuple[tuple[Linje, float, float, Text], ...], float]:
    """Förklaringen: ett linjestycke och namnet per linje, radbrutet vid behov."""
    delar, x = [], 20.0
    for linje in linjer:
        bredd = 30 + 8 + len(linje.namn) * 12 * TECKENBREDD + 24
        if x + bredd > DIAGRAM_BREDD - 20 and x > 20:
            x, y = 20.0, y + 22
        delar.append((linje, _r(x), _r(y - 4), Text(_r(x + 38), y, linje.namn, 12, ankare="start")))
        x += bredd
    return tuple(delar), y


# --- Riskmatrisen (riskanalyserna) ------------------------------------------------------

MATRIS_BREDD = 580
MATRIS_X, MATRIS_Y = 150, 62  # rutnätets övre vänstra hörn
MATRIS_RUTA_B, MATRIS_RUTA_H = 102, 72
RISKNIVAER = (("låg", "#2da44e"), ("medelhög", "#d4a72c"), ("hög", "#cf222e"))
"""Risknivåernas namn och färg: låg under halva gränsen, hög från gränsen för hög risk."""


@dataclass(frozen=True)
class Matrisruta:
    """En ruta i riskmatrisen: sannolikhet och konsekvens, riskvärdet och antalet risker."""

    sannolikhet: int
    konsekvens: int
    varde: int
    antal: int
    niva: str
    beskrivning: str
    del_: Del[Ruta]


@dataclass(frozen=True)
class Matrisvy:
    """Riskmatrisen: 4 × 4 rutor, skalornas namn på axlarna och färgförklaringen."""

    ram: Ram
    rubrik: Text
    rutor: tuple[Matrisruta, ...]
    etiketter: tuple[Text, ...]
    forklaring: tuple[Del[Ruta], ...]


def riskniva(varde: int, grans: int) -> tuple[str, str]:
    """Risknivåns namn och färg för ett riskvärde, med gränsen för hög risk."""
    if varde >= grans:
        return RISKNIVAER[2]
    return RISKNIVAER[1] if 2 * varde >= grans else RISKNIVAER[0]


def riskmatrisbild(
    antal: Mapping[tuple[int, int], int], grans: int, sammanhang: str, obedomda: int = 0
) -> Bild:
    """Riskmatrisen som SVG: sannolikhet uppåt, konsekvens åt höger, antal risker i rutorna.

    Args:
        antal: Antal risker per (sannolikhet, konsekvens), båda 1–4.
        grans: Riskvärdet från vilket en risk är hög.
        sammanhang: Vad matrisen gäller, till exempel ”riskanalyserna 2026 för IFO”.
        obedomda: Risker utan sannolikhet eller konsekvens, som inte syns i matrisen.

    Returns:
        Bilden, med namnet "riskmatris".
    """
    vy = matrisvy(antal, grans, sammanhang, obedomda)
    svg = rendering.rendera_svg("riskmatris", vy=vy, markor=MARKOR)
    return Bild("riskmatris", vy.ram.titel, vy.ram.beskrivning, svg)


def matrisvy(
    antal: Mapping[tuple[int, int], int], grans: int, sammanhang: str, obedomda: int = 0
) -> Matrisvy:
    """Vy-modellen för riskmatrisen (se `riskmatrisbild`)."""
    rutor = tuple(
        _matrisruta(s, k, antal.get((s, k), 0), grans) for s in range(4, 0, -1) for k in range(1, 5)
    )
    botten = MATRIS_Y + 4 * MATRIS_RUTA_H
    summa = sum(antal.values())
    titel = f"Riskmatris: {_bedomda(summa)}"
    return Matrisvy(
        ram=Ram(
            "riskmatris",
            MATRIS_BREDD,
            botten + 120,
            titel,
            _matrisbeskrivning(rutor, grans, sammanhang, summa, obedomda),
        ),
        rubrik=Text(
            20,
            22,
            avkorta(f"Riskmatris för {sammanhang}", _tecken(MATRIS_BREDD - 40, 13)),
            13,
            DAMPAD,
            ankare="start",
        ),
        rutor=rutor,
        etiketter=_matrisetiketter(botten),
        forklaring=_matrisforklaring(grans, botten + 78),
    )


def _matrisruta(s: int, k: int, antal: int, grans: int) -> Matrisruta:
    x = MATRIS_X + (k - 1) * MATRIS_RUTA_B
    y = MATRIS_Y + (4 - s) * MATRIS_RUTA_H
    varde = s * k
    niva, farg = riskniva(varde, grans)
    fyllning = farg if antal else _blekt(farg)
    texter = [Text(x + MATRIS_RUTA_B - 6, y + 16, str(varde), 11, textfarg(fyllning), ankare="end")]
    if antal:
        mitt = y + MATRIS_RUTA_H / 2 + 10
        texter.append(Text(x + MATRIS_RUTA_B / 2, mitt, str(antal), 26, textfarg(fyllning), True))
    risker = flertal(antal, "risk", "risker")
    beskrivning = (
        f"Sannolikhet {s} ({SANNOLIKHET[s]}) × konsekvens {k} ({KONSEKVENS[k]}) ="
        f" riskvärde {varde}, {niva} risk: {risker}"
    )
    ruta = Ruta(x, y, MATRIS_RUTA_B, MATRIS_RUTA_H, fyllning, VIT, 2)
    return Matrisruta(s, k, varde, antal, niva, beskrivning, Del(ruta, tuple(texter)))


def _blekt(farg: str) -> str:
    """Färgen blandad med vitt (en tredjedel färg), för rutor utan risker."""
    kanaler = (int(farg[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(255 - (255 - c) / 3):02x}" for c in kanaler)


def _matrisetiketter(botten: float) -> tuple[Text, ...]:
    texter = [Text(MATRIS_X - 10, MATRIS_Y - 10, "Sannolikhet", 12, DAMPAD, True, "end")]
    for s in range(1, 5):
        y = MATRIS_Y + (4 - s) * MATRIS_RUTA_H + MATRIS_RUTA_H / 2 + 4
        texter.append(Text(MATRIS_X - 10, y, f"{s} {SANNOLIKHET[s]}", 12, ankare="end"))
    for k in range(1, 5):
        x = MATRIS_X + (k - 0.5) * MATRIS_RUTA_B
        texter.append(Text(x, botten + 18, f"{k} {KONSEKVENS[k]}", 12))
    mitt = MATRIS_X + 2 * MATRIS_RUTA_B
    texter.append(Text(mitt, botten + 40, "Konsekvens", 12, DAMPAD, True))
    forklaring = "Den stora siffran är antalet risker, den lilla i hörnet rutans riskvärde."
    texter.append(Text(MATRIS_BREDD / 2, botten + 100, forklaring, 12, DAMPAD))
    return tuple(texter)


def _matrisforklaring(grans: int, y: float) -> tuple[Del[Ruta], ...]:
    halva = math.ceil(grans / 2)
    spann = ((1, halva - 1), (halva, grans - 1), (grans, 16))
    # En låg gräns lämnar ingen plats åt de lägre nivåerna; de tas då inte med.
    poster = [
        (farg, f"{niva} risk ({fran}–{till})" if fran < till else f"{niva} risk ({fran})")
        for (niva, farg), (fran, till) in zip(RISKNIVAER, spann, strict=True)
        if fran <= till
    ]
    bredder = [14 + 6 + len(text) * 12 * TECKENBREDD + 20 for _, text in poster]
    x = max(20.0, MATRIS_BREDD / 2 - sum(bredder) / 2)
    delar = []
    for (farg, text), bredd in zip(poster, bredder, strict=True):
        ruta = Ruta(_r(x), y - 11, 14, 14, farg, kantbredd=1, rundning=2)
        delar.append(Del(ruta, (Text(_r(x + 20), y, text, 12, ankare="start"),)))
        x += bredd
    return tuple(delar)


def _matrisbeskrivning(
    rutor: tuple[Matrisruta, ...], grans: int, sammanhang: str, summa: int, obedomda: int
) -> str:
    fyllda = sorted((r for r in rutor if r.antal), key=lambda r: (-r.varde, -r.sannolikhet))
    delar = "; ".join(r.beskrivning[0].lower() + r.beskrivning[1:] for r in fyllda)
    rutorna = f"Rutorna med risker: {delar}." if delar else "Ingen ruta har någon risk."
    text = (
        f"Riskmatris för {sammanhang}: {_bedomda(summa)}, sannolikhet (1–4) uppåt och"
        f" konsekvens (1–4) åt höger. En risk är hög från riskvärdet {grans}. {rutorna}"
    )
    if obedomda:
        vilka = "risk saknar" if obedomda == 1 else "risker saknar"
        text += f" {obedomda} {vilka} sannolikhet eller konsekvens och syns inte i matrisen."
    return text


def _bedomda(antal: int) -> str:
    return "1 bedömd risk" if antal == 1 else f"{antal} bedömda risker"
