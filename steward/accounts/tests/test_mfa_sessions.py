"""Two-factor sign-in holds on every path in: the admin's login, sessions made without it."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Role, User
from steward.test import make_org, make_user

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "the-right-password-1"
pytestmark = pytest.mark.django_db


def _code() -> str:
    code: str = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))
    return code


def _admin_with_totp() -> User:
    cache.clear()
    admin = make_user(Role.ADMIN, email="root@provider.example", password=PASSWORD)
    TOTP.activate(admin, SECRET)
    return admin


def _refused_everywhere(client: Client) -> None:
    assert client.get(reverse("desk:dashboard")).status_code == 302
    assert client.get("/admin/desk/ticket/").status_code == 302
    assert client.get("/api/v1/tickets").status_code == 401
    assert "_auth_user_id" not in client.session


def test_it_sends_the_admin_login_to_the_sign_in_with_its_second_factor() -> None:
    _admin_with_totp()
    client = Client()
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "root@provider.example", "password": PASSWORD}
    )
    # The admin's own form no longer takes a password: it hands over to allauth's sign-in.
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    _refused_everywhere(client)


def test_it_lets_an_admin_in_after_the_password_and_the_code() -> None:
    _admin_with_totp()
    client = Client()
    response = client.post(
        reverse("account_login") + "?next=/admin/",
        {"login": "root@provider.example", "password": PASSWORD},
    )
    assert response["Location"] == reverse("mfa_authenticate")
    # The password alone signs in to nothing.
    assert client.get("/admin/desk/ticket/").status_code == 302
    response = client.post(reverse("mfa_authenticate"), {"code": _code()})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/desk/ticket/").status_code == 200
    assert client.get(reverse("desk:dashboard")).status_code == 200
    assert client.get("/api/v1/tickets").status_code == 200


def test_it_signs_out_a_session_that_skipped_the_second_factor() -> None:
    admin = _admin_with_totp()
    client = Client()
    client.force_login(admin)  # as django.contrib.auth.login does, without allauth's stages
    _refused_everywhere(client)


def test_it_signs_out_a_client_session_that_skipped_the_second_factor() -> None:
    cache.clear()
    user = make_user(Role.CLIENT_USER, make_org())
    TOTP.activate(user, SECRET)
    client = Client()
    client.force_login(user)
    response = client.get(reverse("portal:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session


def test_it_keeps_a_session_that_set_up_its_second_factor_after_signing_in() -> None:
    cache.clear()
    tech = make_user(Role.TECHNICIAN)
    client = Client()
    client.force_login(tech)
    assert client.get(reverse("desk:dashboard")).status_code == 200
    TOTP.activate(tech, SECRET)
    assert client.get(reverse("desk:dashboard")).status_code == 200
    # Signing in again from now on takes the code.
    other = Client()
    other.force_login(tech)
    assert other.get(reverse("desk:dashboard")).status_code == 302


def test_it_keeps_sessions_of_people_without_a_second_factor() -> None:
    tech = make_user(Role.TECHNICIAN)
    client = Client()
    client.force_login(tech)
    assert client.get(reverse("desk:dashboard")).status_code == 200
    assert client.get("/api/v1/tickets").status_code == 200
