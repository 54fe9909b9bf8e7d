"""The scope register, quotes and time."""
# ruff: noqa: E501

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from steward.billing import hours, invoices, quotes, time
from steward.billing import scope as register
from steward.billing.models import BlockAlert, QuoteState, TimeEntry
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Billing, Service
from steward.lib.errors import DomainError
from steward.mail import inbound
from steward.mail.models import Outbound
from steward.mail.tests.factory import make_mail
from steward.test import World, api_client, make_ticket, world

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")


@pytest.fixture
def w() -> World:
    return world()


def _acme(w: World) -> Agreement:
    return Agreement.objects.get(organization=w.acme)


def test_it_defaults_scope_from_the_covered_services(w: World) -> None:
    agreement = _acme(w)
    backup = Service.objects.create(code="backup", name="Backup monitoring")
    printers = Service.objects.create(code="printers", name="Printers")
    contract_actions.set_services(agreement, {"backup": Decimal("0")})
    assert register.scope_of(make_ticket(w.acme, service=backup)).in_scope
    out = register.scope_of(make_ticket(w.acme, service=printers))
    assert not out.in_scope and "Printers is not among" in out.reason
    contract_actions.revise(agreement, w.manager, {"billing": Billing.BREAK_FIX})
    break_fix = register.scope_of(make_ticket(w.acme, service=printers))
    assert break_fix.in_scope and "billed by the hour" in break_fix.reason


def test_staff_override_scope_with_a_reason(w: World) -> None:
    ticket = make_ticket(w.acme)
    with pytest.raises(DomainError):
        register.decide_scope(ticket, False, "  ", w.tech)
    with pytest.raises(DomainError):
        register.decide_scope(ticket, False, "client asked", w.acme_admin)
    register.decide_scope(ticket, False, "A new office fit-out is a project", w.tech)
    scope = register.scope_of(ticket)
    assert not scope.in_scope and scope.decided_by == w.tech


