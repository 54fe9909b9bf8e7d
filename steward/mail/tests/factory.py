"""Emails for the mail tests, made with the standard `email` package."""

from __future__ import annotations

import itertools
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from django.utils import timezone

from steward.mail.models import Mailbox

_seq = itertools.count(1)


def make_mail(
    subject: str = "The printer on floor 2 is jammed",
    body: str = "It shows error 13 and nobody can print.",
    sender: str = "andy@acme.test",
    to: str = "help@provider.test",
    msgid: str | None = None,
    in_reply_to: str = "",
    references: str = "",
    headers: dict[str, str] | None = None,
    attachments: tuple[tuple[str, str, bytes], ...] = (),
    charset: str = "utf-8",
) -> bytes:
    """An RFC 822 message; message ids are given without angle brackets."""
    mail = EmailMessage()
    mail["Subject"] = subject
    if sender:
        mail["From"] = sender
    mail["To"] = to
    mail["Date"] = format_datetime(timezone.now())
    mail["Message-ID"] = f"<{msgid}>" if msgid else make_msgid(f"t{next(_seq)}", "client.test")
    if in_reply_to:
        mail["In-Reply-To"] = f"<{in_reply_to}>"
    if references:
        mail["References"] = references
    for name, value in (headers or {}).items():
        mail[name] = value
    mail.set_content(body, charset=charset)
    for name, content_type, data in attachments:
        maintype, subtype = content_type.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    # As mail travels: CRLF line ends.
    return mail.as_bytes(policy=policy.SMTP)


def make_mailbox(**kw: object) -> Mailbox:
    kw.setdefault("name", "Help desk")
    kw.setdefault("address", "help@provider.test")
    return Mailbox.objects.create(**kw)


def received_by(raw: bytes, *results: str, server: str = "mx.provider.test") -> bytes:
    """`raw` as the receiving server hands it on: its Authentication-Results header (one
    per `results`, each "dkim=pass header.d=..; spf=..") and its Received line on top."""
    trace = [
        f"Authentication-Results: {server};\r\n\t" + ";\r\n\t".join(r.split("; ")) + "\r\n"
        for r in results
    ]
    received = (
        f"Received: from mail-out.provider.example (mail-out.provider.example [192.0.2.25])\r\n"
        f"\tby {server} (Postfix) with ESMTPS id 4QxYz1; Mon, 23 Nov 2026 10:00:00 +0200\r\n"
    )
    return "".join(trace).encode() + received.encode() + raw
