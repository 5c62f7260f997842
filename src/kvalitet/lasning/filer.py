"""Verksamhetens filer: var roten är och vilka filer som hör till verksamheten.

Modulen importerar inget tungt (ingen pydantic eller ruamel), så att en kontroll som
kan svara ur cachen bara behöver den här och standardbiblioteket.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from kvalitet.fel import Anvandningsfel

HUSET = "huset.yaml"
STORSTA_FIL = 1024 * 1024
"""Största dokument som läses (1 MB). Den största filen i exempel-verksamhet/ är 23 kB;
en fil på flera MB är nästan alltid fel (en inklistrad logg eller bild), och bara att
tolka den skulle ta sekunder till minuter. Storleken prövas innan filen läses."""
YAML_SUFFIX = (".yaml", ".yml")
# Mappar som inte hör till verksamhetens innehåll: gits egna filer och kvalitets cache.
EJ_GENOMSOKTA = frozenset({".git", ".kvalitet"})


LANK_UT = (
    "Filen är en symbolisk länk till något utanför verksamhetens mapp och läses inte, så"
    " att en länk i en pull request aldrig kan visa filer från datorn som kontrollerar."
    " Lägg filen i förrådet i stället för en länk."
)


@dataclass(frozen=True)
class Fil:
    """En fil i verksamheten: vägen relativt roten (med snedstreck) och på disken."""

    relativ: str
    vag: str
    """Vägen på disken som text (se sokvag)."""
    utanfor: bool = False
    """Filen är en symbolisk länk till något utanför verksamhetens rot: den läses aldrig."""

    @cached_property
    def sokvag(self) -> Path:
        """Vägen på disken; byggs först när den behövs (med tiotusentals filer märks det)."""
        return Path(self.vag)

    def summa(self) -> str:
        """En kontrollsumma av filens innehåll (BLAKE2b), räknad en gång per körning.

        Cachen litar på innehållet, inte på storlek och ändringstid: en fil som ändras
        men får tillbaka sin gamla ändringstid (rsync -t, uppackning, synkklienter)
        känns ändå igen. En fil som är större än STORSTA_FIL summeras efter storlek och
        ändringstid; den läses aldrig som dokument.

        Raises:
            OSError: När filen inte går att läsa.
        """
        svar = self.__dict__.get("_summa")
        if svar is None:
            try:
                svar = _summa(self.vag)
            except OSError as fel:
                svar = fel
            self.__dict__["_summa"] = svar
        if isinstance(svar, OSError):
            raise svar
        return svar

    @cached_property
    def ar_dokument(self) -> bool:
        """En YAML-fil som hör till ledningssystemet (dolda filer och mappar gör inte det).

        .gitlab-ci.yml, .github/ och .kvalitet/ hör till verktygen.
        """
        delar = self.relativ.split("/")
        if any(del_.startswith(".") for del_ in delar):
            return False
        # Styrdokumenten är Markdown med ett YAML-huvud: styrdokument/<id>.md.
        markdown = len(delar) == 2 and delar[0] == "styrdokument" and delar[1].endswith(".md")
        return self.relativ.endswith(YAML_SUFFIX) or markdown


def _summa(sokvag: str) -> str:
    # os.read i stället för en buffrad fil, och fstat på den öppna filen i stället för
    # en stat på vägen: med tiotusentals små filer märks skillnaden.
    fd = os.open(sokvag, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > STORSTA_FIL:
            return f"{info.st_mode}:{info.st_size}:{info.st_mtime_ns}"
        data = os.read(fd, info.st_size + 1)
        summa = hashlib.blake2b(data, digest_size=16)
        if len(data) > info.st_size:  # filen har vuxit sedan stat: läs resten också
            while del_ := os.read(fd, 65536):
                summa.update(del_)
        return summa.hexdigest()
    finally:
        os.close(fd)


def hitta_rot(start: Path) -> Path:
    """Verksamhetens rot: start själv eller närmaste överordnade mapp med huset.yaml.

    Raises:
        Anvandningsfel: När mappen inte finns eller ingen huset.yaml hittas.
    """
    if not start.exists():
        raise Anvandningsfel(f"Mappen ”{start}” finns inte.")
    if not start.is_dir():
        raise Anvandningsfel(f"”{start}” är ingen mapp.")
    for kandidat in (start.resolve(), *start.resolve().parents):
        if (kandidat / HUSET).is_file():
            return kandidat
    raise Anvandningsfel(
        f"Mappen ”{start}” är ingen verksamhet: där (och ovanför) finns ingen {HUSET}.",
        tips="Skapa en ny verksamhet med: kvalitet init MAPP",
    )


def inom(rot: Path, sokvag: str | Path) -> bool:
    """Sant när vägen, med alla länkar följda, ligger i roten (eller är roten)."""
    verklig, bas = os.path.realpath(sokvag), os.path.realpath(rot)
    return verklig == bas or verklig.startswith(bas.rstrip(os.sep) + os.sep)


def las_inom(rot: Path, sokvag: Path) -> bytes:
    """En fils innehåll när den ligger i roten (med länkar följda) och är ett dokument att läsa.

    Raises:
        OSError: När filen pekar ut ur roten, inte är en vanlig fil (en pipe, en enhet)
            eller är större än STORSTA_FIL.
    """
    if not inom(rot, sokvag):
        raise OSError(errno.EXDEV, LANK_UT, str(sokvag))
    fd = os.open(sokvag, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as las:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > STORSTA_FIL:
            raise OSError(errno.EINVAL, "ingen vanlig fil, eller för stor", str(sokvag))
        return las.read(STORSTA_FIL + 1)


def alla(rot: Path) -> list[Fil]:
    """Alla filer under roten, sorterade som vägar (mapp för mapp)."""
    return sorted(_alla(rot), key=lambda fil: fil.relativ.split("/"))


def _alla(rot: Path) -> Iterator[Fil]:
    yield from _i_mappen(rot, str(rot), "")


def _i_mappen(rot: Path, mapp: str, prefix: str) -> Iterator[Fil]:
    # os.scandir vet redan om en post är en länk, en mapp eller en fil (utan ett anrop
    # till per fil), och vägen relativt roten byggs som text: med tiotusentals filer
    # kostar pathlib och stat mer än allt annat här.
    try:
        poster = list(os.scandir(mapp))
    except OSError:
        return
    for post in poster:
        relativ = prefix + post.name
        lank = post.is_symlink()
        # os.walk följde aldrig länkade mappar; det gör inte heller den här genomgången.
        if post.is_dir(follow_symlinks=False):
            if post.name not in EJ_GENOMSOKTA:
                yield from _i_mappen(rot, post.path, relativ + "/")
            # En mapp med ett dokuments namn tas med: den ger ett fynd (FIL001).
            if post.name.endswith(YAML_SUFFIX):
                yield Fil(relativ, post.path)
            continue
        # En trasig länk med ett dokuments namn tas med; den ger också ett fynd.
        if post.name.endswith(YAML_SUFFIX) or not lank or post.is_file():
            yield Fil(relativ, post.path, lank and not inom(rot, post.path))
