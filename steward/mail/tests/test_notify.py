"""The desk's events become mail once each: in the transaction of the change, or from the
worker for an event recorded while mail was not listening."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from steward.accounts.models import Role
from steward.desk import actions, events
from steward.desk.models import EventKind, Unpublished
from steward.desk.tasks import publish_backlog_task
from steward.mail.models import Outbound
from steward.test import (
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_ticket,
    make_user,
    race,
)


def _opened() -> Outbound:
    return Outbound.objects.get(kind="acknowledgement")


@pytest.mark.django_db
def test_it_mails_in_the_changes_transaction_and_never_again() -> None:
    ticket = make_ticket(make_org("ACME"), requester_email="ann@acme.example")
    assert _opened().to == ["ann@acme.example"]
    # The worker, even pointed at the event, finds it handed over already.
    assert events.publish(ticket.events.get(kind=EventKind.CREATED).pk) is False
    assert events.publish_backlog() == 0
    assert Outbound.objects.count() == 1


@pytest.mark.django_db
def test_it_mails_an_event_recorded_while_mail_was_not_listening() -> None:
    org = make_org("ACME")
    tech = make_user(Role.TECHNICIAN)
    ticket = make_ticket(org, requester_email="ann@acme.example")
    with events.detached():
        actions.post_message(ticket, tech, "A new drum is on its way.")
    assert not Outbound.objects.filter(kind="reply").exists()
    assert publish_backlog_task.call() == 3  # the message, the first response, NEW -> OPEN
    reply = Outbound.objects.get(kind="reply")
    assert reply.to == ["ann@acme.example"]
    assert "A new drum is on its way." in reply.text
    assert publish_backlog_task.call() == 0
    assert Outbound.objects.filter(kind="reply").count() == 1
    assert not Unpublished.objects.exists()


@pytest.mark.django_db
def test_it_mails_an_sla_breach_swept_while_mail_was_not_listening() -> None:
    monday = datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("Europe/Athens"))
    org = make_org("ACME", calendar=make_calendar())
    make_agreement(org, make_policy())
    tech = make_user(Role.TECHNICIAN, email="tess@provider.example")
    # P1: the first response is due 30 business minutes after opening.
    ticket = make_ticket(org, impact="high", urgency="high", assignee=tech, at=monday)
    with events.detached():
        [breach] = actions.sweep_sla(now=monday.replace(minute=31))
    assert not Outbound.objects.filter(kind=EventKind.SLA_BREACHED).exists()
    assert events.publish_backlog() == 1
    mail = Outbound.objects.get(kind=EventKind.SLA_BREACHED)
    assert mail.to == ["tess@provider.example"] and ticket.number in mail.subject
    assert ticket.events.get(kind=EventKind.NOTIFIED).data == {"event": breach.pk, "to": mail.to}
    assert events.publish_backlog() == 0


@pytest.mark.django_db(transaction=True)
def test_two_workers_racing_mail_a_waiting_event_once() -> None:
    with events.detached():
        make_ticket(make_org("ACME"), requester_email="ann@acme.example")
    assert not Outbound.objects.exists()
    assert sorted(race(events.publish_backlog, 2)) == [0, 1]
    assert _opened().to == ["ann@acme.example"]


@pytest.mark.django_db(transaction=True)
def test_two_workers_claiming_the_same_event_mail_it_once() -> None:
    with events.detached():
        ticket = make_ticket(make_org("ACME"), requester_email="ann@acme.example")
    event = ticket.events.get(kind=EventKind.CREATED)
    assert sorted(race(lambda: events.publish(event.pk), 2)) == [False, True]
    assert _opened().to == ["ann@acme.example"]
