"""A newcomer never meets a Django debug page: 400, 403 (and a CSRF failure), 404 and 500 are
the product's own pages, in the reader's language. (The demo serves with DEBUG off for this:
steward/scheduler/tests/test_demo.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from steward.test import World, world

pytestmark = pytest.mark.django_db

# What each page says, by language: the product's words, not Django's.
SAYS = {
    400: {
        "en": "This request could not be understood.",
        "zh-hans": "无法理解此请求。",
        "el": "Αυτό το αίτημα δεν ήταν κατανοητό.",
    },
    "csrf": {
        "en": "This form has expired.",
        "zh-hans": "此表单已过期。",
        "el": "Αυτή η φόρμα έχει λήξει.",
    },
    404: {
        "en": "There is nothing here.",
        "zh-hans": "这里什么也没有。",
        "el": "Δεν υπάρχει τίποτα εδώ.",
    },
    500: {
        "en": "Something went wrong on our side.",
        "zh-hans": "我们这边出了问题。",
        "el": "Κάτι πήγε στραβά από τη μεριά μας.",
    },
}
LANGS = ["en", "zh-hans", "el"]


def _product_page(response: Any, status: int, says: str, lang: str) -> None:
    page = response.content.decode()
    assert response.status_code == status
    assert 'class="navbar d-print-none steward-navbar"' in page or "steward-navbar" in page
    assert f'<html lang="{lang}">' in page
    assert says in page
    for debug in ("Traceback", "DEBUG = True", "CSRF verification failed", "Page not found at"):
        assert debug not in page


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_page_is_the_products_404(lang: str) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE=lang).get("/no/such/page/")
    _product_page(response, 404, SAYS[404][lang], lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_form_sent_without_its_csrf_token_gets_the_products_page(lang: str) -> None:
    client = Client(enforce_csrf_checks=True, HTTP_ACCEPT_LANGUAGE=lang)
    response = client.post("/accounts/login/", {"login": "a@b.example", "password": "x"})
    _product_page(response, 403, SAYS["csrf"][lang], lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_request_gets_the_products_400(lang: str) -> None:
    response = Client(HTTP_ACCEPT_LANGUAGE=lang).get("/", HTTP_HOST="not-this-site.example")
    _product_page(response, 400, SAYS[400][lang], lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_crash_gets_the_products_500(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def cursor(self) -> Any:
            raise RuntimeError("the database went away")

    monkeypatch.setattr("steward.views.connection", Broken())
    client = Client(HTTP_ACCEPT_LANGUAGE=lang)
    client.raise_request_exception = False
    response = client.get("/healthz")
    _product_page(response, 500, SAYS[500][lang], lang)
    assert "the database went away" not in response.content.decode()


def test_a_signed_in_client_gets_the_products_404_with_the_menu() -> None:
    w: World = world()
    client = Client()
    client.force_login(w.acme_user)
    page = client.get("/portal/tickets/NOPE-1/").content.decode()
    assert "There is nothing here." in page
    assert "navbar-toggler" in page
