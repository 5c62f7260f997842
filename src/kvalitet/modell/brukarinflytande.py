"""brukarinflytande/<år>.yaml: årets aktiviteter för brukarinflytande på de tre nivåerna.

Källan (001) säger att verksamheten ska ”arbeta med brukarinflytande parallellt på tre
nivåer”: individ (den enskildes egen insats), verksamhet (hur verksamheten utformas) och
system (riktlinjer, planering och politik). BUUUU-hjulets steg har sin brukarmedverkan;
här står allt annat: brukarråd, brukarrevisioner, brukarundersökningar, medverkan i
riktlinjer och liknande.
"""

from __future__ import annotations

from pydantic import Field

from kvalitet.modell._bas import Ar, Basmodell, Datum, Id, Text
from kvalitet.modell.buuuu import Inflytandeniva


class Inflytandeaktivitet(Basmodell):
    """En aktivitet för brukarinflytande: vad, när, vilka, vad brukarna sa och vad som följde."""

    id: Id
    """Aktivitetens id, till exempel bi01."""
    nivå: Inflytandeniva
    """Nivån för inflytandet: individ, verksamhet eller system."""
    aktivitet: Text
    """Vad som gjordes, till exempel ”Brukarråd” eller ”Brukarrevision av boendestödet”."""
    datum: Datum
    """Dagen aktiviteten hölls eller avslutades (ÅÅÅÅ-MM-DD)."""
    deltagare: list[Text] = Field(min_length=1)
    """Vilka som deltog, som roller och organisationer (aldrig namn), till exempel
    ”brukarrepresentanter från RSMH (3)”."""
    vad_brukarna_sa: Text
    """Vad brukarna sa: deras synpunkter, med egna ord där det går."""
    vad_som_ändrades: Text | None = None
    """Vad verksamheten ändrade som följd, eller varför inget ändrades."""
    rum: list[Id] = []
    """Rummen (id) som aktiviteten gav underlag till."""


class Brukarinflytande(Basmodell):
    """Årets brukarinflytande: filen brukarinflytande/<år>.yaml."""

    år: Ar
    """Året som aktiviteterna gäller."""
    aktiviteter: list[Inflytandeaktivitet] = []
    """Årets aktiviteter för brukarinflytande, på alla tre nivåerna."""
