"""Den lokala webbappen (Starlette): årshjulet, sessionerna, avvikelser, Garaget och läget.

Sidorna ritas på servern med projektets jinja-mallar (mallar/formular/) och fungerar utan
JavaScript. Ingen väg ur frågan når filsystemet: rummet slås upp bland husets rum och
året prövas, och filen är sessionens fil för rummet och året (som `arshjul starta`
skapar). Varje skrivning går genom redigeringslagret (kvalitet.redigering,
kvalitet.arbete._spara): atomiskt, med kommentarer och orörda rader kvar, och aldrig med
ett personnummer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from kvalitet import arshjulet, kontroll, redigering, rendering
from kvalitet.arbete import arshjul
from kvalitet.arbete._spara import spara
from kvalitet.fel import KvalitetFel
from kvalitet.formular import sakerhet, session
from kvalitet.fynd import Niva
from kvalitet.modell.arshjul import Session
from kvalitet.modell.avvikelse import Avvikelsetyp, Kalla
from kvalitet.modell.huset import Rum
from kvalitet.svenska import MANADER
from kvalitet.verksamhet import Verksamhet, ladda


@dataclass(frozen=True)
class Installning:
    """Vad appen arbetar med: verksamhetens rot, nyckeln och bedömningsdagen."""

    rot: Path
    nyckel: str
    per: date | None = None

    @property
    def dag(self) -> date:
        """Bedömningsdagen: --per, annars i dag."""
        return self.per or date.today()


def skapa(installning: Installning) -> Any:
    """Appen, inlindad i skyddet (Host, nyckeln, storleken)."""

    async def startsidan(request: Request) -> Response:
        return _arshjulet(installning, request)

    async def sessionen(request: Request) -> Response:
        return await _sessionen(installning, request)

    async def starta(request: Request) -> Response:
        return await _starta(installning, request)

    async def avvikelse(request: Request) -> Response:
        return await _ny_post(installning, request, "avvikelse")

    async def garaget(request: Request) -> Response:
        return await _ny_post(installning, request, "garaget")

    async def laget(_request: Request) -> Response:
        return _laget(installning)

    app = Starlette(
        exception_handlers={404: _svenskt_fel, 405: _svenskt_fel, 500: _svenskt_fel},
        routes=[
            Route("/", startsidan, methods=["GET"]),
            Route("/status", laget, methods=["GET"]),
            Route("/avvikelse/ny", avvikelse, methods=["GET", "POST"]),
            Route("/garage/parkera", garaget, methods=["GET", "POST"]),
            Route("/rum/{rum}/{ar:int}", sessionen, methods=["GET", "POST"]),
            Route("/rum/{rum}/{ar:int}/starta", starta, methods=["POST"]),
        ],
    )
    return sakerhet.Skydd(app, installning.nyckel)


_FELTEXTER = {
    404: "Sidan finns inte.",
    405: "Sidan tar inte emot den sortens fråga.",
    500: "Sidan kunde inte visas; orsaken står i terminalen där kvalitet redigera körs.",
}


async def _svenskt_fel(_request: Request, fel: Exception) -> Response:
    """Starlettes egna fel (okänd sida, fel metod, ett oväntat fel) på svenska."""
    status = getattr(fel, "status_code", 500)
    return PlainTextResponse(_FELTEXTER.get(status, _FELTEXTER[500]), status)


def _sida(mall: str, status: int = 200, **vy: Any) -> HTMLResponse:
    html = rendering.rendera_formular(mall, **vy)
    return HTMLResponse(html, status_code=status, headers=_HUVUD)


_HUVUD = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline';"
    " form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _arshjulet(inst: Installning, request: Request) -> Response:
    v = ladda(inst.rot)
    if v.huset is None:
        return PlainTextResponse("huset.yaml kan inte läsas; kör kvalitet kontrollera.", 500)
    ar = _ar(request.query_params.get("ar"), inst.dag.year)
    rader = []
    for rum in v.huset[1].rum:
        fil = arshjul.sessionens_fil(rum, ar)
        rader.append(
            {
                "rum": rum,
                "manad": MANADER[rum.månad - 1],
                "status": str(arshjulet.rumsstatus(v, rum, ar, inst.dag)),
                "finns": (inst.rot / fil).is_file(),
            }
        )
    return _sida(
        "arshjulet", titel=f"Årshjulet {ar}", ar=ar, rader=rader, csrf=sakerhet.csrf(inst.nyckel),
        verksamhet=v.namn,
    )  # fmt: skip


def _ar(text: str | None, standard: int) -> int:
    return int(text) if text and text.isdigit() and 2000 <= int(text) <= 2100 else standard


def _rummet(v: Verksamhet, request: Request) -> tuple[Rum, int] | None:
    rum_id = request.path_params["rum"]
    ar = int(request.path_params["ar"])
    rum = next((r for r in v.rum if r.id == rum_id), None)
    return (rum, ar) if rum is not None and 2000 <= ar <= 2100 else None


async def _starta(inst: Installning, request: Request) -> Response:
    data = await _formularet(inst, request)
    if data is None:
        return _nekad()
    v = ladda(inst.rot)
    hittat = _rummet(v, request)
    if hittat is None:
        return PlainTextResponse("Rummet finns inte i huset.", 404)
    rum, ar = hittat
    if not (inst.rot / arshjul.sessionens_fil(rum, ar)).is_file():
        try:
            spara(inst.rot, [arshjul.starta(v, rum.id, ar, None, inst.dag)], inst.dag)
        except KvalitetFel as fel:
            return PlainTextResponse(f"Sessionen kunde inte startas: {fel}", 409)
    return RedirectResponse(f"/rum/{rum.id}/{ar}", status_code=303)


def _nekad() -> Response:
    return PlainTextResponse("Nekad: formuläret saknar sitt CSRF-värde.", 403)


async def _formularet(inst: Installning, request: Request) -> dict[str, str] | None:
    """Det skickade formulärets fält, eller None när CSRF-värdet saknas eller är fel."""
    try:
        form = await request.form()
    except ValueError:
        return None
    data = {k: v for k, v in form.items() if isinstance(v, str)}
    return data if sakerhet.csrf_stammer(inst.nyckel, data.get("csrf")) else None


async def _sessionen(inst: Installning, request: Request) -> Response:
    v = ladda(inst.rot)
    hittat = _rummet(v, request)
    if hittat is None:
        return PlainTextResponse("Rummet finns inte i huset.", 404)
    rum, ar = hittat
    relativ = arshjul.sessionens_fil(rum, ar)
    dok = next((d for d in v.dokument if d.relativ == relativ), None)
    if dok is None or not isinstance(dok.modell, Session):
        return PlainTextResponse(
            f"{relativ} finns inte eller har fel; starta sessionen på årshjulets sida,"
            " eller rätta filen (kvalitet kontrollera).",
            404,
        )
    if request.method == "GET":
        return _visa(inst, v, rum, ar, relativ, [])
    data = await _formularet(inst, request)
    if data is None:
        return _nekad()
    return _skickat(inst, v, rum, ar, dok.modell, data)


def _skickat(
    inst: Installning, v: Verksamhet, rum: Rum, ar: int, sessionen: Session, data: dict[str, str]
) -> Response:
    """Ett skickat formulär: en ny rad, spara, eller spara och avsluta."""
    relativ = arshjul.sessionens_fil(rum, ar)
    handling = data.get("handling", "spara")
    if handling == "ny-rad":
        formular = session.ur_formularet(sessionen, session.kanda_roller(v), data, extra_rader=1)
        return _visa(inst, v, rum, ar, relativ, [], formular, data.get("version"))
    if data.get("version") != session.version((inst.rot / relativ).read_bytes()):
        meddelande = (
            f"{relativ} har ändrats på disken sedan formuläret öppnades (i en editor eller av"
            " någon annan). Inget har sparats. Det du skrev står kvar här: kopiera det, ladda"
            " om sidan och för in det igen."
        )
        formular = session.ur_formularet(sessionen, session.kanda_roller(v), data)
        return _visa(inst, v, rum, ar, relativ, [], formular, data.get("version"),
                     fel=meddelande, status=409)  # fmt: skip
    try:
        klart = _spara(inst, rum, ar, relativ, data, pa_gren=handling == "gren")
    except KvalitetFel as fel:
        formular = session.ur_formularet(sessionen, session.kanda_roller(v), data)
        return _visa(inst, v, rum, ar, relativ, [], formular, data.get("version"),
                     fel=f"Inget har sparats: {fel}", status=422)  # fmt: skip
    v = ladda(inst.rot)
    if handling != "avsluta":
        return _visa(inst, v, rum, ar, relativ, _fynd(v, relativ, inst.dag), klart=klart)
    try:
        avslutad = arshjul.avsluta(v, rum.id, ar, None, inst.dag)
    except arshjul.SessionenOfullstandig as fel:
        fynd = [(b.fynd.rad, b.fynd.text) for b in fel.fynd]
        return _visa(inst, v, rum, ar, relativ, fynd, fel=str(fel).split("\n")[0], status=422)
    if avslutad.andring is not None:
        spara(inst.rot, [avslutad.andring], inst.dag)
    v = ladda(inst.rot)
    return _visa(inst, v, rum, ar, relativ, _fynd(v, relativ, inst.dag),
                 klart="Sessionen är genomförd och sparad.")  # fmt: skip


def _spara(
    inst: Installning, rum: Rum, ar: int, relativ: str, data: dict[str, str], pa_gren: bool
) -> str:
    """Skriv formuläret i filen, på en ny gren och incheckat om det begärs; ger beskedet."""
    andring = redigering.redigera(inst.rot, relativ, lambda trad: session.andra(trad, data))
    if not pa_gren:
        if andring.ny != andring.gammal:
            spara(inst.rot, [andring], inst.dag)
        return "Sparat."
    meddelande = f"Årshjulet {ar}: sessionen för {rum.namn} ifylld i formuläret"
    sparat = spara(inst.rot, [andring], inst.dag, arshjul.gren(rum, ar), meddelande)
    return (
        f"Sparat och incheckat på grenen {sparat.gren} ({sparat.incheckning}). Skicka grenen"
        f" och öppna en pull request: git push -u origin {sparat.gren}"
    )


def _laget(inst: Installning) -> Response:
    from kvalitet.arbete.status import status

    v = ladda(inst.rot, som_index=True)
    delar = status(v, inst.dag)
    return _sida("status", titel=f"Läget per {inst.dag.isoformat()}", delar=delar,
                 verksamhet=v.namn)  # fmt: skip


_AVVIKELSETYPER = tuple(t.value for t in Avvikelsetyp)
_KALLOR = tuple(k.value for k in Kalla)
_GARAGETYPER = ("risk", "behov", "idé", "möjlighet")


async def _ny_post(inst: Installning, request: Request, slag: str) -> Response:
    """Formulären för en ny avvikelse och en ny post i Garaget (som kommandona)."""
    v = ladda(inst.rot, som_index=True)
    data = await _formularet(inst, request) if request.method == "POST" else {}
    if data is None:
        return _nekad()
    vy: dict[str, Any] = {
        "verksamhet": v.namn, "csrf": sakerhet.csrf(inst.nyckel), "data": data,
        "rummen": v.rum, "typer": _AVVIKELSETYPER if slag == "avvikelse" else _GARAGETYPER,
        "kallor": _KALLOR, "idag": inst.dag.isoformat(), "fel": None, "klart": None,
    }  # fmt: skip
    mall, titel = ("avvikelse", "Ny avvikelse") if slag == "avvikelse" else (
        "garaget", "Parkera i Garaget")  # fmt: skip
    if request.method == "GET":
        return _sida(mall, titel=titel, **vy)
    try:
        vy["klart"] = _registrera(inst, v, slag, data)
        vy["data"] = {}
    except (KvalitetFel, ValueError) as fel:
        vy["fel"] = f"Inget har sparats: {fel}"
        return _sida(mall, 422, titel=titel, **vy)
    return _sida(mall, titel=titel, **vy)


def _registrera(inst: Installning, v: Verksamhet, slag: str, data: dict[str, str]) -> str:
    from kvalitet.arbete import avvikelse, garage

    def falt(namn: str) -> str | None:
        return data.get(namn, "").strip() or None

    inkom = date.fromisoformat(data.get("inkom") or inst.dag.isoformat())
    rum = falt("rum")
    if slag == "garaget":
        rubrik, typ = falt("rubrik"), falt("typ")
        if not rubrik or typ not in _GARAGETYPER:
            raise ValueError("Rubrik och typ krävs.")
        id_, andring = garage.parkera(v, rubrik, typ, rum, falt("beskrivning"), inkom)
        spara(inst.rot, [andring], inst.dag)
        return f"Parkerade {id_} i Garaget (garaget.yaml)."
    typ, beskrivning = falt("typ"), falt("beskrivning")
    if typ not in _AVVIKELSETYPER or not rum or not beskrivning:
        raise ValueError("Typ, rum och beskrivning krävs.")
    kalla = falt("kalla")
    uppgifter = avvikelse.Ny(Avvikelsetyp(typ), rum, beskrivning, inkom, falt("process"),
                             kalla if kalla in _KALLOR else None, falt("arende_ref"))  # fmt: skip
    registrerad = avvikelse.ny(v, uppgifter)
    spara(inst.rot, [registrerad.andring], inst.dag)
    fil = registrerad.andring.sokvag.relative_to(inst.rot).as_posix()
    return f"Registrerade {registrerad.id} i {fil}." + (
        f" {registrerad.anmarkning}" if registrerad.anmarkning else "")  # fmt: skip


def _fynd(v: Verksamhet, relativ: str, dag: date) -> list[tuple[int, str]]:
    resultat = kontroll.bedom(v, dag)
    return [
        (b.fynd.rad, f"{'Fel' if b.niva == Niva.fel else 'Varning'} {b.fynd.regel}: {b.fynd.text}")
        for b in resultat.fynd
        if b.fynd.fil == relativ
    ]


def _visa(
    inst: Installning,
    v: Verksamhet,
    rum: Rum,
    ar: int,
    relativ: str,
    fynd: list[tuple[int, str]],
    formular: session.Formular | None = None,
    version: str | None = None,
    fel: str | None = None,
    klart: str | None = None,
    status: int = 200,
) -> Response:
    dok = next(d for d in v.dokument if d.relativ == relativ)
    assert isinstance(dok.modell, Session)
    if formular is None:
        formular = session.ur_filen(dok.modell, session.kanda_roller(v))
    session.knyt_fynd(formular, dok, fynd)
    if version is None:
        version = session.version((inst.rot / relativ).read_bytes())
    return _sida(
        "session",
        status,
        titel=f"{rum.namn} {ar}",
        rum=rum,
        ar=ar,
        fil=relativ,
        sessionen=dok.modell,
        formular=formular,
        statusar=session.STATUSAR,
        version=version,
        csrf=sakerhet.csrf(inst.nyckel),
        fel=fel,
        klart=klart,
        verksamhet=v.namn,
    )
