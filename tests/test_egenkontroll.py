"""Egenkontrollen: frekvensen, reglerna EGK001–EGK003, kommandona och rapportens avsnitt."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import git
import pytest

from kvalitet import egenkontrollen, kontroll, yamlio
from kvalitet.arbete import egenkontroll as arbete
from kvalitet.modell.egenkontroll import FREKVENS_MANADER, Frekvens
from kvalitet.rapporter import egenkontroll as rapport
from kvalitet.verksamhet import ladda
from tests.conftest import EXEMPEL, PER, bygg_tradet, kor

PLAN = """
kontrollmoment:
  - id: aktgranskning
    kontrollmoment: Aktgranskning av utredningstider.
    metod: aktgranskning
    frekvens: kvartal
    ansvarig: enhetschef
    rum: processer
    process: handlaggning
  - id: enkat
    kontrollmoment: Brukarenkät om bemötandet.
    metod: enkät
    frekvens: år
    ansvarig: kvalitetssamordnare
"""
# Rader i PLAN: 2 = första momentets ”- id:”, 7 = rum, 8 = process, 9 = andra momentet.

RESULTAT = """
id: EK-2026-001
kontrollmoment: aktgranskning
datum: 2026-09-15
utförd_av: enhetschef
urval:
  antal: 12
resultat: Alla utredningar var klara i tid.
brister: []
status: genomförd
"""
# Rader i RESULTAT: 2 = kontrollmoment, 8 = brister.

BRISTER = """brister:
  - Två utredningar saknade beslut om förlängning.
"""

ATGARD = """åtgärder:
  - id: A1
    åtgärd: Bevaka utredningstiderna varje vecka.
    ansvarig: enhetschef
    klart_senast: 2026-10-01
    uppföljning: 2026-12-01
    status: planerad
