"""Every page carries a Content-Security-Policy its scripts satisfy; signed-in pages are not
cached; the API docs load nothing from outside the site."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from steward.accounts.middleware import PrivateCacheMiddleware
from steward.billing import time
from steward.test import World, api_client, make_ticket, world

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
TAG = re.compile(r"<[a-zA-Z][^>]*>")
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.I)


def _nonce(response: Response) -> str:
    policy = response["Content-Security-Policy"]
    assert "unsafe-eval" not in policy
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src
    match = re.search(r"'nonce-([^']+)'", script_src)
    return match.group(1) if match else ""


def _assert_scripts_carry_the_nonce(url: str, response: Response) -> None:
    nonce = _nonce(response)
    html = response.content.decode()
    for attrs in SCRIPT.findall(html):
        if 'type="application/json"' in attrs:
            continue  # data for a script, never run
        assert f'nonce="{nonce}"' in attrs and nonce, f"{url}: <script{attrs}> has no nonce"
    for tag in TAG.findall(html):
        assert not INLINE_HANDLER.search(tag), f"{url}: inline event handler in {tag}"


@pytest.fixture
def w() -> World:
    return world()


def _pages(w: World) -> dict[str, tuple[Client, str]]:
    ticket = make_ticket(w.acme, actor=w.acme_user, requester=w.acme_user)
    time.log_time(ticket, w.tech, 20, "Site survey", billable=False)
    tech, client, admin = Client(), Client(), Client()
    tech.force_login(w.tech)
    client.force_login(w.acme_user)
    admin.force_login(w.admin)
    return {
        "dashboard": (tech, reverse("desk:dashboard")),
        "queue": (tech, reverse("desk:queue")),
        "ticket": (tech, reverse("desk:ticket", args=[ticket.number])),
        "tokens": (tech, reverse("accounts:tokens")),
        "portal": (client, reverse("portal:home")),
        "portal ticket": (client, reverse("portal:ticket", args=[ticket.number])),
        "admin ticket": (admin, f"/admin/desk/ticket/{ticket.pk}/change/"),
    }


def test_it_sends_a_policy_that_every_page_satisfies(w: World) -> None:
    pages = _pages(w)
    for name, (client, url) in pages.items():
        response = client.get(url)
        assert response.status_code == 200, name
        if name.startswith("admin"):
            _nonce(response)  # Django's admin: its scripts are files of this site
        else:
            _assert_scripts_carry_the_nonce(url, response)
    for url in (reverse("account_login"), "/admin/login/", "/api/v1/docs"):
        response = Client().get(url, follow=True)
        assert response.status_code == 200, url
        _assert_scripts_carry_the_nonce(url, response)


def test_it_keeps_signed_in_pages_out_of_caches(w: World) -> None:
    for name, (client, url) in _pages(w).items():
        cache_control = client.get(url)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control, name
    response = api_client(w.tech).get("/api/v1/tickets")
    assert "no-store" in response["Cache-Control"]
    # Static files keep their own caching, signed in or not.
    tech = Client()
    tech.force_login(w.tech)
    static = tech.get("/static/steward.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")


def test_it_serves_the_api_docs_from_this_site() -> None:
    response = Client().get("/api/v1/docs")
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    outside = [u for u in re.findall(r"https?://[^\s\"'<>]+", html) if "testserver" not in u]
    assert outside == []
    assert Client().get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_a_signed_in_response_with_its_own_cache_control_keeps_it(w: World) -> None:
    request = RequestFactory().get("/desk/")
    request.user = w.tech
    own = HttpResponse()
    own["Cache-Control"] = "private, max-age=60"
    assert PrivateCacheMiddleware(lambda r: own)(request)["Cache-Control"] == "private, max-age=60"
    bare = PrivateCacheMiddleware(lambda r: HttpResponse())(request)["Cache-Control"]
    assert "no-store" in bare and "private" in bare
