"""Cachen och den parallella läsningen ger samma fynd som en ny läsning i en process."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kvalitet import kontroll
from kvalitet.fynd import Bedomt
from kvalitet.lasning import cache
from kvalitet.verksamhet import ladda
from tests.conftest import PER, kor

PER_DATUM = date.fromisoformat(PER)
CACHEFIL = Path(".kvalitet/cache/dokument.sqlite")
UTFALLSFIL = Path(".kvalitet/cache/utfall.json")


def _fynd(mapp: Path, *flaggor: str) -> list[dict[str, object]]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json", *flaggor)
    assert svar.slutkod in (0, 1), svar
    return json.loads(svar.stdout)["fynd"]  # type: ignore[no-any-return]


@pytest.fixture
def med_fel(exempel: Path) -> Path:
    """Exemplet med en trasig fil, ett personnummer och en försenad åtgärd till."""
    (exempel / "avvikelser/2026/2026-099.yaml").write_text("id: [\n", encoding="utf-8")
    garaget = exempel / "garaget.yaml"
    garaget.write_text(
        garaget.read_text(encoding="utf-8").replace(
            "samråd under helger.", "samråd under helger, se 19121212-1212."
        ),
        encoding="utf-8",
    )
    return exempel


def test_kall_och_varm_korning_ger_samma_fynd(med_fel: Path) -> None:
    kall = _fynd(med_fel, "--ingen-cache")
    assert not (med_fel / CACHEFIL).exists()
    forsta = _fynd(med_fel)
    assert (med_fel / CACHEFIL).is_file()
    varm = _fynd(med_fel)
    assert kall == forsta == varm
    assert {f["regel"] for f in varm} >= {"YAML001", "PNR001", "ATG001"}


def test_en_fil_som_andras_mellan_korningarna_laes_om(med_fel: Path) -> None:
    _fynd(med_fel)
    session = med_fel / "arshjul/2026/processer.yaml"
    text = session.read_text(encoding="utf-8")
    session.write_text(text.replace("status: klar", "status: pågår", 1), encoding="utf-8")
    assert _fynd(med_fel) == _fynd(med_fel, "--ingen-cache")
    (med_fel / "avvikelser/2026/2026-099.yaml").unlink()
    assert _fynd(med_fel) == _fynd(med_fel, "--ingen-cache")


@pytest.mark.parametrize("utan_utfall", [False, True], ids=["hela-utfallet", "dokumenten"])
def test_en_andring_med_samma_storlek_och_gammal_andringstid_hittas(
    exempel: Path, utan_utfall: bool
) -> None:
    # issue 17: cachen litade på (storlek, ändringstid); rsync -t och uppackning
    # återställer ändringstiden.
    assert _fynd(exempel) == _fynd(exempel, "--ingen-cache")
    fil = exempel / "avvikelser/2026/2026-001.yaml"
    fore = fil.stat()
    text = fil.read_text(encoding="utf-8")
    assert "typ: avvikelse\n" in text
    fil.write_text(text.replace("typ: avvikelse\n", "typ: avvikelsX\n", 1), encoding="utf-8")
    os.utime(fil, ns=(fore.st_atime_ns, fore.st_mtime_ns))
    assert (fil.stat().st_size, fil.stat().st_mtime_ns) == (fore.st_size, fore.st_mtime_ns)
    if utan_utfall:
        (exempel / UTFALLSFIL).unlink()  # bara dokumentens cache prövas
    varm = _fynd(exempel)
    assert varm == _fynd(exempel, "--ingen-cache")
    assert "SCH001" in {f["regel"] for f in varm}


def test_en_fil_som_bara_far_ny_andringstid_tolkas_inte_om(exempel: Path) -> None:
    # Innehållet avgör: en utcheckning som rör ändringstiden ger ingen ny tolkning.
    _fynd(exempel)
    fore = _rader(exempel)
    fil = exempel / "garaget.yaml"
    os.utime(fil, ns=(0, 10**18))
    (exempel / UTFALLSFIL).unlink()
    _fynd(exempel)
    assert _rader(exempel)["garaget.yaml"] == fore["garaget.yaml"]


def _rader(mapp: Path) -> dict[str, tuple[object, ...]]:
    with sqlite3.connect(mapp / CACHEFIL) as db:
        return {rad[0]: rad for rad in db.execute("SELECT * FROM dokument")}


def test_trasig_cache_ignoreras_och_byggs_om(med_fel: Path) -> None:
    _fynd(med_fel)
    (med_fel / UTFALLSFIL).unlink()  # annars svarar utfallet utan att dokumenten läses
    (med_fel / CACHEFIL).write_bytes(b"\x80inte en databas" * 100)
    assert _fynd(med_fel) == _fynd(med_fel, "--ingen-cache")
    assert cache.las(med_fel) != {}  # ombyggd och giltig


def test_en_inlagd_cache_utan_giltig_signatur_litas_inte_pa(med_fel: Path) -> None:
    _fynd(med_fel)
    # En förfalskad rad som påstår att garaget.yaml saknar personnummer.
    with sqlite3.connect(med_fel / CACHEFIL) as db:
        db.execute("UPDATE dokument SET pnr = '[]' WHERE vag = 'garaget.yaml'")
    (med_fel / UTFALLSFIL).unlink()
    assert "PNR001" in {f["regel"] for f in _fynd(med_fel)}
    assert cache.las_modeller(med_fel, ["garaget.yaml"])["garaget.yaml"][2], "ombyggd"


def test_inlagda_fynd_utan_giltig_signatur_litas_inte_pa(exempel: Path) -> None:
    fil = exempel / "avvikelser/2026/2026-003.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(re.sub(r"(?m)^rum: .*$", "rum: finns-inte", text, count=1), encoding="utf-8")
    fore = _fynd(exempel)
    assert "REF001" in {f["regel"] for f in fore}
    # En förfalskad rad som påstår att avvikelsen inte har några fynd (med rätt nyckel).
    vag = "avvikelser/2026/2026-003.yaml"
    with sqlite3.connect(exempel / CACHEFIL) as db:
        (text,) = db.execute("SELECT fynd FROM dokument WHERE vag = ?", (vag,)).fetchone()
        assert "REF001" in text
        db.execute("UPDATE dokument SET fynd = '[]' WHERE vag = ?", (vag,))
    (exempel / UTFALLSFIL).unlink()
    assert _fynd(exempel) == fore


def test_cachen_ar_json_utan_kod(med_fel: Path) -> None:
    _fynd(med_fel)
    rader = _rader(med_fel)
    assert set(rader) <= {p.relative_to(med_fel).as_posix() for p in med_fel.rglob("*")}
    with sqlite3.connect(med_fel / CACHEFIL) as db:
        for modell, pnr, idx in db.execute("SELECT modell, pnr, idx FROM dokument"):
            json.loads(modell), json.loads(pnr)
            assert idx == "" or json.loads(idx)["id"]


def test_ett_andrat_hus_gor_cachen_ogiltig(med_fel: Path) -> None:
    _fynd(med_fel)
    assert cache.las(med_fel)
    huset = med_fel / "huset.yaml"
    huset.write_text(huset.read_text(encoding="utf-8") + "# ny kommentar\n", encoding="utf-8")
    assert cache.las(med_fel) == {}


def test_utan_cachemapp_att_skriva_i_fungerar_kontrollen_anda(
    med_fel: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blockerad = tmp_path / "fil"
    blockerad.write_text("inte en mapp", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blockerad))
    assert _fynd(med_fel) == _fynd(med_fel, "--ingen-cache")


def _bedom(mapp: Path, parallell: bool) -> list[Bedomt]:
    return kontroll.bedom(ladda(mapp, parallell=parallell), PER_DATUM).fynd


def test_parallell_lasning_ger_samma_resultat_som_i_en_process(med_fel: Path) -> None:
    assert _bedom(med_fel, parallell=True) == _bedom(med_fel, parallell=False)
    seriell = ladda(med_fel, parallell=False)
    parallell = ladda(med_fel, parallell=True)
    assert [d.relativ for d in seriell.dokument] == [d.relativ for d in parallell.dokument]
    assert [d.modell for d in seriell.dokument] == [d.modell for d in parallell.dokument]
    assert seriell.personnummertraffar == parallell.personnummertraffar


def test_parallellt_tolkade_dokument_hamnar_ocksa_i_cachen(
    med_fel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kvalitet.lasning import inlasning

    monkeypatch.setattr(inlasning, "GRANS", 0)  # parallellt även för få filer
    forsta = _fynd(med_fel)
    felfria = [d.relativ for d in ladda(med_fel).dokument if d.modell and not d.inlasningsfynd]
    assert sorted(cache.las(med_fel)) == sorted(felfria)
    assert sorted(cache.las_modeller(med_fel, felfria)) == sorted(felfria)
    assert _fynd(med_fel) == forsta == _fynd(med_fel, "--ingen-cache")


@pytest.fixture
def korningar(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Räknar hur många gånger kontrollen faktiskt körs (och inte svarar ur cachen)."""
    anrop: list[object] = []
    riktig = kontroll.kontrollera

    def raknad(*args: object, **kwargs: object) -> object:
        anrop.append(args)
        return riktig(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(kontroll, "kontrollera", raknad)
    return anrop


def test_oforandrad_verksamhet_far_utfallet_ur_cachen(
    med_fel: Path, korningar: list[object]
) -> None:
    forsta = kor("kontrollera", str(med_fel), "--per", PER)
    assert (med_fel / UTFALLSFIL).is_file()
    andra = kor("kontrollera", str(med_fel), "--per", PER)
    json_ur_cachen = _fynd(med_fel)
    assert len(korningar) == 1, "den andra och tredje körningen ska svara ur cachen"
    assert (andra.slutkod, andra.stdout, andra.stderr) == (
        forsta.slutkod,
        forsta.stdout,
        forsta.stderr,
    )
    assert json_ur_cachen == _fynd(med_fel, "--ingen-cache")


@pytest.mark.parametrize("andring", ["fil", "ny fil", "borttagen", "datum", "huset"])
def test_utfallet_beraknas_om_nar_nagot_det_beror_pa_andras(
    med_fel: Path, korningar: list[object], andring: str
) -> None:
    per = PER
    _fynd(med_fel)
    if andring == "fil":
        fil = med_fel / "garaget.yaml"
        fil.write_text(fil.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    elif andring == "ny fil":
        (med_fel / "anteckning.txt").write_text("ring 19121212-1212\n", encoding="utf-8")
    elif andring == "borttagen":
        (med_fel / "avvikelser/2026/2026-099.yaml").unlink()
    elif andring == "datum":
        per = "2027-06-30"
    else:
        huset = med_fel / "huset.yaml"
        huset.write_text(huset.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    svar = kor("kontrollera", str(med_fel), "--per", per, "--format", "json")
    assert len(korningar) == 2, "utfallet ska ha beräknats om"
    utan = kor("kontrollera", str(med_fel), "--per", per, "--format", "json", "--ingen-cache")
    assert json.loads(svar.stdout)["fynd"] == json.loads(utan.stdout)["fynd"]


def test_en_ny_incheckning_beraknar_om_utfallet(med_fel: Path, korningar: list[object]) -> None:
    import git

    repo = git.Repo.init(med_fel, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    _fynd(med_fel)
    _fynd(med_fel)
    assert len(korningar) == 1
    repo.index.commit("Granskat, utan ändrade filer")  # granskningen (GRA001) läser git
    _fynd(med_fel)
    assert len(korningar) == 2


def test_ett_inlagt_utfall_utan_giltig_signatur_litas_inte_pa(med_fel: Path) -> None:
    _fynd(med_fel)
    _, _, kropp = (med_fel / UTFALLSFIL).read_bytes().partition(b"\n")
    data = json.loads(kropp)
    data["resultat"]["fynd"] = []  # ett utfall utan fynd, inlagt i en pull request
    (med_fel / UTFALLSFIL).write_bytes(b"0" * 64 + b"\n" + json.dumps(data).encode())
    assert kor("kontrollera", str(med_fel), "--per", PER).slutkod == 1


def test_en_andrad_mall_beraknar_om_utfallet(
    med_fel: Path, korningar: list[object], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import shutil

    from kvalitet import mallar
    from tests.conftest import MALLAR

    kopia = tmp_path / "mallar"
    shutil.copytree(MALLAR, kopia)
    monkeypatch.setattr(mallar, "mallmapp", lambda: kopia)
    _fynd(med_fel)
    _fynd(med_fel)
    assert len(korningar) == 1
    guide = kopia / "rum" / "processer.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "# ny rad\n", encoding="utf-8")
    _fynd(med_fel)
    assert len(korningar) == 2, "en ändrad mall i en redigerbar installation, nytt utfall"


# En incheckad länk i .kvalitet/ (till exempel i en pull request) följs aldrig.


def _kontrollera_i_egen_process(mapp: Path) -> subprocess.CompletedProcess[str]:
    # En egen process med en tidsgräns: en cachefil som är /dev/zero eller en pipe fick
    # kontrollen att äta minnet eller vänta för evigt.
    return subprocess.run(
        [sys.executable, "-m", "kvalitet", "kontrollera", str(mapp), "--per", PER],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _innehall(mapp: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(mapp)): p.read_bytes() for p in sorted(mapp.rglob("*")) if p.is_file()
    }


def test_cachemappen_som_lank_foljs_inte(exempel: Path, tmp_path: Path) -> None:
    utanfor = tmp_path / "utanfor"
    utanfor.mkdir()
    (utanfor / "viktig.txt").write_text("rör mig inte\n", encoding="utf-8")
    fore = _innehall(utanfor)
    (exempel / ".kvalitet/cache").symlink_to(utanfor, target_is_directory=True)
    svar = _kontrollera_i_egen_process(exempel)
    assert svar.returncode == 0, svar.stdout + svar.stderr
    assert _innehall(utanfor) == fore
    assert "Obs: .kvalitet/cache var en länk" in svar.stderr
    assert not (exempel / ".kvalitet/cache").is_symlink()
    assert (exempel / UTFALLSFIL).is_file()


@pytest.mark.parametrize("namn", [".gitignore", "utfall.json", "dokument.sqlite"])
def test_en_cachefil_som_lank_ut_skriver_aldrig_dit(
    exempel: Path, tmp_path: Path, namn: str
) -> None:
    mal = tmp_path / "hemlig.txt"
    mal.write_text("rör mig inte\n", encoding="utf-8")
    (exempel / ".kvalitet/cache").mkdir()
    (exempel / ".kvalitet/cache" / namn).symlink_to(mal)
    for _ in range(2):  # den andra körningen läser cachen som den första skrev
        svar = _kontrollera_i_egen_process(exempel)
        assert svar.returncode == 0, svar.stdout + svar.stderr
    assert mal.read_text(encoding="utf-8") == "rör mig inte\n"
    assert not (exempel / ".kvalitet/cache" / namn).is_symlink()


@pytest.mark.parametrize("enhet", ["/dev/zero", "/dev/urandom", "fifo"])
def test_en_cachefil_som_ar_en_enhet_eller_pipe_hanger_inte(
    exempel: Path, tmp_path: Path, enhet: str
) -> None:
    cachemapp = exempel / ".kvalitet/cache"
    cachemapp.mkdir()
    if enhet == "fifo":
        os.mkfifo(tmp_path / "pipe")
        enhet = str(tmp_path / "pipe")
    (cachemapp / "utfall.json").symlink_to(enhet)
    (cachemapp / "dokument.sqlite").symlink_to(enhet)
    svar = _kontrollera_i_egen_process(exempel)
    assert svar.returncode == 0, svar.stdout + svar.stderr
    assert (cachemapp / "utfall.json").is_file() and not (cachemapp / "utfall.json").is_symlink()


def test_en_for_stor_cachefil_lases_inte(exempel: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fynd(exempel)
    monkeypatch.setattr(cache, "STORSTA_FIL", 10)
    lasta: list[Path] = []
    monkeypatch.setattr(cache, "_resultat_ur", lambda data, rot: lasta.append(rot))
    _fynd(exempel)
    assert lasta == []  # utfallet lästes inte ur cachen, kontrollen kördes


def test_kvalitetmappen_som_lank_anvands_inte(exempel: Path, tmp_path: Path) -> None:
    utanfor = tmp_path / "utanfor"
    shutil.move(exempel / ".kvalitet", utanfor)
    (exempel / ".kvalitet").symlink_to(utanfor, target_is_directory=True)
    fore = _innehall(utanfor)
    svar = _kontrollera_i_egen_process(exempel)
    assert svar.returncode == 0, svar.stdout + svar.stderr
    assert "Obs: .kvalitet är ingen vanlig mapp" in svar.stderr
    assert _innehall(utanfor) == fore
