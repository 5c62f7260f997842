"""`kvalitet historik`: incheckningar per fil, pull requests, grunda kloner, utanför git."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import git
import pytest

from kvalitet import gitinfo
from kvalitet.verksamhet import ladda
from tests.conftest import GUIDE, HUSET, PER, SESSION, bygg_tradet, kor

GREN = "kommun/arshjul-2026-processer"
PROCESSER = "arshjul/2026/processer.yaml"


def kor_git(mapp: Path, *argv: str, namn: str = "Test", datum: str = "2026-01-01T12:00:00") -> str:
    """Kör git i mappen med vald författare och vald tid (författare och incheckare)."""
    miljo = {
        **os.environ,
        "GIT_AUTHOR_NAME": namn,
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": namn,
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
        "GIT_AUTHOR_DATE": f"{datum} +0100",
        "GIT_COMMITTER_DATE": f"{datum} +0100",
    }
    svar = subprocess.run(
        ["git", *argv], cwd=mapp, env=miljo, capture_output=True, text=True, encoding="utf-8"
    )
    assert svar.returncode == 0, svar.stderr
    return svar.stdout


def checka_in(mapp: Path, meddelande: str, namn: str, datum: str) -> None:
    """Checka in allt i förrådet som `namn` vid `datum` (ÅÅÅÅ-MM-DDTHH:MM:SS)."""
    kor_git(mapp, "add", "-A")
    kor_git(mapp, "commit", "-q", "-m", meddelande, namn=namn, datum=datum)


def andra(fil: Path, rad: str) -> None:
    fil.write_text(fil.read_text(encoding="utf-8") + rad + "\n", encoding="utf-8")


def liten_verksamhet(mapp: Path) -> Path:
    return bygg_tradet(
        mapp,
        {
            "huset.yaml": HUSET,
            "rum/processer.yaml": GUIDE.format(id="processer", namn="Processer och rutiner"),
            "rum/trygghet.yaml": GUIDE.format(id="trygghet", namn="Trygghet och säkerhet"),
            PROCESSER: SESSION,
        },
    )


@pytest.fixture
def forrad(tmp_path: Path) -> Path:
    """Ett förråd med verksamheten i ifo/ och en pull request från en gren.

    main:  A (Anna Ek) – B (Åsa Öberg) – D (Anna Ek, rum/trygghet.yaml) – M (#12)
    gren:              └ C (Bo Berg, processer.yaml) ┘
    """
    rot = tmp_path / "forrad"
    ifo = liten_verksamhet(rot / "ifo")
    (rot / "README.md").write_text("Utanför verksamheten.\n", encoding="utf-8")
    kor_git(rot, "init", "-q", "-b", "main")
    checka_in(rot, "Första versionen", "Anna Ek", "2024-10-01T09:00:00")
    andra(ifo / PROCESSER, "# svar på frågorna")
    checka_in(rot, "Processer: svar", "Åsa Öberg", "2025-03-01T09:00:00")
    kor_git(rot, "switch", "-q", "-c", GREN)
    andra(ifo / PROCESSER, "# handlingsplan")
    checka_in(rot, "Processer: handlingsplan", "Bo Berg", "2026-03-02T09:00:00")
    kor_git(rot, "switch", "-q", "main")
    andra(ifo / "rum/trygghet.yaml", "# ny fråga")
    andra(rot / "README.md", "Ändrad.")
    checka_in(rot, "Trygghet: guiden", "Anna Ek", "2026-03-05T09:00:00")
    meddelande = f"Merge pull request #12 from {GREN}\n\nÅrshjulet 2026: processer"
    kor_git(
        rot,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        meddelande,
        GREN,
        namn="GitHub",
        datum="2026-03-10T09:00:00",
    )
    return ifo


def test_en_fils_historik_nyast_forst_med_pull_request(forrad: Path) -> None:
    historik = gitinfo.historik(forrad)
    lista = historik.filer[PROCESSER]
    assert [i.forfattare for i in lista] == ["Bo Berg", "Åsa Öberg", "Anna Ek"]
    assert [i.datum for i in lista] == [date(2026, 3, 2), date(2025, 3, 1), date(2024, 10, 1)]
    assert lista[0].genom == gitinfo.PullRequest(12)
    assert lista[0].via is not None and lista[0].via.rubrik.startswith("Merge pull request #12")
    assert [i.genom for i in lista[1:]] == [None, None]
    assert historik.grund is None
    assert "README.md" not in historik.filer  # utanför verksamhetens mapp
    assert historik.senaste("rum/trygghet.yaml").forfattare == "Anna Ek"  # type: ignore[union-attr]


def test_historik_for_en_fil_fran_kommandoraden(
    forrad: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(forrad / "arshjul")
    svar = kor("historik", "2026/processer.yaml")
    assert svar.slutkod == 0, svar
    rader = svar.stdout.splitlines()
    ordning = [
        next(i for i, rad in enumerate(rader) if namn in rad)
        for namn in ("Bo Berg", "Åsa Öberg", "Anna Ek")
    ]
    assert ordning == sorted(ordning), svar
    bo = rader[ordning[0]]
    assert "2026-03-02" in bo and "pull request #12" in bo and "Processer: handlingsplan" in bo
    assert "pull request" not in rader[ordning[1]]
    assert "Historik för arshjul/2026/processer.yaml" in svar.stdout
    assert "3 incheckningar; senast ändrad 2026-03-02 av Bo Berg." in svar.stdout


def test_alla_dokument_med_senaste_andring_och_forfallna(forrad: Path) -> None:
    (forrad / "arshjul/2026/trygghet.yaml").write_text(
        SESSION.replace("processer", "trygghet"), encoding="utf-8"
    )
    svar = kor("historik", "-C", str(forrad), "--per", PER)
    assert svar.slutkod == 0, svar
    senaste, forfallna = svar.stdout.split("Förfallna till granskning per 2026-11-30")
    rad = {
        delar[0]: r
        for r in senaste.splitlines()
        if (delar := r.split()) and delar[0].endswith(".yaml")
    }
    assert "2026-03-02" in rad[PROCESSER] and "Bo Berg" in rad[PROCESSER], svar
    assert "pull request #12" in rad[PROCESSER]
    assert "2026-03-05" in rad["rum/trygghet.yaml"] and "Anna Ek" in rad["rum/trygghet.yaml"]
    assert "2024-10-01" in rad["huset.yaml"]
    assert "inte incheckad" in rad["arshjul/2026/trygghet.yaml"]
    assert "README.md" not in senaste
    assert "5 dokument, varav 1 inte incheckad." in senaste
    # Intervallet är 12 månader: huset och processguiden ändrades senast 2024-10-01.
    forfallet = [r.split()[0] for r in forfallna.splitlines() if ".yaml" in r]
    assert forfallet == ["huset.yaml", "rum/processer.yaml"], svar


@pytest.mark.parametrize(
    ("meddelande", "vantat"),
    [
        pytest.param(f"Merge pull request #12 from {GREN}", "pull request #12", id="github"),
        pytest.param(
            f"Merge branch '{GREN}' into 'main'\n\nÅrshjulet\n\nSee merge request kommun/ifo!7",
            "merge request !7",
            id="gitlab",
        ),
        pytest.param("Merged PR 34: Processer 2026", "pull request !34", id="azure"),
        pytest.param(f"Merge branch '{GREN}'", None, id="utan-nummer"),
    ],
)
def test_forgens_sammanslagningar_kanns_igen(
    tmp_path: Path, meddelande: str, vantat: str | None
) -> None:
    ifo = liten_verksamhet(tmp_path / "ifo")
    kor_git(ifo, "init", "-q", "-b", "main")
    checka_in(ifo, "Första", "Anna Ek", "2026-01-01T09:00:00")
    kor_git(ifo, "switch", "-q", "-c", GREN)
    andra(ifo / PROCESSER, "# ändrad")
    checka_in(ifo, "På grenen", "Bo Berg", "2026-01-02T09:00:00")
    kor_git(ifo, "switch", "-q", "main")
    kor_git(ifo, "merge", "-q", "--no-ff", "-m", meddelande, GREN)
    senaste = gitinfo.historik(ifo).senaste(PROCESSER)
    assert senaste is not None and senaste.forfattare == "Bo Berg"
    assert (str(senaste.genom) if senaste.genom else None) == vantat
    assert senaste.via is not None  # sammanslagningen syns även utan nummer


def test_squash_fran_github_ger_numret(tmp_path: Path) -> None:
    ifo = liten_verksamhet(tmp_path / "ifo")
    kor_git(ifo, "init", "-q", "-b", "main")
    checka_in(ifo, "Första (#3)", "Anna Ek", "2026-01-01T09:00:00")
    senaste = gitinfo.historik(ifo).senaste("huset.yaml")
    assert senaste is not None and senaste.genom == gitinfo.PullRequest(3)


def test_grund_klon_ger_en_anmarkning_inte_ett_fel(forrad: Path, tmp_path: Path) -> None:
    klon = tmp_path / "klon"
    kor_git(tmp_path, "clone", "-q", "--depth", "1", f"file://{forrad.parent}", str(klon))
    historik = gitinfo.historik(klon / "ifo")
    assert historik.grund is not None and "2026-03-10" in historik.grund
    assert all(len(lista) == 1 for lista in historik.filer.values())
    svar = kor("historik", "-C", str(klon / "ifo"), "--per", PER)
    assert svar.slutkod == 0, svar
    text = " ".join(svar.stdout.split())  # långa rader bryts utanför en terminal
    assert "grund klon (shallow)" in text and "kör git fetch --unshallow" in text, svar
    svar = kor("historik", PROCESSER, "-C", str(klon / "ifo"))
    assert svar.slutkod == 0, svar
    assert "grund klon" in svar.stdout


def test_utanfor_ett_forrad_ar_anvandningsfel(tmp_path: Path) -> None:
    ifo = liten_verksamhet(tmp_path / "ifo")
    for argv in (("historik", "-C", str(ifo)), ("historik", PROCESSER, "-C", str(ifo))):
        svar = kor(*argv)
        assert svar.slutkod == 2, svar
        assert "ligger inte i ett git-förråd" in svar.stderr, svar
        assert "Traceback" not in svar.stderr


def test_fil_som_inte_finns_eller_aldrig_checkats_in(forrad: Path) -> None:
    svar = kor("historik", "rum/finns-inte.yaml", "-C", str(forrad))
    assert svar.slutkod == 2, svar
    assert "finns inte i verksamheten och har ingen historik" in svar.stderr
    (forrad / "rum/ny.yaml").write_text("id: ny\n", encoding="utf-8")
    svar = kor("historik", "rum/ny.yaml", "-C", str(forrad))
    assert svar.slutkod == 0, svar
    assert "rum/ny.yaml har ingen incheckning än" in svar.stdout
    svar = kor("historik", str(forrad.parent / "README.md"), "-C", str(forrad))
    assert svar.slutkod == 2, svar
    assert "utanför verksamheten" in svar.stderr


def _raknade_anrop(mapp: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    anrop = []
    kor_egentligen = git.cmd.Git.execute

    def raknare(self: git.cmd.Git, *args: object, **kwargs: object) -> object:
        anrop.append(args)
        return kor_egentligen(self, *args, **kwargs)  # type: ignore[call-overload]

    with monkeypatch.context() as m:
        m.setattr(git.cmd.Git, "execute", raknare)
        historik = gitinfo.historik(mapp)
    assert historik.filer
    return len(anrop)


@pytest.mark.parametrize("antal_filer", [1, 25])
def test_git_anropas_lika_manga_ganger_oavsett_antal_filer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, antal_filer: int
) -> None:
    ifo = liten_verksamhet(tmp_path / "ifo")
    kor_git(ifo, "init", "-q", "-b", "main")
    for i in range(antal_filer):
        (ifo / f"avvikelser/2026/2026-{i:03}.yaml").parent.mkdir(parents=True, exist_ok=True)
        (ifo / f"avvikelser/2026/2026-{i:03}.yaml").write_text(f"id: x{i}\n", encoding="utf-8")
        checka_in(ifo, f"Avvikelse {i}", "Anna Ek", f"2026-02-{i % 28 + 1:02}T09:00:00")
    assert _raknade_anrop(ifo, monkeypatch) == 2
    assert len(gitinfo.historik(ifo).filer) == 4 + antal_filer
    assert len(ladda(ifo).dokument) == 4 + antal_filer
