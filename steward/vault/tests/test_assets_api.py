"""The assets API: DESIGN.md's fields, filters, tenancy, roles and bad input."""

from __future__ import annotations

from typing import Any

import pytest

from steward.test import World, api_client, covers, patch_json, post_json, world
from steward.vault.models import Asset

pytestmark = pytest.mark.django_db

V = "/api/v1/assets"
LIST, ONE = "GET /api/v1/assets", "GET /api/v1/assets/{asset_id}"
CREATE, CHANGE, DELETE = (
    "POST /api/v1/assets",
    "PATCH /api/v1/assets/{asset_id}",
    "DELETE /api/v1/assets/{asset_id}",
)
FIELDS = {
    "id", "organization", "name", "kind", "make", "model", "serial", "location", "user_name",
    "purchased", "warranty_ends", "os", "os_version", "last_seen", "notes", "custom",
}  # fmt: skip


@pytest.fixture
def w() -> World:
    return world()


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "organization": w.acme.pk,
        "name": "FS01",
        "kind": "server",
        "make": "Dell",
        "model": "PowerEdge T150",
        "serial": "7XK2QH3",
        "location": "Server cupboard, 1F",
        "purchased": "2023-04-12",
        "warranty_ends": "2028-04-11",
        "os": "Windows Server",
        "os_version": "2022",
        "last_seen": "2026-12-01T08:00:00+02:00",
        "custom": {"asset tag": "A-0042", "UPS": "APC 1500"},
    }
    body.update(kw)
    return body


def _asset(org: Any, name: str = "Laptop", **kw: Any) -> Asset:
    return Asset.objects.create(organization=org, name=name, kind=kw.pop("kind", "laptop"), **kw)


def test_it_creates_reads_changes_and_deletes_an_asset(w: World) -> None:
    client = api_client(w.tech)
    response = post_json(client, V, _body(w))
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == FIELDS
    assert body["custom"] == {"asset tag": "A-0042", "UPS": "APC 1500"}
    assert (body["purchased"], body["warranty_ends"]) == ("2023-04-12", "2028-04-11")
    assert body["last_seen"] == "2026-12-01T06:00:00.000000+00:00"
    one = f"{V}/{body['id']}"
    assert api_client(w.acme_user).get(one).json() == body
    response = patch_json(client, one, {"user_name": "Maria P.", "warranty_ends": None})
    assert response.status_code == 200, response.content
    assert (response.json()["user_name"], response.json()["warranty_ends"]) == ("Maria P.", None)
    assert response.json()["name"] == "FS01"
    assert client.delete(one).status_code == 204
    assert client.get(one).status_code == 404


@covers(LIST, kinds=("tenancy", "login"))
def test_it_lists_only_visible_assets_and_filters_them(w: World) -> None:
    _asset(w.acme, "Laptop Maria", user_name="Maria")
    _asset(w.acme, "FS01", kind="server", serial="SRV-9")
    _asset(w.globex, "Globex laptop")

    def names(client: Any, query: str = "") -> list[str]:
        return [a["name"] for a in client.get(f"{V}{query}").json()["items"]]

    assert names(api_client(w.acme_user)) == ["FS01", "Laptop Maria"]
    assert names(api_client(w.globex_user)) == ["Globex laptop"]
    assert names(api_client(w.tech)) == ["FS01", "Laptop Maria"]
    assert names(api_client(w.admin), f"?organization={w.acme.pk}&kind=server") == ["FS01"]
    assert names(api_client(w.admin), "?q=maria") == ["Laptop Maria"]
    assert names(api_client(w.admin), "?q=srv-9") == ["FS01"]
    response = api_client(w.admin).get(f"{V}?kind=toaster")
    assert response.status_code == 422 and response.json()["field"] == "kind"
    assert api_client(w.admin).get(V, HTTP_AUTHORIZATION="").status_code == 401


@covers(ONE, CHANGE, DELETE, kinds=("tenancy", "login"))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = _asset(w.globex, "Globex server")
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = api_client(user)
        assert client.get(f"{V}/{theirs.pk}").status_code == 404
        assert patch_json(client, f"{V}/{theirs.pk}", {"name": "x"}).status_code == 404
        assert client.delete(f"{V}/{theirs.pk}").status_code == 404
    assert Asset.objects.get(pk=theirs.pk).name == "Globex server"
    assert api_client(w.tech).get(f"{V}/{theirs.pk}", HTTP_AUTHORIZATION="").status_code == 401


@covers(CREATE, kinds=("tenancy", "login"))
def test_it_refuses_to_create_in_another_organization(w: World) -> None:
    response = post_json(api_client(w.tech), V, _body(w, organization=w.globex.pk))
    assert response.status_code == 422 and response.json()["field"] == "organization"
    assert not Asset.objects.exists()


@covers(CREATE, CHANGE, DELETE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    mine = _asset(w.acme)
    client = api_client(w.acme_user)
    assert post_json(client, V, _body(w)).status_code == 403
    assert patch_json(client, f"{V}/{mine.pk}", {"name": "x"}).status_code == 403
    assert client.delete(f"{V}/{mine.pk}").status_code == 403
    assert list(Asset.objects.values_list("name", flat=True)) == ["Laptop"]
    # The client's administrators keep their own documentation.
    admin = api_client(w.acme_admin)
    assert post_json(admin, V, _body(w, name="Printer 2F", kind="printer")).status_code == 201
    assert patch_json(admin, f"{V}/{mine.pk}", {"name": "Laptop 7"}).status_code == 200


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "toaster"}, "kind"),
        ({"purchased": "last spring"}, "purchased"),
        ({"warranty_ends": "2026-02-30"}, "warranty_ends"),
        ({"last_seen": "yesterday"}, "last_seen"),
        ({"custom": ["a"]}, "custom"),
        ({"custom": {"tag": 42}}, "custom"),
        ({"custom": "tag=1"}, "custom"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"serial": "x" * 101}, "serial"),
        ({"organization": 999999}, "organization"),
        ({"organization": "1"}, "organization"),
    ],
)
def test_it_names_the_bad_field(w: World, changes: dict[str, Any], field: str) -> None:
    response = post_json(api_client(w.admin), V, _body(w, **changes))
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert not Asset.objects.exists()


def test_it_names_the_bad_field_of_a_change_and_changes_nothing(w: World) -> None:
    asset = _asset(w.acme, custom={"tag": "1"})
    client = api_client(w.admin)
    for changes, field in (
        ({"name": "New", "kind": "toaster"}, "kind"),
        ({"name": "New", "custom": {"tag": None}}, "custom"),
        ({"name": None}, "name"),
        ({"name": "New", "purchased": "soon"}, "purchased"),
    ):
        response = patch_json(client, f"{V}/{asset.pk}", changes)
        assert response.status_code == 422, (changes, response.content)
        assert response.json()["field"] == field
    asset.refresh_from_db()
    assert (asset.name, asset.custom) == ("Laptop", {"tag": "1"})
