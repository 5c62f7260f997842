"""Kör reglerna över en verksamhet och sammanställ resultatet.

Med cachen är kontrollen stegvis: en avvikelse som inte har ändrats läses inte, och
dess fynd tas ur cachen, så länge inget annat än avvikelser har ändrats (se
kvalitet.lasning.cache.fyndnyckel). Reglerna som jämför avvikelser med varandra (TVARS, se
kvalitet.kontroller) körs varje gång, över avvikelsernas index. Resultatet är
detsamma som när allt läses (det prövas i testerna).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from pathlib import Path

from kvalitet import regelverk
from kvalitet.dokument import Dokument
from kvalitet.fynd import Bedomt, Filtypsantal, Fynd, Niva, Resultat
from kvalitet.kontroller import REGLER
from kvalitet.kontroller._bas import Kontext, Regel
from kvalitet.lasning import cache, filer
from kvalitet.lasning.filer import Fil, hitta_rot
from kvalitet.modell import FILTYPER, filtyp_for
from kvalitet.modell.avvikelse import Avvikelse
from kvalitet.verksamhet import Verksamhet, ladda, ladda_stegvis, ladda_vid


def kontrollera(
    start: Path,
    per: date,
    bas: str | None = None,
    anvand_cache: bool = False,
    alla: list[Fil] | None = None,
) -> Resultat:
    """Läs verksamheten och kör alla regler.

    Args:
        start: Verksamhetens mapp.
        per: Dagen som kontrollen bedöms per.
        bas: En git-referens (gren, tagg, incheckning) att jämföra skyddade poster med.
        anvand_cache: Återanvänd tolkningen av oförändrade dokument (se kvalitet.lasning.cache).
        alla: Verksamhetens filer, om de redan är listade.

    Returns:
        Resultatet med alla fynd, sorterade efter fil, rad och kolumn.
    """
    if anvand_cache and bas is None:
        return _stegvis(hitta_rot(start), per, alla)
    verksamhet = ladda(start, anvand_cache, alla=alla)
    basen = ladda_vid(verksamhet.rot, bas) if bas else None
    return bedom(verksamhet, per, bas=basen)


TVARS = frozenset(regel.ID for regel in REGLER.values() if getattr(regel, "TVARS", False))
"""Reglerna som jämför avvikelser med varandra: deras fynd sparas inte per avvikelse."""


def _stegvis(rot: Path, per: date, alla: list[Fil] | None) -> Resultat:
    alla = filer.alla(rot) if alla is None else alla
    avvikelser = {fil.relativ for fil in alla if _ar_avvikelse(fil)}
    nyckel = cache.fyndnyckel(rot, alla, per, avvikelser)
    verksamhet, inlast = ladda_stegvis(rot, alla, nyckel)
    resultat = bedom(verksamhet, per, sparade=inlast.sparade_fynd)
    lasta: dict[str, list[Fynd]] = {dok.relativ: [] for dok, _ in verksamhet.avvikelser}
    for bedomt in resultat.fynd:
        if bedomt.fynd.fil in lasta and bedomt.fynd.regel not in TVARS:
            lasta[bedomt.fynd.fil].append(bedomt.fynd)
    inlast.spara(lasta, nyckel)
    return resultat


def _ar_avvikelse(fil: Fil) -> bool:
    filtyp = filtyp_for(fil.relativ) if fil.ar_dokument else None
    return filtyp is not None and filtyp.modell is Avvikelse


def bedom(
    verksamhet: Verksamhet,
    per: date,
    regler: Iterable[Regel] | None = None,
    bas: Verksamhet | None = None,
    sparade: Iterable[Fynd] = (),
) -> Resultat:
    """Kör reglerna (normalt alla) över en redan läst verksamhet.

    Args:
        verksamhet: Verksamheten, kanske med dokument som ännu inte är skrivna.
        per: Dagen som kontrollen bedöms per.
        regler: Reglerna att köra; alla om inga anges.
        bas: Verksamheten vid en tidigare version, för reglerna om skyddade poster.
        sparade: Fynd ur cachen för avvikelser som inte lästes (den stegvisa kontrollen).

    Returns:
        Resultatet med fynden, sorterade efter fil, rad och kolumn.
    """
    lokala = regelverk.for_verksamhet(verksamhet)
    ktx = Kontext(verksamhet, per, lokala.lex_sarah, bas)
    valda = list(REGLER.values() if regler is None else regler)
    fynd = [
        Bedomt(fynd, lokala.niva(regel.ID, regel.NIVA))
        for regel in valda
        for fynd in regel.kontrollera(ktx)
    ]
    fynd += [Bedomt(f, lokala.niva(f.regel, REGLER[f.regel].NIVA)) for f in sparade]
    if bas is not None:
        fynd = _arvda_frister(fynd, bas, per, [r for r in valda if getattr(r, "FRIST", False)])
    fynd.sort(key=lambda bedomt: bedomt.fynd)
    dokument = [*verksamhet.dokument, *(dok for dok, _ in verksamhet.olasta)]
    antal = Counter(dok.filtyp.namn for dok in dokument if dok.filtyp is not None)
    huset = verksamhet.huset[1].verksamhet if verksamhet.huset else None
    return Resultat(
        rot=verksamhet.rot,
        per=per,
        fynd=fynd,
        namn=f"{huset.namn}, {huset.organisation}" if huset else None,
        filtyper=[
            Filtypsantal(typ.namn, typ.plural, antal[typ.namn])
            for typ in FILTYPER
            if antal[typ.namn]
        ],
        dokument=len(dokument),
        ovriga_filer=len(verksamhet.ovriga_filer),
        regler=len(REGLER),
    )


ARVD = (
    " (Fristen har löpt ut redan på målgrenen och stoppar inte den här ändringen; den ska"
    " åtgärdas för sig.)"
)


def _arvda_frister(
    fynd: list[Bedomt], bas: Verksamhet, per: date, frister: list[Regel]
) -> list[Bedomt]:
    """Fristfynd som målgrenen redan har: varningar som inte stoppar grenen.

    En frist (ett rum utan session, en försenad egenkontroll) som löper ut medan en gren
    är öppen ska inte stoppa en ändring som inte har med den att göra, till exempel en ny
    avvikelse. Ett fristfynd som grenen själv orsakar (en borttagen session) stoppar.
    """
    if not frister:
        return fynd
    ktx = Kontext(bas, per, regelverk.for_verksamhet(bas).lex_sarah)
    pa_malgrenen = {(f.regel, f.fil, f.text) for regel in frister for f in regel.kontrollera(ktx)}
    idn = {regel.ID for regel in frister}
    return [
        Bedomt(replace(b.fynd, text=b.fynd.text + ARVD), Niva.varning, arvd=True)
        if b.fynd.regel in idn and (b.fynd.regel, b.fynd.fil, b.fynd.text) in pa_malgrenen
        else b
        for b in fynd
    ]


SKRIVSPARR = ("FIL001", "YAML001", "YAML002", "SCH001", "PNR001", "PNR003")
"""Reglerna som ingen fil som kvalitet skriver får bryta: läsbar, giltig YAML, rätt
format och inga personnummer."""


def skrivsparr(rot: Path, dokument: list[Dokument], per: date) -> list[Bedomt]:
    """Fynd enligt `SKRIVSPARR` i några dokument, utan resten av verksamheten."""
    ensam = Verksamhet(rot, dokument, [])
    return bedom(ensam, per, [REGLER[regel] for regel in SKRIVSPARR]).fynd
