"""Avvikelser, missförhållanden, synpunkter och klagomål: registrera ett nytt och lista dem."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from kvalitet import gitinfo, redigering, yamlio
from kvalitet.arbete._id import nytt_id
from kvalitet.modell.avvikelse import Avvikelseindex, Avvikelsestatus, Avvikelsetyp
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, sorteringsnyckel
from kvalitet.tabell import Rader, Tabell
from kvalitet.verksamhet import Verksamhet

STANGDA = (Avvikelsestatus.avslutad,)
TYPNAMN = {
    Avvikelsetyp.avvikelse: "Avvikelse",
    Avvikelsetyp.missforhallande: "Missförhållande (lex Sarah)",
    Avvikelsetyp.risk_for_missforhallande: "Påtaglig risk för missförhållande (lex Sarah)",
    Avvikelsetyp.synpunkt: "Synpunkt",
    Avvikelsetyp.klagomal: "Klagomål",
}


@dataclass(frozen=True)
class Ny:
    """Vad `ny` vill registrera; `process` och `kalla` är valfria."""

    typ: Avvikelsetyp
    rum: str
    beskrivning: str
    inkom: date
    process: str | None = None
    kalla: str | None = None
    arende_ref: str | None = None


@dataclass(frozen=True)
class Registrerad:
    """Den nya avvikelsens id, filen och en anmärkning om processen."""

    id: str
    andring: Andring
    anmarkning: str | None


def ny(v: Verksamhet, uppgifter: Ny, slump: Callable[[], str] | None = None) -> Registrerad:
    """En ny fil avvikelser/<år>/<id>.yaml med ett id som inte krockar med andra grenars.

    Args:
        v: Verksamheten.
        uppgifter: Vad som har inkommit.
        slump: Ger id:ts slumpdel (byts i tester).

    Returns:
        Id, den nya filen (ännu inte skriven) och en anmärkning när processen inte
        finns i husets processregister.
    """
    rum = v.hitta_rum(uppgifter.rum)
    process, anmarkning = _process(v, uppgifter.process)
    ar = uppgifter.inkom.year
    id_ = nytt_id(f"{ar}-", _upptagna(v, ar), slump=slump)
    data = _avvikelse(uppgifter, id_, rum.id, process)
    return Registrerad(
        id_, redigering.ny_fil(v.rot, f"avvikelser/{ar}/{id_}.yaml", data), anmarkning
    )


def _upptagna(v: Verksamhet, ar: int) -> set[str]:
    upptagna = {a.id for _, a in v.avvikelseindex}
    upptagna |= {
        PurePosixPath(vag).stem for vag in v.dokumentvagar if vag.startswith("avvikelser/")
    }
    if gitinfo.git_finns():
        upptagna |= gitinfo.namn_i_alla_grenar(v.rot / "avvikelser" / str(ar))
    return upptagna


def _process(v: Verksamhet, text: str | None) -> tuple[str | None, str | None]:
    if text is None or v.huset is None:
        return text, None
    if not v.huset[1].processer:
        return text, (
            f"Husets processregister är tomt, så processen ”{text}” kan inte prövas. Lägg in"
            " verksamhetens processer under processer: i huset.yaml (id och namn)."
        )
    for process in v.huset[1].processer:
        if text.casefold() in (process.id.casefold(), process.namn.casefold()):
            return process.namn, None
    namn = [p.namn for p in v.huset[1].processer]
    forslag = difflib.get_close_matches(text, namn, n=1, cutoff=0.6)
    tips = f" Menade du ”{forslag[0]}”?" if forslag else ""
    return text, f"Processen ”{text}” finns inte i husets processregister.{tips}"


def _avvikelse(u: Ny, id_: str, rum: str, process: str | None) -> Any:
    varden: dict[str, Any] = {
        "id": yamlio.citerad(id_),
        "typ": u.typ.value,
        "inkom": u.inkom,
        "rum": rum,
        "process": process,
    }
    if u.kalla:
        varden["källa"] = u.kalla
    if u.arende_ref:
        varden["ärende_ref"] = yamlio.citerad(u.arende_ref)
    varden["beskrivning"] = yamlio.text(u.beskrivning, 2)
    if u.typ in (Avvikelsetyp.missforhallande, Avvikelsetyp.risk_for_missforhallande):
        varden["lex_sarah"] = yamlio.mappning(
            {"rapporterad": u.inkom, "utredning_påbörjad": None, "bedömning": None, "bedömd": None}
        )
    varden["utredning"] = yamlio.mappning(
        {"orsaker": yamlio.lista([], flodesstil=True), "ansvarig": None, "klar": None}
    )
    varden["åtgärder"] = yamlio.lista([], flodesstil=True)
    varden["status"] = Avvikelsestatus.registrerad.value
    if u.typ in (Avvikelsetyp.synpunkt, Avvikelsetyp.klagomal):
        varden["besvarad"] = None
    return yamlio.mappning(
        varden,
        kommentarer=_KOMMENTARER,
        inledning=f"{TYPNAMN[u.typ]} som inkom {u.inkom}, registrerad med kvalitet avvikelse"
        " ny.\nSkriv aldrig namn eller personnummer: beskriv avidentifierat och hänvisa till"
        "\närendet i verksamhetssystemet med ärende_ref.",
    )


_KOMMENTARER = {
    "lex_sarah": "Lex Sarah: datumen i ordning (rapporterad, utredning_påbörjad, bedömd,\n"
    "anmäld_ivo för ett allvarligt missförhållande). Se kvalitet regler SAR001.",
    "process": "Processen i husets processregister som ärendet gäller; orsakerna kartläggs"
    " utifrån den.",
    "utredning": "Utredningen: de bakomliggande orsakerna, kartlagda utifrån processen (gärna"
    " med samma\nordalydelse som i andra ärenden när de återkommer), vem som ansvarar (en"
    " roll) och när den\nblev klar. Ett avslutat ärende ska ha orsaker och process (regeln"
    " AVV002).",
    "åtgärder": "Åtgärderna har samma form som i en handlingsplan (åtgärd, ansvarig,"
    " klart_senast,\nuppföljning, status) och får sin effekt när uppföljningen är gjord"
    " (regeln ATG003).",
    "status": "registrerad, under_utredning, bedömd, anmäld_ivo, åtgärdad, uppföljd eller avslutad",
}


def lista(
    v: Verksamhet,
    ar: int | None,
    typ: Avvikelsetyp | None,
    rum_text: str | None,
    oppna: bool,
) -> Tabell:
    """Avvikelserna, nyast först, med filter på år, typ, rum och öppna ärenden."""
    rum = v.hitta_rum(rum_text).id if rum_text else None
    valda = [
        a
        for _, a in v.avvikelseindex
        if (ar is None or a.inkom.year == ar)
        and (typ is None or a.typ == typ)
        and (rum is None or a.rum == rum)
        and not (oppna and a.status in STANGDA)
    ]
    valda.sort(key=lambda a: (a.inkom, a.id), reverse=True)
    return Tabell(
        "Avvikelser, synpunkter och klagomål" + (f" {ar}" if ar else ""),
        ("Id", "Inkom", "Typ", "Rum", "Process", "Status", "Åtgärder"),
        Rader(valda, lambda a: _rad(v, a)),
        tom="Inga ärenden passar urvalet.",
        fot=_summa(valda),
    )


def _rad(v: Verksamhet, a: Avvikelseindex) -> tuple[str, ...]:
    oppna = sum(1 for atgard in a.åtgärder if not atgard.ar_avslutad())
    atgarder = f"{len(a.åtgärder)} ({antal(oppna, 'öppen', 'öppna')})" if a.åtgärder else "–"
    return (
        a.id,
        str(a.inkom),
        str(a.typ),
        v.rumsnamn(a.rum),
        a.process or "–",
        str(a.status),
        atgarder,
    )


def _summa(valda: list[Avvikelseindex]) -> str:
    per_typ: dict[str, int] = {}
    for a in valda:
        per_typ[str(a.typ)] = per_typ.get(str(a.typ), 0) + 1
    delar = ", ".join(
        f"{typ} {n}" for typ, n in sorted(per_typ.items(), key=lambda p: sorteringsnyckel(p[0]))
    )
    return f"{antal(len(valda), 'ärende', 'ärenden')}" + (f": {delar}." if delar else ".")
