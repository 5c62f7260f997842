"""Varje fil ska följa sin filtyps format: rätt nycklar med rätt slags värden.

Okända nycklar är fel, eftersom ett stavfel annars gör att uppgiften tyst saknas;
fyndet föreslår den nyckel du troligen menade. Datum skrivs ÅÅÅÅ-MM-DD, statusar
med de svenska orden i formatet, och kommunkoden inom citattecken (”2401”), annars
läses 0114 som talet 114. Texter som ser ut som tal (1.10) behöver citattecken.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from kvalitet.dokument import Dokument
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "SCH001"
NIVA = Niva.fel
RUBRIK = "Filen följer inte formatet"

Vag = tuple[str | int, ...]


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Valideringsfelen i varje fil, på svenska och med position."""
    for dok in ktx.verksamhet.dokument:
        if dok.filtyp is None or not dok.valideringsfel:
            continue
        sedda: set[Vag] = set()
        for fel in dok.valideringsfel:
            vag = _rensa_vag(dok.data, fel["loc"])
            if vag in sedda:
                continue  # Ett värde som inte passar en union ger ett fel per alternativ.
            sedda.add(vag)
            yield _fynd(dok, fel, vag)


def _rensa_vag(data: Any, loc: tuple[str | int, ...]) -> Vag:
    # pydantic lägger in namn på union-alternativ ("str", "Punktlista") i vägen;
    # behåll bara steg som finns i datat, plus en sista saknad nyckel.
    vag: list[str | int] = []
    nod = data
    for steg in loc:
        finns, barn = _barn(nod, steg)
        if finns:
            nod = barn
            vag.append(steg)
        elif isinstance(nod, dict) and steg == loc[-1]:
            vag.append(steg)
    return tuple(vag)


def _barn(nod: Any, steg: str | int) -> tuple[bool, Any]:
    if isinstance(nod, dict) and steg in nod:
        return True, nod[steg]
    if isinstance(nod, list) and isinstance(steg, int) and 0 <= steg < len(nod):
        return True, nod[steg]
    return False, None


def _fynd(dok: Dokument, fel: ErrorDetails, vag: Vag) -> Fynd:
    if fel["type"] == "missing":
        return dok.fynd_vid(vag[:-1], ID, f"Nyckeln ”{vag[-1]}” saknas.")
    if fel["type"] == "extra_forbidden":
        return dok.fynd_vid(vag, ID, _okand_nyckel(dok, vag))
    if not vag and dok.data is None:
        return dok.fynd(1, 1, ID, "Filen är tom.")
    return dok.fynd_vid(vag, ID, _fel_varde(fel, vag))


def _okand_nyckel(dok: Dokument, vag: Vag) -> str:
    nyckel = str(vag[-1])
    assert dok.filtyp is not None
    tillatna = sorted(_tillatna_nycklar(dok.filtyp.modell, vag[:-1]))
    forslag = difflib.get_close_matches(nyckel, tillatna, n=1, cutoff=0.6)
    text = f"Okänd nyckel ”{nyckel}”"
    if forslag:
        return f"{text} – menade du ”{forslag[0]}”?"
    return f"{text}. Tillåtna nycklar här: {', '.join(tillatna)}."


def _tillatna_nycklar(modell: type[BaseModel], vag: Vag) -> set[str]:
    modeller = {modell}
    for steg in vag:
        if isinstance(steg, int):
            continue
        modeller = {
            inre
            for mod in modeller
            if steg in mod.model_fields
            for inre in _modeller_i(mod.model_fields[steg].annotation)
        }
    return {namn for mod in modeller for namn in mod.model_fields}


def _modeller_i(typ: Any) -> set[type[BaseModel]]:
    if isinstance(typ, type) and issubclass(typ, BaseModel):
        return {typ}
    if isinstance(typ, types.UnionType) or typing.get_origin(typ) is not None:
        return {mod for arg in typing.get_args(typ) for mod in _modeller_i(arg)}
    return set()


def _fel_varde(fel: ErrorDetails, vag: Vag) -> str:
    nyckel = next((str(steg) for steg in reversed(vag) if isinstance(steg, str)), "")
    indata = fel.get("input")
    if nyckel == "kommunkod":
        return (
            "Kommunkoden ska vara fyra siffror inom citattecken, till exempel"
            ' kommunkod: "0114". Utan citattecken läses den som ett tal.'
        )
    text = _beskriv(fel, indata)
    if not vag:
        return "Filen ska börja med nycklar (nyckel: värde), men gör det inte."
    return f"Värdet för ”{nyckel}”: {text}"


def _beskriv(fel: ErrorDetails, indata: Any) -> str:
    typ = fel["type"]
    ctx = fel.get("ctx") or {}
    if typ in ("enum", "literal_error"):
        return _tillatet(indata, str(ctx.get("expected", "")))
    if typ == "value_error" and "error" in ctx:
        return str(ctx["error"])  # modellernas egna kontroller har svenska meddelanden
    if typ.startswith("date") or typ.startswith("datetime"):
        return "ska vara ett datum som ÅÅÅÅ-MM-DD, till exempel 2026-03-31."
    if typ == "string_type" and isinstance(indata, int | float) and not isinstance(indata, bool):
        return (
            f"ska vara en text, men läses som talet {indata}. Skriv värdet inom citattecken,"
            f' till exempel "{indata}".'
        )
    if typ == "string_pattern_mismatch" and "@" in str(ctx.get("pattern", "")):
        return (
            f"”{indata}” är ingen e-postadress; skriv rollens funktionsbrevlåda, till exempel"
            " enhetschefer@kommun.example."
        )
    if typ == "string_pattern_mismatch":
        return (
            "ett id får bara innehålla a–z, A–Z, siffror, bindestreck, understreck"
            " och punkt (inga mellanslag eller å, ä, ö)."
        )
    return _ENKLA.get(typ, _formatera_grans(typ, ctx))


def _tillatet(indata: Any, forvantat: str) -> str:
    tillatna = re.findall(r"'([^']*)'", forvantat)
    forslag = difflib.get_close_matches(str(indata), tillatna, n=1, cutoff=0.5)
    text = f"”{indata}” är inte tillåtet. Tillåtna värden: {', '.join(tillatna)}."
    return f"{text} Menade du ”{forslag[0]}”?" if forslag else text


def _formatera_grans(typ: str, ctx: dict[str, Any]) -> str:
    if typ in ("greater_than_equal", "greater_than"):
        return f"ska vara minst {ctx.get('ge', ctx.get('gt'))}."
    if typ in ("less_than_equal", "less_than"):
        return f"ska vara högst {ctx.get('le', ctx.get('lt'))}."
    return "har fel form här."


_ENKLA = {
    "string_type": "ska vara en text.",
    "string_too_short": "får inte vara tomt.",
    "too_short": "listan får inte vara tom.",
    "list_type": "ska vara en lista (rader som börjar med ”- ”).",
    "model_type": "ska vara en mappning med nycklar (nyckel: värde).",
    "model_attributes_type": "ska vara en mappning med nycklar (nyckel: värde).",
    "dict_type": "ska vara en mappning med nycklar (nyckel: värde).",
    "int_type": "ska vara ett heltal.",
    "int_parsing": "ska vara ett heltal.",
    "int_from_float": "ska vara ett heltal.",
    "float_type": "ska vara ett tal.",
    "float_parsing": "ska vara ett tal.",
    "bool_type": (
        "ska vara true eller false (yes, no, on och off är inte sanningsvärden i YAML 1.2)."
    ),
    "bool_parsing": "ska vara true eller false.",
}
