"""`steward serve`: gunicorn, and never with DEBUG on by accident."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings


@pytest.fixture
def execs(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    # os.execv would replace the test process with gunicorn: record the call instead.
    calls: list[list[str]] = []
    monkeypatch.setattr("os.execv", lambda path, argv: calls.append(argv))
    return calls


@override_settings(DEBUG=True)
def test_it_refuses_to_start_with_debug_on(execs: list[list[str]]) -> None:
    with pytest.raises(CommandError, match="--insecure"):
        call_command("serve", stderr=StringIO())
    assert execs == []


@override_settings(DEBUG=True)
def test_it_starts_with_debug_on_when_told_it_is_insecure(execs: list[list[str]]) -> None:
    err = StringIO()
    call_command("serve", "--insecure", "--port", "8123", stderr=err)
    assert "development only" in err.getvalue()
    assert "gunicorn" in execs[0]
    assert "127.0.0.1:8123" in execs[0]


def test_it_starts_with_debug_off(execs: list[list[str]]) -> None:
    call_command("serve", "--no-collectstatic", stderr=StringIO())
    assert "gunicorn" in execs[0]


def test_it_logs_each_request_except_in_the_demo(execs: list[list[str]]) -> None:
    call_command("serve", "--no-collectstatic", stderr=StringIO())
    assert "--access-logfile" in execs[-1]
    with override_settings(DEMO=True):
        call_command("serve", "--no-collectstatic", stderr=StringIO())
    # The demo's log: one line per task and per mail, not one per image and script.
    assert "--access-logfile" not in execs[-1]
