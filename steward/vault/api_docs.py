"""The vault's API: docs (DESIGN.md, "Vault API")."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["vault"])
