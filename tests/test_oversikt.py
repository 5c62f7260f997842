"""`kvalitet handlingsplan` och `kvalitet status`: åtgärderna i alla rum, och läget på en skärm."""

from __future__ import annotations

import io
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kvalitet.arbete import avvikelse, handlingsplan, status
from kvalitet.modell._bas import Atgardsstatus
from kvalitet.modell.arshjul import Session
from kvalitet.modell.avvikelse import Avvikelse, Avvikelsetyp
from kvalitet.modell.egenkontroll import Egenkontrollresultat
from kvalitet.modell.riskanalys import Riskanalys
from kvalitet.svenska import MANADER
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Atgardsplats, Verksamhet, ladda
from tests.conftest import EXEMPEL, PER, kor

PER_DAG = date.fromisoformat(PER)
KALLA = (
    r"(?:session \d{4}|(?:avvikelse |egenkontroll EK-|riskanalys RA-)\d{4}-\d{3}(?:-\w{4})?)"
    r" A\d+"
)
RUMMEN = (
    "Processer och rutiner",
    "Helhetssyn och samverkan",
    "Trygghet och säkerhet",
    "Förhållningssätt och delat beslutsfattande",
    "Personal och kompetens",
    "Omvärldsbevakning",
)


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def rummet(plats: Atgardsplats) -> str:
    modell = plats.dok.modell
    if isinstance(modell, Session | Avvikelse):
        return modell.rum
    # Ett egenkontrollresultat får kontrollmomentets rum, en riskåtgärd analysens
    # omfattning; utan rum (bara en process) hör åtgärden inte till något rum.
    assert isinstance(modell, Egenkontrollresultat | Riskanalys)
    return plats.rum or ""


def kalla(plats: Atgardsplats) -> str:
    modell = plats.dok.modell
    if isinstance(modell, Session):
        return f"session {modell.år} {plats.atgard.id}"
    if isinstance(modell, Egenkontrollresultat):
        return f"egenkontroll {modell.id} {plats.atgard.id}"
    if isinstance(modell, Riskanalys):
        return f"riskanalys {modell.id} {plats.atgard.id}"
    assert isinstance(modell, Avvikelse)
    return f"avvikelse {modell.id} {plats.atgard.id}"


def kallor(text: str) -> Counter[str]:
    return Counter(re.findall(KALLA, text))


def handlingsplan_kor(*argv: str):
    return kor("handlingsplan", "-C", str(EXEMPEL), "--per", PER, "--alla", *argv)


def kontrollens_antal(mapp: Path) -> tuple[int, int]:
    svar = kor("kontrollera", str(mapp), "--per", PER, "--format", "json")
    antal = json.loads(svar.stdout)["antal"]
    return antal["fel"], antal["varning"]


def tabell_med(vy: list[Tabell | str], kolumn: str) -> Tabell:
    return next(del_ for del_ in vy if isinstance(del_, Tabell) and kolumn in del_.kolumner)


def rad_med(vy: list[Tabell | str], ord_: str) -> str:
    return next(del_ for del_ in vy if isinstance(del_, str) and ord_ in del_)


# handlingsplan


def test_forsenade_ar_bara_kompetensens_a2() -> None:
    svar = handlingsplan_kor("--forsenade")
    assert svar.slutkod == 0, svar
    assert kallor(svar.stdout) == Counter({"session 2026 A2": 1})
    assert "Personal och kompetens" in svar.stdout
    assert "2026-11-15" in svar.stdout
    valda = handlingsplan.valda(ladda(EXEMPEL), handlingsplan.Urval(forsenade=True), PER_DAG)
    assert [(p.dok.relativ, p.atgard.id) for p in valda] == [("arshjul/2026/kompetens.yaml", "A2")]


def test_forsenade_ar_samma_som_kontrollens_varning() -> None:
    kontroll = kor("kontrollera", str(EXEMPEL), "--per", PER, "--format", "json")
    fynd = [f for f in json.loads(kontroll.stdout)["fynd"] if f["regel"] == "ATG001"]
    valda = handlingsplan.valda(ladda(EXEMPEL), handlingsplan.Urval(forsenade=True), PER_DAG)
    # kontrollera visar filerna relativt den aktuella mappen
    assert len(fynd) == len(valda) == 1
    assert fynd[0]["fil"].endswith(valda[0].dok.relativ)


