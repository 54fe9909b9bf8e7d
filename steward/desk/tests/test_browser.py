"""The desk and the portal in a real browser: headless Debian Chromium driven by Playwright."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk import actions
from steward.desk.models import Status, Ticket
from steward.lib.browser import CHROMIUM, CHROMIUM_ARGS
from steward.test import World, make_ticket, world

# Playwright's sync API runs an event loop in this thread; Django must still allow the ORM.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[3] / "test-artifacts"
PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def people() -> World:
    w = world()
    now = timezone.now()
    make_ticket(
        w.acme,
        title="VPN drops every hour acme-marker-5e1f",
        impact="high",
        urgency="high",
        requester=w.acme_user,
        at=now - timedelta(hours=30),
    )
    make_ticket(
        w.acme,
        title="New starter laptop for Maria",
        kind="service_request",
        impact="low",
        urgency="medium",
        requester=w.acme_admin,
        at=now - timedelta(hours=3),
    )
    return w


def _sign_in(browser: Browser, live_server: LiveServer, email: str) -> Page:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_it_signs_in_replies_and_changes_status(
    browser: Browser, live_server: LiveServer, people: World
) -> None:
    page = _sign_in(browser, live_server, people.tech.email)
    assert "/desk/" in page.url
    _shot(page, "dashboard")
    page.click("nav >> text=Queue") if page.locator("nav >> text=Queue").count() else page.goto(
        f"{live_server.url}/desk/queue/"
    )
    page.wait_for_load_state("networkidle")
    assert page.locator("text=VPN drops every hour").count() == 1
    _shot(page, "queue")
    page.click("text=ACME-1")
    page.wait_for_load_state("networkidle")
    page.fill("textarea[name=body]", "We are on it: the firewall drops idle tunnels.")
    page.click("form[action$='/reply/'] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("text=the firewall drops idle tunnels").count() == 1
    page.select_option("select[name=status]", "waiting_on_client")
    page.click("form[action$='/update/'] button[type=submit]")
    page.wait_for_load_state("networkidle")
    _shot(page, "ticket")
    ticket = Ticket.objects.get(number="ACME-1")
    assert ticket.first_responded_at is not None
    assert ticket.status == Status.WAITING_ON_CLIENT
    assert ticket.sla_paused
    assert page.locator(".sla-paused").count() >= 1


def test_it_lets_a_client_raise_a_request_with_its_targets(
    browser: Browser, live_server: LiveServer, people: World
) -> None:
    page = _sign_in(browser, live_server, people.acme_user.email)
    assert "/portal/" in page.url
    _shot(page, "portal")
    page.goto(f"{live_server.url}/portal/tickets/new/")
    page.fill("input[name=title]", "Printer on the 2nd floor jams")
    page.check("input[name=impact][value=medium]")
    page.check("input[name=urgency][value=high]")
    # The htmx preview of the targets refreshes once the answers change.
    expect(page.locator("#targets-preview")).to_contain_text("priority P2", timeout=10_000)
    _shot(page, "portal_new")
    page.click("button[type=submit]:has-text('Send request')")
    page.wait_for_load_state("networkidle")
    ticket = Ticket.objects.get(title="Printer on the 2nd floor jams")
    assert ticket.priority == "P2"
    assert ticket.requester == people.acme_user
    assert page.locator(f"text={ticket.number}").count() >= 1
    actions.post_message(ticket, people.tech, "Internal: toner vendor", public=False)
    page.reload()
    assert page.locator("text=toner vendor").count() == 0


def test_it_shows_the_sign_in_page(browser: Browser, live_server: LiveServer) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    page.goto(f"{live_server.url}/accounts/login/")
    assert page.locator("input[name=login]").count() == 1
    assert page.locator("a[href*='signup']").count() == 0
    _shot(page, "login")


def test_it_speaks_the_clients_language(
    browser: Browser, live_server: LiveServer, people: World
) -> None:
    people.globex_user.language = ""  # falls back to Globex's language, Simplified Chinese
    people.globex_user.save()
    make_ticket(people.globex, title="打印机卡纸 globex-marker-9c07", requester=people.globex_user)
    page = _sign_in(browser, live_server, people.globex_user.email)
    assert "您的请求" in page.inner_text("body")
    _shot(page, "portal_zh")
    with page.expect_navigation():
        page.select_option("select[name=language]", "el")
    page.goto(f"{live_server.url}/portal/tickets/new/")
    assert "Πόσοι άνθρωποι επηρεάζονται;" in page.inner_text("body")
    _shot(page, "portal_new_el")
