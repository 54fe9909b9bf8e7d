"""Checkpoints: the scheduler signs each chain's head that has grown (daily, or sooner after
many entries) and mails it to the organization's client admins, each in their language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from steward.accounts.models import Organization, Role
from steward.mail.models import Outbound
from steward.scheduler import jobs
from steward.test import make_org, make_user
from steward.vault import audit, checkpoints
from steward.vault.models import AuditCheckpoint

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def grow(org: Organization, n: int) -> None:
    for i in range(n):
        audit.append(org, "reveal", None, f"credential:{i} Router", "ticket")


def test_it_signs_a_grown_chain_and_mails_each_client_admin_in_their_language() -> None:
    acme = make_org("ACME")
    admins = [
        make_user(Role.CLIENT_ADMIN, acme, name="Alice", language=""),
        make_user(Role.CLIENT_ADMIN, acme, name="Wang", language="zh-hans"),
        make_user(Role.CLIENT_ADMIN, acme, name="Eleni", language="el"),
    ]
    make_user(Role.CLIENT_ADMIN, acme, name="Gone", is_active=False)
    make_user(Role.CLIENT_USER, acme, name="Andy")
    make_user(Role.TECHNICIAN, name="Tess")
    grow(acme, 5)
    with time_machine.travel(T0, tick=False):
        made = checkpoints.run()
    assert [(m.organization_id, m.seq) for m in made] == [(acme.pk, 5)]
    mark = made[0]
    mails = list(Outbound.objects.filter(kind="vault_checkpoint").order_by("pk"))
    assert [m.to for m in mails] == [[a.email] for a in admins]
    assert [m.language for m in mails] == ["en", "zh-hans", "el"]
    assert all(m.organization_id == acme.pk for m in mails)
    for m in mails:
        for value in (str(mark.seq), mark.head, mark.public_key, mark.signature):
            assert value in m.text and value in m.html
    assert mark.public_key == audit.public_key_hex()
    english = mails[0]
    assert english.subject == f"Audit log checkpoint for {acme.name}: entry 5"
    assert "Keep this mail: the verifier in your exit pack checks the audit log" in english.text
    assert "Hello Alice," in english.text
    assert "Wang，您好" in mails[1].text
    assert "Γεια σας Eleni," in mails[2].text
    # The signature in the mail is good for what the chain holds.
    verdict = audit.verify(acme)
    assert (verdict.ok, verdict.checkpoints) == (True, 1)


def test_it_signs_daily_or_after_growth_and_never_an_unchanged_head() -> None:
    acme, quiet = make_org("ACME"), make_org("QUIET")
    make_user(Role.CLIENT_ADMIN, acme)
    grow(acme, 3)
    grow(quiet, 2)
    with time_machine.travel(T0, tick=False):
        assert len(checkpoints.run(growth=10)) == 2
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        assert checkpoints.run(growth=10) == []  # nothing new
        grow(acme, 9)
        assert checkpoints.run(growth=10) == []  # new, but less than a day and 10 entries
        grow(acme, 1)
        assert [m.seq for m in checkpoints.run(growth=10)] == [13]  # 10 since the last
    with time_machine.travel(T0 + timedelta(days=1, hours=1), tick=False):
        assert checkpoints.run(growth=10) == []  # a day on, but QUIET has nothing new
        grow(quiet, 1)
        assert [(m.organization_id, m.seq) for m in checkpoints.run(growth=10)] == [(quiet.pk, 3)]
    assert Outbound.objects.filter(kind="vault_checkpoint").count() == 2  # ACME's admin, twice
    assert AuditCheckpoint.objects.count() == 4


def test_an_organization_without_client_admins_is_signed_and_mails_nobody() -> None:
    org = make_org("SOLO")
    grow(org, 2)
    assert [m.seq for m in checkpoints.run()] == [2]
    assert not Outbound.objects.exists()


def test_the_scheduler_runs_it_hourly() -> None:
    job = next(j for j in jobs._jobs() if j.name == "vault.checkpoints")
    assert job.every == timedelta(hours=1)
    org = make_org("ACME")
    grow(org, 2)
    # The test settings run tasks at once, as a worker would pick them up.
    assert jobs.tick(T0, [job]) == ["vault.checkpoints"]
    assert jobs.tick(T0 + timedelta(minutes=30), [job]) == []  # the same slot
    assert AuditCheckpoint.objects.filter(organization=org, seq=2).exists()


def test_the_demo_signs_every_chain_once() -> None:
    from steward.vault.demo_vault_keys import seed

    orgs = [make_org("ACME"), make_org("GLBX")]
    for org in orgs:
        grow(org, 3)
    seed(T0)
    seed(T0)
    assert sorted(AuditCheckpoint.objects.values_list("organization__code", "seq")) == [
        ("ACME", 3),
        ("GLBX", 3),
    ]
