"""Testerna bär sig själva: inget test läser något utanför förrådet.

En kommuns eller en ny utvecklares klon har ingenting bredvid sig. conftest.py vaktar
varje test med Pythons granskningskrok (en öppnad fil eller en listad mapp bredvid
förrådet underkänner testet); här prövas att vakten fungerar, och att ingen testfil
ens nämner en väg ut ur förrådet.
"""

from __future__ import annotations

import contextlib
import re

from tests import conftest
from tests.conftest import DATA, ROT


def test_vakten_ser_en_fil_bredvid_forradet() -> None:
    # En påhittad granne: vakten ska se försöket, vare sig mappen finns eller inte.
    mapp = ROT.parent / "grannmapp-som-inte-finns"
    granne = mapp / "data.json"
    with contextlib.suppress(OSError):
        granne.read_bytes()
    with contextlib.suppress(OSError):
        list(mapp.iterdir())
    with contextlib.suppress(OSError):
        (ROT.parent / ".gitconfig").read_bytes()  # inställningar, om förrådet ligger i ~
    sett = list(conftest.UTANFOR)
    conftest.UTANFOR.clear()  # annars underkänns det här testet av vakten
    assert sett == [str(granne), str(mapp)]


def test_vakten_slapper_igenom_forradet_och_tillfalliga_filer(tmp_path) -> None:
    (ROT / "README.md").read_bytes()
    (tmp_path / "a").write_text("a", encoding="utf-8")
    list(DATA.iterdir())
    assert conftest.UTANFOR == []


def test_ingen_testfil_pekar_ut_ur_forradet() -> None:
    # Vägar som lämnar förrådet: den delade mappen, ”..” och förälderns förälder.
    utvag = re.compile(
        r"""["']\.\./\w|/ ?["']\.\.["']|["']shared["']|/shared/|parents\[[2-9]\]|\.parent\.parent"""
    )
    traffar = [
        f"{fil.relative_to(ROT)}:{nr}: {rad.strip()}"
        for fil in sorted((ROT / "tests").glob("*.py"))
        if fil.name != "test_fristaende.py"
        for nr, rad in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1)
        if utvag.search(rad)
    ]
    assert traffar == []


def test_testdatan_har_ursprung_och_licens() -> None:
    for mapp in (p for p in DATA.iterdir() if p.is_dir()):
        assert (mapp / "README.md").is_file(), mapp
    for namn in ("yaml-test-suite", "personnummer"):
        assert "MIT License" in (DATA / namn / "LICENSE").read_text(encoding="utf-8")
