"""Indikatorernas utfall per tertial och år, och trenden i rapporterna (issue 16.8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvalitet import trender
from kvalitet.modell.ataganden import Indikator
from kvalitet.verksamhet import ladda
from tests.conftest import PER, kor

ATAGANDEN = "ataganden/2026.yaml"


def _indikator(mapp: Path, namn: str, ar: int = 2026) -> Indikator:
    v = ladda(mapp)
    return next(
        i
        for _, fil in v.ataganden
        if fil.år == ar
        for a in fil.åtaganden
        for i in a.indikatorer
        if i.namn == namn
    )


@pytest.mark.parametrize(
    ("data", "trend"),
    [
        ({"utfall": 34, "tidigare_år": {2025: 27}}, "förbättring"),
        ({"utfall": 20, "tidigare_år": {2025: 27}}, "försämring"),
        ({"utfall": 20, "riktning": "lägre", "tidigare_år": {2025: 27}}, "förbättring"),
        ({"utfall": 27, "tidigare_år": {2025: 27}}, "oförändrad"),
        ({"tertial": [{"tertial": 2, "utfall": 9}, {"tertial": 1, "utfall": 7}]}, "förbättring"),
        ({"utfall": 30, "tertial": [{"tertial": 1, "utfall": 20}]}, None),
        ({"utfall": 30}, None),
        ({"tidigare_år": {2027: 5}, "utfall": 4}, None),  # ett senare år räknas inte
    ],
)
def test_trenden_jamfor_med_aret_innan_i_indikatorns_riktning(
    exempel: Path, data: dict[str, object], trend: str | None
) -> None:
    v = ladda(exempel)
    assert trender.serie(v, 2026, Indikator.model_validate({"namn": "x", **data})).trend == trend


def test_serien_har_tidigare_ar_tertial_och_aret(exempel: Path) -> None:
    namn = "Antal taxiresor i tjänsten"
    serie = trender.serie(ladda(exempel), 2026, _indikator(exempel, namn))
    assert [(p.etikett, p.varde) for p in serie.punkter] == [
        ("2024", 231),
        ("2025", 204),
        ("T1 2026", 61),
        ("T2 2026", 52),
        ("2026", 158),
    ]
    assert serie.trend == "förbättring"  # färre taxiresor är bättre


def test_ett_tidigare_ars_fil_ger_det_arets_utfall(exempel: Path) -> None:
    namn = "Andel brukare som anser att de blir bemötta med respekt"
    text = (exempel / ATAGANDEN).read_text(encoding="utf-8")
    tidigare = text.replace("år: 2026", "år: 2025", 1).replace("utfall: 84", "utfall: 79", 1)
    (exempel / "ataganden/2025.yaml").write_text(tidigare, encoding="utf-8")
    v = ladda(exempel)
    # Filen för 2025 går före tidigare_år (86), och trenden blir en förbättring.
    assert trender.tidigare_ar(v, 2026, _indikator(exempel, namn)) == {2024: 81, 2025: 79}
    assert trender.serie(v, 2026, _indikator(exempel, namn)).trend == "förbättring"


def test_ett_tertial_utanfor_1_till_3_ar_fel(exempel: Path) -> None:
    fil = exempel / ATAGANDEN
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace("- tertial: 2", "- tertial: 4", 1), encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1 and "SCH001" in svar.stdout, svar


@pytest.mark.parametrize("rapport", ["kvalitetsberattelse", "ataganden"])
def test_rapporterna_visar_trenden(exempel: Path, tmp_path: Path, rapport: str) -> None:
    ut = tmp_path / f"{rapport}.html"
    argument = ["-C", str(exempel), "--per", PER, "--format", "html", "--ut", str(ut)]
    assert kor("rapport", rapport, *argument).slutkod == 0
    text = ut.read_text(encoding="utf-8")
    assert '<th scope="col">Trend</th>' in text
    assert (
        "Utvecklingen för ”Andel brukare som anser att de blir bemötta med respekt”:"
        " 2024: 81 · 2025: 86 · 2026: 84 (försämring mot året innan)."
    ) in text
    assert "10 åtaganden 2026 för Vuxenenheten (socialpsykiatri)" in text
