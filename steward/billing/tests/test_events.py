"""Billing's events: what mail announces (a quote to approve, a block of hours used) and what
billing reads back (a client admin's emailed decision), with neither app importing the other."""

from __future__ import annotations

import ast
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from steward.billing import quotes, time
from steward.billing import scope as register
from steward.billing.models import QuoteState
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Billing
from steward.desk import events
from steward.desk.models import EventKind, Ticket
from steward.mail import inbound
from steward.mail.models import Outbound
from steward.mail.tests.factory import make_mail
from steward.test import ScanningClient, World, api_client, make_ticket, world

ATHENS = ZoneInfo("Europe/Athens")
APPS = Path(__file__).resolve().parents[2]


@pytest.fixture
def w() -> World:
    return world()


def _out_of_scope(w: World) -> Ticket:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    register.decide_scope(ticket, False, "Project work", w.tech)
    return ticket


def _block_of_ten(w: World) -> Agreement:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement, w.manager, {"billing": Billing.BLOCK_HOURS, "block_hours": Decimal("10")}
    )
    return agreement


def _imports(app: str) -> set[str]:
    """The modules the product code of `app` imports (its tests excluded)."""
    found: set[str] = set()
    for path in (APPS / app).rglob("*.py"):
        if "tests" in path.relative_to(APPS / app).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


def test_billing_and_mail_import_nothing_of_each_other() -> None:
    # lint-imports (make lint) holds the whole order; this names the pair that used to call
    # each other.
    assert not {m for m in _imports("billing") if m.startswith("steward.mail")}
    assert not {m for m in _imports("mail") if m.startswith("steward.billing")}


@pytest.mark.django_db
def test_a_quote_request_records_its_event_and_mails_once(w: World) -> None:
    ticket = _out_of_scope(w)
    quote = quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    event = ticket.events.get(kind=EventKind.QUOTE_REQUESTED)
    assert event.actor == w.tech
    assert event.data == {
        "quote": quote.pk,
        "description": "New switch",
        "hours": None,
        "fixed_price": "450.00",
        "rate": None,
        "price": "450.00",
        "currency": "EUR",
    }
    mail = Outbound.objects.get(kind="quote")
    assert mail.to == [w.acme_admin.email] and mail.ticket == ticket
    assert "New switch" in mail.text and "€450.00" in mail.text
    # The worker, pointed at the event, finds it handed over already.
    assert events.publish(event.pk) is False and events.publish_backlog() == 0
    assert Outbound.objects.filter(kind="quote").count() == 1


@pytest.mark.django_db
def test_the_quote_mail_reads_its_numbers_in_the_admins_language(w: World) -> None:
    w.acme_admin.language = "el"
    w.acme_admin.save(update_fields=["language"])
    quotes.request_quote(_out_of_scope(w), w.tech, "Cabling", Decimal("2.5"))
    assert "2 ώρες 30 λεπτά" in Outbound.objects.get(kind="quote").text


@pytest.mark.django_db
def test_a_quote_requested_while_mail_was_not_listening_is_mailed_once(w: World) -> None:
    ticket = _out_of_scope(w)
    with events.detached():
        quotes.request_quote(ticket, w.tech, "Cable the new room", Decimal("3"))
    assert not Outbound.objects.filter(kind="quote").exists()
    assert events.publish_backlog() == 1
    assert "Cable the new room" in Outbound.objects.get(kind="quote").text
    assert events.publish_backlog() == 0


