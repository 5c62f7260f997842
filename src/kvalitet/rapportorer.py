"""Kontrollens resultat som text, JSON eller annoteringar för GitHub Actions."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

from kvalitet.fynd import Bedomt, Niva, Resultat
from kvalitet.svenska import antal, fel_och_varningar
from kvalitet.utdata import tvatta


def visningsvag(rot: Path, fil: str) -> str:
    """Filens väg som användaren skrev den, relativt arbetsmappen när det går, på en rad.

    Ett filnamn kan innehålla vad som helst (styrtecken, radbrytningar, bytes som inte är
    UTF-8, ett personnummer); se kvalitet.utdata.
    """
    sokvag = rot / fil
    try:
        return tvatta(Path(os.path.relpath(sokvag)).as_posix(), rad=True)
    except ValueError:  # en annan enhet i Windows: ingen relativ väg finns
        return tvatta(str(sokvag), rad=True)


def sammanfattning(resultat: Resultat) -> str:
    """Vad som kontrollerades och med vilket utfall, i hela meningar."""
    namn = (
        f"”{tvatta(resultat.namn, rad=True)}”"
        if resultat.namn
        else f"i {visningsvag(resultat.rot, '.')}"
    )
    delar = [
        f"{typ.antal} {typ.namn if typ.antal == 1 else typ.plural}" for typ in resultat.filtyper
    ]
    fel, varningar = resultat.antal(Niva.fel), resultat.antal(Niva.varning)
    alla = resultat.dokument + resultat.ovriga_filer
    rader = [
        f"Kontrollerade verksamheten {namn} per {resultat.per}:",
        f"  {resultat.dokument} dokument ({', '.join(delar) or 'inga kända filtyper'})"
        f" mot {antal(resultat.regler, 'regel', 'regler')} (visa dem med: kvalitet regler),",
        f"  och sökte efter personnummer i {_alla_filer(alla)}.",
        _utfall(fel, varningar),
    ]
    return "\n".join(rader)


def _alla_filer(alla: int) -> str:
    return "filen" if alla == 1 else f"alla {antal(alla, 'fil', 'filer')}"


def _utfall(fel: int, varningar: int) -> str:
    inledning = "Inga fel hittades: " if not fel else "Hittade "
    return f"{inledning}{fel_och_varningar(fel, varningar)}."


def text(resultat: Resultat) -> str:
    """En rad per fynd (fil:rad:kolumn: nivå REGEL text) och en sammanfattning."""
    rader = [
        f"{visningsvag(resultat.rot, b.fynd.fil)}:{b.fynd.rad}:{b.fynd.kol}:"
        f" {b.niva} {b.fynd.regel} {tvatta(b.fynd.text, rad=True)}"
        for b in resultat.fynd
    ]
    return "\n".join([*rader, *([""] if rader else []), sammanfattning(resultat)])


def _som_dict(resultat: Resultat, bedomt: Bedomt) -> dict[str, object]:
    fynd = bedomt.fynd
    return {
        "fil": visningsvag(resultat.rot, fynd.fil),
        "rad": fynd.rad,
        "kolumn": fynd.kol,
        "regel": fynd.regel,
        "nivå": str(bedomt.niva),
        "text": tvatta(fynd.text),
    }


def som_json(resultat: Resultat) -> str:
    """Hela resultatet som JSON."""
    data = {
        "verksamhet": tvatta(str(resultat.rot)),
        "per": resultat.per.isoformat(),
        "filer": resultat.dokument + resultat.ovriga_filer,
        "regler": resultat.regler,
        "antal": {
            "fel": resultat.antal(Niva.fel),
            "varning": resultat.antal(Niva.varning),
        },
        "fynd": [_som_dict(resultat, bedomt) for bedomt in resultat.fynd],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _github_escape(text: str, egenskap: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if egenskap else text


def github(resultat: Resultat) -> str:
    """En arbetsflödesannotering per fynd (::error file=…,line=…,col=…::text)."""
    rader = []
    for bedomt in resultat.fynd:
        fynd = bedomt.fynd
        niva = "error" if bedomt.niva == Niva.fel else "warning"
        fil = _github_escape(visningsvag(resultat.rot, fynd.fil), True)
        rader.append(
            f"::{niva} file={fil},line={fynd.rad},col={fynd.kol},"
            f"title={_github_escape(fynd.regel, True)}::"
            f"{_github_escape(tvatta(fynd.text, rad=True))}"
        )
    return "\n".join(rader)


def gitlab(resultat: Resultat) -> str:
    """GitLabs Code Quality-rapport (JSON), som visas i merge requesten."""
    poster = []
    for bedomt in resultat.fynd:
        fynd = bedomt.fynd
        fil = visningsvag(resultat.rot, fynd.fil)
        # surrogateescape: ett filnamn som inte är UTF-8 (Linux tillåter det) får inte krascha.
        text = tvatta(fynd.text, rad=True)
        avtryck = hashlib.sha256(f"{fil}:{fynd.regel}:{text}".encode()).hexdigest()
        poster.append(
            {
                "description": f"{fynd.regel} {text}",
                "check_name": fynd.regel,
                "fingerprint": avtryck,
                "severity": "major" if bedomt.niva == Niva.fel else "minor",
                "location": {"path": fil, "lines": {"begin": fynd.rad}},
            }
        )
    return json.dumps(poster, ensure_ascii=False, indent=2)


FORMAT: dict[str, Callable[[Resultat], str]] = {
    "text": text,
    "json": som_json,
    "github": github,
    "gitlab": gitlab,
}
"""Utdataformaten för `kvalitet kontrollera --format`."""
