"""`kvalitet redigera`: årshjulets sessioner som formulär i webbläsaren, på den egna datorn."""

from __future__ import annotations

from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog, Per
from kvalitet.cli._konsol import SvensktKommando, skriv
from kvalitet.fel import Anvandningsfel


def redigera(
    port: Annotated[
        int,
        typer.Option("--port", metavar="N", help="Porten (standard: en ledig port)."),
    ] = 0,
    ingen_webblasare: Annotated[
        bool,
        typer.Option("--ingen-webblasare", help="Öppna inte webbläsaren, skriv bara adressen."),
    ] = False,
    per: Per = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Fyll i årshjulets sessioner i ett formulär i webbläsaren; sparat som samma YAML.

    Servern lyssnar bara på den egna datorn (127.0.0.1) och kräver nyckeln i adressen som
    skrivs ut. Varje ändring skrivs genom samma redigeringslager som kommandona:
    kommentarer och orörda rader står kvar, och ett personnummer vägras. Stoppa med Ctrl-C.
    """
    import contextlib
    import gc
    import socket
    import webbrowser

    import uvicorn

    from kvalitet.formular import sakerhet
    from kvalitet.formular.app import Installning, skapa

    gc.enable()  # en server lever länge (kommandona stänger av skräpsamlaren)
    if not 0 <= port <= 65535:
        raise Anvandningsfel(f"--port ska vara mellan 1 och 65535, inte {port}.")
    dag = _alternativ.datum(per) if per else None
    v = _utskrift.ladda(katalog)
    with socket.socket() as prov:
        try:
            prov.bind(("127.0.0.1", port))
        except OSError:
            raise Anvandningsfel(
                f"Porten {port} är upptagen.", tips="Välj en annan med --port, eller utelämna den."
            ) from None
        port = prov.getsockname()[1]
    nyckel = sakerhet.ny_nyckel()
    adress = f"http://127.0.0.1:{port}/?nyckel={nyckel}"
    skriv(f"Formulären för {v.rot} finns på\n  {adress}\nStoppa servern med Ctrl-C.")
    if not ingen_webblasare:
        webbrowser.open(adress)
    installning = uvicorn.Config(
        skapa(Installning(v.rot, nyckel, dag)),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
    # Ctrl-C är det vanliga sättet att stoppa servern: uvicorn stänger den och lämnar
    # sedan avbrottet vidare, som här betyder att allt gick som det skulle.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(installning).run()
    skriv("Servern har stoppats.")
    return 0


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(redigera)
