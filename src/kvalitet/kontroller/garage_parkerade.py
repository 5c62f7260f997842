"""En post i Garaget som en åtgärd tar hand om står inte kvar som parkerad.

Garaget är platsen där risker, behov och idéer ”parkeras” i väntan på att bearbetas.
När en åtgärd pekar på en post (`garaget: [G3]`) bearbetas den, och posten ska inte längre
stå som parkerad i `garaget.yaml`: annars ser den ut att vänta, `kvalitet garage lista`
visar den, och den hamnar i underlaget till rummets nästa session. Markera posten överförd
till åtgärden med `kvalitet garage overfor G3 --rum RUM --ar ÅR` (sessionens rum och år):
kommandot ser att åtgärden redan finns och ändrar bara posten, också när sessionen är
genomförd. För en åtgärd i ett ärende, en riskanalys eller en egenkontroll skrivs
`status: överförd` och `överförd_till: "FIL#ÅTGÄRD"` för posten i garaget.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Session
from kvalitet.modell.garaget import Garagestatus
from kvalitet.svenska import kort
from kvalitet.verksamhet import Atgardsplats

ID = "GAR001"
NIVA = Niva.varning
RUBRIK = "Åtgärd för en post som fortfarande är parkerad i Garaget"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Hänvisningar från åtgärder till poster i Garaget som fortfarande är parkerade."""
    v = ktx.verksamhet
    if v.garaget is None:
        return
    parkerade: dict[str, str] = {}
    for post in v.garaget[1].poster:
        if post.status == Garagestatus.parkerad:
            parkerade.setdefault(post.id, post.rubrik)
    for plats in v.atgarder():
        for i, id_ in enumerate(plats.atgard.garaget):
            if id_ in parkerade:
                text = (
                    f"Åtgärden tar hand om Garagets post {id_} (”{kort(parkerade[id_])}”), men"
                    f" posten står fortfarande som parkerad. {_sa_har(plats, id_)}"
                )
                yield plats.dok.fynd_vid((*plats.vag, "garaget", i), ID, text)


def _sa_har(plats: Atgardsplats, id_: str) -> str:
    modell = plats.dok.modell
    if isinstance(modell, Session):
        return (
            f"Markera den överförd hit: kvalitet garage overfor {id_} --rum {modell.rum}"
            f" --ar {modell.år}"
        )
    till = f"{plats.dok.relativ}#{plats.atgard.id}" if plats.atgard.id else plats.dok.relativ
    return f'Markera den överförd i garaget.yaml: status: överförd, överförd_till: "{till}".'
