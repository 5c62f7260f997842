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


def kort(text: str, langd: int = 60) -> str:
    """Texten på en rad, avkortad med … när den är längre än `langd` tecken."""
    text = " ".join(text.split())
    return text if len(text) <= langd else text[: langd - 1].rstrip() + "…"


def upprakning(delar: list[str], sista: str = "och") -> str:
    """”a, b och c”."""
    if len(delar) < 2:
        return "".join(delar)
    return f"{', '.join(delar[:-1])} {sista} {delar[-1]}"
