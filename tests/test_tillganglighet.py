"""Webbplatsens tillgänglighetsredogörelse (issue 18): ur huset, länkad från varje sida."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import PER, kor


def _webb(mapp: Path, ut: Path) -> Path:
    svar = kor("rapport", "webb", "-C", str(mapp), "--per", PER, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    return ut


def _text(sida: Path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", sida.read_text(encoding="utf-8")))


def test_redogorelsen_har_kontakten_granskningen_och_tillsynen(
    exempel: Path, tmp_path: Path
) -> None:
    sajt = _webb(exempel, tmp_path / "webb")
    text = _text(sajt / "tillganglighet.html")
    assert "kvalitet.ifo@alvbygden.example" in text
    assert "Du får svar inom två arbetsdagar." in text
    assert "granskades senast 2 november 2026" in text
    assert "helt förenlig med WCAG 2.1 nivå AA" in text
    assert "lagen (2018:1937) om tillgänglighet till digital offentlig service" in text
    assert 'href="https://www.digg.se/' in (sajt / "tillganglighet.html").read_text("utf-8")


def test_varje_sida_lankar_till_redogorelsen(exempel: Path, tmp_path: Path) -> None:
    sajt = _webb(exempel, tmp_path / "webb")
    sidor = sorted(sajt.rglob("*.html"))
    assert len(sidor) > 50
    for sida in sidor:
        lankar = re.findall(r'href="([^"]*tillganglighet\.html)"', sida.read_text("utf-8"))
        assert lankar, sida
        assert (sida.parent / lankar[0]).resolve() == (sajt / "tillganglighet.html").resolve()


def test_utan_uppgifter_syns_luckan_och_brister_listas(exempel: Path, tmp_path: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    med_brister = text.replace(
        "  brister: []",
        "  brister:\n    - Riskmatrisens färger saknar mönster vid utskrift i gråskala.",
    )
    huset.write_text(med_brister, encoding="utf-8")
    sida = _text(_webb(exempel, tmp_path / "brister") / "tillganglighet.html")
    assert "delvis förenlig med WCAG 2.1 nivå AA" in sida
    assert "Riskmatrisens färger saknar mönster" in sida
    utan = re.sub(r"(?ms)^tillgänglighet:\n(  .*\n)+", "", text)
    assert "\ntillgänglighet:" not in utan
    huset.write_text(utan, encoding="utf-8")
    sida = _text(_webb(exempel, tmp_path / "utan") / "tillganglighet.html")
    assert "Kontaktuppgifter saknas" in sida


def test_en_redogorelse_utan_kontakt_ar_fel(exempel: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    huset.write_text(
        text.replace(
            "  kontakt: e-post till kvalitet.ifo@alvbygden.example eller kommunens växel\n", ""
        ),
        encoding="utf-8",
    )
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert re.search(r"huset\.yaml:\d+:\d+: fel SCH001 .*kontakt", svar.stdout), svar.stdout


def test_varje_sida_har_hoppa_forbi_och_tabeller_med_rubrik(exempel: Path, tmp_path: Path) -> None:
    sajt = _webb(exempel, tmp_path / "webb")
    tabeller = 0
    for sida in sorted(sajt.rglob("*.html")):
        html = sida.read_text(encoding="utf-8")
        forsta = re.search(r"<body>\s*(<a [^>]*>)", html)
        assert forsta and 'href="#innehall"' in forsta[1], sida
        assert '<main id="innehall">' in html, sida
        for tabell in re.findall(r'<div class="tabell"[^>]*>(<table>.*?</table>)', html, re.S):
            if sida.parent.name == "styrdokument" and "<caption" not in tabell:
                continue  # en tabell i ett styrdokuments egen text (Markdown)
            tabeller += 1
            assert re.match(r"<table><caption[^>]*>[^<]+</caption>", tabell), (sida, tabell[:80])
            rubriker = re.findall(r"<th\b[^>]*>", tabell)
            assert rubriker and all("scope=" in th for th in rubriker), (sida, tabell[:80])
    assert tabeller > 20
