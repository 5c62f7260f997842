"""Ett utfall som hämtas ur egenkontrollen ska stämma med egenkontrollens resultat.

Nivå: varning. En indikator i `ataganden/<år>.yaml` kan få sitt utfall ur en
granskning i egenkontrollen: `egenkontroll` pekar ut kontrollmomentet i
egenkontroll.yaml och `granskningspunkt` frågan i det (behövs när momentet har fler
än en). Utfallet är då andelen granskade ärenden under året där punkten var uppfylld,
i procent, räknat ur de genomförda kontrollernas `urval.antal` och `uppfyllda`:

    indikatorer:
      - namn: Andel granskade beslut där brukaren fått information om alternativen
        enhet: procent
        målvärde: 90
        egenkontroll: delat-beslutsfattande
        granskningspunkt: alternativ

Lämna `utfall` tomt, så räknas det fram och rapporterna visar var det kommer ifrån.
Står ett utfall ändå i filen ska det vara samma andel (avrundat till hela procent),
annars säger åtagandena något annat än egenkontrollen. Fyndet står på utfallet och
säger vad egenkontrollen visar; ta bort utfallet eller rätta det.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import egenkontrollen
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.svenska import tal

ID = "ATA003"
NIVA = Niva.varning
RUBRIK = "Utfallet stämmer inte med egenkontrollen"

_AVRUNDNING = 0.5
"""Så mycket (procentenheter) får ett inskrivet utfall skilja sig från andelen."""


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Inskrivna utfall som skiljer sig från andelen i egenkontrollen de hämtas ur."""
    v = ktx.verksamhet
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            for j, indikator in enumerate(atagande.indikatorer):
                hamtad = egenkontrollen.indikatorns_andel(v, indikator, fil.år, ktx.per)
                if indikator.utfall is None or hamtad is None:
                    continue
                if abs(indikator.utfall - hamtad.procent) <= _AVRUNDNING:
                    continue
                yield dok.fynd_vid(
                    ("åtaganden", i, "indikatorer", j, "utfall"),
                    ID,
                    f"Utfallet {tal(indikator.utfall)} för ”{indikator.namn}” stämmer inte med"
                    f" egenkontrollen {hamtad.moment.id}: {hamtad.uppfyllda} av"
                    f" {hamtad.granskade} granskade ärenden under {fil.år}"
                    f" ({tal(hamtad.procent)} procent). Ta bort utfallet så räknas det fram.",
                )
