"""En eller flera tester per regel, i en liten verksamhet byggd från text.

Testerna jämför (fil, rad, regel) och lämnar ordalydelsen åt guldfilerna och
CLI-testerna, som yamllint gör.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kvalitet import kontroll
from kvalitet.kontroller import REGLER
from tests.conftest import AVVIKELSE, HUSET, SESSION, bygg_tradet


def fynd(
    rot: Path, regel: str | None = None, per: str = "2026-11-30"
) -> list[tuple[str, int, str]]:
    resultat = kontroll.kontrollera(rot, date.fromisoformat(per))
    return [
        (b.fynd.fil, b.fynd.rad, b.fynd.regel)
        for b in resultat.fynd
        if regel is None or b.fynd.regel == regel
    ]


def skriv(rot: Path, filer: dict[str, str]) -> None:
    bygg_tradet(rot, filer)


def test_den_lilla_verksamheten_ar_utan_fynd(liten: Path) -> None:
    assert fynd(liten) == []


def test_varje_regel_har_id_niva_rubrik_och_svensk_dokumentation() -> None:
    for id_, regel in REGLER.items():
        assert id_ == regel.ID
        assert regel.RUBRIK
        assert regel.__doc__ and len(regel.__doc__) > 80, id_


# FIL001, FIL002, FIL003


def test_fil001_latin1_ger_fel_med_rad_och_kolumn(liten: Path) -> None:
    (liten / "avvikelser/2026").mkdir(parents=True)
    (liten / "avvikelser/2026/2026-001.yaml").write_bytes(
        AVVIKELSE.lstrip().replace("sent", "sent för brukarens räkning").encode("latin-1")
    )
    assert fynd(liten, "FIL001") == [("avvikelser/2026/2026-001.yaml", 5, "FIL001")]


def test_fil001_utf16_och_binart(liten: Path) -> None:
    (liten / "garaget.yaml").write_bytes("poster: []\n".encode("utf-16"))
    (liten / "buuuu").mkdir()
    (liten / "buuuu/binar.yaml").write_bytes(b"\x00\x01\x02\xff")
    assert fynd(liten, "FIL001") == [
        ("buuuu/binar.yaml", 1, "FIL001"),
        ("garaget.yaml", 1, "FIL001"),
    ]


def test_fil002_bom_ar_varning_och_filen_kontrolleras_anda(liten: Path) -> None:
    (liten / "garaget.yaml").write_bytes(b"\xef\xbb\xbfposter:\n  - id: G1\n")
    assert fynd(liten, "FIL002") == [("garaget.yaml", 1, "FIL002")]
    assert ("garaget.yaml", 2, "SCH001") in fynd(liten)


def test_fil003_yaml_pa_okand_plats_och_yml(liten: Path) -> None:
    skriv(liten, {"arshjul/processer.yaml": "rum: x\n", "rum/kompetens.yml": "id: x\n"})
    skriv(liten, {".github/workflows/ci.yml": "on: push\n", "README.md": "# Hej\n"})
    assert fynd(liten, "FIL003") == [
        ("arshjul/processer.yaml", 1, "FIL003"),
        ("rum/kompetens.yml", 1, "FIL003"),
    ]


# YAML001, YAML002


def test_yaml001_syntaxfel(liten: Path) -> None:
    skriv(liten, {"garaget.yaml": "poster:\n  - id: G1\n    rubrik: Ett: två\n"})
    assert fynd(liten, "YAML001") == [("garaget.yaml", 3, "YAML001")]


def test_yaml002_dubblerad_nyckel(liten: Path) -> None:
    text = SESSION.replace("slutsatser: Bra.", "slutsatser: Bra.\nslutsatser: Sämre.")
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "YAML002") == [("arshjul/2026/processer.yaml", 14, "YAML002")]


# SCH001


def test_sch001_okand_nyckel_med_forslag(liten: Path) -> None:
    text = SESSION.replace("    ansvarig: enhetschef", "    ansvarg: enhetschef")
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    resultat = kontroll.kontrollera(liten, date(2026, 11, 30))
    schema = [b.fynd for b in resultat.fynd if b.fynd.regel == "SCH001"]
    assert [(f.fil, f.rad, f.kol) for f in schema] == [("arshjul/2026/processer.yaml", 17, 5)]
    assert "menade du ”ansvarig”?" in schema[0].text


@pytest.mark.parametrize(
    ("ersatt", "med", "rad"),
    [
        ('kommunkod: "2401"', "kommunkod: 2401", 4),
        ('kommunkod: "2401"', "kommunkod: 0114", 4),
        ("    månad: 5", "    månad: 13", 24),
        ("  nämnd: Socialnämnden\n", "", 1),
    ],
)
def test_sch001_fel_varden_i_huset(liten: Path, ersatt: str, med: str, rad: int) -> None:
    skriv(liten, {"huset.yaml": HUSET.replace(ersatt, med)})
    assert fynd(liten, "SCH001") == [("huset.yaml", rad, "SCH001")]


def test_yaml001_datum_som_inte_finns(liten: Path) -> None:
    skriv(liten, {"huset.yaml": HUSET.replace("infört: 2026-01-01", "infört: 2026-13-01")})
    assert fynd(liten, "YAML001") == [("huset.yaml", 26, "YAML001")]


def test_sch001_felstavad_status_foreslar_ratt(liten: Path) -> None:
    skriv(liten, {"arshjul/2026/processer.yaml": SESSION.replace("status: klar", "status: klr")})
    resultat = kontroll.kontrollera(liten, date(2026, 11, 30))
    (fel,) = [b.fynd for b in resultat.fynd if b.fynd.regel == "SCH001"]
    assert (fel.rad, "Menade du ”klar”?") == (20, fel.text.split(". ")[-1])


def test_sch001_tom_fil_och_fel_toppniva(liten: Path) -> None:
    skriv(liten, {"garaget.yaml": "", "buuuu/x.yaml": "- en lista\n"})
    assert fynd(liten, "SCH001") == [("buuuu/x.yaml", 1, "SCH001"), ("garaget.yaml", 1, "SCH001")]


# REF001, REF002, REF003


def test_ref001_felstavat_rum_med_forslag(liten: Path) -> None:
    skriv(
        liten,
        {"avvikelser/2026/2026-001.yaml": AVVIKELSE.replace("rum: processer", "rum: procesr")},
    )
    resultat = kontroll.kontrollera(liten, date(2026, 11, 30))
    (fel,) = [b.fynd for b in resultat.fynd if b.fynd.regel == "REF001"]
    assert (fel.fil, fel.rad) == ("avvikelser/2026/2026-001.yaml", 4)
    assert "menade du ”processer”?" in fel.text


def test_ref002_atgard_hanvisar_till_saknade_poster(liten: Path) -> None:
    text = SESSION.replace(
        "    status: klar\n",
        '    status: klar\n    garaget: [G9]\n    avvikelser: ["2026-001", "2026-002"]\n'
        "    integrerade_mål: [jamstald]\n",
    )
    skriv(liten, {"arshjul/2026/processer.yaml": text, "avvikelser/2026/2026-001.yaml": AVVIKELSE})
    assert fynd(liten, "REF002") == [
        ("arshjul/2026/processer.yaml", 21, "REF002"),
        ("arshjul/2026/processer.yaml", 22, "REF002"),
        ("arshjul/2026/processer.yaml", 23, "REF002"),
    ]


def test_ref002_overford_garagepost(liten: Path) -> None:
    skriv(
        liten,
        {
            "garaget.yaml": """
            poster:
              - id: G1
                rubrik: Tolkbokning
                typ: behov
                inkom: 2026-01-10
                status: överförd
                överförd_till: "arshjul/2026/processer.yaml#A9"
            """
        },
    )
    assert fynd(liten, "REF002") == [("garaget.yaml", 7, "REF002")]


def test_ref003_okand_process(liten: Path) -> None:
    text = AVVIKELSE.replace("Handläggning av ansökan", "Handläggning av ansökningar")
    skriv(liten, {"avvikelser/2026/2026-001.yaml": text})
    assert fynd(liten, "REF003") == [("avvikelser/2026/2026-001.yaml", 5, "REF003")]


# ID001, ID002


def test_id001_samma_avvikelse_id_tva_ganger(liten: Path) -> None:
    skriv(
        liten,
        {
            "avvikelser/2026/2026-001.yaml": AVVIKELSE,
            "avvikelser/2026/2026-002.yaml": AVVIKELSE,
        },
    )
    assert ("avvikelser/2026/2026-002.yaml", 1, "ID001") in fynd(liten, "ID001")


def test_id001_samma_atgard_id_i_en_session(liten: Path) -> None:
    text = SESSION + SESSION[SESSION.index("  - id: A1") :]
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "ID001") == [("arshjul/2026/processer.yaml", 21, "ID001")]


def test_id002_filnamn_och_mapp(liten: Path) -> None:
    skriv(liten, {"avvikelser/2025/2026-001.yaml": AVVIKELSE})
    (liten / "arshjul/2026/processer.yaml").rename(liten / "arshjul/2026/trygghet2.yaml")
    assert fynd(liten, "ID002") == [
        ("arshjul/2026/trygghet2.yaml", 1, "ID002"),
        ("avvikelser/2025/2026-001.yaml", 3, "ID002"),
    ]


# RUM001, RUM002, RUM003


def test_rum001_rum_utan_guide(liten: Path) -> None:
    (liten / "rum/trygghet.yaml").unlink()
    assert fynd(liten, "RUM001") == [("huset.yaml", 22, "RUM001")]


def test_rum002_raderad_handlingsplan(liten: Path) -> None:
    text = SESSION[: SESSION.index("handlingsplan:")] + "handlingsplan: []\n"
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "RUM002") == [("arshjul/2026/processer.yaml", 14, "RUM002")]


def test_rum002_for_gammal_session(liten: Path) -> None:
    assert fynd(liten, "RUM002", per="2027-03-01") == [("arshjul/2026/processer.yaml", 3, "RUM002")]


def test_rum002_ingen_session_alls_men_inte_fore_forsta_stoppet(liten: Path) -> None:
    (liten / "arshjul/2026/trygghet.yaml").unlink()
    assert fynd(liten, "RUM002", per="2026-05-31") == []
    assert fynd(liten, "RUM002", per="2026-06-01") == [("huset.yaml", 22, "RUM002")]


def test_rum002_ofullstandig_atgard_raknas_inte(liten: Path) -> None:
    text = SESSION.replace("    uppföljning: 2026-06-15\n", "")
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "RUM002") == [("arshjul/2026/processer.yaml", 14, "RUM002")]


def test_rum003_forsenat_stopp(liten: Path) -> None:
    text = (liten / "arshjul/2026/trygghet.yaml").read_text(encoding="utf-8")
    skriv(liten, {"arshjul/2026/trygghet.yaml": text.replace("genomförd", "planerad")})
    assert fynd(liten, "RUM003", per="2026-05-31") == []
    assert fynd(liten, "RUM003", per="2026-06-01") == [("huset.yaml", 24, "RUM003")]


# SES001, SES002, SES003


def test_ses001_genomford_utan_datum_och_handlingsplan(liten: Path) -> None:
    text = SESSION.replace("datum: 2026-02-10\n", "")
    text = text[: text.index("handlingsplan:")]
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "SES001") == [
        ("arshjul/2026/processer.yaml", 3, "SES001"),
        ("arshjul/2026/processer.yaml", 3, "SES001"),
    ]


def test_ses002_obesvarad_och_saknad_fraga(liten: Path) -> None:
    text = SESSION.replace("    svar: Mycket.", '    svar: ""')
    text = text.replace(
        "  - id: o2\n    fråga: Vad får det för konsekvenser?\n    svar: Bättre kvalitet.\n", ""
    )
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "SES002") == [
        ("arshjul/2026/processer.yaml", 6, "SES002"),
        ("arshjul/2026/processer.yaml", 7, "SES002"),
    ]


def test_ses002_fraga_kanns_igen_pa_texten_utan_id(liten: Path) -> None:
    text = SESSION.replace("  - id: o1\n    fråga:", "  - fråga:")
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "SES002") == []


def test_ses003_utan_deltagare(liten: Path) -> None:
    skriv(liten, {"arshjul/2026/processer.yaml": SESSION.replace("[enhetschef]", "[]")})
    assert fynd(liten, "SES003") == [("arshjul/2026/processer.yaml", 4, "SES003")]


# ATG001, ATG002


def test_atg001_forsenad_atgard(liten: Path) -> None:
    skriv(liten, {"arshjul/2026/processer.yaml": SESSION.replace("status: klar", "status: pågår")})
    assert fynd(liten, "ATG001", per="2026-05-31") == []
    assert fynd(liten, "ATG001", per="2026-06-01") == [
        ("arshjul/2026/processer.yaml", 18, "ATG001")
    ]


def test_atg002_ofullstandig_atgard_och_uppfoljning_fore_klart(liten: Path) -> None:
    text = SESSION.replace("    ansvarig: enhetschef\n", "").replace("2026-06-15", "2026-05-01")
    text += "  - id: A2\n    åtgärd: Ny\n    ansvarig: x\n    klart_senast: 2026-09-01\n"
    text += "    uppföljning: 2026-08-01\n"
    skriv(liten, {"arshjul/2026/processer.yaml": text})
    assert fynd(liten, "ATG002") == [
        ("arshjul/2026/processer.yaml", 15, "ATG002"),
        ("arshjul/2026/processer.yaml", 24, "ATG002"),
    ]


# ATA001, ATA002

ATAGANDEN = """
år: 2026
åtaganden:
  - id: at01
    åtagande: Enheten åtar sig att bemöta brukarna med respekt.
    förväntat_resultat: Nöjda brukare.
    arbetssätt: Diskussioner på APT.
    mätmetod: Brukarundersökning.
    indikatorer:
      - namn: Andel nöjda
        målvärde: 80
        utfall: null
    analys: null
