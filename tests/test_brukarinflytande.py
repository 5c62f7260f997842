"""Brukarinflytande på tre nivåer utanför BUUUU: filen, regeln BRI001 och rapporten (issue 16.4)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import PER, kor

FIL = "brukarinflytande/2026.yaml"


def _fynd(mapp: Path, regel: str) -> list[dict[str, object]]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
    return [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == regel]


def _utan_systemniva(mapp: Path) -> None:
    for fil in (mapp / FIL, mapp / "buuuu/sysselsattning.yaml"):
        text = fil.read_text(encoding="utf-8")
        fil.write_text(text.replace("nivå: system", "nivå: verksamhet"), encoding="utf-8")


def _rad(fil: Path, text: str) -> int:
    return next(
        i for i, rad in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1) if text in rad
    )


def test_exemplet_har_alla_tre_nivaerna(exempel: Path) -> None:
    assert _fynd(exempel, "BRI001") == []
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert "1 brukarinflytandefil" in svar.stdout


def test_en_niva_utan_aktivitet_ar_ett_fynd(exempel: Path) -> None:
    _utan_systemniva(exempel)
    [fynd] = _fynd(exempel, "BRI001")
    assert str(fynd["fil"]).endswith(FIL)
    assert fynd["rad"] == _rad(exempel / FIL, "aktiviteter:")
    assert "ingen aktivitet på systemnivå under 2026" in str(fynd["text"])


def test_utan_arets_fil_pekar_fyndet_pa_huset(exempel: Path) -> None:
    (exempel / FIL).unlink()
    (exempel / "buuuu/sysselsattning.yaml").unlink()
    fynd = _fynd(exempel, "BRI001")
    assert len(fynd) == 3
    assert all(str(f["fil"]).endswith("huset.yaml") for f in fynd)
    assert "brukarinflytande/2026.yaml saknas" in str(fynd[0]["text"])


def test_ett_ar_utan_planerat_arbete_ger_inget_fynd(exempel: Path) -> None:
    # 2028 har varken åtaganden eller sessioner: inget att kräva ännu.
    svar = kor("kontrollera", str(exempel), "--per", "2028-03-01", "--format", "json")
    assert not [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == "BRI001"]


def test_deltagare_kravs_och_aret_ska_stamma_med_filnamnet(exempel: Path) -> None:
    fil = exempel / FIL
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace("år: 2026", "år: 2025", 1), encoding="utf-8")
    assert [f["regel"] for f in _fynd(exempel, "ID002")] == ["ID002"]
    start = text.index("    deltagare:\n      - brukarorganisationen")
    slut = text.index("    vad_brukarna_sa:", start)
    fil.write_text(text[:start] + text[slut:], encoding="utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert f"{FIL}:" in svar.stdout and "SCH001" in svar.stdout


def test_ett_okant_rum_ar_fel(exempel: Path) -> None:
    fil = exempel / FIL
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace("rum: [forhallningssatt]", "rum: [bemotande]", 1), "utf-8")
    [fynd] = _fynd(exempel, "REF001")
    assert str(fynd["fil"]).endswith(FIL)


def test_kvalitetsberattelsen_visar_varje_niva_med_brukarnas_rost(
    exempel: Path, tmp_path: Path
) -> None:
    _utan_systemniva(exempel)
    ut = tmp_path / "kb.md"
    argument = ["-C", str(exempel), "--per", PER, "--format", "md", "--ut", str(ut)]
    assert kor("rapport", "kvalitetsberattelse", *argument).slutkod == 0
    text = ut.read_text(encoding="utf-8")
    avsnitt = text[text.index("### Brukarinflytande") : text.index("#### BUUUU-hjulet")]
    rubriker = [rad for rad in avsnitt.splitlines() if rad.startswith("#### ")]
    assert rubriker == ["#### Individnivå", "#### Verksamhetsnivå", "#### Systemnivå"]
    assert "> Brukarna sa: Drygt åtta av tio (84 procent) blev bemötta med respekt" in avsnitt
    assert "Det här ändrades: Kravet på att först ha prövat boendestöd ströks" in avsnitt
    assert "*Ingen aktivitet på systemnivå under 2026.*" in avsnitt


def test_init_skapar_arets_fil(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    assert (
        kor("init", str(mapp), "--organisation", "Nya kommun", "--kommunkod", "9999").slutkod == 0
    )
    text = (mapp / "brukarinflytande").glob("*.yaml")
    [fil] = list(text)
    assert "aktiviteter: []" in fil.read_text(encoding="utf-8")
    assert "ALDRIG namn" in fil.read_text(encoding="utf-8")
