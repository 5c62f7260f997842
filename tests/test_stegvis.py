"""Den stegvisa kontrollen ger samma utdata, byte för byte, som en kall körning (issue 17).

Med cachen läser kontrollen bara de avvikelser som har ändrats; fynden i de andra tas ur
cachen, och reglerna som jämför avvikelser med varandra körs över deras index. Varje
ändring här (också borttagna och omdöpta filer, och ändringar som ger eller tar bort fynd
i en avvikelse som inte själv har ändrats) prövas mot `--ingen-cache`.
"""

from __future__ import annotations

import inspect
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from kvalitet import kontroll
from kvalitet.dokument import Dokument
from kvalitet.kontroller import REGLER
from kvalitet.lasning import inlasning
from kvalitet.lasning.filer import Fil
from tests.conftest import PER, kor

AVV = "avvikelser/2026"


def _utdata(mapp: Path, *flaggor: str) -> tuple[int, str, str]:
    svar = kor("kontrollera", str(mapp), "--per", PER, *flaggor)
    return svar.slutkod, svar.stdout, svar.stderr


def _ersatt(mapp: Path, relativ: str, monster: str, ny: str) -> None:
    fil = mapp / relativ
    text, antal = re.subn(monster, ny, fil.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert antal == 1, (relativ, monster)
    fil.write_text(text, encoding="utf-8")


def _okant_rum(mapp: Path) -> None:
    _ersatt(mapp, f"{AVV}/2026-004.yaml", r"^rum: .*$", "rum: finns-inte")


def _dubbelt_id(mapp: Path) -> None:
    # En ny avvikelse med samma id som en oförändrad: fyndet hamnar i den nya filen.
    text = (mapp / f"{AVV}/2026-004.yaml").read_text(encoding="utf-8")
    (mapp / f"{AVV}/2026-104.yaml").write_text(text, encoding="utf-8")


def _hanvisning_till_en_ny_avvikelse(mapp: Path) -> None:
    _ersatt(
        mapp,
        f"{AVV}/2026-005.yaml",
        r"^(\s+)- id: A1$",
        r'\1- id: A1\n\1  avvikelser: ["2026-200"]',
    )


def _den_nya_avvikelsen_finns(mapp: Path) -> None:
    # Fyndet i 2026-005 (som inte ändras nu) ska försvinna.
    text = (mapp / f"{AVV}/2026-006.yaml").read_text(encoding="utf-8")
    (mapp / f"{AVV}/2026-200.yaml").write_text(
        text.replace('id: "2026-006"', 'id: "2026-200"'), encoding="utf-8"
    )


def _borttagen(mapp: Path) -> None:
    # trygghet.yaml hänvisar till 2026-001; sessionen ändras inte, men får ett fynd.
    (mapp / f"{AVV}/2026-001.yaml").unlink()


def _omdopt(mapp: Path) -> None:
    (mapp / f"{AVV}/2026-002.yaml").rename(mapp / f"{AVV}/2026-302.yaml")


def _tillbaka(mapp: Path) -> None:
    (mapp / f"{AVV}/2026-302.yaml").rename(mapp / f"{AVV}/2026-002.yaml")


def _huset(mapp: Path) -> None:
    _ersatt(mapp, "huset.yaml", r"\Z", "# ändrat hus\n")


def _trasig(mapp: Path) -> None:
    (mapp / f"{AVV}/2026-007.yaml").write_text("id: [\n", encoding="utf-8")


def _hel_igen(mapp: Path) -> None:
    (mapp / f"{AVV}/2026-104.yaml").unlink()
    (mapp / f"{AVV}/2026-007.yaml").unlink()


ANDRINGAR: list[Callable[[Path], None]] = [
    _okant_rum,
    _dubbelt_id,
    _hanvisning_till_en_ny_avvikelse,
    _den_nya_avvikelsen_finns,
    _borttagen,
    _omdopt,
    _tillbaka,
    _huset,
    _trasig,
    _hel_igen,
]


@pytest.mark.parametrize("format_", ["text", "json"])
def test_stegvis_kontroll_ar_densamma_som_en_kall(exempel: Path, format_: str) -> None:
    flaggor = ("--format", format_)
    assert _utdata(exempel, *flaggor) == _utdata(exempel, "--ingen-cache", *flaggor)
    regler = set()
    for andring in ANDRINGAR:
        andring(exempel)
        stegvis = _utdata(exempel, *flaggor)
        kall = _utdata(exempel, "--ingen-cache", *flaggor)
        assert stegvis == kall, andring.__name__
        regler |= set(re.findall(r"\b(ID00[12]|REF00[12]|YAML001)\b", stegvis[1]))
    # Ändringarna ger verkligen fynd av reglerna över flera filer.
    assert regler == {"ID001", "ID002", "REF001", "REF002", "YAML001"}


def test_en_annan_dag_ger_samma_fynd_som_en_kall_korning(exempel: Path) -> None:
    _utdata(exempel)
    for per in ("2026-12-31", "2027-06-01"):
        assert kor("kontrollera", str(exempel), "--per", per).stdout == (
            kor("kontrollera", str(exempel), "--per", per, "--ingen-cache").stdout
        )


@pytest.fixture
def tolkade(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Vägarna som tolkas från filerna (inte tas ur cachen)."""
    vagar: list[str] = []
    riktig = inlasning._tolka

    def raknad(filer: list[Fil], parallell: bool | None) -> list[Dokument]:
        vagar.extend(fil.relativ for fil in filer)
        return riktig(filer, parallell)

    monkeypatch.setattr(inlasning, "_tolka", raknad)
    return vagar


def test_bara_den_andrade_avvikelsen_lases(exempel: Path, tolkade: list[str]) -> None:
    per = date.fromisoformat(PER)
    kontroll.kontrollera(exempel, per, anvand_cache=True)
    assert len(tolkade) > 50
    tolkade.clear()
    _okant_rum(exempel)
    resultat = kontroll.kontrollera(exempel, per, anvand_cache=True)
    assert tolkade == [f"{AVV}/2026-004.yaml"]
    assert resultat.dokument == kontroll.kontrollera(exempel, per).dokument
    assert any(b.fynd.regel == "REF001" for b in resultat.fynd)


def test_en_andring_utanfor_avvikelserna_laser_om_dem(exempel: Path, tolkade: list[str]) -> None:
    per = date.fromisoformat(PER)
    kontroll.kontrollera(exempel, per, anvand_cache=True)
    tolkade.clear()
    _huset(exempel)  # huset ändrat: cachen gäller inte längre (giltigheten)
    kontroll.kontrollera(exempel, per, anvand_cache=True)
    assert f"{AVV}/2026-004.yaml" in tolkade
    tolkade.clear()
    shutil.copy(exempel / "garaget.yaml", exempel / "garaget.yaml.bak")  # en ny övrig fil
    kontroll.kontrollera(exempel, per, anvand_cache=True)
    assert tolkade == [], "modellerna ska tas ur cachen, bara fynden tas fram på nytt"


@pytest.mark.parametrize("regel", REGLER.values(), ids=list(REGLER))
def test_reglerna_over_flera_filer_laser_avvikelserna_genom_indexet(regel: object) -> None:
    kalla = inspect.getsource(regel)  # type: ignore[arg-type]
    if getattr(regel, "TVARS", False):
        assert not re.search(r"\.(avvikelser\b|atgarder\()", kalla)
    else:
        assert "avvikelseindex" not in kalla and "alla_atgarder" not in kalla
