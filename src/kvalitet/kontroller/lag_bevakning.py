"""Lagkravslistans krav ska stämmas av mot författningarna regelbundet.

Lagar och föreskrifter ändras, byts ut och får ny numrering. Varje krav ska därför ha
`senast_bevakad` och stämmas av mot författningens gällande lydelse minst så ofta som
`regler.lagbevakning.intervall_månader` säger (standard 12 månader).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import arshjulet, regelverk
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal

ID = "LAG002"
NIVA = Niva.varning
RUBRIK = "Lagkrav som inte har bevakats"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Krav utan senast_bevakad, eller bevakade för längre sedan än intervallet."""
    v = ktx.verksamhet
    if v.lagkravslista is None:
        return
    manader = regelverk.for_verksamhet(v).lagbevakning.intervall_månader
    grans = arshjulet.manader_fore(ktx.per, manader)
    dok, lista = v.lagkravslista
    for index, krav in enumerate(lista.krav):
        if krav.senast_bevakad is None:
            yield dok.fynd_vid(
                ("krav", index, "id"), ID, f"Kravet ”{krav.id}” saknar senast_bevakad."
            )
        elif krav.senast_bevakad < grans:
            yield dok.fynd_vid(
                ("krav", index, "senast_bevakad"),
                ID,
                f"Kravet ”{krav.id}” bevakades senast {krav.senast_bevakad}, mer än"
                f" {antal(manader, 'månad', 'månader')} före {ktx.per}. Stäm av det mot"
                " författningens gällande lydelse.",
            )
