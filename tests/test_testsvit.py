"""Varje indata i YAML-testsviten, placerad som ett dokument, ger slutkod 1 och ett fynd.

Sviten (tests/data/yaml-test-suite) har både giltiga (.ok) och ogiltiga
(.fel) YAML-filer. Ingen av dem är ett giltigt kvalitet-dokument, så varje fil ska
ge fel, nämnas vid namn, och aldrig ge en spårning eller hänga.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA, PER, kor

FILER = sorted((DATA / "yaml-test-suite").glob("*.yaml"))


def test_sviten_finns() -> None:
    assert len(FILER) > 350


@pytest.mark.parametrize("fil", FILER, ids=[f.name for f in FILER])
def test_indata_ger_fel_med_filnamn(liten: Path, fil: Path) -> None:
    mal = liten / "avvikelser" / "2026" / fil.name
    mal.parent.mkdir(parents=True)
    shutil.copyfile(fil, mal)
    svar = kor("kontrollera", str(liten), "--per", PER)
    assert svar.slutkod == 1, svar
    rader = [rad for rad in svar.stdout.splitlines() if f"avvikelser/2026/{fil.name}:" in rad]
    assert any(": fel " in rad for rad in rader), svar
    assert "Traceback" not in svar.stdout + svar.stderr
    assert "Internt fel" not in svar.stderr
