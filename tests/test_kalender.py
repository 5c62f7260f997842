"""`kvalitet kalender` (issue 19): iCalendar som läses tillbaka med icalendar."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import git
import pytest
from icalendar import Calendar

from tests.conftest import PER, kor


def _kalender(mapp: Path, ut: Path, *argument: str) -> Any:
    svar = kor("kalender", "-C", str(mapp), "--per", PER, "--ut", str(ut), *argument)
    assert svar.slutkod == 0, svar
    return Calendar.from_ical(ut.read_bytes())


def _handelser(kalender: Any) -> dict[str, dict[str, Any]]:
    return {
        str(e["uid"]): {
            "kategori": str(e["categories"].cats[0]),
            "start": e["dtstart"].dt,
            "slut": e["dtend"].dt,
            "titel": str(e["summary"]),
            "text": str(e["description"]),
            "sekvens": int(e["sequence"]),
        }
        for e in kalender.walk("VEVENT")
    }


def _per(handelser: dict[str, dict[str, Any]], kategori: str) -> dict[str, dict[str, Any]]:
    return {uid: h for uid, h in handelser.items() if h["kategori"] == kategori}


def test_en_handelse_per_rum_och_per_oppen_atgards_frist(
    exempel_pa_gren: git.Repo, tmp_path: Path
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    handelser = _handelser(_kalender(mapp, tmp_path / "x.ics"))
    sessioner = _per(handelser, "session")
    assert len(sessioner) == 6  # exemplets rum
    # Åtgärdernas frister: samma som handlingsplanens öppna åtgärder med klart_senast.
    svar = kor("handlingsplan", "-C", str(mapp), "--per", PER, "--oppna", "--format", "json")
    oppna = [r for r in json.loads(svar.stdout) if r["Klart senast"]]
    assert len(_per(handelser, "åtgärd")) == len(oppna) > 5
    # De andra slagen finns också.
    for kategori in ("uppföljning", "egenkontroll", "revision"):
        assert _per(handelser, kategori), kategori
    # En session utan datum står över hela rummets månad.
    omvarld = next(h for h in sessioner.values() if "Omvärldsbevakning" in h["titel"])
    assert (omvarld["start"], omvarld["slut"]) == (date(2026, 12, 1), date(2027, 1, 1))
    assert "Ansvarig: verksamhetschef" in omvarld["text"]
    # En genomförd session är en dag, märkt gjord.
    gjord = next(h for h in sessioner.values() if "Processer och rutiner" in h["titel"])
    assert gjord["titel"].endswith("(gjord)") and gjord["slut"] == date(2026, 2, 12)


def test_uid_ar_desamma_mellan_korningar_och_efter_andra_andringar(
    exempel_pa_gren: git.Repo, tmp_path: Path
) -> None:
    mapp = Path(exempel_pa_gren.working_dir)
    forsta = tmp_path / "1.ics"
    _kalender(mapp, forsta)
    andra = tmp_path / "2.ics"
    _kalender(mapp, andra)
    assert forsta.read_bytes() == andra.read_bytes()
    fore = _handelser(Calendar.from_ical(forsta.read_bytes()))
    # En ändring i en session: samma UID, högre SEQUENCE bara för den filens händelser.
    session = mapp / "arshjul" / "2026" / "kompetens.yaml"
    with session.open("a", encoding="utf-8") as fil:
        fil.write("# Genomläst av kvalitetsrådet.\n")
    exempel_pa_gren.index.add([str(session)])
    exempel_pa_gren.index.commit("Slutsatserna kompletterade")
    efter = _handelser(_kalender(mapp, tmp_path / "3.ics"))
    assert set(efter) == set(fore)
    andrade = {uid for uid in efter if efter[uid]["sekvens"] != fore[uid]["sekvens"]}
    assert andrade
    assert all("arshjul/2026/kompetens.yaml" in efter[uid]["text"] for uid in andrade)
    assert all(efter[uid]["sekvens"] == fore[uid]["sekvens"] + 1 for uid in andrade)


def test_ansvarig_valjer_en_roll(exempel: Path, tmp_path: Path) -> None:
    handelser = _handelser(_kalender(exempel, tmp_path / "x.ics", "--ansvarig", "enhetschef"))
    assert handelser
    assert all("enhetschef" in h["text"].split("\n")[-3].lower() for h in handelser.values())
    svar = kor("kalender", "-C", str(exempel), "--per", PER, "--ansvarig", "astronaut",
               "--ut", str(tmp_path / "tom.ics"))  # fmt: skip
    assert svar.slutkod == 0 and "Inga händelser för rollen ”astronaut”" in svar.stderr


def test_utan_git_och_till_standard_ut(exempel: Path) -> None:
    svar = kor("kalender", "-C", str(exempel), "--per", PER, "--ut", "-")
    assert svar.slutkod == 0, svar
    kalender: Any = Calendar.from_ical(svar.stdout)
    handelser = list(kalender.walk("VEVENT"))
    assert handelser and all(int(e["sequence"]) == 0 for e in handelser)
    assert {e["dtstamp"].dt.date() for e in handelser} == {date(2026, 11, 30)}


def test_lex_sarah_fristerna_for_ett_oppet_arende(exempel: Path, tmp_path: Path) -> None:
    arende = exempel / "avvikelser" / "2026" / "2026-099.yaml"
    arende.write_text(
        'id: "2026-099"\ntyp: risk_för_missförhållande\ninkom: 2026-11-25\nrum: trygghet\n'
        "beskrivning: En brukare fick fel läkemedel vid kvällsbesöket.\n"
        "lex_sarah:\n  rapporterad: 2026-11-25\n  utredare: kvalitetssamordnare\n",
        encoding="utf-8",
    )
    handelser = _per(_handelser(_kalender(exempel, tmp_path / "x.ics")), "lex Sarah")
    titlar = sorted(h["titel"] for h in handelser.values())
    assert titlar == [
        "Lex Sarah 2026-099: avsluta utredningen",
        "Lex Sarah 2026-099: bedöm ärendet",
        "Lex Sarah 2026-099: påbörja utredningen",
    ]
    assert all(h["start"] > date(2026, 11, 25) for h in handelser.values())
    assert all("Ansvarig: kvalitetssamordnare" in h["text"] for h in handelser.values())


def test_en_annan_kalenderfil_skrivs_inte_over(exempel: Path, tmp_path: Path) -> None:
    annan = tmp_path / "outlook.ics"
    annan.write_bytes(b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft//Outlook//SV\r\n")
    svar = kor("kalender", "-C", str(exempel), "--per", PER, "--ut", str(annan))
    assert svar.slutkod != 0 and "ingen rapport från kvalitet" in svar.stderr
    assert annan.read_bytes().startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Microsoft")


@pytest.mark.parametrize(
    ("argument", "text"),
    [(("--ar", "tjugo"), "--ar"), (("--per", "igår"), "--per")],
)
def test_fel_anvandning(exempel: Path, argument: tuple[str, ...], text: str) -> None:
    svar = kor("kalender", "-C", str(exempel), "--ut", "-", *argument)
    assert svar.slutkod == 2 and text in svar.stderr and "Traceback" not in svar.stderr
