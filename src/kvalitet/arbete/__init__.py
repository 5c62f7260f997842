"""Kärnan i de dagliga kommandona: de som skapar och ändrar dokument, och listorna.

Varje modul här bygger ändringar (se `kvalitet.skrivning`) eller tabeller (se
`kvalitet.tabell`) ur en läst verksamhet; ingen skriver ut något. `_spara` är den
enda vägen till disken: pröva, skriv allt eller inget, och checka in på en ny gren
när användaren ber om det.
"""
