"""Two workers signing at once: one checkpoint per head, one mail per admin, on SQLite and
PostgreSQL alike."""

from __future__ import annotations

import pytest

from steward.accounts.models import Role
from steward.mail.models import Outbound
from steward.test import make_org, make_user, race
from steward.vault import audit, checkpoints
from steward.vault.models import AuditCheckpoint

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_two_workers_sign_each_head_once_and_mail_it_once() -> None:
    orgs = [make_org(f"RACE{i}") for i in range(4)]
    for org in orgs:
        make_user(Role.CLIENT_ADMIN, org)
        make_user(Role.CLIENT_ADMIN, org, language="el")
        for i in range(3):
            audit.append(org, "reveal", None, f"credential:{i}", "ticket")
    made = race(checkpoints.run, 2)
    assert sum(len(m) for m in made) == 4
    assert AuditCheckpoint.objects.count() == 4
    mails = Outbound.objects.filter(kind="vault_checkpoint")
    assert mails.count() == 8
    assert sorted(mails.values_list("organization__code", flat=True)) == sorted(
        [org.code for org in orgs] * 2
    )
