"""The downtime page in a real browser at phone width: the numbers and the outages readable,
nothing scrolling sideways, in English, Chinese and Greek."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from steward.desk import actions
from steward.desk.tests.test_browser import _shot, _sign_in, browser  # noqa: F401
from steward.monitoring.models import Check, Flip, MaintenanceWindow
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "zh-hans", "el"])
def test_the_downtime_page_fits_a_phone(
    browser: Browser,  # noqa: F811
    live_server: LiveServer,
    language: str,
) -> None:
    w = world()
    w.acme.headcount = 25
    w.acme.save()
    w.acme_admin.language = language
    w.acme_admin.save()
    now = timezone.now().replace(microsecond=0)
    check = Check.objects.create(
        organization=w.acme,
        name="Web shop",
        kind="http",
        status="up",
        created_at=now - timedelta(days=60),
    )
    down = now - timedelta(days=12, hours=3)
    Flip.objects.create(owner=check, at=down, old="up", new="down")
    Flip.objects.create(owner=check, at=down + timedelta(minutes=95), old="down", new="up")
    MaintenanceWindow.objects.create(
        organization=w.acme, starts=down + timedelta(minutes=60), ends=down + timedelta(hours=3)
    )
    stop = make_ticket(
        w.acme, title="Mail server down for everyone", impact="high", kind="incident",
        stops_business=True, at=down + timedelta(minutes=30),
    )  # fmt: skip
    actions.change_status(stop, "resolved", None, at=down + timedelta(hours=4))
    page = _sign_in(browser, live_server, w.acme_admin.email)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/portal/reports/downtime/")
    expect(page.locator("[data-testid=downtime]")).to_be_visible()
    expect(page.locator("a:has-text('Mail server down')").first).to_be_visible()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"the page scrolls sideways: {wide} px"
    _shot(page, f"downtime-portal-390-{language}")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    _shot(page, f"downtime-portal-1280-{language}")
