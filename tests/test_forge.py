"""Forgens CI: åtgärden (action.yml) och GitLab-mallen tolkas, och varje steg körs.

Stegen plockas ur filerna och körs som forgen kör dem (GitHub: bash -eo pipefail med
stegets miljö; GitLab: skriptets rader i ett sh -e), med indatas standardvärden, mot
tillfälliga verksamheter i git-förråd med en ”origin” bredvid: en ändring på main, en
pull request med en ny avvikelse i en grund klon, och en verksamhet med fel.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kvalitet import yamlio
from tests.conftest import ROT, kor, miljo_med, ny_miljo

ATGARD = ROT / "action.yml"
GITLAB = ROT / "ci" / "gitlab" / "kvalitet.yml"


def _las(sokvag: Path) -> dict[str, Any]:
    data = yamlio.las(sokvag.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_atgarden_ar_en_sammansatt_atgard_med_svenska_indata() -> None:
    atgard = _las(ATGARD)
    assert atgard["runs"]["using"] == "composite"
    assert set(atgard["inputs"]) == {"katalog", "per", "strikt", "python-version"}
    assert all(indata["description"] for indata in atgard["inputs"].values())
    steg = atgard["runs"]["steps"]
    assert [s["uses"] for s in steg if "uses" in s] == ["actions/setup-python@v5"]
    assert all(s["shell"] == "bash" for s in steg if "run" in s)


def test_inga_uttryck_klistras_in_i_skripten() -> None:
    # Indata och händelsens värden når skripten bara som miljövariabler: ett värde som
    # en grennamn med $(…) kan då aldrig köras som kod.
    for steg in _las(ATGARD)["runs"]["steps"]:
        assert "${{" not in steg.get("run", ""), steg["run"]
    skript = "\n".join(_las(GITLAB)["kvalitet"]["script"])
    assert "${{" not in skript and "$[[" not in skript


def test_gitlab_mallen_har_jobbet_och_code_quality() -> None:
    mall = _las(GITLAB)
    jobb = mall["kvalitet"]
    assert set(mall["variables"]) == {
        "KVALITET_KALLA",
        "KVALITET_KATALOG",
        "KVALITET_PER",
        "KVALITET_STRIKT",
    }
    assert jobb["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert jobb["artifacts"]["when"] == "always"
    assert re.fullmatch(r"[a-z0-9 ]+", jobb["artifacts"]["expose_as"])
    assert jobb["variables"]["GIT_DEPTH"] == "0"
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in jobb["rules"]


# Att köra stegen.


@dataclass
class Forrad:
    """En verksamhet i ett git-förråd, med ett bart förråd som ”origin”."""

    arbete: Path
    origin: Path


def _git(mapp: Path, *argument: str) -> str:
    svar = subprocess.run(
        ["git", *argument], cwd=mapp, capture_output=True, text=True, encoding="utf-8", check=True
    )
    return svar.stdout


def _forrad(tmp_path: Path, katalog: str = ".") -> Forrad:
    origin = tmp_path / "origin.git"
    _git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(origin))
    arbete = tmp_path / "arbete"
    verksamhet = arbete / katalog
    argument = ("--organisation", "Testkommun", "--kommunkod", "2401", "--infort", "2026-11-01")
    assert kor("init", str(verksamhet), *argument).slutkod == 0
    if katalog != ".":  # verksamheten i en undermapp av ett förråd
        _git(arbete, "init", "--quiet", "--initial-branch=main")
        _git(arbete, "add", "-A")
        _git(arbete, "commit", "--quiet", "-m", "Ny verksamhet")
    _git(arbete, "remote", "add", "origin", origin.as_uri())
    _git(arbete, "push", "--quiet", "origin", "main")
    return Forrad(arbete, origin)


def _pull_request(forrad: Forrad, tmp_path: Path) -> Path:
    """En grund klon (som actions/checkout ger) av en gren med en ny avvikelse."""
    _git(forrad.arbete, "switch", "--quiet", "-c", "avvikelse")
    svar = kor(
        "avvikelse", "ny", "-C", str(forrad.arbete), "--typ", "avvikelse", "--rum", "processer",
        "--beskrivning", "Ett beslut expedierades för sent.", "--datum", "2026-11-20",
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    _git(forrad.arbete, "add", "-A")
    _git(forrad.arbete, "commit", "--quiet", "-m", "Ny avvikelse")
    _git(forrad.arbete, "push", "--quiet", "origin", "avvikelse")
    klon = tmp_path / "klon"
    _git(tmp_path, "clone", "--quiet", "--depth=1", "--branch=avvikelse", forrad.origin.as_uri(),
         str(klon))  # fmt: skip
    assert _git(klon, "rev-parse", "--is-shallow-repository").strip() == "true"
    return klon


@pytest.fixture(scope="module")
def ci_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Programmen i en ny miljö med bara pip, som actions/setup-python ger.

    Åtgärdens installationssteg körs sedan i testerna (och installerar kvalitet ur
    förrådet, som åtgärdens utcheckning); den första körningen installerar, de andra
    hittar samma version.
    """
    return ny_miljo(tmp_path_factory.mktemp("ci") / "env")


