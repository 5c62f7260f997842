"""Alla åtgärder i alla rum: handlingsplanernas och avvikelsernas, med filter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.arshjul import Session
from kvalitet.modell.avvikelse import Avvikelse, Avvikelseindex
from kvalitet.modell.egenkontroll import Egenkontrollresultat
from kvalitet.modell.riskanalys import Riskanalys
from kvalitet.svenska import antal, kort, normaliserad, sorteringsnyckel
from kvalitet.svenska import datum as datumtext
from kvalitet.tabell import Rader, Tabell
from kvalitet.verksamhet import Atgardsplats, Verksamhet


@dataclass(frozen=True)
class Urval:
    """Filtren: bara försenade, öppna, en ansvarig (del av rollen), ett rum, en status."""

    forsenade: bool = False
    oppna: bool = False
    ansvarig: str | None = None
    rum: str | None = None
    status: Atgardsstatus | None = None


def rum_for(plats: Atgardsplats) -> str:
    """Rummet som åtgärden hör till: sessionens, avvikelsens eller kontrollmomentets."""
    if plats.rum is not None:
        return plats.rum
    modell = plats.dok.modell
    return modell.rum if isinstance(modell, Session | Avvikelse | Avvikelseindex) else ""


def kalla(plats: Atgardsplats) -> str:
    """Var åtgärden står: ”session 2026 A1” eller ”avvikelse 2026-005 A2”."""
    modell = plats.dok.modell
    id_ = f" {plats.atgard.id}" if plats.atgard.id else ""
    if isinstance(modell, Session):
        return f"session {modell.år}{id_}"
    if isinstance(modell, Egenkontrollresultat):
        return f"egenkontroll {modell.id}{id_}"
    if isinstance(modell, Riskanalys):
        return f"riskanalys {modell.id}{id_}"
    if isinstance(modell, Avvikelse | Avvikelseindex):
        return f"avvikelse {modell.id}{id_}"
    return plats.dok.relativ


def valda(v: Verksamhet, urval: Urval, per: date) -> list[Atgardsplats]:
    """Åtgärderna som passar urvalet, efter klart_senast (de utan datum sist)."""
    rum = v.hitta_rum(urval.rum).id if urval.rum else None
    ansvarig = normaliserad(urval.ansvarig) if urval.ansvarig else None
    traffar = [
        p
        for p in v.alla_atgarder()
        if (not urval.forsenade or p.atgard.dagar_forsenad(per))
        and (not urval.oppna or not p.atgard.ar_avslutad())
        and (ansvarig is None or ansvarig in normaliserad(p.atgard.ansvarig or ""))
        and (rum is None or rum_for(p) == rum)
        and (urval.status is None or p.atgard.status == urval.status)
    ]
    # Det som ska göras först: öppna åtgärder före klara och avbrutna, sedan efter datum.
    # Rummens nycklar räknas en gång, inte en gång per åtgärd.
    rummen = {rum: sorteringsnyckel(v.rumsnamn(rum)) for rum in {rum_for(p) for p in traffar}}
    return sorted(
        traffar,
        key=lambda p: (
            p.atgard.ar_avslutad(),
            p.atgard.klart_senast or date.max,
            rummen[rum_for(p)],
        ),
    )


def tabell(v: Verksamhet, urval: Urval, per: date) -> Tabell:
    """Åtgärderna som en tabell med rum, källa, ansvarig, datum och status."""
    traffar = valda(v, urval, per)
    sena = sum(1 for p in traffar if p.atgard.dagar_forsenad(per))
    return Tabell(
        f"Åtgärder per {per}",
        ("Rum och källa", "Åtgärd", "Ansvarig", "Klart senast", "Uppföljning", "Status"),
        Rader(
            traffar,
            lambda p: (
                f"{v.rumsnamn(rum_for(p))}\n{kalla(p)}",
                kort(p.atgard.åtgärd, 90),
                p.atgard.ansvarig or "–",
                datumtext(p.atgard.klart_senast),
                datumtext(p.atgard.uppföljning),
                _status(p, per),
            ),
        ),
        tom="Inga åtgärder passar urvalet.",
        fot=f"{antal(len(traffar), 'åtgärd', 'åtgärder')}, varav"
        f" {antal(sena, 'försenad', 'försenade')}.",
    )


def _status(plats: Atgardsplats, per: date) -> str:
    dagar = plats.atgard.dagar_forsenad(per)
    return f"{plats.atgard.status}, försenad {dagar} d" if dagar else str(plats.atgard.status)
