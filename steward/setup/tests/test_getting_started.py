"""The checklist an empty installation greets its first admin with."""

from __future__ import annotations

import pytest
from django.urls import reverse

from steward.accounts.models import Provider, Role
from steward.mail.tests.factory import make_mailbox
from steward.test import (
    ScanningClient,
    make_agreement,
    make_calendar,
    make_org,
    make_policy,
    make_user,
)

pytestmark = pytest.mark.django_db


def _ticks(admin: object) -> list[bool]:
    steps = ScanningClient(admin).get(reverse("settings:index")).context["steps"]  # type: ignore[arg-type]
    return [s.done for s in steps]


def test_it_greets_an_empty_installation_on_the_dashboard() -> None:
    admin = make_user(Role.ADMIN)
    page = ScanningClient(admin).get(reverse("desk:dashboard")).content.decode()
    assert "Getting started" in page and reverse("settings:index") in page
    tech = make_user(Role.TECHNICIAN)
    assert (
        "Getting started"
        not in ScanningClient(tech).get(reverse("desk:dashboard")).content.decode()
    )
    make_org("ACME")
    assert (
        "Getting started"
        not in ScanningClient(admin).get(reverse("desk:dashboard")).content.decode()
    )


def test_it_ticks_each_step_when_it_is_done() -> None:
    admin = make_user(Role.ADMIN)
    assert _ticks(admin) == [False] * 6
    Provider.objects.filter(pk=Provider.current().pk).update(legal_name="N S.A.", address="Athens")
    make_calendar()
    policy = make_policy()
    org = make_org("ACME")
    assert _ticks(admin) == [True, True, True, True, False, False]
    make_agreement(org, policy)
    make_mailbox()
    assert _ticks(admin) == [True] * 6
    page = ScanningClient(admin).get(reverse("settings:index")).content.decode()
    for url in (
        "/desk/settings/calendars/",
        "/desk/settings/policies/",
        reverse("mail:mailbox_new"),
    ):
        assert url in page
