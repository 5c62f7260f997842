"""Hela verksamheten som en statisk webbplats: startsida med huset och en sida per del.

Startsidan visar huset och årshjulet och länkar till kvalitetsberättelsen, handlingsplanen,
avvikelseanalysen, riskanalyserna, egenkontrollen, en sida per rum, session, åtagande,
BUUUU-varv och riskanalys, och till styrdokumenten (en sida per dokument, register och
en sökning, se kvalitet.rapporter.styrdokument), och en tillgänglighetsredogörelse som
varje sida länkar till (se kvalitet.rapporter.tillganglighet). Alla länkar är
relativa (utom den till tillsynsmyndigheten i redogörelsen) och varje sida är en
fristående HTML-fil, så att mappen kan öppnas direkt från disken, läggas på en intern
webbserver eller skickas som zip.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from kvalitet import rendering
from kvalitet.brukarinflytandet import NIVANAMN
from kvalitet.modell.buuuu import HJULET, Steg
from kvalitet.rapporter import (
    MARKOR,
    Bild,
    Huvud,
    Uppdrag,
    ataganden,
    avvikelser,
    egenkontroll,
    handlingsplan,
    huvud,
    kvalitetsberattelse,
    malkedja,
    rapportfil,
    riskanalyser,
    rum,
    styrdokument,
    tillganglighet,
)
from kvalitet.rapporter.bilder import arshjulsbild, husbild
from kvalitet.skrivning import Andring
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import Verksamhet


@dataclass(frozen=True)
class Lank:
    """En länk på startsidan: text och relativ adress."""

    text: str
    adress: str


@dataclass(frozen=True)
class Startsida:
    """Startsidans vy-modell."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    rapporter: list[Lank]
    rum: list[Lank]
    sessioner: list[Lank]
    ataganden: list[Lank]
    varv: list[Lank]
    riskanalyser: list[Lank]
    styrdokument: list[Lank]


@dataclass(frozen=True)
class Stegsida:
    """Ett steg i ett BUUUU-varv på varvets sida."""

    namn: str
    text: str | None
    fragor: list[tuple[str, str | None]]
    """Stegets frågor och brukarnas svar (None när frågan ännu inte är besvarad)."""
    medverkan: list[tuple[str, str, str, str | None]]


