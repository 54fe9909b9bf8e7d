"""The audit chain: every edit, deletion, reordering or truncation of the stored log is found
and named; a checkpoint signed by another key is refused."""

from __future__ import annotations

import pytest
from django.test import override_settings

from steward.accounts.models import Organization
from steward.test import make_org
from steward.vault import audit
from steward.vault.models import AuditCheckpoint, AuditEntry

pytestmark = pytest.mark.django_db


def chain(n: int = 6) -> Organization:
    org = make_org("ACME")
    for i in range(1, n + 1):
        audit.append(org, "reveal", None, f"credential:{i} Router", f"ticket #{i}")
    return org


def test_an_untouched_chain_verifies_with_its_checkpoints() -> None:
    org = chain(4)
    assert audit.checkpoint(org) is not None
    assert audit.checkpoint(org) is None  # the head is signed already
    audit.append(org, "export", None, "exit pack")
    verdict = audit.verify(org)
    assert (verdict.ok, verdict.entries, verdict.first_bad, verdict.checkpoints) == (
        True,
        5,
        None,
        1,
    )


def test_an_edited_entry_is_named() -> None:
    org = chain()
    AuditEntry.objects.filter(organization=org, seq=3).update(reason="nothing to see")
    verdict = audit.verify(org)
    assert not verdict.ok and verdict.first_bad == 3


def test_a_deleted_entry_is_named() -> None:
    org = chain()
    AuditEntry.objects.filter(organization=org, seq=4).delete()
    assert audit.verify(org).first_bad == 4


def test_reordered_entries_are_found() -> None:
    org = chain()
    AuditEntry.objects.filter(organization=org, seq=2).update(seq=100)
    AuditEntry.objects.filter(organization=org, seq=5).update(seq=2)
    AuditEntry.objects.filter(organization=org, seq=100).update(seq=5)
    verdict = audit.verify(org)
    assert not verdict.ok and verdict.first_bad == 2


def test_a_truncated_chain_no_longer_reaches_its_checkpoint() -> None:
    org = chain()
    audit.checkpoint(org)
    AuditEntry.objects.filter(organization=org, seq__gte=5).delete()
    verdict = audit.verify(org)
    assert not verdict.ok and verdict.first_bad == 5


def test_a_rewritten_history_re_signed_with_another_key_is_refused() -> None:
    org = chain(3)
    audit.checkpoint(org)
    trusted = audit.public_key_hex()
    # Someone with the database but not the master key rewrites entry 2, re-hashes the chain
    # and signs a new checkpoint with a key of their own.
    AuditEntry.objects.filter(organization=org).delete()
    AuditCheckpoint.objects.filter(organization=org).delete()
    with override_settings(MASTER_KEY="the forger's key"):
        for i in range(1, 4):
            audit.append(org, "reveal", None, f"credential:{i} Router", "rewritten")
        audit.checkpoint(org)
    assert audit.verify(org).ok  # consistent on its own...
    rows = AuditEntry.objects.filter(organization=org).values_list(
        "seq", "at", "actor_label", "action", "object", "reason", "prev_hash", "hash"
    )
    marks = AuditCheckpoint.objects.filter(organization=org).values_list(
        "seq", "head", "public_key", "signature"
    )
    # ...but not against the key the client holds from the mailed checkpoint.
    verdict = audit.check_rows(org.pk, rows, marks, trusted=trusted)
    assert not verdict.ok and verdict.first_bad == 3


def test_a_forged_signature_is_refused() -> None:
    org = chain(3)
    mark = audit.checkpoint(org)
    assert mark is not None
    AuditCheckpoint.objects.filter(pk=mark.pk).update(signature="00" * 64)
    verdict = audit.verify(org)
    assert not verdict.ok and verdict.first_bad == 3
