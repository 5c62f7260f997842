"""`kvalitet garage parkera|lista`: nya poster sist i Garaget, och listor i svensk ordning."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import git
import pytest

from kvalitet import yamlio
from kvalitet.arbete import garage
from kvalitet.arbete._spara import spara
from kvalitet.svenska import sorteringsnyckel
from kvalitet.verksamhet import ladda
from tests.conftest import HUSET, MALLAR, PER, bygg_tradet, kor

SLUMPDEL = "[23456789abcdefghjkmnpqrstuvwxyz]{4}"
DAG = "2026-11-20"


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def parkera(mapp: Path, rubrik: str, *alternativ: str):
    return kor("garage", "parkera", rubrik, "--datum", DAG, "-C", str(mapp), *alternativ)


def poster(mapp: Path) -> list[dict[str, Any]]:
    data = yamlio.las((mapp / "garaget.yaml").read_text(encoding="utf-8"))
    return list(data["poster"])


def listade_id(text: str) -> list[str]:
    return re.findall(r"^\s+(G\d+(?:-\w{4})?)\s", text, flags=re.MULTILINE)


# parkera


def test_parkera_lagger_till_en_post_sist_och_rör_inget_annat(exempel: Path) -> None:
    fore = (exempel / "garaget.yaml").read_text(encoding="utf-8")
    svar = parkera(exempel, "Ny risk", "--typ", "risk", "--rum", "trygghet")
    assert svar.slutkod == 0, svar
    efter = (exempel / "garaget.yaml").read_text(encoding="utf-8")
    assert efter.startswith(fore)
    *gamla, ny = poster(exempel)
    assert [p["id"] for p in gamla] == [f"G{n}" for n in range(1, 9)]
    assert re.fullmatch(f"G9-{SLUMPDEL}", ny["id"])
    assert ny == {
        "id": ny["id"],
        "rubrik": "Ny risk",
        "typ": "risk",
        "rum": "trygghet",
        "inkom": date(2026, 11, 20),
        "status": "parkerad",
    }
    assert ny["id"] in svar.stdout


def test_lopnumret_ar_ett_over_det_hogsta(exempel: Path) -> None:
    v = ladda(exempel)
    id_, andring = garage.parkera(v, "En", "idé", None, None, date(2026, 11, 20), lambda: "abcd")
    assert id_ == "G9-abcd"
    spara(v.rot, [andring], date(2026, 11, 30))
    id_, _ = garage.parkera(
        ladda(exempel), "Två", "idé", None, None, date(2026, 11, 21), lambda: "k4mz"
    )
    assert id_ == "G10-k4mz"


def test_beskrivningen_sparas_och_verksamheten_haller(exempel: Path) -> None:
    beskrivning = "Lång beskrivning " * 12
    svar = parkera(exempel, "Idé", "--typ", "idé", "--beskrivning", beskrivning.strip())
    assert svar.slutkod == 0, svar
    ny = poster(exempel)[-1]
    assert " ".join(ny["beskrivning"].split()) == beskrivning.strip()
    assert "rum" not in ny
    kontroll = kor("kontrollera", str(exempel), "--per", PER)
    assert kontroll.slutkod == 0, kontroll


@pytest.mark.parametrize(
    ("text", "rum_id"),
    [
        ("trygghet", "trygghet"),
        ("omv", "omvarld"),
        ("förhållningssätt", "forhallningssatt"),
        ("forhallningssatt", "forhallningssatt"),
        ("Personal och kompetens", "kompetens"),
        ("Omvärldsbevakning", "omvarld"),
        ("omvarldsbevakning", "omvarld"),
    ],
)
def test_rummet_efter_id_prefix_eller_namn(exempel: Path, text: str, rum_id: str) -> None:
    svar = parkera(exempel, "Post", "--typ", "behov", "--rum", text)
    assert svar.slutkod == 0, svar
    assert poster(exempel)[-1]["rum"] == rum_id


@pytest.mark.parametrize(
    ("text", "typ"), [("ide", "idé"), ("mojlighet", "möjlighet"), ("RISK", "risk")]
)
def test_typen_utan_prickar(exempel: Path, text: str, typ: str) -> None:
    assert parkera(exempel, "Post", "--typ", text).slutkod == 0
    assert poster(exempel)[-1]["typ"] == typ


@pytest.mark.parametrize(
    "rubrik", ["2026-01-01", "123", "1.10", "Risk: hög", "#inte en kommentar", "null", "[G1] risk"]
)
def test_rubriken_sparas_som_text(exempel: Path, rubrik: str) -> None:
    assert parkera(exempel, rubrik, "--typ", "risk").slutkod == 0
    assert poster(exempel)[-1]["rubrik"] == rubrik
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0


@pytest.mark.parametrize(
    ("alternativ", "i_felet"),
    [
        ((), "--typ"),
        (("--typ", "hot"), "hot"),
        (("--typ", ""), "--typ"),
        (("--typ", "risk", "--rum", "procesr"), "Menade du ”processer”"),
        (("--typ", "risk", "--rum", "p"), "processer"),
        (("--typ", "risk", "--datum", "2026-13-01"), "2026-13-01"),
    ],
)
def test_fel_anvandning_ger_slutkod_2_och_lamnar_filen(
    exempel: Path, alternativ: tuple[str, ...], i_felet: str
) -> None:
    fore = (exempel / "garaget.yaml").read_bytes()
    svar = kor("garage", "parkera", "Post", "-C", str(exempel), *alternativ)
    assert svar.slutkod == 2, svar
    assert i_felet in svar.stderr
    assert (exempel / "garaget.yaml").read_bytes() == fore


def test_tom_rubrik_skrivs_inte(exempel: Path) -> None:
    fore = (exempel / "garaget.yaml").read_bytes()
    svar = parkera(exempel, "", "--typ", "risk")
    assert svar.slutkod not in (0, 3), svar
    assert (exempel / "garaget.yaml").read_bytes() == fore


def test_saknat_garage_skapas_fran_mallen(liten: Path) -> None:
    assert not (liten / "garaget.yaml").exists()
    assert kor("kontrollera", str(liten), "--per", PER).slutkod == 0
    svar = parkera(liten, "Första posten", "--typ", "idé", "--rum", "processer")
    assert svar.slutkod == 0, svar
    mall = (MALLAR / "garaget.yaml").read_text(encoding="utf-8")
    kommentarer = mall[: mall.index("poster:")]
    assert (liten / "garaget.yaml").read_text(encoding="utf-8").startswith(kommentarer)
    assert [p["id"] for p in poster(liten)] == [poster(liten)[0]["id"]]
    assert re.fullmatch(f"G1-{SLUMPDEL}", poster(liten)[0]["id"])
    kontroll = kor("kontrollera", str(liten), "--per", PER)
    assert kontroll.slutkod == 0, kontroll


@pytest.mark.parametrize(
    "trasig",
    [
        "poster:\n  - id: G1\n    rubrik: R\n    typ: behovv\n    inkom: 2026-01-01\n",
        "poster:\n  - id: G1\n    okand_nyckel: x\n",
        "poster:\n  - id: [G1\n",
        "poster: en text\n",
    ],
)
def test_trasigt_garage_vagras_och_lamnas_orort(exempel: Path, trasig: str) -> None:
    (exempel / "garaget.yaml").write_text(trasig, encoding="utf-8")
    fore = (exempel / "garaget.yaml").read_bytes()
    svar = parkera(exempel, "Post", "--typ", "risk")
    assert svar.slutkod not in (0, 3), svar
    assert "garaget.yaml" in svar.stderr
    assert (exempel / "garaget.yaml").read_bytes() == fore


def test_personnummer_vagras(exempel: Path) -> None:
    fore = (exempel / "garaget.yaml").read_bytes()
    svar = parkera(exempel, "Gäller 19121212-1212", "--typ", "risk")
    assert svar.slutkod != 0
    assert (exempel / "garaget.yaml").read_bytes() == fore
    assert "1212-1212" not in svar.stdout


def _git(mapp: Path, *argv: str) -> None:
    with git.Repo(mapp) as repo:
        repo.git.execute(["git", *argv])


def test_id_krockar_inte_med_en_annan_grens(exempel: Path) -> None:
    with git.Repo.init(exempel, initial_branch="main") as repo:
        repo.git.add(A=True)
        repo.index.commit("Exemplet")
    _git(exempel, "switch", "-c", "a")
    assert parkera(exempel, "På gren a", "--typ", "risk").slutkod == 0
    id_a = poster(exempel)[-1]["id"]
    _git(exempel, "commit", "-am", "Gren a")
    _git(exempel, "switch", "main")
    _git(exempel, "switch", "-c", "b")
    assert parkera(exempel, "På gren b", "--typ", "risk").slutkod == 0
    id_b = poster(exempel)[-1]["id"]
    assert id_a.startswith("G9-")
    assert id_b.startswith("G10-")


# lista


def test_lista_visar_parkerade_och_prioriterade(exempel: Path) -> None:
    svar = kor("garage", "lista", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert sorted(listade_id(svar.stdout)) == ["G2", "G3", "G6", "G7", "G8"]


def test_lista_alla_i_svensk_ordning_efter_rum(exempel: Path) -> None:
    svar = kor("garage", "lista", "--alla", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert listade_id(svar.stdout) == ["G7", "G5", "G2", "G3", "G4", "G6", "G1", "G8"]


def test_lista_sorterar_rummens_namn(exempel: Path) -> None:
    v = ladda(exempel)
    rum = [rad[3] for rad in garage.lista(v, None, True).rader]
    assert rum == sorted(rum, key=sorteringsnyckel)
    assert len(set(rum)) == 6


@pytest.mark.parametrize(
    ("argv", "vantade"),
    [
        (("--rum", "omv"), ["G2", "G3"]),
        (("--rum", "Personal och kompetens"), ["G6"]),
        (("--rum", "kompetens", "--alla"), ["G4", "G6"]),
        (("--rum", "samverkan"), []),
        (("--rum", "samverkan", "--alla"), ["G5"]),
    ],
)
def test_lista_per_rum(exempel: Path, argv: tuple[str, ...], vantade: list[str]) -> None:
    svar = kor("garage", "lista", "-C", str(exempel), *argv)
    assert svar.slutkod == 0, svar
    assert sorted(listade_id(svar.stdout)) == vantade


def test_lista_okant_rum_ar_fel_anvandning(exempel: Path) -> None:
    svar = kor("garage", "lista", "--rum", "procesr", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "processer" in svar.stderr


def test_lista_utan_garage(liten: Path) -> None:
    svar = kor("garage", "lista", "--alla", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert listade_id(svar.stdout) == []


def test_nyparkerad_post_listas(exempel: Path) -> None:
    assert parkera(exempel, "Ny", "--typ", "risk", "--rum", "samverkan").slutkod == 0
    svar = kor("garage", "lista", "--rum", "samverkan", "-C", str(exempel))
    assert listade_id(svar.stdout) == [poster(exempel)[-1]["id"]]


def _med_rum(tmp_path: Path, processer: str, trygghet: str, garaget: str) -> Path:
    huset = HUSET.replace("Processer och rutiner", processer).replace(
        "Trygghet och säkerhet", trygghet
    )
    huset = huset.replace("årshjul:", "  - id: arenden\n    namn: Ärenden\n    månad: 9\nårshjul:")
    return bygg_tradet(tmp_path / "v", {"huset.yaml": huset, "garaget.yaml": garaget})


GARAGE_TRE_RUM = """
    poster:
      - {id: G1, rubrik: Ett, typ: idé, rum: processer, inkom: 2026-01-01}
      - {id: G2, rubrik: Två, typ: idé, rum: arenden, inkom: 2026-01-01}
      - {id: G3, rubrik: Tre, typ: idé, rum: trygghet, inkom: 2026-01-01}
