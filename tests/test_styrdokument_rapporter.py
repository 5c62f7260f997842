"""Styrdokumenten på webbplatsen och i kvalitetsberättelsen (issue 15)."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import PER, kor
from tests.test_historik import checka_in, kor_git

TOLK = "styrdokument/rutin-tolkbokning.md"
UPP = ".." + "/"  # en nivå upp på webbplatsen (inte ut ur förrådet)


def _webb(mapp: Path, ut: Path) -> Path:
    svar = kor("rapport", "webb", "-C", str(mapp), "--per", PER, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    return ut


class _Lankar(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lankar: list[str] = []
        self.idn: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        varden = dict(attrs)
        if varden.get("id"):
            self.idn.add(str(varden["id"]))
        if tag == "a" and varden.get("href"):
            self.lankar.append(str(varden["href"]))


def _las(sida: Path) -> _Lankar:
    tolk = _Lankar()
    tolk.feed(sida.read_text("utf-8"))
    return tolk


def test_varje_lank_pa_styrdokumentens_sidor_gar_att_folja(exempel: Path, tmp_path: Path) -> None:
    webb = _webb(exempel, tmp_path / "webb")
    sidor = sorted((webb / "styrdokument").rglob("*.html"))
    assert len(sidor) > 13 + 7  # dokumenten, registren och lagkravslistan
    for sida in sidor:
        for lank in _las(sida).lankar:
            if lank.startswith(("http", "mailto:")):
                continue
            fil, _, ankare = lank.partition("#")
            mal = (sida.parent / fil).resolve() if fil else sida
            assert mal.is_file(), (sida, lank)
            if ankare:
                assert ankare in _las(mal).idn, (sida, lank)


def test_dokumentets_sida(exempel: Path, tmp_path: Path) -> None:
    kor_git(exempel, "init", "-q", "-b", "main")
    checka_in(exempel, "Exemplet", "Anna Ek", "2026-01-10T09:00:00")
    kor_git(exempel, "switch", "-q", "-c", "tolk")
    fil = exempel / TOLK
    fil.write_text(
        fil.read_text("utf-8") + "\n<script>alert(1)</script> och [rummet](rum:trygghet).\n",
        "utf-8",
    )
    checka_in(exempel, "Tolkrutinen", "Bo Berg", "2026-09-01T09:00:00")
    kor_git(exempel, "switch", "-q", "main")
    kor_git(exempel, "merge", "-q", "--no-ff", "-m", "Merge pull request #31 from tolk", "tolk",
            namn="GitHub", datum="2026-09-08T09:00:00")  # fmt: skip
    webb = _webb(exempel, tmp_path / "webb")
    html = (webb / "styrdokument/rutin-tolkbokning.html").read_text("utf-8")
    assert "<h1>Rutin för tolkbokning</h1>" in html and html.count("<h1") == 1
    uppgifter = re.findall(r"<dt>([^<]+)</dt><dd[^>]*>(.*?)</dd>", html)
    assert ("Fastställd", "2026-09-08 av verksamhetschef") in uppgifter
    andrad = dict(uppgifter)["Senast ändrad"]
    assert andrad.startswith("2026-09-01 (incheckning ") and andrad.endswith(", pull request #31)")
    assert ("Revideras senast", "2027-09-08") in uppgifter
    assert '<li class="niva-2"><a href="#så-bokar-du">Så bokar du</a></li>' in html
    assert '<h2 id="så-bokar-du">Så bokar du</h2>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert f'<a href="{UPP}rum/trygghet.html">rummet</a>' in html
    assert '<a href="lagkrav.html#fl-tolk">' in html
    hit = html.split('id="hanvisar-hit"')[1]
    assert '<a href="process-handlaggning-ansokan.html">' in hit


def test_registren_per_slag_rum_och_process(exempel: Path, tmp_path: Path) -> None:
    webb = _webb(exempel, tmp_path / "webb")
    index = (webb / "styrdokument/index.html").read_text("utf-8")
    for rubrik in ("Processbeskrivningar", "Rutiner", "Riktlinjer"):
        assert f">{rubrik}</h2>" in index
    assert '<a href="slag/rutin.html">Rutiner</a>' in index
    assert '<a href="lagkrav.html">Lagkravslistan</a>' in index
    rutiner = (webb / "styrdokument/slag/rutin.html").read_text("utf-8")
    assert rutiner.count(f'<li><a href="{UPP}rutin-') == 5
    process = (webb / "styrdokument/process/orosanmalan.html").read_text("utf-8")
    assert f'<a href="{UPP}process-orosanmalan.html">' in process
    rum = (webb / "styrdokument/rum/processer.html").read_text("utf-8")
    assert f'<a href="{UPP}rutin-tolkbokning.html">' in rum
    start = (webb / "index.html").read_text("utf-8")
    assert '<a href="styrdokument/index.html">Styrdokument</a>' in start


def test_sokregistret_har_alla_dokument_och_kan_inte_bryta_sig_ut(
    exempel: Path, tmp_path: Path
) -> None:
    fil = exempel / TOLK
    fil.write_text(fil.read_text("utf-8") + "\nText med </script><!-- och & i.\n", "utf-8")
    webb = _webb(exempel, tmp_path / "webb")
    html = (webb / "styrdokument/index.html").read_text("utf-8")
    json_text = html.split('<script type="application/json" id="sokindex">')[1].split("</script>")[
        0
    ]
    poster = json.loads(json_text)
    assert len(poster) == 13
    tolk = next(p for p in poster if p["adress"] == "rutin-tolkbokning.html")
    assert "tolkförmedling" in tolk["text"] and "</script><!-- och & i" in tolk["text"]
    assert html.count("<script") == 2 and "src=" not in html.split('<main id="innehall">')[1]


def test_lagkravslistan_som_sida(exempel: Path, tmp_path: Path) -> None:
    webb = _webb(exempel, tmp_path / "webb")
    html = (webb / "styrdokument/lagkrav.html").read_text("utf-8")
    rad = html.split('<tr id="fl-tolk">')[1].split("</tr>")[0]
    assert "SFS 2017:900" in rad and '<a href="rutin-tolkbokning.html">' in rad


def test_utan_styrdokument_inga_sidor(liten: Path, tmp_path: Path) -> None:
    webb = _webb(liten, tmp_path / "webb")
    assert not (webb / "styrdokument").exists()
    assert 'Styrdokument</h2>\n<p class="tom">' in (webb / "index.html").read_text("utf-8")


@pytest.mark.parametrize("format_", ["md", "html"])
def test_kvalitetsberattelsen_har_dokumentstyrningen(
    exempel: Path, tmp_path: Path, format_: str
) -> None:
    fil = exempel / TOLK
    text = fil.read_text("utf-8").replace("lagkrav: [fl-tolk]", "lagkrav: []")
    fil.write_text(
        text.replace("status: fastställd", "status: fastställd\nrevideras_senast: 2026-10-01"),
        "utf-8",
    )
    handlaggning = exempel / "styrdokument/process-handlaggning-ansokan.md"
    handlaggning.write_text(handlaggning.read_text("utf-8").replace(", fl-tolk]", "]"), "utf-8")
    ut = tmp_path / f"kb.{format_}"
    svar = kor("rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026", "--per", PER,
               "--format", format_, "--ut", str(ut))  # fmt: skip
    assert svar.slutkod == 0, svar
    rapport = ut.read_text("utf-8")
    avsnitt = rapport.split("Dokumentstyrning", 1)[1].split("Brukarinflytande", 1)[0]
    assert "13 fastställda styrdokument" in avsnitt
    assert "Under 2026 fastställdes 13 dokument" in avsnitt
    assert "1 dokument förfallna till revision" in avsnitt
    assert (
        "Rutin för tolkbokning (enhetschef vuxenenheten): skulle ha reviderats senast 2026-10-01"
        in avsnitt
    )
    assert "SFS 2017:900" in avsnitt.split("utan fastställt styrdokument", 1)[1]
    if format_ == "md":
        assert "| Rutin för lex Sarah | rutin | 4\\.0 | 2026-02-17 | socialnämnden |" in avsnitt
