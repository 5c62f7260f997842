"""Varje YAML-fil ska ligga där en filtyp hör hemma.

Filerna är: huset.yaml, garaget.yaml, rum/<rum>.yaml, arshjul/<år>/<rum>.yaml,
ataganden/<år>.yaml, buuuu/<id>.yaml, avvikelser/<år>/<id>.yaml,
riskanalyser/<id>.yaml, egenkontroll.yaml, egenkontroll/<år>/<id>.yaml och
omvarld/kolada/<kpi>.yaml (andra filer, till exempel sparade Kolada-svar i JSON, berörs
inte). En YAML-fil
någon annanstans kontrolleras inte alls, så ett stavfel i en mapp eller ändelsen
.yml gör att filen tyst hoppas över. Mappar vars namn börjar med punkt (till
exempel .github) räknas inte.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "FIL003"
NIVA = Niva.varning
RUBRIK = "YAML-fil på okänd plats"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """YAML-filer som ingen filtyp känner igen."""
    for dok in ktx.verksamhet.dokument:
        if dok.filtyp is not None:
            continue
        tips = " Byt ändelsen till .yaml." if dok.relativ.endswith(".yml") else ""
        yield dok.fynd(
            1,
            1,
            ID,
            f"Filen ligger inte där någon filtyp hör hemma och kontrolleras därför inte.{tips}",
        )
