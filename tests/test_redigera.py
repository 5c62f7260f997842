"""`kvalitet redigera` (issue 20): formulären, skyddet och skrivningarna, genom HTTP.

Appen körs i testet med Starlettes testklient (samma ASGI-app som uvicorn kör).
"""

from __future__ import annotations

import re
from datetime import date
from html import unescape
from pathlib import Path
from typing import Any

import git
import pytest
from starlette.testclient import TestClient

from kvalitet import yamlio
from kvalitet.formular import sakerhet
from kvalitet.formular.app import Installning, skapa
from tests.conftest import PER, kor

NYCKEL = "testnyckel-123"
BAS = "http://127.0.0.1"
SESSIONEN = "arshjul/2026/omvarld.yaml"


@pytest.fixture
def mapp(exempel: Path) -> Path:
    """Exemplet med omvärldsbevakningens session 2026 startad."""
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(exempel)).slutkod == 0
    return exempel


def _klient(mapp: Path) -> TestClient:
    app = skapa(Installning(mapp, NYCKEL, date.fromisoformat(PER)))
    klient = TestClient(app, base_url=BAS, follow_redirects=False)
    svar = klient.get(f"/?nyckel={NYCKEL}")
    assert svar.status_code == 303 and svar.headers["location"] == "/"
    assert (
        "HttpOnly" in svar.headers["set-cookie"] and "SameSite=Strict" in svar.headers["set-cookie"]
    )
    return klient


def _falten(html: str) -> dict[str, str]:
    """Formulärets fält och värden som webbläsaren skulle skicka dem."""
    falt: dict[str, str] = {}
    for namn, varde in re.findall(
        r'<input type="(?:hidden|text|date)"[^>]*name="([^"]+)" value="([^"]*)"', html
    ):
        falt[namn] = unescape(varde)
    for namn, varde in re.findall(
        r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S
    ):
        falt[namn] = unescape(varde)
    ikryssade = r'<input type="checkbox"[^>]*name="([^"]+)" value="([^"]*)" checked'
    for namn, varde in re.findall(ikryssade, html):
        falt[namn] = unescape(varde)
    for namn, alternativ in re.findall(r'<select [^>]*name="([^"]+)">(.*?)</select>', html, re.S):
        valt = re.search(r'<option value="([^"]+)" selected>', alternativ)
        falt[namn] = valt[1] if valt else ""
    return falt


def _skicka(klient: TestClient, falt: dict[str, str], handling: str) -> Any:
    return klient.post("/rum/omvarld/2026", data={**falt, "handling": handling})


def test_sessionens_sida_visar_guidens_punkter_som_text(mapp: Path) -> None:
    sida = _klient(mapp).get("/rum/omvarld/2026").text
    assert "<h2>Syfte</h2>" in sida and "<h2>Förberedelser</h2>" in sida
    assert "punkt=" not in sida and "underpunkter=" not in sida
    assert "<li>Jämföra oss med andra</li>" in sida  # en underpunkt i omvärldsrummets syfte


