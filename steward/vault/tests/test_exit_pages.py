"""The exit and posture pages as people use them: the readiness explained, the pack downloaded
from the password form, the posture reviewed in the desk and read in the portal."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from steward.accounts.models import Role
from steward.test import MARKERS, ScanningClient, World, covers, make_user, world
from steward.vault.models import AuditEntry, Holder, PostureControl, Vendor

pytestmark = pytest.mark.django_db

DESK_READS = ("vault:exit", "vault:posture")
DESK_WRITES = ("vault:exit_pack", "vault:posture_edit")
PORTAL = ("vault_portal:exit", "vault_portal:exit_pack", "vault_portal:posture")
PASSWORD = {"password": "a long exit password", "confirm": "a long exit password"}


def _body(response: Any) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def w() -> World:
    return world()


def _urls(org_id: int) -> dict[str, tuple[str, str]]:
    return {
        "vault:exit": ("get", reverse("vault:exit", args=[org_id])),
        "vault:exit_pack": ("post", reverse("vault:exit_pack", args=[org_id])),
        "vault:posture": ("get", reverse("vault:posture", args=[org_id])),
        "vault:posture_edit": ("post", reverse("vault:posture_edit", args=[org_id, "ce.malware"])),
        "vault_portal:exit": ("get", reverse("vault_portal:exit")),
        "vault_portal:exit_pack": ("post", reverse("vault_portal:exit_pack")),
        "vault_portal:posture": ("get", reverse("vault_portal:posture")),
    }


@covers(*DESK_READS, *DESK_WRITES, *PORTAL, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for name, (method, url) in _urls(w.acme.pk).items():
        response = getattr(Client(), method)(url, PASSWORD if method == "post" else None)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"], name
    assert not AuditEntry.objects.exists()


@covers(*DESK_READS, *DESK_WRITES, *PORTAL, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    Vendor.objects.create(
        organization=w.globex, name=f"Globex host {MARKERS['GLBX']}", kind="hosting"
    )
    tech = ScanningClient(w.tech)  # assigned to Acme only
    for name, (method, url) in _urls(w.globex.pk).items():
        if name.startswith("vault_portal:"):
            continue
        assert (
            getattr(tech, method)(url, PASSWORD if method == "post" else None).status_code == 404
        ), name
    admin = ScanningClient(w.acme_admin)
    for name, (method, url) in _urls(w.globex.pk).items():
        if not name.startswith("vault_portal:"):
            assert (
                getattr(admin, method)(url, PASSWORD if method == "post" else None).status_code
                == 404
            )
    # The portal pages are the client's own organization's, whatever they ask for.
    page = admin.get(reverse("vault_portal:exit")).content.decode()
    assert w.acme.name in page and "Globex host" not in page
    assert not AuditEntry.objects.exists()
    assert not PostureControl.objects.filter(organization=w.globex).exists()


@covers(*DESK_WRITES, "vault_portal:exit_pack", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    # The pack: client admins and provider admins only.
    for person in (w.tech, w.manager):
        page = ScanningClient(person).get(reverse("vault:exit", args=[w.acme.pk]))
        assert page.status_code == 200 and 'name="password"' not in page.content.decode()
        assert (
            ScanningClient(person)
            .post(reverse("vault:exit_pack", args=[w.acme.pk]), PASSWORD)
            .status_code
            == 403
        )
    # A client user has no vault pages; a client admin cannot use the desk's.
    user = ScanningClient(w.acme_user)
    for name in PORTAL:
        url = reverse(name)
        assert (
            user.post(url, PASSWORD) if name.endswith("pack") else user.get(url)
        ).status_code == 404, name
    client_admin = ScanningClient(w.acme_admin)
    for name in DESK_WRITES:
        url = _urls(w.acme.pk)[name][1]
        assert client_admin.post(url, {**PASSWORD, "ce-malware-status": "met"}).status_code == 404
    assert not AuditEntry.objects.exists()
    assert not PostureControl.objects.filter(status="met").exists()


def test_a_client_admin_downloads_the_pack_from_the_portal(w: World) -> None:
    admin = ScanningClient(w.acme_admin)
    page = admin.get(reverse("vault_portal:exit")).content.decode()
    assert 'name="password"' in page and 'name="confirm"' in page
    differ = admin.post(
        reverse("vault_portal:exit_pack"), {**PASSWORD, "confirm": "something else entirely"}
    )
    assert differ.status_code == 422 and "The two passwords differ." in differ.content.decode()
    short = admin.post(reverse("vault_portal:exit_pack"), {"password": "short", "confirm": "short"})
    assert short.status_code == 422
    assert not AuditEntry.objects.exists()
    response = admin.post(reverse("vault_portal:exit_pack"), PASSWORD)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    pack = zipfile.ZipFile(io.BytesIO(_body(response)))
    assert "vault.kdbx" in pack.namelist()
    assert AuditEntry.objects.get().actor == w.acme_admin


def test_a_provider_admin_downloads_it_from_the_desk(w: World) -> None:
    response = ScanningClient(w.admin).post(reverse("vault:exit_pack", args=[w.acme.pk]), PASSWORD)
    assert response.status_code == 200
    assert zipfile.ZipFile(io.BytesIO(_body(response))).testzip() is None
    assert AuditEntry.objects.get(action="export").actor == w.admin


def test_the_readiness_is_explained(w: World) -> None:
    Vendor.objects.create(
        organization=w.acme, name="Gandi", kind="registrar", account_holder=Holder.PROVIDER
    )
    Vendor.objects.create(organization=w.acme, name="M365", kind="email")
    Vendor.objects.create(organization=w.acme, name="ISP", kind="isp")
    page = ScanningClient(w.acme_admin).get(reverse("vault_portal:exit")).content.decode()
    assert "2 of 3 vendor accounts are yours." in page
    assert "Gandi" in page  # to take over first
    # Accounts 2/3, no passwords (whole), documentation 1/3: (66.7 + 100 + 33.3) / 3.
    assert '<div class="display-6 fw-bold text-yellow" data-testid="readiness">67%</div>' in page


def test_staff_review_a_control_and_the_client_reads_it(w: World) -> None:
    tech = ScanningClient(w.tech)
    page = tech.get(reverse("vault:posture", args=[w.acme.pk])).content.decode()
    assert "Firewalls" in page and "Information backup" in page
    past = (timezone.localdate() - timedelta(days=3)).isoformat()
    response = tech.post(
        reverse("vault:posture_edit", args=[w.acme.pk, "ce.malware"]),
        {
            "ce-malware-status": "partial",
            "ce-malware-owner": "Office manager",
            "ce-malware-evidence": "Defender on 14 of 15",
            "ce-malware-review_by": past,
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("#ce.malware")
    row = PostureControl.objects.get(organization=w.acme, control="ce.malware")
    assert (row.status, row.owner, row.updated_by) == ("partial", "Office manager", w.tech)
    bad = tech.post(
        reverse("vault:posture_edit", args=[w.acme.pk, "ce.malware"]), {"ce-malware-status": "done"}
    )
    assert bad.status_code == 302
    assert PostureControl.objects.get(pk=row.pk).status == "partial"
    assert (
        tech.post(reverse("vault:posture_edit", args=[w.acme.pk, "ce.nonsense"]), {}).status_code
        == 404
    )
    portal = ScanningClient(w.acme_admin).get(reverse("vault_portal:posture")).content.decode()
    assert "Defender on 14 of 15" in portal and "Review overdue" in portal
    assert "<form" not in portal.split("Controls")[1].split("Two-factor")[0]
    assert w.acme_admin.email in portal and "Password only" in portal


def test_a_globex_admin_sees_globex(w: World) -> None:
    gadmin = make_user(Role.CLIENT_ADMIN, w.globex)
    page = ScanningClient(gadmin).get(reverse("vault_portal:posture"))
    assert page.status_code == 200 and w.globex.name in page.content.decode()
