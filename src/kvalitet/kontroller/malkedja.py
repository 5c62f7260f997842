"""Varje åtagande ska bygga på målen i taket, och målen ska hänga ihop uppåt.

Målkedjan går från kommunfullmäktiges mål via nämndens och enhetens mål till enhetens
åtaganden och ner till den enskilde. Målen står i husets tak (`tak.politiska_mål`) med
sin `nivå` (kommunfullmäktige, nämnd eller enhet); nämndens och enhetens mål anger det mål
ovanför som de bryter ned (`bidrar_till`). Ett åtagande pekar ut sina mål med
`politiska_mål: [id]`. Regeln säger till när ett åtagande inte pekar ut något mål (också
när målkedjan bara står som text under `mål`), och när ett nämnds- eller enhetsmål inte
bidrar till ett mål på en högre nivå. Ett id som inte finns är fel (REF002).
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet import malkedjan
from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext

ID = "MKD001"
NIVA = Niva.varning
RUBRIK = "Målkedjan är bruten"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Åtaganden utan mål i taket, och mål som inte bidrar till något ovanför."""
    v = ktx.verksamhet
    for dok, fil in v.ataganden:
        for i, atagande in enumerate(fil.åtaganden):
            if atagande.politiska_mål:
                continue
            som_text = " (målkedjan står bara som text under mål)" if atagande.mål else ""
            yield dok.fynd_vid(
                ("åtaganden", i, "id"),
                ID,
                f"Åtagandet ”{atagande.id}” pekar inte ut något av takets politiska mål"
                f"{som_text}. Skriv politiska_mål: [id] med enhetens (eller nämndens) mål.",
            )
    if v.huset is None:
        return
    dok, huset = v.huset
    for i, mal in enumerate(huset.tak.politiska_mål):
        if (orsak := malkedjan.brott(v, mal)) is not None:
            yield dok.fynd_vid(("tak", "politiska_mål", i, "id"), ID, orsak)
