"""Strukturen som STYLE.md kräver: tunn CLI, tunga bibliotek bara där de hör hemma."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PAKET = Path(__file__).resolve().parents[1] / "src" / "kvalitet"


def test_typer_importeras_bara_i_cli() -> None:
    utanfor = [
        fil.relative_to(PAKET).as_posix()
        for fil in PAKET.rglob("*.py")
        if "cli" not in fil.relative_to(PAKET).parts
        and "import typer" in fil.read_text(encoding="utf-8")
    ]
    assert utanfor == []


def _moduler_efter(argv: list[str]) -> list[str]:
    """Modulerna som är inlästa efter att kvalitet körts med argumenten (i en ny process)."""
    kod = (
        "import sys\n"
        "from kvalitet.cli import main\n"
        f"main({argv!r})\n"
        "print('MODULER:' + ','.join(sorted(sys.modules)))\n"
    )
    svar = subprocess.run(
        [sys.executable, "-c", kod], capture_output=True, text=True, check=True, encoding="utf-8"
    )
    return svar.stdout.split("MODULER:", 1)[1].strip().split(",")


def test_hjalpen_laddar_varken_typer_tunga_bibliotek_eller_kommandon() -> None:
    moduler = _moduler_efter(["--help"])
    tunga = [
        m for m in ("typer", "pydantic", "ruamel.yaml", "jinja2", "git", "rich") if m in moduler
    ]
    assert tunga == []
    kommandon = [m for m in moduler if m.startswith("kvalitet.cli.") and m.count(".") == 2]
    assert set(kommandon) <= {"kvalitet.cli._app", "kvalitet.cli._konsol"}, kommandon


def test_versionen_laddar_inte_ens_typer() -> None:
    assert "typer" not in _moduler_efter(["--version"])


def test_ett_kommando_laddar_bara_sin_egen_modul() -> None:
    moduler = _moduler_efter(["regler", "--help"])
    assert "kvalitet.cli.regler" in moduler
    assert "kvalitet.cli.kontrollera" not in moduler
