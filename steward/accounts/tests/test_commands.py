"""`steward createtoken`, the settings check and the e-mail URL parser."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from steward.accounts.models import ApiToken, Role
from steward.checks import check_secret_key
from steward.lib.emails import parse_email_url
from steward.settings import DEV_SECRET_KEY
from steward.test import make_user


@pytest.mark.django_db
def test_it_prints_a_token_that_authenticates_its_user() -> None:
    user = make_user(Role.TECHNICIAN, email="tess@provider.example")
    out = StringIO()
    call_command("createtoken", "Tess@Provider.example", stdout=out)
    raw = out.getvalue().strip()
    assert raw.startswith("stw_")
    assert ApiToken.authenticate(raw) == user
    # Only the hash is stored.
    assert not ApiToken.objects.filter(key_hash=raw).exists()
    assert raw not in str(list(ApiToken.objects.values()))


@pytest.mark.django_db
def test_it_refuses_an_unknown_email() -> None:
    with pytest.raises(CommandError, match="No active user"):
        call_command("createtoken", "nobody@example.com")


@pytest.mark.django_db
def test_it_stops_authenticating_a_revoked_token() -> None:
    user = make_user(Role.TECHNICIAN)
    token, raw = ApiToken.issue(user)
    token.revoke()
    assert ApiToken.authenticate(raw) is None


def test_it_refuses_the_development_key_without_debug() -> None:
    with override_settings(DEBUG=False, SECRET_KEY=DEV_SECRET_KEY):
        assert [e.id for e in check_secret_key()] == ["steward.E001"]
    with override_settings(DEBUG=True, SECRET_KEY=DEV_SECRET_KEY):
        assert check_secret_key() == []


def test_it_reads_email_urls() -> None:
    cfg = parse_email_url("smtp+tls://ops%40acme.example:s3cret@mail.acme.example:2525")
    options = cfg["OPTIONS"]
    assert options["host"] == "mail.acme.example"
    assert options["port"] == 2525
    assert options["username"] == "ops@acme.example"
    assert options["use_tls"] is True
    assert parse_email_url("smtps://mail.example")["OPTIONS"]["port"] == 465
    with pytest.raises(ValueError, match="unknown scheme"):
        parse_email_url("ftp://mail.example")


@pytest.mark.django_db
def test_it_creates_a_superuser_without_prompting(monkeypatch: pytest.MonkeyPatch) -> None:
    from steward.accounts.models import User

    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "Root@Provider.example")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-enough-password")
    call_command("createsuperuser", "--noinput", stdout=StringIO())
    user = User.objects.get(email="root@provider.example")
    assert user.role == Role.ADMIN
    assert user.is_superuser and user.is_staff
    assert user.check_password("a-long-enough-password")


@pytest.mark.django_db
def test_it_opens_the_admin_site_to_provider_admins_only() -> None:
    from django.test import Client

    from steward.test import make_org

    admin = make_user(Role.ADMIN)
    client = Client()
    client.force_login(admin)
    assert client.get("/admin/desk/ticket/").status_code == 200
    for user in (make_user(Role.MANAGER), make_user(Role.CLIENT_ADMIN, make_org())):
        client.force_login(user)
        assert client.get("/admin/desk/ticket/").status_code == 302
