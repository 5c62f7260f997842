"""En verksamhet: mappen med huset.yaml, alla dess dokument och uppslag i dem."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from pydantic import BaseModel

from kvalitet import personnummer
from kvalitet.dokument import Dokument, tolka_dokument
from kvalitet.fel import Anvandningsfel
from kvalitet.lasning import filer
from kvalitet.lasning.filer import HUSET, hitta_rot
from kvalitet.modell import filtyp_for
from kvalitet.modell._bas import Atgard
from kvalitet.modell.arshjul import Session
from kvalitet.modell.ataganden import Ataganden
from kvalitet.modell.avvikelse import Avvikelse, Avvikelseindex
from kvalitet.modell.brukarinflytande import Brukarinflytande
from kvalitet.modell.buuuu import BuuuuVarv
from kvalitet.modell.egenkontroll import Egenkontrollplan, Egenkontrollresultat
from kvalitet.modell.garaget import Garaget
from kvalitet.modell.huset import Huset, Rum
from kvalitet.modell.lagkrav import Lagkravslista
from kvalitet.modell.riskanalys import Riskanalys
from kvalitet.modell.rum import RumGuide
from kvalitet.modell.styrdokument import Styrdokument
from kvalitet.personnummer import Personnummertraff
from kvalitet.svenska import normaliserad

if TYPE_CHECKING:
    from kvalitet.lasning import inlasning

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Atgardsplats:
    """En åtgärd och var den står."""

    dok: Dokument
    vag: tuple[str | int, ...]
    atgard: Atgard
    rum: str | None = None
    """Rummet, när dokumentet inte själv anger det (ett egenkontrollresultat får sitt
    kontrollmoments rum)."""


class Verksamhet:
    """Alla filer i en verksamhet, lästa och validerade, med uppslag mellan dem."""

    def __init__(
        self,
        rot: Path,
        dokument: list[Dokument],
        ovriga: list[Path],
        lankar_ut: Sequence[str] = (),
    ) -> None:
        self.rot = rot
        self.dokument = dokument
        self.ovriga_filer = ovriga
        self.lankar_ut = list(lankar_ut)
        """Andra filer än dokument som är länkar ut ur roten (de läses inte)."""
        self.filer: list[filer.Fil] | None = None
        """Alla filer som de listades när hela verksamheten lästes (med sina
        kontrollsummor), så att kontrollens sparade utfall kan användas; None annars."""
        self.olasta: list[tuple[Dokument, Avvikelseindex]] = []
        """Avvikelser som bara lästes som index (se ladda med som_index, och den stegvisa
        kontrollen). De finns inte i `dokument` eller `avvikelser`, men i
        `avvikelseindex` och `alla_atgarder()`."""
        self.vagar: list[str] | None = None
        """Alla dokuments vägar i filordning, också de som inte lästes; None när alla
        dokument finns i `dokument`."""

    def med(self, nya: list[Dokument]) -> Verksamhet:
        """En kopia där dessa dokument ersätter (eller läggs till) dokumenten på samma plats."""
        platser = {dok.relativ for dok in nya}
        behallna = [dok for dok in self.dokument if dok.relativ not in platser]
        dokument = sorted([*behallna, *nya], key=lambda dok: dok.relativ)
        kopia = Verksamhet(self.rot, dokument, self.ovriga_filer, self.lankar_ut)
        kopia.olasta = [par for par in self.olasta if par[0].relativ not in platser]
        if self.vagar is not None:
            vagar = set(self.vagar) | platser
            kopia.vagar = sorted(vagar, key=lambda vag: vag.split("/"))
        return kopia

    def med_fel(self) -> list[Dokument]:
        """Dokument som inte kunde läsas eller inte följer formatet (och därför inte räknas)."""
        return [dok for dok in self.dokument if dok.inlasningsfynd or dok.valideringsfel]

    def av_typ(self, modell: type[M]) -> list[tuple[Dokument, M]]:
        """Giltiga dokument av en filtyps modell, i filordning."""
        return self._per_modell.get(modell, [])  # type: ignore[return-value]

    @cached_property
    def _per_modell(self) -> dict[type[BaseModel], list[tuple[Dokument, BaseModel]]]:
        # Ett uppslag på modellens klass i stället för isinstance på varje dokument för
        # varje fråga: pydantic:s isinstance är långsam, och reglerna frågar ofta.
        index: dict[type[BaseModel], list[tuple[Dokument, BaseModel]]] = {}
        for dok in self.dokument:
            if dok.modell is not None:
                index.setdefault(type(dok.modell), []).append((dok, dok.modell))
        return index

    @cached_property
    def huset(self) -> tuple[Dokument, Huset] | None:
        """Huset, om huset.yaml är giltig."""
        return next(iter(self.av_typ(Huset)), None)

    @property
    def namn(self) -> str:
        """Verksamhetens namn ur huset, eller mappens namn när huset inte kan läsas."""
        return self.huset[1].verksamhet.namn if self.huset else self.rot.name

    @cached_property
    def rum(self) -> list[Rum]:
        """Husets rum, eller inga om huset inte kunde läsas."""
        return list(self.huset[1].rum) if self.huset else []

    @cached_property
    def guider(self) -> dict[str, tuple[Dokument, RumGuide]]:
        """Rumsguiderna efter id."""
        return {guide.id: (dok, guide) for dok, guide in self.av_typ(RumGuide)}

    @cached_property
    def sessioner(self) -> list[tuple[Dokument, Session]]:
        """Alla årshjulssessioner."""
        return self.av_typ(Session)

    @cached_property
    def avvikelser(self) -> list[tuple[Dokument, Avvikelse]]:
        """Alla avvikelser, synpunkter, klagomål och missförhållanden."""
        return self.av_typ(Avvikelse)

    @cached_property
    def ataganden(self) -> list[tuple[Dokument, Ataganden]]:
        """Alla åtagandefiler."""
        return self.av_typ(Ataganden)

    @cached_property
    def brukarinflytande(self) -> list[tuple[Dokument, Brukarinflytande]]:
        """Alla filer med brukarinflytande (en per år)."""
        return self.av_typ(Brukarinflytande)

    @cached_property
    def buuuu(self) -> list[tuple[Dokument, BuuuuVarv]]:
        """Alla BUUUU-varv."""
        return self.av_typ(BuuuuVarv)

    @cached_property
    def egenkontrollplan(self) -> tuple[Dokument, Egenkontrollplan] | None:
        """Egenkontrollplanen, om egenkontroll.yaml finns och är giltig."""
        return next(iter(self.av_typ(Egenkontrollplan)), None)

    @cached_property
    def egenkontrollresultat(self) -> list[tuple[Dokument, Egenkontrollresultat]]:
        """Alla genomförda (och påbörjade) egenkontroller."""
        return self.av_typ(Egenkontrollresultat)

    @cached_property
    def riskanalyser(self) -> list[tuple[Dokument, Riskanalys]]:
        """Alla riskanalyser."""
        return self.av_typ(Riskanalys)

    @cached_property
    def styrdokument(self) -> list[tuple[Dokument, Styrdokument]]:
        """Alla styrdokument (styrdokument/<id>.md) med giltigt huvud."""
        return self.av_typ(Styrdokument)

    @cached_property
    def styrdokument_per_id(self) -> dict[str, tuple[Dokument, Styrdokument]]:
        """Styrdokumenten efter id (det första när två har samma id)."""
        per_id: dict[str, tuple[Dokument, Styrdokument]] = {}
        for par in self.styrdokument:
            per_id.setdefault(par[1].id, par)
        return per_id

    @cached_property
    def lagkravslista(self) -> tuple[Dokument, Lagkravslista] | None:
        """Lagkravslistan, om lagkrav.yaml finns och är giltig."""
        return next(iter(self.av_typ(Lagkravslista)), None)

    @cached_property
    def garaget(self) -> tuple[Dokument, Garaget] | None:
        """Garaget, om garaget.yaml finns och är giltig."""
        return next(iter(self.av_typ(Garaget)), None)

    def har_arbete(self, ar: int) -> bool:
        """Sant när året har åtaganden eller en årshjulssession: årets arbete är planerat.

        Regler som kräver något av året (integrerade mål, brukarinflytande) väntar tills
        dess, så att en ny verksamhet inte får fynd för det den inte har kunnat göra.
        """
        return any(fil.år == ar and fil.åtaganden for _, fil in self.ataganden) or any(
            session.år == ar for _, session in self.sessioner
        )

    @cached_property
    def avvikelseindex(self) -> list[tuple[Dokument, Avvikelseindex]]:
        """Varje avvikelses index (se Avvikelseindex), också de olästas, i filordning."""
        lasta = [(dok, Avvikelseindex.ur(avvikelse)) for dok, avvikelse in self.avvikelser]
        if not self.olasta:
            return lasta
        ordning = {vag: i for i, vag in enumerate(self.dokumentvagar)}
        return sorted(
            [*lasta, *self.olasta], key=lambda par: ordning.get(par[0].relativ, len(ordning))
        )

    @property
    def dokumentvagar(self) -> list[str]:
        """Varje dokuments väg relativt roten i filordning, också de olästa dokumentens."""
        return self.vagar if self.vagar is not None else [dok.relativ for dok in self.dokument]

    def atgarder(self) -> Iterator[Atgardsplats]:
        """Varje åtgärd: i handlingsplanerna, avvikelserna, egenkontrollerna och riskanalyserna."""
        return iter(self._atgarder)

    def alla_atgarder(self) -> Iterator[Atgardsplats]:
        """Som atgarder(), och de olästa avvikelsernas åtgärder ur deras index."""
        return iter(self._alla_atgarder)

    @cached_property
    def _atgarder(self) -> list[Atgardsplats]:
        # Flera regler går igenom alla åtgärder; de samlas en gång.
        return list(self._atgarder_i(self.avvikelser))

    @cached_property
    def _alla_atgarder(self) -> list[Atgardsplats]:
        return list(self._atgarder_i(self.avvikelseindex)) if self.olasta else self._atgarder

    def _atgarder_i(
        self, avvikelser: Sequence[tuple[Dokument, Avvikelse | Avvikelseindex]]
    ) -> Iterator[Atgardsplats]:
        for dok, session in self.sessioner:
            for i, atgard in enumerate(session.handlingsplan):
                yield Atgardsplats(dok, ("handlingsplan", i), atgard)
        for dok, avvikelse in avvikelser:
            for i, atgard in enumerate(avvikelse.åtgärder):
                yield Atgardsplats(dok, ("åtgärder", i), atgard)
        yield from self._egenkontrollatgarder()
        yield from self._riskatgarder()

    def _riskatgarder(self) -> Iterator[Atgardsplats]:
        for dok, analys in self.riskanalyser:
            for i, risk in enumerate(analys.risker):
                for j, atgard in enumerate(risk.åtgärder):
                    vag = ("risker", i, "åtgärder", j)
                    yield Atgardsplats(dok, vag, atgard, analys.omfattning.rum)

    def _egenkontrollatgarder(self) -> Iterator[Atgardsplats]:
        moment = self.egenkontrollplan[1].kontrollmoment if self.egenkontrollplan else []
        rum = {m.id: m.rum for m in moment}
        for dok, resultat in self.egenkontrollresultat:
            for i, atgard in enumerate(resultat.åtgärder):
                yield Atgardsplats(dok, ("åtgärder", i), atgard, rum.get(resultat.kontrollmoment))

    def rumsnamn(self, rum_id: str) -> str:
        """Rummets namn, eller id:t om huset inte har rummet."""
        return self._rumsnamn.get(rum_id, rum_id)

    @cached_property
    def _rumsnamn(self) -> dict[str, str]:
        return {rum.id: rum.namn for rum in reversed(self.rum)}  # det första rummet gäller

    def foresla_rum(self, text: str) -> str | None:
        """Det rums-id som liknar en felskriven text mest, om något gör det."""
        traffar = difflib.get_close_matches(
            normaliserad(text), [rum.id for rum in self.rum], n=1, cutoff=0.6
        )
        return traffar[0] if traffar else None

    def hitta_rum(self, text: str) -> Rum:
        """Ett rum efter id, unikt prefix eller namn, med eller utan å, ä och ö.

        Raises:
            Anvandningsfel: När inget rum, eller flera, passar.
        """
        if not self.rum:
            raise Anvandningsfel(
                f"Rummet ”{text}” kan inte hittas: {HUSET} har inga rum, eller har fel.",
                tips="Kör kvalitet kontrollera för att se vad som är fel.",
            )
        sokt = normaliserad(text)
        for rum in self.rum:
            if sokt in (rum.id, normaliserad(rum.namn)):
                return rum
        kandidater = [
            rum
            for rum in self.rum
            if rum.id.startswith(sokt) or normaliserad(rum.namn).startswith(sokt)
        ]
        if len(kandidater) == 1:
            return kandidater[0]
        alla = ", ".join(rum.id for rum in self.rum)
        if kandidater:
            namn = ", ".join(rum.id for rum in kandidater)
            raise Anvandningsfel(f"”{text}” passar flera rum: {namn}.", tips=f"Rum: {alla}")
        forslag = self.foresla_rum(text)
        tips = f"Menade du ”{forslag}”? " if forslag else ""
        raise Anvandningsfel(f"Det finns inget rum ”{text}”.", tips=f"{tips}Rum: {alla}")

    @cached_property
    def personnummertraffar(self) -> list[Personnummertraff]:
        """Alla personnummer och samordningsnummer i verksamhetens filer."""
        return list(self._sok_personnummer())

    def _sok_personnummer(self) -> Iterator[Personnummertraff]:
        for dok in self.dokument:
            # Dokumenten söks igenom när de läses (eller kommer ur cachen med sina träffar).
            if dok.personnummer is not None:
                yield from dok.personnummer
            elif dok.text:
                yield from personnummer.i_text(dok.relativ, dok.text)
        for fil in self.ovriga_filer:
            # Personnummer kan stå i vilken fil som helst, också i en stor export: den
            # söks igenom i bitar (se personnummer.i_fil), som UTF-8 och annars Latin-1.
            yield from personnummer.i_fil(self._relativ(fil), fil)
        # Och i namnen: en fil eller mapp som heter som ett personnummer.
        for relativ in self.alla_filnamn:
            yield from personnummer.i_namn(relativ)

    @property
    def alla_filnamn(self) -> list[str]:
        """Varje fils väg relativt roten: dokumenten, de andra filerna och länkarna ut."""
        ovriga = [self._relativ(fil) for fil in self.ovriga_filer]
        return [*(dok.relativ for dok in self.dokument), *ovriga, *self.lankar_ut]

    def _relativ(self, sokvag: Path) -> str:
        return sokvag.relative_to(self.rot).as_posix()


def ladda(
    start: Path,
    anvand_cache: bool = False,
    parallell: bool | None = None,
    alla: list[filer.Fil] | None = None,
    filtyper: Collection[str] | None = None,
    som_index: bool = False,
) -> Verksamhet:
    """Läs en verksamhet: varje YAML-dokument tolkas och valideras.

    Args:
        start: Verksamhetens mapp (eller en mapp i den).
        anvand_cache: Återanvänd tolkningen av dokument som inte har ändrats
            (`.kvalitet/cache/`, se kvalitet.lasning.cache).
        parallell: Tolka parallellt (True), i en process (False) eller efter antalet
            filer (None, standard).
        alla: Verksamhetens filer, om de redan är listade (se kvalitet.lasning.filer.alla).
        filtyper: Läs bara dokument av dessa filtyper (namnen i kvalitet.modell.FILTYPER),
            för ett kommando som inte behöver resten; None läser alla.
        som_index: Med cachen: läs avvikelser som inte har ändrats bara som index (id,
            typ, datum, rum, process, status och åtgärder), för ett kommando som inte
            behöver deras texter. Kommandot läser då avvikelserna genom
            `avvikelseindex` och `alla_atgarder()`.

    Returns:
        Verksamheten.

    Raises:
        Anvandningsfel: När mappen inte är en verksamhet.
    """
    rot = hitta_rot(start)
    verksamhet, inlast = _las(rot, anvand_cache, parallell, alla, filtyper, som_index, None)
    inlast.spara()
    return verksamhet


def ladda_stegvis(
    rot: Path, alla: list[filer.Fil], fyndnyckel: str
) -> tuple[Verksamhet, inlasning.Inlast]:
    """Läs verksamheten för den stegvisa kontrollen, med cachen.

    En avvikelse som inte har ändrats och har sparade fynd för `fyndnyckel` läses inte:
    den finns bara i `Verksamhet.olasta` (med sitt index) och dess fynd i
    `Inlast.sparade_fynd`. Cachen skrivs när fynden är kända (Inlast.spara).
    """
    return _las(rot, True, None, alla, None, True, fyndnyckel)


def _las(
    rot: Path,
    anvand_cache: bool,
    parallell: bool | None,
    alla: list[filer.Fil] | None,
    filtyper: Collection[str] | None,
    som_index: bool,
    fyndnyckel: str | None,
) -> tuple[Verksamhet, inlasning.Inlast]:
    from kvalitet.lasning import inlasning

    alla = filer.alla(rot) if alla is None else alla
    dokument = [fil for fil in alla if fil.ar_dokument]
    ovriga = [fil.sokvag for fil in alla if not fil.ar_dokument and not fil.utanfor]
    lankar_ut = [fil.relativ for fil in alla if not fil.ar_dokument and fil.utanfor]
    olasta: list[filer.Fil] = []
    if filtyper is not None:
        olasta = [fil for fil in dokument if not _av_filtyp(fil, filtyper)]
        dokument = [fil for fil in dokument if _av_filtyp(fil, filtyper)]
    inlast = inlasning.las(rot, dokument, anvand_cache, parallell, olasta, som_index, fyndnyckel)
    verksamhet = Verksamhet(rot, inlast.dokument, ovriga, lankar_ut)
    verksamhet.vagar = [fil.relativ for fil in alla if fil.ar_dokument]
    verksamhet.olasta = inlast.olasta
    if filtyper is None:
        verksamhet.filer = alla
    return verksamhet, inlast


def _av_filtyp(fil: filer.Fil, filtyper: Collection[str]) -> bool:
    filtyp = filtyp_for(fil.relativ)
    return filtyp is not None and filtyp.namn in filtyper


def ladda_vid(rot: Path, ref: str) -> Verksamhet:
    """Verksamheten som den såg ut vid en git-referens (där grenen avvek från den).

    Raises:
        Anvandningsfel: Utanför ett förråd eller när referensen inte finns.
    """
    from kvalitet import gitinfo

    dokument = [
        tolka_dokument(relativ, rot / relativ, filtyp_for(relativ), radata)
        for relativ, radata in sorted(gitinfo.filer_vid(rot, ref).items())
        if filer.Fil(relativ, str(rot / relativ)).ar_dokument
    ]
    return Verksamhet(rot, dokument, [])
