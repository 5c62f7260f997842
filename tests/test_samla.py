"""`kvalitet samla`: flera verksamheter i en förvaltningsöversikt, och exempel-funktionsstod."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import git
import pytest
from markdown_it import MarkdownIt

from kvalitet import yamlio
from kvalitet.rapporter.avvikelser import TYPER
from kvalitet.rapporter.samla import DOLD_SUMMA, bygg, skyddad_summa
from tests.conftest import EXEMPEL, PER, ROT, kor

FUNKTIONSSTOD = ROT / "exempel-funktionsstod"
EXEMPLEN = (EXEMPEL, FUNKTIONSSTOD)
NAMN = {EXEMPEL: "Individ- och familjeomsorgen", FUNKTIONSSTOD: "Funktionsstöd (LSS)"}
AR = 2026
SKRIPT = "<script>alert(1)</script>"


class _Tabeller(HTMLParser):
    """Rubrikerna (h2) och alla tabeller i en HTML-sida, som rader av cellernas text."""

    def __init__(self) -> None:
        super().__init__()
        self.rubriker: list[str] = []
        self.tabeller: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self._rubrik: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tabeller.append([])
        elif tag == "tr":
            self.tabeller[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "h2":
            self._rubrik = []

    def handle_data(self, data: str) -> None:
        for samlare in (self._cell, self._rubrik):
            if samlare is not None:
                samlare.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tabeller[-1][-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "h2" and self._rubrik is not None:
            self.rubriker.append(" ".join("".join(self._rubrik).split()))
            self._rubrik = None


def _las_html(fil: Path) -> _Tabeller:
    sida = _Tabeller()
    sida.feed(fil.read_text(encoding="utf-8"))
    return sida


def _samla(*argv: str | Path) -> tuple[int, str, str]:
    svar = kor("samla", *map(str, argv), "--per", PER)
    return svar.slutkod, svar.stdout, svar.stderr


def _rad(tabell: list[list[str]], borjan: str) -> list[str]:
    """Raden vars första cell börjar med texten."""
    return next(rad for rad in tabell if rad and rad[0].startswith(borjan))


def _arenden_per_typ(mapp: Path, ar: int) -> Counter[str]:
    """Ärendena per typ ur filerna själva, utan kvalitets kod."""
    antal: Counter[str] = Counter()
    for fil in (mapp / "avvikelser").glob("*/*.yaml"):
        data = yamlio.las(fil.read_text(encoding="utf-8"))
        if date.fromisoformat(str(data["inkom"])).year == ar:
            antal[data["typ"]] += 1
    return antal


def _egen_rapport(mapp: Path, namn: str, ut: Path) -> str:
    """Verksamhetens egen rapport i formatet som filens ändelse anger."""
    argv = ("-C", str(mapp), "--ar", str(AR), "--per", PER, "--format", ut.suffix[1:])
    svar = kor("rapport", namn, *argv, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    return ut.read_text(encoding="utf-8")


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, (fil, gammalt)
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


@pytest.fixture
def funktionsstod(tmp_path: Path) -> Path:
    """En kopia av exempel-funktionsstod/ att ändra i."""
    kopia = tmp_path / "funktionsstod"
    shutil.copytree(FUNKTIONSSTOD, kopia, ignore=shutil.ignore_patterns("cache"))
    return kopia


# Det issue 7 kräver: båda verksamheterna i terminalen och en samlad HTML-rapport.


def test_samla_visar_bada_verksamheterna_och_skriver_html(tmp_path: Path) -> None:
    ut = tmp_path / "forvaltning.html"
    slutkod, stdout, stderr = _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", ut)
    assert slutkod == 0, stdout + stderr
    for namn in NAMN.values():
        assert namn in stdout
    assert "Hela förvaltningen" in stdout
    assert ut.is_file()
    assert re.search(r"^Skapade \S*forvaltning\.html$", stdout, re.MULTILINE), stdout
    sida = _las_html(ut)
    assert [r for r in sida.rubriker if r in NAMN.values()] == list(NAMN.values())
    text = ut.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n<!-- Skapad av kvalitet")
    assert "Älvbygdens kommun" in text


def test_talen_stammer_med_verksamheternas_egna_rapporter(tmp_path: Path) -> None:
    ut = tmp_path / "f.html"
    assert _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", ut)[0] == 0
    oversikt = _las_html(ut).tabeller[0]
    for mapp, namn in NAMN.items():
        rad = _rad(oversikt, namn)
        kontroll = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
        antal = json.loads(kontroll.stdout)["antal"]
        varningar = f"{antal['varning']} varning{'ar' if antal['varning'] != 1 else ''}"
        assert rad[1] == f"{antal['fel']} fel och {varningar}"
        hjulet = _egen_rapport(mapp, "arshjul", tmp_path / f"{mapp.name}-hjul.md")
        genomforda, rum = re.search(r"(\d+) av (\d+) rum har hållit", hjulet).groups()  # type: ignore[union-attr]
        assert rad[2].startswith(f"{genomforda} av {rum} genomförda")
        plan = _egen_rapport(mapp, "handlingsplan", tmp_path / f"{mapp.name}-plan.md")
        forsenade = re.search(r"Försenade: (\d+)\.", plan).group(1)  # type: ignore[union-attr]
        assert rad[3] == forsenade
        assert int(forsenade) == antal["varning"]  # exemplens enda varningar är ATG001
        assert rad[4] == str(sum(_arenden_per_typ(mapp, AR).values()))
    summa = _rad(oversikt, "Hela förvaltningen")
    assert summa[3] == str(sum(int(_rad(oversikt, n)[3]) for n in NAMN.values()))
    assert summa[4] == str(sum(sum(_arenden_per_typ(m, AR).values()) for m in EXEMPLEN))


def test_arendena_per_typ_ar_avvikelserapportens(tmp_path: Path) -> None:
    ut = tmp_path / "f.html"
    assert _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", ut)[0] == 0
    typer = _las_html(ut).tabeller[1]
    assert typer[0] == ["Typ", *NAMN.values(), "Förvaltningen"]
    for kolumn, mapp in enumerate(EXEMPLEN, start=1):
        fil = tmp_path / f"{mapp.name}.html"
        _egen_rapport(mapp, "avvikelser", fil)
        egen = _las_html(fil).tabeller[0]  # avvikelserapportens första tabell: per typ
        for _, etikett in TYPER:
            assert _rad(typer, etikett)[kolumn] == _rad(egen, etikett)[1], (mapp.name, etikett)


def test_exakta_antal_summeras_per_typ(tmp_path: Path) -> None:
    ut = tmp_path / "f.html"
    assert _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", ut, "--exakta-antal")[0] == 0
    typer = _las_html(ut).tabeller[1]
    antal = [_arenden_per_typ(mapp, AR) for mapp in EXEMPLEN]
    for typ, etikett in TYPER:
        varden = [a[str(typ)] for a in antal]
        assert _rad(typer, etikett)[1:] == [*map(str, varden), str(sum(varden))]
    assert "färre än" not in ut.read_text(encoding="utf-8")


def test_sma_antal_doljs_och_summan_avslojar_dem_inte(exempel: Path, tmp_path: Path) -> None:
    # Med en avvikelse till har IFO 5 (visas), funktionsstöd 2 (döljs): summan 7 skulle
    # avslöja funktionsstödets 2, så den visas som ett streck.
    kopia = exempel / "avvikelser/2026/2026-099.yaml"
    text = (exempel / "avvikelser/2026/2026-001.yaml").read_text(encoding="utf-8")
    kopia.write_text(text.replace('id: "2026-001"', 'id: "2026-099"'), encoding="utf-8")
    assert _arenden_per_typ(exempel, AR)["avvikelse"] == 5
    assert _arenden_per_typ(FUNKTIONSSTOD, AR)["avvikelse"] == 2
    ut = tmp_path / "f.html"
    assert _samla(exempel, FUNKTIONSSTOD, "--ut", ut)[0] == 0
    typer = _las_html(ut).tabeller[1]
    assert _rad(typer, "Avvikelse") == ["Avvikelse", "5", "färre än 5", DOLD_SUMMA]
    assert _rad(typer, "Klagomål")[1:] == ["färre än 5"] * 3


@pytest.mark.parametrize(
    ("celler", "vantat"),
    [
        ([(5, 5), (2, 5)], DOLD_SUMMA),  # en dold och en synlig: 7 − 5 = 2
        ([(4, 5), (4, 5)], DOLD_SUMMA),  # båda så stora som möjligt: 8 = 4 + 4
        ([(1, 5), (1, 5), (9, 5)], DOLD_SUMMA),  # båda så små som möjligt
        ([(4, 5), (2, 5)], "6"),  # 6 kan vara 2 + 4, 3 + 3 eller 4 + 2
        ([(2, 5), (0, 5)], "färre än 5"),
        ([(0, 5), (0, 5)], "0"),
        ([(7, 5), (9, 5)], "16"),
        ([(5, None), (2, None)], "7"),  # exakta antal
    ],
)
def test_skyddad_summa(celler: list[tuple[int, int | None]], vantat: str) -> None:
    assert skyddad_summa(celler, None if celler[0][1] is None else 5) == vantat


def test_aldsta_forsenade_atgarderna_visas(tmp_path: Path) -> None:
    slutkod, stdout, _ = _samla(EXEMPEL, FUNKTIONSSTOD)
    assert slutkod == 0
    aldsta = stdout[stdout.index("De äldsta försenade åtgärderna") :]
    assert "session 2026 A2" in aldsta
    assert "avvikelse 2026-004 A1" in aldsta
    assert "2026-11-13" in aldsta
    # Den äldsta först inom varje verksamhet.
    assert aldsta.index("2026-11-13") < aldsta.index("2026-004")


def test_fler_forsenade_an_som_visas(funktionsstod: Path, tmp_path: Path) -> None:
    fil = funktionsstod / "arshjul/2026/kompetens.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(
        text.replace("klart_senast: 2027-", "klart_senast: 2026-").replace(
            "status: planerad", "status: pågår"
        ),
        encoding="utf-8",
    )
    sen = funktionsstod / "arshjul/2026/forhallningssatt.yaml"
    _ersatt(sen, "klart_senast: 2027-04-30", "klart_senast: 2026-04-30")
    _ersatt(
        funktionsstod / "avvikelser/2026/2026-001.yaml",
        "klart_senast: 2026-08-15\n    uppföljning: 2026-10-15\n    status: klar",
        "klart_senast: 2026-08-15\n    uppföljning: 2026-10-15\n    status: pågår",
    )
    vy = bygg([funktionsstod], date.fromisoformat(PER), AR)
    (enhet,) = vy.enheter
    assert enhet.forsenade == 6
    assert enhet.aldsta is not None
    assert len(enhet.aldsta.rader) == 5
    datum = [r.klart_senast or date.max for r in enhet.aldsta.rader]
    assert datum == sorted(datum)
    assert datum[0] == date(2026, 1, 31)
    ut = tmp_path / "f.html"
    assert _samla(funktionsstod, "--ut", ut)[0] == 0
    assert "de 5 äldsta visas här" in ut.read_text(encoding="utf-8")


# En verksamhet som inte går att läsa stoppar inte de andra.


def test_trasig_tredje_verksamhet_rapporteras_och_de_andra_visas(
    funktionsstod: Path, tmp_path: Path
) -> None:
    _ersatt(funktionsstod / "huset.yaml", "  namn: Funktionsstöd (LSS)", "  namn: [Funktionsstöd")
    utan_hus = tmp_path / "utan-hus"
    utan_hus.mkdir()
    saknas = tmp_path / "saknas"
    ut = tmp_path / "f.html"
    slutkod, stdout, stderr = _samla(
        EXEMPEL, FUNKTIONSSTOD, funktionsstod, utan_hus, saknas, "--ut", ut
    )
    assert slutkod == 1, stdout + stderr
    for namn in NAMN.values():
        assert namn in stdout
    assert "2 av 5 lästa" in stdout
    assert re.search(r"fel: \S*funktionsstod: huset\.yaml:\d+:\d+: ", stderr), stderr
    assert "ingen huset.yaml" in stderr
    assert "finns inte" in stderr
    oversikt = _las_html(ut).tabeller[0]
    assert _rad(oversikt, "funktionsstod")[1].startswith("Kunde inte läsas: huset.yaml:")
    assert _rad(oversikt, "utan-hus")[1].startswith("Kunde inte läsas:")
    assert _rad(oversikt, NAMN[EXEMPEL])[3] == "1"
    assert "Traceback" not in stdout + stderr


def test_fel_i_husets_format_ar_en_orsak(funktionsstod: Path) -> None:
    _ersatt(funktionsstod / "huset.yaml", 'kommunkod: "2499"', "kommunkod: 2499")
    slutkod, stdout, stderr = _samla(EXEMPEL, funktionsstod)
    assert slutkod == 1
    assert NAMN[EXEMPEL] in stdout
    assert re.search(r"fel: \S+: huset\.yaml:\d+:\d+: Kommunkoden", stderr), stderr


def test_ingen_verksamhet_gick_att_lasa(tmp_path: Path) -> None:
    ut = tmp_path / "f.html"
    slutkod, stdout, stderr = _samla(tmp_path / "saknas", tmp_path, "--ut", ut)
    assert slutkod == 2
    assert stdout == ""
    assert "Mappen" in stderr and "finns inte" in stderr
    assert "Ingen av verksamheterna kunde läsas." in stderr
    assert not ut.exists()


def test_tom_lista_ar_anvandningsfel() -> None:
    slutkod, stdout, stderr = _samla()
    assert slutkod == 2
    assert "Ange minst en verksamhet" in stderr
    assert stdout == ""


def test_samma_verksamhet_tva_ganger_raknas_en_gang(tmp_path: Path) -> None:
    slutkod, stdout, stderr = _samla(EXEMPEL, FUNKTIONSSTOD, EXEMPEL / "rum", f"{EXEMPEL}/")
    assert slutkod == 0, stderr
    assert stderr.count("räknas en gång") == 2
    assert "2 av 2 lästa" in stdout
    vy = bygg([EXEMPEL, EXEMPEL / "rum", FUNKTIONSSTOD], date.fromisoformat(PER), AR)
    assert [e.namn for e in vy.enheter] == list(NAMN.values())
    assert vy.summa.n_arenden == sum(sum(_arenden_per_typ(m, AR).values()) for m in EXEMPLEN)


def test_ett_forrad_lases_fran_arbetstradet(funktionsstod: Path) -> None:
    repo = git.Repo.init(funktionsstod, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Funktionsstöd")
    fore = bygg([funktionsstod], date.fromisoformat(PER), AR).summa.n_arenden
    ny = funktionsstod / "avvikelser/2026/2026-006.yaml"
    text = (funktionsstod / "avvikelser/2026/2026-001.yaml").read_text(encoding="utf-8")
    ny.write_text(text.replace('id: "2026-001"', 'id: "2026-006"'), encoding="utf-8")
    assert bygg([funktionsstod], date.fromisoformat(PER), AR).summa.n_arenden == fore + 1
    repo.close()


def test_samla_skriver_ingen_cache(funktionsstod: Path) -> None:
    assert _samla(funktionsstod)[0] == 0
    assert not (funktionsstod / ".kvalitet" / "cache").exists()


def test_fel_i_en_verksamhet_ger_slutkod_1(funktionsstod: Path) -> None:
    fil = funktionsstod / "arshjul/2026/kompetens.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text[: text.index("handlingsplan:")], encoding="utf-8")
    slutkod, stdout, _ = _samla(EXEMPEL, funktionsstod)
    assert slutkod == 1
    assert "Funktionsstöd (LSS)" in stdout
    assert re.search(r"Funktionsstöd \(LSS\)\s+\S+\s+[1-9]\d* fel", stdout), stdout


# Rapportens format, filen och skrivskyddet.


def test_markdown_har_samma_rubriker_och_tabeller(tmp_path: Path) -> None:
    assert _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", tmp_path / "f.html")[0] == 0
    html = _las_html(tmp_path / "f.html")
    md = tmp_path / "f.md"
    assert _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", md)[0] == 0
    tolkat = MarkdownIt("commonmark").enable("table").parse(md.read_text(encoding="utf-8"))
    rubriker = [
        tolkat[i + 1].content
        for i, token in enumerate(tolkat)
        if token.type == "heading_open" and token.tag == "h2"
    ]
    assert rubriker == html.rubriker
    assert sum(1 for t in tolkat if t.type == "table_open") == len(html.tabeller)


def test_format_md_utan_ut_skriver_standardfilen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    slutkod, stdout, _ = _samla(EXEMPEL, "--format", "md", "--ar", "2025")
    assert slutkod == 0
    assert (tmp_path / "forvaltning-2025.md").is_file()
    assert "Skapade forvaltning-2025.md" in stdout


def test_ut_streck_skriver_rapporten_till_standard_ut(tmp_path: Path) -> None:
    slutkod, stdout, _ = _samla(EXEMPEL, FUNKTIONSSTOD, "--format", "html", "--ut", "-")
    assert slutkod == 0
    assert stdout.startswith("<!DOCTYPE html>")
    assert "Hela förvaltningen" in stdout


def test_skriver_bara_over_rapporter_fran_kvalitet(tmp_path: Path) -> None:
    egen = tmp_path / "anteckningar.html"
    egen.write_text("<p>Mina anteckningar</p>\n", encoding="utf-8")
    slutkod, _, stderr = _samla(EXEMPEL, "--ut", egen)
    assert slutkod == 1
    assert "ingen rapport från kvalitet" in stderr
    assert egen.read_text(encoding="utf-8") == "<p>Mina anteckningar</p>\n"
    ny = tmp_path / "f.html"
    assert _samla(EXEMPEL, "--ut", ny)[0] == 0
    slutkod, stdout, _ = _samla(EXEMPEL, FUNKTIONSSTOD, "--ut", ny)
    assert slutkod == 0
    assert "Skrev om" in stdout
    assert NAMN[FUNKTIONSSTOD] in ny.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("argv", "i_felet"),
    [
        (("--format", "odt"), "--format"),
        (("--ut", "f.txt"), "ändelsen"),
        (("--format", "text", "--ut", "f.html"), "--ut"),
        (("--ar", "tjugo"), "--ar"),
    ],
)
def test_fel_anvandning_ger_slutkod_2(argv: tuple[str, ...], i_felet: str) -> None:
    slutkod, _, stderr = _samla(EXEMPEL, *argv)
    assert slutkod == 2
    assert i_felet in stderr


def test_ogiltigt_datum_ar_anvandningsfel() -> None:
    svar = kor("samla", str(EXEMPEL), "--per", "30/11")
    assert svar.slutkod == 2
    assert "giltigt datum" in svar.stderr


def test_skript_i_yaml_blir_text(funktionsstod: Path, tmp_path: Path) -> None:
    _ersatt(funktionsstod / "huset.yaml", "  namn: Funktionsstöd (LSS)", f'  namn: "{SKRIPT}"')
    _ersatt(
        funktionsstod / "avvikelser/2026/2026-004.yaml",
        "  - id: A1\n    åtgärd: >-\n",
        f"  - id: A1\n    åtgärd: >-\n      {SKRIPT}\n",
    )
    html = tmp_path / "f.html"
    md = tmp_path / "f.md"
    assert _samla(EXEMPEL, funktionsstod, "--ut", html)[0] == 0
    assert _samla(EXEMPEL, funktionsstod, "--ut", md)[0] == 0
    text = html.read_text(encoding="utf-8")
    assert "<script" not in text.lower()
    assert "&lt;script&gt;" in text
    renderat = MarkdownIt("commonmark").enable("table").render(md.read_text(encoding="utf-8"))
    assert "<script" not in renderat.lower()


# exempel-funktionsstod: den andra exempelverksamheten.


def test_funktionsstod_haller_med_bara_forsenade_atgarder_som_varningar() -> None:
    svar = kor("kontrollera", str(FUNKTIONSSTOD), "--per", PER, "--format", "json")
    assert svar.slutkod == 0, svar
    fynd = json.loads(svar.stdout)["fynd"]
    assert [f["regel"] for f in fynd] == ["ATG001", "ATG001"]
    assert kor("kontrollera", str(FUNKTIONSSTOD), "--per", PER, "--strikt").slutkod == 1


def test_funktionsstod_ar_litet_och_har_det_samla_ska_visa() -> None:
    huset = yamlio.las((FUNKTIONSSTOD / "huset.yaml").read_text(encoding="utf-8"))
    ifo = yamlio.las((EXEMPEL / "huset.yaml").read_text(encoding="utf-8"))
    for nyckel in ("organisation", "kommunkod", "nämnd"):
        assert huset["verksamhet"][nyckel] == ifo["verksamhet"][nyckel]
    assert huset["tak"]["integrerade_mål"] == ifo["tak"]["integrerade_mål"]
    sessioner = [
        yamlio.las(f.read_text(encoding="utf-8"))
        for f in sorted((FUNKTIONSSTOD / "arshjul").glob("2026/*.yaml"))
    ]
    assert any(s["status"] == "genomförd" and s["handlingsplan"] for s in sessioner)
    assert 1 < len(sessioner) < 6
    typer = _arenden_per_typ(FUNKTIONSSTOD, AR)
    assert 4 <= sum(typer.values()) <= 6
    assert len(typer) >= 3
    assert (FUNKTIONSSTOD / "ataganden/2026.yaml").is_file()


def test_tva_verksamheter_med_samma_namn_skiljs_at(tmp_path: Path) -> None:
    for namn in ("norr", "soder"):
        shutil.copytree(ROT / "exempel-funktionsstod", tmp_path / namn)
    ut = tmp_path / "forvaltning.md"
    svar = kor("samla", str(tmp_path / "norr"), str(tmp_path / "soder"), "--per", PER,
               "--ar", "2026", "--ut", str(ut))  # fmt: skip
    assert svar.slutkod == 0, svar
    text = ut.read_text(encoding="utf-8")
    rubriker = [rad for rad in text.splitlines() if rad.startswith("## Funktionsstöd")]
    assert len(rubriker) == 2 and rubriker[0] != rubriker[1], rubriker
    assert "norr)" in rubriker[0] and "soder)" in rubriker[1]
