"""Komplettering med tabb: skripten för bash, zsh och fish, installationen och svaren.

Svaren prövas som skalet ber om dem (kvalitet startas med `_KVALITET_COMPLETE` satt), och
bash-skriptet körs i en riktig bash.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXEMPEL, kor

RUMMEN = ["processer", "samverkan", "trygghet", "forhallningssatt", "kompetens", "omvarld"]


@pytest.mark.parametrize(
    ("skal", "rad"),
    [
        ("bash", "complete -o default -F _kvalitet_completion kvalitet"),
        ("zsh", "#compdef kvalitet"),
        ("fish", "complete --command kvalitet --no-files"),
    ],
)
def test_skriptet_for_varje_skal(skal: str, rad: str) -> None:
    svar = kor("komplettering", skal)
    assert svar.slutkod == 0, svar
    assert rad in svar.stdout
    assert "_KVALITET_COMPLETE=complete_" in svar.stdout


def test_skalet_tas_ur_shell(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHELL", "/usr/bin/zsh")
    assert "#compdef kvalitet" in kor("komplettering").stdout


@pytest.mark.parametrize("skal", ["/bin/sh", ""])
def test_okant_skal_ger_ett_svenskt_fel(monkeypatch: pytest.MonkeyPatch, skal: str) -> None:
    monkeypatch.setenv("SHELL", skal)
    svar = kor("komplettering")
    assert svar.slutkod == 2, svar
    assert "Kunde inte avgöra vilket skal" in svar.stderr
    assert "kvalitet komplettering bash" in svar.stderr


def test_skal_som_inte_stods(monkeypatch: pytest.MonkeyPatch) -> None:
    svar = kor("komplettering", "powershell")
    assert svar.slutkod == 2, svar
    assert "välj bash, zsh, fish" in svar.stderr


@pytest.fixture
def hem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    return tmp_path


@pytest.mark.parametrize(
    ("skal", "plats"),
    [
        ("bash", ".local/share/bash-completion/completions/kvalitet"),
        ("zsh", ".zfunc/_kvalitet"),
        ("fish", ".config/fish/completions/kvalitet.fish"),
    ],
)
def test_installera_lagger_skriptet_dar_skalet_laser_det(hem: Path, skal: str, plats: str) -> None:
    svar = kor("komplettering", skal, "--installera")
    assert svar.slutkod == 0, svar
    assert f"Installerade kompletteringen för {skal} i {hem / plats}." in svar.stdout
    assert (hem / plats).read_text(encoding="utf-8") == kor("komplettering", skal).stdout
    # En gång till: samma fil, ingen ändring.
    fore = (hem / plats).stat().st_mtime_ns
    assert kor("komplettering", skal, "--installera").slutkod == 0
    assert (hem / plats).stat().st_mtime_ns == fore


def test_installera_skriver_aldrig_over_en_egen_fil(hem: Path) -> None:
    egen = hem / ".zfunc" / "_kvalitet"
    egen.parent.mkdir()
    egen.write_text("# min egen komplettering\n", encoding="utf-8")
    svar = kor("komplettering", "zsh", "--installera")
    assert svar.slutkod == 2, svar
    assert "finns redan och är inte kvalitets komplettering" in svar.stderr
    assert egen.read_text(encoding="utf-8") == "# min egen komplettering\n"


def test_installera_foljer_xdg(hem: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(hem / "inst"))
    assert kor("komplettering", "fish", "--installera").slutkod == 0
    assert (hem / "inst" / "fish" / "completions" / "kvalitet.fish").is_file()


# Svaren till skalet.


def _svar(cwd: Path, **miljo: str) -> list[str]:
    korning = subprocess.run(
        [sys.executable, "-m", "kvalitet"],
        cwd=cwd,
        env={**os.environ, **miljo},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert korning.returncode == 0, korning.stderr
    assert korning.stderr == ""
    return [rad for rad in korning.stdout.splitlines() if rad]


def _bash(cwd: Path, rad: str) -> list[str]:
    ord_ = rad.split(" ")
    return _svar(
        cwd, _KVALITET_COMPLETE="complete_bash", COMP_WORDS=rad, COMP_CWORD=str(len(ord_) - 1)
    )


def test_kommandon_och_alternativ(tmp_path: Path) -> None:
    assert _bash(tmp_path, "kvalitet ar") == ["arshjul"]
    assert "komplettering" in _bash(tmp_path, "kvalitet ")
    assert _bash(tmp_path, "kvalitet kontrollera --st") == ["--strikt"]
    assert _bash(tmp_path, "kvalitet arshjul s") == ["starta"]


def test_husets_rum_i_verksamheten_och_med_c() -> None:
    assert _bash(EXEMPEL, "kvalitet arshjul starta ") == RUMMEN
    assert _bash(EXEMPEL, "kvalitet handlingsplan --rum tr") == ["trygghet"]
    assert _bash(EXEMPEL / "rum", "kvalitet rapport rum k") == ["kompetens"]  # en mapp ovanför
    annan = EXEMPEL.parent / "tests"
    assert _bash(annan, f"kvalitet arshjul avsluta -C {EXEMPEL} om") == ["omvarld"]


def test_inga_rum_utan_hus_och_inget_fel(tmp_path: Path) -> None:
    assert _bash(tmp_path, "kvalitet arshjul starta ") == []
    (tmp_path / "huset.yaml").write_text("rum: [trasig\n", encoding="utf-8")
    assert _bash(tmp_path, "kvalitet arshjul starta ") == []


def test_zsh_och_fish_far_svenska_hjalptexter() -> None:
    zsh = _svar(
        EXEMPEL, _KVALITET_COMPLETE="complete_zsh", _TYPER_COMPLETE_ARGS="kvalitet arshjul starta t"
    )
    assert zsh == ['_arguments \'*: :(("trygghet":"Trygghet och säkerhet"))\'']
    fish = _svar(
        EXEMPEL,
        _KVALITET_COMPLETE="complete_fish",
        _TYPER_COMPLETE_FISH_ACTION="get-args",
        _TYPER_COMPLETE_ARGS="kvalitet kontrollera --f",
    )
    # En rad per förslag, också när hjälptexten är längre än terminalen är bred.
    assert fish == [
        "--format\ttext, json, github (annoteringar i GitHub Actions) eller gitlab (Code"
        " Quality-rapport)."
    ]


def test_bash_skriptet_i_en_riktig_bash() -> None:
    skript = kor("komplettering", "bash").stdout
    program = Path(sys.executable).parent
    assert (program / "kvalitet").is_file(), "kvalitet ska vara installerat bredvid python"
    svar = subprocess.run(
        [
            "bash",
            "--norc",
            "-c",
            f"{skript}\nCOMP_WORDS=(kvalitet arshjul starta f); COMP_CWORD=3\n"
            '_kvalitet_completion kvalitet\nprintf "%s\\n" "${COMPREPLY[@]}"',
        ],
        cwd=EXEMPEL,
        env={**os.environ, "PATH": f"{program}{os.pathsep}{os.environ['PATH']}"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert svar.returncode == 0, svar.stderr
    assert svar.stdout.splitlines() == ["forhallningssatt"]
