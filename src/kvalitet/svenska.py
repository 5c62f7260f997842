"""Svenska i utdata: sorteringsordning (å, ä, ö efter z), månader och datum."""

from __future__ import annotations

from datetime import date

MANADER = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

# Svensk ordning: a–z, sedan å, ä, ö. De tre blir tecknen direkt efter z i ASCII
# ({, |, }), så att ”zebra” kommer före ”åsna”. Varianter sorteras som sin svenska
# bokstav (é som e, ü som y, æ som ä, ø som ö), som i Svenska Akademiens ordlista.
_ORDNING = str.maketrans(
    {
        "å": "{",
        "ä": "|",
        "æ": "|",
        "ö": "}",
        "ø": "}",
        "é": "e",
        "è": "e",
        "ü": "y",
        "á": "a",
        "à": "a",
    }
)


_UTAN_PRICKAR = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e"})


def normaliserad(text: str) -> str:
    """Gemener utan å, ä och ö, för att känna igen det användaren skrev (forhallningssatt)."""
    return text.strip().lower().translate(_UTAN_PRICKAR)


def sorteringsnyckel(text: str) -> tuple[str, str]:
    """En nyckel som sorterar text i svensk ordning (versaler och gemener lika)."""
    vikt = text.casefold().translate(_ORDNING)
    return vikt, text


def datum(dag: date | None) -> str:
    """Ett datum som ÅÅÅÅ-MM-DD, eller ett streck när det saknas."""
    return dag.isoformat() if dag else "–"


def antal(n: int, ental: str, flertal: str) -> str:
    """”1 åtgärd”, ”3 åtgärder”."""
    return f"{n} {ental if n == 1 else flertal}"


def fel_och_varningar(fel: int, varningar: int) -> str:
    """Kontrollens utfall i ord: ”0 fel och 1 varning”."""
    return f"{antal(fel, 'fel', 'fel')} och {antal(varningar, 'varning', 'varningar')}"


def kort(text: str, langd: int = 60) -> str:
    """Texten på en rad, avkortad med … när den är längre än `langd` tecken."""
    text = " ".join(text.split())
    return text if len(text) <= langd else text[: langd - 1].rstrip() + "…"


def upprakning(delar: list[str], sista: str = "och") -> str:
    """”a, b och c”."""
    if len(delar) < 2:
        return "".join(delar)
    return f"{', '.join(delar[:-1])} {sista} {delar[-1]}"


def datum_lang(dag: date | None) -> str:
    """Ett datum i löptext: ”22 november 2026” (streck när det saknas)."""
    if dag is None:
        return "–"
    return f"{dag.day} {MANADER[dag.month - 1]} {dag.year}"


def tal(varde: float | int | None, decimaler: int | None = None) -> str:
    """Ett tal på svenska: mellanrum mellan tusental och decimalkomma (”1 234,5”).

    Mellanrummet är ett hårt mellanslag, så att talet inte bryts mellan två rader.
    Heltal visas utan decimaler; andra tal med högst två (eller `decimaler`).
    """
    if varde is None:
        return "–"
    if decimaler is None:
        decimaler = 0 if float(varde).is_integer() else 2
    text = f"{varde:,.{decimaler}f}"
    if decimaler and "." in text:
        text = text.rstrip("0").rstrip(".") if decimaler == 2 else text
    return text.replace(",", "\u00a0").replace(".", ",").replace("-", "\u2212")
