"""`kvalitet arshjul plan|starta|avsluta` på en kopia av exempel-verksamheten."""

from __future__ import annotations

import difflib
import io
import shlex
from pathlib import Path

import git
import pytest

from kvalitet import yamlio
from tests.conftest import PER, kor

OMVARLD_2026 = "arshjul/2026/omvarld.yaml"


def _las(fil: Path) -> dict[str, object]:
    data = yamlio.las(fil.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _forrad(mapp: Path) -> git.Repo:
    repo = git.Repo.init(mapp, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    return repo


@pytest.fixture
def utan_omvarld(exempel: Path) -> Path:
    """Exemplet, där Omvärldsbevakning (december) ännu inte har någon session 2026."""
    assert not (exempel / OMVARLD_2026).exists()
    return exempel


def test_plan_visar_rummen_i_manadsordning_med_lage(exempel: Path) -> None:
    svar = kor("arshjul", "plan", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar
    rader = [r for r in svar.stdout.splitlines() if "arshjul" in r]
    assert [r.split()[0] for r in rader] == [
        "februari",
        "april",
        "maj",
        "september",
        "oktober",
        "december",
    ]
    assert "genomförd" in rader[0]
    assert "1 försenad" in rader[4]
    assert "kommande" in rader[5]
    assert "kvalitet arshjul starta omvarld" in rader[5]


def test_plan_for_nasta_ar_visar_hur_man_startar(exempel: Path) -> None:
    svar = kor("arshjul", "plan", "-C", str(exempel), "--per", PER, "--ar", "2027")
    assert svar.slutkod == 0, svar
    assert svar.stdout.count("kommande") == 7  # sex rader och summan
    assert "kvalitet arshjul starta processer" in svar.stdout


def test_plan_med_ogiltigt_ar_ar_anvandningsfel(exempel: Path) -> None:
    svar = kor("arshjul", "plan", "-C", str(exempel), "--ar", "tjugo")
    assert svar.slutkod == 2, svar
    assert "--ar" in svar.stderr


def test_starta_listar_varje_fraga_och_rummets_parkerade_poster(utan_omvarld: Path) -> None:
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(utan_omvarld))
    assert svar.slutkod == 0, svar
    session = _las(utan_omvarld / OMVARLD_2026)
    guide = _las(utan_omvarld / "rum/omvarld.yaml")
    assert session["rum"] == "omvarld"
    assert session["år"] == 2026
    assert session["status"] == "pågår"
    assert [(f["id"], f["fråga"], f["svar"]) for f in session["orsaksanalys"]] == [  # type: ignore[attr-defined]
        (f["id"], f["fråga"], None)
        for f in guide["orsaksanalys"]  # type: ignore[attr-defined]
    ]
    for nyckel in ("syfte", "förberedelser", "åtgärdsfrågor"):
        assert session[nyckel] == guide[nyckel]
    underlag = " ".join(session["underlag"])  # type: ignore[arg-type]
    # G2 (prioriterad) och G3 (parkerad) hör till omvarld; G1 är överförd, G5 avslutad.
    assert "G2" in underlag
    assert "G3" in underlag
    assert "G1" not in underlag
    assert "G5" not in underlag
    assert kor("kontrollera", str(utan_omvarld), "--per", PER).slutkod == 0


def test_starta_igen_vagrar_och_lamnar_filen_orord(utan_omvarld: Path) -> None:
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(utan_omvarld)).slutkod == 0
    fil = utan_omvarld / OMVARLD_2026
    fil.write_text(fil.read_text(encoding="utf-8") + "# egen anteckning\n", encoding="utf-8")
    fore = fil.read_bytes()
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(utan_omvarld))
    assert svar.slutkod == 1, svar
    assert "finns redan" in svar.stderr
    assert fil.read_bytes() == fore