@pytest.mark.django_db
def test_a_block_alert_records_its_event_once_per_month_and_threshold(w: World) -> None:
    agreement = _block_of_ten(w)
    first, second = make_ticket(w.acme), make_ticket(w.acme)
    start = datetime(2026, 11, 2, 10, tzinfo=ATHENS)
    time.log_time(first, w.tech, 8 * 60, "Migration", started_at=start)
    [alert] = first.events.filter(kind=EventKind.BLOCK_HOURS)
    assert alert.data == {
        "agreement": agreement.pk,
        "month": "2026-11-01",
        "threshold": 80,
        "used": "8.00",
        "available": "10.00",
    }
    # The ticket whose time crossed the threshold carries the event.
    time.log_time(second, w.tech, 3 * 60, "Cutover", started_at=start + timedelta(days=1))
    time.log_time(second, w.tech, 60, "More", started_at=start + timedelta(days=2))
    assert [e.data["threshold"] for e in second.events.filter(kind=EventKind.BLOCK_HOURS)] == [100]
    assert first.events.filter(kind=EventKind.BLOCK_HOURS).count() == 1
    assert Outbound.objects.filter(kind__startswith="block").count() == 2
    # A new month, new alerts.
    time.log_time(
        second, w.tech, 9 * 60, "December", started_at=datetime(2026, 12, 1, 10, tzinfo=ATHENS)
    )
    december = second.events.filter(kind=EventKind.BLOCK_HOURS, data__month="2026-12-01")
    assert [e.data["threshold"] for e in december] == [80]
    assert Outbound.objects.filter(kind="block_80").count() == 2


@pytest.mark.django_db
def test_billings_events_are_hidden_from_clients(w: World) -> None:
    _block_of_ten(w)
    ticket = _out_of_scope(w)
    ticket.cc.add(w.acme_user)  # the client user reads the ticket: copied on it
    quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    url = f"/api/v1/tickets/{ticket.pk}/events"
    billing_kinds = {EventKind.QUOTE_REQUESTED, EventKind.BLOCK_HOURS}
    staff = {e["kind"] for e in api_client(w.tech).get(url).json()["items"]}
    assert EventKind.QUOTE_REQUESTED in staff
    for client in (w.acme_admin, w.acme_user):
        kinds = {e["kind"] for e in api_client(client).get(url).json()["items"]}
        assert kinds and not kinds & billing_kinds


@pytest.mark.django_db
def test_the_reply_to_the_quote_mail_says_so_on_its_event(w: World) -> None:
    ticket = _out_of_scope(w)
    quote = quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    request = Outbound.objects.get(kind="quote")
    ack = Outbound.objects.get(ticket=ticket, kind="acknowledgement")
    inbound.receive(
        make_mail(body="Thanks, looking at it.", sender=w.acme_admin.email, in_reply_to=ack.msgid)
    )
    inbound.receive(
        make_mail(body="Decline.\nToo dear.", sender=w.acme_admin.email, in_reply_to=request.msgid)
    )
    answers = [e.data.get("answers") for e in ticket.events.filter(kind=EventKind.MESSAGE)]
    assert answers == [None, "quote"]
    quote.refresh_from_db()
    assert quote.state == QuoteState.DECLINED and quote.decided_by == w.acme_admin


@pytest.mark.django_db
def test_a_reply_to_the_quote_mail_by_a_plain_contact_decides_nothing(w: World) -> None:
    ticket = _out_of_scope(w)
    quote = quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    request = Outbound.objects.get(kind="quote")
    inbound.receive(make_mail(body="APPROVE", sender=w.acme_user.email, in_reply_to=request.msgid))
    inbound.receive(
        make_mail(body="Looks fine.\nAPPROVE", sender=w.acme_admin.email, in_reply_to=request.msgid)
    )
    quote.refresh_from_db()
    assert quote.state == QuoteState.PENDING
    assert ticket.messages.count() == 2  # Both replies are on the ticket all the same.


@pytest.mark.django_db
def test_an_estimate_shows_its_price_in_the_clients_currency(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement, w.manager, {"hourly_rate": Decimal("80.00"), "currency": "GBP"}
    )
    ticket = _out_of_scope(w)
    quotes.request_quote(ticket, w.tech, "Move the office", hours_estimate=Decimal("2.5"))
    mail = Outbound.objects.get(kind="quote")
    assert "2 h 30 min × £80.00 = £200.00" in mail.text
    assert "£200.00" in mail.html
    portal = ScanningClient(w.acme_admin).get(reverse("billing_portal:agreements"))
    assert "£200.00" in portal.content.decode()
    desk = ScanningClient(w.tech).get(reverse("desk:ticket", args=[ticket.number]))
    assert "2 h 30 min × £80.00 = <strong>£200.00</strong>" in desk.content.decode()
