"""YAML-modulen: snabb läsning, svenska felmeddelanden med position, och positioner."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from kvalitet import yamlio
from tests.conftest import DATA, EXEMPEL, MALLAR


def test_las_ger_vanliga_varden_och_datum() -> None:
    data = yamlio.las("datum: 2026-03-02\nantal: 3\nja: yes\n")
    assert data == {"datum": datetime.date(2026, 3, 2), "antal": 3, "ja": "yes"}


def test_c_tolken_anvands() -> None:
    assert "CParser" in yamlio._SAKER.Parser.__name__


@pytest.mark.parametrize(
    ("text", "rad", "kol", "regel", "ord"),
    [
        ("a: b: c\n", 1, 5, "YAML001", "kolon"),
        ("a:\n\t- b\n", 2, 1, "YAML001", "tabbtecken"),
        ("a: [1, 2\n", 2, 1, "YAML001", "klamrar"),
        ("---\na\n---\nb\n", 3, 1, "YAML001", "flera YAML-dokument"),
        ("a: !!python/object:os.system x\n", 1, 4, "YAML001", "tagg"),
        ("a: *x\n", 1, 4, "YAML001", "ankare"),
        ("a: 1\nb: 2\na: 3\n", 3, 1, "YAML002", "”a” förekommer två gånger"),
        ('nyckel: "abc\n', 2, 1, "YAML001", "citattecken"),
        ("x: \x07\n", 1, 1, "YAML001", "styrtecken"),
    ],
)
def test_syntaxfel_ger_svensk_text_och_position(
    text: str, rad: int, kol: int, regel: str, ord: str
) -> None:
    with pytest.raises(yamlio.Yamlfel) as fel:
        yamlio.las(text)
    assert (fel.value.rad, fel.value.kol, fel.value.regel) == (rad, kol, regel)
    assert ord in fel.value.text


def test_position_foljer_nycklar_och_index() -> None:
    trad = yamlio.las_rundtur("a: 1\nlista:\n  - x: 1\n    y: 2\n  - x: 3\n")
    assert yamlio.position(trad, ("lista", 1)) == (5, 5)
    assert yamlio.position(trad, ("lista", 0, "y")) == (4, 5)
    assert yamlio.position(trad, ("saknas", 3)) == (1, 1)
    assert yamlio.position(trad, ()) == (1, 1)


def _med_typer(varde: object) -> object:
    """Värdet med varje typ utskriven (True och 1 är lika i Python, men inte i YAML)."""
    if isinstance(varde, dict):
        return ("dict", [(_med_typer(k), _med_typer(v)) for k, v in varde.items()])
    if isinstance(varde, list):
        return ("list", [_med_typer(v) for v in varde])
    if isinstance(varde, float) and varde != varde:  # NaN är inte lika med sig själv
        return ("float", "nan")
    return (type(varde).__name__, varde)


def _tolkat(tolka: Callable[[str], object], text: str) -> object:
    try:
        return _med_typer(tolka(text))
    except Exception as fel:  # jämför vilket fel det blir
        return ("fel", type(fel).__name__)


def _snabba(text: str) -> object:
    laddare = yamlio._Laddare(text)
    try:
        return laddare.get_single_data()
    finally:
        laddare.dispose()


def _alla_yamltexter() -> list[tuple[str, str]]:
    filer = [
        *sorted((DATA / "yaml-test-suite").glob("*.yaml")),
        *sorted(EXEMPEL.rglob("*.yaml")),
        *sorted(MALLAR.rglob("*.yaml")),
    ]
    return [(fil.name, fil.read_bytes().decode("utf-8", "replace")) for fil in filer]


def test_den_snabba_laddaren_tolkar_precis_som_ruamel() -> None:
    from ruamel.yaml import YAML

    ruamel = YAML(typ="safe", pure=False)
    texter = _alla_yamltexter()
    assert len(texter) > 300
    olika = [namn for namn, text in texter if _tolkat(_snabba, text) != _tolkat(ruamel.load, text)]
    assert olika == []
