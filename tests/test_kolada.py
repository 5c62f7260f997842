"""`kvalitet kolada importera`, jämförelserna i sessionen och i rapporterna (issue 7, punkt 3)."""

from __future__ import annotations

import ast
import json
import re
import socket
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from kvalitet import yamlio
from kvalitet.arbete import kolada
from kvalitet.rapporter.bilder import linjevy
from kvalitet.verksamhet import ladda
from tests.conftest import PER, ROT, kor

DATA = Path(__file__).parent / "data" / "kolada"
V2 = DATA / "n30005-v2.json"
V3 = DATA / "n30005-v3.json"
HAMTAD = "2026-10-01"
SERIEN = "omvarld/kolada/N30005.yaml"
SVG = "{http://www.w3.org/2000/svg}"

INSTALLNING = """
kolada:
  nyckeltal:
    - id: N30005
      namn: Nettokostnad IFO enligt huset
  jämförelsegrupp:
    id: G10001
    namn: Liknande kommuner
"""


@pytest.fixture
def v(liten: Path) -> Path:
    """Den lilla verksamheten (kommunkod 2401) med N30005 och gruppen G10001 inställda."""
    huset = liten / "huset.yaml"
    huset.write_text(huset.read_text(encoding="utf-8") + INSTALLNING, encoding="utf-8")
    return liten


def importera(mapp: Path, *filer: Path | str, hamtad: str = HAMTAD) -> Any:
    return kor("kolada", "importera", *map(str, filer), "-C", str(mapp), "--hamtad", hamtad)


