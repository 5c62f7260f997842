"""Vanor i terminalen: exempel i stället för ”…”, en ny fråga efter ett felskrivet svar,
hjälp som visar vad som krävs, och färg bara i en terminal (issue 14.9)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.conftest import kor


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


KRAV = [
    (("init", "ny", "--kommunkod", "2401"), "--organisation", '"Nordmalings kommun"'),
    (("init", "ny", "--organisation", "K"), "--kommunkod", "2401"),
    (("garage", "parkera", "Rubrik"), "--typ", "risk"),
    (("avvikelse", "ny", "--rum", "processer", "--beskrivning", "B"), "--typ", "avvikelse"),
    (("avvikelse", "ny", "--typ", "avvikelse", "--beskrivning", "B"), "--rum", None),
    (("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer"), "--beskrivning", '"Ett'),
    (("buuuu", "starta", "varv"), "--namn", '"Sysselsättning'),
    (("riskanalys", "ny", "--rum", "processer"), "--rubrik", '"Sommarbemanning'),
    (("arshjul", "starta"), "RUM", None),
]


@pytest.mark.parametrize(
    ("argument", "saknas", "exempel"), KRAV, ids=[k[1] + k[0][0] for k in KRAV]
)
def test_det_som_saknas_far_ett_riktigt_exempel(
    liten: Path,
    monkeypatch: pytest.MonkeyPatch,
    argument: tuple[str, ...],
    saknas: str,
    exempel: str | None,
) -> None:
    monkeypatch.chdir(liten)
    svar = kor(*argument)
    assert svar.slutkod == 2, svar
    assert f"{saknas} saknas" in svar.stderr
    assert "…" not in svar.stderr, svar.stderr
    if exempel:
        assert f"till exempel: {saknas} {exempel}" in svar.stderr, svar.stderr
    else:
        assert "processer, trygghet" in svar.stderr  # husets rum


@pytest.mark.parametrize(
    ("argument", "saknas", "exempel"), KRAV, ids=[k[1] + k[0][0] for k in KRAV]
)
def test_hjalpen_visar_vad_som_kravs(
    argument: tuple[str, ...], saknas: str, exempel: str | None
) -> None:
    hjalp = " ".join(kor(*argument[:2], "--help").stdout.split())
    if saknas.startswith("-"):
        beskrivning = hjalp.split(f" {saknas} ", 1)[1].split(" -", 1)[0]
        assert "Krävs" in beskrivning, hjalp
    else:
        assert "[krävs]" in hjalp or "frågar kvalitet" in hjalp, hjalp


def test_en_felskriven_typ_fragas_igen(liten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("behv\nbehov\n"))
    svar = kor("garage", "parkera", "Ny rutin", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert "”behv” är inget giltigt värde för --typ" in svar.stdout
    assert "Försök igen" in svar.stdout
    assert "typ: behov" in (liten / "garaget.yaml").read_text(encoding="utf-8")


def test_ett_felskrivet_rum_fragas_igen(liten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("processr\ntryg\n"))
    svar = kor("arshjul", "starta", "--ar", "2027", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert "Det finns inget rum ”processr”" in svar.stdout
    assert (liten / "arshjul/2027/trygghet.yaml").is_file()


class _Skarm(io.StringIO):
    def isatty(self) -> bool:
        return True


def _i_terminal(monkeypatch: pytest.MonkeyPatch, *argument: str) -> tuple[str, str]:
    from kvalitet.cli import main

    ut, fel = _Skarm(), _Skarm()
    monkeypatch.setattr("sys.stdout", ut)
    monkeypatch.setattr("sys.stderr", fel)
    main(list(argument))
    return ut.getvalue(), fel.getvalue()


def test_fel_och_varningar_i_farg_i_en_terminal(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    (liten / "rum/trygghet.yaml").unlink()
    ut, _ = _i_terminal(monkeypatch, "kontrollera", str(liten), "--per", "2026-11-30")
    assert ": \x1b[1;31mfel\x1b[0m RUM001 " in ut
    _, fel = _i_terminal(monkeypatch, "kontrollera", str(liten / "finns-inte"))
    assert fel.startswith("\x1b[1;31mfel\x1b[0m: ")
    monkeypatch.setenv("NO_COLOR", "1")
    ut, _ = _i_terminal(monkeypatch, "kontrollera", str(liten), "--per", "2026-11-30")
    assert "\x1b" not in ut and ": fel RUM001 " in ut


def test_ingen_farg_utanfor_en_terminal(liten: Path) -> None:
    (liten / "rum/trygghet.yaml").unlink()
    svar = kor("kontrollera", str(liten), "--per", "2026-11-30")
    assert "\x1b" not in svar.stdout + svar.stderr


@pytest.mark.parametrize("grupp", ["garage", "styrdokument", "arshjul", "rapport"])
def test_en_kommandogrupp_utan_kommando_visar_sin_hjalp(grupp: str) -> None:
    svar = kor(grupp)
    assert svar.slutkod == 2
    assert svar.stderr.startswith(f"Användning: kvalitet {grupp} [ALTERNATIV] KOMMANDO")
    assert "Kommandon:" in svar.stderr and "användes fel" not in svar.stderr
