"""Mäter hur snabbt kvalitet kontrollerar en stor verksamhet (issue 6).

Skriptet skapar för varje storlek en realistisk verksamhet i en tillfällig mapp:
exempel-verksamheten (huset, rumsguiderna, årshjulet, Garaget, åtagandena och
BUUUU) plus N avvikelser på ungefär 1 kB var, spridda över tio år. Sedan mäts, som
medianen av flera körningar, `kvalitet kontrollera` kall och varm, golvet (att läsa
och att tolka alla filer i en enda process) och starttiden för `--help` och
`--version`. Resultatet skrivs ut som en tabell med en kolumn per storlek, med
kvoterna och målen i issue 6.

Kör: python benchmarks/kor.py --antal 1000 10000 --upprepningar 5
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, NoReturn

# Golvet mäts med samma C-tolk som kvalitet använder, men utan kvalitets egen kod.
from ruamel.yaml import YAML  # noqa: TID251

import kvalitet

EXEMPEL = Path(__file__).resolve().parent.parent / "exempel-verksamhet"
PER = date(2026, 11, 30)
AR = tuple(range(2017, 2027))
FRO = 20260611
ANDEL_ANDRADE = 0.01
FORBJUDNA_REGLER = ("FIL", "YAML", "SCH", "ID", "REF")
BREDD = 88

# Målen i issue 6.
MAL_KALL_KVOT = 1.5
MAL_VARM_SEKUNDER = 1.0
MAL_VARM_ANTAL = 10_000
MAL_HJALP_SEKUNDER = 0.150

TYPER = ("avvikelse", "missförhållande", "risk_för_missförhållande", "synpunkt", "klagomål")
TYPVIKTER = (50, 6, 6, 16, 22)
LEX_SARAH_TYPER = ("missförhållande", "risk_för_missförhållande")
BESVARAS = ("synpunkt", "klagomål")
SENA_STEG = ("åtgärdad", "uppföljd", "avslutad")
BEDOMNINGAR = {
    "missförhållande": ("ej_missförhållande", "missförhållande", "allvarligt_missförhållande"),
    "risk_för_missförhållande": (
        "ej_missförhållande",
        "påtaglig_risk",
        "påtaglig_risk_allvarligt",
    ),
}
ALLVARLIGA = ("allvarligt_missförhållande", "påtaglig_risk_allvarligt")
ROLLER = (
    "enhetschef barn och familj",
    "enhetschef vuxen",
    "enhetschef öppenvård",
    "enhetschef bistånd",
    "kvalitetssamordnare",
    "IFO-chef",
    "systemförvaltare",
    "verksamhetschef",
)

SITUATIONER = (
    "En ansökan om ekonomiskt bistånd blev liggande i fyra veckor innan handläggningen började.",
    "Ett beslut om insats skickades till fel adress och nådde inte den enskilde i tid.",
    "Vid ett hembesök saknades tolk trots att behovet var känt och dokumenterat i akten.",
    "En vårdnadshavare fick inte information om att utredningen hade inletts.",
    "Journalanteckningar från ett möte fördes inte in förrän tre veckor efteråt.",
    "Ett placerat barn fick färre besök av socialsekreteraren än vårdplanen föreskriver.",
    "En klient i öppenvården fick sin behandlingstid ändrad utan att bli tillfrågad.",
    "En orosanmälan från skolan registrerades först efter en helg och ett par arbetsdagar.",
    "Närstående upplevde att bemötandet vid receptionen var otrevligt och stressat.",
    "En samordnad individuell plan följdes inte upp på det datum som bestämts på mötet.",
    "Ett telefonsamtal från en orolig granne dokumenterades inte i verksamhetssystemet.",
    "Vid byte av handläggare överlämnades inte ärendet, och den enskilde blev utan kontakt.",
)
KONSEKVENSER = (
    "Den enskilde fick vänta längre än nödvändigt på sitt beslut och på ekonomiskt stöd.",
    "Händelsen ledde inte till skada, men risken för att något allvarligt hände var påtaglig.",
    "Familjen upplevde att de inte blev lyssnade på och tappade förtroendet för förvaltningen.",
    "Bristen upptäcktes vid en egenkontroll och åtgärdades samma vecka av ansvarig enhet.",
    "Det är oklart om händelsen påverkade barnets trygghet, vilket utreds vidare av enheten.",
    "Personalen uppmärksammade bristen själva och rapporterade den enligt rutinen för avvikelser.",
    "Händelsen visar att rutinen inte är känd i hela arbetsgruppen, särskilt inte hos nyanställda.",
    "Följden blev att den enskildes rätt till information och delaktighet inte tillgodosågs.",
)
UPPTACKTER = (
    "Avvikelsen rapporterades av en socialsekreterare på måndagens ärendedragning.",
    "Synpunkten lämnades via kommunens e-tjänst för synpunkter och klagomål.",
    "Händelsen kom fram när en kollega gick igenom akten inför ett uppföljningsmöte.",
    "Bristen påtalades av en närstående i ett samtal med enhetschefen.",
    "Ärendet lyftes på arbetsplatsträffen, där fler i gruppen kände igen problemet.",
    "Kvalitetssamordnaren fann bristen vid den årliga granskningen av slumpvis valda ärenden.",
)
ORSAKER = (
    "Rutinen var inte känd av alla handläggare",
    "Hög arbetsbelastning under semesterperioden",
    "Bevakningen i verksamhetssystemet saknades",
    "Otydlig fördelning av ansvar mellan enheterna",
    "Introduktionen av nyanställda täckte inte momentet",
    "Vakans i arbetsgruppen under flera veckor",
    "Blanketten var svår att förstå för den enskilde",
    "Överlämningen vid byte av handläggare var bristfällig",
    "Tolkbokningen gjordes för sent",
    "Informationen till vårdnadshavare följde ingen checklista",
)
ATGARDER = (
    "Rutinen för mottagande gicks igenom med alla handläggare på arbetsplatsträffen, och en "
    "kort sammanfattning sattes upp i personalrummet.",
    "En bevakning lades in i verksamhetssystemet så att ärenden utan åtgärd efter tio "
    "dagar syns på enhetschefens lista.",
    "Checklistan för överlämning vid byte av handläggare reviderades och gjordes obligatorisk.",
    "Introduktionsprogrammet för nyanställda kompletterades med ett pass om dokumentation "
    "och om den enskildes rätt till information.",
    "Tolkbokningen flyttades till administrationen, som bokar tolk senast dagen efter att "
    "behovet blivit känt.",
    "Enhetschefen följer upp besöksfrekvensen hos placerade barn varje månad på ärendedragningen.",
    "Bemötandet diskuterades i arbetsgruppen utifrån verksamhetens förhållningssätt, med "
    "stöd av en extern handledare.",
    "Informationsbladet till vårdnadshavare skrevs om på lättläst svenska och översattes "
    "till fem språk.",
)
EFFEKTER = (
    "Inga liknande avvikelser har rapporterats sedan åtgärden infördes.",
    "Egenkontrollen visade att rutinen nu följs i alla granskade ärenden.",
    "Handläggningstiden har kortats och ligger inom verksamhetens mål.",
    "Personalen upplever att ansvarsfördelningen har blivit tydligare.",
    "Uppföljningen visade en förbättring, men åtgärden behöver följas upp igen nästa år.",
)
KALLOR_ARENDE = ("personal", "personal", "personal", "annan_myndighet")
KALLOR_SYNPUNKT = ("brukare", "närstående", "organisation", "annan")
ORDNINGSTAL = ("första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde")


class Benchmarkfel(Exception):
    """Något som gör mätningen meningslös: saknat program, krasch eller schemafel."""


@dataclass(frozen=True)
class Husdata:
    """Det ur exemplets huset.yaml som avvikelserna hänvisar till."""

    rum: tuple[str, ...]
    processer: tuple[str, ...]


@dataclass
class Resultat:
    """Mätvärdena för en storlek: tider i sekunder efter radnamn, och filantal."""

    antal: int
    filer: int = 0
    tider: dict[str, float] = field(default_factory=dict)


# --- Generering av verksamheten -------------------------------------------------------------


def las_huset(katalog: Path) -> Husdata:
    """Rummens id och processernas namn i husets huset.yaml."""
    data = YAML(typ="safe", pure=False).load((katalog / "huset.yaml").read_text("utf-8"))
    rum = tuple(str(r["id"]) for r in data["rum"])
    processer = tuple(str(p["namn"]) for p in data.get("processer") or [])
    return Husdata(rum=rum, processer=processer)


def ar_och_lopnummer(nummer: int, antal: int) -> tuple[int, str]:
    """Året och id:t för avvikelse nummer `nummer` (avvikelserna sprids jämnt över åren)."""
    ar = AR[nummer % len(AR)]
    bredd = max(4, len(str(antal // len(AR) + 1)))
    return ar, f"{ar}-{nummer // len(AR) + 1:0{bredd}d}"


def avvikelsefil(katalog: Path, nummer: int, antal: int) -> Path:
    """Sökvägen avvikelser/<år>/<id>.yaml för avvikelse nummer `nummer`."""
    ar, id_ = ar_och_lopnummer(nummer, antal)
    return katalog / "avvikelser" / str(ar) / f"{id_}.yaml"


def slumpdag(rng: random.Random, fran: date, min_dagar: int, max_dagar: int) -> date:
    """En dag mellan `min_dagar` och `max_dagar` dagar efter `fran`."""
    return fran + timedelta(days=rng.randint(min_dagar, max_dagar))


def inkomstdag(rng: random.Random, ar: int) -> date:
    """En dag under året, senast två veckor före --per-datumet."""
    sista = min(date(ar, 12, 31), PER - timedelta(days=14))
    return slumpdag(rng, date(ar, 1, 1), 0, (sista - date(ar, 1, 1)).days)


def text(nyckel: str, varde: str, indrag: int) -> list[str]:
    """En nyckel med text: på en rad om den får plats och är säker, annars vikt (`>-`)."""
    prefix = " " * indrag + f"{nyckel}:"
    saker = ": " not in varde and " #" not in varde and varde[0] not in "-?:,[]{}#&*!|>'\"%@`"
    if saker and len(prefix) + 1 + len(varde) <= BREDD:
        return [f"{prefix} {varde}"]
    rader = textwrap.wrap(varde, width=BREDD - indrag - 2)
    return [f"{prefix} >-", *(" " * (indrag + 2) + rad for rad in rader)]


def lex_sarah_datum(rng: random.Random, typ: str, inkom: date) -> dict[str, str]:
    """Ett lex Sarah-block med datum i rätt ordning och inom de lokala fristerna."""
    bedomning = rng.choice(BEDOMNINGAR[typ])
    bedomd = slumpdag(rng, inkom, 7, 28)
    falt: list[tuple[str, date | str]] = [
        ("rapporterad", inkom),
        ("omedelbara_åtgärder", slumpdag(rng, inkom, 0, 1)),
        ("utredning_påbörjad", slumpdag(rng, inkom, 0, 5)),
        ("utredare", "kvalitetssamordnare"),
        ("bedömning", bedomning),
        ("bedömd", bedomd),
    ]
    if bedomning in ALLVARLIGA:
        falt.append(("anmäld_ivo", slumpdag(rng, bedomd, 1, 12)))
        falt.append(("ivo_dnr", f'"IVO 3.5.1-{rng.randint(10000, 99999)}/{inkom.year}"'))
    stallning = slumpdag(rng, inkom, 30, 58)
    falt.append(("ställningstagande", stallning))
    falt.append(("nämnd_informerad", slumpdag(rng, stallning, 1, 10)))
    # Ett steg som ännu inte har hänt per --per-datumet står inte i filen.
    return {n: str(v) for n, v in falt if not isinstance(v, date) or v <= PER}


def lex_sarah_status(block: dict[str, str], inkom: date) -> str:
    """Ärendets status enligt det senaste lex Sarah-steget som har hänt."""
    if "ställningstagande" in block:
        return sent_steg((PER - inkom).days)
    for nyckel, status in (
        ("anmäld_ivo", "anmäld_ivo"),
        ("bedömd", "bedömd"),
        ("utredning_påbörjad", "under_utredning"),
    ):
        if nyckel in block:
            return status
    return "registrerad"


def arendestatus(inkom: date) -> str:
    """Status för en avvikelse, synpunkt eller ett klagomål efter ärendets ålder."""
    alder = (PER - inkom).days
    if alder > 60:
        return sent_steg(alder)
    return "under_utredning" if alder > 20 else "registrerad"


def sent_steg(alder: int) -> str:
    """Status för ett utrett ärende: äldre ärenden har hunnit följas upp och avslutas."""
    if alder > 365:
        return "avslutad"
    return "uppföljd" if alder > 150 else "åtgärdad"


def atgard(rng: random.Random, nummer: int, beskrivning_: str, inkom: date) -> list[str]:
    """En komplett åtgärd i listan `åtgärder`, med status efter datumen."""
    klart = slumpdag(rng, inkom, 14, 120)
    uppfoljning = slumpdag(rng, klart, 30, 120)
    status = "klar" if klart < PER else rng.choice(("planerad", "pågår"))
    rader = [f"  - id: A{nummer}", *text("åtgärd", beskrivning_, 4)]
    rader += [
        f"    ansvarig: {rng.choice(ROLLER)}",
        f"    klart_senast: {klart}",
        f"    uppföljning: {uppfoljning}",
        f"    status: {status}",
    ]
    if status == "klar" and uppfoljning <= PER:
        rader += text("effekt", rng.choice(EFFEKTER), 4)
    return rader


def utredning(rng: random.Random, inkom: date) -> list[str]:
    """Utredningen: två orsaker, ansvarig och (om den hunnit bli klar) datum."""
    rader = ["utredning:", "  orsaker:"]
    rader += [f"    - {orsak}" for orsak in rng.sample(ORSAKER, 2)]
    rader.append(f"  ansvarig: {rng.choice(ROLLER)}")
    klar = slumpdag(rng, inkom, 10, 40)
    if klar <= PER:
        rader.append(f"  klar: {klar}")
    return rader


def beskrivning(rng: random.Random, revision: int) -> str:
    """Två eller tre meningar om vad som hänt; en revision lägger till en mening."""
    meningar = [rng.choice(SITUATIONER), rng.choice(KONSEKVENSER)]
    if rng.random() < 0.4:
        meningar.append(rng.choice(UPPTACKTER))
    if revision:
        ordning = ORDNINGSTAL[(revision - 1) % len(ORDNINGSTAL)]
        meningar.append(f"Beskrivningen kompletterades vid den {ordning} genomgången av ärendet.")
    return " ".join(meningar)


def huvud(rng: random.Random, id_: str, typ: str, inkom: date, husdata: Husdata) -> list[str]:
    """De första raderna: id, typ, datum, rum, process, källa och ärendereferens."""
    kallor = KALLOR_SYNPUNKT if typ in BESVARAS else KALLOR_ARENDE
    return [
        f"# {typ.capitalize().replace('_', ' ')}, genererad för mätning.",
        f'id: "{id_}"',
        f"typ: {typ}",
        f"inkom: {inkom}",
        f"rum: {rng.choice(husdata.rum)}",
        f"process: {rng.choice(husdata.processer)}",
        f"källa: {rng.choice(kallor)}",
        f'ärende_ref: "Avv-{id_}"',
    ]


def avvikelse(nummer: int, antal: int, husdata: Husdata, revision: int = 0) -> str:
    """Hela YAML-texten för avvikelse nummer `nummer` (samma text varje gång)."""
    rng = random.Random(FRO * 1_000_003 + nummer)
    ar, id_ = ar_och_lopnummer(nummer, antal)
    typ = rng.choices(TYPER, weights=TYPVIKTER)[0]
    inkom = inkomstdag(rng, ar)
    rader = huvud(rng, id_, typ, inkom, husdata)
    rader += text("beskrivning", beskrivning(rng, revision), 0)
    status = arendestatus(inkom)
    if typ in LEX_SARAH_TYPER:
        block = lex_sarah_datum(rng, typ, inkom)
        rader += ["lex_sarah:", *(f"  {n}: {v}" for n, v in block.items())]
        status = lex_sarah_status(block, inkom)
    if status != "registrerad":
        rader += utredning(rng, inkom)
    if status not in ("registrerad", "under_utredning"):
        rader.append("åtgärder:")
        for i, beskrivning_ in enumerate(rng.sample(ATGARDER, rng.choice((1, 1, 2))), start=1):
            rader += atgard(rng, i, beskrivning_, inkom)
    if typ in BESVARAS and status in SENA_STEG:
        rader.append(f"besvarad: {slumpdag(rng, inkom, 3, 20)}")
    rader.append(f"status: {status}")
    return "\n".join(rader) + "\n"


def skapa_verksamhet(mal: Path, antal: int) -> None:
    """Kopierar exempel-verksamheten till `mal` och lägger till `antal` avvikelser."""
    shutil.copytree(EXEMPEL, mal, ignore=shutil.ignore_patterns(".kvalitet", ".git"))
    husdata = las_huset(mal)
    for ar in AR:
        (mal / "avvikelser" / str(ar)).mkdir(parents=True, exist_ok=True)
    for nummer in range(antal):
        avvikelsefil(mal, nummer, antal).write_text(avvikelse(nummer, antal, husdata), "utf-8")


def andrade_nummer(antal: int) -> list[int]:
    """Avvikelserna (1 %, minst en) som ändras mellan de varma körningarna."""
    return random.Random(FRO).sample(range(antal), max(1, round(antal * ANDEL_ANDRADE)))


def andra_filer(katalog: Path, antal: int, revision: int) -> None:
    """Skriver om 1 % av avvikelserna med en ny mening i beskrivningen (fortfarande giltiga)."""
    husdata = las_huset(katalog)
    for nummer in andrade_nummer(antal):
        innehall = avvikelse(nummer, antal, husdata, revision)
        avvikelsefil(katalog, nummer, antal).write_text(innehall, "utf-8")


# --- Körning av kvalitet --------------------------------------------------------------------


def kvalitetsprogram() -> str:
    """Sökvägen till det installerade kommandot `kvalitet`."""
    program = shutil.which("kvalitet")
    if program is None:
        raise Benchmarkfel("Hittar inte kommandot kvalitet. Aktivera den virtuella miljön först.")
    return program


MILJO = {namn: varde for namn, varde in os.environ.items() if namn != "PYTHONDONTWRITEBYTECODE"}
"""Miljön som kvalitet körs i: som i en vanlig terminal, där Python sparar kompilerade
moduler (.pyc). Sandlådor och CI sätter ibland PYTHONDONTWRITEBYTECODE, och då
kompileras kvalitets moduler på nytt vid varje start (i en redigerbar installation),
vilket ingen användare med en vanlig installation betalar för."""


def kor(program: str, *argument: str) -> None:
    """Kör kvalitet med utskrifterna bortkastade; en krasch (slutkod över 1) är ett fel."""
    resultat = subprocess.run(
        [program, *argument],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=MILJO,
        check=False,
    )
    if resultat.returncode not in (0, 1):
        raise Benchmarkfel(
            f"kvalitet {' '.join(argument)} gav slutkod {resultat.returncode} (väntat 0 eller 1)."
        )


def har_ingen_cache(program: str) -> bool:
    """Sant när `kvalitet kontrollera --help` listar alternativet --ingen-cache."""
    miljo = {**MILJO, "COLUMNS": "200", "NO_COLOR": "1"}
    hjalp = subprocess.run(
        [program, "kontrollera", "--help"], capture_output=True, text=True, env=miljo, check=False
    )
    return "--ingen-cache" in hjalp.stdout


def kontrollera_fynd(program: str, katalog: Path) -> list[dict[str, Any]]:
    """Fynden i JSON från en kontroll av verksamheten (slutkod 0 eller 1 krävs)."""
    resultat = subprocess.run(
        [program, "kontrollera", str(katalog), "--per", str(PER), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if resultat.returncode not in (0, 1):
        raise Benchmarkfel(
            f"kontrollera gav slutkod {resultat.returncode}:\n{resultat.stderr[-2000:]}"
        )
    fynd: list[dict[str, Any]] = json.loads(resultat.stdout)["fynd"]
    return fynd


def granska_genererad(program: str, katalog: Path) -> Counter[str]:
    """Kontrollerar den genererade verksamheten; fel i format eller hänvisningar stoppar."""
    fynd = kontrollera_fynd(program, katalog)
    forbjudna = [f for f in fynd if str(f["regel"]).startswith(FORBJUDNA_REGLER)]
    if forbjudna:
        rader = "\n".join(
            f"  {f['fil']}:{f['rad']}: {f['regel']} {f['text']}" for f in forbjudna[:10]
        )
        raise Benchmarkfel(
            f"Den genererade verksamheten har {len(forbjudna)} fynd för format, id eller"
            f" hänvisningar – generatorn är trasig:\n{rader}"
        )
    return Counter(str(f["regel"]) for f in fynd)


# --- Mätning --------------------------------------------------------------------------------


def median_tid(upprepningar: int, gor: Callable[[], object], fore: Callable[[int], None]) -> float:
    """Medianen av `upprepningar` tidtagningar av `gor`; `fore` förbereder varje körning."""
    tider = []
    for upprepning in range(upprepningar):
        fore(upprepning)
        start = time.perf_counter()
        gor()
        tider.append(time.perf_counter() - start)
    return statistics.median(tider)


def ingenting(_upprepning: int) -> None:
    """Ingen förberedelse."""


def alla_filer(katalog: Path) -> list[Path]:
    """Alla filer i verksamheten utom i mappar som börjar med punkt (cachen, .git)."""
    return sorted(
        p
        for p in katalog.rglob("*")
        if p.is_file() and not any(del_.startswith(".") for del_ in p.relative_to(katalog).parts)
    )


def las_alla(filer: Sequence[Path]) -> int:
    """Golv (a): läser varje fils bytes; ger antalet bytes."""
    return sum(len(p.read_bytes()) for p in filer)


def tolka_alla(filer: Sequence[Path], laddare: YAML) -> int:
    """Golv (b): läser, avkodar och tolkar varje YAML-fil med en och samma laddare."""
    return sum(laddare.load(p.read_bytes().decode("utf-8")) is not None for p in filer)


def c_laddare() -> YAML:
    """Ruamels säkra laddare på C-tolken; utan C-tolken blir golvet missvisande."""
    laddare = YAML(typ="safe", pure=False)
    if "CParser" not in getattr(laddare.Parser, "__name__", ""):
        raise Benchmarkfel("ruamel.yaml:s C-tolk saknas (installera ruamel.yaml.clib).")
    return laddare


def mat_golv(katalog: Path, upprepningar: int, resultat: Resultat) -> None:
    """Mäter golvet i det här skriptets egen process."""
    filer = alla_filer(katalog)
    yamlfiler = [p for p in filer if p.suffix == ".yaml"]
    laddare = c_laddare()
    resultat.filer = len(filer)
    resultat.tider["las"] = median_tid(upprepningar, lambda: las_alla(filer), ingenting)
    resultat.tider["tolka"] = median_tid(
        upprepningar, lambda: tolka_alla(yamlfiler, laddare), ingenting
    )
    resultat.tider["egen"] = median_tid(
        upprepningar, lambda: tolka_med_kvalitet(yamlfiler), ingenting
    )


def tolka_med_kvalitet(filer: Sequence[Path]) -> int:
    """Som golv b, men med kvalitets egen laddare (kvalitet.yamlio.las, samma värden)."""
    from kvalitet import yamlio

    return sum(yamlio.las(p.read_bytes().decode("utf-8")) is not None for p in filer)


def mat_kontrollera(katalog: Path, upprepningar: int, resultat: Resultat) -> None:
    """Mäter kontrollera kall, varm och varm efter att 1 % av avvikelserna ändrats."""
    program = kvalitetsprogram()
    bas = ("kontrollera", str(katalog), "--per", str(PER))
    kall = (*bas, "--ingen-cache") if har_ingen_cache(program) else bas
    cache = katalog / ".kvalitet" / "cache"

    def utan_cache(_upprepning: int) -> None:
        shutil.rmtree(cache, ignore_errors=True)

    def andra(upprepning: int) -> None:
        andra_filer(katalog, resultat.antal, upprepning + 1)

    tider = resultat.tider
    tider["kall"] = median_tid(upprepningar, lambda: kor(program, *kall), utan_cache)
    kor(program, *bas)  # Fyller cachen inför de varma körningarna.
    tider["varm"] = median_tid(upprepningar, lambda: kor(program, *bas), ingenting)
    tider["andrad"] = median_tid(upprepningar, lambda: kor(program, *bas), andra)


def mat_start(upprepningar: int, resultat: Resultat) -> None:
    """Mäter starttiden för `kvalitet --help` och `kvalitet --version`."""
    program = kvalitetsprogram()
    kor(program, "--version")  # Värmer upp filcachen och .pyc-filerna.
    for namn, flagga in (("hjalp", "--help"), ("version", "--version")):
        resultat.tider[namn] = median_tid(upprepningar, starta(program, flagga), ingenting)


def starta(program: str, flagga: str) -> Callable[[], None]:
    """En funktion som kör `kvalitet <flagga>`."""
    return lambda: kor(program, flagga)


def mat_storlek(antal: int, upprepningar: int, granska: bool, behall: bool) -> Resultat:
    """Skapar verksamheten för en storlek, mäter allt och städar (utom med --behall)."""
    mapp = Path(tempfile.mkdtemp(prefix=f"kvalitet-matning-{antal}-"))
    katalog = mapp / "verksamhet"
    resultat = Resultat(antal=antal)
    try:
        meddela(f"Skapar en verksamhet med {tusental(antal)} avvikelser i {katalog} …")
        start = time.perf_counter()
        skapa_verksamhet(katalog, antal)
        resultat.tider["skapa"] = time.perf_counter() - start
        if granska:
            meddela(f"Kontrollerar den genererade verksamheten: {fyndsammanfattning(katalog)}")
        meddela("Mäter golvet (läsa och tolka) …")
        mat_golv(katalog, upprepningar, resultat)
        meddela("Mäter kvalitet kontrollera kall, varm och med 1 % ändrade filer …")
        mat_kontrollera(katalog, upprepningar, resultat)
        meddela("Mäter starttiden …")
        mat_start(upprepningar, resultat)
    finally:
        if behall:
            meddela(f"Behåller {katalog}")
        else:
            shutil.rmtree(mapp, ignore_errors=True)
    return resultat


def fyndsammanfattning(katalog: Path) -> str:
    """En rad om fynden i den genererade verksamheten (stoppar vid schemafel)."""
    regler = granska_genererad(kvalitetsprogram(), katalog)
    if not regler:
        return "inga fynd."
    delar = ", ".join(f"{regel}: {tusental(n)}" for regel, n in sorted(regler.items()))
    return f"inga fel i format, id eller hänvisningar ({delar})."


# --- Utskrift -------------------------------------------------------------------------------


def meddela(rad: str) -> None:
    """Skriver en lägesrad till stderr, så att tabellen på stdout hålls ren."""
    print(rad, file=sys.stderr, flush=True)


def tusental(tal: float, decimaler: int = 0) -> str:
    """Ett tal med mellanslag mellan tusental och decimalkomma: 12 345,6."""
    return f"{tal:,.{decimaler}f}".replace(",", " ").replace(".", ",")


def tid(sekunder: float) -> str:
    """En tid i ms under en sekund och i s däröver, med svensk talformatering."""
    if sekunder < 0.01:
        return f"{tusental(sekunder * 1000, 1)} ms"
    if sekunder < 1:
        return f"{tusental(sekunder * 1000)} ms"
    return f"{tusental(sekunder, 2 if sekunder < 10 else 1)} s"


def kvot(tal: float) -> str:
    """En kvot med två decimaler och ×."""
    return f"{tusental(tal, 2)} ×"


RADER: tuple[tuple[str, str], ...] = (
    ("skapa", "Skapa verksamheten (skriptet)"),
    ("las", "Golv a: läsa alla filers bytes"),
    ("tolka", "Golv b: tolka all YAML (C-tolken, 1 process)"),
    ("egen", "Som golv b med kvalitets laddare"),
    ("kall", "kontrollera kall (utan cache)"),
    ("varm", "kontrollera varm (cache finns)"),
    ("andrad", "kontrollera varm, 1 % av avvikelserna ändrade"),
    ("hjalp", "kvalitet --help"),
    ("version", "kvalitet --version"),
)
KVOTER: tuple[tuple[str, str, str], ...] = (
    ("Kvot kall / tolkningsgolv", "kall", "tolka"),
    ("Kvot kvalitets laddare / tolkningsgolv", "egen", "tolka"),
    ("Kvot varm / kall", "varm", "kall"),
    ("Kvot varm med 1 % ändrade / kall", "andrad", "kall"),
)


def tabellrader(resultat: Sequence[Resultat]) -> Iterator[list[str]]:
    """Tabellens rader: rubrik, mätningar och kvoter, en kolumn per storlek."""
    yield ["Mätning", *(f"{tusental(r.antal)} filer" for r in resultat)]
    yield ["(filer i verksamheten totalt)", *(tusental(r.filer) for r in resultat)]
    for nyckel, namn in RADER:
        yield [namn, *(tid(r.tider[nyckel]) for r in resultat)]
    for namn, taljare, namnare in KVOTER:
        yield [namn, *(kvot(r.tider[taljare] / r.tider[namnare]) for r in resultat)]


def skriv_tabell(rader: Sequence[Sequence[str]]) -> None:
    """Skriver raderna som en tabell: första kolumnen vänsterställd, resten högerställda."""
    bredder = [max(len(rad[i]) for rad in rader) for i in range(len(rader[0]))]
    for nummer, rad in enumerate(rader):
        celler = [rad[0].ljust(bredder[0])]
        celler += [cell.rjust(bredd) for cell, bredd in zip(rad[1:], bredder[1:], strict=True)]
        print("  ".join(celler).rstrip())
        if nummer == 0:
            print("-" * (sum(bredder) + 2 * (len(bredder) - 1)))


def tillvaxt(resultat: Sequence[Resultat]) -> Iterator[str]:
    """Rader om hur tiderna växer jämfört med den minsta storleken."""
    minsta = resultat[0]
    for storre in resultat[1:]:
        filkvot = storre.filer / minsta.filer
        delar = ", ".join(
            f"{namn} {kvot(storre.tider[nyckel] / minsta.tider[nyckel])}"
            for nyckel, namn in (("kall", "kall"), ("tolka", "tolkningsgolv"), ("varm", "varm"))
        )
        kallkvot = storre.tider["kall"] / minsta.tider["kall"]
        omdome = "linjärt eller bättre" if kallkvot <= 1.2 * filkvot else "snabbare än linjärt"
        yield (
            f"  {tusental(storre.antal)} mot {tusental(minsta.antal)} filer: filerna"
            f" {kvot(filkvot)}; {delar} – kall växer {omdome}."
        )


def bedom(mal: str, varde: float, grans: float, detalj: str = "") -> str:
    """En målrad med ✓ eller ✗ och, vid miss, hur mycket tiden överskrider gränsen."""
    if varde <= grans:
        return f"  ✓ {mal}: {tid(varde)}{detalj} (gränsen {tid(grans)})"
    over = (varde / grans - 1) * 100
    return (
        f"  ✗ {mal}: {tid(varde)}{detalj} – missar gränsen {tid(grans)} med"
        f" {tid(varde - grans)} ({tusental(over)} % över)"
    )


def malrader(resultat: Sequence[Resultat]) -> Iterator[str]:
    """Målen i issue 6, bedömda mot mätningarna."""
    for r in resultat:
        kall, golv = r.tider["kall"], r.tider["tolka"]
        mal = f"kall ≤ 1,5 × tolkningsgolvet vid {tusental(r.antal)} filer"
        yield bedom(mal, kall, MAL_KALL_KVOT * golv, f" = {kvot(kall / golv)} golvet")
    stora = [r for r in resultat if r.antal == MAL_VARM_ANTAL]
    for r in stora:
        yield bedom("varm ≤ 1 s vid 10 000 filer", r.tider["varm"], MAL_VARM_SEKUNDER)
        mal = "varm med 1 % ändrade ≤ 1 s vid 10 000 filer"
        yield bedom(mal, r.tider["andrad"], MAL_VARM_SEKUNDER)
    if not stora:
        yield "  – varm ≤ 1 s vid 10 000 filer: ej mätt (kör med --antal 10000)"
    hjalp = max(r.tider["hjalp"] for r in resultat)
    yield bedom("--help ≤ 150 ms (sämsta medianen)", hjalp, MAL_HJALP_SEKUNDER)


def belastning() -> float:
    """Datorns belastning (medel över en minut); andra processer gör mätningen osäker."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")


