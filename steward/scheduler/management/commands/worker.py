"""`steward worker`: run queued tasks, with the periodic-job scheduler, the IMAP mailbox
readers and monitoring (the heartbeat sweep, the active probes) beside them."""

from __future__ import annotations

import threading
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from steward.mail.imap import run_watchers
from steward.monitoring import loop as monitoring
from steward.scheduler.jobs import run_forever


class Command(BaseCommand):
    help = "Run background tasks and the scheduler (safe to run on several machines)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--no-scheduler", action="store_true", help="Only run tasks; another worker schedules."
        )
        parser.add_argument(
            "--no-imap", action="store_true", help="Do not read IMAP mailboxes in this worker."
        )
        parser.add_argument(
            "--no-monitoring",
            action="store_true",
            help="Do not sweep heartbeats or run active checks in this worker.",
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between polls of the task queue."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        if not options["no_scheduler"]:
            threading.Thread(
                target=run_forever, args=(stop,), name="scheduler", daemon=True
            ).start()
        if not options["no_imap"]:
            threading.Thread(target=run_watchers, args=(stop,), name="imap", daemon=True).start()
        if not options["no_monitoring"]:
            monitoring.start(stop)
        try:
            call_command(
                "db_worker",
                interval=options["interval"],
                reload=False,
                verbosity=options["verbosity"],
            )
        finally:
            stop.set()
