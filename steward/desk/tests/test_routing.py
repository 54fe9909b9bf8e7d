"""Routing: every new ticket lands in a queue, whichever way it was made."""

from __future__ import annotations

import pytest
from django.urls import reverse

from steward.contracts.models import Service
from steward.desk.models import Queue, RoutingRule, Source, Ticket
from steward.desk.routing import DEFAULT_QUEUE_NAME, route
from steward.mail import inbound
from steward.mail.tests.factory import make_mail, make_mailbox
from steward.test import ScanningClient, World, api_client, make_ticket, post_json, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def test_it_gives_a_ticket_the_default_queue_when_no_rule_matches(w: World) -> None:
    Queue.objects.all().delete()
    ticket = make_ticket(w.acme)
    assert ticket.queue is not None
    assert ticket.queue.name == DEFAULT_QUEUE_NAME and ticket.queue.is_default
    # The next ticket finds that default rather than making another.
    assert make_ticket(w.globex).queue == ticket.queue
    assert Queue.objects.count() == 1


def test_it_routes_by_organization_source_and_service(w: World) -> None:
    desk = Queue.objects.create(name="Desk", is_default=True)
    acme_q = Queue.objects.create(name="Acme team")
    phones = Queue.objects.create(name="Phones")
    backup = Queue.objects.create(name="Backup")
    service = Service.objects.create(code="backup", name="Backup")
    RoutingRule.objects.create(position=10, service=service, queue=backup)
    RoutingRule.objects.create(position=20, organization=w.acme, queue=acme_q)
    RoutingRule.objects.create(position=30, source=Source.PHONE, queue=phones)
    assert route(w.acme, Source.PORTAL, None) == acme_q
    assert route(w.acme, Source.PHONE, service) == backup  # the lowest position wins
    assert route(w.globex, Source.PHONE, None) == phones
    assert route(w.globex, Source.EMAIL, None) == desk


def test_it_matches_a_rule_only_when_all_its_conditions_match(w: World) -> None:
    desk = Queue.objects.create(name="Desk", is_default=True)
    vip = Queue.objects.create(name="Acme by phone")
    RoutingRule.objects.create(organization=w.acme, source=Source.PHONE, queue=vip)
    assert route(w.acme, Source.PHONE, None) == vip
    assert route(w.acme, Source.EMAIL, None) == desk
    assert route(w.globex, Source.PHONE, None) == desk


def test_it_keeps_a_queue_given_explicitly(w: World) -> None:
    Queue.objects.create(name="Desk", is_default=True)
    chosen = Queue.objects.create(name="Chosen")
    assert make_ticket(w.acme, queue=chosen).queue == chosen


@pytest.fixture
def routed(w: World) -> dict[str, Queue]:
    """One queue per way in, each routed by the ticket's source."""
    Queue.objects.create(name="Desk", is_default=True)
    queues: dict[str, Queue] = {}
    for source in (Source.PORTAL, Source.API, Source.EMAIL, Source.PHONE):
        queues[source] = Queue.objects.create(name=f"By {source}")
        RoutingRule.objects.create(source=source, queue=queues[source])
    return queues


def test_it_routes_a_ticket_from_the_desk_form(w: World, routed: dict[str, Queue]) -> None:
    form = {"organization": w.acme.pk, "title": "Phone call", "kind": "incident"}
    form |= {"impact": "low", "urgency": "low", "source": "phone", "requester_email": ""}
    response = ScanningClient(w.tech).post(reverse("desk:new_ticket"), form)
    assert response.status_code == 302
    assert Ticket.objects.get(title="Phone call").queue == routed[Source.PHONE]


def test_it_routes_a_ticket_from_the_portal(w: World, routed: dict[str, Queue]) -> None:
    form = {"title": "Printer", "impact": "low", "urgency": "low"}
    response = ScanningClient(w.acme_user).post(reverse("portal:new_ticket"), form)
    assert response.status_code == 302
    assert Ticket.objects.get(title="Printer").queue == routed[Source.PORTAL]


def test_it_routes_a_ticket_from_the_api(w: World, routed: dict[str, Queue]) -> None:
    response = post_json(api_client(w.acme_user), "/api/v1/tickets", {"title": "By API"})
    assert response.status_code == 201
    assert Ticket.objects.get(title="By API").queue == routed[Source.API]


def test_it_routes_a_ticket_from_mail(w: World, routed: dict[str, Queue]) -> None:
    box = make_mailbox()  # a mailbox without its own queue: the rules decide
    inbound.receive(make_mail(sender=w.acme_user.email, subject="By mail"), mailbox=box)
    assert Ticket.objects.get(title="By mail").queue == routed[Source.EMAIL]


def test_it_lets_a_mailbox_queue_win_over_the_rules(w: World, routed: dict[str, Queue]) -> None:
    own = Queue.objects.create(name="Mailbox queue")
    box = make_mailbox(queue=own)
    inbound.receive(make_mail(sender=w.acme_user.email, subject="By mail"), mailbox=box)
    assert Ticket.objects.get(title="By mail").queue == own
