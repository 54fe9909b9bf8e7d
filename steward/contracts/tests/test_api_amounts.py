"""Money in agreement bodies: a price is never negative, in any field that carries one."""

from __future__ import annotations

import pytest

from steward.contracts.models import Agreement, CoveredService, Service
from steward.test import api_client, patch_json, post_json, world

pytestmark = pytest.mark.django_db


def test_it_refuses_a_negative_service_price() -> None:
    w = world()
    Service.objects.create(code="backup", name="Backup monitoring")
    agreement = Agreement.objects.get(organization=w.acme)
    url = f"/api/v1/agreements/{agreement.pk}"
    response = patch_json(api_client(w.manager), url, {"services": {"backup": "-5.00"}})
    assert response.status_code == 422
    assert response.json()["field"] == "services.backup"
    response = post_json(
        api_client(w.manager),
        "/api/v1/agreements",
        {
            "organization": w.acme.pk,
            "name": "Cheap",
            "starts": "2027-01-01",
            "sla_policy": w.policy.pk,
            "services": {"backup": "-0.01"},
        },
    )
    assert response.status_code == 422
    assert not CoveredService.objects.exists()
    assert not Agreement.objects.filter(name="Cheap").exists()
    # Zero is a price (included at no charge).
    response = patch_json(api_client(w.manager), url, {"services": {"backup": "0"}})
    assert response.status_code == 200, response.content
