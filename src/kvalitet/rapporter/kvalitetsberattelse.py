"""Kvalitetsberättelsen: hur arbetet bedrevs, vilka åtgärder som vidtogs och vilka resultat.

Berättelsen gäller ett år (SOSFS 2011:9 7 kap., allmänt råd) och byggs ur verksamhetens
filer. Avsnitten följer DOMAN.md avsnitt 2. Ett avsnitt utan uppgifter finns kvar och säger
”Ingen uppgift registrerad”, så att luckorna syns för nämnden.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kvalitet import brukarinflytandet, egenkontrollen, integrerade
from kvalitet.arbete.garage import OPPNA
from kvalitet.modell.ataganden import Atagande, Skillnad
from kvalitet.modell.buuuu import HJULET, BuuuuVarv
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
from kvalitet.svenska import antal, tal
from kvalitet.verksamhet import Verksamhet

MALL = "kvalitetsberattelse"


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
    """En aktivitet för brukarinflytande: vad brukarna sa och vad det ledde till."""

    datum: date
    aktivitet: str
    sammanhang: str | None
    deltagare: str | None
    vad_brukarna_sa: str | None
    vad_som_andrades: str | None
    resultat: str | None


@dataclass(frozen=True)
class Inflytandeavsnitt:
    """En av brukarinflytandets tre nivåer med årets aktiviteter."""

    namn: str
    aktiviteter: list[Aktivitet]


@dataclass(frozen=True)
class Varvet:
    """Ett BUUUU-varv: hur många av hjulets fem steg som är genomarbetade, och utvärderingen."""

    namn: str
    genomarbetade: int
    steg: int
    nasta: str | None
    utvarderat: bool
    """Utvärderingen har jämfört nuläget med behovet och därmed slutit varvet."""
    avslutat: date | None


@dataclass(frozen=True)
class Brukarinflytande:
    """Brukarinflytandet på de tre nivåerna och BUUUU-varven."""

    nivaer: list[Inflytandeavsnitt]
    varv: list[Varvet]


@dataclass(frozen=True)
class Koppling:
    """Något som hör till ett integrerat mål: ett åtagande eller en åtgärd."""

    slag: str
    text: str
    lage: str
    kon: list[str]
    """Indikatorernas utfall per kön med bedömningen av skillnaden."""


@dataclass(frozen=True)
class Malarbete:
    """Ett integrerat mål eller en friskfaktor med årets åtaganden och åtgärder."""

    namn: str
    beskrivning: str | None
    kopplingar: list[Koppling]


@dataclass(frozen=True)
class Arbetsmiljo:
    """Bjälklaget: arbetsmiljön genom friskfaktorerna och årets arbete för var och en."""

    modell: str | None
    beskrivning: str | None
    ursprung: str | None
    exempel: bool
    faktorer: list[Malarbete]


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
    integrerade: list[Malarbete]
    arbetsmiljo: Arbetsmiljo
    garaget: list[Parkerad]


def bygg(v: Verksamhet, uppdrag: Uppdrag) -> Kvalitetsberattelse:
    """Vy-modellen för årets kvalitetsberättelse."""
    ar, per = uppdrag.ar, uppdrag.per
    hjulet = arshjul.avsnitt(v, ar, per)
    atgarder = handlingsplan.avsnitt(v, ar, per)
    arets = ataganden.avsnitt(v, ar)
    analys = avvikelser.analys(v, ar, uppdrag.minsta_antal, per)
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
        integrerade=_integrerade(v, ar, per),
        arbetsmiljo=_arbetsmiljo(v, ar, per),
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
    per_niva = brukarinflytandet.per_niva(brukarinflytandet.arets(v, ar))
    return Brukarinflytande(
        [
            Inflytandeavsnitt(
                brukarinflytandet.NIVANAMN[niva].capitalize(),
                [
                    Aktivitet(
                        a.datum,
                        a.aktivitet,
                        a.sammanhang,
                        ", ".join(a.deltagare) or None,
                        a.vad_brukarna_sa,
                        a.vad_som_andrades,
                        a.resultat,
                    )
                    for a in aktiviteter
                ],
            )
            for niva, aktiviteter in per_niva.items()
        ],
        [_varvet(varv) for _, varv in v.buuuu],
    )


def _varvet(varv: BuuuuVarv) -> Varvet:
    # Hjulet har fem steg; utvärderingen räknas inte som ett sjätte utan sluter varvet.
    genomarbetade = varv.genomarbetade()
    nasta = next((namn for namn in HJULET if namn not in genomarbetade), None)
    return Varvet(
        varv.namn, len(genomarbetade), len(HJULET), nasta, varv.utvarderat(), varv.avslutat
    )


def _integrerade(v: Verksamhet, ar: int, per: date) -> list[Malarbete]:
    return [_malarbete(v, a, ar, per) for a in integrerade.arbete(v, ar)]


def _arbetsmiljo(v: Verksamhet, ar: int, per: date) -> Arbetsmiljo:
    bjalklag = v.huset[1].bjälklag if v.huset else None
    return Arbetsmiljo(
        modell=bjalklag.modell if bjalklag else None,
        beskrivning=bjalklag.beskrivning if bjalklag else None,
        ursprung=bjalklag.friskfaktorernas_ursprung if bjalklag else None,
        exempel=bool(bjalklag and bjalklag.friskfaktorerna_är_exempel),
        faktorer=[_malarbete(v, a, ar, per) for a in integrerade.friskfaktorernas_arbete(v, ar)],
    )


def _malarbete(v: Verksamhet, arbete: integrerade.Arbete, ar: int, per: date) -> Malarbete:
    return Malarbete(
        arbete.mal.namn,
        arbete.mal.beskrivning,
        [
            Koppling(
                "Åtagande",
                f"{a.id}: {a.åtagande}",
                egenkontrollen.med_hamtade_utfall(v, a, ar, per).lage(),
                _konsuppdelat(a),
            )
            for a in arbete.ataganden
        ]
        + [Koppling("Åtgärd", p.atgard.åtgärd, str(p.atgard.status), []) for p in arbete.atgarder],
    )


def _konsuppdelat(atagande: Atagande) -> list[str]:
    """En rad per indikator med utfall per kön: värdena, bedömningen och vad som görs."""
    rader = []
    for _, indikator, u in integrerade.konsuppdelade(atagande):
        rad = f"{indikator.namn}: kvinnor {tal(u.kvinnor)}, män {tal(u.män)}"
        if u.skillnad is not None:
            rad += f"; skillnaden bedöms som {_SKILLNAD[u.skillnad]}"
        rad += "".join(f". {text.rstrip('.')}" for text in (u.motivering, u.åtgärd) if text)
        rader.append(rad + ".")
    return rader


_SKILLNAD = {
    Skillnad.ingen: "utan betydelse",
    Skillnad.motiverad: "motiverad",
    Skillnad.omotiverad: "omotiverad",
}


def _parkerade(v: Verksamhet) -> list[Garagepost]:
    poster = v.garaget[1].poster if v.garaget else []
    return [p for p in poster if p.status in OPPNA]


def _parkerad(v: Verksamhet, post: Garagepost) -> Parkerad:
    rum = v.rumsnamn(post.rum) if post.rum else "–"
    return Parkerad(post.id, post.rubrik, str(post.typ), rum, post.inkom, str(post.status))
