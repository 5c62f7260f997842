"""Paketet: `python -m build` ger hjul och källpaket som har allt, och hjulet fungerar ensamt.

Hjulet installeras i en ny, tom virtuell miljö (beroendena från PyPI, inget källträd på
sys.path) och kör där det en kommun gör först: init, kontrollera, arshjul starta och
kvalitetsberättelsen som HTML.
"""

from __future__ import annotations

import re
import subprocess
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from kvalitet import FORRAD, __version__
from tests.conftest import MALLAR, ROT, miljo_med, ny_miljo


def _hjul(byggt: Path) -> Path:
    (hjul,) = byggt.glob("kvalitet-*.whl")
    return hjul


def test_bygget_ger_hjul_och_kallpaket_med_versionen(byggt: Path) -> None:
    assert sorted(p.name for p in byggt.iterdir()) == [
        f"kvalitet-{__version__}-py3-none-any.whl",
        f"kvalitet-{__version__}.tar.gz",
    ]


def test_hjulet_har_mallarna_och_licensen(byggt: Path) -> None:
    with zipfile.ZipFile(_hjul(byggt)) as hjul:
        namn = set(hjul.namelist())
        metadata = hjul.read(f"kvalitet-{__version__}.dist-info/METADATA").decode()
    mallar = {
        f"kvalitet/mallar/{p.relative_to(MALLAR).as_posix()}"
        for p in MALLAR.rglob("*")
        if p.is_file()
    }
    assert mallar <= namn, sorted(mallar - namn)
    assert "kvalitet/cli/__init__.py" in namn
    assert f"kvalitet-{__version__}.dist-info/licenses/LICENSE" in namn
    assert f"Version: {__version__}\n" in metadata
    assert f"Project-URL: Källkod, {FORRAD}\n" in metadata
    # Inget som bara hör till utvecklingen.
    assert not [n for n in namn if n.startswith(("tests/", "exempel-")) or "/.kvalitet/" in n]


def test_kallpaketet_har_allt_som_testerna_och_ci_behover(byggt: Path) -> None:
    (kallpaket,) = byggt.glob("kvalitet-*.tar.gz")
    with tarfile.open(kallpaket) as tar:
        namn = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    for fil in (
        "pyproject.toml",
        "LICENSE",
        "README.md",
        "CHANGELOG.md",
        "CONTRIBUTING.md",
        "action.yml",
        "ci/gitlab/kvalitet.yml",
        ".pre-commit-hooks.yaml",
        "skript/installera",
        "skript/testa",
        "mallar/huset.yaml",
        "tests/data/yaml-test-suite/LICENSE",
        "tests/data/personnummer/list.json",
        "exempel-verksamhet/huset.yaml",
        "exempel-funktionsstod/huset.yaml",
    ):
        assert fil in namn, fil
    assert not [n for n in namn if "/cache/" in n or n.startswith((".venv", ".git/"))]


def test_versionen_star_pa_ett_stalle() -> None:
    pyproject = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in pyproject["project"]["dynamic"]
    assert pyproject["project"]["urls"]["Källkod"] == FORRAD
    # Dokumentationens exempel på version (v0.2.0, @v0.2.0, rev: v0.2.0) följer versionen.
    for fil in ("README.md", "action.yml", "ci/gitlab/kvalitet.yml", "CONTRIBUTING.md"):
        text = (ROT / fil).read_text(encoding="utf-8")
        gamla = set(re.findall(r"\bv(\d+\.\d+\.\d+)\b", text)) - {__version__}
        assert not gamla, (fil, gamla)


def test_andringsloggen_har_versionen() -> None:
    logg = (ROT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] – \d{{4}}-\d{{2}}-\d{{2}}$", logg, re.M)


@pytest.fixture(scope="module")
def installerat(byggt: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mappen med programmen i en ny miljö där bara hjulet (och beroendena) är installerat."""
    return ny_miljo(tmp_path_factory.mktemp("hjulmiljo") / "env", str(_hjul(byggt)))


def _kor(program: Path, *argument: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *argument],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=miljo_med(program.parent),
        check=False,
    )


def test_hjulet_i_en_tom_miljo_kor_en_kommuns_forsta_steg(
    installerat: Path, tmp_path: Path
) -> None:
    kod = "import kvalitet, kvalitet.mallar as m; print(kvalitet.__file__); print(m.mallmapp())"
    svar = _kor(installerat / "python", "-c", kod, cwd=tmp_path)
    assert svar.returncode == 0, svar.stderr
    paket, mallmapp = svar.stdout.splitlines()
    miljon = installerat.parent
    assert Path(paket).is_relative_to(miljon) and not Path(paket).is_relative_to(ROT), paket
    assert Path(mallmapp) == Path(paket).parent / "mallar"

    steg = [
        ("init", "ifo", "--organisation", "Testkommun", "--kommunkod", "2401",
         "--infort", "2026-01-01"),
        ("kontrollera", "ifo", "--per", "2026-01-15"),
        ("arshjul", "starta", "processer", "-C", "ifo", "--ar", "2026", "--datum", "2026-02-10"),
        ("kontrollera", "ifo", "--per", "2026-01-15"),
        ("rapport", "kvalitetsberattelse", "-C", "ifo", "--ar", "2026", "--per", "2026-01-15",
         "--format", "html", "--ut", "berattelse.html"),
    ]  # fmt: skip
    for argument in steg:
        svar = _kor(installerat / "kvalitet", *argument, cwd=tmp_path)
        assert svar.returncode == 0, (argument, svar.stdout, svar.stderr)
    assert (tmp_path / "ifo" / "arshjul" / "2026" / "processer.yaml").is_file()
    html = (tmp_path / "berattelse.html").read_text(encoding="utf-8")
    assert "<svg" in html and "Testkommun" in html


def test_hjulets_version_och_hjalp(installerat: Path, tmp_path: Path) -> None:
    kvalitet = installerat / "kvalitet"
    assert _kor(kvalitet, "--version", cwd=tmp_path).stdout == f"kvalitet {__version__}\n"
    assert "Kommandon:" in _kor(kvalitet, "--help", cwd=tmp_path).stdout
