"""The asset pages: the desk's list, page, form, import and export, and the portal's."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from steward.test import ScanningClient, World, covers, make_ticket, world
from steward.vault import actions_docs
from steward.vault.models import Asset, Credential, Document, TicketAsset, Vendor

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _asset(org: Any, name: str = "FS01", **kw: Any) -> Asset:
    return Asset.objects.create(organization=org, name=name, kind=kw.pop("kind", "server"), **kw)


@covers("vault:assets", "vault:asset", "vault:asset_export", kinds=("login", "tenancy"))
def test_it_lists_and_shows_an_organizations_assets(w: World) -> None:
    fs = _asset(w.acme, custom={"Asset tag": "A-0042"}, location="Server cupboard")
    _asset(w.acme, "Laptop Maria", kind="laptop", user_name="Maria")
    Credential.objects.create(organization=w.acme, name="iDRAC admin", asset=fs)
    older = make_ticket(w.acme, title="Disk warning on FS01")
    newer = make_ticket(w.acme, title="FS01 slow")
    TicketAsset.objects.create(ticket=older, asset=fs)
    TicketAsset.objects.create(ticket=newer, asset=fs)
    client = ScanningClient(w.tech)
    page = client.get(reverse("vault:assets", args=[w.acme.pk])).content.decode()
    assert "FS01" in page and "Laptop Maria" in page
    page = client.get(reverse("vault:assets", args=[w.acme.pk]) + "?kind=laptop").content.decode()
    assert "Laptop Maria" in page and ">FS01<" not in page
    page = client.get(reverse("vault:assets", args=[w.acme.pk]) + "?q=maria").content.decode()
    assert "Laptop Maria" in page and ">FS01<" not in page
    page = client.get(reverse("vault:asset", args=[w.acme.pk, fs.pk])).content.decode()
    assert "A-0042" in page and "Server cupboard" in page and "iDRAC admin" in page
    assert page.index("FS01 slow") < page.index("Disk warning on FS01")
    export = client.get(reverse("vault:asset_export", args=[w.acme.pk]))
    assert export["Content-Type"].startswith("text/csv") and b"Laptop Maria" in export.content
    # Tenancy: the technician is not assigned to Globex.
    theirs = _asset(w.globex, "Globex NAS")
    assert client.get(reverse("vault:assets", args=[w.globex.pk])).status_code == 404
    assert client.get(reverse("vault:asset", args=[w.globex.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("vault:asset", args=[w.acme.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("vault:asset_export", args=[w.globex.pk])).status_code == 404
    # Login, and the desk is for staff.
    anonymous = ScanningClient()
    assert anonymous.get(reverse("vault:assets", args=[w.acme.pk])).status_code == 302
    assert (
        ScanningClient(w.acme_admin).get(reverse("vault:assets", args=[w.acme.pk])).status_code
        == 404
    )


@covers("vault:asset_new", "vault:asset_edit", kinds=("login", "tenancy", "role"))
def test_it_creates_and_edits_an_asset(w: World) -> None:
    client = ScanningClient(w.tech)
    response = client.post(
        reverse("vault:asset_new", args=[w.acme.pk]),
        {
            "name": "Printer 2F",
            "kind": "printer",
            "location": "2nd floor",
            "purchased": "2024-02-01",
            "custom_text": "Lease: Konica 2024-118\nToner: TN-324",
        },
    )
    assert response.status_code == 302, response.content
    asset = Asset.objects.get()
    assert (asset.organization, asset.location) == (w.acme, "2nd floor")
    assert asset.custom == {"Lease": "Konica 2024-118", "Toner": "TN-324"}
    edit = reverse("vault:asset_edit", args=[w.acme.pk, asset.pk])
    assert "Toner: TN-324" in client.get(edit).content.decode()
    response = client.post(edit, {"name": "Printer 2F", "kind": "toaster"})
    assert response.status_code == 200 and Asset.objects.get().kind == "printer"
    response = client.post(edit, {"name": "Printer 2F", "kind": "printer", "custom_text": "x"})
    assert response.status_code == 200 and Asset.objects.get().custom != {}
    # Another organization's asset, and people who may not.
    theirs = _asset(w.globex, "Globex NAS")
    assert client.get(reverse("vault:asset_edit", args=[w.globex.pk, theirs.pk])).status_code == 404
    assert client.get(reverse("vault:asset_new", args=[w.globex.pk])).status_code == 404
    for user in (w.acme_admin, w.acme_user):
        other = ScanningClient(user)
        assert other.post(edit, {"name": "Mine", "kind": "printer"}).status_code == 404
    assert ScanningClient().get(edit).status_code == 302
    assert Asset.objects.get(pk=asset.pk).name == "Printer 2F"


@covers("vault:asset_import", kinds=("login", "tenancy", "role"))
def test_it_imports_a_file_or_lists_its_problems(w: World) -> None:
    client = ScanningClient(w.manager)
    url = reverse("vault:asset_import", args=[w.acme.pk])
    bad = b"name,kind,purchased\nGood,laptop,\n,laptop,\nX,toaster,2024-99-01\n"
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", bad, "text/csv")})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<td>3</td>" in page and "<td>4</td>" in page and "purchased" in page
    assert not Asset.objects.exists()
    good = b"name,kind\nNAS,server\nRouter,network\n"
    response = client.post(url, {"file": SimpleUploadedFile("a.csv", good, "text/csv")})
    assert response.status_code == 302
    assert sorted(Asset.objects.values_list("name", flat=True)) == ["NAS", "Router"]
    assert (
        ScanningClient(w.tech).get(reverse("vault:asset_import", args=[w.globex.pk])).status_code
        == 404
    )
    refused = ScanningClient(w.acme_admin).post(
        url, {"file": SimpleUploadedFile("a.csv", good, "text/csv")}
    )
    assert refused.status_code == 404 and Asset.objects.count() == 2
    assert ScanningClient().get(url).status_code == 302


@covers("vault_portal:assets", "vault_portal:asset", kinds=("login", "tenancy"))
def test_the_client_sees_its_own_assets(w: World) -> None:
    mine = _asset(w.acme, "FS01")
    Credential.objects.create(organization=w.acme, name="iDRAC admin", asset=mine)
    theirs = _asset(w.globex, "Globex NAS")
    client = ScanningClient(w.acme_user)
    page = client.get(reverse("vault_portal:assets")).content.decode()
    assert "FS01" in page and "Globex NAS" not in page and "New asset" not in page
    page = client.get(reverse("vault_portal:asset", args=[mine.pk])).content.decode()
    assert "FS01" in page and "iDRAC admin" not in page  # client users read no vault
    admin_page = ScanningClient(w.acme_admin).get(reverse("vault_portal:asset", args=[mine.pk]))
    assert "iDRAC admin" in admin_page.content.decode()
    assert client.get(reverse("vault_portal:asset", args=[theirs.pk])).status_code == 404
    assert ScanningClient().get(reverse("vault_portal:assets")).status_code == 302
    # Provider staff are sent to the desk.
    assert ScanningClient(w.tech).get(reverse("vault_portal:assets")).status_code == 302


@covers(
    "vault:asset_delete",
    "vault:vendor_delete",
    "vault:document_delete",
    kinds=("login", "tenancy", "role"),
)
def test_staff_delete_an_asset_a_vendor_and_a_document(w: World) -> None:
    asset = _asset(w.acme)
    vendor = Vendor.objects.create(organization=w.acme, name="ISP", kind="isp")
    doc = actions_docs.save_document(Document(organization=w.acme), "Notes", "x", w.tech)
    theirs = _asset(w.globex, "Globex NAS")
    urls = [
        reverse("vault:asset_delete", args=[w.acme.pk, asset.pk]),
        reverse("vault:vendor_delete", args=[w.acme.pk, vendor.pk]),
        reverse("vault:document_delete", args=[w.acme.pk, doc.pk]),
    ]
    for user in (w.acme_admin, w.acme_user):
        for url in urls:
            assert ScanningClient(user).post(url).status_code == 404
    for url in urls:
        assert ScanningClient().post(url).status_code == 302
        assert ScanningClient(w.tech).get(url).status_code == 405
    tech = ScanningClient(w.tech)
    assert (
        tech.post(reverse("vault:asset_delete", args=[w.globex.pk, theirs.pk])).status_code == 404
    )
    assert tech.post(reverse("vault:asset_delete", args=[w.acme.pk, theirs.pk])).status_code == 404
    assert (Asset.objects.count(), Vendor.objects.count(), Document.objects.count()) == (2, 1, 1)
    for url in urls:
        assert tech.post(url).status_code == 302
    assert list(Asset.objects.values_list("name", flat=True)) == ["Globex NAS"]
    assert not Vendor.objects.exists() and not Document.objects.exists()


@covers("vault:ticket_asset", kinds=("login", "tenancy", "role"))
def test_a_ticket_names_the_asset_it_is_about(w: World) -> None:
    printer = _asset(w.acme, "PRN-2F", kind="printer")
    ticket = make_ticket(w.acme, title="Paper jam")
    url = reverse("vault:ticket_asset", args=[w.acme.pk, ticket.pk])
    client = ScanningClient(w.tech)
    fragment = client.get(url).content.decode()
    assert "PRN-2F" in fragment and "selected" not in fragment
    assert client.post(url, {"asset": str(printer.pk)}).status_code == 302
    assert TicketAsset.objects.get(ticket=ticket).asset == printer
    assert "selected>PRN-2F" in client.get(url).content.decode()
    page = client.get(reverse("vault:asset", args=[w.acme.pk, printer.pk])).content.decode()
    assert "Paper jam" in page
    # Another organization's asset cannot be named; clearing removes the link.
    theirs = _asset(w.globex, "Globex NAS")
    assert client.post(url, {"asset": str(theirs.pk)}).status_code == 404
    assert client.post(url, {"asset": ""}).status_code == 302
    assert not TicketAsset.objects.exists()
    other = make_ticket(w.globex, title="Globex ticket")
    assert (
        client.get(reverse("vault:ticket_asset", args=[w.globex.pk, other.pk])).status_code == 404
    )
    assert client.get(reverse("vault:ticket_asset", args=[w.acme.pk, other.pk])).status_code == 404
    assert ScanningClient(w.acme_admin).post(url, {"asset": str(printer.pk)}).status_code == 404
    assert ScanningClient().get(url).status_code == 302
    assert not TicketAsset.objects.exists()
