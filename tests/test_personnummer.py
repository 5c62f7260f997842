"""Personnummerdetektorn: den delade testlistan i alla skrivsätt, och kantfallen."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kvalitet.personnummer import Traff, hitta, i_varden, maskera, saknar_skal
from tests.conftest import DATA

POSTER: list[dict[str, Any]] = json.loads(
    (DATA / "personnummer" / "list.json").read_text(encoding="utf-8")
)
SKRIVSATT = ("integer", "long_format", "short_format", "separated_format", "separated_long")
MENING = "Klienten med nummer {} ringde."
KOL_I_MENING = MENING.index("{}") + 1


def _fall(giltiga: bool) -> list[Any]:
    # Sista posten är ett riktigt nummer med mellanslag; den prövas för sig nedan.
    return [
        pytest.param(post, str(post[nyckel]), id=f"post{nr:02d}-{nyckel}")
        for nr, post in enumerate(POSTER[:-1])
        if post["valid"] is giltiga
        for nyckel in SKRIVSATT
    ]


def _vantad(post: dict[str, Any], rad: int = 1, kol: int = 1) -> Traff:
    return Traff(
        rad=rad,
        kol=kol,
        maskerat=f"{post['short_format'][:6]}-****",
        samordningsnummer=post["type"] == "con",
        tystad=False,
        skal=None,
    )


def test_listan_har_giltiga_och_ogiltiga_poster() -> None:
    assert _fall(True) and _fall(False)


@pytest.mark.parametrize(("post", "nummer"), _fall(True))
def test_giltigt_nummer_hittas_ensamt(post: dict[str, Any], nummer: str) -> None:
    assert hitta(nummer) == [_vantad(post)]


@pytest.mark.parametrize(("post", "nummer"), _fall(True))
def test_giltigt_nummer_hittas_i_en_mening(post: dict[str, Any], nummer: str) -> None:
    assert hitta(MENING.format(nummer)) == [_vantad(post, kol=KOL_I_MENING)]


@pytest.mark.parametrize(("post", "nummer"), _fall(True))
def test_masken_visar_aldrig_hela_numret(post: dict[str, Any], nummer: str) -> None:
    (traff,) = hitta(MENING.format(nummer))
    assert traff.maskerat.endswith("-****")
    for helt in (nummer, post["short_format"], post["long_format"]):
        assert helt not in traff.maskerat
        assert helt not in repr(traff)


@pytest.mark.parametrize(("post", "nummer"), _fall(False))
def test_ogiltigt_nummer_rapporteras_inte(post: dict[str, Any], nummer: str) -> None:
    # Ett ogiltigt nummer är aldrig ett personnummer (PNR001); har det ett giltigt datum och
    # personnummerform är det ett möjligen felskrivet nummer (PNR003).
    for text in (nummer, MENING.format(nummer)):
        assert all(traff.fel_kontrollsiffra for traff in hitta(text))


@pytest.mark.parametrize(
    ("text", "felskrivet"),
    [
        pytest.param("19850101-1234", True, id="langt-med-bindestreck"),
        pytest.param("850101-1234", True, id="kort-med-bindestreck"),
        pytest.param("850101+1234", True, id="kort-med-plus"),
        pytest.param("198501011234", True, id="tolv-siffror-med-sekel"),
        pytest.param("8501011234", False, id="tio-siffror-i-foljd"),
        pytest.param("850101-0004", False, id="fodelsenummer-000"),
        pytest.param("851301-1234", False, id="manad-13"),
        pytest.param("0701234567", False, id="telefonnummer"),
    ],
)
def test_felskrivna_nummer_i_personnummerform(text: str, felskrivet: bool) -> None:
    traffar = hitta(f"Anteckning {text} här.")
    assert [t.fel_kontrollsiffra for t in traffar] == ([True] if felskrivet else [])
    if felskrivet:
        assert "1234" not in maskera(f"Anteckning {text} här.")


@pytest.mark.parametrize("nyckel", SKRIVSATT[1:])
def test_mellanslag_som_skiljetecken_rapporteras(nyckel: str) -> None:
    # Listan kallar posten ogiltig bara för mellanslaget; siffrorna är ett riktigt nummer.
    post = POSTER[-1]
    assert " " in post[nyckel]
    assert hitta(MENING.format(post[nyckel])) == [_vantad(post, kol=KOL_I_MENING)]


def test_samordningsnummer_hittas_och_markeras() -> None:
    (traff,) = hitta("Samordningsnummer 701063-2391 i anmälan.")
    assert traff.samordningsnummer
    assert traff.maskerat == "701063-****"


def test_personnummer_ar_inte_samordningsnummer() -> None:
    (traff,) = hitta("811228-9874")
    assert not traff.samordningsnummer


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ring 0701234567.", id="telefonnummer-fel-kontrollsiffra"),
        pytest.param("010229-1234", id="29-februari-utan-skottar"),
        pytest.param("19000229-1235", id="29-februari-1900"),
        pytest.param("811228-0006", id="fodelsenummer-000"),
        pytest.param("811328-9874", id="manad-13"),
        pytest.param("811200-9874", id="dag-00"),
        pytest.param("811160-9874", id="samordningsdag-60"),
        pytest.param("811192-9874", id="samordningsdag-92"),
        pytest.param("218112289874", id="sekel-21"),
        pytest.param("18112289874", id="elva-siffror"),
        pytest.param("8112289874123", id="tretton-siffror"),
        pytest.param("order 123456781122898741", id="lang-sifferfoljd"),
        pytest.param("811228-98745", id="fem-sista-siffror"),
        pytest.param("811228--9874", id="dubbelt-skiljetecken"),
    ],
)
def test_inget_nummer_rapporteras(text: str) -> None:
    assert hitta(text) == []


@pytest.mark.parametrize(
    "text", ["000229-1235", "20000229-1235"], ids=["kort-ar-2000", "langt-ar-2000"]
)
def test_29_februari_i_skottar_hittas(text: str) -> None:
    assert [t.maskerat for t in hitta(text)] == ["000229-****"]


@pytest.mark.parametrize(
    ("text", "kol"),
    [
        ('pnr: "8112289874"', 7),
        ("nr: '19811228-9874',", 6),
        ("(811228-9874)", 2),
        ("Nummer:811228+9874.", 8),
        ("«811228-9874»", 2),
        ("id_8112289874", 4),
        ("|8112289874|", 2),
    ],
)
def test_nummer_mellan_skiljetecken_och_citattecken(text: str, kol: int) -> None:
    assert [(t.rad, t.kol) for t in hitta(text)] == [(1, kol)]


def test_rad_och_kolumn_raknas_i_tecken_efter_svenska_bokstaver() -> None:
    text = (
        "rubrik: Årsöversikt\nbeskrivning: Åtgärd för ökad kvalitet\nnotering: Åsa såg 811228-9874"
    )
    (traff,) = hitta(text)
    assert (traff.rad, traff.kol) == (3, 19)


def test_crlf_och_flera_traffar_i_ordning() -> None:
    text = "a\r\n811228-9874 och 701063-2391\r\n\r\nslut 198112289874\r\n"
    assert [(t.rad, t.kol, t.maskerat) for t in hitta(text)] == [
        (2, 1, "811228-****"),
        (2, 17, "701063-****"),
        (4, 6, "811228-****"),
    ]


def test_nummer_langt_ner_i_en_stor_text() -> None:
    text = "beskrivning: text utan nummer 2026-03-01\n" * 50_000 + "  - 811228-9874\n"
    assert [(t.rad, t.kol) for t in hitta(text)] == [(50_001, 5)]


def test_tom_text_och_text_utan_siffror() -> None:
    assert hitta("") == []
    assert hitta("Åtgärder och handlingsplaner.\n" * 1000) == []


@pytest.mark.parametrize("skiljetecken", ["–", "—", "-", ":"])
@pytest.mark.parametrize(
    "rad",
    [
        'telefon: "0701234569"  # kvalitet: ignorera PNR001 {} telefonnummer till växeln',
        "0701234569 <!-- kvalitet: ignorera PNR001 {} telefonnummer till växeln -->",
        "<!-- kvalitet: ignorera PNR001 {} telefonnummer till växeln --> 0701234569",
        "const vaxeln = '0701234569'; // kvalitet: ignorera PNR001 {} telefonnummer till växeln",
    ],
    ids=["yaml", "html-efter", "html-fore", "slash"],
)
def test_tystad_med_skal(rad: str, skiljetecken: str) -> None:
    (traff,) = hitta("forsta: rad\n" + rad.format(skiljetecken) + "\n")
    assert traff.tystad
    assert traff.skal == "telefonnummer till växeln"
    assert traff.rad == 2
    assert not saknar_skal(rad.format(skiljetecken))


def test_tystningen_galler_bara_sin_egen_rad() -> None:
    text = "0701234569  # kvalitet: ignorera PNR001 – växeln\n0701234569\n"
    assert [(t.rad, t.tystad) for t in hitta(text)] == [(1, True), (2, False)]


@pytest.mark.parametrize(
    "rad",
    [
        "0701234569  # kvalitet: ignorera PNR001",
        "0701234569  # kvalitet: ignorera PNR001 –   ",
        "0701234569  # kvalitet: ignorera PNR001:",
        "0701234569 <!-- kvalitet: ignorera PNR001 -->",
        "0701234569 <!-- kvalitet: ignorera PNR001 – -->",
        "0701234569  # kvalitet: ignorera PNR001 telefonnummer",
    ],
    ids=["inget", "bara-streck", "bara-kolon", "html", "html-streck", "utan-skiljetecken"],
)
def test_markor_utan_skal_tystar_inte(rad: str) -> None:
    (traff,) = hitta(rad)
    assert not traff.tystad
    assert traff.skal is None
    assert saknar_skal(rad)


def test_saknar_skal_ar_falskt_utan_markor() -> None:
    assert not saknar_skal("0701234569  # telefonnummer till växeln")
    assert not saknar_skal("")


def test_markoren_ger_ingen_traff() -> None:
    assert hitta("# kvalitet: ignorera PNR001 – telefonnummer till växeln\n") == []


def test_nummer_i_skalet_tystas_inte_och_visas_maskerat() -> None:
    text = "0701234569  # kvalitet: ignorera PNR001 – inte 811228-9874 utan växeln"
    forsta, andra = hitta(text)
    assert forsta.tystad
    assert forsta.skal == "inte 811228-**** utan växeln"
    assert (andra.kol, andra.tystad, andra.skal) == (text.index("811228") + 1, False, None)


# Skrivsätt som slank igenom förut (issue 13.9): samma nummer, 811228-9874, varje gång.

DOLDA = [
    pytest.param("Nummer 811228 - 9874 i texten.", id="bindestreck-med-mellanslag"),
    pytest.param("Nummer 811228–9874 i texten.", id="tankstreck"),
    pytest.param("Nummer 811228 – 9874 i texten.", id="tankstreck-med-mellanslag"),
    pytest.param("Nummer 811228—9874 i texten.", id="langt-tankstreck"),
    pytest.param("Nummer 811228\u22129874 i texten.", id="minustecken"),
    pytest.param("Nummer 811228\u00a09874 i texten.", id="hart-mellanslag"),
    pytest.param("Nummer 811228\t9874 i texten.", id="tabb"),
    pytest.param("Nummer 8112\u200b28-98\u200b74 i texten.", id="nollbreddsmellanslag"),
    pytest.param("Nummer 811228-9874\u00ad i texten.", id="mjukt-bindestreck"),
    pytest.param("Nummer ８１１２２８－９８７４ i texten.", id="helbreddssiffror"),
    pytest.param("Nummer ８１１２２８-９８７４ i texten.", id="helbreddssiffror-bindestreck"),
    pytest.param("pnr811228-9874 i texten.", id="ihop-med-ett-ord"),
    pytest.param("ärende8112289874.", id="ihop-med-svenska-bokstaver"),
    pytest.param("Nummer 811228-9874abc.", id="bokstaver-efter"),
    pytest.param("Nummer 811228  9874 i texten.", id="dubbelt-mellanslag"),
    pytest.param("beskrivning: >-\n  Klienten med 811228\n  9874 ringde.\n", id="vikt-rad"),
    pytest.param("a: |\r\n  811228\r\n  9874\r\n", id="vikt-rad-crlf"),
]


@pytest.mark.parametrize("text", DOLDA)
def test_dolda_skrivsatt_hittas_och_maskeras(text: str) -> None:
    (traff,) = hitta(text)
    assert traff.maskerat == "811228-****"
    rad = text.split("\n")[traff.rad - 1]
    assert rad[traff.kol - 1] in "8８", (rad, traff)  # pekar på numrets första siffra
    maskerad = maskera(text)
    assert hitta(maskerad) == []
    assert "811228-****" in maskerad
    assert "9874" not in maskerad and "９８７４" not in maskerad


def test_maskera_lamnar_annan_text_orord() -> None:
    text = "Ärende 2026-013, telefon 0701234567 och 811228-9874 samt 19121212-1212."
    assert maskera(text) == (
        "Ärende 2026-013, telefon 0701234567 och 811228-**** samt 121212-****."
    )
    assert maskera("Inget nummer här.") == "Inget nummer här."


def test_nummer_i_tolkade_varden_hittas_med_vag() -> None:
    data = {"poster": [{"rubrik": "8\u00031", "text": "Nummer 811228-9874."}], "811228-9874": 1}
    traffar = i_varden(data)
    assert sorted((vag, t.maskerat) for vag, t in traffar) == [
        (("811228-9874",), "811228-****"),
        (("poster", 0, "text"), "811228-****"),
    ]
