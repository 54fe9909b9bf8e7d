from __future__ import annotations

from django.apps import AppConfig


class VaultConfig(AppConfig):
    name = "steward.vault"
    label = "vault"
