"""Gemensamma hjälpmedel för testerna."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import textwrap
import venv
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import git
import pytest

from kvalitet.cli import main

ROT = Path(__file__).resolve().parents[1]
EXEMPEL = ROT / "exempel-verksamhet"
MALLAR = ROT / "mallar"
DATA = ROT / "tests" / "data"
"""Allt testerna läser utöver projektets egna filer (se tests/data/README.md)."""
PER = "2026-11-30"

# Pips egen cache, läst innan testerna flyttar XDG_CACHE_HOME, så att testerna som
# installerar kvalitet i nya miljöer inte hämtar samma paket från PyPI varje gång.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)


@dataclass
class Korning:
    """Resultatet av ett CLI-anrop."""

    slutkod: int
    stdout: str
    stderr: str

    def __str__(self) -> str:
        return (
            f"slutkod {self.slutkod}\n--- stdout ---\n{self.stdout}\n--- stderr ---\n{self.stderr}"
        )


def kor(*argv: str) -> Korning:
    """Kör kvalitet i samma process genom main(), med felhantering och slutkoder.

    (typer:s CliRunner anropar appen förbi main() och därmed förbi felhanteringen.)
    """
    ut, fel = io.StringIO(), io.StringIO()
    with redirect_stdout(ut), redirect_stderr(fel):
        slutkod = main(list(argv))
    return Korning(slutkod, ut.getvalue(), fel.getvalue())


def kvalitetsberattelsens_rubriker() -> list[str]:
    """Kvalitetsberättelsens avsnitt, som HTML-rapportens innehållsförteckning har dem."""
    svar = kor("rapport", "kvalitetsberattelse", "-C", str(EXEMPEL), "--per", PER,
               "--format", "html", "--ut", "-")  # fmt: skip
    assert svar.slutkod == 0, svar
    innehall = svar.stdout.split('<nav class="innehall"', 1)[1].split("</nav>", 1)[0]
    rubriker = [unescape(r) for r in re.findall(r'<a href="#[^"]+">([^<]+)</a>', innehall)]
    assert len(rubriker) >= 8
    return rubriker


def bygg_tradet(rot: Path, filer: dict[str, str]) -> Path:
    """Skriv filer (med indrag borttaget) under rot."""
    for namn, text in filer.items():
        sokvag = rot / namn
        sokvag.parent.mkdir(parents=True, exist_ok=True)
        sokvag.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return rot


# Testerna bär sig själva: inget test får läsa något bredvid förrådet (som en delad
# mapp som bara utvecklarnas maskin har). Pythons granskningskrok ser varje öppnad fil
# och lista över en mapp; ett test som når utanför underkänns (tests/test_fristaende.py).
_GRANNAR = f"{ROT.parent}{os.sep}"
_INUTI = f"{ROT}{os.sep}"
UTANFOR: list[str] = []
"""Vägar bredvid förrådet som det pågående testet har öppnat."""


def _vakta_forradet(handelse: str, argument: tuple[object, ...]) -> None:
    if handelse not in ("open", "os.listdir", "os.scandir") or not argument:
        return
    sokvag = argument[0]
    if not isinstance(sokvag, str | bytes | os.PathLike):
        return
    # Utan att följa länkar (en länk i förrådet till något utanför är förrådets sak).
    absolut = os.path.abspath(os.fsdecode(sokvag))  # noqa: PTH100
    if not absolut.startswith(_GRANNAR) or f"{absolut}{os.sep}".startswith(_INUTI):
        return
    # Dolda grannar är inställningar, inte testdata: ligger förrådet direkt i hemmappen läser
    # git (och GitPython) ~/.gitconfig och ~/.config/git/config bredvid det.
    if not absolut[len(_GRANNAR) :].startswith("."):
        UTANFOR.append(absolut)


sys.addaudithook(_vakta_forradet)


@pytest.fixture(autouse=True)
def _inom_forradet() -> Iterator[None]:
    UTANFOR.clear()
    yield
    assert not UTANFOR, f"Testet läste utanför förrådet: {sorted(set(UTANFOR))}"


@pytest.fixture
def exempel(tmp_path: Path) -> Path:
    """En kopia av exempel-verksamhet/ att ändra i."""
    kopia = tmp_path / "verksamhet"
    # Utan en cache som en tidigare körning kan ha lämnat i exempel-verksamheten.
    shutil.copytree(EXEMPEL, kopia, ignore=shutil.ignore_patterns("cache"))
    return kopia


@pytest.fixture
def exempel_pa_gren(exempel: Path) -> git.Repo:
    """Exemplet incheckat på main, med en ny gren (arbete) utcheckad."""
    repo = git.Repo.init(exempel, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    repo.create_head("arbete").checkout()
    return repo


@pytest.fixture(autouse=True)
def _isolerad_git(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    config = tmp_path_factory.mktemp("git") / "gitconfig"
    config.write_text("[user]\n\tname = Test\n\temail = test@example.invalid\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    # Cachens nyckel hamnar i testets egen cachemapp, inte i användarens.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield


# En liten giltig verksamhet att bygga fall på (rader och kolumner är kända).

HUSET = """
verksamhet:
  namn: Individ- och familjeomsorgen
  organisation: Testkommun
  kommunkod: "2401"
  nämnd: Socialnämnden
