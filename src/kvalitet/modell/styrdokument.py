"""styrdokument/<id>.md: ett styrdokument (processbeskrivning, rutin, riktlinje …) med huvud.

Filen är Markdown med ett YAML-huvud mellan två rader `---` överst (front matter):
huvudet beskriver dokumentet och följer modellen här, resten av filen är dokumentet.
"""

from __future__ import annotations

from enum import StrEnum

from kvalitet.modell._bas import Basmodell, Datum, Id, Text


class Slag(StrEnum):
    """Vad för slags styrdokument det är."""

    process = "process"
    rutin = "rutin"
    riktlinje = "riktlinje"
    instruktion = "instruktion"
    checklista = "checklista"
    blankett = "blankett"
    policy = "policy"


class Dokumentstatus(StrEnum):
    """Var dokumentet står: utkast, fastställt eller upphävt."""

    utkast = "utkast"
    faststalld = "fastställd"
    upphavd = "upphävd"


class Styrdokument(Basmodell):
    """Ett styrdokuments huvud: vad det är, vem som äger och fastställer det, och när."""

    id: Id
    """Dokumentets id; filen heter styrdokument/<id>.md."""
    titel: Text
    """Dokumentets titel, som den står i ledningssystemet."""
    slag: Slag
    """process, rutin, riktlinje, instruktion, checklista, blankett eller policy."""
    ägare: Text
    """Rollen som äger dokumentet och håller det aktuellt, aldrig en persons namn."""
    fastställd_av: Text | None = None
    """Vem som fastställer dokumentet: socialnämnden, förvaltningschef, enhetschef …"""
    fastställd: Datum | None = None
    """Dagen dokumentet (i den här versionen) fastställdes."""
    version: Text | None = None
    """Versionen, inom citattecken: "1.2"."""
    revideras_senast: Datum | None = None
    """Dagen dokumentet senast ska ses över (standard: fastställd + granskningsintervallet)."""
    status: Dokumentstatus = Dokumentstatus.utkast
    """utkast, fastställd eller upphävd."""
    gäller: list[Id] = []
    """Rummen och processerna (id i huset) som dokumentet gäller."""
    lagkrav: list[Id] = []
    """Kraven i lagkravslistan (lagkrav.yaml) som dokumentet omsätter."""
    ersätter: Id | None = None
    """Id för ett äldre styrdokument som det här ersätter."""
    senast_granskad: Datum | None = None
    """Dagen dokumentet senast sågs över och befanns aktuellt utan ändring."""
