"""BUUUU-varvets frågor med brukarnas svar, ett avslutat varv (BUU002) och ”N av 5 steg”.

Hjulet har fem steg – Behov, Uppdrag, Utbud, Utförande, Utfall – och utvärderingen
sluter varvet tillbaka till behovet (issue 16, punkt 6).
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from kvalitet import kontroll, yamlio
from kvalitet.modell.buuuu import HJULET, STEG, UTVARDERING, BuuuuVarv
from tests.conftest import PER, bygg_tradet, kor

VARV = "buuuu/sysselsattning.yaml"
# Fyndets väg skrivs relativt arbetsmappen; det räcker att den slutar på buuuu/<id>.yaml.
BUU002 = re.compile(r"\b(buuuu/[^/\s:]+\.yaml):(\d+):(\d+): fel BUU002 ")


@pytest.fixture(autouse=True)
def _utan_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    # kvalitet frågar bara i en terminal; testerna ska aldrig hamna i en fråga.
    monkeypatch.setattr("sys.stdin", io.StringIO())


def kontrollera(mapp: Path) -> tuple[int, list[tuple[str, int]], str]:
    """Slutkoden, BUU002-fynden som (fil, rad) och hela utdata, från CLI:t."""
    svar = kor("kontrollera", str(mapp), "--per", PER, "--ingen-cache")
    funna = [(fil, int(rad)) for fil, rad, _ in BUU002.findall(svar.stdout)]
    return svar.slutkod, funna, str(svar)


def fynd(rot: Path, regel: str = "BUU002") -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(PER))
    return [(b.fynd.fil, b.fynd.rad, b.fynd.regel) for b in resultat.fynd if b.fynd.regel == regel]


def rad_for(text: str, borjan: str, efter: int = 0) -> int:
    """Radnumret (från 1) för den första raden efter rad `efter` som börjar med `borjan`."""
    rader = text.splitlines()
    return next(i for i in range(efter, len(rader)) if rader[i].startswith(borjan)) + 1


def ta_bort_text(yaml: str, steg: str) -> str:
    """Ta bort stegets (indragna) text, så att steget inte längre är genomarbetat."""
    monster = rf"^{steg}:\n  text: >-\n(?:    .*\n)+"
    ny, antal = re.subn(monster, f"{steg}:\n  text:\n", yaml, count=1, flags=re.MULTILINE)
    assert antal == 1, steg
    return ny


# Must-show: exemplet är ett avslutat varv.


def test_exemplets_varv_ar_avslutat_och_komplett_utan_fel(exempel: Path) -> None:
    varv = BuuuuVarv.model_validate(yamlio.las((exempel / VARV).read_text("utf-8")))
    assert varv.avslutat is not None
    assert varv.genomarbetade() == list(HJULET)
    assert varv.utvarderat()
    slutkod, funna, utdata = kontrollera(exempel)
    assert (slutkod, funna) == (0, []), utdata


def test_avslutat_varv_med_ogenomarbetat_steg_ger_fel_pa_stegets_rad(exempel: Path) -> None:
    fil = exempel / VARV
    text = ta_bort_text(fil.read_text("utf-8"), "utbud")
    fil.write_text(text, "utf-8")
    slutkod, funna, utdata = kontrollera(exempel)
    assert slutkod == 1, utdata
    assert funna == [(VARV, rad_for(text, "utbud:"))], utdata


def test_utan_avslutat_ar_ett_ogenomarbetat_steg_inget_fel(exempel: Path) -> None:
    fil = exempel / VARV
    text = ta_bort_text(fil.read_text("utf-8"), "utbud").replace("avslutat: 2026-11-12\n", "")
    fil.write_text(text, "utf-8")
    slutkod, funna, utdata = kontrollera(exempel)
    assert (slutkod, funna) == (0, []), utdata


def test_obesvarad_fraga_i_exemplet_ger_fel_pa_fragans_rad(exempel: Path) -> None:
    fil = exempel / VARV
    text = fil.read_text("utf-8")
    start = rad_for(text, "utförande:")
    fraga = rad_for(text, "    - fråga: Vad tycker brukarna att vi kan bli bättre på?", start)
    rader = text.splitlines(keepends=True)
    assert rader[fraga].startswith("      svar: >-")
    # Svaret blir tomt: raden med svar och dess indragna fortsättning tas bort.
    slut = fraga + 1
    while rader[slut].startswith("        "):
        slut += 1
    text = "".join([*rader[:fraga], "      svar:\n", *rader[slut:]])
    fil.write_text(text, "utf-8")
    slutkod, funna, utdata = kontrollera(exempel)
    assert slutkod == 1, utdata
    assert funna == [(VARV, fraga)], utdata


# BUU002 i en liten verksamhet.

HUVUD = """\
id: v
namn: Varvet
startad: 2026-01-20
avslutat: 2026-11-12
"""


def steget(namn: str, text: str | None = "Det som kom fram.", svar: str | None = "Svaret.") -> str:
    rader = [f"{namn}:", f"  text: {text}" if text else "  text:", "  frågor:"]
    rader += ["    - fråga: Hur?", f"      svar: {svar}" if svar else "      svar:"]
    if namn == UTVARDERING:
        rader.append("  jämfört_med_behov: Hälften då, en tredjedel nu.")
    return "\n".join(rader) + "\n"


def varvet(**andrat: str) -> str:
    return HUVUD + "".join(andrat.get(namn, steget(namn)) for namn in STEG)


def test_ett_komplett_avslutat_varv_har_inget_fel(liten: Path) -> None:
    bygg_tradet(liten, {"buuuu/v.yaml": varvet()})
    assert fynd(liten, "SCH001") == []
    assert fynd(liten) == []


@pytest.mark.parametrize(
    ("andrat", "borjan"),
    [
        ({"uppdrag": steget("uppdrag", text=None)}, "uppdrag:"),
        ({"utfall": "utfall:\n"}, "utfall:"),  # steget står kvar utan innehåll
        ({"utfall": ""}, "avslutat:"),  # steget saknas helt: fyndet på avslutat
        ({"behov": steget("behov", svar=None)}, "    - fråga: Hur?"),
        ({"behov": steget("behov", svar='"   "')}, "    - fråga: Hur?"),
    ],
    ids=["utan-text", "tomt-steg", "steget-saknas", "obesvarad", "blankt-svar"],
)
def test_buu002_pekar_pa_det_som_saknas(liten: Path, andrat: dict[str, str], borjan: str) -> None:
    text = varvet(**andrat)
    bygg_tradet(liten, {"buuuu/v.yaml": text})
    assert fynd(liten) == [("buuuu/v.yaml", rad_for(text, borjan), "BUU002")]


def test_utvarderingen_utan_jamforelse_med_behovet(liten: Path) -> None:
    utan = steget(UTVARDERING).replace("  jämfört_med_behov: Hälften då, en tredjedel nu.\n", "")
    text = varvet(utvärdering=utan)
    bygg_tradet(liten, {"buuuu/v.yaml": text})
    assert fynd(liten) == [("buuuu/v.yaml", rad_for(text, "utvärdering:"), "BUU002")]
    tom = utan + "  jämfört_med_behov:\n"
    text = varvet(utvärdering=tom)
    bygg_tradet(liten, {"buuuu/v.yaml": text})
    assert fynd(liten) == [("buuuu/v.yaml", rad_for(text, "  jämfört_med_behov:"), "BUU002")]


def test_ett_tomt_steg_ger_ett_fel_for_texten_och_ett_per_fraga(liten: Path) -> None:
    text = varvet(utbud=steget("utbud", text=None, svar=None))
    bygg_tradet(liten, {"buuuu/v.yaml": text})
    assert fynd(liten) == [
        ("buuuu/v.yaml", rad_for(text, "utbud:"), "BUU002"),
        ("buuuu/v.yaml", rad_for(text, "    - fråga", rad_for(text, "utbud:")), "BUU002"),
    ]


def test_ett_varv_som_inte_ar_avslutat_far_vara_ofardigt(liten: Path) -> None:
    text = varvet(utbud=steget("utbud", text=None, svar=None), utfall="")
    bygg_tradet(liten, {"buuuu/v.yaml": text.replace("avslutat: 2026-11-12\n", "")})
    assert fynd(liten) == []


# Bakåtkompatibelt: frågor som bara är text är frågor utan svar.


def test_fragor_som_bara_ar_text_galler_som_obesvarade(liten: Path) -> None:
    gammal = "behov:\n  text: Behovet.\n  frågor:\n    - Hur beskriver de sin situation?\n"
    text = varvet(behov=gammal)
    bygg_tradet(liten, {"buuuu/v.yaml": text})
    assert fynd(liten, "SCH001") == []
    assert fynd(liten) == [("buuuu/v.yaml", rad_for(text, "    - Hur beskriver"), "BUU002")]
    bygg_tradet(liten, {"buuuu/v.yaml": text.replace("avslutat: 2026-11-12\n", "")})
    assert fynd(liten) == []


def test_modellen_gor_en_fraga_utan_svar_av_en_text() -> None:
    varv = BuuuuVarv.model_validate(
        {"id": "v", "namn": "V", "behov": {"text": "B", "frågor": ["Hur?", {"fråga": "Var?"}]}}
    )
    assert [(f.fråga, f.svar) for f in varv.behov.frågor] == [("Hur?", None), ("Var?", None)]
    assert varv.behov.obesvarade() == [0, 1]
    assert not varv.behov.genomarbetat()
    assert varv.genomarbetade() == []


# Dåliga indata: fel i schemat med fil och rad, aldrig en traceback.


@pytest.mark.parametrize(
    ("ersatt", "med"),
    [
        ("    - fråga: Hur?\n      svar: Svaret.\n", "    - 3\n"),
        ("    - fråga: Hur?\n      svar: Svaret.\n", "    - svar: Svaret.\n"),
        ("    - fråga: Hur?\n      svar: Svaret.\n", "    - fråga: Hur?\n      svar: [a, b]\n"),
        ("    - fråga: Hur?\n      svar: Svaret.\n", '    - ""\n'),
        ("avslutat: 2026-11-12", "avslutat: i morgon"),
        ("  text: Det som kom fram.\n", "  text: Det.\n  jämfört_med_behov: Fel steg.\n"),
    ],
    ids=["tal", "utan-fraga", "svar-lista", "tom-fraga", "avslutat-inte-datum", "fel-steg"],
)
def test_dalig_fraga_eller_avslutat_ar_ett_schemafel(liten: Path, ersatt: str, med: str) -> None:
    text = varvet()
    assert ersatt in text
    bygg_tradet(liten, {"buuuu/v.yaml": text.replace(ersatt, med, 1)})
    svar = kor("kontrollera", str(liten), "--per", PER, "--ingen-cache")
    assert svar.slutkod == 1, svar
    assert re.search(r"\bbuuuu/v\.yaml:\d+:\d+: fel SCH001 ", svar.stdout), svar
    assert "Traceback" not in str(svar)


def test_modellen_avvisar_jamforelse_utanfor_utvarderingen() -> None:
    with pytest.raises(ValidationError):
        BuuuuVarv.model_validate(
            {"id": "v", "namn": "V", "behov": {"text": "B", "jämfört_med_behov": "Fel."}}
        )


# Status, kvalitetsberättelsen och webbsidan: ”N av 5 steg” och utvärderingen.


def test_status_visar_besvarade_fragor_och_att_ett_steg_med_obesvarad_fraga_inte_ar_klart(
    exempel: Path,
) -> None:
    assert kor("buuuu", "starta", "unga", "--namn", "Unga", "-C", str(exempel)).slutkod == 0
    fil = exempel / "buuuu/unga.yaml"
    fil.write_text(fil.read_text("utf-8").replace("  text:\n", "  text: Behovet.\n", 1), "utf-8")
    svar = kor("buuuu", "status", "unga", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert re.search(r"^\s*Behov\s+nej\s+0 av 1\s", svar.stdout, re.M), svar
    assert re.search(r"^\s*Uppdrag\s+nej\s+0 av 3\s", svar.stdout, re.M), svar
    assert "Nästa steg: behov" in svar.stdout


def test_kvalitetsberattelsen_raknar_fem_steg_och_utvarderingen(
    exempel: Path, tmp_path: Path
) -> None:
    ut = tmp_path / "kb.md"
    argv = ("--ar", "2026", "--per", PER, "--format", "md", "--ut", str(ut))
    assert kor("rapport", "kvalitetsberattelse", "-C", str(exempel), *argv).slutkod == 0
    text = " ".join(ut.read_text("utf-8").split())
    assert "5 av 5 steg genomarbetade. Utvärderingen har jämfört nuläget" in text
    assert "av 6 steg" not in text
    fil = exempel / VARV
    fil.write_text(ta_bort_text(fil.read_text("utf-8"), "utvärdering"), "utf-8")
    assert kor("rapport", "kvalitetsberattelse", "-C", str(exempel), *argv).slutkod == 0
    text = " ".join(ut.read_text("utf-8").split())
    assert "5 av 5 steg genomarbetade. Utvärderingen, som jämför nuläget" in text
    assert "återstår." in text


def test_utvarderingen_utan_jamforelse_ar_inte_genomarbetad(exempel: Path) -> None:
    fil = exempel / VARV
    text = fil.read_text("utf-8")
    fil.write_text(re.sub(r"  jämfört_med_behov: >-\n(?:    .*\n)+", "", text), "utf-8")
    svar = kor("buuuu", "status", "sysselsattning", "-C", str(exempel))
    assert svar.slutkod == 0, svar
    assert re.search(r"^\s*Utvärdering\s+nej\s+1 av 1\s", svar.stdout, re.M), svar
    assert "Nästa steg: utvärdering." in svar.stdout
    assert "jämfört_med_behov" in svar.stdout
    assert "har slutit varvet" not in svar.stdout


def test_kvalitetsberattelsen_for_ett_ogenomarbetat_steg(exempel: Path, tmp_path: Path) -> None:
    fil = exempel / VARV
    fil.write_text(ta_bort_text(fil.read_text("utf-8"), "uppdrag"), "utf-8")
    ut = tmp_path / "kb.html"
    argv = ("--ar", "2026", "--per", PER, "--format", "html", "--ut", str(ut))
    assert kor("rapport", "kvalitetsberattelse", "-C", str(exempel), *argv).slutkod == 0
    assert "4 av 5 steg genomarbetade, nästa steg uppdrag." in ut.read_text("utf-8")


def test_varvets_sida_visar_svaren_och_behovet_bredvid_utvarderingen(
    exempel: Path, tmp_path: Path
) -> None:
    fil = exempel / VARV
    text = fil.read_text("utf-8")
    assert text.count("Arbetsförmåga, kontakter") == 1
    fil.write_text(text.replace("Arbetsförmåga,", "<b>Arbetsförmåga</b>,"), "utf-8")
    ut = tmp_path / "webb"
    svar = kor("rapport", "webb", "-C", str(exempel), "--ar", "2026", "--per", PER, "--ut", str(ut))
    assert svar.slutkod == 0, svar
    sida = (ut / "buuuu/sysselsattning.html").read_text("utf-8")
    assert "5 av 5 steg genomarbetade" in sida
    assert "av 6 steg" not in sida
    assert "&lt;b&gt;Arbetsförmåga&lt;/b&gt;, kontakter med andra" in sida  # svaret, escapat
    assert "Inte besvarad." not in sida
    tabell = sida[sida.index('id="behov-och-utvardering"') :]
    tabell = tabell[: tabell.index("</table>")]
    behov = "48 av 96 brukare med boende eller boendestöd saknade"
    nulaget = "I oktober saknade 36 av 98 det"
    platt = " ".join(tabell.split())
    assert behov in platt
    assert nulaget in platt
    assert "De beskriver långa och ensamma dagar" in platt  # brukarnas svar i behovet …
    assert "Fler beskriver att de nu har något meningsfullt" in platt  # … och i utvärderingen
    assert tabell.index('<tr><th scope="row">Bedömning</th>') < tabell.index(nulaget)
