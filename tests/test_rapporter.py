"""`kvalitet rapport …`: det issue 4 kräver av rapporterna, prövat på färdiga filer."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from markdown_it import MarkdownIt

from kvalitet import yamlio
from kvalitet.rapporter import MARKOR
from tests.conftest import EXEMPEL, PER, kor

SKRIPT = "<script>alert(1)</script>"


class _Sida(HTMLParser):
    """Det testerna behöver ur en HTML-sida: rubriker, länkar, resurser och rum i huset."""

    def __init__(self) -> None:
        super().__init__()
        self.rubriker: list[tuple[str, str]] = []
        self.lankar: list[str] = []
        self.resurser: list[str] = []
        self.rum_i_huset = 0
        self._i_rubrik: str | None = None
        self._text = ""
        self._svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4"):
            self._i_rubrik, self._text = tag, ""
        if tag == "a" and attr.get("href"):
            self.lankar.append(str(attr["href"]))
        if tag in ("img", "script", "link", "iframe", "object", "image", "use"):
            self.resurser.append(tag)
        if tag == "svg":
            self._svg += 1
        if tag == "g" and attr.get("class") == "rum" and self._svg == 1:  # huset är första bilden
            self.rum_i_huset += 1

    def handle_data(self, data: str) -> None:
        if self._i_rubrik:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == self._i_rubrik:
            self.rubriker.append((tag, " ".join(self._text.split())))
            self._i_rubrik = None


def _las_sida(fil: Path) -> _Sida:
    sida = _Sida()
    sida.feed(fil.read_text(encoding="utf-8"))
    return sida


def _rapport(mapp: Path, ut: Path, *argument: str) -> Path:
    svar = kor("rapport", *argument, "-C", str(mapp), "--ar", "2026", "--per", PER, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    return ut


def test_kvalitetsberattelsen_i_html_har_huset_atagandena_och_avvikelserna(tmp_path: Path) -> None:
    fil = _rapport(EXEMPEL, tmp_path / "kb.html", "kvalitetsberattelse", "--format", "html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kb.html"]  # en enda fil
    text = fil.read_text(encoding="utf-8")
    sida = _las_sida(fil)
    assert sida.rum_i_huset == 6
    atag = yamlio.las((EXEMPEL / "ataganden/2026.yaml").read_text(encoding="utf-8"))
    for atagande in atag["åtaganden"]:
        assert f'id="atagande-{atagande["id"]}"' in text
        assert " ".join(atagande["resultat"].split())[:60] in " ".join(text.split())
    rubriker = [t for _, t in sida.rubriker]
    assert "Avvikelser, klagomål, synpunkter och lex Sarah" in rubriker
    assert "Ärenden per typ" in rubriker
    assert "Återkommande orsaker" in rubriker
    assert sida.resurser == []
    assert not re.search(r"(src|href)=\"(https?:)?//|@import|url\(", text)


def test_markdown_har_samma_avsnitt_och_ar_commonmark(tmp_path: Path) -> None:
    html = _las_sida(
        _rapport(EXEMPEL, tmp_path / "kb.html", "kvalitetsberattelse", "--format", "html")
    )
    md = _rapport(EXEMPEL, tmp_path / "kb.md", "kvalitetsberattelse", "--format", "md")
    tolkat = MarkdownIt("commonmark").enable("table").parse(md.read_text(encoding="utf-8"))
    rubriker = []
    for i, token in enumerate(tolkat):
        if token.type == "heading_open" and token.tag in ("h1", "h2", "h3"):
            rubriker.append((token.tag, tolkat[i + 1].content))
    assert rubriker == [(n, t) for n, t in html.rubriker if n in ("h1", "h2", "h3")]
    assert [t for t in tolkat if t.type == "table_open"], "tabellerna ska tolkas som tabeller"
    bilder = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md.read_text(encoding="utf-8"))
    assert bilder[:3] == ["kb-huset.svg", "kb-malkedja.svg", "kb-arshjulet.svg"]
    assert "kb-kolada-N30005.svg" in bilder
    assert all((tmp_path / bild).is_file() for bild in bilder)


def _med_skript(mapp: Path) -> None:
    """Lägg SKRIPT i fält som hamnar i rapporterna: huset, session, åtagande, ärende, Garaget,
    riskanalys och egenkontroll."""
    ersattningar = {
        "huset.yaml": ("vision: ", f"vision: {SKRIPT} "),
        "arshjul/2026/processer.yaml": ("slutsatser: >-\n", f"slutsatser: >-\n  {SKRIPT}\n"),
        "arshjul/2026/kompetens.yaml": ("    ansvarig: ", f"    ansvarig: {SKRIPT} "),
        "ataganden/2026.yaml": ("analys: >-\n", f"analys: >-\n      {SKRIPT}\n"),
        "avvikelser/2026/2026-005.yaml": (
            "process: Placering",
            f'process: "{SKRIPT} Placering',
        ),
        "garaget.yaml": ("rubrik: Rutin för tolkbokning saknas", f'rubrik: "{SKRIPT}"'),
        "buuuu/sysselsattning.yaml": ("namn: Sysselsättning", f'namn: "{SKRIPT}" Sysselsättning'),
        "riskanalyser/RA-2026-002.yaml": ("    risk: >-\n", f"    risk: >-\n      {SKRIPT}\n"),
        "egenkontroll/2026/EK-2026-001.yaml": ("resultat: >-\n", f"resultat: >-\n  {SKRIPT}\n"),
    }
    for fil, (gammalt, nytt) in ersattningar.items():
        sokvag = mapp / fil
        text = sokvag.read_text(encoding="utf-8")
        assert gammalt in text, (fil, gammalt)
        if nytt.count('"') % 2:  # citattecknet ska stängas vid radens slut
            rader = text.split("\n")
            index = next(i for i, r in enumerate(rader) if gammalt in r)
            rader[index] = rader[index].replace(gammalt, nytt) + '"'
            text = "\n".join(rader)
        else:
            text = text.replace(gammalt, nytt, 1)
        sokvag.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    "rapport",
    [
        ("kvalitetsberattelse",),
        ("handlingsplan",),
        ("avvikelser",),
        ("ataganden",),
        ("arshjul",),
        ("rum", "processer"),
        ("riskanalyser",),
        ("egenkontroll",),
    ],
)
def test_skript_i_yaml_blir_text_i_varje_html_rapport(
    exempel: Path, tmp_path: Path, rapport: tuple[str, ...]
) -> None:
    _med_skript(exempel)
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod in (0, 1)
    fil = _rapport(exempel, tmp_path / "r.html", *rapport, "--format", "html", "--exakta-antal")
    text = fil.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;" in text


def test_skript_i_yaml_blir_text_pa_varje_sida_i_webben(exempel: Path, tmp_path: Path) -> None:
    _med_skript(exempel)
    ut = tmp_path / "webb"
    svar = kor("rapport", "webb", "--ut", str(ut), "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar
    sidor = list(ut.rglob("*.html"))
    assert len(sidor) > 20
    for sida in sidor:
        text = sida.read_text(encoding="utf-8").lower()
        # Styrdokumentens sökning är kvalitets egna två skript: registret (JSON) och sökningen.
        egna = ('<script type="application/json" id="sokindex">', "<script>\n/* sökningen")
        assert text.count("<script") == sum(text.count(e) for e in egna), sida


def test_skript_i_markdown_ar_escapat(exempel: Path, tmp_path: Path) -> None:
    _med_skript(exempel)
    fil = _rapport(exempel, tmp_path / "r.md", "kvalitetsberattelse", "--format", "md")
    html = MarkdownIt("commonmark").enable("table").render(fil.read_text(encoding="utf-8"))
    assert "<script" not in html.lower()
    assert "&lt;script&gt;" in html


def test_webbens_lankar_leder_alla_till_filer_i_mappen(tmp_path: Path) -> None:
    ut = tmp_path / "X"
    svar = kor("rapport", "webb", "--ut", str(ut), "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    index = ut / "index.html"
    lankar_fran_index = _las_sida(index).lankar
    assert len(lankar_fran_index) >= 6 + 7 + 10 + 1 + 2  # rum, sessioner, åtaganden, varv, risk
    for ny_sida in (
        "riskanalyser.html",
        "egenkontroll.html",
        "riskanalyser/RA-2026-001.html",
        "riskanalyser/RA-2026-002.html",
    ):
        assert ny_sida in lankar_fran_index, ny_sida
    for sida in ut.rglob("*.html"):
        for lank in _las_sida(sida).lankar:
            adress = urlparse(lank)
            if not adress.path:  # en länk inom sidan (#avsnitt)
                continue
            if sida.name == "tillganglighet.html" and adress.netloc == "www.digg.se":
                continue  # tillsynsmyndigheten, som redogörelsen ska hänvisa till
            assert not adress.scheme and not adress.netloc, (sida, lank)
            mal = (sida.parent / unquote(adress.path)).resolve()
            assert mal.is_file(), (sida.relative_to(ut), lank)
            assert ut.resolve() in mal.parents


def test_sma_antal_visas_som_farre_an_fem(tmp_path: Path) -> None:
    skyddad = _rapport(EXEMPEL, tmp_path / "a.md", "avvikelser", "--format", "md")
    exakt = _rapport(EXEMPEL, tmp_path / "b.md", "avvikelser", "--format", "md", "--exakta-antal")
    assert "färre än 5" in skyddad.read_text(encoding="utf-8")
    assert "färre än 5" not in exakt.read_text(encoding="utf-8")


def test_gransen_for_sma_antal_kan_andras_i_huset(exempel: Path, tmp_path: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    huset.write_text(
        text.replace("regler:\n", "regler:\n  rapporter:\n    minsta_antal: 3\n", 1),
        encoding="utf-8",
    )
    fil = _rapport(exempel, tmp_path / "a.md", "avvikelser", "--format", "md")
    assert "färre än 3" in fil.read_text(encoding="utf-8")
    assert "färre än 5" not in fil.read_text(encoding="utf-8")


def test_svenska_datum_och_tal(tmp_path: Path) -> None:
    text = _rapport(EXEMPEL, tmp_path / "kb.html", "kvalitetsberattelse", "--format", "html")
    innehall = text.read_text(encoding="utf-8")
    assert "30 november 2026" in innehall
    assert "11 februari 2026" in innehall  # datumet för sessionen i Processer och rutiner
    assert re.search(r"\d+,\d", innehall)  # decimalkomma
    # Ingen decimalpunkt i tabellerna (styrdokumentens versionsnummer är inga tal).
    fore, resten = innehall.split('<h3 id="dokumentstyrning">')
    utan_versioner = fore + resten.split("<h3>Brukarinflytande</h3>")[1]
    assert not re.search(r">\d+\.\d+<", utan_versioner)


def test_en_ny_verksamhet_visar_varje_avsnitt_med_ingen_uppgift(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    assert (
        kor("init", str(mapp), "--organisation", "Nya kommun", "--kommunkod", "9999").slutkod == 0
    )
    fil = _rapport(mapp, tmp_path / "kb.html", "kvalitetsberattelse", "--format", "html")
    sida = _las_sida(fil)
    forvantade = [
        "Sammanfattning",
        "Verksamheten och ledningssystemet",
        "Mål och strategier",
        "Så har kvalitetsarbetet bedrivits",
        "Vidtagna åtgärder",
        "Resultat",
        "De integrerade målen",
        "Arbetsmiljön: bjälklaget (Vi-sam)",
        "Garaget: parkerat till kommande år",
    ]
    assert [t for n, t in sida.rubriker if n == "h2"] == forvantade
    assert fil.read_text(encoding="utf-8").count("Ingen uppgift registrerad") >= 8


def test_rapporten_skriver_inte_over_en_fil_som_inte_ar_en_rapport(tmp_path: Path) -> None:
    egen = tmp_path / "anteckningar.md"
    egen.write_text("# Mina anteckningar\n", encoding="utf-8")
    svar = kor("rapport", "handlingsplan", "-C", str(EXEMPEL), "--per", PER, "--ut", str(egen))
    assert svar.slutkod == 1, svar
    assert "ingen rapport från kvalitet" in svar.stderr
    assert egen.read_text(encoding="utf-8") == "# Mina anteckningar\n"
    # En äldre rapport från kvalitet skrivs däremot om.
    ny = tmp_path / "plan.md"
    assert (
        kor("rapport", "handlingsplan", "-C", str(EXEMPEL), "--per", PER, "--ut", str(ny)).slutkod
        == 0
    )
    igen = kor("rapport", "handlingsplan", "-C", str(EXEMPEL), "--per", PER, "--ut", str(ny))
    assert igen.slutkod == 0, igen
    assert "Skrev om" in igen.stdout


def test_standardfilen_hamnar_under_rapporter(exempel: Path) -> None:
    svar = kor("rapport", "arshjul", "-C", str(exempel), "--per", PER, "--ar", "2026")
    assert svar.slutkod == 0, svar
    assert (exempel / "rapporter" / "arshjul-2026.md").is_file()
    assert (exempel / "rapporter" / "arshjul-2026-arshjulet.svg").is_file()


def test_ut_streck_skriver_till_standard_ut(exempel: Path) -> None:
    svar = kor("rapport", "ataganden", "-C", str(exempel), "--per", PER, "--ut", "-")
    assert svar.slutkod == 0, svar
    assert svar.stdout.startswith("<!-- Skapad av kvalitet")
    assert not (exempel / "rapporter").exists()


def test_okant_format_och_okant_rum_ar_anvandningsfel() -> None:
    assert kor("rapport", "arshjul", "-C", str(EXEMPEL), "--format", "odt").slutkod == 2
    assert kor("rapport", "rum", "procesr", "-C", str(EXEMPEL)).slutkod == 2


def test_rapporten_egenkontroll_i_md_och_html(tmp_path: Path) -> None:
    md = _rapport(EXEMPEL, tmp_path / "egk.md", "egenkontroll", "--format", "md")
    html = _rapport(EXEMPEL, tmp_path / "egk.html", "egenkontroll", "--format", "html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["egk.html", "egk.md"]
    text = md.read_text(encoding="utf-8")
    assert text.startswith("<!-- Skapad av kvalitet")
    assert "# Egenkontroll 2026" in text
    assert "6 av 6 kontrollmoment har hållit sin frekvens under 2026" in text
    assert "10 kontroller genomfördes; 3 av dem fann brister (6 brister)." in text
    assert "egenkontroll EK-2026-001 A1" in text  # åtgärderna, med källa
    tolkat = MarkdownIt("commonmark").enable("table").parse(text)
    rubriker = [
        (t.tag, tolkat[i + 1].content) for i, t in enumerate(tolkat) if t.type == "heading_open"
    ]
    assert rubriker == [(n, t) for n, t in _las_sida(html).rubriker]
    assert ("h3", "Årets kontroller") in rubriker
    assert [t for t in tolkat if t.type == "table_open"]


def test_webbens_sida_for_en_riskanalys(tmp_path: Path) -> None:
    ut = tmp_path / "webb"
    svar = kor("rapport", "webb", "--ut", str(ut), "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    sida = ut / "riskanalyser" / "RA-2026-001.html"
    text = " ".join(sida.read_text(encoding="utf-8").split())
    assert [t for n, t in _las_sida(sida).rubriker if n == "h2"] == [
        "Riskerna",
        "Åtgärder",
        "Uppföljningar",
    ]
    assert text.count('<g class="ruta"') == 16  # riskmatrisen
    assert "4 risker, 2 av dem höga" in text
    assert "12 <small>(hög)</small>" in text
    assert "1 åtgärd, 1 klar (A1)" in text
    assert "Accepterad: Utredningarna prioriteras" in text
    assert "riskanalys RA-2026-001 A2" in text
    assert "Sommaren följdes upp på enhetens arbetsplatsträff." in text
    for rapport in ("riskanalyser.html", "egenkontroll.html"):
        assert MARKOR in (ut / rapport).read_text(encoding="utf-8")[:200]


# En rapport för ett år räknar det som hör till året (issue 14.4).


def test_arets_rapport_raknar_inte_nasta_ars_atgarder(exempel: Path) -> None:
    fore = kor("rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026",
               "--per", "2027-03-15", "--format", "md", "--ut", "-")  # fmt: skip
    assert kor("arshjul", "starta", "processer", "--ar", "2027", "-C", str(exempel)).slutkod == 0
    session = exempel / "arshjul/2027/processer.yaml"
    session.write_text(
        session.read_text(encoding="utf-8").replace(
            "handlingsplan: []",
            "handlingsplan:\n  - id: A1\n    åtgärd: Nästa års åtgärd för rutinerna\n"
            "    ansvarig: enhetschef\n    klart_senast: 2027-06-30\n"
            "    uppföljning: 2027-08-31\n    status: pågår",
        ),
        encoding="utf-8",
    )
    efter = kor("rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026",
                "--per", "2027-03-15", "--format", "md", "--ut", "-")  # fmt: skip
    assert efter.slutkod == 0, efter
    assert "Nästa års åtgärd" not in efter.stdout
    assert efter.stdout == fore.stdout


def test_jamforelsen_med_aret_fore_inforandet(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    argument = ("--organisation", "K", "--kommunkod", "2401", "--infort", "2026-01-01")
    assert kor("init", str(mapp), *argument).slutkod == 0
    svar = kor("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning",
               "Sent beslut.", "--datum", "2026-03-02", "-C", str(mapp))  # fmt: skip
    assert svar.slutkod == 0, svar
    svar = kor("rapport", "avvikelser", "-C", str(mapp), "--ar", "2026", "--per", "2026-11-30",
               "--format", "md", "--ut", "-")  # fmt: skip
    jamforelse = svar.stdout.split("Jämfört med 2025", 1)[1]
    assert "| Totalt | före införandet |" in jamforelse, jamforelse


def test_varje_rullbar_tabell_har_namn_och_kan_fa_fokus(tmp_path: Path) -> None:
    ut = tmp_path / "berattelse.html"
    argument = ("-C", str(EXEMPEL), "--ar", "2026", "--per", PER, "--format", "html")
    assert kor("rapport", "kvalitetsberattelse", *argument, "--ut", str(ut)).slutkod == 0
    html = ut.read_text(encoding="utf-8")
    tabeller = re.findall(r'<div class="tabell"[^>]*>', html)
    assert tabeller
    for tabell in tabeller:
        assert 'tabindex="0"' in tabell and 'role="region"' in tabell, tabell
        assert re.search(r'aria-label="[^"]+"', tabell), tabell


def test_init_ignorerar_webbplatsen(tmp_path: Path) -> None:
    assert (
        kor("init", str(tmp_path / "v"), "--organisation", "K", "--kommunkod", "2401").slutkod == 0
    )
    assert "webb/" in (tmp_path / "v" / ".gitignore").read_text(encoding="utf-8").splitlines()
