"""The third-party pages: grouped by who holds the account, renewals soon highlighted."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
import time_machine
from django.urls import reverse

from steward.test import ScanningClient, World, covers, world
from steward.vault.models import Vendor

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def _vendor(org: Any, name: str, **kw: Any) -> Vendor:
    return Vendor.objects.create(organization=org, name=name, kind=kw.pop("kind", "isp"), **kw)


@covers("vault:vendors", "vault_portal:vendors", kinds=("login", "tenancy"))
def test_it_groups_vendors_by_who_holds_the_account(w: World) -> None:
    _vendor(
        w.acme, "Papaki", kind="registrar", account_holder="provider", renews=date(2026, 12, 20)
    )
    _vendor(w.acme, "Cosmote", account_holder="client", expires=date(2027, 9, 1))
    _vendor(w.globex, "Aliyun", account_holder="provider")
    with time_machine.travel(datetime(2026, 12, 3, 9, tzinfo=UTC), tick=False):
        page = ScanningClient(w.acme_user).get(reverse("vault_portal:vendors")).content.decode()
        desk = ScanningClient(w.tech).get(reverse("vault:vendors", args=[w.acme.pk]))
    held = page.index("Accounts the provider holds for you")
    assert held < page.index("Papaki") < page.index("Accounts you hold") < page.index("Cosmote")
    assert "Aliyun" not in page and "New vendor" not in page
    # The renewal 17 days ahead is highlighted, the expiry 9 months ahead is not.
    assert 'badge bg-orange-lt">20 Dec 2026' in page
    assert 'badge bg-red-lt">1 Sept 2027' not in page and "1 Sept 2027" in page
    assert "New vendor" in desk.content.decode()
    url = reverse("vault_portal:vendors") + "?holder=client"
    page = ScanningClient(w.acme_user).get(url).content.decode()
    assert "Papaki" not in page and "Cosmote" in page
    assert (
        ScanningClient(w.tech).get(reverse("vault:vendors", args=[w.globex.pk])).status_code == 404
    )
    assert ScanningClient().get(reverse("vault_portal:vendors")).status_code == 302
    assert ScanningClient().get(reverse("vault:vendors", args=[w.acme.pk])).status_code == 302


@covers("vault:vendor_new", "vault:vendor_edit", kinds=("login", "tenancy", "role"))
def test_it_creates_and_edits_a_vendor(w: World) -> None:
    client = ScanningClient(w.tech)
    response = client.post(
        reverse("vault:vendor_new", args=[w.acme.pk]),
        {
            "name": "Microsoft 365",
            "kind": "email",
            "account_holder": "provider",
            "renews": "2027-02-01",
        },
    )
    assert response.status_code == 302, response.content
    vendor = Vendor.objects.get()
    edit = reverse("vault:vendor_edit", args=[w.acme.pk, vendor.pk])
    response = client.post(
        edit, {"name": "Microsoft 365", "kind": "email", "account_holder": "client"}
    )
    assert response.status_code == 302
    vendor.refresh_from_db()
    assert (vendor.account_holder, vendor.renews) == ("client", None)
    response = client.post(edit, {"name": "M365", "kind": "email", "account_holder": "me"})
    assert response.status_code == 200 and Vendor.objects.get().name == "Microsoft 365"
    theirs = _vendor(w.globex, "Aliyun")
    assert (
        client.get(reverse("vault:vendor_edit", args=[w.globex.pk, theirs.pk])).status_code == 404
    )
    assert client.get(reverse("vault:vendor_edit", args=[w.acme.pk, theirs.pk])).status_code == 404
    for user in (w.acme_admin, w.acme_user):
        assert ScanningClient(user).post(edit, {"name": "x", "kind": "isp"}).status_code == 404
    assert ScanningClient().get(edit).status_code == 302
    assert Vendor.objects.get(pk=vendor.pk).name == "Microsoft 365"
