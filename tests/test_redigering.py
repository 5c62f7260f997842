"""Rundtursredigering: byte för byte lika, bara tillägg, radslut och BOM, vägran, prövning."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvalitet import redigering, yamlio
from kvalitet.arbete import _spara
from kvalitet.redigering import Redigeringsfel
from tests.conftest import EXEMPEL, MALLAR, PER, ROT, innehall, kor

EXEMPLEN = (EXEMPEL, ROT / "exempel-funktionsstod")
YAMLFILER = sorted([*(f for rot in EXEMPLEN for f in rot.rglob("*.yaml")), *MALLAR.rglob("*.yaml")])
BOM = "\ufeff".encode()


def _id(sokvag: Path) -> str:
    return sokvag.relative_to(EXEMPEL.parent).as_posix()


def _ogonblick(rot: Path) -> dict[str, bytes]:
    return innehall(rot)


@pytest.mark.parametrize("sokvag", YAMLFILER, ids=_id)
def test_oforandrad_omskrivning_ar_byte_for_byte_lika(sokvag: Path) -> None:
    text = sokvag.read_text(encoding="utf-8")
    assert yamlio.dumpa(yamlio.las_for_redigering(text)) == text
    rot = next((r for r in EXEMPLEN if sokvag.is_relative_to(r)), MALLAR)
    andring = redigering.redigera(rot, sokvag.relative_to(rot).as_posix(), lambda trad: None)
    assert andring.gammal == sokvag.read_bytes()
    assert andring.ny == andring.gammal


def test_filerna_finns() -> None:
    assert len(YAMLFILER) > 30


# Ändringar rör bara det som ändras.

PARKERA = ("garage", "parkera", "Ny rutin", "--typ", "behov", "--rum", "processer")


def _bara_tillagg(fore: str, efter: str) -> list[str]:
    """Raderna i en diff som tar bort eller ändrar något (tomt när allt bara lades till)."""
    rader = difflib.ndiff(fore.splitlines(keepends=True), efter.splitlines(keepends=True))
    return [r for r in rader if r.startswith("- ")]


@pytest.mark.parametrize(
    "indrag",
    [
        pytest.param(lambda t: t, id="som_exemplet"),
        pytest.param(lambda t: t.replace("\n  ", "\n"), id="streck_i_kolumn_1"),
        pytest.param(
            lambda t: t.replace("\n  - ", "\n-   ").replace("\n      ", "\n        "),
            id="fyra_steg_overallt",
        ),
    ],
)
def test_parkera_lagger_bara_till_rader(exempel: Path, indrag: Callable[[str], str]) -> None:
    garaget = exempel / "garaget.yaml"
    garaget.write_text(indrag(garaget.read_text(encoding="utf-8")), encoding="utf-8")
    fore = garaget.read_text(encoding="utf-8")
    svar = kor(*PARKERA, "--datum", PER, "-C", str(exempel))
    assert svar.slutkod == 0, svar
    efter = garaget.read_text(encoding="utf-8")
    assert _bara_tillagg(fore, efter) == []
    assert len(efter.splitlines()) == len(fore.splitlines()) + 6
    assert "Ny rutin" in efter


def _lagg_till_post(trad) -> None:
    post = yamlio.mappning(
        {
            "id": "G9",
            "rubrik": "Ny",
            "typ": "idé",
            "inkom": date(2026, 11, 30),
            "status": "parkerad",
        }
    )
    yamlio.lagg_till(trad["poster"], post)


def _crlf(b: bytes) -> bytes:
    return b.replace(b"\n", b"\r\n")


def _bom(b: bytes) -> bytes:
    return BOM + b


def _utan_slutrad(b: bytes) -> bytes:
    return b.removesuffix(b"\n")


def _alla_tre(b: bytes) -> bytes:
    return _bom(_crlf(_utan_slutrad(b)))


@pytest.mark.parametrize("satt", [_crlf, _bom, _utan_slutrad, _alla_tre])
def test_radslut_bom_och_slutrad_behalls(exempel: Path, satt: Callable[[bytes], bytes]) -> None:
    vanlig = redigering.redigera(exempel, "garaget.yaml", _lagg_till_post)
    assert vanlig.ny != vanlig.gammal
    garaget = exempel / "garaget.yaml"
    garaget.write_bytes(satt(garaget.read_bytes()))
    andring = redigering.redigera(exempel, "garaget.yaml", _lagg_till_post)
    assert andring.gammal == garaget.read_bytes()
    assert andring.ny == satt(vanlig.ny)


def _blandade_radslut(text: bytes) -> bytes:
    rader = text.split(b"\n")
    rader[10] += b"\r"
    return b"\n".join(rader)


@pytest.mark.parametrize(
    ("andra", "rad"),
    [
        pytest.param(_blandade_radslut, None, id="blandade_radslut"),
        pytest.param(
            lambda b: b.replace(
                b"    beskrivning: >-\n      Handl",
                b"    beskrivning:\n      # kommentar\n      >-\n      Handl",
                1,
            ),
            10,
            id="kommentar_mellan_nyckel_och_varde",
        ),
        pytest.param(
            lambda b: b.replace(b"    rubrik: Rutin", b"    rubrik:\n        Rutin", 1),
            6,
            id="blandat_indrag",
        ),
        pytest.param(
            lambda b: b.replace(b"\n  - ", b"\n-   "), 5, id="fyra_steg_men_tva_i_blocket"
        ),
        pytest.param(
            lambda b: b.replace(b"typ: behov\n", b"typ: behov   \n", 1),
            7,
            id="blanksteg_sist_pa_raden",
        ),
    ],
)
def test_fil_som_inte_kan_skrivas_om_exakt_vagras(
    exempel: Path, andra: Callable[[bytes], bytes], rad: int | None
) -> None:
    garaget = exempel / "garaget.yaml"
    garaget.write_bytes(andra(garaget.read_bytes()))
    fore = _ogonblick(exempel)
    svar = kor(*PARKERA, "--datum", PER, "-C", str(exempel))
    assert svar.slutkod == 1, svar
    assert re.search(rf"garaget\.yaml:{rad or '[0-9]+'}: .*kan inte ändra", svar.stderr), svar
    assert "Traceback" not in svar.stdout + svar.stderr, svar
    assert _ogonblick(exempel) == fore
    with pytest.raises(Redigeringsfel, match=r"garaget\.yaml:\d+:"):
        redigering.redigera(exempel, "garaget.yaml", _lagg_till_post)


def test_blandade_radslut_pekar_ut_raden(exempel: Path) -> None:
    garaget = exempel / "garaget.yaml"
    garaget.write_bytes(_blandade_radslut(garaget.read_bytes()))
    with pytest.raises(Redigeringsfel) as fel:
        redigering.redigera(exempel, "garaget.yaml", _lagg_till_post)
    assert fel.value.meddelande.startswith("garaget.yaml:11:")


def test_fil_som_borjar_med_dokumentstart_kan_andras(exempel: Path) -> None:
    garaget = exempel / "garaget.yaml"
    fore = b"---\n" + garaget.read_bytes()
    garaget.write_bytes(fore)
    svar = kor(*PARKERA, "--datum", PER, "-C", str(exempel))
    assert svar.slutkod == 0, svar
    efter = garaget.read_bytes()
    assert efter.startswith(fore)
    assert b"rubrik: Ny rutin" in efter[len(fore) :]


# Texter som kvalitet själv skriver: korta raka, långa vikta, flerradiga som block.

ORD = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖSK0123456789,.:;!?()–-'\"%/#&*",
    min_size=1,
    max_size=24,
)
MENING = st.lists(ORD, min_size=1, max_size=60).map(" ".join)


def _dumpa_beskrivning(varde: str) -> str:
    """Texten som beskrivning i en post i en lista: innehållet står 6 steg in."""
    post = yamlio.mappning({"id": "G1", "beskrivning": yamlio.text(varde, 6)})
    return yamlio.som_text(yamlio.mappning({"poster": yamlio.lista([post])}))


def _tillbaka(dumpad: str) -> object:
    return yamlio.las(dumpad)["poster"][0]["beskrivning"]


def test_kort_text_star_rakt_pa_raden() -> None:
    assert _dumpa_beskrivning("Rutin saknas.") == (
        "poster:\n  - id: G1\n    beskrivning: Rutin saknas.\n"
    )


@settings(database=None, deadline=None)
@given(MENING)
def test_lang_text_viks_och_kommer_tillbaka_exakt(varde: str) -> None:
    dumpad = _dumpa_beskrivning(varde)
    assert _tillbaka(dumpad) == varde
    if len(varde) + 6 > yamlio.BREDD:
        assert "beskrivning: >-\n" in dumpad
        for rad in dumpad.splitlines()[3:]:
            assert len(rad) <= yamlio.BREDD or " " not in rad.strip(), dumpad


def test_lang_text_viks_vid_bredden() -> None:
    varde = " ".join(["kvalitetsarbete"] * 20)
    dumpad = _dumpa_beskrivning(varde)
    rader = dumpad.splitlines()[3:]
    assert len(rader) > 1
    assert all(rad.startswith("      k") and len(rad) <= yamlio.BREDD for rad in rader)
    assert len(rader[0]) > yamlio.BREDD - len(" kvalitetsarbete")


RAD = st.one_of(st.just(""), MENING, MENING.map(lambda m: "  - " + m))


@settings(database=None, deadline=None)
@given(st.lists(RAD, min_size=2, max_size=8).map("\n".join))
def test_text_med_radbrytningar_blir_block_och_kommer_tillbaka(varde: str) -> None:
    dumpad = _dumpa_beskrivning(varde)
    assert _tillbaka(dumpad) == varde
    if "\n" in varde.rstrip("\n") and varde[:1] not in (" ", "\t"):
        assert re.search(r"beskrivning: \|[0-9]?[-+]?\n", dumpad), dumpad


def test_flerradig_text_som_borjar_med_tabb_kommer_tillbaka() -> None:
    varde = "\tPunkt ett\n\tPunkt två"
    assert _tillbaka(_dumpa_beskrivning(varde)) == varde


# Prövningen: en ändring som ger en ogiltig fil skrivs inte.


def test_andring_som_ger_ogiltig_fil_skrivs_inte(exempel: Path) -> None:
    def ogiltig_status(trad) -> None:
        trad["status"] = "halvklar"

    fore = _ogonblick(exempel)
    andringar = [
        redigering.ny_fil(exempel, "garaget2.yaml", "poster: []\n"),
        redigering.redigera(exempel, "arshjul/2026/processer.yaml", ogiltig_status),
    ]
    with pytest.raises(Redigeringsfel) as fel:
        _spara.spara(exempel, andringar, date.fromisoformat(PER))
    assert "arshjul/2026/processer.yaml:5:1: Värdet för ”status”" in fel.value.meddelande
    assert _ogonblick(exempel) == fore


def test_giltig_andring_skrivs(exempel: Path) -> None:
    def ny_slutsats(trad) -> None:
        trad["slutsatser"] = yamlio.text("Rutinerna ses över.")

    andring = redigering.redigera(exempel, "arshjul/2026/processer.yaml", ny_slutsats)
    sparat = _spara.spara(exempel, [andring], date.fromisoformat(PER))
    assert sparat.filer == ["arshjul/2026/processer.yaml"]
    assert (exempel / "arshjul/2026/processer.yaml").read_bytes() == andring.ny
