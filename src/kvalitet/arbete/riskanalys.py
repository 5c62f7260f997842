"""Riskanalyser: skapa en ny från en mall och lista dem med deras högsta riskvärden."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import gitinfo, redigering, yamlio
from kvalitet.arbete._id import nytt_id
from kvalitet.fel import Anvandningsfel
from kvalitet.modell.riskanalys import KONSEKVENS, SANNOLIKHET, Anledning, Riskanalys
from kvalitet.risker import hog_risk_fran
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, normaliserad
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet

MAPP = "riskanalyser"


@dataclass(frozen=True)
class Ny:
    """Vad `ny` ska skapa: rubriken, dagen, anledningen och rum och/eller process."""

    rubrik: str
    datum: date
    anledning: Anledning = Anledning.forandring
    rum: str | None = None
    process: str | None = None


def ny(v: Verksamhet, uppgifter: Ny, slump: Callable[[], str] | None = None) -> tuple[str, Andring]:
    """En ny fil riskanalyser/<id>.yaml med en tom risk att fylla i.

    Args:
        v: Verksamheten.
        uppgifter: Rubrik, dag, anledning och omfattning.
        slump: Ger id:ts slumpdel (byts i tester).

    Returns:
        Id och den nya filen, ännu inte skriven.

    Raises:
        Anvandningsfel: Utan rum och process, eller när rummet eller processen inte finns.
    """
    if uppgifter.rum is None and uppgifter.process is None:
        raise Anvandningsfel(
            "Ange vad riskanalysen gäller: --rum, --process eller båda.",
            tips=f"Husets rum: {', '.join(r.id for r in v.rum) or 'inga'}.",
        )
    rum = v.hitta_rum(uppgifter.rum).id if uppgifter.rum else None
    process = _process(v, uppgifter.process) if uppgifter.process else None
    id_ = nytt_id(f"RA-{uppgifter.datum.year}-", _upptagna(v), slump=slump)
    data = _analys(v, uppgifter, id_, rum, process)
    return id_, redigering.ny_fil(v.rot, f"{MAPP}/{id_}.yaml", data)


def _upptagna(v: Verksamhet) -> set[str]:
    upptagna = {r.id for _, r in v.riskanalyser}
    upptagna |= {dok.sokvag.stem for dok in v.dokument if dok.relativ.startswith(f"{MAPP}/")}
    if gitinfo.git_finns():
        upptagna |= gitinfo.namn_i_alla_grenar(v.rot / MAPP)
    return upptagna


def _process(v: Verksamhet, text: str) -> str:
    """Processens id i husets register; utan register står texten som den är."""
    register = v.huset[1].processer if v.huset else []
    if not register:
        return text
    for process in register:
        if normaliserad(text) in (normaliserad(process.id), normaliserad(process.namn)):
            return process.id
    forslag = difflib.get_close_matches(text, [p.id for p in register], n=1, cutoff=0.6)
    tips = f"Menade du ”{forslag[0]}”? " if forslag else ""
    raise Anvandningsfel(
        f"Processen ”{text}” finns inte i husets processregister.",
        tips=f"{tips}Processer: {', '.join(p.id for p in register)}.",
    )


def _analys(v: Verksamhet, u: Ny, id_: str, rum: str | None, process: str | None) -> Any:
    omfattning = {"rum": rum, "process": process}
    risk = yamlio.mappning(
        {
            "id": "R1",
            "risk": None,
            "orsaker": yamlio.lista([], flodesstil=True),
            "sannolikhet": None,
            "konsekvens": None,
            "åtgärder": yamlio.lista([], flodesstil=True),
        }
    )
    varden: dict[str, Any] = {
        "id": yamlio.citerad(id_),
        "rubrik": yamlio.text(u.rubrik, 8),
        "datum": u.datum,
        "anledning": u.anledning.value,
        "omfattning": yamlio.mappning({k: v for k, v in omfattning.items() if v is not None}),
        "deltagare": yamlio.lista([], flodesstil=True),
        "risker": yamlio.lista([risk]),
        "status": "planerad",
    }
    return yamlio.mappning(
        varden,
        kommentarer=_kommentarer(hog_risk_fran(v)),
        inledning=f"Riskanalys, skapad med kvalitet riskanalys ny.\n{_PERSONUPPGIFTER}",
    )


_PERSONUPPGIFTER = (
    "Skriv aldrig namn eller personnummer: deltagare och ansvariga skrivs som roller."
)


def _skala(namn: str, steg: dict[int, str]) -> str:
    return f"{namn}: " + ", ".join(f"{n} {text}" for n, text in steg.items())


def _kommentarer(grans: int) -> dict[str, str]:
    return {
        "anledning": "förändring, ny_metod, periodisk, avvikelse eller annan",
        "omfattning": "Vad analysen gäller: rummets id, processens id eller båda. Skriv gärna"
        " vad som ingår\nunder beskrivning.",
        "deltagare": "De som deltar, som roller (till exempel enhetschef, socialsekreterare).",
        "risker": "En punkt per risk: vad som kan hända (risk), varför (orsaker) och bedömningen.\n"
        f"{_skala('sannolikhet', SANNOLIKHET)}\n{_skala('konsekvens', KONSEKVENS)}\n"
        "Riskvärdet (sannolikhet × konsekvens, 1–16) räknar kvalitet ut. Från"
        f" {grans} är risken hög\noch behöver en åtgärd under åtgärder (som i en"
        " handlingsplan: åtgärd, ansvarig,\nklart_senast, uppföljning, status) eller"
        " accepterad: true och en motivering.",
        "status": "planerad, genomförd eller uppföljd. När analysen är genomförd ska varje risk"
        "\nha sannolikhet och konsekvens (kvalitet kontrollera, regeln RSK001).",
    }


def lista(v: Verksamhet) -> Tabell:
    """Riskanalyserna, nyast först, med antal risker och det högsta riskvärdet."""
    grans = hog_risk_fran(v)
    analyser = sorted((r for _, r in v.riskanalyser), key=lambda r: (r.datum, r.id), reverse=True)
    hoga = sum(1 for r in analyser for risk in r.risker if (risk.varde or 0) >= grans)
    return Tabell(
        "Riskanalyser",
        ("Id", "Datum", "Rubrik", "Rum", "Process", "Risker", "Högsta riskvärde", "Status"),
        [_rad(v, r) for r in analyser],
        tom="Inga riskanalyser än. Skapa en med: kvalitet riskanalys ny --rubrik TEXT --rum RUM",
        fot=f"{antal(len(analyser), 'analys', 'analyser')},"
        f" {antal(hoga, 'hög risk', 'höga risker')} (riskvärde från {grans}).",
    )


def _rad(v: Verksamhet, r: Riskanalys) -> tuple[str, ...]:
    hogsta = r.hogsta_varde()
    return (
        r.id,
        str(r.datum),
        r.rubrik,
        v.rumsnamn(r.omfattning.rum) if r.omfattning.rum else "–",
        r.omfattning.process or "–",
        str(len(r.risker)),
        "–" if hogsta is None else str(hogsta),
        str(r.status),
    )
