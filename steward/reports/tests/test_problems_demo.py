"""The demo's recurring problems: one per client in its language, and one known error."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from steward.desk import demo as desk_demo
from steward.reports import demo_problems, recurring
from steward.reports.models import Problem
from steward.reports.period import Period

pytestmark = pytest.mark.django_db


@pytest.mark.slow
def test_it_seeds_a_recurring_problem_per_client_and_a_known_error() -> None:
    now = timezone.now()
    desk_demo.seed(now, tickets=6)
    demo_problems.seed(now)
    demo_problems.seed(now)  # once
    problem = Problem.objects.get()
    assert (problem.status, problem.organization.code) == ("known_error", "THAM")
    assert problem.tickets.count() == 4 and problem.workaround and problem.root_cause
    today = timezone.localdate()
    period = Period(today - timedelta(days=89), today)
    for code, said in demo_problems.RECURRING.items():
        org = problem.organization.__class__.objects.get(code=code)
        titles = {t for t, _d in said}
        groups = [g for g in recurring.clusters(org, period) if g.label in titles]
        assert len(groups) == 1 and len(groups[0].tickets) == 5, code
