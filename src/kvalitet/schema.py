"""JSON Schema för varje filtyp, för editorer (VS Code och andra med YAML-stöd).

Schemana skapas ur pydantic-modellerna i `kvalitet.modell` och skrivs aldrig för hand.
Rubrikerna och beskrivningarna är svenska: modellernas och fältens docstrings (se
`kvalitet.modell._bas`). Varje schemafil bär en markör i `$comment`, så att kvalitet
bara skriver över sina egna filer.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import json
import textwrap
from pathlib import Path
from typing import Any, get_args

from pydantic import BaseModel

from kvalitet.modell import FILTYPER, Filtyp
from kvalitet.modell._bas import forsta_meningen
from kvalitet.skrivning import Andring, FilenFinns

UTKAST = "https://json-schema.org/draft/2020-12/schema"
"""JSON Schema-versionen som pydantic skriver (draft 2020-12)."""

MARKOR = "Skapad av kvalitet"
"""Början på `$comment` i varje schema som kvalitet har skapat."""

STANDARDMAPP = ".kvalitet/schema"
"""Schemamappen relativt verksamhetens rot."""

VSCODE = ".vscode/settings.json"
"""VS Code:s inställningar för arbetsytan, relativt verksamhetens rot."""

SCHEMAFILER = {
    "hus": "huset.schema.json",
    "rumsguide": "rum.schema.json",
    "årshjulssession": "arshjul.schema.json",
    "garage": "garaget.schema.json",
    "åtagandefil": "ataganden.schema.json",
    "BUUUU-varv": "buuuu.schema.json",
    "brukarinflytandefil": "brukarinflytande.schema.json",
    "avvikelse": "avvikelse.schema.json",
    "koladaserie": "kolada.schema.json",
    "egenkontrollplan": "egenkontroll.schema.json",
    "egenkontrollresultat": "egenkontrollresultat.schema.json",
    "riskanalys": "riskanalys.schema.json",
    "styrdokument": "styrdokument.schema.json",
    "lagkravslista": "lagkrav.schema.json",
}
"""Schemafilens namn (ASCII) för varje filtyp."""

_KOMMENTAR = f"{MARKOR} ur datamodellen. Ändra inte här; skapa schemat på nytt med: kvalitet schema"


def scheman() -> dict[str, dict[str, Any]]:
    """Ett JSON Schema per filtyp, nycklat på schemafilens namn, i filtypernas ordning."""
    return {SCHEMAFILER[filtyp.namn]: _schema(filtyp) for filtyp in FILTYPER}


def _schema(filtyp: Filtyp) -> dict[str, Any]:
    genererat = filtyp.modell.model_json_schema()
    _faltens_beskrivningar(genererat, filtyp.modell)
    _svenska_upprakningar(genererat.get("$defs", {}))
    genererat.pop("title", None)
    beskrivning = genererat.pop("description", "")
    huvud = {
        "$schema": UTKAST,
        "$comment": _KOMMENTAR,
        "title": f"kvalitet: {filtyp.namn} ({filtyp.monster})",
        "description": f"{beskrivning} Formatet för {filtyp.monster} i ett ledningssystem"
        " för systematiskt kvalitetsarbete (SOSFS 2011:9) som förs med kvalitet.",
    }
    return {**huvud, **genererat}


def _faltens_beskrivningar(schema: dict[str, Any], modell: type[BaseModel]) -> None:
    """Fältens docstrings som beskrivningar, för modellen och modellerna i den.

    pydantic kan läsa dem själv (`use_attribute_docstrings`), men det läser källkoden
    för varje klass när den skapas, vid varje start av kvalitet. Här läses de först när
    ett schema skapas. Nycklarna sorteras som pydantic sorterar dem.
    """
    klasser = {klass.__name__: klass for klass in _modeller_i(modell)}
    delar = [(schema, modell), *((d, klasser.get(n)) for n, d in schema.get("$defs", {}).items())]
    for definition, klass in delar:
        if klass is None:
            continue
        texter = _docstrings(klass)
        egenskaper = definition.get("properties", {})
        for namn, egenskap in egenskaper.items():
            if namn in texter and "description" not in egenskap:
                egenskap["description"] = texter[namn]
                egenskaper[namn] = dict(sorted(egenskap.items()))


def _modeller_i(modell: type[BaseModel]) -> list[type[BaseModel]]:
    funna: list[type[BaseModel]] = []
    att_se: list[Any] = [modell]
    while att_se:
        typ = att_se.pop()
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            if typ in funna:
                continue
            funna.append(typ)
            att_se += [falt.annotation for falt in typ.model_fields.values()]
        else:
            att_se += list(get_args(typ))
    return funna


def _docstrings(klass: type) -> dict[str, str]:
    """Varje fälts docstring (strängen direkt under fältet) i klassen och dess föräldrar."""
    texter: dict[str, str] = {}
    for forfader in reversed(klass.__mro__):
        if forfader is object or not issubclass(forfader, BaseModel) or forfader is BaseModel:
            continue
        kropp = ast.parse(textwrap.dedent(inspect.getsource(forfader))).body[0]
        assert isinstance(kropp, ast.ClassDef)
        for rad, nasta in itertools.pairwise(kropp.body):
            if (
                isinstance(rad, ast.AnnAssign)
                and isinstance(rad.target, ast.Name)
                and isinstance(nasta, ast.Expr)
                and isinstance(nasta.value, ast.Constant)
                and isinstance(nasta.value.value, str)
            ):
                texter[rad.target.id] = inspect.cleandoc(nasta.value.value)
    return texter


def _svenska_upprakningar(definitioner: dict[str, Any]) -> None:
    # Modellerna får sin rubrik av Basmodell, men pydantic sätter uppräkningarnas
    # (statusar, typer) till klassens namn; ta den ur docstringen som för modellerna.
    for definition in definitioner.values():
        if "enum" in definition and "description" in definition:
            definition["title"] = forsta_meningen(definition["description"])


def som_text(schema: dict[str, Any]) -> str:
    """Ett schema som JSON-text: UTF-8 utan escapning, indrag 2, radbrytning sist.

    Nycklarna står i den ordning pydantic ger dem (egenskaperna i modellens ordning),
    så att samma modell alltid ger samma text.
    """
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def yaml_scheman(prefix: str = STANDARDMAPP) -> dict[str, str]:
    """Inställningen `yaml.schemas`: schemafilen för varje filtyps filmönster.

    Args:
        prefix: Schemamappen relativt arbetsytans (verksamhetens) rot.
    """
    # Styrdokumentens huvud står i Markdown, som YAML-tillägget inte läser.
    return {f"{prefix}/{SCHEMAFILER[f.namn]}": f.monster for f in FILTYPER if not f.markdown}


def vscode_installningar(prefix: str = STANDARDMAPP) -> str:
    """Innehållet i `.vscode/settings.json` för Red Hats YAML-tillägg till VS Code.

    Varje filtyps filmönster får sitt schema (så att editorn fyller i nycklar och
    visar fel medan man skriver); YAML skrivs med två blanksteg i indrag, som UTF-8
    utan BOM och enligt YAML 1.2, som kvalitet läser den.

    Args:
        prefix: Schemamappen relativt arbetsytans (verksamhetens) rot.
    """
    installningar = {
        "yaml.schemas": yaml_scheman(prefix),
        "yaml.yamlVersion": "1.2",
        "[yaml]": {
            "editor.tabSize": 2,
            "editor.insertSpaces": True,
            "editor.detectIndentation": False,
            "editor.formatOnSave": False,
            "files.encoding": "utf8",
            "files.insertFinalNewline": True,
        },
    }
    return json.dumps(installningar, ensure_ascii=False, indent=2) + "\n"


def filer(mapp: Path) -> list[Andring]:
    """Schemafilerna att skriva i en mapp: nya, och ersättningar av ändrade.

    Args:
        mapp: Mappen för schemana.

    Returns:
        Ändringarna; ett schema som redan finns med samma innehåll finns inte med.

    Raises:
        FilenFinns: När en fil med ett schemas namn finns och inte är ett schema från
            kvalitet; den skrivs aldrig över.
    """
    andringar = [_schemafil(mapp / namn, som_text(s)) for namn, s in scheman().items()]
    return [andring for andring in andringar if andring is not None]


def _schemafil(sokvag: Path, text: str) -> Andring | None:
    ny = text.encode("utf-8")
    if not (sokvag.exists() or sokvag.is_symlink()):
        return Andring(sokvag, ny)
    gammal = sokvag.read_bytes() if sokvag.is_file() else b""
    if not ar_schema_fran_kvalitet(gammal):
        raise FilenFinns(
            f"{sokvag} finns redan och är inget schema från kvalitet, så den skrivs inte över.",
            tips="Flytta filen, eller välj en annan mapp med --ut.",
        )
    return None if gammal == ny else Andring(sokvag, ny, gammal)


def ar_schema_fran_kvalitet(innehall: bytes) -> bool:
    """Sant när innehållet är ett JSON Schema som kvalitet har skapat (det bär markören)."""
    try:
        data = json.loads(innehall)
    except ValueError:
        return False
    return isinstance(data, dict) and str(data.get("$comment", "")).startswith(MARKOR)


def vscode_fil(rot: Path, prefix: str = STANDARDMAPP) -> Andring | None:
    """`.vscode/settings.json` att skapa i verksamheten, eller None när filen finns.

    En befintlig settings.json skrivs aldrig över: den kan ha användarens egna
    inställningar (se `saknade_yaml_scheman`).
    """
    sokvag = rot / VSCODE
    if sokvag.exists() or sokvag.is_symlink():
        return None
    return Andring(sokvag, vscode_installningar(prefix).encode("utf-8"))


def saknade_yaml_scheman(rot: Path, prefix: str = STANDARDMAPP) -> dict[str, str]:
    """Posterna i `yaml.schemas` som verksamhetens befintliga settings.json saknar.

    En fil som inte går att läsa som JSON (VS Code tillåter kommentarer) räknas som
    att den saknar alla.
    """
    try:
        data = json.loads((rot / VSCODE).read_bytes())
    except (OSError, ValueError):
        data = {}
    befintliga = data.get("yaml.schemas") if isinstance(data, dict) else None
    if not isinstance(befintliga, dict):
        befintliga = {}
    return {k: v for k, v in yaml_scheman(prefix).items() if not _tacker(befintliga.get(k), v)}


def _tacker(varde: object, monster: str) -> bool:
    # Red Hats tillägg tar ett filmönster eller en lista av dem.
    return varde == monster or (isinstance(varde, list) and monster in varde)
