"""`kvalitet andringar --bas REF` och skyddade poster (`kontrollera --bas REF`) i riktiga förråd."""

from __future__ import annotations

import json
import re
from pathlib import Path

import git
import pytest

from tests.conftest import PER, kor


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def _gor_arbetet(mapp: Path) -> None:
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(mapp)).slutkod == 0
    _ersatt(
        mapp / "arshjul/2026/kompetens.yaml",
        "    uppföljning: 2027-06-30\n    status: pågår",
        "    uppföljning: 2027-06-30\n    status: klar",
    )
    for typ, rum in (("klagomål", "trygghet"), ("avvikelse", "processer")):
        svar = kor(
            "avvikelse",
            "ny",
            "--typ",
            typ,
            "--rum",
            rum,
            "--beskrivning",
            "Ett beslut dröjde.",
            "--datum",
            "2026-11-20",
            "-C",
            str(mapp),
        )
        assert svar.slutkod == 0, svar


def _punkter(markdown: str) -> list[str]:
    rader = markdown.split("**Kontrollen:**")[0].splitlines()
    return [rad[2:] for rad in rader if rad.startswith("- ")]


def test_andringar_namner_sessionen_atgarden_och_avvikelserna_och_inget_annat(
    exempel_pa_gren: git.Repo,
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _gor_arbetet(mapp)
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.index.commit("Arbetet på grenen")
    svar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER)
    assert svar.slutkod == 0, svar
    punkter = _punkter(svar.stdout)
    assert len(punkter) == 5, punkter
    assert punkter[0].startswith("Åtgärd ”Ta fram en strategi för att rekrytera")
    assert punkter[0].endswith("ändrad: status pågår → klar (arshjul/2026/kompetens.yaml)")
    assert (
        punkter[1] == "Ny session: Omvärldsbevakning 2026, 0 åtgärder (arshjul/2026/omvarld.yaml)"
    )
    assert punkter[2] == "2 nya avvikelser (avvikelse 1, klagomål 1)"
    assert "klagomål, Trygghet och säkerhet, inkom 2026-11-20" in punkter[3]
    assert "avvikelse, Processer och rutiner, inkom 2026-11-20" in punkter[4]


