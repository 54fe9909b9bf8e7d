"""Steward's URLs, with `audit.append` made a no-op: the reveal endpoint without its audit
write, for bench/vault.py only. Loaded once the apps are ready, as a URLconf is."""

from __future__ import annotations

from typing import Any

from steward.urls import urlpatterns
from steward.vault import audit


def _no_entry(*args: Any, **kwargs: Any) -> None:
    return None


audit.append = _no_entry  # type: ignore[assignment]

__all__ = ["urlpatterns"]
