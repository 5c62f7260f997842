"""Kolada: importera ett sparat API-svar till omvarld/kolada/<kpi>.yaml, och jämförelserna.

Importen använder aldrig nätverket: den läser svar som är sparade som filer, antingen
av `kvalitet kolada hamta` (kvalitet.arbete.kolada_hamta, som hämtar dem ur Koladas API
och sedan importerar dem med den här koden) eller av den som samordnar
kvalitetsarbetet (i webbläsaren eller med curl). Två former av svaret känns igen
(DOMAN.md avsnitt 4.3):

- v2: ett objekt med `values` och sidnyckeln `next_page` eller `previous_page`
  (och `count`);
- v3: ett objekt med `values` och sidnyckeln `next_url` eller `previous_url` (och
  ibland `count`).

Ett objekt med bara `values` (och `count`) läses också, liksom en lista av sådana
objekt (flera sidor) och en lista av rader. Raderna har samma form i båda versionerna:
`kpi`, `municipality`, `period` (heltal eller text) och `values` med `gender` (T, K,
M), `value` (tal eller null), `status` och `count`. En rad med `is_deleted: 1` (v2)
eller `isdeleted: true` (v3) tas bort ur det som redan är importerat.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from kvalitet import skrivning, yamlio
from kvalitet.fel import Anvandningsfel
from kvalitet.modell.huset import Kolada
from kvalitet.modell.kolada import KALLA, Koladaserie, Koladavarde, Kon
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, tal, upprakning
from kvalitet.verksamhet import Verksamhet

MAPP = "omvarld/kolada"
RIKET = "0000"
STORSTA_FIL = 200 * 1024 * 1024
KONSORDNING = {Kon.T: 0, Kon.K: 1, Kon.M: 2}
V2_NYCKLAR = ("next_page", "previous_page")
V3_NYCKLAR = ("next_url", "previous_url")

_JSONFEL = {
    "Expecting value": "ett värde väntades här",
    "Expecting property name enclosed in double quotes": "ett nyckelnamn inom dubbla"
    " citattecken väntades här",
    "Expecting ',' delimiter": "ett kommatecken väntades här",
    "Expecting ':' delimiter": "ett kolon väntades här",
    "Extra data": "det finns mer text efter JSON-värdet",
    "Unterminated string starting at": "en text saknar sitt avslutande citattecken",
    "Invalid control character at": "ett otillåtet styrtecken i en text",
    "Invalid \\escape": "en ogiltig escape-sekvens (\\) i en text",
}


class Koladafel(Anvandningsfel):
    """Ett sparat Kolada-svar som inte kan importeras (slutkod 2)."""


@dataclass(frozen=True)
class Rad:
    """Ett värde ur svaret: nyckeltal, område, år, kön, värde (None när det saknas)."""

    kpi: str
    kommun: str
    ar: int
    kon: Kon | None
    varde: float | None = None
    status: str | None = None
    antal: int | None = None
    borttagen: bool = False


@dataclass(frozen=True)
class Svar:
    """Ett läst svar: vilken form det hade, raderna och adressen till nästa sida."""

    fil: str
    version: str
    rader: list[Rad]
    nasta: list[str] = field(default_factory=list)


# --- Läsa ett sparat svar --------------------------------------------------------------


def las_svar(sokvag: Path) -> Svar:
    """Läs ett sparat Kolada-svar (v2 eller v3) och normalisera raderna.

    Raises:
        Koladafel: När filen inte kan läsas, inte är JSON eller inte har en känd form.
    """
    data = _las_json(sokvag)
    namn = str(sokvag)
    sidor, version = _sidor(namn, data)
    rader = [rad for sida in sidor for rad in _rader(namn, sida.get("values"))]
    # Bara den sista sidans nästa sida saknas (de tidigare finns i listan).
    nasta = [str(sidor[-1][n]) for n in ("next_page", "next_url") if sidor[-1].get(n)]
    return Svar(namn, version, rader, nasta)


def _las_json(sokvag: Path) -> Any:
    try:
        if sokvag.stat().st_size > STORSTA_FIL:
            raise Koladafel(f"{sokvag} är större än 200 MB och läses inte.")
        radata = sokvag.read_bytes()
    except OSError as fel:
        raise Koladafel(f"{sokvag} kan inte läsas ({skrivning.orsak(fel)}).") from None
    try:
        text = radata.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Koladafel(f"{sokvag} är inte sparad som UTF-8, som Koladas svar är.") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as fel:
        orsak = next((sv for en, sv in _JSONFEL.items() if fel.msg.startswith(en)), None)
        raise Koladafel(
            f"{sokvag}:{fel.lineno}:{fel.colno}: filen är ingen giltig JSON:"
            f" {orsak or f'JSON-fel ({fel.msg})'}.",
            tips="Spara svaret från Kolada på nytt, oförändrat.",
        ) from None


def _sidor(namn: str, data: Any) -> tuple[list[dict[str, Any]], str]:
    if isinstance(data, dict):
        return [_kuvert(namn, data)], _version(namn, data)
    if isinstance(data, list) and data and all(_ar_rad(x) for x in data):
        return [{"values": data}], "rader utan kuvert"
    if isinstance(data, list) and data and all(isinstance(x, dict) for x in data):
        sidor = [_kuvert(f"{namn} (sida {i})", x) for i, x in enumerate(data, 1)]
        versioner = sorted({_version(namn, x) for x in data})
        return sidor, f"{upprakning(versioner)}, {antal(len(sidor), 'sida', 'sidor')}"
    raise _okand_form(namn, "filen är varken ett objekt med ”values” eller en lista av sådana")


def _ar_rad(x: Any) -> bool:
    return isinstance(x, dict) and "kpi" in x


def _kuvert(namn: str, data: dict[str, Any]) -> dict[str, Any]:
    if "values" not in data:
        nycklar = ", ".join(f"”{n}”" for n in list(data)[:8]) or "inga"
        raise _okand_form(namn, f"nyckeln ”values” saknas (filen har nycklarna {nycklar})")
    if not isinstance(data["values"], list):
        raise _okand_form(namn, "”values” är ingen lista")
    forsta = data["values"][0] if data["values"] else None
    if isinstance(forsta, dict) and "title" in forsta and "kpi" not in forsta:
        raise Koladafel(
            f"{namn} ser ut att vara metadata om nyckeltal (id och title), inte värden.",
            tips="Ange metadata med --metadata FIL.json och värdena som argument.",
        )
    return data


def _version(namn: str, data: dict[str, Any]) -> str:
    v2, v3 = (any(n in data for n in nycklar) for nycklar in (V2_NYCKLAR, V3_NYCKLAR))
    if v2 and v3:
        raise _okand_form(namn, "filen har sidnycklar från både v2 och v3")
    return "Kolada API v2" if v2 else "Kolada API v3" if v3 else "Kolada API v2 eller v3"


def _okand_form(namn: str, vad: str) -> Koladafel:
    return Koladafel(
        f"{namn}: okänd form på Kolada-svaret: {vad}.",
        tips="kvalitet läser ett sparat svar från Koladas data-API: v2 med ”count”,"
        " ”next_page”, ”previous_page” och ”values”, eller v3 med ”values” och"
        " ”next_url” (se kvalitet kolada importera --help).",
    )


def _rader(namn: str, rader: Any) -> Iterator[Rad]:
    for nr, rad in enumerate(rader or [], 1):
        plats = f"{namn}: rad {nr} i ”values”"
        if not isinstance(rad, dict):
            raise _okand_form(plats, "raden är inget objekt")
        yield from _radens_varden(plats, rad)


def _radens_varden(plats: str, rad: dict[str, Any]) -> Iterator[Rad]:
    if "ou" in rad and "municipality" not in rad:
        raise Koladafel(f"{plats}: värden för organisatoriska enheter (ou) importeras inte.")
    saknas = [n for n in ("kpi", "municipality", "period", "values") if n not in rad]
    if saknas:
        raise _okand_form(plats, f"raden saknar {upprakning([f'”{n}”' for n in saknas])}")
    kpi = _text(plats, rad, "kpi", r"[A-Z][0-9]{5}")
    kommun = _text(plats, rad, "municipality", r"[0-9]{4}|G[0-9]+")
    ar = _period(plats, rad["period"])
    if _borttagen(plats, rad):
        yield Rad(kpi, kommun, ar, None, borttagen=True)
        return
    if not isinstance(rad["values"], list):
        raise _okand_form(plats, "”values” i raden är ingen lista")
    for varde in rad["values"]:
        yield _varde(f"{plats} ({kpi}, {kommun}, {ar})", kpi, kommun, ar, varde)


def _text(plats: str, rad: dict[str, Any], nyckel: str, monster: str) -> str:
    varde = rad[nyckel]
    if not isinstance(varde, str) or not re.fullmatch(monster, varde):
        raise Koladafel(f"{plats}: ”{nyckel}” är {json.dumps(varde)}, inget giltigt värde.")
    return varde


def _period(plats: str, period: Any) -> int:
    # Äldre sparade svar har året som text.
    if isinstance(period, str) and period.isdigit():
        period = int(period)
    if isinstance(period, bool) or not isinstance(period, int) or not 1900 <= period <= 2999:
        raise Koladafel(f"{plats}: ”period” är {json.dumps(period)}, inget årtal.")
    return period


def _borttagen(plats: str, rad: dict[str, Any]) -> bool:
    flagga = rad.get("is_deleted", rad.get("isdeleted", False))
    if flagga not in (0, 1, True, False, None):
        raise Koladafel(f"{plats}: borttagningsflaggan är {json.dumps(flagga)}.")
    return bool(flagga)


def _varde(plats: str, kpi: str, kommun: str, ar: int, varde: Any) -> Rad:
    if not isinstance(varde, dict) or "gender" not in varde or "value" not in varde:
        raise _okand_form(plats, "ett värde saknar ”gender” eller ”value”")
    if varde["gender"] not in ("T", "K", "M"):
        raise Koladafel(f"{plats}: ”gender” är {json.dumps(varde['gender'])}, inte T, K eller M.")
    tal_ = varde["value"]
    if isinstance(tal_, bool) or not isinstance(tal_, int | float | None):
        raise Koladafel(f"{plats}: ”value” är {json.dumps(tal_)}, inget tal och inte null.")
    status = varde.get("status")
    raknat = varde.get("count")
    if isinstance(raknat, bool) or not isinstance(raknat, int | None) or (raknat or 0) < 0:
        raise Koladafel(f"{plats}: ”count” är {json.dumps(raknat)}, inget antal.")
    return Rad(
        kpi,
        kommun,
        ar,
        Kon(varde["gender"]),
        None if tal_ is None else float(tal_),
        str(status) if status not in (None, "") else None,
        raknat,
    )


def las_metadata(sokvag: Path) -> dict[str, str]:
    """Nyckeltalens titlar ur ett sparat svar från /v3/kpi (eller /v2/kpi).

    Raises:
        Koladafel: När filen inte är ett sådant svar.
    """
    data = _las_json(sokvag)
    rader = data.get("values") if isinstance(data, dict) else data
    if not isinstance(rader, list) or not all(
        isinstance(r, dict) and isinstance(r.get("id"), str) and isinstance(r.get("title"), str)
        for r in rader
    ):
        raise _okand_form(
            str(sokvag), "metadata ska vara ”values” med nyckeltal som har ”id” och ”title”"
        )
    return {r["id"]: " ".join(r["title"].split()) for r in rader}


# --- Importera -------------------------------------------------------------------------


@dataclass(frozen=True)
class Nyckeltalet:
    """Vad importen gav för ett nyckeltal."""

    kpi: str
    fil: str
    varden: int
    saknade: int
    ar: tuple[int, int] | None
    borttagna: int
    andrad: bool


@dataclass(frozen=True)
class Import:
    """Importens ändringar och vad som ska sägas om den."""

    svar: list[Svar]
    andringar: list[Andring]
    nyckeltal: list[Nyckeltalet]
    hoppade: list[str]


def importera(
    v: Verksamhet, filer: list[Path], hamtad: date, metadata: Path | None = None
) -> Import:
    """Läs sparade Kolada-svar och ge filerna i omvarld/kolada/ som ska skrivas.

    Args:
        v: Verksamheten (med kolada-inställningen i huset.yaml).
        filer: De sparade svaren, i den ordning de ska läggas in.
        hamtad: Dagen då svaren hämtades ur Kolada.
        metadata: Ett sparat svar från /v3/kpi med nyckeltalens titlar.

    Returns:
        Ändringarna (ännu inte skrivna) och en sammanfattning per nyckeltal.

    Raises:
        Koladafel: När ett svar inte kan läsas, huset saknar inställningen eller inget
            av svarens nyckeltal står i den.
    """
    installning = installningen(v)
    svar = [las_svar(fil) for fil in filer]
    titlar = las_metadata(metadata) if metadata else {}
    valda = [n.id for n in installning.nyckeltal]
    rader = [rad for s in svar for rad in s.rader]
    hoppade = sorted({rad.kpi for rad in rader} - set(valda))
    if not any(rad.kpi in valda for rad in rader):
        raise _inga_valda(svar, hoppade, valda)
    resultat = [
        _ett_nyckeltal(v, installning, kpi, [r for r in rader if r.kpi == kpi], hamtad, titlar)
        for kpi in valda
        if any(r.kpi == kpi for r in rader)
    ]
    andringar = [a for a, _ in resultat if a is not None]
    return Import(svar, andringar, [n for _, n in resultat], hoppade)


def installningen(v: Verksamhet) -> Kolada:
    """Husets kolada-inställning.

    Raises:
        Koladafel: När huset inte kan läsas eller saknar inställningen.
    """
    if v.huset is None:
        raise Koladafel(
            "huset.yaml kan inte läsas, så kvalitet vet inte vilka nyckeltal som ska importeras.",
            tips="Kör kvalitet kontrollera för att se vad som är fel.",
        )
    if v.huset[1].kolada is None:
        raise Koladafel(
            "huset.yaml har ingen inställning för Kolada, så inget nyckeltal importeras.",
            tips="Lägg till till exempel:\n  kolada:\n    nyckeltal:\n      - id: N30005",
        )
    return v.huset[1].kolada


def _inga_valda(svar: list[Svar], hoppade: list[str], valda: list[str]) -> Koladafel:
    filer = ", ".join(s.fil for s in svar)
    if not hoppade:
        return Koladafel(f"{filer}: svaret innehåller inga värden att importera.")
    return Koladafel(
        f"{filer}: inget av nyckeltalen i svaret ({', '.join(hoppade)}) står under"
        f" kolada.nyckeltal i huset.yaml ({', '.join(valda)}), så inget importeras.",
        tips="Lägg till nyckeltalet i huset.yaml eller hämta rätt nyckeltal ur Kolada.",
    )


Nyckel = tuple[str, int, Kon]


def _ett_nyckeltal(
    v: Verksamhet,
    installning: Kolada,
    kpi: str,
    rader: list[Rad],
    hamtad: date,
    titlar: dict[str, str],
) -> tuple[Andring | None, Nyckeltalet]:
    relativ = f"{MAPP}/{kpi}.yaml"
    befintlig = _befintlig(v, relativ)
    varden = {_nyckel(x): x for x in (befintlig.värden if befintlig else [])}
    borttagna = _lagg_in(varden, rader)
    namn = next((n.namn for n in installning.nyckeltal if n.id == kpi), None)
    titel = titlar.get(kpi) or (befintlig.titel if befintlig else None) or namn
    text = serietext(kpi, titel, hamtad, list(varden.values()))
    sokvag = v.rot / relativ
    gammal = sokvag.read_bytes() if befintlig else None
    andring = None if gammal == text.encode("utf-8") else Andring(sokvag, text.encode(), gammal)
    ar = sorted({x.år for x in varden.values()})
    saknade = sum(1 for x in varden.values() if x.värde is None)
    spann = (ar[0], ar[-1]) if ar else None
    return andring, Nyckeltalet(
        kpi, relativ, len(varden), saknade, spann, borttagna, andring is not None
    )


def _befintlig(v: Verksamhet, relativ: str) -> Koladaserie | None:
    dok = next((d for d in v.dokument if d.relativ == relativ), None)
    if dok is None:
        return None
    if not isinstance(dok.modell, Koladaserie):
        raise Koladafel(
            f"{relativ} finns men har fel, så nya värden kan inte läggas till utan att äldre"
            " går förlorade.",
            tips="Kör kvalitet kontrollera, rätta filen (eller ta bort den) och importera igen.",
        )
    return dok.modell


def _nyckel(x: Koladavarde) -> Nyckel:
    return x.kommun, x.år, x.kön


def _lagg_in(varden: dict[Nyckel, Koladavarde], rader: Iterable[Rad]) -> int:
    """Lägg in raderna i ordning; en borttagen rad tar bort områdets år för alla kön."""
    borttagna = 0
    for rad in rader:
        if rad.borttagen or rad.kon is None:
            for nyckel in [n for n in varden if n[:2] == (rad.kommun, rad.ar)]:
                del varden[nyckel]
                borttagna += 1
            continue
        varden[(rad.kommun, rad.ar, rad.kon)] = Koladavarde(
            kommun=rad.kommun,
            år=rad.ar,
            kön=rad.kon,
            värde=rad.varde,
            status=rad.status,
            antal=rad.antal,
        )
    return borttagna


def serietext(kpi: str, titel: str | None, hamtad: date, varden: list[Koladavarde]) -> str:
    """Filen omvarld/kolada/<kpi>.yaml som text, med värdena i fast ordning.

    Samma data ger alltid samma text, oavsett svarets version och radernas ordning.
    """
    ordnade = sorted(varden, key=lambda x: (x.kommun, x.år, KONSORDNING[x.kön]))
    data: dict[str, Any] = {"kpi": kpi}
    if titel:
        data["titel"] = yamlio.text(titel, 7)
    data |= {"källa": KALLA, "hämtad": hamtad, "värden": yamlio.lista([_rad(x) for x in ordnade])}
    return yamlio.som_text(
        yamlio.mappning(
            data,
            kommentarer={"värden": _VARDEN},
            inledning=f"Nyckeltalet {kpi} ur Kolada, importerat med kvalitet kolada importera.\n"
            "Filen skrivs om vid nästa import (äldre år står kvar); ändra inte för hand.",
        )
    )


_VARDEN = (
    "kommun: kommunkod, 0000 för riket eller G… för en kommungrupp. kön: T totalt,"
    " K kvinnor,\nM män. värde: null när värdet saknas i Kolada. antal: kommuner i en grupps värde."
)


def _rad(x: Koladavarde) -> Any:
    varden: dict[str, Any] = {
        "kommun": yamlio.citerad(x.kommun),
        "år": x.år,
        "kön": x.kön.value,
        "värde": x.värde,
    }
    if x.status is not None:
        varden["status"] = x.status
    if x.antal is not None:
        varden["antal"] = x.antal
    rad = yamlio.mappning(varden)
    rad.fa.set_flow_style()  # en rad per värde
    return rad


# --- Jämförelserna -----------------------------------------------------------------------


@dataclass(frozen=True)
class Omradet:
    """En kolumn i jämförelsen: kommunen, jämförelsegruppen eller riket."""

    kod: str
    namn: str


@dataclass(frozen=True)
class Jamforelse:
    """Ett nyckeltal: kommunen mot jämförelsegruppen och riket, år för år."""

    kpi: str
    titel: str
    omraden: list[Omradet]
    ar: list[int]
    kon: list[Kon]
    varden: dict[Nyckel, Koladavarde]
    fil: str | None

    def varde(self, kod: str, ar: int, kon: Kon = Kon.T) -> float | None:
        """Värdet, eller None när det saknas (i Kolada eller i filen)."""
        x = self.varden.get((kod, ar, kon))
        return x.värde if x else None


def jamforelser(v: Verksamhet, till_ar: int, flest_ar: int = 6) -> list[Jamforelse]:
    """Varje inställt nyckeltal med kommunens, gruppens och rikets värden.

    Args:
        v: Verksamheten.
        till_ar: Det senaste året som tas med.
        flest_ar: Högst så många år (de senaste).

    Returns:
        En jämförelse per nyckeltal i husets ordning (tom när inget är inställt).
    """
    if v.huset is None or v.huset[1].kolada is None:
        return []
    installning = v.huset[1].kolada
    omraden = omradena(v, installning)
    serier = {serie.kpi: (dok.relativ, serie) for dok, serie in v.av_typ(Koladaserie)}
    return [
        _jamforelse(n.id, n.namn, omraden, serier.get(n.id), till_ar, flest_ar)
        for n in installning.nyckeltal
    ]


def omradena(v: Verksamhet, installning: Kolada) -> list[Omradet]:
    """Kommunen, jämförelsegruppen (om den är vald) och riket."""
    huset = v.huset[1] if v.huset else None
    kod = installning.kommun or (huset.verksamhet.kommunkod if huset else RIKET)
    if huset and kod == huset.verksamhet.kommunkod:
        kommunen = Omradet(kod, huset.verksamhet.organisation)
    else:
        kommunen = Omradet(kod, f"Kommun {kod}")
    grupp = installning.jämförelsegrupp
    mitten = [Omradet(grupp.id, grupp.namn)] if grupp else []
    return [kommunen, *mitten, Omradet(RIKET, "Riket")]


def _jamforelse(
    kpi: str,
    namn: str | None,
    omraden: list[Omradet],
    fil: tuple[str, Koladaserie] | None,
    till_ar: int,
    flest_ar: int,
) -> Jamforelse:
    koder = {o.kod for o in omraden}
    varden = {_nyckel(x): x for x in (fil[1].värden if fil else []) if x.kommun in koder}
    ar = sorted({x.år for x in varden.values() if x.år <= till_ar})[-flest_ar:]
    uppdelad = any(x.kön != Kon.T and x.värde is not None for x in varden.values())
    titel = (fil[1].titel if fil else None) or namn or kpi
    kon = list(Kon) if uppdelad else [Kon.T]
    return Jamforelse(kpi, titel, omraden, ar, kon, varden, fil[0] if fil else None)


def visa(varde: float | None) -> str:
    """Ett värde på svenska, eller ”saknas”."""
    return "saknas" if varde is None else tal(varde)


def underlag(v: Verksamhet, rum_id: str, ar: int) -> list[str]:
    """Underlagsrader för rummets session: kommunen mot gruppen och riket per år och nyckeltal.

    Bara för rummet som huset anger under kolada.rum (standard omvarld).
    """
    if v.huset is None or v.huset[1].kolada is None or v.huset[1].kolada.rum != rum_id:
        return []
    return [rad for j in jamforelser(v, ar) for rad in _underlagsrader(j)]


def _underlagsrader(j: Jamforelse) -> list[str]:
    if not j.ar:
        return [
            f"Kolada {j.kpi} {j.titel}: inga värden importerade än"
            " (kvalitet kolada importera FIL.json)."
        ]
    # Talen har hårda mellanslag (svenska.tal), så att de inte delas när raden viks.
    return [f"Kolada {j.kpi} {j.titel} (Källa: Kolada):"] + [
        f"Kolada {j.kpi} {ar}: "
        + "; ".join(f"{o.namn} {visa(j.varde(o.kod, ar))}" for o in j.omraden)
        for ar in j.ar
    ]
