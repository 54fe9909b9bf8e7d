"""The desk's settings pages: business calendars, SLA policies, queues and routing rules."""

from __future__ import annotations

import re
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.contracts.models import Agreement
from steward.desk.models import Queue, RoutingRule, Source
from steward.sla.models import BusinessCalendar, SlaPolicy
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db

ROUTES = (
    "policies:calendars",
    "policies:calendar_new",
    "policies:calendar",
    "policies:policies",
    "policies:policy_new",
    "policies:policy",
    "policies:queues",
    "policies:queue_new",
    "policies:queue",
    "policies:rule_new",
    "policies:rule",
    "policies:rule_delete",
)
WRITES = ROUTES  # every page posts, or is a form for a new row


@pytest.fixture
def w() -> World:
    return world()


def _urls(w: World) -> dict[str, str]:
    queue = Queue.objects.create(name="Desk", is_default=True)
    rule = RoutingRule.objects.create(organization=w.acme, queue=queue)
    return {
        "policies:calendars": reverse("policies:calendars"),
        "policies:calendar_new": reverse("policies:calendar_new"),
        "policies:calendar": reverse("policies:calendar", args=[w.calendar.pk]),
        "policies:policies": reverse("policies:policies"),
        "policies:policy_new": reverse("policies:policy_new"),
        "policies:policy": reverse("policies:policy", args=[w.policy.pk]),
        "policies:queues": reverse("policies:queues"),
        "policies:queue_new": reverse("policies:queue_new"),
        "policies:queue": reverse("policies:queue", args=[queue.pk]),
        "policies:rule_new": reverse("policies:rule_new"),
        "policies:rule": reverse("policies:rule", args=[rule.pk]),
        "policies:rule_delete": reverse("policies:rule_delete", args=[rule.pk]),
    }


def _week(**days: list[tuple[str, str]]) -> dict[str, str]:
    data = {}
    for day, pairs in days.items():
        for i, (start, end) in enumerate(pairs):
            data[f"{day}_{i}_start"], data[f"{day}_{i}_end"] = start, end
    return data


def _calendar(**kw: Any) -> dict[str, str]:
    data = {
        "name": "Athens split shift",
        "timezone": "Europe/Athens",
        "holiday_country": "GR",
        "holiday_subdivision": "",
        "closed_dates": "2027-01-04",
        "extra_working_dates": "2027-01-09",
    }
    data |= _week(mon=[("09:00", "13:00"), ("14:00", "18:00")], tue=[("09:00", "17:00")])
    return data | kw


def _save_calendar(client: Client, url: str, data: dict[str, str]) -> Any:
    """Preview, then save what was previewed, as a person at the page does."""
    first = client.post(url, data)
    assert first.status_code == 200, first.content.decode()[-2000:]
    found = re.search(r'name="previewed" value="(\w+)"', first.content.decode())
    assert found, "no preview"
    return client.post(url, data | {"previewed": found.group(1)})


@covers(*ROUTES, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for name, url in _urls(w).items():
        method = "post" if name == "policies:rule_delete" else "get"
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("account_login")), name


@covers(*ROUTES, kinds=("tenancy",))
def test_it_hides_the_settings_from_clients(w: World) -> None:
    # Calendars, policies and queues are the provider's; a client is told they do not exist.
    urls = _urls(w)
    for user in (w.acme_admin, w.acme_user):
        client = ScanningClient(user)
        for name, url in urls.items():
            assert client.get(url).status_code == 404, (user.role, name)
            assert client.post(url, _calendar()).status_code == 404, (user.role, name)
    assert RoutingRule.objects.count() == 1
    assert not BusinessCalendar.objects.filter(name="Athens split shift").exists()


@covers(*WRITES, kinds=("role",))
def test_it_lets_technicians_read_but_not_write(w: World) -> None:
    urls = _urls(w)
    tech = ScanningClient(w.tech)
    for name in ("policies:calendars", "policies:calendar", "policies:policies"):
        assert tech.get(urls[name]).status_code == 200, name
    for name in ("policies:policy", "policies:queues", "policies:queue"):
        page = tech.get(urls[name])
        assert page.status_code == 200, name
        assert "Read only" in page.content.decode() or name == "policies:queues"
    for name in ("policies:calendar_new", "policies:policy_new", "policies:queue_new"):
        assert tech.get(urls[name]).status_code == 403, name
    for name in ("policies:rule_new", "policies:rule"):
        assert tech.get(urls[name]).status_code == 403, name
    for name, url in urls.items():
        assert tech.post(url, _calendar(name="Renamed")).status_code == 403, name
    w.calendar.refresh_from_db()
    assert w.calendar.name == "Athens office"
    assert RoutingRule.objects.count() == 1 and Queue.objects.count() == 1
    assert not BusinessCalendar.objects.filter(name="Renamed").exists()


