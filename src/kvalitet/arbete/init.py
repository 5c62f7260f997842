"""En ny verksamhet ur mallarna: huset, rummen, Garaget, egenkontrollplanen, åtaganden och git."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit

from kvalitet import FORRAD, __version__, gitinfo, mallar, redigering, schema, yamlio
from kvalitet.arbete import styrdokument
from kvalitet.arbete._spara import spara
from kvalitet.fel import Anvandningsfel
from kvalitet.modell.styrdokument import Slag
from kvalitet.skrivning import Andring

# Filer som kopieras ordagrant ur mallar/ (relativt mallmappen → relativt den nya mappen).
_KOPIOR = {
    "garaget.yaml": "garaget.yaml",
    "egenkontroll.yaml": "egenkontroll.yaml",
    "lagkrav.yaml": "lagkrav.yaml",
    "ny-verksamhet/gitignore": ".gitignore",
}


@dataclass(frozen=True)
class KvalitetKalla:
    """kvalitets förråd och version, som forgens CI hämtar åtgärden och mallen ifrån."""

    adress: str = FORRAD
    """Förrådets adress, till exempel https://github.com/kvalitet/kvalitet."""
    ref: str = f"v{__version__}"
    """En tagg (eller gren, incheckning) i förrådet."""

    @classmethod
    def tolka(cls, text: str) -> KvalitetKalla:
        """`ADRESS[@REF]`, med eller utan `git+` först (som pip skriver den).

        Raises:
            Anvandningsfel: När texten inte är en https-adress till ett förråd.
        """
        adress, _, ref = text.strip().removeprefix("git+").partition("@")
        delar = urlsplit(adress.rstrip("/").removesuffix(".git"))
        sokvag = delar.path.strip("/")
        if delar.scheme != "https" or not delar.netloc or sokvag.count("/") < 1:
            raise Anvandningsfel(
                f"”{text}” är ingen adress till kvalitets förråd för --kvalitet-kalla.",
                tips="Ange förrådets https-adress och en tagg, till exempel"
                f" {FORRAD}@v{__version__}.",
            )
        if ref and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._/-]*", ref):
            raise Anvandningsfel(f"”{ref}” är ingen giltig tagg eller gren för --kvalitet-kalla.")
        return cls(f"https://{delar.netloc}/{sokvag}", ref or cls.ref)

    @property
    def _github(self) -> str | None:
        # ägare/förråd när förrådet ligger på github.com, annars None.
        adress = self.adress.removeprefix("https://")
        return adress.split("/", 1)[1] if adress.startswith("github.com/") else None

    @property
    def atgard(self) -> str:
        """`uses:` för GitHub Actions; Gitea och Forgejo tar en hel adress."""
        return f"{self._github or self.adress}@{self.ref}"

    @property
    def gitlab_mall(self) -> str:
        """Adressen till GitLab-mallen i förrådet, för `include: remote:`."""
        fil = "ci/gitlab/kvalitet.yml"
        if self._github:
            return f"https://raw.githubusercontent.com/{self._github}/{self.ref}/{fil}"
        return f"{self.adress}/-/raw/{self.ref}/{fil}"

    @property
    def pip(self) -> str:
        """Som pip installerar kvalitet ur förrådet."""
        return f"git+{self.adress}@{self.ref}"


@dataclass(frozen=True)
class NyVerksamhet:
    """Det som skiljer en verksamhet från mallen."""

    organisation: str
    kommunkod: str
    verksamhet: str = "Individ- och familjeomsorgen"
    namnd: str = "Socialnämnden"
    kvalitet_kalla: KvalitetKalla = KvalitetKalla()
    """Var forgens CI hämtar kvalitet ifrån."""


@dataclass(frozen=True)
class Initierad:
    """Vad init gjorde: skapade filer, filer som fanns och lämnades orörda, och git."""

    skapade: list[str]
    fanns: list[str]
    gren: str | None
    i_forrad: bool
    git_saknas: bool


def init(mapp: Path, uppgifter: NyVerksamhet, infort: date, ar: int, tvinga: bool) -> Initierad:
    """Skapa en verksamhet i mappen och, utanför ett förråd, ett förråd med en incheckning.

    Args:
        mapp: Den nya verksamhetens mapp (skapas om den inte finns).
        uppgifter: Organisation, kommunkod, verksamhetens och nämndens namn.
        infort: Dagen årshjulet införs; rummen behöver handlingsplaner först efter sitt
            första stopp därefter.
        ar: Året för de första års-filerna, åtaganden och brukarinflytande (i år).
        tvinga: Skapa också i en mapp som inte är tom (befintliga filer lämnas orörda).

    Returns:
        Vad som gjordes.

    Raises:
        Anvandningsfel: Vid en ogiltig kommunkod, eller en mapp som inte är tom.
    """
    if not re.fullmatch(r"[0-9]{4}", uppgifter.kommunkod):
        raise Anvandningsfel(
            f"”{uppgifter.kommunkod}” är ingen kommunkod; den har fyra siffror, till exempel 2401."
        )
    _kontrollera_mappen(mapp, tvinga)
    andringar = _filer(mapp, uppgifter, infort, ar)
    nya = [a for a in andringar if not a.sokvag.exists()]
    fanns = sorted(_relativ(mapp, a.sokvag) for a in andringar if a.sokvag.exists())
    git_finns = gitinfo.git_finns()
    i_forrad = git_finns and gitinfo.forrad(mapp) is not None
    sparat = spara(
        mapp,
        nya,
        infort,
        meddelande=f"Ny verksamhet: {uppgifter.verksamhet}, {uppgifter.organisation}",
        nytt_forrad=git_finns and not i_forrad,
    )
    return Initierad(sparat.filer, fanns, sparat.gren, i_forrad, not git_finns)


