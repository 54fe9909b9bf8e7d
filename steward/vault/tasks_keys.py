"""Background work of the vault's keys and chains."""

from __future__ import annotations

from django.tasks import task

from steward.vault import checkpoints


@task()
def checkpoint_task() -> int:
    """Sign and mail the audit chains' heads that are due (vault.checkpoints)."""
    return len(checkpoints.run())
