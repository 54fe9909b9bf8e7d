"""`steward demo`: migrate, seed demo data if empty, run the web server and the worker.

It seeds every app, so it lives at the top of the import order, beside `serve` and `worker`.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from steward.billing.demo import seed as seed_billing
from steward.desk.demo import PASSWORD, logins, seed
from steward.mail.demo import seed as seed_mail

_RUN = "from steward.cli import main; main()"


class Command(BaseCommand):
    help = "Set up a demo database and run Steward (web server and worker) on it."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="Only migrate and seed.")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        started = time.monotonic()
        seed()
        seed_billing()  # the catalogue and agreements' terms (contracts) first
        seed_mail()
        people = logins()
        self.stdout.write(
            self.style.SUCCESS(f"Demo data ready ({time.monotonic() - started:.1f} s).")
        )
        url = f"http://{options['host']}:{options['port']}/"
        self.stdout.write(f"\nSign in at {url} with password '{PASSWORD}' as:")
        for login in people:
            self.stdout.write(f"  {login.role:<18} {login.email:<28} {login.organization}")
        if options["no_serve"]:
            return
        self._serve(options["host"], options["port"])

    def _serve(self, host: str, port: int) -> None:
        serve = [sys.executable, "-c", _RUN, "serve", "--host", host, "--port", str(port)]
        if settings.DEBUG:
            serve += ["--no-collectstatic", "--insecure"]
        children = [
            subprocess.Popen(serve),
            subprocess.Popen([sys.executable, "-c", _RUN, "worker"]),
        ]
        self.stdout.write(
            self.style.SUCCESS(
                f"\nSteward is running at http://{host}:{port}/ (web server and worker). "
                "Ctrl-C stops both."
            )
        )
        if settings.DEBUG:
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