def _kontrollera_mappen(mapp: Path, tvinga: bool) -> None:
    if mapp.exists() and not mapp.is_dir():
        raise Anvandningsfel(f"”{mapp}” finns redan och är ingen mapp.")
    # En ny klon av ett tomt förråd hos forgen har bara .git: den räknas som tom.
    innehall = sorted(p.name for p in mapp.iterdir() if p.name != ".git") if mapp.exists() else []
    if innehall and not tvinga:
        visade = ", ".join(innehall[:5]) + (" …" if len(innehall) > 5 else "")
        raise Anvandningsfel(
            f"Mappen ”{mapp}” är inte tom ({visade}).",
            tips="Välj en ny mapp, eller kör med --tvinga för att lägga till det som saknas"
            " (befintliga filer skrivs aldrig över).",
        )


def _filer(mapp: Path, u: NyVerksamhet, infort: date, ar: int) -> list[Andring]:
    kalla = mallar.mallmapp()
    andringar = [
        Andring(mapp / "huset.yaml", _huset(kalla, u, infort)),
        Andring(mapp / "ataganden" / f"{ar}.yaml", _arsfil(kalla, "ataganden.yaml", ar)),
        Andring(
            mapp / "brukarinflytande" / f"{ar}.yaml",
            _arsfil(kalla, "brukarinflytande.yaml", ar),
        ),
        Andring(mapp / "README.md", _readme(kalla, u)),
        Andring(mapp / ".github/workflows/kvalitet.yml", _ci(kalla, "github-kvalitet.yml", u)),
        Andring(
            mapp / ".github/workflows/paminnelser.yml", _ci(kalla, "github-paminnelser.yml", u)
        ),
        Andring(mapp / ".gitlab-ci.yml", _ci(kalla, "gitlab-ci.yml", u)),
    ]
    andringar += [
        Andring(mapp / "rum" / p.name, p.read_bytes()) for p in sorted(kalla.glob("rum/*.yaml"))
    ]
    andringar += [
        Andring(mapp / mal, (kalla / kopia).read_bytes()) for kopia, mal in _KOPIOR.items()
    ]
    andringar.append(_forsta_styrdokumentet(mapp))
    # JSON-schemana och VS Code-inställningarna, så att editorn fyller i och rättar nycklar.
    andringar += schema.filer(mapp / schema.STANDARDMAPP)
    vscode = schema.vscode_fil(mapp)
    return [*andringar, vscode] if vscode else andringar


def _forsta_styrdokumentet(mapp: Path) -> Andring:
    # En rutin som varje verksamhet behöver (SOSFS 2011:9 5 kap. 5–6 §§), som ett utkast
    # med huvudet förklarat: en mall att skriva vidare på och att kopiera.
    ny = styrdokument.Ny(Slag.rutin, "Rutin för avvikelsehantering", "verksamhetschef")
    inledning = (
        "Ett styrdokument: Markdown med ett huvud mellan raderna ---. Skapat av kvalitet init"
        "\nsom ett utkast att skriva vidare på; nya dokument: kvalitet styrdokument ny."
    )
    text = styrdokument.text(ny, "rutin-avvikelsehantering", inledning)
    return Andring(mapp / "styrdokument" / "rutin-avvikelsehantering.md", text.encode("utf-8"))


def _huset(kalla: Path, u: NyVerksamhet, infort: date) -> bytes:
    def fyll_i(trad: Any) -> None:
        verksamhet = trad["verksamhet"]
        for nyckel, varde in (
            ("namn", u.verksamhet),
            ("organisation", u.organisation),
            ("kommunkod", u.kommunkod),
            ("nämnd", u.namnd),
        ):
            verksamhet[nyckel] = yamlio.samma_stil(verksamhet[nyckel], varde)
        trad["årshjul"]["infört"] = infort

    return _ur_mallen(kalla, "huset.yaml", fyll_i)


def _arsfil(kalla: Path, namn: str, ar: int) -> bytes:
    def fyll_i(trad: Any) -> None:
        trad["år"] = ar

    return _ur_mallen(kalla, namn, fyll_i)


def _ur_mallen(kalla: Path, namn: str, fyll_i: Any) -> bytes:
    mall = (kalla / namn).read_bytes()
    return redigering.redigera(kalla, namn, fyll_i, mall=mall).ny


def _readme(kalla: Path, u: NyVerksamhet) -> bytes:
    mall = Template((kalla / "ny-verksamhet" / "README.md").read_text(encoding="utf-8"))
    text = mall.safe_substitute(
        verksamhet=u.verksamhet,
        organisation=u.organisation,
        kommunkod=u.kommunkod,
        pip_kalla=u.kvalitet_kalla.pip,
    )
    return text.encode("utf-8")


def _ci(kalla: Path, namn: str, u: NyVerksamhet) -> bytes:
    mall = Template((kalla / "ny-verksamhet" / namn).read_text(encoding="utf-8"))
    k = u.kvalitet_kalla
    return mall.substitute(atgard=k.atgard, gitlab_mall=k.gitlab_mall, pip_kalla=k.pip).encode()


def _relativ(mapp: Path, sokvag: Path) -> str:
    return sokvag.relative_to(mapp).as_posix()
