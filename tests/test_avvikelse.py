"""`kvalitet avvikelse ny|lista`: nya ärenden med id som inte krockar, och listor med filter."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import git
import pytest

from kvalitet import yamlio
from kvalitet.arbete import avvikelse
from kvalitet.modell.avvikelse import Avvikelsetyp
from kvalitet.verksamhet import ladda
from tests.conftest import PER, innehall, kor

SLUMPDEL = "[23456789abcdefghjkmnpqrstuvwxyz]{4}"
DAG = "2026-11-20"
BESKRIVNING = "Ett beslut expedierades för sent."
# Exemplets ärenden, nyast först, med typ, rum och om de är avslutade.
EXEMPLET = [
    ("2026-012", "synpunkt", "omvarld", False),
    ("2026-011", "avvikelse", "kompetens", False),
    ("2026-010", "klagomål", "forhallningssatt", False),
    ("2026-009", "missförhållande", "forhallningssatt", True),
    ("2026-008", "avvikelse", "kompetens", False),
    ("2026-007", "avvikelse", "processer", True),
    ("2026-006", "synpunkt", "samverkan", True),
    ("2026-005", "missförhållande", "trygghet", False),
    ("2026-004", "klagomål", "processer", True),
    ("2026-003", "risk_för_missförhållande", "trygghet", True),
    ("2026-002", "synpunkt", "samverkan", True),
    ("2026-001", "avvikelse", "trygghet", True),
    ("2025-012", "klagomål", "forhallningssatt", True),
    ("2025-011", "avvikelse", "processer", True),
]


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def ny(mapp: Path, *alternativ: str):
    return kor("avvikelse", "ny", "-C", str(mapp), *alternativ)


def ny_klagomal(mapp: Path, *alternativ: str):
    return ny(
        mapp, "--typ", "klagomal", "--rum", "processer", "--beskrivning", BESKRIVNING, *alternativ
    )


def filer(mapp: Path) -> set[str]:
    return set(innehall(mapp))


def enda_nya(mapp: Path, fore: set[str]) -> Path:
    nya = filer(mapp) - fore
    assert len(nya) == 1, nya
    return mapp / nya.pop()


def las(fil: Path) -> dict[str, Any]:
    data = yamlio.las(fil.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def kontrollera(mapp: Path):
    return kor("kontrollera", str(mapp), "--per", PER)


def listade_id(text: str) -> list[str]:
    return re.findall(r"^\s*(\d{4}-\d{3}(?:-\w{4})?)\s", text, flags=re.MULTILINE)


# ny


def test_ny_skriver_en_fil_med_nasta_lopnummer(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel,
        "--typ",
        "avvikelse",
        "--rum",
        "processer",
        "--beskrivning",
        BESKRIVNING,
        "--datum",
        DAG,
    )
    assert svar.slutkod == 0, svar
    fil = enda_nya(exempel, fore)
    assert re.fullmatch(
        f"avvikelser/2026/2026-013-{SLUMPDEL}.yaml", fil.relative_to(exempel).as_posix()
    )
    data = las(fil)
    assert data["id"] == fil.stem
    assert (data["typ"], data["rum"], data["inkom"]) == (
        "avvikelse",
        "processer",
        date(2026, 11, 20),
    )
    assert data["beskrivning"] == BESKRIVNING
    assert data["status"] == "registrerad"
    assert "lex_sarah" not in data and "besvarad" not in data
    assert fil.stem in svar.stdout
    assert kontrollera(exempel).slutkod == 0


def test_andra_arendet_far_numret_efter(exempel: Path) -> None:
    fore = filer(exempel)
    assert ny_klagomal(exempel, "--datum", DAG).slutkod == 0
    forsta = enda_nya(exempel, fore)
    assert ny_klagomal(exempel, "--datum", DAG).slutkod == 0
    andra = enda_nya(exempel, fore | {forsta.relative_to(exempel).as_posix()})
    assert forsta.stem.startswith("2026-013-")
    assert andra.stem.startswith("2026-014-")


def test_nytt_ar_borjar_pa_001(exempel: Path) -> None:
    fore = filer(exempel)
    assert ny_klagomal(exempel, "--datum", "2027-01-05").slutkod == 0
    fil = enda_nya(exempel, fore)
    assert fil.parent == exempel / "avvikelser" / "2027"
    assert re.fullmatch(f"2027-001-{SLUMPDEL}", fil.stem)
    assert las(fil)["inkom"] == date(2027, 1, 5)


def test_id_med_vald_slumpdel(exempel: Path) -> None:
    uppgifter = avvikelse.Ny(Avvikelsetyp.avvikelse, "processer", BESKRIVNING, date(2025, 12, 1))
    registrerad = avvikelse.ny(ladda(exempel), uppgifter, slump=lambda: "abcd")
    assert registrerad.id == "2025-013-abcd"
    assert registrerad.andring.sokvag == exempel / "avvikelser/2025/2025-013-abcd.yaml"
    assert registrerad.anmarkning is None


@pytest.mark.parametrize(
    "typ", ["avvikelse", "missförhållande", "risk_för_missförhållande", "synpunkt", "klagomål"]
)
def test_varje_typ_haller_i_kontrollen(exempel: Path, typ: str) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel,
        "--typ",
        typ,
        "--rum",
        "trygghet",
        "--beskrivning",
        BESKRIVNING,
        "--process",
        "orosanmalan",
        "--kalla",
        "personal",
        "--datum",
        DAG,
    )
    assert svar.slutkod == 0, svar
    assert las(enda_nya(exempel, fore))["typ"] == typ
    kontroll = kontrollera(exempel)
    assert kontroll.slutkod == 0, kontroll


@pytest.mark.parametrize(
    "process",
    ["utredning-barn", "UTREDNING-BARN", "Utredning barn och unga", "utredning barn och unga"],
)
def test_processen_sparas_med_sitt_namn(exempel: Path, process: str) -> None:
    fore = filer(exempel)
    svar = ny_klagomal(exempel, "--process", process, "--datum", DAG)
    assert svar.slutkod == 0, svar
    assert las(enda_nya(exempel, fore))["process"] == "Utredning barn och unga"
    assert "varning" not in svar.stderr


def test_okand_process_ger_varning_men_arendet_skapas(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny_klagomal(exempel, "--process", "Tandvård", "--datum", DAG)
    assert svar.slutkod == 0, svar
    assert "Tandvård" in svar.stderr
    assert las(enda_nya(exempel, fore))["process"] == "Tandvård"
    assert kontrollera(exempel).slutkod == 0


@pytest.mark.parametrize(
    ("typ", "sparad"),
    [
        ("missförhållande", "missförhållande"),
        ("missforhallande", "missförhållande"),
        ("risk_for_missforhallande", "risk_för_missförhållande"),
    ],
)
def test_lex_sarah_far_rapporterad(exempel: Path, typ: str, sparad: str) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel, "--typ", typ, "--rum", "trygghet", "--beskrivning", BESKRIVNING, "--datum", DAG
    )
    assert svar.slutkod == 0, svar
    data = las(enda_nya(exempel, fore))
    assert data["typ"] == sparad
    assert data["lex_sarah"]["rapporterad"] == date(2026, 11, 20)
    assert "besvarad" not in data


def test_lex_sarah_utan_yaml_ankare(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel,
        "--typ",
        "missforhallande",
        "--rum",
        "trygghet",
        "--beskrivning",
        BESKRIVNING,
        "--datum",
        DAG,
    )
    assert svar.slutkod == 0, svar
    text = enda_nya(exempel, fore).read_text(encoding="utf-8")
    assert "\ninkom: 2026-11-20\n" in text
    assert "\n  rapporterad: 2026-11-20\n" in text


@pytest.mark.parametrize(
    ("typ", "sparad"),
    [("klagomal", "klagomål"), ("Klagomål", "klagomål"), ("synpunkt", "synpunkt")],
)
def test_klagomal_och_synpunkt_far_besvarad(exempel: Path, typ: str, sparad: str) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel, "--typ", typ, "--rum", "processer", "--beskrivning", BESKRIVNING, "--datum", DAG
    )
    assert svar.slutkod == 0, svar
    data = las(enda_nya(exempel, fore))
    assert data["typ"] == sparad
    assert "besvarad" in data and data["besvarad"] is None
    assert "lex_sarah" not in data


def test_kalla_och_arende_ref(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny_klagomal(exempel, "--kalla", "narstaende", "--arende-ref", "0123", "--datum", DAG)
    assert svar.slutkod == 0, svar
    data = las(enda_nya(exempel, fore))
    assert data["källa"] == "närstående"
    assert data["ärende_ref"] == "0123"
    assert kontrollera(exempel).slutkod == 0


def test_rummet_med_namn_utan_prickar(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel,
        "--typ",
        "synpunkt",
        "--rum",
        "forhallningssatt och delat",
        "--beskrivning",
        BESKRIVNING,
        "--datum",
        DAG,
    )
    assert svar.slutkod == 0, svar
    assert las(enda_nya(exempel, fore))["rum"] == "forhallningssatt"


FULLSTANDIG = {"--typ": "avvikelse", "--rum": "processer", "--beskrivning": BESKRIVNING}


@pytest.mark.parametrize("saknas", ["--typ", "--rum", "--beskrivning"])
def test_saknat_alternativ_utan_terminal_ger_slutkod_2(exempel: Path, saknas: str) -> None:
    fore = filer(exempel)
    argv = [del_ for namn, varde in FULLSTANDIG.items() if namn != saknas for del_ in (namn, varde)]
    svar = ny(exempel, *argv, "--datum", DAG)
    assert svar.slutkod == 2, svar
    assert saknas in svar.stderr
    assert filer(exempel) == fore


@pytest.mark.parametrize(
    ("alternativ", "i_felet"),
    [
        (("--typ", "olycka"), "olycka"),
        (("--rum", "procesr"), "processer"),
        (("--beskrivning", "  "), "--beskrivning"),
        (("--kalla", "granne"), "granne"),
        (("--datum", "2026-02-30"), "2026-02-30"),
    ],
)
def test_fel_varde_ger_slutkod_2_och_ingen_fil(
    exempel: Path, alternativ: tuple[str, str], i_felet: str
) -> None:
    fore = filer(exempel)
    argv = {**FULLSTANDIG, "--datum": DAG, alternativ[0]: alternativ[1]}
    svar = ny(exempel, *(del_ for par in argv.items() for del_ in par))
    assert svar.slutkod == 2, svar
    assert i_felet in svar.stderr
    assert filer(exempel) == fore


def test_personnummer_i_beskrivningen_vagras(exempel: Path) -> None:
    fore = filer(exempel)
    svar = ny(
        exempel,
        "--typ",
        "avvikelse",
        "--rum",
        "processer",
        "--beskrivning",
        "Gäller 19121212-1212 på boendet.",
        "--datum",
        DAG,
    )
    assert svar.slutkod != 0
    assert filer(exempel) == fore


def test_id_krockar_inte_med_en_annan_grens(exempel: Path) -> None:
    with git.Repo.init(exempel, initial_branch="main") as repo:
        repo.git.add(A=True)
        repo.index.commit("Exemplet")
        repo.git.switch("-c", "a")
        fore = filer(exempel)
        assert ny_klagomal(exempel, "--datum", DAG).slutkod == 0
        pa_a = enda_nya(exempel, fore)
        repo.git.add(A=True)
        repo.index.commit("Ett klagomål på gren a")
        repo.git.switch("main")
        assert not pa_a.exists()
        repo.git.switch("-c", "b")
        fore = filer(exempel)
        assert ny_klagomal(exempel, "--datum", DAG).slutkod == 0
        pa_b = enda_nya(exempel, fore)
    assert pa_a.stem != pa_b.stem
    assert pa_a.stem.startswith("2026-013-")
    assert pa_b.stem.startswith("2026-014-")


# lista


def test_lista_alla_nyast_forst(exempel: Path) -> None:
    svar = kor("avvikelse", "lista", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert listade_id(svar.stdout) == [id_ for id_, *_ in EXEMPLET]


@pytest.mark.parametrize(
    ("argv", "valj"),
    [
        (("--ar", "2025"), lambda id_, typ, rum, stangd: id_.startswith("2025")),
        (("--ar", "2026"), lambda id_, typ, rum, stangd: id_.startswith("2026")),
        (("--typ", "klagomal"), lambda id_, typ, rum, stangd: typ == "klagomål"),
        (("--typ", "missförhållande"), lambda id_, typ, rum, stangd: typ == "missförhållande"),
        (("--rum", "trygg"), lambda id_, typ, rum, stangd: rum == "trygghet"),
        (("--rum", "Förhållningssätt"), lambda id_, typ, rum, stangd: rum == "forhallningssatt"),
        (("--oppna",), lambda id_, typ, rum, stangd: not stangd),
        (
            ("--ar", "2026", "--typ", "avvikelse", "--oppna"),
            lambda id_, typ, rum, stangd: id_ > "2026" and typ == "avvikelse" and not stangd,
        ),
        (("--ar", "2024"), lambda id_, typ, rum, stangd: False),
    ],
)
def test_lista_med_filter(exempel: Path, argv: tuple[str, ...], valj: Any) -> None:
    svar = kor("avvikelse", "lista", "-C", str(exempel), *argv)
    assert svar.slutkod == 0, svar
    assert listade_id(svar.stdout) == [rad[0] for rad in EXEMPLET if valj(*rad)]


def test_lista_summerar_per_typ(exempel: Path) -> None:
    svar = kor("avvikelse", "lista", "--ar", "2026", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    fot = svar.stdout.strip().splitlines()[-1]
    assert fot.startswith("12 ")
    per_typ = {typ: int(n) for typ, n in re.findall(r"(\w+) (\d+)", fot.split(":", 1)[1])}
    assert per_typ == Counter(typ for id_, typ, *_ in EXEMPLET if id_.startswith("2026"))


def test_nytt_arende_overst_i_listan(exempel: Path) -> None:
    fore = filer(exempel)
    assert ny_klagomal(exempel, "--datum", DAG).slutkod == 0
    ny_fil = enda_nya(exempel, fore)
    svar = kor("avvikelse", "lista", "--oppna", "--typ", "klagomål", "-C", str(exempel))
    assert listade_id(svar.stdout) == [ny_fil.stem, "2026-010"]


@pytest.mark.parametrize(
    "argv", [("--ar", "20x"), ("--ar", "26"), ("--typ", "olycka"), ("--rum", "procesr")]
)
def test_lista_fel_anvandning(exempel: Path, argv: tuple[str, ...]) -> None:
    svar = kor("avvikelse", "lista", "-C", str(exempel), *argv)
    assert svar.slutkod == 2, svar
    assert argv[1] in svar.stderr


def test_en_process_utan_register_varnas(tmp_path: Path) -> None:
    # Ett nytt hus har ett tomt processregister (issue 14.7).
    mapp = tmp_path / "ny"
    assert kor("init", str(mapp), "--organisation", "K", "--kommunkod", "2401").slutkod == 0
    svar = kor("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning",
               "Sent beslut.", "--process", "orosanmälan", "-C", str(mapp))  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "processregister är tomt" in svar.stderr
    svar = kor("kontrollera", str(mapp), "--format", "json")
    (fynd,) = [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == "REF003"]
    assert fynd["fil"].endswith("huset.yaml") and "orosanmälan" in fynd["text"]