"""


def test_ata001_utan_matmetod(liten: Path) -> None:
    text = ATAGANDEN.replace("    mätmetod: Brukarundersökning.\n", "")
    skriv(liten, {"ataganden/2026.yaml": text})
    assert fynd(liten, "ATA001") == [("ataganden/2026.yaml", 3, "ATA001")]


def test_ata002_utfall_och_analys_efter_arets_slut(liten: Path) -> None:
    skriv(liten, {"ataganden/2026.yaml": ATAGANDEN})
    assert fynd(liten, "ATA002", per="2026-12-31") == []
    assert fynd(liten, "ATA002", per="2027-01-01") == [
        ("ataganden/2026.yaml", 3, "ATA002"),
        ("ataganden/2026.yaml", 9, "ATA002"),
    ]


# SAR001, SAR002, SAR003

LEX_SARAH = """
id: "2026-002"
typ: missförhållande
inkom: 2026-03-02
rum: trygghet
beskrivning: Beslut verkställdes inte.
status: {status}
lex_sarah:
  rapporterad: 2026-03-02
  utredning_påbörjad: 2026-03-04
  bedömning: {bedomning}
  bedömd: 2026-03-20
  ställningstagande: 2026-03-27
  anmäld_ivo: {ivo}
åtgärder:
  - åtgärd: Ny rutin
    ansvarig: enhetschef
    klart_senast: 2026-04-30
    uppföljning: 2026-06-01
    status: klar
    effekt: Rutinen följs.
