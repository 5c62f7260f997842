"""Rapporternas HTML som PDF/A, med WeasyPrint.

PDF:en görs ur samma HTML som webbsidan, med utskriftsstilen `mallar/rapporter/pdf.css`
ovanpå: A4, sidhuvud med verksamheten och rapporten, sidnummer och
innehållsförteckningen med sidnummer. Den är PDF/A-3a: arkivbeständig (för diariet),
med typsnitten inbäddade och taggad för skärmläsare; titeln, författaren (verksamheten)
och språket (sv) står i metadata. Figurerna (SVG) förblir vektorer.

WeasyPrint behöver Pango (Debian: libpango-1.0-0 och libpangoft2-1.0-0) och ett
typsnitt (fonts-dejavu-core); det läses in först när en PDF görs.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kvalitet import mallar
from kvalitet.fel import KvalitetFel, Slutkod

VARIANT = "pdf/a-3a"
"""PDF/A-3, nivå a: arkivbeständig och taggad (tillgänglig)."""


class PdfFel(KvalitetFel):
    """PDF:en gick inte att göra (WeasyPrint eller dess bibliotek saknas)."""

    slutkod = Slutkod.ANVANDNING


def till_pdf(html: str, bas: Path) -> bytes:
    """En rapports HTML som PDF/A.

    Args:
        html: Rapportens HTML (en fristående sida).
        bas: Mappen som relativa länkar i HTML:en utgår från.

    Raises:
        PdfFel: När WeasyPrint eller Pango saknas.
    """
    try:
        from weasyprint import CSS, HTML
    except (ImportError, OSError):
        raise PdfFel(
            "PDF kan inte göras här: WeasyPrint eller dess bibliotek (Pango) saknas.",
            tips="Installera Pango och ett typsnitt, på Debian och Ubuntu:"
            " sudo apt install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core",
        ) from None
    # WeasyPrint loggar CSS som bara webbläsare förstår (overflow-x, @media för
    # skärmbredd); det är inga fel i PDF:en och ska inte synas för användaren.
    for logg in ("weasyprint", "fontTools"):
        logging.getLogger(logg).setLevel(logging.ERROR)
    stil = CSS(string=(mallar.mallmapp() / "rapporter" / "pdf.css").read_text(encoding="utf-8"))
    return HTML(string=html, base_url=f"{bas.resolve().as_uri()}/").write_pdf(  # type: ignore[no-any-return]
        stylesheets=[stil], pdf_variant=VARIANT
    )
