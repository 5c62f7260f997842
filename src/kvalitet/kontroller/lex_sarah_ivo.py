"""Ett allvarligt missförhållande ska anmälas till IVO.

När ett lex Sarah-ärende bedöms som `allvarligt_missförhållande` eller
`påtaglig_risk_allvarligt` ska nämnden snarast anmäla det till Inspektionen för vård
och omsorg (IVO). Ange datumet i `lex_sarah.anmäld_ivo` och IVO:s diarienummer i
`ivo_dnr`.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.avvikelse import ALLVARLIGA

ID = "SAR003"
NIVA = Niva.fel
RUBRIK = "Allvarligt missförhållande inte anmält till IVO"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Allvarliga lex Sarah-ärenden utan datum för anmälan till IVO."""
    for dok, avvikelse in ktx.verksamhet.avvikelser:
        ls = avvikelse.lex_sarah
        if ls is not None and ls.bedömning in ALLVARLIGA and ls.anmäld_ivo is None:
            yield dok.fynd_vid(
                ("lex_sarah", "bedömning"),
                ID,
                f"Ärendet är bedömt som {ls.bedömning} men är inte anmält till IVO"
                " (lex_sarah.anmäld_ivo saknas).",
            )
