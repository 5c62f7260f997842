"""`kvalitet init`: en ny verksamhet som håller från början, med git och en incheckning."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import git
import pytest

from kvalitet import __version__, schema, yamlio
from tests.conftest import MALLAR, kor

NORDMALING = ("--organisation", "Nordmalings kommun", "--kommunkod", "2401")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_init_i_tom_mapp_haller_och_har_en_incheckning(tmp_path: Path) -> None:
    mapp = tmp_path / "nordmaling-ifo"
    svar = kor("init", str(mapp), *NORDMALING, "--verksamhet", "Individ- och familjeomsorgen")
    assert svar.slutkod == 0, svar
    kontroll = kor("kontrollera", str(mapp))
    assert kontroll.slutkod == 0, kontroll
    # Det enda som återstår är mallens platshållare för visionen (MAL001).
    assert "0 fel och 1 varning" in kontroll.stdout
    assert "varning MAL001 ”tak.vision”" in kontroll.stdout
    repo = git.Repo(mapp)
    assert len(list(repo.iter_commits())) == 1
    assert not repo.is_dirty(untracked_files=True)


def test_init_skapar_mallens_filer_med_verksamhetens_uppgifter(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING, "--infort", "2026-11-23").slutkod == 0
    filer = sorted(git.Repo(mapp).git.ls_files().splitlines())
    guider = sorted(f"rum/{p.name}" for p in (MALLAR / "rum").glob("*.yaml"))
    assert filer == sorted(
        [
            ".github/workflows/kvalitet.yml",
            ".github/workflows/paminnelser.yml",
            ".gitignore",
            ".gitlab-ci.yml",
            *(f".kvalitet/schema/{namn}" for namn in schema.scheman()),
            ".vscode/settings.json",
            "README.md",
            "ataganden/2026.yaml",
            "brukarinflytande/2026.yaml",
            "egenkontroll.yaml",
            "garaget.yaml",
            "huset.yaml",
            "lagkrav.yaml",
            "styrdokument/rutin-avvikelsehantering.md",
            *guider,
        ]
    )
    huset = yamlio.las((mapp / "huset.yaml").read_text(encoding="utf-8"))
    assert huset["verksamhet"]["organisation"] == "Nordmalings kommun"
    assert huset["verksamhet"]["kommunkod"] == "2401"
    assert str(huset["årshjul"]["infört"]) == "2026-11-23"
    assert 'kommunkod: "2401"' in (mapp / "huset.yaml").read_text(encoding="utf-8")
    for guide in [*(MALLAR / "rum").glob("*.yaml"), MALLAR / "egenkontroll.yaml"]:
        assert (mapp / guide.relative_to(MALLAR)).read_bytes() == guide.read_bytes()
    assert yamlio.las((mapp / "egenkontroll.yaml").read_text(encoding="utf-8")) == {
        "kontrollmoment": []
    }
    assert "Nordmalings kommun" in (mapp / "README.md").read_text(encoding="utf-8")
    ignorerat = (mapp / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".kvalitet/cache/" in ignorerat
    assert "rapporter/" in ignorerat


def test_init_utan_kommentarer_forlorade_i_huset(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING).slutkod == 0
    mall = (MALLAR / "huset.yaml").read_text(encoding="utf-8").splitlines()
    ny = (mapp / "huset.yaml").read_text(encoding="utf-8").splitlines()
    assert len(ny) == len(mall)
    andrade = [i for i, (a, b) in enumerate(zip(mall, ny, strict=True)) if a != b]
    # organisation, kommunkod och infört; namn och nämnd har mallens värden
    assert len(andrade) == 3
    assert all(rad.split("#")[0].strip() for rad in (ny[i] for i in andrade))


def _exemplet(text: str, nyckel: str) -> str:
    """Det kommenterade exemplet som börjar med ”# nyckel:”, utan kommentartecknen."""
    rader = text.splitlines()
    borjan = next(i for i, rad in enumerate(rader) if rad.startswith(f"# {nyckel}:"))
    exempel = [rader[borjan][2:]]
    for rad in rader[borjan + 1 :]:
        if not rad.startswith("#   "):
            break
        exempel.append(rad[2:])
    return "\n".join(exempel) + "\n"


