"""Skyddet runt formulären: bara den egna datorn, bara med nyckeln, inga stora frågor.

Servern lyssnar bara på 127.0.0.1. Varje fråga ska ha rätt Host (127.0.0.1 eller
localhost, mot DNS-rebinding) och nyckeln: i adressen första gången (som sedan blir en
kaka, HttpOnly och SameSite=Strict) och i kakan sedan. Ett formulär som skickas ska ha
sitt CSRF-värde, som räknas ur nyckeln. En fråga större än STORSTA_FRAGA vägras. Ett
oväntat fel blir en rad i terminalen och ett svar på svenska, aldrig en traceback.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sys
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qsl, urlencode

KAKA = "kvalitet_nyckel"
STORSTA_FRAGA = 1024 * 1024
TILLATNA_VARDAR = ("127.0.0.1", "localhost")

Scope = MutableMapping[str, Any]
Meddelande = MutableMapping[str, Any]
Ta = Callable[[], Awaitable[Meddelande]]
Skicka = Callable[[Meddelande], Awaitable[None]]
App = Callable[[Scope, Ta, Skicka], Awaitable[None]]


def ny_nyckel() -> str:
    """En slumpad engångsnyckel för en körning av servern."""
    return secrets.token_urlsafe(24)


def csrf(nyckel: str) -> str:
    """Formulärens CSRF-värde, räknat ur nyckeln (samma för hela körningen)."""
    return hmac.new(nyckel.encode(), b"csrf", hashlib.sha256).hexdigest()[:32]


def csrf_stammer(nyckel: str, varde: object) -> bool:
    """Sant när ett skickat formulärs CSRF-värde är rätt."""
    return isinstance(varde, str) and hmac.compare_digest(varde, csrf(nyckel))


class Skydd:
    """ASGI-mellanlagret: Host, nyckeln och frågans storlek prövas före allt annat."""

    def __init__(self, app: App, nyckel: str) -> None:
        self.app = app
        self.nyckel = nyckel

    async def __call__(self, scope: Scope, ta: Ta, skicka: Skicka) -> None:
        """Pröva frågan; skicka den vidare till appen bara när allt stämmer."""
        if scope["type"] != "http":
            await self.app(scope, ta, skicka)
            return
        huvud = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if _vard(huvud.get("host", "")) not in TILLATNA_VARDAR:
            await _svara(skicka, 403, "Nekad: frågan kom inte till den egna datorn.")
            return
        if int(huvud.get("content-length") or 0) > STORSTA_FRAGA:
            await _svara(skicka, 413, "Nekad: frågan är för stor.")
            return
        fragor = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        if "nyckel" in fragor and hmac.compare_digest(fragor["nyckel"], self.nyckel):
            # Nyckeln i adressen blir en kaka, och adressen visas utan den.
            rest = urlencode({k: v for k, v in fragor.items() if k != "nyckel"})
            plats = scope["path"] + (f"?{rest}" if rest else "")
            ny_kaka = f"{KAKA}={self.nyckel}; HttpOnly; SameSite=Strict; Path=/"
            await _svara(skicka, 303, "Vidare.", [(b"location", plats.encode()),
                                                  (b"set-cookie", ny_kaka.encode())])  # fmt: skip
            return
        kakor = SimpleCookie(huvud.get("cookie", ""))
        kaka = kakor.get(KAKA)
        if kaka is None or not hmac.compare_digest(kaka.value, self.nyckel):
            await _svara(skicka, 403, "Nekad: öppna adressen som kvalitet redigera skrev ut.")
            return
        await _utan_traceback(self.app, scope, _begransad(ta), skicka)


async def _utan_traceback(app: App, scope: Scope, ta: Ta, skicka: Skicka) -> None:
    """Kör appen; ett oväntat fel blir en rad på standard fel (och 500 om inget svar gått)."""
    startat = False

    async def skicka_och_minns(meddelande: Meddelande) -> None:
        nonlocal startat
        startat = startat or meddelande["type"] == "http.response.start"
        await skicka(meddelande)

    try:
        await app(scope, ta, skicka_och_minns)
    except Exception as fel:  # servern ska leva vidare och säga vad som hände
        print(f"fel: {scope['path']} kunde inte visas ({type(fel).__name__}: {fel}).",
              file=sys.stderr)  # fmt: skip
        if not startat:
            await _svara(skicka, 500, "Sidan kunde inte visas; orsaken står i terminalen.")


def _vard(host: str) -> str:
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


def _begransad(ta: Ta) -> Ta:
    """Läser frågans kropp men slutar efter STORSTA_FRAGA byte (utan Content-Length)."""
    last = 0

    async def las() -> Meddelande:
        nonlocal last
        meddelande = await ta()
        last += len(meddelande.get("body", b""))
        if last > STORSTA_FRAGA:
            raise ValueError("frågan är för stor")
        return meddelande

    return las


async def _svara(
    skicka: Skicka, status: int, text: str, huvud: list[tuple[bytes, bytes]] | None = None
) -> None:
    kropp = text.encode("utf-8")
    await skicka(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"text/plain; charset=utf-8"),
                (b"content-length", str(len(kropp)).encode()),
                *(huvud or []),
            ],
        }
    )
    await skicka({"type": "http.response.body", "body": kropp})
