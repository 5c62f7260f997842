"""`kvalitet styrdokument lista|ny|importera` och init:s styrdokument (issue 15)."""

from __future__ import annotations

import io
import json
import struct
import zlib
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.text.paragraph import Paragraph

from kvalitet import markdown
from tests.conftest import PER, kor
from tests.test_historik import checka_in, kor_git

TOLK = "styrdokument/rutin-tolkbokning.md"


# lista


@pytest.fixture
def med_pull_request(exempel: Path) -> Path:
    """Exemplet i git, och tolkrutinen ändrad genom pull request #31."""
    kor_git(exempel, "init", "-q", "-b", "main")
    checka_in(exempel, "Exemplet", "Anna Ek", "2026-01-10T09:00:00")
    kor_git(exempel, "switch", "-q", "-c", "tolk")
    fil = exempel / TOLK
    fil.write_text(fil.read_text("utf-8") + "\nTolken ska vara auktoriserad.\n", "utf-8")
    checka_in(exempel, "Tolkrutinen: auktoriserad tolk", "Bo Berg", "2026-09-01T09:00:00")
    kor_git(exempel, "switch", "-q", "main")
    kor_git(
        exempel,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge pull request #31 from tolk",
        "tolk",
        namn="GitHub",
        datum="2026-09-08T09:00:00",
    )
    return exempel


def _rader(utdata: str, id_: str) -> str:
    """Tabellens rader för ett dokument (cellerna kan ha två rader)."""
    rader = utdata.splitlines()
    start = next(i for i, rad in enumerate(rader) if rad.strip().startswith(id_ + " "))
    slut = next((i for i in range(start + 1, len(rader)) if rader[i][:4].strip()), len(rader))
    return "\n".join(rader[start:slut])


def test_lista_visar_faststallelsen_och_pull_requesten(med_pull_request: Path) -> None:
    svar = kor("styrdokument", "lista", "-C", str(med_pull_request), "--per", PER)
    assert svar.slutkod == 0, svar
    tolk = _rader(svar.stdout, "rutin-tolkbokning")
    for del_ in ("Rutin för", "rutin", "enhetschef vuxenenheten", "1.0", "2026-09-08",
                 "verksamhetschef", "2026-09-01", "pull request #31", "2027-09-08"):  # fmt: skip
        assert del_ in tolk, (del_, tolk)
    assert "13 dokument av 13." in svar.stdout
    process = _rader(svar.stdout, "process-sip")
    assert "2026-01-10" in process and "#31" not in process


def test_lista_per_slag_och_forfallna(exempel: Path) -> None:
    rutiner = kor("styrdokument", "lista", "--slag", "rutin", "-C", str(exempel), "--per", PER)
    assert "5 dokument av 13." in rutiner.stdout and "process-sip" not in rutiner.stdout
    assert "inte incheckad" in rutiner.stdout  # utanför git
    forfallna = kor("styrdokument", "lista", "--forfallna", "-C", str(exempel), "--per", PER)
    assert "Inga styrdokument att visa." in forfallna.stdout
    senare = kor("styrdokument", "lista", "--forfallna", "-C", str(exempel), "--per", "2027-02-01")
    assert "rutin-avvikelser" in senare.stdout and "förfallen" in senare.stdout
    assert "rutin-tolkbokning" not in senare.stdout


def test_lista_med_fel_slag(exempel: Path) -> None:
    svar = kor("styrdokument", "lista", "--slag", "rutiner", "-C", str(exempel))
    assert svar.slutkod == 2
    assert "”rutiner” är inget giltigt värde för --slag" in svar.stderr
    assert "Traceback" not in svar.stderr


