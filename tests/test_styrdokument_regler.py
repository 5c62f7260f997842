"""Styrdokumentens och lagkravslistans regler (DOK…, LAG…) på en kopia av exemplet (issue 15)."""

from __future__ import annotations

import json
from pathlib import Path

import git
import pytest

from tests.conftest import PER, kor

TOLK = "styrdokument/rutin-tolkbokning.md"
HANDLAGGNING = "styrdokument/process-handlaggning-ansokan.md"


def _ersatt(fil: Path, gammalt: str, nytt: str) -> None:
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text, gammalt
    fil.write_text(text.replace(gammalt, nytt, 1), encoding="utf-8")


def _fynd(mapp: Path, *extra: str, per: str = PER) -> list[dict[str, object]]:
    svar = kor("kontrollera", str(mapp), "--per", per, "--format", "json", *extra)
    fynd: list[dict[str, object]] = json.loads(svar.stdout)["fynd"]
    return fynd


def _regel(fynd: list[dict[str, object]], regel: str) -> list[tuple[str, int, int, str]]:
    return [
        (str(f["fil"]), int(str(f["rad"])), int(str(f["kolumn"])), str(f["text"]))
        for f in fynd
        if f["regel"] == regel
    ]


def _rad(fil: Path, bit: str) -> int:
    return next(nr for nr, rad in enumerate(fil.read_text("utf-8").split("\n"), 1) if bit in rad)


def test_exemplet_har_inga_fel_i_styrdokumenten() -> None:
    from tests.conftest import EXEMPEL

    fynd = _fynd(EXEMPEL)
    assert not [f for f in fynd if str(f["regel"]).startswith(("DOK", "LAG"))], fynd


# DOK001: länkarna


@pytest.mark.parametrize(
    ("gammalt", "nytt", "orsak"),
    [
        ("(rutin-tolkbokning.md)", "(rutin-tolkbokningen.md)", "inget styrdokument"),
        ("(rutin-tolkbokning.md)", "(rutin-tolkbokning.md#pris)", "ingen rubrik"),
        ("(rutin-tolkbokning.md)", "(rum:saknas)", "inget rum"),
        ("(rutin-tolkbokning.md)", "(process:saknas)", "ingen process"),
        ("(rutin-tolkbokning.md)", "(bilaga.pdf)", "finns inte"),
        ("(rutin-tolkbokning.md)", "(ftp:tolk)", "används inte"),
    ],
)
def test_en_trasig_lank_ar_ett_fel_vid_lankens_rad_och_kolumn(
    exempel: Path, gammalt: str, nytt: str, orsak: str
) -> None:
    fil = exempel / HANDLAGGNING
    _ersatt(fil, gammalt, nytt)
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1, svar
    rad = _rad(fil, nytt)
    kol = fil.read_text("utf-8").split("\n")[rad - 1].index(nytt) + 2
    assert f"{HANDLAGGNING}:{rad}:{kol}: fel DOK001" in svar.stdout, svar.stdout
    [(_, _, _, text)] = _regel(_fynd(exempel), "DOK001")
    assert orsak in text


def test_lankar_som_fungerar(exempel: Path) -> None:
    fil = exempel / HANDLAGGNING
    fil.write_text(
        fil.read_text("utf-8")
        + "\nSe [ansvaret](#ansvar), [tolk](rutin-tolkbokning.md#så-bokar-du),"
        " [rummet](rum:trygghet), [processen](process:orosanmalan), [webben](https://example.org)"
        " och ![flödet](bilder/flode.png).\n",
        encoding="utf-8",
    )
    (exempel / "styrdokument/bilder").mkdir()
    (exempel / "styrdokument/bilder/flode.png").write_bytes(b"\x89PNG\r\n")
    assert not _regel(_fynd(exempel), "DOK001")


def test_en_lank_ut_ur_forradet_gar_inte_att_folja(exempel: Path, tmp_path: Path) -> None:
    (tmp_path / "utanfor.txt").write_text("x", encoding="utf-8")
    fil = exempel / HANDLAGGNING
    fil.write_text(fil.read_text("utf-8") + "\n[x](../../utanfor.txt)\n", encoding="utf-8")
    assert len(_regel(_fynd(exempel), "DOK001")) == 1


# DOK003: revisionen


