"""Utdata: inga terminalsekvenser, falska rader eller personnummer (13.5, 13.6, 13.9, 13.10).

En pull request kan lägga vad som helst i verksamhetens filer. Här står en ESC-sekvens
(skärmen töms, fönstrets titel byts, urklippet skrivs med OSC 52), en radbrytning följd
av en falsk annotering och personnummer i dolda skrivsätt i exemplet, och varje kommando
som visar texten prövas.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import git
import pytest

from kvalitet.utdata import tvatta
from tests.conftest import PER, kor

# Sparad korrekt som escape-sekvenser i YAML (\e är ESC, \a är BEL).
SEKVENS = r"\e]0;hackad\a\e]52;c;ZWNobyBoYWNr\a\e[2J"
RADBRYTNING = r"\n::error file=falsk.yaml,line=1::Falskt fel"


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, gammalt
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


@pytest.fixture
def elak(exempel: Path) -> Path:
    """Exemplet med ESC-sekvenser och radbrytningar i texter som kommandona visar."""
    _ersatt(
        exempel / "garaget.yaml",
        "    rubrik: Rutin för tolkbokning saknas",
        f'    rubrik: "Rutin {SEKVENS} för tolkbokning{RADBRYTNING}"',
    )
    _ersatt(
        exempel / "arshjul/2026/kompetens.yaml",
        "    åtgärd: >-\n      Införa ett introduktionsprogram för nya socialsekreterare med"
        " mentor, medföljning och\n      reducerad ärendemängd under de första sex månaderna.",
        f'    åtgärd: "{SEKVENS}{RADBRYTNING} Införa ett introduktionsprogram"',
    )
    _ersatt(
        exempel / "avvikelser/2026/2026-001.yaml",
        "process: Mottagande av orosanmälan",
        f'process: "Mottagande av orosanmälan {SEKVENS}"',
    )
    return exempel


def _rent(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text[:500])
    assert not [r for r in text.splitlines() if r.startswith("::error file=falsk")], text


KOMMANDON = [
    ("garage", "lista", "--alla"),
    ("handlingsplan", "--per", PER),
    ("kontrollera", ".", "--per", PER),
    ("kontrollera", ".", "--per", PER, "--format", "github"),
    ("kontrollera", ".", "--per", PER, "--format", "gitlab"),
    ("kontrollera", ".", "--per", PER, "--format", "json"),
    ("avvikelse", "lista", "--ar", "2026"),
    ("rapport", "kvalitetsberattelse", "--ar", "2026", "--per", PER, "--format", "md", "--ut", "-"),
    ("rapport", "handlingsplan", "--ar", "2026", "--per", PER, "--format", "md", "--ut", "-"),
]


@pytest.mark.parametrize("argument", KOMMANDON, ids=lambda a: " ".join(a[:2]))
def test_inga_terminalsekvenser_eller_falska_rader(
    elak: Path, monkeypatch: pytest.MonkeyPatch, argument: tuple[str, ...]
) -> None:
    monkeypatch.chdir(elak)
    svar = kor(*argument)
    assert svar.slutkod in (0, 1), svar
    _rent(svar.stdout + svar.stderr)
    assert "␛" in svar.stdout, svar.stdout  # texten visades, med sekvensen synlig


def test_ett_eget_ekat_argument_ar_rent(exempel: Path) -> None:
    rubrik = "Ny rutin \x1b]52;c;ZWNobw==\x07 klar"
    svar = kor("garage", "parkera", rubrik, "--typ", "behov", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    _rent(svar.stdout)
    assert "Ny rutin ␛]52;c;ZWNobw==␇ klar" in svar.stdout


def test_historik_och_andringar_visar_incheckningar_rent(exempel: Path) -> None:
    repo = git.Repo.init(exempel, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    repo.create_head("arbete").checkout()
    _ersatt(
        exempel / "garaget.yaml", "rubrik: Rutin för tolkbokning saknas", 'rubrik: "Rutin \\e[2J"'
    )
    repo.git.add(A=True)
    repo.index.commit("Rubrik \x1b]0;titel\x07\x1b[2J\nrad två")
    for argument in (
        ("historik", "garaget.yaml", "-C", str(exempel)),
        ("andringar", "--bas", "main", "-C", str(exempel), "--per", PER),
    ):
        svar = kor(*argument)
        assert svar.slutkod in (0, 1), svar
        _rent(svar.stdout + svar.stderr)


def test_falsk_rad_i_en_nyckel_blir_en_rad(exempel: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(exempel)
    with (exempel / "avvikelser/2026/2026-001.yaml").open("a", encoding="utf-8") as fil:
        fil.write(f'"nyckel{RADBRYTNING}": 1\n')
    for format_ in ("text", "github"):
        svar = kor("kontrollera", ".", "--per", PER, "--format", format_)
        assert svar.slutkod == 1, svar
        _rent(svar.stdout)
        (rad,) = [r for r in svar.stdout.splitlines() if "Falskt fel" in r]
        assert "avvikelser/2026/2026-001.yaml" in rad and "␤::error file=falsk" in rad


# Filnamn som inte är UTF-8 (13.6).


@pytest.mark.parametrize("format_", ["json", "gitlab", "text", "github"])
def test_filnamn_som_inte_ar_utf8_ger_giltig_utdata(
    tmp_path: Path, exempel: Path, format_: str
) -> None:
    namn = os.fsdecode(b"avvikelser/2026/\xff\xfe.yaml")
    try:
        (exempel / namn).write_text("a: 1\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.fail("filsystemet här tillåter bara UTF-8 i filnamn")
    svar = subprocess.run(
        [sys.executable, "-m", "kvalitet", "kontrollera", str(exempel), "--per", PER,
         "--format", format_],
        capture_output=True, check=False,
    )  # fmt: skip
    assert svar.returncode == 1, svar
    ut = svar.stdout.decode("utf-8")  # strikt: giltig UTF-8
    assert "<FF><FE>.yaml" in ut
    if format_ in ("json", "gitlab"):
        json.loads(ut)
    if format_ == "json":
        fynd = [f for f in json.loads(ut)["fynd"] if "<FF><FE>" in f["fil"]]
        assert any(f["regel"] == "FIL001" and "inte UTF-8" in f["text"] for f in fynd), fynd


# Personnummer som slank igenom eller visades i klartext (13.9).

NUMMER = "811228-9874"


def _ingen_klartext(text: str) -> None:
    assert "9874" not in text and "８１１２２８" not in text, text


def _fynd(mapp: Path) -> list[dict[str, object]]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
    _ingen_klartext(svar.stdout + svar.stderr)
    return [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == "PNR001"]


@pytest.mark.parametrize(
    ("yaml", "rad"),
    [
        pytest.param('"Ring \\x38\\x31\\x31\\x32\\x32\\x38-9874"', 6, id="yaml-escape"),
        pytest.param('"Ring \\u0038112289874"', 6, id="yaml-unicode-escape"),
        pytest.param('"Ring 811228\\\n  -9874"', 6, id="radfortsattning"),
        pytest.param(">-\n      Ring 811228\n      9874 i dag", 7, id="vikt"),
        pytest.param("Ring 811228 – 9874", 6, id="tankstreck"),
        pytest.param("Ring 811228\u00a09874", 6, id="hart-mellanslag"),
        pytest.param("Ring ８１１２２８-９８７４", 6, id="helbredd"),
        pytest.param("pnr811228-9874", 6, id="ihop-med-ordet"),
    ],
)
def test_dolda_nummer_hittas_och_visas_aldrig(exempel: Path, yaml: str, rad: int) -> None:
    _ersatt(exempel / "garaget.yaml", "rubrik: Rutin för tolkbokning saknas", f"rubrik: {yaml}")
    fynd = _fynd(exempel)
    assert [(str(f["fil"]).rsplit("/", 1)[-1], f["rad"]) for f in fynd] == [("garaget.yaml", rad)]
    for argument in (
        ("garage", "lista", "--alla", "-C", str(exempel)),
        ("rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026", "--per", PER,
         "--format", "md", "--ut", "-"),
    ):  # fmt: skip
        svar = kor(*argument)
        _ingen_klartext(svar.stdout + svar.stderr)


def test_ett_nummer_i_ett_fil_eller_mappnamn(exempel: Path) -> None:
    (exempel / "avvikelser/2026/2026-001.yaml").rename(exempel / f"avvikelser/2026/{NUMMER}.yaml")
    (exempel / "bilagor" / NUMMER).mkdir(parents=True)
    (exempel / "bilagor" / NUMMER / "brev.txt").write_text("Inget här.\n", encoding="utf-8")
    fynd = _fynd(exempel)
    texter = [str(f["text"]) for f in fynd]
    assert len(fynd) == 2, fynd
    assert all("namn innehåller ett personnummer (811228-****)" in t for t in texter)


def test_en_nyckel_med_ett_nummer_visas_maskerad_i_alla_meddelanden(exempel: Path) -> None:
    _ersatt(exempel / "garaget.yaml", "poster:", f"{NUMMER}: x\nposter:")
    fynd = _fynd(exempel)
    assert fynd, "numret i nyckeln hittas"
    svar = kor("kontrollera", str(exempel), "--per", PER)
    _ingen_klartext(svar.stdout)
    assert "Okänd nyckel ”811228-****”" in svar.stdout


def test_parkera_vagrar_ett_nummer_som_vikningen_skulle_dela(exempel: Path) -> None:
    # kvalitet viker långa texter vid 88 tecken; numret skulle hamna på två rader.
    beskrivning = "Handläggaren noterade i anteckningen " + "x" * 44 + " 811228 9874 och mer text."
    fore = (exempel / "garaget.yaml").read_bytes()
    svar = kor("garage", "parkera", "Rubrik", "--typ", "behov", "--beskrivning", beskrivning,
               "-C", str(exempel))  # fmt: skip
    assert svar.slutkod != 0, svar
    _ingen_klartext(svar.stdout + svar.stderr)
    assert (exempel / "garaget.yaml").read_bytes() == fore


def test_tvatta() -> None:
    assert tvatta("a\x1b[2Jb\rc\x00d\x7f\x9be\u202ef") == "a␛[2Jb␍c␀d␡<U+009B>e<U+202E>f"
    assert tvatta("två\nrader\tmed tabb") == "två\nrader\tmed tabb"
    assert tvatta("två\nrader", rad=True) == "två␤rader"
    assert tvatta(os.fsdecode(b"\xff.yaml")) == "<FF>.yaml"
    assert tvatta(f"Nummer {NUMMER}.") == "Nummer 811228-****."
    assert tvatta(tvatta("a\x1b\n811228-9874", rad=True)) == tvatta("a\x1b\n811228-9874", rad=True)


# Ett felskrivet personnummer är en varning, och kommandona vägrar det (14.6).


def test_felskrivet_personnummer_varnas_och_vagras(exempel: Path) -> None:
    fil = exempel / "avvikelser/2026/2026-001.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(
        text.replace('ärende_ref: "Avv-2026-001"', 'ärende_ref: "19850101-1234"'), encoding="utf-8"
    )
    svar = kor("kontrollera", str(exempel), "--per", PER, "--format", "json")
    assert "1234" not in svar.stdout
    fynd = [f for f in json.loads(svar.stdout)["fynd"] if f["regel"].startswith("PNR")]
    assert [(f["regel"], f["nivå"]) for f in fynd] == [("PNR003", "varning")], fynd
    assert "850101-****" in fynd[0]["text"]
    # Tystat med ett skäl blir det PNR002.
    fil.write_text(
        text.replace(
            'ärende_ref: "Avv-2026-001"',
            'ärende_ref: "19850101-1234" # kvalitet: ignorera PNR003 – ärendenummer i Treserva',
        ),
        encoding="utf-8",
    )
    svar = kor("kontrollera", str(exempel), "--per", PER, "--format", "json")
    assert [
        f["regel"] for f in json.loads(svar.stdout)["fynd"] if f["regel"].startswith("PNR")
    ] == ["PNR002"]
    # Ett redigerande kommando vägrar ett sådant tal.
    svar = kor("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning",
               "Gäller 19850101-1234.", "-C", str(exempel))  # fmt: skip
    assert svar.slutkod != 0, svar
    assert "PNR003" in svar.stderr or "personnummerform" in svar.stderr, svar
    assert "1234" not in svar.stdout + svar.stderr
