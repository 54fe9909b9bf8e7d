"""The sign-in page: the product's form, one way to a forgotten password, and in the demo
(only there) the demo accounts to sign in with."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from pytest_django import Settings

from steward.accounts.demo import PASSWORD
from steward.test import World, world

pytestmark = pytest.mark.django_db
LOGIN = "/accounts/login/"


@pytest.fixture
def w() -> World:
    return world()


@pytest.mark.parametrize(("lang", "forgot"), [("en", "Forgot your password?"), ("zh-hans", "忘记密码？"), ("el", "Ξεχάσατε τον κωδικό σας;")])  # fmt: skip  # noqa: E501
def test_it_offers_one_forgot_your_password_link(lang: str, forgot: str) -> None:
    page = Client(HTTP_ACCEPT_LANGUAGE=lang).get(LOGIN).content.decode()
    assert page.count('href="/accounts/password/reset/"') == 1
    assert page.count(forgot) == 1


def test_it_draws_the_form_as_the_rest_of_the_product() -> None:
    page = Client().get(LOGIN).content.decode()
    # Tabler's form controls and labels, not Django's bare `as_p` paragraphs.
    assert re.search(r'<input class="form-control[^"]*"[^>]*name="login"', page)
    assert re.search(r'<input class="form-control[^"]*"[^>]*name="password"', page)
    assert '<label class="form-label" for="id_login">' in page
    assert "<p>" not in page.split('class="card card-md"')[1].split("</form>")[0]


def test_a_failed_sign_in_never_writes_the_password_back(w: World) -> None:
    page = Client().post(LOGIN, {"login": w.tech.email, "password": "wrong-but-secret-42"})
    assert page.status_code == 200
    assert "wrong-but-secret-42" not in page.content.decode()
    assert w.tech.email in page.content.decode()  # the address stays filled in


def test_it_lists_the_demo_accounts_in_demo_mode(w: World, settings: Settings) -> None:
    settings.DEMO = True
    page = Client().get(LOGIN).content.decode()
    for user in (w.admin, w.tech, w.acme_admin, w.acme_user):
        assert f'data-demo-login="{user.email}"' in page
        assert str(user.get_role_display()) in page
    assert f'data-demo-password="{PASSWORD}"' in page
    assert w.acme.name in page


def test_it_never_lists_accounts_outside_the_demo(w: World) -> None:
    page = Client().get(LOGIN).content.decode()
    assert "data-demo-login" not in page
    assert w.admin.email not in page
