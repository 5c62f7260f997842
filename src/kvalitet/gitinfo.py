"""Den enda modulen som importerar gitpython: förrådet, grenar och incheckningar.

gitpython importeras först när en funktion här anropas, så att kommandon som inte
rör git startar snabbt och fungerar på en dator utan git.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kvalitet.fel import Anvandningsfel, KvalitetFel, Slutkod
from kvalitet.utdata import tvatta

if TYPE_CHECKING:
    from git import Repo


class Gitfel(KvalitetFel):
    """Något i git hindrar kommandot; inget har ändrats."""

    slutkod = Slutkod.FYND


def _git() -> Any:
    try:
        import git
    except ImportError:
        raise Gitfel(
            "Programmet git hittades inte.",
            tips="Installera git (https://git-scm.com) och kör kommandot igen.",
        ) from None
    return git


def git_finns() -> bool:
    """Sant när programmet git går att använda."""
    try:
        _git()
    except Gitfel:
        return False
    return True


def forrad(mapp: Path) -> Repo | None:
    """Git-förrådet som mappen ligger i, eller None."""
    git = _git()
    befintlig = next((m for m in (mapp, *mapp.parents) if m.exists()), mapp)
    try:
        return git.Repo(befintlig, search_parent_directories=True)  # type: ignore[no-any-return]
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None


def aktuell_gren(mapp: Path) -> str | None:
    """Grenen som är utcheckad i mappens förråd, eller None (inget förråd, ingen gren)."""
    repo = forrad(mapp) if git_finns() else None
    if repo is None or repo.head.is_detached:
        return None
    return str(repo.active_branch.name)


def _i_forradet(repo: Repo, sokvag: Path) -> str:
    return sokvag.resolve().relative_to(Path(repo.working_dir).resolve()).as_posix()


def skapa_forrad(mapp: Path, filer: list[Path], meddelande: str) -> str:
    """Gör mappen till ett nytt git-förråd och checka in filerna.

    Args:
        mapp: Mappen.
        filer: Filerna att checka in.
        meddelande: Incheckningens meddelande.

    Returns:
        Grenens namn.
    """
    git = _git()
    gren = _standardgren(git)
    fanns = (mapp / ".git").exists()
    try:
        repo = git.Repo.init(mapp, initial_branch=gren)
        repo.index.add([_i_forradet(repo, fil) for fil in filer])
        repo.index.commit(tvatta(meddelande))
    except BaseException:
        if not fanns:
            shutil.rmtree(mapp / ".git", ignore_errors=True)
        raise
    return gren


def _standardgren(git: Any) -> str:
    try:
        varde = git.GitConfigParser(read_only=True).get_value("init", "defaultBranch", "main")
    except Exception:  # en trasig gitconfig ska inte stoppa init
        return "main"
    return str(varde) or "main"


def andrade_filer(repo: Repo) -> list[str]:
    """Spårade filer med ändringar som inte är incheckade (i arbetsträdet eller indexet)."""
    if not repo.head.is_valid():
        return [item.a_path or "" for item in repo.index.diff(None)]
    andrade = {d.a_path for d in repo.index.diff(None)} | {
        d.a_path for d in repo.index.diff("HEAD")
    }
    return sorted(namn for namn in andrade if namn)


@dataclass
class Gren:
    """En ny gren som har checkats ut; `checka_in` gör incheckningen på den."""

    repo: Repo
    namn: str

    def checka_in(self, filer: list[Path], meddelande: str) -> str:
        """Checka in filerna på grenen; ger incheckningens korta id."""
        self.repo.index.add([_i_forradet(self.repo, fil) for fil in filer])
        return str(self.repo.index.commit(tvatta(meddelande)).hexsha[:8])


@contextlib.contextmanager
def ny_gren(mapp: Path, namn: str, egna: Sequence[Path] = ()) -> Iterator[Gren]:
    """Skapa en gren från HEAD och checka ut den; går något fel återställs allt.

    Args:
        mapp: En mapp i förrådet.
        namn: Grenens namn.
        egna: Filer som får ha ändringar som inte är incheckade (de som ska checkas in på
            grenen); alla andra ändringar gör att grenen inte skapas.

    Yields:
        Grenen, utcheckad.

    Raises:
        Gitfel: När mappen inte är i ett förråd, arbetsträdet har ändringar som inte
            är incheckade, förrådet saknar incheckningar eller grenen redan finns.
    """
    repo = _rent_forrad(mapp, egna)
    if namn in [head.name for head in repo.heads]:
        raise Gitfel(f"Grenen {namn} finns redan.", tips="Byt till den med: git switch " + namn)
    tidigare = repo.head.ref if not repo.head.is_detached else repo.head.commit
    gren = repo.create_head(namn)
    gren.checkout()
    try:
        yield Gren(repo, namn)
    except BaseException:
        _tillbaka(repo, tidigare, gren)
        raise


def _rent_forrad(mapp: Path, egna: Sequence[Path] = ()) -> Repo:
    repo = forrad(mapp)
    if repo is None:
        raise Gitfel(
            f"{mapp} ligger inte i ett git-förråd, så ingen gren kan skapas.",
            tips="Kör utan --gren, eller gör mappen till ett förråd med: git init",
        )
    if not repo.head.is_valid():
        raise Gitfel("Förrådet har ingen incheckning än, så ingen gren kan skapas.")
    tillatna = {_i_forradet(repo, fil) for fil in egna}
    andrade = [fil for fil in andrade_filer(repo) if fil not in tillatna]
    if andrade:
        raise Gitfel(
            "Arbetsträdet har ändringar som inte är incheckade: "
            + ", ".join(andrade[:5])
            + (" …" if len(andrade) > 5 else "")
            + ". Inget har ändrats.",
            tips="Checka in eller lägg undan ändringarna (git stash) och kör igen.",
        )
    return repo


def _tillbaka(repo: Repo, tidigare: Any, gren: Any) -> None:
    git = _git()
    with contextlib.suppress(git.GitCommandError, OSError):
        if hasattr(tidigare, "checkout"):
            tidigare.checkout(force=True)
        else:
            repo.git.checkout(tidigare.hexsha, force=True)
        repo.delete_head(gren, force=True)


def namn_i_alla_grenar(mapp: Path) -> set[str]:
    """Namnen (utan ändelse) på filerna under en mapp, i alla grenar som förrådet känner.

    Lokala grenar och fjärrgrenar räknas, så att ett nytt id inte krockar med ett
    som redan används på en annan gren. Utanför ett förråd: en tom mängd.
    """
    repo = forrad(mapp)
    if repo is None or not repo.head.is_valid():
        return set()
    vag = _i_forradet(repo, mapp)
    namn: set[str] = set()
    for ref in _grenar(repo):
        with contextlib.suppress(_git().GitCommandError):
            utdata = repo.git.ls_tree("-r", "--name-only", ref, "--", vag)
            namn |= {PurePosixPath(rad).stem for rad in utdata.splitlines() if rad}
    return namn


def texter_i_alla_grenar(fil: Path) -> list[str]:
    """Filens innehåll i varje gren som har den (se `namn_i_alla_grenar`)."""
    repo = forrad(fil.parent)
    if repo is None or not repo.head.is_valid():
        return []
    vag = _i_forradet(repo, fil)
    texter = []
    for ref in _grenar(repo):
        with contextlib.suppress(_git().GitCommandError, UnicodeDecodeError):
            texter.append(repo.git.show(f"{ref}:{vag}"))
    return texter


def _grenar(repo: Repo) -> list[str]:
    return [
        ref.path
        for ref in repo.refs
        if ref.path.startswith(("refs/heads/", "refs/remotes/")) and not ref.path.endswith("/HEAD")
    ]


def prova_bas(ref: str) -> None:
    """Vägra en tom referens att jämföra med.

    Som när CI skriver `--bas "$MALGREN"` och variabeln är tom: jämförelsen med
    målgrenen får då inte tyst utebli (och skyddade poster släppas igenom).

    Raises:
        Anvandningsfel: När referensen är tom eller bara blanksteg.
    """
    if not ref.strip():
        raise Anvandningsfel(
            "--bas behöver en gren att jämföra med, till exempel origin/main, men fick en tom"
            " text.",
            tips="Är variabeln för målgrenen tom i CI? Ange grenen, eller utelämna --bas.",
        )


def filer_vid(mapp: Path, ref: str) -> dict[str, bytes]:
    """Filerna under en mapp som de såg ut där grenen avvek från `ref` (merge-base).

    Jämförelsen görs mot den gemensamma förfadern till `ref` och HEAD, så att det som
    har hänt på `ref` efter att grenen skapades inte räknas som grenens ändringar.

    Args:
        mapp: Verksamhetens rot (kan ligga längre ned i förrådet).
        ref: En gren, tagg eller incheckning, till exempel origin/main.

    Returns:
        Filernas innehåll efter väg relativt mappen.

    Raises:
        Anvandningsfel: Utanför ett förråd eller när referensen inte finns.
    """
    prova_bas(ref)
    git = _git()
    repo = forrad(mapp)
    if repo is None:
        raise Anvandningsfel(
            f"{mapp} ligger inte i ett git-förråd, så det finns ingen {ref} att jämföra med."
        )
    try:
        incheckning = repo.commit(ref)
    except (git.BadName, ValueError, git.GitCommandError):
        raise Anvandningsfel(
            f"Referensen {ref} finns inte i förrådet.",
            tips="Hämta den först (git fetch origin), eller ange en gren som finns.",
        ) from None
    if repo.head.is_valid():
        gemensamma = repo.merge_base(incheckning, repo.head.commit)
        if not gemensamma:
            raise _ingen_gemensam(repo, ref)
        incheckning = gemensamma[0]
    prefix = _i_forradet(repo, mapp)
    return _blobbar(incheckning.tree, prefix)


def _ingen_gemensam(repo: Repo, ref: str) -> Anvandningsfel:
    # Utan den gemensamma förfadern skulle allt som hänt på ref efter att grenen skapades
    # se ut som grenens ändringar (till exempel en uppföljning i en avslutad session).
    if (Path(repo.git_dir) / "shallow").exists():
        return Anvandningsfel(
            f"Grenen och {ref} har ingen gemensam incheckning i den här klonen: den är grund"
            " (shallow), så historiken där grenen skapades saknas och ingen jämförelse görs.",
            tips="Hämta hela historiken: git fetch --unshallow (i GitHub Actions fetch-depth: 0"
            ' i actions/checkout, i GitLab CI GIT_DEPTH: "0").',
        )
    return Anvandningsfel(
        f"Grenen och {ref} har ingen gemensam historik, så det finns inget att jämföra med.",
        tips="Ange den gren som grenen skapades från, till exempel origin/main.",
    )


def _blobbar(rot: Any, prefix: str) -> dict[str, bytes]:
    try:
        trad = rot / prefix if prefix and prefix != "." else rot
    except KeyError:  # mappen fanns inte då
        return {}
    start = len(prefix) + 1 if prefix and prefix != "." else 0
    return {
        str(objekt.path)[start:]: objekt.data_stream.read()
        for objekt in trad.traverse()
        if getattr(objekt, "type", None) == "blob"
    }


# Historiken: vem ändrade vilken fil, när, och genom vilken pull request. Två anrop till
# git oavsett hur många filer verksamheten har: ett för filerna, ett för grafen.

_GITHUB = re.compile(r"^Merge pull request #(\d+) from ")
_AZURE = re.compile(r"^Merged PR (\d+):")
_GITLAB = re.compile(r"^Merge branch '.+' into '.+'")
_GITLAB_KROPP = re.compile(r"^See merge request \S*!(\d+)\s*$", re.MULTILINE)
_SQUASH = re.compile(r" \(#(\d+)\)$")  # GitHubs "squash and merge": "Rubrik (#123)"
_GRAFFORMAT = "%H%x1f%P%x1f%an%x1f%aI%x1f%s%x1f%b"
# Användarens inställningar (log.showSignature, log.follow) får inte ändra utdata.
_LOGG = ("-z", "--no-show-signature", "--no-follow")


@dataclass(frozen=True)
class PullRequest:
    """En pull request (GitHub, Azure DevOps) eller merge request (GitLab)."""

    nummer: int
    slag: str = "pull request"
    tecken: str = "#"

    def __str__(self) -> str:
        return f"{self.slag} {self.tecken}{self.nummer}"


@dataclass(frozen=True)
class Incheckning:
    """En incheckning: id, författare, tid, rubrik och hur den kom in i grenen."""

    sha: str
    forfattare: str
    tid: datetime
    rubrik: str
    foraldrar: int
    pull_request: PullRequest | None = None
    """Pull requesten som incheckningen själv slår ihop (eller squash-incheckar)."""
    via: Incheckning | None = None
    """Sammanslagningen på grenen som förde in incheckningen från en annan gren."""

    @property
    def kort(self) -> str:
        """Det korta id:t (8 tecken)."""
        return self.sha[:8]

    @property
    def datum(self) -> date:
        """Dagen då ändringen gjordes (författarens datum)."""
        return self.tid.date()

    @property
    def genom(self) -> PullRequest | None:
        """Pull requesten som ändringen kom in genom, när det syns i historiken."""
        return self.pull_request or (self.via.pull_request if self.via else None)


@dataclass(frozen=True)
class Historik:
    """Incheckningarna per fil under en mapp, nyast först."""

    filer: dict[str, list[Incheckning]] = field(default_factory=dict)
    """Varje fils incheckningar efter väg relativt mappen, nyast först."""
    grund: str | None = None
    """En anmärkning när förrådet är en grund klon och historiken därför är ofullständig."""

    def senaste(self, relativ: str) -> Incheckning | None:
        """Filens senaste incheckning, eller None när den aldrig har checkats in."""
        lista = self.filer.get(relativ)
        return lista[0] if lista else None


@dataclass(frozen=True)
class _Post:
    foraldrar: list[str]
    forfattare: str
    tid: datetime
    rubrik: str
    kropp: str


def historik(mapp: Path, vagar: Sequence[str] | None = None) -> Historik:
    """Alla incheckningar som rör filerna under mappen, i ett svep (inte ett anrop per fil).

    En incheckning som kom in genom en sammanslagning på den aktuella grenen får den
    sammanslagningen som `via`, med pull requestens nummer när rubriken nämner det
    (GitHub, GitLab, Azure DevOps).

    Args:
        mapp: Verksamhetens rot (kan ligga längre ned i förrådet).
        vagar: Bara dessa filer (relativt mappen); None ger alla under mappen.

    Returns:
        Historiken; tom när förrådet saknar incheckningar. Två anrop till git log,
        hur många filer det än gäller.

    Raises:
        Anvandningsfel: När mappen inte ligger i ett git-förråd.
        Gitfel: När git saknas eller git log misslyckas.
    """
    git = _git()
    repo = forrad(mapp)
    if repo is None:
        raise Anvandningsfel(
            f"{mapp} ligger inte i ett git-förråd, så det finns ingen historik att visa.",
            tips="Historiken finns bara i ett förråd; gör mappen till ett med: git init",
        )
    prefix = _i_forradet(repo, mapp)
    if vagar is not None and not vagar:
        return Historik()
    try:
        graf = _tolka_graf(repo.git.log(*_LOGG, f"--format={_GRAFFORMAT}", "HEAD"))
        monster = [prefix] if vagar is None else [_i_prefix(prefix, vag) for vag in vagar]
        utdata = repo.git.log(
            *_LOGG,
            "--name-only",
            "--format=%x1e%H",
            "HEAD",
            "--",
            *(f":(literal){vag}" for vag in monster),
        )
    except git.GitCommandError as fel:
        if not repo.head.is_valid():  # förrådet har inga incheckningar än
            return Historik()
        raise Gitfel(f"git log misslyckades: {str(fel.stderr).strip()}") from None
    if not graf:
        return Historik()
    per_fil = _tolka_filer(utdata, prefix)
    incheckningar = _incheckningar(graf, next(iter(graf)), per_fil)  # git log börjar med HEAD
    filer = {
        vag: [incheckningar[sha] for sha in lista if sha in incheckningar]
        for vag, lista in per_fil.items()
    }
    return Historik(filer, _grund(Path(repo.common_dir), graf))


def _i_prefix(prefix: str, vag: str) -> str:
    return vag if prefix == "." else f"{prefix}/{vag}"


def _tolka_graf(utdata: str) -> dict[str, _Post]:
    graf = {}
    for post in utdata.split("\0"):
        delar = post.split("\x1f", 5)
        if len(delar) == 6:
            sha, foraldrar, namn, tid, rubrik, kropp = delar
            graf[sha] = _Post(foraldrar.split(), namn, datetime.fromisoformat(tid), rubrik, kropp)
    return graf


def _tolka_filer(utdata: str, prefix: str) -> dict[str, list[str]]:
    start = 0 if prefix == "." else len(prefix) + 1
    filer: dict[str, list[str]] = {}
    for post in utdata.split("\x1e")[1:]:
        sha, *vagar = post.split("\0")
        for vag in (v.removeprefix("\n") for v in vagar):
            if vag and (start == 0 or vag.startswith(prefix + "/")):
                filer.setdefault(vag[start:], []).append(sha)
    return filer


def _incheckningar(
    graf: dict[str, _Post], topp: str, per_fil: dict[str, list[str]]
) -> dict[str, Incheckning]:
    huvudlinje = _huvudlinje(graf, topp)
    forda_in = _forda_in(graf, huvudlinje)
    pa_huvudlinjen = set(huvudlinje)

    def incheckning(sha: str) -> Incheckning:
        post = graf[sha]
        pr = _pull_request(post, sha in pa_huvudlinjen)
        return Incheckning(sha, post.forfattare, post.tid, post.rubrik, len(post.foraldrar), pr)

    behovda = {sha for lista in per_fil.values() for sha in lista if sha in graf}
    sammanslagningar = {forda_in[sha] for sha in behovda if sha in forda_in}
    alla = {sha: incheckning(sha) for sha in behovda | sammanslagningar}
    return {
        sha: replace(inch, via=alla[forda_in[sha]]) if sha in forda_in else inch
        for sha, inch in alla.items()
    }


def _huvudlinje(graf: dict[str, _Post], topp: str) -> list[str]:
    """Grenens egna incheckningar: första föräldern bakåt från HEAD, nyast först."""
    linje: list[str] = []
    sha: str | None = topp
    while sha is not None and sha in graf:
        linje.append(sha)
        sha = graf[sha].foraldrar[0] if graf[sha].foraldrar else None
    return linje


def _forda_in(graf: dict[str, _Post], huvudlinje: list[str]) -> dict[str, str]:
    """Vilken sammanslagning på huvudlinjen som förde in varje incheckning utanför den.

    Huvudlinjen gås igenom äldst först; det som en sammanslagning når från sina andra
    föräldrar och som inte redan är sett är det den förde in. Varje incheckning besöks
    en gång.
    """
    sett: set[str] = set()
    forda_in: dict[str, str] = {}
    for sammanslagning in reversed(huvudlinje):
        sett.add(sammanslagning)
        kvar = list(graf[sammanslagning].foraldrar[1:])
        while kvar:
            sha = kvar.pop()
            if sha in sett or sha not in graf:
                continue
            sett.add(sha)
            forda_in[sha] = sammanslagning
            kvar.extend(graf[sha].foraldrar)
    return forda_in


def _pull_request(post: _Post, pa_huvudlinjen: bool) -> PullRequest | None:
    if len(post.foraldrar) < 2:
        traff = _SQUASH.search(post.rubrik) if pa_huvudlinjen else None
        return PullRequest(int(traff[1])) if traff else None
    if traff := _GITHUB.match(post.rubrik):
        return PullRequest(int(traff[1]))
    if traff := _AZURE.match(post.rubrik):
        return PullRequest(int(traff[1]), tecken="!")
    if _GITLAB.match(post.rubrik) and (traff := _GITLAB_KROPP.search(post.kropp)):
        return PullRequest(int(traff[1]), "merge request", "!")
    return None


def _grund(gitmapp: Path, graf: dict[str, _Post]) -> str | None:
    """En anmärkning när förrådet är en grund klon (git clone --depth, som i forgens CI)."""
    fil = gitmapp / "shallow"
    if not fil.is_file():
        return None
    granser = [graf[sha] for sha in fil.read_text(encoding="ascii").split() if sha in graf]
    borjan = f" vid {max(post.tid for post in granser).date()}" if granser else ""
    return (
        f"Förrådet är en grund klon (shallow): historiken börjar{borjan}, så äldre ändringar"
        " syns inte och filerna ser ut att vara ändrade då; kör git fetch --unshallow för"
        " hela historiken."
    )
