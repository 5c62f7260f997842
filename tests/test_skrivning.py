"""Säkra skrivningar: nya filer exklusivt, ändrade filer atomiskt, allt eller inget."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from kvalitet import skrivning
from kvalitet.skrivning import Andring, FilenFinns, Skrivfel
from tests.conftest import PER, kor


def _ogonblick(rot: Path) -> dict[str, bytes | None]:
    """Varje fil (med innehåll) och mapp (None) under rot, utom kvalitets cache."""
    return {
        p.relative_to(rot).as_posix(): p.read_bytes() if p.is_file() else None
        for p in sorted(rot.rglob("*"))
        if not p.relative_to(rot).as_posix().startswith(".kvalitet/cache")
    }


def _tillfalliga(rot: Path) -> list[Path]:
    return sorted(rot.rglob("*.kvalitet-tmp"))


def _io_fel(mal: object) -> OSError:
    return OSError(errno.EIO, "Input/output error", str(mal))


def _fel_vid_namnbyte(monkeypatch: pytest.MonkeyPatch, namn: str, fel: BaseException) -> None:
    """Låt namnbytet till en fil med namnet `namn` misslyckas (Path.replace går hit)."""
    original = os.replace

    def replace(kalla, mal, *args, **kwargs):
        if Path(mal).name == namn:
            raise fel
        return original(kalla, mal, *args, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


@pytest.fixture
def rot(tmp_path: Path) -> Path:
    """Två befintliga filer, a.yaml och b.yaml."""
    mapp = tmp_path / "rot"
    mapp.mkdir()
    (mapp / "a.yaml").write_bytes(b"a: gammal\n")
    (mapp / "b.yaml").write_bytes(b"b: gammal\n")
    return mapp


def _andra(rot: Path, namn: str) -> Andring:
    gammal = (rot / namn).read_bytes()
    return Andring(rot / namn, gammal.replace(b"gammal", b"ny"), gammal)


def test_ny_fil_skapas_med_saknade_mappar(rot: Path) -> None:
    ny = rot / "arshjul" / "2027" / "omvarld.yaml"
    skrivning.genomfor([Andring(ny, b"rum: omvarld\n"), _andra(rot, "a.yaml")], rot)
    assert ny.read_bytes() == b"rum: omvarld\n"
    assert (rot / "a.yaml").read_bytes() == b"a: ny\n"
    assert _tillfalliga(rot) == []


@pytest.mark.parametrize("slag", ["fil", "bruten_lank"])
def test_ny_fil_skriver_aldrig_over_en_befintlig(rot: Path, slag: str) -> None:
    if slag == "fil":
        (rot / "c.yaml").write_bytes(b"c: finns\n")
    else:
        (rot / "c.yaml").symlink_to(rot / "saknas.yaml")
    fore = _ogonblick(rot)
    andringar = [Andring(rot / "ny" / "d.yaml", b"d: 1\n"), Andring(rot / "c.yaml", b"c: 2\n")]
    with pytest.raises(FilenFinns, match=r"c\.yaml finns redan"):
        skrivning.genomfor(andringar, rot)
    assert _ogonblick(rot) == fore


def test_ny_fil_som_dyker_upp_under_skrivningen_skrivs_inte_over(
    rot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = os.link

    def link(kalla, mal, *args, **kwargs):
        if Path(mal).name == "d.yaml":  # någon annan hinner före
            Path(mal).write_bytes(b"d: annans\n")
        return original(kalla, mal, *args, **kwargs)

    monkeypatch.setattr(os, "link", link)
    fore = _ogonblick(rot)
    andringar = [Andring(rot / "c.yaml", b"c: 1\n"), Andring(rot / "d.yaml", b"d: 1\n")]
    with pytest.raises(FilenFinns):
        skrivning.genomfor(andringar, rot)
    assert _ogonblick(rot) == {**fore, "d.yaml": b"d: annans\n"}


def test_fil_som_andrats_sedan_den_lastes_skrivs_inte(rot: Path) -> None:
    andringar = [Andring(rot / "c.yaml", b"c: 1\n"), _andra(rot, "a.yaml"), _andra(rot, "b.yaml")]
    (rot / "b.yaml").write_bytes("b: av någon annan\n".encode())
    fore = _ogonblick(rot)
    with pytest.raises(Skrivfel, match=r"b\.yaml ändrades av något annat"):
        skrivning.genomfor(andringar, rot)
    assert _ogonblick(rot) == fore


def test_allt_eller_inget_nar_namnbytet_misslyckas(
    rot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (rot / "a.yaml").chmod(0o640)
    fore = _ogonblick(rot)
    andringar = [
        Andring(rot / "ny" / "mapp" / "c.yaml", b"c: 1\n"),
        _andra(rot, "a.yaml"),
        _andra(rot, "b.yaml"),
    ]
    _fel_vid_namnbyte(monkeypatch, "b.yaml", _io_fel(rot / "b.yaml"))
    with pytest.raises(Skrivfel, match=r"Kunde inte skriva b\.yaml .*Inga filer ändrades"):
        skrivning.genomfor(andringar, rot)
    assert _ogonblick(rot) == fore
    assert (rot / "a.yaml").stat().st_mode & 0o777 == 0o640


def test_fel_fore_namnbytet_lamnar_filerna_orda(rot: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)
    fore = _ogonblick(rot)
    with pytest.raises(Skrivfel, match="Inga filer ändrades"):
        skrivning.genomfor([Andring(rot / "ny" / "c.yaml", b"c\n"), _andra(rot, "a.yaml")], rot)
    assert _ogonblick(rot) == fore


def test_avbrott_i_namnbytet_aterstaller_allt(rot: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fore = _ogonblick(rot)
    _fel_vid_namnbyte(monkeypatch, "b.yaml", KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        skrivning.genomfor([_andra(rot, "a.yaml"), _andra(rot, "b.yaml")], rot)
    assert _ogonblick(rot) == fore


def test_reserverat_namn_tas_bort_nar_namnbytet_misslyckas(
    rot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def link(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", link)
    _fel_vid_namnbyte(monkeypatch, "c.yaml", _io_fel(rot / "c.yaml"))
    fore = _ogonblick(rot)
    with pytest.raises(Skrivfel):
        skrivning.genomfor([Andring(rot / "c.yaml", b"c: 1\n")], rot)
    assert _ogonblick(rot) == fore


def test_filens_lage_behalls(rot: Path) -> None:
    (rot / "a.yaml").chmod(0o640)
    skrivning.genomfor([_andra(rot, "a.yaml")], rot)
    assert (rot / "a.yaml").read_bytes() == b"a: ny\n"
    assert (rot / "a.yaml").stat().st_mode & 0o7777 == 0o640


def test_angra_gor_skrivna_andringar_ogjorda(rot: Path) -> None:
    fore = _ogonblick(rot)
    andringar = [Andring(rot / "ny" / "c.yaml", b"c: 1\n"), _andra(rot, "a.yaml")]
    skrivet = skrivning.genomfor(andringar, rot)
    assert _ogonblick(rot) != fore
    skrivning.angra(skrivet)
    assert _ogonblick(rot) == fore


def test_angra_tar_bort_alla_mappar_som_skapades(rot: Path) -> None:
    fore = _ogonblick(rot)
    andringar = [Andring(rot / "arshjul" / "2027" / "omvarld.yaml", b"rum: omvarld\n")]
    skrivning.angra(skrivning.genomfor(andringar, rot))
    assert _ogonblick(rot) == fore


# Genom kommandoraden: ett kommando som avbryts mitt i skrivningen.

PARKERA = ("garage", "parkera", "Ny rutin", "--typ", "behov", "--rum", "processer")


def _fel_i_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", fsync)


def _fel_i_namnbytet(monkeypatch: pytest.MonkeyPatch) -> None:
    _fel_vid_namnbyte(monkeypatch, "garaget.yaml", _io_fel("garaget.yaml"))


@pytest.mark.parametrize("stoppa", [_fel_i_fsync, _fel_i_namnbytet])
def test_kommando_som_avbryts_i_skrivningen_lamnar_filen_orord(
    exempel: Path, monkeypatch: pytest.MonkeyPatch, stoppa
) -> None:
    fore = _ogonblick(exempel)
    stoppa(monkeypatch)
    svar = kor(*PARKERA, "--datum", PER, "-C", str(exempel))
    assert svar.slutkod == 1, svar
    assert "fel: Kunde inte skriva" in svar.stderr, svar
    assert "Inga filer ändrades" in svar.stderr, svar
    assert "Traceback" not in svar.stdout + svar.stderr, svar
    assert "error" not in svar.stderr.lower(), svar  # orsaken står på svenska
    assert _ogonblick(exempel) == fore


def test_ny_session_skrivs_inte_over_andra_gangen(exempel: Path) -> None:
    argv = ("arshjul", "starta", "omvarld", "--ar", "2027", "-C", str(exempel))
    forsta = kor(*argv)
    assert forsta.slutkod == 0, forsta
    fore = _ogonblick(exempel)
    andra = kor(*argv)
    assert andra.slutkod == 1, andra
    assert "arshjul/2027/omvarld.yaml finns redan" in andra.stderr, andra
    assert "Traceback" not in andra.stdout + andra.stderr, andra
    assert _ogonblick(exempel) == fore
