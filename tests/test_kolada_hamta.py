"""`kvalitet kolada hamta` (issue 19) mot en lokal HTTP-server på 127.0.0.1.

Servern spelar upp ett v3-svar i två sidor (ur tests/data/kolada/n30005-v3.json) och
svarar 429 en gång först. Testerna når aldrig nätet: namnuppslag till något annat än
den egna datorn underkänns.
"""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.conftest import DATA, EXEMPEL, kor

KOMMUNER = "2401,G10001,0000"
SOKVAG = f"/v3/data/kpi/N30005/municipality/{KOMMUNER}"
_LOKALA = {"127.0.0.1", "localhost", "::1"}


@pytest.fixture(autouse=True)
def _bara_den_egna_datorn(monkeypatch: pytest.MonkeyPatch) -> None:
    riktig = socket.getaddrinfo

    def uppslag(vard: Any, *argument: Any, **nycklar: Any) -> Any:
        if vard not in _LOKALA:
            raise AssertionError(f"testet försökte nå {vard}")
        return riktig(vard, *argument, **nycklar)

    monkeypatch.setattr(socket, "getaddrinfo", uppslag)


def _verksamhet(mapp: Path) -> Path:
    """Exemplet med kommunen och gruppen i testdatan (2401, G10001)."""
    shutil.copytree(EXEMPEL, mapp, ignore=shutil.ignore_patterns("cache"))
    huset = mapp / "huset.yaml"
    text = huset.read_text(encoding="utf-8").replace('kommun: "2499"', 'kommun: "2401"')
    huset.write_text(text.replace("id: G99001", "id: G10001"), encoding="utf-8")
    return mapp


def _sidor(server: HTTPServer) -> tuple[dict[str, Any], dict[str, Any]]:
    svar = json.loads((DATA / "kolada" / "n30005-v3.json").read_text(encoding="utf-8"))
    nasta = server.url_for(SOKVAG) + "?page=2&per_page=6"
    forsta = {"values": svar["values"][:6], "next_url": nasta, "previous_url": None, "count": 12}
    andra = {"values": svar["values"][6:], "next_url": None, "previous_url": "x", "count": 12}
    return forsta, andra


@pytest.fixture
def kolada(httpserver: HTTPServer) -> Iterator[tuple[HTTPServer, list[dict[str, Any]]]]:
    forsta, andra = _sidor(httpserver)
    httpserver.expect_oneshot_request(SOKVAG).respond_with_data(
        "För många frågor", status=429, headers={"Retry-After": "0"}
    )
    httpserver.expect_request(SOKVAG, query_string="page=2&per_page=6").respond_with_json(andra)
    httpserver.expect_request(SOKVAG).respond_with_json(forsta)
    yield httpserver, [forsta, andra]


def _hamta(mapp: Path, server: HTTPServer, *argument: str) -> Any:
    return kor("kolada", "hamta", "-C", str(mapp), "--bas-url", server.url_for("/v3"),
               *argument)  # fmt: skip


def test_hamta_ger_samma_filer_som_importera(
    kolada: tuple[HTTPServer, list[dict[str, Any]]], tmp_path: Path
) -> None:
    server, sidor = kolada
    mapp = _verksamhet(tmp_path / "hamtad")
    svar = _hamta(mapp, server)
    assert svar.slutkod == 0, svar
    fil = f"omvarld/kolada-svar/N30005-{date.today().isoformat()}.json"
    assert f"Hämtade N30005 ur Kolada (2 sidor) till {fil}." in svar.stdout
    # Sidorna sparade som Kolada skickade dem, och 429 gav ett nytt försök.
    sparat = mapp / fil
    assert json.loads(sparat.read_text(encoding="utf-8")) == sidor
    fragor = [(r.path, r.query_string.decode()) for r, _ in server.log]
    assert fragor == [(SOKVAG, ""), (SOKVAG, ""), (SOKVAG, "page=2&per_page=6")]
    assert "har fler sidor" not in svar.stderr
    # Samma svar importerat för hand ger samma filer, byte för byte.
    jamfor = _verksamhet(tmp_path / "importerad")
    importerad = kor("kolada", "importera", str(sparat), "-C", str(jamfor),
                     "--hamtad", date.today().isoformat())  # fmt: skip
    assert importerad.slutkod == 0, importerad
    serien = "omvarld/kolada/N30005.yaml"
    assert (mapp / serien).read_bytes() == (jamfor / serien).read_bytes()
    assert "2401" in (mapp / serien).read_text(encoding="utf-8")
    # En andra hämtning med samma svar ändrar ingenting.
    server.expect_oneshot_request(SOKVAG).respond_with_json(sidor[0])
    igen = _hamta(mapp, server)
    assert igen.slutkod == 0 and "är oförändrad" in igen.stdout


