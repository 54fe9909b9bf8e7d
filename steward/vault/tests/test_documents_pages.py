"""The document pages: rendered safely, edited with a textarea, every change kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from steward.test import ScanningClient, World, covers, world
from steward.vault import actions_docs
from steward.vault.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _doc(org: Any, user: Any, title: str = "Network notes", body: str = "# VLANs") -> Document:
    return actions_docs.save_document(Document(organization=org), title, body, user)


@covers(
    "vault:documents",
    "vault:document",
    "vault:document_history",
    "vault:document_revision",
    kinds=("login", "tenancy"),
)
def test_it_shows_a_document_and_its_history(w: World) -> None:
    doc = _doc(w.acme, w.tech, body="# VLANs\n\n<script>alert(1)</script>")
    actions_docs.save_document(doc, "Network notes", "# VLANs\n\nVLAN 20: guests", w.admin)
    client = ScanningClient(w.tech)
    page = client.get(reverse("vault:document", args=[w.acme.pk, doc.pk])).content.decode()
    assert "<h1>VLANs</h1>" in page and "VLAN 20: guests" in page
    assert "History (1)" in page
    page = client.get(reverse("vault:documents", args=[w.acme.pk])).content.decode()
    assert "Network notes" in page and "1 earlier version" in page
    page = client.get(reverse("vault:document_history", args=[w.acme.pk, doc.pk])).content.decode()
    assert "Tess Technician" in page and "Ada Admin" in page
    old = client.get(reverse("vault:document_revision", args=[w.acme.pk, doc.pk, 1]))
    text = old.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert(1)" not in text
    assert (
        client.get(reverse("vault:document_revision", args=[w.acme.pk, doc.pk, 2])).status_code
        == 404
    )
    theirs = _doc(w.globex, w.admin, "Globex LAN")
    for name, args in (
        ("vault:documents", [w.globex.pk]),
        ("vault:document", [w.globex.pk, theirs.pk]),
        ("vault:document", [w.acme.pk, theirs.pk]),
        ("vault:document_history", [w.acme.pk, theirs.pk]),
        ("vault:document_revision", [w.acme.pk, theirs.pk, 1]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404, name
        assert ScanningClient().get(reverse(name, args=args)).status_code == 302


@covers("vault:document_new", "vault:document_edit", kinds=("login", "tenancy", "role"))
def test_staff_write_documents_and_each_change_is_kept(w: World) -> None:
    client = ScanningClient(w.tech)
    response = client.post(
        reverse("vault:document_new", args=[w.acme.pk]),
        {"title": "New starter", "body": "1. Laptop\n2. Mailbox"},
    )
    assert response.status_code == 302
    doc = Document.objects.get()
    edit = reverse("vault:document_edit", args=[w.acme.pk, doc.pk])
    client.post(edit, {"title": "New starter", "body": "1. Laptop\n2. Mailbox\n3. Badge"})
    assert [r.body for r in doc.revisions.all()] == ["1. Laptop\n2. Mailbox"]
    assert client.post(edit, {"title": "", "body": "x"}).status_code == 200
    theirs = _doc(w.globex, w.admin, "Globex LAN")
    assert (
        client.get(reverse("vault:document_edit", args=[w.globex.pk, theirs.pk])).status_code == 404
    )
    assert client.get(reverse("vault:document_new", args=[w.globex.pk])).status_code == 404
    for user in (w.acme_admin, w.acme_user):
        assert ScanningClient(user).post(edit, {"title": "x", "body": ""}).status_code == 404
    assert ScanningClient().get(edit).status_code == 302
    assert Document.objects.get(pk=doc.pk).title == "New starter"


@covers(
    "vault_portal:documents",
    "vault_portal:document",
    "vault_portal:document_history",
    "vault_portal:document_revision",
    kinds=("login", "tenancy"),
)
def test_the_client_reads_its_own_documents(w: World) -> None:
    doc = _doc(w.acme, w.tech)
    actions_docs.save_document(doc, "Network notes", "# VLANs\n\nVLAN 30", w.tech)
    theirs = _doc(w.globex, w.admin, "Globex LAN")
    client = ScanningClient(w.acme_user)
    page = client.get(reverse("vault_portal:documents")).content.decode()
    assert "Network notes" in page and "Globex LAN" not in page and "New document" not in page
    page = client.get(reverse("vault_portal:document", args=[doc.pk])).content.decode()
    assert "VLAN 30" in page and reverse("vault_portal:document_edit", args=[doc.pk]) not in page
    assert client.get(reverse("vault_portal:document_history", args=[doc.pk])).status_code == 200
    old = client.get(reverse("vault_portal:document_revision", args=[doc.pk, 1]))
    assert "VLAN 30" not in old.content.decode() and "VLANs" in old.content.decode()
    for name, args in (
        ("vault_portal:document", [theirs.pk]),
        ("vault_portal:document_history", [theirs.pk]),
        ("vault_portal:document_revision", [theirs.pk, 1]),
    ):
        assert client.get(reverse(name, args=args)).status_code == 404, name
        assert ScanningClient().get(reverse(name, args=args)).status_code == 302


@covers(
    "vault_portal:document_new", "vault_portal:document_edit", kinds=("login", "tenancy", "role")
)
def test_client_admins_edit_their_documents_in_the_portal(w: World) -> None:
    doc = _doc(w.acme, w.tech)
    edit = reverse("vault_portal:document_edit", args=[doc.pk])
    assert ScanningClient(w.acme_user).post(edit, {"title": "x", "body": ""}).status_code == 404
    assert ScanningClient(w.acme_user).get(reverse("vault_portal:document_new")).status_code == 404
    admin = ScanningClient(w.acme_admin)
    assert (
        admin.post(edit, {"title": "Network notes", "body": "# VLANs\n\nVLAN 40"}).status_code
        == 302
    )
    doc.refresh_from_db()
    assert (doc.body, doc.updated_by, doc.revisions.count()) == (
        "# VLANs\n\nVLAN 40",
        w.acme_admin,
        1,
    )
    response = admin.post(reverse("vault_portal:document_new"), {"title": "Backups", "body": "NAS"})
    assert response.status_code == 302
    assert Document.objects.get(title="Backups").organization == w.acme
    theirs = _doc(w.globex, w.admin, "Globex LAN")
    assert admin.get(reverse("vault_portal:document_edit", args=[theirs.pk])).status_code == 404
    assert ScanningClient().get(edit).status_code == 302
