"""`kvalitet kolada hamta|importera`: nyckeltal ur Koladas API, eller ur sparade svar."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, framsteg, skriv, skriv_fel
from kvalitet.fel import Anvandningsfel

if TYPE_CHECKING:
    from kvalitet.arbete.kolada import Import

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Jämförelser med andra kommuner ur Kolada: hämtade ur API:t eller ur sparade svar.",
)

HJALP = """Importera nyckeltal ur ett sparat svar från Koladas API till omvarld/kolada/KPI.yaml.

Importen använder aldrig nätverket (det gör kvalitet kolada hamta): hämta svaret själv
i webbläsaren eller med curl, spara det som en fil och importera filen. Till exempel
(v3; kommunen, en kommungrupp och riket 0000, högst 25 id per del av adressen):

\b
  curl -o n30005.json "https://api.kolada.se/v3/data/kpi/N30005/municipality/2401,G33832,0000/year/2020,2021,2022,2023,2024"

Både v2-svar (count, next_page, previous_page, values) och v3-svar (values, next_url)
läses. Bara nyckeltalen under kolada.nyckeltal i huset.yaml importeras; nya år läggs
till och äldre står kvar. Ett värde som saknas (null) förblir saknat, aldrig 0.
"""


@app.command(cls=SvensktKommando, help=HJALP)
def importera(
    filer: Annotated[
        list[Path],
        typer.Argument(metavar="FIL.json", help="Sparade svar från Kolada.", show_default=False),
    ],
    hamtad: Annotated[
        str | None,
        typer.Option(
            "--hamtad",
            metavar="DATUM",
            help="Dagen då svaret hämtades ur Kolada (standard: i dag).",
        ),
    ] = None,
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            metavar="FIL.json",
            help="Ett sparat svar från /v3/kpi/ID med nyckeltalens titlar.",
        ),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Importera nyckeltal ur sparade Kolada-svar."""
    from kvalitet.arbete import kolada
    from kvalitet.arbete._spara import spara

    dag = _alternativ.datum(hamtad, "--hamtad")
    v = _utskrift.ladda(katalog)
    resultat = kolada.importera(v, filer, dag, metadata)
    _lasta(resultat)
    if resultat.andringar:
        _utskrift.sparat(spara(v.rot, resultat.andringar, _alternativ.datum(None)))
    _sammanfatta(resultat)
    return 0


@app.command(cls=SvensktKommando)
def hamta(
    ar: Annotated[
        list[str] | None,
        typer.Option(
            "--ar",
            metavar="ÅR",
            help="Bara dessa år: 2024, 2020-2025 eller 2023,2024; kan upprepas (standard: alla).",
        ),
    ] = None,
    bas_url: Annotated[
        str | None,
        typer.Option(
            "--bas-url",
            metavar="URL",
            help="Koladas API (standard: KVALITET_KOLADA_URL, annars https://api.kolada.se/v3).",
        ),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Hämta nyckeltalen i huset.yaml ur Koladas API och importera dem.

    För kommunen, jämförelsegruppen och riket, med tidsgränser och nya försök när Kolada
    är överbelastat. Svaren sparas under omvarld/kolada-svar/ (så att varje siffra går
    att granska i pull requesten) och importeras sedan precis som med kolada importera.
    """
    import os

    from kvalitet import kolada_api
    from kvalitet.arbete import kolada, kolada_hamta
    from kvalitet.arbete._spara import spara

    aren = _aren(ar or [])
    bas = bas_url or os.environ.get("KVALITET_KOLADA_URL") or kolada_api.BAS
    dag = _alternativ.datum(None)
    v = _utskrift.ladda(katalog)
    antal_kpi = len(kolada.installningen(v).nyckeltal)
    with framsteg("Hämtar ur Kolada", antal_kpi) as steg:
        hamtade = kolada_hamta.hamta(v, aren, bas, dag, lambda _kpi: steg())
    for h in hamtade:
        sidor = "1 sida" if h.sidor == 1 else f"{h.sidor} sidor"
        skriv(f"Hämtade {h.kpi} ur Kolada ({sidor}) till {h.fil}.")
    andringar = [h.andring for h in hamtade if h.andring is not None]
    if andringar:
        spara(v.rot, andringar, dag)
    resultat = kolada.importera(v, [v.rot / h.fil for h in hamtade], dag)
    _lasta(resultat)
    if resultat.andringar:
        _utskrift.sparat(spara(v.rot, resultat.andringar, dag))
    _sammanfatta(resultat)
    return 0


def _aren(texter: list[str]) -> list[int]:
    """Åren ur --ar: 2024, 2020-2025 eller 2023,2024."""
    import re

    aren: set[int] = set()
    for del_ in (d.strip() for t in texter for d in t.split(",")):
        spann = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", del_)
        if spann and int(spann[1]) <= int(spann[2]):
            aren.update(range(int(spann[1]), int(spann[2]) + 1))
        elif re.fullmatch(r"\d{4}", del_):
            aren.add(int(del_))
        else:
            raise Anvandningsfel(
                f"”{del_}” är inget år för --ar; skriv till exempel 2024, 2020-2025 eller"
                " 2023,2024."
            )
    return sorted(aren)


def _lasta(resultat: Import) -> None:
    from kvalitet.svenska import antal

    for svar in resultat.svar:
        skriv(f"Läste {svar.fil} ({svar.version}, {antal(len(svar.rader), 'värde', 'värden')}).")
        for adress in svar.nasta:
            skriv_fel(f"varning: {svar.fil} har fler sidor; spara och importera också {adress}")


def _sammanfatta(resultat: Import) -> None:
    from kvalitet.svenska import antal

    for n in resultat.nyckeltal:
        ar = f" {n.ar[0]}–{n.ar[1]}" if n.ar else ""
        text = f"{n.kpi}: {antal(n.varden, 'värde', 'värden')}{ar}, varav {n.saknade} saknas"
        text += f", {n.borttagna} borttagna" if n.borttagna else ""
        skriv(text + ("." if n.andrad else f"; {n.fil} är oförändrad."))
    if resultat.hoppade:
        skriv(
            f"Hoppade över {', '.join(resultat.hoppade)}: står inte under kolada.nyckeltal"
            " i huset.yaml."
        )


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="kolada")