def test_out_of_scope_time_needs_an_approved_quote(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    register.decide_scope(ticket, False, "Project work", w.tech)
    with pytest.raises(DomainError, match="quote"):
        time.log_time(ticket, w.tech, 60, "Cabling")
    time.log_time(ticket, w.tech, 20, "Looked at it", billable=False)  # Free: allowed.
    quote = quotes.request_quote(ticket, w.tech, "Cable the new room", Decimal("3"))
    mail = Outbound.objects.get(kind="quote")
    assert mail.to == [w.acme_admin.email] and "Cable the new room" in mail.text
    with pytest.raises(DomainError):
        time.log_time(ticket, w.tech, 60, "Cabling")  # Still pending.
    with pytest.raises(DomainError):
        quotes.decide_quote(quote, w.acme_user, True)  # Not an administrator.
    quotes.decide_quote(quote, w.acme_admin, True, "Go ahead")
    quote.refresh_from_db()
    assert quote.state == QuoteState.APPROVED and quote.decided_by == w.acme_admin
    entry = time.log_time(ticket, w.tech, 60, "Cabling")
    assert entry.quote == quote and not entry.in_scope
    with pytest.raises(DomainError, match="already"):
        quotes.decide_quote(quote, w.acme_admin, False)


def test_a_client_admin_approves_a_quote_by_replying(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    register.decide_scope(ticket, False, "Project work", w.tech)
    quote = quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    request = Outbound.objects.get(kind="quote")
    inbound.receive(
        make_mail(
            subject=f"Re: {request.subject}",
            body="Approve\n\nThanks.",
            sender=w.acme_admin.email,
            in_reply_to=request.msgid,
        )
    )
    quote.refresh_from_db()
    assert quote.state == QuoteState.APPROVED and quote.decision_note == "By email."


def test_it_tells_out_of_hours_from_the_calendar(w: World) -> None:
    ticket = make_ticket(w.acme)
    # Acme's calendar is the Athens office, 09:00-17:00 on weekdays.
    late = time.log_time(
        ticket, w.tech, 30, "Server restart", started_at=datetime(2026, 11, 24, 21, tzinfo=ATHENS)
    )
    day = time.log_time(
        ticket, w.tech, 30, "Follow-up", started_at=datetime(2026, 11, 25, 10, tzinfo=ATHENS)
    )
    assert late.out_of_hours and not day.out_of_hours


def test_the_timer_runs_one_at_a_time(w: World) -> None:
    ticket = make_ticket(w.acme)
    with time_machine.travel(datetime(2026, 11, 24, 10, tzinfo=ATHENS), tick=False):
        time.start_timer(ticket, w.tech, "Diagnosing")
        with pytest.raises(DomainError, match="already running"):
            time.start_timer(ticket, w.tech)
    with time_machine.travel(datetime(2026, 11, 24, 10, 41, 30, tzinfo=ATHENS), tick=False):
        entry = time.stop_timer(w.tech)
    assert entry.minutes == 42 and entry.description == "Diagnosing"
    assert TimeEntry.objects.running().count() == 0
    with pytest.raises(DomainError):
        time.stop_timer(w.tech)


def test_it_warns_the_client_at_80_and_100_percent_of_the_block(w: World) -> None:
    agreement = _acme(w)
    contract_actions.revise(
        agreement, w.manager, {"billing": Billing.BLOCK_HOURS, "block_hours": Decimal("10")}
    )
    ticket = make_ticket(w.acme)
    start = datetime(2026, 11, 2, 10, tzinfo=ATHENS)
    time.log_time(ticket, w.tech, 7 * 60, "Migration", started_at=start)
    assert Outbound.objects.filter(kind__startswith="block").count() == 0
    time.log_time(ticket, w.tech, 60 + 15, "More", started_at=start + timedelta(days=1))
    assert list(
        Outbound.objects.filter(kind__startswith="block").values_list("kind", flat=True)
    ) == ["block_80"]
    time.log_time(ticket, w.tech, 60, "Again", started_at=start + timedelta(days=2))
    time.log_time(ticket, w.tech, 90, "And again", started_at=start + timedelta(days=3))
    kinds = sorted(Outbound.objects.filter(kind__startswith="block").values_list("kind", flat=True))
    assert kinds == ["block_100", "block_80"]  # Once each, however much more is logged.
    assert BlockAlert.objects.count() == 2
    balance = hours.block_balance(agreement, start.date())
    assert balance.used == Decimal("10.75") and balance.left == Decimal("-0.75")
    alert = Outbound.objects.get(kind="block_100")
    assert (
        alert.to == [w.acme_admin.email] and "billed at the agreement's hourly rate" in alert.text
    )


def test_it_checks_time_input_through_the_api(w: World) -> None:
    ticket = make_ticket(w.acme)
    client = api_client(w.tech)

    def post(data: dict[str, object]) -> Response:
        return client.post(
            "/api/v1/time-entries", json.dumps(data), content_type="application/json"
        )

    for data, field in [
        ({"ticket": ticket.pk, "minutes": 0, "description": "x"}, "minutes"),
        ({"ticket": ticket.pk, "minutes": 30, "description": ""}, "description"),
        ({"ticket": ticket.pk, "minutes": "lots", "description": "x"}, "minutes"),
        ({"ticket": ticket.pk, "minutes": 30, "description": "x", "started_at": "2099-01-01T10:00:00+00:00"}, "started_at"),
        ({"ticket": ticket.pk, "minutes": 30, "description": "x", "started_at": "2026-01-01T10:00:00"}, "started_at"),
    ]:  # fmt: skip
        response = post(data)
        assert response.status_code == 422, data
        assert response.json()["field"] == field
    assert post({"ticket": 999999, "minutes": 5, "description": "x"}).status_code == 404
    ok = post({"ticket": ticket.pk, "minutes": 25, "description": "Reset the router"})
    assert ok.status_code == 201
    assert ok.json()["minutes"] == 25 and ok.json()["in_scope"] is True
    assert TimeEntry.objects.count() == 1


def test_only_an_answer_to_the_quote_mail_decides_it(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    ack = Outbound.objects.get(ticket=ticket, kind="acknowledgement")
    register.decide_scope(ticket, False, "Project work", w.tech)
    quote = quotes.request_quote(ticket, w.tech, "New switch", fixed_price=Decimal("450"))
    inbound.receive(make_mail(body="Approve", sender=w.acme_admin.email, in_reply_to=ack.msgid))
    quote.refresh_from_db()
    assert quote.state == QuoteState.PENDING  # An answer to the acknowledgement, not the quote.


def test_a_timer_on_unapproved_out_of_scope_work_stops_as_not_billable(w: World) -> None:
    ticket = make_ticket(w.acme)
    register.decide_scope(ticket, False, "Project work", w.tech)
    time.start_timer(ticket, w.tech)
    entry = time.stop_timer(w.tech)
    assert not entry.billable and TimeEntry.objects.running().count() == 0


def test_a_ticket_with_billed_time_or_a_quote_is_not_deleted(w: World) -> None:
    from django.db.models import ProtectedError

    ticket = make_ticket(w.acme)
    time.log_time(ticket, w.tech, 30, "Fix")
    with pytest.raises(ProtectedError):
        ticket.delete()
    assert TimeEntry.objects.filter(ticket=ticket).count() == 1


def test_time_is_corrected_through_the_api_until_it_is_invoiced(w: World) -> None:
    from steward.accounts.models import Membership, Role
    from steward.desk.models import TicketEvent
    from steward.test import make_user

    agreement = _acme(w)
    contract_actions.revise(agreement, w.manager, {"billing": Billing.BREAK_FIX})
    ticket = make_ticket(w.acme)
    at = datetime(2026, 11, 2, 10, tzinfo=ATHENS)
    entry = time.log_time(ticket, w.tech, 600, "Network", started_at=at)
    url = f"/api/v1/time-entries/{entry.pk}"
    tech = api_client(w.tech)

    def patch(client: Client, body: object) -> Response:
        return client.patch(url, json.dumps(body), content_type="application/json")

    bad = patch(tech, {"minutes": 0})
    assert bad.status_code == 422 and bad.json()["field"] == "minutes"
    other = make_user(Role.TECHNICIAN, name="Olly Other")
    Membership.objects.create(user=other, organization=w.acme)
    assert patch(api_client(other), {"minutes": 60}).status_code == 403
    ok = patch(tech, {"minutes": 60, "description": "Network switch"})
    assert ok.status_code == 200 and ok.json()["minutes"] == 60
    event = TicketEvent.objects.get(ticket=ticket, kind="time")
    assert event.data["changes"]["minutes"] == [600, 60]
    from steward.test import ScanningClient

    history = ScanningClient(w.manager).get(f"/desk/tickets/{ticket.number}/").content.decode()
    assert "minutes: 600 → 60" in history
    invoice = invoices.issue(invoices.draft_invoice(agreement, at.date()), w.manager)
    refused = patch(api_client(w.manager), {"minutes": 30})
    assert refused.status_code == 422 and invoice.display_number in refused.json()["detail"]
    assert api_client(w.manager).delete(url).status_code == 422
    # A timer started by mistake is discarded.
    running = time.start_timer(ticket, w.tech)
    assert tech.delete(f"/api/v1/time-entries/{running.pk}").status_code == 204
    assert not TimeEntry.objects.running().exists()
