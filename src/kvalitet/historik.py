"""Historiken i git: vem ändrade vad och när, och vilka dokument som behöver granskas.

Historiken läses i ett svep för hela verksamheten (se `gitinfo.historik`), aldrig fil
för fil. Samma bedömning av granskningen används av regeln GRA001 och av kommandot
`kvalitet historik`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kvalitet import arshjulet, gitinfo, regelverk
from kvalitet.dokument import Dokument
from kvalitet.fel import Anvandningsfel, KvalitetFel
from kvalitet.svenska import antal, kort
from kvalitet.tabell import Tabell, Vy
from kvalitet.verksamhet import Verksamhet

GRANSKAD = "senast_granskad"
"""Nyckeln där ett dokument anger dagen det senast granskades."""


@dataclass(frozen=True)
class Forfallen:
    """Ett dokument som inte har granskats inom intervallet."""

    dok: Dokument
    namn: str
    """”Huset” eller ”Rumsguiden ’…’”, för meningar om dokumentet."""
    senast: date
    """Dagen i `senast_granskad`, annars dagen för filens senaste incheckning."""
    incheckning: gitinfo.Incheckning | None
    """Incheckningen som gav datumet, när dokumentet saknar `senast_granskad`."""
    forfaller: date
    """Dagen dokumentet senast skulle ha granskats igen."""
    intervall: int
    """Intervallet i månader."""


def intervall(v: Verksamhet) -> int:
    """Månader mellan granskningar (husets regler, annars standardvärdet)."""
    return regelverk.for_verksamhet(v).granskning.intervall_månader


def forfallna(
    v: Verksamhet, per: date, historik: gitinfo.Historik | None = None
) -> list[Forfallen]:
    """Huset och rumsguiderna som inte har granskats inom intervallet före `per`.

    Datumet är dokumentets `senast_granskad`, annars dagen för filens senaste
    incheckning. Git läses bara när något dokument saknar `senast_granskad`, och då
    en gång; utanför ett förråd, eller för en fil som aldrig har checkats in, finns
    inget datum och dokumentet räknas inte som förfallet.

    Args:
        v: Verksamheten.
        per: Dagen som bedömningen görs per.
        historik: Historiken om den redan är läst; annars läses den vid behov.

    Returns:
        De förfallna dokumenten, huset först och sedan rumsguiderna.
    """
    manader = intervall(v)
    dokument = _granskade_dokument(v)
    if historik is None and any(granskad is None for _, _, granskad in dokument):
        historik = las_tyst(v.rot, [dok.relativ for dok, _, granskad in dokument if not granskad])
    svar = []
    for dok, namn, granskad in dokument:
        incheckning = historik.senaste(dok.relativ) if historik and granskad is None else None
        senast = granskad or (incheckning.datum if incheckning else None)
        if senast is None:
            continue
        # manader_fore med negativt antal ger samma dag så många månader senare.
        forfaller = arshjulet.manader_fore(senast, -manader)
        if forfaller < per:
            svar.append(Forfallen(dok, namn, senast, incheckning, forfaller, manader))
    return svar


def _granskade_dokument(v: Verksamhet) -> list[tuple[Dokument, str, date | None]]:
    dokument = []
    if v.huset:
        dokument.append((v.huset[0], "Huset", v.huset[1].senast_granskad))
    for dok, guide in v.guider.values():
        dokument.append((dok, f"Rumsguiden ”{guide.namn}”", guide.senast_granskad))
    return dokument


def las_tyst(rot: Path, vagar: list[str] | None = None) -> gitinfo.Historik | None:
    """Historiken (för dessa filer, annars alla), eller None utanför ett förråd eller utan git."""
    try:
        return gitinfo.historik(rot, vagar)
    except KvalitetFel:  # utanför ett förråd eller utan git: inga datum att gå efter
        return None


def for_fil(v: Verksamhet, fil: Path) -> Vy:
    """En fils incheckningar, nyast först: datum, författare, incheckning, rubrik, PR.

    Args:
        v: Verksamheten.
        fil: Filen, relativt aktuell mapp eller verksamhetens rot.

    Returns:
        Tabellen, med en anmärkning först om förrådet är en grund klon.

    Raises:
        Anvandningsfel: Utanför ett förråd, när filen ligger utanför verksamheten eller
            när den varken finns eller har någon historik.
    """
    historik = gitinfo.historik(v.rot)
    relativ = _relativ(v, fil)
    vy: Vy = [historik.grund, ""] if historik.grund else []
    lista = historik.filer.get(relativ)
    if not lista:
        if not (v.rot / relativ).is_file():
            raise Anvandningsfel(
                f"”{fil}” finns inte i verksamheten och har ingen historik i git.",
                tips="Ange en fil i verksamheten, till exempel arshjul/2026/processer.yaml,"
                " eller kör kvalitet historik utan FIL för alla dokument.",
            )
        return [
            *vy,
            f"{relativ} har ingen incheckning än: filen är ny eller inte incheckad"
            " (checka in den med git add och git commit).",
        ]
    rader = [
        (i.datum.isoformat(), i.forfattare, i.kort, kort(i.rubrik, 72), _via(i)) for i in lista
    ]
    senaste = lista[0]
    return [
        *vy,
        Tabell(
            f"Historik för {relativ}",
            ("Datum", "Författare", "Incheckning", "Rubrik", "Pull request"),
            rader,
            fot=f"{antal(len(lista), 'incheckning', 'incheckningar')}; senast ändrad"
            f" {senaste.datum} av {senaste.forfattare}.",
        ),
    ]


def _relativ(v: Verksamhet, fil: Path) -> str:
    kandidater = [fil] if fil.is_absolute() else [Path.cwd() / fil, v.rot / fil]
    befintlig = next((k for k in kandidater if k.exists()), kandidater[-1])
    if befintlig.is_dir():
        raise Anvandningsfel(f"”{fil}” är en mapp; ange en fil, eller ingen för alla dokument.")
    try:
        return befintlig.resolve().relative_to(v.rot).as_posix()
    except ValueError:
        raise Anvandningsfel(
            f"”{fil}” ligger utanför verksamheten i {v.rot}.",
            tips="Ange en fil i verksamheten, eller välj verksamhet med -C KATALOG.",
        ) from None


def _via(incheckning: gitinfo.Incheckning) -> str:
    if incheckning.genom:
        return str(incheckning.genom)
    return f"sammanslagning {incheckning.via.kort}" if incheckning.via else "–"


def oversikt(v: Verksamhet, per: date) -> Vy:
    """Varje dokuments senaste ändring, och dokumenten som är förfallna till granskning.

    Args:
        v: Verksamheten.
        per: Dagen som granskningen bedöms per.

    Returns:
        Två tabeller, med en anmärkning först om förrådet är en grund klon.

    Raises:
        Anvandningsfel: Utanför ett förråd.
    """
    historik = gitinfo.historik(v.rot)
    vy: Vy = [historik.grund, ""] if historik.grund else []
    return [*vy, _senaste_tabell(v, historik), "", _forfallna_tabell(v, per, historik)]


def _senaste_tabell(v: Verksamhet, historik: gitinfo.Historik) -> Tabell:
    rader = []
    for relativ in v.dokumentvagar:
        i = historik.senaste(relativ)
        if i is None:
            rader.append((relativ, "–", "–", "inte incheckad", "–"))
        else:
            rader.append((relativ, i.datum.isoformat(), i.forfattare, i.kort, _via(i)))
    nya = sum(1 for rad in rader if rad[3] == "inte incheckad")
    return Tabell(
        "Dokumentens senaste ändring",
        ("Dokument", "Senast ändrad", "Av", "Incheckning", "Pull request"),
        rader,
        tom="Verksamheten har inga YAML-dokument.",
        fot=antal(len(rader), "dokument", "dokument")
        + (f", varav {antal(nya, 'inte incheckad', 'inte incheckade')}." if nya else "."),
    )


def _forfallna_tabell(v: Verksamhet, per: date, historik: gitinfo.Historik) -> Tabell:
    lista = forfallna(v, per, historik)
    manader = antal(intervall(v), "månad", "månader")
    rader = [
        (
            f.dok.relativ,
            f.senast.isoformat(),
            f"incheckning {f.incheckning.kort}" if f.incheckning else GRANSKAD,
            f.forfaller.isoformat(),
        )
        for f in lista
    ]
    return Tabell(
        f"Förfallna till granskning per {per} (intervall {manader})",
        ("Dokument", "Granskad eller ändrad", "Enligt", "Skulle granskas senast"),
        rader,
        tom="Inga dokument är förfallna.",
        fot=f"Skriv {GRANSKAD}: ÅÅÅÅ-MM-DD i dokumentet när ni har gått igenom det.",
    )
