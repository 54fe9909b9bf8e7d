"""The monitoring pages as people use them: the desk's board, a check's page and forms,
maintenance windows, and the client's page in the portal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.desk.models import Source, Ticket
from steward.desk.models import Status as TicketStatus
from steward.monitoring import actions
from steward.monitoring.models import (
    Alert,
    AlertRecipient,
    Check,
    Kind,
    MaintenanceWindow,
    Ping,
    Status,
)
from steward.test import MARKERS, ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 16, 9, 0, tzinfo=UTC)
DESK_READS = ("monitoring:board", "monitoring:check", "monitoring:check_new",
              "monitoring:check_edit", "monitoring:check_delete", "monitoring:windows",
              "monitoring:window_new")  # fmt: skip
DESK_WRITES = ("monitoring:check_new", "monitoring:check_edit", "monitoring:check_delete",
               "monitoring:check_pause", "monitoring:check_resume", "monitoring:window_new",
               "monitoring:window_delete")  # fmt: skip
PORTAL = ("monitoring_portal:home", "monitoring_portal:alerts")
OF_ONE_ROW = {
    "monitoring:check",
    "monitoring:check_edit",
    "monitoring:check_delete",
    "monitoring:check_pause",
    "monitoring:check_resume",
    "monitoring:window_delete",
}


@pytest.fixture
def w() -> World:
    return world()


@pytest.fixture(autouse=True)
def _frozen() -> Any:
    with time_machine.travel(NOW, tick=False):
        yield


def make_check(org: Any, **kw: Any) -> Check:
    kw.setdefault("name", f"Nightly backup {MARKERS.get(org.code, '')}".strip())
    kw.setdefault("kind", Kind.HEARTBEAT)
    kw.setdefault("period", 3600)
    kw.setdefault("grace", 600)
    return actions.save_check(org, actions.CheckInput(**kw))


def down(check: Check, at: datetime, detail: str = "HTTP 500") -> Check:
    """An active check that fails: down, with its ticket."""
    actions.record_result(check, ok=False, at=at, duration_ms=900, detail=detail)
    check.refresh_from_db()
    return check


def _urls(check: Check, window: MaintenanceWindow) -> dict[str, tuple[str, str]]:
    pk = {"pk": check.pk}
    return {
        "monitoring:board": ("get", reverse("monitoring:board")),
        "monitoring:check": ("get", reverse("monitoring:check", kwargs=pk)),
        "monitoring:check_new": ("get", reverse("monitoring:check_new")),
        "monitoring:check_edit": ("get", reverse("monitoring:check_edit", kwargs=pk)),
        "monitoring:check_delete": ("get", reverse("monitoring:check_delete", kwargs=pk)),
        "monitoring:check_pause": ("post", reverse("monitoring:check_pause", kwargs=pk)),
        "monitoring:check_resume": ("post", reverse("monitoring:check_resume", kwargs=pk)),
        "monitoring:windows": ("get", reverse("monitoring:windows")),
        "monitoring:window_new": ("get", reverse("monitoring:window_new")),
        "monitoring:window_delete": (
            "post",
            reverse("monitoring:window_delete", kwargs={"pk": window.pk}),
        ),
        "monitoring_portal:home": ("get", reverse("monitoring_portal:home")),
        "monitoring_portal:alerts": ("post", reverse("monitoring_portal:alerts")),
    }


def _window(org: Any, **kw: Any) -> MaintenanceWindow:
    kw.setdefault("starts", NOW + timedelta(days=1))
    kw.setdefault("ends", NOW + timedelta(days=1, hours=2))
    kw.setdefault("reason", f"Patch night {MARKERS.get(org.code, '')}")
    return actions.save_window(org, actions.WindowInput(**kw), None)


@covers(*DESK_READS, *DESK_WRITES, *PORTAL, kinds=("login",))
def test_it_requires_login(w: World) -> None:
    check = make_check(w.acme)
    for name, (method, url) in _urls(check, _window(w.acme)).items():
        response = getattr(Client(), method)(url)
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"], name
    assert Check.objects.get().status == Status.NEW


@covers(*DESK_READS, *DESK_WRITES, *PORTAL, kinds=("tenancy",))
def test_it_hides_other_organizations(w: World) -> None:
    theirs = make_check(w.globex, name=f"Shop {MARKERS['GLBX']}")
    window = _window(w.globex)
    mine = make_check(w.acme)
    tech = ScanningClient(w.tech)  # assigned to Acme only; fails on a Globex marker
    for name, (method, url) in _urls(theirs, window).items():
        if name.startswith("monitoring_portal:"):
            continue
        response = getattr(tech, method)(url)
        assert response.status_code == (404 if name in OF_ONE_ROW else 200), name
    assert Check.objects.get(pk=theirs.pk).status == Status.NEW
    assert MaintenanceWindow.objects.filter(pk=window.pk).exists()
    board = tech.get(reverse("monitoring:board"))
    assert mine.name in board.content.decode()
    # Even named in the query, another organization's checks do not show.
    tech.get(reverse("monitoring:board") + f"?organization={w.globex.pk}")
    tech.get(reverse("monitoring:windows") + f"?organization={w.globex.pk}")
    tech.get(reverse("monitoring:check_new") + f"?organization={w.globex.pk}")
    # A check of another organization cannot be named in a new window either.
    response = tech.post(
        reverse("monitoring:window_new"),
        {"organization": w.acme.pk, "starts": "2026-03-20T22:00", "ends": "2026-03-20T23:00",
         "checks": [theirs.pk]},
    )  # fmt: skip
    assert response.status_code == 200
    assert MaintenanceWindow.objects.count() == 1
    # The client sees its own organization's checks only, in the portal.
    portal = ScanningClient(w.acme_user).get(reverse("monitoring_portal:home")).content.decode()
    assert mine.name in portal and theirs.name not in portal
    gao = ScanningClient(w.globex_user).get(reverse("monitoring_portal:home")).content.decode()
    assert theirs.name in gao and mine.name not in gao
    # A client admin's opt-in is for their own organization.
    ScanningClient(w.acme_admin).post(reverse("monitoring_portal:alerts"), {"on": "1"})
    assert list(AlertRecipient.objects.values_list("organization", flat=True)) == [w.acme.pk]


@covers(*DESK_WRITES, "monitoring_portal:alerts", kinds=("role",))
def test_it_requires_write_role(w: World) -> None:
    check = make_check(w.acme)
    window = _window(w.acme)
    for person in (w.acme_admin, w.acme_user):
        client = ScanningClient(person)
        for name, (_method, url) in _urls(check, window).items():
            if name in DESK_WRITES or name == "monitoring:window_delete":
                assert client.post(url, {"name": "x"}).status_code == 404, name
    assert Check.objects.get().name == check.name
    assert MaintenanceWindow.objects.count() == 1
    # Outage mail is a client administrator's choice; a client user is not offered it.
    assert ScanningClient(w.acme_user).post(reverse("monitoring_portal:alerts"), {"on": "1"}).status_code == 404  # fmt: skip  # noqa: E501
    assert not AlertRecipient.objects.exists()
    # Provider staff have the desk, not the portal.
    response = ScanningClient(w.tech).post(reverse("monitoring_portal:alerts"), {"on": "1"})
    assert response.status_code == 302 and "/desk/" in response["Location"]
    assert not AlertRecipient.objects.exists()


def test_the_board_puts_down_checks_first_with_tiles_and_filters(w: World) -> None:
    backup = make_check(w.acme, name="Backup", tags=["nas"])
    shop = make_check(
        w.acme, name="Shop", kind=Kind.HTTP, target="https://shop.example.com/", interval=60
    )
    late = make_check(w.acme, name="Antivirus")
    actions.ping(late.code, actions.PingIn(kind="success"), at=NOW - timedelta(minutes=65))
    down(shop, NOW - timedelta(minutes=5))
    paused = actions.pause(make_check(w.acme, name="Old job"), w.tech)
    assert paused.status == Status.PAUSED
    tech = ScanningClient(w.tech)
    page = tech.get(reverse("monitoring:board"))
    assert page.status_code == 200
    tiles = page.context["tiles"]
    assert tiles == {"down": 1, "late": 1, "up": 0, "paused": 1, "new": 1}
    names = [row.check.name for row in page.context["rows"]]
    assert names == ["Shop", "Antivirus", "Backup", "Old job"]
    html = page.content.decode()
    assert "mon-down" in html and "mon-late" in html
    assert "65 minutes ago" in html or "1 hour ago" in html

    def shown(query: str) -> list[str]:
        return [r.check.name for r in tech.get(reverse("monitoring:board") + query).context["rows"]]

    assert shown("?status=late") == ["Antivirus"]
    assert shown("?status=down") == ["Shop"]
    assert shown("?kind=http") == ["Shop"]
    assert shown("?tag=nas") == ["Backup"]
    assert shown(f"?organization={w.acme.pk}&status=paused") == ["Old job"]
    assert backup.pk


def test_the_board_draws_response_times_and_uptime(w: World) -> None:
    shop = make_check(
        w.acme, name="Shop", kind=Kind.HTTP, target="https://shop.example.com/", interval=60
    )
    # Up since 30 h ago, down for the last 6 of 24 hours: 75% over a day.
    for i, ms in enumerate([120, 340, 90]):
        actions.record_result(
            shop, ok=True, at=NOW - timedelta(hours=30) + timedelta(minutes=i), duration_ms=ms,
            detail="200 OK",
        )  # fmt: skip
        shop.refresh_from_db()
    down(shop, NOW - timedelta(hours=6))
    page = ScanningClient(w.tech).get(reverse("monitoring:board"))
    row = page.context["rows"][0]
    assert row.uptime_day == pytest.approx(75)
    assert row.spark is not None and (row.spark.low, row.spark.high, row.spark.last) == (
        90,
        900,
        900,
    )
    html = page.content.decode()
    assert "<polyline" in html and "75%" in html


def test_the_check_page_shows_pings_escaped_flips_and_its_tickets(w: World) -> None:
    beat = make_check(w.acme, name="Backup")
    actions.ping(
        beat.code,
        actions.PingIn(kind="fail", exit_status=3, body="<script>alert(1)</script> disk full"),
        at=NOW - timedelta(minutes=3),
    )
    alert = Alert.objects.get(owner=beat)
    page = ScanningClient(w.tech).get(reverse("monitoring:check", args=[beat.pk]))
    html = page.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; disk full" in html
    assert "<script>alert(1)" not in html
    assert "<details>" in html
    assert reverse("desk:ticket", args=[alert.ticket.number]) in html
    assert "exit status 3" in html  # the flip's reason
    # The ping URL and how to call it, as healthchecks shows it.
    assert beat.ping_url in html
    assert f"curl -fsS -m 10 --retry 5 -o /dev/null {beat.ping_url}" in html
    assert "0 2 * * * /path/backup.sh &amp;&amp; curl" in html
    assert f"Invoke-RestMethod {beat.ping_url}" in html
    assert f"{beat.ping_url}/start" in html and f"{beat.ping_url}/fail" in html


def test_the_portal_shows_no_ping_url_and_no_edit(w: World) -> None:
    beat = make_check(w.acme, name="Backup")
    html = ScanningClient(w.acme_admin).get(reverse("monitoring_portal:home")).content.decode()
    assert "Backup" in html
    assert str(beat.code) not in html
    assert reverse("monitoring:check_edit", args=[beat.pk]) not in html
    assert ScanningClient(w.acme_admin).get(reverse("monitoring:board")).status_code == 404


def _heartbeat_form(org: Any, **kw: Any) -> dict[str, Any]:
    data = {
        "organization": org.pk, "name": "Nightly backup", "kind": "heartbeat",
        "impact": "high", "urgency": "medium", "tags": "backup, nas",
        "schedule_mode": "period", "period": "1", "period_unit": "86400",
        "schedule": "", "tz": "Europe/Athens", "grace": "2", "grace_unit": "3600",
        "auto_resolve": "on", "reopen_within": "1", "reopen_within_unit": "3600",
        "status_codes": "200", "method": "GET",
    }  # fmt: skip
    data.update(kw)
    return data


def test_a_heartbeat_is_made_in_hours_and_days(w: World) -> None:
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), _heartbeat_form(w.acme))
    check = Check.objects.get()
    assert response.status_code == 302 and response["Location"] == check.get_absolute_url()
    assert (check.period, check.grace, check.reopen_within) == (86400, 7200, 3600)
    assert check.tags == ["backup", "nas"] and check.impact == "high"


def test_a_bad_cron_expression_is_shown_on_its_field_and_nothing_is_saved(w: World) -> None:
    data = _heartbeat_form(w.acme, schedule_mode="cron", schedule="61 2 * * *")
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["schedule"]
    assert "five fields" in form.errors["schedule"][0]
    assert "is-invalid" in response.content.decode()
    assert not Check.objects.exists()
    # A good one is taken, in the zone given.
    data["schedule"] = "30 2 * * *"
    assert ScanningClient(w.tech).post(reverse("monitoring:check_new"), data).status_code == 302
    check = Check.objects.get()
    assert (check.schedule, check.tz) == ("30 2 * * *", "Europe/Athens")


def test_a_refusal_of_the_rules_lands_on_the_field_it_names(w: World) -> None:
    data = _heartbeat_form(
        w.acme, kind="http", name="Shop", target="ftp://shop.example.com/", interval="1",
        interval_unit="60", timeout="5", retries="2",
    )  # fmt: skip
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["target"]
    assert "http:// or https://" in response.context["form"].errors["target"][0]
    # Too short a period for a heartbeat: refused by the rules, on the period.
    data = _heartbeat_form(w.acme, period="5", period_unit="1")
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
    assert list(response.context["form"].errors) == ["period"]
    assert not Check.objects.exists()


def test_an_http_check_takes_its_expectations_as_fields(w: World) -> None:
    data = _heartbeat_form(
        w.acme, kind="http", name="Shop", target="https://shop.example.com/health",
        interval="1", interval_unit="60", timeout="5", retries="2", method="HEAD",
        status_codes="200, 301", contains="ok", not_contains="error", max_ms="2000",
        follow_redirects="",
    )  # fmt: skip
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
    assert response.status_code == 302, response.context["form"].errors
    check = Check.objects.get()
    assert (check.interval, check.timeout, check.retries) == (60, 5, 2)
    assert check.expect == {
        "method": "HEAD", "status": [200, 301], "contains": "ok", "not_contains": "error",
        "max_ms": 2000, "follow_redirects": False,
    }  # fmt: skip
    data["status_codes"] = "200, 999"
    response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
    assert list(response.context["form"].errors) == ["status_codes"]
    # The edit form shows the same values back, and a change keeps the kind.
    edit = ScanningClient(w.tech).get(reverse("monitoring:check_edit", args=[check.pk]))
    assert edit.context["form"]["status_codes"].value() == "200, 301"
    assert edit.context["form"]["interval"].value() == 1
    data.update(status_codes="204", kind="tcp", name="Shop API")
    response = ScanningClient(w.tech).post(reverse("monitoring:check_edit", args=[check.pk]), data)
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.kind, check.name, check.expect["status"]) == ("http", "Shop API", [204])


def test_tls_dns_and_domain_checks_take_their_fields(w: World) -> None:
    for kind, target, extra, expect in (
        ("tls", "mail.example.com:443", {"days_left": "21"}, {"days_left": 21}),
        ("domain", "example.com", {"days_left": "30"}, {"days_left": 30}),
        ("dns", "example.com", {"dns_values": "192.0.2.1, 192.0.2.2"},
         {"values": ["192.0.2.1", "192.0.2.2"]}),
        ("tcp", "db.example.com:5432", {}, {}),
    ):  # fmt: skip
        data = _heartbeat_form(
            w.acme, kind=kind, name=kind, target=target, interval="5", interval_unit="60",
            timeout="10", retries="0", **extra,
        )  # fmt: skip
        response = ScanningClient(w.tech).post(reverse("monitoring:check_new"), data)
        assert response.status_code == 302, (kind, response.context["form"].errors)
        assert Check.objects.get(name=kind).expect == expect


def test_pause_and_resume_from_the_page(w: World) -> None:
    check = make_check(w.acme)
    tech = ScanningClient(w.tech)
    response = tech.post(reverse("monitoring:check_pause", args=[check.pk]))
    assert response.status_code == 302
    check.refresh_from_db()
    assert check.status == Status.PAUSED
    page = tech.get(reverse("monitoring:check", args=[check.pk])).content.decode()
    assert reverse("monitoring:check_resume", args=[check.pk]) in page
    assert "Paused by" in page  # the flip says who
    tech.post(reverse("monitoring:check_resume", args=[check.pk]))
    check.refresh_from_db()
    assert check.status == Status.NEW
    # A GET changes nothing.
    assert tech.get(reverse("monitoring:check_pause", args=[check.pk])).status_code == 405


def test_delete_asks_first_and_keeps_the_tickets(w: World) -> None:
    check = make_check(
        w.acme, name="Shop", kind=Kind.HTTP, target="https://shop.example.com/", interval=60
    )
    ticket = Alert.objects.get(owner=down(check, NOW)).ticket
    tech = ScanningClient(w.tech)
    confirm = tech.get(reverse("monitoring:check_delete", args=[check.pk]))
    assert confirm.status_code == 200 and Check.objects.exists()
    response = tech.post(reverse("monitoring:check_delete", args=[check.pk]))
    assert response.status_code == 302
    assert not Check.objects.exists() and not Ping.objects.exists()
    assert Ticket.objects.filter(pk=ticket.pk).exists()


def test_a_weekly_window_is_made_in_the_organizations_zone(w: World) -> None:
    tech = ScanningClient(w.tech)
    response = tech.post(
        reverse("monitoring:window_new"),
        {"organization": w.acme.pk, "reason": "Patch night", "starts": "2026-03-22T02:00",
         "ends": "2026-03-22T04:00", "repeat": "weekly", "weekday": "6", "rrule": ""},
    )  # fmt: skip
    assert response.status_code == 302
    window = MaintenanceWindow.objects.get()
    # 02:00 in Athens (UTC+2 in March, before the clocks change on the 29th).
    assert window.starts == datetime(2026, 3, 22, 0, 0, tzinfo=UTC)
    assert window.rrule == "FREQ=WEEKLY;BYDAY=SU"
    page = tech.get(reverse("monitoring:windows") + f"?organization={w.acme.pk}")
    upcoming = page.context["rows"][0]["upcoming"]
    # The next three Sundays at 02:00 Athens: the clocks go forward at 03:00 on the 29th,
    # so the third is an hour earlier in UTC.
    assert [start for start, _end in upcoming] == [
        datetime(2026, 3, 22, 0, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 0, 0, tzinfo=UTC),
        datetime(2026, 4, 4, 23, 0, tzinfo=UTC),
    ]


def test_a_monthly_window_and_a_bad_rule(w: World) -> None:
    tech = ScanningClient(w.tech)
    base = {"organization": w.acme.pk, "starts": "2026-04-01T22:00", "ends": "2026-04-01T23:30"}
    response = tech.post(reverse("monitoring:window_new"), {**base, "repeat": "rrule", "rrule": "FREQ=SOMETIMES"})  # fmt: skip  # noqa: E501
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["rrule"]
    assert not MaintenanceWindow.objects.exists()
    response = tech.post(reverse("monitoring:window_new"), {**base, "ends": "2026-04-01T21:00"})
    assert list(response.context["form"].errors) == ["ends"]
    response = tech.post(
        reverse("monitoring:window_new"), {**base, "repeat": "monthly", "monthday": "1"}
    )
    assert response.status_code == 302
    assert MaintenanceWindow.objects.get().rrule == "FREQ=MONTHLY;BYMONTHDAY=1"
    window = MaintenanceWindow.objects.get()
    tech.post(reverse("monitoring:window_delete", args=[window.pk]))
    assert not MaintenanceWindow.objects.exists()


def test_the_portal_shows_uptime_windows_and_maintenance_done(w: World) -> None:
    make_check(w.acme, name="Backup")
    _window(w.acme, reason="Patch night", rrule="FREQ=WEEKLY;BYDAY=SU")
    done = make_ticket(w.acme, title="Monthly backup restore test", source=Source.MAINTENANCE)
    from steward.desk import actions as desk

    desk.change_status(done, TicketStatus.RESOLVED, w.tech)
    admin = ScanningClient(w.acme_admin).get(reverse("monitoring_portal:home"))
    html = admin.content.decode()
    assert "Patch night" in html and "Monthly backup restore test" in html
    assert reverse("portal:ticket", args=[done.number]) in html
    # A client user who did not ask for it does not see the organization's tickets.
    user = ScanningClient(w.acme_user).get(reverse("monitoring_portal:home")).content.decode()
    assert "Backup" in user and "Monthly backup restore test" not in user


def test_a_client_admin_opts_in_and_out_of_outage_mail(w: World) -> None:
    client = ScanningClient(w.acme_admin)
    page = client.get(reverse("monitoring_portal:home")).content.decode()
    assert "Tell me of outages" in page
    client.post(reverse("monitoring_portal:alerts"), {"on": "1"})
    client.post(reverse("monitoring_portal:alerts"), {"on": "1"})  # twice is once
    assert AlertRecipient.objects.get().user == w.acme_admin
    assert "Stop telling me" in client.get(reverse("monitoring_portal:home")).content.decode()
    assert actions._client_recipients(make_check(w.acme)) == [w.acme_admin.email]
    client.post(reverse("monitoring_portal:alerts"), {"on": "0"})
    assert not AlertRecipient.objects.exists()
