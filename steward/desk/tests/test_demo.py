"""`steward demo`'s seed: every role, tickets in every state, genuine SLA state, idempotent."""

from __future__ import annotations

import pytest

from steward.accounts.demo import PASSWORD
from steward.accounts.models import Organization, Role, User
from steward.desk.demo import seed
from steward.desk.models import Status, Ticket

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def test_it_seeds_every_role_and_state() -> None:
    logins = seed(tickets=120)
    assert {u.role for u in User.objects.all()} == set(Role.values)
    assert {login.email for login in logins} == set(User.objects.values_list("email", flat=True))
    assert set(Organization.objects.values_list("timezone", flat=True)) == {
        "Europe/Athens",
        "Asia/Shanghai",
        "Europe/London",
    }
    statuses = set(Ticket.objects.values_list("status", flat=True))
    assert statuses == set(Status.values)
    assert Ticket.objects.exclude(sla_breached=[]).exists()
    assert Ticket.objects.filter(sla_paused=True).exists()
    admin = User.objects.get(email="admin@provider.example")
    assert admin.check_password(PASSWORD)


def test_it_does_not_seed_twice() -> None:
    seed(tickets=30)
    seed(tickets=30)
    assert Ticket.objects.count() == 30
    assert Organization.objects.count() == 3
