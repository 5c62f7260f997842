"""CI kör samma testkommando som README visar, och installerar det den behöver."""

from __future__ import annotations

import re

from tests.conftest import ROT


def _kodblock(text: str) -> list[str]:
    return [
        rad for block in re.findall(r"```sh\n(.*?)```", text, re.S) for rad in block.splitlines()
    ]


def test_ci_kor_readmes_testkommando_ordagrant() -> None:
    readme = (ROT / "README.md").read_text(encoding="utf-8")
    testrad = next(rad for rad in _kodblock(readme) if rad.endswith("skript/testa"))
    ci = (ROT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert testrad in ci


def test_ci_installerar_det_en_ny_maskin_saknar() -> None:
    ci = (ROT / ".ci" / "run").read_text(encoding="utf-8")
    for paket in ("chromium", "chromium-driver", "python3-venv"):
        assert re.search(rf"apt_installera [^\n]*\b{re.escape(paket)}\b", ci), paket
