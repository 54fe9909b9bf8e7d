"""`steward demo`: migrate, seed every app, print the logins, run web server and worker."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import override_settings

from steward.accounts.demo import PASSWORD
from steward.mail.models import Outbound
from steward.monitoring.demo_target import KEYWORD
from steward.monitoring.models import Check
from steward.scheduler.management.commands.demo import demo_environ
from steward.settings import DEV_SECRET_KEY

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
    monkeypatch.setenv("DEBUG", "true")  # `DEBUG=true steward demo`: asked for
    children: list[_Child] = []

    def spawn(argv: list[str], env: dict[str, str] | None = None) -> _Child:
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


def test_make_demo_passes_the_port_on() -> None:
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run(
        ["make", "-n", "demo", "PORT=8100"], cwd=root, capture_output=True, text=True, check=True
    ).stdout
    assert "steward demo --port 8100" in out
    out = subprocess.run(["make", "-n", "demo"], cwd=root, capture_output=True, text=True).stdout
    assert "steward demo --port 8000" in out


@override_settings(DEBUG=True, SITE_URL="http://127.0.0.1:8000")
def test_it_serves_the_demo_on_its_port_with_product_pages_and_links_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("SITE_URL", "DEBUG", "STEWARD_DEMO", "SECRET_KEY"):
        monkeypatch.delenv(name, raising=False)
    children: list[tuple[list[str], dict[str, str]]] = []

    def spawn(argv: list[str], env: dict[str, str] | None = None) -> _Child:
        children.append((argv, env or {}))
        return _Child(argv)

    monkeypatch.setattr("subprocess.Popen", spawn)
    monkeypatch.setattr("signal.signal", lambda *args: None)
    out = StringIO()
    call_command("demo", "--port", "8100", stdout=out)
    assert "http://127.0.0.1:8100/" in out.getvalue()
    assert "development mode" not in out.getvalue().lower()
    # The mail the seed queued links to the port the demo serves on.
    mails = list(Outbound.objects.values_list("text", flat=True))
    assert mails and any("http://127.0.0.1:8100/" in text for text in mails)
    assert not any("127.0.0.1:8000" in text for text in mails)
    serve, env = next((argv, env) for argv, env in children if "serve" in argv)
    assert serve[serve.index("--port") + 1] == "8100"
    assert "--insecure" not in serve
    # The web server and worker: demo mode, DEBUG off (the product's error pages), links and
    # CSRF origins on the demo's port, plain HTTP on this machine.
    for _, env in children:
        assert env["STEWARD_DEMO"] == "true"
        assert env["DEBUG"] == "false"
        assert env["SITE_URL"] == "http://127.0.0.1:8100"
        assert env["SECURE_SSL_REDIRECT"] == "false"
        assert env["SECRET_KEY"] and env["SECRET_KEY"] != DEV_SECRET_KEY


def test_an_explicit_site_url_or_debug_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://desk.example.com")
    monkeypatch.setenv("DEBUG", "true")
    env = demo_environ("http://127.0.0.1:8100")
    assert env["SITE_URL"] == "https://desk.example.com"
    assert env["DEBUG"] == "true"
    assert env["STEWARD_DEMO"] == "true"


def test_the_demo_settings_log_one_line_per_mail_and_per_task(tmp_path: Path) -> None:
    # A fresh interpreter with the demo's environment: settings are read once, at start.
    script = """
import logging, os
import django
django.setup()
from django.conf import settings
from django.core.mail import send_mail
from django.tasks.base import TaskResultStatus
print("BACKEND", settings.MAILERS["default"]["BACKEND"])
send_mail("Ticket ACME-1 received", "A long body\\n" * 50, "desk@x.example", ["a@x.example"])
tasks = logging.getLogger("django.tasks")
for state in (TaskResultStatus.RUNNING, TaskResultStatus.SUCCESSFUL):
    tasks.info("Task id=%s path=%s state=%s", "7", "steward.mail.tasks.drain", state)
logging.getLogger("django.request").warning("Not Found: /x")
"""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "steward.settings",
        "STEWARD_DEMO": "true",
        "DEBUG": "true",
        "DATA_DIR": str(tmp_path),
    }
    env.pop("EMAIL_URL", None)
    env.pop("EMAIL_HOST", None)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert "BACKEND steward.lib.emails.LogBackend" in done.stdout
    lines = done.stderr.strip().splitlines()
    assert lines == [
        "mail to a@x.example: Ticket ACME-1 received",
        "Task id=7 path=steward.mail.tasks.drain state=SUCCESSFUL",
        "Not Found: /x",
    ]


def test_it_serves_the_site_its_checks_watch_while_it_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DEBUG", "false")
    answers: list[str] = []

    def spawn(argv: list[str], env: dict[str, str] | None = None) -> _Child:
        # The web server and worker start once the monitored site is listening.
        site = Check.objects.get(organization__code="THAM", name="Web site")
        with urllib.request.urlopen(site.target, timeout=5) as response:
            answers.append(response.read().decode())
        return _Child(argv)

    monkeypatch.setattr("subprocess.Popen", spawn)
    monkeypatch.setattr("signal.signal", lambda *args: None)
    call_command("demo", "--port", "8130", stdout=StringIO())
    assert len(answers) == 2
    assert all(KEYWORD in text for text in answers)
    assert Check.objects.get(organization__code="THAM", name="Web site certificate").target == (
        "127.0.0.1:8132"
    )
    # Stopped with the demo.
    with pytest.raises(OSError):
        urllib.request.urlopen("http://127.0.0.1:8131/thas/health", timeout=2)
