"""Varje steg i ett BUUUU-varv ska ha brukarmedverkan.

BUUUU-hjulet (Behov, Uppdrag, Utbud, Utförande, Utfall) ställer varje steg också
tillsammans med brukarna. Ange under stegets `brukarmedverkan` hur brukarna deltog:
på vilken nivå (individ, verksamhet, system), i vilken aktivitet (till exempel
brukarråd, dialogmöte, brukarrevision, SIP) och när.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "BUU001"
NIVA = Niva.varning
RUBRIK = "Steg i BUUUU-varv utan brukarmedverkan"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Ifyllda steg i BUUUU-varv som saknar brukarmedverkan."""
    for dok, varv in ktx.verksamhet.buuuu:
        for namn, steg in varv.steg():
            if not steg.brukarmedverkan:
                yield dok.fynd_vid(
                    (namn,),
                    ID,
                    f"Steget ”{namn}” i ”{varv.namn}” saknar brukarmedverkan.",
                )
