"""Gemensam utskrift för kommandona som skriver filer och för fynd utanför kontrollera."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kvalitet.cli._konsol import skriv, skriv_fel

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from pathlib import Path

    from kvalitet.arbete._spara import Sparat
    from kvalitet.fynd import Bedomt
    from kvalitet.skrivning import Andring
    from kvalitet.verksamhet import Verksamhet


def ladda(katalog: Path, *filtyper: str, som_index: bool = False) -> Verksamhet:
    """Läs verksamheten och varna för filer som har fel och därför inte räknas med.

    Alla kommandon läser genom samma cache som kontrollen (`.kvalitet/cache/`): ett
    dokument som inte har ändrats tolkas inte igen. Med `filtyper` läses bara de filtyper
    som kommandot behöver (till exempel inga avvikelser för årshjulets plan); med
    `som_index` läses avvikelser som inte har ändrats bara som index (se
    kvalitet.verksamhet.ladda).
    """
    from kvalitet.svenska import antal
    from kvalitet.verksamhet import ladda as las

    v = las(katalog, anvand_cache=True, filtyper=filtyper or None, som_index=som_index)
    trasiga = [dok.relativ for dok in v.med_fel()]
    if trasiga:
        visade = ", ".join(trasiga[:3]) + (" …" if len(trasiga) > 3 else "")
        skriv_fel(
            f"varning: {antal(len(trasiga), 'fil har', 'filer har')} fel och räknas inte med"
            f" ({visade}); kvalitet kontrollera visar felen."
        )
    return v


KALLOR_ATGARDER = ("hus", "årshjulssession", "avvikelse", "riskanalys", "egenkontrollresultat")
"""Filtyperna som handlingsplanens åtgärder och årshjulets läge läses ur."""


def trasiga_kallor(v: Verksamhet, *filtyper: str) -> int:
    """Säg i utdata när en fil som listan eller läget läses ur har fel; ger slutkoden.

    En trasig fil får inte se ut som en tom lista (”Inga poster”): den nämns efter
    tabellen och kommandot slutar med 1.

    Args:
        v: Verksamheten.
        *filtyper: Filtyperna som kommandot läser (inga: alla).

    Returns:
        1 när någon av filerna har fel, annars 0.
    """
    trasiga = [
        dok.relativ
        for dok in v.med_fel()
        if dok.filtyp is not None and (not filtyper or dok.filtyp.namn in filtyper)
    ]
    if not trasiga:
        return 0
    slag = "Filen" if len(trasiga) == 1 else "Filerna"
    skriv(
        f"\n{slag} {', '.join(trasiga)} har fel och kunde inte läsas, så det som står där saknas"
        " ovan. Se felen med: kvalitet kontrollera"
    )
    return 1


def spara_rapporter(mapp: Path, andringar: Sequence[Andring], dag: date, tillagg: str = "") -> None:
    """Skriv rapportfilerna och säg vilka som skapades eller skrevs om.

    Vägarna visas från mappen användaren står i, med `tillagg` efter varje rad.
    """
    import os

    from kvalitet.arbete._spara import spara

    spara(mapp, andringar, dag)
    for andring in andringar:
        verb = "Skapade" if andring.ar_ny else "Skrev om"
        skriv(f"{verb} {os.path.relpath(andring.sokvag)}{tillagg}")


def sparat(resultat: Sparat, verb: str = "Ändrade") -> None:
    """Säg vilka filer som skapades och ändrades, och på vilken gren de checkades in."""
    for fil in resultat.nya:
        skriv(f"Skapade {fil}")
    for fil in resultat.andrade:
        skriv(f"{verb} {fil}")
    if resultat.gren:
        skriv(
            f"På den nya grenen {resultat.gren}, incheckat som {resultat.incheckning}."
            f" Skicka den med: git push -u origin {resultat.gren} och öppna en pull request"
            " (merge request) i forgen."
        )


def nasta_git_steg(rot: Path, resultat: Sparat, meddelande: str, ny_gren: str) -> None:
    """Hur en ändring som inte checkades in kommer till granskning: gren, incheckning, push."""
    import os
    import shlex

    from kvalitet import gitinfo

    gren = gitinfo.aktuell_gren(rot)
    if gren is None:
        return
    filer = [os.path.relpath(rot / fil) for fil in resultat.filer]
    checka_in = (
        f"{shlex.join(['git', 'add', *filer])} && {shlex.join(['git', 'commit', '-m', meddelande])}"
    )
    if gren in ("main", "master"):
        skriv(
            "Skicka ändringen för granskning på en egen gren:"
            f" git switch -c {ny_gren} && {checka_in} && git push -u origin {ny_gren}"
            " och öppna en pull request."
        )
    else:
        skriv(f"Checka in och skicka ändringen: {checka_in} && git push")


def fynd(rot: Path, lista: list[Bedomt]) -> None:
    """Fynd som rader fil:rad:kolumn: nivå REGEL text, till standard fel."""
    from kvalitet.rapportorer import visningsvag

    for b in lista:
        skriv_fel(
            f"{visningsvag(rot, b.fynd.fil)}:{b.fynd.rad}:{b.fynd.kol}:"
            f" {b.niva} {b.fynd.regel} {b.fynd.text}"
        )
