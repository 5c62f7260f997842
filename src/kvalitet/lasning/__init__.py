"""Läsflödet: hur verksamhetens filer blir dokument, för alla kommandon.

Data går nedåt: kommandon → arbete → domänen (kvalitet.verksamhet och modulerna för
årshjulet, egenkontrollen …) → läsflödet → filerna. Läsflödet har tre delar:

- `filer`: vilka filer som hör till verksamheten, och en kontrollsumma av varje fils
  innehåll (det cachen litar på).
- `cache`: dokumentens cache (en rad per dokument, signerad) och kontrollens sparade
  utfall, i `.kvalitet/cache/`.
- `inlasning`: att läsa många dokument: ur cachen när de inte har ändrats, parallellt
  annars, och bara de filtyper ett kommando behöver.

kvalitet.verksamhet.ladda är ingången: den listar filerna och ger en Verksamhet.
Paketet importerar inget tungt här, så att en kontroll som svarar ur cachen bara
behöver `filer` och `cache`.
"""
