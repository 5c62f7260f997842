"""avvikelser/<år>/<id>.yaml: en avvikelse, ett missförhållande, en synpunkt eller ett klagomål."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from kvalitet.modell._bas import Atgard, Basmodell, Datum, Id, Text, Uppfoljning

if TYPE_CHECKING:
    from kvalitet.modell.huset import LexSarahFrister


class Avvikelsetyp(StrEnum):
    """Vad som har rapporterats."""

    avvikelse = "avvikelse"
    missforhallande = "missförhållande"
    risk_for_missforhallande = "risk_för_missförhållande"
    synpunkt = "synpunkt"
    klagomal = "klagomål"


LEX_SARAH_TYPER = (Avvikelsetyp.missforhallande, Avvikelsetyp.risk_for_missforhallande)


class Avvikelsestatus(StrEnum):
    """Ärendets steg, från registrerad till avslutad."""

    registrerad = "registrerad"
    under_utredning = "under_utredning"
    bedomd = "bedömd"
    anmald_ivo = "anmäld_ivo"
    atgardad = "åtgärdad"
    uppfoljd = "uppföljd"
    avslutad = "avslutad"


class Kalla(StrEnum):
    """Vem synpunkten, klagomålet eller rapporten kom från."""

    brukare = "brukare"
    narstaende = "närstående"
    personal = "personal"
    annan_myndighet = "annan_myndighet"
    organisation = "organisation"
    annan = "annan"


class Utredning(Basmodell):
    """Utredningen av ärendet."""

    orsaker: list[Text] = []
    """De bakomliggande orsakerna, kartlagda utifrån ärendets process; en per punkt.
    Ett avslutat ärende ska ha minst en (regeln AVV002)."""
    ansvarig: Text | None = None
    """Rollen som ansvarar för utredningen, aldrig en persons namn."""
    klar: Datum | None = None
    """Dagen utredningen blev klar (ÅÅÅÅ-MM-DD)."""


class Bedomning(StrEnum):
    """Bedömningen i ett lex Sarah-ärende."""

    ej_missforhallande = "ej_missförhållande"
    missforhallande = "missförhållande"
    pataglig_risk = "påtaglig_risk"
    allvarligt = "allvarligt_missförhållande"
    pataglig_risk_allvarligt = "påtaglig_risk_allvarligt"


ALLVARLIGA = (Bedomning.allvarligt, Bedomning.pataglig_risk_allvarligt)


class LexSarah(Basmodell):
    """Datum och bedömning i ett lex Sarah-ärende (SOSFS 2011:5)."""

    rapporterad: Datum
    omedelbara_åtgärder: Datum | None = None
    utredning_påbörjad: Datum | None = None
    utredare: Text | None = None
    bedömning: Bedomning | None = None
    bedömd: Datum | None = None
    ställningstagande: Datum | None = None
    nämnd_informerad: Datum | None = None
    anmäld_ivo: Datum | None = None
    ivo_dnr: Text | None = None
    ivo_beslut: Datum | None = None

    def steg(self, frister: LexSarahFrister) -> list[LexSarahSteg]:
        """Stegen med verksamhetens lokala frister.

        Utredningen, bedömningen, ställningstagandet och, när ärendet har bedömts som
        allvarligt, anmälan till IVO.
        """
        steg = [
            LexSarahSteg("utredning_påbörjad", "utredningen påbörjas", self.utredning_påbörjad,
                         self.rapporterad, frister.utredning_påbörjad_inom_dagar),
            LexSarahSteg("bedömd", "bedömningen göras", self.bedömd, self.rapporterad,
                         frister.bedömd_inom_dagar),
            LexSarahSteg("ställningstagande", "utredningen avslutas", self.ställningstagande,
                         self.rapporterad, frister.utredning_klar_inom_dagar),
        ]  # fmt: skip
        if self.bedömning in ALLVARLIGA and self.bedömd is not None:
            ivo = frister.anmälan_ivo_inom_dagar_efter_bedömning
            steg.append(LexSarahSteg("anmäld_ivo", "anmälan till IVO göras", self.anmäld_ivo,
                                     self.bedömd, ivo))  # fmt: skip
        return steg


@dataclass(frozen=True)
class LexSarahSteg:
    """Ett steg i ett lex Sarah-ärende och dess lokala frist."""

    nyckel: str
    """Stegets datum i lex_sarah (utredning_påbörjad, bedömd …)."""
    vad: str
    """Vad som ska ske, som i ”enligt lokal rutin ska utredningen påbörjas inom …”."""
    gjord: date | None
    fran: date
    dagar: int

    @property
    def senast(self) -> date:
        """Dagen steget senast ska vara gjort."""
        return self.fran + timedelta(days=self.dagar)


class Avvikelse(Basmodell):
    """En avvikelse, ett missförhållande, en synpunkt eller ett klagomål."""

    id: Id
    typ: Avvikelsetyp
    inkom: Datum
    rum: Id
    process: Text | None = None
    """Processen som ärendet gäller, med namn eller id i husets processregister; orsakerna
    kartläggs utifrån den. Ett avslutat ärende ska ange den (regeln AVV002)."""
    källa: Kalla | None = None
    ärende_ref: Text | None = None
    beskrivning: Text
    utredning: Utredning | None = None
    åtgärder: list[Atgard] = []
    inga_åtgärder_motivering: Text | None = None
    status: Avvikelsestatus = Avvikelsestatus.registrerad
    besvarad: Datum | None = None
    lex_sarah: LexSarah | None = None
    uppföljningar: list[Uppfoljning] = []

    def saknad_utredning(self) -> list[str]:
        """Det som saknas för att ärendet ska vara utrett: `utredning.orsaker` och `process`.

        En orsak eller en process av bara blanksteg räknas som saknad.
        """
        orsaker = [o for o in (self.utredning.orsaker if self.utredning else []) if o.strip()]
        saknas = [] if orsaker else ["utredning.orsaker"]
        if not (self.process and self.process.strip()):
            saknas.append("process")
        return saknas

    def ar_lex_sarah(self) -> bool:
        """Sant för missförhållanden och risker för missförhållanden."""
        return self.typ in LEX_SARAH_TYPER


class Avvikelseindex(Basmodell):
    """Avvikelsen utan sina texter: det som listor, läget och reglerna över filer behöver.

    Indexet sparas i cachen för varje avvikelse (se kvalitet.lasning). Den stegvisa
    kontrollen läser inte om tusentals oförändrade avvikelser: reglerna som jämför
    avvikelser med varandra eller med andra filer (dubbla id, hänvisningar, åtgärderna
    för de integrerade målen, processerna) läser indexet. Detsamma gör kommandon som
    behöver alla avvikelser men inte deras beskrivningar (`avvikelse lista`, `status`,
    `handlingsplan`, `avvikelse ny`, `arshjul starta`).
    """

    id: Id
    typ: Avvikelsetyp
    inkom: Datum
    rum: Id
    process: Text | None = None
    status: Avvikelsestatus = Avvikelsestatus.registrerad
    åtgärder: list[Atgard] = []

    @classmethod
    def ur(cls, avvikelse: Avvikelse) -> Avvikelseindex:
        """Indexet för en avvikelse."""
        return cls.model_construct(
            id=avvikelse.id,
            typ=avvikelse.typ,
            inkom=avvikelse.inkom,
            rum=avvikelse.rum,
            process=avvikelse.process,
            status=avvikelse.status,
            åtgärder=avvikelse.åtgärder,
        )
