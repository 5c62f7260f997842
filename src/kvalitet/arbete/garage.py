"""Garaget: parkera, prioritera och för över poster till en handlingsplan, och lista dem.

En post går parkerad → prioriterad → överförd (in i en sessions handlingsplan), eller
avslutas. Varje steg skrivs genom redigeringslagret: bara postens egna rader ändras.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from kvalitet import gitinfo, mallar, redigering, yamlio
from kvalitet.anvisning import kommando
from kvalitet.arbete._id import nytt_id
from kvalitet.dokument import Dokument
from kvalitet.fel import Anvandningsfel, KvalitetFel, Slutkod, TrasigFil
from kvalitet.modell._bas import Atgard
from kvalitet.modell.arshjul import Session, Sessionsstatus
from kvalitet.modell.garaget import Garagepost, Garagestatus
from kvalitet.modell.huset import Rum
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, normaliserad, sorteringsnyckel, upprakning
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet

FIL = "garaget.yaml"
OPPNA = (Garagestatus.parkerad, Garagestatus.prioriterad)

# Postens nycklar i modellens ordning: en ny nyckel skrivs efter dem som står före den.
_ORDNING = (
    "id",
    "rubrik",
    "typ",
    "rum",
    "inkom",
    "beskrivning",
    "status",
    "prioriterad",
    "motivering",
    "överförd",
    "överförd_till",
)
_INDRAG = 4
"""Postens nycklars indrag i garaget.yaml (under `poster:`), för att vika långa texter."""


class FelStatus(KvalitetFel):
    """Posten står där steget inte går: redan överförd eller avslutad (slutkod 1)."""

    slutkod = Slutkod.FYND


def parkera(
    v: Verksamhet,
    rubrik: str,
    typ: str,
    rum_text: str | None,
    beskrivning: str | None,
    inkom: date,
    slump: Callable[[], str] | None = None,
) -> tuple[str, Andring]:
    """En ny post sist i Garaget (garaget.yaml skapas från mallen om den saknas).

    Args:
        v: Verksamheten.
        rubrik: Postens rubrik.
        typ: risk, behov, idé eller möjlighet.
        rum_text: Rummet posten hör till (id, prefix eller namn), om något.
        beskrivning: En avidentifierad beskrivning, om någon.
        inkom: Dagen posten kom in.
        slump: Ger id:ts slumpdel (byts i tester).

    Returns:
        Postens id och ändringen av garaget.yaml.
    """
    rum = v.hitta_rum(rum_text).id if rum_text else None
    id_ = nytt_id("G", _upptagna(v), siffror=1, slump=slump)
    varden: dict[str, Any] = {"id": id_, "rubrik": yamlio.text(rubrik, 13), "typ": typ}
    if rum:
        varden["rum"] = rum
    varden["inkom"] = inkom
    if beskrivning:
        varden["beskrivning"] = yamlio.text(beskrivning, 6)
    varden["status"] = Garagestatus.parkerad.value
    post = yamlio.mappning(varden)
    mall = None if (v.rot / FIL).exists() else (mallar.mallmapp() / FIL).read_bytes()
    andring = redigering.redigera(v.rot, FIL, lambda trad: _lagg_till(trad, post), mall=mall)
    return id_, andring


def _lagg_till(trad: Any, post: Any) -> None:
    # En fil som inte har formen (mappning med en lista poster) lämnas som den är och
    # underkänns när ändringen prövas, med filens eget fel.
    if not isinstance(trad, dict):
        return
    if trad.get("poster") is None:
        trad["poster"] = yamlio.lista([])
    if isinstance(trad["poster"], list):
        yamlio.lagg_till(trad["poster"], post)


def _upptagna(v: Verksamhet) -> set[str]:
    upptagna = {post.id for post in v.garaget[1].poster} if v.garaget else set()
    for text in gitinfo.texter_i_alla_grenar(v.rot / FIL) if gitinfo.git_finns() else []:
        try:
            data = yamlio.las(text)
        except yamlio.Yamlfel:
            continue
        poster = data.get("poster") if isinstance(data, dict) else None
        upptagna |= {str(p["id"]) for p in poster or [] if isinstance(p, dict) and "id" in p}
    return upptagna


def lista(v: Verksamhet, rum_text: str | None, alla: bool) -> Tabell:
    """Garagets poster, öppna (parkerade och prioriterade) eller alla, i svensk ordning."""
    rum = v.hitta_rum(rum_text).id if rum_text else None
    poster = v.garaget[1].poster if v.garaget else []
    valda = [p for p in poster if (alla or p.status in OPPNA) and (rum is None or p.rum == rum)]
    valda.sort(key=lambda p: (sorteringsnyckel(v.rumsnamn(p.rum or "")), p.inkom))
    return Tabell(
        "Garaget" + ("" if alla else ": parkerade och prioriterade poster"),
        ("Id", "Rubrik", "Typ", "Rum", "Inkom", "Status"),
        [
            (
                p.id,
                p.rubrik,
                str(p.typ),
                v.rumsnamn(p.rum) if p.rum else "–",
                str(p.inkom),
                _status(p),
            )
            for p in valda
        ],
        tom="Inga poster" + ("." if alla else " (visa även avslutade med --alla)."),
        fot=f"{len(valda)} av {antal(len(poster), 'post', 'poster')}.",
    )


def _status(post: Garagepost) -> str:
    """Postens status med dagen, och för en överförd post vart den fördes."""
    if post.status == Garagestatus.overford:
        dag = f" {post.överförd}" if post.överförd else ""
        vart = f"\ntill {post.överförd_till}" if post.överförd_till else ""
        return f"överförd{dag}{vart}"
    if post.status == Garagestatus.prioriterad and post.prioriterad:
        return f"prioriterad {post.prioriterad}"
    return str(post.status)


# Att hitta en post


def hitta_post(v: Verksamhet, text: str) -> Garagepost:
    """En post efter id, med eller utan slumpdelen (G9 för G9-wvm2), stora eller små bokstäver.

    Raises:
        Anvandningsfel: När Garaget saknas eller ingen post, eller flera, passar.
        TrasigFil: När garaget.yaml har fel.
    """
    if v.garaget is None:
        if (v.rot / FIL).exists():
            raise TrasigFil(
                f"{FIL} har fel och kan inte läsas, så posten ”{text}” kan inte hittas.",
                tips=f"Se felen med: {kommando(v.rot, 'kontrollera')}",
            )
        raise Anvandningsfel(
            f"Det finns inget Garage ({FIL} saknas), så ingen post ”{text}”.",
            tips=f"Parkera en post med: {kommando(v.rot, 'garage', 'parkera', 'RUBRIK')}",
        )
    poster = v.garaget[1].poster
    sokt = normaliserad(text)
    for urval in (
        [p for p in poster if normaliserad(p.id) == sokt],
        [p for p in poster if normaliserad(p.id).startswith(sokt + "-")],
        [p for p in poster if normaliserad(p.id).startswith(sokt)],
    ):
        if len(urval) == 1:
            return urval[0]
        if urval:
            raise Anvandningsfel(
                f"”{text}” passar flera poster i Garaget: {', '.join(p.id for p in urval)}.",
                tips="Två poster med samma id rättas i garaget.yaml (kvalitet kontrollera visar"
                " ID001)."
                if len({p.id for p in urval}) == 1
                else "Skriv hela id:t.",
            )
    forslag = difflib.get_close_matches(text.strip(), [p.id for p in poster], n=1, cutoff=0.6)
    tips = f"Menade du ”{forslag[0]}”? " if forslag else ""
    raise Anvandningsfel(
        f"Det finns ingen post ”{text}” i Garaget.",
        tips=f"{tips}Se posterna med: {kommando(v.rot, 'garage', 'lista', '--alla')}",
    )


def _kan_inte(post: Garagepost, steg: str, v: Verksamhet) -> FelStatus:
    """Felet för en post som redan är överförd eller avslutad."""
    lista_ = kommando(v.rot, "garage", "lista", "--alla")
    if post.status == Garagestatus.overford:
        nar = f" {post.överförd}" if post.överförd else ""
        vart = f" till {post.överförd_till}" if post.överförd_till else ""
        return FelStatus(
            f"Posten {post.id} är redan överförd{nar}{vart} och kan inte {steg}.",
            tips=f"Se var posterna står med: {lista_}",
        )
    return FelStatus(
        f"Posten {post.id} är avslutad och kan inte {steg}.",
        tips="Ska frågan tas upp igen: parkera en ny post (kvalitet garage parkera), eller"
        " skriv status: parkerad för posten i garaget.yaml och förklara varför i"
        " beskrivningen.",
    )


def _inte_fore_inkom(post: Garagepost, dag: date) -> None:
    if dag < post.inkom:
        raise Anvandningsfel(
            f"--datum {dag} ligger före dagen posten {post.id} kom in ({post.inkom}).",
            tips="Ange dagen då det gjordes (ÅÅÅÅ-MM-DD), eller utelämna --datum för i dag.",
        )


# prioritera


@dataclass(frozen=True)
class Prioriterad:
    """Vad `prioritera` gör: posten och ändringen (None när inget behöver ändras)."""

    post: Garagepost
    rum: str | None
    """Postens rum efter ändringen."""
    andring: Andring | None


def prioriterad_text(v: Verksamhet, gjort: Prioriterad) -> list[str]:
    """Vad `prioritera` gjorde, och kommandot som för in posten i en handlingsplan."""
    post = gjort.post
    if gjort.andring is None:
        return [f"Posten {post.id} är redan prioriterad; inget har ändrats."]
    gjorde = "Uppdaterade" if post.status == Garagestatus.prioriterad else "Prioriterade"
    overfor_ = kommando(v.rot, "garage", "overfor", post.id, "--rum", gjort.rum or "RUM")
    return [
        f"{gjorde} {post.id}: {post.rubrik}",
        f"För in den i en sessions handlingsplan med: {overfor_}",
    ]


def prioritera(
    v: Verksamhet,
    id_text: str,
    idag: date,
    datum: date | None = None,
    motivering: str | None = None,
    rum_text: str | None = None,
) -> Prioriterad:
    """Markera en parkerad post prioriterad, med dag, motivering och rum.

    En post som redan är prioriterad får bara det som anges (dag, motivering, rum); utan
    något av dem ändras ingenting.

    Args:
        v: Verksamheten.
        id_text: Postens id (se `hitta_post`).
        idag: Dagen som gäller när `datum` inte anges.
        datum: Dagen posten prioriterades, om den anges.
        motivering: Varför, om det anges.
        rum_text: Rummet där posten ska tas upp (id, prefix eller namn), om det anges.

    Returns:
        Posten och ändringen av garaget.yaml.

    Raises:
        Anvandningsfel: Okänd post eller okänt rum, eller en dag före postens inkom.
        FelStatus: När posten redan är överförd eller avslutad.
    """
    post = hitta_post(v, id_text)
    if post.status not in OPPNA:
        raise _kan_inte(post, "prioriteras", v)
    rum = v.hitta_rum(rum_text).id if rum_text else None
    if datum is not None:
        _inte_fore_inkom(post, datum)
    dag = datum or (idag if post.status == Garagestatus.parkerad else None)
    varden: list[tuple[str, Any]] = [("status", Garagestatus.prioriterad.value)]
    varden += [(nyckel, varde) for nyckel, varde in _valfria(dag, motivering, rum) if varde]
    andring = redigering.redigera(v.rot, FIL, lambda trad: _andra_post(trad, post.id, varden))
    andrad = None if andring.ny == andring.gammal else andring
    return Prioriterad(post, rum or post.rum, andrad)


def _valfria(dag: date | None, motivering: str | None, rum: str | None) -> list[tuple[str, Any]]:
    return [
        ("prioriterad", dag),
        ("motivering", _text(motivering, "motivering") if motivering else None),
        ("rum", rum),
    ]


# överföra


@dataclass(frozen=True)
class Atgardsuppgifter:
    """Den nya åtgärdens uppgifter från kommandoraden (det som saknas fylls i efteråt)."""

    text: str | None = None
    ansvarig: str | None = None
    klart_senast: date | None = None
    uppfoljning: date | None = None

    def angivna(self) -> list[str]:
        """Alternativen som angavs, som de heter på kommandoraden."""
        namn = ("--atgard", "--ansvarig", "--klart-senast", "--uppfoljning")
        varden = (self.text, self.ansvarig, self.klart_senast, self.uppfoljning)
        return [n for n, varde in zip(namn, varden, strict=True) if varde is not None]


@dataclass(frozen=True)
class Overford:
    """Vad `overfor` gör: posten, sessionen, åtgärden och ändringarna att spara tillsammans."""

    post: Garagepost
    session: str
    """Sessionens fil, relativt roten."""
    atgard_id: str | None
    ny_atgard: bool
    """Sant när åtgärden läggs till; falskt när en åtgärd redan tog hand om posten."""
    saknas: list[str]
    """Den nya åtgärdens nycklar som ska fyllas i (ansvarig, klart_senast, uppföljning)."""
    andringar: list[Andring]


def overfor(
    v: Verksamhet,
    id_text: str,
    ar: int,
    idag: date,
    rum_text: str | None = None,
    datum: date | None = None,
    uppgifter: Atgardsuppgifter | None = None,
) -> Overford:
    """För in en post i en sessions handlingsplan och markera den överförd dit.

    Åtgärden läggs sist i handlingsplanen med `garaget: [ID]`. Har sessionen redan en
    åtgärd som tar hand om posten markeras bara posten. En genomförd session ändras inte.

    Args:
        v: Verksamheten.
        id_text: Postens id (se `hitta_post`).
        ar: Sessionens år.
        idag: Dagen som gäller när `datum` inte anges.
        rum_text: Sessionens rum (standard: postens rum).
        datum: Dagen posten fördes över, om den anges.
        uppgifter: Den nya åtgärdens text, ansvarig och datum.

    Returns:
        Vad som ska sparas: sessionen (när en åtgärd läggs till) och garaget.yaml.

    Raises:
        Anvandningsfel: Okänd post, rum eller session, eller en dag före postens inkom.
        FelStatus: När posten redan är överförd eller avslutad, eller sessionen genomförd.
        TrasigFil: När sessionens fil har fel.
    """
    uppgifter = uppgifter or Atgardsuppgifter()
    post = hitta_post(v, id_text)
    if post.status not in OPPNA:
        raise _kan_inte(post, "föras över", v)
    if datum is not None:
        _inte_fore_inkom(post, datum)
    dag = datum or idag
    rum = _sessionens_rum(v, post, rum_text)
    dok, session = _sessionen(v, rum, ar)
    befintlig = next((a for a in session.handlingsplan if post.id in a.garaget), None)
    if befintlig is not None:
        _inga_uppgifter(befintlig, dok, post, uppgifter)
        atgard_id, saknas, andringar = befintlig.id, [], []
    else:
        _inte_genomford(v, post, rum, session, dok)
        atgard_id = _nasta_atgard_id(session.handlingsplan)
        atgard = _ny_atgard(atgard_id, post, uppgifter)
        saknas = [nyckel for nyckel, varde in atgard.items() if varde is None]
        andringar = [redigering.redigera(v.rot, dok.relativ, lambda t: _lagg_i_plan(t, atgard))]
    till = f"{dok.relativ}#{atgard_id}" if atgard_id else dok.relativ
    andringar.append(_markera_overford(v, post, dag, till))
    return Overford(post, dok.relativ, atgard_id, befintlig is None, saknas, andringar)


def _inga_uppgifter(
    befintlig: Atgard, dok: Dokument, post: Garagepost, u: Atgardsuppgifter
) -> None:
    """En åtgärd som redan finns ändras inte: uppgifter till en ny åtgärd vore förlorade."""
    angivna = u.angivna()
    if not angivna:
        return
    atgarden = f"Åtgärden {befintlig.id}" if befintlig.id else "En åtgärd"
    raise Anvandningsfel(
        f"{atgarden} i {dok.relativ} tar redan hand om {post.id}, så"
        f" {upprakning(angivna)} används inte.",
        tips=f"Kör utan {'det' if len(angivna) == 1 else 'dem'} för att bara markera posten"
        " överförd dit.",
    )


def _markera_overford(v: Verksamhet, post: Garagepost, dag: date, till: str) -> Andring:
    varden: list[tuple[str, Any]] = [
        ("status", Garagestatus.overford.value),
        ("överförd", dag),
        ("överförd_till", yamlio.citerad(till)),
    ]
    return redigering.redigera(v.rot, FIL, lambda trad: _andra_post(trad, post.id, varden))


def overford_text(gjort: Overford) -> list[str]:
    """Vad `overfor` gjorde, och vad som återstår att fylla i."""
    id_ = gjort.post.id
    if not gjort.ny_atgard:
        atgarden = f"åtgärden {gjort.atgard_id}" if gjort.atgard_id else "en åtgärd"
        return [
            f"Markerade {id_} som överförd: {atgarden} i {gjort.session} tar redan hand om den."
        ]
    rader = [f"Överförde {id_} till {gjort.session} som åtgärd {gjort.atgard_id}."]
    if gjort.saknas:
        rader.append(f"Fyll i {upprakning(gjort.saknas)} för {gjort.atgard_id} i {gjort.session}.")
    return rader


def _sessionens_rum(v: Verksamhet, post: Garagepost, rum_text: str | None) -> Rum:
    if rum_text is None and post.rum is None:
        raise Anvandningsfel(
            f"Posten {post.id} hör inte till något rum; ange sessionens rum med --rum RUM.",
            tips=f"Rum: {', '.join(r.id for r in v.rum)}",
        )
    return v.hitta_rum(rum_text or post.rum or "")


def _sessionen(v: Verksamhet, rum: Rum, ar: int) -> tuple[Dokument, Session]:
    hittad = next(((d, s) for d, s in v.sessioner if s.rum == rum.id and s.år == ar), None)
    if hittad is not None:
        return hittad
    relativ = f"arshjul/{ar}/{rum.id}.yaml"
    if (v.rot / relativ).exists():
        raise TrasigFil(
            f"{relativ} har fel och kan inte ändras.",
            tips=f"Se felen med: {kommando(v.rot, 'kontrollera')}",
        )
    raise Anvandningsfel(
        f"Rummet ”{rum.namn}” har ingen session {ar} ({relativ} finns inte).",
        tips=f"Skapa den med: {kommando(v.rot, 'arshjul', 'starta', rum.id, ar=ar)}, eller"
        " ange en annan session med --rum och --ar.",
    )


def _inte_genomford(
    v: Verksamhet, post: Garagepost, rum: Rum, session: Session, dok: Dokument
) -> None:
    if session.status != Sessionsstatus.genomford:
        return
    nasta = session.år + 1
    overfor_ = kommando(v.rot, "garage", "overfor", post.id, "--rum", rum.id, ar=nasta)
    if not any(s.rum == rum.id and s.år == nasta for _, s in v.sessioner):
        starta = kommando(v.rot, "arshjul", "starta", rum.id, ar=nasta)
        overfor_ = f"{starta} och sedan {overfor_}"
    raise FelStatus(
        f"Sessionen {dok.relativ} (”{rum.namn}” {session.år}) är genomförd och ändras inte i"
        " efterhand (POS001), så posten kan inte föras in i dess handlingsplan.",
        tips="För över posten till en session som pågår eller är planerad, till exempel"
        f" nästa: {overfor_}",
    )


def _nasta_atgard_id(plan: list[Atgard]) -> str:
    nummer = [int(m[1]) for a in plan if a.id and (m := re.fullmatch(r"A(\d+)", a.id))]
    return f"A{max(nummer, default=0) + 1}"


def _ny_atgard(atgard_id: str, post: Garagepost, u: Atgardsuppgifter) -> dict[str, Any]:
    return {
        "id": atgard_id,
        "åtgärd": _text(u.text or post.rubrik, "åtgärd"),
        "ansvarig": _text(u.ansvarig, "ansvarig") if u.ansvarig else None,
        "klart_senast": u.klart_senast,
        "uppföljning": u.uppfoljning,
        "status": "planerad",
        "garaget": yamlio.lista([post.id], flodesstil=True),
    }


def _lagg_i_plan(trad: Any, atgard: dict[str, Any]) -> None:
    # En session som inte är en mappning underkänns när ändringen prövas.
    if not isinstance(trad, dict):
        return
    ny = yamlio.mappning(atgard)
    plan = trad.get("handlingsplan")
    if isinstance(plan, list):
        yamlio.lagg_till(plan, ny)
    elif plan is None:
        trad["handlingsplan"] = yamlio.lista([ny])


# Gemensamt


def _text(varde: str, nyckel: str) -> Any:
    """En text för en nyckel i en post eller åtgärd: på raden om den får plats, annars vikt."""
    pa_raden = _INDRAG + len(nyckel) + 2
    return yamlio.text(varde, pa_raden if len(varde) + pa_raden <= yamlio.BREDD else _INDRAG + 2)


def _andra_post(trad: Any, id_: str, varden: list[tuple[str, Any]]) -> None:
    """Sätt nycklar i en post: befintliga får nytt värde, nya skrivs på sin plats i ordningen."""
    poster = trad.get("poster") if isinstance(trad, dict) else None
    post: Any = next(
        (p for p in poster or [] if isinstance(p, dict) and str(p.get("id")) == id_), None
    )
    if post is None:
        return  # filen ändrades under tiden; prövningen av ändringen säger till
    for nyckel, varde in varden:
        if isinstance(varde, date):
            # Ett eget datumobjekt: ruamel skriver annars samma objekt två gånger som alias.
            varde = date.fromordinal(varde.toordinal())
        elif isinstance(varde, str) and nyckel in post:
            varde = yamlio.samma_stil(post[nyckel], varde)
        if nyckel in post:
            post[nyckel] = varde
            continue
        fore = set(_ORDNING[: _ORDNING.index(nyckel)])
        platser = [i for i, befintlig in enumerate(post) if befintlig in fore]
        post.insert(platser[-1] + 1 if platser else len(post), nyckel, varde)
