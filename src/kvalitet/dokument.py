"""Ett dokument i verksamheten: läst, avkodat, tolkat och validerat mot sin modell."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from kvalitet import personnummer, yamlio
from kvalitet.fynd import Fynd
from kvalitet.lasning.filer import LANK_UT, STORSTA_FIL, Fil
from kvalitet.modell import Filtyp
from kvalitet.personnummer import Personnummertraff

_BOM = b"\xef\xbb\xbf"
_INGEN_VAG = Path()
_UTF16_BOM = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class Dokument:
    """En YAML-fil i verksamheten och allt som har gått att utläsa ur den."""

    relativ: str
    sokvag: Path
    filtyp: Filtyp | None
    text: str | None = None
    data: Any = None
    modell: BaseModel | None = None
    inlasningsfynd: list[Fynd] = field(default_factory=list)
    valideringsfel: list[ErrorDetails] = field(default_factory=list)
    personnummer: list[Personnummertraff] | None = None
    _trad: Any = None

    @property
    def yamltext(self) -> tuple[str, int] | None:
        """YAML-delen av filen och raderna före den: hela filen, eller ett styrdokuments huvud."""
        if self.text is None:
            return None
        if self.filtyp is not None and self.filtyp.markdown:
            return markdown_delar(self.text)[0]
        return self.text, 0

    def fynd(self, rad: int, kol: int, regel: str, text: str) -> Fynd:
        """Ett fynd i den här filen."""
        return Fynd(self.relativ, rad, kol, regel, text)

    def fynd_vid(self, vag: tuple[str | int, ...], regel: str, text: str) -> Fynd:
        """Ett fynd vid en väg av nycklar och index, till exempel ("handlingsplan",)."""
        rad, kol = self.position(vag)
        return self.fynd(rad, kol, regel, text)

    def position(self, vag: tuple[str | int, ...]) -> tuple[int, int]:
        """Rad och kolumn för en väg i filen; läser rundturstolken först när det behövs."""
        yaml = self.yamltext
        if yaml is None:
            return 1, 1
        if self._trad is None:
            try:
                self._trad = yamlio.las_rundtur(yaml[0])
            except yamlio.Yamlfel:
                return 1, 1
        rad, kol = yamlio.position(self._trad, vag)
        return rad + yaml[1], kol


class LattDokument(Dokument):
    """Ett dokument ur cachen: modellen finns, texten och datat läses först när de behövs.

    Bara ett dokument utan fel cachas, så texten går att avkoda och tolka igen.
    """

    @classmethod
    def ur_fil(cls, fil: Fil, filtyp: Filtyp | None) -> LattDokument:
        """Ett dokument för filen, vars väg blir en Path först när den behövs."""
        dok = cls(fil.relativ, _INGEN_VAG, filtyp)
        dok.__dict__["_sokvag"] = fil
        return dok

    @property
    def sokvag(self) -> Path:
        """Vägen på disken (tiotusentals dokument ur cachen behöver den sällan)."""
        vag = self.__dict__["_sokvag"]
        return vag.sokvag if isinstance(vag, Fil) else vag

    @sokvag.setter
    def sokvag(self, varde: Path) -> None:
        self.__dict__["_sokvag"] = varde

    @property
    def text(self) -> str | None:
        """Filens text, läst från disken första gången den behövs."""
        if self.__dict__.get("_text") is None:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                self.__dict__["_text"] = self.sokvag.read_bytes().decode("utf-8")
        return self.__dict__.get("_text")

    @text.setter
    def text(self, varde: str | None) -> None:
        self.__dict__["_text"] = varde

    @property
    def data(self) -> Any:
        """Filens tolkade innehåll, tolkat första gången det behövs."""
        if "_data" not in self.__dict__:
            try:
                self.__dict__["_data"] = yamlio.las((self.yamltext or ("", 0))[0])
            except yamlio.Yamlfel:
                self.__dict__["_data"] = None
        return self.__dict__["_data"]

    @data.setter
    def data(self, varde: Any) -> None:
        if varde is not None:
            self.__dict__["_data"] = varde


def las_dokument(fil: Fil, filtyp: Filtyp | None) -> Dokument:
    """Läs, avkoda, tolka och validera en fil.

    Args:
        fil: Filen i verksamheten.
        filtyp: Filtypen, eller None för en YAML-fil utan känd plats.

    Returns:
        Dokumentet med de fynd som inläsningen gav.
    """
    relativ, sokvag = fil.relativ, fil.sokvag
    if fil.utanfor:
        dok = Dokument(relativ, sokvag, filtyp, personnummer=[])
        dok.inlasningsfynd.append(dok.fynd(1, 1, "FIL001", LANK_UT))
        return dok
    try:
        hinder = _hinder(sokvag.stat())
        radata = b"" if hinder else sokvag.read_bytes()
    except OSError as fel:
        hinder, radata = _olasbar(fel), b""
    if hinder:
        dok = Dokument(relativ, sokvag, filtyp)
        dok.inlasningsfynd.append(dok.fynd(1, 1, "FIL001", hinder))
        dok.personnummer = personnummer.i_fil(dok.relativ, sokvag)  # också en för stor fil
        return dok
    return tolka_dokument(relativ, sokvag, filtyp, radata)


def _hinder(info: os.stat_result) -> str | None:
    # Prövas före läsningen: en mapp eller pipe med ett dokuments namn kan inte läsas
    # (en pipe skulle vänta för evigt), och en jättefil ska inte läsas in i minnet.
    if stat.S_ISDIR(info.st_mode):
        return _MAPP
    if not stat.S_ISREG(info.st_mode):
        return "Det här är ingen vanlig fil (kanske en namngiven pipe eller en enhet)."
    return _for_stor(info.st_size) if info.st_size > STORSTA_FIL else None


def _for_stor(storlek: int) -> str:
    mb = f"{storlek / (1024 * 1024):.1f}".replace(".", ",")
    return (
        f"Filen är {mb} MB och läses inte: kvalitets filer får vara högst 1 MB. En så"
        " stor fil är nästan alltid fel, till exempel en inklistrad logg eller bild."
    )


_MAPP = "Det här är en mapp, inte en fil, fast namnet slutar på .yaml. Byt namn på mappen."
_LASFEL = {
    errno.ELOOP: "Filen är en symbolisk länk i en slinga (länkar som pekar på varandra).",
    errno.ENOENT: "Filen är en symbolisk länk till något som inte finns (eller är borttagen).",
    errno.EACCES: "Filen kan inte läsas: behörighet saknas. Ge läsrätt till den (chmod u+r).",
    errno.EPERM: "Filen kan inte läsas: behörighet saknas. Ge läsrätt till den (chmod u+r).",
    errno.EISDIR: _MAPP,
}


def _olasbar(fel: OSError) -> str:
    return _LASFEL.get(fel.errno or 0, f"Filen kan inte läsas ({fel.strerror or fel}).")


def tolka_dokument(relativ: str, sokvag: Path, filtyp: Filtyp | None, radata: bytes) -> Dokument:
    """Avkoda, tolka och validera en fils innehåll (också en fil som ännu inte är skriven).

    Args:
        relativ: Filens väg relativt verksamhetens rot, med snedstreck.
        sokvag: Filens plats.
        filtyp: Filtypen, eller None för en YAML-fil utan känd plats.
        radata: Filens bytes.

    Returns:
        Dokumentet med de fynd som inläsningen gav.
    """
    dok = Dokument(relativ, sokvag, filtyp)
    if len(radata) > STORSTA_FIL:  # från git eller ännu inte skriven: aldrig prövad förut
        dok.inlasningsfynd.append(dok.fynd(1, 1, "FIL001", _for_stor(len(radata))))
        dok.personnummer = personnummer.i_bytes(dok.relativ, radata)
        return dok
    text = avkoda(radata, dok)
    if text is None:
        # En felkodad fil kan ändå innehålla personnummer; sök igenom den som den är.
        dok.personnummer = personnummer.i_bytes(dok.relativ, radata)
        return dok
    dok.text = text
    dok.personnummer = personnummer.i_text(dok.relativ, text)
    yaml = dok.yamltext
    if yaml is None or (filtyp is not None and filtyp.markdown and not _har_huvud(text)):
        dok.inlasningsfynd.append(dok.fynd(1, 1, "YAML001", _UTAN_HUVUD))
        return dok
    try:
        dok.data = yamlio.las(yaml[0])
    except yamlio.Yamlfel as fel:
        dok.inlasningsfynd.append(dok.fynd(fel.rad + yaml[1], fel.kol, fel.regel, fel.text))
        return dok
    if "\\" in text:
        # Escape-sekvenser inom citattecken kan skriva ett nummer som inte står i texten.
        dok.personnummer += _i_varden(dok, text)
    if filtyp is not None:
        _validera(dok, filtyp)
    return dok


def _i_varden(dok: Dokument, text: str) -> list[Personnummertraff]:
    kanda = {hit.traff.maskerat for hit in dok.personnummer or []}
    rader = text.split("\n")
    nya = []
    for vag, traff in personnummer.i_varden(dok.data):
        if traff.maskerat in kanda:
            continue  # samma nummer står också synligt i texten
        kanda.add(traff.maskerat)
        rad, kol = dok.position(vag)
        nya.append(personnummer.pa_rad(dok.relativ, traff, rad, kol, rader[rad - 1]))
    return nya


_HUVUD = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_UTAN_HUVUD = (
    "Styrdokumentet saknar sitt huvud: filen ska börja med en rad ---, sedan huvudet i YAML"
    " (id, titel, slag, ägare …) och en rad --- till, och därefter själva dokumentet."
)


def markdown_delar(text: str) -> tuple[tuple[str, int], tuple[str, int]]:
    """Ett Markdown-dokuments huvud och brödtext, var och en med raderna före den.

    Utan huvud är huvudet tomt och hela texten brödtext.
    """
    traff = _HUVUD.match(text)
    if traff is None:
        return ("", 0), (text, 0)
    fore_brodtext = text.count("\n", 0, traff.end()) + (0 if traff.group(0).endswith("\n") else 1)
    return (traff.group(1), 1), (text[traff.end() :], fore_brodtext)


def _har_huvud(text: str) -> bool:
    return _HUVUD.match(text) is not None


def _validera(dok: Dokument, filtyp: Filtyp) -> None:
    try:
        dok.modell = filtyp.modell.model_validate(dok.data)
    except ValidationError as fel:
        dok.valideringsfel = fel.errors(include_url=False, include_context=True)
    except RecursionError:
        dok.inlasningsfynd.append(
            dok.fynd(
                1,
                1,
                "YAML001",
                "Filen är för djupt nästlad eller hänvisar"
                " till sig själv (&ankare och *alias i en slinga).",
            )
        )


def avkoda(radata: bytes, dok: Dokument) -> str | None:
    """Avkoda en fil som UTF-8 och lägg fynd för BOM, UTF-16 och annan kodning.

    Args:
        radata: Filens bytes.
        dok: Dokumentet som får eventuella fynd.

    Returns:
        Texten, eller None när den inte är UTF-8.
    """
    if radata.startswith(_UTF16_BOM) or b"\x00" in radata[:8192]:
        dok.inlasningsfynd.append(dok.fynd(1, 1, "FIL001", _INTE_TEXT))
        return None
    if (nul := radata.find(b"\x00")) != -1:
        dok.inlasningsfynd.append(dok.fynd(*_plats(radata, nul), "FIL001", _NUL))
        return None
    if radata.startswith(_BOM):
        dok.inlasningsfynd.append(
            dok.fynd(
                1,
                1,
                "FIL002",
                "Filen börjar med ett BOM-tecken (byte order mark). Spara den som UTF-8 utan BOM.",
            )
        )
        radata = radata[len(_BOM) :]
    try:
        return radata.decode("utf-8")
    except UnicodeDecodeError as fel:
        dok.inlasningsfynd.append(
            dok.fynd(
                *_plats(radata, fel.start),
                "FIL001",
                "Filen är inte sparad som UTF-8 (kanske"
                " Windows-1252 eller Latin-1). Spara om den som UTF-8.",
            )
        )
        return None


def _plats(radata: bytes, index: int) -> tuple[int, int]:
    rad = radata.count(b"\n", 0, index) + 1
    return rad, index - (radata.rfind(b"\n", 0, index) + 1) + 1


_INTE_TEXT = (
    "Filen är inte text i UTF-8 (den är binär eller sparad som UTF-16). Spara om den som UTF-8."
)
_NUL = (
    "Filen innehåller ett NUL-tecken (byte 0) och är därför inte ren text; kanske har"
    " binärt innehåll klistrats in. Ta bort tecknet, eller filen om den är binär."
)