def test_de_kommenterade_exemplen_foljer_formatet_och_haller(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING, "--infort", "2026-11-02").slutkod == 0
    plan = mapp / "egenkontroll.yaml"
    text = plan.read_text(encoding="utf-8")
    moment = _exemplet(text, "kontrollmoment")
    assert moment.count("  - id: ") == 3
    for nyckel in ("metod", "frekvens", "ansvarig"):
        assert moment.count(f"    {nyckel}: ") == 3, nyckel
    assert _exemplet(text, "från") == "från: 2026-01-01\n"
    plan.write_text(text.replace("kontrollmoment: []\n", moment), encoding="utf-8")
    huset = mapp / "huset.yaml"
    hustext = huset.read_text(encoding="utf-8")
    kolada, regler = _exemplet(hustext, "kolada"), _exemplet(hustext, "regler")
    assert "hög_risk_från: 8" in regler
    assert "nyckeltal:" in kolada and "jämförelsegrupp:" in kolada
    hustext = hustext.replace("FYLL I: kommunens", "Kommunens")  # visionen, ifylld
    huset.write_text(hustext + kolada + regler, encoding="utf-8")
    svar = kor("kontrollera", str(mapp), "--per", "2026-11-30", "--strikt")
    assert svar.slutkod == 0, svar
    assert "1 egenkontrollplan" in svar.stdout
    status = kor("egenkontroll", "status", "-C", str(mapp), "--per", "2026-11-30")
    assert status.slutkod == 0, status
    assert status.stdout.count("aldrig utförd") == 3, status


def test_tom_egenkontrollplan_i_status_och_rapporten(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING).slutkod == 0
    status = kor("status", "-C", str(mapp), "--per", "2026-11-30")
    assert "Egenkontrollen: planen (egenkontroll.yaml) har inga kontrollmoment än." in (
        status.stdout
    ), status
    ny = kor("egenkontroll", "ny", "akt", "-C", str(mapp))
    assert ny.slutkod == 2, ny
    assert "har inga kontrollmoment än" in ny.stderr
    rapport = kor(
        "rapport", "egenkontroll", "-C", str(mapp), "--ar", "2026", "--per", "2026-11-30",
        "--ut", "-",
    )  # fmt: skip
    assert rapport.slutkod == 0, rapport
    assert "*Egenkontrollplanen har ännu inga kontrollmoment.*" in rapport.stdout