def serie(mapp: Path) -> dict[str, Any]:
    data = yamlio.las((mapp / SERIEN).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def varden(mapp: Path) -> dict[tuple[str, int, str], Any]:
    return {(x["kommun"], x["år"], x["kön"]): x for x in serie(mapp)["värden"]}


def skriv_json(mapp: Path, namn: str, data: Any) -> Path:
    fil = mapp / namn
    fil.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return fil


def rad(kommun: str, ar: int | str, *varden: Any, **extra: Any) -> dict[str, Any]:
    return {"kpi": "N30005", "municipality": kommun, "period": ar, "values": list(varden), **extra}


def total(varde: float | None, status: str = "") -> dict[str, Any]:
    return {"gender": "T", "status": status, "value": varde, "count": 1}


def ar_fel(korning: Any, *texter: str) -> None:
    """Slutkod 2, en svensk mening med texterna och ingen traceback."""
    assert korning.slutkod == 2, korning
    assert "Traceback" not in korning.stderr + korning.stdout, korning
    for text in texter:
        assert text in korning.stderr, korning


# --- v2 och v3 ------------------------------------------------------------------------


def test_v2_och_v3_av_samma_data_ger_identiska_filer(v: Path, tmp_path: Path) -> None:
    forsta = importera(v, V2)
    assert forsta.slutkod == 0, forsta
    assert "Kolada API v2" in forsta.stdout
    v2 = (v / SERIEN).read_bytes()
    (v / SERIEN).unlink()
    andra = importera(v, V3)
    assert andra.slutkod == 0, andra
    assert "Kolada API v3" in andra.stdout
    assert (v / SERIEN).read_bytes() == v2
    # Samma data, olika radordning och text- eller heltalsår i svaren.
    assert (
        json.loads(V2.read_text(encoding="utf-8"))["values"]
        != json.loads(V3.read_text(encoding="utf-8"))["values"]
    )


def test_serien_har_kalla_hamtad_och_sorterade_varden(v: Path) -> None:
    assert importera(v, V3).slutkod == 0
    data = serie(v)
    assert data["kpi"] == "N30005"
    assert data["källa"] == "Källa: Kolada (RKA)"
    assert str(data["hämtad"]) == HAMTAD
    assert data["titel"] == "Nettokostnad IFO enligt huset"  # ur huset utan metadata
    nycklar = [(x["kommun"], x["år"], "TKM".index(x["kön"])) for x in data["värden"]]
    assert nycklar == sorted(nycklar)
    assert len(nycklar) == 14


def test_null_blir_saknat_aldrig_noll(v: Path) -> None:
    assert importera(v, V2).slutkod == 0
    saknat = varden(v)[("2401", 2023, "T")]
    assert saknat["värde"] is None
    assert saknat["status"] == "Missing"
    assert re.search(
        r'kommun: "2401", år: 2023, kön: T, värde: null', (v / SERIEN).read_text(encoding="utf-8")
    )
    assert all(x["värde"] != 0 for x in varden(v).values())


def test_kon_och_antal_behalls(v: Path) -> None:
    assert importera(v, V3).slutkod == 0
    alla = varden(v)
    assert alla[("2401", 2024, "K")]["värde"] == 5701.0
    assert alla[("2401", 2024, "M")]["värde"] is None
    assert "antal" not in alla[("2401", 2024, "M")]  # count saknades i svaret
    assert alla[("G10001", 2022, "T")]["antal"] == 7


def test_ny_import_slas_ihop_utan_att_tappa_aldre_ar(v: Path) -> None:
    gamla = skriv_json(v, "gamla.json", {"values": [rad("2401", 2019, total(4000.5))]})
    assert importera(v, gamla).slutkod == 0
    nya = skriv_json(
        v,
        "nya.json",
        {"values": [rad("2401", 2019, total(4100.0)), rad("2401", 2020, total(4200.0))]},
    )
    resultat = importera(v, nya, hamtad="2026-11-01")
    assert resultat.slutkod == 0, resultat
    assert f"Ändrade {SERIEN}" in resultat.stdout
    assert importera(v, V2, hamtad="2026-11-01").slutkod == 0
    alla = varden(v)
    assert alla[("2401", 2019, "T")]["värde"] == 4100.0  # det nya värdet ersätter
    assert alla[("2401", 2020, "T")]["värde"] == 4200.0
    assert ("2401", 2024, "K") in alla
    assert str(serie(v)["hämtad"]) == "2026-11-01"


def test_oforandrad_import_skriver_inget(v: Path) -> None:
    assert importera(v, V2).slutkod == 0
    fore = (v / SERIEN).stat().st_mtime_ns
    igen = importera(v, V3)
    assert igen.slutkod == 0, igen
    assert "är oförändrad" in igen.stdout
    assert "Ändrade" not in igen.stdout
    assert (v / SERIEN).stat().st_mtime_ns == fore


@pytest.mark.parametrize(
    "flagga", [{"is_deleted": 1}, {"isdeleted": True}], ids=["v2-is_deleted", "v3-isdeleted"]
)
def test_borttagna_rader_tas_bort_ur_befintlig_data(v: Path, flagga: dict[str, Any]) -> None:
    assert importera(v, V2).slutkod == 0
    assert ("2401", 2024, "K") in varden(v)
    andringar = skriv_json(v, "andringar.json", {"values": [rad("2401", 2024, **flagga)]})
    resultat = importera(v, andringar)
    assert resultat.slutkod == 0, resultat
    assert "3 borttagna" in resultat.stdout
    kvar = varden(v)
    assert not [n for n in kvar if n[:2] == ("2401", 2024)]
    assert ("2401", 2023, "T") in kvar
    assert ("G10001", 2024, "T") in kvar


def test_flaggan_noll_eller_falskt_tar_inte_bort(v: Path) -> None:
    data = {
        "values": [
            rad("2401", 2020, total(1.5), is_deleted=0),
            rad("0000", 2020, total(2.5), isdeleted=False),
        ]
    }
    assert importera(v, skriv_json(v, "s.json", data)).slutkod == 0
    assert varden(v)[("2401", 2020, "T")]["värde"] == 1.5
    assert varden(v)[("0000", 2020, "T")]["värde"] == 2.5


def test_flera_sidor_och_lista_av_rader(v: Path) -> None:
    sidor: list[dict[str, Any]] = [
        {
            "values": [rad("2401", 2020, total(1.0))],
            "next_url": "https://api.kolada.se/v3/x?page=2",
        },
        {"values": [rad("2401", 2021, total(2.0))], "next_url": None},
    ]
    resultat = importera(v, skriv_json(v, "sidor.json", sidor))
    assert resultat.slutkod == 0, resultat
    assert "har fler sidor" not in resultat.stderr  # sidan 2 finns i listan
    sidor[1]["next_url"] = "https://api.kolada.se/v3/x?page=3"
    resultat = importera(v, skriv_json(v, "sidor.json", sidor))
    assert "page=3" in resultat.stderr  # varnar för en sida som inte är sparad
    assert importera(v, skriv_json(v, "rader.json", [rad("2401", 2022, total(3.0))])).slutkod == 0
    assert {n[1] for n in varden(v)} == {2020, 2021, 2022}


def test_metadata_ger_titeln(v: Path) -> None:
    metadata = skriv_json(
        v, "kpi.json", {"values": [{"id": "N30005", "title": "Nettokostnad IFO, kr/inv"}]}
    )
    resultat = kor(
        "kolada", "importera", str(V2), "--metadata", str(metadata), "-C", str(v),
        "--hamtad", HAMTAD,
    )  # fmt: skip
    assert resultat.slutkod == 0, resultat
    assert serie(v)["titel"] == "Nettokostnad IFO, kr/inv"


def test_nyckeltal_som_inte_ar_installda_hoppas_over(v: Path) -> None:
    data = {
        "values": [
            rad("2401", 2020, total(1.0)),
            {**rad("2401", 2020, total(9.0)), "kpi": "N31001"},
        ]
    }
    resultat = importera(v, skriv_json(v, "blandat.json", data))
    assert resultat.slutkod == 0, resultat
    assert "Hoppade över N31001" in resultat.stdout
    assert not (v / "omvarld/kolada/N31001.yaml").exists()


# --- Dålig indata: slutkod 2, svensk text, inget skrivs ---------------------------------


def test_fel_kpi_ger_slutkod_2(v: Path) -> None:
    data = {"values": [{**rad("2401", 2020, total(1.0)), "kpi": "N31001"}]}
    ar_fel(importera(v, skriv_json(v, "fel.json", data)), "N31001", "kolada.nyckeltal")
    assert not (v / "omvarld").exists()


def test_utan_installning_i_huset_ger_slutkod_2(liten: Path) -> None:
    ar_fel(importera(liten, V2), "ingen inställning för Kolada")


def test_trasig_json_ger_fil_rad_kolumn(v: Path) -> None:
    fil = v / "trasig.json"
    fil.write_text('{\n  "values": [\n    {"kpi": "N30005",}\n  ]\n}\n', encoding="utf-8")
    korning = importera(v, fil)
    ar_fel(korning, f"{fil}:3:22:", "ingen giltig JSON", "nyckelnamn")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"data": []}, "nyckeln ”values” saknas"),
        ("bara text", "okänd form"),
        ({"values": [{"kpi": "N30005", "municipality": "2401", "values": []}]}, "”period”"),
        ({"values": [rad("2401", 2020, {"gender": "X", "value": 1})]}, "”gender”"),
        ({"values": [rad("2401", 2020, {"gender": "T", "value": "1"})]}, "”value”"),
        ({"values": [rad("2401", 2020, {"gender": "T"})]}, "”value”"),
        ({"values": [rad("2401", "tjugo", total(1.0))]}, "”period”"),
        ({"values": [rad("Stockholm", 2020, total(1.0))]}, "”municipality”"),
        ({"values": [{"kpi": "N30005", "ou": "V15E", "period": 2020, "values": []}]}, "(ou)"),
        ({"values": [], "next_page": None, "next_url": None}, "både v2 och v3"),
        ({"values": [{"id": "N30005", "title": "T"}]}, "--metadata"),
        ({"values": []}, "inga värden"),
    ],
)
def test_okand_form_ger_slutkod_2_och_vad_som_saknas(v: Path, data: Any, text: str) -> None:
    ar_fel(importera(v, skriv_json(v, "okand.json", data)), text)
    assert not (v / "omvarld").exists()


