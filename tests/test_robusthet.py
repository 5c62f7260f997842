"""Robusthet: ingen indata får krascha kontrollen.

Varje trasig, konstig eller elak fil ska ge slutkod 0 eller 1 och fynd som pekar ut
filen, aldrig ett internt fel (slutkod 3) eller en spårning. Hypothesis skriver slumpade
dokument på platsen för varje filtyp i en liten giltig verksamhet; de särskilda fallen
(tomma filer, mappar, länkar, binärt, jättefiler, fel kodning, alias-bomber, djup
nästling) prövas var för sig med regel, text och filnamn.
"""

from __future__ import annotations

import errno
import json
import os
import signal
import string
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvalitet import kontroll, yamlio
from kvalitet.dokument import markdown_delar
from kvalitet.lasning.filer import STORSTA_FIL
from kvalitet.modell import FILTYPER
from kvalitet.verksamhet import ladda
from tests.conftest import AVVIKELSE, EXEMPEL, GUIDE, HUSET, PER, SESSION, bygg_tradet, kor

PER_DAG = date.fromisoformat(PER)

# Platsen för varje filtyp och ett giltigt dokument av den typen att ändra i.
TYPER = {
    "huset.yaml": HUSET,
    "rum/x.yaml": GUIDE.format(id="x", namn="X-rummet"),
    "arshjul/2026/x.yaml": SESSION,
    "garaget.yaml": (EXEMPEL / "garaget.yaml").read_text(encoding="utf-8"),
    "ataganden/2026.yaml": (EXEMPEL / "ataganden/2026.yaml").read_text(encoding="utf-8"),
    "buuuu/x.yaml": (EXEMPEL / "buuuu/sysselsattning.yaml").read_text(encoding="utf-8"),
    "brukarinflytande/2026.yaml": (EXEMPEL / "brukarinflytande/2026.yaml").read_text(
        encoding="utf-8"
    ),
    "avvikelser/2026/x.yaml": AVVIKELSE,
    "omvarld/kolada/x.yaml": (EXEMPEL / "omvarld/kolada/N30005.yaml").read_text(encoding="utf-8"),
    "egenkontroll.yaml": (EXEMPEL / "egenkontroll.yaml").read_text(encoding="utf-8"),
    "egenkontroll/2026/x.yaml": (EXEMPEL / "egenkontroll/2026/EK-2026-001.yaml").read_text(
        encoding="utf-8"
    ),
    "riskanalyser/x.yaml": (EXEMPEL / "riskanalyser/RA-2026-001.yaml").read_text(encoding="utf-8"),
    "lagkrav.yaml": (EXEMPEL / "lagkrav.yaml").read_text(encoding="utf-8"),
    "styrdokument/x.md": (
        "---\nid: x\ntitel: X\nslag: rutin\nägare: enhetschef\n---\n# X\n\nText.\n"
    ),
}
AVV = "avvikelser/2026/2026-001.yaml"

INSTALLNINGAR = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _nycklar(schema: Any, ut: set[str]) -> set[str]:
    if isinstance(schema, dict):
        ut.update(schema.get("properties", {}))
        for varde in schema.values():
            _nycklar(varde, ut)
    elif isinstance(schema, list):
        for varde in schema:
            _nycklar(varde, ut)
    return ut


# Formatets egna nycklar (så att slumpade dokument når förbi den första valideringen)
# blandade med godtycklig Unicode.
NYCKLAR = sorted(set().union(*(_nycklar(f.modell.model_json_schema(), set()) for f in FILTYPER)))
TECKEN = st.characters(exclude_categories=["Cs"])  # surrogater kan inte bli UTF-8
NYCKEL = st.sampled_from(NYCKLAR) | st.text(TECKEN, max_size=12)
KNEPIGT = ["ja", "no", "on", "~", "0114", "1.10", "2026-13-01", "19121212-1212", "- a: b", ""]
SKALAR = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.sampled_from(KNEPIGT)
    | st.text(TECKEN, max_size=40)
)
VARDEN = st.recursive(
    SKALAR,
    lambda barn: st.lists(barn, max_size=4) | st.dictionaries(NYCKEL, barn, max_size=5),
    max_leaves=25,
)
# Tecken som bär YAML:s syntax, så att slumpad text oftare blir nästan-YAML.
SYNTAX = st.text(st.sampled_from(list("-:[]{}&*!|>'\"#%@`,? \n\t") + list("aåö09")), max_size=300)


