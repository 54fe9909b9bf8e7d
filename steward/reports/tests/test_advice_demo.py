"""The demo's advice and review: every client gets four recommendations in its language, one
of each answer, the declined one proven right by a later ticket; and a review with an overdue
action on a resolved P1 incident."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from steward.accounts.models import Membership, Role
from steward.desk.actions import change_status
from steward.reports import advice, demo_advice, reviews
from steward.reports.models import Recommendation, Review
from steward.test import make_agreement, make_org, make_ticket, make_user
from steward.vault import demo_docs

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def test_it_advises_every_demo_client_once() -> None:
    with time_machine.travel(NOW, tick=False):
        tech = make_user(Role.TECHNICIAN, name="Tess")
        orgs = [
            make_org("ACRO", timezone="Europe/Athens", language="el"),
            make_org("PDT", timezone="Asia/Shanghai", language="zh-hans"),
            make_org("THAM", timezone="Europe/London", language="en"),
        ]
        for org in orgs:
            make_agreement(org)
            Membership.objects.create(user=tech, organization=org)
            admin = make_user(Role.CLIENT_ADMIN, org)
            outage = make_ticket(
                org, impact="high", urgency="high", title="Server down", actor=admin,
                at=timezone.now() - timedelta(days=30),
            )  # fmt: skip
            change_status(outage, "resolved", tech, at=timezone.now() - timedelta(days=29))
        demo_docs.seed(NOW)
        demo_advice.seed(NOW)
        demo_advice.seed(NOW)
    for org in orgs:
        recs = list(Recommendation.objects.for_org(org))
        assert sorted(r.status for r in recs) == ["accepted", "declined", "deferred", "proposed"]
        assert all(r.provider_interest.strip() for r in recs)
        declined = next(r for r in recs if r.status == "declined")
        assert "15%" in declined.provider_interest
        assert len(advice.later_tickets(declined, tech)) == 1
        review = Review.objects.get(ticket__organization=org)
        assert review.actions.count() == 3
        assert reviews.overdue_actions(tech, NOW.date()).filter(review=review).count() == 1
    greek = Recommendation.objects.for_org(orgs[0]).values_list("title", flat=True)
    assert any("τείχους" in t for t in greek)
    assert Recommendation.objects.count() == 12