grundstomme:
  uppdrag: Uppdraget.
  styrdokument:
    lagar:
      - titel: Socialtjänstlag
tak:
  vision: Visionen.
  integrerade_mål:
    - id: jamstalld
      namn: Jämställd socialtjänst
bjälklag:
  friskfaktorer: []
rum:
  - id: processer
    namn: Processer och rutiner
    månad: 2
  - id: trygghet
    namn: Trygghet och säkerhet
    månad: 5
årshjul:
  infört: 2026-01-01
processer:
  - id: handlaggning
    namn: Handläggning av ansökan
"""

GUIDE = """
id: {id}
namn: {namn}
syfte:
  - Säkerställa att rummet uppfyller husets bottenplatta och tak.
förberedelser:
  - Ta fram underlag för analys
orsaksanalys:
  - id: o1
    fråga: Vad har fungerat väl?
  - id: o2
    fråga: Vad får det för konsekvenser?
åtgärdsfrågor:
  - Upprätta en handlingsplan för genomförande, uppföljning och tidsram
"""

SESSION = """
rum: processer
år: 2026
datum: 2026-02-10
status: genomförd
deltagare: [enhetschef]
orsaksanalys:
  - id: o1
    fråga: Vad har fungerat väl?
    svar: Mycket.
  - id: o2
    fråga: Vad får det för konsekvenser?
    svar: Bättre kvalitet.
slutsatser: Bra.
handlingsplan:
  - id: A1
    åtgärd: Uppdatera rutinen
    ansvarig: enhetschef
    klart_senast: 2026-05-31
    uppföljning: 2026-06-15
    status: klar
"""

EFFEKT = "    effekt: Rutinen följs i alla ärenden vid uppföljningen.\n"
"""Åtgärden A1:s effekt i SESSION, för en session vars uppföljning har passerat."""

BRUKARINFLYTANDE = """
år: 2026
aktiviteter:
  - id: bi01
    nivå: individ
    aktivitet: Genomförandeplaner skrivna med brukaren
    datum: 2026-03-01
    deltagare: [brukare med boendestöd]
    vad_brukarna_sa: Planen är min.
  - id: bi02
    nivå: verksamhet
    aktivitet: Brukarråd
    datum: 2026-04-01
    deltagare: [brukarrådet]
    vad_brukarna_sa: Besluten är svåra att förstå.
  - id: bi03
    nivå: system
    aktivitet: Medverkan i riktlinjen
    datum: 2026-05-01
    deltagare: [brukarorganisationen]
    vad_brukarna_sa: Riktlinjen utgår från verksamheten.
