"""The advice API: DESIGN.md's shape, the financial interest required, decisions kept with who
and when, tenancy, roles and bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from steward.accounts.models import Role
from steward.reports.models import Decision, Problem, Recommendation
from steward.test import World, api_client, covers, make_user, patch_json, post_json, world
from steward.vault.models import Asset, PostureControl

pytestmark = pytest.mark.django_db

R = "/api/v1/recommendations"
LIST, CREATE = "GET /api/v1/recommendations", "POST /api/v1/recommendations"
ONE, CHANGE = "GET /api/v1/recommendations/{rec_id}", "PATCH /api/v1/recommendations/{rec_id}"
DECIDE = "POST /api/v1/recommendations/{rec_id}/decision"
FIELDS = {
    "organization", "title", "rationale", "risk_if_declined", "cost_once", "cost_monthly",
    "provider_interest", "control", "asset", "problem", "status",
}  # fmt: skip


@pytest.fixture
def w() -> World:
    return world()


def _body(w: World, **kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "organization": w.acme.pk,
        "title": "Replace the file server's disks",
        "rationale": "Two of four disks report reallocated sectors.",
        "risk_if_declined": "A third failure loses the shares.",
        "cost_once": "1200.00",
        "cost_monthly": "0",
        "provider_interest": "We resell the disks at 15% margin.",
    }
    body.update(kw)
    return body


def _made(w: World, **kw: Any) -> dict[str, Any]:
    response = post_json(api_client(w.tech), R, _body(w, **kw))
    assert response.status_code == 201, response.content
    return response.json()  # type: ignore[no-any-return]


@covers(LIST, CREATE, ONE, CHANGE, kinds=("login", "tenancy", "role"))
def test_staff_write_advice_and_the_client_admin_reads_it(w: World) -> None:
    data = _made(w)
    assert set(data) >= FIELDS
    assert (data["status"], data["cost_once"], data["provider_interest"]) == (
        "proposed",
        "1200.00",
        "We resell the disks at 15% margin.",
    )
    url = f"{R}/{data['id']}"
    admin = api_client(w.acme_admin)
    assert admin.get(url).json()["title"] == "Replace the file server's disks"
    assert [r["id"] for r in admin.get(R).json()["items"]] == [data["id"]]
    # Client users read no advice; another organization sees none of it.
    assert api_client(w.acme_user).get(url).status_code == 404
    assert api_client(w.acme_user).get(R).json()["items"] == []
    assert api_client(w.globex_user).get(url).status_code == 404
    assert api_client(w.globex_user).get(R).json()["items"] == []
    assert Client().get(R).status_code == 401
    # Clients do not write advice.
    assert post_json(admin, R, _body(w)).status_code == 403
    assert patch_json(admin, url, {"title": "Cheaper"}).status_code == 403
    outsider = make_user(Role.TECHNICIAN)
    assert patch_json(api_client(outsider), url, {"title": "x"}).status_code == 404
    assert post_json(api_client(outsider), R, _body(w)).status_code == 422
    changed = patch_json(api_client(w.tech), url, {"cost_monthly": "15.50"})
    assert changed.status_code == 200 and changed.json()["cost_monthly"] == "15.50"


def test_the_list_filters_by_organization_and_status(w: World) -> None:
    first = _made(w)
    _made(w, title="MFA for everyone")
    post_json(api_client(w.manager), R, _body(w, organization=w.globex.pk))
    post_json(api_client(w.acme_admin), f"{R}/{first['id']}/decision", {"decision": "declined"})
    manager = api_client(w.manager)
    assert manager.get(R).json()["count"] == 3
    assert manager.get(f"{R}?organization={w.acme.pk}").json()["count"] == 2
    declined = manager.get(f"{R}?status=declined").json()["items"]
    assert [r["id"] for r in declined] == [first["id"]]
    bad = manager.get(f"{R}?status=maybe")
    assert bad.status_code == 422 and bad.json()["field"] == "status"


@pytest.mark.parametrize("interest", ["", "   ", "\n\t", None])
def test_the_financial_interest_is_required(w: World, interest: Any) -> None:
    response = post_json(api_client(w.tech), R, _body(w, provider_interest=interest))
    assert response.status_code == 400
    assert response.json()["field"] == "provider_interest"
    assert not Recommendation.objects.exists()


def test_none_is_an_answer_but_blank_is_not_on_patch(w: World) -> None:
    data = _made(w, provider_interest="none")
    assert data["provider_interest"] == "none"
    url = f"{R}/{data['id']}"
    response = patch_json(api_client(w.tech), url, {"provider_interest": "  "})
    assert response.status_code == 400 and response.json()["field"] == "provider_interest"
    assert Recommendation.objects.get().provider_interest == "none"


def test_links_must_be_of_the_same_organization(w: World) -> None:
    ours = Asset.objects.create(organization=w.acme, name="FS01", kind="server")
    theirs = Asset.objects.create(organization=w.globex, name="GX-FS", kind="server")
    their_control = PostureControl.objects.create(organization=w.globex, control="ce.firewalls")
    their_problem = Problem.objects.create(organization=w.globex, title="Globex VPN drops")
    assert _made(w, asset=ours.pk)["asset"] == ours.pk
    for field, pk in (
        ("asset", theirs.pk),
        ("control", their_control.pk),
        ("problem", their_problem.pk),
    ):
        response = post_json(api_client(w.manager), R, _body(w, **{field: pk}))
        assert response.status_code == 400, field
        assert response.json()["field"] == field
    negative = post_json(api_client(w.tech), R, _body(w, cost_once="-1"))
    assert negative.status_code == 422 and negative.json()["field"] == "cost_once"
    assert Recommendation.objects.count() == 1


@covers(DECIDE, kinds=("login", "tenancy", "role"))
def test_every_decision_is_kept_with_who_and_when(w: World) -> None:
    data = _made(w)
    url = f"{R}/{data['id']}/decision"
    admin = api_client(w.acme_admin)
    other_admin = make_user(Role.CLIENT_ADMIN, w.acme, name="Bea Acme")
    assert (
        post_json(admin, url, {"decision": "deferred", "note": "Next quarter"}).status_code == 201
    )
    assert post_json(api_client(other_admin), url, {"decision": "declined"}).status_code == 201
    last = post_json(admin, url, {"decision": "accepted", "note": "After the scare"})
    assert last.status_code == 201
    answer = last.json()
    assert answer["status"] == "accepted"
    assert [(d["decision"], d["by"], d["note"]) for d in answer["decisions"]] == [
        ("accepted", w.acme_admin.pk, "After the scare"),
        ("declined", other_admin.pk, ""),
        ("deferred", w.acme_admin.pk, "Next quarter"),
    ]
    assert all(d["at"] for d in answer["decisions"])
    assert Decision.objects.count() == 3
    assert Recommendation.objects.get().status == "accepted"


def test_only_the_client_admin_decides(w: World) -> None:
    data = _made(w)
    url = f"{R}/{data['id']}/decision"
    for provider in (w.tech, w.manager, w.admin):
        response = post_json(api_client(provider), url, {"decision": "accepted"})
        assert response.status_code == 403, provider.role
    assert post_json(api_client(w.acme_user), url, {"decision": "accepted"}).status_code == 403
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert post_json(api_client(globex_admin), url, {"decision": "accepted"}).status_code == 404
    assert post_json(api_client(w.globex_user), url, {"decision": "accepted"}).status_code == 404
    bad = post_json(api_client(w.acme_admin), url, {"decision": "maybe"})
    assert bad.status_code == 400 and bad.json()["field"] == "decision"
    assert Client().post(url).status_code == 401
    assert not Decision.objects.exists()
    assert Recommendation.objects.get().status == "proposed"


def test_the_provider_may_only_re_propose(w: World) -> None:
    data = _made(w)
    url = f"{R}/{data['id']}"
    tech = api_client(w.tech)
    refused = patch_json(tech, url, {"status": "accepted"})
    assert refused.status_code == 403 and refused.json()["field"] == "status"
    post_json(api_client(w.acme_admin), f"{url}/decision", {"decision": "deferred"})
    again = patch_json(tech, url, {"status": "proposed", "cost_once": "990.00"})
    assert again.status_code == 200
    assert (again.json()["status"], again.json()["cost_once"]) == ("proposed", "990.00")
    # Re-proposing keeps the client's earlier answer.
    assert [d["decision"] for d in again.json()["decisions"]] == ["deferred"]
