"""Målkedjan: från fullmäktiges mål via nämndens och enhetens mål till åtagandena (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kvalitet import malkedjan
from kvalitet.modell.huset import Malniva, PolitisktMal
from tests.conftest import PER, kor

ATAGANDEN = "ataganden/2026.yaml"


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, gammalt
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def _fynd(mapp: Path, regel: str) -> list[tuple[str, str]]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
    return [(f["fil"], f["text"]) for f in json.loads(svar.stdout)["fynd"] if f["regel"] == regel]


def test_exemplets_kedjor_ar_hela(exempel: Path) -> None:
    assert _fynd(exempel, "MKD001") == []
    assert _fynd(exempel, "REF002") == []


def test_ett_okant_politiskt_mal_ar_fel(exempel: Path) -> None:
    _ersatt(exempel / ATAGANDEN, "politiska_mål: [e01]", "politiska_mål: [e1]")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert "fel REF002 Det finns inget politiskt mål i taket ”e1”" in svar.stdout, svar.stdout


def test_ett_atagande_utan_mal(exempel: Path) -> None:
    _ersatt(exempel / ATAGANDEN, "    politiska_mål: [e01]\n", "")
    [(fil, text)] = _fynd(exempel, "MKD001")
    assert fil.endswith(ATAGANDEN) and "”at01” pekar inte ut något av takets politiska mål" in text
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0  # en varning


def test_ett_atagande_med_malkedjan_som_text(exempel: Path) -> None:
    _ersatt(
        exempel / ATAGANDEN,
        "    politiska_mål: [e01]\n",
        "    mål:\n      kommunfullmäktige: Fossilfri 2035.\n      enhet: Färre taxiresor.\n",
    )
    [(_, text)] = _fynd(exempel, "MKD001")
    assert "målkedjan står bara som text under mål" in text


@pytest.mark.parametrize(
    ("gammalt", "nytt", "regel", "text"),
    [
        ("      bidrar_till: n3\n", "", "MKD001", "Enhetens mål ”e01” bidrar inte till något mål"),
        (
            "      bidrar_till: n3\n",
            "      bidrar_till: e02\n",
            "MKD001",
            "som inte ligger ovanför",
        ),
        (
            "      bidrar_till: n3\n",
            "      bidrar_till: n33\n",
            "REF002",
            "inget politiskt mål ”n33”",
        ),
    ],
)
def test_malen_ska_hanga_ihop_uppat(
    exempel: Path, gammalt: str, nytt: str, regel: str, text: str
) -> None:
    _ersatt(exempel / "huset.yaml", gammalt, nytt)
    fynd = _fynd(exempel, regel)
    assert len(fynd) == 1 and fynd[0][0].endswith("huset.yaml") and text in fynd[0][1], fynd


def test_atgarder_kan_peka_ut_mal_och_friskfaktorer(exempel: Path) -> None:
    session = exempel / "arshjul/2026/kompetens.yaml"
    text = session.read_text("utf-8")
    gammal = "    friskfaktorer: [delaktighet, halsa-och-sjukfranvaro]"
    assert gammal in text
    ny = "    politiska_mål: [e07]\n    friskfaktorer: [delaktighet, okand]"
    session.write_text(text.replace(gammal, ny, 1), "utf-8")
    fynd = _fynd(exempel, "REF002")
    assert [t for _, t in fynd] == ["Det finns ingen friskfaktor i bjälklaget ”okand”."], fynd


def test_uppat_tal_en_slinga() -> None:
    mal = {
        "a": PolitisktMal(id="a", mål="A", nivå=Malniva.enhet, bidrar_till="b"),
        "b": PolitisktMal(id="b", mål="B", nivå=Malniva.namnd, bidrar_till="a"),
    }
    assert [m.id for m in malkedjan.uppat(mal, "a")] == ["a", "b"]


@pytest.mark.parametrize("format_", ["md", "html"])
def test_kvalitetsberattelsen_visar_malkedjan(exempel: Path, tmp_path: Path, format_: str) -> None:
    _ersatt(exempel / "huset.yaml", "      bidrar_till: n3\n", "")
    ut = tmp_path / f"kb.{format_}"
    svar = kor("rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026", "--per", PER,
               "--format", format_, "--ut", str(ut))  # fmt: skip
    assert svar.slutkod == 0, svar
    text = ut.read_text("utf-8")
    avsnitt = text.split("Målkedjan", 1)[1].split("Så har kvalitetsarbetet bedrivits", 1)[0]
    assert "10 kedjor från kommunfullmäktiges mål" in avsnitt and "9 av dem är hela" in avsnitt
    assert "(Vuxenenheten (socialpsykiatri))" in avsnitt
    tabell = avsnitt.split("<tbody>")[1] if format_ == "html" else avsnitt.split("| --- |")[-1]
    rader = tabell.split("<tr>" if format_ == "html" else "\n")
    rad = next(r for r in rader if "at05" in r)
    uppfoljda = "följts upp två gånger under året: 71 procent (mål 100 procent)"
    for del_ in (
        "självständigt liv",
        "ökad självständighet",
        "två gånger per år",
        uppfoljda,
        "DUR",
    ):
        assert del_ in rad, (del_, rad)
    saknas = next(r for r in rader if "at01" in r)
    assert "saknas" in saknas and "klimatpåverkan" not in saknas
    if format_ == "md":
        svg = (tmp_path / "kb-malkedja.svg").read_text("utf-8")
    else:
        svg = text.split('aria-labelledby="malkedja-titel')[1].split("</svg>")[0]
    assert svg.count('<g class="nod" data-niva="3"') == 10
    assert svg.count('data-saknas="ja"') == 2  # nämndens och fullmäktiges ruta för at01


def test_webbplatsen_har_malkedjan(tmp_path: Path) -> None:
    from tests.conftest import EXEMPEL

    ut = tmp_path / "webb"
    assert kor("rapport", "webb", "-C", str(EXEMPEL), "--per", PER, "--ut", str(ut)).slutkod == 0
    sida = (ut / "malkedjan.html").read_text("utf-8")
    assert "<h1>Målkedjan 2026</h1>" in sida and "<svg" in sida and "at10" in sida
    assert '<a href="malkedjan.html">Målkedjan 2026</a>' in (ut / "index.html").read_text("utf-8")
