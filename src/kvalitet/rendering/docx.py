"""Rapporternas HTML som Word-dokument (.docx), med python-docx.

Dokumentet görs ur samma HTML som webbsidan och PDF:en, så att innehållet är detsamma.
Rubrikerna får Words egna rubrikformat (rapportens titel Rubrik, avsnitten Rubrik 1,
underavsnitten Rubrik 2 …), så att Words innehållsförteckning fungerar; den står där
HTML:en har sin och fylls i när Word öppnar dokumentet. Tabellerna blir Word-tabeller
vars rubrikrad upprepas på varje sida och vars rubrik (`<caption>`) blir tabellens
alternativtext; figurerna (SVG) blir bilder (PNG, med CairoSVG) med bildtexten som
alternativtext. Datum och tal står som i HTML:en, på svenska.

Med en mall (kommunens .docx eller .dotx) används mallens format, sidformat, sidhuvud
och sidfot; mallens egen text ersätts av rapporten. Utan mall blir det A4 med
verksamheten och rapporten i sidhuvudet och ”Sida N av M” i sidfoten.

CairoSVG behöver biblioteket Cairo (Debian: libcairo2); det läses in först när en figur
ritas.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bs4 import BeautifulSoup
from bs4.element import NavigableString, Tag
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt

from kvalitet import __version__
from kvalitet.fel import Anvandningsfel, KvalitetFel, Slutkod

if TYPE_CHECKING:
    from docx.document import Document as Dokument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

SPRAK = "sv-SE"
RUBRIKER = {"h1": "Title", "h2": "Heading 1", "h3": "Heading 2", "h4": "Heading 3",
            "h5": "Heading 4", "h6": "Heading 5"}  # fmt: skip
"""HTML:ens rubriker och Words rubrikformat (de inbyggda namnen, som i alla språk)."""

_INLINE = {"a", "abbr", "b", "br", "code", "em", "i", "kbd", "mark", "small", "span",
           "strong", "sub", "sup", "time"}  # fmt: skip
_BARA_SKARM = "a.hoppa, nav:not(.innehall), script, style, noscript, form, template"
_INNEHALL_PLATS = "Högerklicka här och välj Uppdatera fält för att visa innehållsförteckningen."
_EFTER_UPPDATERA = tuple(f"w:{namn}" for namn in (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
))  # fmt: skip
"""Inställningarna som står efter w:updateFields i WordprocessingML:s schema."""
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_PX = 9525
"""EMU per CSS-pixel (1/96 tum)."""


class DocxFel(KvalitetFel):
    """Word-dokumentet gick inte att göra (Cairo saknas för figurerna)."""

    slutkod = Slutkod.ANVANDNING


def till_docx(html: str, mall: Path | None = None) -> bytes:
    """En rapports HTML som Word-dokument.

    Args:
        html: Rapportens HTML (en fristående sida, med `<title>` och författaren i
            `<meta name="author">`).
        mall: Kommunens Word-mall (.docx eller .dotx), eller None för kvalitets egen.

    Raises:
        Anvandningsfel: När mallen saknas eller inte är ett Word-dokument.
        DocxFel: När Cairo saknas och rapporten har figurer.
    """
    sida = BeautifulSoup(html, "html.parser")
    titel = sida.title.get_text(strip=True) if sida.title else ""
    forfattare = _meta(sida, "author")
    dokument = _ur_mall(mall) if mall else _nytt(titel, forfattare)
    egenskaper = dokument.core_properties
    egenskaper.title = titel
    egenskaper.author = forfattare
    egenskaper.language = SPRAK
    # Word skriver sitt användarnamn här när någon sparar dokumentet: då är det inte
    # längre kvalitets rapport och skrivs inte över (se kvalitet.rapporter).
    egenskaper.last_modified_by = _meta(sida, "generator") or f"kvalitet {__version__}"
    egenskaper.created = egenskaper.modified = datetime.now(UTC).replace(microsecond=0)
    egenskaper.revision = 1
    # html.parser gör attributens namn gemena (viewbox), men SVG skiljer på stora och små
    # bokstäver: bilderna tas därför ur HTML:ens text, i samma ordning.
    svg = dict(zip(map(id, sida.find_all("svg")), _SVG.findall(html), strict=True))
    # Det som bara gäller på skärmen: länken förbi sidhuvudet, navigeringen, skript och
    # sökformuläret (innehållsförteckningen blir Words egen, se _Skrivare).
    for element in sida.select(_BARA_SKARM):
        element.decompose()
    if sida.body is not None:
        _Skrivare(dokument, svg).block(sida.body, dokument)
    ut = BytesIO()
    dokument.save(ut)
    return ut.getvalue()


def _meta(sida: BeautifulSoup, namn: str) -> str:
    tagg = sida.find("meta", attrs={"name": namn})
    return str(tagg.get("content", "")) if isinstance(tagg, Tag) else ""


def _nytt(titel: str, forfattare: str) -> Dokument:
    """Kvalitets eget dokument: A4, svenska, sidhuvud och sidfot med sidnummer."""
    dokument = Document()
    sektion = dokument.sections[0]
    sektion.page_width, sektion.page_height = Cm(21), Cm(29.7)
    for kant in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(sektion, kant, Cm(2.5))
    standard = dokument.styles.element.find(qn("w:docDefaults"))
    if standard is not None:
        for rpr in standard.iter(qn("w:rPr")):
            sprak = rpr.find(qn("w:lang"))
            if sprak is None:
                sprak = OxmlElement("w:lang")
                rpr.append(sprak)
            sprak.set(qn("w:val"), SPRAK)
    huvud = sektion.header.paragraphs[0]
    huvud.text = f"{forfattare.split(',')[0]} · {titel}" if forfattare else titel
    huvud.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fot = sektion.footer.paragraphs[0]
    fot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fot.add_run("Sida ")
    _falt(fot, "PAGE", "1")
    fot.add_run(" av ")
    _falt(fot, "NUMPAGES", "1")
    for stycke in (huvud, fot):
        for kors in stycke.runs:
            kors.font.size = Pt(9)
    return dokument


def _ur_mall(mall: Path) -> Dokument:
    """Kommunens mall med sin egen text borttagen (format, sidhuvud och sidfot kvar)."""
    try:
        innehall = mall.read_bytes()
    except FileNotFoundError:
        raise Anvandningsfel(f"Mallen {mall} finns inte.") from None
    except OSError as e:
        raise Anvandningsfel(f"Mallen {mall} kan inte läsas: {e.strerror}.") from None
    try:
        dokument = Document(BytesIO(_som_dokument(innehall)))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise Anvandningsfel(
            f"{mall} är inget Word-dokument.",
            tips="Ange kommunens mall som .docx eller .dotx (spara den så i Word).",
        ) from None
    kropp = dokument.element.body
    for barn in list(kropp):
        if barn.tag != qn("w:sectPr"):
            kropp.remove(barn)
    return dokument


def _som_dokument(innehall: bytes) -> bytes:
    """En .dotx (Word-mall) med samma innehåll som en .docx; en .docx som den är."""
    mall = "wordprocessingml.template.main+xml"
    with zipfile.ZipFile(BytesIO(innehall)) as kalla:
        typer = kalla.read("[Content_Types].xml")
        if mall.encode() not in typer:
            return innehall
        ut = BytesIO()
        with zipfile.ZipFile(ut, "w", zipfile.ZIP_DEFLATED) as mal:
            for post in kalla.infolist():
                data = kalla.read(post)
                if post.filename == "[Content_Types].xml":
                    data = data.replace(mall.encode(), b"wordprocessingml.document.main+xml")
                mal.writestr(post, data)
        return ut.getvalue()


def _falt(stycke: Paragraph, instruktion: str, visas: str) -> None:
    """Ett Word-fält (PAGE, NUMPAGES, TOC …) med texten som visas tills det uppdateras."""

    def tecken(typ: str) -> None:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), typ)
        stycke.add_run()._r.append(element)

    tecken("begin")
    instruktionen = OxmlElement("w:instrText")
    instruktionen.set(qn("xml:space"), "preserve")
    instruktionen.text = f" {instruktion} "
    stycke.add_run()._r.append(instruktionen)
    tecken("separate")
    stycke.add_run(visas)
    tecken("end")


class _Skrivare:
    """Går igenom HTML:en och skriver stycken, listor, tabeller och bilder i dokumentet."""

    def __init__(self, dokument: Dokument, svg: dict[int, str]) -> None:
        self.dokument = dokument
        self.svg = svg
        """Varje <svg>-elements text ur HTML:en (efter elementets id())."""
        self.stilar = {s.name for s in dokument.styles}
        self.nya: list[Paragraph] = []
        """Styckena som _stycke har skrivit, i ordning."""

    def stil(self, namn: str) -> str | None:
        return namn if namn in self.stilar else None

    def block(self, element: Tag, behallare: Any, stil: str | None = None, niva: int = 0) -> None:
        """Elementets barn: text och inline-element blir stycken, block skrivs var för sig."""
        rad: list[Tag | NavigableString] = []
        for barn in element.children:
            if isinstance(barn, Tag) and barn.name not in _INLINE:
                self._stycke(behallare, rad, stil)
                rad = []
                self._element(barn, behallare, niva)
            elif isinstance(barn, Tag | NavigableString):
                rad.append(barn)
        self._stycke(behallare, rad, stil)

    def _element(self, e: Tag, behallare: Any, niva: int) -> None:
        hanterare = {
            "nav": self._innehallsforteckning,
            "p": self._p,
            "table": self._tabell,
            "figure": self._figur,
            "dt": self._dt,
        }.get(str(e.name))
        if hanterare is not None:
            hanterare(e, behallare)
        elif e.name in ("ul", "ol"):
            self._lista(e, behallare, niva)
        elif e.name in RUBRIKER:
            self._rubrik(e, behallare)
        elif e.name in ("blockquote", "figcaption"):
            stil = self.stil("Quote" if e.name == "blockquote" else "Caption")
            self.block(e, behallare, stil, niva)
        elif e.name != "hr":  # div, section, article, header, main, footer, dl, dd …
            self.block(e, behallare, None, niva)

    def _p(self, e: Tag, behallare: Any) -> None:
        stil = self.stil("Subtitle") if "ingress" in _klasser(e) else None
        self._stycke(behallare, list(e.children), stil)

    def _dt(self, e: Tag, behallare: Any) -> None:
        stycke = self._stycke(behallare, list(e.children), None)
        for kors in stycke.runs if stycke else ():
            kors.bold = True

    def _rubrik(self, e: Tag, behallare: Any) -> None:
        namn = RUBRIKER[str(e.name)]
        stycke = self._stycke(behallare, list(e.children), self.stil(namn), tom=True)
        if stycke is not None and self.stil(namn) is None:
            # Mallen saknar formatet: fetstil, och rubriknivån för innehållsförteckningen.
            for kors in stycke.runs:
                kors.bold = True
            if namn != "Title":
                niva = OxmlElement("w:outlineLvl")
                niva.set(qn("w:val"), str(int(namn[-1]) - 1))
                egenskaper = stycke._p.get_or_add_pPr()
                egenskaper.insert_element_before(
                    niva, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
                )

    def _innehallsforteckning(self, _nav: Tag, behallare: Any) -> None:
        rubrik = behallare.add_paragraph("Innehåll", self.stil("TOC Heading"))
        if self.stil("TOC Heading") is None:
            rubrik.runs[0].bold = True
        _falt(behallare.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', _INNEHALL_PLATS)
        installningar = self.dokument.settings.element
        if installningar.find(qn("w:updateFields")) is None:
            uppdatera = OxmlElement("w:updateFields")
            uppdatera.set(qn("w:val"), "true")
            # Word läser inställningarna i schemats ordning: före allt som följer efter.
            installningar.insert_element_before(uppdatera, *_EFTER_UPPDATERA)

    def _lista(self, e: Tag, behallare: Any, niva: int) -> None:
        numrerad = e.name == "ol"
        namn = ("List Number" if numrerad else "List Bullet") + (f" {niva + 1}" if niva else "")
        stil = self.stil(namn) or self.stil("List Paragraph")
        nummer = self._ny_numrering(namn) if numrerad and self.stil(namn) else None
        for i, punkt in enumerate(e.find_all("li", recursive=False), start=1):
            forsta = len(self.nya)
            self.block(punkt, behallare, stil, niva + 1)
            if len(self.nya) == forsta:
                continue
            stycke = self.nya[forsta]
            if self.stil(namn) is None and stycke.runs:  # mallen saknar listformatet
                stycke.runs[0].text = (f"{i}. " if numrerad else "• ") + stycke.runs[0].text
            elif nummer is not None:
                _numrering(stycke, nummer)

    def _ny_numrering(self, stil: str) -> int | None:
        """En ny numrering (från 1) med stilens lista, så att varje lista börjar om."""
        try:
            numpr = self.dokument.styles[stil].element.pPr.numPr
            delar = self.dokument.part.numbering_part.element
            abstrakt = delar.num_having_numId(numpr.numId.val).abstractNumId.val
            ny = delar.add_num(abstrakt)
            ny.add_lvlOverride(ilvl=0).add_startOverride(1)
            return int(ny.numId)
        except (AttributeError, KeyError, NotImplementedError):
            return None

    def _tabell(self, e: Tag, behallare: Any) -> None:
        rader = [(r, r.parent is not None and r.parent.name == "thead")
                 for r in e.find_all("tr") if r.find_parent("table") is e]  # fmt: skip
        if not rader:
            return
        bredd = max(sum(_spann(c) for c in _celler(r)) for r, _ in rader)
        tabell = behallare.add_table(rows=len(rader), cols=bredd)
        if self.stil("Table Grid"):
            tabell.style = self.dokument.styles["Table Grid"]
        # Hela textbredden; Word fördelar kolumnerna efter innehållet.
        tabellbredd = tabell._tbl.tblPr.find(qn("w:tblW"))
        if tabellbredd is not None:
            tabellbredd.set(qn("w:type"), "pct")
            tabellbredd.set(qn("w:w"), "5000")
        rubrik = e.find("caption")
        if isinstance(rubrik, Tag):
            _tabellrubrik(tabell, rubrik.get_text(" ", strip=True))
        for (tr, ar_rubrik), rad in zip(rader, tabell.rows, strict=True):
            # Ingen rad delas mellan två sidor; rubrikraderna upprepas på varje sida.
            for egenskap in ("w:cantSplit", "w:tblHeader") if ar_rubrik else ("w:cantSplit",):
                element = OxmlElement(egenskap)
                element.set(qn("w:val"), "true")
                rad._tr.get_or_add_trPr().append(element)
            kolumn = 0
            for cell in _celler(tr):
                spann = _spann(cell)
                wcell = rad.cells[kolumn]
                if spann > 1:
                    wcell = wcell.merge(rad.cells[kolumn + spann - 1])
                self._cell(cell, wcell)
                kolumn += spann

    def _cell(self, cell: Tag, wcell: _Cell) -> None:
        self.block(cell, wcell)
        if len(wcell.paragraphs) > 1 and not wcell.paragraphs[0].text:
            wcell._tc.remove(wcell.paragraphs[0]._p)
        if cell.name == "th":
            for stycke in wcell.paragraphs:
                for kors in stycke.runs:
                    kors.bold = True
        if "tal" in _klasser(cell):
            for stycke in wcell.paragraphs:
                stycke.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _figur(self, e: Tag, behallare: Any) -> None:
        text = e.find("figcaption")
        beskrivning = text.get_text(" ", strip=True) if isinstance(text, Tag) else ""
        for element in e.find_all("svg", recursive=False):
            svg = self.svg[id(element)]
            bredd, hojd = _storlek(svg)
            skala = min(1.0, self._textbredd() / bredd)
            bild = (
                behallare.add_paragraph()
                .add_run()
                .add_picture(BytesIO(_png(svg, bredd, hojd)), width=Emu(int(bredd * skala)))
            )
            bild._inline.docPr.set("descr", beskrivning)
        if isinstance(text, Tag):
            self.block(text, behallare, self.stil("Caption"))

    def _textbredd(self) -> int:
        sektion = self.dokument.sections[-1]
        bredd = (sektion.page_width or Cm(21)) - (sektion.left_margin or 0)
        return int(bredd - (sektion.right_margin or 0))

    def _stycke(
        self,
        behallare: Any,
        noder: list[Any],
        stil: str | None,
        tom: bool = False,
    ) -> Paragraph | None:
        """Ett stycke av text och inline-element (inget om det bara är blanktecken)."""
        delar = list(_delar(noder, frozenset()))
        if not tom and not "".join(t for t, _ in delar).strip():
            return None
        stycke = _tomt_stycke(behallare, stil)
        self.nya.append(stycke)
        fore = ""
        for i, (text, format_) in enumerate(delar):
            if "br" in format_:
                stycke.add_run().add_break(WD_BREAK.LINE)
                fore = "\n"
                continue
            text = re.sub(r"\s+", " ", text)
            if fore in (" ", "\n", "") and text.startswith(" "):
                text = text[1:]
            if i == len(delar) - 1 or all(t.isspace() for t, _ in delar[i + 1 :]):
                text = text.rstrip()
            if not text:
                continue
            kors = stycke.add_run(text)
            kors.bold = "b" in format_ or None
            kors.italic = "i" in format_ or None
            if "liten" in format_:
                kors.font.size = Pt(9)
            if "kod" in format_:
                kors.font.name = "Courier New"
            fore = text[-1]
        return stycke


def _tomt_stycke(behallare: Any, stil: str | None) -> Paragraph:
    """Ett nytt stycke; i en tabellcell används cellens första, tomma stycke först."""
    stycken = getattr(behallare, "paragraphs", None)
    if hasattr(behallare, "_tc") and stycken and len(stycken) == 1 and not stycken[0].runs:
        stycken[0].style = stil
        return stycken[0]  # type: ignore[no-any-return]
    return behallare.add_paragraph(style=stil)  # type: ignore[no-any-return]


def _delar(noder: list[Any], format_: frozenset[str]) -> Iterator[tuple[str, frozenset[str]]]:
    """Texten i inline-element, med formatet (fetstil, kursiv, liten, kod) för varje del."""
    formatet = {"strong": "b", "b": "b", "em": "i", "i": "i", "small": "liten", "code": "kod",
                "kbd": "kod"}  # fmt: skip
    for nod in noder:
        if isinstance(nod, NavigableString):
            if type(nod) is NavigableString:  # inte kommentarer och liknande
                yield str(nod), format_
        elif nod.name == "br":
            yield "\n", format_ | {"br"}
        elif isinstance(nod, Tag):
            tillagt = formatet.get(str(nod.name))
            yield from _delar(list(nod.children), format_ | {tillagt} if tillagt else format_)


def _celler(rad: Tag) -> list[Tag]:
    return list(rad.find_all(("th", "td"), recursive=False))


def _spann(cell: Tag) -> int:
    text = str(cell.get("colspan") or "1")
    return int(text) if text.isdigit() and int(text) > 0 else 1


def _klasser(e: Tag) -> list[str]:
    return [str(k) for k in e.get_attribute_list("class") if k]


def _tabellrubrik(tabell: Any, text: str) -> None:
    """Tabellens rubrik som dess alternativtext (w:tblCaption), för skärmläsare."""
    egenskaper = tabell._tbl.tblPr
    rubrik = OxmlElement("w:tblCaption")
    rubrik.set(qn("w:val"), text)
    # tblCaption ska stå efter tblLayout och före tblDescription i tblPr.
    egenskaper.append(rubrik)


def _numrering(stycke: Paragraph, nummer: int) -> None:
    numpr = stycke._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().val = nummer


def _storlek(svg: str) -> tuple[int, int]:
    """Bildens bredd och höjd i EMU, ur viewBox (CSS-pixlar); annars 16 × 10 cm."""
    ruta = re.search(r'viewBox="[\d.-]+[ ,]+[\d.-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"', svg)
    if ruta is None:
        return int(Cm(16)), int(Cm(10))
    return int(float(ruta[1]) * _PX), int(float(ruta[2]) * _PX)


def _png(svg: str, bredd: int, hojd: int) -> bytes:
    """En SVG som PNG i dubbel upplösning (skarp också utskriven)."""
    try:
        import cairosvg
    except (ImportError, OSError):
        raise DocxFel(
            "Figurerna kan inte ritas här: CairoSVG eller biblioteket Cairo saknas.",
            tips="Installera Cairo, på Debian och Ubuntu: sudo apt install libcairo2",
        ) from None
    return cairosvg.svg2png(  # type: ignore[no-any-return]
        bytestring=svg.encode("utf-8"),
        output_width=round(bredd / _PX * 2),
        output_height=round(hojd / _PX * 2),
    )
