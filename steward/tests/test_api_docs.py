"""The API docs page works offline: Swagger UI is served by this site, under its CSP."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser
from pytest_django.live_server_helper import LiveServer

from steward.tests.test_phone_width import browser as browser  # the fixture

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_docs_render_every_operation_from_this_site_alone(
    browser: Browser, live_server: LiveServer
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    asked: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: asked.append(r.url))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/api/v1/docs")
    page.locator(".opblock").first.wait_for(timeout=15_000)
    assert page.locator(".opblock").count() > 30
    assert page.locator(".info .title").inner_text().startswith("Steward API")
    here = urlsplit(live_server.url).netloc
    assert [u for u in asked if urlsplit(u).netloc != here and not u.startswith("data:")] == []
    assert problems == []  # a script the CSP refused would say so here
    page.close()
