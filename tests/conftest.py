"""Gemensamma hjälpmedel för testerna."""

from __future__ import annotations

import io
import shutil
import textwrap
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from kvalitet.cli import main

ROT = Path(__file__).resolve().parents[1]
EXEMPEL = ROT / "exempel-verksamhet"
MALLAR = ROT / "mallar"
DELAT = ROT.parent / "shared"
PER = "2026-11-30"


@dataclass
class Korning:
    """Resultatet av ett CLI-anrop."""

    slutkod: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"slutkod {self.slutkod}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


def kor(*argv: str) -> Korning:
    """Kör kvalitet i samma process genom main(), med felhantering och slutkoder.

    (typer:s CliRunner anropar appen förbi main() och därmed förbi felhanteringen.)
    """
    ut, fel = io.StringIO(), io.StringIO()
    with redirect_stdout(ut), redirect_stderr(fel):
        slutkod = main(list(argv))
    return Korning(slutkod, ut.getvalue(), fel.getvalue())


def bygg_tradet(rot: Path, filer: dict[str, str]) -> Path:
    """Skriv filer (med indrag borttaget) under rot."""
    for namn, text in filer.items():
        sokvag = rot / namn
        sokvag.parent.mkdir(parents=True, exist_ok=True)
        sokvag.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return rot


@pytest.fixture
def exempel(tmp_path: Path) -> Path:
    """En kopia av exempel-verksamhet/ att ändra i."""
    kopia = tmp_path / "verksamhet"
    shutil.copytree(EXEMPEL, kopia)
    return kopia


@pytest.fixture(autouse=True)
def _isolerad_git(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    config = tmp_path_factory.mktemp("git") / "gitconfig"
    config.write_text("[user]\n\tname = Test\n\temail = test@example.invalid\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    yield
