"""Styrdokumentens Markdown: rubrikerna, länkarna och HTML (den enda modulen med markdown-it).

CommonMark med GFM-tabeller och genomstrykning, som markdown-it-py läser den. HTML i ett
dokument tolkas aldrig: den visas som text. Rubrikernas ankare följer GitHubs sätt
(gemener, skiljetecken bort, mellanslag blir bindestreck, ”-1”, ”-2” … vid dubbletter),
så att en länk som `rutin.md#ansvar` fungerar både i forgen och på webbplatsen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Rubrik:
    """En rubrik i dokumentet: nivå, text, ankare och rad (räknad från 1 i brödtexten)."""

    niva: int
    text: str
    ankare: str
    rad: int


@dataclass(frozen=True)
class Lank:
    """En länk i dokumentet: målet, rad och kolumn (från 1 i brödtexten)."""

    mal: str
    rad: int
    kol: int


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    parser.add_render_rule("table_open", _tabellen_borjar)
    parser.add_render_rule("table_close", lambda *_: "</table></div>\n")
    return parser


def _tabellen_borjar(_regel: object, tokens: list[Token], index: int, *_: object) -> str:
    """En tabells början: avsnittets rubrik som namn och som dold `<caption>`.

    Tabellen står i en ruta som går att rulla i sidled (och nå med tangentbordet), som
    rapporternas egna tabeller.
    """
    from markdown_it.common.utils import escapeHtml

    namn = escapeHtml(tokens[index].meta.get("rubrik") or "Tabell")
    return (
        f'<div class="tabell" tabindex="0" role="region" aria-label="{namn}">'
        f'<table><caption class="dold">{namn}</caption>\n'
    )


def ankare(text: str, upptagna: dict[str, int] | None = None) -> str:
    """En rubriks ankare som GitHub gör det: ”Så gör du!” blir ”så-gör-du”."""
    grund = re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")
    if upptagna is None:
        return grund
    antal = upptagna.get(grund, 0)
    upptagna[grund] = antal + 1
    return grund if antal == 0 else f"{grund}-{antal}"


@lru_cache(maxsize=1024)
def _tolkad(brodtext: str) -> tuple[Token, ...]:
    """Texten tolkad en gång, för rubrikerna och länkarna (som bara läser den).

    Reglerna frågar efter samma dokuments rubriker för varje länk dit; att tolka är det
    som tar tid.
    """
    return tuple(_parser().parse(brodtext))


@lru_cache(maxsize=1024)
def rubriker(brodtext: str) -> tuple[Rubrik, ...]:
    """Dokumentets rubriker i ordning, med unika ankare."""
    tokens = _tolkad(brodtext)
    upptagna: dict[str, int] = {}
    resultat = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map is not None:
            text = tokens[index + 1].content
            niva = int(token.tag[1])
            resultat.append(Rubrik(niva, text, ankare(text, upptagna), token.map[0] + 1))
    return tuple(resultat)


def avsnitt(brodtext: str) -> list[tuple[str, str]]:
    """Dokumentet delat vid rubrikerna: (rubrikens text, avsnittets rader) i ordning.

    Texten före den första rubriken har rubriken "".
    """
    rader = brodtext.split("\n")
    granser = [(r.text, r.rad - 1) for r in rubriker(brodtext)]
    delar = [("", 0), *granser] if not granser or granser[0][1] > 0 else granser
    return [
        (rubrik, "\n".join(rader[start : (delar[i + 1][1] if i + 1 < len(delar) else None)]))
        for i, (rubrik, start) in enumerate(delar)
    ]


def lankar(brodtext: str) -> list[Lank]:
    """Alla länkar och bilder, med var de står."""
    rader = brodtext.split("\n")
    resultat = []
    for token in _tolkad(brodtext):
        if token.type != "inline" or token.map is None or not token.children:
            continue
        for barn in token.children:
            mal = _mal(barn)
            if mal is not None:
                resultat.append(_placerad(mal, rader, token.map[0], token.map[1]))
    return resultat


def _mal(token: Token) -> str | None:
    if token.type == "link_open":
        return str(token.attrs.get("href", ""))
    if token.type == "image":
        return str(token.attrs.get("src", ""))
    return None


def _placerad(mal: str, rader: list[str], forsta: int, slut: int) -> Lank:
    # markdown-it ger blockets rader; länkens plats letas upp i dem (”](mål”).
    for nr in range(forsta, slut):
        kol = rader[nr].find(f"]({mal}")
        if kol != -1:
            return Lank(mal, nr + 1, kol + 3)
    return Lank(mal, forsta + 1, 1)


def html(brodtext: str, lank: Callable[[str], str] | None = None) -> str:
    """Dokumentet som HTML; `lank` skriver om länkmålen (till exempel x.md till x.html).

    Rubrikerna får sina ankare som id. En tabell får avsnittets rubrik som namn och
    kolumnrubrikerna `scope="col"` (för skärmläsare). HTML i dokumentet escapas.
    """
    tokens = _parser().parse(brodtext)
    upptagna: dict[str, int] = {}
    rubrik = ""
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            token.attrSet("id", ankare(tokens[index + 1].content, upptagna))
            rubrik = "".join(b.content for b in tokens[index + 1].children or [] if not b.nesting)
        elif token.type == "table_open":
            token.meta["rubrik"] = rubrik
        elif token.type == "th_open":
            token.attrSet("scope", "col")
        for barn in token.children or []:
            if lank is not None and barn.type == "link_open":
                barn.attrSet("href", lank(str(barn.attrs.get("href", ""))))
            if lank is not None and barn.type == "image":
                barn.attrSet("src", lank(str(barn.attrs.get("src", ""))))
    return str(_parser().renderer.render(tokens, _parser().options, {}))


def text(brodtext: str) -> str:
    """Dokumentets text utan Markdown, för sökningen."""
    delar = [
        " ".join(barn.content for barn in token.children or [] if barn.type == "text")
        for token in _parser().parse(brodtext)
        if token.type == "inline"
    ]
    return " ".join(" ".join(delar).split())
