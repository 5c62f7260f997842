"""E-post över SMTP: den enda modulen som skickar något från kvalitet.

Servern och inloggningen kommer ur miljövariabler (i CI: forgens hemligheter), aldrig ur
filerna i förrådet. Förbindelsen krypteras med STARTTLS; bara en server på den egna
datorn (127.0.0.1, localhost) får ta emot brev okrypterat, och ett lösenord skickas
aldrig okrypterat.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from kvalitet.fel import KvalitetFel, Slutkod

SERVER = "KVALITET_SMTP_SERVER"
PORT = "KVALITET_SMTP_PORT"
ANVANDARE = "KVALITET_SMTP_ANVANDARE"
LOSENORD = "KVALITET_SMTP_LOSENORD"
AVSANDARE = "KVALITET_SMTP_AVSANDARE"
LOKALA = ("127.0.0.1", "localhost", "::1")


class Epostfel(KvalitetFel):
    """Breven kunde inte skickas (inställningen saknas, servern svarar inte eller nekar)."""

    slutkod = Slutkod.ANVANDNING


@dataclass(frozen=True)
class Server:
    """SMTP-servern och inloggningen."""

    vard: str
    port: int
    avsandare: str
    anvandare: str | None = None
    losenord: str | None = None


def server_ur_miljon(miljo: Mapping[str, str] | None = None) -> Server:
    """Servern ur miljövariablerna KVALITET_SMTP_*.

    Raises:
        Epostfel: När servern eller avsändaren saknas, eller porten inte är ett tal.
    """
    miljo = os.environ if miljo is None else miljo
    saknas = [namn for namn in (SERVER, AVSANDARE) if not miljo.get(namn)]
    if saknas:
        raise Epostfel(
            f"Påminnelserna kan inte skickas: {' och '.join(saknas)} saknas i miljön.",
            tips=f"Sätt {SERVER}, {AVSANDARE} och vid behov {PORT} (standard 587), {ANVANDARE}"
            f" och {LOSENORD}; i CI som forgens hemligheter.",
        )
    port = miljo.get(PORT) or "587"
    if not port.isdigit():
        raise Epostfel(f"{PORT} ska vara ett portnummer, inte ”{port}”.")
    return Server(
        miljo[SERVER],
        int(port),
        miljo[AVSANDARE],
        miljo.get(ANVANDARE) or None,
        miljo.get(LOSENORD) or None,
    )


def skicka(server: Server, brev: list[EmailMessage]) -> None:
    """Skicka breven över en förbindelse.

    Raises:
        Epostfel: När servern inte går att nå, inte erbjuder STARTTLS (utom på den egna
            datorn utan lösenord), nekar inloggningen eller en mottagare.
    """
    try:
        with smtplib.SMTP(server.vard, server.port, timeout=30) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            elif server.vard not in LOKALA or server.losenord:
                raise Epostfel(
                    f"{server.vard} erbjuder inte STARTTLS, så inget skickas okrypterat.",
                    tips="Använd kommunens SMTP-server med STARTTLS (oftast port 587).",
                )
            if server.anvandare and server.losenord:
                smtp.login(server.anvandare, server.losenord)
            for ett in brev:
                smtp.send_message(ett)
    except smtplib.SMTPAuthenticationError:
        raise Epostfel(
            f"{server.vard} nekade inloggningen.",
            tips=f"Kontrollera {ANVANDARE} och {LOSENORD}.",
        ) from None
    except smtplib.SMTPRecipientsRefused as fel:
        raise Epostfel(
            f"{server.vard} tog inte emot mottagaren {', '.join(fel.recipients)}.",
            tips="Kontrollera adresserna under kontakter i huset.yaml.",
        ) from None
    except (OSError, smtplib.SMTPException) as fel:
        raise Epostfel(
            f"Kunde inte skicka över {server.vard}:{server.port}: {_orsak(fel)}.",
            tips=f"Kontrollera {SERVER} och {PORT}, och att datorn når servern.",
        ) from None


def _orsak(fel: Exception) -> str:
    if isinstance(fel, TimeoutError):
        return "servern svarade inte"
    if isinstance(fel, ConnectionRefusedError):
        return "servern tog inte emot förbindelsen"
    return type(fel).__name__
