"""Renewal warnings: client admins are told by mail, in their language, 30 days before a
vendor renews or expires, once per date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from steward.accounts.models import Role
from steward.mail.models import Outbound
from steward.scheduler.jobs import _jobs
from steward.test import World, make_user, world
from steward.vault import actions_docs
from steward.vault.models import Vendor

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 12, 3, 7, 0, tzinfo=UTC)


@pytest.fixture
def w() -> World:
    return world()


def _mails() -> list[Outbound]:
    return list(Outbound.objects.filter(kind="vault_renewal").order_by("id"))


def test_it_warns_the_client_admins_once_30_days_ahead(w: World) -> None:
    greek = make_user(Role.CLIENT_ADMIN, w.acme, name="Νίκος", language="el")
    vendor = Vendor.objects.create(
        organization=w.acme,
        name="Papaki",
        kind="registrar",
        account="acme-gr",
        account_holder="provider",
        renews=date(2027, 1, 10),
    )
    Vendor.objects.create(organization=w.acme, name="Far away", kind="isp", renews=date(2027, 6, 1))
    with time_machine.travel(NOW, tick=False):
        # 38 days ahead: not yet.
        assert actions_docs.warn_renewals() == 0
    with time_machine.travel(NOW + timedelta(days=8), tick=False):
        assert actions_docs.warn_renewals() == 1
        assert actions_docs.warn_renewals() == 0
    with time_machine.travel(NOW + timedelta(days=9), tick=False):
        assert actions_docs.warn_renewals() == 0
    mails = _mails()
    assert sorted(m.to[0] for m in mails) == sorted([w.acme_admin.email, greek.email])
    english = next(m for m in mails if m.to == [w.acme_admin.email])
    assert english.subject == "Renewal coming up: Papaki"
    assert "Renews on 10 January 2027" in english.text
    assert "Your IT provider holds this account for you" in english.text
    assert "/portal/vault/vendors/" in english.text
    el = next(m for m in mails if m.to == [greek.email])
    # The words come from the catalogues (the merger compiles them); the date is CLDR's.
    assert el.language == "el" and "Papaki" in el.subject
    assert "10 Ιανουαρίου 2027" in el.text
    # No client user, no other organization's people.
    assert w.acme_user.email not in {m.to[0] for m in mails}
    vendor.refresh_from_db()
    assert vendor.warned_for == date(2027, 1, 10)


def test_it_warns_again_of_the_next_date(w: World) -> None:
    vendor = Vendor.objects.create(
        organization=w.acme,
        name="Microsoft 365",
        kind="email",
        renews=date(2026, 12, 20),
        expires=date(2027, 1, 20),
    )
    with time_machine.travel(NOW, tick=False):
        assert actions_docs.warn_renewals() == 1
        assert actions_docs.warn_renewals() == 0
    with time_machine.travel(NOW + timedelta(days=20), tick=False):
        assert actions_docs.warn_renewals() == 1  # the expiry, now within 30 days
        assert actions_docs.warn_renewals() == 0
    # Renewed: a date a year on is warned of when its time comes.
    Vendor.objects.filter(pk=vendor.pk).update(renews=date(2027, 12, 20))
    with time_machine.travel(datetime(2027, 11, 25, 7, tzinfo=UTC), tick=False):
        assert actions_docs.warn_renewals() == 1
    texts = [m.text for m in _mails()]
    assert ["Renews on 20 December 2026" in t for t in texts] == [True, False, False]
    assert "Expires on 20 January 2027" in texts[1]
    assert "Renews on 20 December 2027" in texts[2]


def test_it_counts_days_in_the_organizations_zone(w: World) -> None:
    # Globex is in Shanghai: at 20:00 UTC on 1 Dec it is already 2 Dec there.
    make_user(Role.CLIENT_ADMIN, w.globex, name="Li")
    Vendor.objects.create(
        organization=w.globex, name="Aliyun", kind="hosting", expires=date(2027, 1, 1)
    )
    with time_machine.travel(datetime(2026, 12, 1, 15, 0, tzinfo=UTC), tick=False):
        assert actions_docs.warn_renewals() == 0
    with time_machine.travel(datetime(2026, 12, 1, 20, 0, tzinfo=UTC), tick=False):
        assert actions_docs.warn_renewals() == 1
    assert "2027年1月1日" in _mails()[0].text


def test_it_is_a_scheduled_job() -> None:
    assert "vault.warn_renewals" in [job.name for job in _jobs()]
