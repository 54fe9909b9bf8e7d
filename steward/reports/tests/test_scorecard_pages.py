"""The scorecard pages: the desk's per client and the client admin's in the portal show the
same numbers, in the reader's language, with the period picker and the desk's links."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from steward.desk import actions
from steward.test import ScanningClient, World, covers, make_ticket, world

pytestmark = pytest.mark.django_db
ATHENS = ZoneInfo("Europe/Athens")
NOW = datetime(2026, 12, 1, 12, tzinfo=ATHENS)
NOVEMBER = "?from=2026-11-01&to=2026-11-30"


@pytest.fixture
def w() -> World:
    w = world()
    w.acme.agreements.update(
        kpi_targets={"sla_compliance": 95, "median_first_response_minutes": 20}
    )
    with time_machine.travel(NOW, tick=False):
        answered = make_ticket(
            w.acme, requester=w.acme_user, at=datetime(2026, 11, 23, 10, tzinfo=ATHENS)
        )
        actions.post_message(
            answered, w.tech, "On it", at=datetime(2026, 11, 23, 10, 45, tzinfo=ATHENS)
        )
        actions.change_status(
            answered, "resolved", w.tech, at=datetime(2026, 11, 23, 12, tzinfo=ATHENS)
        )
        make_ticket(
            w.acme,
            requester=w.acme_user,
            impact="high",
            urgency="high",
            source="phone",
            at=datetime(2026, 11, 24, 10, tzinfo=ATHENS),
        )
    return w


def _desk(w: World) -> str:
    return reverse("reports:scorecard", args=[w.acme.pk]) + NOVEMBER


def _portal() -> str:
    return reverse("reports_portal:scorecard") + NOVEMBER


@covers("reports:scorecard", "reports_portal:scorecard", kinds=("login",))
def test_it_requires_login(w: World) -> None:
    for url in (_desk(w), _portal()):
        response = Client().get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


@covers("reports:scorecard", "reports_portal:scorecard", kinds=("tenancy", "role"))
def test_it_hides_other_organizations_and_is_the_client_admins(w: World) -> None:
    assert (
        ScanningClient(w.tech).get(reverse("reports:scorecard", args=[w.globex.pk])).status_code
        == 404
    )
    assert ScanningClient(w.acme_admin).get(_desk(w)).status_code in (403, 404)  # staff only
    assert ScanningClient(w.acme_user).get(_portal()).status_code == 404  # admins only
    assert ScanningClient(w.tech).get(_portal()).status_code in (302, 403)


@time_machine.travel(NOW, tick=False)
def test_the_client_admin_sees_the_numbers_the_provider_sees(w: World) -> None:
    desk = ScanningClient(w.tech).get(_desk(w)).content.decode()
    portal = ScanningClient(w.acme_admin).get(_portal()).content.decode()
    for page in (desk, portal):
        assert 'data-kpi="sla_compliance"' in page
        # The P3 answered and resolved in time (2 met); the P1 left unanswered (2 missed).
        assert "50 %" in page
        assert "Target: 95 %" in page
        assert "45 min" in page and "Target: 20 min" in page
        assert "missed" in page
        assert 'value="2026-11-01"' in page  # the period picker keeps the period
        assert "P1 - Critical" in page and "Phone" in page  # the charts
    # Only the desk links a count to the queue.
    queue = reverse("desk:queue")
    assert f'href="{queue}?organization={w.acme.pk}' in desk
    assert queue not in portal


@time_machine.travel(NOW, tick=False)
def test_an_empty_period_shows_dashes_not_zeros(w: World) -> None:
    page = ScanningClient(w.tech).get(
        reverse("reports:scorecard", args=[w.acme.pk]) + "?from=2025-01-01&to=2025-01-31"
    )
    assert "—" in page.content.decode()
    assert "No tickets opened in this period." in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_a_bad_period_is_said_and_the_default_shown(w: World) -> None:
    page = ScanningClient(w.tech).get(
        reverse("reports:scorecard", args=[w.acme.pk]) + "?from=2026-11-30&to=2026-11-01"
    )
    assert page.status_code == 200
    assert "The period ends before it starts." in page.content.decode()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("language", "words"),
    [("zh-hans", ("计分卡", "目标")), ("el", ("Κάρτα", "Στόχος"))],
)
def test_it_speaks_the_readers_language(w: World, language: str, words: tuple[str, ...]) -> None:
    for user, url in ((w.tech, _desk(w)), (w.acme_admin, _portal())):
        user.language = language
        user.save(update_fields=["language"])
        page = ScanningClient(user).get(url).content.decode()
        for word in words:
            assert word in page, (language, word)


@time_machine.travel(NOW, tick=False)
def test_the_reports_home_lists_each_clients_sla_compliance(w: World) -> None:
    page = ScanningClient(w.admin).get(reverse("reports:home")).content.decode()
    assert f'data-sla="{w.acme.pk}">50 %<' in page
    assert f'data-sla="{w.globex.pk}">—<' in page  # nothing opened: nothing to count
