"""Säkra skrivningar: allt eller inget, atomiskt, och aldrig över en befintlig fil.

Ett kommando samlar sina ändringar (nya filer och ändrade filer) och lämnar dem hit.
Först skrivs varje ny text till en tillfällig fil i samma mapp och synkas till disken;
sedan byts filerna på plats med en namnbyte (atomiskt: en läsare ser antingen den
gamla eller den nya filen, aldrig en halv). Går något fel på vägen återställs det
som hann ändras, så att ett misslyckat kommando lämnar varje fil som den var.

Två kommandon som skriver samma fil samtidigt turas om: jämförelsen med det som
kommandot läste, skrivningen och namnbytet görs medan filens mapp är låst (flock på
mappen, på POSIX). Har filen ändrats sedan den lästes skrivs ingenting, så att ingen
ändring försvinner tyst. Tillfälliga filer som ett avbrutet kommando lämnade
(`.NAMN.xxxx.kvalitet-tmp`) tas bort när mappen är låst nästa gång.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: inget flock; skrivningarna är atomiska men låses inte
    fcntl = None  # type: ignore[assignment]

from kvalitet.fel import KvalitetFel, Slutkod


class FilenFinns(KvalitetFel):
    """En fil som skulle skapas finns redan; den skrivs aldrig över."""

    slutkod = Slutkod.FYND


class Skrivfel(KvalitetFel):
    """Ändringarna kunde inte skrivas; inga filer ändrades."""

    slutkod = Slutkod.FYND


@dataclass(frozen=True)
class Andring:
    """En fil att skapa (`gammal` är None) eller att ändra från `gammal` till `ny`."""

    sokvag: Path
    ny: bytes
    gammal: bytes | None = None

    @property
    def ar_ny(self) -> bool:
        """Sant när filen ska skapas."""
        return self.gammal is None


@dataclass
class Skrivet:
    """Det som en skrivning har gjort, så att det kan göras ogjort (se `angra`)."""

    tillfalliga: dict[Path, Path] = field(default_factory=dict)
    skapade_mappar: list[Path] = field(default_factory=list)
    klara: list[Andring] = field(default_factory=list)


def genomfor(andringar: Sequence[Andring], visning: Path | None = None) -> Skrivet:
    """Skriv alla ändringar, eller ingen.

    Args:
        andringar: Filerna att skapa eller ändra.
        visning: Mappen som sökvägarna i meddelanden visas relativt.

    Returns:
        Vad som skrevs, för `angra` om ett senare steg i kommandot misslyckas.

    Raises:
        FilenFinns: När en fil som ska skapas redan finns.
        Skrivfel: När en fil har ändrats av någon annan sedan den lästes, eller när
            skrivningen misslyckades (då är allt återställt).
    """
    andringar = [_genom_lanken(a) for a in andringar]
    with _last({_narmaste_mapp(a.sokvag.parent) for a in andringar}, visning):
        for andring in andringar:
            _forkontrollera(andring, visning)
        steg = Skrivet()
        try:
            for andring in andringar:
                steg.tillfalliga[andring.sokvag] = _skriv_tillfallig(andring, steg)
            for andring in andringar:
                _byt_in(andring, steg.tillfalliga.pop(andring.sokvag), visning)
                steg.klara.append(andring)
        except BaseException as fel:
            # Också Ctrl-C mitt i: allt som hann ändras återställs innan programmet slutar.
            _aterstall(steg)
            if not isinstance(fel, OSError):
                raise
            raise Skrivfel(
                f"Kunde inte skriva {_visa(getattr(fel, 'filename', None), visning)}"
                f" ({orsak(fel)}). Inga filer ändrades."
            ) from None
    return steg


VANTA = 30.0
"""Sekunder att vänta på att ett annat kommando som skriver i samma mapp blir klart."""
_TILLFALLIG = ".kvalitet-tmp"


def _narmaste_mapp(mapp: Path) -> Path:
    # En ny fil i en mapp som inte finns än: låset tas på närmaste mapp som finns.
    return next((m for m in (mapp, *mapp.parents) if m.is_dir()), mapp)


@contextlib.contextmanager
def _last(mappar: Iterable[Path], visning: Path | None) -> Iterator[None]:
    """Lås mapparna, alltid i samma ordning (så att två kommandon aldrig väntar på varandra)."""
    with contextlib.ExitStack() as lasta:
        for mapp in sorted(mappar):
            if fcntl is None or not mapp.is_dir():
                continue
            fd = os.open(mapp, os.O_RDONLY)
            lasta.callback(os.close, fd)  # låset släpps när mappen stängs
            _vanta_pa_las(fd, mapp, visning)
            _stada(mapp)
        yield


def _vanta_pa_las(fd: int, mapp: Path, visning: Path | None) -> None:
    slut = time.monotonic() + VANTA
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > slut:
                raise Skrivfel(
                    f"Ett annat kommando skriver i {_visa(mapp, visning) or '.'} sedan mer än"
                    f" {VANTA:.0f} sekunder. Inga filer ändrades; försök igen när det är klart."
                ) from None
            time.sleep(0.05)


def _stada(mapp: Path) -> None:
    # Med mappen låst skriver ingen annan i den: en tillfällig fil här är kvarlämnad.
    for kvar in mapp.glob(f".*{_TILLFALLIG}"):
        with contextlib.suppress(OSError):
            kvar.unlink()


_ORSAKER = {
    errno.ENOSPC: "disken är full",
    getattr(errno, "EDQUOT", -1): "diskkvoten är slut",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "åtgärden är inte tillåten",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOENT: "filen eller mappen finns inte",
    errno.EISDIR: "det är en mapp",
    errno.EIO: "läs- eller skrivfel på disken",
}


def orsak(fel: OSError) -> str:
    """Varför en filåtgärd misslyckades, på svenska när orsaken är känd."""
    return _ORSAKER.get(fel.errno or 0, fel.strerror or str(fel))


def _genom_lanken(andring: Andring) -> Andring:
    # En ändrad fil som är en symbolisk länk skrivs där länken pekar, och länken står kvar.
    if andring.ar_ny or not andring.sokvag.is_symlink():
        return andring
    return Andring(andring.sokvag.resolve(), andring.ny, andring.gammal)


def _visa(sokvag: object, visning: Path | None) -> str:
    if sokvag is None:
        return "filerna"
    if visning is not None:
        with contextlib.suppress(ValueError):
            return Path(str(sokvag)).relative_to(visning).as_posix()
    return str(sokvag)


def _forkontrollera(andring: Andring, visning: Path | None) -> None:
    namn = _visa(andring.sokvag, visning)
    if andring.ar_ny:
        if andring.sokvag.exists() or andring.sokvag.is_symlink():
            raise FilenFinns(f"{namn} finns redan och skrivs inte över.")
        return
    try:
        nuvarande = andring.sokvag.read_bytes()
        skrivbar = os.access(andring.sokvag, os.W_OK)
        lage = andring.sokvag.stat().st_mode
    except OSError as fel:
        raise Skrivfel(f"{namn} kan inte läsas ({orsak(fel)}).") from None
    # Skrivskyddad (också för root, som annars får skriva allt): ändras inte, som en fil i
    # en skrivskyddad mapp.
    if not skrivbar or not lage & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise Skrivfel(
            f"{namn} är skrivskyddad och ändras inte. Inga filer ändrades; ta bort"
            " skrivskyddet (chmod u+w) om filen ska gå att ändra."
        )
    if nuvarande != andring.gammal:
        raise Skrivfel(
            f"{namn} ändrades av något annat medan kommandot kördes. Inga filer ändrades;"
            " kör kommandot igen."
        )


def _skriv_tillfallig(andring: Andring, steg: Skrivet) -> Path:
    mapp = andring.sokvag.parent
    if not mapp.is_dir():
        saknade = [m for m in (mapp, *mapp.parents) if not m.exists()]
        mapp.mkdir(parents=True)
        steg.skapade_mappar.extend(saknade)
    tillfallig = mapp / f".{andring.sokvag.name}.{secrets.token_hex(4)}{_TILLFALLIG}"
    # Skapas exklusivt med läge 0666 minus umask, som en vanlig ny fil.
    fd = os.open(tillfallig, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        if not andring.ar_ny:
            tillfallig.chmod(andring.sokvag.stat().st_mode & 0o7777)
        with os.fdopen(fd, "wb") as fil:
            fil.write(andring.ny)
            fil.flush()
            os.fsync(fil.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tillfallig.unlink()
        raise
    return tillfallig


def _byt_in(andring: Andring, tillfallig: Path, visning: Path | None) -> None:
    try:
        if andring.ar_ny:
            _skapa_exklusivt(andring.sokvag, tillfallig, visning)
        else:
            tillfallig.replace(andring.sokvag)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tillfallig.unlink()
    _synka_mapp(andring.sokvag.parent)


def _skapa_exklusivt(sokvag: Path, tillfallig: Path, visning: Path | None) -> None:
    try:
        # En hård länk skapas bara om målet inte finns: atomiskt och exklusivt.
        os.link(tillfallig, sokvag)
    except FileExistsError:
        raise FilenFinns(f"{_visa(sokvag, visning)} finns redan och skrivs inte över.") from None
    except OSError:
        # Filsystem utan hårda länkar: reservera namnet exklusivt och byt sedan.
        os.close(os.open(sokvag, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        try:
            tillfallig.replace(sokvag)
        except BaseException:
            sokvag.unlink()
            raise


def _synka_mapp(mapp: Path) -> None:
    # Namnbytet är beständigt först när mappen är synkad (POSIX); Windows saknar det.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(mapp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _aterstall(steg: Skrivet) -> None:
    for tillfallig in steg.tillfalliga.values():
        with contextlib.suppress(OSError):
            tillfallig.unlink()
    for andring in reversed(steg.klara):
        with contextlib.suppress(OSError):
            if andring.gammal is None:
                andring.sokvag.unlink()
            else:
                _aterskriv(andring.sokvag, andring.gammal)
    for mapp in sorted(set(steg.skapade_mappar), key=lambda m: len(m.parts), reverse=True):
        with contextlib.suppress(OSError):
            mapp.rmdir()


def _aterskriv(sokvag: Path, innehall: bytes) -> None:
    tillfallig = _skriv_tillfallig(Andring(sokvag, innehall, innehall), Skrivet())
    tillfallig.replace(sokvag)


def angra(skrivet: Skrivet) -> None:
    """Gör en skrivning ogjord: nya filer och mappar tas bort, ändrade får tillbaka sitt innehåll.

    För ett kommando som misslyckas efter skrivningen, till exempel när incheckningen
    på en ny gren inte går att göra.
    """
    _aterstall(skrivet)
