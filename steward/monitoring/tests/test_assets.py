"""Checks and maintenance plans name the client's asset they watch or maintain; the asset's page
lists them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from steward.monitoring.models import Check, Kind
from steward.test import ScanningClient, World, api_client, patch_json, post_json, world
from steward.vault.models import Asset

pytestmark = pytest.mark.django_db


@pytest.fixture
def w() -> World:
    return world()


def test_a_check_names_the_asset_it_watches_and_the_asset_lists_it(w: World) -> None:
    nas = Asset.objects.create(organization=w.acme, name="NAS-01", kind="server")
    api = api_client(w.tech)
    made = post_json(
        api,
        "/api/v1/checks",
        {"organization": w.acme.pk, "name": "Nightly backup", "kind": "heartbeat", "asset": nas.pk},
    )
    assert made.status_code == 201, made.content
    assert made.json()["asset"] == nas.pk
    check = Check.objects.get()
    assert check.asset == nas
    page = ScanningClient(w.tech).get(reverse("vault:asset", args=[w.acme.pk, nas.pk]))
    assert "Nightly backup" in page.content.decode()
    # Cleared with null; another field's PATCH keeps it.
    assert patch_json(api, f"/api/v1/checks/{check.pk}", {"name": "Backup"}).json()["asset"] == (
        nas.pk
    )
    assert patch_json(api, f"/api/v1/checks/{check.pk}", {"asset": None}).json()["asset"] is None


def test_an_asset_of_another_organization_is_refused_naming_the_field(w: World) -> None:
    theirs = Asset.objects.create(organization=w.globex, name="Globex NAS", kind="server")
    api = api_client(w.admin)
    refused = post_json(
        api,
        "/api/v1/checks",
        {"organization": w.acme.pk, "name": "Backup", "kind": "heartbeat", "asset": theirs.pk},
    )
    assert refused.status_code == 422
    assert "asset" in refused.content.decode()
    assert not Check.objects.exists()
    plan = post_json(
        api,
        "/api/v1/maintenance-plans",
        {
            "organization": w.acme.pk,
            "name": "Restore test",
            "rrule": "FREQ=MONTHLY",
            "starts": "2027-01-04T09:00:00",
            "checklist": ["Restore three files"],
            "asset": theirs.pk,
        },
    )
    assert plan.status_code == 422 and "asset" in plan.content.decode()


def test_a_plan_names_the_asset_it_maintains(w: World) -> None:
    nas = Asset.objects.create(organization=w.acme, name="NAS-01", kind="server")
    api = api_client(w.tech)
    made = post_json(
        api,
        "/api/v1/maintenance-plans",
        {
            "organization": w.acme.pk,
            "name": "Restore test",
            "rrule": "FREQ=MONTHLY",
            "starts": "2027-01-04T09:00:00",
            "checklist": ["Restore three files"],
            "asset": nas.pk,
        },
    )
    assert made.status_code == 201, made.content
    assert made.json()["asset"] == nas.pk
    page = ScanningClient(w.acme_admin).get(reverse("vault_portal:asset", args=[nas.pk]))
    assert "Restore test" in page.content.decode()


def test_the_check_form_offers_only_the_checks_organizations_assets(w: World) -> None:
    nas = Asset.objects.create(organization=w.acme, name="NAS-01", kind="server")
    Asset.objects.create(organization=w.globex, name="Globex NAS", kind="server")
    check = Check.objects.create(
        organization=w.acme,
        name="Backup",
        kind=Kind.HEARTBEAT,
        created_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    client = ScanningClient(w.admin)
    form = client.get(reverse("monitoring:check_edit", args=[check.pk])).content.decode()
    assert "NAS-01" in form and "Globex NAS" not in form
    data = {
        "name": "Backup",
        "impact": "medium",
        "urgency": "medium",
        "tags": "",
        "schedule_mode": "period",
        "period": "1",
        "period_unit": "86400",
        "grace": "1",
        "grace_unit": "3600",
        "tz": "UTC",
        "auto_resolve": "on",
        "reopen_within": "1",
        "reopen_within_unit": "3600",
        "asset": str(nas.pk),
    }
    response = client.post(reverse("monitoring:check_edit", args=[check.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    check.refresh_from_db()
    assert check.asset == nas
