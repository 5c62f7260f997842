"""Gör att `python -m kvalitet` fungerar."""

from kvalitet.cli import main

raise SystemExit(main())