def test_utan_nyckel_med_fel_host_eller_utan_csrf_nekas(mapp: Path) -> None:
    app = skapa(Installning(mapp, NYCKEL, date.fromisoformat(PER)))
    fore = (mapp / SESSIONEN).read_bytes()
    utan = TestClient(app, base_url=BAS, follow_redirects=False)
    assert utan.get("/").status_code == 403
    assert utan.get("/?nyckel=fel").status_code == 403
    assert utan.post("/rum/omvarld/2026", data={"svar-0": "x"}).status_code == 403
    klient = _klient(mapp)
    assert klient.get("/").status_code == 200
    assert klient.get("/", headers={"Host": "evil.example"}).status_code == 403
    assert klient.get("/", headers={"Host": "evil.example:8000"}).status_code == 403
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    falt["svar-0"] = "Ett svar som inte ska sparas."
    utan_csrf = {k: v for k, v in falt.items() if k != "csrf"}
    assert _skicka(klient, utan_csrf, "spara").status_code == 403
    assert _skicka(klient, {**falt, "csrf": "fel"}, "spara").status_code == 403
    stor = klient.post("/rum/omvarld/2026", content=b"x" * (sakerhet.STORSTA_FRAGA + 1),
                       headers={"Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert stor.status_code == 413
    assert (mapp / SESSIONEN).read_bytes() == fore


def test_bara_kanda_rum_och_ingen_vag_ur_fragan(mapp: Path) -> None:
    klient = _klient(mapp)
    assert klient.get("/rum/finns-inte/2026").status_code == 404
    assert klient.get("/rum/..%2F..%2Fhuset/2026").status_code == 404
    assert klient.get("/rum/omvarld/1066").status_code == 404
    okand = klient.get("/huset.yaml")
    assert okand.status_code == 404 and okand.text == "Sidan finns inte."
    assert klient.get("/arshjul/").status_code == 404
    assert klient.delete("/").text == "Sidan tar inte emot den sortens fråga."


def test_ett_ovantat_fel_blir_svenska_och_ingen_traceback(
    mapp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    klient = _klient(mapp)

    def trasig(*_: object, **__: object) -> None:
        raise RuntimeError("disken svarar inte")

    monkeypatch.setattr("kvalitet.formular.app.ladda", trasig)
    svar = klient.get("/")
    assert svar.status_code == 500
    assert "Sidan kunde inte visas" in svar.text and "Traceback" not in svar.text
    fel = capsys.readouterr().err
    assert "fel: / kunde inte visas (RuntimeError: disken svarar inte)." in fel
    assert "Traceback" not in fel


def test_svaren_och_tva_atgarder_sparas_och_resten_star_kvar(mapp: Path) -> None:
    klient = _klient(mapp)
    fore = (mapp / SESSIONEN).read_text(encoding="utf-8")
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    # En rad till för den andra åtgärden.
    falt = _falten(_skicka(klient, falt, "ny-rad").text)
    assert "atgard-1-åtgärd" in falt
    falt["svar-0"] = "Kolada visar att kostnaden ökar snabbare än i liknande kommuner."
    falt["svar-1"] = "Två nya lagkrav: socialtjänstlagen och\nbarnkonventionen."
    falt["atgard-0-id"] = "A1"
    falt["atgard-0-åtgärd"] = "Jämföra kostnaderna med gruppen varje kvartal."
    falt["atgard-0-ansvarig"] = "verksamhetschef"
    falt["atgard-0-klart_senast"] = "2027-03-31"
    falt["atgard-0-uppföljning"] = "2027-06-30"
    falt["atgard-1-id"] = "A2"
    falt["atgard-1-åtgärd"] = "Uppdatera lagkravslistan med de nya kraven."
    falt["atgard-1-ansvarig"] = "kvalitetssamordnare"
    falt["atgard-1-klart_senast"] = "2027-01-31"
    falt["atgard-1-uppföljning"] = "2027-04-30"
    falt["atgard-1-status"] = "pågår"
    svar = _skicka(klient, falt, "spara")
    assert svar.status_code == 200, svar.text
    assert "Sparat." in svar.text
    efter = (mapp / SESSIONEN).read_text(encoding="utf-8")
    data = yamlio.las(efter)
    fragor = data["orsaksanalys"]
    assert fragor[0]["svar"] == falt["svar-0"]
    assert fragor[1]["svar"] == "Två nya lagkrav: socialtjänstlagen och\nbarnkonventionen."
    assert all(f["svar"] is None for f in fragor[2:])
    plan = data["handlingsplan"]
    assert [a["id"] for a in plan] == ["A1", "A2"]
    assert plan[0]["klart_senast"] == date(2027, 3, 31) and plan[0]["status"] == "planerad"
    assert plan[1]["status"] == "pågår"
    # Kommentarerna och allt ovanför orsaksanalysen står kvar byte för byte.
    assert efter.split("orsaksanalys:")[0] == fore.split("orsaksanalys:")[0]
    kommentarer = [r.strip() for r in fore.splitlines() if r.strip().startswith("#")]
    assert [r.strip() for r in efter.splitlines() if r.strip().startswith("#")] == kommentarer
    # En sparning utan ändringar skriver inget.
    falt = _falten(svar.text)
    assert _skicka(klient, falt, "spara").status_code == 200
    assert (mapp / SESSIONEN).read_text(encoding="utf-8") == efter


def test_avsluta_med_ett_obesvarat_svar_visar_fyndet_vid_fragan(mapp: Path) -> None:
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    fragor = sorted(k for k in falt if k.startswith("svar-"))
    for namn in fragor[:-1]:
        falt[namn] = "Besvarad i sessionen."
    svar = _skicka(klient, falt, "avsluta")
    assert svar.status_code == 422
    sista = fragor[-1]
    # Fyndet står vid den obesvarade frågan, kopplat till fältet för skärmläsare.
    assert f'aria-describedby="{sista}-fynd"' in svar.text
    fyndet = re.search(rf'<div id="{sista}-fynd">(.*?)</div>', svar.text, re.S)
    assert fyndet and "fynd" in fyndet[1]
    assert yamlio.las((mapp / SESSIONEN).read_text(encoding="utf-8"))["status"] == "pågår"


def test_en_hel_session_avslutas_och_haller_for_kontrollen(mapp: Path) -> None:
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    for namn in [k for k in falt if k.startswith("svar-")]:
        falt[namn] = "Besvarad i sessionen med underlaget."
    falt["slutsatser"] = "Kostnaderna ökar; lagkraven behöver följas upp."
    falt["deltagare"] = "verksamhetschef, kvalitetssamordnare, brukarrepresentant"
    falt["datum"] = "2026-11-30"
    falt.update({"atgard-0-id": "A1", "atgard-0-åtgärd": "Följa upp kostnaderna kvartalsvis.",
                 "atgard-0-ansvarig": "verksamhetschef", "atgard-0-klart_senast": "2027-03-31",
                 "atgard-0-uppföljning": "2027-06-30"})  # fmt: skip
    svar = _skicka(klient, falt, "avsluta")
    assert svar.status_code == 200, svar.text
    assert "Sessionen är genomförd och sparad." in svar.text
    data = yamlio.las((mapp / SESSIONEN).read_text(encoding="utf-8"))
    assert data["status"] == "genomförd" and data["deltagare"][2] == "brukarrepresentant"
    kontroll = kor("kontrollera", str(mapp), "--per", PER)
    assert f"{SESSIONEN}:" not in kontroll.stdout.replace(str(mapp) + "/", ""), kontroll.stdout


def test_en_andring_pa_disken_skrivs_inte_over(mapp: Path) -> None:
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    fil = mapp / SESSIONEN
    andrad = fil.read_text(encoding="utf-8") + "# Ändrad i en editor under tiden.\n"
    fil.write_text(andrad, encoding="utf-8")
    falt["svar-0"] = "Skrivet i formuläret."
    svar = _skicka(klient, falt, "spara")
    assert svar.status_code == 409
    assert "har ändrats på disken" in svar.text and "Skrivet i formuläret." in svar.text
    assert fil.read_text(encoding="utf-8") == andrad


def test_ett_personnummer_vagras_med_ett_meddelande(mapp: Path) -> None:
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    fore = (mapp / SESSIONEN).read_bytes()
    falt["svar-0"] = "Gäller brukaren 19121212-1212 som flyttade."
    svar = _skicka(klient, falt, "spara")
    assert svar.status_code == 422
    assert "Inget har sparats" in svar.text and "personnummer" in svar.text.lower()
    assert (mapp / SESSIONEN).read_bytes() == fore


def test_arshjulet_visar_rummen_och_startar_en_session(exempel: Path) -> None:
    klient = _klient(exempel)
    sida = klient.get("/?ar=2026").text
    assert "Processer och rutiner" in sida and "Omvärldsbevakning" in sida
    assert '<form method="post" action="/rum/omvarld/2026/starta">' in sida
    csrf = re.search(r'name="csrf" value="([^"]+)"', sida)
    assert csrf
    assert klient.post("/rum/omvarld/2026/starta").status_code == 403
    svar = klient.post("/rum/omvarld/2026/starta", data={"csrf": csrf[1]})
    assert svar.status_code == 303 and svar.headers["location"] == "/rum/omvarld/2026"
    assert (exempel / SESSIONEN).is_file()
    assert 'href="/rum/omvarld/2026"' in klient.get("/?ar=2026").text


def test_en_befintlig_session_sparad_utan_andringar_ar_oforandrad(exempel: Path) -> None:
    klient = _klient(exempel)
    fil = exempel / "arshjul" / "2026" / "kompetens.yaml"
    fore = fil.read_bytes()
    sida = klient.get("/rum/kompetens/2026")
    assert sida.status_code == 200
    falt = _falten(sida.text)
    assert falt["atgard-1-id"] == "A2" and falt["atgard-1-klart_senast"] == "2026-11-15"
    svar = klient.post("/rum/kompetens/2026", data={**falt, "handling": "spara"})
    assert svar.status_code == 200, svar.text
    assert fil.read_bytes() == fore
    # En roll som inte längre är vald försvinner ur listan; inget annat ändras.
    roll = next(k for k, v in falt.items() if k.startswith("roll-") and v == "skyddsombud")
    utan = {k: v for k, v in falt.items() if k != roll}
    assert klient.post("/rum/kompetens/2026", data={**utan, "handling": "spara"}).status_code == 200
    assert fil.read_bytes() == fore.replace(b"  - skyddsombud\n", b"")
    fil.write_bytes(fore)
    falt = _falten(klient.get("/rum/kompetens/2026").text)
    # En ändrad status på en rad ändrar bara den raden.
    falt["atgard-1-status"] = "klar"
    assert klient.post("/rum/kompetens/2026", data={**falt, "handling": "spara"}).status_code == 200
    fore_rader, efter_rader = fore.decode().splitlines(), fil.read_text("utf-8").splitlines()
    skillnad = [(a, b) for a, b in zip(fore_rader, efter_rader, strict=True) if a != b]
    assert len(skillnad) == 1 and skillnad[0][1].strip() == "status: klar", skillnad


def test_spara_pa_en_gren_checkar_in_och_sager_hur_den_skickas(
    exempel_pa_gren: git.Repo,
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    exempel_pa_gren.git.checkout("main")
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(mapp)).slutkod == 0
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    falt["svar-0"] = "Svar som checkas in på grenen."
    svar = _skicka(klient, falt, "gren")
    assert svar.status_code == 200, svar.text
    assert "git push -u origin arshjul/2026-omvarld" in svar.text
    assert exempel_pa_gren.active_branch.name == "arshjul/2026-omvarld"
    senaste = exempel_pa_gren.head.commit
    assert str(senaste.message).startswith("Årshjulet 2026: sessionen för Omvärldsbevakning")
    assert SESSIONEN in senaste.stats.files
    assert not exempel_pa_gren.is_dirty(untracked_files=True)
    # En gren som redan finns, eller andra ändringar i arbetsträdet: inget sparas.
    falt = _falten(svar.text)
    falt["svar-1"] = "Ett svar till."
    nekad = _skicka(klient, falt, "gren")
    assert nekad.status_code == 422 and "Grenen arshjul/2026-omvarld finns redan" in nekad.text
    exempel_pa_gren.git.checkout("main")
    (mapp / "garaget.yaml").write_text(
        (mapp / "garaget.yaml").read_text(encoding="utf-8") + "# ändrad\n", encoding="utf-8"
    )
    exempel_pa_gren.git.branch("-D", "arshjul/2026-omvarld")
    assert kor("arshjul", "starta", "omvarld", "--ar", "2026", "-C", str(mapp)).slutkod == 0
    klient = _klient(mapp)
    falt = _falten(klient.get("/rum/omvarld/2026").text)
    falt["svar-1"] = "Ett svar till."
    nekad = _skicka(klient, falt, "gren")
    assert nekad.status_code == 422
    assert "ändringar som inte är incheckade: garaget.yaml" in nekad.text
    assert "arshjul/2026-omvarld" not in [h.name for h in exempel_pa_gren.heads]


def test_ny_avvikelse_och_garaget_i_formularen(exempel: Path) -> None:
    klient = _klient(exempel)
    sida = klient.get("/avvikelse/ny").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', sida)
    assert csrf and '<label for="beskrivning">' in sida
    data = {"csrf": csrf[1], "typ": "klagomål", "rum": "trygghet", "inkom": "2026-11-28",
            "beskrivning": "En närstående fick inget svar på sitt mejl på tre veckor.",
            "kalla": "närstående"}  # fmt: skip
    svar = klient.post("/avvikelse/ny", data=data)
    assert svar.status_code == 200, svar.text
    fil = re.search(r"Registrerade (2026-\S+) i (avvikelser/2026/\S+\.yaml)\.", svar.text)
    assert fil, svar.text
    arende = yamlio.las((exempel / fil[2]).read_text(encoding="utf-8"))
    assert arende["typ"] == "klagomål" and arende["källa"] == "närstående"
    assert kor("kontrollera", str(exempel), "--per", PER).stdout.count(fil[2] + ":") == 0
    # Ett personnummer vägras, och inget utan CSRF.
    nekad = klient.post("/avvikelse/ny", data={**data, "beskrivning": "Gäller 19121212-1212."})
    assert nekad.status_code == 422 and "Inget har sparats" in nekad.text
    assert klient.post("/avvikelse/ny", data={**data, "csrf": ""}).status_code == 403
    fore = (exempel / "garaget.yaml").read_text(encoding="utf-8")
    svar = klient.post("/garage/parkera", data={"csrf": csrf[1], "rubrik": "Fler tolkar behövs",
                                                "typ": "behov", "rum": "samverkan"})  # fmt: skip
    assert svar.status_code == 200 and "Parkerade G" in svar.text, svar.text
    efter = (exempel / "garaget.yaml").read_text(encoding="utf-8")
    assert efter.startswith(fore.rstrip("\n")) and "Fler tolkar behövs" in efter


def test_laget_visas_som_tabeller(exempel: Path) -> None:
    klient = _klient(exempel)
    sida = klient.get("/status")
    assert sida.status_code == 200
    assert sida.text.count("<table>") >= 3 and "Processer och rutiner" in sida.text
    assert klient.post("/status").status_code == 405


def test_kommandot_startar_servern_och_stoppas_med_ctrl_c(mapp: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-u", "-m", "kvalitet", "redigera", "-C", str(mapp), "--port", str(port),
         "--ingen-webblasare", "--per", PER],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )  # fmt: skip
    try:
        assert process.stdout is not None
        rader = [process.stdout.readline() for _ in range(3)]
        adress = rader[1].strip()
        assert adress.startswith(f"http://127.0.0.1:{port}/?nyckel="), rader
        with httpx.Client(follow_redirects=True) as klient:
            for _ in range(100):
                try:
                    svar = klient.get(adress)
                    break
                except httpx.ConnectError:
                    time.sleep(0.05)
            assert svar.status_code == 200 and "Årshjulet" in svar.text
            assert (
                klient.get(
                    f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"}
                ).status_code
                == 403
            )
        process.send_signal(signal.SIGINT)
        ut, fel = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, fel
    assert "Servern har stoppats." in ut and "Traceback" not in fel


def test_kommandot_med_fel_port(mapp: Path) -> None:
    svar = kor("redigera", "-C", str(mapp), "--port", "70000", "--ingen-webblasare")
    assert svar.slutkod == 2 and "--port" in svar.stderr
