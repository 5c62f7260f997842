"""Årshjulet i arbete: planen för året, en ny session för ett rum, och att avsluta den."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import arshjulet, kontroll, redigering, yamlio
from kvalitet.anvisning import kommando
from kvalitet.arbete import garage, kolada
from kvalitet.dokument import Dokument
from kvalitet.fel import Anvandningsfel, KvalitetFel, Slutkod
from kvalitet.fynd import Bedomt, Niva
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.arshjul import Session, Sessionsstatus
from kvalitet.modell.huset import Rum
from kvalitet.modell.rum import RumGuide
from kvalitet.skrivning import Andring
from kvalitet.svenska import MANADER, antal, kort
from kvalitet.svenska import datum as datumtext
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet


class SessionenOfullstandig(KvalitetFel):
    """Sessionen kan inte markeras genomförd: något saknas (se `fynd`)."""

    slutkod = Slutkod.FYND

    def __init__(self, meddelande: str, fynd: list[Bedomt], tips: str | None = None) -> None:
        super().__init__(meddelande, tips)
        self.fynd = fynd


def sessionens_fil(rum: Rum, ar: int) -> str:
    """Var sessionen för ett rum ett år ligger, relativt roten."""
    return f"arshjul/{ar}/{rum.id}.yaml"


def gren(rum: Rum, ar: int) -> str:
    """Grenen som `starta --gren` skapar."""
    return f"arshjul/{ar}-{rum.id}"


def plan(v: Verksamhet, ar: int, per: date) -> Tabell:
    """Årets hjul: varje rum i månadsordning med sitt läge, sin session och sina åtgärder."""
    rader = []
    raknare: dict[str, int] = {}
    for rum in sorted(v.rum, key=lambda r: r.månad):
        status = arshjulet.rumsstatus(v, rum, ar, per)
        raknare[status] = raknare.get(status, 0) + 1
        session = _arets_session(v, rum, ar)
        rader.append(
            (
                MANADER[rum.månad - 1],
                rum.namn,
                str(status),
                datumtext(session[1].datum) if session else "–",
                _atgardslage(session[1], per) if session else "–",
                session[0].relativ
                if session
                else f"({kommando(v.rot, 'arshjul', 'starta', rum.id, ar=ar)})",
            )
        )
    fot = ", ".join(f"{status}: {n}" for status, n in raknare.items())
    return Tabell(
        f"Årshjulet {ar} per {per}",
        ("Månad", "Rum", "Läge", "Datum", "Handlingsplan", "Fil"),
        rader,
        tom="Huset har inga rum.",
        fot=f"{len(rader)} rum – {fot}." if rader else None,
    )


def _arets_session(v: Verksamhet, rum: Rum, ar: int) -> tuple[Dokument, Session] | None:
    return next(((d, s) for d, s in arshjulet.rummets_sessioner(v, rum.id) if s.år == ar), None)


def _atgardslage(session: Session, per: date) -> str:
    plan_ = session.handlingsplan
    if not plan_:
        return "ingen åtgärd"
    oppna = [a for a in plan_ if not a.ar_avslutad()]
    sena = [a for a in oppna if a.klart_senast and a.klart_senast < per]
    text = f"{antal(len(plan_), 'åtgärd', 'åtgärder')}, {antal(len(oppna), 'öppen', 'öppna')}"
    return text + (f", {antal(len(sena), 'försenad', 'försenade')}" if sena else "")


class ForeInforandet(Anvandningsfel):
    """Stoppet ligger före årshjulets införande: ingen session behövs där."""


def starta(
    v: Verksamhet,
    rum_text: str,
    ar: int,
    datum: date | None,
    per: date,
    fore_inforandet: bool = False,
) -> Andring:
    """En ny session för rummet, ifylld från rummets guide och med underlag.

    Args:
        v: Verksamheten.
        rum_text: Rummet: id, unikt prefix eller namn.
        ar: Året.
        datum: Dagen för sessionen, om den är bestämd.
        per: I dag (avvikelser räknas fram till den dagen).
        fore_inforandet: Skapa sessionen också när stoppet ligger före införandet.

    Returns:
        Den nya filen, ännu inte skriven.

    Raises:
        Anvandningsfel: När rummet inte finns eller saknar guide.
        ForeInforandet: När stoppet ligger före införandet (och det inte är sagt ändå).
    """
    rum = v.hitta_rum(rum_text)
    status = arshjulet.rumsstatus(v, rum, ar, per)
    if status == arshjulet.Rumsstatus.fore_inforandet and not fore_inforandet and v.huset:
        raise ForeInforandet(
            f"Stoppet för ”{rum.namn}” {ar} ({MANADER[rum.månad - 1]}) ligger före"
            f" årshjulets införande {arshjulet.infort(v.huset[1], rum)}, så ingen session"
            " behövs där.",
            tips=f"Nästa stopp: {kommando(v.rot, 'arshjul', 'starta', rum.id, ar=ar + 1)}."
            " Skapa sessionen ändå med --fore-inforandet.",
        )
    guide = v.guider.get(rum.id)
    if guide is None:
        raise Anvandningsfel(
            f"Rummet ”{rum.namn}” saknar sin guide rum/{rum.id}.yaml, så sessionen kan inte"
            " fyllas i.",
            tips="Kör kvalitet kontrollera för att se vad som är fel.",
        )
    guidens_trad = yamlio.las_rundtur(guide[0].text or "")
    data = _session(v, rum, guide[1], guidens_trad, ar, datum, per)
    return redigering.ny_fil(v.rot, sessionens_fil(rum, ar), data)


def _session(
    v: Verksamhet,
    rum: Rum,
    guide: RumGuide,
    guidens_trad: Any,
    ar: int,
    datum: date | None,
    per: date,
) -> Any:
    underlag = _underlag(v, rum, guide, ar, per)
    fragor = [
        yamlio.mappning({"id": f.id, "fråga": yamlio.text(f.fråga, 4), "svar": None})
        for f in guide.orsaksanalys
    ]
    return yamlio.mappning(
        {
            "rum": rum.id,
            "år": ar,
            "datum": datum,
            "status": Sessionsstatus.pagar.value,
            "deltagare": yamlio.lista([], flodesstil=True),
            "syfte": guidens_trad["syfte"],
            "förberedelser": guidens_trad["förberedelser"],
            "underlag": yamlio.lista([yamlio.text(u, 4) for u in underlag]),
            "orsaksanalys": yamlio.lista(fragor),
            "slutsatser": None,
            "åtgärdsfrågor": guidens_trad["åtgärdsfrågor"],
            "handlingsplan": yamlio.lista([], flodesstil=True),
        },
        kommentarer={
            "datum": "Dagen för sessionen (ÅÅÅÅ-MM-DD).",
            "status": "planerad, pågår eller genomförd. När allt är ifyllt:"
            f" kvalitet arshjul avsluta {rum.id} --ar {ar}",
            "deltagare": "Deltagarna som roller, aldrig namn: [enhetschef, socialsekreterare]",
            "underlag": "Underlaget för analysen: guidens checklista, Garagets poster för"
            " rummet,\nförra sessionens åtgärder som inte är klara, och avvikelserna.",
            "orsaksanalys": "Besvara varje fråga under svar.",
            "handlingsplan": _HANDLINGSPLAN,
        },
        inledning=f"Årshjulet {ar}, stoppet i rummet {rum.namn} ({MANADER[rum.månad - 1]}).\n"
        "Skriv aldrig namn eller personnummer här, bara roller och avidentifierade uppgifter.",
    )


_HANDLINGSPLAN = """Handlingsplanen: en åtgärd per punkt, till exempel
  - id: A1
    åtgärd: Vad som ska göras.
    ansvarig: en roll, aldrig ett namn
    klart_senast: 2026-06-30
    uppföljning: 2026-09-30
    status: planerad    # planerad, pågår, klar eller avbruten
    garaget: [G1]       # valfritt: poster i Garaget som åtgärden tar hand om