# Calendars


def test_it_shows_the_holidays_before_saving(w: World) -> None:
    admin = ScanningClient(w.admin)
    with time_machine.travel("2026-12-02 10:00Z"):
        preview = admin.post(reverse("policies:calendar_new"), _calendar())
    body = preview.content.decode()
    assert preview.status_code == 200
    assert not BusinessCalendar.objects.filter(name="Athens split shift").exists()
    # The next 12 months: Christmas 2026 and Epiphany 2027 are in, Christmas 2027 is not.
    assert "Christmas Day" in body and "Epiphany" in body
    assert "25 Dec 2027" not in body
    assert "Fri, 25 Dec 2026" in body  # the viewer's locale formats the dates
    assert "Mon, 4 Jan 2027" in body and "Sat, 9 Jan 2027" in body


def test_it_names_the_holidays_and_dates_in_the_viewers_language(w: World) -> None:
    w.admin.language = "el"
    w.admin.save()
    admin = ScanningClient(w.admin)
    with time_machine.travel("2026-12-02 10:00Z"):
        body = admin.post(reverse("policies:calendar_new"), _calendar()).content.decode()
    body = re.sub(r"[\u00a0\u202f]", " ", body)  # CLDR's no-break spaces
    assert "Χριστούγεννα" in body
    assert "Παρ 25 Δεκ 2026" in body


def test_it_saves_several_intervals_a_day_after_the_preview(w: World) -> None:
    response = _save_calendar(
        ScanningClient(w.admin), reverse("policies:calendar_new"), _calendar()
    )
    assert response.status_code == 302
    cal = BusinessCalendar.objects.get(name="Athens split shift")
    assert cal.weekly == {
        "mon": [["09:00", "13:00"], ["14:00", "18:00"]],
        "tue": [["09:00", "17:00"]],
    }
    assert cal.timezone == "Europe/Athens" and cal.holiday_country == "GR"
    assert cal.closed_dates == ["2027-01-04"] and cal.extra_working_dates == ["2027-01-09"]
    # The page shows the intervals again, with an empty one spare for a third.
    page = ScanningClient(w.admin).get(response["Location"]).content.decode()
    assert 'name="mon_1_start" value="14:00"' in page and 'name="mon_2_start"' in page


def test_it_previews_again_when_the_form_changed_after_the_preview(w: World) -> None:
    admin = ScanningClient(w.admin)
    url = reverse("policies:calendar_new")
    first = admin.post(url, _calendar())
    fingerprint = re.search(r'name="previewed" value="(\w+)"', first.content.decode())
    assert fingerprint
    changed = _calendar(holiday_country="CN") | {"previewed": fingerprint.group(1)}
    again = admin.post(url, changed)
    assert again.status_code == 200 and "Check before saving" in again.content.decode()
    assert not BusinessCalendar.objects.filter(name="Athens split shift").exists()


def test_it_sorts_intervals_typed_out_of_order(w: World) -> None:
    data = _calendar() | _week(mon=[("14:00", "18:00"), ("09:00", "13:00")])
    _save_calendar(ScanningClient(w.admin), reverse("policies:calendar_new"), data)
    cal = BusinessCalendar.objects.get(name="Athens split shift")
    assert cal.weekly["mon"] == [["09:00", "13:00"], ["14:00", "18:00"]]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        (_week(mon=[("09:00", "13:00"), ("12:00", "18:00")]), "mon_1_end", "overlaps"),
        (_week(mon=[("17:00", "09:00")]), "mon_0_end", "ends before it starts"),
        (_week(mon=[("9", "17:00")]), "mon_0_start", "is not a time"),
        (_week(mon=[("09:00", "")]), "mon_0_end", "is not a time"),
        ({"holiday_country": "XX"}, "holiday_country", "Select a valid choice"),
        ({"holiday_subdivision": "ZZZ"}, "holiday_subdivision", "is not a subdivision"),
        ({"closed_dates": "2027-02-30"}, "closed_dates", "is not a date"),
        ({"extra_working_dates": "tomorrow"}, "extra_working_dates", "is not a date"),
        ({"timezone": "Mars/Olympus"}, "timezone", "Select a valid choice"),
        ({"name": ""}, "name", "required"),
    ],
)
def test_it_refuses_bad_calendars_naming_the_field(
    w: World, change: dict[str, str], field: str, message: str
) -> None:
    admin = ScanningClient(w.admin)
    url = reverse("policies:calendar", args=[w.calendar.pk])
    before = BusinessCalendar.objects.values().get(pk=w.calendar.pk)
    response = admin.post(url, _calendar() | change | {"previewed": "x"})
    assert response.status_code == 400
    form = response.context["form"]
    assert field in form.errors, form.errors
    assert message in " ".join(form.errors[field])
    assert BusinessCalendar.objects.values().get(pk=w.calendar.pk) == before


