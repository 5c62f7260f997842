"""`kvalitet kontrollera` och `kvalitet regler` från kommandoraden, på exempel-verksamheten."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import EXEMPEL, PER, kor


def test_exemplet_haller_och_sager_vad_som_kontrollerades() -> None:
    svar = kor("kontrollera", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "Kontrollerade verksamheten" in svar.stdout
    assert "6 rumsguider" in svar.stdout
    assert "avvikelser" in svar.stdout
    assert "Inga fel hittades" in svar.stdout
    assert "Traceback" not in svar.stdout + svar.stderr


def test_exemplet_visar_sin_enda_forsenade_atgard_som_varning() -> None:
    svar = kor("kontrollera", str(EXEMPEL), "--per", PER)
    varningar = [rad for rad in svar.stdout.splitlines() if " varning " in rad]
    assert [rad.split(" varning ")[1][:6] for rad in varningar] == ["ATG001"], svar
    assert kor("kontrollera", str(EXEMPEL), "--per", PER, "--strikt").slutkod == 1


def test_borttagen_handlingsplan_namner_rummet_filen_och_raden(exempel: Path) -> None:
    fil = exempel / "arshjul/2026/trygghet.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text[: text.index("handlingsplan:")], encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    rader = [rad for rad in svar.stdout.splitlines() if "RUM002" in rad or "SES001" in rad]
    assert rader, svar
    assert all("arshjul/2026/trygghet.yaml:" in rad for rad in rader)
    assert any("Trygghet och säkerhet" in rad for rad in rader)
    assert all(re.search(r"trygghet\.yaml:\d+:\d+: fel ", rad) for rad in rader)


def test_felstavad_nyckel_ger_rad_kolumn_och_menade_du(exempel: Path) -> None:
    fil = exempel / "ataganden/2026.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace("förväntat_resultat:", "förväntat_resultatt:", 1), encoding="utf-8")
    rad = next(
        i
        for i, r in enumerate(text.splitlines(), 1)
        if r.lstrip().startswith("förväntat_resultat:")
    )
    kol = text.splitlines()[rad - 1].index("förväntat") + 1
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    assert f"ataganden/2026.yaml:{rad}:{kol}: fel SCH001" in svar.stdout, svar
    assert "menade du ”förväntat_resultat”?" in svar.stdout


def test_json_ar_giltig_och_listar_varje_fynd(exempel: Path) -> None:
    (exempel / "garaget.yaml").write_text("poster:\n  - id: G1\n", encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER, "--format", "json")
    assert svar.slutkod == 1
    data = json.loads(svar.stdout)
    text = kor("kontrollera", str(exempel), "--per", PER).stdout
    antal_rader = sum(
        1 for rad in text.splitlines() if re.match(r".+:\d+:\d+: (fel|varning) ", rad)
    )
    assert len(data["fynd"]) == antal_rader == data["antal"]["fel"] + data["antal"]["varning"]
    assert set(data["fynd"][0]) == {"fil", "rad", "kolumn", "regel", "nivå", "text"}
    assert "Kontrollerade verksamheten" in svar.stderr


def test_github_ger_annoteringar(exempel: Path) -> None:
    (exempel / "garaget.yaml").write_text("poster:\n  - id: G1\n", encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER, "--format", "github")
    rader = svar.stdout.splitlines()
    assert rader and all(
        re.match(r"::(error|warning) file=[^,]+,line=\d+,col=\d+,title=", r) for r in rader
    )
    assert any(r.startswith("::error file=") and "garaget.yaml" in r for r in rader)


def test_personnummer_i_en_mening_visas_maskerat(exempel: Path) -> None:
    fil = exempel / "avvikelser/2026/2026-003.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text + "# Gäller 19900101-0017 enligt anmälan.\n", encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert "PNR001" in svar.stdout and "900101-****" in svar.stdout
    assert "0017" not in svar.stdout


@pytest.mark.parametrize(
    ("argv", "ord"),
    [
        (["kontrollera", "/finns/inte"], "finns inte"),
        (["kontrollera", str(EXEMPEL), "--per", "30/11"], "giltigt datum"),
        (["kontrollera", str(EXEMPEL), "--format", "xml"], "--format"),
        (["kontrollera", str(EXEMPEL), "--okand"], "Okänt alternativ"),
        (["kontrolera"], "Okänt kommando"),
        (["regler", "XYZ999"], "ingen regel"),
    ],
)
def test_fel_anvandning_ger_slutkod_2_pa_svenska(argv: list[str], ord: str) -> None:
    svar = kor(*argv)
    assert svar.slutkod == 2, svar
    assert ord in svar.stderr, svar
    assert "Traceback" not in svar.stderr


def test_mapp_utan_huset_ar_fel_anvandning(tmp_path: Path) -> None:
    svar = kor("kontrollera", str(tmp_path))
    assert svar.slutkod == 2
    assert "ingen huset.yaml" in svar.stderr


def test_internt_fel_ger_slutkod_3_och_sparning_bara_med_felsok(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kvalitet import kontroll

    def trasig(*_: object) -> None:
        raise ZeroDivisionError("hemligt 19121212-1212")

    monkeypatch.setattr(kontroll, "kontrollera", trasig)
    svar = kor("kontrollera", str(EXEMPEL))
    assert svar.slutkod == 3
    assert svar.stderr.startswith("Internt fel i kvalitet") and "Traceback" not in svar.stderr
    assert "hemligt" not in svar.stderr
    assert "Traceback" in kor("--felsok", "kontrollera", str(EXEMPEL)).stderr


def test_regler_listar_alla_med_svensk_beskrivning() -> None:
    from kvalitet.kontroller import REGLER

    svar = kor("regler")
    assert svar.slutkod == 0
    for id_ in REGLER:
        assert f"{id_} (" in svar.stdout
    enstaka = kor("regler", "rum002")
    assert enstaka.stdout.startswith("RUM002 (fel): Rummet saknar handlingsplan i kraft")


def test_python_m_kvalitet_fungerar() -> None:
    import subprocess
    import sys

    svar = subprocess.run(
        [sys.executable, "-m", "kvalitet", "--version"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert svar.returncode == 0 and svar.stdout.startswith("kvalitet ")


@pytest.mark.parametrize("argv", [["--help"], ["kontrollera", "--help"], ["regler", "-h"]])
def test_hjalpen_ar_pa_svenska(argv: list[str]) -> None:
    svar = kor(*argv)
    assert svar.slutkod == 0
    assert "Användning: kvalitet" in svar.stdout
    for engelska in ("Usage", "Options", "Show this message", "<bool>", "<path>", "[default"):
        assert engelska not in svar.stdout, engelska


def test_huvudhjalpens_tabell_stammer_med_kommandona() -> None:
    import importlib

    import typer

    from kvalitet.cli import KOMMANDON
    from kvalitet.cli._app import las_in

    alla = typer.Typer()
    alla.callback()(lambda: None)
    for modul in {kommando.modul for kommando in KOMMANDON.values()}:
        importlib.import_module(f"kvalitet.cli.{modul}").registrera(alla)
    registrerade = set(typer.main.get_command(alla).commands)  # type: ignore[attr-defined]
    assert registrerade == set(KOMMANDON)
    for namn in KOMMANDON:
        assert las_in(namn).name == namn
    hjalp = kor("--help").stdout
    assert all(f"  {namn} " in hjalp for namn in KOMMANDON)


def test_huvudhjalpen_utan_typer_ar_densamma_som_typers(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    from contextlib import redirect_stdout

    from kvalitet.cli import huvudhjalp
    from kvalitet.cli._app import app
    from kvalitet.cli._konsol import kor as kor_typer

    for bredd in ("80", "120"):
        monkeypatch.setenv("COLUMNS", bredd)
        ut = io.StringIO()
        with redirect_stdout(ut):
            assert kor_typer(app, ["--help"]) == 0
        assert huvudhjalp() == ut.getvalue()
    monkeypatch.setenv("COLUMNS", "60")  # smalt fönster: typer ritar och bryter raderna
    assert huvudhjalp() is None
    smal = kor("--help")
    assert smal.slutkod == 0 and "Kommandon:" in smal.stdout