def _uttryck(text: str, kontext: dict[str, str]) -> str:
    return re.sub(r"\$\{\{\s*([\w.-]+)\s*\}\}", lambda m: kontext[m.group(1)], text)


def _villkor(text: str, kontext: dict[str, str]) -> bool:
    traff = re.fullmatch(r"\s*([\w.]+)\s*==\s*'([^']*)'\s*", text)
    assert traff, f"villkoret {text!r} kan inte prövas här"
    return kontext[traff.group(1)] == traff.group(2)


@dataclass
class Korning:
    """Vad åtgärden gjorde: varje stegs slutkod och utdata, och jobbets sammanfattning."""

    steg: list[tuple[str, int, str]]
    sammanfattning: str

    @property
    def slutkod(self) -> int:
        return next((kod for _, kod, _ in self.steg if kod != 0), 0)

    def __str__(self) -> str:
        return "\n".join(f"--- {namn}: {kod}\n{ut}" for namn, kod, ut in self.steg)


def _kor_atgarden(
    program: Path, arbete: Path, tmp_path: Path, handelse: str = "push", **indata: str
) -> Korning:
    atgard = _las(ATGARD)
    varden = {namn: str(i.get("default", "")) for namn, i in atgard["inputs"].items()}
    varden.update(indata)
    sammanfattning = tmp_path / "sammanfattning.md"
    sammanfattning.touch()
    kontext = {f"inputs.{namn}": varde for namn, varde in varden.items()}
    kontext |= {
        "github.action_path": str(ROT),
        "github.event_name": handelse,
        "github.base_ref": "main" if handelse == "pull_request" else "",
    }
    forge = {k: v for k, v in miljo_med(program).items() if not k.startswith("GITHUB_")}
    miljo = forge | {
        "GITHUB_ACTION_PATH": str(ROT),
        "GITHUB_EVENT_NAME": handelse,
        "GITHUB_STEP_SUMMARY": str(sammanfattning),
        "GITHUB_WORKSPACE": str(arbete),
        "RUNNER_TEMP": str(tmp_path),
    }
    korda = []
    for steg in atgard["runs"]["steps"]:
        if "uses" in steg:  # actions/setup-python: miljön med bara pip står först i PATH
            continue
        if "if" in steg and not _villkor(steg["if"], kontext):
            continue
        stegmiljo = {k: _uttryck(str(v), kontext) for k, v in steg.get("env", {}).items()}
        svar = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", steg["run"]],
            cwd=arbete,
            env={**miljo, **stegmiljo},
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        korda.append((steg["name"], svar.returncode, svar.stdout + svar.stderr))
        if svar.returncode != 0:
            break
    return Korning(korda, sammanfattning.read_text(encoding="utf-8"))


