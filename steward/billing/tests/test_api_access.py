"""Who may reach the billing API: sign-in, another organization's rows (404), and roles."""
# ruff: noqa: E501

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from steward.accounts.models import Role
from steward.billing import invoices, quotes, scope, time
from steward.billing.models import Invoice, Quote, TimeEntry
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Service
from steward.desk.models import Ticket
from steward.test import World, api_client, covers, make_ticket, make_user, world

pytestmark = pytest.mark.django_db
P = "/api/v1"


@dataclass
class Rows:
    w: World
    service: Service
    acme_ticket: Ticket
    globex_ticket: Ticket
    globex_agreement: Agreement
    globex_quote: Quote
    globex_invoice: Invoice
    globex_entry: TimeEntry


@pytest.fixture
def rows() -> Rows:
    w = world()
    service = Service.objects.create(code="backup", name="Backup monitoring")
    acme_ticket = make_ticket(w.acme, requester=w.acme_user)
    globex_ticket = make_ticket(w.globex, requester=w.globex_user)
    globex_agreement = Agreement.objects.get(organization=w.globex)
    contract_actions.revise(globex_agreement, w.admin, {"hourly_rate": Decimal("80.00")})
    scope.decide_scope(globex_ticket, False, "Printer is not covered", w.admin)
    quote = quotes.request_quote(globex_ticket, w.admin, "Replace the fuser", Decimal("2"))
    invoice = invoices.draft_invoice(globex_agreement, date(2026, 10, 1))
    invoices.issue(invoice, w.admin)
    entry = time.log_time(globex_ticket, w.admin, 15, "Looked at it", billable=False)
    return Rows(w, service, acme_ticket, globex_ticket, globex_agreement, quote, invoice, entry)


def _routes(r: Rows) -> list[tuple[str, str, str, Any]]:
    """(route as the OpenAPI names it, method, url, body) aimed at Globex's rows."""
    t, a, q, i = r.globex_ticket.pk, r.globex_agreement.pk, r.globex_quote.pk, r.globex_invoice.pk
    e = r.globex_entry.pk
    return [
        ("PATCH /api/v1/time-entries/{entry_id}", "patch", f"{P}/time-entries/{e}", {"minutes": 5}),
        ("DELETE /api/v1/time-entries/{entry_id}", "delete", f"{P}/time-entries/{e}", None),
        ("PATCH /api/v1/agreements/{agreement_id}", "patch", f"{P}/agreements/{a}", {"note": "x"}),
        ("GET /api/v1/agreements/{agreement_id}/versions", "get", f"{P}/agreements/{a}/versions", None),
        ("GET /api/v1/tickets/{ticket_id}/scope", "get", f"{P}/tickets/{t}/scope", None),
        ("POST /api/v1/tickets/{ticket_id}/scope", "post", f"{P}/tickets/{t}/scope", {"in_scope": True, "reason": "r"}),
        ("GET /api/v1/tickets/{ticket_id}/quotes", "get", f"{P}/tickets/{t}/quotes", None),
        ("POST /api/v1/tickets/{ticket_id}/quotes", "post", f"{P}/tickets/{t}/quotes", {"description": "d", "hours": "1"}),
        ("POST /api/v1/quotes/{quote_id}/decision", "post", f"{P}/quotes/{q}/decision", {"approve": True}),
        ("POST /api/v1/time-entries", "post", f"{P}/time-entries", {"ticket": t, "minutes": 30, "description": "d", "billable": False}),
        ("POST /api/v1/time-entries/timer", "post", f"{P}/time-entries/timer", {"ticket": t}),
        ("GET /api/v1/invoices/{invoice_id}", "get", f"{P}/invoices/{i}", None),
        ("POST /api/v1/invoices/{invoice_id}/issue", "post", f"{P}/invoices/{i}/issue", None),
        ("POST /api/v1/invoices/{invoice_id}/credit-note", "post", f"{P}/invoices/{i}/credit-note", {"reason": "r"}),
        ("GET /api/v1/invoices/{invoice_id}/csv", "get", f"{P}/invoices/{i}/csv", None),
        ("GET /api/v1/invoices/{invoice_id}/pdf", "get", f"{P}/invoices/{i}/pdf", None),
        ("POST /api/v1/invoices", "post", f"{P}/invoices", {"agreement": a, "month": "2026-11-01"}),
    ]  # fmt: skip


def _call(client: Client, method: str, url: str, body: Any) -> Any:
    if body is None:
        return getattr(client, method)(url)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


LISTS = ["GET /api/v1/services", "GET /api/v1/time-entries", "GET /api/v1/invoices"]
WRITES_WITHOUT_ID = ["POST /api/v1/services", "POST /api/v1/time-entries/timer/stop"]
# The routes `_routes` aims at Globex's rows, as the OpenAPI names them.
AIMED = (
    "PATCH /api/v1/time-entries/{entry_id}",
    "DELETE /api/v1/time-entries/{entry_id}",
    "PATCH /api/v1/agreements/{agreement_id}",
    "GET /api/v1/agreements/{agreement_id}/versions",
    "GET /api/v1/tickets/{ticket_id}/scope",
    "POST /api/v1/tickets/{ticket_id}/scope",
    "GET /api/v1/tickets/{ticket_id}/quotes",
    "POST /api/v1/tickets/{ticket_id}/quotes",
    "POST /api/v1/quotes/{quote_id}/decision",
    "POST /api/v1/time-entries",
    "POST /api/v1/time-entries/timer",
    "GET /api/v1/invoices/{invoice_id}",
    "POST /api/v1/invoices/{invoice_id}/issue",
    "POST /api/v1/invoices/{invoice_id}/credit-note",
    "GET /api/v1/invoices/{invoice_id}/csv",
    "GET /api/v1/invoices/{invoice_id}/pdf",
    "POST /api/v1/invoices",
)


