"""The demo's posture: every demo client reviewed, a mix of statuses, one review overdue."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.utils import timezone

from steward.accounts.models import Membership, Role
from steward.test import make_org, make_user
from steward.vault import demo_exit, posture
from steward.vault.models import PostureControl

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_each_demo_client_has_a_reviewed_checklist_with_one_review_overdue() -> None:
    tech = make_user(Role.TECHNICIAN)
    orgs = [
        make_org(code, language=lang)
        for code, lang in (("ACRO", "el"), ("PDT", "zh-hans"), ("THAM", "en"))
    ]
    for org in orgs:
        Membership.objects.create(user=tech, organization=org)
    demo_exit.seed(NOW)
    today = timezone.localdate(NOW)
    for org in orgs:
        rows = posture.controls_of(org)
        statuses = [r.status for r in rows]
        assert len(rows) == len(posture.CATALOGUE)
        assert statuses.count("unknown") == 1, org.code
        assert {"met", "partial"} <= set(statuses), org.code
        assert [r.control for r in rows if posture.overdue(r, today)] == [
            demo_exit.OVERDUE[org.code]
        ]
        assert all(
            r.owner and r.evidence and r.updated_by == tech for r in rows if r.status != "unknown"
        )
    assert "not_met" in PostureControl.objects.values_list("status", flat=True)
    greek = PostureControl.objects.get(organization=orgs[0], control="ce.firewalls")
    assert greek.owner == "Πάροχος IT"
    # A second run changes nothing.
    before = list(PostureControl.objects.order_by("pk").values_list("pk", "updated_at"))
    demo_exit.seed(NOW)
    assert list(PostureControl.objects.order_by("pk").values_list("pk", "updated_at")) == before