def test_aren_star_i_adressen(httpserver: HTTPServer, tmp_path: Path) -> None:
    forsta, _ = _sidor(httpserver)
    forsta["next_url"] = None
    httpserver.expect_request(f"{SOKVAG}/year/2021,2022,2023,2024").respond_with_json(forsta)
    svar = _hamta(_verksamhet(tmp_path / "v"), httpserver, "--ar", "2021-2023", "--ar", "2024")
    assert svar.slutkod == 0, svar
    assert "(1 sida)" in svar.stdout


@pytest.mark.parametrize(
    ("status", "text"),
    [
        (500, "Kolada svarade 500 efter 4 försök"),
        (404, "Kolada svarade 404"),
    ],
)
def test_fel_fran_kolada_ger_slutkod_2_och_inget_skrivs(
    httpserver: HTTPServer, tmp_path: Path, status: int, text: str
) -> None:
    httpserver.expect_request(SOKVAG).respond_with_data(
        "Något gick fel", status=status, headers={"Retry-After": "0"}
    )
    mapp = _verksamhet(tmp_path / "v")
    fore = {p: p.read_bytes() for p in sorted((mapp / "omvarld").rglob("*.*"))}
    svar = _hamta(mapp, httpserver)
    assert svar.slutkod == 2, svar
    assert text in svar.stderr and "Traceback" not in svar.stderr
    assert {p: p.read_bytes() for p in sorted((mapp / "omvarld").rglob("*.*"))} == fore


def test_utan_natet_ett_svenskt_fel(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # stängd igen när den används
    svar = kor("kolada", "hamta", "-C", str(_verksamhet(tmp_path / "v")), "--bas-url",
               f"http://127.0.0.1:{port}/v3")  # fmt: skip
    assert svar.slutkod == 2, svar
    assert "Kunde inte nå Kolada" in svar.stderr and "ansluten till internet" in svar.stderr


def test_nasta_sida_hamtas_bara_fran_samma_vard(httpserver: HTTPServer, tmp_path: Path) -> None:
    forsta, _ = _sidor(httpserver)
    forsta["next_url"] = "https://kolada.example.org/v3/sida2"
    httpserver.expect_request(SOKVAG).respond_with_json(forsta)
    svar = _hamta(_verksamhet(tmp_path / "v"), httpserver)
    assert svar.slutkod == 2 and "en annan värd" in svar.stderr


def test_fel_ar_och_ingen_installning(tmp_path: Path) -> None:
    mapp = _verksamhet(tmp_path / "v")
    svar = kor(
        "kolada", "hamta", "-C", str(mapp), "--ar", "tjugo", "--bas-url", "http://127.0.0.1:9"
    )
    assert svar.slutkod == 2 and "”tjugo” är inget år" in svar.stderr
    huset = mapp / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    huset.write_text(text[: text.index("\nkolada:")] + text[text.index("\n# Egna frister"):],
                     encoding="utf-8")  # fmt: skip
    svar = kor("kolada", "hamta", "-C", str(mapp), "--bas-url", "http://127.0.0.1:9")
    assert svar.slutkod == 2 and "ingen inställning för Kolada" in svar.stderr
