"""`kvalitet paminnelser` (issue 19): per roll, och som brev till en lokal SMTP-server."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.conftest import EXEMPEL, PER, kor


class _Brevlada:
    """Tar emot breven som servern får."""

    def __init__(self) -> None:
        self.brev: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, kuvert: Any) -> str:
        self.brev.append(message_from_bytes(kuvert.content, policy=policy.default))
        return "250 OK"


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def smtp(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Brevlada]:
    """En SMTP-server på 127.0.0.1 (utan STARTTLS) och miljön som pekar på den."""
    brevlada = _Brevlada()
    port = _ledig_port()
    server = Controller(brevlada, hostname="127.0.0.1", port=port)
    server.start()
    monkeypatch.setenv("KVALITET_SMTP_SERVER", "127.0.0.1")
    monkeypatch.setenv("KVALITET_SMTP_PORT", str(port))
    monkeypatch.setenv("KVALITET_SMTP_AVSANDARE", "kvalitet@alvbygden.example")
    for namn in ("KVALITET_SMTP_ANVANDARE", "KVALITET_SMTP_LOSENORD"):
        monkeypatch.delenv(namn, raising=False)
    try:
        yield brevlada
    finally:
        server.stop()


def test_den_forsenade_atgarden_star_under_sin_roll() -> None:
    svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0, svar
    roll, rader = svar.stdout.split("\n\n", 1)[1].split("\n", 1)
    assert roll == "enhetschef barn och familj (bof.chef@alvbygden.example)"
    assert re.search(
        r"Försenat:\n +2026-11-15 +Åtgärd klar: .*arshjul/2026/kompetens\.yaml, A2", rader
    )
    assert "15 dagar sen" in rader
    assert "Inget skickades (lägg till --skicka)." in svar.stderr


def test_inom_tar_med_det_som_kommer_och_json_och_md(tmp_path: Path) -> None:
    svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, "--inom", "45", "--format",
               "json")  # fmt: skip
    assert svar.slutkod == 0, svar
    data = json.loads(svar.stdout)
    assert data["per"] == PER and data["inom_dagar"] == 45
    roller = {r["roll"]: r for r in data["roller"]}
    kommande = roller["verksamhetschef"]["kommande"]
    assert any(k["slag"] == "session" and "Omvärldsbevakning" in k["titel"] for k in kommande)
    assert roller["verksamhetschef"]["adress"] == "verksamhetschef.ifo@alvbygden.example"
    forsenade = roller["enhetschef barn och familj"]["forsenat"]
    assert [(f["fil"], f["id"]) for f in forsenade] == [("arshjul/2026/kompetens.yaml", "A2")]
    md = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, "--format", "md").stdout
    assert md.startswith(f"# Påminnelser per {PER}") and "## enhetschef barn och familj" in md


def test_inget_skickas_utan_skicka(smtp: _Brevlada) -> None:
    svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER)
    assert svar.slutkod == 0
    assert "Med --skicka: till bof.chef@alvbygden.example" in svar.stderr
    assert smtp.brev == []


def test_skicka_ger_ett_brev_per_roll(smtp: _Brevlada) -> None:
    svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, "--inom", "45", "--skicka")
    assert svar.slutkod == 0, svar
    data = json.loads(kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, "--inom", "45",
                          "--format", "json").stdout)  # fmt: skip
    vantade = {r["adress"] for r in data["roller"]}
    assert len(vantade) >= 2 and None not in vantade
    assert sorted(str(b["To"]) for b in smtp.brev) == sorted(vantade)
    brev = next(b for b in smtp.brev if b["To"] == "bof.chef@alvbygden.example")
    assert brev["From"] == "kvalitet@alvbygden.example"
    assert brev["Subject"].startswith("Påminnelse från ledningssystemet (Individ- och")
    assert "1 försenad" in brev["Subject"]
    text = brev.get_body(("plain",))
    html = brev.get_body(("html",))
    assert text is not None and html is not None
    assert "arshjul/2026/kompetens.yaml, A2" in text.get_content()
    assert '<html lang="sv">' in html.get_content() and "<li>2026-11-15" in html.get_content()
    assert "Skickade till bof.chef@alvbygden.example" in svar.stderr


def test_en_roll_utan_adress_far_inget_brev_och_slutkod_1(smtp: _Brevlada, exempel: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    huset.write_text(
        text.replace("  enhetschef barn och familj: bof.chef@alvbygden.example\n", ""), "utf-8"
    )
    svar = kor("paminnelser", "-C", str(exempel), "--per", PER, "--skicka")
    assert svar.slutkod == 1, svar
    assert "rollen ”enhetschef barn och familj” har ingen adress" in svar.stderr
    assert smtp.brev == []


@pytest.mark.parametrize(
    ("miljo", "text"),
    [
        ({"KVALITET_SMTP_SERVER": ""}, "KVALITET_SMTP_SERVER"),
        ({"KVALITET_SMTP_PORT": "tjugofem"}, "ska vara ett portnummer"),
        ({"KVALITET_SMTP_ANVANDARE": "kvalitet", "KVALITET_SMTP_LOSENORD": "hemligt"},
         "erbjuder inte STARTTLS"),
        ({"KVALITET_SMTP_PORT": "1"}, "Kunde inte skicka över 127.0.0.1:1"),
    ],
)  # fmt: skip
def test_fel_i_smtp_ger_ett_svenskt_fel_och_inget_skickas(
    smtp: _Brevlada, monkeypatch: pytest.MonkeyPatch, miljo: dict[str, str], text: str
) -> None:
    for namn, varde in miljo.items():
        monkeypatch.setenv(namn, varde)
    svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, "--skicka")
    assert svar.slutkod == 2, svar
    assert text in svar.stderr and "Traceback" not in svar.stderr
    assert smtp.brev == []


def test_kontakter_ska_vara_adresser(exempel: Path) -> None:
    huset = exempel / "huset.yaml"
    text = huset.read_text(encoding="utf-8")
    huset.write_text(text.replace("bof.chef@alvbygden.example", "Anna på BoF"), "utf-8")
    svar = kor("kontrollera", str(exempel), "--per", PER)
    assert svar.slutkod == 1
    assert re.search(
        r"huset\.yaml:\d+:\d+: fel SCH001 Värdet för ”enhetschef barn och familj”: ”Anna på BoF”"
        r" är ingen e-postadress",
        svar.stdout,
    ), svar.stdout


def test_fel_anvandning() -> None:
    for argument, text in ((("--inom", "-3"), "--inom"), (("--format", "pdf"), "--format")):
        svar = kor("paminnelser", "-C", str(EXEMPEL), "--per", PER, *argument)
        assert svar.slutkod == 2 and text in svar.stderr, svar
