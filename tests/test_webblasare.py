"""Kvalitetsberättelsen i en riktig webbläsare (Debians chromium, utan skärm).

.ci/run installerar chromium och chromedriver och sätter KVALITET_KRAV_WEBBLASARE=1,
så att testet där underkänns i stället för att hoppas över om webbläsaren saknas.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kvalitet.rapporter.alla import RAPPORTER
from tests.conftest import EXEMPEL, PER, ROT, kor

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
KRAV = os.environ.get("KVALITET_KRAV_WEBBLASARE") == "1"

if not (CHROMIUM and DRIVER) and not KRAV:
    pytest.skip(
        "chromium och chromedriver saknas; installera dem för att köra webbläsartestet:"
        " sudo apt install chromium chromium-driver",
        allow_module_level=True,
    )


@pytest.fixture
def webblasare(tmp_path: Path) -> Iterator[Any]:
    """En chromium utan skärm, utan nätverk i bakgrunden och med konsolens loggar."""
    assert CHROMIUM and DRIVER, "chromium och chromedriver krävs (se .ci/run)"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    val = webdriver.ChromeOptions()
    val.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profil'}",
        "--window-size=1280,1000",
    ):
        val.add_argument(argument)
    val.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drivrutin = webdriver.Chrome(options=val, service=Service(executable_path=DRIVER))
    try:
        yield drivrutin
    finally:
        drivrutin.quit()


def _berattelsen(tmp_path: Path) -> Path:
    ut = tmp_path / "kvalitetsberattelse-2026.html"
    svar = kor(
        "rapport",
        "kvalitetsberattelse",
        "-C",
        str(EXEMPEL),
        "--ar",
        "2026",
        "--per",
        PER,
        "--format",
        "html",
        "--ut",
        str(ut),
    )
    assert svar.slutkod == 0, svar
    return ut


def test_huset_syns_och_sidan_har_inga_konsolfel(tmp_path: Path, webblasare: Any) -> None:
    from selenium.webdriver.common.by import By

    webblasare.get(_berattelsen(tmp_path).as_uri())
    huset = webblasare.find_elements(By.CSS_SELECTOR, "figure svg")[0]
    assert huset.is_displayed()
    assert huset.size["width"] > 300 and huset.size["height"] > 200, huset.size
    resurser = webblasare.execute_script("return performance.getEntriesByType('resource')")
    assert resurser == [], "sidan ska inte ladda något utifrån"
    bild = tmp_path / "kvalitetsberattelse.png"
    assert webblasare.save_screenshot(str(bild))
    assert bild.stat().st_size > 10_000
    fel = [rad for rad in webblasare.get_log("browser") if rad["level"] in ("SEVERE", "WARNING")]
    assert fel == [], fel


def test_sidan_gar_att_lasa_pa_en_telefon(tmp_path: Path, webblasare: Any) -> None:
    webblasare.set_window_size(390, 844)
    webblasare.get(_berattelsen(tmp_path).as_uri())
    bredd = webblasare.execute_script("return document.documentElement.scrollWidth")
    fonster = webblasare.execute_script("return window.innerWidth")
    assert bredd <= fonster, f"sidan är {bredd} px bred i ett fönster på {fonster} px"
    webblasare.save_screenshot(str(tmp_path / "telefon.png"))


def test_utskrift_till_pdf_ger_ett_dokument_pa_flera_sidor(tmp_path: Path, webblasare: Any) -> None:
    import base64

    from selenium.webdriver.common.print_page_options import PrintOptions

    webblasare.get(_berattelsen(tmp_path).as_uri())
    val = PrintOptions()
    val.page_height, val.page_width = 29.7, 21.0  # A4 i centimeter
    pdf = base64.b64decode(webblasare.print_page(val))
    (tmp_path / "kvalitetsberattelse.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") > 3
    har_utskriftsstil = webblasare.execute_script(
        "return [...document.styleSheets].some(s => [...s.cssRules].some("
        "r => r.media && r.media.mediaText === 'print'))"
    )
    assert har_utskriftsstil, "stilen ska ha regler för utskrift"


@pytest.mark.parametrize(
    "rapport",
    [("rapport", "egenkontroll"), ("rapport", "kvalitetsberattelse"), ("samla",)],
    ids=["egenkontroll", "kvalitetsberattelse", "samla"],
)
def test_tabellerna_ryms_i_1280_px_och_nas_med_tangentbordet(
    tmp_path: Path, webblasare: Any, rapport: tuple[str, ...]
) -> None:
    # issue 14.8: egenkontrollens ”Läge” och samlas ”Förvaltningen” klipptes.
    ut = tmp_path / "rapport.html"
    kallor = (
        ["-C", str(EXEMPEL)]
        if rapport[0] == "rapport"
        else [str(EXEMPEL), str(EXEMPEL.parent / "exempel-funktionsstod")]
    )
    argument = [*rapport, *kallor, "--ar", "2026", "--per", PER, "--ut", str(ut)]
    if rapport[0] == "rapport":
        argument += ["--format", "html"]
    assert kor(*argument).slutkod == 0
    webblasare.set_window_size(1280, 1000)
    webblasare.get(ut.as_uri())
    tabeller = webblasare.execute_script(
        "return [...document.querySelectorAll('.tabell')].map(e => [e.getAttribute('aria-label'),"
        " e.scrollWidth, e.clientWidth, e.tabIndex, e.getAttribute('role')])"
    )
    assert tabeller
    for etikett, bredd, synlig, tabb, roll in tabeller:
        assert bredd <= synlig, f"{etikett}: {bredd} px i {synlig} px"
        assert etikett and tabb == 0 and roll == "region", (etikett, tabb, roll)


def _alla_sidor(tmp_path: Path) -> list[Path]:
    """Varje HTML-sida kvalitet skriver: webbplatsen, varje rapport och samla."""
    sidor = sorted(_webbplatsen(tmp_path).rglob("*.html"))
    for namn in sorted(RAPPORTER):
        ut = tmp_path / "rapporter" / f"{namn}.html"
        rum = ["omvarld"] if namn == "rum" else []
        svar = kor("rapport", namn, *rum, "-C", str(EXEMPEL), "--per", PER, "--format", "html",
                   "--ut", str(ut))  # fmt: skip
        assert svar.slutkod == 0, svar
        sidor.append(ut)
    ut = tmp_path / "forvaltning.html"
    svar = kor("samla", str(EXEMPEL), str(ROT / "exempel-funktionsstod"), "--per", PER,
               "--ut", str(ut))  # fmt: skip
    assert svar.slutkod in (0, 1), svar
    return [*sidor, ut]


def _webbplatsen(tmp_path: Path) -> Path:
    ut = tmp_path / "webb"
    svar = kor("rapport", "webb", "-C", str(EXEMPEL), "--per", PER, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    return ut


def test_sokningen_hittar_ett_ord_i_en_rutins_text(tmp_path: Path, webblasare: Any) -> None:
    from selenium.webdriver.common.by import By

    webb = _webbplatsen(tmp_path)
    # Ordet står bara i brödtexten i rutinen för tolkbokning, inte i någon titel.
    texter = {p.name: p.read_text("utf-8") for p in (EXEMPEL / "styrdokument").glob("*.md")}
    assert [namn for namn, text in texter.items() if "tolkförmedling" in text.lower()] == [
        "rutin-tolkbokning.md"
    ]
    webblasare.get((webb / "styrdokument/index.html").as_uri())
    falt = webblasare.find_element(By.ID, "sok")
    falt.send_keys("Tolkförmedling")
    traffar = webblasare.find_elements(By.CSS_SELECTOR, "#sokresultat li a")
    assert [(a.text, a.get_attribute("href")) for a in traffar] == [
        ("Rutin för tolkbokning", (webb / "styrdokument/rutin-tolkbokning.html").as_uri())
    ]
    status = webblasare.find_element(By.ID, "sokstatus").text
    assert status == "1 dokument innehåller ”Tolkförmedling”."
    utdrag = webblasare.find_element(By.CSS_SELECTOR, "#sokresultat li p").text
    assert "tolkförmedling" in utdrag
    traffar[0].click()
    assert webblasare.find_element(By.TAG_NAME, "h1").text == "Rutin för tolkbokning"
    # Två ord: båda måste finnas; ett ord som inte finns ger inga träffar.
    webblasare.get((webb / "styrdokument/index.html").as_uri() + "?sok=lex+sarah")
    titlar = [a.text for a in webblasare.find_elements(By.CSS_SELECTOR, "#sokresultat li a")]
    assert titlar[0] == "Rutin för lex Sarah", titlar
    falt = webblasare.find_element(By.ID, "sok")
    falt.clear()
    falt.send_keys("zyxwvu")
    assert webblasare.find_elements(By.CSS_SELECTOR, "#sokresultat li") == []
    assert "Inget styrdokument innehåller" in webblasare.find_element(By.ID, "sokstatus").text
    resurser = webblasare.execute_script("return performance.getEntriesByType('resource')")
    assert resurser == [], "sidan ska inte ladda något utifrån"
    fel = [rad for rad in webblasare.get_log("browser") if rad["level"] in ("SEVERE", "WARNING")]
    assert fel == [], fel


def test_ett_styrdokuments_sida_med_tabell_och_lankar(tmp_path: Path, webblasare: Any) -> None:
    from selenium.webdriver.common.by import By

    webb = _webbplatsen(tmp_path)
    webblasare.get((webb / "styrdokument/process-handlaggning-ansokan.html").as_uri())
    assert webblasare.find_elements(By.CSS_SELECTOR, "article .tabell table tbody tr")
    lank = webblasare.find_element(By.LINK_TEXT, "Rutin för tolkbokning")
    lank.click()
    assert webblasare.find_element(By.TAG_NAME, "h1").text == "Rutin för tolkbokning"
    hit = webblasare.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=hanvisar-hit] a")
    assert "Processbeskrivning – handläggning av ansökan" in [a.text for a in hit]
    bredd = webblasare.execute_script("return document.documentElement.scrollWidth")
    assert bredd <= webblasare.execute_script("return window.innerWidth")


AXE = ROT / ".verktyg" / "node_modules" / "axe-core" / "axe.min.js"
"""axe-core 4 från npm; .ci/run installerar den (npm install --prefix .verktyg axe-core@4)."""
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
"""WCAG 2.0 och 2.1, nivå A och AA (lagen om tillgänglighet till digital offentlig service)."""


def _axe_brott(webblasare: Any) -> list[str]:
    """Brotten mot WCAG 2.0 och 2.1 A och AA som axe-core 4 hittar på sidan som visas."""
    webblasare.execute_script(AXE.read_text(encoding="utf-8"))
    svaret = webblasare.execute_async_script(
        "const klar = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(r => klar({version: axe.version, brott: r.violations.map("
        "v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))}));",
        WCAG,
    )
    assert svaret["version"].startswith("4."), svaret["version"]
    return list(svaret["brott"])


def test_varje_sida_klarar_wcag_21_aa_enligt_axe(tmp_path: Path, webblasare: Any) -> None:
    if not AXE.is_file():
        if KRAV:
            pytest.fail(f"{AXE} saknas; .ci/run installerar den")
        pytest.skip("axe-core saknas; installera: npm install --prefix .verktyg axe-core@4")
    sidor = _alla_sidor(tmp_path)
    brott: dict[str, list[str]] = {}
    for sida in sidor:
        webblasare.get(sida.as_uri())
        if fel := _axe_brott(webblasare):
            brott[str(sida.relative_to(tmp_path))] = fel
    assert len(sidor) > 60, "hela webbplatsen, rapporterna och samla"
    assert brott == {}


def test_varje_sida_gar_att_forstora_till_200_procent(tmp_path: Path, webblasare: Any) -> None:
    # WCAG 1.4.4 och 1.4.10: 200 % i ett fönster 1280 px brett är 640 CSS-pixlar med dubbel
    # pixeltäthet. Sidan får inte rulla i sidled (en bred tabell rullar i sin egen ruta).
    webblasare.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 640, "height": 500, "deviceScaleFactor": 2, "mobile": False},
    )
    sidor = _alla_sidor(tmp_path)
    for_breda: dict[str, tuple[int, int]] = {}
    for sida in sidor:
        webblasare.get(sida.as_uri())
        bredd, synlig, fonster = webblasare.execute_script(
            "const d = document.documentElement;"
            " return [d.scrollWidth, d.clientWidth, window.innerWidth];"
        )
        assert fonster == 640
        if bredd > synlig:
            for_breda[str(sida.relative_to(tmp_path))] = (bredd, synlig)
    assert len(sidor) > 60
    assert for_breda == {}


@pytest.fixture
def redigeraren(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`kvalitet redigera` (samma app och uvicorn) på en ledig port, i en kopia av exemplet."""
    import socket
    import threading
    import time

    import git
    import uvicorn

    from kvalitet.formular.app import Installning, skapa

    mapp = tmp_path / "verksamhet"
    shutil.copytree(EXEMPEL, mapp, ignore=shutil.ignore_patterns("cache"))
    repo = git.Repo.init(mapp, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Exemplet")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    nyckel = "chromium-nyckel"
    app = skapa(Installning(mapp, nyckel, date.fromisoformat(PER)))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    trad = threading.Thread(target=server.run, daemon=True)
    trad.start()
    for _ in range(100):
        if server.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}/?nyckel={nyckel}", mapp
    finally:
        server.should_exit = True
        trad.join(timeout=10)


