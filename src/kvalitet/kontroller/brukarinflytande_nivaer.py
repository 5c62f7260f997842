"""Brukarinflytandet har aktiviteter på alla tre nivåerna under året.

Källan säger att verksamheten ska ”arbeta med brukarinflytande parallellt på tre
nivåer”: individ (den enskildes egen insats, till exempel delat beslutsfattande i
genomförandeplanen), verksamhet (brukarråd, brukarrevision, brukarundersökning) och
system (medverkan i riktlinjer, planering och politik). Skriv årets aktiviteter i
`brukarinflytande/<år>.yaml` med nivå, datum, deltagare (roller och organisationer,
aldrig namn), vad brukarna sa och vad som ändrades; brukarmedverkan i ett BUUUU-varvs
steg räknas också.

Regeln gäller året för dagen som kontrollen bedöms per, när året har åtaganden eller en
årshjulssession.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import brukarinflytandet
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "BRI001"
NIVA = Niva.varning
RUBRIK = "Nivå för brukarinflytande utan aktivitet"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Nivåer utan någon aktivitet för brukarinflytande under året."""
    v, ar = ktx.verksamhet, ktx.per.year
    if v.huset is None or not v.har_arbete(ar):
        return
    arets_fil = next((dok for dok, fil in v.brukarinflytande if fil.år == ar), None)
    dok, vag = (arets_fil, ("aktiviteter",)) if arets_fil else (v.huset[0], ("verksamhet",))
    saknas = f" ({arets_fil.relativ})" if arets_fil else f"; brukarinflytande/{ar}.yaml saknas"
    for niva, aktiviteter in brukarinflytandet.per_niva(brukarinflytandet.arets(v, ar)).items():
        if not aktiviteter:
            yield dok.fynd_vid(
                vag,
                ID,
                f"Brukarinflytandet har ingen aktivitet på {brukarinflytandet.NIVANAMN[niva]} under"
                f" {ar}{saknas}."
                " Källan ber om inflytande parallellt på individ-, verksamhets- och systemnivå.",
            )
