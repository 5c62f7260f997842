"""Styrdokumenten i rapporterna: en sida per dokument, register, sökning och lagkravslistan.

Webbplatsen får en sida per styrdokument (uppgifterna om dokumentet, innehållsförteckning,
texten och vilka dokument som hänvisar hit), register per slag, rum och process, en sida
med lagkravslistan och en sökning i titlar och texter. Sökningen fungerar direkt från
disken (file://) utan något utifrån: registret över texterna ligger i sidan, och ett litet
eget skript söker i det. Kvalitetsberättelsen får ett avsnitt om dokumentstyrningen.
"""

from __future__ import annotations

import base64
import json
import mimetypes
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup

from kvalitet import historik, markdown
from kvalitet.dokument import Dokument
from kvalitet.lasning import filer
from kvalitet.modell.lagkrav import Lagkrav
from kvalitet.modell.styrdokument import Dokumentstatus, Slag, Styrdokument
from kvalitet.rapporter import Bild, Huvud, Uppdrag, huvud
from kvalitet.styrdokumenten import (
    Maltyp,
    brodtext,
    forfallet,
    hanvisningar,
    lankmal,
    omsatter,
    revideras_senast,
)
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import Verksamhet

MAPP = "styrdokument"
"""Webbplatsens mapp för styrdokumentens sidor."""

SLAGNAMN = {
    Slag.process: "Processbeskrivningar",
    Slag.rutin: "Rutiner",
    Slag.riktlinje: "Riktlinjer",
    Slag.instruktion: "Instruktioner",
    Slag.checklista: "Checklistor",
    Slag.blankett: "Blanketter",
    Slag.policy: "Policyer",
}

_BILDER = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")
_STORSTA_BILD = 5_000_000


@dataclass(frozen=True)
class Lank:
    """En länk: text, relativ adress och en kort förklaring (slag, status …)."""

    text: str
    adress: str
    forklaring: str = ""


@dataclass(frozen=True)
class Rubrik:
    """En rubrik i innehållsförteckningen."""

    niva: int
    text: str
    ankare: str


@dataclass(frozen=True)
class Dokumentsida:
    """Ett styrdokuments sida."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    uppgifter: list[tuple[str, str]]
    forfallet: bool
    innehall: list[Rubrik]
    html: Markup
    galler: list[Lank]
    lagkrav: list[Lank]
    hanvisar_hit: list[Lank]
    ersatter: Lank | None


@dataclass(frozen=True)
class Grupp:
    """En rubrik i ett register och dokumenten under den."""

    rubrik: str
    ankare: str
    dokument: list[Lank]


@dataclass(frozen=True)
class Registersida:
    """Ett register över styrdokument: alla (med sökningen), eller per slag, rum eller process."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    ingress: str
    grupper: list[Grupp]
    register: list[Lank]
    sokindex: Markup | None


@dataclass(frozen=True)
class Kravrad:
    """Ett krav i lagkravslistan med dokumenten som omsätter det."""

    id: str
    beteckning: str
    titel: str
    paragraf: str | None
    krav: str
    ansvarig: str | None
    senast_bevakad: date | None
    obekraftat: bool
    dokument: list[Lank]


@dataclass(frozen=True)
class Lagkravssida:
    """Lagkravslistan som sida."""

    titel: str
    huvud: Huvud
    bilder: list[Bild]
    krav: list[Kravrad]


# Webbplatsens sidor


