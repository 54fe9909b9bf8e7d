from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _create_cache_table(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    # The database cache (used TOTP codes, sign-in rate limits) needs its table; creating it
    # after every migrate keeps `steward migrate` the only set-up step.
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class AccountsConfig(AppConfig):
    name = "steward.accounts"
    label = "accounts"

    def ready(self) -> None:
        from steward import checks  # noqa: F401 - registers the system checks

        post_migrate.connect(_create_cache_table, sender=self)
