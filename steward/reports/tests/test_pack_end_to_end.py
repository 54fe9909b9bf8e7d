"""The review pack built from real rows, with nothing stood in: its numbers are the
scorecard's and the value report's, and each names the tickets and checks behind it."""

from __future__ import annotations

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from steward.desk import actions
from steward.monitoring.models import Check, Flip
from steward.reports import downtime, pack, scorecard, surveys
from steward.reports.models import Problem, Recommendation, Survey
from steward.reports.period import Period
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
Q3 = Period(date(2026, 7, 1), date(2026, 9, 30))
NOW = datetime(2026, 10, 2, 9, tzinfo=ATHENS)


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=ATHENS)


@pytest.fixture
def w() -> World:
    w = world()
    w.acme.timezone = "Europe/Athens"
    w.acme.save(update_fields=["timezone"])
    router = Check.objects.create(
        organization=w.acme, name="Office router", kind="http", status="up", created_at=at(1, 5, 9)
    )
    # Down 2 h 30 min on 14 August, and a business stop of 1 h that overlaps its end.
    Flip.objects.create(owner=router, at=at(8, 14, 10), old="up", new="down")
    Flip.objects.create(owner=router, at=at(8, 14, 12, 30), old="down", new="up")
    stop = make_ticket(
        w.acme,
        title="Nobody can invoice",
        kind="incident",
        impact="high",
        stops_business=True,
        requester=w.acme_user,
        at=at(8, 14, 12),
    )
    actions.change_status(stop, "resolved", w.tech, at=at(8, 14, 13))
    for n in range(4):
        ticket = make_ticket(
            w.acme, title=f"Printer {n}", requester=w.acme_user, at=at(7, 6 + n, 9)
        )
        actions.change_status(ticket, "resolved", w.tech, at=at(7, 6 + n, 15))
    surveys.answer(Survey.objects.filter(ticket__title="Printer 0").get(), 5, "", w.acme_user)
    make_ticket(w.acme, title="Earlier", at=at(6, 20, 9))  # before the quarter
    Problem.objects.create(
        organization=w.acme,
        title="Invoicing server disk fills",
        status="known_error",
        created_at=at(8, 20, 9),
    )
    Recommendation.objects.create(
        organization=w.acme,
        title="Replace the office router",
        rationale="It is seven years old.",
        provider_interest="We resell routers at 12% margin.",
        status="declined",
        created_at=at(9, 1, 9),
    )
    return w


def test_the_pack_carries_the_scorecards_and_the_value_reports_numbers(w: World) -> None:
    data = pack.gather(w.acme, Q3, now=NOW)
    card = scorecard.scorecard(w.acme, Q3, now=NOW)
    worth = downtime.value(w.acme, Q3, now=NOW)
    assert data["scorecard"] == card
    assert card["tickets"]["opened"] == 5 and card["tickets"]["resolved"] == 5
    # 10:00-12:30 and 12:00-13:00 merged: 3 hours, counted once.
    assert worth["downtime_minutes"] == 180
    assert data["downtime"]["minutes"] == 180
    # One merged span, named by what went down first: the router, at 10:00.
    assert [row["what"] for row in data["downtime"]["rows"]] == ["Office router"]


def test_the_pdf_names_what_the_numbers_come_from(w: World) -> None:
    pdf = pack.render_pdf(w.acme, Q3, "en", now=NOW)
    text = " ".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    assert w.acme.name in text
    assert "Office router" in text
    assert "Invoicing server disk fills" in text
    assert "Replace the office router" in text and "12% margin" in text
