"""Rapporterna som Word-dokument (issue 18): läses tillbaka med python-docx."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from bs4 import BeautifulSoup
from docx.document import Document as Dokument
from docx.oxml.ns import qn
from docx.shared import Cm
from pypdf import PdfReader

from kvalitet.rapporter.alla import RAPPORTER
from tests.conftest import EXEMPEL, PER, ROT, kor, kvalitetsberattelsens_rubriker


def _docx(mapp: Path, rapport: str, ut: Path, *argument: str) -> Dokument:
    svar = kor("rapport", rapport, "-C", str(mapp), "--per", PER, "--format", "docx",
               "--ut", str(ut), *argument)  # fmt: skip
    assert svar.slutkod == 0, svar
    return docx.Document(str(ut))


def _html(rapport: str, *argument: str) -> BeautifulSoup:
    svar = kor("rapport", rapport, *argument, "-C", str(EXEMPEL), "--per", PER,
               "--format", "html", "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    return BeautifulSoup(svar.stdout, "html.parser")


def _text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _stil(dokument: Dokument, namn: str) -> list[str]:
    return [p.text for p in dokument.paragraphs if p.style is not None and p.style.name == namn]


@pytest.fixture(scope="module")
def berattelsen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    mapp = tmp_path_factory.mktemp("docx") / "verksamhet"
    shutil.copytree(EXEMPEL, mapp)
    ut = mapp.parent / "kvalitetsberattelse.docx"
    _docx(mapp, "kvalitetsberattelse", ut)
    return ut


def test_avsnitten_ar_rubrik_1_i_ordning(berattelsen: Path) -> None:
    dokument = docx.Document(str(berattelsen))
    assert _stil(dokument, "Title") == ["Kvalitetsberättelse 2026"]
    html = _html("kvalitetsberattelse")
    avsnitt = _stil(dokument, "Heading 1")
    assert avsnitt == [_text(h.get_text()) for h in html.find_all("h2")]
    rubriker = kvalitetsberattelsens_rubriker()
    assert len(avsnitt) == len(rubriker)
    assert all(a.startswith(r) for a, r in zip(avsnitt, rubriker, strict=True))
    assert _stil(dokument, "Heading 2") == [_text(h.get_text()) for h in html.find_all("h3")]
    assert _stil(dokument, "Heading 3") == [_text(h.get_text()) for h in html.find_all("h4")]


def test_metadata_sprak_sidhuvud_och_innehallsforteckning(berattelsen: Path) -> None:
    dokument = docx.Document(str(berattelsen))
    egenskaper = dokument.core_properties
    assert egenskaper.title == "Kvalitetsberättelse 2026"
    assert egenskaper.author == "Individ- och familjeomsorgen, Älvbygdens kommun"
    assert egenskaper.language == "sv-SE"
    assert egenskaper.last_modified_by.startswith("kvalitet ")
    standard = dokument.styles.element.find(qn("w:docDefaults"))
    assert standard is not None
    sprak = standard.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert sprak is not None and sprak.get(qn("w:val")) == "sv-SE"
    sektion = dokument.sections[0]
    storlek = (sektion.page_width or 0, sektion.page_height or 0)
    assert [round(m / Cm(1), 1) for m in storlek] == [21.0, 29.7]  # A4
    assert "Kvalitetsberättelse 2026" in sektion.header.paragraphs[0].text
    assert "Individ- och familjeomsorgen" in sektion.header.paragraphs[0].text
    fot = "".join(sektion.footer._element.itertext())
    assert "Sida " in fot and "PAGE" in fot and "NUMPAGES" in fot
    # Words egen innehållsförteckning (ett TOC-fält), uppdaterad när dokumentet öppnas.
    kropp = "".join(t.text or "" for t in dokument.element.body.iter(qn("w:instrText")))
    assert "TOC" in kropp
    installningar = [e.tag for e in dokument.settings.element]
    # I schemats ordning (annars säger Word att dokumentet har oläsbart innehåll).
    assert installningar.index(qn("w:updateFields")) < installningar.index(qn("w:compat"))
    # Hoppa till innehållet och HTML:ens innehållslista hör till skärmen.
    texter = [p.text for p in dokument.paragraphs]
    assert "Hoppa till innehållet" not in texter and "Sammanfattning" in texter


def test_tabellerna_ar_wordtabeller_med_rubrikrad(berattelsen: Path) -> None:
    dokument = docx.Document(str(berattelsen))
    html = _html("kvalitetsberattelse")
    tabeller = html.find_all("table")
    assert len(dokument.tables) == len(tabeller) > 10
    for tabell, htmltabell in zip(dokument.tables, tabeller, strict=True):
        rader = htmltabell.find_all("tr")
        assert len(tabell.rows) == len(rader)
        rubriker = [_text(c.get_text(" ")) for c in rader[0].find_all(("th", "td"))]
        forsta = [c.text for c in tabell.rows[0].cells]
        assert [_text(t) for t in dict.fromkeys(forsta)] == rubriker
        # Rubrikraden upprepas på varje sida; rubriken (caption) är alternativtexten.
        if htmltabell.thead is not None:
            egenskaper = tabell.rows[0]._tr.trPr
            assert egenskaper is not None and egenskaper.find(qn("w:tblHeader")) is not None
        caption = htmltabell.find("caption")
        alt = tabell._tbl.tblPr.find(qn("w:tblCaption"))
        assert alt is not None and caption is not None
        assert alt.get(qn("w:val")) == _text(caption.get_text(" "))
    # Åtagandena och handlingsplanen finns bland dem, med sina rader.
    rubrikrader = {tuple(c.text for c in t.rows[0].cells): t for t in dokument.tables}
    assert any("Åtagande" in r for r in rubrikrader)
    handlingsplan = [t for r, t in rubrikrader.items() if "Åtgärd" in r and "Ansvarig" in r]
    assert handlingsplan and len(handlingsplan[0].rows) > 5


def test_figurerna_ar_bilder_med_alternativtext(berattelsen: Path) -> None:
    dokument = docx.Document(str(berattelsen))
    figurer = _html("kvalitetsberattelse").find_all("figure")
    assert len(dokument.inline_shapes) == len(figurer) >= 4
    for bild, figur in zip(dokument.inline_shapes, figurer, strict=True):
        bildtext = figur.find("figcaption")
        assert bildtext is not None
        assert _text(bild._inline.docPr.get("descr")) == _text(bildtext.get_text(" "))
        assert 0 < bild.width <= Cm(16.01)  # A4 med 2,5 cm marginaler
    with zipfile.ZipFile(berattelsen) as paket:
        bilder = [n for n in paket.namelist() if n.startswith("word/media/")]
        assert bilder and all(paket.read(n).startswith(b"\x89PNG") for n in bilder)


def test_numrerade_listor_borjar_om_fran_1(exempel: Path, tmp_path: Path) -> None:
    dokument = _docx(exempel, "rum", tmp_path / "rum.docx", "omvarld")
    fragor = [p for p in dokument.paragraphs if p.style is not None
              and p.style.name == "List Number"]  # fmt: skip
    html = _html("rum", "omvarld")
    assert [p.text for p in fragor] == [_text(li.get_text()) for li in html.select("ol > li")]
    numrering = dokument.part.numbering_part.element
    nummer = {p._p.xpath("./w:pPr/w:numPr/w:numId/@w:val")[0] for p in fragor}
    assert len(nummer) == 1
    num = numrering.num_having_numId(int(nummer.pop()))
    assert num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}") is not None


@pytest.mark.parametrize("rapport", sorted(set(RAPPORTER) - {"kvalitetsberattelse", "rum"}))
def test_varje_rapport_blir_word(exempel: Path, tmp_path: Path, rapport: str) -> None:
    dokument = _docx(exempel, rapport, tmp_path / f"{rapport}.docx")
    titel = _stil(dokument, "Title")
    assert titel == [dokument.core_properties.title] and titel[0]
    assert _stil(dokument, "Heading 1")


def _mall(ut: Path, utan: tuple[str, ...] = ()) -> Path:
    """Kommunens mall: egna typsnitt, sidhuvud, sidformat och egen text."""
    mall = docx.Document()
    mall.styles["Heading 1"].font.name = "Garamond"
    mall.styles["Normal"].font.name = "Arial"
    for namn in utan:
        mall.styles.element.remove(mall.styles[namn].element)
    sektion = mall.sections[0]
    sektion.left_margin = Cm(3.3)
    sektion.header.paragraphs[0].text = "Älvbygdens kommun · Socialförvaltningen"
    mall.add_paragraph("Mallens egen text som ska bort.")
    mall.save(str(ut))
    return ut


def test_med_kommunens_mall_anvands_dess_format(exempel: Path, tmp_path: Path) -> None:
    mall = _mall(tmp_path / "kommun.docx")
    dokument = _docx(exempel, "kvalitetsberattelse", tmp_path / "kb.docx", "--mall", str(mall))
    assert dokument.styles["Heading 1"].font.name == "Garamond"
    assert dokument.styles["Normal"].font.name == "Arial"
    assert len(_stil(dokument, "Heading 1")) == len(kvalitetsberattelsens_rubriker())
    sektion = dokument.sections[0]
    assert sektion.left_margin == docx.Document(str(mall)).sections[0].left_margin
    assert sektion.header.paragraphs[0].text == "Älvbygdens kommun · Socialförvaltningen"
    texter = [p.text for p in dokument.paragraphs]
    assert "Mallens egen text som ska bort." not in texter


def test_en_dotx_mall_gar_ocksa(exempel: Path, tmp_path: Path) -> None:
    docxmall = _mall(tmp_path / "kommun.docx")
    dotx = tmp_path / "kommun.dotx"
    with zipfile.ZipFile(docxmall) as kalla, zipfile.ZipFile(dotx, "w") as mal:
        for post in kalla.infolist():
            data = kalla.read(post)
            if post.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            mal.writestr(post, data)
    dokument = _docx(exempel, "handlingsplan", tmp_path / "hp.docx", "--mall", str(dotx))
    assert dokument.styles["Heading 1"].font.name == "Garamond"


def test_en_mall_utan_list_och_rubrikformat(exempel: Path, tmp_path: Path) -> None:
    mall = _mall(tmp_path / "kommun.docx", utan=("List Bullet", "Heading 3"))
    dokument = _docx(exempel, "kvalitetsberattelse", tmp_path / "kb.docx", "--mall", str(mall))
    punkter = [p.text for p in dokument.paragraphs if p.text.startswith("• ")]
    assert any("rum har hållit sin session" in p for p in punkter)
    # Rubrik 3 saknas: rubriken blir fetstil med rubriknivån, så innehållet hittar den.
    rubrik = _text(_html("kvalitetsberattelse").find_all("h4")[0].get_text())
    stycke = next(p for p in dokument.paragraphs if p.text == rubrik)
    assert stycke._p.xpath("./w:pPr/w:outlineLvl/@w:val") == ["2"]
    assert all(r.bold for r in stycke.runs)


@pytest.mark.parametrize(
    ("argument", "text"),
    [
        (("--format", "docx", "--mall", "saknas.docx"), "Mallen saknas.docx finns inte"),
        (("--format", "docx", "--mall", "huset.yaml"), "huset.yaml är inget Word-dokument"),
        (("--format", "pdf", "--mall", "huset.yaml"), "--mall gäller bara Word-dokument"),
        (("--format", "docx", "--ut", "-"), "Ett Word-dokument skrivs till en fil"),
    ],
)
def test_fel_mall_och_fel_ut_ger_ett_svenskt_fel(
    exempel: Path, argument: tuple[str, ...], text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(exempel)
    svar = kor("rapport", "handlingsplan", "--per", PER, *argument)
    assert svar.slutkod == 2, svar
    assert text in svar.stderr and "Traceback" not in svar.stderr
    assert not (exempel / "rapporter").exists()


def test_ett_dokument_som_word_har_sparat_skrivs_inte_over(exempel: Path, tmp_path: Path) -> None:
    fil = tmp_path / "hp.docx"
    _docx(exempel, "handlingsplan", fil)
    _docx(exempel, "handlingsplan", fil)  # kvalitets eget skrivs över
    sparat = docx.Document(str(fil))
    sparat.core_properties.last_modified_by = "Anna Andersson"
    sparat.add_paragraph("Nämndens anteckning.")
    sparat.save(str(fil))
    fore = fil.read_bytes()
    svar = kor("rapport", "handlingsplan", "-C", str(exempel), "--per", PER,
               "--format", "docx", "--ut", str(fil))  # fmt: skip
    assert svar.slutkod != 0 and "ingen rapport från kvalitet" in svar.stderr
    assert fil.read_bytes() == fore


def test_samla_som_pdf_och_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for mapp in ("exempel-verksamhet", "exempel-funktionsstod"):
        shutil.copytree(ROT / mapp, tmp_path / mapp, ignore=shutil.ignore_patterns("cache"))
    for ending in ("pdf", "docx"):
        svar = kor("samla", "exempel-verksamhet", "exempel-funktionsstod", "--per", PER,
                   "--ut", f"forvaltning.{ending}")  # fmt: skip
        assert svar.slutkod in (0, 1), svar
        assert f"Skapade forvaltning.{ending}" in svar.stdout
    pdf = PdfReader(tmp_path / "forvaltning.pdf")
    assert pdf.metadata is not None and pdf.metadata.title
    assert pdf.xmp_metadata is not None and pdf.xmp_metadata.pdfaid_part == "3"
    dokument = docx.Document(str(tmp_path / "forvaltning.docx"))
    assert _stil(dokument, "Title") == [pdf.metadata.title]
    assert _stil(dokument, "Heading 1") and dokument.tables
    svar = kor("samla", "exempel-verksamhet", "--per", PER, "--format", "pdf", "--ut", "-")
    assert svar.slutkod == 2 and "En PDF skrivs till en fil" in svar.stderr