"""
"""Brukarinflytande på alla tre nivåerna 2026 (regeln BRI001)."""

AVVIKELSE = """
id: "2026-001"
typ: avvikelse
inkom: 2026-03-02
rum: processer
process: Handläggning av ansökan
beskrivning: Ett beslut expedierades för sent.
status: registrerad
"""


def innehall(mapp: Path) -> dict[str, bytes]:
    """Varje fils innehåll efter väg, utom kvalitets cache (som alla kommandon får skriva)."""
    return {
        p.relative_to(mapp).as_posix(): p.read_bytes()
        for p in mapp.rglob("*")
        if p.is_file() and ".kvalitet/cache" not in p.relative_to(mapp).as_posix()
    }


@pytest.fixture
def liten(tmp_path: Path) -> Path:
    """En liten giltig verksamhet med två rum och en genomförd session för processer."""
    return bygg_tradet(
        tmp_path / "v",
        {
            "huset.yaml": HUSET,
            "rum/processer.yaml": GUIDE.format(id="processer", namn="Processer och rutiner"),
            "rum/trygghet.yaml": GUIDE.format(id="trygghet", namn="Trygghet och säkerhet"),
            # Åtgärderna är uppföljda före PER och har därför sin effekt (ATG003).
            # Åtgärden bidrar till det integrerade målet (INT001).
            "arshjul/2026/processer.yaml": SESSION + EFFEKT + "    integrerade_mål: [jamstalld]\n",
            "brukarinflytande/2026.yaml": BRUKARINFLYTANDE,
            "arshjul/2026/trygghet.yaml": SESSION.replace("rum: processer", "rum: trygghet")
            .replace("2026-02-10", "2026-05-12")
            .replace("2026-05-31", "2026-08-31")
            .replace("2026-06-15", "2026-09-15")
            + EFFEKT,
        },
    )


def pytest_addoption(parser: pytest.Parser) -> None:
    """`--uppdatera-golden` skriver om de förväntade rapporterna i tests/golden/."""
    parser.addoption(
        "--uppdatera-golden",
        action="store_true",
        default=False,
        help="Skriv om tests/golden/ med rapporterna som de ser ut nu (granska diffen!).",
    )


@pytest.fixture
def uppdatera_golden(request: pytest.FixtureRequest) -> bool:
    """Sant när testerna ska skriva om de förväntade rapporterna i stället för att jämföra."""
    return bool(request.config.getoption("--uppdatera-golden"))


@pytest.fixture(scope="session")
def byggt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mappen med kvalitets hjul och källpaket från `python -m build` (en gång per körning)."""
    ut = tmp_path_factory.mktemp("dist")
    svar = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(ut), str(ROT)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert svar.returncode == 0, svar.stdout + svar.stderr
    return ut


def ny_miljo(mapp: Path, *paket: str) -> Path:
    """En ny virtuell miljö med pip och paketen, utan källträdet; ger mappen med programmen.

    Miljön skapas utan ensurepip (som Debians Python kan sakna) och pip installeras i den
    med den här miljöns pip; beroendena hämtas från PyPI som vid en vanlig installation.
    """
    venv.EnvBuilder(with_pip=False).create(mapp)
    program = mapp / ("Scripts" if os.name == "nt" else "bin")
    svar = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(program / "python"),
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "pip",
            *paket,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PIP_CACHE_DIR": PIP_CACHE},
        check=False,
    )
    assert svar.returncode == 0, svar.stdout + svar.stderr
    return program


def miljo_med(program: Path, **extra: str) -> dict[str, str]:
    """Miljövariablerna för ett program i en ny miljö: dess mapp först i PATH, inget källträd."""
    miljo = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    miljo["PATH"] = os.pathsep.join([str(program), miljo.get("PATH", "")])
    miljo["PIP_CACHE_DIR"] = PIP_CACHE
    return {**miljo, **extra}
