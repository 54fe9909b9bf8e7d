"""Replies racing on one ticket: each change decides on the ticket as it is now, not as the
poster read it a moment ago."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest

from steward.accounts.models import Membership, Role, User
from steward.desk import actions
from steward.desk.models import EventKind, Status, Ticket
from steward.test import make_agreement, make_org, make_ticket, make_user, race_each

ROUNDS = 15

# Who posts, given the ticket as their page (or API call) read it just before.
Poster = Callable[[Ticket], object]


def _together(posters: list[Poster], ticket_id: int) -> None:
    """Each poster reads the ticket, then all post at the same instant, each on its own
    database connection, as two web workers (or a worker and the mail pipe) would."""
    pages = [
        Ticket.objects.select_related("organization", "sla_policy").get(pk=ticket_id)
        for _ in posters
    ]
    race_each([partial(post, page) for post, page in zip(posters, pages, strict=True)])


def _assert_history_agrees(ticket: Ticket, messages: int) -> None:
    ticket.refresh_from_db()
    last = ticket.events.filter(kind=EventKind.STATUS).order_by("at", "id").last()
    assert last is not None, "a staff reply opens a new ticket"
    assert ticket.status == last.data["to"] == Status.OPEN
    assert ticket.events.filter(kind=EventKind.FIRST_RESPONSE).count() == 1
    assert ticket.first_responded_at is not None
    assert ticket.messages.count() == messages
    assert ticket.events.filter(kind=EventKind.MESSAGE).count() == messages


def _people() -> tuple[User, User, User]:
    org = make_org("RACE")
    make_agreement(org)
    tech = make_user(Role.TECHNICIAN)
    other_tech = make_user(Role.TECHNICIAN)
    for person in (tech, other_tech):
        Membership.objects.create(user=person, organization=org)
    return tech, other_tech, make_user(Role.CLIENT_USER, org)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "second",
    [
        pytest.param("client", id="a staff reply and a client reply at once leave one story"),
        pytest.param("other_tech", id="two staff replies at once record one first response"),
    ],
)
def test_replies_at_once(second: str) -> None:
    tech, other_tech, client = _people()
    other, text = {"client": (client, "It also beeps."), "other_tech": (other_tech, "Mine.")}[
        second
    ]
    for n in range(ROUNDS):
        ticket = make_ticket(client.organization, requester=client, title=f"Round {n}")
        _together(
            [
                lambda t: actions.post_message(t, tech, "Looking at it now."),
                lambda t: actions.post_message(t, other, text),
            ],
            ticket.pk,
        )
        _assert_history_agrees(ticket, messages=2)


@pytest.mark.django_db
def test_a_reply_on_a_page_read_before_the_ticket_was_resolved_reopens_it() -> None:
    tech, _other, client = _people()
    ticket = make_ticket(client.organization, requester=client)
    page = Ticket.objects.get(pk=ticket.pk)  # the client's page, still showing it `new`
    actions.post_message(ticket, tech, "Fixed: the toner was in upside down.")
    actions.change_status(ticket, Status.RESOLVED, tech)
    actions.post_message(page, client, "It jams again.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN and ticket.resolved_at is None
    last = ticket.events.filter(kind=EventKind.STATUS).order_by("at", "id").last()
    assert last is not None and last.data == {
        "from": Status.RESOLVED,
        "to": Status.OPEN,
        "reason": "client replied",
    }
