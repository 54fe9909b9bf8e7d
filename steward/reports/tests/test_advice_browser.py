"""The client's decision on a phone, and the review's actions added on the page, in a real
browser: nothing scrolls sideways, the financial interest is in view, the answer is kept."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk.actions import change_status
from steward.desk.tests.test_browser import _shot, _sign_in, browser  # noqa: F401
from steward.reports import advice, reviews
from steward.reports.models import Decision, Recommendation, Review
from steward.test import make_ticket, world
from steward.vault.models import Asset, TicketAsset

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
INTEREST = "We resell the appliance and its licence at 15% margin."


def _wide(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


@pytest.mark.parametrize("language", ["en", "zh-hans", "el"])
def test_the_client_admin_decides_on_a_phone(
    browser: Browser,  # noqa: F811
    live_server: LiveServer,
    language: str,
) -> None:
    w = world()
    w.acme_admin.language = language
    w.acme_admin.save()
    data = {
        "title": "Replace the office firewall",
        "rationale": "Its security subscription ends and the model gets no more updates.",
        "risk_if_declined": "Without security updates a known flaw leaves the network open.",
        "cost_once": Decimal("1250"),
        "cost_monthly": Decimal("32"),
        "provider_interest": INTEREST,
    }
    rec = advice.save(Recommendation(organization=w.acme), data, w.tech)
    page = _sign_in(browser, live_server, w.acme_admin.email)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/portal/reports/advice/{rec.pk}/")
    interest = page.locator(".interest-box")
    expect(interest).to_contain_text(INTEREST)
    assert interest.bounding_box()["y"] < PHONE["height"]  # type: ignore[index]
    assert _wide(page) <= PHONE["width"]
    _shot(page, f"advice-decision-phone-{language}")
    page.check("input[name=decision][value=declined]")
    page.fill("textarea[name=note]", "Not this year")
    page.click("button.btn-primary[type=submit]")
    page.wait_for_load_state("networkidle")
    expect(page.locator("body")).to_contain_text("Not this year")
    assert _wide(page) <= PHONE["width"]
    decision = Decision.objects.get()
    assert (decision.decision, decision.by, decision.note) == (
        "declined",
        w.acme_admin,
        "Not this year",
    )
    page.set_viewport_size(DESKTOP)
    _shot(page, f"advice-decision-desktop-{language}")
    page.goto(f"{live_server.url}/portal/reports/advice/")
    _shot(page, f"advice-portal-log-{language}")


def test_staff_add_review_actions_on_a_phone(browser: Browser, live_server: LiveServer) -> None:  # noqa: F811
    w = world()
    ticket = make_ticket(w.acme, impact="high", urgency="high", title="Mail server down")
    page = _sign_in(browser, live_server, w.tech.email)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/desk/reports/tickets/{ticket.number}/review/")
    page.fill("textarea[name=what_happened]", "Mail stopped at 08:40.")
    page.fill("input[name=form-0-title]", "Monitor certificate expiry")
    page.click("#review-add-action")
    page.fill("input[name=form-1-title]", "Runbook for renewals")
    page.fill("input[name=form-1-due]", "2026-04-01")
    assert _wide(page) <= PHONE["width"]
    _shot(page, "review-form-phone")
    page.click("button.btn-primary[type=submit]")
    page.wait_for_load_state("networkidle")
    review = Review.objects.get(ticket=ticket)
    assert [a.title for a in review.actions.all()] == [
        "Monitor certificate expiry",
        "Runbook for renewals",
    ]
    page.set_viewport_size(DESKTOP)
    _shot(page, "review-form-desktop")


def test_the_desk_pages_fit_a_phone(browser: Browser, live_server: LiveServer) -> None:  # noqa: F811
    w = world()
    firewall = Asset.objects.create(organization=w.acme, name="FW-01", kind="network")
    data = {
        "title": "Replace the office firewall",
        "rationale": "Its security subscription ends.",
        "cost_once": Decimal("1250"),
        "provider_interest": INTEREST,
        "asset": firewall.pk,
    }
    rec = advice.save(Recommendation(organization=w.acme), data, w.tech)
    advice.decide(
        rec, w.acme_admin, "declined", "Not this year", now=timezone.now() - timedelta(days=9)
    )
    later = make_ticket(w.acme, title="Firewall let a VPN attack through")
    TicketAsset.objects.create(ticket=later, asset=firewall)
    outage = make_ticket(w.acme, impact="high", urgency="high", title="Mail server down")
    change_status(outage, "resolved", w.tech)
    reviewed = make_ticket(w.acme, title="NAS full")
    late = timezone.localdate() - timedelta(days=3)
    action = reviews.ActionIn("Disk alert at 85%", w.tech.pk, late)
    reviews.save_review(reviewed, w.tech, {"what_happened": "Disk full"}, [action])
    page = _sign_in(browser, live_server, w.manager.email)
    for name, path in (
        ("advice-log", f"/desk/reports/{w.acme.pk}/advice/"),
        ("advice-recommendation", f"/desk/reports/advice/{rec.pk}/"),
        ("advice-form", f"/desk/reports/{w.acme.pk}/advice/new/"),
        ("reviews-list", "/desk/reports/reviews/"),
        ("dashboard", "/desk/"),
        ("ticket-declined-advice", f"/desk/tickets/{later.number}/"),
    ):
        for width, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.goto(live_server.url + path)
            page.wait_for_load_state("networkidle")
            if width == "phone":
                assert _wide(page) <= PHONE["width"], name
            _shot(page, f"reports-{name}-{width}")
    expect(page.locator("body")).to_contain_text("This was advised and declined on")
