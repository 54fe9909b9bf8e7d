"""Who may open the settings pages, and who may change them."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from steward.accounts.models import Organization, Provider, User
from steward.test import ScanningClient, World, covers, world

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + bytes(24)
ALL = (
    "settings:index",
    "settings:provider",
    "settings:logo",
    "settings:organizations",
    "settings:organization_new",
    "settings:organization",
    "settings:people",
    "settings:contacts",
    "settings:invite",
    "settings:person",
    "settings:person_invite",
)


@pytest.fixture
def w() -> World:
    return world()


def _urls(w: World) -> dict[str, tuple[str, str]]:
    return {
        "settings:index": ("get", reverse("settings:index")),
        "settings:provider": ("get", reverse("settings:provider")),
        "settings:logo": ("get", reverse("settings:logo")),
        "settings:organizations": ("get", reverse("settings:organizations")),
        "settings:organization_new": ("get", reverse("settings:organization_new")),
        "settings:organization": ("get", reverse("settings:organization", args=[w.acme.pk])),
        "settings:people": ("get", reverse("settings:people")),
        "settings:contacts": ("get", reverse("settings:contacts")),
        "settings:invite": ("get", reverse("settings:invite")),
        "settings:person": ("get", reverse("settings:person", args=[w.acme_user.pk])),
        "settings:person_invite": (
            "post",
            reverse("settings:person_invite", args=[w.acme_user.pk]),
        ),
    }


@covers(*ALL, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for name, (method, url) in _urls(w).items():
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@covers(*ALL, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    # Settings span every client: technicians and client contacts are told they do not exist.
    Provider.current().logo.save("logo.png", ContentFile(PNG))
    for user in (w.tech, w.acme_admin, w.acme_user, w.globex_user):
        client = ScanningClient(user)
        for name, (method, url) in _urls(w).items():
            if name == "settings:logo":
                continue  # Everyone signed in sees the provider's logo.
            assert getattr(client, method)(url).status_code == 404, (user, name)
    for user in (w.admin, w.manager):
        assert ScanningClient(user).get(reverse("settings:organizations")).status_code == 200


def test_it_serves_the_logo_to_anyone_signed_in_and_nothing_else(w: World) -> None:
    Provider.current().logo.save("logo.png", ContentFile(PNG))
    response = ScanningClient(w.globex_user).get(reverse("settings:logo"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert Client().get(f"/media/{Provider.current().logo.name}").status_code == 404


@covers(
    "settings:provider",
    "settings:invite",
    "settings:person",
    "settings:person_invite",
    kinds=("role",),
)
def test_it_lets_only_admins_change_the_provider_and_people(w: World) -> None:
    client = ScanningClient(w.manager)
    before = Provider.current().name
    r = client.post(reverse("settings:provider"), {"name": "Taken over", "payment_terms_days": 30})
    assert r.status_code == 403
    assert Provider.current().name == before
    r = client.post(
        reverse("settings:invite"),
        {"email": "new@acme.example", "name": "New", "role": "admin"},
    )
    assert r.status_code == 403
    assert not User.objects.filter(email="new@acme.example").exists()
    url = reverse("settings:person", args=[w.tech.pk])
    assert client.post(url, {"role": "admin", "is_active": "on"}).status_code == 403
    w.tech.refresh_from_db()
    assert w.tech.role == "technician"
    invite_url = reverse("settings:person_invite", args=[w.acme_user.pk])
    assert client.post(invite_url).status_code == 403
    # The manager reads the details, without a save button.
    page = client.get(reverse("settings:provider")).content.decode()
    assert "Only a provider admin may change these details." in page
    assert 'name="legal_name"' in page and "disabled" in page


@covers("settings:organization_new", "settings:organization", kinds=("role",))
def test_it_lets_managers_but_no_one_else_change_organizations(w: World) -> None:
    data = {
        "name": "Initech",
        "code": "INIT",
        "status": "active",
        "timezone": "Europe/Athens",
        "language": "en",
        "hourly_cost_per_user": "30",
    }
    for user in (w.tech, w.acme_admin):
        r = ScanningClient(user).post(reverse("settings:organization_new"), data)
        assert r.status_code == 404
        url = reverse("settings:organization", args=[w.acme.pk])
        assert ScanningClient(user).post(url, {**data, "code": "ACME"}).status_code == 404
    assert not Organization.objects.filter(code="INIT").exists()
    r = ScanningClient(w.manager).post(reverse("settings:organization_new"), data)
    assert r.status_code == 302
    assert Organization.objects.filter(code="INIT").exists()


def test_it_shows_settings_in_the_menu_to_admins_and_managers_only(w: World) -> None:
    link = f'href="{reverse("settings:index")}"'
    for user in (w.admin, w.manager):
        assert link in ScanningClient(user).get(reverse("desk:dashboard")).content.decode()
    page = ScanningClient(w.tech).get(reverse("desk:dashboard")).content.decode()
    # A technician reads the service levels, and is not shown the settings.
    assert link not in page and f'href="{reverse("policies:policies")}"' in page
