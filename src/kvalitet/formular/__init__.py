"""`kvalitet redigera`: årshjulets session som formulär i webbläsaren, sparat som YAML.

Formuläret är en vy: filerna i git är sanningen, och varje skrivning går genom samma
redigeringslager som kommandona. `app` är webbappen (Starlette), `sakerhet` skyddet runt
den och `session` vägen mellan formulärets fält och sessionens fil.
"""
