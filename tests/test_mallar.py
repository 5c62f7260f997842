"""mallar/: standardmodellen, trogen källan, och åtkomlig både från hjul och utcheckning."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kvalitet import mallar, yamlio
from kvalitet.modell.buuuu import STEG
from kvalitet.modell.huset import Huset, LexSarahFrister
from kvalitet.modell.rum import RumGuide
from tests.conftest import DATA, EXEMPEL, MALLAR, ROT

KALLA = DATA / "kallor" / "nordmaling-arshjul.txt"
AVSNITT = {
    "processer": "5.1 Processer och rutiner",
    "samverkan": "5.2 Helhetssyn och samverkan",
    "trygghet": "5.3 Trygghet och säkerhet",
    "forhallningssatt": "5.4 Förhållningssätt och delat beslutsfattande",
    "kompetens": "5.5 Personal och kompetens",
    "omvarld": "5.6 Omvärldsbevakning",
}
RUBRIKER = {
    "Syfte": "syfte",
    "Förberedelser": "förberedelser",
    "Orsaksanalys och slutsatser": "orsaksanalys",
    "Förslag på åtgärder": "åtgärdsfrågor",
}


def _las(sokvag: Path) -> object:
    return yamlio.las(sokvag.read_text(encoding="utf-8"))


def test_mallmappen_hittas_i_utcheckningen() -> None:
    assert mallar.mallmapp() == MALLAR


def test_mallarna_foljer_modellen() -> None:
    Huset.model_validate(_las(MALLAR / "huset.yaml"))
    LexSarahFrister.model_validate(_las(MALLAR / "standardregler.yaml")["lex_sarah"])  # type: ignore[index]
    guider = sorted(p.stem for p in (MALLAR / "rum").glob("*.yaml"))
    assert guider == sorted(AVSNITT)


def test_exemplets_rumsguider_ar_mallens() -> None:
    for exempel in (EXEMPEL, ROT / "exempel-funktionsstod"):
        for guide in (MALLAR / "rum").glob("*.yaml"):
            assert (exempel / "rum" / guide.name).read_bytes() == guide.read_bytes()


def _kallans_punkter(rum_id: str) -> dict[str, list[tuple[int, str]]]:
    """Punkterna i källans avsnitt 5.x: (nivå, text) per rubrik, med radbrytningar ihopslagna."""
    text = KALLA.read_text(encoding="utf-8")
    borjan = text.index(AVSNITT[rum_id], text.index("5 Årshjul"))
    nasta = [text.find(a, borjan + 5) for a in AVSNITT.values()] + [text.index("6 Bilagor")]
    avsnitt = text[borjan : min(n for n in nasta if n > borjan)]
    punkter: dict[str, list[tuple[int, str]]] = {}
    aktuell: list[tuple[int, str]] = []
    for rad in (r.strip() for r in avsnitt.splitlines()[1:]):
        if rad in RUBRIKER:
            aktuell = punkter.setdefault(RUBRIKER[rad], [])
        elif rad.startswith("\uf0b7"):
            aktuell.append((0, rad[1:].strip()))
        elif rad.startswith("o "):
            aktuell.append((1, rad[2:].strip()))
        elif rad and aktuell:
            niva, forra = aktuell[-1]
            aktuell[-1] = (niva, f"{forra} {rad}")
    return {
        nyckel: [(n, re.sub(r"\s+", " ", t)) for n, t in lista] for nyckel, lista in punkter.items()
    }


def _guidens_punkter(guide: RumGuide, nyckel: str) -> list[tuple[int, str]]:
    if nyckel == "orsaksanalys":
        return [(0, fraga.fråga) for fraga in guide.orsaksanalys]
    punkter: list[tuple[int, str]] = []
    for punkt in getattr(guide, nyckel):
        if isinstance(punkt, str):
            punkter.append((0, punkt))
        else:
            punkter.append((0, punkt.punkt))
            punkter.extend((1, under) for under in punkt.underpunkter)
    return [(n, re.sub(r"\s+", " ", t).strip()) for n, t in punkter]


@pytest.mark.parametrize("rum_id", sorted(AVSNITT))
def test_rumsguiden_ar_ordagrann_med_kallan(rum_id: str) -> None:
    guide = RumGuide.model_validate(_las(MALLAR / "rum" / f"{rum_id}.yaml"))
    kalla = _kallans_punkter(rum_id)
    for nyckel in RUBRIKER.values():
        assert _guidens_punkter(guide, nyckel) == kalla[nyckel], nyckel
    assert [f.id for f in guide.orsaksanalys] == [
        f"o{i}" for i in range(1, len(guide.orsaksanalys) + 1)
    ]


def test_mallarna_for_nya_filer_foljer_modellen() -> None:
    from kvalitet.modell.ataganden import Ataganden
    from kvalitet.modell.buuuu import BuuuuVarv
    from kvalitet.modell.garaget import Garaget

    Ataganden.model_validate(_las(MALLAR / "ataganden.yaml"))
    Garaget.model_validate(_las(MALLAR / "garaget.yaml"))
    varv = BuuuuVarv.model_validate(_las(MALLAR / "buuuu.yaml"))
    assert varv.steg() == []  # inget steg är genomarbetat i mallen


BUUUU_KALLA = DATA / "kallor" / "buuuu-hjulet.txt"


def test_buuuu_mallens_fragor_ar_kallans() -> None:
    kalla = " ".join(BUUUU_KALLA.read_text("utf-8").split())
    mall = _las(MALLAR / "buuuu.yaml")
    assert isinstance(mall, dict)
    fragor = [f["fråga"] for steg in STEG for f in mall[steg]["frågor"]]
    assert len(fragor) == 11
    assert all(f["svar"] is None for steg in STEG for f in mall[steg]["frågor"])
    for fraga in fragor:
        assert " ".join(fraga.split()) in kalla, fraga
