"""Agreement versions: every change of terms recorded, never edited."""

from __future__ import annotations

import json
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from steward.contracts import actions as contract_actions
from steward.contracts.models import Agreement, AgreementVersion, Billing, Service
from steward.test import World, api_client, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")


@pytest.fixture
def w() -> World:
    return world()


def _acme(w: World) -> Agreement:
    return Agreement.objects.get(organization=w.acme)


def test_it_records_each_change_as_a_version(w: World) -> None:
    agreement = _acme(w)
    backup = Service.objects.create(code="backup", name="Backup monitoring")
    first = contract_actions.version_of(agreement)
    assert first.number == 1 and first.changes == []
    second = contract_actions.revise(
        agreement,
        w.manager,
        {"hourly_rate": Decimal("90.00"), "billing": Billing.BLOCK_HOURS},
        services={"backup": Decimal("25.00")},
        note="Renewal 2027",
    )
    assert second.number == 2 and second.created_by == w.manager
    changed = {c["field"]: (c["from"], c["to"]) for c in second.changes}
    assert changed["hourly_rate"] == ("0.00", "90.00")
    assert changed["billing"] == ("managed_user", "block_hours")
    assert changed["services"] == ({}, {"backup": "25.00"})
    # Nothing changed: no new version.
    assert (
        contract_actions.revise(agreement, w.manager, {"hourly_rate": Decimal("90.00")}).number == 2
    )
    assert backup.agreements.get() == agreement


def test_it_never_edits_or_deletes_a_version(w: World) -> None:
    version = contract_actions.version_of(_acme(w))
    version.note = "rewritten history"
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert AgreementVersion.objects.get(pk=version.pk).note == "first version"


def test_tickets_keep_the_terms_in_force_when_opened(w: World) -> None:
    agreement = _acme(w)
    before = make_ticket(w.acme)
    contract_actions.revise(agreement, w.manager, {"hourly_rate": Decimal("120.00")})
    after = make_ticket(w.acme)
    assert before.agreement_version is not None and before.agreement_version.number == 1
    assert after.agreement_version is not None and after.agreement_version.number == 2
    assert before.agreement_version.terms["hourly_rate"] == "0.00"


