"""Listor som en människa läser: de första 50, --alla, JSON och CSV (issue 17.4)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kvalitet.tabell import Tabell, forsta
from tests.conftest import AVVIKELSE, PER, kor


def _med_arenden(mapp: Path, antal: int) -> None:
    for nummer in range(1, antal + 1):
        id_ = f"2026-{nummer:03d}"
        text = AVVIKELSE.replace('id: "2026-001"', f'id: "{id_}"')
        (mapp / "avvikelser/2026").mkdir(parents=True, exist_ok=True)
        (mapp / f"avvikelser/2026/{id_}.yaml").write_text(text, encoding="utf-8")


def test_forsta_visar_hur_manga_som_finns() -> None:
    tabell = Tabell("T", ("A",), [(str(i),) for i in range(1234)], fot="1234 rader.")
    kort = forsta(tabell, 50)
    assert len(kort.rader) == 50
    assert kort.fot == "1234 rader.\nVisar 50 av 1\u00a0234 – --alla visar alla."
    assert forsta(tabell, None) is tabell
    assert forsta(Tabell("T", ("A",), [("x",)]), 50).fot is None


def test_en_lang_lista_visar_de_50_forsta_och_alla_med_alla(liten: Path) -> None:
    _med_arenden(liten, 60)
    kort = kor("avvikelse", "lista", "-C", str(liten))
    assert kort.slutkod == 0, kort
    assert "2026-060" in kort.stdout and "2026-010" not in kort.stdout  # nyast först
    assert "Visar 50 av 60 – --alla visar alla." in kort.stdout
    alla = kor("avvikelse", "lista", "--alla", "-C", str(liten))
    assert "2026-001" in alla.stdout and "Visar 50" not in alla.stdout


def test_en_mycket_lang_lista_ritas_enkelt_med_varje_rad(liten: Path) -> None:
    _med_arenden(liten, 210)
    svar = kor("avvikelse", "lista", "--alla", "-C", str(liten))
    assert svar.slutkod == 0, svar
    rader = [rad for rad in svar.stdout.splitlines() if rad.startswith("2026-")]
    assert len(rader) == 210
    assert rader[0].split()[:2] == ["2026-210", "2026-03-02"]


@pytest.mark.parametrize("kommando", [("avvikelse", "lista"), ("handlingsplan", "--per", PER)])
def test_json_och_csv_har_alla_rader_med_rubrikerna(liten: Path, kommando: tuple[str, ...]) -> None:
    _med_arenden(liten, 60)
    text = kor(*kommando, "-C", str(liten)).stdout
    som_json = json.loads(kor(*kommando, "--format", "json", "-C", str(liten)).stdout)
    som_csv = list(
        csv.reader(io.StringIO(kor(*kommando, "--format", "csv", "-C", str(liten)).stdout))
    )
    assert len(som_json) == len(som_csv) - 1
    assert list(som_json[0]) == som_csv[0]
    assert "Visar" not in json.dumps(som_json)
    if kommando[0] == "avvikelse":
        assert len(som_json) == 60 and "Visar 50 av 60" in text
        assert som_json[0]["Id"] == "2026-060"


def test_ett_okant_format_ger_slutkod_2(liten: Path) -> None:
    svar = kor("avvikelse", "lista", "--format", "xml", "-C", str(liten))
    assert svar.slutkod == 2
    assert "välj text, json, csv" in svar.stderr


def test_personnummer_maskeras_ocksa_i_csv(liten: Path) -> None:
    _med_arenden(liten, 1)
    fil = liten / "avvikelser/2026/2026-001.yaml"
    text = fil.read_text(encoding="utf-8").replace(
        "process: Handläggning av ansökan", "process: 19121212-1212"
    )
    fil.write_text(text + "# kvalitet: ignorera PNR001 – prov\n", encoding="utf-8")
    ut = kor("avvikelse", "lista", "--format", "csv", "-C", str(liten)).stdout
    assert "19121212-1212" not in ut


@pytest.mark.parametrize(
    ("kommando", "kolumn"),
    [
        (("garage", "lista", "--alla"), "Id"),
        (("riskanalys", "lista"), "Id"),
        (("styrdokument", "lista", "--per", PER), "Id"),
        (("egenkontroll", "status", "--per", PER), "Frekvens"),
    ],
)
def test_de_andra_listorna_har_ocksa_json_och_csv(
    exempel: Path, kommando: tuple[str, ...], kolumn: str
) -> None:
    text = kor(*kommando, "-C", str(exempel))
    som_json = json.loads(kor(*kommando, "--format", "json", "-C", str(exempel)).stdout)
    som_csv = list(
        csv.reader(io.StringIO(kor(*kommando, "--format", "csv", "-C", str(exempel)).stdout))
    )
    assert text.slutkod == 0, text
    assert som_json and len(som_json) == len(som_csv) - 1
    assert kolumn in som_csv[0] and list(som_json[0]) == som_csv[0]
    # Samma poster som i texten: varje id finns i terminalens tabell.
    assert all(post[kolumn] in text.stdout for post in som_json)
