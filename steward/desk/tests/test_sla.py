"""The SLA clock applied to tickets: due times, pauses, priority changes, reopen, explanations."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from steward.accounts.models import Organization, Role, User
from steward.desk import actions
from steward.desk.models import EventKind, Status
from steward.test import (
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_ticket,
    make_user,
)

ATHENS = ZoneInfo("Europe/Athens")
pytestmark = pytest.mark.django_db


def athens(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the week of Mon 2026-11-23 (day 23 = Monday) in Athens."""
    return datetime(2026, 11, day, hour, minute, tzinfo=ATHENS)


# The organization (Athens hours, a Standard policy), a technician and a client contact.
Setup = tuple[Organization, User, User]


@pytest.fixture
def setup() -> Setup:
    calendar = make_calendar(name="Athens 9-17")
    org = make_org("ACME", calendar=calendar)
    make_agreement(org, make_policy(name="Standard"))
    tech = make_user(Role.TECHNICIAN)
    client = make_user(Role.CLIENT_USER, org)
    return org, tech, client


def test_it_sets_due_times_in_business_hours(setup: Setup) -> None:
    org, _, _ = setup
    # high impact x medium urgency = P2: 60 min first response, 480 min resolution.
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 10))
    assert ticket.priority == "P2"
    assert ticket.first_response_due == athens(23, 11)
    assert ticket.resolution_due == athens(24, 10)
    assert ticket.next_update_due is None  # starts with the first response
    assert ticket.sla_due == athens(23, 11)


def test_it_counts_from_the_next_opening_outside_hours(setup: Setup) -> None:
    org, _, _ = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(27, 18))  # Fri evening
    assert ticket.first_response_due == athens(30, 10)  # Monday 09:00 + 60 min


def test_it_records_the_first_public_staff_reply(setup: Setup) -> None:
    org, tech, client = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 10))
    actions.post_message(ticket, client, "Any news?", at=athens(23, 10, 5))
    actions.post_message(
        ticket, tech, "Internal: check the switch", public=False, at=athens(23, 10, 10)
    )
    assert ticket.first_responded_at is None
    actions.post_message(ticket, tech, "Looking at it now.", at=athens(23, 10, 30))
    assert ticket.first_responded_at == athens(23, 10, 30)
    assert ticket.status == Status.OPEN
    assert ticket.next_update_due == athens(23, 12, 30)
    assert "first_response" not in ticket.sla_breached


def test_it_pauses_resolution_while_waiting_on_client(setup: Setup) -> None:
    org, tech, client = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 10))
    actions.post_message(ticket, tech, "Please restart the router.", at=athens(23, 10, 30))
    actions.change_status(ticket, Status.WAITING_ON_CLIENT, tech, at=athens(23, 12))
    assert ticket.sla_paused
    assert ticket.resolution_due is None
    # The client answers 2 h 10 m later: the clock resumes with 120 of 480 minutes used.
    actions.post_message(ticket, client, "Done, still broken.", at=athens(23, 14, 10))
    assert ticket.status == Status.OPEN
    assert not ticket.sla_paused
    # 360 minutes left from Mon 14:10: 170 on Monday, 190 on Tuesday from 09:00.
    assert ticket.resolution_due == athens(24, 12, 10)
    explanation = " ".join(actions.sla_explanation(ticket, now=athens(23, 15)))
    assert "paused 2 h 10 min" in explanation
    assert "Resolution due" in explanation


def test_it_rederives_targets_from_opening_on_priority_change(setup: Setup) -> None:
    org, tech, _ = setup
    ticket = make_ticket(org, impact="medium", urgency="medium", at=athens(23, 10))
    assert ticket.priority == "P3"
    actions.change_priority(ticket, "high", "high", tech, at=athens(23, 11))
    assert ticket.priority == "P1"
    # P1: 30 minutes first response from the opening time, already overdue at 11:00.
    assert ticket.first_response_due == athens(23, 10, 30)
    assert ticket.resolution_due == athens(23, 14)
    assert "first_response" in ticket.sla_breached
    kinds = list(ticket.events.values_list("kind", flat=True))
    assert EventKind.PRIORITY in kinds


