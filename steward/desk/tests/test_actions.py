"""The actions that change one field of a ticket: each records its event and `updated_at`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from steward.contracts.models import Service
from steward.desk import actions
from steward.desk.models import Queue, Ticket
from steward.test import World, make_ticket, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _old_ticket(w: World) -> Ticket:
    return make_ticket(w.acme, title="Printer on fire", at=timezone.now() - timedelta(days=1))


def _kinds(t: Ticket) -> list[str]:
    return list(t.events.order_by("at", "id").values_list("kind", flat=True))


def test_it_retitles_with_an_event(w: World) -> None:
    t = _old_ticket(w)
    at = timezone.now()
    actions.retitle(t, "  Printer smoking  ", w.tech, at=at)
    t.refresh_from_db()
    assert t.title == "Printer smoking"
    assert t.updated_at == at
    event = t.events.get(kind="title")
    assert (event.actor, event.data) == (w.tech, {"from": "Printer on fire", "to": t.title})


def test_it_records_nothing_for_the_same_title(w: World) -> None:
    t = _old_ticket(w)
    updated = t.updated_at
    actions.retitle(t, "Printer on fire", w.tech)
    t.refresh_from_db()
    assert (_kinds(t), t.updated_at) == (["created"], updated)


@pytest.mark.parametrize("title", ["", "   ", "Line\nbreak", "x" * 201])
def test_it_refuses_a_title_no_mail_subject_can_carry(w: World, title: str) -> None:
    t = _old_ticket(w)
    with pytest.raises(actions.TicketError) as caught:
        actions.retitle(t, title, w.tech)
    assert caught.value.field == "title"
    t.refresh_from_db()
    assert (t.title, _kinds(t)) == ("Printer on fire", ["created"])


def test_it_leaves_titles_to_provider_staff(w: World) -> None:
    t = _old_ticket(w)
    with pytest.raises(actions.TicketError) as caught:
        actions.retitle(t, "Printer fine now", w.acme_user)
    assert caught.value.forbidden
    t.refresh_from_db()
    assert (t.title, _kinds(t)) == ("Printer on fire", ["created"])


def _assign(t: Ticket, w: World) -> None:
    actions.assign(t, w.tech, w.manager)


def _queue(t: Ticket, w: World) -> None:
    actions.set_queue(t, Queue.objects.create(name="Projects"), w.manager)


def _service(t: Ticket, w: World) -> None:
    actions.set_service(t, Service.objects.create(code="backup", name="Backup"), w.manager)


@pytest.mark.parametrize(
    ("change", "kind"), [(_assign, "assigned"), (_queue, "queue"), (_service, "service")]
)
def test_each_change_records_its_event_and_when(w: World, change: Any, kind: str) -> None:
    t = _old_ticket(w)
    before = timezone.now()
    change(t, w)
    t.refresh_from_db()
    assert _kinds(t) == ["created", kind]
    assert t.updated_at >= before


def test_it_records_nothing_when_nothing_changes(w: World) -> None:
    t = _old_ticket(w)
    actions.assign(t, w.tech, w.manager)
    t.refresh_from_db()
    updated = t.updated_at
    actions.assign(t, w.tech, w.manager)
    t.refresh_from_db()
    assert (_kinds(t), t.updated_at) == (["created", "assigned"], updated)