def test_andringar_ar_desamma_i_json_och_i_samma_ordning_varje_gang(
    exempel_pa_gren: git.Repo,
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _gor_arbetet(mapp)
    forsta = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    andra = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    assert forsta.stdout == andra.stdout
    data = json.loads(forsta.stdout)
    assert [p["slag"] for p in data["ändringar"]] == ["Årshjulet"] * 2 + ["Avvikelser"] * 3
    assert data["kontroll"]["antal"]["fel"] == 0


def test_andringar_utan_andringar_och_mot_en_okand_gren(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    svar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER)
    assert svar.slutkod == 0, svar
    assert "Inga ändringar i verksamhetens dokument." in svar.stdout
    okand = kor("andringar", "--bas", "finns-inte", "-C", str(mapp))
    assert okand.slutkod == 2, okand
    assert "finns-inte" in okand.stderr


def test_andringar_utanfor_ett_forrad(exempel: Path) -> None:
    svar = kor("andringar", "--bas", "main", "-C", str(exempel))
    assert svar.slutkod == 2, svar
    assert "git-förråd" in svar.stderr


PROCESSER = "arshjul/2026/processer.yaml"


def _fynd(svar_text: str, regel: str) -> list[str]:
    return [rad for rad in svar_text.splitlines() if f" {regel} " in rad]


def test_andrad_slutsats_i_en_genomford_session_ar_fel(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _ersatt(mapp / PROCESSER, "behöver en fast\n  påminnelse", "behöver en\n  påminnelse")
    exempel_pa_gren.git.commit("-am", "Ändrad slutsats")
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    fynd = _fynd(svar.stdout, "POS001")
    assert len(fynd) == 1
    assert f"{PROCESSER}:" in fynd[0] and "(slutsatser)" in fynd[0]
    # Utan --bas jämförs ingenting.
    assert not _fynd(kor("kontrollera", str(mapp), "--per", PER).stdout, "POS001")


def test_en_uppfoljning_och_atgardernas_status_far_andras(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    text = (mapp / PROCESSER).read_text(encoding="utf-8")
    (mapp / PROCESSER).write_text(
        text + "uppföljningar:\n  - datum: 2026-11-20\n    text: Påminnelsen fungerar.\n",
        encoding="utf-8",
    )
    _ersatt(
        mapp / PROCESSER,
        "effekt: >-\n      Processen",
        "effekt: >-\n      Den nya processen",
    )
    exempel_pa_gren.git.commit("-am", "Uppföljning")
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 0, svar
    assert not _fynd(svar.stdout, "POS001")
    # En uppföljning som redan fanns får däremot inte skrivas om.
    exempel_pa_gren.git.checkout("-b", "omskrivning")
    _ersatt(mapp / PROCESSER, "Påminnelsen fungerar.", "Påminnelsen fungerar inte.")
    exempel_pa_gren.git.commit("-am", "Omskriven uppföljning")
    exempel_pa_gren.create_head("main2", exempel_pa_gren.commit("arbete"))
    fel = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main2")
    assert fel.slutkod == 1, fel
    assert "(uppföljningar)" in _fynd(fel.stdout, "POS001")[0]


def test_ett_avslutat_arende_som_tas_bort_ar_fel(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    avslutat = next(
        p
        for p in sorted((mapp / "avvikelser").rglob("*.yaml"))
        if "status: avslutad" in p.read_text(encoding="utf-8")
    )
    avslutat.unlink()
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    assert avslutat.name in _fynd(svar.stdout, "POS001")[0]


def test_en_ny_genomford_session_pa_grenen_ar_inget_fel(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    (mapp / "arshjul/2025/trygghet.yaml").write_text(
        (mapp / "arshjul/2026/trygghet.yaml")
        .read_text(encoding="utf-8")
        .replace("år: 2026", "år: 2025"),
        encoding="utf-8",
    )
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert not _fynd(svar.stdout, "POS001"), svar


NY_ANALYS = """\
id: RA-2026-003
rubrik: Ny mottagning för vuxna
datum: 2026-11-02
anledning: förändring
omfattning:
  rum: processer
risker:
  - id: R1
    risk: Ansökningar blir liggande under flytten.
    sannolikhet: 3
    konsekvens: 3
    åtgärder:
      - id: A1
        åtgärd: Mottagningen bemannas dubbelt under flyttveckan.
        ansvarig: enhetschef vuxenenheten
        klart_senast: 2026-12-04
        uppföljning: 2027-01-15
        status: planerad
  - id: R2
    risk: Telefonen går inte att nå under flytten.
    sannolikhet: 2
    konsekvens: 2
  - id: R3
    risk: Lokalen saknar ett rum för samtal i enrum.
status: planerad
"""


def _poster(mapp: Path, bas: str, slag: str) -> list[str]:
    svar = kor("andringar", "--bas", bas, "-C", str(mapp), "--per", PER, "--format", "json")
    assert svar.slutkod == 0, svar
    return [p["text"] for p in json.loads(svar.stdout)["ändringar"] if p["slag"] == slag]


def test_andringar_beskriver_en_ny_riskanalys_och_vad_som_hander_med_riskerna(
    exempel_pa_gren: git.Repo,
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    analys = mapp / "riskanalyser/RA-2026-003.yaml"
    analys.write_text(NY_ANALYS, encoding="utf-8")
    assert _poster(mapp, "main", "Riskanalyser") == [
        "Ny riskanalys RA-2026-003 ”Ny mottagning för vuxna” (planerad): 3 risker, 1 hög,"
        " högsta riskvärde 9"
    ]
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.index.commit("Ny riskanalys")
    exempel_pa_gren.create_head("vidare").checkout()
    _ersatt(analys, "\nstatus: planerad\n", "\nstatus: genomförd\n")
    _ersatt(analys, "    konsekvens: 3\n", "    konsekvens: 4\n")
    _ersatt(analys, "        status: planerad", "        status: pågår")
    _ersatt(
        analys,
        "    konsekvens: 2\n",
        "    konsekvens: 2\n    åtgärder:\n      - id: A2\n        åtgärd: Samtal kopplas"
        " till växeln.\n        ansvarig: enhetschef vuxenenheten\n        klart_senast:"
        " 2026-11-27\n        uppföljning: 2027-01-15\n        status: planerad\n",
    )
    _ersatt(
        analys,
        "enrum.\n",
        "enrum.\n    sannolikhet: 1\n    konsekvens: 2\n    accepterad: true\n"
        "    motivering: Samtalen hålls i stadshusets rum tills vidare.\n"
        "  - id: R4\n    risk: Nya blanketter hinner inte tryckas.\n"
        "    sannolikhet: 1\n    konsekvens: 1\n",
    )
    assert _poster(mapp, "arbete", "Riskanalyser") == [
        "Riskanalysen RA-2026-003: status planerad → genomförd",
        "Risken R1 (”Ansökningar blir liggande under flytten.”): riskvärde 9 → 12",
        "Åtgärd ”Mottagningen bemannas dubbelt under flyttveckan.” ändrad: status planerad → pågår",
        "Risken R2 (”Telefonen går inte att nå under flytten.”) har fått åtgärden ”Samtal"
        " kopplas till växeln.” (planerad)",
        "Risken R3 (”Lokalen saknar ett rum för samtal i enrum.”): riskvärde – → 2",
        "Risken R3 (”Lokalen saknar ett rum för samtal i enrum.”) accepterad: Samtalen hålls"
        " i stadshusets rum tills vidare.",
        "Risken R4 (”Nya blanketter hinner inte tryckas.”) tillagd, riskvärde 1",
    ]
    # Utan risken R2 och med en uppföljning: borttagen och uppföljd.
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.index.commit("Genomförd")
    text = analys.read_text(encoding="utf-8")
    borjan, slut = text.index("  - id: R2"), text.index("  - id: R3")
    analys.write_text(
        text[:borjan]
        + text[slut:]
        + "uppföljningar:\n  - datum: 2026-11-25\n    text: Flytten gick bra.\n",
        encoding="utf-8",
    )
    assert _poster(mapp, "vidare", "Riskanalyser") == [
        "Risken R2 (”Telefonen går inte att nå under flytten.”) borttagen",
        "1 ny uppföljning av riskanalysen RA-2026-003",
    ]


def test_en_andrad_riskanalys_i_exemplet_hamnar_under_riskanalyser(
    exempel_pa_gren: git.Repo,
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _ersatt(
        mapp / "riskanalyser/RA-2026-002.yaml",
        "    sannolikhet: 3\n    konsekvens: 2\n",
        "    sannolikhet: 2\n    konsekvens: 2\n",
    )
    assert _poster(mapp, "main", "Riskanalyser") == [
        "Risken R3 (”Handläggarna hinner inte lära sig det nya systemet, och dok…”): riskvärde"
        " 6 → 4"
    ]
    assert _poster(mapp, "main", "Huset och rummen") == []


KOLADA = "omvarld/kolada/N30005.yaml"


def test_andringar_namner_nya_och_uppdaterade_kolada_serier(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    serie = mapp / KOLADA
    _ersatt(serie, "hämtad: 2026-10-05", "hämtad: 2027-03-01")
    _ersatt(serie, "värde: 6702.1", "värde: 6710.4")
    rad = '  - {kommun: "2499", år: 2025, kön: T, värde: 6710.4, antal: 1}\n'
    _ersatt(serie, rad, rad + rad.replace("2025", "2026").replace("6710.4", "6990.0"))
    (mapp / "omvarld/kolada/N31807.yaml").write_text(
        "kpi: N31807\nhämtad: 2027-03-01\nvärden:\n"
        '  - {kommun: "2499", år: 2023, kön: T, värde: 12.5}\n'
        '  - {kommun: "2499", år: 2024, kön: T, värde: null}\n'
        '  - {kommun: "2499", år: 2025, kön: T, värde: 14.0}\n',
        encoding="utf-8",
    )
    assert _poster(mapp, "main", "Omvärldsbevakning (Kolada)") == [
        "Kolada-serien N30005 ”Nettokostnad individ- och familjeomsorg, kr/inv” uppdaterad"
        " (hämtad 2027-03-01): nytt år 2026, ändrade värden för 2025",
        "Ny Kolada-serie N31807: 2023–2025, hämtad 2027-03-01",
    ]
    # Bara ett nytt hämtningsdatum: filen är ändrad, men inga värden.
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.index.commit("Kolada")
    _ersatt(serie, "hämtad: 2027-03-01", "hämtad: 2027-03-02")
    assert _poster(mapp, "arbete", "Omvärldsbevakning (Kolada)") == [f"{KOLADA} ändrad"]


def test_arlistan_slar_ihop_foljande_ar() -> None:
    from kvalitet.andringar import _arlista

    assert _arlista({2024}) == "2024"
    assert _arlista({2024, 2025}) == "2024 och 2025"
    assert _arlista({2023, 2024, 2025}) == "2023–2025"
    assert _arlista({2021, 2023, 2024}) == "2021, 2023 och 2024"


# En tom --bas och en grund klon utan gemensam historik (issue 13.7 och 13.8).


@pytest.mark.parametrize("kommando", ["kontrollera", "andringar"])
@pytest.mark.parametrize("bas", ["", "  "])
def test_en_tom_bas_ar_fel_anvandning(exempel_pa_gren: git.Repo, kommando: str, bas: str) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _ersatt(
        mapp / "arshjul/2026/processer.yaml",
        "slutsatser:",
        "slutsatser: Ändrad i efterhand.\n  tidigare:",
    )
    argument = [str(mapp)] if kommando == "kontrollera" else ["-C", str(mapp)]
    svar = kor(kommando, *argument, "--bas", bas, "--per", PER)
    assert svar.slutkod == 2, svar
    assert "--bas behöver en gren att jämföra med" in svar.stderr
    assert "tom i CI" in svar.stderr


def test_en_grund_klon_utan_gemensam_incheckning_jamfor_inte_med_fel_bas(
    exempel_pa_gren: git.Repo, tmp_path: Path
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    # main går vidare efter att grenen skapades, med en tillåten uppföljning.
    exempel_pa_gren.heads.main.checkout()
    _ersatt(
        mapp / "arshjul/2026/kompetens.yaml",
        "    uppföljning: 2027-06-30\n    status: pågår",
        "    uppföljning: 2027-06-30\n    status: klar",
    )
    exempel_pa_gren.git.commit("-qam", "Uppföljning på main")
    exempel_pa_gren.heads.arbete.checkout()
    _gor_arbetet(mapp)
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.git.commit("-qm", "Arbetet")
    klon = tmp_path / "klon"
    git.Repo.clone_from(mapp.as_uri(), klon, depth=1, no_single_branch=True, branch="arbete")
    for kommando, argument in (("kontrollera", [str(klon)]), ("andringar", ["-C", str(klon)])):
        svar = kor(kommando, *argument, "--bas", "origin/main", "--per", PER)
        assert svar.slutkod == 2, svar
        assert "ingen gemensam incheckning i den här klonen" in svar.stderr
        assert "git fetch --unshallow" in svar.stderr
        assert "POS001" not in svar.stdout
    # Med hela historiken jämförs med där grenen avvek: ingen skyddad post är ändrad.
    git.Repo(klon).git.fetch("--unshallow")
    svar = kor("kontrollera", str(klon), "--bas", "origin/main", "--per", PER)
    assert "POS001" not in svar.stdout, svar
    assert svar.slutkod == 0, svar


# Frister stoppar inte en gren som inte orsakar dem (issue 14.1).

SENT = "2027-03-01"  # rum utan session, egenkontroller och åtaganden har då löpt ut


def _ny_avvikelse_pa_grenen(repo: git.Repo) -> Path:
    mapp = Path(repo.working_dir)
    svar = kor("avvikelse", "ny", "--typ", "avvikelse", "--rum", "processer", "--beskrivning",
               "Ett beslut dröjde.", "--datum", "2027-02-20", "-C", str(mapp))  # fmt: skip
    assert svar.slutkod == 0, svar
    repo.git.add(A=True)
    repo.index.commit("En ny avvikelse")
    return mapp


def test_en_gren_med_en_ny_avvikelse_stoppas_inte_av_frister(exempel_pa_gren: git.Repo) -> None:
    mapp = _ny_avvikelse_pa_grenen(exempel_pa_gren)
    # Den 1 januari har omvärldsrummets handlingsplan löpt ut och årets åtaganden saknar utfall.
    svar = kor("kontrollera", str(mapp), "--bas", "main", "--per", "2027-01-01")
    assert svar.slutkod == 0, svar
    assert re.search(r": varning RUM002 .*Omvärldsbevakning.*målgrenen", svar.stdout), svar
    for flaggor in ((), ("--strikt",)):
        svar = kor("kontrollera", str(mapp), "--bas", "main", "--per", SENT, *flaggor)
        assert svar.slutkod == 0, svar
    rader = [r for r in svar.stdout.splitlines() if " RUM002 " in r or " EGK001 " in r]
    assert len(rader) == 4, svar.stdout
    assert all(": varning " in r and "löpt ut redan på målgrenen" in r for r in rader), rader
    # Samma filer på main (och i ett schemalagt jobb, utan --bas) stoppar.
    exempel_pa_gren.heads.main.checkout()
    svar = kor("kontrollera", str(mapp), "--per", SENT)
    assert svar.slutkod == 1, svar
    assert re.search(r": fel RUM002 .*Processer och rutiner", svar.stdout), svar.stdout
    svar = kor("kontrollera", str(mapp), "--per", "2027-01-01")
    assert svar.slutkod == 1, svar
    assert re.search(r": fel RUM002 .*Omvärldsbevakning", svar.stdout), svar.stdout


def test_en_frist_som_grenen_orsakar_stoppar(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    (mapp / "arshjul/2026/trygghet.yaml").unlink()  # rummet förlorar sin handlingsplan
    exempel_pa_gren.git.add(A=True)
    exempel_pa_gren.index.commit("Sessionen borttagen")
    svar = kor("kontrollera", str(mapp), "--bas", "main", "--per", PER, "--format", "json")
    assert svar.slutkod == 1, svar
    rum002 = [f for f in json.loads(svar.stdout)["fynd"] if f["regel"] == "RUM002"]
    assert [(f["nivå"], "målgrenen" in f["text"]) for f in rum002] == [("fel", False)], rum002


def test_regler_sager_vilka_som_ar_frister() -> None:
    svar = kor("regler", "RUM002")
    assert "Frist:" in svar.stdout
    assert "Frist:" not in kor("regler", "SES002").stdout
