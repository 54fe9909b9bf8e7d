"""What `steward vault verify` (and the API's verify) reads: the stored chain, through the fast
path of audit.verify, gives the same verdicts as the standalone `check_rows` and the hashes
`json.dumps` would; a time written by hand in another form is read as the ORM reads it."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from steward.accounts.models import Organization
from steward.test import make_org
from steward.vault import audit
from steward.vault.models import AuditCheckpoint, AuditEntry

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def stored_rows(org: Organization) -> list[audit.Row]:
    return list(
        AuditEntry.objects.filter(organization=org)
        .order_by("seq")
        .values_list("seq", "at", "actor_label", "action", "object", "reason", "prev_hash", "hash")
    )


def marks(org: Organization) -> list[audit.Mark]:
    return list(
        AuditCheckpoint.objects.filter(organization=org)
        .order_by("seq")
        .values_list("seq", "head", "public_key", "signature")
    )


def chain(org: Organization) -> None:
    reasons = ['ticket "7" \\ back-slash', "工单 #8 打印机", "Δελτίο 9\nnew line\t\u2028", ""]
    for i, reason in enumerate(reasons * 3):
        # Whole seconds (stored without a fraction) and microseconds alike.
        at = T0 + timedelta(seconds=i, microseconds=0 if i % 2 else 1234 * i)
        audit.append(org, "reveal", None, f"credential:{i} «Router»", reason, at=at)
        if i == 5:
            audit.checkpoint(org)


@pytest.mark.django_db
def test_the_stored_chain_verifies_as_check_rows_does() -> None:
    org = make_org("ACME")
    chain(org)
    fast = audit.verify(org)
    assert (fast.ok, fast.entries, fast.checkpoints) == (True, 12, 1)
    assert audit.check_rows(org.pk, stored_rows(org), marks(org)) == fast
    AuditEntry.objects.filter(organization=org, seq=8).update(reason="工单 #8 打印机!")
    changed = audit.verify(org)
    assert (changed.ok, changed.first_bad, changed.problem) == (False, 8, "entry 8 was changed")
    assert audit.check_rows(org.pk, stored_rows(org), marks(org)) == changed


@pytest.mark.django_db
def test_a_time_edited_by_hand_is_read_as_the_orm_reads_it() -> None:
    org = make_org("ACME")
    chain(org)
    table = AuditEntry._meta.db_table
    if connection.vendor == "sqlite":
        entry = AuditEntry.objects.get(organization=org, seq=3)
        same_instant = audit.stamp(entry.at).replace("Z", "+00:00")
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET at = %s WHERE id = %s", [same_instant, entry.pk])
        assert audit.verify(org).ok  # the same instant, written another way
        with connection.cursor() as cursor:
            cursor.execute(f"UPDATE {table} SET at = %s WHERE id = %s", ["yesterday", entry.pk])
        verdict = audit.verify(org)
        assert (verdict.ok, verdict.first_bad) == (False, 3)
    else:
        entry = AuditEntry.objects.get(organization=org, seq=3)
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET at = at + interval '1 microsecond' WHERE id = %s", [entry.pk]
            )
        assert audit.verify(org).first_bad == 3


@given(
    org=st.integers(min_value=1, max_value=2**40),
    seq=st.integers(min_value=1, max_value=2**40),
    texts=st.lists(st.text(), min_size=5, max_size=5),
)
def test_canonical_is_json_dumps(org: int, seq: int, texts: list[str]) -> None:
    at, actor, action, obj, reason = texts
    prev = "ab" * 32
    expected = json.dumps(
        [org, seq, at, actor, action, obj, reason, prev], ensure_ascii=False, separators=(",", ":")
    )
    try:
        encoded = expected.encode()
    except UnicodeEncodeError:  # a lone surrogate: neither writes it
        with pytest.raises(UnicodeEncodeError):
            audit.canonical(org, seq, at, actor, action, obj, reason, prev)
        return
    assert audit.canonical(org, seq, at, actor, action, obj, reason, prev) == encoded


@given(
    st.datetimes(
        min_value=datetime(1000, 1, 1),
        max_value=datetime(9998, 12, 31),
        timezones=st.sampled_from(
            [UTC, timezone(timedelta(hours=8)), timezone(-timedelta(hours=5))]
        ),
    )
)
def test_stamp_is_the_strftime_it_replaced(at: datetime) -> None:
    assert audit.stamp(at) == at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@pytest.mark.django_db
def test_the_database_stamps_times_as_stamp_does() -> None:
    org = make_org("ACME")
    edges = [
        datetime(2026, 3, 2, 9, 0, tzinfo=UTC),
        datetime(2026, 3, 2, 9, 0, 0, 1, tzinfo=UTC),
        datetime(2024, 2, 29, 23, 59, 59, 999_999, tzinfo=UTC),
        datetime(2026, 10, 25, 3, 30, tzinfo=timezone(timedelta(hours=3))),  # Athens, DST ends
        datetime(1000, 1, 1, 0, 0, 0, 10, tzinfo=UTC),
        datetime(9999, 12, 30, 12, 0, tzinfo=UTC),
    ]
    for at in edges:
        audit.append(org, "reveal", None, "credential:1", "", at=at)
    assert [row[1] for row in audit._stored(org.pk)] == [audit.stamp(at) for at in edges]
    assert audit.verify(org).ok


@pytest.mark.django_db
def test_an_actor_with_a_long_name_and_address_is_logged_and_verifies() -> None:
    from steward.accounts.models import Role
    from steward.test import make_user

    org = make_org("ACME")
    person = make_user(
        Role.TECHNICIAN, name="N" * 150, email=("a" * 64) + "@" + ("b" * 59 + ".") * 3 + "example"
    )
    entry = audit.append(org, "reveal", person, "credential:1 Router", "ticket")
    entry.refresh_from_db()
    assert entry.actor_label == audit.actor_label(person)[:300]
    assert len(audit.actor_label(person)) > 300
    assert audit.verify(org).ok
