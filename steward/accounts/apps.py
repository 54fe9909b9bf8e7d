from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate

from steward.accounts.middleware import note_sign_in


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
        # RequireMfaMiddleware compares the time a session signed in with when the user's
        # second factor was set up.
        user_logged_in.connect(note_sign_in, dispatch_uid="steward.note_sign_in")
