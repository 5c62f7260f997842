"""Riskanalyserna: modellen, reglerna RSK001–RSK003, `kvalitet riskanalys ny|lista`,
riskmatrisen som SVG och avsnittet i rapporterna."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date
from pathlib import Path

import git
import pytest
from pydantic import ValidationError

from kvalitet import kontroll
from kvalitet.arbete import riskanalys as arbete
from kvalitet.modell import filtyp_for
from kvalitet.modell.riskanalys import KONSEKVENS, SANNOLIKHET, Risk, Riskanalys
from kvalitet.rapporter.bilder import matrisvy, riskmatrisbild, riskniva
from kvalitet.risker import hog_risk_fran, matris
from kvalitet.verksamhet import ladda
from tests.conftest import HUSET, PER, bygg_tradet, kor

FIL = "riskanalyser/RA-2026-001.yaml"
EXEMPLETS = "riskanalyser/RA-2026-002.yaml"
SVG = "{http://www.w3.org/2000/svg}"

# Raderna är kända: R1 (3 × 4) har en åtgärd, R2 (3 × 3) är accepterad, R3 (2 × 3) är låg.
# Åtgärden följs upp efter PER, så att den ännu inte behöver en effekt (ATG003).
ANALYS = """
id: RA-2026-001
rubrik: Bemanningen under sommaren
datum: 2026-04-21
anledning: periodisk
omfattning:
  rum: trygghet
  process: handlaggning
deltagare: [enhetschef]
risker:
  - id: R1
    risk: Skyddsbedömningen dröjer.
    sannolikhet: 3
    konsekvens: 4
    åtgärder:
      - id: A1
        åtgärd: Bemanna mottagningen.
        ansvarig: enhetschef
        klart_senast: 2026-05-29
        uppföljning: 2026-12-08
        status: klar
  - id: R2
    risk: Utredningar blir sena.
    sannolikhet: 3
    konsekvens: 3
    accepterad: true
    motivering: Utredningarna prioriteras efter skyddsbehov.
  - id: R3
    risk: Telefontiderna blir kortare.
    sannolikhet: 2
    konsekvens: 3
