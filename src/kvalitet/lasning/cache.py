"""Cachen för kontrollen: varje dokuments tolkning och hela utfallet, sparade mellan körningar.

Två filer i `.kvalitet/cache/`:

- `dokument.sqlite`: en rad per dokument som inte har ändrats (samma innehåll, prövat
  med en kontrollsumma av filens byte) med dess modell (som JSON) och
  personnummerträffar, så att det inte behöver tolkas eller sökas igenom igen; för en
  avvikelse också dess index och fynd (den stegvisa kontrollen, se kvalitet.kontroll).
  En rad slås upp för sig: ett kommando läser bara de filtyper det behöver, och en
  ändrad fil skriver bara om sin rad. Gäller för samma version av kvalitet och samma
  hus och standardregler.
- `utfall.json`: hela kontrollens utfall, med ett avtryck av allt som utfallet beror
  på: varje fils väg och innehåll (kontrollsumman), bedömningsdagen, kvalitets version och
  källkod, huset, standardreglerna och gits HEAD (granskningsregeln läser historiken).
  När inget av det har ändrats svarar kontrollen direkt, utan att läsa ett enda dokument.

Cachen är vanlig JSON (aldrig pickle eller marshal, som kan köra kod när de läses) och
signerad med en nyckel som bara finns på den här datorn (i användarens cachemapp,
utanför förrådet); i databasen har varje rad sina signaturer. En cachefil eller rad som
är trasig, från en annan version, från en annan dator eller inlagd i en pull request har
ingen giltig signatur och läses inte: den byggs om. Databasen skriver ingen journalfil
bredvid sig; avbryts en skrivning och filen blir trasig byggs den om.

Cachen följer aldrig en symbolisk länk, varken för att läsa eller skriva: en länk (eller
något annat än en vanlig fil eller mapp) där cachen ska ligga, till exempel incheckad i en
pull request, används inte, och `forbered` ersätter den. En cachefil läses bara om den är
en vanlig fil på högst STORSTA_FIL byte.

Modulen importerar inte modellerna (dokumenten byggs ur sina poster i kvalitet.lasning.inlasning),
så att ett utfall ur cachen inte behöver ladda pydantic; sqlite3 läses in först när
databasen öppnas.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import stat
from collections.abc import Callable, Collection, Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import kvalitet
from kvalitet import __version__, mallar
from kvalitet.fynd import Bedomt, Filtypsantal, Fynd, Niva, Resultat
from kvalitet.lasning import filer

if TYPE_CHECKING:
    import sqlite3

    from kvalitet.dokument import Dokument
    from kvalitet.lasning.filer import Fil

KATALOG = Path(".kvalitet") / "cache"
FIL = "dokument.sqlite"
UTFALL = "utfall.json"
FORMAT = 7
STORSTA_FIL = 256 * 1024 * 1024
"""Största cachefil som läses (256 MB; dokumentens cache är ungefär 2 kB per dokument)."""
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


def las(
    rot: Path,
    filtyper: Collection[str] | None = None,
    med_index: bool = False,
    fyndnyckel: str | None = None,
) -> Poster:
    """Cachens rader efter dokumentets väg, utan modellerna (se las_modeller).

    En rad har kontrollsumman och filtypen, och för en avvikelse också index och fynd
    när de efterfrågas (och finns). Summan och filtypen är bara ett urval av rader att
    hämta modellerna för: las_modeller prövar deras signatur. Index och fynd med fel
    signatur tas inte med. Kan cachen inte litas på blir det inga rader.

    Args:
        rot: Verksamhetens rot.
        filtyper: Bara rader för dessa filtyper; None ger alla.
        med_index: Läs också avvikelsernas index ("index", JSON).
        fyndnyckel: Läs också avvikelsernas sparade fynd ("fynd", en JSON-lista), när de
            gäller den här nyckeln (den stegvisa kontrollen).
    """
    import sqlite3

    fraga = "SELECT vag, filtyp, summa, idx, hsig, fnyckel, fynd, fsig FROM dokument"
    if not med_index:
        fraga = "SELECT vag, filtyp, summa, '', '', '', '', '' FROM dokument"
    if filtyper is not None:
        fraga += f" WHERE filtyp IN ({','.join('?' * len(filtyper))})"
    poster: Poster = {}
    with _databas(rot, skapa=False) as (nyckel, db):
        if db is None:
            return poster
        with contextlib.suppress(sqlite3.Error):
            for vag, filtyp, summa, idx, hsig, fnyckel, fynd, fsig in db.execute(
                fraga, list(filtyper or ())
            ):
                post: dict[str, Any] = {"summa": summa, "filtyp": filtyp}
                # Fyndens signatur täcker också indexet: en signatur att pröva per rad.
                galler = fyndnyckel and fnyckel == fyndnyckel and fynd and idx
                if galler and _giltig(nyckel, fsig, vag, filtyp, summa, idx, fnyckel, fynd):
                    post["index"], post["fynd"] = idx, fynd
                elif idx and _giltig(nyckel, hsig, vag, filtyp, summa, idx):
                    post["index"] = idx
                poster[vag] = post
    return poster


def las_modeller(rot: Path, vagar: Collection[str]) -> dict[str, tuple[str, str, list[Any]]]:
    """Summan, modellen (som JSON) och personnummerträffarna för dokumenten på vägarna.

    Bara rader med giltig signatur (över väg, filtyp, summa, modell och träffar).
    """
    import sqlite3

    svar: dict[str, tuple[str, str, list[Any]]] = {}
    lista = list(vagar)
    with _databas(rot, skapa=False) as (nyckel, db):
        if db is None:
            return svar
        with contextlib.suppress(sqlite3.Error):
            for start in range(0, len(lista), 500):
                del_ = lista[start : start + 500]
                for vag, filtyp, summa, modell, pnr, msig in db.execute(
                    "SELECT vag, filtyp, summa, modell, pnr, msig FROM dokument"
                    f" WHERE vag IN ({','.join('?' * len(del_))})",
                    del_,
                ):
                    if _giltig(nyckel, msig, vag, filtyp, summa, modell, pnr):
                        svar[vag] = (summa, modell, json.loads(pnr))
    return svar


def skriv(
    rot: Path, nya: Poster, fynd: dict[str, tuple[str, str, str, str, str]], finns: Collection[str]
) -> None:
    """Skriv ändringarna i dokumentens cache; går det inte blir det ingen cache, inget fel.

    Args:
        rot: Verksamhetens rot.
        nya: Nya eller ändrade rader (med modell och personnummerträffar) efter väg.
        fynd: För lästa avvikelser: (filtypen, summan, indexet, nyckeln och fynden som
            en JSON-lista) att spara på deras rader.
        finns: Alla dokument som finns; rader för andra vägar tas bort.
    """
    import sqlite3

    with _databas(rot, skapa=True) as (nyckel, db):
        if db is None:
            return
        with contextlib.suppress(sqlite3.Error), db:
            sparade = {vag for (vag,) in db.execute("SELECT vag FROM dokument")}
            borta = [(vag,) for vag in sparade - set(finns)]
            db.executemany("DELETE FROM dokument WHERE vag = ?", borta)
            db.executemany(
                "INSERT OR REPLACE INTO dokument"
                " (vag, filtyp, summa, idx, hsig, modell, pnr, msig)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [_rad(nyckel, vag, post) for vag, post in nya.items()],
            )
            rader = [
                (fnyckel, text, _signera(nyckel, vag, typ, summa, idx, fnyckel, text), vag, summa)
                for vag, (typ, summa, idx, fnyckel, text) in fynd.items()
            ]
            db.executemany(
                "UPDATE dokument SET fnyckel = ?, fynd = ?, fsig = ? WHERE vag = ? AND summa = ?",
                rader,
            )


def _rad(nyckel: bytes, vag: str, post: dict[str, Any]) -> tuple[Any, ...]:
    summa, filtyp = post["summa"], post["filtyp"]
    idx = post.get("index") or ""
    modell, pnr = post["modell"], json.dumps(post["pnr"], ensure_ascii=False)
    return (
        vag,
        filtyp,
        summa,
        idx,
        _signera(nyckel, vag, filtyp, summa, idx),
        modell,
        pnr,
        _signera(nyckel, vag, filtyp, summa, modell, pnr),
    )


KOLUMNER = (
    "vag",
    "filtyp",
    "summa",
    "idx",
    "hsig",
    "modell",
    "pnr",
    "msig",
    "fnyckel",
    "fynd",
    "fsig",
)
"""Dokumentens tabell: vägen, filtypen, summan, indexet, modellen med
personnummerträffarna och fynden, var och en med sin signatur (hsig, msig, fsig)."""
TABELL = f"""
DROP TABLE IF EXISTS dokument;
CREATE TABLE dokument ({", ".join(f"{kolumn} TEXT" for kolumn in KOLUMNER)}, PRIMARY KEY (vag));
CREATE INDEX per_filtyp ON dokument (filtyp);
"""
"""Tabellen görs ny för varje giltighet (en annan version kan ha andra kolumner)."""


@contextlib.contextmanager
def _databas(rot: Path, skapa: bool) -> Iterator[tuple[bytes, sqlite3.Connection | None]]:
    """Datorns nyckel och dokumentens databas (eller None).

    None när databasen inte finns (och inte ska skapas) eller inte går att använda. En
    databas för en annan giltighet (version, hus, standardregler) töms.
    """
    nyckel = _hemlighet() or b""  # utan nyckel ingen databas
    db = _oppna(rot, skapa) if nyckel else None
    try:
        yield nyckel, db
    finally:
        if db is not None:
            db.close()


def _oppna(rot: Path, skapa: bool) -> sqlite3.Connection | None:
    import sqlite3

    fil = rot / KATALOG / FIL
    if not _sakra_mappar(rot) or not _vanlig(fil, stat.S_ISREG):
        return None
    try:
        if fil.stat().st_size > STORSTA_FIL:
            return None
    except FileNotFoundError:
        if not skapa or not _skapa_mappen(rot):
            return None
    except OSError:
        return None
    try:
        return _anslut(fil, rot)
    except sqlite3.Error:
        # Trasig (till exempel en avbruten skrivning): börja om med en ny.
        with contextlib.suppress(OSError):
            fil.unlink()
    if skapa and _skapa_mappen(rot):
        with contextlib.suppress(sqlite3.Error):
            return _anslut(fil, rot)
    return None


def _anslut(fil: Path, rot: Path) -> sqlite3.Connection:
    import sqlite3

    # nofollow: en länk där databasen ska vara öppnas aldrig; ingen journalfil på disken.
    db = sqlite3.connect(f"file:{quote(str(fil))}?nofollow=1", uri=True, timeout=5)
    try:
        db.execute("PRAGMA journal_mode = MEMORY")
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE IF NOT EXISTS om (nyckel TEXT PRIMARY KEY, varde TEXT)")
        giltighet = f"{FORMAT}:{_giltighet(rot)}"
        sparad = db.execute("SELECT varde FROM om WHERE nyckel = 'giltighet'").fetchone()
        kolumner = tuple(rad[1] for rad in db.execute("PRAGMA table_info(dokument)"))
        if sparad != (giltighet,) or kolumner != KOLUMNER:
            db.executescript(TABELL)
            with db:
                db.execute("INSERT OR REPLACE INTO om VALUES ('giltighet', ?)", (giltighet,))
    except sqlite3.Error:
        db.close()
        raise
    return db


def _giltig(nyckel: bytes, signatur: str | None, *delar: str) -> bool:
    return signatur is not None and hmac.compare_digest(signatur, _signera(nyckel, *delar))


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
        if not hmac.compare_digest(signatur, _signera(nyckel, kropp.decode("latin-1")).encode()):
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
    if _skapa_mappen(rot):
        with contextlib.suppress(OSError):
            _byt_in(
                rot / KATALOG,
                namn,
                _signera(nyckel, kropp.decode("latin-1")).encode() + b"\n" + kropp,
            )


def _skapa_mappen(rot: Path) -> bool:
    """Skapa cachens mapp (som ignorerar sig själv i git); sant när det gick."""
    mapp = rot / KATALOG
    try:
        mapp.mkdir(parents=True, exist_ok=True)
        # Också i ett förråd utan .gitignore för mappen.
        if not _har_innehall(mapp / ".gitignore", b"*\n"):
            _byt_in(mapp, ".gitignore", b"*\n")
    except OSError:
        return False
    return _sakra_mappar(rot)


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


def _signera(nyckel: bytes, *delar: str) -> str:
    """En signatur av delarna (BLAKE2b med nyckel, en MAC), som inte kan flyta ihop."""
    data = "".join(f"{len(del_)}:{del_}" for del_ in delar).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, key=nyckel, digest_size=32).hexdigest()


def post(dok: Dokument, summa: str, index: str | None = None) -> dict[str, Any] | None:
    """Dokumentets post i cachen, eller None när det inte ska cachas (det har fel).

    En avvikelse har också sitt index (se kvalitet.modell.avvikelse.Avvikelseindex);
    den stegvisa kontrollen lägger till dess fynd (se kvalitet.lasning.inlasning.Inlast.spara).
    """
    if dok.modell is None or dok.inlasningsfynd or dok.valideringsfel or dok.filtyp is None:
        return None
    ny = {
        "summa": summa,
        "filtyp": dok.filtyp.namn,
        "modell": dok.modell.model_dump_json(),
        "pnr": [asdict(traff) for traff in dok.personnummer or []],
    }
    return ny if index is None else {**ny, "index": index}


def fyndnyckel(rot: Path, filer: list[Fil], per: date, avvikelser: Collection[str]) -> str:
    """Det som en avvikelses sparade fynd beror på: allt i verksamheten utom avvikelserna.

    Reglerna utan TVARS ger fynd i en avvikelse utifrån den och resten av verksamheten
    (se kvalitet.kontroller); ändras något annat än avvikelser, eller bedömningsdagen,
    gäller inga sparade fynd.

    Args:
        rot: Verksamhetens rot.
        filer: Alla filer i verksamheten.
        per: Bedömningsdagen.
        avvikelser: Avvikelsernas vägar relativt roten.
    """
    return _avtryck(rot, [fil for fil in filer if fil.relativ not in avvikelser], per)


def utfall(rot: Path, filer: list[Fil], per: date, kontrollera: Callable[[], Resultat]) -> Resultat:
    """Kontrollens utfall ur cachen när inget det beror på har ändrats; annars körs den.

    Args:
        rot: Verksamhetens rot.
        filer: Alla filer i verksamheten (se kvalitet.lasning.filer.alla).
        per: Bedömningsdagen.
        kontrollera: Kör kontrollen (när utfallet inte finns i cachen).

    Returns:
        Utfallet, detsamma som kontrollen ger.
    """
    # Avtrycket tas innan något läses: ändras en fil under körningen gäller det sparade
    # utfallet inte nästa gång.
    avtryck = _avtryck(rot, filer, per, _git_lage(rot))
    data = _las_signerad(rot, UTFALL)
    if isinstance(data, dict) and data.get("avtryck") == avtryck:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            return _resultat_ur(data["resultat"], rot)
    resultat = kontrollera()
    _skriv_signerad(rot, UTFALL, {"avtryck": avtryck, "resultat": _som_data(resultat)})
    return resultat


def _avtryck(rot: Path, filer: list[Fil], per: date, *mer: bytes) -> str:
    """En summa av versionen, dagen, huset, filernas vägar och innehåll, källkoden och `mer`."""
    summa = hashlib.sha256(f"{__version__}\0{per.isoformat()}\0{_giltighet(rot)}".encode())
    for fil in filer:
        try:
            rad = f"\0{fil.relativ}\0{fil.summa()}"
        except OSError as fel:
            rad = f"\0{fil.relativ}\0{fel.errno}"
        summa.update(rad.encode("utf-8", "surrogateescape"))
    summa.update(_kallkod().encode())
    for del_ in mer:
        summa.update(del_)
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
