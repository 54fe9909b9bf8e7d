"""The mail pages in a real browser: an admin places a quarantined email on a ticket."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk.models import Ticket
from steward.desk.tests.test_browser import _shot, _sign_in, browser  # noqa: F401
from steward.mail import inbound
from steward.mail.models import InboundState
from steward.mail.tests.factory import make_mail
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_it_places_quarantined_mail_from_the_desk(
    browser: Browser,  # noqa: F811 - the fixture imported above
    live_server: LiveServer,
) -> None:
    w = world()
    ticket = make_ticket(w.acme, requester=w.acme_user, title="Printer jams")
    stranger = inbound.receive(
        make_mail(subject="Photo of the jam", body="Here it is.", sender="temp@gmail.test")
    ).inbound
    assert stranger.state == InboundState.QUARANTINED
    page = _sign_in(browser, live_server, w.admin.email)
    page.click("text=Mail")
    expect(page.locator("table")).to_contain_text("Unknown sender temp@gmail.test")
    _shot(page, "mail-quarantine")
    page.click("text=Photo of the jam")
    page.fill("input[name=ticket]", ticket.number)
    page.click("button:has-text('Place')")
    expect(page.locator(".alert")).to_contain_text(ticket.number)
    _shot(page, "mail-placed")
    page.click(f"a:has-text('{ticket.number}')")
    expect(page.locator("#main, body")).to_contain_text("Here it is.")
    expect(page.locator("body")).to_contain_text("original email")
    assert Ticket.objects.get(pk=ticket.pk).messages.get().author_email == "temp@gmail.test"
