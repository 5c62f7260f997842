"""Kvalitetsberättelsen: hur arbetet bedrevs, vilka åtgärder som vidtogs och vilka resultat.

Berättelsen gäller ett år (SOSFS 2011:9 7 kap., allmänt råd) och byggs ur verksamhetens
filer. Avsnitten följer DOMAN.md avsnitt 2. Ett avsnitt utan uppgifter finns kvar och säger
”Ingen uppgift registrerad”, så att luckorna syns för nämnden.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from kvalitet.arbete.garage import OPPNA
from kvalitet.modell.ataganden import Konsuppdelat
from kvalitet.modell.buuuu import STEG, BuuuuVarv, Inflytandeniva
from kvalitet.modell.garaget import Garagepost
from kvalitet.modell.huset import Malniva
from kvalitet.rapporter import (
    Bild,
    Huvud,
    Uppdrag,
    arshjul,
    ataganden,
    avvikelser,
    egenkontroll,
    handlingsplan,
    huvud,
    kolada,
    malkedja,
    riskanalyser,
    styrdokument,
)
from kvalitet.rapporter.bilder import arshjulsbild, husbild
from kvalitet.svenska import antal, sorteringsnyckel, tal
from kvalitet.verksamhet import Verksamhet

MALL = "kvalitetsberattelse"

NIVANAMN = {
    Inflytandeniva.individ: "Individnivå",
    Inflytandeniva.verksamhet: "Verksamhetsnivå",
    Inflytandeniva.system: "Systemnivå",
}


@dataclass(frozen=True)
class Inledning:
    """Verksamheten, uppdraget, ansvaret och husets delar."""

    beskrivning: str | None
    uppdrag: str
    ansvarig_roll: str | None
    rum: list[str]
    processer: int


@dataclass(frozen=True)
class Mal:
    """Taket: vision, politiska mål och integrerade mål."""

    vision: str
    politiska: list[tuple[str, str]]
    integrerade: list[str]


@dataclass(frozen=True)
class Aktivitet:
    """En aktivitet där brukarna deltog, i ett steg i ett BUUUU-varv."""

    datum: date
    niva: str
    aktivitet: str
    varv: str
    steg: str


@dataclass(frozen=True)
class Varvet:
    """Ett BUUUU-varv: hur många steg som är genomarbetade och med vilka nivåer."""

    namn: str
    genomarbetade: int
    steg: int
    nasta: str | None


@dataclass(frozen=True)
class Brukarinflytande:
    """Brukarinflytandet på de tre nivåerna och BUUUU-varven."""

    per_niva: list[tuple[str, int]]
    aktiviteter: list[Aktivitet]
    varv: list[Varvet]


@dataclass(frozen=True)
class Koppling:
    """Något som hör till ett integrerat mål: ett åtagande eller en åtgärd."""

    slag: str
    text: str
    lage: str
    kon: str | None


@dataclass(frozen=True)
class IntegreratMal:
    """Ett integrerat mål med de åtaganden och åtgärder som hör till det."""

    namn: str
    beskrivning: str | None
    kopplingar: list[Koppling]


@dataclass(frozen=True)
class Parkerad:
    """En post som väntar i Garaget."""

    id: str
    rubrik: str
    typ: str
    rum: str
    inkom: date
    status: str


@dataclass(frozen=True)
class Kvalitetsberattelse:
    """Hela kvalitetsberättelsen."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    sammanfattning: list[str]
    inledning: Inledning
    mal: Mal
    malkedja: malkedja.Malkedjeavsnitt
    arshjul: arshjul.Arshjulsavsnitt
    brukarinflytande: Brukarinflytande
    atgarder: handlingsplan.Handlingsplansavsnitt
    ataganden: ataganden.Atagandeavsnitt
    avvikelser: avvikelser.Avvikelseanalys
    riskanalyser: riskanalyser.Riskavsnitt
    egenkontroll: egenkontroll.Egenkontrollavsnitt
    dokumentstyrning: styrdokument.Dokumentstyrning
    kolada: kolada.Koladaavsnitt
    integrerade: list[IntegreratMal]
    garaget: list[Parkerad]


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> Kvalitetsberattelse:
    """Vy-modellen för årets kvalitetsberättelse."""
    ar, per = uppdrag.ar, uppdrag.per
    hjulet = arshjul.avsnitt(v, ar, per)
    atgarder = handlingsplan.avsnitt(v, ar, per)
    arets = ataganden.avsnitt(v, ar)
    analys = avvikelser.analys(v, ar, uppdrag.minsta_antal)
    egk = egenkontroll.avsnitt(v, ar, per, uppdrag.minsta_antal)
    jamforelser = kolada.avsnitt(v, ar)
    risker = riskanalyser.avsnitt(v, ar)
    kedjan = malkedja.avsnitt(v, ar)
    return Kvalitetsberattelse(
        titel=f"Kvalitetsberättelse {ar}",
        huvud=huvud(v, uppdrag),
        bilder=[
            husbild(v, ar, per),
            arshjulsbild(v, ar, per),
            *jamforelser.bilder,
            *([risker.bild] if risker.bild else []),
            *([kedjan.bild] if kedjan.bild else []),
        ],
        sammanfattning=[
            *_sammanfattning(hjulet, atgarder, arets, len(_parkerade(v))),
            *_risksammanfattning(risker),
            *_egenkontrollsammanfattning(egk),
        ],
        inledning=_inledning(v),
        mal=_mal(v),
        malkedja=kedjan,
        arshjul=hjulet,
        brukarinflytande=_brukarinflytande(v, ar),
        atgarder=atgarder,
        ataganden=arets,
        avvikelser=analys,
        riskanalyser=risker,
        egenkontroll=egk,
        dokumentstyrning=styrdokument.avsnitt(v, ar, per),
        kolada=jamforelser,
        integrerade=_integrerade(v, ar),
        garaget=[_parkerad(v, p) for p in _parkerade(v)],
    )


