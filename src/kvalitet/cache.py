"""Cachen för kontrollen: varje dokuments tolkning sparad mellan körningar.

Ett dokument som inte har ändrats (samma storlek och ändringstid) behöver inte läsas,
tolkas eller sökas igenom efter personnummer igen: dess modell (som JSON) och dess
personnummerträffar finns i `.kvalitet/cache/dokument.json`. Cachen gäller bara för
samma version av kvalitet och samma hus och standardregler.

Cachen är vanlig JSON (aldrig pickle eller marshal, som kan köra kod när de läses) och
signerad med en nyckel som bara finns på den här datorn (i användarens cachemapp,
utanför förrådet). En cachefil som är trasig, från en annan version, från en annan dator
eller inlagd i en pull request har ingen giltig signatur och läses inte: den byggs om.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kvalitet import __version__, mallar
from kvalitet.dokument import Dokument, LattDokument
from kvalitet.modell import Filtyp
from kvalitet.personnummer import Personnummertraff, Traff

KATALOG = Path(".kvalitet") / "cache"
FIL = "dokument.json"
FORMAT = 1

Poster = dict[str, dict[str, Any]]


def _nyckelfil() -> Path:
    bas = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(bas) / "kvalitet" / "nyckel"


def _hemlighet() -> bytes | None:
    """Datorns nyckel för signaturen; skapas första gången. None när den inte går att ha."""
    fil = _nyckelfil()
    with contextlib.suppress(OSError):
        nyckel = fil.read_bytes()
        if len(nyckel) == 32:
            return nyckel
    with contextlib.suppress(OSError):
        fil.parent.mkdir(parents=True, exist_ok=True)
        nyckel = secrets.token_bytes(32)
        fd = os.open(fil, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as ut:
            ut.write(nyckel)
        return nyckel
    return None


def _giltighet(rot: Path) -> str:
    """Det som cachen gäller för: kvalitets version, huset och standardreglerna."""
    summa = hashlib.sha256(__version__.encode())
    for fil in (rot / "huset.yaml", mallar.mallmapp() / "standardregler.yaml"):
        with contextlib.suppress(OSError):
            summa.update(fil.read_bytes())
    return summa.hexdigest()


def las(rot: Path) -> Poster:
    """Cachens poster efter dokumentets väg, eller inga när cachen inte kan litas på."""
    nyckel = _hemlighet()
    if nyckel is None:
        return {}
    try:
        innehall = (rot / KATALOG / FIL).read_bytes()
        signatur, _, kropp = innehall.partition(b"\n")
        if not hmac.compare_digest(signatur, _signera(nyckel, kropp).encode()):
            return {}
        data = json.loads(kropp)
    except (OSError, ValueError):
        return {}
    giltig = isinstance(data, dict) and data.get("format") == FORMAT
    if not giltig or data.get("giltighet") != _giltighet(rot):
        return {}
    poster = data.get("poster")
    return poster if isinstance(poster, dict) else {}


def skriv(rot: Path, poster: Poster) -> None:
    """Skriv cachen (atomiskt); går det inte blir det ingen cache, inget fel."""
    nyckel = _hemlighet()
    if nyckel is None:
        return
    kropp = json.dumps(
        {"format": FORMAT, "giltighet": _giltighet(rot), "poster": poster},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    mapp = rot / KATALOG
    with contextlib.suppress(OSError):
        mapp.mkdir(parents=True, exist_ok=True)
        # Mappen ignorerar sig själv i git, också i ett förråd utan .gitignore för den.
        (mapp / ".gitignore").write_text("*\n", encoding="utf-8")
        tillfallig = mapp / f".{FIL}.{secrets.token_hex(4)}.tmp"
        tillfallig.write_bytes(_signera(nyckel, kropp).encode() + b"\n" + kropp)
        tillfallig.replace(mapp / FIL)


def _signera(nyckel: bytes, kropp: bytes) -> str:
    return hmac.new(nyckel, kropp, hashlib.sha256).hexdigest()


def post(dok: Dokument, stat: os.stat_result) -> dict[str, Any] | None:
    """Dokumentets post i cachen, eller None när det inte ska cachas (det har fel)."""
    if dok.modell is None or dok.inlasningsfynd or dok.valideringsfel or dok.filtyp is None:
        return None
    return {
        "storlek": stat.st_size,
        "mtime": stat.st_mtime_ns,
        "filtyp": dok.filtyp.namn,
        "modell": dok.modell.model_dump_json(),
        "pnr": [asdict(traff) for traff in dok.personnummer or []],
    }


def dokument(
    rot: Path, sokvag: Path, filtyp: Filtyp, stat: os.stat_result, post_: Any
) -> Dokument | None:
    """Dokumentet ur sin post, om posten gäller filen som den är nu; annars None."""
    try:
        if (
            post_["storlek"] != stat.st_size
            or post_["mtime"] != stat.st_mtime_ns
            or post_["filtyp"] != filtyp.namn
        ):
            return None
        modell = filtyp.modell.model_validate_json(post_["modell"])
        traffar = [
            Personnummertraff(t["fil"], Traff(**t["traff"]), bool(t["saknar_skal"]))
            for t in post_["pnr"]
        ]
    except (KeyError, TypeError, ValueError):
        return None
    dok = LattDokument(sokvag.relative_to(rot).as_posix(), sokvag, filtyp)
    dok.modell = modell
    dok.personnummer = traffar
    return dok
