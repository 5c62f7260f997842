"""Ett rum vars månad i årets hjul har passerat ska ha hållit sin session.

Varje rum har en månad i årshjulet (`månad` i huset.yaml). När månaden är slut utan
att årets session för rummet är genomförd (`status: genomförd` i
`arshjul/<år>/<rum>.yaml`) är rummet försenat. Månader före det datum då årshjulet
infördes räknas inte.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import arshjulet
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "RUM003"
NIVA = Niva.varning
RUBRIK = "Rummets stopp i årshjulet är försenat"
FRIST = True
"""Fynden beror på dagen: se kvalitet.kontroll.ARVD."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Rum vars stopp i årets hjul har passerat utan genomförd session."""
    v = ktx.verksamhet
    if v.huset is None:
        return
    husdok, huset = v.huset
    ar = ktx.per.year
    for i, rum in enumerate(huset.rum):
        slut = arshjulet.stoppets_slut(ar, rum.månad)
        if arshjulet.rumsstatus(v, rum, ar, ktx.per) == arshjulet.Rumsstatus.forsenad:
            yield husdok.fynd_vid(
                ("rum", i, "månad"),
                ID,
                f"Rummet ”{rum.namn}” skulle ha haft sin session senast {slut}, men"
                f" arshjul/{ar}/{rum.id}.yaml är inte genomförd.",
            )
