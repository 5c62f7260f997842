"""Vad en gren ändrar, i verksamhetens ord: för pull requestens beskrivning eller CI.

Båda versionerna av varje ändrat dokument läses (basen där grenen avvek, och arbetsträdet)
och ändringen beskrivs som en samordnare skulle säga den: ”Ny session: Processer och
rutiner 2026, 3 åtgärder”, ”Åtgärd ”Kartlägg …” ändrad: status pågår → klar”, ”2 nya
avvikelser (avvikelse 1, klagomål 1)”, ”Risken R2 (”…”): riskvärde 9 → 4”, ”Kolada-serien
N30005 uppdaterad: nya år 2026”. Ordningen är fast: efter slag och sedan fil.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import kontroll, markdown, risker
from kvalitet.dokument import Dokument
from kvalitet.fynd import Niva, Resultat
from kvalitet.modell._bas import Atgard
from kvalitet.modell.arshjul import Session
from kvalitet.modell.ataganden import Atagande, Ataganden
from kvalitet.modell.avvikelse import Avvikelse
from kvalitet.modell.brukarinflytande import Brukarinflytande
from kvalitet.modell.buuuu import STEG, BuuuuVarv
from kvalitet.modell.egenkontroll import Egenkontrollplan, Egenkontrollresultat
from kvalitet.modell.garaget import Garaget
from kvalitet.modell.kolada import Koladaserie
from kvalitet.modell.lagkrav import Lagkravslista
from kvalitet.modell.riskanalys import Risk, Riskanalys
from kvalitet.modell.styrdokument import Styrdokument
from kvalitet.styrdokumenten import andrat_utan_beslut, brodtext
from kvalitet.svenska import antal, kort, upprakning
from kvalitet.verksamhet import Verksamhet

SLAG = (
    "Årshjulet",
    "Avvikelser",
    "Riskanalyser",
    "Egenkontroll",
    "Garaget",
    "Åtaganden",
    "BUUUU-hjulet",
    "Omvärldsbevakning (Kolada)",
    "Styrdokument",
    "Lagkravslistan",
    "Huset och rummen",
)
"""Rubrikerna i sammanfattningen, i sin ordning."""


@dataclass(frozen=True)
class Post:
    """En ändring: under vilken rubrik, i vilken fil, och vad."""

    slag: str
    fil: str
    text: str


@dataclass(frozen=True)
class Sammanfattning:
    """Ändringarna mot basen och kontrollens fynd i den nya versionen."""

    bas: str
    poster: list[Post]
    kontroll: Resultat


def sammanfatta(v: Verksamhet, bas: Verksamhet, ref: str, per: date) -> Sammanfattning:
    """Beskriv varje ändrat dokument och kör kontrollen (med skyddade poster mot basen).

    Args:
        v: Verksamheten som den är nu.
        bas: Verksamheten där grenen avvek från `ref`.
        ref: Referensen, för rubriken.
        per: Bedömningsdagen för kontrollen.

    Returns:
        Sammanfattningen.
    """
    gamla = {dok.relativ: dok for dok in bas.dokument}
    nya = {dok.relativ: dok for dok in v.dokument}
    poster: list[Post] = []
    for fil in sorted(gamla.keys() | nya.keys()):
        gammal, ny = gamla.get(fil), nya.get(fil)
        if gammal is not None and ny is not None and gammal.text == ny.text:
            continue
        poster += _dokument(v, fil, gammal, ny)
    poster += _nya_avvikelser(v, [nya[f] for f in nya if f not in gamla])
    poster.sort(key=lambda p: (SLAG.index(p.slag), p.fil))
    return Sammanfattning(ref, poster, kontroll.bedom(v, per, bas=bas))


def _dokument(v: Verksamhet, fil: str, gammal: Dokument | None, ny: Dokument | None) -> list[Post]:
    if ny is None:
        return [Post(_slag(gammal), fil, f"Borttagen: {fil}")]
    if ny.modell is None:
        return [Post(_slag(ny), fil, f"{fil} ändrad, men följer inte formatet (se kontrollen)")]
    if gammal is not None and _innehall(gammal) == _innehall(ny):
        return []  # bara kommentarer eller layout
    beskriv = _BESKRIVNINGAR.get(type(ny.modell))
    texter = list(beskriv(v, gammal, ny)) if beskriv else []
    if not texter and (gammal is not None or beskriv is None):
        texter = [f"{_namn(v, ny)} ändrad"]
    return [Post(_slag(ny), fil, text) for text in texter]


def _innehall(dok: Dokument) -> tuple[object, str | None]:
    """Det som räknas som en ändring: data, och ett styrdokuments brödtext."""
    return dok.data, brodtext(dok)[0] if isinstance(dok.modell, Styrdokument) else None


def _slag(dok: Dokument | None) -> str:
    modell = dok.modell if dok else None
    slag: dict[type, str] = {
        Session: "Årshjulet",
        Avvikelse: "Avvikelser",
        Garaget: "Garaget",
        Ataganden: "Åtaganden",
        BuuuuVarv: "BUUUU-hjulet",
        Brukarinflytande: "Brukarinflytande",
        Egenkontrollplan: "Egenkontroll",
        Egenkontrollresultat: "Egenkontroll",
        Riskanalys: "Riskanalyser",
        Koladaserie: "Omvärldsbevakning (Kolada)",
        Styrdokument: "Styrdokument",
        Lagkravslista: "Lagkravslistan",
    }
    return slag.get(type(modell), "Huset och rummen")


def _namn(v: Verksamhet, dok: Dokument) -> str:
    if dok.relativ == "huset.yaml":
        return "Huset"
    if dok.relativ.startswith("rum/"):
        return f"Rumsguiden {v.rumsnamn(dok.relativ.removeprefix('rum/').removesuffix('.yaml'))}"
    return dok.relativ


# Sessioner


def _session(v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    session: Session = ny
    namn = f"{v.rumsnamn(session.rum)} {session.år}"
    if not isinstance(gammal, Session):
        yield f"Ny session: {namn}, {antal(len(session.handlingsplan), 'åtgärd', 'åtgärder')}"
        return
    if gammal.status != session.status:
        yield f"Sessionen {namn}: status {gammal.status} → {session.status}"
    if gammal.datum != session.datum:
        yield f"Sessionen {namn}: datum {_varde(gammal.datum)} → {_varde(session.datum)}"
    yield from _svar(gammal, session)
    if gammal.slutsatser != session.slutsatser:
        yield f"Slutsatserna för {namn} {'skrivna' if not gammal.slutsatser else 'ändrade'}"
    if gammal.deltagare != session.deltagare:
        yield f"Deltagarna i {namn} ändrade"
    yield from _atgarder(gammal.handlingsplan, session.handlingsplan)
    yield from _uppfoljningar(len(gammal.uppföljningar), len(session.uppföljningar), namn)


def _svar(gammal: Session, ny: Session) -> Iterator[str]:
    fore = {(s.id or s.fråga): s.svar for s in gammal.orsaksanalys}
    for svar in ny.orsaksanalys:
        tidigare = fore.get(svar.id or svar.fråga)
        if (svar.svar or "").strip() and not (tidigare or "").strip():
            yield f"Frågan ”{kort(svar.fråga)}” besvarad"
        elif tidigare and svar.svar != tidigare:
            yield f"Svaret på frågan ”{kort(svar.fråga)}” ändrat"


def _atgarder(
    gamla: list[Atgard], nya: list[Atgard], ny: Callable[[Atgard], str] | None = None
) -> Iterator[str]:
    fore = {_nyckel(a, i): a for i, a in enumerate(gamla)}
    for i, atgard in enumerate(nya):
        tidigare = fore.pop(_nyckel(atgard, i), None)
        namn = f"Åtgärd ”{kort(atgard.åtgärd)}”"
        if tidigare is None:
            yield ny(atgard) if ny else f"Ny åtgärd ”{kort(atgard.åtgärd)}” ({atgard.status})"
            continue
        andringar = [
            f"{falt} {_varde(getattr(tidigare, falt))} → {_varde(getattr(atgard, falt))}"
            for falt in ("status", "klart_senast", "uppföljning", "ansvarig")
            if getattr(tidigare, falt) != getattr(atgard, falt)
        ]
        if tidigare.effekt != atgard.effekt:
            andringar.append("effekten beskriven" if not tidigare.effekt else "effekten ändrad")
        if tidigare.åtgärd != atgard.åtgärd:
            andringar.append("texten ändrad")
        if andringar:
            yield f"{namn} ändrad: {', '.join(andringar)}"
    for borttagen in fore.values():
        yield f"Åtgärd ”{kort(borttagen.åtgärd)}” borttagen"


def _nyckel(atgard: Atgard, index: int) -> str:
    return atgard.id or f"#{index}"


def _varde(varde: object) -> str:
    if varde is None or varde == "":
        return "–"
    return str(varde)


def _uppfoljningar(fore: int, efter: int, namn: str) -> Iterator[str]:
    if efter > fore:
        yield f"{antal(efter - fore, 'ny uppföljning', 'nya uppföljningar')} av {namn}"


# Avvikelser (nya avvikelser sammanfattas för sig, se _nya_avvikelser)


def _avvikelse(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    avvikelse: Avvikelse = ny
    if not isinstance(gammal, Avvikelse):
        return  # nya ärenden räknas samman i _nya_avvikelser
    if gammal.status != avvikelse.status:
        yield f"Ärende {avvikelse.id}: status {gammal.status} → {avvikelse.status}"
    if gammal.utredning != avvikelse.utredning:
        yield f"Ärende {avvikelse.id}: utredningen ändrad"
    if gammal.lex_sarah != avvikelse.lex_sarah:
        yield f"Ärende {avvikelse.id}: lex Sarah-uppgifterna ändrade"
    if gammal.beskrivning != avvikelse.beskrivning:
        yield f"Ärende {avvikelse.id}: beskrivningen ändrad"
    yield from _atgarder(gammal.åtgärder, avvikelse.åtgärder)
    yield from _uppfoljningar(
        len(gammal.uppföljningar), len(avvikelse.uppföljningar), f"ärende {avvikelse.id}"
    )


def _nya_avvikelser(v: Verksamhet, nya: list[Dokument]) -> list[Post]:
    arenden = [d.modell for d in nya if isinstance(d.modell, Avvikelse)]
    if not arenden:
        return []
    per_typ = Counter(str(a.typ) for a in arenden)
    typer = ", ".join(f"{typ} {per_typ[typ]}" for typ in sorted(per_typ))
    rubrik = antal(len(arenden), "ny avvikelse", "nya avvikelser")
    poster = [Post("Avvikelser", "avvikelser/", f"{rubrik} ({typer})")]
    poster += [
        Post(
            "Avvikelser",
            f"avvikelser/{a.inkom.year}/{a.id}.yaml",
            f"{a.id}: {a.typ}, {v.rumsnamn(a.rum)}, inkom {a.inkom}",
        )
        for a in sorted(arenden, key=lambda a: a.id)
    ]
    return poster


# Garaget, åtaganden och BUUUU


def _garaget(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    garaget: Garaget = ny
    fore = {p.id: p for p in gammal.poster} if isinstance(gammal, Garaget) else {}
    for post in garaget.poster:
        tidigare = fore.pop(post.id, None)
        if tidigare is None:
            yield f"Ny post i Garaget: {post.id} ”{kort(post.rubrik)}” ({post.typ})"
        elif tidigare.status != post.status:
            yield f"Posten {post.id} i Garaget: status {tidigare.status} → {post.status}"
        elif tidigare != post:
            yield f"Posten {post.id} i Garaget ändrad"
    for borttagen in fore.values():
        yield f"Posten {borttagen.id} borttagen ur Garaget"


def _ataganden(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    fil: Ataganden = ny
    fore = {a.id: a for a in gammal.åtaganden} if isinstance(gammal, Ataganden) else {}
    for atagande in fil.åtaganden:
        tidigare = fore.pop(atagande.id, None)
        if tidigare is None:
            yield f"Nytt åtagande {atagande.id}: {kort(atagande.åtagande)}"
        else:
            yield from _atagandet(tidigare, atagande)
    for borttaget in fore.values():
        yield f"Åtagandet {borttaget.id} borttaget"


def _atagandet(gammal: Atagande, ny: Atagande) -> Iterator[str]:
    fore = {i.namn: i for i in gammal.indikatorer}
    for indikator in ny.indikatorer:
        tidigare = fore.get(indikator.namn)
        if tidigare is not None and tidigare.utfall != indikator.utfall:
            yield (
                f"Åtagande {ny.id}: utfall för ”{kort(indikator.namn)}”"
                f" {_varde(tidigare.utfall)} → {_varde(indikator.utfall)}"
            )
    for falt in ("resultat", "analys", "mätmetod"):
        if getattr(gammal, falt) != getattr(ny, falt):
            gjort = "skriven" if not getattr(gammal, falt) else "ändrad"
            yield f"Åtagande {ny.id}: {falt} {gjort}"


def _buuuu(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    varv: BuuuuVarv = ny
    if not isinstance(gammal, BuuuuVarv):
        yield f"Nytt BUUUU-varv: {varv.namn}"
        return
    for namn in STEG:
        steg, tidigare = getattr(varv, namn), getattr(gammal, namn)
        if steg is None:
            continue
        if steg.genomarbetat() and not (tidigare and tidigare.genomarbetat()):
            yield f"Steget {namn} i ”{kort(varv.namn)}” genomarbetat"
        tillagda = len(steg.brukarmedverkan) - len(tidigare.brukarmedverkan if tidigare else [])
        if tillagda > 0:
            aktiviteter = antal(tillagda, "ny aktivitet", "nya aktiviteter")
            yield f"Steget {namn} i ”{kort(varv.namn)}”: {aktiviteter} med brukarmedverkan"
    if varv.avslutat and not gammal.avslutat:
        yield f"BUUUU-varvet ”{kort(varv.namn)}” avslutat {varv.avslutat}"


# Egenkontroll


def _egenkontroll(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    resultat: Egenkontrollresultat = ny
    brister = antal(len(resultat.brister), "brist", "brister")
    if not isinstance(gammal, Egenkontrollresultat):
        yield (
            f"Ny egenkontroll av {resultat.kontrollmoment} {resultat.datum}"
            f" ({resultat.status}, {brister})"
        )
    elif gammal.status != resultat.status:
        status = f"status {gammal.status} → {resultat.status}"
        yield f"Egenkontrollen {resultat.id}: {status} ({brister})"


# Riskanalyser


def _riskanalys(v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    analys: Riskanalys = ny
    if not isinstance(gammal, Riskanalys):
        riskerna = _riskerna(analys, risker.hog_risk_fran(v))
        yield f"Ny riskanalys {analys.id} ”{kort(analys.rubrik)}” ({analys.status}): {riskerna}"
        return
    if gammal.status != analys.status:
        yield f"Riskanalysen {analys.id}: status {gammal.status} → {analys.status}"
    fore = {_risknyckel(r, i): (i, r) for i, r in enumerate(gammal.risker)}
    for i, risk in enumerate(analys.risker):
        tidigare = fore.pop(_risknyckel(risk, i), None)
        if tidigare is None:
            yield f"{risker.benamning(risk, i)} tillagd, {_riskvarde(risk)}"
        else:
            yield from _risken(tidigare[1], risk, risker.benamning(risk, i))
    for i, borttagen in fore.values():
        yield f"{risker.benamning(borttagen, i)} borttagen"
    yield from _uppfoljningar(
        len(gammal.uppföljningar), len(analys.uppföljningar), f"riskanalysen {analys.id}"
    )


def _riskerna(analys: Riskanalys, grans: int) -> str:
    riskerna = antal(len(analys.risker), "risk", "risker")
    hogsta = analys.hogsta_varde()
    if hogsta is None:
        return f"{riskerna}, ingen bedömd ännu"
    hoga = antal(sum(1 for r in analys.risker if (r.varde or 0) >= grans), "hög", "höga")
    return f"{riskerna}, {hoga}, högsta riskvärde {hogsta}"


def _risknyckel(risk: Risk, index: int) -> str:
    return risk.id or f"#{index}"


def _riskvarde(risk: Risk) -> str:
    return f"riskvärde {risk.varde}" if risk.varde is not None else "inte bedömd"


def _risken(gammal: Risk, ny: Risk, namn: str) -> Iterator[str]:
    if gammal.varde != ny.varde:
        yield f"{namn}: riskvärde {_varde(gammal.varde)} → {_varde(ny.varde)}"
    if ny.ar_accepterad() and not gammal.ar_accepterad():
        yield f"{namn} accepterad: {kort(ny.motivering or '')}"
    elif gammal.ar_accepterad() and not ny.ar_accepterad():
        yield f"{namn} är inte längre accepterad"
    if gammal.har_atgard() or not ny.har_atgard():
        yield from _atgarder(gammal.åtgärder, ny.åtgärder)
        return

    def fatt(atgard: Atgard) -> str:
        return f"{namn} har fått åtgärden ”{kort(atgard.åtgärd)}” ({atgard.status})"

    yield from _atgarder(gammal.åtgärder, ny.åtgärder, fatt)


# Omvärldsbevakning: serierna ur Kolada


def _kolada(_v: Verksamhet, gammal: object, ny: Any) -> Iterator[str]:
    serie: Koladaserie = ny
    namn = f"{serie.kpi} ”{kort(serie.titel)}”" if serie.titel else serie.kpi
    ar = {v.år for v in serie.värden}
    if not isinstance(gammal, Koladaserie):
        yield f"Ny Kolada-serie {namn}: {_arlista(ar) or 'inga värden'}, hämtad {serie.hämtad}"
        return
    delar = []
    if tillkomna := ar - {v.år for v in gammal.värden}:
        delar.append(f"{'nytt år' if len(tillkomna) == 1 else 'nya år'} {_arlista(tillkomna)}")
    fore = {(v.kommun, v.år, v.kön): v.värde for v in gammal.värden}
    andrade = {v.år for v in serie.värden if fore.get((v.kommun, v.år, v.kön), v.värde) != v.värde}
    if andrade:
        delar.append(f"ändrade värden för {_arlista(andrade)}")
    if delar:
        yield f"Kolada-serien {namn} uppdaterad (hämtad {serie.hämtad}): {', '.join(delar)}"


def _arlista(ar: set[int]) -> str:
    """”2020–2025”, eller ”2022, 2024 och 2025” när åren inte följer på varandra."""
    ordnade = sorted(ar)
    if len(ordnade) > 2 and ordnade[-1] - ordnade[0] == len(ordnade) - 1:
        return f"{ordnade[0]}–{ordnade[-1]}"
    return upprakning([str(a) for a in ordnade])


# Styrdokument och lagkravslistan


def _styrdokument(_v: Verksamhet, gammal: Dokument | None, ny: Dokument) -> Iterator[str]:
    efter: Styrdokument = ny.modell  # type: ignore[assignment]
    namn = f"”{kort(efter.titel)}” ({efter.id})"
    if gammal is None or not isinstance(gammal.modell, Styrdokument):
        version = _varde(efter.version)
        yield f"Nytt styrdokument {namn}: {efter.slag}, {efter.status}, version {version}"
        return
    fore: Styrdokument = gammal.modell
    delar = [_andrade_avsnitt(brodtext(gammal)[0], brodtext(ny)[0])]
    delar += [
        f"{falt} {_varde(getattr(fore, falt))} → {_varde(getattr(efter, falt))}"
        for falt in ("status", "version", "fastställd", "fastställd_av", "ägare", "titel", "slag")
        if getattr(fore, falt) != getattr(efter, falt)
    ]
    delar += [
        f"{falt} ändrat"
        for falt in ("gäller", "lagkrav", "revideras_senast", "senast_granskad", "ersätter")
        if getattr(fore, falt) != getattr(efter, falt)
    ]
    if andrat_utan_beslut(gammal, ny):
        av = efter.fastställd_av or "den som fastställer dokumentet"
        delar.append(f"ska fastställas av {av} (ny version och nytt datum saknas)")
    if text := "; ".join(d for d in delar if d):
        yield f"Styrdokumentet {namn}: {text}"


def _andrade_avsnitt(fore: str, efter: str) -> str:
    """Vilka avsnitt som ändrats, tillkommit och tagits bort, till exempel.

    ”avsnitten ”Syfte” och ”Ansvar” ändrade, avsnittet ”Bilagor” nytt”.
    """
    gamla, nya = dict(markdown.avsnitt(fore)), dict(markdown.avsnitt(efter))
    andrade = [r for r in nya if r in gamla and nya[r].strip() != gamla[r].strip()]
    grupper = (
        ("ändrat", "ändrade", andrade),
        ("nytt", "nya", [r for r in nya if r not in gamla]),
        ("borttaget", "borttagna", [r for r in gamla if r not in nya]),
    )
    texter = [
        f"{'avsnittet' if len(rubriker) == 1 else 'avsnitten'}"
        f" {upprakning([f'”{kort(r)}”' if r else 'inledningen' for r in rubriker])}"
        f" {ental if len(rubriker) == 1 else flertal}"
        for ental, flertal, rubriker in grupper
        if rubriker
    ]
    if not texter and fore != efter:
        texter.append("bara layouten ändrad")
    return ", ".join(texter)


def _lagkrav(_v: Verksamhet, gammal: Dokument | None, ny: Dokument) -> Iterator[str]:
    lista: Lagkravslista = ny.modell  # type: ignore[assignment]
    fore = {k.id: k for k in gammal.modell.krav} if gammal and gammal.modell else {}  # type: ignore[attr-defined]
    for krav in lista.krav:
        tidigare = fore.pop(krav.id, None)
        if tidigare is None:
            yield f"Nytt lagkrav {krav.id}: {krav.beteckning} {krav.paragraf or ''}".rstrip()
        elif tidigare == krav.model_copy(update={"senast_bevakad": tidigare.senast_bevakad}):
            if tidigare.senast_bevakad != krav.senast_bevakad:
                datum = f"{_varde(tidigare.senast_bevakad)} → {_varde(krav.senast_bevakad)}"
                yield f"Lagkravet {krav.id} bevakat: {datum}"
        else:
            yield f"Lagkravet {krav.id} ändrat"
    for borttaget in fore.values():
        yield f"Lagkravet {borttaget.id} borttaget"


Beskrivning = Callable[[Verksamhet, Dokument | None, Dokument], Iterator[str]]


def _modellerna(beskriv: Callable[[Verksamhet, object, Any], Iterator[str]]) -> Beskrivning:
    """En beskrivning som bara behöver modellerna (inte filernas text)."""

    def med_dokumenten(v: Verksamhet, gammal: Dokument | None, ny: Dokument) -> Iterator[str]:
        return beskriv(v, gammal.modell if gammal is not None else None, ny.modell)

    return med_dokumenten


_BESKRIVNINGAR: dict[type, Beskrivning] = {
    Session: _modellerna(_session),
    Avvikelse: _modellerna(_avvikelse),
    Garaget: _modellerna(_garaget),
    Ataganden: _modellerna(_ataganden),
    BuuuuVarv: _modellerna(_buuuu),
    Egenkontrollresultat: _modellerna(_egenkontroll),
    Riskanalys: _modellerna(_riskanalys),
    Koladaserie: _modellerna(_kolada),
    Styrdokument: _styrdokument,
    Lagkravslista: _lagkrav,
}


def som_json(sammanfattning: Sammanfattning) -> str:
    """Sammanfattningen som JSON (för CI och andra verktyg)."""
    from kvalitet import rapportorer

    resultat = sammanfattning.kontroll
    data = {
        "bas": sammanfattning.bas,
        "ändringar": [
            {"slag": p.slag, "fil": p.fil, "text": p.text} for p in sammanfattning.poster
        ],
        "kontroll": json.loads(rapportorer.som_json(resultat)),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def som_markdown(sammanfattning: Sammanfattning) -> str:
    """Sammanfattningen som Markdown, för pull requestens beskrivning eller en kommentar."""
    from kvalitet import rendering

    grupper = [
        (slag, [p for p in sammanfattning.poster if p.slag == slag])
        for slag in SLAG
        if any(p.slag == slag for p in sammanfattning.poster)
    ]
    resultat = sammanfattning.kontroll
    return rendering.rendera(
        "andringar",
        "md",
        bas=sammanfattning.bas,
        grupper=grupper,
        fel=resultat.antal(Niva.fel),
        varningar=resultat.antal(Niva.varning),
        fynd=resultat.fynd,
    )
