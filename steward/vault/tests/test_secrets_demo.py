"""`steward demo`'s credentials: every client has its usual passwords, a history of reveals
with reasons (some at risk, some rotated since), an intact audit chain, and Pudong Trading
names who may reveal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from steward.accounts.models import Organization
from steward.desk.demo import seed as seed_desk
from steward.vault import access, audit
from steward.vault import actions_secrets as actions
from steward.vault.demo_secrets import seed
from steward.vault.models import AuditEntry, Credential

pytestmark = [pytest.mark.slow, pytest.mark.django_db]
NOW = datetime(2026, 11, 24, 10, 30, tzinfo=UTC)


def test_every_client_gets_credentials_reveals_and_an_intact_log() -> None:
    seed_desk(now=NOW, tickets=10)
    seed(NOW)
    seed(NOW)  # a second run adds nothing
    orgs = list(Organization.objects.order_by("pk"))
    assert len(orgs) == 3
    for org in orgs:
        credentials = Credential.objects.filter(organization=org)
        assert 6 <= credentials.count() <= 10
        names = set(credentials.values_list("name", flat=True))
        assert {"Router admin", "Microsoft 365 global admin", "Domain registrar"} <= names
        m365 = credentials.get(name="Microsoft 365 global admin")
        shown = actions.reveal(m365, org.users.get(role="client_admin"), "demo test")
        assert shown.totp is not None and len(shown.secret) >= 12
        at_risk = actions.at_risk(org)
        assert at_risk.exists() and at_risk.count() < credentials.count()
        reveals = AuditEntry.objects.filter(organization=org, action="reveal")
        assert reveals.exclude(reason="").count() == reveals.count() >= 6
        assert AuditEntry.objects.filter(organization=org, action="rotate").count() == 2
        assert audit.verify(org).ok
    pudong = Organization.objects.get(code="PDT")
    assert access.mode_of(pudong) == "named" and len(access.people_of(pudong)) == 1
    assert access.mode_of(Organization.objects.get(code="ACRO")) == "assigned"
