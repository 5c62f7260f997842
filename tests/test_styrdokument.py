"""Styrdokument: Markdown med ett YAML-huvud, kontrollerade som alla andra filer (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PER, bygg_tradet, kor

DOKUMENT = """
---
id: rutin-tolk
titel: Rutin för tolkbokning
slag: rutin
ägare: enhetschef vuxenenheten
fastställd_av: verksamhetschef
fastställd: 2026-03-01
version: "1.0"
status: fastställd
gäller: [processer]
---

# Rutin för tolkbokning

## Syfte

Alla som behöver tolk får det.
"""


def _fynd(mapp: Path) -> list[tuple[str, int, int, str, str]]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
    return [
        (f["fil"].split("/", 1)[-1] if "/" in f["fil"] else f["fil"], f["rad"], f["kolumn"],
         f["regel"], f["text"])
        for f in json.loads(svar.stdout)["fynd"]
    ]  # fmt: skip


def _i_styrdokument(fynd: list[tuple[str, int, int, str, str]]) -> list[tuple[int, int, str]]:
    return [(rad, kol, regel) for fil, rad, kol, regel, _ in fynd if "styrdokument/" in fil]


@pytest.fixture
def med_dokument(liten: Path) -> Path:
    return bygg_tradet(liten, {"styrdokument/rutin-tolk.md": DOKUMENT})


def test_ett_giltigt_styrdokument_kontrolleras(med_dokument: Path) -> None:
    svar = kor("kontrollera", str(med_dokument), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "1 styrdokument" in svar.stdout


def test_utan_huvud(med_dokument: Path) -> None:
    (med_dokument / "styrdokument/rutin-tolk.md").write_text("# Bara text\n", encoding="utf-8")
    assert _i_styrdokument(_fynd(med_dokument)) == [(1, 1, "YAML001")]


def test_fel_i_huvudet_pekar_ut_raden_i_filen(med_dokument: Path) -> None:
    fil = med_dokument / "styrdokument/rutin-tolk.md"
    fil.write_text(DOKUMENT.lstrip().replace("slag: rutin", "slag: [rutin"), encoding="utf-8")
    fynd = _i_styrdokument(_fynd(med_dokument))
    assert [regel for _, _, regel in fynd] == ["YAML001"]
    assert fynd[0][0] >= 4  # raden med slag (fjärde raden i filen) eller efter


def test_okand_nyckel_och_version_som_tal(med_dokument: Path) -> None:
    fil = med_dokument / "styrdokument/rutin-tolk.md"
    text = DOKUMENT.lstrip().replace("ägare:", "agare:").replace('version: "1.0"', "version: 1.0")
    fil.write_text(text, encoding="utf-8")
    fynd = [
        (rad, regel, text) for f, rad, _, regel, text in _fynd(med_dokument) if "styrdokument/" in f
    ]
    rader = {rad: text for rad, regel, text in fynd if regel == "SCH001"}
    assert "menade du ”ägare”" in rader[5].lower() or "ägare" in rader[5], fynd
    assert "citattecken" in rader[8], fynd


def test_personnummer_i_brodtexten(med_dokument: Path) -> None:
    fil = med_dokument / "styrdokument/rutin-tolk.md"
    fil.write_text(DOKUMENT.lstrip() + "\nGäller 19121212-1212.\n", encoding="utf-8")
    fynd = [(rad, regel) for f, rad, _, regel, _ in _fynd(med_dokument) if "styrdokument/" in f]
    assert (19, "PNR001") in fynd, fynd