def skriv_rapport(
    resultat: Sequence[Resultat], upprepningar: int, kall_flagga: bool, fore: float
) -> None:
    """Skriver datorn, tabellen, tillväxten och målen."""
    cache = "med --ingen-cache" if kall_flagga else "utan --ingen-cache (finns inte än)"
    print(
        f"Dator: {os.cpu_count()} kärnor (os.cpu_count), {platform.system()}"
        f" {platform.machine()}, Python {platform.python_version()}; belastning"
        f" (1 min) {tusental(fore, 2)} före och {tusental(belastning(), 2)} efter mätningen"
    )
    print(f"kvalitet {kvalitet.__version__} ({kvalitetsprogram()})")
    print(
        f"Medianer av {upprepningar} körningar, per {PER}. Kall: .kvalitet/cache"
        f" borttagen före varje körning, {cache}."
    )
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("PYTHONDONTWRITEBYTECODE är satt här; kvalitet körs utan den (som i en terminal).")
    print()
    skriv_tabell(list(tabellrader(resultat)))
    if len(resultat) > 1:
        print("\nTillväxt:")
        for rad in tillvaxt(resultat):
            print(rad)
    print("\nMål (issue 6):")
    for rad in malrader(resultat):
        print(rad)
    for rad in varningar(resultat):
        print(rad)