def test_lista_sager_till_om_ett_trasigt_dokument(exempel: Path) -> None:
    (exempel / TOLK).write_text("---\nid: [\n---\n", "utf-8")
    svar = kor("styrdokument", "lista", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert f"Filen {TOLK} har fel" in svar.stdout


# ny


def test_ny_skapar_ett_utkast_ur_mallen(exempel: Path) -> None:
    svar = kor(
        "styrdokument", "ny", "--slag", "process", "--titel", "Processbeskrivning – Hembesök",
        "--agare", "enhetschef vuxenenheten", "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    fil = exempel / "styrdokument/processbeskrivning-hembesok.md"
    text = fil.read_text("utf-8")
    assert "\nstatus: utkast\n" in text and 'version: "0.1"' in text
    assert "# Processbeskrivning – Hembesök\n" in text and "## Aktiviteter" in text
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0
    # Fastställt med mallens platshållare kvar: MAL001.
    fil.write_text(text.replace("status: utkast", "status: fastställd"), "utf-8")
    fynd = json.loads(kor("kontrollera", str(exempel), "--format", "json").stdout)["fynd"]
    assert any(f["regel"] == "MAL001" and "styrdokument/" in f["fil"] for f in fynd)


@pytest.mark.parametrize(
    ("titel", "slag", "id_"),
    [
        ("Rutin för tolkbokning i Älvbygden", "rutin", "rutin-for-tolkbokning-i-alvbygden"),
        ("Riktlinje: hot & våld", "riktlinje", "riktlinje-hot-vald"),
        ("Hot och våld", "checklista", "checklista-hot-och-vald"),
    ],
)
def test_id_ur_titeln(titel: str, slag: str, id_: str) -> None:
    from kvalitet.arbete.styrdokument import nytt_id
    from kvalitet.modell.styrdokument import Slag

    assert nytt_id(titel, Slag(slag)) == id_


def test_ny_skriver_aldrig_over(exempel: Path) -> None:
    fore = (exempel / TOLK).read_bytes()
    svar = kor(
        "styrdokument", "ny", "--slag", "rutin", "--titel", "Tolkbokning", "--agare", "x",
        "--id", "rutin-tolkbokning", "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 2 and "finns redan" in svar.stderr
    assert (exempel / TOLK).read_bytes() == fore


@pytest.mark.parametrize(
    ("argument", "fel"),
    [
        (["--slag", "rutin", "--agare", "x"], "--titel saknas"),
        (["--slag", "rutin", "--titel", "T"], "--agare saknas"),
        (["--slag", "memo", "--titel", "T", "--agare", "x"], "inget giltigt värde för --slag"),
        (["--slag", "rutin", "--titel", "T", "--agare", "x", "--id", "å ä"], "inget giltigt id"),
    ],
)
def test_ny_med_fel_varden(exempel: Path, argument: list[str], fel: str) -> None:
    svar = kor("styrdokument", "ny", *argument, "-C", str(exempel))
    assert svar.slutkod == 2 and fel in svar.stderr, svar
    assert "Traceback" not in svar.stderr


# importera


def _png() -> bytes:
    def chunk(typ: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + typ + data + struct.pack(">I", zlib.crc32(typ + data))

    huvud = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixel = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", huvud) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")
    )


def _punktlista(dokument: docx.document.Document) -> str:
    """En punktlista i två nivåer i dokumentets numrering, som Word gör den; ger numId."""
    numrering = dokument.part.numbering_part.element
    abstrakt = OxmlElement("w:abstractNum")
    abstrakt.set(qn("w:abstractNumId"), "90")
    for niva in (0, 1):
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(niva))
        for namn, varde in (("w:numFmt", "bullet"), ("w:lvlText", "•")):
            element = OxmlElement(namn)
            element.set(qn("w:val"), varde)
            lvl.append(element)
        abstrakt.append(lvl)
    numrering.insert(0, abstrakt)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numrering.append(num)
    return "90"


def _listpunkt(dokument: docx.document.Document, text: str, num_id: str, niva: int) -> None:
    stycke = dokument.add_paragraph(text)
    numpr = stycke._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = niva
    numpr.get_or_add_numId().val = int(num_id)


def _lank(stycke: Paragraph, text: str, adress: str) -> None:
    rid = stycke.part.relate_to(
        adress,
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
        is_external=True,
    )
    lank = OxmlElement("w:hyperlink")
    lank.set(qn("r:id"), rid)
    korning = OxmlElement("w:r")
    tecken = OxmlElement("w:t")
    tecken.text = text
    korning.append(tecken)
    lank.append(korning)
    stycke._p.append(lank)


def word_dokument(mapp: Path, namn: str = "hembesok.docx", extra: str | None = None) -> Path:
    """En rutin i Word: titel, rubriker, fet och kursiv text, listor, tabell, länk och bild."""
    d = docx.Document()
    d.add_heading("Rutin för hembesök", 0)
    d.add_heading("Syfte", 1)
    stycke = d.add_paragraph("Hembesök görs ")
    stycke.add_run("alltid").bold = True
    stycke.add_run(" två och två, ")
    stycke.add_run("aldrig").italic = True
    stycke.add_run(" ensam; stjärnor * och | står kvar.")
    d.add_heading("Så gör du", 1)
    d.add_heading("Före besöket", 2)
    num_id = _punktlista(d)
    _listpunkt(d, "Planera besöket", num_id, 0)
    _listpunkt(d, "Ring den enskilde", num_id, 1)
    _listpunkt(d, "Meddela en kollega", num_id, 0)
    tabell = d.add_table(rows=3, cols=2)
    for rad, (roll, ansvar) in enumerate(
        [("Roll", "Ansvar"), ("Handläggare", "Planerar"), ("Enhetschef", "Följer upp")]
    ):
        tabell.cell(rad, 0).text = roll
        tabell.cell(rad, 1).text = ansvar
    _lank(d.add_paragraph("Läs mer hos "), "Socialstyrelsen", "https://www.socialstyrelsen.se/")
    d.add_picture(io.BytesIO(_png()), width=Inches(1))
    if extra:
        d.add_paragraph(extra)
    fil = mapp / namn
    d.save(str(fil))
    return fil


def test_importera_behaller_strukturen(exempel: Path, tmp_path: Path) -> None:
    fil = word_dokument(tmp_path)
    svar = kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "enhetschef",
        "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "Importerade hembesok.docx som rutin-for-hembesok (”Rutin för hembesök”, 1 bild)" in (
        svar.stdout
    )
    text = (exempel / "styrdokument/rutin-for-hembesok.md").read_text("utf-8")
    huvud, brodtext = text.split("\n---\n\n", 1)
    assert "titel: Rutin för hembesök\n" in huvud and "status: utkast" in huvud
    assert "Importerat ur hembesok.docx" in huvud
    assert [(r.niva, r.text) for r in markdown.rubriker(brodtext)] == [
        (1, "Rutin för hembesök"),
        (2, "Syfte"),
        (2, "Så gör du"),
        (3, "Före besöket"),
    ]
    assert "Hembesök görs **alltid** två och två, *aldrig* ensam; stjärnor \\* och \\| står" in (
        brodtext
    )
    assert "- Planera besöket\n  - Ring den enskilde\n- Meddela en kollega" in brodtext
    assert "| Roll | Ansvar |\n| --- | --- |\n| Handläggare | Planerar |" in brodtext
    assert "[Socialstyrelsen](https://www.socialstyrelsen.se/)" in brodtext
    assert "![](rutin-for-hembesok/bild-1.png)" in brodtext
    assert (exempel / "styrdokument/rutin-for-hembesok/bild-1.png").read_bytes() == _png()
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0
    # Och dokumentet visas på webbplatsen: rubrikerna, listan, tabellen och bilden.
    webb = tmp_path / "webb"
    assert kor("rapport", "webb", "-C", str(exempel), "--per", PER, "--ut", str(webb)).slutkod == 0
    sida = (webb / "styrdokument/rutin-for-hembesok.html").read_text("utf-8")
    assert "<h1>Rutin för hembesök</h1>" in sida and '<h3 id="före-besöket">' in sida
    assert "<li>Planera besöket\n<ul>\n<li>Ring den enskilde</li>" in sida
    assert '<th scope="col">Roll</th>' in sida and "<td>Handläggare</td>" in sida
    assert '<img src="data:image/png;base64,' in sida and "<strong>alltid</strong>" in sida


