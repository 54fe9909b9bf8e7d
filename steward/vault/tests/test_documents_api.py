"""The documents API and the revisions every change keeps."""

from __future__ import annotations

from typing import Any

import pytest

from steward.test import World, api_client, covers, patch_json, post_json, world
from steward.vault import actions_docs
from steward.vault.models import Document, DocumentRevision

pytestmark = pytest.mark.django_db

V = "/api/v1/documents"
LIST, ONE = "GET /api/v1/documents", "GET /api/v1/documents/{document_id}"
CREATE, CHANGE, DELETE = (
    "POST /api/v1/documents",
    "PATCH /api/v1/documents/{document_id}",
    "DELETE /api/v1/documents/{document_id}",
)


@pytest.fixture
def w() -> World:
    return world()


def _doc(w: World, org: Any = None, title: str = "Network notes") -> Document:
    return actions_docs.save_document(
        Document(organization=org or w.acme), title, "VLAN 10: office", w.tech
    )


def test_it_keeps_every_replaced_text_as_a_revision(w: World) -> None:
    client = api_client(w.tech)
    response = post_json(
        client, V, {"organization": w.acme.pk, "title": "Backups", "body": "Nightly to NAS"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert set(body) == {"id", "organization", "title", "body", "updated_at", "revisions"}
    assert body["revisions"] == 0
    one = f"{V}/{body['id']}"
    patch_json(client, one, {"body": "Nightly to NAS, weekly to the cloud"})
    response = patch_json(api_client(w.acme_admin), one, {"title": "Backup procedure"})
    assert response.json()["revisions"] == 2
    assert response.json()["body"] == "Nightly to NAS, weekly to the cloud"
    # Saving the same text again keeps no empty revision.
    assert patch_json(client, one, {"title": "Backup procedure"}).json()["revisions"] == 2
    revisions = DocumentRevision.objects.filter(document_id=body["id"]).order_by("number")
    assert [(r.number, r.title, r.body, r.author) for r in revisions] == [
        (1, "Backups", "Nightly to NAS", w.tech),
        (2, "Backups", "Nightly to NAS, weekly to the cloud", w.tech),
    ]
    assert (
        api_client(w.acme_user).get(f"{V}?organization={w.acme.pk}").json()["items"][0]["revisions"]
        == 2
    )


@covers(LIST, kinds=("tenancy", "login"))
def test_it_lists_only_visible_documents(w: World) -> None:
    _doc(w)
    _doc(w, w.globex, "Globex network")
    assert [d["title"] for d in api_client(w.globex_user).get(V).json()["items"]] == [
        "Globex network"
    ]
    assert [d["title"] for d in api_client(w.tech).get(V).json()["items"]] == ["Network notes"]
    assert api_client(w.admin).get(V, HTTP_AUTHORIZATION="").status_code == 401


@covers(ONE, CHANGE, DELETE, kinds=("tenancy", "login"))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = _doc(w, w.globex, "Globex network")
    for user in (w.tech, w.acme_admin, w.acme_user):
        client = api_client(user)
        assert client.get(f"{V}/{theirs.pk}").status_code == 404
        assert patch_json(client, f"{V}/{theirs.pk}", {"body": "x"}).status_code == 404
        assert client.delete(f"{V}/{theirs.pk}").status_code == 404
    assert Document.objects.get(pk=theirs.pk).body == "VLAN 10: office"
    assert not DocumentRevision.objects.exists()
    assert api_client(w.tech).get(f"{V}/{theirs.pk}", HTTP_AUTHORIZATION="").status_code == 401


@covers(CREATE, kinds=("tenancy", "login"))
def test_it_refuses_to_create_in_another_organization(w: World) -> None:
    response = post_json(
        api_client(w.tech), V, {"organization": w.globex.pk, "title": "T", "body": ""}
    )
    assert response.status_code == 422 and response.json()["field"] == "organization"


@covers(CREATE, CHANGE, DELETE, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    doc = _doc(w)
    client = api_client(w.acme_user)
    response = post_json(client, V, {"organization": w.acme.pk, "title": "T", "body": ""})
    assert response.status_code == 403
    assert patch_json(client, f"{V}/{doc.pk}", {"body": "x"}).status_code == 403
    assert client.delete(f"{V}/{doc.pk}").status_code == 403
    assert Document.objects.get().body == "VLAN 10: office"


def test_it_names_the_bad_field(w: World) -> None:
    doc = _doc(w)
    client = api_client(w.admin)
    for body, field in (
        ({"organization": w.acme.pk, "title": ""}, "title"),
        ({"organization": w.acme.pk, "title": "   "}, "title"),
        ({"organization": w.acme.pk, "title": "T", "body": 5}, "body"),
    ):
        response = post_json(client, V, body)
        assert response.status_code == 422, response.content
        assert response.json()["field"] == field
    response = patch_json(client, f"{V}/{doc.pk}", {"title": None})
    assert response.status_code == 422 and response.json()["field"] == "title"
    assert Document.objects.count() == 1 and not DocumentRevision.objects.exists()