def sidor(v: Verksamhet, uppdrag: Uppdrag) -> list[tuple[str, str, Any]]:
    """Styrdokumentens sidor som (adress, mall, vy-modell); inga när verksamheten saknar dem."""
    if not v.styrdokument and v.lagkravslista is None:
        return []
    hit = hanvisningar(v)
    las = historik.las_tyst(v.rot, [dok.relativ for dok, _ in v.styrdokument])
    dokumentsidor = [
        (f"{MAPP}/{d.id}.html", "styrdokument", _dokumentsida(v, uppdrag, dok, d, hit, las))
        for dok, d in _ordnade(v)
    ]
    register = _register(v, uppdrag)
    lagkrav = [(f"{MAPP}/lagkrav.html", "lagkrav", _lagkravssida(v, uppdrag))]
    return [(f"{MAPP}/index.html", "styrdokument_register", _index(v, uppdrag, register)),
            *register, *lagkrav, *dokumentsidor]  # fmt: skip


def _ordnade(v: Verksamhet) -> list[tuple[Dokument, Styrdokument]]:
    return sorted(
        v.styrdokument,
        key=lambda par: (list(Slag).index(par[1].slag), sorteringsnyckel(par[1].titel)),
    )


def _dokumentsida(
    v: Verksamhet,
    uppdrag: Uppdrag,
    dok: Dokument,
    d: Styrdokument,
    hit: dict[str, list[str]],
    las: Any,
) -> Dokumentsida:
    text = _utan_titel(brodtext(dok)[0])
    incheckning = las.senaste(dok.relativ) if las else None
    andrad = "inte incheckad"
    if incheckning is not None:
        via = f", {incheckning.genom}" if incheckning.genom else ""
        andrad = f"{incheckning.datum} (incheckning {incheckning.kort}{via})"
    senast = revideras_senast(v, d)
    uppgifter = [
        ("Slag", str(d.slag)),
        ("Status", str(d.status)),
        ("Ägare", d.ägare),
        ("Version", d.version or "–"),
        ("Fastställd", f"{d.fastställd or '–'} av {d.fastställd_av or '–'}"),
        ("Revideras senast", str(senast) if senast else "–"),
        ("Senast ändrad", andrad),
    ]
    titlar = {s.id: s.titel for _, s in v.styrdokument}
    krav = {k.id: k for k in v.lagkravslista[1].krav} if v.lagkravslista else {}
    return Dokumentsida(
        titel=d.titel,
        huvud=huvud(v, uppdrag),
        bilder=[],
        uppgifter=uppgifter,
        forfallet=forfallet(v, d, uppdrag.per) is not None,
        innehall=[
            Rubrik(r.niva, r.text, r.ankare) for r in markdown.rubriker(text) if r.niva in (2, 3)
        ],
        html=Markup(markdown.html(text, lambda mal: _adress(v, dok, mal))),
        galler=_galler(v, d.gäller),
        lagkrav=[_kravlank(krav, k) for k in d.lagkrav],
        hanvisar_hit=[Lank(titlar[i], f"{i}.html") for i in hit.get(d.id, []) if i in titlar],
        ersatter=Lank(titlar.get(d.ersätter, d.ersätter), f"{d.ersätter}.html")
        if d.ersätter
        else None,
    )


def _kravlank(krav: dict[str, Lagkrav], id_: str) -> Lank:
    if id_ not in krav:
        return Lank(id_, "lagkrav.html")
    k = krav[id_]
    return Lank(f"{k.beteckning} {k.paragraf or ''}".strip(), f"lagkrav.html#{id_}", k.titel)


def _utan_titel(text: str) -> str:
    """Brödtexten utan dess första #-rubrik, som sidans rubrik redan visar."""
    rader = text.lstrip("\n").split("\n")
    return "\n".join(rader[1:]) if rader and rader[0].startswith("# ") else text


def _adress(v: Verksamhet, dok: Dokument, mal: str) -> str:
    """En länk i dokumentet som adress på webbplatsen (sidan ligger i styrdokument/)."""
    lank = lankmal(v, dok, mal)
    if lank.fel is not None or lank.typ == Maltyp.extern:
        return mal
    if lank.typ == Maltyp.dokument:
        return f"{lank.id}.html" + (f"#{lank.ankare}" if lank.ankare else "")
    if lank.typ == Maltyp.rum:
        return f"../rum/{lank.id}.html"
    if lank.typ == Maltyp.process:
        return f"process/{lank.id}.html"
    return _fil(dok, mal)


