"""The vault's overviews: the desk's list of clients with what their vaults hold, one client's
overview (the accounts the provider holds, the passwords at risk, the exit readiness), and the
client's own in the portal."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from steward.test import MARKERS, ScanningClient, World, covers, world
from steward.vault import actions_secrets
from steward.vault.models import Holder, Vendor

pytestmark = pytest.mark.django_db

PAGES = ("vault:home", "vault:org", "vault_portal:home")


@pytest.fixture
def w() -> World:
    w = world()
    Vendor.objects.create(
        organization=w.acme, name="Papaki", kind="registrar", account_holder=Holder.PROVIDER
    )
    Vendor.objects.create(
        organization=w.acme, name="Cosmote", kind="isp", account_holder=Holder.CLIENT
    )
    Vendor.objects.create(
        organization=w.globex,
        name=f"Globex host {MARKERS['GLBX']}",
        kind="hosting",
        account_holder=Holder.PROVIDER,
    )
    router = actions_secrets.create_credential(
        w.acme, w.acme_admin, name="Router admin", secret="s3cret-router"
    )
    actions_secrets.create_credential(w.acme, w.acme_admin, name="NAS", secret="s3cret-nas")
    actions_secrets.reveal(router, w.tech, "ticket ACME-7: port forward")
    return w


@covers(*PAGES, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for url in (
        reverse("vault:home"),
        reverse("vault:org", args=[w.acme.pk]),
        reverse("vault_portal:home"),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@covers(*PAGES, kinds=("tenancy",))
def test_each_side_sees_only_its_clients(w: World) -> None:
    tech = ScanningClient(w.tech)  # assigned to Acme only
    listing = tech.get(reverse("vault:home")).content.decode()
    assert w.acme.name in listing and w.globex.name not in listing
    assert tech.get(reverse("vault:org", args=[w.globex.pk])).status_code == 404
    assert ScanningClient(w.acme_admin).get(reverse("vault:home")).status_code == 404
    page = ScanningClient(w.acme_admin).get(reverse("vault_portal:home")).content.decode()
    assert "Papaki" in page and "Globex host" not in page
    assert ScanningClient(w.tech).get(reverse("vault_portal:home")).status_code == 302


def test_the_desk_lists_each_client_with_what_its_vault_holds(w: World) -> None:
    page = ScanningClient(w.admin).get(reverse("vault:home"))
    rows = {row["org"].code: row for row in page.context["rows"]}
    acme = rows["ACME"]
    assert (acme["vendors"], acme["held"], acme["credentials"], acme["at_risk"]) == (2, 1, 2, 1)
    assert rows["GLBX"]["held"] == 1 and rows["GLBX"]["credentials"] == 0


def test_the_overview_names_the_accounts_held_and_the_passwords_seen(w: World) -> None:
    page = ScanningClient(w.tech).get(reverse("vault:org", args=[w.acme.pk])).content.decode()
    assert "Papaki" in page and "Cosmote" not in page  # the client holds Cosmote's account
    assert "Router admin" in page and "NAS" not in page  # only the router was revealed
    assert "Tess Technician" in page
    # Rotated, the router is no longer at risk.
    router = w.acme.credentials.get(name="Router admin")
    actions_secrets.update_credential(router, w.acme_admin, secret="new-router-secret")
    page = ScanningClient(w.tech).get(reverse("vault:org", args=[w.acme.pk])).content.decode()
    assert "Router admin" not in page


def test_the_client_admin_sees_the_risk_and_readiness_a_client_user_does_not(w: World) -> None:
    admin = ScanningClient(w.acme_admin).get(reverse("vault_portal:home"))
    assert admin.context["score"] is not None
    assert [c.name for c in admin.context["at_risk"]] == ["Router admin"]
    user = ScanningClient(w.acme_user).get(reverse("vault_portal:home"))
    assert user.status_code == 200
    assert user.context["score"] is None and user.context["at_risk"] == []
    assert "Router admin" not in user.content.decode()
    assert "Papaki" in user.content.decode()  # the hostage list is every client's to see
