"""`kvalitet schema`: JSON Schema för varje filtyp, för editorer som VS Code."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kvalitet.cli import _alternativ
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvensktKommando, skriv, skriv_fel

if TYPE_CHECKING:
    from kvalitet.skrivning import Andring

Ut = Annotated[
    Path | None,
    typer.Option(
        "--ut",
        metavar="MAPP",
        help="Mappen att skriva schemana i (standard: .kvalitet/schema i verksamheten).",
        show_default=False,
    ),
]
Vscode = Annotated[
    bool,
    typer.Option(
        "--vscode",
        help="Skriv också .vscode/settings.json i verksamheten, så att VS Code:s YAML-tillägg"
        " använder schemana (en befintlig fil skrivs aldrig över).",
    ),
]


def schema(ut: Ut = None, vscode: Vscode = False, katalog: Katalog = _alternativ.MAPP) -> int:
    """Skriv ett JSON Schema per filtyp, så att editorn fyller i nycklar och visar fel.

    Schemana skapas ur kvalitets datamodell. Bara scheman som kvalitet har skapat
    skrivs över; finns en annan fil med samma namn ändras ingenting (slutkod 1).
    """
    from kvalitet import schema as karna
    from kvalitet.lasning.filer import hitta_rot

    rot = hitta_rot(katalog)
    mapp = (ut if ut is not None else rot / karna.STANDARDMAPP).resolve()
    andringar = karna.filer(mapp)
    prefix = Path(os.path.relpath(mapp, rot)).as_posix()
    installningar = karna.vscode_fil(rot, prefix) if vscode else None
    _spara([*andringar, *([installningar] if installningar else [])])
    _visa_scheman(mapp, andringar)
    if vscode:
        _visa_vscode(rot, prefix, installningar)
    return 0


def _spara(andringar: list[Andring]) -> None:
    from kvalitet.arbete._spara import spara

    if andringar:
        bas = Path(os.path.commonpath([a.sokvag.parent for a in andringar]))
        spara(bas, andringar, date.today())


def _visa_scheman(mapp: Path, andringar: list[Andring]) -> None:
    from kvalitet import schema as karna

    skrivna = {a.sokvag: a for a in andringar}
    for namn in karna.SCHEMAFILER.values():
        andring = skrivna.get(mapp / namn)
        verb = "Oförändrad" if andring is None else "Skapade" if andring.ar_ny else "Skrev om"
        skriv(f"{verb} {os.path.relpath(mapp / namn)}")


def _visa_vscode(rot: Path, prefix: str, installningar: Andring | None) -> None:
    from kvalitet import schema as karna

    fil = os.path.relpath(rot / karna.VSCODE)
    if installningar is not None:
        skriv(f"Skapade {fil}")
        return
    saknade = karna.saknade_yaml_scheman(rot, prefix)
    if not saknade:
        skriv(f"Oförändrad {fil}")
        return
    poster = json.dumps({"yaml.schemas": saknade}, ensure_ascii=False, indent=2)
    skriv_fel(
        f"{fil} finns redan och skrivs inte över. Lägg själv till de här"
        f" schemana under ”yaml.schemas” i den:\n{poster}"
    )


def registrera(app: typer.Typer) -> None:
    """Lägg till kommandot i appen."""
    app.command(cls=SvensktKommando)(schema)
