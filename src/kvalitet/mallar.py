"""Var mallarna (mallar/) finns: i det installerade paketet eller i utcheckningen."""

from __future__ import annotations

from pathlib import Path

from kvalitet.fel import KvalitetFel, Slutkod


class MallarSaknas(KvalitetFel):
    """Installationen saknar mallar/."""

    slutkod = Slutkod.INTERNT


def mallmapp() -> Path:
    """Mappen mallar/.

    I ett installerat hjul ligger den i paketet (kvalitet/mallar, se pyproject.toml);
    i en redigerbar installation ligger den överst i utcheckningen, två nivåer ovanför
    paketet (src/kvalitet).

    Raises:
        MallarSaknas: När ingen av platserna finns.
    """
    paket = Path(__file__).resolve().parent
    for kandidat in (paket / "mallar", paket.parents[1] / "mallar"):
        if (kandidat / "huset.yaml").is_file():
            return kandidat
    raise MallarSaknas(
        "Mallarna (mallar/) saknas i installationen av kvalitet.",
        tips="Installera om kvalitet.",
    )