"""

RESULTATFIL = "egenkontroll/2026/EK-2026-001.yaml"


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def fynd(rot: Path, regel: str, per: str = PER) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def texter(rot: Path, regel: str, per: str = PER) -> list[str]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [b.fynd.text for b in resultat.fynd if b.fynd.regel == regel]


def med_plan(rot: Path, plan: str = PLAN, **resultat: str) -> Path:
    filer = {"egenkontroll.yaml": plan}
    filer.update({f"egenkontroll/2026/{namn}.yaml": text for namn, text in resultat.items()})
    return bygg_tradet(rot, filer)


def rad_i(fil: Path, borjan: str) -> int:
    rader = fil.read_text(encoding="utf-8").splitlines()
    return next(nr for nr, rad in enumerate(rader, 1) if rad.strip().startswith(borjan))


def las(fil: Path) -> dict[str, Any]:
    data = yamlio.las(fil.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# Frekvensen


def test_varje_frekvens_har_sitt_antal_manader_i_tabellen() -> None:
    assert {f: FREKVENS_MANADER[f] for f in Frekvens} == {
        Frekvens.manad: 1,
        Frekvens.kvartal: 3,
        Frekvens.halvar: 6,
        Frekvens.ar: 12,
    }


@pytest.mark.parametrize(
    ("senast", "frekvens", "nasta"),
    [
        (date(2026, 1, 31), Frekvens.manad, date(2026, 2, 28)),  # månadsslut
        (date(2024, 1, 31), Frekvens.manad, date(2024, 2, 29)),  # skottår
        (date(2024, 2, 29), Frekvens.ar, date(2025, 2, 28)),  # skottdagen, året efter
        (date(2023, 2, 28), Frekvens.ar, date(2024, 2, 28)),
        (date(2026, 8, 31), Frekvens.halvar, date(2027, 2, 28)),
        (date(2026, 11, 30), Frekvens.kvartal, date(2027, 2, 28)),
        (date(2023, 11, 30), Frekvens.kvartal, date(2024, 2, 29)),
        (date(2026, 12, 15), Frekvens.manad, date(2027, 1, 15)),  # över årsskiftet
        (date(2026, 3, 31), Frekvens.kvartal, date(2026, 6, 30)),
    ],
)
def test_nasta_gang_samma_dag_eller_manadens_sista(
    senast: date, frekvens: Frekvens, nasta: date
) -> None:
    assert egenkontrollen.nasta_gang(senast, frekvens) == nasta


def test_luckor_under_ett_ar() -> None:
    # Kvartal från 1 januari: 1 april passerar innan kontrollen 10 maj, sedan i tid.
    datumen = [date(2026, 5, 10), date(2026, 8, 1)]
    luckor = list(egenkontrollen.luckor(date(2026, 1, 1), datumen, Frekvens.kvartal, PER_DAG))
    assert luckor == [(date(2026, 4, 1), date(2026, 5, 10)), (date(2026, 11, 1), PER_DAG)]


PER_DAG = date.fromisoformat(PER)


# EGK001


def test_egk001_moment_utan_resultat_raknas_fran_arshjulets_infort(liten: Path) -> None:
    med_plan(liten)
    # Huset infördes 2026-01-01: kvartalet löpte ut 2026-04-01; årsmomentet först 2027-01-01.
    assert fynd(liten, "EGK001") == [("egenkontroll.yaml", 2, "EGK001")]
    (text,) = texter(liten, "EGK001")
    assert "aktgranskning" in text
    assert "2026-04-01" in text
    assert "243 dagar" in text
    assert "årshjulets infört" in text


def test_egk001_momentets_fran_gar_fore_planens(liten: Path) -> None:
    plan = "från: 2026-06-01" + PLAN
    med_plan(liten, plan)
    assert fynd(liten, "EGK001") == [("egenkontroll.yaml", 3, "EGK001")]
    assert "planens från" in texter(liten, "EGK001")[0]
    plan = plan.replace(
        "    process: handlaggning\n", "    process: handlaggning\n    från: 2026-10-01\n"
    )
    med_plan(liten, plan)
    assert fynd(liten, "EGK001") == []


@pytest.mark.parametrize(
    ("per", "forsenad"),
    [("2026-12-15", False), ("2026-12-16", True), ("2026-09-16", False)],
)
def test_egk001_granen_ar_dagen_efter_nasta_gang(liten: Path, per: str, forsenad: bool) -> None:
    med_plan(liten, **{"EK-2026-001": RESULTAT})
    assert bool(fynd(liten, "EGK001", per)) == forsenad
    if forsenad:
        assert "1 dag försenat" in texter(liten, "EGK001", per)[0]


def test_egk001_kontroll_som_pagar_eller_ligger_efter_per_raknas_inte(liten: Path) -> None:
    med_plan(liten, **{"EK-2026-001": RESULTAT.replace("genomförd", "pågår")})
    assert fynd(liten, "EGK001") == [("egenkontroll.yaml", 2, "EGK001")]
    med_plan(liten, **{"EK-2026-001": RESULTAT})
    assert fynd(liten, "EGK001") == []
    assert fynd(liten, "EGK001", "2026-09-01") == [("egenkontroll.yaml", 2, "EGK001")]


def test_exemplet_har_inga_forsenade_kontrollmoment() -> None:
    svar = kor("kontrollera", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "EGK" not in svar.stdout
    assert "1 egenkontrollplan, 11 egenkontrollresultat" in svar.stdout


def test_utlopt_kontrollmoment_i_exemplet_ger_slutkod_1_med_regel_och_rad(exempel: Path) -> None:
    # Utan kontrollen 29 oktober gjordes utredningstid-barn senast 6 augusti: kvartalet
    # löpte ut 6 november, 24 dagar före bedömningsdagen.
    (exempel / "egenkontroll/2026/EK-2026-009.yaml").unlink()
    rad = rad_i(exempel / "egenkontroll.yaml", "- id: utredningstid-barn")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    (fel,) = [r for r in svar.stdout.splitlines() if "EGK001" in r]
    assert f"egenkontroll.yaml:{rad}:5: fel EGK001" in fel, svar
    assert "2026-08-06" in fel
    assert "2026-11-06" in fel
    assert "24 dagar" in fel


# EGK002


def test_egk002_brister_utan_atgard(liten: Path) -> None:
    text = RESULTAT.replace("brister: []\n", BRISTER)
    med_plan(liten, **{"EK-2026-001": text})
    assert fynd(liten, "EGK002") == [(RESULTATFIL, 8, "EGK002")]
    assert kor("kontrollera", str(liten), "--per", PER).slutkod == 1


def test_egk002_atgard_eller_motivering_racker(liten: Path) -> None:
    med_plan(liten, **{"EK-2026-001": RESULTAT.replace("brister: []\n", BRISTER + ATGARD)})
    assert fynd(liten, "EGK002") == []
    motivering = BRISTER + "inga_åtgärder_motivering: Bristen åtgärdades vid granskningen.\n"
    med_plan(liten, **{"EK-2026-001": RESULTAT.replace("brister: []\n", motivering)})
    assert fynd(liten, "EGK002") == []


def test_resultatets_atgarder_syns_for_atg001_och_handlingsplanen(liten: Path) -> None:
    med_plan(liten, **{"EK-2026-001": RESULTAT.replace("brister: []\n", BRISTER + ATGARD)})
    assert fynd(liten, "ATG001") == [(RESULTATFIL, 14, "ATG001")]
    svar = kor("handlingsplan", "-C", str(liten), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "egenkontroll EK-2026-001 A1" in svar.stdout
    assert "Processer och rutiner" in svar.stdout  # kontrollmomentets rum


# EGK003


def test_egk003_okant_kontrollmoment_med_forslag(liten: Path) -> None:
    med_plan(
        liten, **{"EK-2026-001": RESULTAT.replace("moment: aktgranskning", "moment: aktgransk")}
    )
    assert fynd(liten, "EGK003") == [(RESULTATFIL, 2, "EGK003")]
    assert "menade du ”aktgranskning”?" in texter(liten, "EGK003")[0]


def test_egk003_resultat_utan_plan_och_trasig_plan(liten: Path) -> None:
    bygg_tradet(liten, {RESULTATFIL: RESULTAT})
    assert fynd(liten, "EGK003") == [(RESULTATFIL, 2, "EGK003")]
    assert "ingen egenkontrollplan" in texter(liten, "EGK003")[0]
    # En plan med fel ger sitt eget fynd (SCH001), inte ett EGK003 för varje resultat.
    med_plan(liten, PLAN.replace("frekvens: kvartal", "frekvens: varannan vecka"))
    assert fynd(liten, "EGK003") == []
    assert fynd(liten, "SCH001") == [("egenkontroll.yaml", 5, "SCH001")]


# Hänvisningar, id och filnamn


def test_momentets_rum_och_process_provas(liten: Path) -> None:
    plan = PLAN.replace("rum: processer", "rum: procesr").replace(
        "process: handlaggning", "process: handlagning"
    )
    med_plan(liten, plan)
    assert fynd(liten, "REF001") == [("egenkontroll.yaml", 7, "REF001")]
    assert fynd(liten, "REF003") == [("egenkontroll.yaml", 8, "REF003")]


def test_samma_moment_id_tva_ganger_och_fel_filnamn(liten: Path) -> None:
    med_plan(liten, PLAN.replace("id: enkat", "id: aktgranskning"))
    assert fynd(liten, "ID001") == [("egenkontroll.yaml", 9, "ID001")]
    bygg_tradet(liten, {"egenkontroll/2025/EK-2026-002.yaml": RESULTAT})
    assert fynd(liten, "ID002") == [
        ("egenkontroll/2025/EK-2026-002.yaml", 1, "ID002"),
        ("egenkontroll/2025/EK-2026-002.yaml", 3, "ID002"),
    ]


def test_okanda_nycklar_och_falska_varden_ar_fel(liten: Path) -> None:
    text = RESULTAT.replace("urval:\n  antal: 12", "urval:\n  antal: tolv").replace(
        "status: genomförd", "status: klar"
    )
    med_plan(liten, **{"EK-2026-001": text + "personer: [a, b]\n"})
    assert {rad for _, rad, _ in fynd(liten, "SCH001")} == {6, 9, 10}


# kvalitet egenkontroll status


def test_status_for_exemplet_visar_varje_moment_i_tid() -> None:
    svar = kor("egenkontroll", "status", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    for moment in (
        "utredningstid-barn",
        "delaktighet-dokumentation",
        "handlaggningstid-ekb",
        "lex-sarah-rutin",
        "besok-placerade",
        "delat-beslutsfattande",
    ):
        assert moment in svar.stdout
    assert svar.stdout.count("i tid") == 6
    assert "2026-10-29" in svar.stdout  # senast utförd
    assert "2027-01-29" in svar.stdout  # nästa gång
    assert "0 försenade" in svar.stdout


def test_status_visar_forsenad_och_aldrig_utford(liten: Path) -> None:
    med_plan(liten)
    svar = kor("egenkontroll", "status", "-C", str(liten), "--per", PER)
    assert svar.slutkod == 0, svar
    assert re.search(r"aktgranskning .*försenad 243 dagar", svar.stdout), svar
    assert re.search(r"enkat .*2027-01-01 +aldrig utförd", svar.stdout), svar
    assert "1 försenat" in svar.stdout


@pytest.mark.parametrize(
    ("filer", "argument", "ord_"),
    [
        ({}, ("--per", "2026-13-01"), "inget giltigt datum"),
        ({}, ("--per", PER), "ingen egenkontrollplan"),
    ],
)
def test_status_med_dalig_indata_ger_slutkod_2(
    liten: Path, filer: dict[str, str], argument: tuple[str, ...], ord_: str
) -> None:
    bygg_tradet(liten, filer)
    svar = kor("egenkontroll", "status", "-C", str(liten), *argument)
    assert svar.slutkod == 2, svar
    assert ord_ in svar.stderr
    assert "Traceback" not in svar.stdout + svar.stderr


def test_status_med_en_trasig_plan_ger_slutkod_1(liten: Path) -> None:
    # En trasig fil är inget användningsfel; den ska rättas (issue 14.5).
    bygg_tradet(liten, {"egenkontroll.yaml": "kontrollmoment: inga\n"})
    svar = kor("egenkontroll", "status", "-C", str(liten), "--per", PER)
    assert svar.slutkod == 1, svar
    ord_ = "har fel"
    assert ord_ in svar.stderr
    assert "Traceback" not in svar.stdout + svar.stderr


# kvalitet egenkontroll ny


def test_ny_skapar_en_fil_som_klarar_kontrollen(exempel: Path) -> None:
    svar = kor("egenkontroll", "ny", "utredningstid", "-C", str(exempel), "--datum", "2026-11-20")
    assert svar.slutkod == 0, svar
    (fil,) = (exempel / "egenkontroll/2026").glob("EK-2026-011-*.yaml")
    assert f"Skapade egenkontroll/2026/{fil.name}" in svar.stdout
    data = las(fil)
    assert data["id"] == fil.stem
    assert data["kontrollmoment"] == "utredningstid-barn"
    assert data["datum"] == date(2026, 11, 20)
    assert data["status"] == "pågår"
    assert data["brister"] == [] and data["åtgärder"] == []
    assert data["urval"] == {"antal": None, "beskrivning": None}
    text = fil.read_text(encoding="utf-8")
    assert "# Rollen som gjorde kontrollen, aldrig ett namn" in text
    assert "enhetschef barn och familj" in text  # planens ansvariga som ledtråd
    assert kor("kontrollera", str(exempel), "--per", PER).slutkod == 0


def test_ny_far_ett_id_som_inte_krockar(liten: Path) -> None:
    med_plan(liten, **{"EK-2026-001": RESULTAT})
    v = ladda(liten)
    skapad = arbete.ny(v, "enkat", date(2026, 11, 20), slump=lambda: "abcd")
    assert skapad.id == "EK-2026-002-abcd"
    assert skapad.andring.sokvag == liten / "egenkontroll/2026/EK-2026-002-abcd.yaml"
    forsta = kor("egenkontroll", "ny", "enkat", "-C", str(liten), "--datum", "2026-11-20")
    andra = kor("egenkontroll", "ny", "enkat", "-C", str(liten), "--datum", "2026-11-20")
    assert forsta.slutkod == andra.slutkod == 0, (forsta, andra)
    assert len(list((liten / "egenkontroll/2026").glob("*.yaml"))) == 3


def test_ifylld_kontroll_raknas_for_frekvensen(liten: Path) -> None:
    med_plan(liten)
    assert kor("egenkontroll", "ny", "akt", "-C", str(liten), "--datum", "2026-11-20").slutkod == 0
    (fil,) = (liten / "egenkontroll/2026").glob("*.yaml")
    assert fynd(liten, "EGK001") == [("egenkontroll.yaml", 2, "EGK001")]  # pågår
    fil.write_text(
        fil.read_text(encoding="utf-8").replace("status: pågår", "status: genomförd"),
        encoding="utf-8",
    )
    assert fynd(liten, "EGK001") == []


@pytest.mark.parametrize(
    ("argument", "ord_"),
    [
        (("aktgransknig",), "Menade du ”aktgranskning”?"),
        (("okand",), "Planens kontrollmoment: aktgranskning, enkat"),
        ((), "Argumentet MOMENT saknas"),
        (("enkat", "--datum", "30/11"), "inget giltigt datum för --datum"),
    ],
)
def test_ny_med_dalig_indata_ger_slutkod_2(
    liten: Path, argument: tuple[str, ...], ord_: str
) -> None:
    med_plan(liten)
    svar = kor("egenkontroll", "ny", *argument, "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert ord_ in svar.stderr, svar
    assert not (liten / "egenkontroll").exists()


def test_ny_med_tvetydigt_prefix_och_utan_plan(liten: Path) -> None:
    svar = kor("egenkontroll", "ny", "akt", "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "ingen egenkontrollplan" in svar.stderr
    med_plan(liten, PLAN.replace("id: enkat", "id: aktgranskning-ar"))
    svar = kor("egenkontroll", "ny", "akt", "-C", str(liten))
    assert svar.slutkod == 2, svar
    assert "passar flera kontrollmoment" in svar.stderr


# Kvalitetsberättelsen


def test_kvalitetsberattelsen_har_egenkontrollen(tmp_path: Path) -> None:
    ut = tmp_path / "kb.md"
    svar = kor(
        "rapport", "kvalitetsberattelse", "-C", str(EXEMPEL), "--ar", "2026",
        "--per", PER, "--ut", str(ut),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    text = ut.read_text(encoding="utf-8")
    avsnitt = text[text.index("### Egenkontroll") : text.index("### Brukarinflytande")]
    assert "6 av 6 kontrollmoment har hållit sin frekvens" in avsnitt
    assert "| Frekvensen hållen |" in avsnitt
    assert "Brist: Utredningstiden överskred fyra månader" in avsnitt
    assert "egenkontroll EK-2026-001 A2" in avsnitt
    assert "6 av 6 kontrollmoment i egenkontrollen höll sin frekvens" in text


def test_kvalitetsberattelsen_i_html_har_egenkontrollen(tmp_path: Path) -> None:
    ut = tmp_path / "kb.html"
    svar = kor(
        "rapport", "kvalitetsberattelse", "-C", str(EXEMPEL), "--ar", "2026",
        "--per", PER, "--format", "html", "--ut", str(ut),
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    text = ut.read_text(encoding="utf-8")
    assert '<h3 id="egenkontroll">Egenkontroll</h3>' in text
    assert "<h4>Årets kontroller</h4>" in text
    assert '<abbr title="Frekvensen hållen under året">Hållen</abbr>' in text


def test_avsnittet_plan_mot_genomfort_och_sma_urval(liten: Path) -> None:
    andra = RESULTAT.replace("EK-2026-001", "EK-2026-002").replace("2026-09-15", "2026-05-10")
    andra = andra.replace("antal: 12", "antal: 3")
    med_plan(liten, **{"EK-2026-001": RESULTAT, "EK-2026-002": andra})
    egk = rapport.avsnitt(ladda(liten), 2026, PER_DAG, 5)
    akt, enkat = egk.moment
    assert (akt.planerade, akt.genomforda, akt.senast) == (4, 2, date(2026, 9, 15))
    assert not akt.hallen  # 1 april passerade utan kontroll
    assert akt.lage == "i tid"
    assert (enkat.planerade, enkat.genomforda, enkat.hallen) == (1, 0, True)
    assert enkat.lage == "aldrig utförd"
    assert egk.hallna == 1
    assert [k.urval for k in egk.kontroller] == ["färre än 5", "12"]
    assert rapport.avsnitt(ladda(liten), 2026, PER_DAG, None).kontroller[0].urval == "3"
    # Ett år senare, utan nya kontroller: kvartalet löpte ut 15 december 2026.
    senare = rapport.avsnitt(ladda(liten), 2027, date(2027, 3, 1), 5)
    assert senare.moment[0].lage == "försenad 76 dagar"
    assert senare.kontroller == []


def test_avsnittet_utan_plan_finns_kvar(liten: Path) -> None:
    egk = rapport.avsnitt(ladda(liten), 2026, PER_DAG, 5)
    assert not egk.har_plan
    assert egk.moment == [] and egk.kontroller == []


# kvalitet andringar


def test_andringar_namner_ny_och_genomford_egenkontroll(exempel: Path) -> None:
    repo = git.Repo.init(exempel, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    repo.create_head("arbete").checkout()
    svar = kor("egenkontroll", "ny", "besok", "-C", str(exempel), "--datum", "2026-11-20")
    assert svar.slutkod == 0, svar
    fil = exempel / "egenkontroll/2026/EK-2026-008.yaml"
    fil.write_text(
        fil.read_text(encoding="utf-8").replace("status: avslutad", "status: genomförd"),
        encoding="utf-8",
    )
    svar = kor("andringar", "--bas", "main", "-C", str(exempel), "--per", PER, "--format", "json")
    assert svar.slutkod == 0, svar
    andringar = json.loads(svar.stdout)["ändringar"]
    assert [p["slag"] for p in andringar] == ["Egenkontroll", "Egenkontroll"]
    assert (
        andringar[0]["text"]
        == "Egenkontrollen EK-2026-008: status avslutad → genomförd (0 brister)"
    )
    assert (
        andringar[1]["text"] == "Ny egenkontroll av besok-placerade 2026-11-20 (pågår, 0 brister)"
    )