"""


def test_lista_lagger_a_a_o_efter_andra_bokstaver(tmp_path: Path) -> None:
    mapp = _med_rum(tmp_path, "Öppenvård", "Trygghet och säkerhet", GARAGE_TRE_RUM)
    rader = garage.lista(ladda(mapp), None, True).rader
    assert [rad[3] for rad in rader] == ["Trygghet och säkerhet", "Ärenden", "Öppenvård"]


def test_lista_lagger_a_efter_z(tmp_path: Path) -> None:
    mapp = _med_rum(tmp_path, "Zon", "Åtgärder", GARAGE_TRE_RUM)
    rader = garage.lista(ladda(mapp), None, True).rader
    assert [rad[3] for rad in rader] == ["Zon", "Åtgärder", "Ärenden"]


def test_lista_varnar_for_ett_trasigt_garage(exempel: Path) -> None:
    fil = exempel / "garaget.yaml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("typ: behov", "typ: behovv"), "utf-8")
    svar = kor("garage", "lista", "-C", str(exempel))
    assert svar.slutkod != 0 or "garaget.yaml" in svar.stderr, svar
    assert listade_id(svar.stdout) == []


# En trasig källa ser inte ut som en tom lista (issue 14.5).


@pytest.mark.parametrize(
    ("fil", "kommando"),
    [
        ("garaget.yaml", ("garage", "lista")),
        ("garaget.yaml", ("status", "--per", PER)),
        ("avvikelser/2026/2026-001.yaml", ("avvikelse", "lista")),
        ("arshjul/2026/kompetens.yaml", ("handlingsplan", "--per", PER)),
        ("arshjul/2026/kompetens.yaml", ("arshjul", "plan", "--ar", "2026", "--per", PER)),
        ("egenkontroll.yaml", ("egenkontroll", "status", "--per", PER)),
        ("riskanalyser/RA-2026-001.yaml", ("riskanalys", "lista")),
        ("buuuu/sysselsattning.yaml", ("buuuu", "status")),
    ],
)
def test_en_trasig_fil_sags_och_ger_slutkod_1(
    exempel: Path, fil: str, kommando: tuple[str, ...]
) -> None:
    assert kor(*kommando, "-C", str(exempel)).slutkod == 0
    text = (exempel / fil).read_text(encoding="utf-8")
    (exempel / fil).write_text(text.replace("\n  ", "\n\t", 1), encoding="utf-8")  # ett tabbindrag
    svar = kor(*kommando, "-C", str(exempel))
    assert svar.slutkod == 1, svar
    assert re.search(rf"{re.escape(fil)} har fel och (kunde inte läsas|kan inte användas)",
                     svar.stdout + svar.stderr), svar  # fmt: skip