def test_it_tells_how_many_open_tickets_count_in_a_calendar(w: World) -> None:
    make_ticket(w.acme)  # Acme's calendar is the world's; its policy has none of its own
    page = ScanningClient(w.admin).get(reverse("policies:calendar", args=[w.calendar.pk]))
    assert "Open tickets counting their SLA in this calendar: 1." in page.content.decode()


def test_it_keeps_recorded_due_times_when_a_calendar_changes(w: World) -> None:
    # As the API's PATCH does: saving a calendar rewrites no ticket; each is worked out again
    # at its next change or SLA check.
    ticket = make_ticket(w.acme)
    due = ticket.resolution_due
    data = _calendar(name="Athens office") | _week(mon=[("10:00", "11:00")])
    url = reverse("policies:calendar", args=[w.calendar.pk])
    assert _save_calendar(ScanningClient(w.admin), url, data).status_code == 302
    ticket.refresh_from_db()
    assert ticket.resolution_due == due


# SLA policies


def _policy(**kw: str) -> dict[str, str]:
    data = {"name": "Gold", "calendar": "", "warning_percent": "75"}
    for i, p in enumerate(("P1", "P2", "P3", "P4")):
        data |= {f"{p}_first_response_h": str(i), f"{p}_first_response_m": "30"}
        data |= {f"{p}_next_update_h": "", f"{p}_next_update_m": ""}
        data |= {f"{p}_resolution_h": str(4 * (i + 1)), f"{p}_resolution_m": "30"}
    data["P1_next_update_h"] = "1"
    data["pause_resolution"] = "waiting_on_client"
    data["pause_next_update"] = "waiting_on_client"
    return data | kw


def test_it_saves_targets_entered_in_hours_and_minutes(w: World) -> None:
    response = ScanningClient(w.manager).post(reverse("policies:policy_new"), _policy())
    assert response.status_code == 302
    policy = SlaPolicy.objects.get(name="Gold")
    assert policy.targets["P1"] == {"first_response": 30, "next_update": 60, "resolution": 270}
    assert policy.targets["P4"] == {"first_response": 210, "resolution": 990}
    assert policy.pause_statuses == ["waiting_on_client"]
    assert policy.warning_percent == 75
    # Shown back in hours and minutes.
    listing = ScanningClient(w.manager).get(reverse("policies:policies")).content.decode()
    assert "3 h 30 min" in listing and "16 h 30 min" in listing
    w.policy.targets["P4"]["resolution"] = 3 * 1440
    w.policy.save()
    listing = ScanningClient(w.manager).get(reverse("policies:policies")).content.decode()
    assert "72 h" in listing  # business hours, never "3 d"


def test_it_keeps_per_clock_pauses(w: World) -> None:
    data = _policy(pause_first_response="waiting_on_third_party")
    ScanningClient(w.admin).post(reverse("policies:policy_new"), data)
    policy = SlaPolicy.objects.get(name="Gold")
    assert policy.pause_statuses == {
        "first_response": ["waiting_on_third_party"],
        "next_update": ["waiting_on_client"],
        "resolution": ["waiting_on_client"],
    }


