"""Two runs of `steward vault rotate-key --reencrypt` at once: one new data key version, one
rekey entry, every credential moved once and opening, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from steward.test import make_org, race
from steward.vault import crypto, keys
from steward.vault.models import AuditEntry, Credential

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_two_reencryptions_started_at_once_make_one_version_and_finish_it() -> None:
    org = make_org("RACE")
    for i in range(30):
        row = Credential.objects.create(organization=org, name=f"Login {i}")
        crypto.seal_credential(row, secret=f"secret {i}")
        row.save()
    done = race(lambda: keys.reencrypt(org, batch=4), 2)
    assert {d.version for d in done} == {2}
    assert sum(d.credentials for d in done) == 30
    # The run that ends first may see the other's last batch (at most 4) still moving.
    assert min(d.behind for d in done) == 0 and max(d.behind for d in done) <= 4
    assert AuditEntry.objects.filter(organization=org, action="rekey").count() == 1
    for i, row in enumerate(Credential.objects.filter(organization=org).order_by("pk")):
        assert (row.key_version, crypto.open_credential(row)["secret"]) == (2, f"secret {i}")
