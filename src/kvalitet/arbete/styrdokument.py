"""Styrdokumenten: lista dem med fastställelsen ur git, skapa nya ur mallarna, importera Word."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from kvalitet import gitinfo, historik, mallar, personnummer, word, yamlio
from kvalitet.fel import Anvandningsfel
from kvalitet.modell._bas import ID_MONSTER
from kvalitet.modell.styrdokument import Dokumentstatus, Slag, Styrdokument
from kvalitet.skrivning import Andring
from kvalitet.styrdokumenten import MAPP, forfallet, revideras_senast
from kvalitet.svenska import antal, kort, sorteringsnyckel
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet

_MALLAR = {Slag.process: "process.md", Slag.rutin: "rutin.md"}
"""Brödtextens mall per slag i mallar/styrdokument/; övriga slag får dokument.md."""

_KOMMENTARER = {
    "id": "Dokumentets id: samma som filens namn (utan .md). Byt det aldrig när dokumentet\n"
    "väl är fastställt: andra dokument och huset hänvisar till det.",
    "slag": "process, rutin, riktlinje, instruktion, checklista, blankett eller policy",
    "ägare": "Rollen som äger dokumentet och håller det aktuellt, aldrig en persons namn.",
    "fastställd_av": "Vem som fastställer dokumentet: socialnämnden, förvaltningschef,"
    " enhetschef …",
    "version": "Versionen inom citattecken. När dokumentet är fastställt: skriv status:"
    ' fastställd,\ndagen i fastställd och en version, till exempel "1.0". En senare'
    " ändring av ett\nfastställt dokument kräver ny version och nytt datum (regeln DOK005).",
    "status": "utkast, fastställd eller upphävd",
    "gäller": "Husets rum och processer (id) som dokumentet gäller, till exempel"
    " [processer, trygghet].",
    "lagkrav": "Kraven i lagkrav.yaml (id) som dokumentet omsätter.",
}


@dataclass(frozen=True)
class Ny:
    """Vad ett nytt styrdokument ska vara: slag, titel, ägare och (valfritt) id."""

    slag: Slag
    titel: str
    agare: str
    id: str | None = None


# Listan


def lista(v: Verksamhet, per: date, slag: Slag | None = None, forfallna: bool = False) -> Tabell:
    """Styrdokumenten med fastställelsen och den senaste ändringen i git.

    Args:
        v: Verksamheten.
        per: Dagen som revisionen bedöms per.
        slag: Bara dokument av det här slaget.
        forfallna: Bara fastställda dokument vars revisionsdag har passerat.

    Returns:
        Tabellen, sorterad efter slag och titel.
    """
    las = historik.las_tyst(v.rot, [dok.relativ for dok, _ in v.styrdokument])
    dokumenten = [
        (dok, d)
        for dok, d in v.styrdokument
        if (slag is None or d.slag == slag) and (not forfallna or forfallet(v, d, per))
    ]
    dokumenten.sort(key=lambda par: (list(Slag).index(par[1].slag), sorteringsnyckel(par[1].titel)))
    rader = []
    for dok, d in dokumenten:
        incheckning = las.senaste(dok.relativ) if las else None
        rader.append(
            (
                d.id,
                d.titel,
                str(d.slag),
                d.ägare,
                d.version or "–",
                _faststalld(d),
                _andrad(incheckning),
                _revision(v, d, per),
            )
        )
    urval = " ".join(
        x for x in (f"slag {slag}" if slag else "", "förfallna" if forfallna else "") if x
    )
    return Tabell(
        f"Styrdokument per {per}" + (f" ({urval})" if urval else ""),
        ("Id", "Titel", "Slag", "Ägare", "Version", "Fastställd", "Senast ändrad", "Revideras"),
        rader,
        tom="Inga styrdokument" + (" att visa." if urval else " i styrdokument/ än."),
        fot=_fot(v, len(rader), las is not None),
    )


def _faststalld(d: Styrdokument) -> str:
    # Två rader i cellen, så att tabellen ryms: datum, och vem som fastställde.
    if d.status != Dokumentstatus.faststalld:
        return str(d.status)
    return f"{d.fastställd or '–'}\n{d.fastställd_av or '–'}"


def _andrad(incheckning: gitinfo.Incheckning | None) -> str:
    if incheckning is None:
        return "inte incheckad"
    via = f"\n{incheckning.genom}" if incheckning.genom else ""
    return f"{incheckning.datum} {incheckning.kort}{via}"


def _revision(v: Verksamhet, d: Styrdokument, per: date) -> str:
    if d.status != Dokumentstatus.faststalld:
        return "–"
    senast = revideras_senast(v, d)
    if senast is None:
        return "–"
    return f"{senast}\nförfallen" if senast < per else str(senast)


def _fot(v: Verksamhet, visade: int, git: bool) -> str:
    alla = len(v.styrdokument)
    text = f"{antal(visade, 'dokument', 'dokument')} av {alla}."
    if not git:
        text += " Senast ändrad kräver git (verksamheten är inte ett git-förråd)."
    return text + " Historiken för ett dokument: kvalitet historik styrdokument/ID.md"


# Nya dokument


def nytt_id(titel: str, slag: Slag) -> str:
    """Ett id ur titeln: ”Rutin för tolkbokning” blir rutin-for-tolkbokning.

    Å, ä och ö blir a, a och o, allt annat än bokstäver och siffror blir bindestreck, och
    slaget sätts först om titeln inte börjar med det.
    """
    ascii_ = unicodedata.normalize("NFKD", titel.lower()).encode("ascii", "ignore").decode()
    ord_ = re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")
    if not ord_.startswith(str(slag)):
        ord_ = f"{slag}-{ord_}".strip("-")
    while len(ord_) > 60 and "-" in ord_:
        ord_ = ord_.rsplit("-", 1)[0]
    return ord_


def text(ny: Ny, id_: str, inledning: str, brodtext: str | None = None) -> str:
    """Ett nytt styrdokuments fil: huvudet med förklaringar, och brödtexten.

    Args:
        ny: Slag, titel och ägare.
        id_: Dokumentets id.
        inledning: En kommentar överst i huvudet (varifrån dokumentet kommer).
        brodtext: Dokumentets text; utan den mallen för slaget.
    """
    huvud = yamlio.mappning(
        {
            "id": id_,
            "titel": yamlio.text(ny.titel, 7),
            "slag": str(ny.slag),
            "ägare": yamlio.text(ny.agare, 7),
            "fastställd_av": None,
            "version": yamlio.citerad("0.1"),
            "status": str(Dokumentstatus.utkast),
            "gäller": yamlio.lista([], flodesstil=True),
            "lagkrav": yamlio.lista([], flodesstil=True),
        },
        kommentarer=_KOMMENTARER,
        inledning=inledning,
    )
    if brodtext is None:
        mall = mallar.mallmapp() / MAPP / _MALLAR.get(ny.slag, "dokument.md")
        brodtext = Template(mall.read_text(encoding="utf-8")).safe_substitute(titel=ny.titel)
    return f"---\n{yamlio.som_text(huvud)}---\n\n{brodtext}"


def ny(v: Verksamhet, uppgifter: Ny) -> tuple[str, Andring]:
    """Ett nytt styrdokument (utkast) ur mallen för sitt slag.

    Raises:
        Anvandningsfel: När id:t är ogiltigt eller redan används.
    """
    id_ = _ledigt_id(v, uppgifter.id or nytt_id(uppgifter.titel, uppgifter.slag))
    fil = text(uppgifter, id_, "Styrdokument, skapat med kvalitet styrdokument ny.")
    return id_, Andring(v.rot / MAPP / f"{id_}.md", fil.encode("utf-8"))


def _upptagna(v: Verksamhet) -> set[str]:
    # Dokumenten och mapparna med deras bilder, här och på andra grenar.
    upptagna = {d.id for _, d in v.styrdokument} | {p.stem for p in (v.rot / MAPP).glob("*")}
    if gitinfo.git_finns():
        upptagna |= gitinfo.namn_i_alla_grenar(v.rot / MAPP)
    return upptagna


def _ledigt_id(v: Verksamhet, id_: str, upptagna: set[str] | None = None) -> str:
    if not re.fullmatch(ID_MONSTER, id_):
        raise Anvandningsfel(
            f"”{id_}” är inget giltigt id: använd bokstäverna a–z, siffror och bindestreck.",
            tips="Ange ett id med --id, till exempel --id rutin-hembesok.",
        )
    if id_ in (_upptagna(v) if upptagna is None else upptagna):
        raise Anvandningsfel(
            f"Styrdokumentet ”{id_}” finns redan (i styrdokument/ eller på en annan gren);"
            " det skrivs aldrig över.",
            tips="Välj ett annat id med --id, eller ändra det befintliga dokumentet.",
        )
    return id_


# Import från Word


@dataclass(frozen=True)
class Importerat:
    """Ett importerat dokument: källfilen, id, titel, antal bilder och mammoths anmärkningar."""

    kalla: Path
    id: str
    titel: str
    bilder: int
    anmarkningar: list[str]


def importera(
    v: Verksamhet, filer: list[Path], slag: Slag, agare: str, id_: str | None, idag: date
) -> tuple[list[Importerat], list[Andring]]:
    """Word-dokument (.docx) som nya styrdokument (utkast), med bilderna bredvid.

    Args:
        v: Verksamheten.
        filer: Word-dokumenten.
        slag: Dokumentens slag.
        agare: Rollen som äger dem.
        id_: Id för dokumentet (bara när ett dokument importeras).
        idag: Dagen för importen, i huvudets kommentar.

    Returns:
        Vad som importerades och filerna att skriva (inget är skrivet än).

    Raises:
        Anvandningsfel: När en fil inte går att läsa, eller ett id redan används.
    """
    if id_ is not None and len(filer) != 1:
        raise Anvandningsfel("--id går bara att ange när ett dokument importeras.")
    upptagna = _upptagna(v)
    importerade: list[Importerat] = []
    andringar: list[Andring] = []
    for fil in filer:
        importerat, filens = _importera_en(v, fil, Ny(slag, "", agare, id_), upptagna, idag)
        upptagna.add(importerat.id)
        importerade.append(importerat)
        andringar += filens
    return importerade, andringar


def _importera_en(
    v: Verksamhet, fil: Path, mall: Ny, upptagna: set[str], idag: date
) -> tuple[Importerat, list[Andring]]:
    if fil.suffix.lower() != ".docx":
        raise Anvandningsfel(
            f"{fil}: bara Word-dokument (.docx) kan importeras.",
            tips="Spara dokumentet som .docx i Word (Arkiv → Spara som) och försök igen.",
        )
    id_: str | None = None

    def valj_id(titel: str | None) -> str:
        # Bilderna ligger i en mapp med dokumentets id, som bestäms av titeln.
        nonlocal id_
        id_ = id_ or _ledigt_id(v, mall.id or nytt_id(_titel(titel, fil), mall.slag), upptagna)
        return id_

    konverterat = word.konvertera(fil, valj_id)
    titel = _titel(konverterat.titel, fil)
    _utan_personnummer(fil, f"{titel}\n{konverterat.markdown}")
    id_ = valj_id(konverterat.titel)
    brodtext = konverterat.markdown
    if not brodtext.startswith("# "):
        brodtext = f"# {titel}\n\n{brodtext}"
    inledning = f"Importerat ur {fil.name} med kvalitet styrdokument importera {idag}."
    fil_text = text(Ny(mall.slag, titel, mall.agare), id_, inledning, brodtext)
    andringar = [Andring(v.rot / MAPP / f"{id_}.md", fil_text.encode("utf-8"))]
    andringar += [Andring(v.rot / MAPP / id_ / b.namn, b.data) for b in konverterat.bilder]
    importerat = Importerat(fil, id_, titel, len(konverterat.bilder), konverterat.anmarkningar)
    return importerat, andringar


def _utan_personnummer(fil: Path, text: str) -> None:
    """Vägra ett dokument med personnummer innan något skrivs, och visa var de står."""
    traffar = personnummer.hitta(text)
    if not traffar:
        return
    rader = text.split("\n")
    stallen = "\n".join(
        f"  ”{kort(personnummer.maskera(rader[t.rad - 1].strip()), 70)}”" for t in traffar[:5]
    )
    raise Anvandningsfel(
        f"{fil}: dokumentet innehåller {antal(len(traffar), 'personnummer', 'personnummer')},"
        f" så inget har importerats:\n{stallen}",
        tips="Ta bort personnumren i Word-dokumentet (och andra personuppgifter) och importera"
        " det igen.",
    )


def _titel(titel: str | None, fil: Path) -> str:
    return titel or fil.stem.replace("_", " ")
