"""GRA001: huset och rumsguiderna ska ha granskats inom intervallet (standard 12 månader)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kvalitet import gitinfo, kontroll
from kvalitet.kontroller import REGLER
from kvalitet.verksamhet import ladda
from tests.conftest import EXEMPEL, HUSET, PER, kor
from tests.test_historik import checka_in, kor_git

HUSRADER = len(HUSET.lstrip("\n").splitlines())
GUIDRAD = 14  # raden efter GUIDE:s sista rad


def fynd(rot: Path, per: str = PER) -> list[tuple[str, int, str]]:
    resultat = kontroll.bedom(ladda(rot), date.fromisoformat(per), [REGLER["GRA001"]])
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd]


def lagg_till(fil: Path, text: str) -> None:
    fil.write_text(fil.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_senast_granskad_for_over_12_manader_sedan_ger_varning(liten: Path) -> None:
    lagg_till(liten / "huset.yaml", "senast_granskad: 2025-11-29\n")
    assert fynd(liten) == [("huset.yaml", HUSRADER + 1, "GRA001")]
    resultat = kontroll.bedom(ladda(liten), date(2026, 11, 30), [REGLER["GRA001"]])
    assert "Skriv senast_granskad: ÅÅÅÅ-MM-DD" in resultat.fynd[0].fynd.text
    assert "2025-11-29" in resultat.fynd[0].fynd.text


def test_senast_granskad_inom_12_manader_ger_ingen_varning(liten: Path) -> None:
    lagg_till(liten / "huset.yaml", "senast_granskad: 2025-11-30\n")
    assert fynd(liten) == []


def test_rumsguiden_pekas_ut_pa_sin_rad(liten: Path) -> None:
    guide = liten / "rum/trygghet.yaml"
    assert len(guide.read_text(encoding="utf-8").splitlines()) == GUIDRAD - 1
    lagg_till(guide, "senast_granskad: 2024-06-01\n")
    lagg_till(liten / "rum/processer.yaml", "senast_granskad: 2026-06-01\n")
    assert fynd(liten) == [("rum/trygghet.yaml", GUIDRAD, "GRA001")]


def test_eget_intervall_i_husets_regler(liten: Path) -> None:
    lagg_till(liten / "huset.yaml", "senast_granskad: 2026-04-15\n")
    assert fynd(liten) == []
    lagg_till(liten / "huset.yaml", "regler:\n  granskning:\n    intervall_månader: 6\n")
    assert fynd(liten) == [("huset.yaml", HUSRADER + 1, "GRA001")]


@pytest.mark.parametrize("varde", ["0", "61", '"6"'])
def test_intervallet_ar_ett_heltal_1_till_60(liten: Path, varde: str) -> None:
    lagg_till(liten / "huset.yaml", f"regler:\n  granskning:\n    intervall_månader: {varde}\n")
    resultat = kontroll.bedom(ladda(liten), date(2026, 11, 30), [REGLER["SCH001"]])
    assert [b.fynd.fil for b in resultat.fynd] == ["huset.yaml"]


def test_utan_senast_granskad_galler_senaste_incheckningen(liten: Path) -> None:
    kor_git(liten, "init", "-q", "-b", "main")
    checka_in(liten, "Första", "Anna Ek", "2024-11-01T09:00:00")
    assert fynd(liten) == [
        ("huset.yaml", 1, "GRA001"),
        ("rum/processer.yaml", 1, "GRA001"),
        ("rum/trygghet.yaml", 1, "GRA001"),
    ]
    resultat = kontroll.bedom(ladda(liten), date(2026, 11, 30), [REGLER["GRA001"]])
    assert "ändrades senast 2024-11-01" in resultat.fynd[0].fynd.text
    lagg_till(liten / "rum/trygghet.yaml", "# ny fråga\n")
    checka_in(liten, "Trygghet", "Bo Berg", "2026-10-01T09:00:00")
    assert [f[0] for f in fynd(liten)] == ["huset.yaml", "rum/processer.yaml"]


def test_utanfor_git_och_for_filer_som_aldrig_checkats_in_finns_inget_datum(liten: Path) -> None:
    assert fynd(liten, per="2030-01-01") == []
    kor_git(liten, "init", "-q", "-b", "main")
    kor_git(liten, "add", "huset.yaml", "rum/processer.yaml")
    kor_git(liten, "commit", "-q", "-m", "Första", datum="2024-01-01T09:00:00")
    # rum/trygghet.yaml är inte incheckad: inget datum, ingen varning.
    assert [f[0] for f in fynd(liten)] == ["huset.yaml", "rum/processer.yaml"]


def test_git_lases_en_gang_och_bara_nar_nagot_saknar_senast_granskad(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anrop: list[Path] = []
    verklig = gitinfo.historik

    def raknare(mapp: Path, vagar: list[str] | None = None) -> gitinfo.Historik:
        anrop.append(mapp)
        assert vagar, "bara de dokument som saknar senast_granskad"
        return verklig(mapp, vagar)

    monkeypatch.setattr(gitinfo, "historik", raknare)
    kor_git(liten, "init", "-q", "-b", "main")
    checka_in(liten, "Första", "Anna Ek", "2024-11-01T09:00:00")
    assert len(fynd(liten)) == 3
    assert len(anrop) == 1
    for fil in ("huset.yaml", "rum/processer.yaml", "rum/trygghet.yaml"):
        lagg_till(liten / fil, "senast_granskad: 2026-06-01\n")
    assert fynd(liten) == []
    assert len(anrop) == 1


def test_exemplet_far_ingen_granskningsvarning() -> None:
    rader = (EXEMPEL / "huset.yaml").read_text(encoding="utf-8").splitlines()
    rad = rader.index("senast_granskad: 2026-01-15") + 1
    svar = kor("kontrollera", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "GRA001" not in svar.stdout
    assert fynd(EXEMPEL) == []
    assert fynd(EXEMPEL, per="2027-01-16") == [("huset.yaml", rad, "GRA001")]
