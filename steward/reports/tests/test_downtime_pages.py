"""The downtime pages: the headline numbers, the outages linked to their check or ticket,
maintenance time apart, in English, Chinese and Greek; tenancy and roles."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from steward.desk import actions
from steward.monitoring.models import Check, Flip, MaintenanceWindow
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 12, 3, 12, tzinfo=ATHENS)
Q = "?from=2026-11-01&to=2026-11-30"


@pytest.fixture
def w() -> World:
    return world()


def _seed(w: World) -> tuple[Check, int]:
    w.acme.headcount = 10
    w.acme.save()
    check = Check.objects.create(organization=w.acme, name="Web site", kind="http", status="up")
    Check.objects.filter(pk=check.pk).update(created_at=datetime(2026, 1, 1, tzinfo=ATHENS))
    Flip.objects.create(
        owner=check, at=datetime(2026, 11, 10, 10, tzinfo=ATHENS), old="up", new="down"
    )
    Flip.objects.create(
        owner=check, at=datetime(2026, 11, 10, 11, 30, tzinfo=ATHENS), old="down", new="up"
    )
    MaintenanceWindow.objects.create(
        organization=w.acme,
        starts=datetime(2026, 11, 10, 11, tzinfo=ATHENS),
        ends=datetime(2026, 11, 10, 13, tzinfo=ATHENS),
    )
    stop = make_ticket(
        w.acme,
        title="Server room flooded",
        impact="high",
        kind="incident",
        stops_business=True,
        at=datetime(2026, 11, 20, 9, tzinfo=ATHENS),
    )
    actions.change_status(stop, "resolved", None, at=datetime(2026, 11, 20, 11, tzinfo=ATHENS))
    return check, stop.pk


@time_machine.travel(NOW, tick=False)
@covers("reports:downtime", kinds=("login", "tenancy", "role"))
def test_the_desk_page_shows_the_numbers_and_links_each_outage(w: World) -> None:
    check, _ = _seed(w)
    client = ScanningClient(w.tech)
    page = client.get(reverse("reports:downtime", args=[w.acme.pk]) + Q).content.decode()
    # The check's hour before the window, and the two hours the business stopped.
    assert 'data-testid="downtime">3 h<' in page
    assert reverse("monitoring:check", args=[check.pk]) in page
    assert "Server room flooded" in page and "/desk/tickets/" in page
    assert 'data-testid="maintenance-time">30 min<' in page
    assert "~12%" in page
    assert reverse("billing:value", args=[w.acme.pk]) in page
    # Tenancy, login and role.
    assert client.get(reverse("reports:downtime", args=[w.globex.pk])).status_code == 404
    assert ScanningClient().get(reverse("reports:downtime", args=[w.acme.pk])).status_code == 302
    admin = ScanningClient(w.acme_admin)
    assert admin.get(reverse("reports:downtime", args=[w.acme.pk])).status_code in (403, 404)


@time_machine.travel(NOW, tick=False)
@covers("reports_portal:downtime", kinds=("login", "tenancy", "role"))
def test_the_portal_page_is_the_client_admins(w: World) -> None:
    _seed(w)
    page = ScanningClient(w.acme_admin).get(reverse("reports_portal:downtime") + Q)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Server room flooded" in text and "/portal/tickets/" in text
    assert "/desk/" not in text.split("<main", 1)[-1]
    assert ScanningClient(w.acme_user).get(reverse("reports_portal:downtime")).status_code == 404
    # Globex's admin sees Globex's (empty) report, nothing of Acme's.
    from steward.accounts.models import Role
    from steward.test import make_user

    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    text = ScanningClient(globex_admin).get(reverse("reports_portal:downtime") + Q).content.decode()
    assert "Server room flooded" not in text and "Web site" not in text
    assert ScanningClient().get(reverse("reports_portal:downtime")).status_code == 302


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", ["3 h", "Billed for the fixes", "Caught early"]),
        ("zh-hans", ["3 小时", "修复", "及早发现"]),
        ("el", ["3 ώρες", "επισκευή", "Εντοπίστηκαν"]),
    ],
)
def test_the_page_reads_in_each_language(w: World, language: str, words: list[str]) -> None:
    _seed(w)
    w.tech.language = language
    w.tech.save()
    page = ScanningClient(w.tech).get(reverse("reports:downtime", args=[w.acme.pk]) + Q)
    text = page.content.decode()
    for word in words:
        assert word in text, word
