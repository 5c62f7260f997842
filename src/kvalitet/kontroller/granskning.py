"""Huset och rumsguiderna ska granskas regelbundet, så att de beskriver verksamheten som den är.

Ett dokument räknas som granskat den dag som står i dess `senast_granskad`. Saknas den
gäller dagen då filen senast ändrades i git (den senaste incheckningen som rör filen).
Har mer än intervallet gått före bedömningsdagen (`--per`, annars i dag) varnar
kontrollen. Intervallet är 12 månader om huset.yaml inte anger ett eget under
`regler.granskning.intervall_månader`.

När ni har gått igenom ett dokument och det fortfarande stämmer, skriv dagen på en egen
rad på filens översta nivå: `senast_granskad: 2026-11-30`.

Utanför ett git-förråd, och för en fil som aldrig har checkats in, finns inget datum att
gå efter om `senast_granskad` saknas; då varnar regeln inte. I en grund klon (som forgens
CI ofta gör) ser alla filer ut att vara ändrade vid klonens första incheckning.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import historik
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal

ID = "GRA001"
NIVA = Niva.varning
RUBRIK = "Dokument som inte har granskats på länge"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""

_MARKERA = "Skriv senast_granskad: ÅÅÅÅ-MM-DD när ni har gått igenom dokumentet."


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Huset och rumsguider som inte har granskats (eller ändrats) inom intervallet."""
    for f in historik.forfallna(ktx.verksamhet, ktx.per):
        manader = antal(f.intervall, "månad", "månader")
        if f.incheckning is None:
            yield f.dok.fynd_vid(
                (historik.GRANSKAD,),
                ID,
                f"{f.namn} granskades senast {f.senast}, mer än {manader} före {ktx.per}"
                f" (skulle granskas senast {f.forfaller}). {_MARKERA}",
            )
        else:
            yield f.dok.fynd(
                1,
                1,
                ID,
                f"{f.namn} har ingen senast_granskad och ändrades senast {f.senast}"
                f" (incheckning {f.incheckning.kort}), mer än {manader} före {ktx.per}. {_MARKERA}",
            )
