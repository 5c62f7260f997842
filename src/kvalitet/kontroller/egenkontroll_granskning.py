"""En granskning ska räkna sina granskningspunkter så som planen och urvalet säger.

Nivå: fel. Ett kontrollmoment i egenkontroll.yaml kan ha `granskningspunkter`:
frågor som prövas i varje granskat ärende, till exempel om brukaren fick information
om alternativen och om beslutet fattades gemensamt (delat beslutsfattande). Ett
resultat i `egenkontroll/<år>/<id>.yaml` anger då under `uppfyllda`, för varje punkt,
i hur många av de granskade ärendena den var uppfylld:

    urval:
      antal: 20
    uppfyllda:
      alternativ: 16
      gemensamt-beslut: 13

Fyndet säger till när en punkt under `uppfyllda` inte finns i momentet (med förslag),
när urvalets antal saknas, när fler ärenden är uppfyllda än som granskades, och när en
genomförd kontroll saknar antalet för någon av momentets punkter. Andelarna kan bli
utfall för åtagandenas indikatorer (ATA003), så ett felräknat antal ger fel utfall.
Skriv bara antal, aldrig vilka ärenden det gällde.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kvalitet import egenkontrollen
from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.egenkontroll import Egenkontrollresultat, Kontrollmoment

ID = "EGK004"
NIVA = Niva.fel
RUBRIK = "Granskningspunkterna är inte rätt räknade"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Resultat vars räknade granskningspunkter inte stämmer med momentet eller urvalet."""
    v = ktx.verksamhet
    for dok, resultat in v.egenkontrollresultat:
        moment = egenkontrollen.hitta_moment(v, resultat.kontrollmoment)
        if moment is not None:  # ett okänt moment är EGK003:s fynd
            yield from _resultatet(dok, resultat, moment)


def _resultatet(dok: Dokument, r: Egenkontrollresultat, moment: Kontrollmoment) -> Iterator[Fynd]:
    punkter = [p.id for p in moment.granskningspunkter]
    granskade = r.urval.antal if r.urval else None
    for punkt, uppfyllda in r.uppfyllda.items():
        vag = ("uppfyllda", punkt)
        if punkt not in punkter:
            yield dok.fynd_vid(vag, ID, _okand(punkt, moment.id, punkter))
        elif uppfyllda is not None and granskade is None:
            text = "Urvalets antal (urval: antal:) saknas, så andelen går inte att räkna."
            yield dok.fynd_vid(vag, ID, text)
        elif uppfyllda is not None and granskade is not None and uppfyllda > granskade:
            text = f"Antalet uppfyllda ({uppfyllda}) är större än urvalets antal ({granskade})."
            yield dok.fynd_vid(vag, ID, text)
    if r.ar_genomford():
        saknas = [p for p in punkter if r.uppfyllda.get(p) is None]
        if saknas:
            vilka = "granskningspunkten" if len(saknas) == 1 else "granskningspunkterna"
            text = (
                f"Kontrollen är {r.status} men saknar antalet uppfyllda (under uppfyllda:)"
                f" för {vilka} {', '.join(saknas)}."
            )
            yield dok.fynd_vid(("uppfyllda",) if r.uppfyllda else ("status",), ID, text)


def _okand(punkt: str, moment_id: str, punkter: list[str]) -> str:
    if not punkter:
        return f"Kontrollmomentet ”{moment_id}” har inga granskningspunkter att räkna."
    forslag = difflib.get_close_matches(punkt, punkter, n=1, cutoff=0.6)
    tips = f" – menade du ”{forslag[0]}”?" if forslag else f" (momentets: {', '.join(punkter)})."
    return f"Kontrollmomentet ”{moment_id}” har ingen granskningspunkt ”{punkt}”{tips}"
