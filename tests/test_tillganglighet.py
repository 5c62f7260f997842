"""Webbplatsens tillgänglighetsredogörelse (issue 18): ur huset, länkad från varje sida."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

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
    tabeller = styrdokumentens = 0
    for sida in sorted(sajt.rglob("*.html")):
        html = sida.read_text(encoding="utf-8")
        forsta = re.search(r"<body>\s*(<a [^>]*>)", html)
        assert forsta and 'href="#innehall"' in forsta[1], sida
        assert '<main id="innehall">' in html, sida
        for tabell in re.findall(r'<div class="tabell"[^>]*>(<table>.*?</table>)', html, re.S):
            tabeller += 1
            styrdokumentens += sida.parent.name == "styrdokument"  # ur dokumentets Markdown
            assert re.match(r"<table><caption[^>]*>[^<]+</caption>", tabell), (sida, tabell[:80])
            rubriker = re.findall(r"<th\b[^>]*>", tabell)
            assert rubriker and all("scope=" in th for th in rubriker), (sida, tabell[:80])
    assert tabeller > 20 and styrdokumentens > 0


_SVG = "{http://www.w3.org/2000/svg}"


def _texten(element: ElementTree.Element) -> str:
    return " ".join(" ".join(t.itertext()) for t in element.iter(f"{_SVG}text"))


def test_farg_bar_aldrig_ensam_betydelse(exempel: Path, tmp_path: Path) -> None:
    """WCAG 1.4.1: varje färg som betyder något har också en text (eller ett mönster)."""
    sajt = _webb(exempel, tmp_path / "webb")
    sett: Counter[str] = Counter()
    for sida in sorted(sajt.rglob("*.html")):
        html = sida.read_text(encoding="utf-8")
        # Statusfärgerna i texten sitter på ord, aldrig på tomma element.
        for klass, text in re.findall(r'class="(status-[^"]+)"[^>]*>([^<]*)<', html):
            assert text.strip(), (sida, klass)
            sett["statustext"] += 1
        for kalla in re.findall(r"<svg\b.*?</svg>", html, re.DOTALL):
            _figuren_sager_det_i_text(ElementTree.fromstring(kalla), sett)
    # Varje slags figur har prövats (annars prövar testet ingenting).
    assert {"rum", "hjulets rum", "åtagande", "riskruta", "linjer", "statustext"} <= set(sett)


def _figuren_sager_det_i_text(svg: ElementTree.Element, sett: Counter[str]) -> None:
    grupper = list(svg.iter(f"{_SVG}g"))
    listan = {g.get("data-rum"): g for g in grupper if g.get("class") == "lista"}
    for g in grupper:
        klass, text = g.get("class"), _texten(g)
        if status := g.get("data-status"):
            if status in text:  # husets rum, årshjulets lista under hjulet
                sett["rum"] += 1
                continue
            # En siffra i hjulet: samma siffra står i listan, med statusen i text.
            rad = listan[g.get("data-rum")]
            assert status in _texten(rad) and text.split()[0] in _texten(rad).split(), text
            sett["hjulets rum"] += 1
        elif lage := g.get("data-lage"):
            assert lage in text, text
            sett["åtagande"] += 1
        elif klass == "ruta":  # riskmatrisen: riskvärdet står i rutan
            assert g.get("data-riskvarde") in text.split(), text
            sett["riskruta"] += 1
    # Linjediagrammets serier skiljs åt av sina streckmönster, inte bara av färgen.
    monster = [
        next((p.get("stroke-dasharray") for p in g.iter(f"{_SVG}path")), None)
        for g in grupper
        if g.get("class") == "linje"
    ]
    assert len(set(monster)) == len(monster), monster
    sett["linjer"] += len(monster) > 1
