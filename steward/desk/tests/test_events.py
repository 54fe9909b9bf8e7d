"""The desk's events reach the apps that subscribe, once each, in the change's transaction;
one recorded while nobody listened waits for the worker."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from django.db import connection

from steward.accounts.models import Role
from steward.desk import actions, events
from steward.desk.models import EventKind, Ticket, TicketEvent, Unpublished
from steward.desk.tasks import publish_backlog_task
from steward.test import (
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_ticket,
    make_user,
    race,
)

Seen = list[tuple[str, bool]]


@pytest.fixture
def seen() -> Iterator[Seen]:
    """Only a test subscriber listens: (kind, inside a transaction) of each event handed over."""
    handed: list[tuple[str, bool]] = []

    def note(event: TicketEvent) -> None:
        handed.append((event.kind, connection.in_atomic_block))

    with events.detached():
        events.subscribe(events.ANY, note)
        yield handed


@pytest.mark.django_db
def test_it_hands_each_event_over_in_order_inside_the_transaction(
    seen: list[tuple[str, bool]],
) -> None:
    tech = make_user(Role.TECHNICIAN)
    ticket = make_ticket(assignee=tech)
    actions.post_message(ticket, tech, "On it.")
    assert seen == [
        (EventKind.CREATED, True),
        (EventKind.ASSIGNED, True),
        (EventKind.MESSAGE, True),
        (EventKind.FIRST_RESPONSE, True),
        (EventKind.STATUS, True),
    ]
    assert not Unpublished.objects.exists()


@pytest.mark.django_db
def test_it_hands_the_change_over_once_it_is_whole() -> None:
    org = make_org("ACME", calendar=make_calendar())
    make_agreement(org, make_policy())
    dues = []

    def note(event: TicketEvent) -> None:
        dues.append(event.ticket.first_response_due)

    with events.detached():
        events.subscribe(EventKind.CREATED, note)
        ticket = make_ticket(org)
    # The acknowledgement quotes the due times: they are computed before it is written.
    assert dues == [ticket.first_response_due] and dues[0] is not None


@pytest.mark.django_db
def test_what_a_subscriber_raises_undoes_the_change() -> None:
    def refuse(event: TicketEvent) -> None:
        raise RuntimeError("no outbox")

    org = make_org("ACME")
    with events.detached():
        events.subscribe(EventKind.CREATED, refuse)
        with pytest.raises(RuntimeError):
            make_ticket(org)
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_it_keeps_an_event_recorded_while_nobody_listens_for_the_worker(
    seen: list[tuple[str, bool]],
) -> None:
    with events.detached():
        ticket = make_ticket()
        assert events.publish_backlog() == 0  # still nobody to hand it to: it waits
    assert Unpublished.objects.get().event == ticket.events.get()
    assert seen == []
    assert publish_backlog_task.call() == 1
    assert seen == [(EventKind.CREATED, True)]
    assert events.publish_backlog() == 0
    assert not Unpublished.objects.exists()


@pytest.mark.django_db
def test_deferred_events_wait_for_the_caller_to_hand_them_over_once(seen: Seen) -> None:
    with events.deferred():
        first, second = make_ticket(title="first"), make_ticket(title="second")
    assert seen == []
    assert Unpublished.objects.count() == 2
    assert events.publish_all() == 2
    assert seen == [(EventKind.CREATED, True), (EventKind.CREATED, True)]
    assert events.publish_all() == 0
    # Outside the block, events are handed over at once again.
    make_ticket()
    assert len(seen) == 3 and not Unpublished.objects.exists()
    assert {first.pk, second.pk} < set(Ticket.objects.values_list("pk", flat=True))


@pytest.mark.django_db
def test_it_never_hands_over_again_an_event_handed_over_in_its_transaction(
    seen: list[tuple[str, bool]],
) -> None:
    event = make_ticket().events.get()
    assert events.publish(event.pk) is False
    assert events.publish_backlog() == 0
    assert seen == [(EventKind.CREATED, True)]


@pytest.mark.django_db
def test_one_event_that_fails_does_not_hold_up_the_others(seen: Seen) -> None:
    def refuse(event: TicketEvent) -> None:
        if event.ticket.title == "bad":
            raise RuntimeError("broken template")

    with events.detached():
        bad, good = make_ticket(title="bad"), make_ticket(title="good")
    events.subscribe(EventKind.CREATED, refuse)
    assert events.publish_backlog() == 1
    # The bad one keeps its place in the backlog for the next run; the log says why.
    assert Unpublished.objects.get().event.ticket == bad
    assert seen == [(EventKind.CREATED, True)]
    assert good.pk not in Unpublished.objects.values_list("event__ticket", flat=True)


@pytest.mark.django_db(transaction=True)
def test_an_event_recorded_outside_a_transaction_commits_with_its_consequences() -> None:
    def refuse(event: TicketEvent) -> None:
        raise RuntimeError("no outbox")

    ticket = make_ticket()
    with events.detached():
        events.subscribe(EventKind.PRIORITY, refuse)
        with pytest.raises(RuntimeError):
            events.record(ticket, EventKind.PRIORITY, None, None, **{"from": "P3", "to": "P1"})
    assert not ticket.events.filter(kind=EventKind.PRIORITY).exists()


@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_one_waiting_event_hand_it_over_once() -> None:
    lock = threading.Lock()
    handed: list[int] = []

    def note(event: TicketEvent) -> None:
        with lock:
            handed.append(event.pk)

    with events.detached():
        event = make_ticket().events.get()
        events.subscribe(EventKind.CREATED, note)
        # Every worker read the backlog and found this event: the claim decides.
        assert sorted(race(lambda: events.publish(event.pk), 4)) == [False, False, False, True]
    assert handed == [event.pk]
    assert not Unpublished.objects.exists()