def test_inget_ar_forsenat_innan_klart_senast() -> None:
    alla = kor("handlingsplan", "-C", str(EXEMPEL), "--per", "2026-11-15", "--alla")
    assert sum(kallor(alla.stdout).values()) == len(list(ladda(EXEMPEL).atgarder())), alla
    svar = kor("handlingsplan", "-C", str(EXEMPEL), "--per", "2026-11-15", "--forsenade")
    assert svar.slutkod == 0, svar
    assert kallor(svar.stdout) == Counter()


Valj = Callable[[Atgardsplats], bool]


@pytest.mark.parametrize(
    ("argv", "valj"),
    [
        ((), lambda p: True),
        (("--ansvarig", "öppenvården"), lambda p: "öppenvården" in (p.atgard.ansvarig or "")),
        (("--ansvarig", "oppenvarden"), lambda p: "öppenvården" in (p.atgard.ansvarig or "")),
        (("--ansvarig", "HR"), lambda p: "hr" in (p.atgard.ansvarig or "").lower()),
        (("--rum", "kompetens"), lambda p: rummet(p) == "kompetens"),
        (("--rum", "Förhållningssätt"), lambda p: rummet(p) == "forhallningssatt"),
        (("--status", "pagar"), lambda p: p.atgard.status == Atgardsstatus.pagar),
        (("--status", "planerad"), lambda p: p.atgard.status == Atgardsstatus.planerad),
        (("--status", "avbruten"), lambda p: False),
        (("--oppna",), lambda p: p.atgard.status in (Atgardsstatus.planerad, Atgardsstatus.pagar)),
        (
            ("--oppna", "--rum", "kompetens", "--ansvarig", "verksamhetschef"),
            lambda p: (
                rummet(p) == "kompetens"
                and p.atgard.status == Atgardsstatus.pagar
                and p.atgard.ansvarig == "verksamhetschef"
            ),
        ),
    ],
)
def test_filtren(argv: tuple[str, ...], valj: Valj) -> None:
    svar = handlingsplan_kor(*argv)
    assert svar.slutkod == 0, svar
    vantade = Counter(kalla(p) for p in ladda(EXEMPEL).atgarder() if valj(p))
    assert kallor(svar.stdout) == vantade


def test_riskanalysernas_atgarder_visas_med_sin_kalla() -> None:
    alla = kallor(handlingsplan_kor().stdout)
    assert sum(n for kalla_, n in alla.items() if kalla_.startswith("riskanalys RA-")) == 6
    trygghet = kallor(handlingsplan_kor("--rum", "trygghet").stdout)
    assert trygghet["riskanalys RA-2026-001 A1"] == trygghet["riskanalys RA-2026-001 A2"] == 1
    assert not any(kalla_.startswith("riskanalys RA-2026-002") for kalla_ in trygghet)


def test_oppna_i_kompetens_ar_fem() -> None:
    assert sum(kallor(handlingsplan_kor("--oppna", "--rum", "kompetens").stdout).values()) == 5


def test_oppna_forst_och_sedan_efter_klart_senast() -> None:
    valda = handlingsplan.valda(ladda(EXEMPEL), handlingsplan.Urval(), PER_DAG)
    nycklar = [(p.atgard.ar_avslutad(), p.atgard.klart_senast or date.max) for p in valda]
    assert nycklar == sorted(nycklar)
    assert not nycklar[0][0] and nycklar[-1][0]  # både öppna och avslutade finns
    assert len(valda) == len(list(ladda(EXEMPEL).atgarder()))


def test_utan_alla_visas_de_50_forsta_oppna_forst() -> None:
    svar = kor("handlingsplan", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    antal = len(list(ladda(EXEMPEL).atgarder()))
    assert sum(kallor(svar.stdout).values()) == 50
    assert f"Visar 50 av {antal} – --alla visar alla." in svar.stdout


def test_datum_visas_som_aaaa_mm_dd() -> None:
    svar = handlingsplan_kor("--forsenade")
    assert re.findall(r"\b\d{4}-\d{2}-\d{2}\b", svar.stdout).count("2027-01-31") == 1
    assert not any(manad in svar.stdout for manad in MANADER)
    tabell = handlingsplan.tabell(ladda(EXEMPEL), handlingsplan.Urval(), PER_DAG)
    for kolumn in ("Klart senast", "Uppföljning"):
        i = tabell.kolumner.index(kolumn)
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}|–", rad[i]) for rad in tabell.rader)


def test_atgard_utan_datum_visas_med_streck(liten: Path) -> None:
    fil = liten / "arshjul/2026/processer.yaml"
    text = fil.read_text(encoding="utf-8")
    fil.write_text(text + "  - id: A2\n    åtgärd: Utan datum\n    status: pågår\n", "utf-8")
    tabell = handlingsplan.tabell(ladda(liten), handlingsplan.Urval(oppna=True), PER_DAG)
    i = tabell.kolumner.index("Klart senast")
    assert [rad[i] for rad in tabell.rader] == ["–"]


