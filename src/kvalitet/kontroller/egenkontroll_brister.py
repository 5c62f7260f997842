"""En egenkontroll som har funnit brister ska ha åtgärder mot dem.

Nivå: fel. Egenkontrollen ska leda till de förbättrande åtgärder som behövs (SOSFS
2011:9 5 kap.). Ett resultat i `egenkontroll/<år>/<id>.yaml` med något under
`brister` ska därför ha minst en åtgärd under `åtgärder`, i samma form som i en
handlingsplan (åtgärd, ansvarig, klart_senast, uppföljning, status). Åtgärderna
följs sedan upp som alla andra (ATG001 och handlingsplanen).

Kräver bristen ingen åtgärd, skriv varför under `inga_åtgärder_motivering`. En tom
lista (`brister: []`) betyder att kontrollen inte fann några avvikelser.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import antal

ID = "EGK002"
NIVA = Niva.fel
RUBRIK = "Brister i egenkontrollen utan åtgärd"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Resultat med brister men utan åtgärder (och utan motivering)."""
    for dok, resultat in ktx.verksamhet.egenkontrollresultat:
        if resultat.brister and not resultat.åtgärder and not resultat.inga_åtgärder_motivering:
            brister = antal(len(resultat.brister), "brist", "brister")
            yield dok.fynd_vid(
                ("brister",),
                ID,
                f"Egenkontrollen fann {brister} men har inga åtgärder. Lägg till åtgärder"
                " under åtgärder, eller skriv varför inga behövs under"
                " inga_åtgärder_motivering.",
            )
