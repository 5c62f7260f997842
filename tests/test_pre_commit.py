"""pre-commit: krokarna i .pre-commit-hooks.yaml installeras och körs ur det här förrådet.

`pre-commit try-repo` gör det som `repos:` i en kommuns .pre-commit-config.yaml gör:
klonar kvalitets förråd, installerar kvalitet i en egen miljö (beroendena från PyPI) och
kör krokarna, här på en verksamhet där en åtgärd är försenad (en varning).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from kvalitet import yamlio
from tests.conftest import PIP_CACHE, ROT, kor


def test_krokarna_ar_kontrollen_och_den_stranga_kontrollen() -> None:
    krokar = yamlio.las((ROT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(krokar, list)
    assert {k["id"]: k["entry"] for k in krokar} == {
        "kvalitet-kontrollera": "kvalitet kontrollera",
        "kvalitet-kontrollera-strikt": "kvalitet kontrollera --strikt",
    }
    assert all(k["language"] == "python" and k["pass_filenames"] is False for k in krokar)


def test_try_repo_kor_krokarna_pa_en_verksamhet(tmp_path: Path) -> None:
    # Krokarna bedömer per i dag (de tar inget --per), så datumen räknas från i dag: årshjulet
    # införs i dag (inget rum är sent), och en session har en åtgärd som är en månad sen.
    idag = date.today()
    mapp = tmp_path / "v"
    assert (
        kor("init", str(mapp), "--organisation", "Testkommun", "--kommunkod", "2401").slutkod == 0
    )
    startad = kor(
        "arshjul",
        "starta",
        "processer",
        "-C",
        str(mapp),
        "--ar",
        str(idag.year),
        "--fore-inforandet",
    )
    assert startad.slutkod == 0, startad
    session = mapp / "arshjul" / str(idag.year) / "processer.yaml"
    text = session.read_text(encoding="utf-8")
    session.write_text(
        text.replace(
            "handlingsplan: []",
            "handlingsplan:\n  - id: A1\n    åtgärd: Uppdatera rutinen\n    ansvarig: enhetschef\n"
            f"    klart_senast: {idag - timedelta(days=30)}\n"
            f"    uppföljning: {idag + timedelta(days=30)}\n    status: pågår",
        ),
        encoding="utf-8",
    )
    svar = subprocess.run(
        [
            sys.executable,
            "-m",
            "pre_commit",
            "try-repo",
            str(_arbetstradet(tmp_path)),
            "--all-files",
            "--color=never",
        ],
        cwd=mapp,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={
            **_utan_venv(),
            "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"),
            "PIP_CACHE_DIR": PIP_CACHE,
        },
        check=False,
    )
    utdata = svar.stdout + svar.stderr
    assert svar.returncode == 1, utdata
    rader = {
        rad.split(".", 1)[0]: rad
        for rad in utdata.splitlines()
        if rad.endswith(("Passed", "Failed"))
    }
    assert rader["Kontrollera ledningssystemet (kvalitet)"].endswith("Passed"), utdata
    assert rader["Kontrollera ledningssystemet strikt (kvalitet)"].endswith("Failed"), utdata
    assert "varning ATG001" in utdata


def _arbetstradet(tmp_path: Path) -> Path:
    """kvalitets arbetsträd som det är nu, med nya filer som inte är incheckade än, i ett
    eget förråd (try-repo tar bara med ändringar i filer som git redan känner)."""
    kopia = tmp_path / "kvalitet"
    filer = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for namn in filter(None, filer):
        if (ROT / namn).is_file():
            (kopia / namn).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROT / namn, kopia / namn)
    for argument in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "kvalitet"]):
        subprocess.run(["git", *argument], cwd=kopia, check=True)
    return kopia


def _utan_venv() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
