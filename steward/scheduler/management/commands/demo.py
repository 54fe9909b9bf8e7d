"""`steward demo`: migrate, seed demo data if empty, run the web server and the worker.

It seeds every app, so it lives at the top of the import order, beside `serve` and `worker`.
"""

from __future__ import annotations

import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from steward.accounts.demo import PASSWORD, logins
from steward.billing.demo import seed as seed_billing
from steward.desk.demo import seed
from steward.mail.demo import seed as seed_mail
from steward.monitoring.demo import point
from steward.monitoring.demo import seed as seed_monitoring
from steward.monitoring.demo_target import DemoTarget
from steward.reports import demo_advice, demo_csat, demo_problems
from steward.vault import demo_docs, demo_exit, demo_secrets, demo_vault_keys

_RUN = "from steward.cli import main; main()"


class Command(BaseCommand):
    help = "Set up a demo database and run Steward (web server and worker) on it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Only migrate and seed.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = options["host"], options["port"]
        # Links in mail point where the demo serves, unless SITE_URL says otherwise.
        site_url = (os.environ.get("SITE_URL") or f"http://{host}:{port}").rstrip("/")
        settings.SITE_URL = site_url
        call_command("migrate", interactive=False, verbosity=0)
        started = time.monotonic()
        # The seed replays ~300 tickets; their notifications would be a line each.
        logging.disable(logging.INFO)
        try:
            seed()
            seed_billing()  # the catalogue and agreements' terms (contracts) first
            # Before the mail's seed, which marks the history's notifications as sent.
            seed_monitoring(http_port=port + 1, tls_port=port + 2)
            # The vault: documentation first (credentials link to its assets and vendors),
            # then the credentials and their reveals, the posture, and the signed checkpoints
            # of the audit chains those wrote.
            now = timezone.now()
            demo_docs.seed(now)
            demo_secrets.seed(now)
            demo_exit.seed(now)
            demo_vault_keys.seed(now)
            # Proof of value: the surveys the desk's resolutions sent, some answered.
            demo_csat.seed(now)
            # A recurring fault in each client's language, and a known error.
            demo_problems.seed(now)
            # Advice given and decided, and a post-incident review with its actions.
            demo_advice.seed(now)
            seed_mail()
        finally:
            logging.disable(logging.NOTSET)
        people = logins()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready ({time.monotonic() - started:.1f} s).")
        )
        self.stdout.write(f"\nSign in at {site_url}/ with password '{PASSWORD}' as:")
        for login in people:
            self.stdout.write(f"  {login.role:<18} {login.email:<28} {login.organization}")
        if options["no_serve"]:
            return
        self._serve(host, port, demo_environ(site_url))

    def _serve(self, host: str, port: int, env: dict[str, str]) -> None:
        debug = _on(env.get("DEBUG", ""))
        # The web site the demo's HTTP and TLS checks watch, served from this process; the
        # worker trusts its certificate authority (monitoring.demo_target.trust()).
        target = None
        try:
            target = DemoTarget(port + 1, port + 2).start()
        except OSError as e:
            self.stdout.write(
                self.style.WARNING(
                    f"The demo's monitored web site could not listen on ports {port + 1} "
                    f"and {port + 2} ({e.strerror}): its checks will show it down."
                )
            )
        else:
            point(target.http_port, target.tls_port)
        serve = [sys.executable, "-c", _RUN, "serve", "--host", host, "--port", str(port)]
        # Demo mode serves static files from the source tree (WHITENOISE_USE_FINDERS).
        serve += ["--no-collectstatic", "--insecure"] if debug else ["--no-collectstatic"]
        children = [
            subprocess.Popen(serve, env=env),
            subprocess.Popen([sys.executable, "-c", _RUN, "worker"], env=env),
        ]
        self.stdout.write(
            self.style.SUCCESS(
                f"\nSteward is running at http://{host}:{port}/ (web server and worker). "
                "Ctrl-C stops both."
            )
        )
        if debug:
            self.stdout.write(
                self.style.WARNING(
                    "Development mode (DEBUG on): for trying Steward out, not for real users."
                )
            )

        def stop(signum: int, frame: object) -> None:
            for child in children:
                if child.poll() is None:
                    child.terminate()

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
        stop(0, None)
        for child in children:
            try:
                child.wait(timeout=10)
            except subprocess.TimeoutExpired:
                child.kill()
        if target is not None:
            target.stop()


def demo_environ(site_url: str) -> dict[str, str]:
    """The environment of the demo's web server and worker.

    Demo mode (the sign-in page lists the accounts, mail is logged a line each) and DEBUG off,
    so that a newcomer meets the product's error pages, not Django's debug pages; plain HTTP
    on this machine, so no HTTPS redirect and no secure-only cookies. `DEBUG=true steward demo`
    still serves with DEBUG on, for development.
    """
    env = dict(os.environ)
    env.setdefault("SITE_URL", site_url)
    env["STEWARD_DEMO"] = "true"
    env.setdefault("DEBUG", "false")
    if _on(env["DEBUG"]):
        return env
    env.setdefault("SECRET_KEY", _demo_secret_key())
    # What the seed encrypted the demo's TOTP seeds and mailbox passwords with.
    env.setdefault("MASTER_KEY", settings.MASTER_KEY)
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        env.setdefault(name, "false")
    env.setdefault("SECURE_HSTS_SECONDS", "0")
    return env


def _demo_secret_key() -> str:
    # Kept beside the demo database, so that sessions outlive a restart of the demo.
    path = settings.DATA_DIR / "demo-secret-key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def _on(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "on"}
