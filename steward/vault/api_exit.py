"""The vault's API: exit (DESIGN.md, "Vault API")."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["vault"])
