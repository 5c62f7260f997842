"""Hittar personnummer och samordningsnummer i text.

Förrådet får aldrig innehålla ett personnummer (OSL 26 kap. 1 §, GDPR art. 5), så
all text söks igenom, inte bara YAML-värdena. Alla vanliga skrivsätt hittas:
ÅÅÅÅMMDDNNNK, ÅÅMMDDNNNK, ÅÅMMDD-NNNK, ÅÅMMDD+NNNK (efter 100 år), ÅÅÅÅMMDD-NNNK
och samma sak med mellanslag, tabb eller radbrytning (en vikt rad) runt skiljetecknet.
Ett nummer som sitter ihop med ett ord (`pnr811218-9876`) hittas också, men inte siffror
i ett längre tal. Text med tecken som ser ut som siffror, streck eller mellanslag
(helbreddssiffror, tankstreck –, hårt mellanslag, osynliga tecken) söks igenom en gång
till, normaliserad. Ett tal rapporteras bara när datumet finns (dag + 60 för
samordningsnummer), födelsenumret inte är 000 och kontrollsiffran stämmer (Luhn med
vikterna 2 och 1, Skatteverkets modulus 10).

En träff visar aldrig hela numret: `maskerat` har formen ÅÅMMDD-****, och `maskera`
ersätter varje nummer i en text med den formen (all text som kvalitet skriver ut eller
till en fil passerar den, se kvalitet.utdata).

Ett falsklarm, till exempel ett telefonnummer som råkar ha rätt kontrollsiffra,
tystas med en kommentar på samma rad, med ett skäl:
`# kvalitet: ignorera PNR001 – telefonnummer till växeln`.

Modulen använder bara standardbiblioteket och skriver aldrig ut något.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import BinaryIO

__all__ = [
    "Personnummertraff",
    "Traff",
    "hitta",
    "i_bytes",
    "i_fil",
    "i_text",
    "i_varden",
    "maskera",
    "saknar_skal",
]

# Siffror som sitter ihop med fler siffror hör till ett längre tal och räknas inte;
# bokstäver runt numret hindrar inte (”pnr811218-9876”). Mönstret börjar med en
# teckenklass och inte med det villkoret eller ett valfritt sekel, för då hoppar re fram
# till nästa siffra i C: det gör genomsökningen ungefär tre gånger snabbare. Seklet (18,
# 19 eller 20 i ÅÅÅÅMMDD) prövas därför i _ar_giltigt. Mellan datumet och de fyra sista
# siffrorna får stå ett skiljetecken (- eller +) med blanksteg runt, eller en radbrytning
# med indrag (en vikt YAML-text).
_MONSTER = re.compile(
    r"(?P<siffror>[0-9](?<![0-9][0-9])(?:[0-9]{7}|[0-9]{5}))"
    r"[ \t]*[-+]?[ \t]*(?:\r?\n[ \t]*)?"
    r"(?P<nummer>[0-9]{4})"
    r"(?![0-9])"
)
# Tecken som kan dölja ett nummer för mönstret: andra mellanslag än det vanliga, osynliga
# tecken, streck som inte är bindestreck och siffror som inte är ASCII.
_MISSTANKT = re.compile(
    r"[^\S\n\r\t ]"
    r"|[\u00ad\u200b-\u200f\u2010-\u2015\u2060-\u2064\u2212\ufe58\ufe63\uff0b\uff0d\ufeff]"
    r"|(?![0-9])\d"
)
_OSYNLIGA = frozenset("\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff")
_STRECK = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_SEKEL = frozenset({"", "18", "19", "20"})

_MARKOR = re.compile(r"kvalitet: ignorera PNR00[13]")
_SKAL = re.compile(r"[ \t]*[–—:-]+[ \t]*(?P<skal>\S.*?)?\s*")
# Skälet slutar där en HTML- eller CSS-kommentar slutar; annars vid radslutet.
_KOMMENTARSLUT = ("-->", "*/")
_SAMORDNING = 60


@dataclass(frozen=True)
class Traff:
    """Ett personnummer eller samordningsnummer i texten.

    Attributes:
        rad: Raden, räknad från 1 (det är radbrytningarna LF som räknas).
        kol: Kolumnen för numrets första siffra, räknad från 1 i tecken.
        maskerat: ÅÅMMDD-**** – de sex datumsiffrorna (för samordningsnummer
            dagen som den står, 61–91), aldrig de fyra sista.
        samordningsnummer: Sant när dagen är ökad med 60.
        tystad: Sant när raden har ignorera-kommentaren med ett skäl.
        skal: Skälet när träffen är tystad, annars None.
    """

    rad: int
    kol: int
    maskerat: str
    samordningsnummer: bool
    tystad: bool
    skal: str | None
    fel_kontrollsiffra: bool = False
    """Skrivet som ett personnummer med giltigt datum, men kontrollsiffran stämmer inte:
    kanske ett felskrivet nummer, och då ändå en personuppgift."""


@dataclass(frozen=True)
class _Markor:
    """Ignorera-kommentaren på en rad: var den står och dess skäl."""

    start: int
    slut: int
    skal: str | None

    def tystar(self, kolumn: int) -> bool:
        # Ett nummer i själva kommentaren (t.ex. i skälet) kan inte tysta sig självt.
        return self.skal is not None and not self.start <= kolumn < self.slut


def hitta(text: str) -> list[Traff]:
    """Hittar alla giltiga personnummer och samordningsnummer i en text.

    Texten söks igenom en gång. Rad och kolumn räknas bara fram när något hittas,
    så en fil utan nummer kostar bara genomsökningen.

    Args:
        text: Hela filens text.

    Returns:
        Träffarna i den ordning de står i texten, maskerade.
    """
    traffar: list[Traff] = []
    rad, radstart, radslut = 1, 0, -1
    markor: _Markor | None = None
    for start, _, traff in _giltiga(text):
        if start > radslut:
            # Bara radbrytningarna sedan förra träffens rad räknas: texten räknas en gång.
            rad += text.count("\n", radstart, start)
            radstart = text.rfind("\n", 0, start) + 1
            radslut = _radslut(text, start)
            markor = _las_markor(text[radstart:radslut])
        traffar.append(_skapa_traff(traff, rad, start - radstart, markor))
    return traffar


def maskera(text: str) -> str:
    """Texten med varje personnummer och samordningsnummer maskerat (ÅÅMMDD-****)."""
    traffar = list(_giltiga(text))
    if not traffar:
        return text
    delar, forra = [], 0
    for start, slut, traff in traffar:
        if start < forra:
            continue
        delar += [text[forra:start], _maskera(traff)]
        forra = slut
    return "".join([*delar, text[forra:]])


def _giltiga(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """Nummer i texten (giltiga, och felskrivna i personnummerform): början, slut, träffen."""
    traffar = [(t.start(), t.end(), t) for t in _MONSTER.finditer(text) if _ar_nummer(t)]
    if _MISSTANKT.search(text) is None:
        return traffar
    # Den ovanliga vägen: sök en gång till i en normaliserad kopia, med varje teckens
    # plats i originalet, så att rad och kolumn pekar dit numret står.
    normal, plats = _normalisera(text)
    kanda = {start for start, _, _ in traffar}
    for traff in _MONSTER.finditer(normal):
        start = plats[traff.start()]
        if _ar_nummer(traff) and start not in kanda:
            traffar.append((start, plats[traff.end() - 1] + 1, traff))
    return sorted(traffar, key=lambda t: t[0])


def _ar_nummer(traff: re.Match[str]) -> bool:
    return _ar_giltigt(traff) or _felskrivet(traff)


def _felskrivet(traff: re.Match[str]) -> bool:
    """Ett personnummer med giltigt datum men fel kontrollsiffra, skrivet som ett sådant.

    Bara med skiljetecken (ÅÅMMDD-NNNN, ÅÅÅÅMMDD-NNNN) eller tolv siffror med sekel:
    tio siffror i följd är oftare ett telefon- eller ärendenummer.
    """
    siffror, nummer = traff["siffror"], traff["nummer"]
    skiljetecken = any(tecken in "-+" for tecken in traff[0][len(siffror) : -4])
    return (
        (skiljetecken or len(siffror) == 8)
        and siffror[:-6] in _SEKEL
        and nummer[:3] != "000"
        and _datum_finns(siffror)
    )


def _normalisera(text: str) -> tuple[str, list[int] | range]:
    """Texten med streck som -, mellanslag som ” ” och siffror som 0–9, utan osynliga tecken.

    Tecknen byts ett mot ett med str.translate (i C, också för en lång text med många
    tankstreck); bara när osynliga tecken ska bort byggs en lista med platserna.
    """
    normal = text.translate(_tabell())
    if _BORT not in normal:
        return normal, range(len(normal))
    plats = [index for index, tecken in enumerate(normal) if tecken != _BORT]
    return normal.replace(_BORT, ""), plats


_BORT = "\x00"


@cache
def _tabell() -> dict[int, str]:
    # Byggs första gången en text behöver normaliseras (det tar några millisekunder).
    tabell = {ord(tecken): _BORT for tecken in _OSYNLIGA}
    tabell |= {ord(tecken): "-" for tecken in _STRECK}
    tabell[0xFF0B] = "+"
    for kod in range(0x80, 0x10000):
        tecken = chr(kod)
        if tecken.isdecimal():
            tabell[kod] = str(unicodedata.decimal(tecken))
        elif tecken.isspace() and tecken not in "\x85\u2028\u2029":
            tabell[kod] = " "
    return tabell


def saknar_skal(rad: str) -> bool:
    """Säger om raden har ignorera-kommentaren men inget skäl.

    Ett tystat larm kräver ett skäl efter `kvalitet: ignorera PNR001` och ett
    skiljetecken (–, —, - eller :), så att granskaren kan bedöma det.

    Args:
        rad: En rad ur texten, utan radbrytning.

    Returns:
        Sant när kommentaren finns men skälet saknas.
    """
    markor = _las_markor(rad)
    return markor is not None and markor.skal is None


def _ar_giltigt(traff: re.Match[str]) -> bool:
    siffror, nummer = traff["siffror"], traff["nummer"]
    return (
        siffror[:-6] in _SEKEL
        and nummer[:3] != "000"
        and _datum_finns(siffror)
        and _kontrollsiffra(siffror[-6:] + nummer[:3]) == int(nummer[3])
    )


def _datum_finns(siffror: str) -> bool:
    ar, manad, dag = int(siffror[-6:-4]), int(siffror[-4:-2]), int(siffror[-2:])
    if dag > _SAMORDNING:
        dag -= _SAMORDNING
    if not (1 <= manad <= 12 and dag >= 1):
        return False
    # Utan sekel räcker ett av dem: 29 februari kräver bara skottår i något sekel.
    sekler = (int(siffror[:2]),) if len(siffror) == 8 else (19, 20)
    return any(dag <= calendar.monthrange(sekel * 100 + ar, manad)[1] for sekel in sekler)


def _kontrollsiffra(nio_siffror: str) -> int:
    summa = 0
    for plats, siffra in enumerate(nio_siffror):
        produkt = int(siffra) * (2 - plats % 2)
        summa += produkt // 10 + produkt % 10
    return (10 - summa % 10) % 10


def _radslut(text: str, start: int) -> int:
    slut = text.find("\n", start)
    return len(text) if slut == -1 else slut


def _skapa_traff(traff: re.Match[str], rad: int, kolumn: int, markor: _Markor | None) -> Traff:
    tystad = markor is not None and markor.tystar(kolumn)
    return Traff(
        rad=rad,
        kol=kolumn + 1,
        maskerat=_maskera(traff),
        samordningsnummer=int(traff["siffror"][-2:]) > _SAMORDNING,
        tystad=tystad,
        skal=markor.skal if tystad and markor is not None else None,
        fel_kontrollsiffra=not _ar_giltigt(traff),
    )


def _maskera(traff: re.Match[str]) -> str:
    return f"{traff['siffror'][-6:]}-****"


def i_varden(data: object) -> list[tuple[tuple[str | int, ...], Traff]]:
    r"""Nummer i tolkade YAML-värden och nycklar, med vägen till värdet.

    För text där numret inte står som det läses: skrivet med escape-sekvenser inom
    citattecken (`"\\x38\\x31…"`), eller delat av en radfortsättning med omvänt
    snedstreck. Rad och kolumn i träffarna gäller värdet, inte filen.
    """
    traffar: list[tuple[tuple[str | int, ...], Traff]] = []
    stack: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while stack:
        vag, varde = stack.pop()
        if isinstance(varde, str):
            traffar += [(vag, traff) for traff in hitta(varde)]
        elif isinstance(varde, dict):
            for nyckel, under in varde.items():
                if isinstance(nyckel, str):
                    traffar += [((*vag, nyckel), traff) for traff in hitta(nyckel)]
                stack.append(((*vag, str(nyckel)), under))
        elif isinstance(varde, list):
            stack += [((*vag, index), under) for index, under in enumerate(varde)]
    return traffar


def _las_markor(rad: str) -> _Markor | None:
    markor = _MARKOR.search(rad)
    if markor is None:
        return None
    start, efter = markor.span()
    slut = _kommentarslut(rad, efter)
    skal = _SKAL.fullmatch(rad, efter, slut)
    if skal is None or skal["skal"] is None:
        return _Markor(start, slut, None)
    return _Markor(start, slut, _MONSTER.sub(_maskera_om_giltigt, skal["skal"]))


def _kommentarslut(rad: str, efter: int) -> int:
    slut = [p for p in (rad.find(s, efter) for s in _KOMMENTARSLUT) if p != -1]
    return min(slut, default=len(rad))


def _maskera_om_giltigt(traff: re.Match[str]) -> str:
    # Skälet visas i varningar och CI-loggar; ett nummer i det får inte synas helt.
    return _maskera(traff) if _ar_nummer(traff) else traff[0]


@dataclass(frozen=True)
class Personnummertraff:
    """En träff i en viss fil, och om raden har en ignorera-kommentar utan skäl."""

    fil: str
    traff: Traff
    saknar_skal: bool
    i_namnet: bool = False
    """Numret står i filens (eller en mapps) namn, inte i filen."""


def pa_rad(fil: str, traff: Traff, rad: int, kol: int, radtext: str) -> Personnummertraff:
    """En träff i ett tolkat värde (se `i_varden`), flyttad till värdets rad och kolumn.

    Raden avgör som vanligt om träffen är tystad med en ignorera-kommentar.
    """
    markor = _las_markor(radtext)
    tystad = markor is not None and markor.skal is not None
    flyttad = replace(
        traff, rad=rad, kol=kol, tystad=tystad, skal=markor.skal if tystad and markor else None
    )
    return Personnummertraff(fil, flyttad, markor is not None and markor.skal is None)


def i_namn(fil: str) -> list[Personnummertraff]:
    """Nummer i en fils väg (filens och mapparnas namn)."""
    return [Personnummertraff(fil, traff, False, i_namnet=True) for traff in hitta(fil)]


def i_text(fil: str, text: str) -> list[Personnummertraff]:
    """Alla personnummer och samordningsnummer i en fils text."""
    traffar = hitta(text)
    if not traffar:
        return []
    rader = text.split("\n")  # som hitta räknar rader
    return [
        Personnummertraff(
            fil, traff, saknar_skal(rader[traff.rad - 1] if traff.rad <= len(rader) else "")
        )
        for traff in traffar
    ]


def i_bytes(fil: str, radata: bytes) -> list[Personnummertraff]:
    """Som `i_text`, för bytes som kanske inte är UTF-8.

    Bytes som inte är UTF-8 läses som UTF-16 (med BOM) eller Latin-1, så att inget
    nummer slipper igenom för att filen är felkodad (eller binär).
    """
    if radata.startswith((b"\xff\xfe", b"\xfe\xff")):
        return i_text(fil, radata.decode("utf-16", errors="replace"))
    try:
        text = radata.decode("utf-8")
    except UnicodeDecodeError:
        text = radata.decode("latin-1")
    return i_text(fil, text)


BIT = 1024 * 1024
"""Så mycket av en fil som söks igenom åt gången i `i_fil` (och en rad till slutet)."""


def i_fil(fil: str, sokvag: Path) -> list[Personnummertraff]:
    """Alla personnummer i en fil av vilken storlek som helst, läst i bitar.

    En export ur ett verksamhetssystem kan vara stor och full av personnummer; den
    söks igenom i bitar om `BIT` som slutar vid en radbrytning (ett nummer står aldrig
    över en), så att minnet räcker. Det som inte är en vanlig fil (en mapp, en pipe,
    en trasig länk) och filer som inte kan läsas hoppas över.

    Args:
        fil: Filens namn i träffarna (relativt verksamhetens rot).
        sokvag: Filen.

    Returns:
        Träffarna i filordning, med rader räknade från filens början.
    """
    traffar: list[Personnummertraff] = []
    try:
        if not sokvag.is_file():
            return traffar
        with sokvag.open("rb") as strom:
            for rader_fore, bit in _bitar(strom):
                traffar += [_flyttad(traff, rader_fore) for traff in i_bytes(fil, bit)]
    except OSError:
        return traffar
    return traffar


def _bitar(strom: BinaryIO) -> Iterator[tuple[int, bytes]]:
    rader_fore, delar = 0, []  # delar: det som ännu inte slutat med en radbrytning
    while block := strom.read(BIT):
        slut = block.rfind(b"\n") + 1
        if not slut:
            delar.append(block)  # en lång rad; samlas tills den tar slut
            continue
        bit = b"".join([*delar, block[:slut]])
        delar = [block[slut:]]
        yield rader_fore, bit
        rader_fore += bit.count(b"\n")
    if rest := b"".join(delar):
        yield rader_fore, rest


def _flyttad(traff: Personnummertraff, rader_fore: int) -> Personnummertraff:
    if not rader_fore:
        return traff
    return replace(traff, traff=replace(traff.traff, rad=traff.traff.rad + rader_fore))
