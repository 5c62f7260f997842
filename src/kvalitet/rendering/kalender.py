"""Fristerna som iCalendar (RFC 5545), med icalendar: den enda modulen som läser in det.

Varje frist blir en heldagshändelse (en session utan datum: hela månaden). UID kommer ur
fristens nyckel, så att en kalender som läser in filen igen uppdaterar händelsen i stället
för att lägga till en ny. SEQUENCE är antalet incheckningar av postens fil och
LAST-MODIFIED (och DTSTAMP) tiden för den senaste, så att filen blir densamma byte för byte
så länge filerna i git är desamma.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar, Event

from kvalitet.frister import Frist
from kvalitet.svenska import normaliserad


@dataclass(frozen=True)
class Version:
    """Hur många gånger en fil har checkats in, och när senast."""

    antal: int
    senast: datetime


def ical(
    frister: list[Frist],
    namn: str,
    skapare: str,
    versioner: Mapping[str, Version],
    per: date,
) -> bytes:
    """Kalendern som iCalendar-text (CRLF, som RFC 5545 vill).

    Args:
        frister: Händelserna.
        namn: Verksamhetens namn (kalenderns namn och UID:ernas domän).
        skapare: PRODID, med kvalitets version.
        versioner: Filernas incheckningar efter väg; en fil utan incheckning får
            SEQUENCE 0 och bedömningsdagen som DTSTAMP.
        per: Bedömningsdagen.
    """
    kalender = Calendar()
    kalender.add("prodid", skapare)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("x-wr-calname", f"Ledningssystemet: {namn}")
    doman = re.sub(r"[^a-z0-9]+", "-", normaliserad(namn)).strip("-")
    for frist in frister:
        version = versioner.get(frist.fil)
        tid = version.senast.astimezone(UTC) if version else datetime.combine(per, time(), UTC)
        handelse = Event()
        handelse.add("uid", f"{_uid_del(frist.nyckel)}@{doman}.kvalitet")
        handelse.add("dtstamp", tid)
        if version:
            handelse.add("last-modified", tid)
        handelse.add("sequence", version.antal if version else 0)
        handelse.add("summary", frist.titel + (" (gjord)" if frist.gjord else ""))
        handelse.add("dtstart", frist.fran or frist.dag)
        handelse.add("dtend", frist.dag + timedelta(days=1))
        handelse.add("description", _beskrivning(frist))
        handelse.add("categories", [str(frist.slag)])
        handelse.add("transp", "TRANSPARENT")
        kalender.add_component(handelse)
    return kalender.to_ical()  # type: ignore[no-any-return]


def _uid_del(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._/-]+", "-", text).strip("-")


def _beskrivning(frist: Frist) -> str:
    rader = [
        f"Ansvarig: {frist.ansvarig or 'ingen roll angiven'}",
        f"Fil: {frist.fil}",
        f"Id: {frist.id}",
    ]
    if frist.fran:
        rader.insert(0, f"Senast {frist.dag.isoformat()}.")
    return "\n".join(rader)
