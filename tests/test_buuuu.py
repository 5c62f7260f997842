"""`kvalitet buuuu starta|status`: ett varv från mallen, och hur långt varven har kommit."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kvalitet import yamlio
from kvalitet.arbete import buuuu
from kvalitet.fel import Anvandningsfel
from kvalitet.modell.buuuu import STEG
from kvalitet.verksamhet import ladda
from tests.conftest import MALLAR, PER, kor

DAG = "2026-11-20"
STEGNAMN = [steg.capitalize() for steg in STEG]


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def starta(mapp: Path, id_: str, *alternativ: str):
    return kor("buuuu", "starta", id_, "--datum", DAG, "-C", str(mapp), *alternativ)


def las(fil: Path) -> dict[str, Any]:
    data = yamlio.las(fil.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def stegrader(text: str) -> dict[str, str]:
    """Stegen i status-tabellen och om de är genomarbetade (ja/nej)."""
    monster = rf"^\s*({'|'.join(STEGNAMN)})\s+(ja|nej)\s"
    return dict(re.findall(monster, text, flags=re.MULTILINE))


# starta


def test_starta_skapar_varvet_med_mallens_fragor(exempel: Path) -> None:
    svar = starta(exempel, "stod-for-unga", "--namn", "Stöd för unga")
    assert svar.slutkod == 0, svar
    data = las(exempel / "buuuu/stod-for-unga.yaml")
    mall = las(MALLAR / "buuuu.yaml")
    assert (data["id"], data["namn"], data["startad"]) == (
        "stod-for-unga",
        "Stöd för unga",
        date(2026, 11, 20),
    )
    for steg in STEG:
        assert data[steg]["frågor"] == mall[steg]["frågor"], steg
        assert data[steg]["frågor"], steg
        assert all(f["svar"] is None for f in data[steg]["frågor"]), steg
        assert data[steg]["text"] is None
        assert data[steg]["brukarmedverkan"] == []
    assert data["rum"] == []
    assert data["avslutat"] is None
    assert data["utvärdering"]["jämfört_med_behov"] is None


def test_starta_behaller_mallens_kommentarer(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    mall = (MALLAR / "buuuu.yaml").read_text(encoding="utf-8").splitlines()
    ny = (exempel / "buuuu/unga.yaml").read_text(encoding="utf-8").splitlines()
    assert len(ny) == len(mall)
    andrade = [(a.split(":")[0], b) for a, b in zip(mall, ny, strict=True) if a != b]
    assert andrade == [
        ("id", "id: unga"),
        ("namn", "namn: Stöd för unga"),
        ("startad", f"startad: {DAG}"),
    ]


@pytest.mark.parametrize(
    ("text", "id_"),
    [
        ("Stöd för unga", "stod-for-unga"),
        ("  Ärenden & Åtgärder ", "arenden-atgarder"),
        ("Sysselsättning 2027", "sysselsattning-2027"),
        ("Idé--verkstad!", "ide-verkstad"),
        ("unga", "unga"),
    ],
)
def test_id_blir_ascii(text: str, id_: str) -> None:
    assert buuuu.som_id(text) == id_


@pytest.mark.parametrize("text", ["", "!!!", "  ", "–"])
def test_id_utan_bokstaver_ar_fel(text: str) -> None:
    with pytest.raises(Anvandningsfel):
        buuuu.som_id(text)


def test_starta_med_svenskt_id_skapar_ascii_fil(exempel: Path) -> None:
    svar = starta(exempel, "Stöd för unga", "--namn", "Stöd för unga")
    assert svar.slutkod == 0, svar
    assert las(exempel / "buuuu/stod-for-unga.yaml")["id"] == "stod-for-unga"
    assert sorted(f.name for f in (exempel / "buuuu").iterdir()) == [
        "stod-for-unga.yaml",
        "sysselsattning.yaml",
    ]


def test_starta_med_rum(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Unga", "--rum", "trygg").slutkod == 0
    assert las(exempel / "buuuu/unga.yaml")["rum"] == ["trygghet"]
    kontroll = kor("kontrollera", str(exempel), "--per", PER)
    assert kontroll.slutkod == 0, kontroll


def test_nytt_varv_haller_i_kontrollen(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    kontroll = kor("kontrollera", str(exempel), "--per", PER)
    assert kontroll.slutkod == 0, kontroll


@pytest.mark.parametrize(
    ("argv", "i_felet"),
    [
        (("unga",), "--namn"),
        (("unga", "--namn", " "), "--namn"),
        (("!!!", "--namn", "Unga"), "!!!"),
        (("unga", "--namn", "Unga", "--rum", "procesr"), "processer"),
        (("unga", "--namn", "Unga", "--datum", "i morgon"), "i morgon"),
    ],
)
def test_fel_anvandning_ger_slutkod_2_och_ingen_fil(
    exempel: Path, argv: tuple[str, ...], i_felet: str
) -> None:
    svar = kor("buuuu", "starta", "-C", str(exempel), *argv)
    assert svar.slutkod == 2, svar
    assert i_felet in svar.stderr
    assert [f.name for f in (exempel / "buuuu").iterdir()] == ["sysselsattning.yaml"]


def test_samma_id_tva_ganger_vagras_och_filen_ar_orord(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    fore = (exempel / "buuuu/unga.yaml").read_bytes()
    svar = starta(exempel, "Unga", "--namn", "Något annat")
    assert svar.slutkod not in (0, 2, 3), svar
    assert "buuuu/unga.yaml" in svar.stderr
    assert (exempel / "buuuu/unga.yaml").read_bytes() == fore


def test_befintligt_varv_skrivs_inte_over(exempel: Path) -> None:
    fore = (exempel / "buuuu/sysselsattning.yaml").read_bytes()
    svar = starta(exempel, "Sysselsättning", "--namn", "Nytt")
    assert svar.slutkod not in (0, 3), svar
    assert (exempel / "buuuu/sysselsattning.yaml").read_bytes() == fore


def test_starta_i_verksamhet_utan_buuuu_mapp(liten: Path) -> None:
    assert starta(liten, "unga", "--namn", "Unga").slutkod == 0
    assert las(liten / "buuuu/unga.yaml")["id"] == "unga"
    assert kor("kontrollera", str(liten), "--per", PER).slutkod == 0


# status


def test_exemplets_varv_har_alla_steg_genomarbetade(exempel: Path) -> None:
    svar = kor("buuuu", "status", "sysselsattning", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert stegrader(svar.stdout) == dict.fromkeys(STEGNAMN, "ja")
    assert "Nästa steg" not in svar.stdout


def test_status_raknar_brukarmedverkan_per_steg(exempel: Path) -> None:
    (tabell,) = buuuu.status(ladda(exempel), "sysselsattning")
    assert not isinstance(tabell, str)
    varv = las(exempel / "buuuu/sysselsattning.yaml")
    assert [rad[3] for rad in tabell.rader] == [
        str(len(varv[steg]["brukarmedverkan"])) for steg in STEG
    ]
    senast = [
        max((str(m["datum"]) for m in varv[steg]["brukarmedverkan"]), default="–") for steg in STEG
    ]
    assert [rad[5] for rad in tabell.rader] == senast
    besvarade = [f"{len(varv[steg]['frågor'])} av {len(varv[steg]['frågor'])}" for steg in STEG]
    assert [rad[2] for rad in tabell.rader] == besvarade


def test_nytt_varv_har_behov_som_nasta_steg(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    svar = kor("buuuu", "status", "unga", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert stegrader(svar.stdout) == dict.fromkeys(STEGNAMN, "nej")
    assert "Nästa steg: behov" in svar.stdout


def test_ifyllt_behov_ger_uppdrag_som_nasta_steg(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    fil = exempel / "buuuu/unga.yaml"
    text = fil.read_text(encoding="utf-8").replace("  text:\n", "  text: Behovet.\n", 1)
    fil.write_text(text.replace("      svar:\n", "      svar: Brukarnas svar.\n", 1), "utf-8")
    svar = kor("buuuu", "status", "unga", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert stegrader(svar.stdout) == {"Behov": "ja"} | dict.fromkeys(STEGNAMN[1:], "nej")
    assert "Nästa steg: uppdrag" in svar.stdout


def test_status_utan_id_visar_alla_varv(exempel: Path) -> None:
    assert starta(exempel, "unga", "--namn", "Stöd för unga").slutkod == 0
    svar = kor("buuuu", "status", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert "buuuu/unga.yaml" in svar.stdout
    assert "buuuu/sysselsattning.yaml" in svar.stdout


def test_status_med_svenskt_namn_pa_id(exempel: Path) -> None:
    svar = kor("buuuu", "status", "Sysselsättning", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert "buuuu/sysselsattning.yaml" in svar.stdout


@pytest.mark.parametrize("id_", ["finns-inte", "!!!"])
def test_status_for_okant_varv_ar_fel_anvandning(exempel: Path, id_: str) -> None:
    svar = kor("buuuu", "status", id_, "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert id_ in svar.stderr


def test_status_utan_varv(liten: Path) -> None:
    svar = kor("buuuu", "status", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert svar.stdout.strip()
    assert stegrader(svar.stdout) == {}
