"""The vendors API: DESIGN.md's fields, who holds the account, tenancy, roles, bad input."""

from __future__ import annotations

from typing import Any

import pytest

from steward.test import World, api_client, covers, patch_json, post_json, world
from steward.vault import actions_docs
from steward.vault.models import Vendor

pytestmark = pytest.mark.django_db

V = "/api/v1/vendors"
LIST, ONE = "GET /api/v1/vendors", "GET /api/v1/vendors/{vendor_id}"
CREATE, CHANGE, DELETE = (
    "POST /api/v1/vendors",
    "PATCH /api/v1/vendors/{vendor_id}",
    "DELETE /api/v1/vendors/{vendor_id}",
)
FIELDS = {
    "id", "organization", "name", "kind", "account", "account_holder", "registered_to",
    "support_contact", "renews", "expires", "notes",
}  # fmt: skip


@pytest.fixture
def w() -> World:
    return world()


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "organization": w.acme.pk,
        "name": "Papaki",
        "kind": "registrar",
        "account": "acme-gr",
        "account_holder": "provider",
        "registered_to": "Acme S.A.",
        "support_contact": "support@papaki.example",
        "renews": "2027-03-01",
        "notes": "acme.gr and acme.com",
    }
    body.update(kw)
    return body


def _vendor(org: Any, name: str = "ISP", **kw: Any) -> Vendor:
    return Vendor.objects.create(organization=org, name=name, kind=kw.pop("kind", "isp"), **kw)


def test_it_creates_reads_changes_and_deletes_a_vendor(w: World) -> None:
    client = api_client(w.acme_admin)
    response = post_json(client, V, _body(w))
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == FIELDS
    assert (body["account_holder"], body["renews"], body["expires"]) == (
        "provider",
        "2027-03-01",
        None,
    )
    one = f"{V}/{body['id']}"
    assert api_client(w.tech).get(one).json() == body
    response = patch_json(client, one, {"account_holder": "client", "expires": "2027-03-31"})
    assert response.status_code == 200, response.content
    assert (response.json()["account_holder"], response.json()["expires"]) == (
        "client",
        "2027-03-31",
    )
    assert client.delete(one).status_code == 204
    assert not Vendor.objects.exists()


@covers(LIST, kinds=("tenancy", "login"))
def test_it_lists_only_visible_vendors_and_filters_them(w: World) -> None:
    _vendor(w.acme, "Cosmote", account_holder="client")
    _vendor(w.acme, "Papaki", kind="registrar", account_holder="provider")
    _vendor(w.globex, "China Telecom")

    def names(user: Any, query: str = "") -> list[str]:
        return [v["name"] for v in api_client(user).get(f"{V}{query}").json()["items"]]

    assert names(w.acme_user) == ["Cosmote", "Papaki"]
    assert names(w.globex_user) == ["China Telecom"]
    assert names(w.admin, f"?organization={w.acme.pk}&kind=registrar") == ["Papaki"]
    assert names(w.acme_user, "?account_holder=provider") == ["Papaki"]
    for query, field in (("?kind=bank", "kind"), ("?account_holder=me", "account_holder")):
        response = api_client(w.admin).get(f"{V}{query}")
        assert response.status_code == 422 and response.json()["field"] == field
    assert api_client(w.admin).get(V, HTTP_AUTHORIZATION="").status_code == 401


@covers(ONE, CHANGE, DELETE, kinds=("tenancy", "login"))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = _vendor(w.globex, "China Telecom")
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = api_client(user)
        assert client.get(f"{V}/{theirs.pk}").status_code == 404
        assert patch_json(client, f"{V}/{theirs.pk}", {"name": "x"}).status_code == 404
        assert client.delete(f"{V}/{theirs.pk}").status_code == 404
    assert Vendor.objects.get(pk=theirs.pk).name == "China Telecom"
    assert api_client(w.tech).get(f"{V}/{theirs.pk}", HTTP_AUTHORIZATION="").status_code == 401


@covers(CREATE, kinds=("tenancy", "login"))
def test_it_refuses_to_create_in_another_organization(w: World) -> None:
    response = post_json(api_client(w.acme_admin), V, _body(w, organization=w.globex.pk))
    assert response.status_code == 422 and response.json()["field"] == "organization"
    assert not Vendor.objects.exists()


@covers(CREATE, CHANGE, DELETE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    mine = _vendor(w.acme)
    client = api_client(w.acme_user)
    assert post_json(client, V, _body(w)).status_code == 403
    assert patch_json(client, f"{V}/{mine.pk}", {"name": "x"}).status_code == 403
    assert client.delete(f"{V}/{mine.pk}").status_code == 403
    assert list(Vendor.objects.values_list("name", flat=True)) == ["ISP"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"kind": "bank"}, "kind"),
        ({"account_holder": "nobody"}, "account_holder"),
        ({"renews": "next March"}, "renews"),
        ({"expires": "2027-13-01"}, "expires"),
        ({"name": ""}, "name"),
        ({"support_contact": "x" * 301}, "support_contact"),
        ({"organization": 999999}, "organization"),
    ],
)
def test_it_names_the_bad_field(w: World, changes: dict[str, Any], field: str) -> None:
    response = post_json(api_client(w.admin), V, _body(w, **changes))
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    assert not Vendor.objects.exists()


def test_it_lists_the_accounts_the_provider_holds(w: World) -> None:
    _vendor(w.acme, "Cosmote", account_holder="client")
    _vendor(w.acme, "Papaki", kind="registrar", account_holder="provider")
    _vendor(w.acme, "Cloudflare", kind="dns", account_holder="provider")
    _vendor(w.globex, "Aliyun", kind="hosting", account_holder="provider")
    held = actions_docs.provider_held(w.acme)
    assert [v.name for v in held] == ["Cloudflare", "Papaki"]
