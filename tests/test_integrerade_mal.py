"""Takets integrerade mål styr årets arbete, och könsuppdelade utfall bedöms (issue 16.2)."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from kvalitet import integrerade, regelverk
from kvalitet.fynd import Niva
from kvalitet.verksamhet import ladda
from tests.conftest import PER, kor

ATAGANDEN = "ataganden/2026.yaml"
_I = " " * 10  # indragningen under utfall_per_kön


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, gammalt
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def _fynd(mapp: Path, regel: str, per: str = PER) -> list[dict[str, object]]:
    svar = kor("kontrollera", str(mapp), "--per", per, "--format", "json")
    return [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == regel]


def _utan_malet(mapp: Path, mal: str) -> None:
    """Ta bort varje hänvisning till ett integrerat mål ur verksamhetens YAML-filer."""
    for fil in mapp.rglob("*.yaml"):
        text = fil.read_text(encoding="utf-8")

        def utan(traff: re.Match[str]) -> str:
            idn = [i.strip() for i in traff[1].split(",") if i.strip() and i.strip() != mal]
            return f"integrerade_mål: [{', '.join(idn)}]"

        nytt = re.sub(r"integrerade_mål: \[([^\]]*)\]", utan, text)
        if nytt != text:
            fil.write_text(nytt, encoding="utf-8")


def _rad(fil: Path, text: str) -> int:
    return next(
        i for i, rad in enumerate(fil.read_text(encoding="utf-8").splitlines(), 1) if text in rad
    )


def test_exemplet_har_arbete_for_varje_mal_och_bedomda_skillnader(exempel: Path) -> None:
    assert _fynd(exempel, "INT001") == []
    assert _fynd(exempel, "INT002") == []


def test_ett_mal_utan_arets_arbete_stoppar_nar_huset_sager_fel(exempel: Path) -> None:
    _utan_malet(exempel, "jamstalld")
    [fynd] = _fynd(exempel, "INT001")
    assert str(fynd["fil"]).endswith("huset.yaml")
    assert (fynd["rad"], fynd["nivå"]) == (_rad(exempel / "huset.yaml", "- id: jamstalld"), "fel")
    assert "”Jämställd socialtjänst” (jamstalld) har inget åtagande" in str(fynd["text"])
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar


def test_utan_husets_niva_ar_det_en_varning(exempel: Path) -> None:
    _utan_malet(exempel, "jamstalld")
    _ersatt(exempel / "huset.yaml", "  nivåer:\n    INT001: fel\n", "")
    [fynd] = _fynd(exempel, "INT001")
    assert fynd["nivå"] == "varning"
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0


def test_aret_avgor_vilka_atgarder_som_raknas(exempel: Path) -> None:
    v = ladda(exempel)
    # Omvärldens åtgärd A2 från 2025 ska vara klar 2026-04-30: den räknas 2026, inte 2027.
    mal_2026 = {a.mal.id: a for a in integrerade.arbete(v, 2026)}
    assert any(p.atgard.klart_senast == date(2026, 4, 30) for p in mal_2026["jamstalld"].atgarder)
    assert integrerade.arbete(v, 2027)[1].ataganden == []  # inga åtaganden för 2027
    assert all(
        2024 not in {p.atgard.klart_senast.year for p in a.atgarder if p.atgard.klart_senast}
        for a in integrerade.arbete(v, 2026)
    )


@pytest.mark.parametrize(
    ("gammalt", "nytt", "saknas"),
    [
        (
            "          skillnad: omotiverad\n          åtgärd: >-\n",
            "          åtgärd: >-\n",
            "bedömningen",
        ),
        (
            "skillnad: omotiverad\n          åtgärd: >-\n            Skillnaden tas upp",
            "skillnad: omotiverad\n          motivering: >-\n            Skillnaden tas upp",
            "vad som görs",
        ),
        ("          skillnad: ingen\n", "          skillnad: motiverad\n", None),
    ],
    ids=["utan-bedomning", "omotiverad-utan-atgard", "motiverad-med-motivering"],
)
def test_en_skillnad_mellan_konen_ska_bedomas(
    exempel: Path, gammalt: str, nytt: str, saknas: str | None
) -> None:
    _ersatt(exempel / ATAGANDEN, gammalt, nytt)
    fynd = _fynd(exempel, "INT002")
    if saknas is None:
        assert fynd == []
        return
    [ett] = fynd
    assert str(ett["fil"]).endswith(ATAGANDEN) and saknas in str(ett["text"])


def test_motiverad_utan_motivering(exempel: Path) -> None:
    _ersatt(
        exempel / ATAGANDEN,
        "          skillnad: ingen\n          motivering: >-\n            Skillnaden motsvarar"
        " två beslut i en grupp på ett fyrtiotal och bedöms inte\n            vara av betydelse;"
        " den följs vid nästa tertial.\n",
        "          skillnad: motiverad\n",
    )
    [fynd] = _fynd(exempel, "INT002")
    assert "varför skillnaden är motiverad" in str(fynd["text"])


def test_lika_utfall_behover_ingen_bedomning(exempel: Path) -> None:
    _ersatt(
        exempel / ATAGANDEN,
        "          kvinnor: 88\n          män: 80\n          skillnad: omotiverad\n",
        "          kvinnor: 84\n          män: 84\n",
    )
    assert _fynd(exempel, "INT002") == []


def test_rapporten_visar_varje_mals_arbete_och_bedomningen(exempel: Path, tmp_path: Path) -> None:
    _utan_malet(exempel, "hallbar")
    ut = tmp_path / "kb.md"
    argument = ["-C", str(exempel), "--per", PER, "--format", "md", "--ut", str(ut)]
    assert kor("rapport", "kvalitetsberattelse", *argument).slutkod == 0
    text = ut.read_text(encoding="utf-8")
    avsnitt = text[text.index("## De integrerade målen") : text.index("## Garaget")]
    hallbar = avsnitt[avsnitt.index("### Hållbar") : avsnitt.index("### Jämställd")]
    assert "*Inget åtagande och ingen åtgärd under 2026 pekar på målet.*" in hallbar
    assert "kvinnor 88, män 80; skillnaden bedöms som omotiverad" in avsnitt
    assert "brukarrådet ordnar ett samtal med manliga brukare" in avsnitt


def test_regelns_niva_kan_hojas_men_inte_sankas(exempel: Path) -> None:
    v = ladda(exempel)
    lokala = regelverk.for_verksamhet(v)
    assert lokala.niva("INT001", Niva.varning) == Niva.fel  # huset höjer den
    assert lokala.niva("ATG001", Niva.varning) == Niva.varning
    _ersatt(exempel / "huset.yaml", "    INT001: fel\n", "    INT001: fel\n    PNR001: varning\n")
    lokala = regelverk.for_verksamhet(ladda(exempel))
    assert lokala.niva("PNR001", Niva.fel) == Niva.fel


@pytest.mark.parametrize(
    ("rad", "text"),
    [
        ("    PNR001: varning\n", "PNR001 kan inte sänkas till varning"),
        ("    INT01: fel\n", None),  # fel form: schemat säger till
        ("    INTT001: fel\n", "Det finns ingen regel INTT001. Menade du INT001?"),
    ],
)
def test_okanda_och_sankta_nivaer_ar_fel(exempel: Path, rad: str, text: str | None) -> None:
    _ersatt(exempel / "huset.yaml", "    INT001: fel\n", "    INT001: fel\n" + rad)
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    if text is None:
        assert "SCH001" in svar.stdout
        return
    [fynd] = _fynd(exempel, "REG001")
    assert fynd["rad"] == _rad(exempel / "huset.yaml", rad.strip()) and text in str(fynd["text"])
