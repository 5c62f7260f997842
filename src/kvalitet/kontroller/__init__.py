"""Reglerna: en modul per regel, samlade i ett register.

Varje regelmodul har `ID`, `NIVA` (standardnivån), `RUBRIK` och en funktion
`kontrollera(ktx)` som ger fynd. Modulens docstring är regelns dokumentation för
användaren och visas av `kvalitet regler`. En regel vars fynd beror på dagen (en frist:
ett rum utan session, en försenad egenkontroll) har `FRIST = True`; i en pull request
(`kontrollera --bas`) stoppar ett sådant fynd bara om grenen själv orsakar det.
"""

from __future__ import annotations

from kvalitet.kontroller import (
    avslutade_arenden,
    bom,
    brukarmedverkan,
    deltagare,
    dubbla_id,
    dubbla_nycklar,
    egenkontroll_brister,
    egenkontroll_frekvens,
    egenkontroll_moment,
    felskrivet_personnummer,
    filnamn,
    forsenade_atgarder,
    genomford_session,
    granskning,
    handlingsplan_i_kraft,
    hoga_risker,
    lex_sarah_datum,
    lex_sarah_frister,
    lex_sarah_ivo,
    matmetod,
    obedomda_risker,
    obesvarade_fragor,
    ofullstandiga_atgarder,
    okand_fil,
    personnummer,
    platshallare,
    processer,
    referenser,
    riskvarde,
    rumsguide,
    rumsreferenser,
    schema,
    sena_rum,
    skyddade_poster,
    syntax,
    teckenkodning,
    tystat_personnummer,
    utfall,
)
from kvalitet.kontroller._bas import Regel

_MODULER: tuple[Regel, ...] = (
    teckenkodning,
    bom,
    okand_fil,
    syntax,
    dubbla_nycklar,
    schema,
    rumsreferenser,
    referenser,
    processer,
    dubbla_id,
    filnamn,
    rumsguide,
    granskning,
    handlingsplan_i_kraft,
    sena_rum,
    genomford_session,
    obesvarade_fragor,
    deltagare,
    skyddade_poster,
    forsenade_atgarder,
    ofullstandiga_atgarder,
    matmetod,
    utfall,
    obedomda_risker,
    hoga_risker,
    riskvarde,
    egenkontroll_frekvens,
    egenkontroll_brister,
    egenkontroll_moment,
    lex_sarah_datum,
    lex_sarah_frister,
    lex_sarah_ivo,
    avslutade_arenden,
    brukarmedverkan,
    platshallare,
    personnummer,
    tystat_personnummer,
    felskrivet_personnummer,
)

REGLER: dict[str, Regel] = {regel.ID: regel for regel in _MODULER}
"""Alla regler efter id, i den ordning de körs och listas."""
