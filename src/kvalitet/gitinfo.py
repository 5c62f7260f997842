"""Den enda modulen som importerar gitpython: förrådet, grenar och incheckningar.

gitpython importeras först när en funktion här anropas, så att kommandon som inte
rör git startar snabbt och fungerar på en dator utan git.
"""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kvalitet.fel import KvalitetFel, Slutkod

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
        repo.index.commit(meddelande)
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
        return str(self.repo.index.commit(meddelande).hexsha[:8])


@contextlib.contextmanager
def ny_gren(mapp: Path, namn: str) -> Iterator[Gren]:
    """Skapa en gren från HEAD och checka ut den; går något fel återställs allt.

    Args:
        mapp: En mapp i förrådet.
        namn: Grenens namn.

    Yields:
        Grenen, utcheckad.

    Raises:
        Gitfel: När mappen inte är i ett förråd, arbetsträdet har ändringar som inte
            är incheckade, förrådet saknar incheckningar eller grenen redan finns.
    """
    repo = _rent_forrad(mapp)
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


def _rent_forrad(mapp: Path) -> Repo:
    repo = forrad(mapp)
    if repo is None:
        raise Gitfel(
            f"{mapp} ligger inte i ett git-förråd, så ingen gren kan skapas.",
            tips="Kör utan --gren, eller gör mappen till ett förråd med: git init",
        )
    if not repo.head.is_valid():
        raise Gitfel("Förrådet har ingen incheckning än, så ingen gren kan skapas.")
    andrade = andrade_filer(repo)
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
        Gitfel: Utanför ett förråd eller när referensen inte finns.
    """
    git = _git()
    repo = forrad(mapp)
    if repo is None:
        raise Gitfel(
            f"{mapp} ligger inte i ett git-förråd, så det finns ingen {ref} att jämföra med."
        )
    try:
        incheckning = repo.commit(ref)
    except (git.BadName, ValueError, git.GitCommandError):
        raise Gitfel(
            f"Referensen {ref} finns inte i förrådet.",
            tips="Hämta den först (git fetch origin), eller ange en gren som finns.",
        ) from None
    if repo.head.is_valid():
        gemensamma = repo.merge_base(incheckning, repo.head.commit)
        incheckning = gemensamma[0] if gemensamma else incheckning
    prefix = _i_forradet(repo, mapp)
    return _blobbar(incheckning.tree, prefix)


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
