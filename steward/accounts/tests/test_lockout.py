"""Every form that takes a password shares the same failed-attempt limits and lock-out."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Role, User
from steward.test import make_user

PASSWORD = "the-right-password-1"
pytestmark = pytest.mark.django_db


def _guess(client: Client, url: str, password: str) -> int:
    data = {"login": "root@provider.example", "username": "root@provider.example"}
    return client.post(url, {**data, "password": password}).status_code


@pytest.mark.parametrize("url", ["/admin/login/", "/accounts/login/"])
def test_it_refuses_the_right_password_after_many_wrong_ones(url: str) -> None:
    cache.clear()
    make_user(Role.ADMIN, email="root@provider.example", password=PASSWORD)
    client = Client()
    for n in range(25):
        _guess(client, url, f"wrong-password-{n}")
    _guess(client, url, PASSWORD)
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    # Refused for the lock-out, not for a wrong form: once it is over, the password works.
    cache.clear()
    _guess(client, "/accounts/login/", PASSWORD)
    assert "_auth_user_id" in client.session


def test_it_limits_password_changes_from_the_admin_as_well() -> None:
    cache.clear()
    admin = make_user(Role.ADMIN, password=PASSWORD)
    client = Client()
    client.force_login(admin)
    new = "a-brand-new-password-9"
    fields = {"password1": new, "password2": new, "new_password1": new, "new_password2": new}
    for url in ("/admin/password_change/", reverse("account_change_password")):
        for n in range(6):
            client.post(url, {**fields, "oldpassword": f"no-{n}", "old_password": f"no-{n}"})
        response = client.post(url, {**fields, "oldpassword": PASSWORD, "old_password": PASSWORD})
        assert response.status_code in (302, 429)
        assert User.objects.get(pk=admin.pk).check_password(PASSWORD), url
        # Refused for the limit, not for a wrong form: once it is over, the form that takes
        # the password (the admin's sends people there) changes it.
        cache.clear()
        client.post(
            reverse("account_change_password"),
            {**fields, "oldpassword": PASSWORD, "old_password": PASSWORD},
        )
        admin = User.objects.get(pk=admin.pk)
        assert admin.check_password(new), url
        admin.set_password(PASSWORD)
        admin.save()
        client.force_login(admin)
