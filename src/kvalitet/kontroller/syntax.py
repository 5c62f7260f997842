"""Varje fil ska vara giltig YAML.

Vanliga orsaker: fel indrag (nycklar på samma nivå ska stå lika långt in), tabbtecken
i stället för mellanslag, ett kolon följt av mellanslag inne i en text utan
citattecken, eller citattecken som aldrig stängs. Fyndet pekar ut raden där tolken
gav upp; felet sitter ofta på den raden eller raden före.

Som skydd mot elak indata tolkas inte en fil med mer än 100 nivåer av listor och
mappningar i varandra, eller med mer än 20 000 värden när varje hänvisning (*alias)
räknas som hela sitt ankare (&namn), en så kallad alias-bomb.
"""

from __future__ import annotations

from collections.abc import Iterator

from kvalitet.fynd import Fynd, Niva
from kvalitet.kontroller._bas import Kontext
from kvalitet.kontroller._inlasning import inlasningsfynd

ID = "YAML001"
NIVA = Niva.fel
RUBRIK = "Filen är inte giltig YAML"


def kontrollera(ktx: Kontext) -> Iterator[Fynd]:
    """Filer som inte kan tolkas som YAML."""
    return inlasningsfynd(ktx, ID)
