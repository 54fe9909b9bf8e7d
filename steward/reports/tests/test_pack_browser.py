"""The review pack's HTML version in a real browser: on a phone it reads without scrolling
sideways (wide tables scroll in their own box), in English, Chinese and Greek, charts shown."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Browser, ViewportSize
from pytest_django.live_server_helper import LiveServer

from steward.desk.tests.test_browser import SHOTS
from steward.reports import downtime, recurring
from steward.reports import scorecard as scorecard_mod
from steward.reports.tests import pack_fakes
from steward.test import make_ticket, world
from steward.tests.test_phone_width import PHONE, _phone
from steward.tests.test_phone_width import browser as browser  # the fixture

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(scorecard_mod, "scorecard", pack_fakes.scorecard)
    monkeypatch.setattr(downtime, "value", pack_fakes.value)
    monkeypatch.setattr(recurring, "clusters", pack_fakes.clusters)
    yield


@pytest.mark.parametrize("language", ["en", "zh-hans", "el"])
def test_the_portal_pack_reads_on_a_phone(
    browser: Browser, live_server: LiveServer, fakes: None, language: str
) -> None:
    w = world()
    for n in range(6):
        make_ticket(
            w.acme,
            title=f"Ticket {n}",
            at=datetime(2026, 7, 2, 10, tzinfo=UTC) + timedelta(days=15 * n),
        )
    w.acme_admin.language = language
    w.acme_admin.save()
    desktop: ViewportSize = {"width": 1280, "height": 900}
    for viewport, size in ((PHONE, "390"), (desktop, "1280")):
        context = _phone(browser, live_server, w.acme_admin, viewport)
        page = context.new_page()
        page.goto(f"{live_server.url}/portal/reports/pack/?from=2026-07-01&to=2026-09-30")
        page.wait_for_load_state("networkidle")
        assert page.locator(".pack section").count() >= 7
        charts = page.locator(".pack figure.chart img")
        assert charts.count() == 4
        # Each chart is drawn, not a broken image.
        assert page.evaluate(
            "[...document.querySelectorAll('.pack figure.chart img')]"
            ".every(i => i.complete && i.naturalWidth > 0)"
        )
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"pack-portal-{language}-{size}.png"), full_page=True)
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
            " > window.innerWidth + 1 && !e.closest('.table-responsive, .overflow-auto'))"
            ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' '"
            " + (e.textContent || '').slice(0, 40))"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], wide
        context.close()


def test_the_desk_preview_offers_the_pdf(
    browser: Browser, live_server: LiveServer, fakes: None
) -> None:
    w = world()
    context = _phone(browser, live_server, w.tech, {"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/desk/reports/{w.acme.pk}/pack/?from=2026-07-01&to=2026-09-30")
    with page.expect_download() as download:
        page.click("text=Download PDF")
    assert download.value.suggested_filename == (f"review-{w.acme.code}-2026-07-01-2026-09-30.pdf")
    page.screenshot(path=str(SHOTS / "pack-desk-en-1280.png"), full_page=True)
    context.close()