def test_starta_tar_med_forra_arets_oppna_atgarder_och_avvikelserna(exempel: Path) -> None:
    svar = kor("arshjul", "starta", "samverkan", "--ar", "2027", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    underlag = _las(exempel / "arshjul/2027/samverkan.yaml")["underlag"]
    assert isinstance(underlag, list)
    forra = _las(exempel / "arshjul/2026/samverkan.yaml")["handlingsplan"]
    assert isinstance(forra, list)
    oppna = [a["id"] for a in forra if a["status"] != "klar"]
    assert oppna
    for id_ in oppna:
        assert any(f"åtgärd {id_} från 2026" in rad for rad in underlag)
    assert any("sedan förra sessionen (2026-04-15)" in rad for rad in underlag)


@pytest.mark.parametrize("rum", ["omvärldsbevakning", "Omvarldsbevakning", "omv", "OMVARLD"])
def test_rummet_kan_anges_med_namn_eller_prefix(utan_omvarld: Path, rum: str) -> None:
    svar = kor("arshjul", "starta", rum, "--ar", "2026", "-C", str(utan_omvarld))
    assert svar.slutkod == 0, svar
    assert (utan_omvarld / OMVARLD_2026).is_file()


def test_okant_rum_ar_anvandningsfel_med_forslag(exempel: Path) -> None:
    svar = kor("arshjul", "starta", "procesera", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "processer" in svar.stderr
    assert not (exempel / "arshjul/2026/procesera.yaml").exists()


def test_gren_checkar_in_sessionen_pa_en_ny_gren(utan_omvarld: Path) -> None:
    repo = _forrad(utan_omvarld)
    fore = repo.head.commit
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--gren", "-C", str(utan_omvarld))
    assert svar.slutkod == 0, svar
    assert repo.active_branch.name == "arshjul/2026-omvarld"
    ny = repo.head.commit
    assert ny.parents == (fore,)
    assert list(ny.stats.files) == [OMVARLD_2026]
    assert not repo.is_dirty(untracked_files=True)
    assert repo.heads["main"].commit == fore


def test_gren_vagrar_nar_arbetstradet_har_andringar(utan_omvarld: Path) -> None:
    repo = _forrad(utan_omvarld)
    garaget = utan_omvarld / "garaget.yaml"
    garaget.write_text(garaget.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--gren", "-C", str(utan_omvarld))
    assert svar.slutkod == 1, svar
    assert "garaget.yaml" in svar.stderr
    assert repo.active_branch.name == "main"
    assert [h.name for h in repo.heads] == ["main"]
    assert not (utan_omvarld / OMVARLD_2026).exists()


def test_gren_som_redan_finns_vagras(utan_omvarld: Path) -> None:
    repo = _forrad(utan_omvarld)
    repo.create_head("arshjul/2026-omvarld")
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--gren", "-C", str(utan_omvarld))
    assert svar.slutkod == 1, svar
    assert repo.active_branch.name == "main"
    assert not (utan_omvarld / OMVARLD_2026).exists()


def test_gren_utanfor_ett_forrad_vagras(utan_omvarld: Path) -> None:
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--gren", "-C", str(utan_omvarld))
    assert svar.slutkod == 1, svar
    assert "git" in svar.stderr
    assert not (utan_omvarld / OMVARLD_2026).exists()


def test_misslyckad_incheckning_aterstaller_gren_och_fil(
    utan_omvarld: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _forrad(utan_omvarld)

    def fel(*_: object, **__: object) -> None:
        raise OSError("disken är full")

    monkeypatch.setattr(git.IndexFile, "commit", fel)
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--gren", "-C", str(utan_omvarld))
    assert svar.slutkod == 1, svar
    assert "Traceback" not in svar.stderr
    assert repo.active_branch.name == "main"
    assert [h.name for h in repo.heads] == ["main"]
    assert not (utan_omvarld / OMVARLD_2026).exists()
    assert not repo.is_dirty(untracked_files=True)


def test_avsluta_sager_vad_som_saknas_och_andrar_inget(utan_omvarld: Path) -> None:
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(utan_omvarld)).slutkod == 0
    fil = utan_omvarld / OMVARLD_2026
    fore = fil.read_bytes()
    svar = kor("arshjul", "avsluta", "omvarld", "-C", str(utan_omvarld), "--per", PER)
    assert svar.slutkod == 1, svar
    rader = [r for r in svar.stderr.splitlines() if f"{OMVARLD_2026}:" in r]
    regler = sorted({r.split(": fel ")[1].split()[0] for r in rader})
    assert regler == ["SES001", "SES002"]
    assert fil.read_bytes() == fore


def _fyll_i(fil: Path) -> None:
    text = fil.read_text(encoding="utf-8")
    text = text.replace("    svar:\n", "    svar: Så här.\n")
    text = text.replace("deltagare: []", "deltagare: [enhetschef, kvalitetssamordnare]")
    text = text.replace(
        "handlingsplan: []",
        "handlingsplan:\n"
        "  - id: A1\n"
        "    åtgärd: Jämföra kostnaderna med liknande kommuner.\n"
        "    ansvarig: kvalitetssamordnare\n"
        "    klart_senast: 2027-03-31\n"
        "    uppföljning: 2027-06-30\n"
        "    status: planerad",
    )
    fil.write_text(text, encoding="utf-8")


def test_avsluta_en_ifylld_session_andrar_bara_status_och_datum(utan_omvarld: Path) -> None:
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(utan_omvarld)).slutkod == 0
    fil = utan_omvarld / OMVARLD_2026
    _fyll_i(fil)
    utan_datum = kor("arshjul", "avsluta", "omvarld", "-C", str(utan_omvarld), "--per", PER)
    assert utan_datum.slutkod == 1, utan_datum
    assert "--datum" in utan_datum.stderr
    fore = fil.read_text(encoding="utf-8")
    svar = kor(
        "arshjul",
        "avsluta",
        "omvarld",
        "--datum",
        "2026-11-25",
        "-C",
        str(utan_omvarld),
        "--per",
        PER,
    )
    assert svar.slutkod == 0, svar
    efter = fil.read_text(encoding="utf-8")
    andrade = [r for r in difflib.ndiff(fore.splitlines(), efter.splitlines()) if r[:1] in "+-"]
    assert andrade == [
        "- datum:",
        "+ datum: 2026-11-25",
        "- status: pågår",
        "+ status: genomförd",
    ]
    assert kor("kontrollera", str(utan_omvarld), "--per", PER).slutkod == 0
    igen = kor("arshjul", "avsluta", "omvarld", "-C", str(utan_omvarld), "--per", PER)
    assert igen.slutkod == 0, igen
    assert fil.read_text(encoding="utf-8") == efter


def test_avsluta_en_session_som_inte_finns(exempel: Path) -> None:
    svar = kor("arshjul", "avsluta", "omvarld", "--ar", "2030", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "kvalitet arshjul starta omvarld" in svar.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_utan_rum_och_utan_terminal_namns_husets_rum(
    utan_omvarld: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("omvarld\n"))
    svar = kor("arshjul", "starta", "--ar", "2026", "-C", str(utan_omvarld))
    assert svar.slutkod == 2, svar
    assert "processer, samverkan" in svar.stderr
    assert not (utan_omvarld / OMVARLD_2026).exists()


def test_utan_rum_i_en_terminal_fragar_kvalitet(
    utan_omvarld: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("omvärld\n"))
    svar = kor("arshjul", "starta", "--ar", "2026", "-C", str(utan_omvarld))
    assert svar.slutkod == 0, svar
    assert "Vilket rum" in svar.stdout
    assert _las(utan_omvarld / OMVARLD_2026)["rum"] == "omvarld"


# Tipsen bär året och mappen, och ett stopp före införandet skapas inte tyst (issue 14.2).


def _foreslaget(text: str, inledning: str) -> list[str]:
    rad = next(r for r in text.splitlines() if r.startswith(inledning))
    kommando = shlex.split(rad.removeprefix(inledning))
    assert kommando[0] == "kvalitet", rad
    return kommando[1:]


def test_tipset_efter_starta_bar_aret_och_mappen(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(liten.parent)
    svar = kor("arshjul", "starta", "processer", "--ar", "2027", "-C", liten.name)
    assert svar.slutkod == 0, svar
    foreslaget = _foreslaget(svar.stdout, "Fyll i sessionen och avsluta den med: ")
    assert foreslaget == ["arshjul", "avsluta", "processer", "--ar", "2027", "-C", liten.name]
    # Att följa tipset hittar sessionen (som ännu inte är ifylld).
    svar = kor(*foreslaget, "--per", PER)
    assert svar.slutkod == 1, svar
    assert "kan inte avslutas än" in svar.stderr
    # Utan --ar föreslår kvalitet året som finns.
    svar = kor("arshjul", "avsluta", "processer", "-C", liten.name, "--ar", "2028")
    assert "menade du kvalitet arshjul avsluta processer --ar 2027" in svar.stderr, svar


def test_stopp_fore_inforandet_skapas_inte_tyst(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huset = liten / "huset.yaml"
    huset.write_text(
        huset.read_text(encoding="utf-8").replace("2026-01-01", "2026-12-01"), encoding="utf-8"
    )
    (liten / "arshjul/2026/processer.yaml").unlink()
    svar = kor("arshjul", "starta", "processer", "--ar", "2026", "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "ligger före årshjulets införande 2026-12-01" in svar.stderr
    assert "--ar 2027" in svar.stderr
    assert not (liten / "arshjul/2026/processer.yaml").exists()
    monkeypatch.setattr("sys.stdin", _Terminal("kanske\nn\n"))  # frågar igen efter ett annat svar
    svar = kor("arshjul", "starta", "processer", "--ar", "2026", "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "Svara j (ja) eller n (nej)." in svar.stdout
    assert not (liten / "arshjul/2026/processer.yaml").exists()
    monkeypatch.setattr("sys.stdin", _Terminal("j\n"))
    assert kor("arshjul", "starta", "processer", "--ar", "2026", "-C", str(liten)).slutkod == 0
    (liten / "arshjul/2026/processer.yaml").unlink()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    svar = kor(
        "arshjul", "starta", "processer", "--ar", "2026", "--fore-inforandet", "-C", str(liten)
    )
    assert svar.slutkod == 0, svar


def test_efter_avsluta_foreslas_nasta_steg_i_git(liten: Path) -> None:
    repo = git.Repo.init(liten, initial_branch="main")
    trygghet = liten / "arshjul/2026/trygghet.yaml"
    trygghet.write_text(
        trygghet.read_text(encoding="utf-8").replace("status: genomförd", "status: pågår"),
        encoding="utf-8",
    )
    repo.git.add(A=True)
    repo.index.commit("Början")
    svar = kor("arshjul", "avsluta", "trygghet", "--ar", "2026", "-C", str(liten), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "git switch -c arshjul/2026-trygghet-genomford" in svar.stdout
    assert "git push -u origin arshjul/2026-trygghet-genomford" in svar.stdout
    svar = kor("arshjul", "starta", "processer", "--ar", "2027", "--gren", "-C", str(liten))
    assert svar.slutkod == 1, svar  # arbetsträdet har ändringar: --gren vägrar
