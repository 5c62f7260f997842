"""Ett styrdokuments hänvisningar i huvudet ska gå att följa.

`gäller` ska vara id för rum eller processer i huset, `lagkrav` id för krav i
lagkravslistan (lagkrav.yaml) och `ersätter` id för ett annat styrdokument. Husets
`styrdokument` kan peka ut ett dokument i styrdokument/ med `dokument: ID`, och det
dokumentet ska finnas. Varje krav i lagkravslistan ska ha ett eget id.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.verksamhet import Verksamhet

ID = "DOK006"
NIVA = Niva.fel
RUBRIK = "Hänvisning från ett styrdokument som inte går att följa"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Okända rum, processer, lagkrav och dokument i styrdokumentens huvud och i huset."""
    v = ktx.verksamhet
    husets = {r.id for r in v.rum} | ({p.id for p in v.huset[1].processer} if v.huset else set())
    krav = [k.id for k in v.lagkravslista[1].krav] if v.lagkravslista else []
    dokumenten = {d.id for _, d in v.styrdokument}
    for dok, dokument in v.styrdokument:
        for index, id_ in enumerate(dokument.gäller):
            if id_ not in husets:
                yield dok.fynd_vid(
                    ("gäller", index), ID, f"Huset har inget rum eller process ”{id_}”."
                )
        for index, id_ in enumerate(dokument.lagkrav):
            if id_ not in krav:
                var = (
                    "lagkravslistan (lagkrav.yaml)"
                    if v.lagkravslista
                    else "lagkrav.yaml, som saknas"
                )
                yield dok.fynd_vid(("lagkrav", index), ID, f"Kravet ”{id_}” finns inte i {var}.")
        if dokument.ersätter and dokument.ersätter not in dokumenten:
            yield dok.fynd_vid(
                ("ersätter",), ID, f"Det finns inget styrdokument ”{dokument.ersätter}”."
            )
    yield from _husets_styrdokument(v, dokumenten)
    yield from _dubbla_krav(v, krav)


def _husets_styrdokument(v: Verksamhet, dokumenten: set[str]) -> Iterator[Fynd]:
    if v.huset is None:
        return
    dok, huset = v.huset
    for slag, lista in huset.grundstomme.styrdokument:
        for index, post in enumerate(lista):
            if post.dokument and post.dokument not in dokumenten:
                yield dok.fynd_vid(
                    ("grundstomme", "styrdokument", slag, index, "dokument"),
                    ID,
                    f"Det finns inget styrdokument ”{post.dokument}” i styrdokument/.",
                )


def _dubbla_krav(v: Verksamhet, krav: list[str]) -> Iterator[Fynd]:
    if v.lagkravslista is None:
        return
    sedda: set[str] = set()
    for index, id_ in enumerate(krav):
        if id_ in sedda:
            yield v.lagkravslista[0].fynd_vid(
                ("krav", index, "id"), ID, f"Id:t ”{id_}” används redan."
            )
        sedda.add(id_)
