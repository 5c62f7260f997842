"""Rapporterna för exempel-verksamheten vid ett fast datum, jämförda med tests/golden/.

Ändras en rapport med avsikt: kör `skript/testa --uppdatera-golden`, granska diffen i
tests/golden/ och checka in den. Utan flaggan skrivs aldrig något där.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kvalitet import __version__
from tests.conftest import EXEMPEL, PER, kor

GOLDEN = Path(__file__).parent / "golden"

FALL = [
    ("kvalitetsberattelse", (), "html"),
    ("kvalitetsberattelse", (), "md"),
    ("avvikelser", (), "md"),
    ("handlingsplan", (), "md"),
    ("ataganden", (), "html"),
    ("arshjul", (), "md"),
    ("rum", ("processer",), "html"),
    ("riskanalyser", (), "md"),
    ("egenkontroll", (), "html"),
]


@pytest.mark.parametrize(("namn", "argument", "ending"), FALL)
def test_rapporten_ar_som_den_godkanda(
    tmp_path: Path, uppdatera_golden: bool, namn: str, argument: tuple[str, ...], ending: str
) -> None:
    ut = tmp_path / "ut" / f"{namn}{'-' + argument[0] if argument else ''}-2026.{ending}"
    svar = kor(
        "rapport",
        namn,
        *argument,
        "-C",
        str(EXEMPEL),
        "--ar",
        "2026",
        "--per",
        PER,
        "--format",
        ending,
        "--ut",
        str(ut),
    )
    assert svar.slutkod == 0, svar
    skrivna = sorted(ut.parent.iterdir())
    assert ut in skrivna
    for fil in skrivna:
        forvantad = GOLDEN / fil.name
        version = f"kvalitet {__version__}"
        text = fil.read_text(encoding="utf-8").replace(version, "kvalitet VERSION")
        if uppdatera_golden:
            forvantad.write_text(text, encoding="utf-8")
            continue
        assert forvantad.is_file(), f"{forvantad} saknas: kör med --uppdatera-golden"
        assert text == forvantad.read_text(encoding="utf-8"), (
            f"{fil.name} skiljer sig från tests/golden/; kör med --uppdatera-golden om"
            " ändringen är avsiktlig"
        )
