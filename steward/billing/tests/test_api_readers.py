"""Who reads billing through the API: the same people as in the portal.

Invoices, terms, quotes and the scope register are for provider staff and the client's
administrators; time entries for provider staff. A client user who asks for one of their own
organization's is told it does not exist, as the portal tells them; lists come back empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from steward.billing import invoices, quotes, scope, time
from steward.billing.models import Invoice, TimeEntry
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement
from steward.desk.models import Ticket
from steward.test import ScanningClient, World, api_client, make_ticket, world

pytestmark = pytest.mark.django_db
P = "/api/v1"


@dataclass
class Acme:
    w: World
    agreement: Agreement
    ticket: Ticket
    invoice: Invoice
    draft: Invoice
    entry: TimeEntry


@pytest.fixture
def acme() -> Acme:
    w = world()
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(agreement, w.admin, {"hourly_rate": Decimal("80.00")})
    ticket = make_ticket(w.acme, requester=w.acme_user)
    scope.decide_scope(ticket, False, "A new server is a project", w.admin)
    quotes.request_quote(ticket, w.admin, "Install the server", Decimal("3"))
    invoice = invoices.issue(invoices.draft_invoice(agreement, date(2026, 10, 1)), w.admin)
    draft = invoices.draft_invoice(agreement, date(2026, 11, 1))
    entry = time.log_time(ticket, w.tech, 20, "Looked at the rack", billable=False)
    return Acme(w, agreement, ticket, invoice, draft, entry)


def test_it_keeps_invoices_from_client_users(acme: Acme) -> None:
    user = api_client(acme.w.acme_user)
    assert user.get(f"{P}/invoices").json()["count"] == 0
    for tail in ("", "/csv", "/pdf"):
        response = user.get(f"{P}/invoices/{acme.invoice.pk}{tail}")
        assert response.status_code == 404, tail
        assert response.json()["detail"] == "No such invoice."
    # The portal says the same to the same person.
    portal = ScanningClient(acme.w.acme_user)
    assert portal.get(reverse("billing_portal:invoices")).status_code == 404
    pdf = reverse("billing_portal:invoice_pdf", args=[acme.invoice.pk])
    assert portal.get(pdf).status_code == 404


def test_it_shows_client_admins_their_issued_invoices(acme: Acme) -> None:
    admin = api_client(acme.w.acme_admin)
    listed = admin.get(f"{P}/invoices").json()
    assert [i["id"] for i in listed["items"]] == [acme.invoice.pk]
    assert admin.get(f"{P}/invoices/{acme.invoice.pk}/csv").status_code == 200
    assert admin.get(f"{P}/invoices/{acme.invoice.pk}/pdf").status_code == 200
    # The provider's draft is not theirs to see, through the API or the portal.
    assert admin.get(f"{P}/invoices/{acme.draft.pk}").status_code == 404
    portal = ScanningClient(acme.w.acme_admin)
    assert (
        portal.get(reverse("billing_portal:invoice_csv", args=[acme.draft.pk])).status_code == 404
    )
    assert (
        portal.get(reverse("billing_portal:invoice_csv", args=[acme.invoice.pk])).status_code == 200
    )


def test_it_keeps_time_entries_for_provider_staff(acme: Acme) -> None:
    for person in (acme.w.acme_admin, acme.w.acme_user):
        listed = api_client(person).get(f"{P}/time-entries?ticket={acme.ticket.pk}").json()
        assert listed["items"] == [], person.role
    staff = api_client(acme.w.tech).get(f"{P}/time-entries?ticket={acme.ticket.pk}").json()
    assert [e["id"] for e in staff["items"]] == [acme.entry.pk]


def test_it_keeps_terms_quotes_and_scope_for_client_admins(acme: Acme) -> None:
    a, t = acme.agreement.pk, acme.ticket.pk
    user = api_client(acme.w.acme_user)
    assert user.get(f"{P}/agreements").json()["count"] == 0
    assert user.get(f"{P}/agreements/{a}").status_code == 404
    assert user.get(f"{P}/agreements/{a}/versions").status_code == 404
    assert user.get(f"{P}/tickets/{t}/scope").status_code == 404
    assert user.get(f"{P}/tickets/{t}/quotes").json()["items"] == []
    # Their ticket itself is still theirs.
    assert user.get(f"{P}/tickets/{t}").status_code == 200
    admin = api_client(acme.w.acme_admin)
    assert admin.get(f"{P}/agreements/{a}").json()["hourly_rate"] == "80.00"
    assert admin.get(f"{P}/tickets/{t}/scope").json()["in_scope"] is False
    assert len(admin.get(f"{P}/tickets/{t}/quotes").json()["items"]) == 1


def test_it_keeps_refusing_writes_with_403(acme: Acme) -> None:
    # A write by a role that may not make it stays a 403, as before; the row is unchanged.
    user = api_client(acme.w.acme_user)
    assert user.delete(f"{P}/time-entries/{acme.entry.pk}").status_code == 403
    assert user.post(f"{P}/invoices/{acme.invoice.pk}/issue").status_code == 403
    assert TimeEntry.objects.filter(pk=acme.entry.pk).exists()
    # A draft stays unknown to a client even when they try to write to it.
    assert user.post(f"{P}/invoices/{acme.draft.pk}/issue").status_code == 404


def test_it_keeps_time_corrections_out_of_the_clients_history(acme: Acme) -> None:
    time.correct_time(acme.entry, acme.w.tech, minutes=35)
    url = f"{P}/tickets/{acme.ticket.pk}/events"
    staff = [e["kind"] for e in api_client(acme.w.tech).get(url).json()["items"]]
    assert "time" in staff
    for person in (acme.w.acme_admin, acme.w.acme_user):
        kinds = [e["kind"] for e in api_client(person).get(url).json()["items"]]
        assert "time" not in kinds and "created" in kinds, person.role
