"""Ett egenkontrollresultat ska gälla ett kontrollmoment i egenkontrollplanen.

Nivå: fel. `kontrollmoment` i `egenkontroll/<år>/<id>.yaml` är id:t för ett
kontrollmoment i egenkontroll.yaml. Ett felskrivet id gör att kontrollen inte räknas
för något moment, så att momentet ser ut att aldrig ha gjorts. Fyndet föreslår det
id du troligen menade; finns ingen egenkontroll.yaml säger fyndet det.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "EGK003"
NIVA = Niva.fel
RUBRIK = "Egenkontroll av ett okänt kontrollmoment"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Resultat vars kontrollmoment inte finns i planen."""
    v = ktx.verksamhet
    if v.egenkontrollplan is None and any(dok.relativ == "egenkontroll.yaml" for dok in v.dokument):
        return  # Planen har fel; de fynden räcker tills den är rättad.
    kanda = [m.id for m in v.egenkontrollplan[1].kontrollmoment] if v.egenkontrollplan else []
    for dok, resultat in v.egenkontrollresultat:
        if resultat.kontrollmoment in kanda:
            continue
        if not v.egenkontrollplan:
            text = "Det finns ingen egenkontrollplan (egenkontroll.yaml) med kontrollmomentet"
            yield dok.fynd_vid(("kontrollmoment",), ID, f"{text} ”{resultat.kontrollmoment}”.")
            continue
        forslag = difflib.get_close_matches(resultat.kontrollmoment, kanda, n=1, cutoff=0.6)
        tips = (
            f" – menade du ”{forslag[0]}”?" if forslag else f". Planens moment: {', '.join(kanda)}."
        )
        yield dok.fynd_vid(
            ("kontrollmoment",),
            ID,
            f"Egenkontrollplanen har inget kontrollmoment ”{resultat.kontrollmoment}”{tips}",
        )
