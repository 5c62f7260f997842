"""README:s exempel och regeltabell följer programmet, så att de inte kan glida isär (14.9)."""

from __future__ import annotations

import re

import pytest

from kvalitet.kontroller import REGLER
from tests.conftest import ROT, kor

README = (ROT / "README.md").read_text(encoding="utf-8")


def _exempel(kommando: str) -> str:
    """Utdata som README visar efter `$ kommando` (fram till nästa $ eller kodblockets slut)."""
    start = README.index(f"$ {kommando}\n") + len(kommando) + 3
    slut = min(i for i in (README.find("\n$ ", start), README.find("\n```", start)) if i != -1)
    return README[start:slut] + "\n"


def test_kontrollens_exempel_ar_som_programmet_skriver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROT)
    svar = kor("kontrollera", "exempel-verksamhet", "--per", "2026-11-30", "--ingen-cache")
    assert svar.slutkod == 0, svar
    assert _exempel("kvalitet kontrollera exempel-verksamhet --per 2026-11-30") == svar.stdout


def test_regeltabellen_har_varje_regel_med_sin_niva() -> None:
    rader = re.findall(r"^\| ([A-Z]{2,4}\d{3}) \| (fel|varning) \|", README, re.M)
    assert rader == [(regel.ID, str(regel.NIVA)) for regel in REGLER.values()]
