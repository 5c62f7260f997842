"""Text som kvalitet skriver ut, till en logg eller till en fil: inga personnummer, inga styrtecken.

All text passerar `tvatta` på vägen ut (terminalen i kvalitet.cli._konsol, rapporterna i
kvalitet.rendering, incheckningarnas meddelanden i kvalitet.gitinfo), och varje
användartext i en rad som kontrollen skriver (fil, text) passerar den med `rad=True`:

- Personnummer och samordningsnummer maskeras (ÅÅMMDD-****), också de som står i ett
  filnamn eller i ett meddelande som citerar en okänd nyckel.
- Styrtecken blir synliga i stället för att tolkas av terminalen eller CI-loggen: ESC
  (som kan tömma skärmen, byta fönstrets titel eller skriva till urklipp), CR (som
  skriver över raden), C1-tecken, tecken som vänder textens riktning och radavgränsare.
  C0-tecknen visas som sina symboler (␛, ␍, ␀), de andra som <U+009B>.
- Med `rad=True` blir också radbrytningen synlig (␤), så att en användartext aldrig kan
  bli en egen rad, till exempel en falsk `::error`-annotering.
- Bytes i ett filnamn som inte är UTF-8 (Python visar dem som surrogater) skrivs <FF>,
  så att utdata alltid är giltig UTF-8 (och JSON förblir JSON).
"""

from __future__ import annotations

from kvalitet.personnummer import maskera


def _tabell(rad: bool) -> dict[int, str]:
    tabell = {kod: chr(0x2400 + kod) for kod in range(0x20) if chr(kod) not in "\t\n"}
    tabell[0x7F] = "\u2421"  # ␡
    for kod in (*range(0x80, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        tabell[kod] = f"<U+{kod:04X}>"
    for kod in range(0xDC80, 0xDD00):  # surrogateescape: en byte som inte var UTF-8
        tabell[kod] = f"<{kod - 0xDC00:02X}>"
    if rad:
        tabell[ord("\n")] = "\u2424"  # ␤
    return tabell


_FLERA_RADER = _tabell(rad=False)
_EN_RAD = _tabell(rad=True)


def tvatta(text: str, *, rad: bool = False) -> str:
    """Texten utan personnummer och med styrtecknen synliga.

    Args:
        text: Texten att skriva.
        rad: Gör också radbrytningar synliga: texten ska stå på en rad.

    Returns:
        Texten som den kan skrivas ut.
    """
    return maskera(text).translate(_EN_RAD if rad else _FLERA_RADER)
