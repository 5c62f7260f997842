"""CI kör README:s snabbstart ordagrant, i en klon som inte har något bredvid sig."""

from __future__ import annotations

import re

from tests.conftest import ROT

CI = (ROT / ".ci" / "run").read_text(encoding="utf-8")


def _snabbstart() -> list[str]:
    readme = (ROT / "README.md").read_text(encoding="utf-8")
    avsnitt = readme.split("## Snabbstart", 1)[1].split("\n## ", 1)[0]
    return [
        rad for block in re.findall(r"```sh\n(.*?)```", avsnitt, re.S) for rad in block.splitlines()
    ]


def test_snabbstarten_har_tva_kommandon_exemplet_och_testerna() -> None:
    exemplet, testerna = _snabbstart()
    assert "kvalitet kontrollera exempel-verksamhet" in exemplet
    assert testerna.endswith("skript/testa")


def test_ci_kor_snabbstartens_kommandon_ordagrant_i_en_ny_klon() -> None:
    rader = CI.splitlines()
    klonen = next(i for i, rad in enumerate(rader) if rad.startswith("git clone"))
    for kommando in _snabbstart():
        assert kommando in rader[klonen:], kommando
    assert 'cd "$tillfallig/kvalitet"' in rader[klonen:]


def test_ci_anvander_debians_python() -> None:
    assert 'export PATH="/usr/bin:$PATH"' in CI


def test_ci_installerar_det_en_ny_maskin_saknar() -> None:
    for paket in ("chromium", "chromium-driver", "npm"):
        assert re.search(rf"apt_installera [^\n]*\b{re.escape(paket)}\b", CI), paket
    # PDF:erna (WeasyPrint), Word-figurerna (Cairo) och testet som ritar en sida; de prövas
    # med dpkg först.
    paketen = ("libpango-1.0-0", "libpangoft2-1.0-0", "libcairo2", "fonts-dejavu-core",
               "poppler-utils")  # fmt: skip
    for paket in paketen:
        assert re.search(rf"for paket in [^\n]*\b{re.escape(paket)}\b", CI), paket
    # axe-core installeras i klonen, före testerna.
    rader = CI.splitlines()
    axe = next(i for i, rad in enumerate(rader) if "axe-core@4" in rad and "npm install" in rad)
    klonen = next(i for i, rad in enumerate(rader) if rad.startswith("git clone"))
    testerna = next(i for i, rad in enumerate(rader) if rad.endswith("skript/testa"))
    assert klonen < axe < testerna
