"""`kvalitet andringar --bas REF` och skyddade poster (`kontrollera --bas REF`) i riktiga förråd."""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from tests.conftest import PER, kor


@pytest.fixture
def forrad(exempel: Path) -> git.Repo:
    """Exemplet incheckat på main, med en ny gren utcheckad."""
    repo = git.Repo.init(exempel, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    repo.create_head("arbete").checkout()
    return repo


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def _gor_arbetet(mapp: Path) -> None:
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(mapp)).slutkod == 0
    _ersatt(
        mapp / "arshjul/2026/kompetens.yaml",
        "    uppföljning: 2027-06-30\n    status: pågår",
        "    uppföljning: 2027-06-30\n    status: klar",
    )
    for typ, rum in (("klagomål", "trygghet"), ("avvikelse", "processer")):
        svar = kor(
            "avvikelse",
            "ny",
            "--typ",
            typ,
            "--rum",
            rum,
            "--beskrivning",
            "Ett beslut dröjde.",
            "--datum",
            "2026-11-20",
            "-C",
            str(mapp),
        )
        assert svar.slutkod == 0, svar


def _punkter(markdown: str) -> list[str]:
    rader = markdown.split("**Kontrollen:**")[0].splitlines()
    return [rad[2:] for rad in rader if rad.startswith("- ")]


def test_andringar_namner_sessionen_atgarden_och_avvikelserna_och_inget_annat(
    forrad: git.Repo,
) -> None:
    mapp = Path(forrad.working_dir)
    _gor_arbetet(mapp)
    forrad.git.add(A=True)
    forrad.index.commit("Arbetet på grenen")
    svar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER)
    assert svar.slutkod == 0, svar
    punkter = _punkter(svar.stdout)
    assert len(punkter) == 5, punkter
    assert punkter[0].startswith("Åtgärd ”Ta fram en strategi för att rekrytera")
    assert punkter[0].endswith("ändrad: status pågår → klar (arshjul/2026/kompetens.yaml)")
    assert (
        punkter[1] == "Ny session: Omvärldsbevakning 2026, 0 åtgärder (arshjul/2026/omvarld.yaml)"
    )
    assert punkter[2] == "2 nya avvikelser (avvikelse 1, klagomål 1)"
    assert "klagomål, Trygghet och säkerhet, inkom 2026-11-20" in punkter[3]
    assert "avvikelse, Processer och rutiner, inkom 2026-11-20" in punkter[4]


def test_andringar_ar_desamma_i_json_och_i_samma_ordning_varje_gang(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    _gor_arbetet(mapp)
    forsta = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    andra = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    assert forsta.stdout == andra.stdout
    data = json.loads(forsta.stdout)
    assert [p["slag"] for p in data["ändringar"]] == ["Årshjulet"] * 2 + ["Avvikelser"] * 3
    assert data["kontroll"]["antal"]["fel"] == 0


def test_andringar_utan_andringar_och_mot_en_okand_gren(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    svar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "Inga ändringar i verksamhetens dokument." in svar.stdout
    okand = kor("andringar", "--bas", "finns-inte", "-C", str(mapp))
    assert okand.slutkod == 2, okand
    assert "finns-inte" in okand.stderr


def test_andringar_utanfor_ett_forrad(exempel: Path) -> None:
    svar = kor("andringar", "--bas", "main", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "git-förråd" in svar.stderr


PROCESSER = "arshjul/2026/processer.yaml"


def _fynd(svar_text: str, regel: str) -> list[str]:
    return [rad for rad in svar_text.splitlines() if f" {regel} " in rad]


def test_andrad_slutsats_i_en_genomford_session_ar_fel(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    _ersatt(mapp / PROCESSER, "behöver en fast\n  påminnelse", "behöver en\n  påminnelse")
    forrad.git.commit("-am", "Ändrad slutsats")
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    fynd = _fynd(svar.stdout, "POS001")
    assert len(fynd) == 1
    assert f"{PROCESSER}:" in fynd[0] and "(slutsatser)" in fynd[0]
    # Utan --bas jämförs ingenting.
    assert not _fynd(kor("kontrollera", str(mapp), "--per", PER).stdout, "POS001")


def test_en_uppfoljning_och_atgardernas_status_far_andras(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    text = (mapp / PROCESSER).read_text(encoding="utf-8")
    (mapp / PROCESSER).write_text(
        text + "uppföljningar:\n  - datum: 2026-11-20\n    text: Påminnelsen fungerar.\n",
        encoding="utf-8",
    )
    _ersatt(
        mapp / PROCESSER,
        "effekt: >-\n      Processen",
        "effekt: >-\n      Den nya processen",
    )
    forrad.git.commit("-am", "Uppföljning")
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 0, svar
    assert not _fynd(svar.stdout, "POS001")
    # En uppföljning som redan fanns får däremot inte skrivas om.
    forrad.git.checkout("-b", "omskrivning")
    _ersatt(mapp / PROCESSER, "Påminnelsen fungerar.", "Påminnelsen fungerar inte.")
    forrad.git.commit("-am", "Omskriven uppföljning")
    forrad.create_head("main2", forrad.commit("arbete"))
    fel = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main2")
    assert fel.slutkod == 1, fel
    assert "(uppföljningar)" in _fynd(fel.stdout, "POS001")[0]


def test_ett_avslutat_arende_som_tas_bort_ar_fel(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    avslutat = next(
        p
        for p in sorted((mapp / "avvikelser").rglob("*.yaml"))
        if "status: avslutad" in p.read_text(encoding="utf-8")
    )
    avslutat.unlink()
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    assert avslutat.name in _fynd(svar.stdout, "POS001")[0]


def test_en_ny_genomford_session_pa_grenen_ar_inget_fel(forrad: git.Repo) -> None:
    mapp = Path(forrad.working_dir)
    (mapp / "arshjul/2025/trygghet.yaml").write_text(
        (mapp / "arshjul/2026/trygghet.yaml")
        .read_text(encoding="utf-8")
        .replace("år: 2026", "år: 2025"),
        encoding="utf-8",
    )
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert not _fynd(svar.stdout, "POS001"), svar
