"""`kvalitet paminnelser`: per roll, det som är försenat och det som snart ska vara gjort.

Fristerna kommer ur kvalitet.frister (samma som i kalendern); här delas de per ansvarig
roll, blir text, Markdown eller JSON, och ett brev per roll till rollens funktionsbrevlåda
under `kontakter` i huset.yaml.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape

from kvalitet import __version__, frister
from kvalitet.frister import Frist
from kvalitet.svenska import antal, normaliserad
from kvalitet.verksamhet import Verksamhet

INGEN_ROLL = "ingen roll angiven"


@dataclass(frozen=True)
class Rollens:
    """En rolls påminnelser: det försenade och det som infaller inom dagarna."""

    roll: str
    adress: str | None
    forsenat: list[Frist]
    kommande: list[Frist]


@dataclass(frozen=True)
class Paminnelser:
    """Alla rollers påminnelser en dag."""

    verksamhet: str
    per: date
    inom: int
    roller: list[Rollens]


def paminnelser(v: Verksamhet, per: date, inom: int) -> Paminnelser:
    """Det som ska påminnas om per roll, rollerna i bokstavsordning (utan roll sist)."""
    aktuella = frister.att_paminna(frister.alla(v, per.year, per), per, inom)
    kontakter = v.huset[1].kontakter if v.huset else {}
    per_roll: dict[str, list[Frist]] = {}
    for frist in aktuella:
        per_roll.setdefault(frist.ansvarig or INGEN_ROLL, []).append(frist)
    roller = [
        Rollens(
            roll,
            _adress(kontakter, roll),
            [f for f in lista if f.dag < per],
            [f for f in lista if f.dag >= per],
        )
        for roll, lista in sorted(per_roll.items(), key=lambda p: (p[0] == INGEN_ROLL, p[0]))
    ]
    return Paminnelser(v.namn, per, inom, roller)


def _adress(kontakter: dict[str, str], roll: str) -> str | None:
    if roll in kontakter:
        return kontakter[roll]
    return next((a for r, a in kontakter.items() if normaliserad(r) == normaliserad(roll)), None)


def _rad(frist: Frist, per: date) -> str:
    sen = (per - frist.dag).days
    nar = f"{antal(sen, 'dag', 'dagar')} sen" if sen > 0 else frist.dag.isoformat()
    return f"{frist.dag.isoformat()}  {frist.titel} ({frist.fil}, {frist.id}; {nar})"


def _rubrik(p: Paminnelser) -> str:
    return (
        f"Påminnelser för {p.verksamhet} per {p.per.isoformat()}: det som är försenat och det"
        f" som ska vara gjort inom {antal(p.inom, 'dag', 'dagar')}."
    )


def _delar(r: Rollens, p: Paminnelser) -> list[tuple[str, list[Frist]]]:
    return [
        (rubrik, lista)
        for rubrik, lista in (
            ("Försenat", r.forsenat),
            (f"Inom {antal(p.inom, 'dag', 'dagar')}", r.kommande),
        )
        if lista
    ]


def text(p: Paminnelser) -> str:
    """Påminnelserna som text för terminalen."""
    if not p.roller:
        return f"{_rubrik(p)}\n\nInget att påminna om."
    rader = [_rubrik(p)]
    for r in p.roller:
        rader += ["", f"{r.roll} ({r.adress or 'ingen adress under kontakter'})"]
        for rubrik, lista in _delar(r, p):
            rader += [f"  {rubrik}:", *(f"    {_rad(f, p.per)}" for f in lista)]
    return "\n".join(rader)


def markdown(p: Paminnelser) -> str:
    """Påminnelserna som Markdown (till exempel för en kommentar i forgen)."""
    rader = [f"# Påminnelser per {p.per.isoformat()}", "", _rubrik(p)]
    for r in p.roller:
        rader += ["", f"## {r.roll}"]
        for rubrik, lista in _delar(r, p):
            rader += ["", f"### {rubrik}", "", *(f"- {_rad(f, p.per)}" for f in lista)]
    if not p.roller:
        rader += ["", "Inget att påminna om."]
    return "\n".join(rader)


def som_json(p: Paminnelser) -> str:
    """Påminnelserna som JSON (för ett skript)."""

    def post(f: Frist) -> dict[str, str | None]:
        return {"slag": str(f.slag), "titel": f.titel, "dag": f.dag.isoformat(),
                "fil": f.fil, "id": f.id, "nyckel": f.nyckel}  # fmt: skip

    return json.dumps(
        {
            "verksamhet": p.verksamhet,
            "per": p.per.isoformat(),
            "inom_dagar": p.inom,
            "roller": [
                {
                    "roll": r.roll,
                    "adress": r.adress,
                    "forsenat": [post(f) for f in r.forsenat],
                    "kommande": [post(f) for f in r.kommande],
                }
                for r in p.roller
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def amne(r: Rollens, p: Paminnelser) -> str:
    """Brevets ämnesrad."""
    return (
        f"Påminnelse från ledningssystemet ({p.verksamhet}):"
        f" {antal(len(r.forsenat), 'försenad', 'försenade')},"
        f" {len(r.kommande)} inom {antal(p.inom, 'dag', 'dagar')}"
    )


def brev(r: Rollens, p: Paminnelser, avsandare: str) -> EmailMessage:
    """Rollens brev: text och HTML, till rollens funktionsbrevlåda."""
    inledning = (
        f"Det här är en påminnelse till {r.roll} från ledningssystemet för {p.verksamhet},"
        f" per {p.per.isoformat()}."
    )
    slut = "Skickat av kvalitet ur verksamhetens filer i git. Svara inte på brevet."
    ett = EmailMessage()
    ett["Subject"] = amne(r, p)
    ett["From"] = avsandare
    ett["To"] = r.adress or ""
    ett["Date"] = formatdate(localtime=True)
    ett["Message-ID"] = make_msgid("paminnelse")
    ett["Content-Language"] = "sv"
    ett["X-Mailer"] = f"kvalitet {__version__}"
    delar = _delar(r, p)
    textdelen = [inledning]
    for rubrik, lista in delar:
        textdelen += ["", f"{rubrik}:", *(f"- {_rad(f, p.per)}" for f in lista)]
    ett.set_content("\n".join([*textdelen, "", slut]) + "\n")
    html = [f"<p>{escape(inledning)}</p>"]
    for rubrik, lista in delar:
        html += [f"<h2>{escape(rubrik)}</h2>", "<ul>"]
        html += [f"<li>{escape(_rad(f, p.per))}</li>" for f in lista]
        html.append("</ul>")
    html.append(f"<p><small>{escape(slut)}</small></p>")
    sida = (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f"<title>{escape(amne(r, p))}</title></head><body>{''.join(html)}</body></html>"
    )
    ett.add_alternative(sida, subtype="html")
    return ett
