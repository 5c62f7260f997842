"""Datadrivna fall: trasiga verksamheter under tests/fall/ och deras förväntade fynd."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import PER, kor

FALL = sorted(p for p in (Path(__file__).parent / "fall").iterdir() if p.is_dir())
EXTRA = {"forvantat.txt", "ta_bort.txt"}


@pytest.mark.parametrize("fall", FALL, ids=[p.name for p in FALL])
def test_fall(liten: Path, fall: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for fil in fall.rglob("*"):
        if fil.is_file() and fil.name not in EXTRA:
            mal = liten / fil.relative_to(fall)
            mal.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fil, mal)
    ta_bort = fall / "ta_bort.txt"
    for rad in ta_bort.read_text(encoding="utf-8").split() if ta_bort.exists() else []:
        (liten / rad).unlink()
    monkeypatch.chdir(liten)
    svar = kor("kontrollera", "--per", PER)
    faktiska = sorted(
        " ".join(rad.split(" ")[:3])
        for rad in svar.stdout.splitlines()
        if re.match(r"[^ ]+:\d+:\d+: ", rad)
    )
    forvantade = sorted((fall / "forvantat.txt").read_text(encoding="utf-8").splitlines())
    assert faktiska == forvantade, svar
    assert svar.slutkod == (1 if any(" fel " in f for f in forvantade) else 0)
