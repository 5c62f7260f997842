"""BUUUU-hjulet: starta ett varv från mallen och visa hur långt varven har kommit."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from kvalitet import mallar, redigering, yamlio
from kvalitet.dokument import Dokument
from kvalitet.fel import Anvandningsfel
from kvalitet.modell.buuuu import STEG, BuuuuVarv, Inflytandeniva, Steg
from kvalitet.skrivning import Andring
from kvalitet.svenska import datum as datumtext
from kvalitet.svenska import normaliserad, sorteringsnyckel, upprakning
from kvalitet.tabell import Tabell, Vy
from kvalitet.verksamhet import Verksamhet

MALL = "buuuu.yaml"
_SLUTET = "Alla steg är genomarbetade: utvärderingen har slutit varvet tillbaka till behovet."


def som_id(text: str) -> str:
    """Ett id av en text: gemener, a–z utan prickar, siffror och bindestreck."""
    id_ = re.sub(r"[^a-z0-9]+", "-", normaliserad(text)).strip("-")
    if not id_:
        raise Anvandningsfel(
            f"”{text}” kan inte bli ett id; skriv till exempel sysselsattning.",
        )
    return id_


def starta(
    v: Verksamhet, id_text: str, namn: str, startad: date, rum_text: str | None
) -> tuple[str, Andring]:
    """Ett nytt varv buuuu/<id>.yaml från mallen, med stegens frågor för brukarmedverkan.

    Args:
        v: Verksamheten.
        id_text: Varvets id (görs om till a–z, siffror och bindestreck).
        namn: Varvets namn.
        startad: Dagen varvet startar.
        rum_text: Rummet varvet hör till, om något.

    Returns:
        Id och den nya filen, ännu inte skriven.
    """
    id_ = som_id(id_text)
    rum = v.hitta_rum(rum_text).id if rum_text else None

    def fyll_i(trad: Any) -> None:
        trad["id"] = id_
        trad["namn"] = yamlio.text(namn, 6)
        trad["startad"] = startad
        if rum:
            trad["rum"].append(rum)

    mall = (mallar.mallmapp() / MALL).read_bytes()
    return id_, redigering.redigera(v.rot, f"buuuu/{id_}.yaml", fyll_i, mall=mall)


def status(v: Verksamhet, id_text: str | None) -> Vy:
    """Varje varv (eller ett): stegen, om de är genomarbetade och brukarnas medverkan.

    Ett steg är genomarbetat när det har en text och ett svar på varje fråga, och
    utvärderingen dessutom när den jämför nuläget med behovet.
    """
    varv = sorted(v.buuuu, key=lambda par: sorteringsnyckel(par[1].namn))
    if id_text is not None:
        varv = [par for par in varv if par[1].id == som_id(id_text)]
        if not varv:
            alla = ", ".join(b.id for _, b in v.buuuu) or "inga"
            raise Anvandningsfel(f"Det finns inget BUUUU-varv ”{id_text}”.", tips=f"Varv: {alla}")
    if not varv:
        return ["Inga BUUUU-varv än. Starta ett med: kvalitet buuuu starta ID --namn NAMN"]
    return [_tabell(dok, b) for dok, b in varv]


def _tabell(dok: Dokument, varv: BuuuuVarv) -> Tabell:
    rader = [_rad(namn, getattr(varv, namn)) for namn in STEG]
    nasta = next((namn for namn in STEG if not _genomarbetat(getattr(varv, namn))), None)
    nivaer = {m.nivå for namn in STEG if (s := getattr(varv, namn)) for m in s.brukarmedverkan}
    saknade = [n.value for n in Inflytandeniva if n not in nivaer]
    fot = f"Nästa steg: {nasta}." if nasta else _SLUTET
    if (utv := varv.utvärdering) and utv.text and not utv.jämfört_med_behov:
        fot += " Utvärderingen jämför ännu inte nuläget med behovet (jämfört_med_behov)."
    if saknade:
        niva = "nivån" if len(saknade) == 1 else "nivåerna"
        fot += f" Ingen brukarmedverkan än på {niva} {upprakning(saknade, 'eller')}."
    avslutad = f", avslutad {datumtext(varv.avslutat)}" if varv.avslutat else ""
    return Tabell(
        f"{varv.namn} ({dok.relativ}, startad {datumtext(varv.startad)}{avslutad})",
        ("Steg", "Genomarbetat", "Besvarade frågor", "Brukarmedverkan", "Nivåer", "Senast"),
        rader,
        fot=fot,
    )


def _genomarbetat(steg: Steg | None) -> bool:
    return steg is not None and steg.genomarbetat()


def _besvarade(steg: Steg | None) -> str:
    if steg is None or not steg.frågor:
        return "–"
    return f"{len(steg.frågor) - len(steg.obesvarade())} av {len(steg.frågor)}"


def _rad(namn: str, steg: Steg | None) -> tuple[str, ...]:
    medverkan = steg.brukarmedverkan if steg else []
    nivaer = sorted({m.nivå.value for m in medverkan}, key=sorteringsnyckel)
    senast = max((m.datum for m in medverkan), default=None)
    return (
        namn.capitalize(),
        "ja" if _genomarbetat(steg) else "nej",
        _besvarade(steg),
        str(len(medverkan)),
        ", ".join(nivaer) or "–",
        datumtext(senast),
    )
