"""Egenkontrollen: kontrollmomentens läge, och en ny fil för en kontroll som ska göras."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import egenkontrollen, gitinfo, redigering, yamlio
from kvalitet.arbete._id import nytt_id
from kvalitet.egenkontrollen import Lage, Momentlage
from kvalitet.fel import Anvandningsfel, TrasigFil
from kvalitet.modell.egenkontroll import Kontrollmoment, Resultatstatus
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, kort, normaliserad
from kvalitet.svenska import datum as datumtext
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet

PLANEN = "egenkontroll.yaml"
MAPP = "egenkontroll"


def status(v: Verksamhet, per: date) -> Tabell:
    """Varje kontrollmoment: frekvens, senast utförd, nästa gång och läge per en dag."""
    _plan(v)
    lagen = egenkontrollen.lagen(v, per)
    sena = sum(1 for lage in lagen if lage.lage == Lage.forsenad)
    return Tabell(
        f"Egenkontroll per {per}",
        ("Kontrollmoment", "Frekvens", "Ansvarig", "Senast utförd", "Nästa gång", "Läge"),
        [_rad(lage) for lage in lagen],
        tom="Planen har inga kontrollmoment.",
        fot=f"{antal(len(lagen), 'kontrollmoment', 'kontrollmoment')},"
        f" {antal(sena, 'försenat', 'försenade')}.",
    )


def _rad(lage: Momentlage) -> tuple[str, ...]:
    moment = lage.moment
    text = str(lage.lage)
    if lage.lage == Lage.forsenad:
        text += f" {antal(lage.dagar_forsenad, 'dag', 'dagar')}"
    return (
        f"{moment.id}\n{kort(moment.kontrollmoment, 48)}",
        str(moment.frekvens),
        moment.ansvarig,
        datumtext(lage.senast),
        datumtext(lage.nasta),
        text,
    )


def _plan(v: Verksamhet) -> list[Kontrollmoment]:
    if v.egenkontrollplan is not None:
        return list(v.egenkontrollplan[1].kontrollmoment)
    if (v.rot / PLANEN).exists():
        raise TrasigFil(
            f"{PLANEN} har fel och kan inte användas.",
            tips=f"Kör kvalitet kontrollera för att se vad som är fel i {PLANEN}.",
        )
    raise Anvandningsfel(
        f"Verksamheten har ingen egenkontrollplan ({PLANEN}).",
        tips=f"Skapa {PLANEN} med kontrollmoment (id, kontrollmoment, metod, frekvens,"
        " ansvarig); se exempel-verksamhet/egenkontroll.yaml.",
    )


def hitta_moment(v: Verksamhet, text: str) -> Kontrollmoment:
    """Ett kontrollmoment efter id eller unikt prefix av id:t.

    Raises:
        Anvandningsfel: När planen saknas, eller inget eller flera moment passar.
    """
    moment = _plan(v)
    if not moment:
        raise Anvandningsfel(
            f"Egenkontrollplanen ({PLANEN}) har inga kontrollmoment än.",
            tips=f"Lägg till kontrollmoment under kontrollmoment: i {PLANEN}; exemplen i"
            " filens kommentarer visar formen.",
        )
    sokt = normaliserad(text)
    for m in moment:
        if normaliserad(m.id) == sokt:
            return m
    kandidater = [m for m in moment if normaliserad(m.id).startswith(sokt)]
    if len(kandidater) == 1:
        return kandidater[0]
    alla = ", ".join(m.id for m in moment)
    if kandidater:
        namn = ", ".join(m.id for m in kandidater)
        raise Anvandningsfel(f"”{text}” passar flera kontrollmoment: {namn}.", tips=alla)
    forslag = difflib.get_close_matches(sokt, [m.id for m in moment], n=1, cutoff=0.5)
    tips = f"Menade du ”{forslag[0]}”? " if forslag else ""
    raise Anvandningsfel(
        f"Egenkontrollplanen har inget kontrollmoment ”{text}”.",
        tips=f"{tips}Planens kontrollmoment: {alla}",
    )


@dataclass(frozen=True)
class Skapad:
    """Den nya egenkontrollens id, moment och fil."""

    id: str
    moment: Kontrollmoment
    andring: Andring


def ny(
    v: Verksamhet, moment_text: str, datum: date, slump: Callable[[], str] | None = None
) -> Skapad:
    """En ny fil egenkontroll/<år>/<id>.yaml för en kontroll av ett moment, med tomma fält.

    Args:
        v: Verksamheten.
        moment_text: Kontrollmomentets id (eller ett unikt prefix).
        datum: Dagen kontrollen görs.
        slump: Ger id:ts slumpdel (byts i tester).

    Returns:
        Id, momentet och den nya filen (ännu inte skriven).
    """
    moment = hitta_moment(v, moment_text)
    ar = datum.year
    id_ = nytt_id(f"EK-{ar}-", _upptagna(v, ar), slump=slump)
    data = _resultat(moment, id_, datum)
    return Skapad(id_, moment, redigering.ny_fil(v.rot, f"{MAPP}/{ar}/{id_}.yaml", data))


def _upptagna(v: Verksamhet, ar: int) -> set[str]:
    upptagna = {r.id for _, r in v.egenkontrollresultat}
    upptagna |= {dok.sokvag.stem for dok in v.dokument if dok.relativ.startswith(f"{MAPP}/")}
    if gitinfo.git_finns():
        upptagna |= gitinfo.namn_i_alla_grenar(v.rot / MAPP / str(ar))
    return upptagna


def _resultat(moment: Kontrollmoment, id_: str, datum: date) -> Any:
    varden: dict[str, Any] = {
        "id": id_,
        "kontrollmoment": moment.id,
        "datum": datum,
        "utförd_av": None,
        "urval": yamlio.mappning({"antal": None, "beskrivning": None}),
        **_uppfyllda(moment),
        "resultat": None,
        "brister": yamlio.lista([], flodesstil=True),
        "åtgärder": yamlio.lista([], flodesstil=True),
        "status": Resultatstatus.pagar.value,
    }
    kommentarer = {nyckel: text for nyckel, text in _KOMMENTARER.items() if nyckel in varden}
    kommentarer["utförd_av"] = (
        f"Rollen som gjorde kontrollen, aldrig ett namn (planens ansvariga: {moment.ansvarig})."
    )
    return yamlio.mappning(
        varden,
        kommentarer=kommentarer,
        inledning=f"Egenkontroll av {moment.id} ({moment.metod}, varje {moment.frekvens}):\n"
        f"{kort(moment.kontrollmoment, 80)}\nSkapad med kvalitet egenkontroll ny. Skriv aldrig"
        " namn, personnummer eller ärendenas id:\nange urvalet som ett antal och bristerna"
        " avidentifierat.",
    )


def _uppfyllda(moment: Kontrollmoment) -> dict[str, Any]:
    # En nyckel per granskningspunkt, med frågan som kommentar, att fylla i med ett antal.
    if not moment.granskningspunkter:
        return {}
    punkter = {p.id: None for p in moment.granskningspunkter}
    fragor = {p.id: p.fråga for p in moment.granskningspunkter}
    return {"uppfyllda": yamlio.mappning(punkter, kommentarer=fragor, indrag=2)}


_KOMMENTARER = {
    "urval": "Vad som granskades: antal akter, ärenden eller svar, och hur de valdes.",
    "uppfyllda": "Per granskningspunkt: i hur många av de granskade ärendena (urval: antal)"
    " den var\nuppfylld. Bara antal, aldrig vilka ärenden.",
    "resultat": "Vad kontrollen visade, som löpande text.",
    "brister": "Bristerna, en per rad (- …). Tom lista = inga avvikelser. Brister kräver"
    " åtgärder\n(regeln EGK002) eller en inga_åtgärder_motivering.",
    "åtgärder": "Åtgärderna har samma form som i en handlingsplan (id, åtgärd, ansvarig,"
    " klart_senast,\nuppföljning, status) och följs upp i handlingsplanen: när"
    " uppföljningsdagen har passerat\nskrivs vad åtgärden ledde till under effekt (regeln"
    " ATG003).",
    "status": "pågår, genomförd eller avslutad. Kontrollen räknas för frekvensen först när"
    " den är\ngenomförd (eller avslutad, när åtgärderna är klara).",
}
