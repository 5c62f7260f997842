"""En årshjulssession som formulär: fälten ur filen, och formulärets svar in i filen.

Bara det som har ändrats i formuläret skrivs in i trädet, så att orörda rader (och
kommentarer) står kvar byte för byte; skrivningen går genom redigeringslagret
(kvalitet.redigering) som allt annat. Fynden från kontrollen knyts till fälten efter
raden de står på.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kvalitet import yamlio
from kvalitet.dokument import Dokument
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.arshjul import Session
from kvalitet.verksamhet import Verksamhet

FALT = ("id", "åtgärd", "ansvarig", "klart_senast", "uppföljning", "status", "garaget")
"""Handlingsplanens kolumner i formuläret."""
STATUSAR = tuple(s.value for s in Atgardsstatus)
_STANDARD = {"status": Atgardsstatus.planerad.value}
"""Värden som gäller när nyckeln saknas i filen (och därför inte skrivs dit)."""
NYA_RADER = 1
"""Så många tomma rader för nya åtgärder som formuläret har."""


def version(radata: bytes) -> str:
    """Filens version: en kontrollsumma av dess byte, så att en ändring på disken syns."""
    return hashlib.blake2b(radata, digest_size=16).hexdigest()


@dataclass
class Fraga:
    """En fråga i orsaksanalysen och svaret."""

    index: int
    fraga: str
    svar: str
    fynd: list[str] = field(default_factory=list)


@dataclass
class Atgardsrad:
    """En rad i handlingsplanen (en befintlig åtgärd, eller en ny tom rad)."""

    index: int
    varden: dict[str, str]
    ny: bool = False
    fynd: list[str] = field(default_factory=list)


@dataclass
class Formular:
    """Sessionens fält som formuläret visar dem."""

    fragor: list[Fraga]
    slutsatser: str
    deltagare: str
    """Roller som inte finns bland de kända (kommaseparerade)."""
    datum: str
    rader: list[Atgardsrad]
    roller: list[tuple[str, bool]] = field(default_factory=list)
    """De kända rollerna och om de är valda som deltagare."""
    slutsatser_fynd: list[str] = field(default_factory=list)
    deltagare_fynd: list[str] = field(default_factory=list)
    ovriga_fynd: list[str] = field(default_factory=list)


def kanda_roller(v: Verksamhet) -> list[str]:
    """Rollerna i verksamheten: kontakterna, de ansvariga och tidigare deltagare."""
    roller: set[str] = set()
    if v.huset is not None:
        roller |= set(v.huset[1].kontakter)
        roller.add(v.huset[1].verksamhet.ansvarig_roll or "")
    roller |= {p.atgard.ansvarig or "" for p in v.atgarder()}
    roller |= {str(d) for _, s in v.sessioner for d in s.deltagare}
    return sorted((r for r in roller if r), key=str.lower)


def ur_filen(session: Session, kanda: list[str]) -> Formular:
    """Formuläret ifyllt ur sessionen."""
    rader = [
        Atgardsrad(i, {f: _text(getattr(a, f)) for f in FALT})
        for i, a in enumerate(session.handlingsplan)
    ]
    deltagare = [str(d) for d in session.deltagare]
    return Formular(
        [Fraga(i, s.fråga, s.svar or "") for i, s in enumerate(session.orsaksanalys)],
        session.slutsatser or "",
        ", ".join(d for d in deltagare if d not in kanda),
        session.datum.isoformat() if session.datum else "",
        [*rader, *_nya(len(rader))],
        [(r, r in deltagare) for r in kanda],
    )


def ur_formularet(
    session: Session, kanda: list[str], data: Mapping[str, str], extra_rader: int = 0
) -> Formular:
    """Formuläret som det skickades (för att visa det igen, med fynden)."""
    antal = _antal_rader(data)
    rader = [
        Atgardsrad(
            i, {f: data.get(f"atgard-{i}-{f}", "") for f in FALT}, i >= len(session.handlingsplan)
        )
        for i in range(antal)
        if not data.get(f"atgard-{i}-bort")
    ]
    for i, rad in enumerate(rader):
        rad.index = i
    return Formular(
        [Fraga(i, s.fråga, data.get(f"svar-{i}", "")) for i, s in enumerate(session.orsaksanalys)],
        data.get("slutsatser", ""),
        data.get("deltagare", ""),
        data.get("datum", ""),
        [*rader, *_nya(len(rader), NYA_RADER + extra_rader - 1)],
        [(r, r in _valda_roller(data)) for r in kanda],
    )


def andra(trad: Any, data: Mapping[str, str]) -> None:
    """Skriv formulärets ändrade värden in i sessionens träd (det orörda rörs inte)."""
    for i, post in enumerate(trad.get("orsaksanalys") or []):
        _satt(post, "svar", data.get(f"svar-{i}", ""), 6)
    _satt(trad, "slutsatser", data.get("slutsatser", ""), 2)
    if "datum" in data:
        _satt(trad, "datum", data["datum"], 2)
    _deltagarna(trad, _valda_roller(data))
    _handlingsplanen(trad, data)


def _deltagarna(trad: Any, valda: list[str]) -> None:
    """Ta bort de roller som inte längre är valda och lägg nya sist, i listan som den står."""
    lista = trad.get("deltagare")
    if not isinstance(lista, list):
        if valda:
            trad["deltagare"] = yamlio.lista(valda, flodesstil=True)
        return
    gamla = [str(r) for r in lista]
    for i in reversed(range(len(lista))):
        if gamla[i] not in valda:
            del lista[i]
    for roll in valda:
        if roll not in gamla:
            yamlio.lagg_till(lista, roll)


def _handlingsplanen(trad: Any, data: Mapping[str, str]) -> None:
    plan = trad.get("handlingsplan")
    if plan is None:
        plan = trad["handlingsplan"] = yamlio.lista([])
    befintliga = len(plan)
    bort = [i for i in range(befintliga) if data.get(f"atgard-{i}-bort")]
    for i in range(befintliga):
        if i not in bort:
            for f in FALT:
                _satt(plan[i], f, data.get(f"atgard-{i}-{f}", ""), 6)
    for i in range(befintliga, _antal_rader(data)):
        varden = {f: data.get(f"atgard-{i}-{f}", "").strip() for f in FALT}
        if data.get(f"atgard-{i}-bort") or not varden["åtgärd"]:
            continue
        ny = {f: _varde(f, v) for f, v in varden.items() if v and f != "garaget"}
        if varden["garaget"]:
            ny["garaget"] = yamlio.lista(_idlista(varden["garaget"]), flodesstil=True)
        yamlio.lagg_till(plan, yamlio.mappning(ny))
    for i in reversed(bort):
        del plan[i]


def _satt(post: Any, nyckel: str, nytt: str, indrag: int) -> None:
    """Sätt ett värde bara när det skiljer sig från det som står i filen."""
    nytt = nytt.replace("\r\n", "\n").strip()
    gammalt = post.get(nyckel)
    if nyckel == "garaget":
        lista = _idlista(nytt)
        if lista != [str(g) for g in gammalt or []]:
            post[nyckel] = yamlio.lista(lista, flodesstil=True)
        return
    if _text(gammalt) == nytt or (nyckel not in post and nytt == _STANDARD.get(nyckel)):
        return
    if not nytt:
        if nyckel in post:
            post[nyckel] = None
        return
    post[nyckel] = _varde(nyckel, nytt, gammalt, indrag)


def _varde(nyckel: str, text: str, gammalt: Any = None, indrag: int = 6) -> Any:
    if nyckel in ("klart_senast", "uppföljning", "datum"):
        from datetime import date

        try:
            return date.fromisoformat(text)
        except ValueError:
            return text  # kontrollen säger till vid fältet
    if nyckel in ("id", "status", "ansvarig"):
        return yamlio.samma_stil(gammalt, text)
    return yamlio.text(text, indrag)


def _valda_roller(data: Mapping[str, str]) -> list[str]:
    """De ikryssade rollerna och de skrivna (kommaseparerade), utan dubbletter."""
    ikryssade = [v.strip() for k, v in data.items() if k.startswith("roll-")]
    skrivna = data.get("deltagare", "").split(",")
    return list(dict.fromkeys(r.strip() for r in [*ikryssade, *skrivna] if r.strip()))


def _idlista(text: str) -> list[str]:
    return [d.strip() for d in text.replace(";", ",").split(",") if d.strip()]


def _antal_rader(data: Mapping[str, str]) -> int:
    return max(
        (
            int(k.split("-")[1]) + 1
            for k in data
            if k.startswith("atgard-") and k.split("-")[1].isdigit()
        ),
        default=0,
    )


def _text(varde: Any) -> str:
    if varde is None:
        return ""
    if isinstance(varde, list):
        return ", ".join(str(v) for v in varde)
    return str(varde).strip()


def _nya(fran: int, antal: int = NYA_RADER) -> list[Atgardsrad]:
    return [Atgardsrad(fran + i, dict.fromkeys(FALT, ""), ny=True) for i in range(max(antal, 0))]


def knyt_fynd(formular: Formular, dok: Dokument, fynd: list[tuple[int, str]]) -> None:
    """Sätt varje fynd (rad, text) vid fältet på den raden, annars bland de övriga."""
    platser: dict[int, list[str]] = {}
    for fraga in formular.fragor:
        platser.setdefault(dok.position(("orsaksanalys", fraga.index))[0], fraga.fynd)
        platser[dok.position(("orsaksanalys", fraga.index, "svar"))[0]] = fraga.fynd
    platser[dok.position(("slutsatser",))[0]] = formular.slutsatser_fynd
    platser[dok.position(("deltagare",))[0]] = formular.deltagare_fynd
    for rad in formular.rader:
        if rad.ny:
            continue
        for f in (None, *FALT):
            vag = ("handlingsplan", rad.index, f) if f else ("handlingsplan", rad.index)
            platser.setdefault(dok.position(vag)[0], rad.fynd)
    for radnr, text in fynd:
        platser.get(radnr, formular.ovriga_fynd).append(text)
