"""The organizations, users, tokens and me API."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from steward.accounts.models import ApiToken, Organization, User
from steward.test import World, api_client, covers, patch_json, post_json, token_for, world

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def test_it_creates_an_organization(w: World) -> None:
    response = post_json(
        api_client(w.manager),
        "/api/v1/organizations",
        {
            "name": "Thames Architects",
            "code": "tham",
            "timezone": "Europe/London",
            "language": "en",
            "calendar": w.calendar.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["code"] == "THAM"
    assert body["calendar"] == w.calendar.pk
    assert {"id", "name", "code", "timezone", "language", "calendar"} <= set(body)


def test_an_organization_keeps_its_cost_of_an_hour(w: World) -> None:
    url = f"/api/v1/organizations/{w.acme.pk}"
    assert api_client(w.manager).get(url).json()["hourly_cost_per_user"] == "30.00"
    response = patch_json(api_client(w.manager), url, {"hourly_cost_per_user": "42.50"})
    assert response.status_code == 200 and response.json()["hourly_cost_per_user"] == "42.50"
    w.acme.refresh_from_db()
    assert str(w.acme.hourly_cost_per_user) == "42.50"


@pytest.mark.parametrize(
    ("data", "field", "status"),
    [
        ({"timezone": "Europe/Atlantis"}, "timezone", 422),
        ({"language": "fr"}, "language", 422),
        ({"code": "a"}, "code", 422),
        ({"code": "ACME"}, "code", 409),
        ({"calendar": 424242}, "calendar", 422),
        ({"hourly_cost_per_user": "-1"}, "hourly_cost_per_user", 422),
        ({"hourly_cost_per_user": "12.345"}, "hourly_cost_per_user", 422),
    ],
)
def test_it_names_the_bad_organization_field(
    w: World, data: dict[str, Any], field: str, status: int
) -> None:
    body = {"name": "Newco", "code": "NEWCO", **data}
    response = post_json(api_client(w.admin), "/api/v1/organizations", body)
    assert response.status_code == status
    assert response.json()["field"] == field
    assert not Organization.objects.filter(name="Newco").exists()


@covers(
    "GET /api/v1/organizations",
    "GET /api/v1/organizations/{org_id}",
    "PATCH /api/v1/organizations/{org_id}",
    "POST /api/v1/organizations",
    "GET /api/v1/me",
    "GET /api/v1/tokens",
    "POST /api/v1/tokens",
    "DELETE /api/v1/tokens/{token_id}",
    "GET /api/v1/users",
    "POST /api/v1/users",
    "GET /api/v1/users/{user_id}",
    kinds=("tenancy",),
)
def test_it_hides_other_organizations(w: World) -> None:
    for user in (w.acme_user, w.tech):
        client = api_client(user)
        listed = [o["code"] for o in client.get("/api/v1/organizations").json()["items"]]
        assert listed == ["ACME"]
        assert client.get(f"/api/v1/organizations/{w.globex.pk}").status_code == 404
        assert (
            patch_json(client, f"/api/v1/organizations/{w.globex.pk}", {"name": "x"}).status_code
            == 404
        )
        assert client.get("/api/v1/me").json()["email"] == user.email
    globex_token, _ = ApiToken.issue(w.globex_user)
    client = api_client(w.acme_user)
    assert client.delete(f"/api/v1/tokens/{globex_token.pk}").status_code == 404
    assert client.get(f"/api/v1/users/{w.globex_user.pk}").status_code in (403, 404)
    globex_token.refresh_from_db()
    assert globex_token.revoked_at is None
    assert [t["id"] for t in client.get("/api/v1/tokens").json()] != [globex_token.pk]


@covers(
    "POST /api/v1/organizations",
    "PATCH /api/v1/organizations/{org_id}",
    "POST /api/v1/users",
    "GET /api/v1/users",
    "GET /api/v1/users/{user_id}",
    "POST /api/v1/tokens",
    "DELETE /api/v1/tokens/{token_id}",
    kinds=("role",),
)
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin):
        client = api_client(user)
        assert (
            post_json(client, "/api/v1/organizations", {"name": "x", "code": "XX"}).status_code
            == 403
        )
        assert (
            patch_json(client, f"/api/v1/organizations/{w.acme.pk}", {"name": "Hacked"}).status_code
            == 403
        )
    for user in (w.manager, w.tech, w.acme_admin):
        client = api_client(user)
        assert client.get("/api/v1/users").status_code == 403
        assert (
            post_json(
                client, "/api/v1/users", {"email": "x@example.com", "role": "admin"}
            ).status_code
            == 403
        )
        assert client.get(f"/api/v1/users/{w.admin.pk}").status_code == 403
    w.acme.refresh_from_db()
    assert w.acme.name != "Hacked"
    assert not User.objects.filter(email="x@example.com").exists()


def test_it_lets_provider_admins_manage_users(w: World) -> None:
    client = api_client(w.admin)
    response = post_json(
        client,
        "/api/v1/users",
        {
            "email": "Zoe@Acme.example",
            "name": "Zoe",
            "role": "client_user",
            "organization": w.acme.pk,
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["email"], body["role"], body["organization"]) == (
        "zoe@acme.example",
        "client_user",
        w.acme.pk,
    )
    emails = [
        u["email"] for u in client.get(f"/api/v1/users?organization={w.acme.pk}").json()["items"]
    ]
    assert "zoe@acme.example" in emails


@pytest.mark.parametrize(
    ("data", "field", "status"),
    [
        ({"email": "bad", "role": "technician"}, "email", 422),
        ({"email": "a@b.example", "role": "wizard"}, "role", 422),
        ({"email": "a@b.example", "role": "client_user"}, "organization", 422),
        ({"email": "a@b.example", "role": "technician", "organization": 1}, "organization", 422),
        ({"email": "a@b.example", "role": "client_user", "organization": 987}, "organization", 422),
    ],
)
def test_it_names_the_bad_user_field(
    w: World, data: dict[str, Any], field: str, status: int
) -> None:
    if data.get("organization") == 1:
        data["organization"] = w.acme.pk
    response = post_json(api_client(w.admin), "/api/v1/users", data)
    assert response.status_code == status
    assert response.json()["field"] == field
    assert not User.objects.filter(email="a@b.example").exists()


def test_it_refuses_a_duplicate_email(w: World) -> None:
    response = post_json(
        api_client(w.admin),
        "/api/v1/users",
        {"email": w.acme_user.email.upper(), "role": "technician"},
    )
    assert response.status_code == 409
    assert response.json()["field"] == "email"


def test_it_issues_and_revokes_tokens(w: World) -> None:
    client = api_client(w.tech)
    created = post_json(client, "/api/v1/tokens", {"name": "monitoring"})
    assert created.status_code == 201
    raw = created.json()["token"]
    mine = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert mine.get("/api/v1/me").json()["email"] == w.tech.email
    assert all("token" not in t for t in client.get("/api/v1/tokens").json())
    assert client.delete(f"/api/v1/tokens/{created.json()['id']}").status_code == 204
    assert mine.get("/api/v1/me").status_code == 401


def test_it_refuses_tokens_of_deactivated_users(w: World) -> None:
    raw = token_for(w.acme_user)
    w.acme_user.is_active = False
    w.acme_user.save()
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/v1/me").status_code == 401