def test_ett_passerat_revideras_senast_namner_dokumentet(exempel: Path) -> None:
    fil = exempel / TOLK
    _ersatt(fil, "status: fastställd", "status: fastställd\nrevideras_senast: 2026-10-01")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    rad = _rad(fil, "revideras_senast")
    assert f"{TOLK}:{rad}:1: varning DOK003" in svar.stdout, svar.stdout
    [(_, _, _, text)] = _regel(_fynd(exempel), "DOK003")
    assert "”Rutin för tolkbokning” skulle ha reviderats senast 2026-10-01 (60 dagar sedan)" in text
    assert not _regel(_fynd(exempel, per="2026-10-01"), "DOK003")


def test_utan_revideras_senast_galler_granskningsintervallet(exempel: Path) -> None:
    # Fastställd 2026-09-08 och 12 månaders intervall: förfallen från 2027-09-09.
    assert all(TOLK not in f for f, *_ in _regel(_fynd(exempel, per="2027-09-08"), "DOK003"))
    assert any(TOLK in f for f, *_ in _regel(_fynd(exempel, per="2027-09-09"), "DOK003"))


def test_senast_granskad_skjuter_revisionen_framat(exempel: Path) -> None:
    fil = exempel / TOLK
    _ersatt(fil, "status: fastställd", "status: fastställd\nsenast_granskad: 2027-09-01")
    assert all(TOLK not in f for f, *_ in _regel(_fynd(exempel, per="2027-09-09"), "DOK003"))


def test_utkast_forfaller_inte(exempel: Path) -> None:
    fil = exempel / TOLK
    _ersatt(fil, "status: fastställd", "status: utkast\nrevideras_senast: 2026-01-01")
    assert not _regel(_fynd(exempel), "DOK003")


# DOK002, DOK004 och DOK006


def test_karnprocess_utan_faststalld_processbeskrivning(exempel: Path) -> None:
    _ersatt(exempel / HANDLAGGNING, "status: fastställd", "status: utkast")
    [(fil, _, _, text)] = _regel(_fynd(exempel), "DOK002")
    assert fil.endswith("huset.yaml")
    assert "Kärnprocessen ”Handläggning av ansökan" in text


def test_en_lank_till_ett_upphavt_dokument(exempel: Path) -> None:
    _ersatt(exempel / TOLK, "status: fastställd", "status: upphävd")
    fynd = _regel(_fynd(exempel), "DOK004")
    assert [(f.endswith(HANDLAGGNING), t) for f, _, _, t in fynd] == [
        (True, "”rutin-tolkbokning” är upphävt och gäller inte.")
    ]


def test_hanvisningar_i_huvudet(exempel: Path) -> None:
    fil = exempel / TOLK
    _ersatt(fil, "gäller: [processer, forhallningssatt]", "gäller: [processer, saknas]")
    _ersatt(fil, "lagkrav: [fl-tolk]", "lagkrav: [fl-tolken]\nersätter: rutin-gammal")
    texter = sorted(t for *_, t in _regel(_fynd(exempel), "DOK006"))
    assert texter == [
        "Det finns inget styrdokument ”rutin-gammal”.",
        "Huset har inget rum eller process ”saknas”.",
        "Kravet ”fl-tolken” finns inte i lagkravslistan (lagkrav.yaml).",
    ], texter
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1


