"""The security posture through the API: the catalogue made on first read, reviews recorded by
provider staff, bad input named, MFA status from allauth, computed evidence; tenancy."""

from __future__ import annotations

from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.test import Client
from django.utils import timezone

from steward.accounts.models import Role
from steward.test import World, api_client, covers, make_user, patch_json, world
from steward.vault import posture
from steward.vault.models import Asset, PostureControl, Vendor

pytestmark = pytest.mark.django_db

GET = "GET /api/v1/organizations/{org_id}/posture"
PATCH = "PATCH /api/v1/organizations/{org_id}/posture/{control}"


def url(org_id: int, control: str = "") -> str:
    return f"/api/v1/organizations/{org_id}/posture" + (f"/{control}" if control else "")


@pytest.fixture
def w() -> World:
    return world()


def test_the_catalogue_has_the_five_cyber_essentials_controls_and_iso_themes() -> None:
    keys = [c.key for c in posture.CATALOGUE]
    assert keys[:5] == [
        "ce.firewalls",
        "ce.secure_configuration",
        "ce.user_access",
        "ce.malware",
        "ce.updates",
    ]
    assert {
        "iso.5.15",
        "iso.5.23",
        "iso.5.30",
        "iso.8.7",
        "iso.8.8",
        "iso.8.13",
        "iso.8.15",
        "iso.8.20",
        "iso.6.3",
    } <= set(keys)
    assert len(set(keys)) == len(keys)


@covers(GET, kinds=("login", "tenancy"))
def test_the_checklist_is_made_on_first_read(w: World) -> None:
    assert Client().get(url(w.acme.pk)).status_code == 401
    assert not PostureControl.objects.exists()
    body = api_client(w.tech).get(url(w.acme.pk)).json()
    assert [c["key"] for c in body["controls"]] == [c.key for c in posture.CATALOGUE]
    first = body["controls"][0]
    assert first["framework"] == "Cyber Essentials" and first["title"] == "Firewalls"
    assert first["status"] == "unknown" and first["review_by"] is None and not first["overdue"]
    assert PostureControl.objects.filter(organization=w.acme).count() == len(posture.CATALOGUE)
    api_client(w.acme_admin).get(url(w.acme.pk))
    assert PostureControl.objects.filter(organization=w.acme).count() == len(posture.CATALOGUE)
    # Another tenant's, or an organization a technician is not assigned to: 404.
    assert api_client(w.acme_admin).get(url(w.globex.pk)).status_code == 404
    assert api_client(w.tech).get(url(w.globex.pk)).status_code == 404
    # Client users do not read the client's weak points; their admins do.
    assert api_client(w.acme_user).get(url(w.acme.pk)).status_code == 403


@covers(PATCH, kinds=("login", "tenancy", "role"))
def test_provider_staff_record_a_review(w: World) -> None:
    laptop = Asset.objects.create(organization=w.acme, name="Finance laptop", kind="laptop")
    assert (
        Client()
        .patch(url(w.acme.pk, "iso.8.13"), "{}", content_type="application/json")
        .status_code
        == 401
    )
    review = {
        "status": "partial",
        "owner": "Nikos (office manager)",
        "evidence": "Nightly NAS backup; no restore test yet",
        "review_by": "2027-01-15",
        "assets": [laptop.pk],
    }
    r = patch_json(api_client(w.tech), url(w.acme.pk, "iso.8.13"), review)
    assert r.status_code == 200, r.content
    body = r.json()
    assert (body["status"], body["owner"], body["review_by"], body["assets"]) == (
        "partial",
        "Nikos (office manager)",
        "2027-01-15",
        [laptop.pk],
    )
    row = PostureControl.objects.get(organization=w.acme, control="iso.8.13")
    assert row.updated_by == w.tech and row.evidence.startswith("Nightly")
    read = api_client(w.acme_admin).get(url(w.acme.pk)).json()
    assert (
        next(c for c in read["controls"] if c["key"] == "iso.8.13")["owner"]
        == "Nikos (office manager)"
    )
    # The client reads; it does not review.
    assert (
        patch_json(
            api_client(w.acme_admin), url(w.acme.pk, "iso.8.13"), {"status": "met"}
        ).status_code
        == 403
    )
    assert (
        patch_json(api_client(w.tech), url(w.globex.pk, "iso.8.13"), {"status": "met"}).status_code
        == 404
    )
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert (
        patch_json(
            api_client(globex_admin), url(w.acme.pk, "iso.8.13"), {"status": "met"}
        ).status_code
        == 404
    )
    assert PostureControl.objects.get(pk=row.pk).status == "partial"


