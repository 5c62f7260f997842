"""Inga personnummer eller samordningsnummer får finnas i verksamhetens filer.

Förrådet granskas i pull requests, speglas till forgen och sparas för alltid i
git-historiken; det får inte innehålla personuppgifter (OSL 26 kap., GDPR art. 5).
Alla filer söks igenom som text, inte bara YAML-värdena: `1212121212` läses annars
som ett tal. Nummer i alla skrivsätt hittas (ÅÅMMDD-NNNN, ÅÅÅÅMMDDNNNN, med + efter
100 år), också med tankstreck, hårt mellanslag, tabb eller osynliga tecken mellan
siffrorna, med helbreddssiffror, ihop med ett ord, vikta över två rader, skrivna med
YAML:s escape-sekvenser och i fil- och mappnamn. Bara de med giltigt datum och
kontrollsiffra rapporteras, och aldrig i klartext: allt kvalitet skriver ut maskeras.

Är det ett falsklarm, till exempel ett telefonnummer som råkar ha rätt
kontrollsiffra, skriv på samma rad en kommentar med skälet:
`# kvalitet: ignorera PNR001 – telefonnummer till växeln`. Larmet blir då en
varning (PNR002) som visar skälet. Har numret redan checkats in måste det också
tas bort ur git-historiken.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "PNR001"
NIVA = Niva.fel
RUBRIK = "Personnummer eller samordningsnummer i en fil"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Personnummer och samordningsnummer som inte är tystade med ett skäl."""
    for hit in ktx.verksamhet.personnummertraffar:
        traff = hit.traff
        if traff.tystad or traff.fel_kontrollsiffra:
            continue
        slag = "samordningsnummer" if traff.samordningsnummer else "personnummer"
        tips = (
            " Skälet saknas: skriv ”kvalitet: ignorera PNR001 – skäl”."
            if hit.saknar_skal
            else " Ta bort det (och ur git-historiken om det redan är incheckat)."
        )
        if hit.i_namnet:
            yield Fynd(
                hit.fil,
                1,
                1,
                ID,
                f"Filens eller mappens namn innehåller ett {slag} ({traff.maskerat}). Byt namn"
                " på den (och ta bort den ur git-historiken om den redan är incheckad).",
            )
            continue
        yield Fynd(
            hit.fil,
            traff.rad,
            traff.kol,
            ID,
            f"Filen innehåller ett {slag} ({traff.maskerat}).{tips}",
        )