def test_init_vagrar_en_mapp_som_inte_ar_tom(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    mapp.mkdir()
    (mapp / "anteckningar.txt").write_text("mina", encoding="utf-8")
    svar = kor("init", str(mapp), *NORDMALING)
    assert svar.slutkod == 2, svar
    assert "inte tom" in svar.stderr
    assert sorted(p.name for p in mapp.iterdir()) == ["anteckningar.txt"]


def test_init_tvinga_lagger_till_det_som_saknas_och_skriver_inte_over(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    (mapp / "rum").mkdir(parents=True)
    egen = "# vår egen guide\nid: processer\n"
    (mapp / "rum" / "processer.yaml").write_text(egen, encoding="utf-8")
    svar = kor("init", str(mapp), *NORDMALING, "--tvinga")
    assert svar.slutkod == 0, svar
    assert (mapp / "rum" / "processer.yaml").read_text(encoding="utf-8") == egen
    assert "rum/processer.yaml" in svar.stdout
    assert (mapp / "huset.yaml").is_file()


def test_en_ny_klon_med_bara_git_raknas_som_tom(tmp_path: Path) -> None:
    mapp = tmp_path / "klon"
    git.Repo.init(mapp)
    svar = kor("init", str(mapp), *NORDMALING)
    assert svar.slutkod == 0, svar
    repo = git.Repo(mapp)
    # Mappen var redan ett förråd: init checkar inte in åt användaren.
    assert not repo.head.is_valid()
    assert "huset.yaml" in repo.untracked_files


@pytest.mark.parametrize("kod", ["240", "24011", "abcd", "24 1"])
def test_ogiltig_kommunkod_ar_anvandningsfel(tmp_path: Path, kod: str) -> None:
    mapp = tmp_path / "v"
    svar = kor("init", str(mapp), "--organisation", "X kommun", "--kommunkod", kod)
    assert svar.slutkod == 2, svar
    assert not mapp.exists()


def test_utan_terminal_fragar_init_inte_utan_sager_vad_som_saknas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Nordmalings kommun\n2401\n"))
    svar = kor("init", str(tmp_path / "v"), "--kommunkod", "2401")
    assert svar.slutkod == 2, svar
    assert "--organisation" in svar.stderr
    assert not (tmp_path / "v").exists()


def test_i_en_terminal_fragar_init_efter_det_som_saknas(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("Nordmalings kommun\n2401\n"))
    svar = kor("init", str(tmp_path / "v"))
    assert svar.slutkod == 0, svar
    huset = yamlio.las((tmp_path / "v" / "huset.yaml").read_text(encoding="utf-8"))
    assert huset["verksamhet"]["organisation"] == "Nordmalings kommun"
    assert huset["verksamhet"]["kommunkod"] == "2401"


def test_misslyckad_incheckning_lamnar_ingenting_kvar(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fel(*_: object, **__: object) -> None:
        raise OSError("disken är full")

    monkeypatch.setattr(git.IndexFile, "commit", fel)
    mapp = tmp_path / "v"
    svar = kor("init", str(mapp), *NORDMALING)
    assert svar.slutkod == 1, svar
    assert "Traceback" not in svar.stderr
    assert not mapp.exists() or not any(mapp.iterdir())


def test_init_skriver_paminnelserna_avstangda_tills_de_ar_installda(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING).slutkod == 0
    text = (mapp / ".github/workflows/paminnelser.yml").read_text(encoding="utf-8")
    assert yamlio.las(text) is None  # bara kommentarer: GitHub kör inget
    jobbet = text[text.index("# name:") :]
    avkommenterat = yamlio.las("\n".join(r.removeprefix("# ") for r in jobbet.splitlines()))
    assert avkommenterat is not None
    jobb = avkommenterat["jobs"]["paminnelser"]
    assert avkommenterat["on"]["schedule"] == [{"cron": "0 6 * * 1"}]
    assert jobb["steps"][-1]["run"] == "kvalitet paminnelser --skicka"
    assert jobb["steps"][-1]["env"]["KVALITET_SMTP_LOSENORD"] == (
        "${{ secrets.KVALITET_SMTP_LOSENORD }}"
    )
    assert f'pip install --quiet "git+https://github.com/kvalitet/kvalitet@v{__version__}"' in text
    gitlab = (mapp / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "# paminnelser:" in gitlab and "#     - kvalitet paminnelser --skicka" in gitlab
    assert '$CI_PIPELINE_SOURCE == "schedule"' in gitlab


def _ci_filer(mapp: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    github = yamlio.las((mapp / ".github/workflows/kvalitet.yml").read_text(encoding="utf-8"))
    gitlab = yamlio.las((mapp / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert isinstance(github, dict) and isinstance(gitlab, dict)
    return github, gitlab


def test_init_skriver_ci_som_anvander_kvalitets_atgard_och_gitlab_mall(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING).slutkod == 0
    github, gitlab = _ci_filer(mapp)
    assert "pull_request" in github["on"]
    assert github["on"]["schedule"] == [{"cron": "0 6 * * 1"}]  # fristerna varje vecka
    steg = github["jobs"]["kontrollera"]["steps"]
    assert steg[0]["with"]["fetch-depth"] == 0
    assert steg[1] == {"uses": f"kvalitet/kvalitet@v{__version__}"}
    assert gitlab["include"] == [
        {
            "remote": "https://raw.githubusercontent.com/kvalitet/kvalitet/"
            f"v{__version__}/ci/gitlab/kvalitet.yml"
        }
    ]
    assert gitlab["variables"] == {
        "KVALITET_KALLA": f"git+https://github.com/kvalitet/kvalitet@v{__version__}"
    }
    # Kommunens README installerar samma version som CI.
    readme = (mapp / "README.md").read_text(encoding="utf-8")
    assert f'pipx install "git+https://github.com/kvalitet/kvalitet@v{__version__}"' in readme
    # Inget paket som inte är publicerat installeras med namn (kvalitet==…).
    for fil in (".github/workflows/kvalitet.yml", ".gitlab-ci.yml"):
        text = (mapp / fil).read_text(encoding="utf-8")
        assert "kvalitet==" not in text and "pip install kvalitet" not in text, fil


@pytest.mark.parametrize(
    ("kalla", "atgard", "mall", "pip"),
    [
        (
            "https://forge.example/kommun/kvalitet@v0.2.0",
            "https://forge.example/kommun/kvalitet@v0.2.0",
            "https://forge.example/kommun/kvalitet/-/raw/v0.2.0/ci/gitlab/kvalitet.yml",
            "git+https://forge.example/kommun/kvalitet@v0.2.0",
        ),
        (
            "git+https://github.com/minkommun/kvalitet.git@main",
            "minkommun/kvalitet@main",
            "https://raw.githubusercontent.com/minkommun/kvalitet/main/ci/gitlab/kvalitet.yml",
            "git+https://github.com/minkommun/kvalitet@main",
        ),
        (
            "https://gitlab.com/grupp/under/kvalitet/",
            f"https://gitlab.com/grupp/under/kvalitet@v{__version__}",
            f"https://gitlab.com/grupp/under/kvalitet/-/raw/v{__version__}/ci/gitlab/kvalitet.yml",
            f"git+https://gitlab.com/grupp/under/kvalitet@v{__version__}",
        ),
    ],
)
def test_kvalitet_kalla_anger_forrad_och_version(
    tmp_path: Path, kalla: str, atgard: str, mall: str, pip: str
) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING, "--kvalitet-kalla", kalla).slutkod == 0
    github, gitlab = _ci_filer(mapp)
    assert github["jobs"]["kontrollera"]["steps"][1]["uses"] == atgard
    assert gitlab["include"] == [{"remote": mall}]
    assert gitlab["variables"]["KVALITET_KALLA"] == pip


@pytest.mark.parametrize(
    "kalla",
    ["kvalitet==0.1.0", "http://forge.example/kommun/kvalitet", "https://forge.example", "x@v1"],
)
def test_kvalitet_kalla_som_inte_ar_ett_forrad_vagras(tmp_path: Path, kalla: str) -> None:
    svar = kor("init", str(tmp_path / "v"), *NORDMALING, "--kvalitet-kalla", kalla)
    assert svar.slutkod == 2, svar
    assert "ingen adress till kvalitets förråd" in svar.stderr
    assert "Traceback" not in svar.stderr
    assert not (tmp_path / "v").exists()


def test_kvalitet_kalla_med_en_ogiltig_tagg_vagras(tmp_path: Path) -> None:
    kalla = "https://github.com/minkommun/kvalitet@v1;rm"
    svar = kor("init", str(tmp_path / "v"), *NORDMALING, "--kvalitet-kalla", kalla)
    assert svar.slutkod == 2, svar
    assert "ingen giltig tagg" in svar.stderr


def test_ci_filerna_ar_inte_dokument_i_verksamheten(tmp_path: Path) -> None:
    mapp = tmp_path / "v"
    assert kor("init", str(mapp), *NORDMALING).slutkod == 0
    # CI-filerna är inte dokument i verksamheten: kontrollen varnar inte för dem.
    svar = kor("kontrollera", str(mapp))
    assert "0 fel och 1 varning" in svar.stdout, svar  # bara visionens platshållare
    assert " MAL001 " in svar.stdout
