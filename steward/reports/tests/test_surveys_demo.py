"""The demo's satisfaction answers: most resolved tickets rated, mostly well, a few low ones
with comments in the client's language, some never answered; seeded once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from steward.desk import demo as desk_demo
from steward.desk.models import Source
from steward.mail.models import Outbound
from steward.reports import demo_csat
from steward.reports.models import Survey

pytestmark = pytest.mark.django_db


def test_it_answers_a_good_share_of_the_demos_surveys_once() -> None:
    now = timezone.now()
    desk_demo.seed(now, tickets=120)
    sent = Survey.objects.count()
    assert sent > 20  # the desk's demo resolves its tickets through the desk's actions
    demo_csat.seed(now)
    answered = Survey.objects.filter(answered_at__isnull=False)
    assert 0.4 * sent <= answered.count() <= 0.8 * sent
    assert answered.filter(rating__gte=4).count() > answered.count() / 2
    low = answered.filter(rating__lte=2)
    assert low.exists() and all(s.comment for s in low)
    greek = low.filter(organization__language="el").first()
    if greek is not None:
        assert any("\u0370" <= c <= "\u03ff" for c in greek.comment)
    assert Outbound.objects.filter(kind="survey_low").count() == low.count()
    assert all(s.answered_at and s.resolved_at < s.answered_at <= now for s in answered)
    assert not Survey.objects.filter(ticket__source__in=[Source.MONITORING, Source.MAINTENANCE])
    before = list(answered.values_list("pk", "rating"))
    demo_csat.seed(now + timedelta(days=1))
    assert list(answered.values_list("pk", "rating")) == before


def test_it_makes_the_surveys_a_database_seeded_before_them_lacks() -> None:
    now = timezone.now()
    desk_demo.seed(now, tickets=60)
    asked = set(Survey.objects.values_list("ticket", flat=True))
    Survey.objects.all().delete()
    demo_csat.seed(now)
    assert set(Survey.objects.values_list("ticket", flat=True)) == asked
    assert Survey.objects.filter(answered_at__isnull=False).exists()
