"""JSON Schema för editorer: ur modellerna, svenska, giltiga mot exemplet och aldrig ur fas."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from kvalitet import schema, yamlio
from kvalitet.dokument import markdown_delar
from kvalitet.modell import FILTYPER, filtyp_for
from kvalitet.modell._bas import faltrubrik
from tests.conftest import EXEMPEL, ROT, kor

SCHEMAMAPP = EXEMPEL / ".kvalitet" / "schema"
EXEMPELFILER = sorted(
    fil.relative_to(EXEMPEL).as_posix()
    for fil in [*EXEMPEL.rglob("*.yaml"), *EXEMPEL.glob("styrdokument/*.md")]
    if not any(del_.startswith(".") for del_ in fil.relative_to(EXEMPEL).parts)
)


def _json_varden(data: Any) -> Any:
    """YAML-data som JSON: datum som ÅÅÅÅ-MM-DD, som editorn ser dem i texten."""
    if isinstance(data, dict):
        return {nyckel: _json_varden(varde) for nyckel, varde in data.items()}
    if isinstance(data, list):
        return [_json_varden(varde) for varde in data]
    return data.isoformat() if isinstance(data, date) else data


def _schema_for(relativ: str) -> dict[str, Any]:
    filtyp = filtyp_for(relativ)
    assert filtyp is not None, relativ
    return schema.scheman()[schema.SCHEMAFILER[filtyp.namn]]


def _fel(relativ: str, text: str) -> list[str]:
    validator = jsonschema.Draft202012Validator(_schema_for(relativ))
    if relativ.endswith(".md"):  # ett styrdokuments huvud
        text = markdown_delar(text)[0][0]
    data = _json_varden(yamlio.las(text))
    return [f"{list(fel.absolute_path)}: {fel.message}" for fel in validator.iter_errors(data)]


# (1) De incheckade schemana i exemplet är de som modellerna ger i dag.


def test_incheckade_scheman_stammer_med_modellerna() -> None:
    atgard = "Kör: kvalitet schema -C exempel-verksamhet (och checka in resultatet)."
    for namn, innehall in schema.scheman().items():
        fil = SCHEMAMAPP / namn
        assert fil.is_file(), f"{fil.relative_to(ROT)} saknas. {atgard}"
        assert fil.read_text(encoding="utf-8") == schema.som_text(innehall), (
            f"{fil.relative_to(ROT)} stämmer inte med datamodellen. {atgard}"
        )
    extra = {f.name for f in SCHEMAMAPP.iterdir()} - set(schema.SCHEMAFILER.values())
    assert not extra, f"Filer i {SCHEMAMAPP.relative_to(ROT)} som inget schema har: {extra}"


def test_incheckade_vscode_installningar_stammer() -> None:
    fil = EXEMPEL / ".vscode" / "settings.json"
    assert fil.read_text(encoding="utf-8") == schema.vscode_installningar(), (
        "exempel-verksamhet/.vscode/settings.json stämmer inte. Ta bort den och kör:"
        " kvalitet schema -C exempel-verksamhet --vscode"
    )


def test_ett_schema_per_filtyp_i_draft_2020_12() -> None:
    alla = schema.scheman()
    assert list(alla) == [schema.SCHEMAFILER[f.namn] for f in FILTYPER]
    for namn, innehall in alla.items():
        assert re.fullmatch(r"[a-z]+\.schema\.json", namn)
        assert innehall["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert "$id" not in innehall
        assert innehall["$comment"].startswith("Skapad av kvalitet")
        jsonschema.Draft202012Validator.check_schema(innehall)


def test_som_text_ar_stabil_och_oescapad() -> None:
    innehall = schema.scheman()["huset.schema.json"]
    text = schema.som_text(innehall)
    assert text == schema.som_text(schema.scheman()["huset.schema.json"])
    assert text.endswith("}\n")
    assert "Bjälklag" in text
    assert "\\u00e4" not in text
    assert json.loads(text) == innehall


# (2) Varje fil i exemplet följer sitt schema, enligt en fristående validator.


def test_exemplet_har_alla_filtyper() -> None:
    typer = {f.namn for rel in EXEMPELFILER if (f := filtyp_for(rel)) is not None}
    assert typer == {f.namn for f in FILTYPER}


@pytest.mark.parametrize("relativ", EXEMPELFILER)
def test_exemplets_filer_foljer_sitt_schema(relativ: str) -> None:
    assert _fel(relativ, (EXEMPEL / relativ).read_text(encoding="utf-8")) == []


# (3) En felstavad nyckel avvisas.


@pytest.mark.parametrize(
    ("relativ", "ratt", "fel"),
    [
        ("ataganden/2026.yaml", "förväntat_resultat:", "förväntat_resultatt:"),
        ("arshjul/2026/processer.yaml", "    åtgärd:", "    åtgärdd:"),
        ("huset.yaml", "kommunkod:", "kommunkood:"),
        ("garaget.yaml", "    rubrik:", "    rubrk:"),
    ],
)
def test_felstavad_nyckel_avvisas(relativ: str, ratt: str, fel: str) -> None:
    text = (EXEMPEL / relativ).read_text(encoding="utf-8")
    assert ratt in text
    felen = _fel(relativ, text.replace(ratt, fel, 1))
    nyckel = fel.strip().rstrip(":")
    assert any(nyckel in rad and "Additional properties" in rad for rad in felen), felen


def test_fel_varde_avvisas() -> None:
    text = (EXEMPEL / "arshjul/2026/processer.yaml").read_text(encoding="utf-8")
    assert "status: klar" in text
    felen = _fel("arshjul/2026/processer.yaml", text.replace("status: klar", "status: klart", 1))
    assert any("'klart' is not one of" in rad for rad in felen), felen


# (4) Rubrikerna och beskrivningarna är svenska.


def test_rubrikerna_ar_svenska() -> None:
    session = schema.scheman()["arshjul.schema.json"]
    atgard = session["$defs"]["Atgard"]
    assert atgard["title"] == "En åtgärd i en handlingsplan (även i avvikelser)"
    assert atgard["properties"]["klart_senast"]["title"] == "Klart senast"
    assert atgard["properties"]["integrerade_mål"]["title"] == "Integrerade mål"
    assert atgard["properties"]["ansvarig"]["description"].startswith("Rollen som ansvarar")
    assert session["$defs"]["Atgardsstatus"]["title"] == "Status för en åtgärd i en handlingsplan"
    assert session["title"] == "kvalitet: årshjulssession (arshjul/*/*.yaml)"
    assert session["description"].startswith("En session i årshjulet")


def test_ingen_rubrik_ar_ett_klassnamn() -> None:
    for namn, innehall in schema.scheman().items():
        for klass, definition in innehall.get("$defs", {}).items():
            assert definition["title"] != klass, (namn, klass)
            assert not definition["title"].endswith("."), (namn, klass)


@pytest.mark.parametrize(
    ("nyckel", "rubrik"),
    [
        ("klart_senast", "Klart senast"),
        ("åtgärd", "Åtgärd"),
        ("lex_sarah", "Lex Sarah"),
        ("anmäld_ivo", "Anmäld IVO"),
    ],
)
def test_faltrubrik(nyckel: str, rubrik: str) -> None:
    assert faltrubrik(nyckel) == rubrik


# (5) Kommandot.


@pytest.fixture
def utan_scheman(exempel: Path) -> Path:
    shutil.rmtree(exempel / ".kvalitet", ignore_errors=True)
    shutil.rmtree(exempel / ".vscode", ignore_errors=True)
    return exempel


def test_schema_skriver_filerna_och_sedan_inget(utan_scheman: Path) -> None:
    svar = kor("schema", "-C", str(utan_scheman))
    assert svar.slutkod == 0, svar
    assert svar.stdout.count("Skapade ") == len(FILTYPER), svar
    for namn, innehall in schema.scheman().items():
        fil = utan_scheman / ".kvalitet" / "schema" / namn
        assert fil.read_text(encoding="utf-8") == schema.som_text(innehall)
    igen = kor("schema", "-C", str(utan_scheman))
    assert igen.slutkod == 0, igen
    assert igen.stdout.count("Oförändrad ") == len(FILTYPER), igen
    assert not (utan_scheman / ".vscode").exists()


def test_schema_skriver_om_ett_gammalt_schema(utan_scheman: Path) -> None:
    assert kor("schema", "-C", str(utan_scheman)).slutkod == 0
    fil = utan_scheman / ".kvalitet" / "schema" / "rum.schema.json"
    gammalt = json.loads(fil.read_text(encoding="utf-8"))
    gammalt["title"] = "äldre"
    fil.write_text(json.dumps(gammalt), encoding="utf-8")
    svar = kor("schema", "-C", str(utan_scheman))
    assert svar.slutkod == 0, svar
    assert "Skrev om " in svar.stdout and "rum.schema.json" in svar.stdout, svar
    assert json.loads(fil.read_text(encoding="utf-8"))["title"] != "äldre"


def test_schema_med_ut(utan_scheman: Path, tmp_path: Path) -> None:
    ut = tmp_path / "scheman"
    svar = kor("schema", "-C", str(utan_scheman), "--ut", str(ut))
    assert svar.slutkod == 0, svar
    assert sorted(f.name for f in ut.iterdir()) == sorted(schema.SCHEMAFILER.values())


def test_schema_skriver_inte_over_en_annan_fil(utan_scheman: Path) -> None:
    mapp = utan_scheman / ".kvalitet" / "schema"
    mapp.mkdir(parents=True)
    egen = mapp / "huset.schema.json"
    egen.write_text('{"title": "vårt eget schema"}\n', encoding="utf-8")
    svar = kor("schema", "-C", str(utan_scheman))
    assert svar.slutkod == 1, svar
    assert "inget schema från kvalitet" in svar.stderr, svar
    assert egen.read_text(encoding="utf-8") == '{"title": "vårt eget schema"}\n'
    assert [f.name for f in mapp.iterdir()] == ["huset.schema.json"]


def test_schema_vscode_skapar_installningarna(utan_scheman: Path) -> None:
    svar = kor("schema", "-C", str(utan_scheman), "--vscode")
    assert svar.slutkod == 0, svar
    assert any(
        rad.startswith("Skapade ") and rad.endswith(".vscode/settings.json")
        for rad in svar.stdout.splitlines()
    ), svar
    installningar = json.loads((utan_scheman / ".vscode" / "settings.json").read_bytes())
    scheman = installningar["yaml.schemas"]
    assert scheman[".kvalitet/schema/arshjul.schema.json"] == "arshjul/*/*.yaml"
    # Styrdokumentens huvud står i Markdown, som YAML-tillägget inte läser.
    assert set(scheman.values()) == {f.monster for f in FILTYPER if not f.markdown}
    for sokvag in scheman:
        assert (utan_scheman / sokvag).is_file(), sokvag
    assert installningar["[yaml]"]["editor.tabSize"] == 2
    igen = kor("schema", "-C", str(utan_scheman), "--vscode")
    assert igen.slutkod == 0, igen
    assert igen.stdout.count("Oförändrad ") == len(FILTYPER) + 1, igen


def test_schema_vscode_skriver_aldrig_over_installningar(utan_scheman: Path) -> None:
    fil = utan_scheman / ".vscode" / "settings.json"
    fil.parent.mkdir()
    fil.write_text('{"editor.fontSize": 14}\n', encoding="utf-8")
    svar = kor("schema", "-C", str(utan_scheman), "--vscode")
    assert svar.slutkod == 0, svar
    assert "finns redan och skrivs inte över" in svar.stderr, svar
    assert '".kvalitet/schema/arshjul.schema.json": "arshjul/*/*.yaml"' in svar.stderr, svar
    assert fil.read_text(encoding="utf-8") == '{"editor.fontSize": 14}\n'
    assert (utan_scheman / ".kvalitet" / "schema" / "arshjul.schema.json").is_file()


def test_schema_i_en_mapp_utan_verksamhet(tmp_path: Path) -> None:
    svar = kor("schema", "-C", str(tmp_path))
    assert svar.slutkod == 2, svar


# (6) Kroken för pre-commit.


def test_pre_commit_krokarna_kor_kontrollera() -> None:
    krokar = yamlio.las((ROT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [k["id"] for k in krokar] == ["kvalitet-kontrollera", "kvalitet-kontrollera-strikt"]
    for krok in krokar:
        assert krok["entry"].startswith("kvalitet kontrollera")
        assert krok["language"] == "python"
        assert krok["pass_filenames"] is False
        assert krok["always_run"] is False
        monster = re.compile(krok["files"])
        assert monster.search("arshjul/2026/processer.yaml")
        assert monster.search("huset.yml")
        assert not monster.search("README.md")
    assert krokar[1]["entry"] == "kvalitet kontrollera --strikt"
