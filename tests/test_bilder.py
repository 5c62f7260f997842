"""Huset och årshjulet som SVG: välformade, färgade efter status, escapade och fristående."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from kvalitet.arshjulet import Rumsstatus
from kvalitet.rapporter import MARKOR, Bild, bilder
from kvalitet.rapporter.bilder import arshjulsbild, husbild
from kvalitet.svenska import MANADER
from kvalitet.verksamhet import Verksamhet, ladda
from tests.conftest import HUSET, MALLAR, PER, bygg_tradet

NS = "{http://www.w3.org/2000/svg}"
DAG = date.fromisoformat(PER)
GRON, GRA = "#2da44e", "#8c959f"  # genomförd, kommande (stil.css)
ELAK = "<script>alert(1)</script> & \"citat\" 'enkla'"

ATTA_RUM = """\
rum:
  - id: processer
    namn: Processer och rutiner
    månad: 2
  - id: trygghet
    namn: Trygghet och säkerhet
    månad: 2
  - id: samverkan
    namn: Helhetssyn och samverkan
    månad: 3
  - id: lang
    namn: Förhållningssätt och delat beslutsfattande i hela verksamheten och lite till
    månad: 4
  - id: kompetens
    namn: Personal och kompetens
    månad: 6
  - id: omvarld
    namn: Omvärldsbevakning
    månad: 9
  - id: barn
    namn: Barnrättsperspektivet
    månad: 11
  - id: sista
    namn: Årets sista rum
    månad: 12