def test_it_revises_through_the_api_and_lists_the_history(w: World) -> None:
    agreement = _acme(w)
    client = api_client(w.manager)
    url = f"/api/v1/agreements/{agreement.pk}"
    bad = client.patch(url, json.dumps({"hourly_rate": -5}), content_type="application/json")
    assert bad.status_code == 422 and bad.json()["field"] == "hourly_rate"
    unknown = client.patch(
        url, json.dumps({"services": {"nope": "1.00"}}), content_type="application/json"
    )
    assert unknown.status_code == 422 and unknown.json()["field"] == "services"
    assert agreement.versions.count() <= 1  # Refused changes leave no version behind.
    ok = client.patch(
        url,
        json.dumps({"hourly_rate": "95.50", "note": "price list 2027"}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["hourly_rate"] == "95.50"
    history = api_client(w.acme_admin).get(f"{url}/versions").json()["items"]
    assert [v["number"] for v in history] == [1, 2]
    assert history[1]["changes"] == [{"field": "hourly_rate", "from": "0.00", "to": "95.50"}]
    assert history[1]["created_by"] == str(w.manager)


def test_the_history_reads_as_sentences_in_the_clients_language(w: World) -> None:
    from django.utils import translation

    from steward.contracts.templatetags.contract_tags import change_lines
    from steward.sla.models import SlaPolicy

    agreement = _acme(w)
    Service.objects.create(code="backup", name="Backup monitoring")
    slower = SlaPolicy.objects.create(
        name="Slower",
        targets={**agreement.sla_policy.targets, "P1": {"first_response": 120, "resolution": 480}},
    )
    version = contract_actions.revise(
        agreement,
        w.manager,
        {"billing": Billing.BLOCK_HOURS, "sla_policy": slower},
        services={"backup": Decimal("10.00")},
    )
    lines = change_lines(version.changes)
    assert ("Billing", "Managed, per user", "Block of prepaid hours") in lines
    assert ("Backup monitoring", "not covered", "covered, 10.00 a month") in lines
    assert agreement.versions.get(number=1).terms["sla_targets"]["P1"]["first_response"] == 30
    assert ("P1 first response", "30 min of business time", "2 h of business time") in lines
    with translation.override("el"):
        greek = change_lines(version.changes)
    assert ("Χρέωση", "Διαχείριση, ανά χρήστη", "Πακέτο προπληρωμένων ωρών") in greek


def test_kpi_targets_are_the_known_kpis_within_their_range(w: World) -> None:
    from steward.contracts.templatetags.contract_tags import change_lines

    agreement = _acme(w)
    client = api_client(w.manager)
    url = f"/api/v1/agreements/{agreement.pk}"
    for targets in ({"uptime": 99}, {"csat": 7}, {"sla_compliance": "lots"}, {"csat": True}):
        bad = client.patch(
            url, json.dumps({"kpi_targets": targets}), content_type="application/json"
        )
        assert bad.status_code == 422, targets
        assert bad.json()["field"] == "kpi_targets", bad.json()
        # The detail names the target at fault and what is wrong with it.
        key = next(iter(targets))
        assert bad.json()["detail"].startswith(f"kpi_targets: {key}"), bad.json()
    assert "the target is a number" in bad.json()["detail"]  # {"csat": true}
    ok = client.patch(
        url,
        json.dumps({"kpi_targets": {"sla_compliance": 95, "median_first_response_minutes": 30}}),
        content_type="application/json",
    )
    assert ok.status_code == 200 and ok.json()["kpi_targets"]["sla_compliance"] == 95
    version = agreement.versions.order_by("-number").first()
    assert version is not None
    assert ("Tickets within their SLA targets", "no target", "at least 95 %") in change_lines(
        version.changes
    )


def test_changing_an_sla_policy_in_the_admin_makes_a_version_of_its_agreements(w: World) -> None:
    from django.contrib import admin
    from django.test import RequestFactory

    from steward.sla.models import SlaPolicy

    agreement = _acme(w)
    contract_actions.version_of(agreement)
    policy = SlaPolicy.objects.get(pk=agreement.sla_policy_id)
    policy.targets = {**policy.targets, "P1": {**policy.targets["P1"], "first_response": 120}}
    request = RequestFactory().post("/")
    request.user = w.admin
    admin.site._registry[SlaPolicy].save_model(request, policy, None, True)
    latest = agreement.versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.created_by == w.admin
    assert [c["field"] for c in latest.changes] == ["sla_targets"]
    assert latest.terms["sla_targets"]["P1"]["first_response"] == 120


def test_changing_an_agreement_in_the_admin_makes_a_version(w: World) -> None:
    from django.contrib import admin
    from django.test import RequestFactory

    agreement = _acme(w)
    contract_actions.version_of(agreement)
    request = RequestFactory().post("/")
    request.user = w.admin
    model_admin = admin.site._registry[Agreement]
    form_class = model_admin.get_form(request, agreement)
    data = {
        "organization": agreement.organization_id,
        "name": agreement.name,
        "starts": agreement.starts.isoformat(),
        "sla_policy": agreement.sla_policy_id,
        **{f: getattr(agreement, f) for f in ("billing", "currency", "monthly_fee", "unit_price",
           "devices", "out_of_hours_multiplier", "included_hours", "block_hours",
           "increment_minutes", "exclusions")},
        "hourly_rate": "77.00",
        "kpi_targets": "{}",
        "created_at_0": agreement.created_at.date().isoformat(),
        "created_at_1": agreement.created_at.strftime("%H:%M:%S"),
    }  # fmt: skip
    form = form_class(data, instance=agreement)
    assert form.is_valid(), form.errors
    # What the admin's change view does with a valid form.
    model_admin.save_model(request, form.save(commit=False), form, True)
    model_admin.save_related(request, form, [], True)
    latest = agreement.versions.order_by("-number").first()
    assert latest is not None and latest.number == 2 and latest.created_by == w.admin
    assert latest.changes == [{"field": "hourly_rate", "from": "0.00", "to": "77.00"}]
    assert latest.note == "changed in the admin"
