"""`steward demo`: migrate, seed every app, print the logins, run web server and worker."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from steward.accounts.demo import PASSWORD

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


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

    def spawn(argv: list[str]) -> _Child:
        children.append(_Child(argv))
        return children[-1]

    monkeypatch.setattr("subprocess.Popen", spawn)
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
