"""Reglerna: en modul per regel, samlade i ett register.

Varje regelmodul har `ID`, `NIVA` (standardnivån), `RUBRIK` och en funktion
`kontrollera(ktx)` som ger fynd. Modulens docstring är regelns dokumentation för
användaren och visas av `kvalitet regler`. En regel vars fynd beror på dagen (en frist:
ett rum utan session, en försenad egenkontroll) har `FRIST = True`; i en pull request
(`kontrollera --bas`) stoppar ett sådant fynd bara om grenen själv orsakar det.

Avvikelserna kan vara tiotusentals, och den stegvisa kontrollen (kvalitet.kontroll)
läser bara dem som har ändrats. Därför finns två slags regler:

- De flesta ger fynd i en avvikelse utifrån den avvikelsen och resten av verksamheten
  (huset, Garaget, sessionerna …), aldrig utifrån andra avvikelser. De läser
  `verksamhet.avvikelser` och `verksamhet.atgarder()`; deras fynd i en oförändrad
  avvikelse sparas i cachen.
- En regel som jämför avvikelser med varandra eller samlar ihop dem (dubbla id,
  hänvisningar till avvikelser, åtgärderna för målen) har `TVARS = True` och läser
  avvikelserna bara genom `verksamhet.avvikelseindex` och `verksamhet.alla_atgarder()`,
  som också har de olästa avvikelsernas index. Den körs över alla avvikelser varje gång.
"""

from __future__ import annotations

from kvalitet.kontroller import (
    atgarders_effekt,
    avslutade_arenden,
    avslutat_varv,
    bom,
    brukarinflytande_nivaer,
    brukarmedverkan,
    deltagare,
    dok_andrad,
    dok_hanvisningar,
    dok_karnprocess,
    dok_lankar,
    dok_revision,
    dok_upphavda,
    dubbla_id,
    dubbla_nycklar,
    egenkontroll_brister,
    egenkontroll_frekvens,
    egenkontroll_granskning,
    egenkontroll_moment,
    egenkontroll_utfall,
    felskrivet_personnummer,
    filnamn,
    forsenade_atgarder,
    garage_parkerade,
    genomford_session,
    granskning,
    handlingsplan_i_kraft,
    hoga_risker,
    integrerade_mal,
    konsuppdelat,
    lag_bevakning,
    lag_dokument,
    lex_sarah_datum,
    lex_sarah_frister,
    lex_sarah_ivo,
    malkedja,
    matmetod,
    obedomda_risker,
    obesvarade_fragor,
    ofullstandiga_atgarder,
    okand_fil,
    personnummer,
    platshallare,
    processer,
    referenser,
    regelnivaer,
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
    utredda_arenden,
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
    atgarders_effekt,
    garage_parkerade,
    matmetod,
    utfall,
    egenkontroll_utfall,
    malkedja,
    integrerade_mal,
    konsuppdelat,
    obedomda_risker,
    hoga_risker,
    riskvarde,
    egenkontroll_frekvens,
    egenkontroll_brister,
    egenkontroll_moment,
    egenkontroll_granskning,
    lex_sarah_datum,
    lex_sarah_frister,
    lex_sarah_ivo,
    avslutade_arenden,
    utredda_arenden,
    brukarmedverkan,
    avslutat_varv,
    brukarinflytande_nivaer,
    dok_lankar,
    dok_hanvisningar,
    dok_karnprocess,
    dok_revision,
    dok_upphavda,
    dok_andrad,
    lag_dokument,
    lag_bevakning,
    platshallare,
    regelnivaer,
    personnummer,
    tystat_personnummer,
    felskrivet_personnummer,
)

REGLER: dict[str, Regel] = {regel.ID: regel for regel in _MODULER}
"""Alla regler efter id, i den ordning de körs och listas."""
