"""Riskanalyserna: årets analyser, deras teman, de högsta riskerna, åtgärderna och riskmatrisen.

Webbplatsen har dessutom en sida per analys (`sida`): alla risker med bedömning och
hantering, riskmatrisen för analysen, åtgärderna och uppföljningarna.

Antalen här är antal analyser, risker och åtgärder, inte personer eller ärenden, och
visas därför alltid exakt. Riskvärdet är alltid det uträknade (sannolikhet × konsekvens).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from kvalitet.modell._bas import Atgardsstatus, Uppfoljning
from kvalitet.modell.riskanalys import KONSEKVENS, SANNOLIKHET, Anledning, Risk, Riskanalys
from kvalitet.rapporter import Bild, Huvud, Uppdrag, handlingsplan, huvud
from kvalitet.rapporter.bilder import riskmatrisbild, riskniva
from kvalitet.risker import hog_risk_fran, matris
from kvalitet.svenska import antal
from kvalitet.verksamhet import Verksamhet

MALL = "riskanalyser"

ANLEDNINGSNAMN = {
    Anledning.forandring: "Inför en förändring",
    Anledning.ny_metod: "Inför en ny metod eller ett nytt arbetssätt",
    Anledning.periodisk: "Återkommande (periodisk)",
    Anledning.avvikelse: "Efter en avvikelse",
    Anledning.annan: "Annan anledning",
}


@dataclass(frozen=True)
class Analysrad:
    """En riskanalys i rapporten."""

    id: str
    rubrik: str
    datum: date
    anledning: str
    omfattning: str
    status: str
    risker: int
    hoga: int
    hogsta: int | None


@dataclass(frozen=True)
class Riskrad:
    """En risk i rapporten: bedömningen och hur den hanteras."""

    analys: str
    risk: str
    sannolikhet: str
    konsekvens: str
    varde: int
    niva: str
    hantering: str


@dataclass(frozen=True)
class Skalsteg:
    """Ett steg på skalorna: siffran och namnen för sannolikhet och konsekvens."""

    steg: int
    sannolikhet: str
    konsekvens: str


@dataclass(frozen=True)
class Riskavsnitt:
    """Årets riskanalyser."""

    ar: int
    grans: int
    analyser: list[Analysrad]
    teman: list[tuple[str, int]]
    antal_risker: int
    obedomda: int
    hoga: list[Riskrad]
    atgarder: dict[str, int]
    skalor: list[Skalsteg]
    bild: Bild | None

    @property
    def antal_atgarder(self) -> int:
        """Antal åtgärder i årets analyser."""
        return sum(self.atgarder.values())


def avsnitt(v: Verksamhet, ar: int) -> Riskavsnitt:
    """Riskanalyserna med datum under året, nyast först."""
    grans = hog_risk_fran(v)
    arets = sorted(
        (r for _, r in v.riskanalyser if r.datum.year == ar),
        key=lambda r: (r.datum, r.id),
        reverse=True,
    )
    risker = [risk for r in arets for risk in r.risker]
    atgarder = Counter(a.status for risk in risker for a in risk.åtgärder)
    obedomda = sum(1 for risk in risker if risk.varde is None)
    return Riskavsnitt(
        ar=ar,
        grans=grans,
        analyser=[_analysrad(v, r, grans) for r in arets],
        teman=_teman(arets),
        antal_risker=len(risker),
        obedomda=obedomda,
        hoga=_hoga(arets, grans),
        atgarder={str(s): atgarder[s] for s in Atgardsstatus},
        skalor=[Skalsteg(n, SANNOLIKHET[n], KONSEKVENS[n]) for n in range(1, 5)],
        bild=_bild(v, ar, risker, grans, obedomda) if arets else None,
    )


def _teman(arets: list[Riskanalys]) -> list[tuple[str, int]]:
    per_anledning = Counter(r.anledning for r in arets)
    return [(namn, per_anledning[a]) for a, namn in ANLEDNINGSNAMN.items() if per_anledning[a]]


def _analysrad(v: Verksamhet, r: Riskanalys, grans: int) -> Analysrad:
    return Analysrad(
        id=r.id,
        rubrik=r.rubrik,
        datum=r.datum,
        anledning=ANLEDNINGSNAMN[r.anledning],
        omfattning=omfattning(v, r),
        status=str(r.status),
        risker=len(r.risker),
        hoga=sum(1 for risk in r.risker if (risk.varde or 0) >= grans),
        hogsta=r.hogsta_varde(),
    )


def omfattning(v: Verksamhet, r: Riskanalys) -> str:
    """Rummets och processens namn: ”Trygghet och säkerhet; Mottagande av orosanmälan”."""
    delar = [v.rumsnamn(r.omfattning.rum)] if r.omfattning.rum else []
    if r.omfattning.process:
        processer = v.huset[1].processer if v.huset else []
        text = r.omfattning.process
        delar.append(next((p.namn for p in processer if text in (p.id, p.namn)), text))
    return "; ".join(delar)


def _hoga(arets: list[Riskanalys], grans: int) -> list[Riskrad]:
    rader = [
        _riskrad(r, risk, risk.varde, grans)
        for r in arets
        for risk in r.risker
        if risk.varde is not None and risk.varde >= grans
    ]
    return sorted(rader, key=lambda rad: -rad.varde)


def _riskrad(r: Riskanalys, risk: Risk, varde: int, grans: int) -> Riskrad:
    assert risk.sannolikhet is not None and risk.konsekvens is not None
    return Riskrad(
        analys=r.rubrik,
        risk=risk.risk or "Risken saknar beskrivning",
        sannolikhet=f"{risk.sannolikhet} {SANNOLIKHET[risk.sannolikhet]}",
        konsekvens=f"{risk.konsekvens} {KONSEKVENS[risk.konsekvens]}",
        varde=varde,
        niva=riskniva(varde, grans)[0],
        hantering=_hantering(risk),
    )


def _hantering(risk: Risk) -> str:
    if risk.åtgärder:
        klara = sum(1 for a in risk.åtgärder if a.status == Atgardsstatus.klar)
        return f"{antal(len(risk.åtgärder), 'åtgärd', 'åtgärder')}, {antal(klara, 'klar', 'klara')}"
    if risk.ar_accepterad():
        return f"Accepterad: {risk.motivering}"
    return "Ingen åtgärd"


def _bild(v: Verksamhet, ar: int, risker: list[Risk], grans: int, obedomda: int) -> Bild:
    return riskmatrisbild(matris(risker), grans, f"riskanalyserna {ar}, {v.namn}", obedomda)


@dataclass(frozen=True)
class RiskanalyserVy:
    """Rapporten om riskanalyserna."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    risker: Riskavsnitt


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> RiskanalyserVy:
    """Vy-modellen för rapporten om årets riskanalyser."""
    risker = avsnitt(v, uppdrag.ar)
    return RiskanalyserVy(
        titel=f"Riskanalyser {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[risker.bild] if risker.bild else [],
        risker=risker,
    )