"""


def rot(bild: Bild) -> ET.Element:
    return ET.fromstring(str(bild.svg))


def grupper(svg: ET.Element, klass: str) -> list[ET.Element]:
    return [g for g in svg.iter(f"{NS}g") if g.get("class") == klass]


def rektangel(g: ET.Element) -> ET.Element:
    ruta = g.find(f"{NS}rect")
    assert ruta is not None
    return ruta


def cirkel(g: ET.Element) -> ET.Element:
    c = g.find(f"{NS}circle")
    assert c is not None
    return c


def alla_bilder(v: Verksamhet) -> list[Bild]:
    return [husbild(v, 2026, DAG), husbild(v, 2026, DAG, "processer"), arshjulsbild(v, 2026, DAG)]


@pytest.fixture
def atta(tmp_path: Path) -> Verksamhet:
    """Åtta rum, två av dem i februari, ett med mycket långt namn."""
    huset = re.sub(r"^rum:\n(?:  .*\n)+", ATTA_RUM, HUSET.lstrip("\n"), flags=re.MULTILINE)
    assert "id: lang" in huset
    return ladda(bygg_tradet(tmp_path / "v", {"huset.yaml": huset}))


def test_bilderna_ar_valformad_svg_med_titel_och_beskrivning(exempel: Path) -> None:
    for bild in alla_bilder(ladda(exempel)):
        svg = rot(bild)
        assert svg.tag == f"{NS}svg"
        assert svg.get("role") == "img"
        assert re.fullmatch(r"0 0 \d+(\.\d+)? \d+(\.\d+)?", svg.get("viewBox", ""))
        assert "sans-serif" in svg.get("font-family", "")
        titel_id, desc_id = svg.get("aria-labelledby", "").split()
        titel, desc = svg.find(f"{NS}title"), svg.find(f"{NS}desc")
        assert titel is not None and titel.get("id") == titel_id
        assert desc is not None and desc.get("id") == desc_id
        assert titel.text == bild.titel
        assert desc.text == bild.beskrivning


def test_forsta_raden_ar_en_kommentar_med_markoren(exempel: Path) -> None:
    for bild in alla_bilder(ladda(exempel)):
        forsta = str(bild.svg).split("\n", 1)[0]
        assert forsta.startswith("<!--") and forsta.endswith("-->")
        assert MARKOR in forsta


def test_huset_har_ett_rum_per_rum_i_statusens_farg(exempel: Path) -> None:
    bild = husbild(ladda(exempel), 2026, DAG)
    fargen = {g.get("data-rum"): rektangel(g).get("fill") for g in grupper(rot(bild), "rum")}
    assert fargen == {
        "processer": GRON,
        "samverkan": GRON,
        "trygghet": GRON,
        "forhallningssatt": GRON,
        "kompetens": GRON,
        "omvarld": GRA,
    }
    assert bild.namn == "huset"


def test_arshjulet_har_varje_rum_vid_sin_manad_i_statusens_farg(exempel: Path) -> None:
    v = ladda(exempel)
    svg = rot(arshjulsbild(v, 2026, DAG))
    mitt = svg.find(f"{NS}g[@class='mitt']/{NS}circle")
    assert mitt is not None
    cx, cy = float(mitt.get("cx", 0)), float(mitt.get("cy", 0))
    manader = {rum.id: rum.månad for rum in v.rum}
    punkter = grupper(svg, "rum")
    assert len(punkter) == 6
    for g in punkter:
        c = cirkel(g)
        x, y = float(c.get("cx", 0)) - cx, float(c.get("cy", 0)) - cy
        vinkel = math.degrees(math.atan2(x, -y)) % 360  # medurs från toppen
        assert int(vinkel // 30) + 1 == manader[g.get("data-rum", "")]
        assert c.get("fill") == (GRA if g.get("data-rum") == "omvarld" else GRON)


def test_arshjulets_manader_medurs_fran_toppen(exempel: Path) -> None:
    svg = rot(arshjulsbild(ladda(exempel), 2026, DAG))
    manader = svg.find(f"{NS}g[@class='manader']")
    assert manader is not None
    assert len(manader.findall(f"{NS}path")) == 12
    namn = manader.findall(f"{NS}text")
    assert [t.text for t in namn] == list(MANADER)
    januari, juli = (float(namn[i].get("x", 0)) for i in (0, 6))
    assert januari > juli  # januari till höger om toppen, juli till vänster om botten
    assert "2026" in [t.text for t in svg.iter(f"{NS}text")]


def test_texten_i_rummen_har_god_kontrast(exempel: Path) -> None:
    for bild in alla_bilder(ladda(exempel)):
        for g in grupper(rot(bild), "rum"):
            form = g.find(f"{NS}rect")
            fyllning = (form if form is not None else cirkel(g)).get("fill", "")
            for text in g.iter(f"{NS}text"):
                assert bilder.kontrast(text.get("fill", ""), fyllning) >= 4.5


def test_statusfargerna_ar_stilmallens() -> None:
    css = (MALLAR / "rapporter" / "stil.css").read_text(encoding="utf-8")
    variabler = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-f]{6})", css))
    namn = {Rumsstatus.fore_inforandet: "fore"}
    assert {namn.get(s, s.name): f for s, f in bilder.STATUSFARG.items()} == {
        k: variabler[k] for k in ("genomford", "pagar", "planerad", "forsenad", "kommande", "fore")
    }
    assert set(bilder.STATUSFARG) == set(Rumsstatus)


def test_forklaringen_visar_alla_statusar(exempel: Path) -> None:
    for bild in alla_bilder(ladda(exempel)):
        forklaring = rot(bild).find(f"{NS}g[@class='forklaring']")
        assert forklaring is not None
        assert [t.text for t in forklaring.iter(f"{NS}text")] == [str(s) for s in Rumsstatus]
        assert [r.get("fill") for r in forklaring.iter(f"{NS}rect")] == list(
            bilder.STATUSFARG.values()
        )


def test_anvandarens_text_escapas(exempel: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    citerad = "'" + ELAK.replace("'", "''") + "'"
    huset.write_text(text.replace("namn: Processer och rutiner", f"namn: {citerad}"), "utf-8")
    for bild in alla_bilder(ladda(exempel)):
        svg = rot(bild)
        assert not [e for e in svg.iter() if e.tag.lower().endswith("script")]
        assert "<script>" not in str(bild.svg)
        rum = next(g for g in grupper(svg, "rum") if g.get("data-rum") == "processer")
        titel = rum.find(f"{NS}title")
        assert titel is not None and ELAK in (titel.text or "")
        assert ELAK in bild.beskrivning


def test_inga_externa_resurser(exempel: Path) -> None:
    for bild in alla_bilder(ladda(exempel)):
        svg = rot(bild)
        for element in svg.iter():
            assert element.tag.split("}")[-1] not in {"script", "style", "image", "foreignObject"}
            for namn, varde in element.attrib.items():
                assert "href" not in namn and "style" not in namn
                assert "url(" not in varde and "//" not in varde
        assert "url(" not in str(bild.svg) and "@import" not in str(bild.svg)


def test_beskrivningen_namnger_varje_rum(exempel: Path) -> None:
    v = ladda(exempel)
    for bild in alla_bilder(v):
        for rum in v.rum:
            assert rum.namn in bild.beskrivning
        assert "Processer och rutiner (februari) genomförd" in bild.beskrivning
        assert "Omvärldsbevakning (december) kommande" in bild.beskrivning


def test_markerat_rum_far_tjockare_kant(exempel: Path) -> None:
    v = ladda(exempel)

    def kanter(markerat: str | None) -> dict[str | None, str | None]:
        svg = rot(husbild(v, 2026, DAG, markerat))
        return {g.get("data-rum"): rektangel(g).get("stroke-width") for g in grupper(svg, "rum")}

    utan, med = kanter(None), kanter("trygghet")
    assert len(set(utan.values())) == 1
    assert {k for k in med if med[k] != utan[k]} == {"trygghet"}
    assert float(med["trygghet"] or 0) > float(utan["trygghet"] or 0)
    assert "Markerat rum: Trygghet och säkerhet." in husbild(v, 2026, DAG, "trygghet").beskrivning


def overlappar(a: ET.Element, b: ET.Element) -> bool:
    ax, ay, aw, ah = (float(a.get(k, 0)) for k in ("x", "y", "width", "height"))
    bx, by, bw, bh = (float(b.get(k, 0)) for k in ("x", "y", "width", "height"))
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_atta_rum_i_huset_overlappar_inte(atta: Verksamhet) -> None:
    rum = grupper(rot(husbild(atta, 2026, DAG)), "rum")
    assert len(rum) == 8
    for a, b in itertools.combinations(rum, 2):
        assert not overlappar(rektangel(a), rektangel(b)), (a.get("data-rum"), b.get("data-rum"))


def test_texten_ryms_i_rummets_ruta(atta: Verksamhet) -> None:
    for g in grupper(rot(husbild(atta, 2026, DAG)), "rum"):
        ruta = rektangel(g)
        x, y, w, h = (float(ruta.get(k, 0)) for k in ("x", "y", "width", "height"))
        rader = g.findall(f"{NS}text")
        assert 2 <= len(rader) <= 5
        for text in rader:
            storlek = float(text.get("font-size", 0))
            tecken = bilder.TECKENBREDD_FET if text.get("font-weight") else bilder.TECKENBREDD
            bredd = len(text.text or "") * storlek * tecken
            assert y + storlek <= float(text.get("y", 0)) <= y + h - 4
            assert abs(float(text.get("x", 0)) - (x + w / 2)) < 1 and bredd <= w - 8


def cirklarna_overlappar_inte(cirklar: list[ET.Element]) -> None:
    for a, b in itertools.combinations(cirklar, 2):
        avstand = math.dist(
            (float(a.get("cx", 0)), float(a.get("cy", 0))),
            (float(b.get("cx", 0)), float(b.get("cy", 0))),
        )
        assert avstand >= float(a.get("r", 0)) + float(b.get("r", 0))


def test_rum_i_samma_manad_overlappar_inte_i_arshjulet(atta: Verksamhet) -> None:
    svg = rot(arshjulsbild(atta, 2026, DAG))
    punkter = [cirkel(g) for g in grupper(svg, "rum")]
    assert len(punkter) == 8
    cirklarna_overlappar_inte(punkter)


@pytest.mark.parametrize("antal", [1, 3, 9, 20])
def test_manga_rum_i_en_manad_far_egna_platser(tmp_path: Path, antal: int) -> None:
    rum = "".join(f"  - id: r{i}\n    namn: Rum {i}\n    månad: 7\n" for i in range(antal))
    huset = re.sub(r"^rum:\n(?:  .*\n)+", "rum:\n" + rum, HUSET.lstrip("\n"), flags=re.MULTILINE)
    v = ladda(bygg_tradet(tmp_path / "v", {"huset.yaml": huset}))
    punkter = [cirkel(g) for g in grupper(rot(arshjulsbild(v, 2026, DAG)), "rum")]
    assert len(punkter) == antal
    cirklarna_overlappar_inte(punkter)


def test_langa_ord_ger_mindre_stil_hellre_an_avstavning() -> None:
    assert bilder.namnrader("Omvärldsbevakning", 150, 3) == (13, ["Omvärldsbevakning"])
    storlek, rader = bilder.namnrader("Barnrättsperspektivet", 160, 3)
    assert storlek < 14 and rader == ["Barnrättsperspektivet"]
    assert bilder.namnrader("Processer och rutiner", 150, 3) == (14, ["Processer och", "rutiner"])


def test_radbryt_haller_bredd_och_antal_rader() -> None:
    text = "Förhållningssätt och delat beslutsfattande i hela verksamheten"
    assert bilder.radbryt(text, 20, 3) == [
        "Förhållningssätt och",
        "delat",
        "beslutsfattande i…",
    ]
    assert bilder.radbryt("Kort", 20, 3) == ["Kort"]
    assert all(len(rad) <= 12 for rad in bilder.radbryt(text, 12, 4))
    assert bilder.avkorta("Ett två tre", 8) == "Ett två…"
    assert bilder.avkorta("Ettlångtord", 6) == "Ettlå…"


def test_bilder_aven_nar_huset_inte_kan_lasas(tmp_path: Path) -> None:
    v = ladda(bygg_tradet(tmp_path / "v", {"huset.yaml": "verksamhet: [\n"}))
    assert v.huset is None
    for bild in alla_bilder(v):
        assert grupper(rot(bild), "rum") == []
        assert "inga rum" in bild.beskrivning