def _sammanfattning(
    hjulet: arshjul.Arshjulsavsnitt,
    atgarder: handlingsplan.Handlingsplansavsnitt,
    arets: ataganden.Atagandeavsnitt,
    parkerade: int,
) -> list[str]:
    rader = [
        f"{hjulet.genomforda} av {len(hjulet.stopp)} rum har hållit sin session i årshjulet"
        f" {hjulet.ar}."
    ]
    if hjulet.forsenade:
        rader.append(f"Försenade stopp i årshjulet: {', '.join(hjulet.forsenade)}.")
    klara = atgarder.per_status.get("klar", 0)
    sena = antal(atgarder.forsenade, "är försenad", "är försenade")
    alla = antal(len(atgarder.rader), "åtgärd", "åtgärder")
    rader.append(f"{klara} av {alla} i handlingsplanerna är klara; {sena}.")
    if arets.ataganden:
        uppfyllda = arets.per_lage.get("uppfyllt", 0)
        alla_ = antal(len(arets.ataganden), "åtagande", "åtaganden")
        rader.append(f"{uppfyllda} av {alla_} har nått sina målvärden.")
    rader.append(f"{antal(parkerade, 'post väntar', 'poster väntar')} i Garaget till kommande år.")
    return rader


def _risksammanfattning(risker: riskanalyser.Riskavsnitt) -> list[str]:
    if not risker.analyser:
        return []
    analyser = antal(len(risker.analyser), "riskanalys", "riskanalyser")
    hoga = antal(len(risker.hoga), "risk bedömdes som hög", "risker bedömdes som höga")
    return [f"{analyser} gjordes; {hoga} (riskvärde från {risker.grans})."]


def _egenkontrollsammanfattning(egk: egenkontroll.Egenkontrollavsnitt) -> list[str]:
    if not egk.har_plan or not egk.moment:
        return []
    return [
        f"{egk.hallna} av {len(egk.moment)} kontrollmoment i egenkontrollen höll sin frekvens;"
        f" {antal(len(egk.kontroller), 'kontroll', 'kontroller')} genomfördes och"
        f" {egk.med_brister} fann brister."
    ]