def test_fil_som_saknas_eller_inte_ar_utf8(v: Path) -> None:
    ar_fel(importera(v, v / "finns-inte.json"), "kan inte läsas")
    latin = v / "latin.json"
    latin.write_bytes('{"values": [], "anmärkning": "å"}'.encode("latin-1"))
    ar_fel(importera(v, latin), "UTF-8")


def test_fel_i_ett_av_flera_svar_skriver_inget(v: Path) -> None:
    trasig = skriv_json(v, "okand.json", {"data": []})
    ar_fel(importera(v, V2, trasig), "okand.json")
    assert not (v / "omvarld").exists()


def test_befintlig_fil_med_fel_skrivs_inte_over(v: Path) -> None:
    (v / "omvarld/kolada").mkdir(parents=True)
    trasig = "kpi: N30005\nhämtad: inte ett datum\nvärden: []\n"
    (v / SERIEN).write_text(trasig, encoding="utf-8")
    ar_fel(importera(v, V2), SERIEN, "har fel")
    assert (v / SERIEN).read_text(encoding="utf-8") == trasig


def test_ogiltigt_hamtad_datum(v: Path) -> None:
    ar_fel(importera(v, V2, hamtad="1 oktober"), "--hamtad")


def test_kpi_som_inte_stammer_med_filnamnet_ar_ett_fynd(v: Path) -> None:
    assert importera(v, V2).slutkod == 0
    (v / "omvarld/kolada/N30006.yaml").write_text(
        (v / SERIEN).read_text(encoding="utf-8"), encoding="utf-8"
    )
    korning = kor("kontrollera", str(v), "--per", PER, "--format", "json")
    fynd = json.loads(korning.stdout)["fynd"]
    traffar = [f["fil"] for f in fynd if f["regel"] == "ID002"]
    assert [Path(f).as_posix().endswith("omvarld/kolada/N30006.yaml") for f in traffar] == [True]


