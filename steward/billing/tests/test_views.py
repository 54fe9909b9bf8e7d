"""The billing pages of the desk and the client's agreement pages in the portal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from steward.billing import invoices, quotes, scope, time
from steward.billing.models import Invoice, Quote, QuoteState, TimeEntry
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Billing
from steward.desk import actions
from steward.desk.models import Ticket
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db
NOV = date(2026, 11, 1)


@pytest.fixture
def w() -> World:
    return world()


def _globex(w: World) -> tuple[Agreement, Ticket, Invoice, Quote]:
    agreement = Agreement.objects.get(organization=w.globex)
    contract_actions.revise(agreement, w.manager, {"monthly_fee": Decimal("300.00")})
    ticket = make_ticket(w.globex, requester=w.globex_user)
    scope.decide_scope(ticket, False, "Project", w.admin)
    quote = quotes.request_quote(ticket, w.admin, "New server", fixed_price=Decimal("900"))
    time.log_time(ticket, w.admin, 20, "Site survey", billable=False)
    invoice = invoices.issue(invoices.draft_invoice(agreement, NOV), w.admin)
    return agreement, ticket, invoice, quote


def _pages(a: Agreement, t: Ticket, i: Invoice, q: Quote) -> dict[str, tuple[str, str]]:
    return {
        "billing:agreements": ("get", reverse("billing:agreements")),
        "billing:agreement": ("get", reverse("billing:agreement", args=[a.pk])),
        "billing:agreement_new": ("get", reverse("billing:agreement_new")),
        "billing:agreement_edit": ("post", reverse("billing:agreement_edit", args=[a.pk])),
        "billing:invoice_draft": ("post", reverse("billing:invoice_draft", args=[a.pk])),
        "billing:invoice": ("get", reverse("billing:invoice", args=[i.pk])),
        "billing:invoice_issue": ("post", reverse("billing:invoice_issue", args=[i.pk])),
        "billing:invoice_credit": ("post", reverse("billing:invoice_credit", args=[i.pk])),
        "billing:invoice_pdf": ("get", reverse("billing:invoice_pdf", args=[i.pk])),
        "billing:invoice_csv": ("get", reverse("billing:invoice_csv", args=[i.pk])),
        "billing:value": ("get", reverse("billing:value", args=[a.organization_id])),
        "billing:time": ("post", reverse("billing:time", args=[t.number])),
        "billing:timer": ("post", reverse("billing:timer", args=[t.number])),
        "billing:scope": ("post", reverse("billing:scope", args=[t.number])),
        "billing:quote": ("post", reverse("billing:quote", args=[t.number])),
        "billing:time_remove": (
            "post",
            reverse("billing:time_remove", args=[t.number, TimeEntry.objects.get(ticket=t).pk]),
        ),
        "billing_portal:agreements": ("get", reverse("billing_portal:agreements")),
        "billing_portal:invoices": ("get", reverse("billing_portal:invoices")),
        "billing_portal:invoice_pdf": ("get", reverse("billing_portal:invoice_pdf", args=[i.pk])),
        "billing_portal:invoice_csv": ("get", reverse("billing_portal:invoice_csv", args=[i.pk])),
        "billing_portal:quote_decide": (
            "post",
            reverse("billing_portal:quote_decide", args=[q.pk]),
        ),
        "billing_portal:value": ("get", reverse("billing_portal:value")),
    }


ALL = [
    "billing:agreements", "billing:agreement", "billing:agreement_new", "billing:agreement_edit",
    "billing:invoice_draft", "billing:invoice",
    "billing:invoice_issue", "billing:invoice_credit", "billing:invoice_pdf", "billing:invoice_csv",
    "billing:value", "billing:time", "billing:timer", "billing:scope", "billing:quote",
    "billing:time_remove", "billing_portal:agreements", "billing_portal:invoices",
    "billing_portal:invoice_pdf", "billing_portal:invoice_csv", "billing_portal:quote_decide",
    "billing_portal:value",
]  # fmt: skip


# The forms of the provider's billing work, each on one Globex row.
STAFF_WRITES = (
    "billing:invoice_draft",
    "billing:invoice_issue",
    "billing:invoice_credit",
    "billing:time",
    "billing:timer",
    "billing:scope",
    "billing:quote",
    "billing:time_remove",
)


@covers(*ALL, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for name, (method, url) in _pages(*_globex(w)).items():
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@covers(*ALL, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    pages = _pages(*_globex(w))
    # The Acme technician and Acme's client administrator: Globex's rows do not exist.
    tech = ScanningClient(w.tech)
    for name in (
        "billing:agreement",
        "billing:invoice",
        "billing:invoice_pdf",
        "billing:invoice_csv",
        "billing:value",
        *STAFF_WRITES,
    ):
        method, url = pages[name]
        assert getattr(tech, method)(url).status_code == 404, name
    assert "globex" not in tech.get(pages["billing:agreements"][1]).content.decode().lower()
    acme_admin = ScanningClient(w.acme_admin)
    for name in (
        "billing_portal:invoice_pdf",
        "billing_portal:invoice_csv",
        "billing_portal:quote_decide",
    ):
        method, url = pages[name]
        assert getattr(acme_admin, method)(url).status_code == 404, name
    for name in ("billing_portal:agreements", "billing_portal:invoices", "billing_portal:value"):
        assert acme_admin.get(pages[name][1]).status_code == 200, name  # Scanned: no Globex.
    # Globex's contacts see their own issued invoice; plain contacts not the billing pages.
    assert ScanningClient(w.globex_user).get(pages["billing_portal:invoices"][1]).status_code == 404


@covers(
    "billing:agreement_new",
    "billing:agreement_edit",
    *STAFF_WRITES,
    "billing_portal:quote_decide",
    kinds=("role",),
)
def test_it_requires_write_role(w: World) -> None:
    agreement, ticket, invoice, quote = _globex(w)
    pages = _pages(agreement, ticket, invoice, quote)
    for user in (w.globex_user, w.acme_admin):
        client = ScanningClient(user)
        for name in STAFF_WRITES:
            assert client.post(pages[name][1]).status_code == 404, (user.role, name)
            assert client.post(pages[name][1]).status_code != 200
    # Provider technicians do their work but do not bill.
    acme_agreement = Agreement.objects.get(organization=w.acme)
    tech = ScanningClient(w.tech)
    assert (
        tech.post(
            reverse("billing:invoice_draft", args=[acme_agreement.pk]), {"month": "2026-11"}
        ).status_code
        == 404
    )
    # A plain Globex contact may not decide a quote (only the client's administrators).
    assert (
        ScanningClient(w.globex_user)
        .post(pages["billing_portal:quote_decide"][1], {"approve": "1"})
        .status_code
        == 404
    )
    quote.refresh_from_db()
    assert quote.state == QuoteState.PENDING
    assert Invoice.objects.count() == 1 and TimeEntry.objects.count() == 1


def test_time_is_corrected_by_whoever_logged_it_or_a_manager_until_invoiced(w: World) -> None:
    from steward.desk.models import TicketEvent

    ticket = make_ticket(w.acme, requester=w.acme_user)
    entry = time.log_time(ticket, w.tech, 600, "Typo: meant 60", billable=False)
    url = reverse("billing:time_remove", args=[ticket.number, entry.pk])
    page = ScanningClient(w.tech).get(reverse("desk:ticket", args=[ticket.number]))
    assert url in page.content.decode()
    ScanningClient(w.tech).post(url)
    assert not TimeEntry.objects.filter(pk=entry.pk).exists()
    event = TicketEvent.objects.get(ticket=ticket, kind="time")
    assert event.actor == w.tech and event.data["minutes"] == 600
    page = ScanningClient(w.manager).get(reverse("desk:ticket", args=[ticket.number]))
    assert "removed: 10 h, Typo: meant 60" in page.content.decode()
    # Invoiced time stays as billed: the page says so and a removal is refused.
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(agreement, w.manager, {"billing": Billing.BREAK_FIX})
    athens = ZoneInfo("Europe/Athens")
    billed = time.log_time(
        ticket, w.tech, 60, "Fix", started_at=datetime(2026, 11, 2, 10, tzinfo=athens)
    )
    invoices.issue(invoices.draft_invoice(agreement, NOV), w.manager)
    page = ScanningClient(w.manager).get(reverse("desk:ticket", args=[ticket.number]))
    assert "invoiced" in page.content.decode()
    ScanningClient(w.manager).post(reverse("billing:time_remove", args=[ticket.number, billed.pk]))
    assert TimeEntry.objects.filter(pk=billed.pk).exists()


def test_staff_log_time_and_run_the_timer_from_the_ticket_page(w: World) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    tech = ScanningClient(w.tech)
    page = tech.get(ticket.get_absolute_url()).content.decode()
    assert "Time and scope" in page and "In scope" in page
    response = tech.post(
        reverse("billing:time", args=[ticket.number]),
        {"minutes": 35, "description": "Replaced toner", "billable": "on"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#billing")
    tech.post(reverse("billing:timer", args=[ticket.number]), {"description": "Watching the queue"})
    page = tech.get(ticket.get_absolute_url()).content.decode()
    assert "Replaced toner" in page and "Stop timer" in page
    tech.post(reverse("billing:timer", args=[ticket.number]), {"action": "stop"})
    assert TimeEntry.objects.running().count() == 0 and TimeEntry.objects.count() == 2
    bad = tech.post(
        reverse("billing:time", args=[ticket.number]),
        {"minutes": 0, "description": ""},
        follow=True,
    )
    assert "Ensure this value is greater than or equal to 1" in bad.content.decode()
    assert TimeEntry.objects.count() == 2


def test_a_client_admin_sees_terms_history_and_approves_a_quote(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement,
        w.manager,
        {"billing": Billing.BLOCK_HOURS, "block_hours": Decimal("8")},
        note="Moved to a block of hours",
    )
    ticket = make_ticket(w.acme, requester=w.acme_admin)
    scope.decide_scope(ticket, False, "Project", w.tech)
    quote = quotes.request_quote(ticket, w.tech, "Wire the meeting room", Decimal("3"))
    admin = ScanningClient(w.acme_admin)
    page = admin.get(reverse("billing_portal:agreements")).content.decode()
    assert "Moved to a block of hours" in page and "Wire the meeting room" in page
    assert "Block of prepaid hours" in page and "Hours used this month" in page
    admin.post(
        reverse("billing_portal:quote_decide", args=[quote.pk]), {"approve": "1", "note": "OK"}
    )
    quote.refresh_from_db()
    assert quote.state == QuoteState.APPROVED and quote.decided_by == w.acme_admin


def test_managers_draft_issue_and_credit_from_the_desk(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement, w.manager, {"monthly_fee": Decimal("250.00"), "billing": Billing.BREAK_FIX}
    )
    manager = ScanningClient(w.manager)
    response = manager.post(
        reverse("billing:invoice_draft", args=[agreement.pk]), {"month": "2026-11"}
    )
    invoice = Invoice.objects.get()
    assert response["Location"] == reverse("billing:invoice", args=[invoice.pk])
    manager.post(reverse("billing:invoice_issue", args=[invoice.pk]))
    invoice.refresh_from_db()
    assert invoice.number == 1
    page = manager.get(reverse("billing:invoice", args=[invoice.pk])).content.decode()
    assert "INV-000001" in page and "250.00" in page
    manager.post(reverse("billing:invoice_credit", args=[invoice.pk]), {"reason": "Duplicate"})
    assert Invoice.objects.filter(credits=invoice).get().total == Decimal("-250.00")
    page = manager.get(reverse("billing:invoice", args=[invoice.pk])).content.decode()
    assert "credited by" in page and "CN-000002" in page
    assert "Issue a credit note" not in page  # once is all
    portal = ScanningClient(w.acme_admin).get(reverse("billing_portal:invoices")).content.decode()
    assert "cancelled by a credit note" in portal and "CN-000002" in portal
    again = manager.post(
        reverse("billing:invoice_draft", args=[agreement.pk]), {"month": "2026-11"}
    )
    redone = Invoice.objects.get(agreement=agreement, credited=False, credits__isnull=True)
    assert again["Location"] == reverse("billing:invoice", args=[redone.pk])
    pdf = manager.get(reverse("billing:invoice_pdf", args=[invoice.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


@time_machine.travel(datetime(2026, 11, 24, 12, tzinfo=ZoneInfo("Europe/Athens")), tick=False)
def test_the_value_page_shows_the_comparison_and_takes_inputs(w: World) -> None:
    ticket = make_ticket(
        w.acme,
        impact="high",
        requester=w.acme_user,
        stops_business=True,
        at=timezone.now() - timedelta(hours=2),
    )
    actions.change_status(ticket, "resolved", w.tech)
    time.log_time(ticket, w.tech, 60, "Fix")  # 11:00-12:00 Athens: office hours.
    manager = ScanningClient(w.manager)
    page = manager.get(
        reverse("billing:value", args=[w.acme.pk]),
        {"break_fix_rate": "100", "hourly_cost_per_user": "40", "affected_users": "10"},
    ).content.decode()
    assert "1 h × €100.00 = €100.00" in page
    assert ticket.number in page  # The outage counted, by name.
    bad = manager.get(reverse("billing:value", args=[w.acme.pk]), {"break_fix_rate": "-1"})
    assert bad.status_code == 200 and "greater than or equal to 0" in bad.content.decode()


@time_machine.travel(datetime(2026, 11, 24, 21, tzinfo=ZoneInfo("Europe/Athens")), tick=False)
def test_the_value_page_starts_from_the_organizations_own_figures(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement,
        w.manager,
        {"hourly_rate": Decimal("80.00"), "out_of_hours_multiplier": Decimal("2.00")},
    )
    w.acme.hourly_cost_per_user = Decimal("55.00")
    w.acme.save()
    ticket = make_ticket(w.acme, requester=w.acme_user)
    time.log_time(ticket, w.tech, 60, "Restore")  # 20:00-21:00 Athens: out of hours.
    page = ScanningClient(w.acme_admin).get(reverse("billing_portal:value")).content.decode()
    assert ">1 h × €80.00 × 2 = €160.00" in page  # the agreement's ×2
    assert 'value="55.00"' in page  # the organization's cost of an hour, editable


def test_managers_make_and_change_agreements_from_the_desk(w: World) -> None:
    from steward.contracts.models import Service

    Service.objects.create(code="backup", name="Backup monitoring")
    manager = ScanningClient(w.manager)
    terms = {
        "name": "Backup only, to start with",
        "sla_policy": w.policy.pk,
        "billing": "break_fix",
        "currency": "EUR",
        "monthly_fee": "0",
        "unit_price": "0",
        "devices": "0",
        "hourly_rate": "80",
        "out_of_hours_multiplier": "1.5",
        "included_hours": "0",
        "block_hours": "0",
        "increment_minutes": "15",
        "exclusions": "",
    }
    bad = manager.post(
        reverse("billing:agreement_new"),
        {**terms, "organization": w.globex.pk, "starts": "2027-01-01", "hourly_rate": "-1"},
    )
    assert bad.status_code == 400 and Agreement.objects.filter(organization=w.globex).count() == 1
    response = manager.post(
        reverse("billing:agreement_new"),
        {
            **terms,
            "organization": w.globex.pk,
            "starts": "2027-01-01",
            "covers_backup": "on",
            "price_backup": "25",
        },
    )
    made = Agreement.objects.get(name="Backup only, to start with")
    assert response["Location"] == reverse("billing:agreement", args=[made.pk])
    assert made.versions.get().terms["services"] == {"backup": "25.00"}
    manager.post(
        reverse("billing:agreement_edit", args=[made.pk]),
        {
            **terms,
            "billing": "managed_user",
            "unit_price": "40",
            "covers_backup": "on",
            "price_backup": "0",
            "note": "Moved to managed",
        },
    )
    latest = made.versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.note == "Moved to managed"
    changed = {c["field"] for c in latest.changes}
    assert changed == {"billing", "unit_price", "services"}
    # KPI targets: one field each, out-of-range refused, kept as a change of terms.
    url = reverse("billing:agreement_edit", args=[made.pk])
    bad = manager.post(url, {**terms, "billing": "managed_user", "kpi_csat": "9"})
    assert bad.status_code == 400 and made.versions.count() == 2
    manager.post(
        url,
        {**terms, "billing": "managed_user", "unit_price": "40", "covers_backup": "on",
         "price_backup": "0", "kpi_sla_compliance": "95", "kpi_csat": "4.5"},
    )  # fmt: skip
    made.refresh_from_db()
    assert made.kpi_targets == {"sla_compliance": 95, "csat": 4.5}
    assert {c["field"] for c in made.versions.get(number=3).changes} == {"kpi_targets"}
    page = manager.get(reverse("billing:agreement", args=[made.pk])).content.decode()
    assert "at least 95 %" in page and "at least 4.5" in page


BAD_MONTHS = ["9999-12", "9999-12-31", "0001-01", "0000-01", "2024-13", "garbage", "1-01"]


@pytest.mark.parametrize("month", BAD_MONTHS)
def test_the_value_pages_name_a_month_out_of_range(w: World, month: str) -> None:
    pages = [
        (ScanningClient(w.manager), reverse("billing:value", args=[w.acme.pk])),
        (ScanningClient(w.acme_admin), reverse("billing_portal:value")),
    ]
    for client, url in pages:
        for field in ("start", "end"):
            response = client.get(url, {field: month})
            assert response.status_code == 200, (url, field)
            form = response.context["form"]
            assert field in form.errors, (url, field)


@pytest.mark.parametrize("month", BAD_MONTHS)
def test_a_draft_for_a_month_out_of_range_is_refused_by_name(w: World, month: str) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    response = ScanningClient(w.manager).post(
        reverse("billing:invoice_draft", args=[agreement.pk]), {"month": month}, follow=True
    )
    assert response.status_code == 200
    assert "Month: " in response.content.decode()
    assert not Invoice.objects.exists()


@pytest.mark.parametrize(
    "started_at", ["9999-12-31T23:59", "0001-01-01T00:00", "0001-01-01 00:01", "2024-13-01T00:00"]
)
def test_time_started_out_of_range_is_refused_by_name(w: World, started_at: str) -> None:
    ticket = make_ticket(w.acme, requester=w.acme_user)
    response = ScanningClient(w.tech).post(
        reverse("billing:time", args=[ticket.number]),
        {"minutes": 30, "description": "Replaced toner", "started_at": started_at},
        follow=True,
    )
    assert response.status_code == 200
    assert "Started: " in response.content.decode()
    assert not TimeEntry.objects.exists()