@pytest.mark.parametrize(
    ("argv", "i_felet"),
    [
        (("--status", "försenad"), "försenad"),
        (("--rum", "procesr"), "procesr"),
        (("--per", "2026-02-30"), "2026-02-30"),
        (("--bara-mina",), "--bara-mina"),
    ],
)
def test_fel_anvandning_ger_slutkod_2(argv: tuple[str, ...], i_felet: str) -> None:
    svar = kor("handlingsplan", "-C", str(EXEMPEL), *argv)
    assert svar.slutkod == 2, svar
    assert i_felet in svar.stderr


def test_handlingsplan_utanfor_en_verksamhet(tmp_path: Path) -> None:
    svar = kor("handlingsplan", "-C", str(tmp_path), "--per", PER)
    assert svar.slutkod == 2, svar


# status


def test_status_visar_hela_laget() -> None:
    svar = kor("status", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    for text in (*RUMMEN, *avvikelse.TYPNAMN.values(), "at01", "at10", "Garaget", PER):
        assert text in svar.stdout, text
    assert "Traceback" not in svar.stdout + svar.stderr


def _vantade_atgarder(v: Verksamhet) -> list[tuple[str, ...]]:
    rader: list[tuple[str, ...]] = []
    for rum in v.rum:
        i_rummet = [p for p in v.atgarder() if rummet(p) == rum.id]
        oppna = [p for p in i_rummet if p.atgard.status not in ("klar", "avbruten")]
        sena = [p for p in oppna if p.atgard.klart_senast and p.atgard.klart_senast < PER_DAG]
        rader.append((rum.namn, str(len(i_rummet)), str(len(oppna)), str(len(sena))))
    return rader


def test_status_atgarder_per_rum() -> None:
    v = ladda(EXEMPEL)
    tabell = tabell_med(status.status(v, PER_DAG), "Försenade")
    assert list(tabell.rader) == _vantade_atgarder(v)
    assert ("Personal och kompetens", "7", "5", "1") in tabell.rader


def test_status_arenden_per_typ() -> None:
    v = ladda(EXEMPEL)
    tabell = tabell_med(status.status(v, PER_DAG), "Inkomna")
    namn = avvikelse.TYPNAMN
    assert sorted(tabell.rader) == sorted(
        [
            (namn[Avvikelsetyp.avvikelse], "4", "2"),
            (namn[Avvikelsetyp.missforhallande], "2", "1"),
            (namn[Avvikelsetyp.risk_for_missforhallande], "1", "0"),
            (namn[Avvikelsetyp.synpunkt], "3", "1"),
            (namn[Avvikelsetyp.klagomal], "2", "1"),
        ]
    )


def test_status_arenden_for_aret_i_per() -> None:
    v = ladda(EXEMPEL)
    tabell = tabell_med(status.status(v, date(2025, 12, 31)), "Inkomna")
    namn = avvikelse.TYPNAMN
    assert sorted(tabell.rader) == sorted(
        [
            (namn[Avvikelsetyp.avvikelse], "1", "0"),
            (namn[Avvikelsetyp.klagomal], "1", "0"),
        ]
    )


def test_status_ataganden_och_garaget() -> None:
    vy = status.status(ladda(EXEMPEL), PER_DAG)
    ataganden = tabell_med(vy, "Indikatorer")
    assert [rad[0] for rad in ataganden.rader] == [f"at{n:02d}" for n in range(1, 11)]
    garaget = rad_med(vy, "Garaget")
    assert dict(re.findall(r"(parkerad|prioriterad) (\d+)", garaget)) == {
        "parkerad": "4",
        "prioriterad": "1",
    }


def test_status_har_kontrollens_antal(exempel: Path) -> None:
    (exempel / "garaget.yaml").write_text("poster:\n  - id: G1\n", encoding="utf-8")
    svar = kor("status", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar  # garaget.yaml har fel (issue 14.5)
    assert "Filen garaget.yaml har fel och kunde inte läsas" in svar.stdout
    rad = next(r for r in svar.stdout.splitlines() if r.startswith("Kontroll"))
    assert tuple(int(n) for n in re.findall(r"\d+", rad)[:2]) == kontrollens_antal(exempel)
    assert kontrollens_antal(exempel)[0] > 0


def test_status_foljer_nya_arenden_och_poster(exempel: Path) -> None:
    assert (
        kor(
            "avvikelse", "ny", "-C", str(exempel), "--typ", "klagomal", "--rum", "processer",
            "--beskrivning", "Sent beslut.", "--datum", "2026-11-20",
        ).slutkod
        == 0
    )  # fmt: skip
    garage = ("garage", "parkera", "Ny risk", "--typ", "risk", "--datum", "2026-11-20")
    assert kor(*garage, "-C", str(exempel)).slutkod == 0
    vy = status.status(ladda(exempel), PER_DAG)
    klagomal = avvikelse.TYPNAMN[Avvikelsetyp.klagomal]
    assert (klagomal, "3", "2") in tabell_med(vy, "Inkomna").rader
    assert "parkerad 5" in rad_med(vy, "Garaget")


def test_status_i_en_ny_verksamhet(tmp_path: Path) -> None:
    mapp = tmp_path / "ny"
    init = kor(
        "init", str(mapp), "--organisation", "Testkommun", "--kommunkod", "2401",
        "--infort", "2026-01-01",
    )  # fmt: skip
    assert init.slutkod == 0, init
    svar = kor("status", "-C", str(mapp), "--per", PER)
    assert svar.slutkod == 0, svar
    for text in (*RUMMEN, "Testkommun", "Garaget"):
        assert text in svar.stdout, text
    rad = next(r for r in svar.stdout.splitlines() if r.startswith("Kontroll"))
    assert tuple(int(n) for n in re.findall(r"\d+", rad)[:2]) == kontrollens_antal(mapp)
    vy = status.status(ladda(mapp), PER_DAG)
    assert all(rad[1:] == ("0", "0", "0") for rad in tabell_med(vy, "Försenade").rader)
    assert tabell_med(vy, "Inkomna").rader == []
    # init ger en tom egenkontrollplan med exempel i kommentarerna
    assert "planen (egenkontroll.yaml) har inga kontrollmoment än" in rad_med(vy, "Egenkontrollen")
    assert "inga än" in rad_med(vy, "Riskanalyser")


@pytest.mark.parametrize("argv", [("--per", "30/11 2026"), ("--per", "")])
def test_status_fel_datum_ger_slutkod_2(argv: tuple[str, ...]) -> None:
    svar = kor("status", "-C", str(EXEMPEL), *argv)
    assert svar.slutkod == 2, svar


def egenkontrollens_lagen(vy: list[Tabell | str]) -> tuple[int, ...]:
    rad = rad_med(vy, "Egenkontrollen")
    traff = re.search(
        r"(\d+) kontrollmoment, (\d+) i tid, (\d+) försena(?:t|de), (\d+) aldrig utför(?:t|da)",
        rad,
    )
    assert traff, rad
    return tuple(int(n) for n in traff.groups())


def riskernas_antal(vy: list[Tabell | str]) -> tuple[int, ...]:
    rad = rad_med(vy, "Riskanalyser")
    traff = re.search(
        r"(\d+) analys(?:er)?, (\d+) hög(?:a)? risk(?:er)? \(riskvärde från (\d+)\)", rad
    )
    assert traff, rad
    return tuple(int(n) for n in traff.groups())


def fynden(mapp: Path, regel: str, per: str = PER) -> int:
    svar = kor("kontrollera", str(mapp), "--per", per, "--format", "json")
    return sum(1 for f in json.loads(svar.stdout)["fynd"] if f["regel"] == regel)


def test_status_egenkontroll_och_riskanalyser_i_exemplet() -> None:
    svar = kor("status", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "Egenkontrollen: 6 kontrollmoment" in svar.stdout
    assert "Riskanalyser: 2 analyser" in svar.stdout
    vy = status.status(ladda(EXEMPEL), PER_DAG)
    assert egenkontrollens_lagen(vy) == (6, 6, 0, 0)
    assert riskernas_antal(vy) == (2, 0, 8)


NYA_MOMENT = """
  - id: ny-manadskontroll
    kontrollmoment: En ny kontroll som ännu inte har hunnit göras.
    metod: annan
    frekvens: månad
    ansvarig: kvalitetssamordnare
    från: 2026-11-20
  - id: glomd-kontroll
    kontrollmoment: En kontroll som aldrig har gjorts.
    metod: annan
    frekvens: kvartal
    ansvarig: kvalitetssamordnare
    från: 2026-01-01
"""


def test_status_egenkontroll_forsenat_och_aldrig_utfort(exempel: Path) -> None:
    plan = exempel / "egenkontroll.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + NYA_MOMENT, encoding="utf-8")
    svar = kor("status", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "8 kontrollmoment, 6 i tid, 1 försenat, 1 aldrig utfört" in svar.stdout
    assert egenkontrollens_lagen(status.status(ladda(exempel), PER_DAG))[2] == fynden(
        exempel, "EGK001"
    )


@pytest.mark.parametrize("per", ["2026-03-31", "2026-09-30", PER])
def test_status_egenkontroll_foljer_per(exempel: Path, per: str) -> None:
    plan = exempel / "egenkontroll.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + NYA_MOMENT, encoding="utf-8")
    lagen = egenkontrollens_lagen(status.status(ladda(exempel), date.fromisoformat(per)))
    egen = kor("egenkontroll", "status", "-C", str(exempel), "--per", per)
    assert egen.slutkod == 0, egen
    fot = re.search(r"(\d+) kontrollmoment, (\d+) försena", egen.stdout)
    assert fot, egen
    assert (lagen[0], lagen[2]) == (int(fot[1]), int(fot[2])) == (8, fynden(exempel, "EGK001", per))
    assert sum(lagen[1:]) == lagen[0]
    # Jämfört med exemplet: ny-manadskontroll är aldrig utförd; glomd-kontroll räknas
    # från 2026-01-01 (kvartal) och är aldrig utförd i mars, försenad därefter.
    forut = egenkontrollens_lagen(status.status(ladda(EXEMPEL), date.fromisoformat(per)))
    skillnad = tuple(n - f for n, f in zip(lagen, forut, strict=True))
    assert skillnad == ((2, 0, 0, 2) if per == "2026-03-31" else (2, 0, 1, 1))


@pytest.mark.parametrize(
    ("fil", "monster", "ersattning", "vantat"),
    [
        # R1 (3 × 4) har bara en avbruten åtgärd: den hanterar inte risken
        (
            "riskanalyser/RA-2026-001.yaml",
            r"status: klar(?=\n +effekt: >-\n +Alla orosanmälningar)",
            "status: avbruten",
            8,
        ),
        # R2 (3 × 3) är accepterad men utan motivering
        ("riskanalyser/RA-2026-001.yaml", r" +motivering: >-\n(?: {6}.*\n)+", "", 8),
        # gränsen sänks till 4: R4 (2 × 2) utan åtgärd blir hög
        ("huset.yaml", r"hög_risk_från: 8", "hög_risk_från: 4", 4),
    ],
)
def test_status_hog_risk_utan_atgard(
    exempel: Path, fil: str, monster: str, ersattning: str, vantat: int
) -> None:
    sokvag = exempel / fil
    text, antal = re.subn(monster, ersattning, sokvag.read_text(encoding="utf-8"))
    assert antal == 1
    sokvag.write_text(text, encoding="utf-8")
    svar = kor("status", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar
    vy = status.status(ladda(exempel), PER_DAG)
    assert riskernas_antal(vy) == (2, 1, vantat)
    assert fynden(exempel, "RSK002") == 1
    assert "1 hög risk" in svar.stdout
    assert "kvalitet kontrollera" in rad_med(vy, "Riskanalyser")


def test_status_med_trasig_egenkontroll_och_riskanalyser(exempel: Path) -> None:
    (exempel / "egenkontroll.yaml").write_text("kontrollmoment: inga\n", encoding="utf-8")
    for fil in (exempel / "riskanalyser").glob("*.yaml"):
        fil.write_text("id: [\n", encoding="utf-8")
    svar = kor("status", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar  # trasiga filer ger slutkod 1 (issue 14.5)
    assert "Traceback" not in svar.stdout + svar.stderr
    vy = status.status(ladda(exempel), PER_DAG)
    assert "egenkontroll.yaml har fel" in rad_med(vy, "Egenkontrollen")
    assert "ingen kan läsas" in rad_med(vy, "Riskanalyser")


def test_status_utan_egenkontroll_och_riskanalyser(exempel: Path) -> None:
    (exempel / "egenkontroll.yaml").unlink()
    shutil.rmtree(exempel / "egenkontroll")
    shutil.rmtree(exempel / "riskanalyser")
    svar = kor("status", "-C", str(exempel), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "Egenkontrollen: ingen egenkontrollplan (egenkontroll.yaml)." in svar.stdout
    assert "Riskanalyser: inga än" in svar.stdout


def test_status_utanfor_en_verksamhet(tmp_path: Path) -> None:
    svar = kor("status", "-C", str(tmp_path), "--per", PER)
    assert svar.slutkod == 2, svar
    assert "huset.yaml" in svar.stderr
