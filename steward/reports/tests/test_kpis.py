"""sla_compliance as DESIGN.md defines it: a first response the client withdrew by closing
is left out, not counted as met; a resolved or closed ticket stops its clocks."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from steward.desk import actions
from steward.desk.models import Ticket
from steward.reports.kpis import sla_compliance
from steward.test import ScanningClient, World, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
MON_10 = datetime(2026, 11, 23, 10, tzinfo=ATHENS)
END = datetime(2026, 11, 30, 0, tzinfo=ATHENS)


@pytest.fixture
def w() -> World:
    return world()


def _p3(w: World) -> Ticket:
    # P3 (medium x medium): first response 4 business hours, resolution 24.
    return make_ticket(w.acme, requester=w.acme_user, at=MON_10)


@time_machine.travel(END, tick=False)
def test_a_first_response_withdrawn_by_closing_is_not_counted(w: World) -> None:
    t = _p3(w)
    actions.change_status(t, "closed", w.acme_user, at=MON_10 + timedelta(minutes=30))
    t.refresh_from_db()
    # Closed at once, before anything fell due: the resolution is met, the response left out.
    assert sla_compliance([t], END) == (Decimal("100.0"), 1)
    explanation = " ".join(actions.sla_explanation(t))
    assert "First response not needed" in explanation
    assert "First response met" not in explanation


@time_machine.travel(END, tick=False)
def test_closing_after_the_response_fell_due_is_a_miss(w: World) -> None:
    t = _p3(w)
    actions.change_status(t, "closed", w.acme_user, at=MON_10 + timedelta(hours=6))
    t.refresh_from_db()
    assert sla_compliance([t], END) == (Decimal("50.0"), 2)  # response missed, resolution met


@time_machine.travel(END, tick=False)
def test_answered_and_open_tickets_count_as_designed(w: World) -> None:
    answered = _p3(w)
    actions.post_message(answered, w.tech, "On it", at=MON_10 + timedelta(hours=1))
    forgotten = _p3(w)  # never answered, never resolved: both targets missed by the end
    for t in (answered, forgotten):
        t.refresh_from_db()
    # answered: response met, resolution missed (due Wed 10:00, open at the end);
    # forgotten: both missed
    assert sla_compliance([answered, forgotten], END) == (Decimal("25.0"), 4)
    assert sla_compliance([], END) == (None, 0)


@time_machine.travel(END, tick=False)
def test_a_closed_ticket_shows_no_countdown(w: World) -> None:
    t = _p3(w)
    actions.change_status(t, "closed", w.acme_user, at=MON_10 + timedelta(minutes=30))
    for client, url in (
        (ScanningClient(w.acme_user), reverse("portal:ticket", args=[t.number])),
        (ScanningClient(w.tech), reverse("desk:ticket", args=[t.number])),
    ):
        page = client.get(url).content.decode()
        assert "data-due=" not in page  # nothing left ticking
        assert "not needed" in page and "✓ met" in page  # resolution met, response withdrawn
