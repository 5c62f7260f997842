"""Avvikelseanalysen: antal per typ, rum, process och kvartal, lex Sarah, återkommande orsaker."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from kvalitet import __version__, rapporter, rendering, yamlio
from kvalitet.rapporter import avvikelser
from kvalitet.verksamhet import ladda
from tests.conftest import AVVIKELSE, EXEMPEL, bygg_tradet

AR = 2026
PER = date(2026, 11, 30)
TOM = "Ingen uppgift registrerad"
AVSNITT = 10
SKRIPT = "<script>alert(1)</script>"


def _yaml(rot: Path) -> list[dict[str, Any]]:
    """Ärendena direkt ur filerna, utan analysens kod."""
    return [
        yamlio.las(fil.read_text(encoding="utf-8"))
        for fil in sorted((rot / "avvikelser").glob("*/*.yaml"))
    ]


def _ar(arende: dict[str, Any]) -> int:
    return int(str(arende["inkom"])[:4])


def _rendera(rot: Path, ending: str, minsta_antal: int | None = 5, ar: int = AR) -> str:
    vy = avvikelser.bygg(ladda(rot), rapporter.Uppdrag(ar, PER, minsta_antal))
    return rendering.rendera(avvikelser.MALL, ending, vy=vy, bildfiler={}, markor=rapporter.MARKOR)


def _celler_html(html: str) -> list[str]:
    return re.findall(r"<td[^>]*>(.*?)</td>", html)


def _celler_md(md: str) -> list[str]:
    rader = [rad for rad in md.splitlines() if rad.startswith("| ") and "---" not in rad]
    return [cell.strip() for rad in rader for cell in re.split(r"(?<!\\)\|", rad)[1:-1]]


@pytest.fixture(scope="module")
def exempelanalys() -> avvikelser.Avvikelseanalys:
    return avvikelser.analys(ladda(EXEMPEL), AR, None)


def test_antal_per_typ_rum_och_process_stammer_med_filerna(
    exempelanalys: avvikelser.Avvikelseanalys,
) -> None:
    arets = [a for a in _yaml(EXEMPEL) if _ar(a) == AR]
    typer = Counter(a["typ"] for a in arets)
    etiketter = dict(avvikelser.TYPER)
    assert {r.etikett: r.n for r in exempelanalys.per_typ} == {
        etiketter[typ]: typer[typ] for typ in etiketter
    }
    assert exempelanalys.n_totalt == len(arets) == 12
    assert exempelanalys.totalt == "12"

    huset = yamlio.las((EXEMPEL / "huset.yaml").read_text(encoding="utf-8"))
    rumsnamn = {rum["id"]: rum["namn"] for rum in huset["rum"]}
    rum = Counter(rumsnamn[a["rum"]] for a in arets)
    assert [r.etikett for r in exempelanalys.per_rum] == list(rumsnamn.values())
    assert {r.etikett: r.n for r in exempelanalys.per_rum} == {n: rum[n] for n in rumsnamn.values()}

    processer = Counter(a.get("process") or avvikelser.INGEN_PROCESS for a in arets)
    assert {r.etikett: r.n for r in exempelanalys.per_process} == dict(processer)
    assert [r.etikett for r in exempelanalys.per_process][:2] == [
        "Avvikelse- och klagomålshantering",
        "Dokumentation och arkivering",
    ]


def test_kvartal_status_lex_sarah_och_svar_stammer_med_filerna(
    exempelanalys: avvikelser.Avvikelseanalys,
) -> None:
    arets = [a for a in _yaml(EXEMPEL) if _ar(a) == AR]
    kvartal = Counter((int(str(a["inkom"])[5:7]) - 1) // 3 for a in arets)
    totalt = exempelanalys.per_kvartal[-1]
    assert totalt.etikett == "Totalt"
    assert totalt.kvartal == tuple(str(kvartal[k]) for k in range(4))

    avslutade = sum(1 for a in arets if a["status"] == "avslutad")
    assert [r.n for r in exempelanalys.status] == [len(arets) - avslutade, avslutade]

    lex = [a for a in arets if a["typ"] in ("missförhållande", "risk_för_missförhållande")]
    bedomning = Counter(a["lex_sarah"].get("bedömning") for a in lex)
    matt = {r.etikett: r.n for r in exempelanalys.lex_sarah}
    assert matt["Rapporter enligt lex Sarah"] == len(lex) == 3
    assert matt["varav bedömda som allvarliga"] == bedomning["allvarligt_missförhållande"] == 1
    assert matt["Bedömda som inte missförhållande"] == bedomning["ej_missförhållande"] == 1
    assert matt["Bedömda som missförhållande eller påtaglig risk för missförhållande"] == 2
    assert matt["Anmälda till IVO"] == sum(1 for a in lex if a["lex_sarah"].get("anmäld_ivo"))
    assert matt["Med beslut från IVO"] == sum(1 for a in lex if a["lex_sarah"].get("ivo_beslut"))

    for rad in exempelanalys.svar:
        typ = {"Klagomål": "klagomål", "Synpunkt": "synpunkt"}[rad.etikett]
        av_typen = [a for a in arets if a["typ"] == typ]
        assert rad.inkomna == str(len(av_typen))
        assert rad.besvarade == str(sum(1 for a in av_typen if a.get("besvarad")))


def test_jamforelse_med_foregaende_ar(exempelanalys: avvikelser.Avvikelseanalys) -> None:
    alla = _yaml(EXEMPEL)
    forra = Counter(a["typ"] for a in alla if _ar(a) == AR - 1)
    etiketter = dict(avvikelser.TYPER)
    jamforelse = {r.etikett: r.foregaende for r in exempelanalys.jamforelse}
    assert jamforelse == {
        **{etiketter[typ]: str(forra[typ]) for typ in etiketter},
        "Totalt": str(sum(forra.values())),
    }


def test_aterkommande_orsaker_i_exemplet(exempelanalys: avvikelser.Avvikelseanalys) -> None:
    arenden: dict[str, set[str]] = {}
    for a in _yaml(EXEMPEL):
        for orsak in (a.get("utredning") or {}).get("orsaker", []):
            arenden.setdefault(orsak, set()).add(a["id"])
    vantade = {orsak: ids for orsak, ids in arenden.items() if len(ids) >= 2}
    assert vantade  # exemplet har orsaker som återkommer
    assert {o.orsak: set(o.arenden or ()) for o in exempelanalys.orsaker} == vantade
    assert [o.n for o in exempelanalys.orsaker] == sorted(
        (o.n for o in exempelanalys.orsaker), reverse=True
    )
    forsta = exempelanalys.orsaker[0]
    assert forsta.orsak == "Rutinen var inte känd av alla handläggare"
    assert forsta.ar == (2025, 2026)
    assert "Trygghet och säkerhet" in forsta.rum


def test_ids_visas_inte_nar_sma_antal_doljs() -> None:
    analys = avvikelser.analys(ladda(EXEMPEL), AR, 5)
    assert not analys.visar_arenden
    assert all(o.arenden is None for o in analys.orsaker)
    assert "2026-003" not in _rendera(EXEMPEL, "html")


@pytest.mark.parametrize("ending", ["html", "md"])
def test_sma_antal_visas_som_farre_an_fem(ending: str) -> None:
    text = _rendera(EXEMPEL, ending)
    celler = _celler_html(text) if ending == "html" else _celler_md(text)
    assert celler
    assert not [cell for cell in celler if re.fullmatch(r"[1-4]", cell)]
    assert "färre än 5" in celler
    assert "12" in celler  # årets totala antal är inte litet


@pytest.mark.parametrize("ending", ["html", "md"])
def test_utan_grans_visas_alla_antal(ending: str) -> None:
    text = _rendera(EXEMPEL, ending, minsta_antal=None)
    assert "färre än" not in text
    assert "2026-011" in text


def _avvikelse(id_: str, orsaker: list[str], process: str = "Handläggning av ansökan") -> str:
    def som_yaml(text: str) -> str:
        return json.dumps(text, ensure_ascii=False)

    rader = "".join(f"\n    - {som_yaml(o)}" for o in orsaker)
    text = AVVIKELSE.replace('"2026-001"', som_yaml(id_))
    text = text.replace("process: Handläggning av ansökan", f"process: {som_yaml(process)}")
    return f"{text}utredning:\n  orsaker:{rader}\n"


def test_samma_orsak_med_olika_skiftlage_och_mellanrum_slas_ihop(liten: Path) -> None:
    bygg_tradet(
        liten,
        {
            "avvikelser/2026/2026-001.yaml": _avvikelse("2026-001", ["Rutinen var okänd"]),
            "avvikelser/2026/2026-002.yaml": _avvikelse("2026-002", ["  rutinen  VAR okänd."]),
            "avvikelser/2026/2026-003.yaml": _avvikelse("2026-003", ["Rutinen var  okänd"]),
            "avvikelser/2026/2026-004.yaml": _avvikelse("2026-004", ["Något helt annat"]),
        },
    )
    analys = avvikelser.analys(ladda(liten), AR, None)
    assert [(o.orsak, o.n, o.arenden) for o in analys.orsaker] == [
        ("Rutinen var okänd", 3, ("2026-001", "2026-002", "2026-003"))
    ]
    assert analys.orsaker[0].rum == ("Processer och rutiner",)


def test_nastan_samma_ordalydelse_slas_ihop(liten: Path) -> None:
    bygg_tradet(
        liten,
        {
            "avvikelser/2026/2026-001.yaml": _avvikelse(
                "2026-001", ["Bristande överlämning vid byte av handläggare"]
            ),
            "avvikelser/2026/2026-002.yaml": _avvikelse(
                "2026-002", ["Bristande överlämning vid byten av handläggare"]
            ),
        },
    )
    analys = avvikelser.analys(ladda(liten), AR, None)
    assert [o.n for o in analys.orsaker] == [2]


def test_orsaker_fran_senare_ar_raknas_inte(liten: Path) -> None:
    bygg_tradet(
        liten,
        {
            "avvikelser/2026/2026-001.yaml": _avvikelse("2026-001", ["Samma orsak"]),
            "avvikelser/2027/2027-001.yaml": _avvikelse("2027-001", ["Samma orsak"]).replace(
                "inkom: 2026-03-02", "inkom: 2027-03-02"
            ),
        },
    )
    assert avvikelser.analys(ladda(liten), AR, None).orsaker == ()
    assert len(avvikelser.analys(ladda(liten), AR + 1, None).orsaker) == 1


def test_skript_i_orsak_och_process_escapas(liten: Path) -> None:
    bygg_tradet(
        liten,
        {
            f"avvikelser/2026/2026-00{i}.yaml": _avvikelse(f"2026-00{i}", [SKRIPT], SKRIPT)
            for i in (1, 2)
        },
    )
    html = _rendera(liten, "html", minsta_antal=None)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = _rendera(liten, "md", minsta_antal=None)
    assert not re.search(r"(?<!\\)<", md.split("\n", 1)[1])  # efter markörens kommentar
    # Processen (per process och vid orsaken) och orsaken.
    assert md.count(r"\<script\>alert(1)\</script\>") == 3


@pytest.mark.parametrize("ending", ["html", "md"])
def test_tom_verksamhet_visar_varje_avsnitt(liten: Path, ending: str) -> None:
    text = _rendera(liten, ending)
    assert text.count(TOM) == AVSNITT
    rubriker = re.findall(r"<h2>" if ending == "html" else r"^## ", text, re.MULTILINE)
    assert len(rubriker) == AVSNITT


def test_delen_borjar_pa_niva_tre_for_kvalitetsberattelsen() -> None:
    analys = avvikelser.analys(ladda(EXEMPEL), AR, 5)
    html = rendering.rendera("_avvikelser", "html", analys=analys)
    md = rendering.rendera("_avvikelser", "md", analys=analys)
    assert html.lstrip().startswith("<h3>Ärenden per typ</h3>")
    assert "<h2>" not in html
    assert md.lstrip().startswith("### Ärenden per typ")
    assert not re.search(r"^## ", md, re.MULTILINE)


def test_markdown_borjar_med_markoren() -> None:
    md = _rendera(EXEMPEL, "md")
    assert md.splitlines()[0].startswith(f"<!-- {rapporter.MARKOR} {__version__}")
    assert md.splitlines()[1] == f"# Avvikelser, synpunkter och klagomål {AR}"


def test_markdown_tabellerna_ar_tabeller() -> None:
    tokens = MarkdownIt("commonmark").enable("table").parse(_rendera(EXEMPEL, "md"))
    # Utredningen och åtgärdernas effekt är ett avsnitt med två tabeller.
    assert sum(1 for t in tokens if t.type == "table_open") == AVSNITT + 1


def test_vyn() -> None:
    vy = avvikelser.bygg(ladda(EXEMPEL), rapporter.Uppdrag(AR, PER))
    assert vy.titel == "Avvikelser, synpunkter och klagomål 2026"
    assert vy.bilder == []
    assert vy.analys.minsta_antal == 5
