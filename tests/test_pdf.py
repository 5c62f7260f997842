"""Rapporterna som PDF/A (issue 18): läses tillbaka med pypdf, och sidan 1 ritas som bild."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter

from kvalitet.rapporter.alla import RAPPORTER
from tests.conftest import PER, kor, kvalitetsberattelsens_rubriker


def _pdf(mapp: Path, rapport: str, ut: Path, *argument: str) -> PdfReader:
    svar = kor("rapport", rapport, "-C", str(mapp), "--per", PER, "--format", "pdf",
               "--ut", str(ut), *argument)  # fmt: skip
    assert svar.slutkod == 0, svar
    return PdfReader(ut)


@pytest.fixture(scope="module")
def berattelsen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mapp = tmp_path_factory.mktemp("pdf") / "verksamhet"
    shutil.copytree(Path(__file__).parents[1] / "exempel-verksamhet", mapp)
    ut = mapp.parent / "kvalitetsberattelse.pdf"
    _pdf(mapp, "kvalitetsberattelse", ut)
    return ut


def test_kvalitetsberattelsen_ar_pdf_a_med_metadata(berattelsen: Path) -> None:
    pdf = PdfReader(berattelsen)
    assert pdf.metadata is not None
    assert pdf.metadata.title == "Kvalitetsberättelse 2026"
    assert pdf.metadata.author == "Individ- och familjeomsorgen, Älvbygdens kommun"
    assert str(pdf.metadata.creator).startswith("kvalitet ")
    katalog: Any = pdf.trailer["/Root"]
    assert katalog["/Lang"] == "sv"
    assert katalog["/MarkInfo"]["/Marked"], "taggad för skärmläsare"
    xmp = pdf.xmp_metadata
    assert xmp is not None and (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("3", "A")


def test_rubrikerna_star_i_ordning_med_sidnummer_i_innehallet(berattelsen: Path) -> None:
    pdf = PdfReader(berattelsen)
    assert len(pdf.pages) > 10
    forsta = pdf.pages[0].extract_text()
    assert "Innehåll" in forsta
    # Rubrikerna börjar var sin rad, i innehållets ordning.
    rader = [rad.strip() for sida in pdf.pages[1:] for rad in sida.extract_text().splitlines()]
    plats = 0
    rubriker = kvalitetsberattelsens_rubriker()
    for rubrik in rubriker:
        plats = next(i for i in range(plats, len(rader)) if rader[i].startswith(rubrik))
    # Innehållsförteckningen har sidnumret där avsnittet börjar.
    innehall = [rad for rad in forsta.splitlines() if rad.rstrip()[-1:].isdigit()]
    for rubrik in rubriker:
        rad = next(rad for rad in innehall if rubrik in rad)
        sida = pdf.pages[int(rad.split()[-1]) - 1].extract_text().splitlines()
        assert any(r.strip().startswith(rubrik) for r in sida), (rubrik, rad)
    # Sidhuvud och sidfot.
    andra = pdf.pages[1].extract_text()
    assert "Individ- och familjeomsorgen, Älvbygdens kommun" in andra
    assert f"Sida 2 av {len(pdf.pages)}" in andra


def test_typsnitten_ar_inbaddade(berattelsen: Path) -> None:
    pdf = PdfReader(berattelsen)
    typsnitt: dict[str, Any] = {}
    for sida in pdf.pages:
        resurser: Any = sida["/Resources"]
        for namn, font in resurser.get("/Font", {}).items():
            typsnitt[namn] = font.get_object()
    assert typsnitt
    for font in typsnitt.values():
        if "/FontDescriptor" not in font:  # ett sammansatt typsnitt (Type0)
            font = font["/DescendantFonts"][0].get_object()
        beskrivning = font["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(beskrivning), font


def test_sidan_1_ritas_som_bild(berattelsen: Path, tmp_path: Path) -> None:
    # En människa kan titta på bilden; testet prövar att PDF:en går att rita.
    program = shutil.which("pdftoppm")
    assert program, "pdftoppm (poppler-utils) behövs; .ci/run installerar det"
    subprocess.run(
        [program, "-r", "60", "-f", "1", "-l", "1", "-png", "-singlefile", str(berattelsen),
         str(tmp_path / "sida1")], check=True,
    )  # fmt: skip
    bild = (tmp_path / "sida1.png").read_bytes()
    assert bild.startswith(b"\x89PNG") and len(bild) > 5000


@pytest.mark.parametrize("rapport", sorted(set(RAPPORTER) - {"kvalitetsberattelse", "rum"}))
def test_varje_rapport_blir_pdf_a(exempel: Path, tmp_path: Path, rapport: str) -> None:
    pdf = _pdf(exempel, rapport, tmp_path / f"{rapport}.pdf")
    assert pdf.metadata is not None and pdf.metadata.title
    assert pdf.xmp_metadata is not None and pdf.xmp_metadata.pdfaid_part == "3"
    assert pdf.pages[0].extract_text().strip()


def test_rummets_rapport_blir_pdf(exempel: Path, tmp_path: Path) -> None:
    pdf = _pdf(exempel, "rum", tmp_path / "rum.pdf", "trygghet")
    assert pdf.metadata is not None and "Trygghet" in str(pdf.metadata.title)


def test_en_pdf_som_inte_ar_fran_kvalitet_skrivs_inte_over(exempel: Path, tmp_path: Path) -> None:
    annan = tmp_path / "annan.pdf"
    skrivare = PdfWriter()
    skrivare.add_blank_page(595, 842)
    skrivare.add_metadata({"/Creator": "Word"})
    with annan.open("wb") as ut:
        skrivare.write(ut)
    fore = annan.read_bytes()
    svar = kor("rapport", "handlingsplan", "-C", str(exempel), "--per", PER, "--format", "pdf",
               "--ut", str(annan))  # fmt: skip
    assert svar.slutkod != 0 and "ingen rapport från kvalitet" in svar.stderr
    assert annan.read_bytes() == fore
    # En PDF från kvalitet skrivs över.
    egen = tmp_path / "egen.pdf"
    _pdf(exempel, "handlingsplan", egen)
    _pdf(exempel, "handlingsplan", egen)


def test_pdf_till_standard_ut_vagras(exempel: Path) -> None:
    svar = kor("rapport", "handlingsplan", "-C", str(exempel), "--format", "pdf", "--ut", "-")
    assert svar.slutkod == 2
    assert "En PDF skrivs till en fil" in svar.stderr


def test_utan_weasyprint_ett_svenskt_fel(
    exempel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import ger ImportError
    svar = kor("rapport", "handlingsplan", "-C", str(exempel), "--per", PER, "--format", "pdf",
               "--ut", str(tmp_path / "h.pdf"))  # fmt: skip
    assert svar.slutkod == 2
    assert "WeasyPrint eller dess bibliotek (Pango) saknas" in svar.stderr
    assert "sudo apt install libpango" in svar.stderr and "Traceback" not in svar.stderr
    assert not (tmp_path / "h.pdf").exists()