def test_husets_styrdokument_kan_peka_ut_ett_dokument(exempel: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text("utf-8")
    assert "dokument: " in text
    forsta = text.split("dokument: ", 1)[1].split("\n", 1)[0]
    huset.write_text(text.replace(f"dokument: {forsta}", "dokument: finns-inte", 1), "utf-8")
    [(fil, _, _, text)] = _regel(_fynd(exempel), "DOK006")
    assert fil.endswith("huset.yaml") and "finns-inte" in text


# LAG001 och LAG002


def test_ett_krav_utan_dokument_och_ett_obevakat_krav(exempel: Path) -> None:
    _ersatt(exempel / TOLK, "lagkrav: [fl-tolk]", "lagkrav: []")
    _ersatt(exempel / HANDLAGGNING, ", fl-tolk]", "]")
    lag001 = _regel(_fynd(exempel), "LAG001")
    assert [(f.endswith("lagkrav.yaml"), "fl-tolk" in t) for f, _, _, t in lag001] == [(True, True)]
    lag002 = _regel(_fynd(exempel, per="2027-12-01"), "LAG002")
    assert lag002 and all("månader före 2027-12-01" in t for *_, t in lag002)


def test_lagkravslistan_valideras(exempel: Path) -> None:
    _ersatt(exempel / "lagkrav.yaml", "    ansvarig:", "    ansvar:")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert "lagkrav.yaml:" in svar.stdout and "ansvarig" in svar.stdout


# DOK005 och andringar: en ändring på en gren


def _checka_in(repo: git.Repo) -> None:
    repo.git.add(A=True)
    repo.index.commit("Ändringen")


def test_andrad_brodtext_utan_ny_version_ar_ett_fel_under_bas(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _ersatt(mapp / TOLK, "med ärendenummer men utan namn", "med ärendenummer, aldrig namn")
    _checka_in(exempel_pa_gren)
    svar = kor("kontrollera", str(mapp), "--per", PER, "--bas", "main")
    assert svar.slutkod == 1, svar
    assert f"{TOLK}:8:1: fel DOK005" in svar.stdout, svar.stdout
    assert "”Rutin för tolkbokning” är fastställt (version 1.0, 2026-09-08)" in svar.stdout
    assert kor("kontrollera", str(mapp), "--per", PER).slutkod == 0  # utan --bas: inget skydd

    andringar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER)
    assert andringar.slutkod == 1, andringar
    assert (
        "- Styrdokumentet ”Rutin för tolkbokning” (rutin-tolkbokning): avsnittet ”Så bokar du”"
        " ändrat; ska fastställas av verksamhetschef (ny version och nytt datum saknas)"
    ) in andringar.stdout, andringar.stdout
    assert "Styrdokument" in andringar.stdout.split("- Styrdokumentet")[0]


def test_ny_version_och_nytt_datum_ar_ett_nytt_beslut(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    fil = mapp / TOLK
    _ersatt(fil, "## Så bokar du", "## Ansvar\n\nEnhetschefen.\n\n## Så bokar du")
    _ersatt(fil, 'version: "1.0"', 'version: "1.1"')
    _ersatt(fil, "fastställd: 2026-09-08", "fastställd: 2026-11-20")
    _checka_in(exempel_pa_gren)
    assert kor("kontrollera", str(mapp), "--per", PER, "--bas", "main").slutkod == 0
    andringar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    texter = [a["text"] for a in json.loads(andringar.stdout)["ändringar"]]
    assert texter == [
        "Styrdokumentet ”Rutin för tolkbokning” (rutin-tolkbokning): avsnittet ”Ansvar” nytt;"
        " version 1.0 → 1.1; fastställd 2026-09-08 → 2026-11-20"
    ], texter


@pytest.mark.parametrize(
    ("gammalt", "nytt"),
    [
        ("status: fastställd", "status: fastställd\nsenast_granskad: 2026-11-20"),
        ("status: fastställd", "status: upphävd"),
        ("# Rutin för tolkbokning", "<!-- en kommentar -->\n# Rutin för tolkbokning"),
    ],
)
def test_oversyn_och_upphavande_kraver_ingen_ny_version(
    exempel_pa_gren: git.Repo, gammalt: str, nytt: str
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    _ersatt(mapp / TOLK, gammalt, nytt)
    _checka_in(exempel_pa_gren)
    fynd = _regel(_fynd(mapp, "--bas", "main"), "DOK005")
    assert (fynd == []) == ("<!--" not in nytt), fynd


def test_ett_nytt_dokument_och_ett_bevakat_krav_i_andringar(exempel_pa_gren: git.Repo) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    ny = (mapp / TOLK).read_text("utf-8").replace("rutin-tolkbokning", "rutin-ny", 1)
    (mapp / "styrdokument/rutin-ny.md").write_text(
        ny.replace("status: fastställd", "status: utkast"), "utf-8"
    )
    _ersatt(mapp / "lagkrav.yaml", "senast_bevakad: 2026-09-15", "senast_bevakad: 2026-11-25")
    _checka_in(exempel_pa_gren)
    svar = kor("andringar", "--bas", "main", "-C", str(mapp), "--per", PER, "--format", "json")
    texter = [(a["slag"], a["text"]) for a in json.loads(svar.stdout)["ändringar"]]
    assert ("Styrdokument", "Nytt styrdokument ”Rutin för tolkbokning” (rutin-ny): rutin,"
            " utkast, version 1.0") in texter, texter  # fmt: skip
    assert ("Lagkravslistan", "Lagkravet sol-orosanmalan bevakat: 2026-09-15 → 2026-11-25") in (
        texter
    ), texter
