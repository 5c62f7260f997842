"""Svensk sortering (å, ä, ö efter z) och normaliserad text (utan å, ä och ö)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvalitet.svenska import normaliserad, sorteringsnyckel


def svensk_ordning(ord_: list[str]) -> list[str]:
    return sorted(ord_, key=sorteringsnyckel)


def test_a_a_o_kommer_efter_z_i_den_ordningen() -> None:
    assert svensk_ordning(["ö", "å", "z", "ä", "a", "o"]) == ["a", "o", "z", "å", "ä", "ö"]


def test_versaler_och_gemener_sorteras_lika() -> None:
    assert svensk_ordning(["b", "Ö", "A", "ä", "C", "Å"]) == ["A", "b", "C", "Å", "ä", "Ö"]


def test_samma_ord_med_olika_skiftlage_far_samma_vikt() -> None:
    assert sorteringsnyckel("ÖVERFÖRD")[0] == sorteringsnyckel("överförd")[0]


@pytest.mark.parametrize(
    ("fore", "efter"),
    [
        ("Trygghet", "Åtgärder"),
        ("Ål", "äpple"),
        ("Äpple", "öl"),
        ("oas", "ödla"),
        ("Omvårdnad", "Omvärld"),  # å före ä
        ("e", "é"),  # é sorteras som e (lika vikt, sedan texten)
        ("é", "f"),
        ("zebra", "åsna"),
        ("Zon", "Ärenden"),
        ("mzx", "må"),
    ],
)
def test_hela_ord_i_svensk_ordning(fore: str, efter: str) -> None:
    assert svensk_ordning([efter, fore]) == [fore, efter]


ORD = st.text(alphabet="abcoxyz", max_size=5)


@given(forsta=ORD, andra=ORD, bokstav=st.sampled_from("åäöÅÄÖ"))
def test_ord_pa_a_a_o_kommer_efter_alla_ord_pa_a_till_z(
    forsta: str, andra: str, bokstav: str
) -> None:
    ascii_ord = "z" + forsta
    assert sorteringsnyckel(ascii_ord) < sorteringsnyckel(bokstav + andra)


@given(st.text(alphabet="abcxyzåäöéABCXYZÅÄÖÉ", max_size=8))
def test_sorteringen_bryr_sig_inte_om_skiftlage(text: str) -> None:
    assert sorteringsnyckel(text.upper())[0] == sorteringsnyckel(text.lower())[0]


@pytest.mark.parametrize(
    ("text", "vantat"),
    [
        ("Förhållningssätt", "forhallningssatt"),
        ("  Omvärldsbevakning ", "omvarldsbevakning"),
        ("ÅÄÖ", "aao"),
        ("idé", "ide"),
        ("möjlighet", "mojlighet"),
        ("processer", "processer"),
    ],
)
def test_normaliserad_tar_bort_a_a_o_och_versaler(text: str, vantat: str) -> None:
    assert normaliserad(text) == vantat


def test_normaliserad_ger_bara_ascii_for_svenska_bokstaver() -> None:
    assert normaliserad("Älvbygdens Förhållningssätt och Åtgärder").isascii()
