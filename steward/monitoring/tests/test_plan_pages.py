"""The desk's maintenance-plan pages: list, history, create and change; tenancy and roles."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.desk import actions
from steward.desk.models import Status
from steward.monitoring import plans
from steward.monitoring.models import MaintenancePlan
from steward.test import ScanningClient, World, covers, world

pytestmark = pytest.mark.django_db
PAGES = ("monitoring:plans", "monitoring:plan", "monitoring:plan_new", "monitoring:plan_edit")

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)


@pytest.fixture
def w() -> World:
    return world()


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def _plan(w: World, org: Any = None) -> MaintenancePlan:
    org = org or w.acme
    return plans.save_plan(
        MaintenancePlan(
            organization=org,
            name=f"Patch servers {org.name}",
            rrule="FREQ=WEEKLY",
            starts=datetime(2026, 3, 6, 12, 0, tzinfo=UTC),
            checklist=["Patch", "Reboot"],
            assignee=w.tech if org == w.acme else None,
        ),
        now=datetime(2026, 3, 1, tzinfo=UTC),
    )


def _form(w: World, **kw: Any) -> dict[str, Any]:
    data = {
        "organization": w.acme.pk,
        "name": "Monthly restore test",
        "rrule": "FREQ=MONTHLY;BYMONTHDAY=1",
        "starts": "2026-04-01T09:00",
        "checklist": "Restore 3 files\n\nCompare checksums\n",
        "assignee": w.tech.pk,
        "estimated_minutes": 40,
        "active": "on",
    }
    data.update(kw)
    return data


def test_the_list_shows_next_occurrences_and_the_record(w: World) -> None:
    plan = _plan(w)
    [done] = plans.open_due(now=NOW)
    assert done.ticket is not None
    actions.change_status(done.ticket, Status.RESOLVED, w.tech)
    page = ScanningClient(w.tech).get(reverse("monitoring:plans")).content.decode()
    assert plan.name in page
    # Three were due: 6 and 13 March were missed, 20 March was opened and resolved.
    assert "1 of 3 planned checks done on time" in page
    detail = ScanningClient(w.tech).get(reverse("monitoring:plan", args=[plan.pk]))
    text = detail.content.decode()
    assert done.ticket.number in text and "Skipped" in text and "Reboot" in text


def test_it_creates_a_plan_in_the_organizations_time(w: World) -> None:
    client = ScanningClient(w.tech)
    response = client.post(reverse("monitoring:plan_new"), _form(w))
    assert response.status_code == 302, response.content.decode()[-2000:]
    plan = MaintenancePlan.objects.get(name="Monthly restore test")
    assert plan.checklist == ["Restore 3 files", "Compare checksums"]
    assert plan.starts == datetime(2026, 4, 1, 6, 0, tzinfo=UTC)  # 09:00 in Athens, summer
    assert plan.next_at == plan.starts and plan.estimated_minutes == 40
    response = client.post(
        reverse("monitoring:plan_edit", args=[plan.pk]),
        _form(w, name="Restore test", rrule="FREQ=NEVER"),
    )
    assert response.status_code == 400 and "not an RFC 5545 RRULE" in response.content.decode()
    response = client.post(
        reverse("monitoring:plan_edit", args=[plan.pk]), _form(w, name="Renamed")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.name == "Renamed"


def test_it_names_what_is_wrong(w: World) -> None:
    client = ScanningClient(w.admin)
    for data in (_form(w, checklist="  \n"), _form(w, estimated_minutes=0), _form(w, rrule="")):
        assert client.post(reverse("monitoring:plan_new"), data).status_code == 400
    assert not MaintenancePlan.objects.exists()


@covers(*PAGES, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    ours, theirs = _plan(w), _plan(w, w.globex)
    client = ScanningClient(w.tech)
    assert theirs.name not in client.get(reverse("monitoring:plans")).content.decode()
    assert ours.name in client.get(reverse("monitoring:plans")).content.decode()
    for name in ("monitoring:plan", "monitoring:plan_edit"):
        assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    response = client.post(reverse("monitoring:plan_edit", args=[theirs.pk]), _form(w))
    assert response.status_code == 404
    response = client.post(reverse("monitoring:plan_new"), _form(w, organization=w.globex.pk))
    assert response.status_code == 400
    assert not MaintenancePlan.objects.filter(organization=w.globex).exclude(pk=theirs.pk).exists()


@covers(*PAGES, kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    plan = _plan(w)
    for user in (w.acme_admin, w.acme_user):
        client = Client()
        client.force_login(user)
        for url in (
            reverse("monitoring:plans"),
            reverse("monitoring:plan", args=[plan.pk]),
            reverse("monitoring:plan_new"),
        ):
            assert client.get(url).status_code == 404
        assert client.post(reverse("monitoring:plan_new"), _form(w)).status_code == 404
    assert MaintenancePlan.objects.count() == 1


@covers(*PAGES, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    plan = _plan(w)
    for url in (
        reverse("monitoring:plans"),
        reverse("monitoring:plan", args=[plan.pk]),
        reverse("monitoring:plan_new"),
        reverse("monitoring:plan_edit", args=[plan.pk]),
    ):
        response = Client().get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
