"""A client's tax setting and an agreement's own: through the API, refused with the field
named when it is incomplete, and who may change it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client

from steward.contracts.models import Agreement, OrganizationTax
from steward.test import World, api_client, covers, patch_json, world

pytestmark = pytest.mark.django_db
GET = "GET /api/v1/organizations/{org_id}/tax"
PUT = "PUT /api/v1/organizations/{org_id}/tax"


@pytest.fixture
def w() -> World:
    return world()


def _put(client: Client, org_id: int, body: object) -> object:
    return client.put(f"/api/v1/organizations/{org_id}/tax", body, content_type="application/json")


@covers(GET, PUT, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    anonymous = Client()
    assert anonymous.get(f"/api/v1/organizations/{w.acme.pk}/tax").status_code == 401
    assert _put(anonymous, w.acme.pk, {"treatment": "standard"}).status_code == 401  # type: ignore[attr-defined]


def test_it_sets_and_reads_the_clients_tax(w: World) -> None:
    client = api_client(w.manager)
    before = client.get(f"/api/v1/organizations/{w.acme.pk}/tax").json()
    assert (before["treatment"], before["rate"]) == ("standard", "0.00")
    response = _put(client, w.acme.pk, {"treatment": "standard", "rate": "24"})
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert OrganizationTax.objects.get(organization=w.acme).rate == Decimal("24.00")
    agreement = Agreement.objects.get(organization=w.acme)
    assert agreement.tax().rate == Decimal("24.00") and agreement.tax().category == "S"
    read = api_client(w.acme_admin).get(f"/api/v1/organizations/{w.acme.pk}/tax").json()
    assert read["rate"] == "24.00"


def test_it_names_the_field_of_bad_input_and_writes_nothing(w: World) -> None:
    client = api_client(w.admin)
    exempt = _put(client, w.acme.pk, {"treatment": "exempt", "note": "  "})
    assert exempt.status_code == 422 and exempt.json()["field"] == "note"  # type: ignore[attr-defined]
    high = _put(client, w.acme.pk, {"treatment": "standard", "rate": "101"})
    assert high.status_code == 422 and high.json()["field"] == "rate"  # type: ignore[attr-defined]
    odd = _put(client, w.acme.pk, {"treatment": "zero"})
    assert odd.status_code == 422 and odd.json()["field"] == "treatment"  # type: ignore[attr-defined]
    assert not OrganizationTax.objects.exists()


@covers(GET, PUT, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    client = api_client(w.acme_admin)
    assert client.get(f"/api/v1/organizations/{w.globex.pk}/tax").status_code == 404
    tech = api_client(w.tech)  # assigned to Acme only
    assert tech.get(f"/api/v1/organizations/{w.globex.pk}/tax").status_code == 404
    assert _put(tech, w.globex.pk, {"treatment": "standard"}).status_code == 404  # type: ignore[attr-defined]


@covers(PUT, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    for user in (w.tech, w.acme_admin):
        response = _put(api_client(user), w.acme.pk, {"treatment": "standard", "rate": "24"})
        assert response.status_code == 403  # type: ignore[attr-defined]
    refused = api_client(w.acme_user).get(f"/api/v1/organizations/{w.acme.pk}/tax")
    assert refused.status_code == 403
    assert not OrganizationTax.objects.exists()


def test_an_agreement_sets_its_own_tax_through_the_api(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    url = f"/api/v1/agreements/{agreement.pk}"
    client = api_client(w.manager)
    missing = patch_json(client, url, {"tax_treatment": "standard"})
    assert missing.status_code == 422 and missing.json()["field"] == "tax_rate"
    done = patch_json(client, url, {"tax_treatment": "reverse_charge"})
    assert done.status_code == 200 and done.json()["tax_treatment"] == "reverse_charge"
    agreement.refresh_from_db()
    assert agreement.tax().category == "AE" and "Article 196" in agreement.tax().note
    history = client.get(f"{url}/versions").json()["items"]
    changed = {c["field"]: c["to"] for c in history[-1]["changes"]}
    assert changed["tax_treatment"] == "reverse_charge"
