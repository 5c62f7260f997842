"""Cachen för kontrollen: varje dokuments tolkning och hela utfallet, sparade mellan körningar.

Två filer i `.kvalitet/cache/`:

- `dokument.json`: för varje dokument som inte har ändrats (samma innehåll, prövat med en
  kontrollsumma av filens byte) dess modell (som JSON) och personnummerträffar, så att det
  inte behöver tolkas eller sökas igenom igen. Gäller för samma version av kvalitet och samma
  hus och standardregler.
- `utfall.json`: hela kontrollens utfall, med ett avtryck av allt som utfallet beror
  på: varje fils väg och innehåll (kontrollsumman), bedömningsdagen, kvalitets version och
  källkod, huset, standardreglerna och gits HEAD (granskningsregeln läser historiken).
  När inget av det har ändrats svarar kontrollen direkt, utan att läsa ett enda dokument.

Cachen är vanlig JSON (aldrig pickle eller marshal, som kan köra kod när de läses) och
signerad med en nyckel som bara finns på den här datorn (i användarens cachemapp,
utanför förrådet). En cachefil som är trasig, från en annan version, från en annan dator
eller inlagd i en pull request har ingen giltig signatur och läses inte: den byggs om.

Cachen följer aldrig en symbolisk länk, varken för att läsa eller skriva: en länk (eller
något annat än en vanlig fil eller mapp) där cachen ska ligga, till exempel incheckad i en
pull request, används inte, och `forbered` ersätter den. En cachefil läses bara om den är
en vanlig fil på högst STORSTA_FIL byte.

Modulen importerar inte modellerna (dokumenten byggs ur sina poster i kvalitet.inlasning),
så att ett utfall ur cachen inte behöver ladda pydantic.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import kvalitet
from kvalitet import __version__, filer, mallar
from kvalitet.fynd import Bedomt, Filtypsantal, Fynd, Niva, Resultat

if TYPE_CHECKING:
    from kvalitet.dokument import Dokument
    from kvalitet.filer import Fil

KATALOG = Path(".kvalitet") / "cache"
FIL = "dokument.json"
UTFALL = "utfall.json"
FORMAT = 4
STORSTA_FIL = 256 * 1024 * 1024
"""Största cachefil som läses (256 MB; dokumentens cache är ungefär 1,5 kB per dokument)."""
_INTE_LANKAR = getattr(os, "O_NOFOLLOW", 0)

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
    with contextlib.suppress(OSError):
        summa.update(filer.las_inom(rot, rot / filer.HUSET))
    summa.update((mallar.mallmapp() / "standardregler.yaml").read_bytes())
    return summa.hexdigest()


def las(rot: Path) -> Poster:
    """Cachens poster efter dokumentets väg, eller inga när cachen inte kan litas på."""
    data = _las_signerad(rot, FIL)
    if not isinstance(data, dict) or data.get("giltighet") != _giltighet(rot):
        return {}
    poster = data.get("poster")
    return poster if isinstance(poster, dict) else {}


def skriv(rot: Path, poster: Poster) -> None:
    """Skriv dokumentens cache (atomiskt); går det inte blir det ingen cache, inget fel."""
    _skriv_signerad(rot, FIL, {"giltighet": _giltighet(rot), "poster": poster})


def forbered(rot: Path) -> list[str]:
    """Gör cachens mapp säker att använda; ger en svensk rad för varje sak som ersattes.

    En länk eller fil där cachemappen eller en cachefil ska vara tas bort (länken själv,
    aldrig det den pekar på) och ersätts när cachen skrivs. Är `.kvalitet` ingen vanlig
    mapp används ingen cache alls, och den lämnas orörd (den kan innehålla schemana).
    """
    if not _vanlig(rot / KATALOG.parent, stat.S_ISDIR):
        return [f"Obs: {KATALOG.parent} är ingen vanlig mapp (kanske en länk); ingen cache."]
    anteckningar = []
    mapp = rot / KATALOG
    for sokvag, slag in (
        (mapp, stat.S_ISDIR),
        *((mapp / namn, stat.S_ISREG) for namn in (".gitignore", FIL, UTFALL)),
    ):
        if _vanlig(sokvag, slag):
            continue
        try:
            sokvag.unlink()
        except OSError:
            return [f"Obs: {sokvag.relative_to(rot).as_posix()} går inte att ersätta; ingen cache."]
        anteckningar.append(
            f"Obs: {sokvag.relative_to(rot).as_posix()} var en länk eller något annat än en"
            " vanlig fil eller mapp; den följdes inte och ersätts av kvalitets cache."
        )
        if sokvag == mapp:
            break
    return anteckningar


def _vanlig(sokvag: Path, slag: Callable[[int], bool]) -> bool:
    """Sant när vägen inte finns, eller är en vanlig mapp eller fil (`slag`), inte en länk."""
    try:
        return slag(sokvag.lstat().st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _sakra_mappar(rot: Path) -> bool:
    return _vanlig(rot / KATALOG.parent, stat.S_ISDIR) and _vanlig(rot / KATALOG, stat.S_ISDIR)


def _las_signerad(rot: Path, namn: str) -> Any:
    """Innehållet i en cachefil med giltig signatur och rätt format, annars None."""
    nyckel = _hemlighet()
    if nyckel is None or not _sakra_mappar(rot):
        return None
    try:
        signatur, _, kropp = _las_vanlig_fil(rot / KATALOG / namn).partition(b"\n")
        if not hmac.compare_digest(signatur, _signera(nyckel, kropp).encode()):
            return None
        # surrogatepass: ett filnamn som inte är UTF-8 (Linux tillåter det) i ett fynd.
        data = json.loads(kropp.decode("utf-8", "surrogatepass"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def _las_vanlig_fil(fil: Path) -> bytes:
    """Filens innehåll, utan att följa en länk och bara om den är en vanlig, lagom stor fil.

    Raises:
        OSError: När filen inte finns, är en länk, en enhet eller pipe, eller för stor.
    """
    fd = os.open(fil, os.O_RDONLY | _INTE_LANKAR | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as las:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > STORSTA_FIL:
            raise OSError(f"{fil} är ingen vanlig cachefil")
        return las.read(STORSTA_FIL + 1)


def _skriv_signerad(rot: Path, namn: str, data: dict[str, Any]) -> None:
    nyckel = _hemlighet()
    if nyckel is None or not _sakra_mappar(rot):
        return
    kropp = json.dumps(
        {"format": FORMAT, **data}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8", "surrogatepass")
    mapp = rot / KATALOG
    with contextlib.suppress(OSError):
        mapp.mkdir(parents=True, exist_ok=True)
        # Mappen ignorerar sig själv i git, också i ett förråd utan .gitignore för den.
        if not _har_innehall(mapp / ".gitignore", b"*\n"):
            _byt_in(mapp, ".gitignore", b"*\n")
        _byt_in(mapp, namn, _signera(nyckel, kropp).encode() + b"\n" + kropp)


def _har_innehall(fil: Path, innehall: bytes) -> bool:
    try:
        return _las_vanlig_fil(fil) == innehall
    except OSError:
        return False


def _byt_in(mapp: Path, namn: str, innehall: bytes) -> None:
    # En ny tillfällig fil (aldrig genom en länk) byts in med ett namnbyte, som ersätter
    # en länk med målets namn i stället för att skriva där länken pekar.
    tillfallig = mapp / f".{namn}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tillfallig, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _INTE_LANKAR, 0o644)
    try:
        with os.fdopen(fd, "wb") as ut:
            ut.write(innehall)
        tillfallig.replace(mapp / namn)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tillfallig.unlink()


def _signera(nyckel: bytes, kropp: bytes) -> str:
    return hmac.new(nyckel, kropp, hashlib.sha256).hexdigest()


def post(dok: Dokument, stat: os.stat_result, summa: str) -> dict[str, Any] | None:
    """Dokumentets post i cachen, eller None när det inte ska cachas (det har fel)."""
    if dok.modell is None or dok.inlasningsfynd or dok.valideringsfel or dok.filtyp is None:
        return None
    return {
        "storlek": stat.st_size,
        "summa": summa,
        "filtyp": dok.filtyp.namn,
        "modell": dok.modell.model_dump_json(),
        "pnr": [asdict(traff) for traff in dok.personnummer or []],
    }


def utfall(rot: Path, filer: list[Fil], per: date, kontrollera: Callable[[], Resultat]) -> Resultat:
    """Kontrollens utfall ur cachen när inget det beror på har ändrats; annars körs den.

    Args:
        rot: Verksamhetens rot.
        filer: Alla filer i verksamheten (se kvalitet.filer.alla).
        per: Bedömningsdagen.
        kontrollera: Kör kontrollen (när utfallet inte finns i cachen).

    Returns:
        Utfallet, detsamma som kontrollen ger.
    """
    # Avtrycket tas innan något läses: ändras en fil under körningen gäller det sparade
    # utfallet inte nästa gång.
    avtryck = _avtryck(rot, filer, per)
    data = _las_signerad(rot, UTFALL)
    if isinstance(data, dict) and data.get("avtryck") == avtryck:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            return _resultat_ur(data["resultat"], rot)
    resultat = kontrollera()
    _skriv_signerad(rot, UTFALL, {"avtryck": avtryck, "resultat": _som_data(resultat)})
    return resultat


def _avtryck(rot: Path, filer: list[Fil], per: date) -> str:
    summa = hashlib.sha256(f"{__version__}\0{per.isoformat()}\0{_giltighet(rot)}".encode())
    for fil in filer:
        try:
            rad = f"\0{fil.relativ}\0{fil.summa()}"
        except OSError as fel:
            rad = f"\0{fil.relativ}\0{fel.errno}"
        summa.update(rad.encode("utf-8", "surrogateescape"))
    summa.update(_kallkod().encode())
    summa.update(_git_lage(rot))
    return summa.hexdigest()


def _kallkod() -> str:
    """Kvalitets egna filer, källkoden och mallarna (storlek och ändringstid).

    En ändrad regel eller mall i en redigerbar installation ska inte ge ett gammalt utfall.
    """
    delar = []
    for mapp, monster in ((Path(kvalitet.__file__).parent, "*.py"), (mallar.mallmapp(), "*")):
        for fil in sorted(mapp.rglob(monster)):
            with contextlib.suppress(OSError):
                info = fil.stat()
                delar.append(f"{fil}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(delar)


def _git_lage(rot: Path) -> bytes:
    """Det som bestämmer gits historik för verksamheten: HEAD, dess gren och grundheten."""
    for mapp in (rot, *rot.parents):
        git = mapp / ".git"
        if git.exists():
            break
    else:
        return b"inget git"
    with contextlib.suppress(OSError, UnicodeDecodeError):
        if git.is_file():  # ett arbetsträd eller en undermodul: "gitdir: <väg>"
            git = (mapp / git.read_text(encoding="utf-8").partition(":")[2].strip()).resolve()
        gemensam = git
        with contextlib.suppress(OSError):
            gemensam = (git / (git / "commondir").read_text(encoding="utf-8").strip()).resolve()
        head = (git / "HEAD").read_bytes()
        delar = [head]
        if head.startswith(b"ref:"):
            ref = head[4:].strip().decode("utf-8")
            for fil in (git / ref, gemensam / ref):
                with contextlib.suppress(OSError):
                    delar.append(fil.read_bytes())
        for namn in ("packed-refs", "shallow"):
            with contextlib.suppress(OSError):
                info = (gemensam / namn).stat()
                delar.append(f"{namn}:{info.st_size}:{info.st_mtime_ns}".encode())
        return b"\0".join(delar)
    return b"trasigt git"


def _som_data(resultat: Resultat) -> dict[str, Any]:
    return {
        "per": resultat.per.isoformat(),
        "fynd": [[*asdict(b.fynd).values(), str(b.niva)] for b in resultat.fynd],
        "namn": resultat.namn,
        "filtyper": [[t.namn, t.plural, t.antal] for t in resultat.filtyper],
        "dokument": resultat.dokument,
        "ovriga_filer": resultat.ovriga_filer,
        "regler": resultat.regler,
    }


def _resultat_ur(data: dict[str, Any], rot: Path) -> Resultat:
    return Resultat(
        rot=rot,
        per=date.fromisoformat(data["per"]),
        fynd=[
            Bedomt(Fynd(str(fil), int(rad), int(kol), str(regel), str(text)), Niva(niva))
            for fil, rad, kol, regel, text, niva in data["fynd"]
        ],
        namn=None if data["namn"] is None else str(data["namn"]),
        filtyper=[Filtypsantal(str(n), str(p), int(a)) for n, p, a in data["filtyper"]],
        dokument=int(data["dokument"]),
        ovriga_filer=int(data["ovriga_filer"]),
        regler=int(data["regler"]),
    )
