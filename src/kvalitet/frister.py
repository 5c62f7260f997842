"""Det som ska göras när, och av vilken roll: kalenderns händelser och påminnelserna.

Ur verksamhetens filer: årshjulets sessioner (sessionens `datum`, annars rummets månad),
åtgärdernas `klart_senast` och `uppföljning`, egenkontrollens nästa kontroll (ur
frekvensen), stegen i öppna lex Sarah-ärenden (med verksamhetens lokala frister) och
styrdokumentens revision. Varje frist har en nyckel ur postens id (filen och id:t, eller
platsen i handlingsplanen när åtgärden saknar id), så att den är densamma från körning
till körning och när något annat i filerna ändras.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kvalitet import arshjulet, egenkontrollen, regelverk, styrdokumenten
from kvalitet.arshjulet import Rumsstatus
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsestatus
from kvalitet.modell.styrdokument import Dokumentstatus
from kvalitet.svenska import kort
from kvalitet.verksamhet import Verksamhet


class Slag(StrEnum):
    """Vad fristen gäller."""

    session = "session"
    atgard = "åtgärd"
    uppfoljning = "uppföljning"
    egenkontroll = "egenkontroll"
    lex_sarah = "lex Sarah"
    revision = "revision"


@dataclass(frozen=True)
class Frist:
    """Något som ska vara gjort en viss dag (eller under en månad), av en roll."""

    nyckel: str
    """Oföränderlig nyckel ur postens id, till exempel ”atgard/arshjul/2026/omvarld/A1”."""
    slag: Slag
    titel: str
    dag: date
    """Dagen det senast ska vara gjort (en session utan datum: månadens sista dag)."""
    fran: date | None
    """Första dagen, när fristen är en period (en session utan datum: månaden)."""
    ansvarig: str | None
    """Rollen som ansvarar, aldrig en persons namn; None när ingen roll står i filerna."""
    fil: str
    id: str
    """Postens id som det står i filen (eller åtgärdens text när den saknar id)."""
    gjord: bool = False


def alla(v: Verksamhet, ar: int, per: date) -> list[Frist]:
    """Verksamhetens frister: årets sessioner och allt öppet, i datumordning."""
    frister = [
        *_sessioner(v, ar, per),
        *_atgarder(v),
        *_egenkontroll(v, per),
        *_lex_sarah(v),
        *_revisioner(v),
    ]
    return sorted(frister, key=lambda f: (f.dag, f.slag, f.nyckel))


def att_paminna(frister: list[Frist], per: date, inom: int) -> list[Frist]:
    """Det som inte är gjort och som har passerat, eller infaller inom `inom` dagar."""
    grans = per + timedelta(days=inom)
    return [f for f in frister if not f.gjord and f.dag <= grans]


def _sessioner(v: Verksamhet, ar: int, per: date) -> Iterator[Frist]:
    if v.huset is None:
        return
    huset = v.huset[1]
    ansvarig = huset.verksamhet.ansvarig_roll
    for rum in huset.rum:
        status = arshjulet.rumsstatus(v, rum, ar, per)
        if status == Rumsstatus.fore_inforandet:
            continue
        dok, session = next(
            ((d, s) for d, s in arshjulet.rummets_sessioner(v, rum.id) if s.år == ar),
            (None, None),
        )
        slut = arshjulet.stoppets_slut(ar, rum.månad)
        datum = session.datum if session is not None else None
        yield Frist(
            f"session/{ar}/{rum.id}",
            Slag.session,
            f"Årshjulet: {rum.namn}",
            datum or slut,
            None if datum else date(ar, rum.månad, 1),
            ansvarig,
            dok.relativ if dok else "huset.yaml",
            f"{ar}-{rum.id}",
            status == Rumsstatus.genomford,
        )


def _atgarder(v: Verksamhet) -> Iterator[Frist]:
    for plats in v.atgarder():
        atgard = plats.atgard
        if atgard.status == Atgardsstatus.avbruten:
            continue
        plats_id = atgard.id or "/".join(str(d) for d in plats.vag)
        nyckel = f"{plats.dok.relativ.removesuffix('.yaml')}/{plats_id}"
        visas = atgard.id or kort(atgard.åtgärd, 40)
        if atgard.klart_senast and not atgard.ar_avslutad():
            yield Frist(
                f"atgard/{nyckel}",
                Slag.atgard,
                f"Åtgärd klar: {kort(atgard.åtgärd)}",
                atgard.klart_senast,
                None,
                atgard.ansvarig,
                plats.dok.relativ,
                visas,
            )
        if atgard.uppföljning and not atgard.effekt:
            yield Frist(
                f"uppfoljning/{nyckel}",
                Slag.uppfoljning,
                f"Följ upp åtgärden: {kort(atgard.åtgärd)}",
                atgard.uppföljning,
                None,
                atgard.ansvarig,
                plats.dok.relativ,
                visas,
            )


def _egenkontroll(v: Verksamhet, per: date) -> Iterator[Frist]:
    if v.egenkontrollplan is None:
        return
    dok = v.egenkontrollplan[0]
    for lage in egenkontrollen.lagen(v, per):
        if lage.nasta is None:
            continue
        moment = lage.moment
        yield Frist(
            f"egenkontroll/{moment.id}",
            Slag.egenkontroll,
            f"Egenkontroll: {moment.kontrollmoment}",
            lage.nasta,
            None,
            moment.ansvarig,
            dok.relativ,
            moment.id,
        )


def _lex_sarah(v: Verksamhet) -> Iterator[Frist]:
    frister = regelverk.for_verksamhet(v).lex_sarah
    reserv = v.huset[1].verksamhet.ansvarig_roll if v.huset else None
    for dok, avvikelse in v.avvikelser:
        ls = avvikelse.lex_sarah
        if ls is None or not avvikelse.ar_lex_sarah():
            continue
        if avvikelse.status == Avvikelsestatus.avslutad:
            continue
        ansvarig = ls.utredare or _utredningens_roll(avvikelse) or reserv
        for steg in ls.steg(frister):
            if steg.gjord is not None:
                continue
            kod, uppgift = _LEX_SARAH[steg.nyckel]
            yield Frist(
                f"lex-sarah/{avvikelse.id}/{kod}",
                Slag.lex_sarah,
                f"Lex Sarah {avvikelse.id}: {uppgift}",
                steg.senast,
                None,
                ansvarig,
                dok.relativ,
                avvikelse.id,
            )


_LEX_SARAH = {
    "utredning_påbörjad": ("utredning", "påbörja utredningen"),
    "bedömd": ("bedomning", "bedöm ärendet"),
    "ställningstagande": ("stallningstagande", "avsluta utredningen"),
    "anmäld_ivo": ("ivo", "anmäl till IVO"),
}
"""Stegens nyckel i UID:n (oförändrad mellan versioner) och uppgiften i kalendern."""


def _utredningens_roll(avvikelse: Avvikelse) -> str | None:
    if avvikelse.utredning is not None and avvikelse.utredning.ansvarig:
        return avvikelse.utredning.ansvarig
    return None


def _revisioner(v: Verksamhet) -> Iterator[Frist]:
    for dok, styrdokument in v.styrdokument:
        if styrdokument.status != Dokumentstatus.faststalld:
            continue
        senast = styrdokumenten.revideras_senast(v, styrdokument)
        if senast is None:
            continue
        yield Frist(
            f"revision/{styrdokument.id}",
            Slag.revision,
            f"Revidera {styrdokument.id}: {kort(styrdokument.titel)}",
            senast,
            None,
            styrdokument.ägare,
            dok.relativ,
            styrdokument.id,
        )
