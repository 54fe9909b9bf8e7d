"""Settings for bench/vault.py's comparison run: Steward's own, with the reveal's audit write
taken out (bench/urls_vault_noaudit.py), so the same endpoint is measured without it."""

from __future__ import annotations

from steward.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_vault_noaudit"
