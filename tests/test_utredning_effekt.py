"""Utredda orsaker i avslutade ärenden (AVV002) och åtgärdernas effekt (ATG003), issue 16.7.

Testerna jämför (fil, rad, regel), som tests/test_regler.py, och lämnar ordalydelsen åt
några CLI-tester.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from kvalitet import kontroll, rapporter
from kvalitet.fynd import Niva
from kvalitet.kontroller import REGLER
from kvalitet.rapporter import avvikelser
from kvalitet.verksamhet import ladda
from tests.conftest import AVVIKELSE, EXEMPEL, PER, ROT, SESSION, bygg_tradet, kor

ARENDE = "avvikelser/2026/2026-001.yaml"
PROCESSER = "arshjul/2026/processer.yaml"
FUNKTIONSSTOD = ROT / "exempel-funktionsstod"


def fynd(rot: Path, regel: str, per: str = PER) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def rad(fil: Path, text: str) -> int:
    """Radnumret (från 1) för första raden med `text`."""
    rader = fil.read_text(encoding="utf-8").splitlines()
    return next(i for i, r in enumerate(rader) if text in r) + 1


def utan_effekt(fil: Path, *efter: str) -> int:
    """Ta bort den första effekten efter raderna med texterna `efter` (i tur och ordning).

    Returns:
        Radnumret för den sista av raderna, åtgärdens rad.
    """
    rader = fil.read_text(encoding="utf-8").splitlines(keepends=True)
    i = 0
    for text in efter:
        i = next(j for j in range(i, len(rader)) if text in rader[j])
    j = next(j for j in range(i, len(rader)) if rader[j].lstrip().startswith("effekt:"))
    indrag = len(rader[j]) - len(rader[j].lstrip())
    slut = j + 1
    # En effekt över flera rader (>-) har djupare indragna rader efter sig.
    while slut < len(rader) and len(rader[slut]) - len(rader[slut].lstrip()) > indrag:
        slut += 1
    fil.write_text("".join(rader[:j] + rader[slut:]), encoding="utf-8")
    return i + 1


def ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert text.count(gammalt) == 1, gammalt
    fil.write_text(text.replace(gammalt, nytt), encoding="utf-8")


def arende(status: str = "avslutad") -> str:
    """AVVIKELSE (med process men utan utredning) med en annan status."""
    return AVVIKELSE.replace("status: registrerad", f"status: {status}")


ORSAKER = "utredning:\n  orsaker:\n    - Rutinen för expediering var inte känd\n"
PROCESS = "process: Handläggning av ansökan\n"


# AVV002: avslutade ärenden har orsaker och process


def test_avv002_avslutat_utan_utredning_och_process_pekar_pa_status(liten: Path) -> None:
    bygg_tradet(liten, {ARENDE: arende().replace(PROCESS, "")})
    assert fynd(liten, "AVV002") == [(ARENDE, 6, "AVV002")]


def test_avv002_tomma_orsaker_pekar_pa_orsakerna(liten: Path) -> None:
    text = arende() + "utredning:\n  ansvarig: enhetschef\n  orsaker: []\n"
    bygg_tradet(liten, {ARENDE: text})
    assert fynd(liten, "AVV002") == [(ARENDE, 10, "AVV002")]


def test_avv002_utredning_utan_orsaker_pekar_pa_utredningen(liten: Path) -> None:
    bygg_tradet(liten, {ARENDE: arende() + "utredning:\n  ansvarig: enhetschef\n"})
    assert fynd(liten, "AVV002") == [(ARENDE, 8, "AVV002")]


@pytest.mark.parametrize("process", ["process:\n", "process: '  '\n"])
def test_avv002_tom_process_pekar_pa_processen(liten: Path, process: str) -> None:
    bygg_tradet(liten, {ARENDE: arende().replace(PROCESS, process) + ORSAKER})
    assert fynd(liten, "AVV002") == [(ARENDE, 5, "AVV002")]


def test_avv002_tomma_orsaker_och_process_pekar_pa_status(liten: Path) -> None:
    text = arende().replace(PROCESS, "process:\n") + "utredning:\n  orsaker: []\n"
    bygg_tradet(liten, {ARENDE: text})
    assert fynd(liten, "AVV002") == [(ARENDE, 7, "AVV002")]


def test_avv002_orsak_av_bara_blanksteg_raknas_inte(liten: Path) -> None:
    bygg_tradet(liten, {ARENDE: arende() + "utredning:\n  orsaker: ['   ']\n"})
    assert fynd(liten, "AVV002") == [(ARENDE, 9, "AVV002")]


@pytest.mark.parametrize(
    "status", ["registrerad", "under_utredning", "bedömd", "åtgärdad", "uppföljd"]
)
def test_avv002_bara_avslutade_arenden(liten: Path, status: str) -> None:
    bygg_tradet(liten, {ARENDE: arende(status).replace(PROCESS, "")})
    assert fynd(liten, "AVV002") == []


@pytest.mark.parametrize("typ", ["synpunkt", "klagomål", "missförhållande"])
def test_avv002_galler_alla_slag_av_arenden(liten: Path, typ: str) -> None:
    bygg_tradet(liten, {ARENDE: arende().replace("typ: avvikelse", f"typ: {typ}")})
    assert fynd(liten, "AVV002") == [(ARENDE, 7, "AVV002")]
    bygg_tradet(liten, {ARENDE: arende().replace("typ: avvikelse", f"typ: {typ}") + ORSAKER})
    assert fynd(liten, "AVV002") == []


def test_avv002_okand_process_ar_ref003s_sak(liten: Path) -> None:
    text = arende().replace(PROCESS, "process: Handläggning av ansökningar\n") + ORSAKER
    bygg_tradet(liten, {ARENDE: text})
    assert fynd(liten, "AVV002") == []
    assert fynd(liten, "REF003") == [(ARENDE, 5, "REF003")]


def test_avv002_orsaker_som_inte_ar_en_lista_ger_schemafel(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bygg_tradet(liten, {ARENDE: arende() + "utredning:\n  orsaker: Rutinen var okänd\n"})
    monkeypatch.chdir(liten)
    svar = kor("kontrollera", "--per", PER)
    assert svar.slutkod == 1, svar
    assert re.search(rf"^{ARENDE}:9:\d+: fel SCH001 ", svar.stdout, re.M), svar
    assert " AVV002 " not in svar.stdout
    assert "Traceback" not in svar.stderr


def test_avv002_i_exemplet(exempel: Path) -> None:
    fil = exempel / "avvikelser/2026/2026-001.yaml"
    assert fynd(exempel, "AVV002") == []
    ersatt(fil, "process: Mottagande av orosanmälan\n", "")
    status = rad(fil, "status: avslutad")
    assert fynd(exempel, "AVV002") == [("avvikelser/2026/2026-001.yaml", status, "AVV002")]


# ATG003: åtgärder vars uppföljning har passerat har en effekt


def test_atg003_uppfoljningsdagen_ar_passerad_forst_dagen_efter(liten: Path) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION})
    assert fynd(liten, "ATG003", per="2026-06-15") == []
    assert fynd(liten, "ATG003", per="2026-06-16") == [(PROCESSER, 15, "ATG003")]


@pytest.mark.parametrize(
    ("status", "vantat"),
    [
        ("avbruten", []),
        ("planerad", [(PROCESSER, 15, "ATG003")]),
        ("pågår", [(PROCESSER, 15, "ATG003")]),
        ("klar", [(PROCESSER, 15, "ATG003")]),
    ],
)
def test_atg003_avbrutna_atgarder_foljs_inte_upp(
    liten: Path, status: str, vantat: list[tuple[str, int, str]]
) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION.replace("status: klar", f"status: {status}")})
    assert fynd(liten, "ATG003") == vantat


def test_atg003_effekt_av_bara_blanksteg_raknas_inte(liten: Path) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION + "    effekt: '  '\n"})
    assert fynd(liten, "ATG003") == [(PROCESSER, 15, "ATG003")]
    bygg_tradet(liten, {PROCESSER: SESSION + "    effekt: Rutinen följs.\n"})
    assert fynd(liten, "ATG003") == []


def test_atg003_utan_uppfoljningsdag_ar_atg002s_sak(liten: Path) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION.replace("    uppföljning: 2026-06-15\n", "")})
    assert fynd(liten, "ATG003") == []
    assert fynd(liten, "ATG002") == [(PROCESSER, 15, "ATG002")]


def test_atg003_uppfoljning_som_inte_ar_ett_datum_ger_schemafel(
    liten: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION.replace("2026-06-15", "efter sommaren")})
    monkeypatch.chdir(liten)
    svar = kor("kontrollera", "--per", PER)
    assert svar.slutkod == 1, svar
    assert re.search(rf"^{PROCESSER}:19:\d+: fel SCH001 ", svar.stdout, re.M), svar
    assert " ATG003 " not in svar.stdout
    assert "Traceback" not in svar.stderr


def test_atg003_galler_avvikelser_riskanalyser_och_egenkontroller(exempel: Path) -> None:
    """Samma genomgång av åtgärderna som ATG001: varje slags fil, på åtgärdens rad."""
    assert fynd(exempel, "ATG003") == []
    avvikelse = "avvikelser/2026/2026-002.yaml"
    risk = "riskanalyser/RA-2026-001.yaml"
    kontroll_ = "egenkontroll/2026/EK-2026-001.yaml"
    vantat = [
        (avvikelse, utan_effekt(exempel / avvikelse, "- id: A1"), "ATG003"),
        (kontroll_, utan_effekt(exempel / kontroll_, "- id: A1"), "ATG003"),
        (risk, utan_effekt(exempel / risk, "- id: R1", "- id: A1"), "ATG003"),
    ]
    assert fynd(exempel, "ATG003") == vantat


def test_atg003_ar_en_frist_som_inte_stoppar_en_gren_som_inte_orsakar_den(liten: Path) -> None:
    bygg_tradet(liten, {PROCESSER: SESSION})
    v = ladda(liten)
    resultat = kontroll.bedom(v, date.fromisoformat(PER), bas=v)
    (bedomt,) = [b for b in resultat.fynd if b.fynd.regel == "ATG003"]
    assert bedomt.arvd
    assert bedomt.niva == Niva.varning
    svar = kor("regler", "ATG003")
    assert svar.slutkod == 0, svar
    assert "Frist" in svar.stdout


def _efter_andringen(gammal: Path, ny: Path, regel: str) -> list[tuple[str, int, str]]:
    resultat = kontroll.bedom(ladda(ny), date.fromisoformat(PER), bas=ladda(gammal))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def test_pos001_orsaker_och_process_far_fyllas_i_efter_avslutet(
    liten: Path, tmp_path: Path
) -> None:
    """Ett ärende som avslutades utan orsaker kan kompletteras utan att POS001 stoppar."""
    bygg_tradet(liten, {ARENDE: arende().replace(PROCESS, "process:\n")})
    ny = tmp_path / "ny"
    shutil.copytree(liten, ny)
    bygg_tradet(ny, {ARENDE: arende() + ORSAKER})
    assert _efter_andringen(liten, ny, "POS001") == []
    assert _efter_andringen(liten, ny, "AVV002") == []
    # Det som redan stod i det avslutade ärendet ändras däremot inte.
    bygg_tradet(liten, {ARENDE: arende() + ORSAKER})
    bygg_tradet(ny, {ARENDE: arende() + ORSAKER.replace("inte känd", "okänd")})
    assert _efter_andringen(liten, ny, "POS001") == [(ARENDE, 10, "POS001")]
    bygg_tradet(ny, {ARENDE: arende().replace("ansökan", "bistånd") + ORSAKER})
    assert _efter_andringen(liten, ny, "POS001") == [(ARENDE, 5, "POS001")]


# Nivåer, exemplen och CLI


def test_standardnivaerna_ar_varningar() -> None:
    # Verksamheten kan höja dem under regler.nivåer i huset.yaml.
    for regel in ("AVV002", "ATG003"):
        assert REGLER[regel].NIVA is Niva.varning


@pytest.mark.parametrize("mapp", [EXEMPEL, FUNKTIONSSTOD], ids=["verksamhet", "funktionsstod"])
def test_exemplen_ar_utredda_och_uppfoljda(mapp: Path) -> None:
    resultat = kontroll.kontrollera(mapp, date.fromisoformat(PER))
    assert [b.fynd for b in resultat.fynd if b.fynd.regel in ("AVV002", "ATG003")] == []


def test_kontrollera_sager_vad_som_saknas(liten: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bygg_tradet(
        liten,
        {
            ARENDE: arende().replace(PROCESS, "") + "utredning:\n  orsaker: []\n",
            PROCESSER: SESSION.replace("status: klar", "status: pågår"),
        },
    )
    monkeypatch.chdir(liten)
    svar = kor("kontrollera", "--per", PER)
    assert svar.slutkod == 1, svar  # AVV002 är fel enligt standardreglerna
    fynd_ = [r for r in svar.stdout.splitlines() if re.match(r"\S+:\d+:\d+: ", r)]
    rader = {r.split(" ", 3)[2]: r for r in fynd_}
    assert rader["AVV002"].startswith(f"{ARENDE}:6:1: fel AVV002 ")
    assert "utredning.orsaker" in rader["AVV002"] and "process" in rader["AVV002"]
    assert rader["ATG003"].startswith(f"{PROCESSER}:15:5: varning ATG003 ")
    assert "2026-06-15" in rader["ATG003"] and "pågår" in rader["ATG003"]


# Mallen för nya ärenden och kvalitet avvikelse ny


def test_ny_utan_process_paminner_om_processen(liten: Path) -> None:
    argument = ("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning",
                "Ett beslut dröjde.", "--datum", "2026-03-02", "-C", str(liten))  # fmt: skip
    svar = kor(*argument)
    assert svar.slutkod == 0, svar
    assert "AVV002" in svar.stdout
    fil = next((liten / "avvikelser/2026").glob("*.yaml"))
    text = fil.read_text(encoding="utf-8")
    assert "# Processen i husets processregister" in text
    assert "regeln AVV002" in text and "regeln ATG003" in text
    med_process = kor(*argument, "--process", "handlaggning")
    assert med_process.slutkod == 0, med_process
    assert "AVV002" not in med_process.stdout


# Avvikelserapporten


def test_rapporten_raknar_utredda_arenden_och_uppfoljda_atgarder(exempel: Path) -> None:
    uppdrag = rapporter.Uppdrag(2026, date.fromisoformat(PER), None)
    analys = avvikelser.bygg(ladda(exempel), uppdrag).analys
    assert [r.n for r in analys.utredning] == [7, 0]
    assert [r.n for r in analys.effekt] == [analys.n_uppfoljda, 0]
    ersatt(exempel / "avvikelser/2026/2026-001.yaml", "process: Mottagande av orosanmälan\n", "")
    utan_effekt(exempel / "avvikelser/2026/2026-002.yaml", "- id: A1")
    analys = avvikelser.bygg(ladda(exempel), uppdrag).analys
    assert [r.n for r in analys.utredning] == [6, 1]
    assert analys.effekt[1].n == 1
    md = kor("rapport", "avvikelser", "-C", str(exempel), "--ar", "2026", "--per", PER,
             "--exakta-antal", "--format", "md", "--ut", "-")  # fmt: skip
    assert "| Utan kartlagda orsaker eller process | 1 |" in md.stdout, md
    assert "| Utan beskriven effekt | 1 |" in md.stdout, md


def test_analysen_utan_bedomningsdag_raknar_inte_effekten() -> None:
    analys = avvikelser.analys(ladda(EXEMPEL), 2026, 5)
    assert analys.effekt == ()
    assert analys.n_uppfoljda == 0


def test_uppfoljda_atgarder_i_rapporten_foljer_regeln(exempel: Path) -> None:
    """Rapportens ”utan beskriven effekt” är ATG003:s fynd i årets ärenden."""
    per = "2027-03-01"
    analys = avvikelser.analys(ladda(exempel), 2026, None, date.fromisoformat(per))
    arets = [f for f in fynd(exempel, "ATG003", per=per) if f[0].startswith("avvikelser/2026/")]
    assert analys.effekt[1].n == len(arets) > 0
