"""Uppslag i en verksamhet: rum efter id, unikt prefix eller namn med eller utan å, ä och ö."""

from __future__ import annotations

import pytest

from kvalitet.fel import Anvandningsfel
from kvalitet.verksamhet import ladda
from tests.conftest import EXEMPEL


@pytest.mark.parametrize(
    ("text", "rum_id"),
    [
        ("processer", "processer"),
        ("förhållningssätt", "forhallningssatt"),
        ("Förhållningssätt och delat beslutsfattande", "forhallningssatt"),
        ("omv", "omvarld"),
        ("Personal och kompetens", "kompetens"),
    ],
)
def test_hitta_rum(text: str, rum_id: str) -> None:
    assert ladda(EXEMPEL).hitta_rum(text).id == rum_id


def test_okant_rum_foreslar_narmaste() -> None:
    with pytest.raises(Anvandningsfel) as fel:
        ladda(EXEMPEL).hitta_rum("procesr")
    assert fel.value.tips is not None and "Menade du ”processer”?" in fel.value.tips


def test_tvetydigt_prefix_ar_fel() -> None:
    # "p" inleder både processer och namnet "Personal och kompetens": inget gissat rum.
    with pytest.raises(Anvandningsfel, match="passar flera rum"):
        ladda(EXEMPEL).hitta_rum("p")
