"""`kvalitet kolada importera`: nyckeltal ur ett sparat Kolada-svar, utan nätverk."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_fel

if TYPE_CHECKING:
    from kvalitet.arbete.kolada import Import

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Jämförelser med andra kommuner ur Kolada, importerade ur sparade svar.",
)

HJALP = """Importera nyckeltal ur ett sparat svar från Koladas API till omvarld/kolada/KPI.yaml.

kvalitet använder aldrig nätverket: hämta svaret själv i webbläsaren eller med curl,
spara det som en fil och importera filen. Till exempel (v3; kommunen, en kommungrupp och
riket 0000, högst 25 id per del av adressen):

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
