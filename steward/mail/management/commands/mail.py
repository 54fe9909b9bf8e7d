"""`steward mail ingest < message.eml` (an MTA pipe), `steward mail poll`, `steward mail drain`."""

from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from steward.mail import imap, inbound, outbound
from steward.mail.models import Mailbox, Via

# sysexits.h: a mail server keeps the message and retries on EX_TEMPFAIL, bounces on EX_DATAERR.
EX_DATAERR = 65
EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "The mail channel: take a message from standard input, poll mailboxes, send the outbox."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        ingest = sub.add_parser("ingest", help="Read one RFC 822 message from standard input.")
        ingest.add_argument("--mailbox", help="The address it was delivered to.")
        poll = sub.add_parser("poll", help="Read every enabled IMAP mailbox once.")
        poll.add_argument("--mailbox", help="Only this address.")
        sub.add_parser("drain", help="Send what is due in the outbox now.")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "ingest":
            self.ingest(options.get("mailbox"))
        elif action == "poll":
            self.poll(options.get("mailbox"))
        else:
            counts = outbound.drain()
            self.stdout.write(", ".join(f"{n} {what}" for what, n in counts.items()))

    def _mailbox(self, address: str | None) -> Mailbox | None:
        if not address:
            return None
        box = Mailbox.objects.filter(address__iexact=address).first()
        if box is None:
            raise CommandError(f"No mailbox with the address {address}.")
        return box

    def ingest(self, address: str | None) -> None:
        box = self._mailbox(address)
        raw = sys.stdin.buffer.read()
        if not raw.strip():
            self.stderr.write("No message on standard input.")
            sys.exit(EX_DATAERR)
        try:
            received = inbound.receive(raw, mailbox=box, via=Via.PIPE)
        except inbound.MailTooLarge as exc:
            self.stderr.write(str(exc))
            sys.exit(EX_DATAERR)
        except Exception as exc:
            # Not stored (the database is down, say): the mail server must keep it and retry.
            self.stderr.write(f"Could not store the message: {exc}")
            sys.exit(EX_TEMPFAIL)
        mail = received.inbound
        what = "duplicate of" if received.duplicate else "stored as"
        self.stdout.write(
            f"{what} mail {mail.pk}: {mail.get_state_display()} {mail.reason}".strip()
        )

    def poll(self, address: str | None) -> None:
        boxes = Mailbox.objects.filter(enabled=True).exclude(imap_host="")
        if address:
            boxes = boxes.filter(address__iexact=address)
        failed = 0
        for box in boxes:
            try:
                count = imap.poll(box)
            except Exception as exc:
                failed += 1
                self.stderr.write(f"{box.address}: {exc}")
                continue
            self.stdout.write(f"{box.address}: {count} new")
        if failed:
            raise CommandError(f"{failed} mailbox(es) could not be read.")
