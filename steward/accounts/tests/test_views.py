"""The account pages: profile, language, API tokens."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from steward.accounts.models import ApiToken
from steward.test import ScanningClient, World, covers, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


@covers("accounts:profile", "accounts:tokens", "accounts:revoke_token", kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for url in (reverse("accounts:profile"), reverse("accounts:tokens")):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert Client().post(reverse("accounts:revoke_token", args=[1])).status_code == 302


@covers("accounts:profile", "accounts:tokens", "accounts:revoke_token", kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    """Someone else's token cannot be revoked, nor even found."""
    token, _ = ApiToken.issue(w.globex_user, "globex-marker-9c07 sync")
    client = ScanningClient(w.acme_admin)
    assert client.post(reverse("accounts:revoke_token", args=[token.pk])).status_code == 404
    assert b"globex-marker-9c07" not in client.get(reverse("accounts:tokens")).content
    token.refresh_from_db()
    assert token.revoked_at is None


@covers("accounts:profile", "accounts:tokens", "accounts:revoke_token", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    """Revoking is a POST: a GET (a link in a mail, a prefetch) changes nothing."""
    token, _ = ApiToken.issue(w.acme_user)
    response = ScanningClient(w.acme_user).get(reverse("accounts:revoke_token", args=[token.pk]))
    assert response.status_code == 405
    token.refresh_from_db()
    assert token.revoked_at is None


def test_it_switches_the_language_at_once(w: World) -> None:
    client = ScanningClient(w.acme_user)
    response = client.post(
        reverse("accounts:profile"),
        {"name": "Andy", "phone": "", "language": "el", "timezone": "Europe/Athens"},
    )
    assert response.status_code == 302
    w.acme_user.refresh_from_db()
    assert w.acme_user.language == "el"
    page = client.get(reverse("portal:home"))
    assert page.headers["Content-Language"] == "el"
    assert "Τα αιτήματά σας" in page.content.decode()


def test_it_defaults_to_the_organizations_language(w: World) -> None:
    page = ScanningClient(w.globex_user).get(reverse("portal:home"))
    assert page.headers["Content-Language"] == "zh-hans"
    assert "您的请求" in page.content.decode()


def test_it_translates_the_sign_in_page() -> None:
    for lang, text in (("el", "Σύνδεση στο Steward"), ("zh-hans", "登录 Steward")):
        page = Client(headers={"accept-language": lang}).get(reverse("account_login"))
        assert text in page.content.decode(), lang


def test_it_refuses_an_unknown_time_zone(w: World) -> None:
    response = ScanningClient(w.acme_user).post(
        reverse("accounts:profile"), {"name": "Andy", "language": "", "timezone": "Mars/Olympus"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["timezone"]


def test_it_shows_a_new_token_once(w: World) -> None:
    client = ScanningClient(w.tech)
    page = client.post(reverse("accounts:tokens"), {"name": "monitoring"})
    raw = page.context["new_token"]
    assert raw.startswith("stw_")
    assert raw.encode() in page.content
    assert ApiToken.authenticate(raw) == w.tech
    again = client.get(reverse("accounts:tokens"))
    assert raw.encode() not in again.content
    token = ApiToken.objects.get(user=w.tech)
    client.post(reverse("accounts:revoke_token", args=[token.pk]))
    assert ApiToken.authenticate(raw) is None


@pytest.mark.parametrize("lang", ["en", "zh-hans", "el"])
def test_it_shows_how_to_send_a_token_literally(w: World, lang: str) -> None:
    # The header is what a program sends: never translated (it was `<令牌>` in Chinese), and
    # its placeholder is text to copy, not a tag the browser swallows.
    w.tech.language = lang
    w.tech.save(update_fields=["language"])
    page = ScanningClient(w.tech).get(reverse("accounts:tokens")).content.decode()
    assert "Authorization: Bearer &lt;token&gt;</code>" in page


def test_it_follows_the_signed_in_user_not_the_last_cookie(w: World) -> None:
    client = ScanningClient(w.acme_user)
    client.post(reverse("set_language"), {"language": "el", "next": "/portal/"})
    w.acme_user.refresh_from_db()
    assert w.acme_user.language == "el"
    assert client.get(reverse("portal:home")).headers["Content-Language"] == "el"
    # Someone else signs in on the same browser: their language, not the cookie's.
    client.force_login(w.globex_user)
    client.user = w.globex_user
    assert client.get(reverse("portal:home")).headers["Content-Language"] == "zh-hans"
