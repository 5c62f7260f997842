"""`kvalitet styrdokument lista|ny|importera`: processbeskrivningar, rutiner och riktlinjer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kvalitet.cli import _alternativ, _utskrift
from kvalitet.cli._alternativ import Katalog
from kvalitet.cli._konsol import SvenskGrupp, SvensktKommando, skriv, skriv_lista

app = typer.Typer(
    cls=SvenskGrupp,
    rich_markup_mode=None,
    no_args_is_help=True,
    help="Styrdokumenten i styrdokument/: processbeskrivningar, rutiner, riktlinjer och andra.",
)

SLAG = ("process", "rutin", "riktlinje", "instruktion", "checklista", "blankett", "policy")


def _slag_alternativ(hjalp: str) -> typer.models.OptionInfo:
    return typer.Option("--slag", metavar="SLAG", help=hjalp)  # type: ignore[no-any-return]


Agare = Annotated[
    str | None,
    typer.Option(
        "--agare",
        metavar="ROLL",
        help="Rollen som äger dokumentet, till exempel ”enhetschef vuxenenheten”; aldrig ett"
        " namn." + _alternativ.KRAVS,
    ),
]


@app.command(cls=SvensktKommando)
def lista(
    slag: Annotated[
        str | None, _slag_alternativ("Bara dokument av ett slag: " + ", ".join(SLAG))
    ] = None,
    forfallna: Annotated[
        bool,
        typer.Option("--forfallna", help="Bara fastställda dokument som skulle ha reviderats."),
    ] = False,
    per: _alternativ.Per = None,
    format_: _alternativ.Listformat = "text",
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Lista styrdokumenten: version, fastställelse, senaste ändring i git och revision."""
    from kvalitet.arbete import styrdokument
    from kvalitet.modell.styrdokument import Slag

    valt = Slag(_alternativ.ett_av(slag, SLAG, "--slag")) if slag else None
    dag = _alternativ.datum(per)
    valt_format = _alternativ.ett_av(format_, _alternativ.LISTFORMAT, "--format")
    v = _utskrift.ladda(katalog, "hus", "styrdokument")
    skriv_lista(styrdokument.lista(v, dag, valt, forfallna), valt_format, alla=True)
    return _utskrift.trasiga_kallor(v, "styrdokument")


@app.command(cls=SvensktKommando)
def ny(
    slag: Annotated[str | None, _slag_alternativ(", ".join(SLAG) + "." + _alternativ.KRAVS)] = None,
    titel: Annotated[
        str | None,
        typer.Option("--titel", metavar="TEXT", help="Dokumentets titel." + _alternativ.KRAVS),
    ] = None,
    agare: Agare = None,
    id_: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="Dokumentets id (standard: ur titeln)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Skapa styrdokument/ID.md som ett utkast ur mallen för slaget (mallar/styrdokument/)."""
    from kvalitet.arbete import styrdokument
    from kvalitet.arbete._spara import spara
    from kvalitet.modell.styrdokument import Slag

    uppgifter = styrdokument.Ny(
        slag=Slag(_alternativ.kravs(slag, "--slag", "Slag", SLAG)),
        titel=_alternativ.kravs(titel, "--titel", "Titel", exempel='"Rutin för hembesök"'),
        agare=_alternativ.kravs(agare, "--agare", "Ägare (en roll)", exempel='"enhetschef"'),
        id=id_,
    )
    v = _utskrift.ladda(katalog)
    nytt, andring = styrdokument.ny(v, uppgifter)
    _utskrift.sparat(spara(v.rot, [andring], _alternativ.datum(None)))
    skriv(
        f"Skapade utkastet {nytt}. Skriv dokumentet, och när det är fastställt: status:"
        " fastställd, fastställd (datum), fastställd_av och version."
    )
    return 0


HJALP_IMPORTERA = """Importera Word-dokument (.docx) som styrdokument (utkast) i styrdokument/.

Rubriker, listor (också i flera nivåer), tabeller, länkar, fetstil och kursiv blir
Markdown; bilderna sparas i styrdokument/ID/ bredvid dokumentet. Titeln tas ur
dokumentets egenskaper eller första rubrik, och id:t ur titeln. Inget skrivs om ett
dokument innehåller ett personnummer, och ett befintligt dokument skrivs aldrig över.
Läs igenom varje importerat dokument: Word-formatering som Markdown saknar (färger,
textrutor, sidhuvuden) följer inte med.
"""


@app.command(cls=SvensktKommando, help=HJALP_IMPORTERA)
def importera(
    filer: Annotated[
        list[Path],
        typer.Argument(metavar="FIL.docx", help="Word-dokumenten.", show_default=False),
    ],
    slag: Annotated[str | None, _slag_alternativ(", ".join(SLAG) + "." + _alternativ.KRAVS)] = None,
    agare: Agare = None,
    id_: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="Id (bara när ett dokument importeras)."),
    ] = None,
    katalog: Katalog = _alternativ.MAPP,
) -> int:
    """Importera Word-dokument som styrdokument."""
    from kvalitet.arbete import styrdokument
    from kvalitet.arbete._spara import spara
    from kvalitet.modell.styrdokument import Slag

    valt = Slag(_alternativ.kravs(slag, "--slag", "Slag", SLAG))
    roll = _alternativ.kravs(agare, "--agare", "Ägare (en roll)", exempel='"enhetschef"')
    idag = _alternativ.datum(None)
    v = _utskrift.ladda(katalog)
    importerade, andringar = styrdokument.importera(v, filer, valt, roll, id_, idag)
    _utskrift.sparat(spara(v.rot, andringar, idag))
    for i in importerade:
        bilder = f", {i.bilder} bilder" if i.bilder != 1 else ", 1 bild"
        skriv(f"Importerade {i.kalla.name} som {i.id} (”{i.titel}”{bilder if i.bilder else ''}).")
        for anmarkning in i.anmarkningar:
            skriv(f"  Anmärkning från omvandlingen: {anmarkning}")
    skriv("Läs igenom dokumenten och fyll i gäller, lagkrav och fastställelsen i huvudet.")
    return 0


def registrera(huvud: typer.Typer) -> None:
    """Lägg till kommandogruppen i appen."""
    huvud.add_typer(app, name="styrdokument")
