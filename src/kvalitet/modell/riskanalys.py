"""riskanalyser/<id>.yaml: en riskanalys med riskerna, deras värden och åtgärder.

SOSFS 2011:9 5 kap. 1 §: verksamheten ska fortlöpande bedöma om det finns risk för
händelser som kan medföra brister i kvaliteten, uppskatta sannolikheten och bedöma de
negativa konsekvenserna; särskilt före en förändring (organisation, bemanning, nya
arbetssätt). Varje risk bedöms på två skalor 1–4, och riskvärdet är sannolikhet ×
konsekvens (1–16). Riskvärdet räknar kvalitet ut; den som ändå skriver `riskvärde` får
en kontroll av att det stämmer (RSK003).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from kvalitet.modell._bas import Atgard, Atgardsstatus, Basmodell, Datum, Id, Text, Uppfoljning

Skalsteg = Annotated[int, Field(strict=True, ge=1, le=4)]
"""Ett steg på en av riskskalorna, 1–4."""

SANNOLIKHET: dict[int, str] = {1: "mycket liten", 2: "liten", 3: "stor", 4: "mycket stor"}
"""Sannolikhetens steg och deras namn (Socialstyrelsens och SKR:s riskhandböcker)."""

KONSEKVENS: dict[int, str] = {1: "mindre", 2: "måttlig", 3: "betydande", 4: "katastrofal"}
"""Konsekvensens steg och deras namn."""


class Anledning(StrEnum):
    """Varför riskanalysen görs."""

    forandring = "förändring"
    ny_metod = "ny_metod"
    periodisk = "periodisk"
    avvikelse = "avvikelse"
    annan = "annan"


class Riskanalysstatus(StrEnum):
    """Var riskanalysen står: planerad, genomförd eller uppföljd."""

    planerad = "planerad"
    genomford = "genomförd"
    uppfoljd = "uppföljd"


BEDOMDA = (Riskanalysstatus.genomford, Riskanalysstatus.uppfoljd)
"""Analyser där varje risk ska vara beskriven och bedömd (RSK001)."""


class Omfattning(Basmodell):
    """Vad analysen gäller: ett rum i huset, en process i processregistret eller båda."""

    rum: Id | None = None
    """Rummets id, till exempel trygghet."""
    process: Text | None = None
    """Processens id (eller namn) i husets processregister."""
    beskrivning: Text | None = None
    """Vad som ingår i analysen och vad som inte gör det."""

    @model_validator(mode="after")
    def _rum_eller_process(self) -> Omfattning:
        if self.rum is None and self.process is None:
            raise ValueError("ange rum, process eller båda, så att analysen hör hemma någonstans.")
        return self


class Risk(Basmodell):
    """En risk: vad som kan hända, varför, hur troligt och hur allvarligt, och vad som görs."""

    id: Id | None = None
    """Riskens id i filen (R1, R2 …)."""
    risk: Text | None = None
    """Vad som kan hända, som en mening."""
    orsaker: list[Text] = []
    """Bakomliggande orsaker."""
    sannolikhet: Skalsteg | None = None
    """1 mycket liten, 2 liten, 3 stor, 4 mycket stor."""
    konsekvens: Skalsteg | None = None
    """1 mindre, 2 måttlig, 3 betydande, 4 katastrofal."""
    riskvärde: int | None = Field(default=None, strict=True, ge=1, le=16)
    """Frivilligt: kvalitet räknar ut sannolikhet × konsekvens och prövar ett ifyllt värde."""
    åtgärder: list[Atgard] = []
    """Åtgärderna, i samma form som i en handlingsplan."""
    accepterad: bool = False
    """true när risken accepteras utan åtgärd; skriv då varför i motivering."""
    motivering: Text | None = None
    """Varför risken accepteras."""

    @property
    def varde(self) -> int | None:
        """Riskvärdet sannolikhet × konsekvens, eller None när något av dem saknas."""
        if self.sannolikhet is None or self.konsekvens is None:
            return None
        return self.sannolikhet * self.konsekvens

    def har_atgard(self) -> bool:
        """Sant när risken har minst en åtgärd som inte är avbruten."""
        return any(a.status != Atgardsstatus.avbruten for a in self.åtgärder)

    def ar_accepterad(self) -> bool:
        """Sant när risken är accepterad med en motivering."""
        return self.accepterad and self.motivering is not None


class Riskanalys(Basmodell):
    """En riskanalys: riskerna inför en förändring eller regelbundet, med åtgärder."""

    id: Id
    """Analysens id, samma som filens namn (kvalitet riskanalys ny ger ett)."""
    rubrik: Text
    """Vad analysen gäller, på en rad."""
    datum: Datum
    """Dagen analysen görs eller gjordes (ÅÅÅÅ-MM-DD)."""
    anledning: Anledning
    """förändring, ny_metod, periodisk, avvikelse eller annan."""
    omfattning: Omfattning
    """Rummet och/eller processen som analysen gäller."""
    deltagare: list[Text] = []
    """De som deltog, som roller, aldrig namn."""
    risker: list[Risk] = []
    """Riskerna som analysen har identifierat."""
    status: Riskanalysstatus = Riskanalysstatus.planerad
    """planerad, genomförd eller uppföljd."""
    uppföljningar: list[Uppfoljning] = []
    """Uppföljningar som läggs till när analysen är genomförd."""

    def hogsta_varde(self) -> int | None:
        """Det högsta riskvärdet i analysen, eller None när ingen risk är bedömd."""
        return max((r.varde for r in self.risker if r.varde is not None), default=None)
