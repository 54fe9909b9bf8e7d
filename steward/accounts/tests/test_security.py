"""Sign-in security: Argon2, TOTP secrets at rest, one-time TOTP codes, MFA by role, lock-out."""

from __future__ import annotations

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from steward.accounts.adapters import decrypt_secret
from steward.accounts.models import Organization, Role
from steward.test import make_org, make_user

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
pytestmark = pytest.mark.django_db


def _current_code() -> str:
    code: str = format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))
    return code


def test_it_hashes_passwords_with_argon2_in_production() -> None:
    from steward import settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_it_stores_totp_secrets_encrypted() -> None:
    user = make_user(Role.TECHNICIAN)
    TOTP.activate(user, SECRET)
    stored = Authenticator.objects.get(user=user).data["secret"]
    assert SECRET not in stored
    assert stored.startswith("aesgcm1:")
    assert decrypt_secret(stored, "mfa") == SECRET


def test_it_accepts_a_totp_code_only_once() -> None:
    cache.clear()
    user = make_user(Role.TECHNICIAN)
    totp = TOTP.activate(user, SECRET)
    code = _current_code()
    assert totp.validate_code(code)
    # Replaying the same code (from any web worker: the cache is shared) is refused.
    assert not TOTP(Authenticator.objects.get(user=user)).validate_code(code)


def test_it_shares_the_cache_between_processes() -> None:
    backend = settings.CACHES["default"]["BACKEND"]
    assert "locmem" not in backend.lower()


@override_settings(MFA_REQUIRED_ROLES=["technician"])
def test_it_sends_roles_that_require_mfa_to_set_it_up() -> None:
    tech = make_user(Role.TECHNICIAN)
    client = Client()
    client.force_login(tech)
    response = client.get(reverse("desk:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")
    TOTP.activate(tech, SECRET)
    assert client.get(reverse("desk:dashboard")).status_code == 200


@override_settings(MFA_REQUIRED_ROLES=["technician"])
def test_it_lets_other_roles_in_without_mfa() -> None:
    manager = make_user(Role.MANAGER)
    client = Client()
    client.force_login(manager)
    assert client.get(reverse("desk:dashboard")).status_code == 200


def test_it_locks_out_after_repeated_failed_sign_ins() -> None:
    cache.clear()
    make_user(
        Role.CLIENT_USER,
        make_org_for_lockout(),
        email="victim@acme.example",
        password="the-right-password-1",
    )
    client = Client()
    url = reverse("account_login")
    for _ in range(5):
        response = client.post(url, {"login": "victim@acme.example", "password": "wrong"})
        assert response.status_code == 200
    # Even the right password is refused for a while after five failures.
    response = client.post(
        url, {"login": "victim@acme.example", "password": "the-right-password-1"}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_it_signs_in_by_email() -> None:
    cache.clear()
    make_user(
        Role.CLIENT_USER,
        make_org_for_lockout(),
        email="andy@acme.example",
        password="the-right-password-1",
    )
    client = Client()
    response = client.post(
        reverse("account_login"), {"login": "Andy@Acme.example", "password": "the-right-password-1"}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_it_offers_no_public_sign_up() -> None:
    response = Client().get(reverse("account_signup"))
    assert response.status_code in (200, 403)
    assert b'name="password2"' not in response.content


def make_org_for_lockout() -> Organization:
    return make_org()
