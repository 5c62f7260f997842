"""Den enda modulen som importerar jinja2: rapporternas mallar blir HTML, Markdown och SVG.

Mallarna ligger i `mallar/rapporter/` och får en vy-modell (se `kvalitet.rapporter`).
All text från verksamhetens filer escapas: i HTML och SVG av jinja2:s autoescape, i
Markdown av `_markdown`, som sätter omvänt snedstreck före tecken som annars skulle
tolkas (och före < och >, så att en <script> i en YAML-fil blir text).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from kvalitet import __version__, mallar, svenska
from kvalitet.utdata import tvatta

FORMAT = ("md", "html")

# Tecken som kan ändra betydelse i CommonMark mitt i en rad: inbäddad HTML, betoning,
# länkar, kod, tabellceller. Alla ASCII-skiljetecken får escapas med \ i CommonMark.
_MD_SPECIELLA = re.compile(r"([\\`*_\[\]<>|#!~&])")


def _markdown(varde: Any) -> Any:
    if isinstance(varde, Markup) or varde is None:
        return "" if varde is None else varde
    text = re.sub(r"\s+", " ", str(varde))  # radbrytningar i ett värde blir mellanslag
    text = _MD_SPECIELLA.sub(r"\\\1", text)
    # En rad som börjar med -, + eller 1. blir annars en lista, med = eller - en rubrik.
    # Bara skiljetecken kan escapas: i ”1.” är det punkten (”1\.”), inte siffran.
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return re.sub(r"^([-+=])", r"\\\1", text)


def _stycken_md(text: str | None) -> Markup:
    """Flera stycken (tomma rader emellan) som Markdown-stycken, escapade."""
    return Markup("\n\n".join(_markdown(s) for s in _stycken(text)))


def _stycken_html(text: str | None) -> Markup:
    """Flera stycken som <p>-element, escapade."""
    return Markup("\n".join(Markup("<p>{}</p>").format(s) for s in _stycken(text)))


def _stycken(text: str | None) -> list[str]:
    return [s for s in re.split(r"\n\s*", (text or "").strip()) if s.strip()]


def _klass(text: str) -> str:
    """Ett CSS-klassnamn av en svensk status: ”ej uppfyllt” → ”ej-uppfyllt”."""
    return re.sub(r"[^a-z0-9]+", "-", svenska.normaliserad(text)).strip("-")


def _rubrik(niva: int) -> Markup:
    """Markdown-rubrikens inledning (##) för en nivå."""
    return Markup("#" * niva)


def _miljo(ending: str) -> Environment:
    miljo = Environment(
        loader=FileSystemLoader(mallar.mallmapp() / "rapporter"),
        autoescape=ending in ("html", "svg"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_markdown if ending == "md" else None,
    )
    miljo.filters.update(
        datum=svenska.datum_lang,
        iso=svenska.datum,
        tal=svenska.tal,
        stycken=_stycken_md if ending == "md" else _stycken_html,
        klass=_klass,
        antal=svenska.antal,
    )
    # Versionen är säker text: i Markdown skulle ”0.2.0” annars escapas som en
    # numrerad lista (”\0.2.0”).
    miljo.globals.update(version=Markup(__version__), manader=svenska.MANADER, rubrik=_rubrik)
    return miljo


@cache
def _miljon(ending: str) -> Environment:
    return _miljo(ending)


def rendera(mall: str, ending: str, **vy: Any) -> str:
    """Rendera `mall.ending.j2` i mallar/rapporter/ med vy-modellen.

    Args:
        mall: Mallens namn utan ändelse, till exempel "kvalitetsberattelse".
        ending: "html", "md" eller "svg".
        **vy: Det mallen får se.

    Returns:
        Den färdiga texten.
    """
    # Också en rapport som bara skrivs till en fil: inga personnummer, inga styrtecken.
    return tvatta(_miljon(ending).get_template(f"{mall}.{ending}.j2").render(**vy))


@cache
def _formularmiljon() -> Environment:
    return Environment(
        loader=FileSystemLoader(mallar.mallmapp() / "formular"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def rendera_formular(mall: str, **vy: Any) -> str:
    """En sida i `kvalitet redigera` (mallar/formular/MALL.html.j2), escapad."""
    return _formularmiljon().get_template(f"{mall}.html.j2").render(**vy)


def rendera_svg(mall: str, **vy: Any) -> Markup:
    """En SVG-bild, färdig att bäddas in i HTML (redan escapad)."""
    return Markup(rendera(mall, "svg", **vy))
