"""Kommandon som kvalitet föreslår i tips och tabeller, så att de går att köra som de står.

Ett förslag bär med sig det som gjorde att det gällde: året (när det inte är i år, som
kommandot annars antar) och verksamhetens mapp (när arbetsmappen ligger utanför den), så
att `kvalitet arshjul starta processer --ar 2027 -C ifo` följs av `kvalitet arshjul
avsluta processer --ar 2027 -C ifo`, inte av ett kommando som gäller fel år.
"""

from __future__ import annotations

import os
import shlex
from datetime import date
from pathlib import Path


def kommando(rot: Path | None, *delar: str, ar: int | None = None) -> str:
    """Ett kvalitet-kommando att föreslå.

    Args:
        rot: Verksamhetens rot (None: ingen -C).
        *delar: Kommandot och dess argument, till exempel "arshjul", "avsluta", "processer".
        ar: Året som kommandot gäller; med --ar när det inte är i år.

    Returns:
        Kommandot som det skrivs i ett skal.
    """
    argument = ["kvalitet", *delar]
    if ar is not None and ar != date.today().year:
        argument += ["--ar", str(ar)]
    mapp = _mapp(rot) if rot is not None else None
    if mapp:
        argument += ["-C", mapp]
    return shlex.join(argument)


def _mapp(rot: Path) -> str | None:
    # Ingen -C när arbetsmappen är verksamheten eller ligger i den (kvalitet hittar roten).
    har = Path.cwd().resolve()
    rot = rot.resolve()
    if har == rot or rot in har.parents:
        return None
    # Relativt arbetsmappen när det är kort (en grannmapp), annars hela vägen.
    relativ = os.path.relpath(rot)
    return relativ if relativ.count("..") <= 1 else str(rot)