def _inledning(v: Verksamhet) -> Inledning:
    if v.huset is None:
        return Inledning(None, "Ingen uppgift registrerad", None, [], 0)
    huset = v.huset[1]
    return Inledning(
        beskrivning=huset.verksamhet.beskrivning,
        uppdrag=huset.grundstomme.uppdrag,
        ansvarig_roll=huset.verksamhet.ansvarig_roll,
        rum=[rum.namn for rum in huset.rum],
        processer=len(huset.processer),
    )


def _mal(v: Verksamhet) -> Mal:
    if v.huset is None:
        return Mal("Ingen uppgift registrerad", [], [])
    tak = v.huset[1].tak
    return Mal(
        vision=tak.vision,
        # Fullmäktiges och nämndens beslut; enhetens mål står i målkedjan.
        politiska=[(str(m.nivå), m.mål) for m in tak.politiska_mål if m.nivå != Malniva.enhet],
        integrerade=[m.namn for m in tak.integrerade_mål],
    )


def _brukarinflytande(v: Verksamhet, ar: int) -> Brukarinflytande:
    aktiviteter = [
        Aktivitet(m.datum, NIVANAMN[m.nivå], m.aktivitet, varv.namn, namn)
        for _, varv in v.buuuu
        for namn in STEG
        if (steg := getattr(varv, namn)) is not None
        for m in steg.brukarmedverkan
        if m.datum.year == ar
    ]
    aktiviteter.sort(key=lambda a: (a.datum, sorteringsnyckel(a.aktivitet)))
    per_niva = [(namn, sum(1 for a in aktiviteter if a.niva == namn)) for namn in NIVANAMN.values()]
    return Brukarinflytande(per_niva, aktiviteter, [_varvet(varv) for _, varv in v.buuuu])


def _varvet(varv: BuuuuVarv) -> Varvet:
    genomarbetade = [namn for namn, _ in varv.steg()]
    nasta = next((namn for namn in STEG if namn not in genomarbetade), None)
    return Varvet(varv.namn, len(genomarbetade), len(STEG), nasta)


def _integrerade(v: Verksamhet, ar: int) -> list[IntegreratMal]:
    if v.huset is None:
        return []
    return [
        IntegreratMal(mal.namn, mal.beskrivning, _kopplingar(v, ar, mal.id))
        for mal in v.huset[1].tak.integrerade_mål
    ]


def _kopplingar(v: Verksamhet, ar: int, mal_id: str) -> list[Koppling]:
    kopplingar = [
        Koppling(
            "Åtagande",
            f"{a.id}: {a.åtagande}",
            a.lage(),
            _konsuppdelat(i.utfall_per_kön for i in a.indikatorer),
        )
        for _, fil in v.ataganden
        if fil.år == ar
        for a in fil.åtaganden
        if mal_id in a.integrerade_mål
    ]
    kopplingar += [
        Koppling("Åtgärd", p.atgard.åtgärd, str(p.atgard.status), None)
        for p in v.atgarder()
        if mal_id in p.atgard.integrerade_mål
    ]
    return kopplingar


def _konsuppdelat(uppdelningar: Iterable[Konsuppdelat | None]) -> str | None:
    delar = [f"kvinnor {tal(u.kvinnor)}, män {tal(u.män)}" for u in uppdelningar if u]
    return "; ".join(delar) or None


def _parkerade(v: Verksamhet) -> list[Garagepost]:
    poster = v.garaget[1].poster if v.garaget else []
    return [p for p in poster if p.status in OPPNA]


def _parkerad(v: Verksamhet, post: Garagepost) -> Parkerad:
    rum = v.rumsnamn(post.rum) if post.rum else "–"
    return Parkerad(post.id, post.rubrik, str(post.typ), rum, post.inkom, str(post.status))