def test_bad_input_is_named_and_nothing_is_written(w: World) -> None:
    api = api_client(w.manager)
    r = patch_json(api, url(w.acme.pk, "ce.firewalls"), {"status": "done", "owner": "Ops"})
    assert r.status_code == 422 and r.json()["field"] == "status"
    r = patch_json(api, url(w.acme.pk, "ce.firewalls"), {"status": "unknown"})
    assert r.status_code == 422 and r.json()["field"] == "status"
    r = patch_json(api, url(w.acme.pk, "ce.firewalls"), {"review_by": "soon"})
    assert r.status_code == 422 and r.json()["field"] == "review_by"
    other = Asset.objects.create(organization=w.globex, name="Globex PC", kind="workstation")
    r = patch_json(api, url(w.acme.pk, "ce.firewalls"), {"status": "met", "assets": [other.pk]})
    assert r.status_code == 422 and r.json()["field"] == "assets"
    assert patch_json(api, url(w.acme.pk, "ce.nonsense"), {"status": "met"}).status_code == 404
    row = PostureControl.objects.get(organization=w.acme, control="ce.firewalls")
    assert (row.status, row.owner) == ("unknown", "")


def test_an_overdue_review_is_flagged(w: World) -> None:
    api = api_client(w.tech)
    yesterday = timezone.localdate() - timedelta(days=1)
    patch_json(
        api, url(w.acme.pk, "ce.malware"), {"status": "met", "review_by": yesterday.isoformat()}
    )
    patch_json(api, url(w.acme.pk, "ce.firewalls"), {"status": "met", "review_by": "2099-01-01"})
    controls = {c["key"]: c for c in api.get(url(w.acme.pk)).json()["controls"]}
    assert controls["ce.malware"]["overdue"] and not controls["ce.firewalls"]["overdue"]


def test_it_lists_the_organizations_users_and_their_second_factors(w: World) -> None:
    Authenticator.objects.create(user=w.acme_admin, type=Authenticator.Type.TOTP, data={})
    Authenticator.objects.create(user=w.acme_user, type=Authenticator.Type.RECOVERY_CODES, data={})
    mfa = {m["email"]: m for m in api_client(w.acme_admin).get(url(w.acme.pk)).json()["mfa"]}
    assert set(mfa) == {w.acme_admin.email, w.acme_user.email}
    assert (mfa[w.acme_admin.email]["totp"], mfa[w.acme_admin.email]["webauthn"]) == (True, False)
    assert (mfa[w.acme_user.email]["totp"], mfa[w.acme_user.email]["webauthn"]) == (False, False)


def test_evidence_computed_from_the_records(w: World) -> None:
    for n, (os, version) in enumerate(
        [("Windows", "11"), ("Windows", "10"), ("macOS", "15"), ("", "")]
    ):
        Asset.objects.create(
            organization=w.acme, name=f"PC {n}", kind="laptop", os=os, os_version=version
        )
    Vendor.objects.create(
        organization=w.acme, name="AWS", kind="hosting", account_holder="provider"
    )
    Vendor.objects.create(organization=w.acme, name="M365", kind="email")
    controls = {c["key"]: c for c in api_client(w.tech).get(url(w.acme.pk)).json()["controls"]}
    assert controls["ce.updates"]["computed_evidence"] == (
        "2 of 4 computers on an operating system still updated. "
        "1 without an operating system recorded."
    )
    assert (
        controls["iso.5.23"]["computed_evidence"] == "1 of 2 cloud accounts are held by the client."
    )
    assert controls["ce.user_access"]["computed_evidence"].startswith("0 of 2 Steward users")
    assert controls["ce.firewalls"]["computed_evidence"] == ""


def test_supported_operating_systems() -> None:
    assert posture.supported("Windows", "11") is True
    assert posture.supported("windows", "10 22H2") is False
    assert posture.supported("Windows Server", "2012 R2") is False
    assert posture.supported("Windows Server", "2022") is True
    assert posture.supported("Ubuntu", "24.04") is True
    assert posture.supported("", "") is None
