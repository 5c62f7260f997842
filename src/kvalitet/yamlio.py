"""Den enda modulen som importerar ruamel.yaml.

Många filer läses med ruamels säkra laddare på C-tolken (snabbt, utan positioner).
Bara när en fil ska redigeras eller ett fynd behöver sin rad och kolumn läses den
igen med rundturstolken, som bevarar kommentarer och vet var varje nod står.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    ScalarString,
)
from ruamel.yaml.tag import Tag
from ruamel.yaml.util import load_yaml_guess_indent

from kvalitet.fel import Anvandningsfel, CParserSaknas

_SAKER = YAML(typ="safe", pure=False)

if "CParser" not in getattr(_SAKER.Parser, "__name__", ""):  # pragma: no cover
    raise CParserSaknas(
        "ruamel.yaml:s C-tolk (ruamel.yaml.clib) saknas, så läsningen skulle bli mycket långsam.",
        tips="Installera om kvalitet, eller kör: pip install ruamel.yaml.clib",
    )

# YAML 1.2:s regler för att känna igen värden utan tagg (null, bool, tal, datum), efter
# första tecknet; en resolver utan laddare använder alltid standardversionen 1.2.
_REGLER_12: dict[Any, list[tuple[str, Any]]] = VersionedResolver().versioned_resolver
_INGET_FORSTA: list[tuple[str, Any]] = list(_REGLER_12.get(None, []))
_REGLER: dict[str, tuple[tuple[str, Any], ...]] = {}
_TAGGAR: dict[str, Tag] = {}


class _Laddare(_SAKER.Parser, SafeConstructor, VersionedResolver):  # type: ignore[misc,name-defined]
    """Ruamels säkra laddare på C-tolken, som `YAML(typ="safe").load`, men snabbare.

    `YAML.load` bygger en ny laddarklass för varje fil och slår upp YAML-versionen och
    reglerna för varje värde (en tredjedel av tiden i en stor verksamhet). C-tolken
    läser aldrig ett %YAML-direktiv till resolvern, så versionen är alltid 1.2; reglerna
    och taggarna byggs därför en gång. Att resultatet är detsamma som ruamels prövas
    mot hela YAML-testsviten och alla exempelfiler (tests/test_yamlio.py).
    """

    def __init__(self, text: str) -> None:
        _SAKER.Parser.__init__(self, text)
        self._parser = self._composer = self
        SafeConstructor.__init__(self, loader=self)
        self.allow_duplicate_keys = False
        VersionedResolver.__init__(self, version=None, loadumper=self)

    @property
    def versioned_resolver(self) -> Any:
        """Reglerna för YAML 1.2."""
        return _REGLER_12

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """Taggen för ett värde, som ruamels resolver men utan att ändra regellistorna."""
        if kind is ScalarNode and implicit[0]:
            forsta = value[:1]
            regler = _REGLER.get(forsta)
            if regler is None:
                regler = _REGLER[forsta] = (*_REGLER_12.get(forsta, []), *_INGET_FORSTA)
            for tagg, monster in regler:
                if monster.match(value):
                    traff = _TAGGAR.get(tagg)
                    if traff is None:
                        traff = _TAGGAR[tagg] = Tag(suffix=tagg)
                    return traff
            implicit = (False, implicit[1])
        return VersionedResolver.resolve(self, kind, value, implicit)


@dataclass
class Yamlfel(Exception):
    """En fil som inte kan tolkas som YAML: var och varför (på svenska)."""

    rad: int
    kol: int
    regel: str
    text: str


# Tolkens engelska felbeskrivningar (libyaml och ruamel) → svenska meningar.
_OVERSATTNINGAR: tuple[tuple[str, str], ...] = (
    ("cannot start any token", "Tecknet här kan inte inleda något YAML-värde."),
    (
        "mapping values are not allowed",
        "Ett kolon på fel ställe: värdet kan inte"
        " innehålla ”: ” utan citattecken, eller så är indraget fel.",
    ),
    ("did not find expected key", "En nyckel förväntades här: kontrollera indraget."),
    (
        "did not find expected '-'",
        "Ett listelement (”- ”) förväntades här: kontrollera indraget.",
    ),
    ("could not find expected ':'", "Ett kolon (”:”) efter nyckeln saknas."),
    (
        "did not find expected ','",
        "En lista eller mappning inom klamrar är inte"
        " avslutad: ett kommatecken eller en slutklammer saknas.",
    ),
    ("did not find expected node content", "Ett värde saknas här."),
    (
        "unexpected end of stream",
        "Filen tar slut mitt i ett värde, till exempel inom citattecken som aldrig stängs.",
    ),
    ("unknown escape character", "Okänd escape-sekvens (\\) inom dubbla citattecken."),
    ("undefined alias", "Hänvisningen (*alias) pekar på ett ankare som inte finns."),
    (
        "another document",
        "Filen innehåller flera YAML-dokument; en fil får bara innehålla ett.",
    ),
    ("incompatible YAML document", "Filen anger en YAML-version som inte stöds."),
    (
        "could not determine a constructor",
        "Okänd YAML-tagg (!…); taggar används inte i kvalitets filer.",
    ),
    ("unhashable", "En nyckel måste vara en enkel text, inte en lista eller mappning."),
    (
        "block sequence entries are not allowed",
        "Ett listelement (”- ”) på fel ställe: kontrollera indraget.",
    ),
    ("expected comment or line break", "Oväntad text efter värdet på samma rad."),
    ("found unexpected ':'", "Ett kolon på fel ställe."),
    ("found character", "Ett tecken som inte är tillåtet här."),
    ("found duplicate anchor", "Samma ankare (&namn) används två gånger."),
    (
        "while scanning an anchor",
        "Ett ankare eller alias (&namn, *namn) är felskrivet.",
    ),
    ("while scanning an alias", "Ett ankare eller alias (&namn, *namn) är felskrivet."),
    ("while scanning a directive", "Ett direktiv (%…) är felskrivet."),
    ("while scanning a block scalar", "Ett blockvärde (| eller >) är felskrivet."),
    (
        "while scanning a simple key",
        "En nyckel saknar kolon, eller så är indraget fel.",
    ),
    (
        "while parsing a block",
        "Indraget stämmer inte: kontrollera att nycklar och"
        " listelement på samma nivå står lika långt in.",
    ),
    ("while parsing a flow", "En lista eller mappning inom klamrar är felskriven."),
    ("while parsing", "Filens struktur kan inte tolkas här."),
)


def _svenska(fel: MarkedYAMLError) -> str:
    beskrivning = f"{fel.problem or ''} {fel.context or ''}"
    for engelska, svenska in _OVERSATTNINGAR:
        if engelska in beskrivning:
            return svenska
    return "Filen kan inte tolkas som YAML här."


def _tabb_i_indrag(text: str, rad: int) -> bool:
    rader = text.splitlines()
    return 0 < rad <= len(rader) and rader[rad - 1][:1] == "\t"


def _som_yamlfel(fel: Exception, text: str) -> Yamlfel:
    if isinstance(fel, ReaderError):
        return Yamlfel(1, 1, "YAML001", "Filen innehåller ett otillåtet styrtecken.")
    if not isinstance(fel, MarkedYAMLError):
        return Yamlfel(1, 1, "YAML001", "Filen kan inte tolkas som YAML.")
    markering = fel.problem_mark or fel.context_mark
    rad, kol = (markering.line + 1, markering.column + 1) if markering else (1, 1)
    if isinstance(fel, DuplicateKeyError):
        nyckel = str(fel.problem).split('"')[1] if '"' in str(fel.problem) else ""
        return Yamlfel(
            rad,
            kol,
            "YAML002",
            f"Nyckeln ”{nyckel}” förekommer två gånger i samma"
            " mappning; det andra värdet skulle tyst skriva över det första.",
        )
    if _tabb_i_indrag(text, rad):
        return Yamlfel(
            rad,
            1,
            "YAML001",
            "Raden är indragen med tabbtecken; YAML kräver mellanslag för indrag.",
        )
    return Yamlfel(rad, kol, "YAML001", _svenska(fel))


def las(text: str) -> Any:
    """Tolka YAML-text snabbt med den säkra C-tolken.

    Args:
        text: Filens text (redan avkodad från UTF-8).

    Returns:
        Vanliga Python-värden (dict, list, str, int, float, bool, date, None).

    Raises:
        Yamlfel: När texten inte är giltig YAML, med rad, kolumn och svensk text.
    """
    _granska(text)
    try:
        laddare = _Laddare(text)
        try:
            return laddare.get_single_data()
        finally:
            laddare.dispose()
    except (MarkedYAMLError, ReaderError) as fel:
        raise _som_yamlfel(fel, text) from None
    except RecursionError:
        raise Yamlfel(1, 1, "YAML001", "Filen är för djupt nästlad.") from None
    except Exception:
        # Konstruktorn kan ge upp utan position, och med vilket undantag som helst: ett
        # datum som inte finns (2026-13-01), en lista som nyckel, ett värde som inte passar
        # sin tagg (”!!bool maybe” ger KeyError i ruamel).
        raise _konstruktionsfel(text) from None


GRANS_DJUP = 100
"""Högsta nästlingsdjup (listor och mappningar i varandra); kvalitets filer har under tio."""
GRANS_VARDEN = 20_000
"""Högsta antal värden i en fil, med varje *alias räknat som hela sitt &ankare.