process: Handläggning av ansökan
utredning:
  orsaker: [Rutinen saknade en bevakning av verkställigheten]
"""


def lex_sarah(
    status: str = "avslutad", bedomning: str = "missförhållande", ivo: str = "null"
) -> str:
    return LEX_SARAH.format(status=status, bedomning=bedomning, ivo=ivo)


def test_sar_ett_korrekt_arende_ger_inga_fynd(liten: Path) -> None:
    skriv(liten, {"avvikelser/2026/2026-002.yaml": lex_sarah()})
    assert fynd(liten) == []


def test_sar001_saknat_block(liten: Path) -> None:
    text = lex_sarah()
    text = text[: text.index("lex_sarah:")] + text[text.index("åtgärder:") :]
    skriv(liten, {"avvikelser/2026/2026-002.yaml": text})
    assert fynd(liten, "SAR001") == [("avvikelser/2026/2026-002.yaml", 2, "SAR001")]


def test_sar001_saknade_datum_for_steget_och_fel_ordning(liten: Path) -> None:
    text = lex_sarah().replace("  ställningstagande: 2026-03-27\n", "")
    text = text.replace("bedömd: 2026-03-20", "bedömd: 2026-03-01")
    skriv(liten, {"avvikelser/2026/2026-002.yaml": text})
    assert fynd(liten, "SAR001") == [
        ("avvikelser/2026/2026-002.yaml", 7, "SAR001"),
        ("avvikelser/2026/2026-002.yaml", 11, "SAR001"),
    ]


def test_sar002_lokala_frister(liten: Path) -> None:
    text = lex_sarah(status="under_utredning").replace("2026-03-04", "2026-03-20")
    text = text.replace("  bedömning: missförhållande\n  bedömd: 2026-03-20\n", "")
    text = text.replace("  ställningstagande: 2026-03-27\n", "")
    skriv(liten, {"avvikelser/2026/2026-002.yaml": text})
    assert fynd(liten, "SAR002", per="2026-03-21") == [
        ("avvikelser/2026/2026-002.yaml", 9, "SAR002")
    ]
    assert len(fynd(liten, "SAR002", per="2026-06-01")) == 3


def test_sar003_allvarligt_utan_ivo(liten: Path) -> None:
    skriv(
        liten, {"avvikelser/2026/2026-002.yaml": lex_sarah(bedomning="allvarligt_missförhållande")}
    )
    assert fynd(liten, "SAR003") == [("avvikelser/2026/2026-002.yaml", 10, "SAR003")]
    ok = lex_sarah(bedomning="allvarligt_missförhållande", ivo="2026-03-25")
    skriv(liten, {"avvikelser/2026/2026-002.yaml": ok})
    assert fynd(liten) == []


def test_sar002_ivo_anmalan_sent(liten: Path) -> None:
    sent = lex_sarah(bedomning="allvarligt_missförhållande", ivo="2026-05-25")
    skriv(liten, {"avvikelser/2026/2026-002.yaml": sent})
    assert fynd(liten, "SAR002") == [("avvikelser/2026/2026-002.yaml", 13, "SAR002")]


# AVV001


def test_avv001_avslutat_utan_atgard_och_obesvarat_klagomal(liten: Path) -> None:
    text = AVVIKELSE.replace("typ: avvikelse", "typ: klagomål").replace("registrerad", "avslutad")
    skriv(liten, {"avvikelser/2026/2026-001.yaml": text})
    assert fynd(liten, "AVV001") == [
        ("avvikelser/2026/2026-001.yaml", 7, "AVV001"),
        ("avvikelser/2026/2026-001.yaml", 7, "AVV001"),
    ]


# BUU001


def test_buu001_steg_utan_brukarmedverkan(liten: Path) -> None:
    skriv(
        liten,
        {
            "buuuu/sysselsattning.yaml": """
            id: sysselsattning
            namn: Sysselsättning
            behov:
              text: Hälften har inget att göra om dagarna.
              brukarmedverkan:
                - nivå: verksamhet
                  aktivitet: Brukarråd
                  datum: 2026-02-01
            uppdrag:
              text: Vi tolkar uppdraget.
            """
        },
    )
    assert fynd(liten, "BUU001") == [("buuuu/sysselsattning.yaml", 9, "BUU001")]


# PNR001, PNR002


def test_pnr001_i_yaml_och_i_annan_fil_och_maskerat(liten: Path) -> None:
    skriv(
        liten,
        {
            "avvikelser/2026/2026-001.yaml": AVVIKELSE.replace(
                "för sent.", "för sent till 19121212-1212."
            ),
            "anteckningar.md": "# Anteckningar\n\nNummer 8112289874 ska bort.\n",
        },
    )
    resultat = kontroll.kontrollera(liten, date(2026, 11, 30))
    pnr = [b.fynd for b in resultat.fynd if b.fynd.regel == "PNR001"]
    assert [(f.fil, f.rad, f.kol) for f in pnr] == [
        ("anteckningar.md", 3, 8),
        ("avvikelser/2026/2026-001.yaml", 6, 52),
    ]
    assert "121212-****" in pnr[1].text and "1212121212" not in pnr[1].text


def test_pnr002_tystat_med_skal_blir_varning(liten: Path) -> None:
    skriv(
        liten,
        {"anteckningar.md": "Växeln 8112289874 <!-- kvalitet: ignorera PNR001 – växeln -->\n"},
    )
    assert fynd(liten, "PNR001") == []
    assert fynd(liten, "PNR002") == [("anteckningar.md", 1, "PNR002")]


def test_pnr001_tystning_utan_skal_galler_inte(liten: Path) -> None:
    skriv(liten, {"anteckningar.md": "Växeln 8112289874 # kvalitet: ignorera PNR001\n"})
    assert fynd(liten, "PNR001") == [("anteckningar.md", 1, "PNR001")]
