"""Garagets flöde (issue 16.9): parkerad → prioriterad → överförd till en handlingsplan, GAR001."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kvalitet import kontroll, yamlio
from kvalitet.fynd import Niva
from tests.conftest import PER, kor

GARAGET = "garaget.yaml"
TRYGGHET = "arshjul/2026/trygghet.yaml"
OMVARLD = "arshjul/2026/omvarld.yaml"
PNR = "19121212-1212"
DAG = "2026-11-25"


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def garage(mapp: Path, *argv: str):
    # parkera och overfor får ett fast --datum (standard i dag), så att testet inte beror på
    # dagens datum; prioritera får det bara där testet säger det (en redan prioriterad post
    # ska kunna lämnas orörd).
    if argv[0] in ("parkera", "overfor") and "--datum" not in argv:
        argv = (*argv, "--datum", DAG)
    return kor("garage", *argv, "-C", str(mapp))


def las(mapp: Path, fil: str) -> str:
    return (mapp / fil).read_text(encoding="utf-8")


def ersatt(mapp: Path, fil: str, gammalt: str, nytt: str) -> None:
    text = las(mapp, fil)
    assert text.count(gammalt) == 1, gammalt
    (mapp / fil).write_text(text.replace(gammalt, nytt), encoding="utf-8")


def postens_status(text: str, id_: str) -> tuple[int, int]:
    """Var postens rad `status:` börjar och slutar i garaget.yaml (tecken)."""
    post = text.index(f"  - id: {id_}\n")
    start = text.index("    status: ", post)
    return start, text.index("\n", start) + 1


def med_post_andrad(text: str, id_: str, nya_rader: str) -> str:
    """Texten där postens statusrad har bytts mot `nya_rader` och allt annat står kvar."""
    start, slut = postens_status(text, id_)
    return text[:start] + nya_rader + text[slut:]


def fynd(mapp: Path, regel: str = "GAR001") -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(mapp, date.fromisoformat(PER))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def radnummer(mapp: Path, fil: str, text: str, efter: str = "") -> int:
    rader = las(mapp, fil).splitlines()
    borjan = next(i for i, rad in enumerate(rader) if efter in rad) if efter else 0
    return next(i for i in range(borjan, len(rader)) if text in rader[i]) + 1


def starta_omvarld(mapp: Path) -> None:
    svar = kor("arshjul", "starta", "omvarld", "--ar", "2026", "--datum", "2026-12-09",
               "-C", str(mapp))  # fmt: skip
    assert svar.slutkod == 0, svar


# prioritera


def test_prioritera_andrar_bara_postens_status_och_lagger_till_dag_och_motivering(
    exempel: Path,
) -> None:
    fore = las(exempel, GARAGET)
    motivering = (
        "Kostnaden ska analyseras vid omvärldsstoppet i december, med placeringarnas längd"
        " och alternativen på hemmaplan."
    )
    svar = garage(exempel, "prioritera", "G3", "--datum", "2026-11-20", "--motivering", motivering)
    assert svar.slutkod == 0, svar
    assert "Prioriterade G3" in svar.stdout
    assert "kvalitet garage overfor G3 --rum omvarld" in svar.stdout
    assert las(exempel, GARAGET) == med_post_andrad(
        fore,
        "G3",
        "    status: prioriterad\n"
        "    prioriterad: 2026-11-20\n"
        "    motivering: >-\n"
        "      Kostnaden ska analyseras vid omvärldsstoppet i december, med placeringarnas längd\n"
        "      och alternativen på hemmaplan.\n",
    )
    kontroll_ = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert kontroll_.slutkod == 0, kontroll_


def test_prioritera_med_rum_byter_rummet_pa_dess_rad(exempel: Path) -> None:
    fore = las(exempel, GARAGET)
    svar = garage(exempel, "prioritera", "g7", "--rum", "Helhetssyn", "--datum", "2026-11-20")
    assert svar.slutkod == 0, svar
    vantat = med_post_andrad(fore, "G7", "    status: prioriterad\n    prioriterad: 2026-11-20\n")
    vantat = vantat.replace(
        "  - id: G7\n    rubrik: Brukarenkät på lättläst svenska och med bildstöd\n    typ: idé\n"
        "    rum: forhallningssatt\n",
        "  - id: G7\n    rubrik: Brukarenkät på lättläst svenska och med bildstöd\n    typ: idé\n"
        "    rum: samverkan\n",
    )
    assert las(exempel, GARAGET) == vantat
    assert "--rum samverkan" in svar.stdout


def test_en_redan_prioriterad_post_andras_inte_utan_nya_uppgifter(exempel: Path) -> None:
    fore = (exempel / GARAGET).read_bytes()
    svar = garage(exempel, "prioritera", "G2")
    assert svar.slutkod == 0, svar
    assert "redan prioriterad; inget har ändrats" in svar.stdout
    assert (exempel / GARAGET).read_bytes() == fore


def test_en_prioriterad_post_far_en_ny_motivering_men_behaller_sin_dag(exempel: Path) -> None:
    svar = garage(exempel, "prioritera", "G2", "--motivering", "Nämnden har bett om ett förslag.")
    assert svar.slutkod == 0, svar
    assert "Uppdaterade G2" in svar.stdout
    [post] = [p for p in yamlio.las(las(exempel, GARAGET))["poster"] if p["id"] == "G2"]
    assert post["prioriterad"] == date(2025, 12, 10)
    assert post["motivering"] == "Nämnden har bett om ett förslag."


def test_id_utan_slumpdelen_rakker(exempel: Path) -> None:
    assert garage(exempel, "parkera", "Ny idé", "--typ", "idé", "--rum", "omvarld").slutkod == 0
    ny = re.findall(r"- id: (G9-\w{4})\n", las(exempel, GARAGET))
    assert len(ny) == 1
    svar = garage(exempel, "prioritera", "g9", "--datum", "2026-11-28")
    assert svar.slutkod == 0, svar
    assert f"Prioriterade {ny[0]}" in svar.stdout


# överföra


def test_overfor_lagger_en_atgard_i_handlingsplanen_och_markerar_posten(exempel: Path) -> None:
    starta_omvarld(exempel)
    session_fore, garage_fore = las(exempel, OMVARLD), las(exempel, GARAGET)
    svar = garage(
        exempel, "overfor", "G3", "--ar", "2026", "--datum", "2026-12-09",
        "--ansvarig", "controller", "--klart-senast", "2027-03-31",
    )  # fmt: skip
    assert svar.slutkod == 0, svar
    assert f"Ändrade {OMVARLD}" in svar.stdout
    assert f"Ändrade {GARAGET}" in svar.stdout
    assert f"Överförde G3 till {OMVARLD} som åtgärd A1." in svar.stdout
    assert f"Fyll i uppföljning för A1 i {OMVARLD}." in svar.stdout
    assert "handlingsplan: []\n" in session_fore
    assert las(exempel, OMVARLD) == session_fore.replace(
        "handlingsplan: []\n",
        "handlingsplan:\n"
        "  - id: A1\n"
        "    åtgärd: Högre kostnad för institutionsvård av barn och unga än i liknande kommuner\n"
        "    ansvarig: controller\n"
        "    klart_senast: 2027-03-31\n"
        "    uppföljning:\n"
        "    status: planerad\n"
        "    garaget: [G3]\n",
    )
    assert las(exempel, GARAGET) == med_post_andrad(
        garage_fore,
        "G3",
        f'    status: överförd\n    överförd: 2026-12-09\n    överförd_till: "{OMVARLD}#A1"\n',
    )
    kontroll_ = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache")
    assert kontroll_.slutkod == 0, kontroll_
    assert "GAR001" not in kontroll_.stdout
    assert "REF002" not in kontroll_.stdout


def test_overfor_nasta_id_och_egen_atgardstext(exempel: Path) -> None:
    starta_omvarld(exempel)
    assert garage(exempel, "overfor", "G3", "--ar", "2026").slutkod == 0
    text = (
        "Utreda en öppen mottagning för unga och föräldrar utan föregående behovsprövning, med"
        " kostnad och bemanning, och lägga fram förslaget för nämnden."
    )
    svar = garage(exempel, "overfor", "G2", "--ar", "2026", "--atgard", text,
                  "--uppfoljning", "2027-09-30")  # fmt: skip
    assert svar.slutkod == 0, svar
    assert f"Fyll i ansvarig och klart_senast för A2 i {OMVARLD}." in svar.stdout
    session = las(exempel, OMVARLD)
    a2 = session[session.index("  - id: A2\n") :]
    assert a2 == (
        "  - id: A2\n"
        "    åtgärd: >-\n"
        "      Utreda en öppen mottagning för unga och föräldrar utan föregående behovsprövning,\n"
        "      med kostnad och bemanning, och lägga fram förslaget för nämnden.\n"
        "    ansvarig:\n"
        "    klart_senast:\n"
        "    uppföljning: 2027-09-30\n"
        "    status: planerad\n"
        "    garaget: [G2]\n"
    )
    # G2 var prioriterad: dagen och motiveringen står kvar, överföringen skrivs efter dem.
    post = las(exempel, GARAGET)
    post = post[post.index("  - id: G2\n") : post.index("  - id: G3\n")]
    assert re.search(
        r"    status: överförd\n    prioriterad: 2025-12-10\n    motivering: >-\n(      .*\n)+"
        rf'    överförd: \d{{4}}-\d\d-\d\d\n    överförd_till: "{OMVARLD}#A2"\n$',
        post,
    ), post


def test_en_befintlig_atgard_far_posten_utan_att_sessionen_andras(exempel: Path) -> None:
    # Den genomförda sessionens åtgärd pekar redan på posten: bara Garaget ändras (GAR001).
    ersatt(exempel, TRYGGHET, '    avvikelser: ["2026-001"]\n',
           '    avvikelser: ["2026-001"]\n    garaget: [G8]\n')  # fmt: skip
    assert fynd(exempel) == [(TRYGGHET, radnummer(exempel, TRYGGHET, "garaget: [G8]"), "GAR001")]
    session_fore, garage_fore = (exempel / TRYGGHET).read_bytes(), las(exempel, GARAGET)
    svar = garage(exempel, "overfor", "G8", "--ar", "2026", "--datum", "2026-11-25")
    assert svar.slutkod == 0, svar
    assert f"åtgärden A1 i {TRYGGHET} tar redan hand om den" in svar.stdout
    assert (exempel / TRYGGHET).read_bytes() == session_fore
    assert las(exempel, GARAGET) == med_post_andrad(
        garage_fore,
        "G8",
        f'    status: överförd\n    överförd: 2026-11-25\n    överförd_till: "{TRYGGHET}#A1"\n',
    )
    assert fynd(exempel) == []


def test_lista_visar_status_dag_och_vart_posten_fordes(exempel: Path) -> None:
    svar = garage(exempel, "lista", "--alla")
    assert svar.slutkod == 0, svar
    assert "prioriterad 2025-12-10" in svar.stdout
    assert "överförd 2026-02-11" in svar.stdout
    assert "till arshjul/2026/processer.yaml#A2" in svar.stdout
    assert "till arshjul/2026/kompetens.yaml#A1" in svar.stdout
    starta_omvarld(exempel)
    assert garage(exempel, "overfor", "G3", "--ar", "2026", "--datum", "2026-12-09").slutkod == 0
    svar = garage(exempel, "lista", "--alla")
    assert f"till {OMVARLD}#A1" in svar.stdout
    assert "G3" not in garage(exempel, "lista").stdout


# Felen: slutkod ≠ 0, ett svenskt meddelande, och filerna orörda


def _orort(mapp: Path) -> dict[str, bytes]:
    return {fil.relative_to(mapp).as_posix(): fil.read_bytes() for fil in mapp.rglob("*.yaml")}


@pytest.mark.parametrize(
    ("argv", "slutkod", "i_felet"),
    [
        (("prioritera", "G33"), 2, "Det finns ingen post ”G33” i Garaget."),
        (("prioritera", "G33"), 2, "Menade du ”G3”?"),
        (("overfor", "X99", "--ar", "2026"), 2, "Det finns ingen post ”X99”"),
        (("prioritera", "G1"), 1, "Posten G1 är redan överförd 2026-02-11 till"),
        (("prioritera", "G5"), 1, "Posten G5 är avslutad och kan inte prioriteras."),
        (("overfor", "G4", "--ar", "2026"), 1, "redan överförd 2026-10-14 till"),
        (("overfor", "G5", "--ar", "2026"), 1, "är avslutad och kan inte föras över"),
        (("overfor", "G8", "--ar", "2026"), 1, "är genomförd och ändras inte i efterhand (POS001)"),
        (("overfor", "G6", "--ar", "2027"), 2, "har ingen session 2027"),
        (("overfor", "G6", "--ar", "2027"), 2, "kvalitet arshjul starta kompetens --ar 2027"),
        (("overfor", "G8", "--rum", "trygghet", "--ar", "20x6"), 2, "inget giltigt år"),
        (("overfor", "G8", "--rum", "tryghet", "--ar", "2026"), 2, "Menade du ”trygghet”?"),
        (("overfor", "G8", "--klart-senast", "2026-13-01"), 2, "--klart-senast"),
        (("prioritera", "G8", "--datum", "2026-01-01"), 2, "före dagen posten G8 kom in"),
        (("prioritera", "G8", "--rum", "procesr"), 2, "Menade du ”processer”?"),
    ],
)
def test_fel_ger_slutkod_och_meddelande_och_lamnar_filerna(
    exempel: Path, argv: tuple[str, ...], slutkod: int, i_felet: str
) -> None:
    fore = _orort(exempel)
    svar = garage(exempel, *argv)
    assert svar.slutkod == slutkod, svar
    assert i_felet in svar.stderr, svar
    assert "Traceback" not in svar.stderr
    assert _orort(exempel) == fore


def test_en_genomford_session_foreslar_nasta(exempel: Path) -> None:
    svar = garage(exempel, "overfor", "G8", "--ar", "2026")
    assert svar.slutkod == 1, svar
    assert "kvalitet arshjul starta trygghet" in svar.stderr
    assert "kvalitet garage overfor G8 --rum trygghet" in svar.stderr


def test_en_post_utan_rum_kraver_rum(exempel: Path) -> None:
    assert garage(exempel, "parkera", "Utan rum", "--typ", "idé").slutkod == 0
    fore = _orort(exempel)
    svar = garage(exempel, "overfor", "G9", "--ar", "2026")
    assert svar.slutkod == 2, svar
    assert "hör inte till något rum; ange sessionens rum med --rum" in svar.stderr
    assert _orort(exempel) == fore
    # prioritera --rum skriver rummet på dess plats i posten, efter typen.
    svar = garage(exempel, "prioritera", "G9", "--rum", "omv", "--datum", DAG)
    assert svar.slutkod == 0, svar
    assert "kvalitet garage overfor G9" in svar.stdout and "--rum omvarld" in svar.stdout
    text = las(exempel, GARAGET)
    assert re.search(
        rf"  - id: G9-\w{{4}}\n    rubrik: Utan rum\n    typ: idé\n    rum: omvarld\n"
        rf"    inkom: {DAG}\n    status: prioriterad\n    prioriterad: {DAG}\n$",
        text,
    ), text


def test_uppgifter_till_en_atgard_som_redan_finns_vagras(exempel: Path) -> None:
    ersatt(exempel, TRYGGHET, '    avvikelser: ["2026-001"]\n',
           '    avvikelser: ["2026-001"]\n    garaget: [G8]\n')  # fmt: skip
    fore = _orort(exempel)
    svar = garage(exempel, "overfor", "G8", "--ar", "2026", "--ansvarig", "enhetschef")
    assert svar.slutkod == 2, svar
    assert "Åtgärden A1 i arshjul/2026/trygghet.yaml tar redan hand om G8" in svar.stderr
    assert _orort(exempel) == fore


def test_personnummer_vagras_och_ingen_av_filerna_skrivs(exempel: Path) -> None:
    starta_omvarld(exempel)
    fore = _orort(exempel)
    svar = garage(exempel, "overfor", "G3", "--ar", "2026", "--atgard", f"Gäller {PNR}")
    assert svar.slutkod == 1, svar
    assert _orort(exempel) == fore  # sessionen vägras, så inte heller Garaget ändras
    assert PNR not in svar.stdout + svar.stderr
    svar = garage(exempel, "prioritera", "G3", "--motivering", f"Gäller {PNR}")
    assert svar.slutkod == 1, svar
    assert _orort(exempel) == fore
    assert PNR not in svar.stdout + svar.stderr


@pytest.mark.parametrize("kommando", [("prioritera", "G3"), ("overfor", "G3", "--ar", "2026")])
def test_ett_trasigt_garage_ger_slutkod_1(exempel: Path, kommando: tuple[str, ...]) -> None:
    ersatt(
        exempel, GARAGET, "    typ: risk\n    rum: omvarld\n", "    typ: hot\n    rum: omvarld\n"
    )
    fore = _orort(exempel)
    svar = garage(exempel, *kommando)
    assert svar.slutkod == 1, svar
    assert "garaget.yaml har fel" in svar.stderr
    assert _orort(exempel) == fore


def test_en_trasig_session_andras_inte(exempel: Path) -> None:
    starta_omvarld(exempel)
    ersatt(exempel, OMVARLD, "status: pågår", "status: pagar")
    fore = _orort(exempel)
    svar = garage(exempel, "overfor", "G3", "--ar", "2026")
    assert svar.slutkod == 1, svar
    assert f"{OMVARLD} har fel" in svar.stderr
    assert _orort(exempel) == fore


def test_utan_garage(liten: Path) -> None:
    svar = garage(liten, "prioritera", "G1")
    assert svar.slutkod == 2, svar
    assert "Det finns inget Garage (garaget.yaml saknas)" in svar.stderr


# GAR001


def test_exemplet_har_inga_parkerade_poster_med_atgard(exempel: Path) -> None:
    assert fynd(exempel) == []


def test_en_atgard_for_en_parkerad_post_ar_en_varning_pa_hanvisningen(exempel: Path) -> None:
    ersatt(exempel, TRYGGHET, '    avvikelser: ["2026-001"]\n',
           '    avvikelser: ["2026-001"]\n    garaget: [G4, G8]\n')  # fmt: skip
    ersatt(exempel, "avvikelser/2026/2026-003.yaml", "    uppföljning: 2026-03-27\n",
           "    uppföljning: 2026-03-27\n    garaget: [G6]\n")  # fmt: skip
    rad = radnummer(exempel, TRYGGHET, "garaget: [G4, G8]")
    avvikelse = radnummer(exempel, "avvikelser/2026/2026-003.yaml", "garaget: [G6]")
    assert fynd(exempel) == [
        ("arshjul/2026/trygghet.yaml", rad, "GAR001"),
        ("avvikelser/2026/2026-003.yaml", avvikelse, "GAR001"),
    ]
    resultat = kontroll.kontrollera(exempel, date.fromisoformat(PER))
    [session, arende] = [b for b in resultat.fynd if b.fynd.regel == "GAR001"]
    assert session.niva == Niva.varning
    assert session.fynd.kol == len("    garaget: [G4, ") + 1  # G8, inte den överförda G4
    assert "kvalitet garage overfor G8 --rum trygghet --ar 2026" in session.fynd.text
    assert 'överförd_till: "avvikelser/2026/2026-003.yaml#A1"' in arende.fynd.text
    assert kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache").slutkod == 0
    strikt = kor("kontrollera", str(exempel), "--per", PER, "--ingen-cache", "--strikt")
    assert strikt.slutkod == 1, strikt


@pytest.mark.parametrize("status", ["prioriterad", "överförd", "avslutad"])
def test_bara_parkerade_poster_ger_fynd(exempel: Path, status: str) -> None:
    ersatt(exempel, TRYGGHET, '    avvikelser: ["2026-001"]\n',
           '    avvikelser: ["2026-001"]\n    garaget: [G8]\n')  # fmt: skip
    text = las(exempel, GARAGET)
    start, slut = postens_status(text, "G8")
    (exempel / GARAGET).write_text(
        text[:start] + f"    status: {status}\n" + text[slut:], encoding="utf-8"
    )
    assert fynd(exempel) == []


def test_regeln_ar_dokumenterad() -> None:
    svar = kor("regler", "GAR001")
    assert svar.slutkod == 0, svar
    assert "kvalitet garage overfor" in svar.stdout


def test_kompletteringen_foreslar_oppna_poster(exempel: Path) -> None:
    from types import SimpleNamespace

    from kvalitet.cli.garage import poster

    ctx: Any = SimpleNamespace(params={"katalog": str(exempel)})
    assert [id_ for id_, _ in poster(ctx, "G")] == ["G2", "G3", "G6", "G7", "G8"]
    ctx = SimpleNamespace(params={"katalog": str(exempel / "finns-inte")})
    assert poster(ctx, "G") == []