def test_it_versions_the_agreements_that_promise_a_changed_policy(w: World) -> None:
    agreement = Agreement.objects.get(organization=w.acme)
    before = agreement.versions.count()
    url = reverse("policies:policy", args=[w.policy.pk])
    response = ScanningClient(w.admin).post(url, _policy(name="Standard"))
    assert response.status_code == 302
    latest = agreement.versions.order_by("-number").first()
    assert agreement.versions.count() == before + 1 and latest is not None
    assert latest.terms["sla_targets"]["P1"]["first_response"] == 30
    assert latest.note == "SLA policy changed"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"P2_resolution_h": "0", "P2_resolution_m": "0"}, "P2_resolution_h"),
        ({"P1_first_response_m": "75"}, "P1_first_response_m"),
        ({"P3_resolution_h": "-1"}, "P3_resolution_h"),
        ({"P3_resolution_h": "soon"}, "P3_resolution_h"),
        ({"warning_percent": "100"}, "warning_percent"),
        ({"calendar": "999999"}, "calendar"),
        ({"pause_resolution": "open"}, "pause_resolution"),
        ({"name": ""}, "name"),
    ],
)
def test_it_refuses_bad_policies_naming_the_field(
    w: World, change: dict[str, str], field: str
) -> None:
    before = SlaPolicy.objects.values().get(pk=w.policy.pk)
    url = reverse("policies:policy", args=[w.policy.pk])
    response = ScanningClient(w.admin).post(url, _policy() | change)
    assert response.status_code == 400
    assert field in response.context["form"].errors, response.context["form"].errors
    assert SlaPolicy.objects.values().get(pk=w.policy.pk) == before


# Queues and rules


def test_it_makes_a_new_default_queue_and_keeps_one_default(w: World) -> None:
    old = Queue.objects.create(name="Desk", is_default=True)
    admin = ScanningClient(w.admin)
    data = {"name": "Front line", "email": "front@provider.test", "is_default": "on"}
    assert admin.post(reverse("policies:queue_new"), data).status_code == 302
    new = Queue.objects.get(name="Front line")
    old.refresh_from_db()
    assert new.is_default and not old.is_default
    assert make_ticket(w.acme).queue == new


def test_it_refuses_to_leave_no_default_queue(w: World) -> None:
    desk = Queue.objects.create(name="Desk", is_default=True)
    url = reverse("policies:queue", args=[desk.pk])
    response = ScanningClient(w.admin).post(url, {"name": "Desk", "email": ""})
    assert response.status_code == 400
    assert "is_default" in response.context["form"].errors
    desk.refresh_from_db()
    assert desk.is_default


def test_it_refuses_a_bad_queue_naming_the_field(w: World) -> None:
    Queue.objects.create(name="Desk", is_default=True)
    admin = ScanningClient(w.admin)
    response = admin.post(reverse("policies:queue_new"), {"name": "Desk", "email": "x"})
    assert response.status_code == 400
    assert {"name", "email"} <= set(response.context["form"].errors)
    assert Queue.objects.count() == 1


def test_it_adds_edits_and_removes_a_routing_rule(w: World) -> None:
    Queue.objects.create(name="Desk", is_default=True)
    phones = Queue.objects.create(name="Phones")
    admin = ScanningClient(w.admin)
    data = {
        "position": "5",
        "organization": "",
        "source": "phone",
        "service": "",
        "queue": phones.pk,
    }
    assert admin.post(reverse("policies:rule_new"), data).status_code == 302
    rule = RoutingRule.objects.get()
    assert rule.source == Source.PHONE and rule.queue == phones
    listing = admin.get(reverse("policies:queues")).content.decode()
    assert "Phones" in listing and "Phone" in listing
    edit = data | {"organization": w.acme.pk}
    assert admin.post(reverse("policies:rule", args=[rule.pk]), edit).status_code == 302
    rule.refresh_from_db()
    assert rule.organization == w.acme
    assert admin.post(reverse("policies:rule_delete", args=[rule.pk])).status_code == 302
    assert not RoutingRule.objects.exists()


def test_it_refuses_a_rule_without_a_condition(w: World) -> None:
    queue = Queue.objects.create(name="Desk", is_default=True)
    data = {"position": "5", "organization": "", "source": "", "service": "", "queue": queue.pk}
    response = ScanningClient(w.admin).post(reverse("policies:rule_new"), data)
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    bad_source = data | {"source": "pigeon"}
    response = ScanningClient(w.admin).post(reverse("policies:rule_new"), bad_source)
    assert response.status_code == 400 and "source" in response.context["form"].errors
    assert not RoutingRule.objects.exists()