def _fil(dok: Dokument, mal: str) -> str:
    # En bild bäddas in i sidan, så att sidan är fristående; en annan fil (en bilaga) länkas
    # där den ligger i verksamheten.
    sokvag = dok.sokvag.parent / mal
    if sokvag.suffix.lower() in _BILDER:
        try:
            data = filer.las_inom(dok.sokvag.parents[1], sokvag)
        except OSError:
            return mal
        if len(data) <= _STORSTA_BILD:
            typ = mimetypes.guess_type(sokvag.name)[0] or "application/octet-stream"
            return f"data:{typ};base64,{base64.b64encode(data).decode('ascii')}"
    return Path(os.path.relpath(sokvag, dok.sokvag.parent)).as_posix()


def _galler(v: Verksamhet, ids: list[str]) -> list[Lank]:
    rum = {r.id: r.namn for r in v.rum}
    processer = {p.id: p.namn for p in v.huset[1].processer} if v.huset else {}
    lankar = []
    for id_ in ids:
        if id_ in rum:
            lankar.append(Lank(rum[id_], f"../rum/{id_}.html", "rum"))
        elif id_ in processer:
            lankar.append(Lank(processer[id_], f"process/{id_}.html", "process"))
    return lankar


def _lank(d: Styrdokument, prefix: str = "") -> Lank:
    delar = [str(d.slag)]
    if d.status != Dokumentstatus.faststalld:
        delar.append(str(d.status))
    elif d.version:
        delar.append(f"version {d.version}, fastställd {d.fastställd or '–'}")
    return Lank(d.titel, f"{prefix}{d.id}.html", ", ".join(delar))


def _register(v: Verksamhet, uppdrag: Uppdrag) -> list[tuple[str, str, Any]]:
    dokumenten = [d for _, d in _ordnade(v)]
    sidor_: list[tuple[str, str, Any]] = []
    for slag in Slag:
        valda = [d for d in dokumenten if d.slag == slag]
        if valda:
            grupp = Grupp(SLAGNAMN[slag], str(slag), [_lank(d, "../") for d in valda])
            sidor_.append(_registersida(v, uppdrag, f"slag/{slag}", SLAGNAMN[slag], [grupp]))
    for rum in v.rum:
        valda = [d for d in dokumenten if rum.id in d.gäller]
        grupp = Grupp(rum.namn, rum.id, [_lank(d, "../") for d in valda])
        titel = f"Styrdokument för rummet {rum.namn}"
        sidor_.append(_registersida(v, uppdrag, f"rum/{rum.id}", titel, [grupp]))
    for process in v.huset[1].processer if v.huset else []:
        valda = [d for d in dokumenten if process.id in d.gäller]
        grupp = Grupp(process.namn, process.id, [_lank(d, "../") for d in valda])
        titel = f"Styrdokument för processen {process.namn}"
        sidor_.append(_registersida(v, uppdrag, f"process/{process.id}", titel, [grupp]))
    return sidor_


def _registersida(
    v: Verksamhet, uppdrag: Uppdrag, namn: str, titel: str, grupper: list[Grupp]
) -> tuple[str, str, Any]:
    ingress = "Styrdokumenten, med slag, version och dag för fastställelsen."
    vy = Registersida(titel, huvud(v, uppdrag), [], ingress, grupper, [], None)
    return f"{MAPP}/{namn}.html", "styrdokument_register", vy


