"""Mäter varje kommando i en stor verksamhet mot målen i issue 17.

För varje storlek skapas samma verksamhet som i kor.py (exemplet plus N avvikelser över
tio år) i en tillfällig mapp, som görs till ett git-förråd med en incheckning av allt och
sedan 2 000 incheckningar till (med git fast-import): var tionde är en sammanslagen pull
request, de andra ändrar var sin avvikelse. Sedan körs
varje kommando en gång för att värma cachen och därefter några gånger; medianen av
väggklockan och den största minnesanvändningen (peak RSS) skrivs ut i en tabell med en
kolumn per storlek, tillväxten mellan storlekarna och målet med ✓ eller ✗.

Kör: python benchmarks/kommandon.py --antal 1000 10000 --upprepningar 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import kor

PER = "2026-11-30"


@dataclass(frozen=True)
class Kommando:
    """Ett kommando att mäta: argumenten, målet i sekunder vid 10 000 och förberedelsen."""

    namn: str
    argument: tuple[str, ...]
    mal: float | None
    fore: Callable[[Path, int], None] | None = None
    """Körs före varje mätning (inte mätt): till exempel att ändra 1 % av filerna."""


def _andra_en_procent(mapp: Path, upprepning: int) -> None:
    antal = sum(1 for _ in (mapp / "avvikelser").rglob("*.yaml"))
    for nummer in kor.andrade_nummer(antal):
        fil = kor.avvikelsefil(mapp, nummer, antal)
        if fil.exists():
            with fil.open("a", encoding="utf-8") as ut:
                ut.write(f"# ändrad {upprepning}\n")


def _ta_bort_sessionen(mapp: Path, _upprepning: int) -> None:
    (mapp / "arshjul/2027/omvarld.yaml").unlink(missing_ok=True)


KOMMANDON = (
    Kommando("kontrollera (varm)", ("kontrollera", "--per", PER), 0.3),
    Kommando("kontrollera, 1 % ändrade", ("kontrollera", "--per", PER), 1.0, _andra_en_procent),
    Kommando("status", ("status", "--per", PER), 1.0),
    Kommando("handlingsplan", ("handlingsplan", "--per", PER), 1.0),
    Kommando("avvikelse lista", ("avvikelse", "lista"), 1.0),
    Kommando("arshjul plan", ("arshjul", "plan", "--per", PER), 1.0),
    Kommando("garage lista", ("garage", "lista"), 1.0),
    Kommando("egenkontroll status", ("egenkontroll", "status", "--per", PER), 1.0),
    Kommando("riskanalys lista", ("riskanalys", "lista"), 1.0),
    Kommando("styrdokument lista", ("styrdokument", "lista", "--per", PER), 1.0),
    Kommando(
        "avvikelse ny",
        (
            "avvikelse",
            "ny",
            "--typ",
            "synpunkt",
            "--rum",
            "trygghet",
            "--beskrivning",
            "Svårt att nå handläggaren.",
            "--datum",
            PER,
        ),
        1.0,
    ),
    Kommando("garage parkera", ("garage", "parkera", "Idé", "--typ", "idé", "--datum", PER), 1.0),
    Kommando(
        "arshjul starta", ("arshjul", "starta", "omvarld", "--ar", "2027"), 1.0, _ta_bort_sessionen
    ),
    Kommando(
        "rapport kvalitetsberattelse",
        ("rapport", "kvalitetsberattelse", "--format", "html", "--per", PER, "--ut", "kb.html"),
        2.0,
    ),
    Kommando("rapport webb", ("rapport", "webb", "--per", PER, "--ut", "webb"), 3.0),
    Kommando("historik (2 000 incheckningar)", ("historik", "--per", PER), 1.5),
)


def _program() -> str:
    program = shutil.which("kvalitet", path=str(Path(sys.executable).parent))
    if program is None:
        raise SystemExit("Hittar inte kommandot kvalitet bredvid Python; aktivera miljön.")
    return program


def _kor(program: str, mapp: Path, argument: Sequence[str]) -> tuple[float, float]:
    """Kör en gång: väggklockan i sekunder och processens största minne i MB."""
    miljo = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [program, *argument],
        cwd=mapp,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=miljo,
    )
    _, _, anvandning = os.wait4(process.pid, 0)
    tid = time.perf_counter() - start
    return tid, anvandning.ru_maxrss / 1024


INCHECKNINGAR = 2000
"""Incheckningar i förrådet utöver den första (historik ska klara 2 000)."""


def _git(mapp: Path, *argument: str, indata: bytes | None = None) -> str:
    namn = ("-c", "user.name=Mätning", "-c", "user.email=m@example.invalid")
    svar = subprocess.run(
        ["git", *namn, *argument], cwd=mapp, check=True, input=indata, capture_output=True
    )
    return svar.stdout.decode().strip()


def _skapa(antal: int) -> Path:
    mapp = Path(tempfile.mkdtemp(prefix=f"kvalitet-kommandon-{antal}-")) / "v"
    kor.skapa_verksamhet(mapp, antal)
    for argument in (("init", "-q"), ("add", "-A"), ("commit", "-q", "-m", "Mätning")):
        _git(mapp, *argument)
    _git(mapp, "fast-import", "--quiet", indata=_historik(mapp, INCHECKNINGAR))
    _git(mapp, "reset", "-q", "--hard")
    return mapp


def _historik(mapp: Path, antal: int) -> bytes:
    """En ström för git fast-import: `antal` incheckningar ovanpå HEAD.

    Var tionde är en sammanslagning av en pull request (”Merge pull request #N”) med en
    incheckning från en sidogren; de andra ändrar var sin avvikelse på huvudgrenen.
    """
    gren, topp = _git(mapp, "symbolic-ref", "HEAD"), _git(mapp, "rev-parse", "HEAD")
    filer = sorted(p.relative_to(mapp).as_posix() for p in (mapp / "avvikelser").rglob("*.yaml"))
    strom: list[bytes] = []
    tid = 1_700_000_000

    def incheckning(mark: int, fran: str, meddelande: str, fil: str, *sammanfor: str) -> None:
        innehall = (mapp / fil).read_bytes() + f"# ändring {mark}\n".encode()
        (mapp / fil).write_bytes(innehall)
        text = meddelande.encode()
        strom.extend(
            [
                f"commit {gren}\nmark :{mark}\n".encode(),
                f"committer Mätning <m@example.invalid> {tid + mark * 600} +0100\n".encode(),
                f"data {len(text)}\n".encode() + text + b"\n",
                f"from {fran}\n".encode(),
                *(f"merge {forfader}\n".encode() for forfader in sammanfor),
                f"M 100644 inline {fil}\ndata {len(innehall)}\n".encode() + innehall + b"\n",
            ]
        )

    for mark in range(1, antal + 1):
        fil = filer[mark % len(filer)]
        if mark % 10 == 0:  # sammanslagningen av sidogrenens incheckning (mark - 1)
            text = f"Merge pull request #{mark // 10} from kommun/andring-{mark}"
            incheckning(mark, topp, text, fil, f":{mark - 1}")
            topp = f":{mark}"
        elif mark % 10 == 9:  # sidogrenen, från huvudgrenens topp
            incheckning(mark, topp, f"Uppföljning av {Path(fil).stem}", fil)
        else:
            incheckning(mark, topp, f"Ändrar {Path(fil).stem}", fil)
            topp = f":{mark}"
    return b"".join(strom)


def mat(antal: int, upprepningar: int, behall: bool) -> dict[str, tuple[float, float]]:
    """Median av väggklockan och största minnet per kommando vid en storlek."""
    program = _program()
    mapp = _skapa(antal)
    resultat = {}
    try:
        for kommando in KOMMANDON:
            tider, minne = [], 0.0
            for upprepning in range(upprepningar + 1):
                if kommando.fore is not None:
                    kommando.fore(mapp, upprepning)
                tid, rss = _kor(program, mapp, kommando.argument)
                if upprepning:  # den första värmer cachen
                    tider.append(tid)
                    minne = max(minne, rss)
            resultat[kommando.namn] = (statistics.median(tider), minne)
            print(f"  {antal}: {kommando.namn} {statistics.median(tider):.2f} s", file=sys.stderr)
    finally:
        if behall:
            print(f"Verksamheten finns kvar i {mapp}", file=sys.stderr)
        else:
            shutil.rmtree(mapp.parent, ignore_errors=True)
    return resultat


def tabell(storlekar: list[int], matt: dict[int, dict[str, tuple[float, float]]]) -> str:
    """Tabellen i Markdown: en kolumn per storlek, tillväxten och målet vid 10 000."""
    rubrik = ["Kommando", *(f"{n:,} avv.".replace(",", " ") for n in storlekar)]
    if len(storlekar) > 1:
        rubrik.append(f"Tillväxt {storlekar[-2]:,}→{storlekar[-1]:,}".replace(",", " "))
    rubrik += ["Mål", "Minne (största)"]
    rader = ["| " + " | ".join(rubrik) + " |", "|" + " --- |" * len(rubrik)]
    for kommando in KOMMANDON:
        tider = [matt[n][kommando.namn][0] for n in storlekar]
        celler = [kommando.namn, *(f"{t:.2f} s".replace(".", ",") for t in tider)]
        if len(storlekar) > 1:
            celler.append(f"{tider[-1] / tider[-2]:.1f} ×".replace(".", ","))
        celler.append(_mal(kommando, storlekar, tider))
        minne = max(matt[n][kommando.namn][1] for n in storlekar)
        celler.append(f"{minne:.0f} MB")
        rader.append("| " + " | ".join(celler) + " |")
    return "\n".join(rader)


def _mal(kommando: Kommando, storlekar: list[int], tider: list[float]) -> str:
    if kommando.mal is None or 10_000 not in storlekar:
        return "–"
    tid = tider[storlekar.index(10_000)]
    tecken = "✓" if tid <= kommando.mal else "✗"
    return f"{tecken} ≤ {kommando.mal:g} s".replace(".", ",")


def main(argv: Sequence[str] | None = None) -> int:
    """Mät och skriv tabellen."""
    tolk = argparse.ArgumentParser(description="Mät varje kommando i en stor verksamhet.")
    tolk.add_argument("--antal", type=int, nargs="+", default=[1000, 10000], metavar="N")
    tolk.add_argument("--upprepningar", type=int, default=3, metavar="N")
    tolk.add_argument("--behall", action="store_true", help="behåll de genererade mapparna")
    argument = tolk.parse_args(argv)
    storlekar = sorted(set(argument.antal))
    matt = {n: mat(n, argument.upprepningar, argument.behall) for n in storlekar}
    print(tabell(storlekar, matt))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
