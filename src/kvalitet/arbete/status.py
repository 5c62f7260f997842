"""Läget på en skärm: årshjul, åtgärder, ärenden, åtaganden, egenkontroll, risker och Garaget."""

from __future__ import annotations

from collections import Counter
from datetime import date

from kvalitet import egenkontrollen, kontroll, risker
from kvalitet.anvisning import kommando
from kvalitet.arbete import arshjul, avvikelse, egenkontroll, garage, handlingsplan, riskanalys
from kvalitet.egenkontrollen import Lage
from kvalitet.fynd import Niva
from kvalitet.lasning import cache
from kvalitet.modell.avvikelse import Avvikelsestatus
from kvalitet.svenska import antal, fel_och_varningar, kort
from kvalitet.tabell import Tabell, Vy
from kvalitet.verksamhet import Verksamhet


def status(v: Verksamhet, per: date) -> Vy:
    """Hela läget per en dag, som tabeller och rader."""
    namn = (
        f"{v.huset[1].verksamhet.namn}, {v.huset[1].verksamhet.organisation}"
        if v.huset
        else v.rot.name
    )
    return [
        f"{namn} – läget per {per}",
        "",
        arshjul.plan(v, per.year, per),
        _atgarder(v, per),
        _arenden(v, per.year),
        _ataganden(v, per.year),
        _egenkontroll(v, per),
        _riskanalyser(v),
        _garaget(v),
        _kontroll(v, per),
    ]


def _atgarder(v: Verksamhet, per: date) -> Tabell:
    alla = list(v.alla_atgarder())
    rader = []
    for rum in v.rum:
        i_rummet = [p for p in alla if handlingsplan.rum_for(p) == rum.id]
        oppna = [p for p in i_rummet if not p.atgard.ar_avslutad()]
        sena = [p for p in oppna if p.atgard.dagar_forsenad(per)]
        rader.append((rum.namn, str(len(i_rummet)), str(len(oppna)), str(len(sena))))
    sena_totalt = sum(int(rad[3]) for rad in rader)
    return Tabell(
        "Åtgärder (handlingsplaner och ärenden)",
        ("Rum", "Alla", "Öppna", "Försenade"),
        rader,
        fot=f"Se de försenade med: {kommando(v.rot, 'handlingsplan', '--forsenade')}"
        f" ({sena_totalt})."
        if sena_totalt
        else "Inga försenade åtgärder.",
    )


def _arenden(v: Verksamhet, ar: int) -> Tabell:
    arets = [a for _, a in v.avvikelseindex if a.inkom.year == ar]
    rader = []
    for typ, namn in avvikelse.TYPNAMN.items():
        av_typen = [a for a in arets if a.typ == typ]
        if av_typen:
            oppna = sum(1 for a in av_typen if a.status not in avvikelse.STANGDA)
            rader.append((namn, str(len(av_typen)), str(oppna)))
    per_status = Counter(a.status for a in arets)
    return Tabell(
        f"Avvikelser, synpunkter och klagomål {ar}",
        ("Typ", "Inkomna", "Öppna"),
        rader,
        tom=f"Inga ärenden har inkommit {ar}.",
        fot="Efter status: "
        + ", ".join(f"{s} {per_status[s]}" for s in Avvikelsestatus if per_status[s])
        + ".",
    )


def _ataganden(v: Verksamhet, ar: int) -> Tabell:
    arets = [
        egenkontrollen.med_hamtade_utfall(v, a, ar)
        for _, fil in v.ataganden
        if fil.år == ar
        for a in fil.åtaganden
    ]
    lagen = Counter(a.lage() for a in arets)
    return Tabell(
        f"Åtaganden {ar}",
        ("Id", "Åtagande", "Indikatorer", "Uppfyllda", "Läge"),
        [
            (
                a.id,
                kort(a.åtagande, 70),
                str(len(a.indikatorer)),
                str(sum(1 for i in a.indikatorer if i.uppfylld())),
                a.lage(),
            )
            for a in arets
        ],
        tom=f"Inga åtaganden för {ar} (ataganden/{ar}.yaml).",
        fot=", ".join(f"{lage}: {n}" for lage, n in lagen.items()) + "." if arets else None,
    )


def _egenkontroll(v: Verksamhet, per: date) -> str:
    if v.egenkontrollplan is None:
        plan = egenkontroll.PLANEN
        if any(dok.relativ == plan for dok in v.dokument):
            return f"Egenkontrollen: {plan} har fel (visa dem med: kvalitet kontrollera)."
        return f"Egenkontrollen: ingen egenkontrollplan ({plan})."
    if not v.egenkontrollplan[1].kontrollmoment:
        return f"Egenkontrollen: planen ({egenkontroll.PLANEN}) har inga kontrollmoment än."
    lagen = Counter(lage.lage for lage in egenkontrollen.lagen(v, per))
    aldrig = lagen[Lage.aldrig_utford]
    return (
        f"Egenkontrollen: {antal(lagen.total(), 'kontrollmoment', 'kontrollmoment')},"
        f" {lagen[Lage.i_tid]} i tid, {antal(lagen[Lage.forsenad], 'försenat', 'försenade')},"
        f" {aldrig} aldrig {'utfört' if aldrig == 1 else 'utförda'}"
        f" ({kommando(v.rot, 'egenkontroll', 'status')})."
    )


def _riskanalyser(v: Verksamhet) -> str:
    if not v.riskanalyser:
        if any(dok.relativ.startswith(f"{riskanalys.MAPP}/") for dok in v.dokument):
            return "Riskanalyser: ingen kan läsas (visa felen med: kvalitet kontrollera)."
        return f"Riskanalyser: inga än (skapa en med: {kommando(v.rot, 'riskanalys', 'ny')})."
    grans = risker.hog_risk_fran(v)
    ohanterade = sum(
        1
        for _, analys in v.riskanalyser
        for risk in analys.risker
        if risker.ar_ohanterad(risk, grans)
    )
    se = (
        "visa dem med: kvalitet kontrollera"
        if ohanterade
        else kommando(v.rot, "riskanalys", "lista")
    )
    return (
        f"Riskanalyser: {antal(len(v.riskanalyser), 'analys', 'analyser')},"
        f" {antal(ohanterade, 'hög risk', 'höga risker')} (riskvärde från {grans})"
        f" utan åtgärd eller motiverad acceptans ({se})."
    )


def _garaget(v: Verksamhet) -> str:
    poster = v.garaget[1].poster if v.garaget else []
    per_status = Counter(p.status for p in poster)
    delar = ", ".join(f"{s} {per_status[s]}" for s in garage.OPPNA if per_status[s])
    if not delar:
        return "Garaget: inga parkerade poster."
    return f"Garaget: {delar} ({kommando(v.rot, 'garage', 'lista')})."


def _kontroll(v: Verksamhet, per: date) -> str:
    # Kontrollens sparade utfall gäller när inget har ändrats sedan den kördes (samma
    # avtryck som kvalitet kontrollera använder); annars körs reglerna och utfallet sparas.
    # Med avvikelser lästa som index körs den stegvisa kontrollen, som läser det den behöver.
    if v.filer is None:
        resultat = kontroll.bedom(v, per)
    else:
        alla = v.filer
        resultat = cache.utfall(
            v.rot, alla, per, lambda: kontroll.kontrollera(v.rot, per, anvand_cache=True, alla=alla)
        )
    fel, varningar = resultat.antal(Niva.fel), resultat.antal(Niva.varning)
    return f"Kontrollen: {fel_och_varningar(fel, varningar)} (visa dem med: kvalitet kontrollera)."