@dataclass(frozen=True)
class Varvsida:
    """Ett BUUUU-varvs sida."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    startad: Any
    avslutat: Any
    genomarbetade: int
    """Hur många av hjulets fem steg som är genomarbetade."""
    hjulet: list[Stegsida]
    """Hjulets fem steg: Behov, Uppdrag, Utbud, Utförande, Utfall."""
    utvardering: Stegsida
    """Utvärderingen, som sluter varvet tillbaka till behovet."""
    utvarderat: bool
    jamfort_med_behov: str | None


@dataclass(frozen=True)
class Sida:
    """En sida att skriva: adressen relativt webbplatsens rot, mallen och vy-modellen."""

    adress: str
    mall: str
    vy: Any


def skapa(v: Verksamhet, uppdrag: Uppdrag, ut: Path) -> list[Andring]:
    """Alla sidor som ändringar att skriva i mappen `ut`.

    Raises:
        FilenFinns: När en sida skulle skriva över en fil som inte är från kvalitet.
    """
    return [_fil(ut, sida) for sida in sidor(v, uppdrag)]


def _fil(ut: Path, sida: Sida) -> Andring:
    djup = sida.adress.count("/")
    text = rendering.rendera(
        sida.mall,
        "html",
        vy=sida.vy,
        bildfiler={},
        markor=MARKOR,
        hem="../" * djup + "index.html" if sida.adress != "index.html" else None,
        rot="../" * djup,
    )
    return rapportfil(ut / sida.adress, text)


def sidor(v: Verksamhet, uppdrag: Uppdrag) -> list[Sida]:
    """Webbplatsens sidor: startsidan först."""
    rummen = [_rumssida(v, uppdrag, r.id) for r in v.rum]
    sessioner = _sessionssidor(v, uppdrag)
    atagandesidor = _atagandesidor(v, uppdrag)
    varvsidor = [_varvsida(v, uppdrag, varv_id) for varv_id in sorted(b.id for _, b in v.buuuu)]
    ovriga = [
        Sida(
            "kvalitetsberattelse.html", "kvalitetsberattelse", kvalitetsberattelse.bygg(v, uppdrag)
        ),
        Sida("handlingsplan.html", "handlingsplan", handlingsplan.bygg(v, uppdrag)),
        Sida("malkedjan.html", "malkedja", malkedja.sida(v, uppdrag)),
        Sida("avvikelser.html", "avvikelser", avvikelser.bygg(v, uppdrag)),
        Sida("riskanalyser.html", "riskanalyser", riskanalyser.bygg(v, uppdrag)),
        Sida("egenkontroll.html", "egenkontroll", egenkontroll.bygg(v, uppdrag)),
        Sida("tillganglighet.html", tillganglighet.MALL, tillganglighet.bygg(v, uppdrag)),
    ]
    analyser = [
        Sida(f"riskanalyser/{a}.html", "riskanalys", riskanalyser.sida(v, uppdrag, a))
        for a in sorted({r.id for _, r in v.riskanalyser})
    ]
    dokument = [Sida(*sida) for sida in styrdokument.sidor(v, uppdrag)]
    alla = [*ovriga, *rummen, *sessioner, *atagandesidor, *varvsidor, *analyser, *dokument]
    return [Sida("index.html", "webb", _startsida(v, uppdrag, alla)), *alla]


def _startsida(v: Verksamhet, uppdrag: Uppdrag, alla: list[Sida]) -> Startsida:
    def lankar(prefix: str) -> list[Lank]:
        return [Lank(s.vy.titel, s.adress) for s in alla if s.adress.startswith(prefix)]

    return Startsida(
        titel=f"Ledningssystemet {uppdrag.ar}",
        huvud=huvud(v, uppdrag),
        bilder=[husbild(v, uppdrag.ar, uppdrag.per), arshjulsbild(v, uppdrag.ar, uppdrag.per)],
        rapporter=[Lank(s.vy.titel, s.adress) for s in alla if "/" not in s.adress],
        rum=lankar("rum/"),
        sessioner=lankar("arshjul/"),
        ataganden=lankar("ataganden/"),
        varv=lankar("buuuu/"),
        riskanalyser=lankar("riskanalyser/"),
        styrdokument=[
            Lank(s.vy.titel, s.adress)
            for s in alla
            if s.adress in ("styrdokument/index.html", "styrdokument/lagkrav.html")
        ],
    )


def _rumssida(v: Verksamhet, uppdrag: Uppdrag, rum_id: str) -> Sida:
    return Sida(f"rum/{rum_id}.html", "rum", rum.bygg(v, replace(uppdrag, rum=rum_id)))


def _sessionssidor(v: Verksamhet, uppdrag: Uppdrag) -> list[Sida]:
    sidor_ = []
    for r in v.rum:
        vy = rum.bygg(v, replace(uppdrag, rum=r.id))
        for session in vy.sessioner:
            adress = f"arshjul/{session.ar}/{r.id}.html"
            titel = f"{r.namn} {session.ar}"
            sidor_.append(
                Sida(adress, "session", _Sessionsvy(titel, vy.huvud, [], r.namn, session))
            )
    return sorted(sidor_, key=lambda s: s.adress)


@dataclass(frozen=True)
class _Sessionsvy:
    titel: str
    huvud: Huvud
    bilder: list[Bild]
    rumsnamn: str
    session: rum.Sessionen


def _atagandesidor(v: Verksamhet, uppdrag: Uppdrag) -> list[Sida]:
    sidor_ = []
    for ar in sorted({fil.år for _, fil in v.ataganden}):
        avsnitt = ataganden.avsnitt(v, ar)
        for a in avsnitt.ataganden:
            ett = replace(avsnitt, ataganden=[a], per_lage={a.lage: 1})
            vy = ataganden.AtagandenVy(
                f"{a.id}: {a.atagande}", huvud(v, replace(uppdrag, ar=ar)), [], ett
            )
            sidor_.append(Sida(f"ataganden/{ar}/{a.id}.html", "ataganden", vy))
    return sidor_


def _stegsida(namn: str, steg: Steg | None) -> Stegsida:
    if steg is None:
        return Stegsida(namn.capitalize(), None, [], [])
    fragor = [(f.fråga, f.svar if f.besvarad() else None) for f in steg.frågor]
    medverkan = [
        (m.datum.isoformat(), NIVANAMN[m.nivå].capitalize(), m.aktivitet, m.resultat)
        for m in steg.brukarmedverkan
    ]
    medverkan.sort(key=lambda rad: (rad[0], sorteringsnyckel(rad[2])))
    return Stegsida(namn.capitalize(), steg.text, fragor, medverkan)


def _varvsida(v: Verksamhet, uppdrag: Uppdrag, varv_id: str) -> Sida:
    varv = next(b for _, b in v.buuuu if b.id == varv_id)
    utvardering = varv.utvärdering
    vy = Varvsida(
        titel=varv.namn,
        huvud=huvud(v, uppdrag),
        bilder=[],
        startad=varv.startad,
        avslutat=varv.avslutat,
        genomarbetade=len(varv.genomarbetade()),
        hjulet=[_stegsida(namn, getattr(varv, namn)) for namn in HJULET],
        utvardering=_stegsida("utvärdering", utvardering),
        utvarderat=varv.utvarderat(),
        jamfort_med_behov=utvardering.jämfört_med_behov if utvardering else None,
    )
    return Sida(f"buuuu/{varv_id}.html", "buuuu", vy)
