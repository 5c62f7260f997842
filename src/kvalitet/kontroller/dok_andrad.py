"""Ett fastställt styrdokument ändras bara med en ny version och ett nytt fastställelsedatum.

Med `kvalitet kontrollera --bas REF` (i en pull request: målgrenen) jämförs varje
styrdokument som är fastställt i REF med grenens version. Har brödtexten eller huvudet
ändrats utan att både `version` och `fastställd` är nya, är det ett fel: ett fastställt
dokument är ett beslut, och en ändring av det behöver ett nytt beslut. Att skriva
`senast_granskad` eller `revideras_senast` (en översyn utan ändring) eller att upphäva
dokumentet (`status: upphävd`) kräver ingen ny version.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.styrdokumenten import andrat_utan_beslut

ID = "DOK005"
NIVA = Niva.fel
RUBRIK = "Fastställt styrdokument ändrat utan ny version"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Fastställda styrdokument i basen som grenen har ändrat utan ny version."""
    if ktx.bas is None:
        return
    nu = {dok.relativ: (dok, dokument) for dok, dokument in ktx.verksamhet.styrdokument}
    for gammal, fore in ktx.bas.styrdokument:
        ny, efter = nu.get(gammal.relativ, (None, None))
        if ny is None or efter is None or not andrat_utan_beslut(gammal, ny):
            continue
        yield ny.fynd_vid(
            ("version",) if "version" in (ny.data or {}) else (),
            ID,
            f"”{efter.titel}” är fastställt (version {fore.version or '–'},"
            f" {fore.fastställd or '–'}) men har ändrats utan ny version och nytt"
            " fastställelsedatum. Höj version och skriv det nya datumet när ändringen är"
            f" fastställd av {efter.fastställd_av or 'den som fastställer dokumentet'}.",
        )
