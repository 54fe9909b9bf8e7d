from __future__ import annotations

from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "steward.contracts"
    label = "contracts"