# --- Inget nätverk ------------------------------------------------------------------------


def test_importen_anvander_aldrig_natverket(v: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def inget_natverk(*_: object, **__: object) -> None:
        raise AssertionError("kvalitet får aldrig öppna en nätverksanslutning")

    monkeypatch.setattr(socket, "socket", inget_natverk)
    monkeypatch.setattr(socket, "create_connection", inget_natverk)
    monkeypatch.setattr(socket, "getaddrinfo", inget_natverk)
    resultat = importera(v, V2)
    assert resultat.slutkod == 0, resultat
    assert "aldrig nätverket" in kor("kolada", "importera", "--help").stdout


def test_inget_natverksbibliotek_importeras() -> None:
    natverk = {"socket", "urllib", "http", "requests", "httpx", "aiohttp", "ssl", "ftplib"}
    for modul in ("arbete/kolada.py", "cli/kolada.py", "rapporter/kolada.py", "modell/kolada.py"):
        trad = ast.parse((ROT / "src/kvalitet" / modul).read_text(encoding="utf-8"))
        namn = {a.name for n in ast.walk(trad) if isinstance(n, ast.Import) for a in n.names}
        namn |= {n.module or "" for n in ast.walk(trad) if isinstance(n, ast.ImportFrom)}
        assert not {x.split(".")[0] for x in namn} & natverk, modul


# --- Sessionen och rapporterna -------------------------------------------------------------


def test_omvarldssessionen_far_jamforelserna_som_underlag(exempel: Path) -> None:
    korning = kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(exempel))
    assert korning.slutkod == 0, korning
    session = yamlio.las((exempel / "arshjul/2026/omvarld.yaml").read_text(encoding="utf-8"))
    underlag = [str(u) for u in session["underlag"]]
    kolada_rader = [u for u in underlag if u.startswith("Kolada N30005")]
    assert kolada_rader[0].startswith("Kolada N30005 Nettokostnad individ- och familjeomsorg")
    assert [u.split(":")[0] for u in kolada_rader[1:]] == [
        f"Kolada N30005 {ar}" for ar in range(2020, 2026)
    ]
    assert kolada_rader[3] == (
        "Kolada N30005 2022: Älvbygdens kommun saknas; Liknande kommuner, IFO 5\u00a0510,2;"
        " Riket 4\u00a0905,3"
    )


def test_andra_rum_far_inga_jamforelser(exempel: Path) -> None:
    v = ladda(exempel)
    assert kolada.underlag(v, "processer", 2026) == []
    assert len(kolada.underlag(v, "omvarld", 2026)) == 7
    assert len(kolada.underlag(v, "omvarld", 2021)) == 3  # bara åren fram till 2021


def test_nyckeltal_utan_varden_sags_i_underlaget(v: Path) -> None:
    rader = kolada.underlag(ladda(v), "omvarld", 2026)
    assert rader == [
        "Kolada N30005 Nettokostnad IFO enligt huset: inga värden importerade än"
        " (kvalitet kolada importera FIL.json)."
    ]


def rapport(mapp: Path, ut: Path, *extra: str) -> str:
    korning = kor("rapport", *extra, "-C", str(mapp), "--ar", "2026", "--per", PER, "--ut", str(ut))
    assert korning.slutkod == 0, korning
    return ut.read_text(encoding="utf-8")


