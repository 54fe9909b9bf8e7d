"""`steward serve`: the production web server (gunicorn), static files by whitenoise."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Serve Steward with gunicorn."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2"))
        )
        parser.add_argument("--no-collectstatic", action="store_true")
        parser.add_argument(
            "--insecure",
            action="store_true",
            help="Serve even with DEBUG on (development and the demo only).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        if settings.DEBUG and not options["insecure"]:
            # DEBUG shows stack traces with settings to anyone and relaxes cookies and HTTPS:
            # a server that faces users must not start that way by accident.
            raise CommandError(
                "DEBUG is on: set DEBUG=false (and SECRET_KEY) to serve, "
                "or pass --insecure for development."
            )
        if settings.DEBUG:
            self.stderr.write("Serving with DEBUG on (--insecure): development only.")
        if not options["no_collectstatic"] and not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "steward.wsgi:application",
            "--bind",
            f"{options['host']}:{options['port']}",
            "--workers",
            str(options["workers"]),
            "--timeout",
            "60",
        ]
        if not settings.DEMO:
            # The demo's log is one line per task and per mail, not one per image and script.
            argv += ["--access-logfile", "-"]
        os.execv(sys.executable, argv)
