"""Rapporterna och meddelandena på riktig svenska: ”1 risk”, inte ”1 risker”, och mallens
platshållare syns aldrig utan ett fynd (issue 14.3)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import EXEMPEL, MALLAR, PER, ROT, kor

# Substantiv vars flertal skiljer sig från entalet (”rum”, ”mål” och ”steg” gör inte det).
FLERTAL = (
    "riskanalyser", "risker", "kontroller", "brister", "åtgärder", "avvikelser", "poster",
    "sessioner", "analyser", "dagar", "ärenden", "verksamheter", "varningar", "filer",
    "indikatorer", "åtaganden", "aktiviteter", "synpunkter", "frågor", "enheter", "månader",
    "regler", "processer", "kontrollmomenten", "personer", "rader",
)  # fmt: skip
ETT_FLERTAL = re.compile(rf"(?<![\d,.])\b1 ({'|'.join(FLERTAL)})\b")


def test_mallarna_satter_aldrig_ett_tal_direkt_framfor_ett_flertal() -> None:
    # {{ n }} risker blir ”1 risker”; talet ska gå genom filtret antal.
    monster = re.compile(rf"\}}\}}\s+({'|'.join(FLERTAL)})\b")
    traffar = [
        f"{fil.name}: {m.group(0)}"
        for fil in sorted((MALLAR / "rapporter").glob("*.j2"))
        for m in monster.finditer(fil.read_text(encoding="utf-8"))
    ]
    assert traffar == []


def test_koden_satter_aldrig_ett_tal_direkt_framfor_ett_flertal() -> None:
    monster = re.compile(rf"\{{[^{{}}]*\}} ({'|'.join(FLERTAL)})\b")
    traffar = [
        f"{fil.relative_to(ROT)}:{nr}: {rad.strip()}"
        for fil in sorted((ROT / "src").rglob("*.py"))
        for nr, rad in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1)
        if monster.search(rad) and "antal(" not in rad
    ]
    assert traffar == []


RAPPORTER = [
    ("kvalitetsberattelse",),
    ("rum", "processer"),
    ("handlingsplan",),
    ("avvikelser",),
    ("ataganden",),
    ("arshjul",),
    ("riskanalyser",),
    ("egenkontroll",),
]


@pytest.fixture(scope="module")
def ny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mapp = tmp_path_factory.mktemp("ny") / "ifo"
    argument = ("--organisation", "Testkommun", "--kommunkod", "2401", "--infort", "2026-01-01")
    assert kor("init", str(mapp), *argument).slutkod == 0
    return mapp


@pytest.mark.parametrize("rapport", RAPPORTER, ids=lambda r: r[0])
@pytest.mark.parametrize("ending", ["md", "html"])
@pytest.mark.parametrize("vilken", ["exempel", "funktionsstod", "ny"])
def test_rapporterna_har_inget_ett_med_flertal_och_inga_dolda_platshallare(
    ny: Path, tmp_path: Path, rapport: tuple[str, ...], ending: str, vilken: str
) -> None:
    mapp = {"exempel": EXEMPEL, "funktionsstod": ROT / "exempel-funktionsstod", "ny": ny}[vilken]
    ut = tmp_path / f"rapport.{ending}"
    svar = kor("rapport", *rapport, "-C", str(mapp), "--ar", "2026", "--per", PER,
               "--format", ending, "--ut", str(ut))  # fmt: skip
    assert svar.slutkod == 0, svar
    text = ut.read_text(encoding="utf-8")
    assert ETT_FLERTAL.findall(re.sub(r"<[^>]+>", " ", text)) == []
    if "FYLL I:" in text:
        kontroll = kor("kontrollera", str(mapp), "--per", PER)
        assert " MAL001 " in kontroll.stdout, kontroll


def test_meddelanden_med_ett() -> None:
    from kvalitet.svenska import antal

    assert antal(1, "risk", "risker") == "1 risk"
    assert antal(2, "risk", "risker") == "2 risker"
    assert antal(0, "risk", "risker") == "0 risker"