def test_omvandlingens_anmarkningar_pa_svenska(exempel: Path, tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Rutin för nyckelhantering", 1)
    d.styles.add_style("Kommunens rubrik", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("Nycklar kvitteras.", style="Kommunens rubrik")
    fil = tmp_path / "nycklar.docx"
    d.save(str(fil))
    svar = kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "x",
        "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "Anmärkning från omvandlingen: Styckeformatet ”Kommunens rubrik” känns inte igen" in (
        svar.stdout
    )
    assert "Unrecognised" not in svar.stdout
    text = (exempel / "styrdokument/rutin-for-nyckelhantering.md").read_text("utf-8")
    assert "\n# Rutin för nyckelhantering\n" in text and "titel: Rutin för nyckelhantering" in text


def test_importera_flera_och_med_eget_id(exempel: Path, tmp_path: Path) -> None:
    a = word_dokument(tmp_path, "a.docx")
    svar = kor(
        "styrdokument", "importera", str(a), "--slag", "instruktion", "--agare", "x",
        "--id", "instruktion-hembesok", "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    assert (exempel / "styrdokument/instruktion-hembesok/bild-1.png").is_file()
    b, c = word_dokument(tmp_path, "b.docx"), word_dokument(tmp_path, "c.docx")
    flera = kor(
        "styrdokument", "importera", str(b), str(c), "--slag", "rutin", "--agare", "x",
        "--id", "y", "-C", str(exempel),
    )  # fmt: skip
    assert flera.slutkod == 2 and "--id går bara" in flera.stderr
    # Två dokument med samma titel: det andra vägras, och inget av dem skrivs.
    samma = kor(
        "styrdokument", "importera", str(b), str(c), "--slag", "rutin", "--agare", "x",
        "-C", str(exempel),
    )  # fmt: skip
    assert samma.slutkod == 2 and "finns redan" in samma.stderr
    assert not (exempel / "styrdokument/rutin-for-hembesok.md").exists()


def test_importera_vagrar_personnummer_innan_nagot_skrivs(exempel: Path, tmp_path: Path) -> None:
    fil = word_dokument(tmp_path, extra="Gäller Tolvan Tolvansson 19121212-1212.")
    fore = sorted(p.name for p in (exempel / "styrdokument").iterdir())
    svar = kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "x",
        "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 2
    assert "innehåller 1 personnummer, så inget har importerats" in svar.stderr
    assert "121212-****" in svar.stderr and "1212-1212" not in svar.stderr
    assert sorted(p.name for p in (exempel / "styrdokument").iterdir()) == fore


def test_importera_skriver_aldrig_over(exempel: Path, tmp_path: Path) -> None:
    fil = word_dokument(tmp_path)
    fore = (exempel / TOLK).read_bytes()
    svar = kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "x",
        "--id", "rutin-tolkbokning", "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 2 and "finns redan" in svar.stderr
    assert (exempel / TOLK).read_bytes() == fore
    assert not (exempel / "styrdokument/rutin-tolkbokning").exists()


@pytest.mark.parametrize(
    ("namn", "innehall", "fel"),
    [
        ("rutin.doc", b"x", "bara Word-dokument (.docx)"),
        ("trasig.docx", b"inte en zip", "inget Word-dokument (.docx)"),
        ("saknas.docx", None, "finns inte"),
    ],
)
def test_importera_fel_filer(
    exempel: Path, tmp_path: Path, namn: str, innehall: bytes | None, fel: str
) -> None:
    fil = tmp_path / namn
    if innehall is not None:
        fil.write_bytes(innehall)
    svar = kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "x",
        "-C", str(exempel),
    )  # fmt: skip
    assert svar.slutkod == 2 and fel in svar.stderr, svar
    assert "Traceback" not in svar.stderr


def test_html_i_word_blir_text(exempel: Path, tmp_path: Path) -> None:
    fil = word_dokument(tmp_path, extra="<script>alert(1)</script>")
    assert kor(
        "styrdokument", "importera", str(fil), "--slag", "rutin", "--agare", "x",
        "-C", str(exempel),
    ).slutkod == 0  # fmt: skip
    text = (exempel / "styrdokument/rutin-for-hembesok.md").read_text("utf-8")
    assert "<script>" not in markdown.html(text.split("\n---\n", 1)[1])


# init


def test_init_skapar_ett_styrdokument_och_en_tom_lagkravslista(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    assert (
        kor("init", str(mapp), "--organisation", "Testkommun", "--kommunkod", "1234").slutkod == 0
    )
    dokument = (mapp / "styrdokument/rutin-avvikelsehantering.md").read_text("utf-8")
    assert dokument.startswith("---\n# Ett styrdokument") and "status: utkast" in dokument
    assert "# Rutin för avvikelsehantering" in dokument
    assert "krav: []" in (mapp / "lagkrav.yaml").read_text("utf-8")
    svar = kor("kontrollera", str(mapp), "--format", "json")
    assert svar.slutkod == 0
    assert not [f for f in json.loads(svar.stdout)["fynd"] if f["regel"].startswith(("DOK", "LAG"))]
