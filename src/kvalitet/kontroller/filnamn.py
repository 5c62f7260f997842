"""En fils namn och mapp ska stämma med dess innehåll.

En session i `arshjul/2026/processer.yaml` ska ha `rum: processer` och `år: 2026`; en
avvikelse i `avvikelser/2026/2026-004.yaml` ska ha `id: "2026-004"` och ha inkommit
2026; en egenkontroll i `egenkontroll/2026/2026-003.yaml` ska ha `id: "2026-003"` och
vara gjord 2026; `ataganden/2026.yaml` och `brukarinflytande/2026.yaml` ska ha
`år: 2026`; `rum/processer.yaml`, `buuuu/sysselsattning.yaml` och
`riskanalyser/<id>.yaml` ska ha id:t i filnamnet, och `omvarld/kolada/N30005.yaml` ska ha
`kpi: N30005`. Annars hittar varken människor eller kvalitet dokumentet där de letar.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.kolada import Koladaserie
from kvalitet.modell.rum import RumGuide
from kvalitet.verksamhet import Verksamhet

ID = "ID002"
NIVA = Niva.fel
RUBRIK = "Filnamnet stämmer inte med innehållet"

Jamforelse = tuple[Dokument, str, object, object]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Dokument vars filnamn eller mapp inte stämmer med innehållet."""
    for dok, nyckel, enligt_fil, enligt_namn in _jamforelser(ktx.verksamhet):
        if str(enligt_fil) != str(enligt_namn):
            yield dok.fynd_vid(
                (nyckel,),
                ID,
                f"”{nyckel}” är {enligt_fil} men filens namn eller mapp säger"
                f" {enligt_namn}. Byt namn på filen eller rätta värdet.",
            )


def _delar(dok: Dokument) -> tuple[str, str]:
    """Mappens namn och filens namn utan ändelse (som text: snabbt för tusentals filer)."""
    mappar, _, fil = dok.relativ.rpartition("/")
    namn, punkt, _ = fil.rpartition(".")
    return mappar.rpartition("/")[2], namn if punkt else fil


def _jamforelser(v: Verksamhet) -> Iterator[Jamforelse]:
    yield from _i_arsmappar(v)
    yield from _i_filnamnet(v)


def _i_arsmappar(v: Verksamhet) -> Iterator[Jamforelse]:
    """Dokument i en mapp per år, med sitt id (eller rum) i filnamnet."""
    for dok, session in v.sessioner:
        mapp, namn = _delar(dok)
        yield dok, "rum", session.rum, namn
        yield dok, "år", session.år, mapp
    for dok, avvikelse in v.avvikelser:
        mapp, namn = _delar(dok)
        yield dok, "id", avvikelse.id, namn
        yield dok, "inkom", avvikelse.inkom.year, mapp
    for dok, resultat in v.egenkontrollresultat:
        mapp, namn = _delar(dok)
        yield dok, "id", resultat.id, namn
        yield dok, "datum", resultat.datum.year, mapp


def _i_filnamnet(v: Verksamhet) -> Iterator[Jamforelse]:
    """Dokument med sitt år, id eller nyckeltal i filnamnet."""
    for dok, fil in v.ataganden:
        yield dok, "år", fil.år, _delar(dok)[1]
    for dok, inflytande in v.brukarinflytande:
        yield dok, "år", inflytande.år, _delar(dok)[1]
    for dok, guide in v.av_typ(RumGuide):
        yield dok, "id", guide.id, _delar(dok)[1]
    for dok, varv in v.buuuu:
        yield dok, "id", varv.id, _delar(dok)[1]
    for dok, analys in v.riskanalyser:
        yield dok, "id", analys.id, _delar(dok)[1]
    for dok, serie in v.av_typ(Koladaserie):
        yield dok, "kpi", serie.kpi, _delar(dok)[1]
    for dok, dokument in v.styrdokument:
        yield dok, "id", dokument.id, _delar(dok)[1]
