"""The vault's API: secrets (DESIGN.md, "Vault API")."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["vault"])
