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
from kvalitet.modell.styrdokument import Dokumentstatus, Styrdokument
from kvalitet.styrdokumenten import brodtext

ID = "DOK005"
NIVA = Niva.fel
RUBRIK = "Fastställt styrdokument ändrat utan ny version"

# Det som får ändras i huvudet utan ett nytt beslut.
_OVERSYN = {"senast_granskad", "revideras_senast", "status"}


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Fastställda styrdokument i basen som grenen har ändrat utan ny version."""
    if ktx.bas is None:
        return
    nu = {dok.relativ: (dok, dokument) for dok, dokument in ktx.verksamhet.styrdokument}
    for gammal, fore in ktx.bas.styrdokument:
        if fore.status != Dokumentstatus.faststalld or gammal.relativ not in nu:
            continue
        ny, efter = nu[gammal.relativ]
        if _andrat(gammal, fore, ny, efter) and not _nytt_beslut(fore, efter):
            yield ny.fynd_vid(
                ("version",) if "version" in (ny.data or {}) else (),
                ID,
                f"”{efter.titel}” är fastställt (version {fore.version or '–'},"
                f" {fore.fastställd or '–'}) men har ändrats utan ny version och nytt"
                " fastställelsedatum. Höj version och skriv det nya datumet när ändringen är"
                f" fastställd av {efter.fastställd_av or 'den som fastställer dokumentet'}.",
            )


def _andrat(gammal: object, fore: Styrdokument, ny: object, efter: Styrdokument) -> bool:
    if efter.status == Dokumentstatus.upphavd:
        return False
    huvud_fore = fore.model_dump(exclude=_OVERSYN)
    huvud_efter = efter.model_dump(exclude=_OVERSYN)
    return huvud_fore != huvud_efter or brodtext(gammal)[0] != brodtext(ny)[0]  # type: ignore[arg-type]


def _nytt_beslut(fore: Styrdokument, efter: Styrdokument) -> bool:
    return efter.version != fore.version and efter.fastställd != fore.fastställd
