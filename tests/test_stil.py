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


def test_hjalpen_laddar_inga_tunga_bibliotek() -> None:
    kod = (
        "import sys\n"
        "from kvalitet.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "tunga = [m for m in ('pydantic', 'ruamel.yaml', 'jinja2', 'git') if m in sys.modules]\n"
        "print('TUNGA:' + ','.join(tunga))\n"
    )
    svar = subprocess.run(
        [sys.executable, "-c", kod],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    assert "TUNGA:\n" in svar.stdout, svar.stdout
