"""Delat beslutsfattande följs upp: en granskning i egenkontrollen vars andel blir ett
åtagandes utfall, med REF002, EGK004 och ATA003 (issue 16.5)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from kvalitet import egenkontrollen, kontroll, yamlio
from kvalitet.modell.ataganden import Ataganden
from kvalitet.modell.egenkontroll import Egenkontrollplan, Egenkontrollresultat
from kvalitet.verksamhet import ladda
from tests.conftest import EXEMPEL, MALLAR, PER, kor

ATAGANDEN = "ataganden/2026.yaml"
PLAN = "egenkontroll.yaml"
RESULTAT = "egenkontroll/2026/EK-2026-010.yaml"
MOMENT = "delat-beslutsfattande"
INDIKATOR = "Andel granskade beslut där brukaren fått information om alternativen"


def _fynd(rot: Path, regel: str, per: str = PER) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert text.count(gammalt) == 1, gammalt
    fil.write_text(text.replace(gammalt, nytt), encoding="utf-8")


def _rad(fil: Path, text: str, efter: str | None = None) -> int:
    rader = fil.read_text(encoding="utf-8").splitlines()
    start = next(i for i, r in enumerate(rader) if efter in r) if efter else 0
    return next(i for i, r in enumerate(rader[start:], start + 1) if text in r)


# Exemplet: granskningen, utfallet och rapporterna


def test_exemplets_granskning_ger_andelen_for_aret() -> None:
    v = ladda(EXEMPEL)
    andel = egenkontrollen.andel(v, MOMENT, "alternativ", 2026)
    assert andel is not None
    assert (andel.uppfyllda, andel.granskade, andel.procent) == (16, 20, 80.0)
    assert andel.kontroller == ("EK-2026-010",)
    gemensamt = egenkontrollen.andel(v, MOMENT, "gemensamt-beslut", 2026)
    assert gemensamt is not None and gemensamt.procent == 65.0
    # Före granskningen, ett annat år och en okänd punkt: ingen andel.
    assert egenkontrollen.andel(v, MOMENT, "alternativ", 2026, date(2026, 9, 23)) is None
    assert egenkontrollen.andel(v, MOMENT, "alternativ", 2025) is None
    assert egenkontrollen.andel(v, MOMENT, "okand", 2026) is None
    assert egenkontrollen.andel(v, MOMENT, None, 2026) is None  # två punkter: vilken?


def test_atagandets_indikator_far_utfallet_ur_egenkontrollen() -> None:
    v = ladda(EXEMPEL)
    [fil] = [f for _, f in v.ataganden if f.år == 2026]
    at02 = next(a for a in fil.åtaganden if a.id == "at02")
    indikator = next(i for i in at02.indikatorer if i.namn == INDIKATOR)
    assert indikator.utfall is None and indikator.egenkontroll == MOMENT
    assert egenkontrollen.indikatorns_utfall(v, indikator, 2026) == 80.0
    hamtat = egenkontrollen.med_hamtade_utfall(v, at02, 2026)
    assert [i.utfall for i in hamtat.indikatorer if i.namn == INDIKATOR] == [80.0]
    assert next(i for i in hamtat.indikatorer if i.namn == INDIKATOR).uppfylld() is False


def test_exemplet_har_inga_fynd_om_granskningen() -> None:
    resultat = kontroll.kontrollera(EXEMPEL, date.fromisoformat(PER))
    regler = {b.fynd.regel for b in resultat.fynd}
    assert not regler & {"REF002", "EGK001", "EGK002", "EGK003", "EGK004", "ATA003"}


@pytest.mark.parametrize("format_", ["md", "html"])
def test_atagandenas_rapport_visar_utfallet_och_var_det_kommer_ifran(format_: str) -> None:
    svar = kor("rapport", "ataganden", "-C", str(EXEMPEL), "--ar", "2026", "--per", PER,
               "--format", format_, "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    text = " ".join(svar.stdout.split())
    namn = rf"{INDIKATOR} \(procent, högre är bättre\)"
    if format_ == "md":
        rad = rf"\| {namn} \| 90 \| 80 \|"
    else:
        rad = rf'<td>{namn}</td><td class="tal">90</td><td class="tal">80</td>'
    assert re.search(rad, text), svar
    assert f"Utfallet för ”{INDIKATOR}” kommer ur egenkontrollen {MOMENT} (EK-2026-010)" in text
    # Hårt mellanslag före %, och frågan ur planen.
    assert "ja i 16 av 20 granskade ärenden (80 %) på frågan ”Fick brukaren" in text


def test_utan_genomford_granskning_saknas_utfallet_och_rapporten_sager_varfor(
    exempel: Path,
) -> None:
    _ersatt(exempel / RESULTAT, "status: genomförd\n", "status: pågår\n")
    svar = kor("rapport", "ataganden", "-C", str(exempel), "--ar", "2026", "--per", PER,
               "--format", "md", "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    text = " ".join(svar.stdout.split())
    assert re.search(rf"\| {INDIKATOR} \(procent, högre är bättre\) \| 90 \| – \|", text), svar
    assert f"hämtas ur egenkontrollen {MOMENT}, men ingen genomförd granskning" in text


def test_egenkontrollens_rapport_visar_andelen_per_granskningspunkt() -> None:
    svar = kor("rapport", "egenkontroll", "-C", str(EXEMPEL), "--ar", "2026", "--per", PER,
               "--format", "md", "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    text = " ".join(svar.stdout.split())
    assert "Granskat: Fick brukaren information om alternativen" in text
    assert "Ja i 16 av 20 (80 %)" in text
    assert "Ja i 13 av 20 (65 %)" in text


def test_ett_litet_urval_visar_inga_andelar(exempel: Path) -> None:
    # Fyra granskade ärenden visas som ”färre än 5”; andelarna skulle visa antalen ändå.
    _ersatt(exempel / RESULTAT, "  antal: 20\n", "  antal: 4\n")
    _ersatt(exempel / RESULTAT, "  alternativ: 16\n  gemensamt-beslut: 13\n",
            "  alternativ: 3\n  gemensamt-beslut: 2\n")  # fmt: skip
    svar = kor("rapport", "egenkontroll", "-C", str(exempel), "--ar", "2026", "--per", PER,
               "--format", "md", "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    assert "Granskat:" not in svar.stdout and "färre än 5" in svar.stdout


def test_aret_raknas_over_alla_genomforda_granskningar(exempel: Path) -> None:
    andra = (exempel / RESULTAT).read_text(encoding="utf-8")
    andra = andra.replace("id: EK-2026-010", "id: EK-2026-011").replace("2026-09-24", "2026-11-20")
    andra = andra.replace("antal: 20", "antal: 10").replace("alternativ: 16", "alternativ: 10")
    andra = andra.replace("gemensamt-beslut: 13", "gemensamt-beslut: 8")
    (exempel / "egenkontroll/2026/EK-2026-011.yaml").write_text(andra, encoding="utf-8")
    pagaende = andra.replace("id: EK-2026-011", "id: EK-2026-012").replace(
        "status: genomförd", "status: pågår"
    )
    (exempel / "egenkontroll/2026/EK-2026-012.yaml").write_text(pagaende, encoding="utf-8")
    v = ladda(exempel)
    andel = egenkontrollen.andel(v, MOMENT, "alternativ", 2026)
    assert andel is not None and andel.kontroller == ("EK-2026-010", "EK-2026-011")
    assert (andel.uppfyllda, andel.granskade, andel.procent) == (26, 30, 86.7)
    assert _fynd(exempel, "EGK004") == []
    fore = egenkontrollen.andel(v, MOMENT, "alternativ", 2026, date(2026, 11, 19))
    assert fore is not None and fore.granskade == 20


# REF002: indikatorns hänvisning till egenkontrollen


@pytest.mark.parametrize(
    ("gammalt", "nytt", "nyckel"),
    [
        (f"egenkontroll: {MOMENT}\n", "egenkontroll: delat-beslut\n", "egenkontroll:"),
        ("granskningspunkt: alternativ\n", "granskningspunkt: alternativen\n", "granskningspunkt:"),
        ("        granskningspunkt: alternativ\n", "", "egenkontroll:"),
        (
            f"egenkontroll: {MOMENT}\n        granskningspunkt: alternativ\n",
            "egenkontroll: utredningstid-barn\n",
            "egenkontroll:",
        ),
        (f"        egenkontroll: {MOMENT}\n", "", "granskningspunkt:"),
    ],
    ids=[
        "okant-moment",
        "okand-punkt",
        "flera-punkter",
        "moment-utan-punkter",
        "punkt-utan-moment",
    ],
)
def test_ref002_en_hanvisning_som_inte_gar_att_folja(
    exempel: Path, gammalt: str, nytt: str, nyckel: str
) -> None:
    fil = exempel / ATAGANDEN
    _ersatt(fil, gammalt, nytt)
    assert _fynd(exempel, "REF002") == [(ATAGANDEN, _rad(fil, nyckel, efter=INDIKATOR), "REF002")]
    svar = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert svar.slutkod == 1, svar


def test_ref002_foreslar_momentet_och_punkten(exempel: Path) -> None:
    fil = exempel / ATAGANDEN
    _ersatt(fil, f"egenkontroll: {MOMENT}\n", "egenkontroll: delat-beslutsfatande\n")
    svar = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert f"menade du ”{MOMENT}”?" in svar.stdout, svar
    _ersatt(fil, "egenkontroll: delat-beslutsfatande\n", f"egenkontroll: {MOMENT}\n")
    _ersatt(fil, "granskningspunkt: alternativ\n", "granskningspunkt: alternativen\n")
    svar = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert "menade du ”alternativ”?" in svar.stdout, svar


def test_ref002_tiger_nar_planen_har_fel(exempel: Path) -> None:
    # Planens egna fel (SCH001) räcker; hänvisningarna prövas när den går att läsa.
    _ersatt(exempel / PLAN, "    från: 2026-04-01\n", "    från: första april\n")
    assert _fynd(exempel, "REF002") == []
    assert _fynd(exempel, "SCH001")


def test_ett_moment_med_en_punkt_behover_ingen_granskningspunkt(exempel: Path) -> None:
    text = (exempel / PLAN).read_text(encoding="utf-8")
    borjan = text.index("      - id: gemensamt-beslut\n")
    slut = text.index("\n\n", borjan) + 1
    (exempel / PLAN).write_text(text[:borjan] + text[slut:], encoding="utf-8")
    _ersatt(exempel / RESULTAT, "  gemensamt-beslut: 13\n", "")
    _ersatt(exempel / ATAGANDEN, "        granskningspunkt: alternativ\n", "")
    assert _fynd(exempel, "REF002") == []
    assert _fynd(exempel, "EGK004") == []
    v = ladda(exempel)
    [fil] = [f for _, f in v.ataganden if f.år == 2026]
    indikator = next(i for a in fil.åtaganden for i in a.indikatorer if i.namn == INDIKATOR)
    assert egenkontrollen.indikatorns_utfall(v, indikator, 2026) == 80.0


# ATA003 och ATA002: ett inskrivet utfall, och ett avslutat år


def test_ata003_ett_inskrivet_utfall_som_inte_stammer(exempel: Path) -> None:
    fil = exempel / ATAGANDEN
    _ersatt(fil, "        granskningspunkt: alternativ\n",
            "        granskningspunkt: alternativ\n        utfall: 70\n")  # fmt: skip
    rad = _rad(fil, "utfall: 70")
    assert _fynd(exempel, "ATA003") == [(ATAGANDEN, rad, "ATA003")]
    svar = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert svar.slutkod == 0, svar  # en varning
    assert re.search(rf"{ATAGANDEN}:{rad}:\d+: varning ATA003 .*16 av 20", svar.stdout), svar
    assert kor("kontrollera", str(exempel), "--per", PER, "--strikt").slutkod == 1
    # Samma andel (avrundad) stämmer.
    _ersatt(fil, "utfall: 70\n", "utfall: 80\n")
    assert _fynd(exempel, "ATA003") == []


def test_ata002_ett_avslutat_ar_med_utfall_ur_egenkontrollen(exempel: Path) -> None:
    fil = exempel / ATAGANDEN
    rad = _rad(fil, f"- namn: {INDIKATOR}")
    efter_aret = [f for f in _fynd(exempel, "ATA002", per="2027-01-15") if f[1] == rad]
    assert efter_aret == []
    (exempel / RESULTAT).unlink()
    efter_aret = [f for f in _fynd(exempel, "ATA002", per="2027-01-15") if f[1] == rad]
    assert efter_aret == [(ATAGANDEN, rad, "ATA002")]


# EGK004: granskningspunkterna räknade som planen och urvalet säger


@pytest.mark.parametrize(
    ("gammalt", "nytt", "rad_med"),
    [
        ("  alternativ: 16\n", "  alternativ: 21\n", "alternativ: 21"),
        ("  gemensamt-beslut: 13\n", "", "uppfyllda:"),
        ("  gemensamt-beslut: 13\n", "  gemensamt-beslut:\n", "uppfyllda:"),
    ],
    ids=["fler-an-granskade", "saknad-punkt", "tom-punkt"],
)
def test_egk004_felraknade_granskningspunkter(
    exempel: Path, gammalt: str, nytt: str, rad_med: str
) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, gammalt, nytt)
    assert _fynd(exempel, "EGK004") == [(RESULTAT, _rad(fil, rad_med), "EGK004")]
    assert kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache").slutkod == 1


def test_egk004_en_felskriven_punkt_och_den_som_saknas(exempel: Path) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, "  alternativ: 16\n", "  alternativen: 16\n")
    assert _fynd(exempel, "EGK004") == [
        (RESULTAT, _rad(fil, "uppfyllda:"), "EGK004"),  # saknar alternativ
        (RESULTAT, _rad(fil, "alternativen: 16"), "EGK004"),  # finns inte i momentet
    ]
    svar = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert "menade du ”alternativ”?" in svar.stdout, svar


def test_egk004_utan_urvalets_antal_gar_ingen_andel_att_rakna(exempel: Path) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, "  antal: 20\n", "")
    assert _fynd(exempel, "EGK004") == [
        (RESULTAT, _rad(fil, "alternativ: 16"), "EGK004"),
        (RESULTAT, _rad(fil, "gemensamt-beslut: 13"), "EGK004"),
    ]
    assert egenkontrollen.andel(ladda(exempel), MOMENT, "alternativ", 2026) is None


def test_egk004_en_pagaende_kontroll_far_sakna_antal(exempel: Path) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, "  alternativ: 16\n  gemensamt-beslut: 13\n", "  alternativ:\n")
    _ersatt(fil, "status: genomförd\n", "status: pågår\n")
    assert _fynd(exempel, "EGK004") == []
    _ersatt(fil, "status: pågår\n", "status: genomförd\n")
    assert _fynd(exempel, "EGK004") == [(RESULTAT, _rad(fil, "uppfyllda:"), "EGK004")]


def test_egk004_en_genomford_kontroll_utan_uppfyllda(exempel: Path) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, "uppfyllda:\n  alternativ: 16\n  gemensamt-beslut: 13\n", "")
    assert _fynd(exempel, "EGK004") == [(RESULTAT, _rad(fil, "status: genomförd"), "EGK004")]


def test_egk004_punkter_i_ett_moment_utan_granskningspunkter(exempel: Path) -> None:
    fil = exempel / "egenkontroll/2026/EK-2026-001.yaml"
    _ersatt(fil, "status: genomförd\n", "uppfyllda:\n  i-tid: 10\nstatus: genomförd\n")
    assert _fynd(exempel, "EGK004") == [(str(fil.relative_to(exempel)), _rad(fil, "i-tid"),
                                         "EGK004")]  # fmt: skip


@pytest.mark.parametrize("varde", ["-1", '"16"', "16.5", "ja"])
def test_ett_antal_som_inte_ar_ett_antal_ar_schemafel(exempel: Path, varde: str) -> None:
    fil = exempel / RESULTAT
    _ersatt(fil, "  alternativ: 16\n", f"  alternativ: {varde}\n")
    assert _fynd(exempel, "SCH001") == [(RESULTAT, _rad(fil, f"alternativ: {varde}"), "SCH001")]


# egenkontroll ny: en nyckel per granskningspunkt


def _ny_kontroll(mapp: Path, moment: str) -> str:
    fore = set((mapp / "egenkontroll/2026").iterdir())
    svar = kor("egenkontroll", "ny", moment, "--datum", "2026-11-20", "-C", str(mapp))
    assert svar.slutkod == 0, svar
    [ny] = set((mapp / "egenkontroll/2026").iterdir()) - fore
    return ny.read_text(encoding="utf-8")


def test_en_ny_granskning_har_en_nyckel_per_punkt(exempel: Path) -> None:
    text = _ny_kontroll(exempel, MOMENT)
    assert "uppfyllda:\n  # Fick brukaren information om alternativen" in text
    data = yamlio.las(text)
    assert data["uppfyllda"] == {"alternativ": None, "gemensamt-beslut": None}
    Egenkontrollresultat.model_validate(data)
    assert "uppfyllda" not in _ny_kontroll(exempel, "utredningstid-barn")


# Mallarna visar granskningen och indikatorn


def _avkommenterat(text: str, borjan: str, slut: str) -> str:
    """Kommentarsraderna från `borjan` till (men inte med) `slut`, utan ”# ”."""
    rader = text.splitlines()
    start = next(i for i, r in enumerate(rader) if borjan in r)
    stopp = next(i for i, r in enumerate(rader[start:], start) if slut in r)
    return "\n".join(r.removeprefix("#").removeprefix(" ") for r in rader[start:stopp]) + "\n"