def test_en_session_fylls_i_och_avslutas_i_formularet(
    redigeraren: tuple[str, Path], webblasare: Any
) -> None:
    import git
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    from kvalitet import yamlio

    vanta = WebDriverWait(webblasare, 15, ignored_exceptions=(WebDriverException,))

    def klicka(css: str) -> None:
        """Klicka på en knapp som skickar formuläret och vänta på den nya sidan."""
        gamla = vanta.until(lambda d: d.find_element(By.TAG_NAME, "html"))
        vanta.until(lambda d: d.find_element(By.CSS_SELECTOR, css).click() or True)
        vanta.until(expected_conditions.staleness_of(gamla))

    adress, mapp = redigeraren
    webblasare.get(adress)
    vanta.until(expected_conditions.title_contains("Årshjulet"))
    klicka('form[action="/rum/omvarld/2026/starta"] button')
    fil = mapp / "arshjul" / "2026" / "omvarld.yaml"
    fore = fil.read_text(encoding="utf-8")
    fragor = webblasare.find_elements(By.CSS_SELECTOR, "textarea[name^=svar-]")
    assert len(fragor) >= 3
    for i, fraga in enumerate(fragor):
        fraga.send_keys(f"Svar {i + 1} ur underlaget.")
    webblasare.find_element(By.ID, "slutsatser").send_keys("Kostnaderna ökar; följ upp dem.")
    webblasare.find_element(By.ID, "deltagare").send_keys("verksamhetschef, brukarrepresentant")
    webblasare.execute_script("document.getElementById('datum').value = '2026-11-30';")

    def rad(n: int, varden: dict[str, str]) -> None:
        for falt, varde in varden.items():
            element = webblasare.find_element(By.ID, f"atgard-{n}-{falt}")
            if element.get_attribute("type") == "date":
                webblasare.execute_script("arguments[0].value = arguments[1];", element, varde)
            else:
                element.send_keys(varde)

    rad(0, {"id": "A1", "åtgärd": "Följa upp kostnaderna varje kvartal.",
            "ansvarig": "verksamhetschef", "klart_senast": "2027-03-31",
            "uppföljning": "2027-06-30"})  # fmt: skip
    klicka("button[value=ny-rad]")
    rad(1, {"id": "A2", "åtgärd": "Uppdatera lagkravslistan.", "ansvarig": "kvalitetssamordnare",
            "klart_senast": "2027-01-31", "uppföljning": "2027-04-30"})  # fmt: skip
    klicka("button[value=gren]")
    besked = webblasare.find_element(By.TAG_NAME, "main").text
    assert "git push -u origin arshjul/2026-omvarld" in besked
    logg = git.Repo(mapp).git.log("arshjul/2026-omvarld", "--format=%s", "-1")
    assert logg == "Årshjulet 2026: sessionen för Omvärldsbevakning ifylld i formuläret"
    data = yamlio.las(fil.read_text(encoding="utf-8"))
    assert data["orsaksanalys"][0]["svar"] == "Svar 1 ur underlaget."
    assert [a["id"] for a in data["handlingsplan"]] == ["A1", "A2"]
    # Allt ovanför orsaksanalysen står kvar, utom datumet och deltagarna som fylldes i.
    orort = [r for r in fore.split("orsaksanalys:")[0].splitlines()
             if not r.startswith(("datum:", "deltagare:"))]  # fmt: skip
    efter = fil.read_text(encoding="utf-8").split("orsaksanalys:")[0].splitlines()
    nya = ("datum:", "deltagare:", "  - verksamhetschef", "  - brukarrepresentant")
    assert [r for r in efter if not r.startswith(nya)] == orort
    klicka("button[value=avsluta]")
    assert "Sessionen är genomförd" in webblasare.find_element(By.TAG_NAME, "main").text
    assert yamlio.las(fil.read_text(encoding="utf-8"))["status"] == "genomförd"
    kontroll = kor("kontrollera", str(mapp), "--per", PER)
    assert "arshjul/2026/omvarld.yaml:" not in kontroll.stdout, kontroll.stdout
    # Formulären klarar WCAG 2.1 AA enligt axe-core.
    if AXE.is_file():
        rot = adress.split("?")[0]
        for sida in (rot, f"{rot}rum/omvarld/2026", f"{rot}status", f"{rot}avvikelse/ny",
                     f"{rot}garage/parkera"):  # fmt: skip
            webblasare.get(sida)
            assert _axe_brott(webblasare) == [], sida
