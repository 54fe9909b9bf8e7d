"""Background work of the vault's documentation."""

from __future__ import annotations

from django.tasks import task

from steward.vault import actions_docs


@task()
def warn_renewals_task() -> int:
    """Tell client admins of vendors renewing or expiring within 30 days, once per date."""
    return actions_docs.warn_renewals()
