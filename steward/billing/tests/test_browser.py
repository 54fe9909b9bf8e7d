"""Time, quotes and invoices in a real browser: a technician logs time and asks for approval,
the client's administrator approves in the portal, a manager issues the month's invoice."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from steward.billing.models import Invoice, Quote, TimeEntry
from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, Billing
from steward.desk.tests.test_browser import _shot, _sign_in, browser  # noqa: F401
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_time_quote_approval_and_invoice(browser: Browser, live_server: LiveServer) -> None:  # noqa: F811
    w = world()
    agreement = Agreement.objects.get(organization=w.acme)
    contract_actions.revise(
        agreement, w.manager, {"billing": Billing.BREAK_FIX, "hourly_rate": Decimal("90")}
    )
    ticket = make_ticket(w.acme, requester=w.acme_admin, title="Wire the meeting room")

    tech = _sign_in(browser, live_server, w.tech.email)
    tech.goto(f"{live_server.url}{ticket.get_absolute_url()}")
    tech.fill("#time-minutes", "45")
    tech.fill("#time-description", "Surveyed the room")
    tech.click("button:has-text('Log time')")
    expect(tech.locator("#billing")).to_contain_text("Surveyed the room")
    # A slip of the keyboard (600 for 60) is removed from the ticket page, after a confirm.
    tech.fill("#time-minutes", "600")
    tech.fill("#time-description", "Typo entry")
    tech.click("button:has-text('Log time')")
    expect(tech.locator("#billing")).to_contain_text("Typo entry")
    tech.once("dialog", lambda dialog: dialog.accept())
    tech.locator("#billing tr", has_text="Typo entry").locator("button").click()
    expect(tech.locator(".alert")).to_contain_text("Time entry removed")
    expect(tech.locator("#billing")).not_to_contain_text("Typo entry")
    tech.click("summary:has-text('Change the scope')")
    tech.fill("form[action$='/quote/'] input[name=description]", "Run four network cables")
    tech.fill("form[action$='/quote/'] input[name=hours]", "3")
    tech.click("button:has-text('Ask the client')")
    expect(tech.locator(".alert")).to_contain_text("Quote sent")
    _shot(tech, "billing-ticket")

    client = _sign_in(browser, live_server, w.acme_admin.email)
    client.click("text=Our agreement")
    expect(client.locator("body")).to_contain_text("Run four network cables")
    _shot(client, "billing-portal")
    client.click("button:has-text('Approve')")
    expect(client.locator(".alert")).to_contain_text("decision is recorded")
    assert Quote.objects.get().state == "approved"

    manager = _sign_in(browser, live_server, w.manager.email)
    manager.click("text=Agreements")
    manager.click(f"text={agreement.name}")
    month = TimeEntry.objects.get().started_at.strftime("%Y-%m")
    manager.fill("input[name=month]", month)
    manager.click("button:has-text('Draft the month')")
    expect(manager.locator("table").first).to_contain_text(ticket.number)
    manager.click("button:has-text('Issue')")
    expect(manager.locator("h2")).to_contain_text("INV-000001")
    _shot(manager, "billing-invoice")
    # 45 minutes at 90 an hour, or at 1.5 times that if logged outside Acme's office hours.
    entry = TimeEntry.objects.get()
    rate = Decimal("135.00") if entry.out_of_hours else Decimal("90.00")
    assert Invoice.objects.get().total == Decimal("0.75") * rate
