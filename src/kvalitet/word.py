"""Word-dokument (.docx) till Markdown: den enda modulen med mammoth och markdownify.

mammoth läser dokumentet som Word har skrivit det (rubrikformat, listor med nivåer,
tabeller, länkar, fetstil och kursiv) och ger HTML; markdownify gör om HTML:en till
Markdown (CommonMark med GFM-tabeller), med `#`-rubriker och tecken som `*`, `|` och
`<` skyddade så att texten blir densamma. Bilderna tas ut som filer.

Rubriknivåerna: formatet Rubrik (Title) blir `#`. Har dokumentet en sådan rubrik flyttas
dess Rubrik 1, Rubrik 2 … ned en nivå (`##`, `###` …), så att dokumentet har en enda
`#`-rubrik, som styrdokumenten i kvalitet.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree import ElementTree

from kvalitet.fel import Anvandningsfel
from kvalitet.skrivning import orsak

if TYPE_CHECKING:
    from bs4 import BeautifulSoup

_FORMAT = """
p[style-name='Title'] => h1.dokumenttitel:fresh
p[style-name='Rubrik'] => h1.dokumenttitel:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Underrubrik'] => p:fresh
"""
"""Word-format som mammoth inte känner: dokumentets rubrik, engelska och svenska namnet."""

_BILDTYPER = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/svg+xml": "svg",
    "image/webp": "webp",
}


@dataclass(frozen=True)
class Bild:
    """En bild ur dokumentet: filnamnet den får och innehållet."""

    namn: str
    data: bytes


@dataclass(frozen=True)
class Konverterat:
    """Ett Word-dokument som Markdown: texten, titeln, bilderna och mammoths anmärkningar."""

    markdown: str
    titel: str | None
    bilder: list[Bild] = field(default_factory=list)
    anmarkningar: list[str] = field(default_factory=list)


def konvertera(fil: Path, bildmapp: Callable[[str | None], str]) -> Konverterat:
    """Läs ett .docx-dokument som Markdown.

    Args:
        fil: Word-dokumentet.
        bildmapp: Ger mappen som bilderna länkas i, relativt dokumentet, ur titeln.

    Returns:
        Markdown-texten, titeln (dokumentets egenskap Titel, annars den första rubriken) och
        bilderna, numrerade i den ordning de står.

    Raises:
        Anvandningsfel: När filen inte är ett läsbart .docx-dokument.
    """
    import mammoth
    from markdownify import MarkdownConverter

    bilder: list[Bild] = []

    def bild(image: Any) -> dict[str, str]:
        with image.open() as strom:
            data = strom.read()
        namn = f"bild-{len(bilder) + 1}.{_BILDTYPER.get(image.content_type, 'bin')}"
        bilder.append(Bild(namn, data))
        return {"src": namn, "alt": image.alt_text or ""}

    if not fil.is_file():
        raise Anvandningsfel(f"”{fil}” finns inte.", tips="Ange sökvägen till ett .docx-dokument.")
    try:
        with fil.open("rb") as strom:
            resultat = mammoth.convert_to_html(
                strom, style_map=_FORMAT, convert_image=mammoth.images.img_element(bild)
            )
        egen_titel = _titel_i_egenskaperna(fil)
    except OSError as fel:
        raise Anvandningsfel(f"{fil}: filen går inte att läsa ({orsak(fel)}).") from None
    except (zipfile.BadZipFile, KeyError, ValueError, ElementTree.ParseError):
        raise Anvandningsfel(
            f"{fil}: filen är inget Word-dokument (.docx) som går att läsa.",
            tips="Spara dokumentet i Word som .docx (inte .doc eller PDF) och försök igen.",
        ) from None
    soppa = _ordnad(resultat.value)
    forsta = soppa.find(["h1", "h2", "h3", "h4", "h5", "h6"])
    titel = egen_titel or (forsta.get_text(" ", strip=True) if forsta else None) or None
    if bilder:
        mapp = bildmapp(titel)
        for img in soppa.find_all("img"):
            img["src"] = f"{mapp}/{img['src']}"
    konverterare = MarkdownConverter(
        heading_style="ATX",
        bullets="-",
        escape_misc=True,
        table_infer_header=True,
        keep_inline_images_in=["td", "th", "li"],
    )
    markdown = konverterare.convert_soup(soppa).strip() + "\n"
    anmarkningar = sorted({_pa_svenska(m.message) for m in resultat.messages})
    return Konverterat(markdown, titel, bilder, anmarkningar)


_ANMARKNINGAR = (
    (
        re.compile(r"Unrecognised paragraph style: (.*) \(Style ID: .*\)"),
        "Styckeformatet ”{}” känns inte igen; stycken med det kan ha blivit vanlig text"
        " (kontrollera rubriker och listor).",
    ),
    (
        re.compile(r"Unrecognised run style: (.*) \(Style ID: .*\)"),
        "Teckenformatet ”{}” är okänt och blev vanlig text.",
    ),
    (
        re.compile(r"Image of type (.*) is unlikely to display in web browsers"),
        "En bild av typen {} visas troligen inte i en webbläsare; spara den som PNG eller JPEG.",
    ),
)
"""mammoths anmärkningar (på engelska) på svenska; andra visas som de är, med en förklaring."""


def _pa_svenska(meddelande: str) -> str:
    for monster, svenska in _ANMARKNINGAR:
        if traff := monster.fullmatch(meddelande):
            return svenska.format(traff.group(1))
    return f"mammoth (omvandlaren) anmärkte, på engelska: {meddelande}"


def _ordnad(html: str) -> BeautifulSoup:
    """HTML:en med rubrikerna på rätt nivå och utan tomma stycken."""
    from bs4 import BeautifulSoup

    soppa = BeautifulSoup(html, "html.parser")
    titlar = soppa.find_all("h1", class_="dokumenttitel")
    if titlar:
        for rubrik in soppa.find_all(["h1", "h2", "h3", "h4", "h5"]):
            if rubrik not in titlar:
                rubrik.name = f"h{int(rubrik.name[1]) + 1}"
        for titel in titlar:
            del titel["class"]
    for stycke in soppa.find_all("p"):
        if not stycke.get_text(strip=True) and not stycke.find("img"):
            stycke.decompose()
    return soppa


def _titel_i_egenskaperna(fil: Path) -> str | None:
    """Dokumentets egenskap Titel (docProps/core.xml), om den är ifylld."""
    with zipfile.ZipFile(fil) as arkiv:
        if "docProps/core.xml" not in arkiv.namelist():
            return None
        rot = ElementTree.fromstring(arkiv.read("docProps/core.xml"))
    titel = rot.find("{http://purl.org/dc/elements/1.1/}title")
    text = " ".join((titel.text or "").split()) if titel is not None else ""
    return text or None
