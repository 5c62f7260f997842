"""Självskattningen av samskapande (källa 003) som ett valfritt rum: guiden trogen källan,
`arshjul lagg-till` och en session som i husets andra rum (issue 16.10)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kvalitet import kontroll, yamlio
from kvalitet.modell.arshjul import Session
from kvalitet.modell.huset import Huset
from kvalitet.modell.rum import RumGuide
from tests.conftest import DATA, EXEMPEL, MALLAR, PER, kor

GUIDE = MALLAR / "rum" / "valfria" / "samskapande.yaml"
KALLA = DATA / "kallor" / "skr-verksamhetsutveckling-med-brukare.txt"
RUBRIK = "Så påverkas styrning och ledning"


def _platt(text: str) -> str:
    return " ".join(text.split())


def _kallans_punkter() -> list[str]:
    """Punkterna (•) under rubriken ”Så påverkas styrning och ledning”, i ordning."""
    text = KALLA.read_text(encoding="utf-8")
    avsnitt = text[text.index(RUBRIK) : text.index("Tjänstedesign")]
    return [rad.strip().removeprefix("•").strip() for rad in avsnitt.splitlines() if "•" in rad]


def _guiden() -> RumGuide:
    return RumGuide.model_validate(yamlio.las(GUIDE.read_text(encoding="utf-8")))


def _fynd(rot: Path, regel: str, per: str = PER) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def _rad(fil: Path, text: str) -> int:
    return next(
        i for i, r in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1) if text in r
    )


# Guiden och källan


def test_fragorna_ar_kallans_sex_punkter_ordagrant() -> None:
    punkter = _kallans_punkter()
    assert len(punkter) == 6
    guide = _guiden()
    assert guide.id == GUIDE.stem == "samskapande"
    assert [f.fråga for f in guide.orsaksanalys] == punkter
    assert [f.id for f in guide.orsaksanalys] == [
        "varden", "styrning", "systemhinder", "livskvalitet", "tillit", "ledarskap",
    ]  # fmt: skip


def test_varje_citat_i_guiden_star_ordagrant_i_kallan() -> None:
    kalla = _platt(KALLA.read_text(encoding="utf-8"))
    # Kommentarerna också: de säger var checklistan publiceras.
    text = _platt(re.sub(r"^\s*#", "", GUIDE.read_text(encoding="utf-8"), flags=re.M))
    citat = re.findall(r"”([^”]+)”", text)
    assert len(citat) >= 6, citat
    for c in citat:
        assert c.strip(" .") in kalla, c
    # Var hela checklistan finns: sidan, rubriken och länkens text.
    for del_ in (
        "Systematiskt arbete för att öka brukares eller patienters medskapande, checklista",
        "Lista: Stöd medskapande i styrning/ledning (PDF)",
        "Verksamhetsutveckling tillsammans med brukare",
        "publicerad 2 september 2022",
        "https://skr.se/",
    ):
        assert del_ in text, del_
    assert "lyssna" in _platt(str(_guiden().syfte))


def test_huset_har_kvar_kallans_sex_rum() -> None:
    # Guiden är valfri: inte i husets standard, inte bland rumsguiderna som init kopierar.
    for huset in (MALLAR / "huset.yaml", EXEMPEL / "huset.yaml"):
        rum = Huset.model_validate(yamlio.las(huset.read_text(encoding="utf-8"))).rum
        assert len(rum) == 6 and "samskapande" not in {r.id for r in rum}
    assert not (MALLAR / "rum" / "samskapande.yaml").exists()
    assert not (EXEMPEL / "rum" / "samskapande.yaml").exists()


# kvalitet arshjul lagg-till och en session


def test_lagg_till_och_starta_som_ett_rum_bland_de_andra(exempel: Path) -> None:
    huset_fore = (exempel / "huset.yaml").read_text(encoding="utf-8")
    svar = kor("arshjul", "lagg-till", "samskapande", "--manad", "11", "--datum", "2026-06-01",
               "-C", str(exempel))  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "Starta sessionen med: kvalitet arshjul starta samskapande" in svar.stdout
    assert (exempel / "rum/samskapande.yaml").read_bytes() == GUIDE.read_bytes()
    # Bara rummet läggs till, sist i listan; kommentaren efter listan står kvar efter den.
    nytt = "  - id: samskapande\n    namn: Samskapande med brukarna\n    månad: 11\n"
    nytt += "    infört: 2026-06-01\n"
    sista = "    namn: Omvärldsbevakning\n    månad: 12\n"
    assert (exempel / "huset.yaml").read_text(encoding="utf-8") == huset_fore.replace(
        sista, sista + nytt
    )
    assert kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache").slutkod == 0

    svar = kor("arshjul", "starta", "samskapande", "--ar", "2026", "--datum", "2026-11-12",
               "-C", str(exempel))  # fmt: skip
    assert svar.slutkod == 0, svar
    session = Session.model_validate(
        yamlio.las((exempel / "arshjul/2026/samskapande.yaml").read_text(encoding="utf-8"))
    )
    assert [f.fråga for f in session.orsaksanalys] == _kallans_punkter()
    assert all(f.svar is None for f in session.orsaksanalys)
    plan = kor("arshjul", "plan", "-C", str(exempel), "--ar", "2026", "--per", PER)
    assert re.search(r"november +Samskapande med brukarna +pågår", plan.stdout), plan


def test_en_besvarad_sjalvskattning_kan_avslutas(exempel: Path) -> None:
    assert kor("arshjul", "lagg-till", "samskapande", "--manad", "11", "--datum", "2026-06-01",
               "-C", str(exempel)).slutkod == 0  # fmt: skip
    assert kor("arshjul", "starta", "samskapande", "--ar", "2026", "--datum", "2026-11-12",
               "-C", str(exempel)).slutkod == 0  # fmt: skip
    fil = exempel / "arshjul/2026/samskapande.yaml"
    # Utan svar går den inte att avsluta: SES002 för var och en av de sex frågorna.
    svar = kor("arshjul", "avsluta", "samskapande", "--ar", "2026", "-C", str(exempel),
               "--per", PER)  # fmt: skip
    assert svar.slutkod == 1, svar
    assert len(re.findall(r"SES002", svar.stderr + svar.stdout)) == 6, svar
    text = fil.read_text(encoding="utf-8").replace("    svar:\n", "    svar: Delvis.\n")
    text = text.replace("slutsatser:\n", "slutsatser: Brukarna behöver vara med tidigare.\n")
    text = text.replace(
        "handlingsplan: []\n",
        "handlingsplan:\n  - id: A1\n    åtgärd: Brukarrådet gör självskattningen med oss.\n"
        "    ansvarig: verksamhetschef\n    klart_senast: 2027-03-31\n"
        "    uppföljning: 2027-06-30\n    status: planerad\n",
    )
    fil.write_text(text, encoding="utf-8")
    svar = kor("arshjul", "avsluta", "samskapande", "--ar", "2026", "-C", str(exempel),
               "--per", PER)  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "status: genomförd" in fil.read_text(encoding="utf-8")
    assert kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache").slutkod == 0
    # Efter stoppet har rummet sin handlingsplan i kraft, som husets andra rum.
    rad = _rad(exempel / "huset.yaml", "- id: samskapande")
    assert ("huset.yaml", rad, "RUM002") not in _fynd(exempel, "RUM002", per="2026-12-01")


def test_ny_verksamhet_far_inte_guiden_men_kan_ta_in_den(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    svar = kor("init", str(mapp), "--organisation", "Testkommun", "--kommunkod", "2401",
               "--infort", "2026-01-01")  # fmt: skip
    assert svar.slutkod == 0, svar
    assert sorted(p.stem for p in (mapp / "rum").glob("*.yaml")) == [
        "forhallningssatt", "kompetens", "omvarld", "processer", "samverkan", "trygghet",
    ]  # fmt: skip
    svar = kor("arshjul", "lagg-till", "samskapande", "--manad", "11", "--datum", "2026-03-01",
               "-C", str(mapp))  # fmt: skip
    assert svar.slutkod == 0, svar
    svar = kor("arshjul", "starta", "samskapande", "--ar", "2026", "-C", str(mapp))
    assert svar.slutkod == 0, svar
    assert (mapp / "arshjul/2026/samskapande.yaml").exists()


# Rummets eget infört-datum


def test_ett_rum_som_kom_till_senare_kraver_session_forst_efter_sitt_stopp(
    exempel: Path,
) -> None:
    assert kor("arshjul", "lagg-till", "samskapande", "--manad", "11", "--datum", "2026-06-01",
               "-C", str(exempel)).slutkod == 0  # fmt: skip
    huset = exempel / "huset.yaml"
    rad = _rad(huset, "- id: samskapande")
    assert _fynd(exempel, "RUM002") == []
    assert _fynd(exempel, "RUM002", per="2026-12-01") == [("huset.yaml", rad, "RUM002")]
    # Utan rummets infört räknas det från årshjulets införande (2025): stoppet 2025 har passerat.
    text = huset.read_text(encoding="utf-8").replace("    infört: 2026-06-01\n", "")
    huset.write_text(text, encoding="utf-8")
    assert _fynd(exempel, "RUM002") == [("huset.yaml", rad, "RUM002")]


def test_ett_stopp_fore_rummets_infort_behover_ingen_session(exempel: Path) -> None:
    assert kor("arshjul", "lagg-till", "samskapande", "--manad", "3", "--datum", "2026-06-01",
               "-C", str(exempel)).slutkod == 0  # fmt: skip
    svar = kor("arshjul", "starta", "samskapande", "--ar", "2026", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "före årshjulets införande 2026-06-01" in svar.stderr, svar
    assert not (exempel / "arshjul/2026/samskapande.yaml").exists()


# Dåliga indata


@pytest.mark.parametrize(
    ("argument", "text"),
    [
        (("okant", "--manad", "11"), "Mallarna har inget valfritt rum ”okant”"),
        (("samskapande", "--manad", "13"), "”13” är ingen månad för --manad"),
        (("samskapande", "--manad", "november"), "”november” är ingen månad för --manad"),
        (("samskapande", "--manad", "0"), "”0” är ingen månad för --manad"),
        (("samskapande",), "Alternativet --manad saknas"),
        (("--manad", "11"), "Valfria rum i mallarna: samskapande"),
        (("samskapande", "--manad", "11", "--datum", "2026-13-01"), "--datum"),
    ],
    ids=["okant-rum", "manad-13", "manad-text", "manad-0", "utan-manad", "utan-rum", "datum"],
)
def test_dalig_indata_ger_anvandningsfel_och_andrar_inget(
    exempel: Path, argument: tuple[str, ...], text: str
) -> None:
    huset = (exempel / "huset.yaml").read_bytes()
    svar = kor("arshjul", "lagg-till", *argument, "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert text in svar.stderr, svar
    assert "Traceback" not in svar.stderr
    assert (exempel / "huset.yaml").read_bytes() == huset
    assert not (exempel / "rum/samskapande.yaml").exists()


def test_ett_rum_som_redan_finns_skrivs_inte_over(exempel: Path) -> None:
    argument = ("arshjul", "lagg-till", "samskapande", "--manad", "11", "-C", str(exempel))
    assert kor(*argument).slutkod == 0
    svar = kor(*argument)
    assert svar.slutkod == 2 and "Huset har redan rummet ”samskapande”" in svar.stderr, svar
    # En egen rum/samskapande.yaml (utan rummet i huset) skrivs aldrig över.
    (exempel / "huset.yaml").write_text(
        (EXEMPEL / "huset.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (exempel / "rum/samskapande.yaml").write_text("# egen\n", encoding="utf-8")
    svar = kor(*argument)
    assert svar.slutkod == 2 and "rum/samskapande.yaml finns redan" in svar.stderr, svar
    assert (exempel / "rum/samskapande.yaml").read_text(encoding="utf-8") == "# egen\n"


def test_ett_trasigt_hus_far_inget_nytt_rum(exempel: Path) -> None:
    (exempel / "huset.yaml").write_text("verksamhet: [\n", encoding="utf-8")
    svar = kor("arshjul", "lagg-till", "samskapande", "--manad", "11", "-C", str(exempel))
    assert svar.slutkod == 1, svar
    assert "huset.yaml" in svar.stderr and "Traceback" not in svar.stderr
    assert not (exempel / "rum/samskapande.yaml").exists()
