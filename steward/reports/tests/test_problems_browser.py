"""Recurring tickets to a known error in a real browser, on a phone, in each language: the
group's button opens a problem, the problem becomes a known error with a workaround, and the
next ticket like it shows that workaround on the desk ticket page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk.tests.test_browser import PASSWORD, _shot, browser  # noqa: F401
from steward.reports.models import Problem
from steward.reports.tests.paraphrases import FAULTS
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# What each language calls the button and the flag.
WORDS = {
    "en": ("Open a problem", "Matches known error"),
    "el": ("Άνοιγμα προβλήματος", "Ταιριάζει με γνωστό σφάλμα"),
    "zh-hans": ("创建问题", "与已知错误相符"),
}


def _phone(browser: Browser, live_server: LiveServer, email: str) -> Page:  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{page.url} is {width} px wide on a 390 px phone"


@pytest.mark.parametrize("language", ["en", "el", "zh-hans"])
def test_recurring_tickets_become_a_known_error_on_a_phone(
    browser: Browser,  # noqa: F811
    live_server: LiveServer,
    language: str,
) -> None:
    w = world()
    w.tech.language = language
    w.tech.save(update_fields=["language"])
    now = timezone.now()
    for n, (title, description) in enumerate(FAULTS["printer"][language]):
        make_ticket(w.acme, title=title, description=description, at=now - timedelta(days=9 - n))
    button, flag = WORDS[language]
    page = _phone(browser, live_server, w.tech.email)
    page.goto(f"{live_server.url}/desk/reports/{w.acme.pk}/recurring/")
    expect(page.locator("h3.card-title")).to_have_count(1)
    _fits(page)
    _shot(page, f"reports-recurring-{language}-390")
    page.click(f"button:has-text('{button}')")
    page.wait_for_load_state("networkidle")
    problem = Problem.objects.get()
    assert problem.tickets.count() == 4
    _fits(page)
    page.select_option("select[name=status]", "known_error")
    page.fill("textarea[name=workaround]", "Print from tray 2.")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state("networkidle")
    problem.refresh_from_db()
    assert (problem.status, problem.workaround) == ("known_error", "Print from tray 2.")
    _shot(page, f"reports-problem-{language}-390")
    title, description = FAULTS["printer"][language][0]
    new = make_ticket(w.acme, title=title, description=description)
    page.goto(f"{live_server.url}/desk/tickets/{new.number}/")
    expect(page.locator(f"text={flag}")).to_be_visible()
    expect(page.locator("text=Print from tray 2.")).to_be_visible()
    _fits(page)
    _shot(page, f"reports-ticket-flag-{language}-390")