def test_it_stops_at_resolution_and_resumes_on_reopen(setup: Setup) -> None:
    org, tech, client = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 10))
    actions.post_message(ticket, tech, "Fixed the DNS record.", at=athens(23, 10, 30))
    actions.change_status(ticket, Status.RESOLVED, tech, at=athens(23, 11))
    assert ticket.resolved_at == athens(23, 11)
    assert ticket.sla_due is None
    assert ticket.sla_next_check is None
    # The client says it is still broken on Tuesday 09:00: 60 of 480 minutes were used.
    actions.post_message(ticket, client, "Still broken.", at=athens(24, 9))
    assert ticket.status == Status.OPEN
    assert ticket.resolved_at is None
    assert ticket.resolution_due == athens(24, 16)


def test_it_explains_every_running_due_time(setup: Setup) -> None:
    org, _, _ = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 14, 30))
    lines = actions.sla_explanation(ticket, now=athens(23, 14, 31))
    assert len(lines) == 3
    first, next_update, resolution = lines
    assert "starts with the first public reply" in next_update
    assert first.startswith("First response due Mon, 23 Nov 2026, 15:30")
    assert "Athens 9-17" in first
    assert resolution.startswith("Resolution due Tue, 24 Nov 2026, 14:30")
    assert "Mon-Fri 09:00-17:00" in resolution


def test_it_numbers_tickets_per_organization(setup: Setup) -> None:
    org, _, _ = setup
    other = make_org("GLBX")
    numbers = [make_ticket(org).number, make_ticket(org).number, make_ticket(other).number]
    assert numbers == ["ACME-1", "ACME-2", "GLBX-1"]


def test_it_has_no_sla_without_an_agreement() -> None:
    org = make_org("NOAG")
    ticket = make_ticket(org, impact="high", urgency="high")
    assert ticket.priority == "P1"
    assert ticket.sla_policy is None
    assert ticket.first_response_due is None
    assert actions.sla_explanation(ticket) == []


def test_it_takes_the_agreement_in_force_when_opened(setup: Setup) -> None:
    org, _, _ = setup
    premium = make_policy(
        name="Premium",
        targets={p: {"first_response": 15, "resolution": 60} for p in ("P1", "P2", "P3", "P4")},
    )
    make_agreement(org, premium, name="Premium from December", starts=datetime(2026, 12, 1).date())
    november = make_ticket(org, at=athens(23, 10))
    december = make_ticket(org, at=datetime(2026, 12, 1, 10, tzinfo=ATHENS))
    assert november.sla_policy is not None
    assert november.sla_policy.name == "Standard"
    assert december.sla_policy == premium
    assert december.first_response_due == datetime(2026, 12, 1, 10, 15, tzinfo=ATHENS)


def test_it_explains_in_the_viewers_language(setup: Setup) -> None:
    from django.utils import translation

    org, _, _ = setup
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 14, 30))
    with translation.override("el"):
        lines = actions.sla_explanation(ticket, now=athens(23, 14, 31))
    assert lines[0].startswith("Πρώτη απάντηση έως")


def test_it_pauses_per_clock_when_the_policy_says_so(setup: Setup) -> None:
    org, tech, _ = setup
    policy = org.agreements.get().sla_policy
    # First response also pauses while waiting on a third party; resolution never pauses.
    policy.pause_statuses = {"first_response": ["waiting_on_third_party"], "resolution": []}
    policy.save()
    ticket = make_ticket(org, impact="high", urgency="medium", at=athens(23, 10))
    actions.change_status(ticket, "waiting_on_third_party", tech, at=athens(23, 10, 30))
    assert ticket.first_response_due is None
    assert ticket.resolution_due == athens(24, 10)


def test_it_refuses_to_edit_ticket_events_even_in_bulk(setup: Setup) -> None:
    from django.db import DatabaseError, transaction

    from steward.desk.models import TicketEvent

    org, _, _ = setup
    ticket = make_ticket(org, at=athens(23, 10))
    event = ticket.events.get()
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(DatabaseError), transaction.atomic():
        TicketEvent.objects.filter(pk=event.pk).update(kind="status")
    assert ticket.events.get().kind == "created"
