"""skript/installera: den virtuella miljön med systemets Python, också utan ensurepip och pip.

Skriptet läses in som en modul med miljön i en tillfällig mapp. Vägarna när ensurepip
saknas (Debian utan python3-venv) och när också pip saknas (pip hämtas från PyPI) prövas
med riktiga installationer av pip i nya miljöer.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import PIP_CACHE, ROT


@pytest.fixture
def skriptet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    laddare = importlib.machinery.SourceFileLoader("installera", str(ROT / "skript" / "installera"))
    spec = importlib.util.spec_from_loader("installera", laddare)
    assert spec is not None
    modul = importlib.util.module_from_spec(spec)
    laddare.exec_module(modul)
    miljo = tmp_path / ".venv"
    monkeypatch.setattr(modul, "MILJO", miljo)
    monkeypatch.setattr(modul, "BIN", miljo / "bin")
    monkeypatch.setattr(modul, "STAMPEL", miljo / ".kvalitet-installerad")
    monkeypatch.setenv("PIP_CACHE_DIR", PIP_CACHE)
    return modul


def _utan(modul: ModuleType, monkeypatch: pytest.MonkeyPatch, *saknas: str) -> list[str]:
    # ensurepip och/eller pip ”saknas”: försöken att använda dem misslyckas.
    forsok: list[str] = []
    tyst = modul._kor_tyst

    def kor_tyst(argument: list[Any]) -> bool:
        namn = "ensurepip" if "ensurepip" in argument else "pip"
        forsok.append(namn)
        return False if namn in saknas else bool(tyst(argument))

    monkeypatch.setattr(modul, "_kor_tyst", kor_tyst)
    return forsok


def _pip_fungerar(modul: ModuleType) -> None:
    svar = subprocess.run(
        [str(modul.BIN / "python"), "-m", "pip", "--version"], capture_output=True, check=False
    )
    assert svar.returncode == 0, svar.stderr


def test_utan_ensurepip_installerar_systemets_pip_pip_i_miljon(
    skriptet: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    forsok = _utan(skriptet, monkeypatch, "ensurepip")
    skriptet._skapa(skriptet.BIN / "python")
    assert forsok == ["ensurepip", "pip"]
    _pip_fungerar(skriptet)


def test_utan_ensurepip_och_pip_hamtas_pip_fran_pypi(
    skriptet: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    forsok = _utan(skriptet, monkeypatch, "ensurepip", "pip")
    skriptet._skapa(skriptet.BIN / "python")
    assert forsok == ["ensurepip", "pip"]
    assert "hämtar pip från PyPI" in capsys.readouterr().out
    _pip_fungerar(skriptet)


def test_miljon_installeras_en_gang_per_pyproject(
    skriptet: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    installationer: list[list[Any]] = []
    monkeypatch.setattr(skriptet, "_kor", installationer.append)
    monkeypatch.setattr(skriptet, "_fungerar", lambda python: True)
    skriptet.MILJO.mkdir()
    assert skriptet.main([]) == 0
    assert skriptet.main([]) == 0
    assert len(installationer) == 1
    assert installationer[0][-1] == f"{ROT}[test]"
    assert "är redan installerad" in capsys.readouterr().out
    assert skriptet.main(["--utan-test"]) == 0  # utan testverktygen: en ny installation
    assert installationer[-1][-1] == str(ROT)


def test_for_gammal_python_ger_ett_svenskt_besked(
    skriptet: ModuleType, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "version_info", (3, 10, 12, "final", 0))
    assert skriptet.main([]) == 1
    assert "kräver Python 3.11 eller senare" in capsys.readouterr().err
    assert not skriptet.MILJO.exists()
