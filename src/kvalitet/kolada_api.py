"""Koladas API (v3) över HTTP, med httpx: den enda modulen som hämtar något från nätet.

`kvalitet kolada hamta` hämtar nyckeltalens värden för kommunen, jämförelsegruppen och
riket, sida för sida (`next_url`, eller `next_page` som i v2), med tidsgränser och nya
försök med väntan när Kolada svarar 429 (för många frågor) eller 5xx. Nästa sida hämtas
bara från samma värd som den första.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import httpx

from kvalitet import __version__
from kvalitet.fel import KvalitetFel, Slutkod

BAS = "https://api.kolada.se/v3"
FORSOK = 4
STORSTA_VANTAN = 60.0
STORSTA_ANTAL_SIDOR = 1000


class Hamtfel(KvalitetFel):
    """Kolada gick inte att nå, eller svarade med ett fel (slutkod 2)."""

    slutkod = Slutkod.ANVANDNING


def adress(bas: str, kpi: str, kommuner: list[str], ar: list[int]) -> str:
    """Adressen för ett nyckeltals värden i kommunerna (och åren; inga år: alla)."""
    adressen = f"{bas.rstrip('/')}/data/kpi/{kpi}/municipality/{','.join(kommuner)}"
    return adressen + (f"/year/{','.join(str(a) for a in ar)}" if ar else "")


def hamta(
    bas: str,
    kpi: str,
    kommuner: list[str],
    ar: list[int],
    vanta: Callable[[float], None] = time.sleep,
) -> list[dict[str, Any]]:
    """Alla sidor av svaret för ett nyckeltal, som Kolada skickade dem.

    Raises:
        Hamtfel: När Kolada inte går att nå, svarar med ett fel efter alla försök, eller
            svarar med något annat än JSON.
    """
    url: str | None = adress(bas, kpi, kommuner, ar)
    varden = urlsplit(url).netloc
    sidor: list[dict[str, Any]] = []
    huvud = {"User-Agent": f"kvalitet/{__version__}", "Accept": "application/json"}
    tider = httpx.Timeout(30.0, connect=10.0)
    with httpx.Client(timeout=tider, headers=huvud, follow_redirects=True) as klient:
        while url:
            if urlsplit(url).netloc != varden:
                raise Hamtfel(f"Kolada pekade nästa sida till en annan värd ({url}); hämtas inte.")
            if len(sidor) >= STORSTA_ANTAL_SIDOR:
                raise Hamtfel(f"Svaret för {kpi} har fler än {STORSTA_ANTAL_SIDOR} sidor.")
            sida = _sida(klient, url, vanta)
            sidor.append(sida)
            nasta = sida.get("next_url") or sida.get("next_page")
            url = str(nasta) if nasta else None
    return sidor


def _sida(klient: httpx.Client, url: str, vanta: Callable[[float], None]) -> dict[str, Any]:
    for forsok in range(1, FORSOK + 1):
        try:
            svar = klient.get(url)
        except httpx.TimeoutException:
            if forsok == FORSOK:
                raise Hamtfel(
                    f"Kolada svarade inte i tid ({url}).",
                    tips="Försök igen om en stund.",
                ) from None
            vanta(_vantan(None, forsok))
            continue
        except httpx.HTTPError as fel:
            raise Hamtfel(
                f"Kunde inte nå Kolada ({urlsplit(url).netloc}): {_orsak(fel)}.",
                tips="Kontrollera att datorn är ansluten till internet, eller ange en annan"
                " adress med --bas-url.",
            ) from None
        if svar.status_code == 429 or svar.status_code >= 500:
            if forsok == FORSOK:
                raise Hamtfel(
                    f"Kolada svarade {svar.status_code} efter {FORSOK} försök ({url}).",
                    tips="Försök igen om en stund.",
                )
            vanta(_vantan(svar.headers.get("Retry-After"), forsok))
            continue
        if svar.status_code >= 400:
            raise Hamtfel(f"Kolada svarade {svar.status_code} ({url}): {_text(svar)}.")
        try:
            data = svar.json()
        except ValueError:
            raise Hamtfel(f"Kolada svarade med något annat än JSON ({url}).") from None
        if not isinstance(data, dict):
            raise Hamtfel(f"Kolada svarade med JSON av okänd form ({url}).")
        return data
    raise AssertionError("nås inte")  # pragma: no cover


def _vantan(retry_after: str | None, forsok: int) -> float:
    """Väntan före nästa försök: serverns Retry-After (sekunder), annars 1, 2, 4 … s."""
    if retry_after is not None and retry_after.strip().isdigit():
        return min(float(retry_after), STORSTA_VANTAN)
    return min(2.0 ** (forsok - 1), STORSTA_VANTAN)


def _orsak(fel: httpx.HTTPError) -> str:
    if isinstance(fel, httpx.ConnectError):
        return "ingen förbindelse"
    return type(fel).__name__


def _text(svar: httpx.Response) -> str:
    text = " ".join(svar.text.split())
    return text[:200] or "inget meddelande"
