"""Samtidiga kommandon på samma verksamhet: ingen ändring försvinner tyst (issue 13.2).

Många processer (inte trådar) kör samma redigerande kommando på en gång. Varje process
som slutar med 0 ska ha sin ändring kvar i filen; de andra ska sluta med 1 och säga
varför, utan att ha skrivit något.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvalitet import yamlio
from tests.conftest import innehall, kor

PROCESSER = 12
VARV = 3


def _samtidigt(mapp: Path, kommandon: list[list[str]]) -> list[tuple[int, str, str]]:
    processer = [
        subprocess.Popen(
            [sys.executable, "-m", "kvalitet", *argument],
            cwd=mapp,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        for argument in kommandon
    ]
    return [(p.wait(timeout=300), *p.communicate()) for p in processer]


def test_samtidiga_parkeringar_forsvinner_aldrig(liten: Path) -> None:
    kvar: dict[str, str] = {}
    for varv in range(VARV):
        svar = _samtidigt(
            liten,
            [
                ["garage", "parkera", f"Post {varv}-{i}", "--typ", "behov", "--rum", "processer"]
                for i in range(PROCESSER)
            ],
        )
        for slutkod, ut, fel in svar:
            if slutkod == 0:
                traff = re.search(r"Parkerade (G\S+): (Post \S+)", ut)
                assert traff, ut
                kvar[traff.group(1)] = traff.group(2)
            else:
                assert slutkod == 1, (slutkod, ut, fel)
                # Filen ändrades (eller skapades, i det första varvet) av en annan process.
                assert re.search(r"ändrades av något annat|finns redan och skrivs inte", fel), fel
                assert "Traceback" not in fel
        assert any(slutkod == 0 for slutkod, _, _ in svar)
    garaget = yamlio.las((liten / "garaget.yaml").read_text(encoding="utf-8"))
    assert isinstance(garaget, dict)
    poster = {post["id"]: post["rubrik"] for post in garaget["poster"]}
    assert len(poster) == len(garaget["poster"])  # inga dubbla id
    assert poster == kvar
    assert kor("kontrollera", str(liten), "--per", "2026-11-30").slutkod == 0


def test_samtidiga_avslut_med_olika_datum(liten: Path) -> None:
    session = liten / "arshjul" / "2026" / "trygghet.yaml"
    session.write_text(
        session.read_text(encoding="utf-8").replace("status: genomförd", "status: pågår"),
        encoding="utf-8",
    )
    datum = [f"2026-05-{dag:02d}" for dag in range(10, 10 + PROCESSER)]
    svar = _samtidigt(
        liten,
        [["arshjul", "avsluta", "trygghet", "--ar", "2026", "--datum", d] for d in datum],
    )
    lyckade = [d for d, (slutkod, _, _) in zip(datum, svar, strict=True) if slutkod == 0]
    for slutkod, ut, fel in svar:
        assert slutkod in (0, 1), (slutkod, ut, fel)
        assert "Traceback" not in fel
    data = yamlio.las(session.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert data["status"] == "genomförd"
    # Den som lyckades sist står kvar; de som vägrades skrev ingenting.
    assert lyckade and str(data["datum"]) in lyckade


def _vantar_pa_laset(process: subprocess.Popen[str], mapp: Path) -> bool:
    # Processen har öppnat mappen för att låsa den: då har den läst filen och räknat ut
    # sin ändring (Linux: /proc/PID/fd). Utan låset hinner den skriva i stället.
    slut = time.monotonic() + 120
    while time.monotonic() < slut and process.poll() is None:
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{process.pid}/fd").iterdir():
                if fd.readlink() == mapp:
                    return True
        time.sleep(0.02)
    return False


def test_en_andring_medan_kommandot_vantar_pa_laset_vinner(liten: Path) -> None:
    session = liten / "arshjul" / "2026" / "trygghet.yaml"
    mapp = session.parent.resolve()
    las = os.open(mapp, os.O_RDONLY)
    try:
        fcntl.flock(las, fcntl.LOCK_EX)  # ett annat kommando skriver i mappen just nu
        process = subprocess.Popen(
            [sys.executable, "-m", "kvalitet", "arshjul", "avsluta", "trygghet", "--ar", "2026",
             "--datum", "2026-05-20"],
            cwd=liten, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8",
        )  # fmt: skip
        assert _vantar_pa_laset(process, mapp), process.communicate()
        # Det andra kommandot skriver sin ändring och släpper låset.
        session.write_text(
            session.read_text(encoding="utf-8").replace("2026-05-12", "2026-05-13"),
            encoding="utf-8",
        )
    finally:
        os.close(las)
    ut, fel = process.communicate(timeout=120)
    assert process.returncode == 1, ut + fel
    assert "ändrades av något annat medan kommandot kördes" in fel
    assert "datum: 2026-05-13" in session.read_text(encoding="utf-8")


def test_kvarlamnade_tillfalliga_filer_tas_bort_och_ignoreras(liten: Path, tmp_path: Path) -> None:
    kvar = liten / ".garaget.yaml.0badc0de.kvalitet-tmp"  # som efter kill -9 mitt i
    kvar.write_text("poster: [halv", encoding="utf-8")
    svar = kor("garage", "parkera", "Ny rutin", "--typ", "behov", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert not kvar.exists()
    assert (
        kor("init", str(tmp_path / "ny"), "--organisation", "K", "--kommunkod", "2401").slutkod == 0
    )
    assert (
        "*.kvalitet-tmp"
        in (tmp_path / "ny" / ".gitignore").read_text(encoding="utf-8").splitlines()
    )


def test_en_skrivskyddad_fil_andras_inte(liten: Path) -> None:
    assert kor("garage", "parkera", "Första", "--typ", "behov", "-C", str(liten)).slutkod == 0
    garaget = liten / "garaget.yaml"
    fore = garaget.read_bytes()
    garaget.chmod(0o444)
    try:
        svar = kor("garage", "parkera", "Andra", "--typ", "behov", "-C", str(liten))
    finally:
        garaget.chmod(0o644)
    assert svar.slutkod == 1, svar
    assert "garaget.yaml är skrivskyddad och ändras inte" in svar.stderr
    assert garaget.read_bytes() == fore


# Tecken som YAML läser som radbrytningar ändras aldrig tyst (13.11).


@pytest.mark.parametrize("tecken", ["\r", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize(
    "kommando",
    [
        ["garage", "parkera", "Rubrik{}", "--typ", "behov"],
        ["garage", "parkera", "Rubrik", "--typ", "behov", "--beskrivning", "Text{}mer"],
        ["avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning", "A{}B"],
        ["riskanalys", "ny", "--rubrik", "Risk{}", "--rum", "processer"],
        ["buuuu", "starta", "varv", "--namn", "Varv{}ett"],
    ],
    ids=["rubrik", "beskrivning", "avvikelse", "riskanalys", "buuuu"],
)
def test_cr_nel_och_radavgransare_vagras(liten: Path, kommando: list[str], tecken: str) -> None:
    fore = innehall(liten)
    svar = kor(*(a.replace("{}", tecken) for a in kommando), "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "som inte kan sparas oförändrat i filen" in svar.stderr
    assert innehall(liten) == fore


def test_ett_nul_tecken_i_ett_svar_vagras(liten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal("Rutin\x00 som kortas av\n"))
    svar = kor("riskanalys", "ny", "--rum", "processer", "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "NUL-tecken" in svar.stderr
    assert not (liten / "riskanalyser").exists()
