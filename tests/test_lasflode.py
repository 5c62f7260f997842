"""Ett läsflöde för alla kommandon: samma cache som kontrollen, samma svar (issue 17)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from kvalitet.lasning import cache
from kvalitet.verksamhet import ladda
from tests.conftest import PER, innehall, kor

KOMMANDON = [
    ("status", "--per", PER),
    ("arshjul", "plan", "--per", PER),
    ("avvikelse", "lista"),
    ("handlingsplan", "--per", PER),
    ("garage", "lista", "--alla"),
    ("egenkontroll", "status", "--per", PER),
    ("riskanalys", "lista"),
    ("styrdokument", "lista", "--per", PER),
]


def _kor(mapp: Path, kommando: tuple[str, ...]) -> tuple[int, str, str]:
    svar = kor(*kommando, "-C", str(mapp))
    return svar.slutkod, svar.stdout, svar.stderr


@pytest.mark.parametrize("kommando", KOMMANDON, ids=[" ".join(k[:2]) for k in KOMMANDON])
def test_kall_och_varm_cache_ger_samma_utdata(exempel: Path, kommando: tuple[str, ...]) -> None:
    kall = _kor(exempel, kommando)
    assert kall[0] == 0, kall
    assert (exempel / cache.KATALOG / cache.FIL).is_file(), "kommandot ska fylla cachen"
    varm = _kor(exempel, kommando)
    shutil.rmtree(exempel / cache.KATALOG)
    igen = _kor(exempel, kommando)
    assert kall == varm == igen


def test_ett_kommando_som_laser_en_del_behaller_resten_av_cachen(exempel: Path) -> None:
    kor("kontrollera", str(exempel), "--per", PER)
    alla = set(cache.las(exempel))
    assert any(vag.startswith("avvikelser/") for vag in alla)
    assert _kor(exempel, ("arshjul", "plan", "--per", PER))[0] == 0
    assert set(cache.las(exempel)) == alla


def test_arshjulets_plan_laser_inga_avvikelser(exempel: Path) -> None:
    v = ladda(exempel, anvand_cache=True, filtyper={"hus", "rumsguide", "årshjulssession"})
    assert v.sessioner and not v.avvikelser


def test_listan_ser_en_andring_med_samma_storlek_och_gammal_andringstid(exempel: Path) -> None:
    fil = exempel / "avvikelser/2026/2026-001.yaml"
    gammal = "process: Mottagande av orosanmälan\n"
    ny = "process: Mottagande av XXXXXXXXXXXX\n"
    assert len(gammal.encode()) == len(ny.encode())
    assert "XXXX" not in _kor(exempel, ("avvikelse", "lista"))[1]
    fore = fil.stat()
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text.replace(gammal, ny, 1), encoding="utf-8")
    os.utime(fil, ns=(fore.st_atime_ns, fore.st_mtime_ns))
    assert (fil.stat().st_size, fil.stat().st_mtime_ns) == (fore.st_size, fore.st_mtime_ns)
    assert "Mottagande av XXXXXXXXXXXX" in _kor(exempel, ("avvikelse", "lista"))[1]


def test_status_anvander_kontrollens_sparade_utfall(
    exempel: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kvalitet import kontroll

    kall = _kor(exempel, ("status", "--per", PER))
    kor("kontrollera", str(exempel), "--per", PER)
    riktig = kontroll.bedom
    anrop: list[object] = []

    def raknad(*args: Any, **kwargs: Any) -> Any:
        anrop.append(args)
        return riktig(*args, **kwargs)

    monkeypatch.setattr(kontroll, "bedom", raknad)
    assert _kor(exempel, ("status", "--per", PER)) == kall
    assert anrop == [], "utfallet ska komma ur cachen"
    garaget = exempel / "garaget.yaml"
    garaget.write_text(garaget.read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8")
    assert _kor(exempel, ("status", "--per", PER)) == kall
    assert len(anrop) == 1, "efter en ändring ska reglerna köras igen"


@pytest.mark.parametrize("rapport", ["kvalitetsberattelse", "handlingsplan", "avvikelser"])
def test_rapporterna_ar_desamma_med_kall_och_varm_cache(
    exempel: Path, tmp_path: Path, rapport: str
) -> None:
    def skriv(namn: str) -> str:
        (tmp_path / namn).mkdir()
        ut = tmp_path / namn / "rapport.md"  # samma namn: bildfilerna heter efter rapporten
        argument = ("rapport", rapport, "--per", PER, "--format", "md", "--ut", str(ut))
        assert _kor(exempel, argument)[0] == 0
        return ut.read_text(encoding="utf-8")

    kall = skriv("kall")
    varm = skriv("varm")
    shutil.rmtree(exempel / cache.KATALOG)
    assert kall == varm == skriv("igen")


SKRIVANDE = [
    ("arshjul", "starta", "omvarld", "--ar", "2027"),
    ("avvikelse", "ny", "--typ", "synpunkt", "--rum", "trygghet", "--datum", PER,
     "--beskrivning", "Svårt att nå handläggaren."),
]  # fmt: skip


@pytest.mark.parametrize("kommando", SKRIVANDE, ids=[" ".join(k[:2]) for k in SKRIVANDE])
def test_skrivande_kommandon_skriver_detsamma_med_kall_och_varm_cache(
    exempel: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kommando: tuple[str, ...]
) -> None:
    # De läser avvikelserna som index när cachen finns (issue 17); filen blir densamma.
    from kvalitet.arbete import _id

    monkeypatch.setattr(_id, "slumpdel", lambda: "abc")
    kall = tmp_path / "kall"
    shutil.copytree(exempel, kall)
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0  # värmer cachen
    assert _kor(exempel, kommando)[0] == 0
    assert _kor(kall, kommando)[0] == 0
    assert innehall(exempel) == innehall(kall)
