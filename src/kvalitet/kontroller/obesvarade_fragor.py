"""En genomförd session ska besvara varje fråga i rummets orsaksanalys.

Frågorna står i rummets guide (`rum/<rum>.yaml`, `orsaksanalys`). Sessionens
`orsaksanalys` ska ha varje fråga med ett ifyllt `svar`; frågan känns igen på sitt
`id` (till exempel `o2`) eller på frågans text.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.modell.arshjul import Session, Sessionsstatus, Svar
from kvalitet.modell.rum import Orsaksfraga

ID = "SES002"
NIVA = Niva.fel
RUBRIK = "Genomförd session med obesvarad fråga"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Frågor ur rummets guide som en genomförd session inte har besvarat."""
    for dok, session in ktx.verksamhet.sessioner:
        guide = ktx.verksamhet.guider.get(session.rum)
        if session.status != Sessionsstatus.genomford or guide is None:
            continue
        for fraga in guide[1].orsaksanalys:
            index, svar = _svaret(session, fraga)
            if svar is None:
                yield dok.fynd_vid(
                    ("orsaksanalys",),
                    ID,
                    f"Frågan ”{fraga.fråga}” ({fraga.id}) saknas i sessionen.",
                )
            elif not (svar.svar or "").strip():
                yield dok.fynd_vid(
                    ("orsaksanalys", index),
                    ID,
                    f"Frågan ”{fraga.fråga}” ({fraga.id}) är inte besvarad.",
                )


def _normalisera(text: str) -> str:
    return " ".join(text.split()).casefold()


def _svaret(session: Session, fraga: Orsaksfraga) -> tuple[int, Svar | None]:
    for index, svar in enumerate(session.orsaksanalys):
        if svar.id == fraga.id or _normalisera(svar.fråga) == _normalisera(fraga.fråga):
            return index, svar
    return -1, None
