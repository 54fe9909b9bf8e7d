"""`steward demo`'s seed: every role, tickets in every state, genuine SLA state, idempotent."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from steward.accounts.models import Organization, Role, User
from steward.desk.demo import PASSWORD, seed
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


def test_it_prints_the_logins() -> None:
    out = StringIO()
    call_command("demo", "--no-serve", stdout=out)
    text = out.getvalue()
    assert "admin@provider.example" in text
    assert PASSWORD in text


class _Child:
    """A web server or worker that has already stopped."""

    def __init__(self, argv: list[str]) -> None:
        self.argv = argv

    def poll(self) -> int:
        return 0

    def wait(self, timeout: float | None = None) -> int:
        return 0


@override_settings(DEBUG=True)
def test_it_serves_in_development_mode_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    children: list[_Child] = []
    monkeypatch.setattr(
        "subprocess.Popen", lambda argv: children.append(_Child(argv)) or children[-1]
    )
    monkeypatch.setattr("signal.signal", lambda *args: None)
    execs: list[list[str]] = []
    monkeypatch.setattr("os.execv", lambda path, argv: execs.append(argv))
    out = StringIO()
    call_command("demo", "--port", "8123", stdout=out)
    assert "development mode" in out.getvalue().lower()
    serve = next(c.argv for c in children if "serve" in c.argv)
    # The web server the demo starts accepts those arguments with DEBUG on.
    call_command(*serve[serve.index("serve") :], stderr=StringIO())
    assert "127.0.0.1:8123" in execs[0]