@covers(*LISTS, *WRITES_WITHOUT_ID, *AIMED, kinds=("login",))
def test_it_requires_login(rows: Rows) -> None:
    assert tuple(route for route, *_ in _routes(rows)) == AIMED  # What @covers claims.
    anonymous = Client()
    for route, method, url, body in _routes(rows):
        assert _call(anonymous, method, url, body).status_code == 401, route
    for url in (f"{P}/services", f"{P}/time-entries", f"{P}/invoices"):
        assert anonymous.get(url).status_code == 401, url
    assert _call(anonymous, "post", f"{P}/services", {"code": "x", "name": "X"}).status_code == 401
    assert anonymous.post(f"{P}/time-entries/timer/stop").status_code == 401


@covers(*LISTS, *WRITES_WITHOUT_ID, *AIMED, kinds=("tenancy",))
def test_it_hides_other_organizations(rows: Rows) -> None:
    w = rows.w
    # The technician (Acme only) and Acme's client admin meet Globex's rows as if absent.
    for user in (w.tech, w.acme_admin):
        client = api_client(user)  # Fails the test if a Globex marker shows anywhere.
        for route, method, url, body in _routes(rows):
            expected = 422 if route == "POST /api/v1/invoices" else 404
            response = _call(client, method, url, body)
            assert response.status_code == expected, (user.role, route, response.content)
        for url in (f"{P}/time-entries", f"{P}/invoices", f"{P}/services"):
            assert client.get(url).status_code == 200
    # Lists hold only what the reader may see.
    assert api_client(w.acme_admin).get(f"{P}/invoices").json()["count"] == 0
    # (Globex's administrator: a client user reads no invoice, test_api_roles.py.)
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert api_client(globex_admin).get(f"{P}/invoices").json()["count"] == 1
    # The catalogue is the provider's, not a tenant's: everyone reads the same one.
    assert api_client(w.globex_user).get(f"{P}/services").json()["count"] == 1
    # Stopping a timer stops the caller's own, never someone else's.
    time.start_timer(rows.acme_ticket, w.tech)
    assert api_client(w.admin).post(f"{P}/time-entries/timer/stop").status_code == 422
    assert api_client(w.tech).post(f"{P}/time-entries/timer/stop").status_code == 200


@covers(
    "POST /api/v1/services",
    "PATCH /api/v1/agreements/{agreement_id}",
    "POST /api/v1/tickets/{ticket_id}/scope",
    "POST /api/v1/tickets/{ticket_id}/quotes",
    "POST /api/v1/quotes/{quote_id}/decision",
    "POST /api/v1/time-entries",
    "POST /api/v1/time-entries/timer",
    "POST /api/v1/time-entries/timer/stop",
    "PATCH /api/v1/time-entries/{entry_id}",
    "DELETE /api/v1/time-entries/{entry_id}",
    "POST /api/v1/invoices",
    "POST /api/v1/invoices/{invoice_id}/issue",
    "POST /api/v1/invoices/{invoice_id}/credit-note",
    kinds=("role",),
)
def test_it_requires_write_role(rows: Rows) -> None:
    w = rows.w
    t, a = rows.globex_ticket.pk, rows.globex_agreement.pk
    i, q = rows.globex_invoice.pk, rows.globex_quote.pk
    staff_only = [
        ("post", f"{P}/tickets/{t}/scope", {"in_scope": True, "reason": "r"}),
        ("post", f"{P}/tickets/{t}/quotes", {"description": "d", "hours": "1"}),
        ("post", f"{P}/time-entries", {"ticket": t, "minutes": 5, "description": "d"}),
        ("post", f"{P}/time-entries/timer", {"ticket": t}),
        ("post", f"{P}/time-entries/timer/stop", None),
        ("patch", f"{P}/time-entries/{rows.globex_entry.pk}", {"minutes": 5}),
        ("delete", f"{P}/time-entries/{rows.globex_entry.pk}", None),
    ]
    managers_only = [
        ("post", f"{P}/services", {"code": "new", "name": "New"}),
        ("patch", f"{P}/agreements/{a}", {"hourly_rate": "1.00"}),
        ("post", f"{P}/invoices", {"agreement": a, "month": "2026-11-01"}),
        ("post", f"{P}/invoices/{i}/issue", None),
        ("post", f"{P}/invoices/{i}/credit-note", {"reason": "r"}),
    ]
    client = api_client(w.globex_user)
    for method, url, body in staff_only + managers_only:
        assert _call(client, method, url, body).status_code == 403, url
    tech = api_client(w.tech)
    for method, url, body in managers_only:
        if "/invoices/" in url or "/agreements/" in url or url.endswith("/invoices"):
            continue  # Acme-only technician: Globex's rows are 404, tested above.
        assert _call(tech, method, url, body).status_code == 403, url
    acme_agreement = Agreement.objects.get(organization=w.acme)
    assert (
        _call(tech, "patch", f"{P}/agreements/{acme_agreement.pk}", {"note": "x"}).status_code
        == 403
    )
    assert _call(tech, "post", f"{P}/invoices", {"agreement": acme_agreement.pk, "month": "2026-11-01"}).status_code == 403  # fmt: skip
    # Only the client's own administrator decides a quote; a plain contact may not.
    decision = f"{P}/quotes/{q}/decision"
    assert _call(client, "post", decision, {"approve": True}).status_code == 403
    assert _call(api_client(w.admin), "post", decision, {"approve": True}).status_code == 403
    rows.globex_quote.refresh_from_db()
    assert rows.globex_quote.state == "pending"
    assert Service.objects.count() == 1
