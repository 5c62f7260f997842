"""Länkarna i ett styrdokument ska gå att följa.

Ett styrdokument länkar till andra styrdokument (`[Rutin för tolkbokning](rutin-tolk.md)`,
med eller utan en rubrik: `rutin-tolk.md#ansvar`), till en rubrik i sig självt
(`#ansvar`), till husets processer och rum (`[Handläggning](process:handlaggning-ansokan)`,
`[Trygghet och säkerhet](rum:trygghet)`) och till bilder och bilagor bredvid sig. En länk
till något som inte finns, eller till en rubrik som inte finns, är ett fel på länkens rad.
Länkar till webben (http, https, mailto) prövas inte.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import markdown
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.styrdokumenten import brodtext, lankmal

ID = "DOK001"
NIVA = Niva.fel
RUBRIK = "Trasig länk i ett styrdokument"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Länkar i styrdokumenten vars mål inte finns."""
    v = ktx.verksamhet
    for dok, _ in v.styrdokument:
        text, fore = brodtext(dok)
        for lank in markdown.lankar(text):
            mal = lankmal(v, dok, lank.mal)
            if mal.fel:
                yield dok.fynd(
                    lank.rad + fore,
                    lank.kol,
                    ID,
                    f"Länken till ”{lank.mal}” går inte att följa: {mal.fel}",
                )