def test_atgarden_pa_main(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    korning = _kor_atgarden(ci_python, forrad.arbete, tmp_path, per="2026-11-30")
    assert korning.slutkod == 0, korning
    assert [namn for namn, _, _ in korning.steg] == [
        "Installera kvalitet",
        "Kontrollera verksamheten",
    ]
    assert korning.sammanfattning == ""
    installerad = subprocess.run(
        [str(ci_python / "python"), "-c", "import kvalitet; print(kvalitet.__file__)"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout  # fmt: skip
    assert Path(installerad.strip()).is_relative_to(ci_python.parent)


def test_atgarden_i_en_pull_request_jamfor_med_malgrenen(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    klon = _pull_request(forrad, tmp_path)
    korning = _kor_atgarden(ci_python, klon, tmp_path, "pull_request", per="2026-11-30")
    assert korning.slutkod == 0, korning
    assert [namn for namn, _, _ in korning.steg] == [
        "Installera kvalitet",
        "Sammanfatta ändringarna i pull requesten",
        "Kontrollera verksamheten",
    ]
    assert _git(klon, "rev-parse", "--is-shallow-repository").strip() == "false"
    assert "Ändringar mot origin/main" in korning.sammanfattning, korning
    assert "1 ny avvikelse" in korning.sammanfattning


def test_atgarden_stoppar_ett_fel_med_annotering(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    (forrad.arbete / "rum" / "processer.yaml").unlink()
    korning = _kor_atgarden(ci_python, forrad.arbete, tmp_path, per="2026-11-30")
    namn, slutkod, utdata = korning.steg[-1]
    assert (namn, slutkod) == ("Kontrollera verksamheten", 1), korning
    assert re.search(r"^::error file=huset\.yaml,line=\d+,col=\d+,title=\w+::", utdata, re.M)


def test_atgardens_indata_katalog_och_strikt(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path, katalog="ifo")
    # En åtgärd som är försenad per 2026-11-30 ger en varning; strikt gör den till stopp.
    session = forrad.arbete / "ifo" / "arshjul" / "2026" / "processer.yaml"
    assert (
        kor(
            "arshjul",
            "starta",
            "processer",
            "-C",
            str(forrad.arbete / "ifo"),
            "--ar",
            "2026",
            "--fore-inforandet",
        ).slutkod
        == 0
    )
    text = session.read_text(encoding="utf-8")
    assert "handlingsplan: []" in text
    session.write_text(
        text.replace(
            "handlingsplan: []",
            "handlingsplan:\n  - id: A1\n    åtgärd: Uppdatera rutinen\n    ansvarig: enhetschef\n"
            "    klart_senast: 2026-11-15\n    uppföljning: 2026-12-15\n    status: pågår",
        ),
        encoding="utf-8",
    )
    mild = _kor_atgarden(ci_python, forrad.arbete, tmp_path, katalog="ifo", per="2026-11-30")
    assert mild.slutkod == 0, mild
    assert "::warning file=ifo/arshjul/2026/processer.yaml," in mild.steg[-1][2], mild
    strikt = _kor_atgarden(
        ci_python, forrad.arbete, tmp_path, katalog="ifo", per="2026-11-30", strikt="true"
    )
    assert strikt.slutkod == 1, strikt


# GitLab-mallen, med variablerna som init skriver.


def _kor_gitlab(
    program: Path, arbete: Path, malgren: str | None = None, **variabler: str
) -> subprocess.CompletedProcess[str]:
    mall = _las(GITLAB)
    varden = {namn: str(v) for namn, v in mall["variables"].items()}
    varden |= {"KVALITET_KALLA": str(ROT), **variabler}
    if malgren:
        varden["CI_MERGE_REQUEST_TARGET_BRANCH_NAME"] = malgren
    # Utan CI-variabler från en forge som testerna själva kanske körs i.
    miljo = {k: v for k, v in miljo_med(program).items() if not k.startswith("CI_")}
    return subprocess.run(
        ["sh", "-e", "-c", "\n".join(mall["kvalitet"]["script"])],
        cwd=arbete,
        env=miljo | varden,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_gitlab_mallen_pa_standardgrenen(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    svar = _kor_gitlab(ci_python, forrad.arbete, KVALITET_PER="2026-11-30")
    assert svar.returncode == 0, svar.stdout + svar.stderr
    rapport = (forrad.arbete / "gl-code-quality-report.json").read_text(encoding="utf-8")
    # Bara visionens platshållare från init (MAL001, en varning), inga fel.
    assert [f["check_name"] for f in json.loads(rapport)] == ["MAL001"]
    assert "Inga fel hittades" in svar.stdout
    assert not (forrad.arbete / "kvalitet-andringar.md").exists()


def test_gitlab_mallen_i_en_merge_request(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    klon = _pull_request(forrad, tmp_path)
    _git(klon, "fetch", "--quiet", "--unshallow")  # GIT_DEPTH: "0" ger hela historiken
    svar = _kor_gitlab(ci_python, klon, malgren="main", KVALITET_PER="2026-11-30")
    assert svar.returncode == 0, svar.stdout + svar.stderr
    andringar = (klon / "kvalitet-andringar.md").read_text(encoding="utf-8")
    assert "1 ny avvikelse" in andringar


def test_gitlab_mallen_stoppar_ett_fel_och_rapporterar_det(ci_python: Path, tmp_path: Path) -> None:
    forrad = _forrad(tmp_path)
    (forrad.arbete / "rum" / "processer.yaml").unlink()
    svar = _kor_gitlab(ci_python, forrad.arbete, KVALITET_PER="2026-11-30", KVALITET_STRIKT="true")
    assert svar.returncode == 1, svar.stdout + svar.stderr
    rapport = (forrad.arbete / "gl-code-quality-report.json").read_text(encoding="utf-8")
    assert '"path": "huset.yaml"' in rapport


def test_gitlab_mallen_utan_kalla_sager_vad_som_saknas(ci_python: Path, tmp_path: Path) -> None:
    svar = _kor_gitlab(ci_python, tmp_path, KVALITET_KALLA="")
    assert svar.returncode == 2
    assert "KVALITET_KALLA" in svar.stderr


def test_ci_filerna_fran_init_pekar_pa_atgarden_och_mallen(tmp_path: Path) -> None:
    assert (
        kor("init", str(tmp_path / "v"), "--organisation", "K", "--kommunkod", "2401").slutkod == 0
    )
    github = (tmp_path / "v" / ".github" / "workflows" / "kvalitet.yml").read_text(encoding="utf-8")
    gitlab = (tmp_path / "v" / ".gitlab-ci.yml").read_text(encoding="utf-8")
    assert "uses: kvalitet/kvalitet@v" in github
    assert f"/{GITLAB.relative_to(ROT).as_posix()}" in gitlab
    # Variablerna som init föreslår finns i mallen.
    for variabel in re.findall(r"(KVALITET_\w+):", gitlab):
        assert variabel in _las(GITLAB)["variables"], variabel
