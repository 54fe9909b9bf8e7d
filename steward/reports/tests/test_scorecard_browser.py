"""The scorecard in a real browser: on a phone (390 px) nothing scrolls sideways, in English,
Chinese and Greek, for the provider and the client admin; the charts are drawn."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page
from pytest_django.live_server_helper import LiveServer

from steward.desk import actions
from steward.desk.tests.test_browser import PASSWORD, _shot, browser  # noqa: F401
from steward.test import make_ticket, world

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _page(browser: Browser, live_server: LiveServer, email: str, width: int) -> Page:  # noqa: F811
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")
    return page


def test_the_scorecard_fits_a_phone_in_every_language(
    browser: Browser,  # noqa: F811
    live_server: LiveServer,
) -> None:
    w = world()
    w.acme.agreements.update(kpi_targets={"sla_compliance": 95, "csat": 4.5})
    now = timezone.now()
    for days, impact, source in (
        (3, "high", "phone"),
        (5, "medium", "email"),
        (8, "low", "portal"),
    ):
        t = make_ticket(
            w.acme,
            requester=w.acme_user,
            impact=impact,
            source=source,
            at=now - timedelta(days=days),
        )
        actions.post_message(t, w.tech, "On it", at=now - timedelta(days=days, hours=-1))
        actions.change_status(t, "resolved", w.tech, at=now - timedelta(days=days, hours=-3))
    make_ticket(w.acme, requester=w.acme_user, at=now - timedelta(days=100))
    pages = (
        (w.tech, f"/desk/reports/{w.acme.pk}/scorecard/", "desk"),
        (w.acme_admin, "/portal/reports/scorecard/", "portal"),
    )
    for language in ("en", "zh-hans", "el"):
        for user, path, name in pages:
            user.language = language
            user.save(update_fields=["language"])
            for width in (390, 1280):
                page = _page(browser, live_server, user.email, width)
                page.goto(live_server.url + path)
                assert page.locator("[data-kpi=sla_compliance]").count() == 1
                assert page.locator(".progress-bar").count() >= 3  # priorities and sources
                scroll = page.evaluate("document.documentElement.scrollWidth")
                assert scroll <= width, (language, name, width, scroll)
                _shot(page, f"scorecard-{name}-{language}-{width}")
                page.close()
