"""The advice endpoints of the Reports API (DESIGN.md)."""

from __future__ import annotations

from ninja import Router

router = Router(tags=["reports"])