def _index(v: Verksamhet, uppdrag: Uppdrag, register: list[tuple[str, str, Any]]) -> Registersida:
    dokumenten = [d for _, d in _ordnade(v)]
    grupper = [
        Grupp(SLAGNAMN[slag], str(slag), [_lank(d) for d in dokumenten if d.slag == slag])
        for slag in Slag
        if any(d.slag == slag for d in dokumenten)
    ]
    lankar = [Lank(vy.titel, adress.removeprefix(f"{MAPP}/")) for adress, _, vy in register]
    lankar.append(Lank("Lagkravslistan", "lagkrav.html"))
    return Registersida(
        "Styrdokument",
        huvud(v, uppdrag),
        [],
        "Verksamhetens processbeskrivningar, rutiner, riktlinjer och andra styrdokument."
        " Sök i titlarna och texterna, eller bläddra efter slag, rum och process.",
        grupper,
        lankar,
        _sokindex(v),
    )


def _sokindex(v: Verksamhet) -> Markup:
    """Registret som sökningen söker i, som JSON att lägga i sidan (fungerar från file://)."""
    poster = [
        {
            "titel": d.titel,
            "slag": str(d.slag),
            "status": str(d.status),
            "adress": f"{d.id}.html",
            "text": markdown.text(brodtext(dok)[0]),
        }
        for dok, d in _ordnade(v)
    ]
    text = json.dumps(poster, ensure_ascii=False)
    # I ett <script>-element: </script> och <!-- i en text får inte avsluta det.
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _lagkravssida(v: Verksamhet, uppdrag: Uppdrag) -> Lagkravssida:
    titlar = {d.id: d for _, d in v.styrdokument}
    dit = omsatter(v)
    rader = [
        Kravrad(
            k.id, k.beteckning, k.titel, k.paragraf, k.krav, k.ansvarig, k.senast_bevakad,
            k.obekräftat, [_lank(titlar[i]) for i in dit.get(k.id, []) if i in titlar],
        )
        for k in (v.lagkravslista[1].krav if v.lagkravslista else [])
    ]  # fmt: skip
    return Lagkravssida("Lagkravslistan", huvud(v, uppdrag), [], rader)


# Kvalitetsberättelsen


@dataclass(frozen=True)
class Dokumentstyrning:
    """Kvalitetsberättelsens avsnitt om dokumentstyrningen under året."""

    ar: int
    per: date
    antal: dict[str, int]
    """Antal dokument per status (fastställd, utkast, upphävd)."""
    faststallda: list[tuple[str, str, str, date, str]]
    """Fastställda under året: titel, slag, version, dag, av vem."""
    forfallna: list[tuple[str, str, date]]
    """Förfallna till revision per dagen: titel, ägare, dag."""
    krav_utan_dokument: list[tuple[str, str]]
    """Lagkrav utan fastställt styrdokument: beteckning och paragraf, kravet."""

    @property
    def finns(self) -> bool:
        """Sant när verksamheten har styrdokument eller en lagkravslista."""
        return bool(sum(self.antal.values()) or self.krav_utan_dokument)


def avsnitt(v: Verksamhet, ar: int, per: date) -> Dokumentstyrning:
    """Dokumentstyrningen under året, för kvalitetsberättelsen."""
    antal = {str(s): 0 for s in Dokumentstatus}
    faststallda = []
    forfallna = []
    for _, d in _ordnade(v):
        antal[str(d.status)] += 1
        if d.status == Dokumentstatus.faststalld and d.fastställd and d.fastställd.year == ar:
            faststallda.append(
                (d.titel, str(d.slag), d.version or "–", d.fastställd, d.fastställd_av or "–")
            )
        if (senast := forfallet(v, d, per)) is not None:
            forfallna.append((d.titel, d.ägare, senast))
    dit = omsatter(v)
    krav = [
        (f"{k.beteckning} {k.paragraf or ''}".strip(), k.krav)
        for k in (v.lagkravslista[1].krav if v.lagkravslista else [])
        if k.id not in dit
    ]
    faststallda.sort(key=lambda rad: (rad[3], sorteringsnyckel(rad[0])))
    return Dokumentstyrning(ar, per, antal, faststallda, forfallna, krav)