def _som_yaml(data: Any, flodesstil: bool) -> str:
    # Flödesstil som JSON (som också är YAML), blockstil med kvalitets egen skrivare.
    if flodesstil:
        return json.dumps(data, ensure_ascii=False, default=str)
    try:
        return yamlio.som_text(data)
    except Exception:  # skrivarens egna begränsningar är inte det som prövas här
        return json.dumps(data, ensure_ascii=False, default=str)


@pytest.fixture
def rot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """En liten giltig verksamhet, med arbetsmappen i den (fynden anges då relativt den)."""
    mapp = bygg_tradet(
        tmp_path / "v",
        {
            "huset.yaml": HUSET,
            "rum/processer.yaml": GUIDE.format(id="processer", namn="Processer och rutiner"),
            "rum/trygghet.yaml": GUIDE.format(id="trygghet", namn="Trygghet och säkerhet"),
            "arshjul/2026/processer.yaml": SESSION,
            AVV: AVVIKELSE,
        },
    )
    monkeypatch.chdir(mapp)
    return mapp


@pytest.fixture
def vakt() -> Iterator[None]:
    """Avbryt ett test som hänger (en tolk som exploderar) efter 20 sekunder, på POSIX."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def avbryt(_signum: int, _ram: object) -> None:
        raise TimeoutError("testet tog mer än 20 sekunder")

    tidigare = signal.signal(signal.SIGALRM, avbryt)
    signal.alarm(20)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, tidigare)


def _inuti(fil: str) -> bool:
    normal = os.path.normpath(fil)
    return not Path(normal).is_absolute() and normal != ".." and not normal.startswith("../")


def _cli(*extra: str) -> tuple[int, list[dict[str, Any]]]:
    svar = kor("kontrollera", ".", "--per", PER, "--format", "json", *extra)
    assert svar.slutkod in (0, 1), svar
    assert "Traceback" not in svar.stdout + svar.stderr, svar
    return svar.slutkod, json.loads(svar.stdout)["fynd"]


def _aldrig_krasch(rot: Path) -> None:
    resultat = kontroll.kontrollera(rot, PER_DAG)
    namngivna = {bedomt.fynd.fil for bedomt in resultat.fynd}
    assert all(_inuti(fil) for fil in namngivna), namngivna
    for dok in ladda(rot).med_fel():
        assert dok.relativ in namngivna, dok.relativ  # en fil med fel nämns i ett fynd
    _, fynd = _cli()
    assert all(_inuti(f["fil"]) for f in fynd), fynd


def _prova(rot: Path, relativ: str, radata: bytes) -> None:
    fil = rot / relativ
    fore = fil.read_bytes() if fil.exists() else None
    fil.parent.mkdir(parents=True, exist_ok=True)
    fil.write_bytes(radata)
    try:
        _aldrig_krasch(rot)
    finally:
        if fore is None:
            fil.unlink()
        else:
            fil.write_bytes(fore)


def test_varje_filtyp_provas() -> None:
    from kvalitet.modell import filtyp_for

    provade = {typ.namn for plats in TYPER if (typ := filtyp_for(plats)) is not None}
    assert provade == {typ.namn for typ in FILTYPER}


# Egenskaperna: slumpade dokument av varje slag, på varje filtyps plats.

PLATS = st.sampled_from(sorted(TYPER))


@settings(INSTALLNINGAR, max_examples=50)
@given(plats=PLATS, data=VARDEN, flodesstil=st.booleans())
def test_slumpade_yamlvarden(rot: Path, plats: str, data: Any, flodesstil: bool) -> None:
    _prova(rot, plats, _som_yaml(data, flodesstil).encode("utf-8"))


def _andra(data: st.DataObject, nod: Any) -> Any:
    """Ett giltigt dokument med ett värde någonstans utbytt, borttaget eller tillagt."""
    if not isinstance(nod, dict | list) or not nod or data.draw(st.integers(0, 3)) == 0:
        return data.draw(VARDEN)
    if isinstance(nod, list):
        ny_lista = list(nod)
        i = data.draw(st.integers(0, len(nod) - 1))
        ny_lista[i] = _andra(data, nod[i])
        return ny_lista
    ny = dict(nod)
    nyckel = data.draw(st.sampled_from(sorted(nod, key=str)))
    atgard = data.draw(st.sampled_from(["byt", "ta bort", "lägg till"]))
    if atgard == "ta bort":
        del ny[nyckel]
    elif atgard == "lägg till":
        ny[data.draw(NYCKEL)] = data.draw(VARDEN)
    else:
        ny[nyckel] = _andra(data, nod[nyckel])
    return ny


@settings(INSTALLNINGAR, max_examples=50)
@given(plats=PLATS, data=st.data())
def test_giltiga_dokument_med_ett_slumpat_fel(rot: Path, plats: str, data: st.DataObject) -> None:
    # Ett styrdokuments huvud är YAML mellan två rader ---; felet läggs i huvudet.
    markdown = plats.endswith(".md")
    ((huvud, _), (brodtext, _)) = (
        markdown_delar(TYPER[plats]) if markdown else ((TYPER[plats], 0), ("", 0))
    )
    andrad = _som_yaml(_andra(data, yamlio.las(huvud)), flodesstil=False)
    text = f"---\n{andrad}---\n{brodtext}" if markdown else andrad
    _prova(rot, plats, text.encode("utf-8"))


@settings(INSTALLNINGAR, max_examples=50)
@given(
    plats=PLATS,
    radata=st.binary(max_size=2000)
    | st.text(TECKEN, max_size=500).map(str.encode)
    | SYNTAX.map(str.encode)
    | st.sampled_from(["utf-16", "latin-1", "utf-8-sig"]).flatmap(
        lambda kodning: st.text(string.printable + "åäöÅÄÖ", max_size=200).map(
            lambda text: text.encode(kodning)
        )
    ),
)
def test_slumpad_text_och_bytes(rot: Path, plats: str, radata: bytes) -> None:
    _prova(rot, plats, radata)


def _nastlad(slag: str, djup: int) -> str:
    if slag == "[":
        return "a: " + "[" * djup + "]" * djup
    if slag == "{":
        return "a: " + "{b: " * djup + "1" + "}" * djup
    if slag == "-":
        return "- " * djup + "x\n"
    return "".join(" " * i + "a:\n" for i in range(djup))  # mappningar i blockstil


@settings(INSTALLNINGAR, max_examples=40)
@given(
    plats=PLATS,
    text=st.builds(_nastlad, st.sampled_from(["[", "{", "-", "a:"]), st.integers(1, 1200))
    | st.builds(
        lambda bredd, nivaer: (
            "a: &a ["
            + ",".join(["x"] * bredd)
            + "]\n"
            + "".join(
                f"n{i}: &a{i} [" + ",".join([f"*a{i - 1}" if i else "*a"] * bredd) + "]\n"
                for i in range(nivaer)
            )
        ),
        st.integers(1, 12),
        st.integers(0, 10),
    )
    | st.builds(
        lambda nyckel, langd: f"{nyckel}: " + "å" * langd,
        st.sampled_from(NYCKLAR),
        st.integers(0, 2 * STORSTA_FIL),
    ),
)
def test_djupt_brett_och_stort(rot: Path, plats: str, text: str) -> None:
    _prova(rot, plats, text.encode("utf-8"))


# De särskilda filerna, en i taget: slutkod, regel, svensk text och filnamn.


def _fynd_for(fil: str, *extra: str) -> list[tuple[str, int, str, str]]:
    slutkod, fynd = _cli(*extra)
    assert slutkod == 1, fynd
    return [(f["fil"], f["rad"], f["regel"], f["text"]) for f in fynd if f["fil"] == fil]


def _ett_fynd(fil: str, regel: str, *ord_: str, rad: int = 1) -> None:
    traffar = _fynd_for(fil)
    assert [(f, r, g) for f, r, g, _ in traffar] == [(fil, rad, regel)], traffar
    text = traffar[0][3]
    assert all(o in text for o in ord_), text


@pytest.mark.parametrize("innehall", ["", "# bara en kommentar\n", "\n\n   \n"])
def test_tom_fil(rot: Path, innehall: str) -> None:
    (rot / AVV).write_text(innehall, encoding="utf-8")
    _ett_fynd(AVV, "SCH001", "tom")


def test_mapp_med_ett_dokuments_namn(rot: Path) -> None:
    (rot / "avvikelser/2026/2026-002.yaml").mkdir()
    _ett_fynd("avvikelser/2026/2026-002.yaml", "FIL001", "mapp")


def test_lankar_i_en_slinga(rot: Path) -> None:
    (rot / "avvikelser/2026/a.yaml").symlink_to("b.yaml")
    (rot / "avvikelser/2026/b.yaml").symlink_to("a.yaml")
    _ett_fynd("avvikelser/2026/a.yaml", "FIL001", "länk", "slinga")
    _ett_fynd("avvikelser/2026/b.yaml", "FIL001", "länk", "slinga")


def test_trasig_lank(rot: Path) -> None:
    (rot / "rum/borta.yaml").symlink_to("finns-inte.yaml")
    _ett_fynd("rum/borta.yaml", "FIL001", "länk", "inte finns")


def test_olasbar_fil(rot: Path) -> None:
    (rot / AVV).chmod(0)
    # root läser allt; utan förmågan att gå förbi filers rättigheter (CAP_DAC_*) läser
    # root som alla andra, så kontrollen körs då i en sådan process (setpriv, util-linux).
    utan_forbigang = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
    forst = utan_forbigang if os.geteuid() == 0 else []
    kontrollera = [sys.executable, "-m", "kvalitet", "kontrollera", ".", "--per", PER]
    svar = subprocess.run(
        [*forst, *kontrollera, "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    (rot / AVV).chmod(0o644)
    assert svar.returncode == 1, svar.stdout + svar.stderr
    fynd = [f for f in json.loads(svar.stdout)["fynd"] if f["fil"] == AVV]
    assert [(f["rad"], f["regel"]) for f in fynd] == [(1, "FIL001")], fynd
    assert "behörighet" in fynd[0]["text"]


def test_olasbar_fil_simulerad(rot: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    las_bytes = Path.read_bytes

    def nekad(self: Path) -> bytes:
        if self.name == "2026-001.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return las_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", nekad)
    _ett_fynd(AVV, "FIL001", "behörighet")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="namngivna pipes finns bara på POSIX")
def test_pipe_med_ett_dokuments_namn_laser_inte_for_evigt(rot: Path, vakt: None) -> None:
    os.mkfifo(rot / "avvikelser/2026/2026-002.yaml")
    _ett_fynd("avvikelser/2026/2026-002.yaml", "FIL001", "ingen vanlig fil")


def test_binar_fil(rot: Path) -> None:
    (rot / AVV).write_bytes(bytes(range(256)) * 8)
    _ett_fynd(AVV, "FIL001", "binär")


def test_jattefil_vagras_utan_att_lasas(rot: Path, vakt: None) -> None:
    with (rot / AVV).open("wb") as fil:
        fil.write(b"beskrivning: " + b"x" * (50 * 1024 * 1024) + b"\n")
    _ett_fynd(AVV, "FIL001", "50,0 MB", "högst 1 MB")


def test_stor_fil_som_inte_ar_yaml_soks_igenom_i_bitar(rot: Path, vakt: None) -> None:
    rad = "Ärende;Handläggare;Anteckning utan nummer\n"
    text = rad * (3 * STORSTA_FIL // len(rad)) + "2026-77;Kim;19121212-1212\n"
    (rot / "export.csv").write_text(text, encoding="utf-8")
    traffar = _fynd_for("export.csv")
    assert [(f, r, g) for f, r, g, _ in traffar] == [("export.csv", text.count("\n"), "PNR001")]
    assert "121212-****" in traffar[0][3]


def test_latin1(rot: Path) -> None:
    text = (rot / AVV).read_text(encoding="utf-8")
    (rot / AVV).write_bytes(text.encode("latin-1"))
    rad = next(i for i, r in enumerate(text.splitlines(), 1) if any(c in r for c in "åäö"))
    _ett_fynd(AVV, "FIL001", "UTF-8", "Windows-1252", rad=rad)


def test_personnummer_i_felkodad_fil_hittas_anda(rot: Path) -> None:
    text = (rot / AVV).read_text(encoding="utf-8") + "# Överklagat av 19121212-1212\n"
    (rot / AVV).write_bytes(text.encode("cp1252"))
    regler = {(f, r, g) for f, r, g, _ in _fynd_for(AVV)}
    assert (AVV, text.count("\n"), "PNR001") in regler


def test_utf16(rot: Path) -> None:
    (rot / AVV).write_bytes((rot / AVV).read_text(encoding="utf-8").encode("utf-16"))
    _ett_fynd(AVV, "FIL001", "UTF-16")


def test_nul_tecken(rot: Path) -> None:
    text = (rot / AVV).read_text(encoding="utf-8") + "x" * 9000 + "\n"
    (rot / AVV).write_text(text + "anteckning: a\x00b\n", encoding="utf-8")
    _ett_fynd(AVV, "FIL001", "NUL", rad=text.count("\n") + 1)


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join([f'*{f}'] * 9)}]\n" for f, n in zip("abcdefgh", "bcdefghi", strict=True)
)


def test_alias_bomb(rot: Path, vakt: None) -> None:
    (rot / AVV).write_text(BOMB, encoding="utf-8")
    traffar = _fynd_for(AVV)
    assert [(f, g) for f, _, g, _ in traffar] == [(AVV, "YAML001")], traffar
    assert "alias-bomb" in traffar[0][3]


def test_alias_bomb_i_ett_falt_som_valideras(rot: Path, vakt: None) -> None:
    # Bomben står där modellen väntar sig en lista, så valideringen skulle följa den.
    text = SESSION.replace("deltagare: [enhetschef]", "deltagare: *i")
    (rot / "arshjul/2026/processer.yaml").write_text(BOMB + text, encoding="utf-8")
    assert "alias-bomb" in _fynd_for("arshjul/2026/processer.yaml")[0][3]


def test_ankare_som_hanvisar_till_sig_sjalvt(rot: Path) -> None:
    (rot / AVV).write_text("a: &a [1, *a]\n", encoding="utf-8")
    _ett_fynd(AVV, "YAML001", "sig själv")


def test_manga_varden(rot: Path, vakt: None) -> None:
    (rot / AVV).write_text("- 1\n" * (yamlio.GRANS_VARDEN + 1), encoding="utf-8")
    _ett_fynd(AVV, "YAML001", "värden", rad=yamlio.GRANS_VARDEN)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 10_000 + "]" * 10_000,
        "[" * 100_000,
        "{a: " * 10_000 + "}" * 10_000,
        "- " * 10_000 + "x\n",
        "".join(" " * i + "a:\n" for i in range(1_000)),
    ],
    ids=["klamrar", "oavslutade-klamrar", "mappningar-i-flode", "listor-i-block", "indrag"],
)
def test_djup_nastling(rot: Path, vakt: None, text: str) -> None:
    (rot / AVV).write_text(text, encoding="utf-8")
    traffar = _fynd_for(AVV)
    assert [(f, g) for f, _, g, _ in traffar] == [(AVV, "YAML001")], traffar
    assert "nästlad i mer än 100 nivåer" in traffar[0][3]


def test_nastling_upp_till_gransen_tolkas(rot: Path) -> None:
    djup = yamlio.GRANS_DJUP - 1  # mappningen runt om är en nivå
    (rot / AVV).write_text("a: " + "[" * djup + "]" * djup + "\n", encoding="utf-8")
    regler = {g for _, _, g, _ in _fynd_for(AVV)}
    assert "YAML001" not in regler
    assert "SCH001" in regler


def test_gransen_star_i_reglernas_dokumentation() -> None:
    from kvalitet.kontroller import syntax, teckenkodning

    tal = f"{yamlio.GRANS_VARDEN:,}".replace(",", " ")
    assert f"{yamlio.GRANS_DJUP} nivåer" in (syntax.__doc__ or "")
    assert f"{tal} värden" in (syntax.__doc__ or "")
    assert f"{STORSTA_FIL // (1024 * 1024)} MB" in (teckenkodning.__doc__ or "")


@pytest.mark.parametrize("format_", ["text", "json", "github", "gitlab"])
def test_filnamn_som_inte_ar_utf8(rot: Path, format_: str) -> None:
    try:
        namn = os.fsdecode(b"avvikelser/2026/\xff.yaml")
        (rot / namn).write_text("a: 1\n", encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("filsystemet tillåter bara UTF-8 i filnamn")
    svar = kor("kontrollera", ".", "--per", PER, "--format", format_)
    assert svar.slutkod == 1, svar
    assert "Internt fel" not in svar.stderr, svar


def _djup(data: Any) -> int:
    if isinstance(data, dict):
        return 1 + max(map(_djup, data.values()), default=0)
    if isinstance(data, list):
        return 1 + max(map(_djup, data), default=0)
    return 0


def _minsta_indrag(par: int) -> str:
    # Blockstil med så lite indrag som möjligt: en mappning och en lista i den på samma
    # kolumn, sedan en kolumn in; två nivåer per kolumn.
    return "".join(" " * k + "a:\n" + " " * k + "-\n" for k in range(par)) + " " * par + "x\n"


@settings(deadline=None, max_examples=150)
@given(
    st.lists(st.sampled_from(["lista", "mappning"]), max_size=160),
    st.sampled_from(["block", "flöde", "minsta indrag"]),
)
def test_den_billiga_forkontrollen_slapper_inte_igenom_for_djup_text(
    steg: list[str], stil: str
) -> None:
    # Bara text som kan vara för djup granskas händelse för händelse (se yamlio._granska);
    # det som förkontrollen släpper igenom måste alltså hålla sig inom gränsen.
    data: Any = "x"
    for slag in steg:
        data = [data] if slag == "lista" else {"a": data}
    if stil == "minsta indrag":
        text = _minsta_indrag(len(steg))
    else:
        text = _som_yaml(data, stil == "flöde")
    if not yamlio._kan_vara_farlig(text):
        assert _djup(yamlio.las(text)) <= yamlio.GRANS_DJUP


# Länkar ut ur verksamheten läses aldrig (issue 13.4).


@pytest.fixture
def hemlig(tmp_path: Path) -> Path:
    """En fil utanför verksamheten, med nycklar och ett personnummer som inte får synas."""
    fil = tmp_path / "utanfor" / "hemlig.yaml"
    fil.parent.mkdir()
    fil.write_text("HEMLIG-NYCKEL-1: lösenord\nnummer: 19121212-1212\n", encoding="utf-8")
    return fil


@pytest.mark.parametrize("plats", ["garaget.yaml", "avvikelser/2026/2026-009.yaml", "bilaga.txt"])
def test_en_lank_ut_ur_verksamheten_lases_inte(rot: Path, hemlig: Path, plats: str) -> None:
    (rot / plats).unlink(missing_ok=True)
    (rot / plats).symlink_to(hemlig)
    svar = kor("kontrollera", ".", "--per", PER)
    assert "HEMLIG" not in svar.stdout + svar.stderr
    assert "PNR001" not in svar.stdout
    _ett_fynd(plats, "FIL001", "utanför verksamhetens mapp")


def test_en_lank_inom_verksamheten_lases(rot: Path) -> None:
    (rot / "data").mkdir()
    (rot / AVV).rename(rot / "data" / "avvikelse.txt")
    (rot / AVV).symlink_to(Path("../../data/avvikelse.txt"))
    _, fynd = _cli()
    assert [f for f in fynd if f["fil"] == AVV or f["regel"] == "FIL001"] == []


def test_huset_som_lank_ut_lases_inte(rot: Path, hemlig: Path) -> None:
    (rot / "huset.yaml").unlink()
    (rot / "huset.yaml").symlink_to(hemlig)
    svar = kor("kontrollera", ".", "--per", PER)
    assert "HEMLIG" not in svar.stdout + svar.stderr
    _ett_fynd("huset.yaml", "FIL001", "utanför verksamhetens mapp")


def test_huset_som_lank_till_en_enhet_hanger_inte(rot: Path, vakt: None) -> None:
    (rot / "huset.yaml").unlink()
    (rot / "huset.yaml").symlink_to("/dev/zero")
    svar = kor("kontrollera", ".", "--per", PER)
    assert svar.slutkod == 2, svar  # ingen vanlig huset.yaml: ingen verksamhet


def test_garaget_som_lank_ut_andras_inte(rot: Path, hemlig: Path) -> None:
    (rot / "garaget.yaml").symlink_to(hemlig)
    fore = hemlig.read_bytes()
    svar = kor("garage", "parkera", "Ny rutin", "--typ", "behov", "--rum", "processer")
    assert svar.slutkod == 1, svar
    assert "HEMLIG" not in svar.stdout + svar.stderr
    assert hemlig.read_bytes() == fore


# Varje uttrycklig tagg med ett ogiltigt värde ger ett fynd, aldrig ett internt fel (13.3).

TAGGAR = [
    "!!bool maybe", "!!bool [a]", "!!int x", "!!int 0x", "!!float x", "!!float .nanx",
    "!!null x", "!!str [a]", "!!timestamp x", "!!timestamp 2026-13-45", "!!binary '@@@'",
    "!!map x", "!!seq x", "!!set x", "!!omap x", "!!pairs x", "!!merge x", "!!value x",
    "!!yaml x", "!!python/object:os.system x", "!okand x", "{a: !!bool maybe}",
]  # fmt: skip


@pytest.mark.parametrize("format_", ["text", "json", "github", "gitlab"])
@pytest.mark.parametrize("varde", TAGGAR)
def test_taggar_med_ogiltiga_varden(rot: Path, varde: str, format_: str) -> None:
    (rot / AVV).write_text(AVVIKELSE.lstrip("\n") + f"anteckning: {varde}\n", encoding="utf-8")
    svar = kor("kontrollera", ".", "--per", PER, "--format", format_)
    assert svar.slutkod == 1, svar
    assert "Internt fel" not in svar.stderr and "Traceback" not in svar.stderr, svar
    assert AVV in svar.stdout, svar
    if format_ == "json":
        (fynd,) = [f for f in json.loads(svar.stdout)["fynd"] if f["fil"] == AVV]
        assert fynd["rad"] == 8, fynd  # raden med taggen (eller med den okända nyckeln)