# En sida per analys (webbplatsen)


@dataclass(frozen=True)
class Riskpost:
    """En risk på analysens sida, bedömd eller inte."""

    id: str | None
    risk: str
    orsaker: list[str]
    sannolikhet: str
    konsekvens: str
    varde: int | None
    niva: str | None
    hantering: str


@dataclass(frozen=True)
class AnalysVy:
    """En riskanalys på en egen sida."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    analys: Analysrad
    grans: int
    beskrivning: str | None
    deltagare: list[str]
    risker: list[Riskpost]
    atgarder: handlingsplan.Handlingsplansavsnitt
    uppfoljningar: list[Uppfoljning]


def sida(v: Verksamhet, uppdrag: Uppdrag, analys_id: str) -> AnalysVy:
    """Vy-modellen för en riskanalys sida: riskerna i filens ordning och åtgärderna."""
    dok, r = next((dok, r) for dok, r in v.riskanalyser if r.id == analys_id)
    grans = hog_risk_fran(v)
    obedomda = sum(1 for risk in r.risker if risk.varde is None)
    platser = [p for p in v.atgarder() if p.dok.relativ == dok.relativ]
    return AnalysVy(
        titel=f"{r.id}: {r.rubrik}",
        huvud=huvud(v, uppdrag),
        bilder=[riskmatrisbild(matris(r.risker), grans, r.rubrik, obedomda)],
        analys=_analysrad(v, r, grans),
        grans=grans,
        beskrivning=r.omfattning.beskrivning,
        deltagare=list(r.deltagare),
        risker=[_riskpost(risk, grans) for risk in r.risker],
        atgarder=handlingsplan.avsnitt_av([handlingsplan.rad(v, p, uppdrag.per) for p in platser]),
        uppfoljningar=list(r.uppföljningar),
    )


def _riskpost(risk: Risk, grans: int) -> Riskpost:
    def steg(varde: int | None, namn: dict[int, str]) -> str:
        return f"{varde} {namn[varde]}" if varde is not None else "–"

    hantering = _hantering(risk)
    if ids := [a.id for a in risk.åtgärder if a.id]:
        hantering += f" ({', '.join(ids)})"
    return Riskpost(
        id=risk.id,
        risk=risk.risk or "Risken saknar beskrivning",
        orsaker=list(risk.orsaker),
        sannolikhet=steg(risk.sannolikhet, SANNOLIKHET),
        konsekvens=steg(risk.konsekvens, KONSEKVENS),
        varde=risk.varde,
        niva=riskniva(risk.varde, grans)[0] if risk.varde is not None else None,
        hantering=hantering,
    )
