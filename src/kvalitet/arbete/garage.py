"""Garaget: parkera en risk, ett behov, en idé eller en möjlighet, och lista posterna."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from kvalitet import gitinfo, mallar, redigering, yamlio
from kvalitet.arbete._id import nytt_id
from kvalitet.modell.garaget import Garagestatus
from kvalitet.skrivning import Andring
from kvalitet.svenska import antal, sorteringsnyckel
from kvalitet.tabell import Tabell
from kvalitet.verksamhet import Verksamhet

FIL = "garaget.yaml"
OPPNA = (Garagestatus.parkerad, Garagestatus.prioriterad)


def parkera(
    v: Verksamhet,
    rubrik: str,
    typ: str,
    rum_text: str | None,
    beskrivning: str | None,
    inkom: date,
    slump: Callable[[], str] | None = None,
) -> tuple[str, Andring]:
    """En ny post sist i Garaget (garaget.yaml skapas från mallen om den saknas).

    Args:
        v: Verksamheten.
        rubrik: Postens rubrik.
        typ: risk, behov, idé eller möjlighet.
        rum_text: Rummet posten hör till (id, prefix eller namn), om något.
        beskrivning: En avidentifierad beskrivning, om någon.
        inkom: Dagen posten kom in.
        slump: Ger id:ts slumpdel (byts i tester).

    Returns:
        Postens id och ändringen av garaget.yaml.
    """
    rum = v.hitta_rum(rum_text).id if rum_text else None
    id_ = nytt_id("G", _upptagna(v), siffror=1, slump=slump)
    varden: dict[str, Any] = {"id": id_, "rubrik": yamlio.text(rubrik, 13), "typ": typ}
    if rum:
        varden["rum"] = rum
    varden["inkom"] = inkom
    if beskrivning:
        varden["beskrivning"] = yamlio.text(beskrivning, 6)
    varden["status"] = Garagestatus.parkerad.value
    post = yamlio.mappning(varden)
    mall = None if (v.rot / FIL).exists() else (mallar.mallmapp() / FIL).read_bytes()
    andring = redigering.redigera(v.rot, FIL, lambda trad: _lagg_till(trad, post), mall=mall)
    return id_, andring


def _lagg_till(trad: Any, post: Any) -> None:
    # En fil som inte har formen (mappning med en lista poster) lämnas som den är och
    # underkänns när ändringen prövas, med filens eget fel.
    if not isinstance(trad, dict):
        return
    if trad.get("poster") is None:
        trad["poster"] = yamlio.lista([])
    if isinstance(trad["poster"], list):
        yamlio.lagg_till(trad["poster"], post)


def _upptagna(v: Verksamhet) -> set[str]:
    upptagna = {post.id for post in v.garaget[1].poster} if v.garaget else set()
    for text in gitinfo.texter_i_alla_grenar(v.rot / FIL) if gitinfo.git_finns() else []:
        try:
            data = yamlio.las(text)
        except yamlio.Yamlfel:
            continue
        poster = data.get("poster") if isinstance(data, dict) else None
        upptagna |= {str(p["id"]) for p in poster or [] if isinstance(p, dict) and "id" in p}
    return upptagna


def lista(v: Verksamhet, rum_text: str | None, alla: bool) -> Tabell:
    """Garagets poster, öppna (parkerade och prioriterade) eller alla, i svensk ordning."""
    rum = v.hitta_rum(rum_text).id if rum_text else None
    poster = v.garaget[1].poster if v.garaget else []
    valda = [p for p in poster if (alla or p.status in OPPNA) and (rum is None or p.rum == rum)]
    valda.sort(key=lambda p: (sorteringsnyckel(v.rumsnamn(p.rum or "")), p.inkom))
    return Tabell(
        "Garaget" + ("" if alla else ": parkerade och prioriterade poster"),
        ("Id", "Rubrik", "Typ", "Rum", "Inkom", "Status"),
        [
            (
                p.id,
                p.rubrik,
                str(p.typ),
                v.rumsnamn(p.rum) if p.rum else "–",
                str(p.inkom),
                str(p.status),
            )
            for p in valda
        ],
        tom="Inga poster" + ("." if alla else " (visa även avslutade med --alla)."),
        fot=f"{len(valda)} av {antal(len(poster), 'post', 'poster')}.",
    )