Den största filen i exempel-verksamhet/ har knappt 600. Gränsen håller också den
långsamma rundturstolken (för rad och kolumn i fynd) under ett par sekunder."""

# Billiga övre gränser som avgör om en text måste granskas händelse för händelse.
# Utan fler klamrar än så och med kortare indrag (blockstilen kräver minst en kolumn
# mer indrag per två nivåer) kan texten inte bli djupare än GRANS_DJUP, och en text
# utan ankare och med högst ett värde per tecken inte växa över GRANS_VARDEN.
_FA_KLAMRAR = 30
_INDRAG = re.compile(r"[ \t?:-]{32}")
# Radbrytningen först och tecknet upprepat så: flera gånger snabbare än ^ och re.M.
_DJUPT_INDRAG = re.compile(r"\n[ \t?:-][ \t?:-]{31}")
_DJUPT_INDRAG_CR = re.compile(r"\r[ \t?:-][ \t?:-]{31}")  # radslut med bara CR
_SKILJETECKEN = frozenset(" \t\n\r[]{},")


def _kan_vara_farlig(text: str) -> bool:
    return (
        len(text) > GRANS_VARDEN
        or text.count("[") + text.count("{") > _FA_KLAMRAR
        or _INDRAG.match(text) is not None
        or _DJUPT_INDRAG.search(text) is not None
        or ("\r" in text and _DJUPT_INDRAG_CR.search(text) is not None)
        or _har_ankare(text)
    )


def _har_ankare(text: str) -> bool:
    # Ett & som inleder ett ankare (&namn) står först eller efter ett skiljetecken; ett
    # & i löptext (”hälso- & sjukvård”) gör inte det. En slinga med find är här många
    # gånger snabbare än ett reguljärt uttryck, som inte kan hoppa fram till nästa &.
    plats = text.find("&")
    while plats != -1:
        efter = text[plats + 1 : plats + 2]
        if (plats == 0 or text[plats - 1] in _SKILJETECKEN) and efter not in _SKILJETECKEN:
            return bool(efter)
        plats = text.find("&", plats + 1)
    return False


def _granska(text: str) -> None:
    """Vägra djupt nästlad text och alias-bomber innan något byggs av dem.

    Tolkarna klarar inte sådan text: libyaml blir kvadratiskt långsam med djupet,
    rundturstolken når Pythons rekursionsgräns och en alias-bomb (”billion laughs”)
    växer exponentiellt när den valideras eller skrivs ut. Händelserna från C-tolken
    räknas därför först, med avbrott så snart en gräns passeras, så att också en
    elak fil besvaras på några millisekunder. Vanliga filer passerar de billiga
    kontrollerna i `_kan_vara_farlig` och tolkas bara en gång.

    Raises:
        Yamlfel: När texten är för djup, hänvisar till sig själv eller växer för mycket.
    """
    if not _kan_vara_farlig(text):
        return
    handelser = _SAKER.parse(text)
    try:
        _rakna(handelser)
    except (MarkedYAMLError, ReaderError):
        return  # syntaxfelet rapporteras av tolkningen, med sin förklaring
    finally:
        handelser.close()


@dataclass
class _Rakning:
    """Det `_granska` håller reda på: öppna listor och mappningar, ankarna och värdena."""

    oppna: list[tuple[str | None, int]] = field(default_factory=list)
    """Ankaret för varje öppen lista eller mappning och antalet värden före den."""
    storlek: dict[str, int] = field(default_factory=dict)
    varden: int = 0
    alias: bool = False

    def stang(self) -> None:
        ankare, fore = self.oppna.pop()
        if ankare is not None:
            self.storlek[ankare] = self.varden - fore

    def lagg_till(self, handelse: Any) -> None:
        if isinstance(handelse, AliasEvent):
            if any(ankare == handelse.anchor for ankare, _ in self.oppna):
                raise _granskningsfel(handelse, _SJALVHANVISNING)
            self.varden += self.storlek.get(handelse.anchor, 1)
            self.alias = True
            return
        if isinstance(handelse, CollectionStartEvent):
            self.oppna.append((handelse.anchor, self.varden))
        elif handelse.anchor is not None:
            self.storlek[handelse.anchor] = 1
        self.varden += 1


def _rakna(handelser: Iterator[Any]) -> None:
    rakning = _Rakning()
    for handelse in handelser:
        if isinstance(handelse, CollectionEndEvent):
            rakning.stang()
        elif isinstance(handelse, NodeEvent):
            rakning.lagg_till(handelse)
            if len(rakning.oppna) > GRANS_DJUP:
                raise _granskningsfel(handelse, _FOR_DJUP)
            if rakning.varden > GRANS_VARDEN:
                raise _granskningsfel(handelse, _ALIASBOMB if rakning.alias else _FOR_STOR)


def _granskningsfel(handelse: Any, text: str) -> Yamlfel:
    markering = handelse.start_mark
    return Yamlfel(markering.line + 1, markering.column + 1, "YAML001", text)


_TAL = f"{GRANS_VARDEN:,}".replace(",", "\N{NO-BREAK SPACE}")
_FOR_DJUP = (
    f"Filen är nästlad i mer än {GRANS_DJUP} nivåer (listor och mappningar i"
    " varandra) och tolkas inte; kvalitets filer behöver bara några få."
)
_SJALVHANVISNING = (
    "Filen hänvisar till sig själv: ett *alias står inuti sitt eget &ankare. Skriv ut"
    " värdet i stället."
)
_ALIASBOMB = (
    f"Filen växer till mer än {_TAL} värden när hänvisningarna (*alias) följs (en"
    " så kallad alias-bomb) och tolkas inte. Skriv ut värdena utan &ankare och *alias."
)
_FOR_STOR = (
    f"Filen har mer än {_TAL} värden och tolkas inte; kvalitets filer har sällan"
    " mer än några tusen. Dela upp den eller ta bort det som inte hör hemma här."
)


_DATUM = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")


_TAGG = re.compile(r"(?<![^\s\[{,:-])!![\w/.:-]+")


def _konstruktionsfel(text: str) -> Yamlfel:
    for radnr, rad in enumerate(text.splitlines(), 1):
        for traff in _DATUM.finditer(rad.split(" #")[0]):
            try:
                date(*map(int, traff.groups()))
            except ValueError:
                return Yamlfel(
                    radnr,
                    traff.start() + 1,
                    "YAML001",
                    f"Datumet {traff.group()} finns inte; skriv ÅÅÅÅ-MM-DD med en riktig dag.",
                )
    for radnr, rad in enumerate(text.splitlines(), 1):
        if tagg := _TAGG.search(rad.split(" #")[0]):
            return Yamlfel(
                radnr,
                tagg.start() + 1,
                "YAML001",
                f"Värdet efter taggen {tagg.group()} kan inte tolkas som den typen. Taggar"
                " behövs inte i kvalitets filer: ta bort taggen och skriv värdet som vanligt.",
            )
    return Yamlfel(
        1,
        1,
        "YAML001",
        "Ett värde kan inte tolkas, till exempel en lista eller mappning som nyckel.",
    )


# Indraget som kvalitets egna filer har: mappningar 2, listor 4 med strecket 2 in.
_STANDARDINDRAG = (2, 4, 2)
BREDD = 88
"""Största radlängd för långa texter som kvalitet själv skriver (vikta med >-)."""


def _rundtur(indrag: tuple[int, int, int] = _STANDARDINDRAG) -> YAML:
    # En ny instans per anrop: rundturstolken håller tillstånd mellan anrop.
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=indrag[0], sequence=indrag[1], offset=indrag[2])
    yaml.width = 4096
    return yaml


def las_rundtur(text: str) -> Any:
    """Tolka YAML-text med rundturstolken, som vet var varje nod står.

    Args:
        text: Filens text.

    Returns:
        Trädet av CommentedMap/CommentedSeq och skalärer.

    Raises:
        Yamlfel: När texten inte är giltig YAML.
    """
    _granska(text)
    try:
        return _rundtur().load(text)
    except (MarkedYAMLError, ReaderError) as fel:
        raise _som_yamlfel(fel, text) from None
    except Exception:
        # Rundturstolken har kända fel i udda hörn (kommentarer som överlappar,
        # listor som nycklar); då finns ingen position att ge, bara ett fel.
        raise Yamlfel(1, 1, "YAML001", "Filen kan inte läsas med rundturstolken.") from None


def position(trad: Any, vag: tuple[str | int, ...]) -> tuple[int, int]:
    """Rad och kolumn (från 1) för en väg av nycklar och index i ett rundtursträd.

    Vägen följs så långt den finns; för en nyckel ges nyckelns position, för ett
    listelement elementets. Finns inte vägen alls ges trädets början.

    Args:
        trad: Ett träd från `las_rundtur`.
        vag: Nycklar och listindex från roten, till exempel ("handlingsplan", 0).

    Returns:
        (rad, kolumn), båda räknade från 1.
    """
    nod, plats = trad, (0, 0)
    if isinstance(nod, CommentedBase) and nod.lc.line is not None:
        plats = (nod.lc.line, nod.lc.col or 0)
    for steg in vag:
        nasta = _barnposition(nod, steg)
        if nasta is None or None in nasta[1]:
            break
        nod, plats = nasta
    return plats[0] + 1, plats[1] + 1


def _barnposition(nod: Any, steg: str | int) -> tuple[Any, tuple[int, int]] | None:
    if not isinstance(nod, CommentedBase):
        return None
    try:
        if isinstance(nod, dict) and steg in nod:
            return nod[steg], tuple(nod.lc.key(steg) or (None, None))
        if isinstance(nod, list) and isinstance(steg, int) and 0 <= steg < len(nod):
            return nod[steg], tuple(nod.lc.item(steg) or (None, None))
    except (TypeError, KeyError):
        return None
    return None


@dataclass
class Redigerbar:
    """En fil läst för redigering: trädet och det indrag som återger filen oförändrad.

    `trad` ändras på plats (som dict och list) och skrivs sedan med `dumpa`.
    """

    trad: Any
    indrag: tuple[int, int, int]
    dokumentstart: bool = False


@dataclass
class EjRedigerbar(Exception):
    """Filen skulle ändras på fler ställen än avsett om den skrevs om.

    Rundturstolken återger inte alla sätt att skriva YAML exakt (ovanligt indrag,
    vissa kommentarer). Då vägrar kvalitet hellre än att skriva om användarens text.
    """

    rad: int


def las_for_redigering(text: str) -> Redigerbar:
    """Tolka en fil för redigering och bevisa att den kan skrivas tillbaka oförändrad.

    Args:
        text: Filens text, med radslut som LF.

    Returns:
        Trädet och indraget att skriva det med.

    Raises:
        Yamlfel: När texten inte är giltig YAML.
        EjRedigerbar: När en oförändrad omskrivning inte blir byte för byte lika.
    """
    trad = las_rundtur(text)
    start = text.startswith("---\n")
    for indrag in (_STANDARDINDRAG, _gissat_indrag(text)):
        if _dumpa(las_rundtur(text), indrag, start) == text:
            return Redigerbar(trad, indrag, start)
    raise EjRedigerbar(_forsta_skillnad(text, _dumpa(trad, _STANDARDINDRAG, start)))


def _gissat_indrag(text: str) -> tuple[int, int, int]:
    try:
        _, indrag, streck = load_yaml_guess_indent(text)
    except Exception:  # gissningen är bara ett försök; standardindraget gäller då
        return _STANDARDINDRAG
    indrag = indrag or 2
    streck = streck or 0
    return indrag, indrag + streck if streck else indrag, streck


def _forsta_skillnad(a: str, b: str) -> int:
    rader_a, rader_b = a.split("\n"), b.split("\n")
    for nr, (rad_a, rad_b) in enumerate(zip(rader_a, rader_b, strict=False), 1):
        if rad_a != rad_b:
            return nr
    return min(len(rader_a), len(rader_b))


def dumpa(redigerbar: Redigerbar) -> str:
    """Skriv ett redigerat träd som text, med filens eget indrag."""
    return _dumpa(redigerbar.trad, redigerbar.indrag, redigerbar.dokumentstart)


def som_text(data: Any) -> str:
    """Skriv en ny fils innehåll (byggt med `mappning`, `lista` och `text`) som YAML."""
    return _dumpa(data, _STANDARDINDRAG)


def _dumpa(trad: Any, indrag: tuple[int, int, int], dokumentstart: bool = False) -> str:
    ut = io.StringIO()
    yaml = _rundtur(indrag)
    yaml.explicit_start = dokumentstart  # en fil som börjar med --- behåller det
    yaml.dump(trad, ut)
    return ut.getvalue()


def mappning(
    varden: dict[str, Any],
    kommentarer: dict[str, str] | None = None,
    inledning: str | None = None,
    indrag: int = 0,
) -> Any:
    """En ny mappning i blockstil, med kommentarer före nycklar och först i filen.

    Args:
        varden: Nycklar och värden i den ordning de ska stå.
        kommentarer: Kommentar (en eller flera rader) före en nyckel.
        inledning: Kommentar överst, före första nyckeln (bara för filens rot).
        indrag: Mappningens indrag i filen, så att kommentarerna hamnar rätt.
    """
    # Ett eget datumobjekt per värde: ruamel skriver annars samma objekt två gånger som
    # &ankare och *alias, och den som ändrar det ena datumet ändrar tyst det andra.
    mapp = CommentedMap({nyckel: _eget(varde) for nyckel, varde in varden.items()})
    for nyckel, kommentar in (kommentarer or {}).items():
        mapp.yaml_set_comment_before_after_key(nyckel, before=kommentar, indent=indrag)
    if inledning:
        mapp.yaml_set_start_comment(inledning)
    return mapp


def _eget(varde: Any) -> Any:
    return date.fromordinal(varde.toordinal()) if isinstance(varde, date) else varde


def lista(varden: list[Any], flodesstil: bool = False) -> Any:
    """En ny lista; tom eller kort som [a, b] med flodesstil, annars i blockstil."""
    sekvens = CommentedSeq(varden)
    if flodesstil:
        sekvens.fa.set_flow_style()
    else:
        sekvens.fa.set_block_style()
    return sekvens


def lagg_till(sekvens: Any, varde: Any) -> None:
    """Lägg till ett element sist i en lista och skriv listan i blockstil.

    En tom lista skrivs ofta `[]`; med ett element i en sådan lista skulle hela
    elementet annars hamna på en rad. Kommentarer som står efter listan (före nästa
    nyckel i filen) står kvar efter den, också efter det nya elementet.
    """
    if isinstance(sekvens, CommentedSeq) and sekvens:
        _flytta_efterfoljande(sekvens[-1], varde)
    sekvens.append(varde)
    if isinstance(sekvens, CommentedSeq):
        sekvens.fa.set_block_style()


def _flytta_efterfoljande(fran: Any, till: Any) -> None:
    # Rundturstolken fäster kommentarerna efter en lista vid det sista elementets sista
    # nyckel; utan flytten hamnar det nya elementet efter dem, under fel rubrik.
    if not (isinstance(fran, CommentedMap) and isinstance(till, CommentedMap) and fran and till):
        return
    sista, ny_sista = next(reversed(fran)), next(reversed(till))
    kommentar = fran.ca.items.get(sista)
    if isinstance(fran[sista], CommentedBase) or not kommentar or len(kommentar) < 3:
        return
    if kommentar[2] is None or ny_sista in till.ca.items:
        return
    till.ca.items[ny_sista] = [None, None, kommentar[2], None]
    kommentar[2] = None


_OFORANDRADE = {
    "\r": "en vagnretur (CR)",
    "\x85": "radslutstecknet NEL (U+0085)",
    "\u2028": "radavgränsaren U+2028",
    "\u2029": "styckeavgränsaren U+2029",
    "\x00": "ett NUL-tecken",
}


def text(varde: str, indrag: int = 0) -> Any:
    """En text att skriva: kort på en rad, lång vikt (>-), med radbrytningar bevarade (|).

    Raises:
        Anvandningsfel: När texten har ett tecken som YAML läser som en radbrytning (eller
            NUL): det skulle tyst bli ett annat tecken i filen, så texten vägras i stället.
    """
    for tecken, namn in _OFORANDRADE.items():
        if tecken in varde:
            raise Anvandningsfel(
                f"Texten innehåller {namn}, som inte kan sparas oförändrat i filen:"
                f" ”{varde[:60]}”.",
                tips="Ta bort tecknet (det kommer ofta med text som klistrats in) och försök"
                " igen; en radbrytning (LF) går bra.",
            )
    if "\n" in varde.rstrip("\n"):
        # Ett block vars första rad börjar med blanktecken behöver en indragsindikator,
        # som inte alla läsare klarar; då får ruamel välja citattecken i stället.
        return varde if varde[:1] in (" ", "\t") else LiteralScalarString(varde)
    if len(varde) + indrag <= BREDD or varde != varde.strip() or "  " in varde:
        return varde
    vikt = FoldedScalarString(varde)
    vikt.fold_pos = _vikpositioner(varde, BREDD - indrag)
    return vikt


def _vikpositioner(varde: str, bredd: int) -> list[int]:
    positioner: list[int] = []
    radstart, senaste = 0, -1
    for index, tecken in enumerate(varde):
        if tecken != " ":
            continue
        if index - radstart > bredd and senaste > radstart:
            positioner.append(senaste)
            radstart = senaste + 1
        senaste = index
    if len(varde) - radstart > bredd and senaste > radstart:
        positioner.append(senaste)
    return positioner


def citerad(varde: str) -> Any:
    """En text inom dubbla citattecken (för id som annars kunde läsas som tal eller datum)."""
    return DoubleQuotedScalarString(varde)


def samma_stil(gammalt: Any, nytt: str) -> Any:
    """Ett nytt värde i samma citatstil som det gamla (ett citerat värde förblir citerat)."""
    if isinstance(gammalt, ScalarString) and not isinstance(gammalt, FoldedScalarString):
        return type(gammalt)(nytt)
    return nytt