status: genomförd
"""


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


@pytest.fixture
def med_analys(liten: Path) -> Path:
    """Den lilla verksamheten med en genomförd riskanalys utan fynd."""
    return bygg_tradet(liten, {FIL: ANALYS})


def fynd(rot: Path, *regler: str) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(PER))
    return [
        (b.fynd.fil, b.fynd.rad, b.fynd.regel)
        for b in resultat.fynd
        if not regler or b.fynd.regel in regler
    ]


def ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert text.count(gammalt) == 1, gammalt
    fil.write_text(text.replace(gammalt, nytt), encoding="utf-8")


def rad_for(fil: Path, text: str, start: int = 1) -> int:
    """Radnumret (från 1) för den första raden från `start` som innehåller texten."""
    rader = fil.read_text(encoding="utf-8").splitlines()
    return next(i for i, rad in enumerate(rader, start=1) if i >= start and text in rad)


# --- Modellen --------------------------------------------------------------------------


def test_riskvardet_raknas_ut_och_hogsta_vardet() -> None:
    analys = Riskanalys.model_validate(_data(ANALYS))
    assert [r.varde for r in analys.risker] == [12, 9, 6]
    assert analys.hogsta_varde() == 12
    assert Risk(risk="x", sannolikhet=2).varde is None
    assert Risk(risk="x").har_atgard() is False
    assert Risk(risk="x", accepterad=True).ar_accepterad() is False


def test_skalorna_har_fyra_namngivna_steg() -> None:
    assert SANNOLIKHET == {1: "mycket liten", 2: "liten", 3: "stor", 4: "mycket stor"}
    assert KONSEKVENS == {1: "mindre", 2: "måttlig", 3: "betydande", 4: "katastrofal"}


@pytest.mark.parametrize(
    ("andring", "nyckel"),
    [
        ({"sannolikhet": 5}, "sannolikhet"),
        ({"konsekvens": 0}, "konsekvens"),
        ({"sannolikhet": "3"}, "sannolikhet"),
        ({"riskvärde": 17}, "riskvärde"),
        ({"okänd": 1}, "okänd"),
    ],
)
def test_ogiltiga_risker(andring: dict[str, object], nyckel: str) -> None:
    with pytest.raises(ValidationError) as fel:
        Risk.model_validate({"risk": "x", **andring})
    assert fel.value.errors()[0]["loc"] == (nyckel,)


def test_filtypen_ligger_i_riskanalyser() -> None:
    filtyp = filtyp_for("riskanalyser/RA-2026-001.yaml")
    assert filtyp is not None and filtyp.modell is Riskanalys
    assert filtyp_for("riskanalyser/2026/RA-2026-001.yaml") is None


def test_omfattning_utan_rum_och_process_ar_fel_pa_svenska(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "  rum: trygghet\n  process: handlaggning\n", "  beskrivning: Sommaren.\n")
    assert fynd(med_analys, "SCH001") == [(FIL, 5, "SCH001")]
    svar = kor("kontrollera", str(med_analys), "--per", PER)
    assert svar.slutkod == 1, svar
    assert "ange rum, process eller båda" in svar.stdout, svar


def test_den_lilla_analysen_ar_utan_fynd(med_analys: Path) -> None:
    assert fynd(med_analys) == []


# --- RSK001 ----------------------------------------------------------------------------


def test_rsk001_risk_utan_konsekvens_i_genomford_analys(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    sannolikhet: 2\n    konsekvens: 3\n", "    sannolikhet: 2\n    konsekvens:\n")
    assert fynd(med_analys, "RSK001") == [(FIL, 30, "RSK001")]


def test_rsk001_risk_utan_beskrivning_och_sannolikhet_pekar_pa_risken(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    risk: Telefontiderna blir kortare.\n    sannolikhet: 2\n", "")
    assert fynd(med_analys, "RSK001") == [(FIL, 27, "RSK001")]


def test_rsk001_planerad_analys_far_vanta_med_bedomningen(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    sannolikhet: 2\n    konsekvens: 3\n", "")
    ersatt(fil, "status: genomförd", "status: planerad")
    assert fynd(med_analys, "RSK001") == []
    ersatt(fil, "status: planerad", "status: uppföljd")
    assert fynd(med_analys, "RSK001") == [(FIL, 27, "RSK001")]


# --- RSK002 ----------------------------------------------------------------------------


def test_rsk002_hog_risk_utan_atgard(med_analys: Path) -> None:
    fil = med_analys / FIL
    text = fil.read_text(encoding="utf-8")
    borjan, slut = text.index("    åtgärder:\n"), text.index("  - id: R2")
    fil.write_text(text[:borjan] + text[slut:], encoding="utf-8")
    assert fynd(med_analys, "RSK002") == [(FIL, 10, "RSK002")]


def test_rsk002_en_avbruten_atgard_raknas_inte(med_analys: Path) -> None:
    ersatt(med_analys / FIL, "        status: klar\n", "        status: avbruten\n")
    assert fynd(med_analys, "RSK002") == [(FIL, 14, "RSK002")]


def test_rsk002_accepterad_utan_motivering(med_analys: Path) -> None:
    ersatt(med_analys / FIL, "    motivering: Utredningarna prioriteras efter skyddsbehov.\n", "")
    assert fynd(med_analys, "RSK002") == [(FIL, 25, "RSK002")]


def test_rsk002_galler_ocksa_en_planerad_analys(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    accepterad: true\n", "")
    ersatt(fil, "status: genomförd", "status: planerad")
    assert fynd(med_analys, "RSK002") == [(FIL, 21, "RSK002")]


def test_rsk002_granen_kommer_fran_huset(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    accepterad: true\n", "")
    assert fynd(med_analys, "RSK002") == [(FIL, 21, "RSK002")]
    # Med gränsen 10 är 3 × 3 = 9 inte längre en hög risk; med 6 är 2 × 3 = 6 det.
    (med_analys / "huset.yaml").write_text(
        HUSET.lstrip() + "regler:\n  risk:\n    hög_risk_från: 10\n", encoding="utf-8"
    )
    assert hog_risk_fran(ladda(med_analys)) == 10
    assert fynd(med_analys, "RSK002") == []
    ersatt(med_analys / "huset.yaml", "hög_risk_från: 10", "hög_risk_från: 6")
    assert fynd(med_analys, "RSK002") == [(FIL, 21, "RSK002"), (FIL, 26, "RSK002")]


def test_standardgransen_ar_8(liten: Path) -> None:
    assert hog_risk_fran(ladda(liten)) == 8


def test_en_ogiltig_grans_i_huset_ar_ett_formatfel(med_analys: Path) -> None:
    (med_analys / "huset.yaml").write_text(
        HUSET.lstrip() + "regler:\n  risk:\n    hög_risk_från: 17\n", encoding="utf-8"
    )
    rad = rad_for(med_analys / "huset.yaml", "hög_risk_från")
    assert ("huset.yaml", rad, "SCH001") in fynd(med_analys)


# --- RSK003 ----------------------------------------------------------------------------


def test_rsk003_ett_ifyllt_riskvarde_ska_stamma(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "    konsekvens: 4\n", "    konsekvens: 4\n    riskvärde: 12\n")
    assert fynd(med_analys, "RSK003") == []
    ersatt(fil, "    riskvärde: 12\n", "    riskvärde: 7\n")
    assert fynd(med_analys, "RSK003") == [(FIL, 14, "RSK003")]


# --- Hänvisningar, id och åtgärder -------------------------------------------------------


def test_okant_rum_och_okand_process_i_omfattningen(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "  rum: trygghet\n  process: handlaggning\n", "  rum: trygget\n  process: x\n")
    assert fynd(med_analys, "REF001", "REF003") == [(FIL, 6, "REF001"), (FIL, 7, "REF003")]


def test_filnamnet_och_id_och_riskernas_id(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "id: RA-2026-001\n", "id: RA-2026-009\n")
    ersatt(fil, "  - id: R2\n", "  - id: R1\n")
    assert fynd(med_analys, "ID001", "ID002") == [(FIL, 1, "ID002"), (FIL, 21, "ID001")]


def test_atgarderna_ses_av_atg001_atg002_och_handlingsplanen(med_analys: Path) -> None:
    fil = med_analys / FIL
    ersatt(fil, "        status: klar\n", "        status: pågår\n")
    ersatt(fil, "        ansvarig: enhetschef\n", "")
    assert fynd(med_analys, "ATG001", "ATG002") == [(FIL, 15, "ATG002"), (FIL, 17, "ATG001")]
    svar = kor("handlingsplan", "-C", str(med_analys), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "riskanalys RA-2026-001 A1" in svar.stdout, svar


# --- Exemplet (must show) ----------------------------------------------------------------


def test_exemplet_har_riskanalyser_och_klarar_kontrollen(exempel: Path) -> None:
    v = ladda(exempel)
    assert len(v.riskanalyser) >= 2
    varden = [r.varde for _, a in v.riskanalyser for r in a.risker]
    assert any(x is not None and x >= 8 for x in varden)
    assert any(x is not None and x < 8 for x in varden)
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar


def test_en_omitigerad_hog_risk_i_exemplet_ger_slutkod_1_med_regel_och_rad(
    exempel: Path,
) -> None:
    fil = exempel / EXEMPLETS
    text = fil.read_text(encoding="utf-8")
    # Den första risken (R1, 3 × 4) förlorar sin enda åtgärd.
    borjan = text.index("    åtgärder:\n")
    slut = text.index("  - id: R2")
    fil.write_text(text[:borjan] + text[slut:], encoding="utf-8")
    rad = rad_for(fil, "  - id: R1")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    assert re.search(rf"{EXEMPLETS}:{rad}:\d+: fel RSK002 ", svar.stdout), svar
    assert "riskvärdet 12 (3 × 4)" in svar.stdout, svar


# --- POS001: en uppföljd analys ändras bara genom uppföljning -----------------------------


@pytest.fixture
def forrad(med_analys: Path) -> Path:
    ersatt(med_analys / FIL, "status: genomförd", "status: uppföljd")
    repo = git.Repo.init(med_analys, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Analysen")
    return med_analys


def test_pos001_uppfoljd_analys_far_foljas_upp_men_inte_skrivas_om(forrad: Path) -> None:
    fil = forrad / FIL
    ersatt(fil, "        status: klar\n", "        status: klar\n        effekt: Det hjälpte.\n")
    fil.write_text(
        fil.read_text(encoding="utf-8")
        + "uppföljningar:\n  - datum: 2026-09-08\n    text: Följdes upp.\n",
        encoding="utf-8",
    )
    assert kor("kontrollera", str(forrad), "--per", PER, "--bas", "main").slutkod == 0
    ersatt(fil, "    konsekvens: 4\n", "    konsekvens: 3\n")
    svar = kor("kontrollera", str(forrad), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    assert f"{FIL}:13:" in svar.stdout and "POS001" in svar.stdout, svar


# --- kvalitet riskanalys ny ----------------------------------------------------------------


def ny(mapp: Path, *alternativ: str):
    return kor("riskanalys", "ny", "-C", str(mapp), *alternativ)


def test_ny_skapar_en_giltig_analys_med_mall(exempel: Path) -> None:
    svar = ny(
        exempel,
        "--rubrik",
        "Nytt arbetssätt i mottagningen",
        "--rum",
        "trygg",
        "--process",
        "Mottagande av orosanmälan",
        "--anledning",
        "ny_metod",
        "--datum",
        "2026-11-20",
    )
    assert svar.slutkod == 0, svar
    traff = re.search(r"riskanalyser/(RA-2026-003-[23456789a-z]{4})\.yaml", svar.stdout)
    assert traff, svar
    fil = exempel / traff.group(0)
    text = fil.read_text(encoding="utf-8")
    assert "# sannolikhet: 1 mycket liten, 2 liten, 3 stor, 4 mycket stor" in text
    assert "# konsekvens: 1 mindre, 2 måttlig, 3 betydande, 4 katastrofal" in text
    assert "Från 8 är risken hög" in text
    dok = next(d for d in ladda(exempel).dokument if d.relativ == traff.group(0))
    assert not dok.valideringsfel and isinstance(dok.modell, Riskanalys)
    analys = dok.modell
    assert (analys.id, analys.anledning, analys.status) == (traff.group(1), "ny_metod", "planerad")
    assert (analys.omfattning.rum, analys.omfattning.process) == ("trygghet", "orosanmalan")
    assert len(analys.risker) == 1 and analys.risker[0].varde is None
    kontroll_ = kor("kontrollera", str(exempel), "--per", PER)
    assert kontroll_.slutkod == 0, kontroll_


def test_ny_anvander_husets_grans_i_kommentaren(med_analys: Path) -> None:
    (med_analys / "huset.yaml").write_text(
        HUSET.lstrip() + "regler:\n  risk:\n    hög_risk_från: 9\n", encoding="utf-8"
    )
    fore = set((med_analys / "riskanalyser").iterdir())
    svar = ny(med_analys, "--rubrik", "Nytt", "--process", "handlaggning", "--datum", "2026-11-20")
    assert svar.slutkod == 0, svar
    (fil,) = set((med_analys / "riskanalyser").iterdir()) - fore
    text = fil.read_text(encoding="utf-8")
    assert "Från 9 är risken hög" in text
    assert "anledning: förändring" in text and "rum:" not in text


@pytest.mark.parametrize(
    ("alternativ", "text"),
    [
        (("--rubrik", "X"), "Ange vad riskanalysen gäller: --rum, --process eller båda."),
        (("--rubrik", "X", "--rum", "garaget"), "Det finns inget rum ”garaget”."),
        (("--rubrik", "X", "--process", "okand"), "finns inte i husets processregister"),
        (("--rubrik", "X", "--rum", "trygghet", "--anledning", "lust"), "--anledning"),
        (("--rubrik", "X", "--rum", "trygghet", "--datum", "2026-13-01"), "giltigt datum"),
        (("--rum", "trygghet"), "Alternativet --rubrik saknas."),
        (("--rubrik", "  ", "--rum", "trygghet"), "--rubrik får inte vara tomt."),
    ],
)
def test_ny_med_fel_indata_ger_slutkod_2_pa_svenska(
    exempel: Path, alternativ: tuple[str, ...], text: str
) -> None:
    fore = sorted((exempel / "riskanalyser").iterdir())
    svar = ny(exempel, *alternativ)
    assert svar.slutkod == 2, svar
    assert text in svar.stderr, svar
    assert "Traceback" not in svar.stdout + svar.stderr
    assert sorted((exempel / "riskanalyser").iterdir()) == fore


def test_nya_id_fortsatter_efter_de_upptagna(exempel: Path) -> None:
    v = ladda(exempel)
    uppgifter = arbete.Ny("X", date(2026, 11, 20), rum="trygghet")
    id_, andring = arbete.ny(v, uppgifter, slump=lambda: "abcd")
    assert id_ == "RA-2026-003-abcd"
    assert andring.sokvag == exempel / "riskanalyser" / "RA-2026-003-abcd.yaml"
    id_2027, _ = arbete.ny(
        v, arbete.Ny("X", date(2027, 1, 5), rum="trygghet"), slump=lambda: "abcd"
    )
    assert id_2027 == "RA-2027-001-abcd"


# --- kvalitet riskanalys lista ---------------------------------------------------------------


def test_lista_visar_analyserna_nyast_forst(exempel: Path) -> None:
    svar = kor("riskanalys", "lista", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    rader = [r for r in svar.stdout.splitlines() if r.strip().startswith("RA-")]
    assert [r.split()[0] for r in rader] == ["RA-2026-002", "RA-2026-001"]
    assert re.search(r"RA-2026-002\s+2026-09-15\s+Byte av verksamhetssystem", rader[0])
    assert re.search(r"\s4\s+12\s+genomförd", rader[0]), rader[0]
    assert "2 analyser, 4 höga risker (riskvärde från 8)." in svar.stdout


def test_lista_utan_analyser(liten: Path) -> None:
    svar = kor("riskanalys", "lista", "-C", str(liten))
    assert svar.slutkod == 0, svar
    assert "Inga riskanalyser än." in svar.stdout


# --- Riskmatrisen -------------------------------------------------------------------------


def test_riskniva_efter_gransen() -> None:
    assert [riskniva(v, 8)[0] for v in (1, 3, 4, 6, 8, 16)] == [
        "låg",
        "låg",
        "medelhög",
        "medelhög",
        "hög",
        "hög",
    ]


def test_matrisen_raknar_bara_bedomda_risker() -> None:
    risker = [Risk(sannolikhet=3, konsekvens=4), Risk(sannolikhet=3, konsekvens=4), Risk()]
    assert matris(risker) == Counter({(3, 4): 2})


def _barn(element: ET.Element, vag: str) -> ET.Element:
    hittat = element.find(vag)
    assert hittat is not None, vag
    return hittat


def _text(element: ET.Element, vag: str) -> str:
    return _barn(element, vag).text or ""


def _tal(element: ET.Element, attribut: str) -> int:
    return int(element.get(attribut, "-1"))


def test_svg_ar_valformad_med_ratt_antal_i_rutorna() -> None:
    antal = Counter({(3, 4): 2, (2, 4): 1, (1, 1): 5})
    bild = riskmatrisbild(antal, 8, "IFO 2026 <&>", obedomda=1)
    rot = ET.fromstring(str(bild.svg).split("-->", 1)[1])
    assert rot.tag == f"{SVG}svg"
    assert _text(rot, f"{SVG}title") == "Riskmatris: 8 bedömda risker"
    desc = _text(rot, f"{SVG}desc")
    assert "IFO 2026 <&>" in desc and "1 risk saknar" in desc
    rutor = rot.findall(f"{SVG}g[@class='ruta']")
    assert len(rutor) == 16
    sedda = {}
    for ruta in rutor:
        s, k = _tal(ruta, "data-sannolikhet"), _tal(ruta, "data-konsekvens")
        assert _tal(ruta, "data-riskvarde") == s * k
        texter = [t.text for t in ruta.findall(f"{SVG}text")]
        sedda[(s, k)] = _tal(ruta, "data-antal")
        # Riskvärdet i hörnet, och antalet i mitten när rutan har risker.
        vantat = [str(s * k), str(antal[(s, k)])] if antal[(s, k)] else [str(s * k)]
        assert texter == vantat
        assert _text(ruta, f"{SVG}title").endswith(
            f"{antal[(s, k)]} risker" if antal[(s, k)] != 1 else "1 risk"
        )
    assert sedda == {(s, k): antal[(s, k)] for s in range(1, 5) for k in range(1, 5)}
    hogsta = _barn(rot, f".//{SVG}g[@data-sannolikhet='3'][@data-konsekvens='4']")
    assert hogsta.get("data-niva") == "hög"


def test_svg_hamtar_inget_utifran_och_har_ingen_stil() -> None:
    svg = str(riskmatrisbild(Counter({(2, 2): 1}), 8, "IFO").svg)
    assert "href" not in svg and "<style" not in svg and "url(" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


def test_forklaringen_foljer_gransen() -> None:
    def texter(grans: int) -> list[str]:
        return [d.texter[0].text for d in matrisvy(Counter(), grans, "IFO").forklaring]

    assert texter(8) == ["låg risk (1–3)", "medelhög risk (4–7)", "hög risk (8–16)"]
    assert texter(12) == ["låg risk (1–5)", "medelhög risk (6–11)", "hög risk (12–16)"]
    assert texter(2) == ["medelhög risk (1)", "hög risk (2–16)"]


# --- Rapporterna ---------------------------------------------------------------------------


def test_rapporten_riskanalyser(exempel: Path, tmp_path: Path) -> None:
    ut = tmp_path / "ut"
    for format_ in ("md", "html"):
        fil = ut / f"risker.{format_}"
        svar = kor(
            "rapport",
            "riskanalyser",
            "-C",
            str(exempel),
            "--ar",
            "2026",
            "--per",
            PER,
            "--format",
            format_,
            "--ut",
            str(fil),
        )
        assert svar.slutkod == 0, svar
    md = (ut / "risker.md").read_text(encoding="utf-8")
    assert "Under 2026 gjordes 2 riskanalyser med sammanlagt 8 risker." in md
    assert "| 12 (hög) | Uppgifter i pågående ärenden" in md
    assert "| 4 | mycket stor | katastrofal |" in md
    assert "![Riskmatris: 8 bedömda risker](risker-riskmatris.svg)" in md
    ET.fromstring((ut / "risker-riskmatris.svg").read_text(encoding="utf-8").split("-->", 1)[1])
    html = (ut / "risker.html").read_text(encoding="utf-8")
    assert html.count('<g class="ruta"') == 16
    assert "Accepterad: Utredningarna prioriteras" in html


def test_kvalitetsberattelsen_har_avsnittet_riskanalyser(exempel: Path, tmp_path: Path) -> None:
    fil = tmp_path / "kb.md"
    svar = kor(
        "rapport", "kvalitetsberattelse", "-C", str(exempel), "--ar", "2026", "--per", PER,
        "--ut", str(fil),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    md = fil.read_text(encoding="utf-8")
    avsnitt = md.split("### Riskanalyser", 1)[1].split("\n### ", 1)[0]
    assert "#### De högsta riskerna" in avsnitt and "#### Skalorna" in avsnitt
    assert "kb-riskmatris.svg" in avsnitt
    assert "- 2 riskanalyser gjordes; 4 risker bedömdes som höga (riskvärde från 8)." in md
    assert (tmp_path / "kb-riskmatris.svg").is_file()


def test_kvalitetsberattelsen_utan_analyser_visar_luckan(liten: Path, tmp_path: Path) -> None:
    fil = tmp_path / "kb.md"
    svar = kor(
        "rapport", "kvalitetsberattelse", "-C", str(liten), "--ar", "2026", "--per", PER,
        "--ut", str(fil),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    avsnitt = fil.read_text(encoding="utf-8").split("### Riskanalyser", 1)[1].split("\n### ")[0]
    assert "*Ingen uppgift registrerad.*" in avsnitt
    assert not (tmp_path / "kb-riskmatris.svg").exists()


def _data(text: str) -> object:
    from kvalitet import yamlio

    return yamlio.las(text)