def varningar(resultat: Sequence[Resultat]) -> Iterator[str]:
    """Iakttagelser som tyder på att en mätning inte mäter det den ska."""
    for r in resultat:
        if r.tider["varm"] >= 0.9 * r.tider["kall"]:
            yield (
                f"\nObs: vid {tusental(r.antal)} filer var den varma körningen inte"
                " snabbare än den kalla – används cachen i .kvalitet/cache?"
            )


# --- Kommandorad ----------------------------------------------------------------------------


class SvenskHjalp(argparse.HelpFormatter):
    """Hjälptexten med svensk rubrik för användningen."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        """Som argparse, men med ”användning: ” före."""
        super().add_usage(usage, actions, groups, prefix or "användning: ")


class Argumenttolk(argparse.ArgumentParser):
    """Kommandoradstolk med svenska rubriker och felmeddelanden."""

    def error(self, message: str) -> NoReturn:
        """Skriver användningen och felet och avslutar med slutkod 2."""
        self.print_usage(sys.stderr)
        self.exit(2, f"fel: {message}\n")


def positivt_heltal(text: str) -> int:
    """Ett heltal större än noll ur kommandoraden."""
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"”{text}” är inte ett positivt heltal")
    return int(text)


def tolka_argument(argv: Sequence[str] | None) -> argparse.Namespace:
    """Kommandoradens alternativ."""
    tolk = Argumenttolk(
        description="Mät hur snabbt kvalitet kontrollerar en stor, genererad verksamhet.",
        formatter_class=SvenskHjalp,
        add_help=False,
    )
    tolk._optionals.title = "alternativ"
    tolk.add_argument("-h", "--help", action="help", help="visa den här hjälpen och avsluta")
    tolk.add_argument(
        "--antal",
        type=positivt_heltal,
        nargs="+",
        default=[1000, 10000],
        metavar="N",
        help="antal avvikelser, en eller flera storlekar (standard: 1000 10000)",
    )
    tolk.add_argument(
        "--upprepningar",
        type=positivt_heltal,
        default=5,
        metavar="N",
        help="körningar per medianvärde (standard: 5)",
    )
    tolk.add_argument("--behall", action="store_true", help="behåll de genererade mapparna efteråt")
    return tolk.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Kör mätningen och skriver tabellen; slutkod 1 när något gick fel."""
    argument = tolka_argument(argv)
    storlekar = sorted(set(argument.antal))
    fore = belastning()
    try:
        kall_flagga = har_ingen_cache(kvalitetsprogram())
        resultat = [
            mat_storlek(antal, argument.upprepningar, antal == storlekar[0], argument.behall)
            for antal in storlekar
        ]
    except Benchmarkfel as fel:
        meddela(f"fel: {fel}")
        return 1
    skriv_rapport(resultat, argument.upprepningar, kall_flagga, fore)
    return 0


if __name__ == "__main__":
    sys.exit(main())
