"""Rapporterna: en vy-modell per rapport, som Markdown- och HTML-mallarna delar.

Varje rapportmodul har `MALL` (mallens namn i mallar/rapporter/) och `bygg(v, uppdrag)`
som ger vy-modellen, med åtminstone `titel` och `bilder`. `skapa` renderar den till
filer: HTML blir en fristående fil med bilderna inbäddade, Markdown får bilderna som
SVG-filer bredvid rapporten. En befintlig fil skrivs bara över om den är en rapport
som kvalitet har skapat.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from kvalitet import rendering
from kvalitet.skrivning import Andring, FilenFinns
from kvalitet.svenska import tal
from kvalitet.verksamhet import Verksamhet

MARKOR = "Skapad av kvalitet"
"""Står i början av varje fil som kvalitet skapar som rapport (som kommentar)."""


@dataclass(frozen=True)
class Uppdrag:
    """Vad användaren bad om: år, bedömningsdag, gräns för små antal och rum."""

    ar: int
    per: date
    minsta_antal: int | None = 5
    rum: str | None = None


@dataclass(frozen=True)
class Huvud:
    """Det som står överst och underst i varje rapport."""

    verksamhet: str
    organisation: str
    namnd: str
    per: date
    ar: int
    minsta_antal: int | None


def huvud(v: Verksamhet, uppdrag: Uppdrag) -> Huvud:
    """Rapportens huvud ur huset (eller mappens namn när huset inte kan läsas)."""
    if v.huset is None:
        return Huvud(v.rot.name, "–", "–", uppdrag.per, uppdrag.ar, uppdrag.minsta_antal)
    uppgifter = v.huset[1].verksamhet
    return Huvud(
        uppgifter.namn,
        uppgifter.organisation,
        uppgifter.nämnd,
        uppdrag.per,
        uppdrag.ar,
        uppdrag.minsta_antal,
    )


@dataclass(frozen=True)
class Bild:
    """En bild i en rapport: SVG, en kort titel och en textbeskrivning för den som inte ser den."""

    namn: str
    titel: str
    beskrivning: str
    svg: Any


class Rapportsort(Protocol):
    """En rapportmodul."""

    MALL: str

    def bygg(self, v: Verksamhet, uppdrag: Uppdrag) -> Any:
        """Vy-modellen för rapporten."""
        ...


def _fran_kvalitet(innehall: bytes) -> bool:
    """Sant när en fil är en rapport som kvalitet har skapat (och får skrivas över).

    En text har märket (MARKOR) som kommentar i början; en PDF har kvalitet som skapare i
    sin metadata (texten i en PDF är komprimerad, så den läses med pypdf), ett
    Word-dokument som den som sparade det senast (Word skriver där sitt användarnamn).
    """
    if innehall.startswith(b"PK\x03\x04"):
        return _word_fran_kvalitet(innehall)
    if not innehall.startswith(b"%PDF-"):
        return MARKOR.encode("utf-8") in innehall[:2000]
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        skapare = PdfReader(BytesIO(innehall)).metadata
    except (PdfReadError, ValueError, KeyError):
        return False
    return skapare is not None and str(skapare.creator or "").startswith("kvalitet ")


def _word_fran_kvalitet(innehall: bytes) -> bool:
    import zipfile
    from io import BytesIO
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(BytesIO(innehall)) as paket:
            egenskaper = ElementTree.fromstring(paket.read("docProps/core.xml"))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError):
        return False
    sparad_av = egenskaper.findtext(
        "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}lastModifiedBy"
    )
    return (sparad_av or "").startswith("kvalitet ")


def visa_antal(n: int, minsta: int | None) -> str:
    """Ett antal, eller ”färre än N” när det är litet (men inte noll) och kan peka ut någon."""
    if minsta is not None and 0 < n < minsta:
        return f"färre än {minsta}"
    return tal(n)


def filer(
    vy: Any,
    mall: str,
    ending: str,
    ut: Path,
    vaxlar: dict[str, Any] | None = None,
    wordmall: Path | None = None,
) -> list[Andring]:
    """Rapportens fil (och för Markdown bildernas filer bredvid), som ändringar att skriva.

    Args:
        vy: Vy-modellen (med `bilder`).
        mall: Mallens namn.
        ending: "md", "html", "pdf" eller "docx" (de två sista ur samma HTML, se
            kvalitet.rendering.pdf och kvalitet.rendering.docx).
        ut: Rapportens fil.
        vaxlar: Mer som mallen ska få se.
        wordmall: Kommunens Word-mall för docx (None: kvalitets egen).

    Returns:
        Ändringarna: nya filer, eller ersättningar av rapporter som kvalitet skapat.

    Raises:
        FilenFinns: När en fil finns redan och inte är en rapport från kvalitet.
    """
    bildfiler = {b.namn: f"{ut.stem}-{b.namn}.svg" for b in vy.bilder} if ending == "md" else {}
    text = rendering.rendera(
        mall,
        "md" if ending == "md" else "html",
        vy=vy,
        bildfiler=bildfiler,
        markor=MARKOR,
        **(vaxlar or {}),
    )
    if ending == "pdf":
        from kvalitet.rendering.pdf import till_pdf

        return [rapportfil(ut, till_pdf(text, ut.parent))]
    if ending == "docx":
        from kvalitet.rendering.docx import till_docx

        return [rapportfil(ut, till_docx(text, wordmall))]
    andringar = [rapportfil(ut, text)]
    if bildfiler:
        andringar += [rapportfil(ut.parent / bildfiler[b.namn], str(b.svg)) for b in vy.bilder]
    return andringar


def rapportfil(sokvag: Path, text: str | bytes) -> Andring:
    """En rapportfil att skriva: ny, eller en ersättning av en äldre rapport från kvalitet.

    Raises:
        FilenFinns: När filen finns och inte är en rapport från kvalitet.
    """
    ny = text.encode("utf-8") if isinstance(text, str) else text
    if not sokvag.exists():
        return Andring(sokvag, ny)
    gammal = sokvag.read_bytes() if sokvag.is_file() else b""
    if not _fran_kvalitet(gammal):
        raise FilenFinns(
            f"{sokvag} finns redan och är ingen rapport från kvalitet, så den skrivs inte över.",
            tips="Välj en annan fil med --ut.",
        )
    return Andring(sokvag, ny, gammal)