def test_mallarnas_exempel_ar_giltiga_och_hanger_ihop() -> None:
    plan_text = (MALLAR / PLAN).read_text(encoding="utf-8")
    assert "”Förmedla information om alternativ.”" in plan_text  # källan citerad
    assert "”framgå hur barnet har erbjudits delat beslutsfattande i" in plan_text
    moment = _avkommenterat(plan_text, f"  - id: {MOMENT}", "Ett moment för ärenden")
    plan = Egenkontrollplan.model_validate({"kontrollmoment": yamlio.las(moment)})
    [delat] = plan.kontrollmoment
    assert [p.id for p in delat.granskningspunkter] == ["alternativ", "gemensamt-beslut"]
    resultat = _avkommenterat(plan_text, "#   urval:", "Dagen planen började gälla")
    uppfyllda = yamlio.las(resultat)["uppfyllda"]
    assert set(uppfyllda) == {p.id for p in delat.granskningspunkter}

    atag_text = (MALLAR / ATAGANDEN.replace("/2026", "")).read_text(encoding="utf-8")
    atagande = _avkommenterat(atag_text, "  - id: at01", "Skriv aldrig namn")
    fil = Ataganden.model_validate({"år": 2026, "åtaganden": yamlio.las(atagande)})
    [indikator] = [i for i in fil.åtaganden[0].indikatorer if i.egenkontroll]
    assert (indikator.egenkontroll, indikator.granskningspunkt) == (MOMENT, "alternativ")
    assert indikator.utfall is None