def test_kvalitetsberattelsen_har_tabell_och_kalla(exempel: Path, tmp_path: Path) -> None:
    text = rapport(exempel, tmp_path / "kb.md", "kvalitetsberattelse")
    avsnitt = text.split("### Jämförelser med andra kommuner (Kolada)")[1].split("\n## ")[0]
    assert "| År | Älvbygdens kommun | Liknande kommuner, IFO | Riket |" in avsnitt
    assert "| 2022 | saknas | 5 510,2 | 4 905,3 |" in avsnitt
    assert "| 2025 | 6 702,1 | 6 455 | 5 702,9 |" in avsnitt
    assert "\nKälla: Kolada\n" in avsnitt
    assert "(kb-kolada-N30005.svg)" in avsnitt
    assert (tmp_path / "kb-kolada-N30005.svg").is_file()


def test_konsuppdelning_visas_i_tabellen(v: Path, tmp_path: Path) -> None:
    assert importera(v, V2).slutkod == 0
    text = rapport(v, tmp_path / "kb.md", "kvalitetsberattelse")
    assert (
        "| År | Kön | Individ- och familjeomsorgen" not in text
    )  # kommunen heter som organisationen
    assert "| 2024 | Kvinnor | 5 701 | saknas | saknas |" in text
    assert "| 2024 | Män | saknas | saknas | saknas |" in text
    assert "| 2023 | Kvinnor |" not in text  # inga uppgifter om kön det året


def test_svg_ar_valformad_med_lucka_vid_saknat_varde(exempel: Path, tmp_path: Path) -> None:
    rapport(exempel, tmp_path / "kb.md", "kvalitetsberattelse")
    svg = (tmp_path / "kb-kolada-N30005.svg").read_text(encoding="utf-8")
    rot = ET.fromstring(svg)
    assert "Älvbygdens kommun: 2020 5\u00a0210, 2021 5\u00a0480,3, 2022 saknas" in (
        rot.findtext(f"{SVG}desc") or ""
    )
    assert "N30005" in (rot.findtext(f"{SVG}title") or "")
    linjer = {g.get("data-serie"): g for g in rot.iter(f"{SVG}g") if g.get("class") == "linje"}
    kommunen = linjer["Älvbygdens kommun"]
    # 2020–2021 och 2023–2025: två delsträckor och fem punkter, ingen vid 2022.
    assert [len(p.get("d", "").split(" L ")) for p in kommunen.iter(f"{SVG}path")] == [2, 3]
    assert len(list(kommunen.iter(f"{SVG}circle"))) == 5
    assert len(list(linjer["Riket"].iter(f"{SVG}path"))) == 1
    assert not re.search(r"(href|src)=|url\(|<style|@import", svg)


def test_html_baddar_in_diagrammet(exempel: Path, tmp_path: Path) -> None:
    html = rapport(exempel, tmp_path / "kb.html", "kvalitetsberattelse", "--format", "html")
    assert 'id="kolada-N30005-titel"' in html
    assert "<p><small>Källa: Kolada</small></p>" in html


def test_rumsrapporten_for_omvarld(exempel: Path, tmp_path: Path) -> None:
    omvarld = rapport(exempel, tmp_path / "omvarld.md", "rum", "omvarld")
    assert "## Jämförelser med andra kommuner (Kolada)" in omvarld
    processer = rapport(exempel, tmp_path / "processer.md", "rum", "processer")
    assert "Kolada)" not in processer


def test_utan_installning_star_avsnittet_kvar(liten: Path, tmp_path: Path) -> None:
    text = rapport(liten, tmp_path / "kb.md", "kvalitetsberattelse")
    avsnitt = text.split("### Jämförelser med andra kommuner (Kolada)")[1].split("\n## ")[0]
    assert "*Ingen uppgift registrerad.*" in avsnitt


def test_linjevyn_utan_varden_och_med_ett_ar() -> None:
    vy = linjevy("x", "Titel", "Beskrivning", ["2024"], [("A", [None]), ("B", [3.0])])
    assert vy.linjer[0].banor == ()
    assert vy.linjer[0].punkter == ()
    assert vy.linjer[1].banor == ()  # en ensam punkt blir en punkt, ingen linje
    assert len(vy.linjer[1].punkter) == 1
    tomt = linjevy("y", "T", "B", ["2023", "2024"], [("A", [None, None])])
    assert next(t.text for _, t in tomt.rutnat) == "0"