Vid uppföljningen skrivs vad åtgärden ledde till under effekt (regeln ATG003)."""


def _underlag(v: Verksamhet, rum: Rum, guide: RumGuide, ar: int, per: date) -> list[str]:
    tidigare = [(dok, s) for dok, s in arshjulet.genomforda(v, rum.id, per) if s.år < ar]
    forra = tidigare[-1] if tidigare else None
    return [
        *guide.underlag,
        *_garaget(v, rum),
        *_forra_atgarder(forra),
        _avvikelser(v, rum, forra, per),
        *kolada.underlag(v, rum.id, ar),
    ]


def _garaget(v: Verksamhet, rum: Rum) -> list[str]:
    if v.garaget is None:
        return []
    return [
        f"Garaget {post.id}: {post.rubrik} ({post.typ}, {post.status}, inkom {post.inkom})"
        for post in v.garaget[1].poster
        if post.rum == rum.id and post.status in garage.OPPNA
    ]


def _forra_atgarder(forra: tuple[Dokument, Session] | None) -> list[str]:
    if forra is None:
        return []
    dok, session = forra
    return [
        f"Uppföljning av åtgärd {a.id or i + 1} från {session.år} ({dok.relativ}):"
        f" {kort(a.åtgärd, 80)} – status {a.status}, klart senast {datumtext(a.klart_senast)}"
        for i, a in enumerate(session.handlingsplan)
        if a.status != Atgardsstatus.klar
    ]


def _avvikelser(v: Verksamhet, rum: Rum, forra: tuple[Dokument, Session] | None, per: date) -> str:
    if forra is not None and forra[1].datum is not None:
        fran, sedan = forra[1].datum, f"sedan förra sessionen ({forra[1].datum})"
    else:
        infort = v.huset[1].årshjul.infört if v.huset else date.min
        fran, sedan = infort, f"sedan årshjulet infördes ({infort})"
    traffar = sorted(a.id for _, a in v.avvikelseindex if a.rum == rum.id and fran < a.inkom <= per)
    hanvisning = f" (se kvalitet avvikelse lista --rum {rum.id})"
    if not traffar:
        return f"Inga avvikelser, synpunkter eller klagomål i rummet {sedan}."
    slag = antal(
        len(traffar),
        "avvikelse, synpunkt eller klagomål",
        "avvikelser, synpunkter eller klagomål",
    )
    return f"{slag} i rummet {sedan}: {', '.join(traffar)}{hanvisning}"


@dataclass(frozen=True)
class Avslutad:
    """En session som kan markeras genomförd: ändringen och varningarna i filen."""

    andring: Andring | None
    varningar: list[Bedomt]


def avsluta(v: Verksamhet, rum_text: str, ar: int, datum: date | None, per: date) -> Avslutad:
    """Markera sessionen genomförd, om den är komplett enligt kontrollens regler.

    Args:
        v: Verksamheten.
        rum_text: Rummet: id, unikt prefix eller namn.
        ar: Året.
        datum: Dagen då sessionen hölls, om den ska sättas.
        per: Bedömningsdagen.

    Returns:
        Ändringen (None när sessionen redan är genomförd) och varningarna i filen.

    Raises:
        Anvandningsfel: När rummet eller sessionen inte finns.
        SessionenOfullstandig: När något saknas; fynden säger vad och var.
    """
    rum = v.hitta_rum(rum_text)
    relativ = sessionens_fil(rum, ar)
    if not (v.rot / relativ).is_file():
        andra = [s.år for _, s in arshjulet.rummets_sessioner(v, rum.id) if s.år != ar]
        tips = f"Skapa den med: {kommando(v.rot, 'arshjul', 'starta', rum.id, ar=ar)}"
        if andra:
            tips = (
                f"Rummet har en session {andra[-1]}; menade du"
                f" {kommando(v.rot, 'arshjul', 'avsluta', rum.id, ar=andra[-1])}? {tips}"
            )
        raise Anvandningsfel(
            f"Rummet ”{rum.namn}” har ingen session {ar} ({relativ} finns inte).", tips=tips
        )
    andring = redigering.redigera(v.rot, relativ, lambda trad: _genomford(trad, datum))
    nya = redigering.bekrafta(v.rot, [andring], per)
    fynd = [b for b in kontroll.bedom(v.med(nya), per).fynd if b.fynd.fil == relativ]
    fel = [b for b in fynd if b.niva == Niva.fel]
    if fel:
        raise SessionenOfullstandig(
            f"Sessionen för ”{rum.namn}” {ar} kan inte avslutas än. Det här saknas:",
            fel,
            tips=_datumtips(nya[0].modell),
        )
    if andring.ny == andring.gammal:
        return Avslutad(None, fynd)
    return Avslutad(andring, fynd)


def _datumtips(session: object) -> str | None:
    if isinstance(session, Session) and session.datum is None:
        return "Datumet för sessionen kan anges med --datum ÅÅÅÅ-MM-DD."
    return None


def _genomford(trad: Any, datum: date | None) -> None:
    trad["status"] = yamlio.samma_stil(trad.get("status"), Sessionsstatus.genomford.value)
    if datum is None:
        return
    if "datum" in trad:
        trad["datum"] = datum
    else:
        trad.insert(list(trad).index("år") + 1 if "år" in trad else 0, "datum", datum)
