"""At phone width (390 px) the menu folds away and no page scrolls sideways.

Every desk, portal, billing, mail and account page that answers a GET is opened in headless
Chromium as each role that may use it, with the rows of `test_role_access`; a wide table may
scroll inside its own `.table-responsive` box, the page itself may not.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, ViewportSize
from pytest_django.live_server_helper import LiveServer

from steward.accounts.models import Role, User
from steward.lib.browser import CHROMIUM, CHROMIUM_ARGS
from steward.test import pages
from steward.tests.test_role_access import (
    ALLOWED,
    EVERYONE,
    HTML_POSTS,
    Acme,
    _page_url,
    _person,
)
from steward.tests.test_role_access import acme as acme  # the fixture

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE: ViewportSize = {"width": 390, "height": 844}
# Downloads, not pages.
NOT_PAGES = {
    "desk:attachment",
    "portal:attachment",
    "mail:original",
    "billing:invoice_pdf",
    "billing:invoice_csv",
    "billing_portal:invoice_pdf",
    "billing_portal:invoice_csv",
    "billing:invoice_ubl",
    "billing_portal:invoice_ubl",
    "billing:invoice_export",
    "vault:asset_export",
    "reports:pack_pdf",
    "reports_portal:pack_pdf",
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Chromium is missing: apt-get install chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _phone(
    browser: Browser, live_server: LiveServer, user: User | None, viewport: ViewportSize = PHONE
) -> BrowserContext:
    context = browser.new_context(viewport=viewport)
    if user is not None:
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
        )
    return context


def _pages_of(role: Role) -> list[str]:
    return [
        name
        for name in sorted(pages())
        if role in ALLOWED[name] and name not in HTML_POSTS and name not in NOT_PAGES
    ]


def test_no_page_scrolls_sideways_on_a_phone(
    browser: Browser, live_server: LiveServer, acme: Acme
) -> None:
    wide = []
    opened = 0
    for role in sorted(EVERYONE):
        context = _phone(browser, live_server, _person(acme.w, role))
        page = context.new_page()
        for name in _pages_of(role):
            page.goto(live_server.url + _page_url(name, acme.ids))
            page.wait_for_load_state("networkidle")
            opened += 1
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                wide.append(f"{name} as {role}: {width} px")
        context.close()
    context = _phone(browser, live_server, None)
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
        wide.append("sign-in page")
    context.close()
    assert opened > 40
    assert wide == [], "\n".join(wide)


def test_the_menu_folds_behind_a_button_on_a_phone(
    browser: Browser, live_server: LiveServer, acme: Acme
) -> None:
    context = _phone(browser, live_server, acme.w.tech)
    page = context.new_page()
    page.goto(f"{live_server.url}/desk/")
    queue = page.locator(".steward-navbar a.nav-link", has_text="Queue")
    assert not queue.is_visible()
    page.click(".steward-navbar .navbar-toggler")
    queue.wait_for(state="visible", timeout=5000)
    context.close()
    # On a desktop the links are there without the button.
    context = _phone(browser, live_server, acme.w.tech, {"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{live_server.url}/desk/")
    assert page.locator(".steward-navbar a.nav-link", has_text="Queue").is_visible()
    assert not page.locator(".steward-navbar .navbar-toggler").is_visible()
    context.close()
