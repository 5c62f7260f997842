"""Mäter hur `kvalitet kontrollera` växer med antalet styrdokument (issue 15).

Skriptet kopierar exempel-verksamheten och lägger till N rutiner i styrdokument/, var och
en med tre avsnitt på ungefär 700 tecken och fem länkar till rubriker i andra rutiner och
en process (som reglerna DOK001, DOK004 och DOK006 följer). Sedan mäts medianen av flera
körningar av `kvalitet kontrollera --ingen-cache` för varje N, och tiden per dokument och
kvoten mot exemplet utan extra dokument skrivs ut.

Kör: python benchmarks/styrdokument.py --antal 100 500 --upprepningar 5
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

EXEMPEL = Path(__file__).resolve().parent.parent / "exempel-verksamhet"


def skapa(mal: Path, antal: int) -> None:
    """Exemplet och `antal` rutiner med länkar till varandras rubriker."""
    shutil.copytree(EXEMPEL, mal)
    slump = random.Random(15)
    for nummer in range(antal):
        avsnitt = "\n\n".join(
            f"## Steg {steg}\n\n" + "Rutinen beskriver hur arbetet går till. " * 18
            for steg in (1, 2, 3)
        )
        lankar = "\n".join(
            f"Se [rutin {annan}](rutin-matning-{annan}.md#steg-{slump.randrange(1, 4)})"
            " och [processen](process:orosanmalan)."
            for annan in (slump.randrange(antal) for _ in range(5))
        )
        (mal / "styrdokument" / f"rutin-matning-{nummer}.md").write_text(
            f"---\nid: rutin-matning-{nummer}\ntitel: Rutin {nummer}\nslag: rutin\n"
            "ägare: enhetschef\nfastställd_av: verksamhetschef\nfastställd: 2026-03-01\n"
            f'version: "1.0"\nstatus: fastställd\ngäller: [processer]\n---\n\n'
            f"# Rutin {nummer}\n\n{avsnitt}\n\n{lankar}\n",
            encoding="utf-8",
        )


def median(katalog: Path, upprepningar: int) -> float:
    """Medianen av väggklocktiden för en kontroll utan cache."""
    tider = []
    for _ in range(upprepningar):
        start = time.perf_counter()
        svar = subprocess.run(
            ["kvalitet", "kontrollera", str(katalog), "--per", "2026-11-30", "--ingen-cache"],
            capture_output=True,
            text=True,
            check=False,
        )
        tider.append(time.perf_counter() - start)
        if svar.returncode != 0:
            raise SystemExit(f"kontrollera gav {svar.returncode}:\n{svar.stdout}{svar.stderr}")
    return statistics.median(tider)


def main() -> None:
    """Mät och skriv tabellen."""
    tolk = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    tolk.add_argument("--antal", type=int, nargs="+", default=[100, 500])
    tolk.add_argument("--upprepningar", type=int, default=5)
    val = tolk.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rader = []
        for antal in [0, *val.antal]:
            katalog = Path(tmp) / f"n{antal}"
            skapa(katalog, antal)
            rader.append((antal, median(katalog, val.upprepningar)))
    bas = rader[0][1]
    print(f"kvalitet kontrollera --ingen-cache, median av {val.upprepningar} körningar")
    print(f"{'Extra styrdokument':>20}  {'Tid':>8}  {'Mot exemplet':>12}  {'Per dokument':>12}")
    for antal, tid in rader:
        per = f"{(tid - bas) / antal * 1000:.2f} ms" if antal else "–"
        print(f"{antal:>20}  {tid:>7.2f}s  {tid / bas:>11.2f}×  {per:>12}")


if __name__ == "__main__":
    main()
