"""Helpers for mail settings and addresses."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

log = logging.getLogger(__name__)

_SCHEMES = {
    "smtp": (False, False),
    "smtp+tls": (True, False),
    "submission": (True, False),
    "smtps": (False, True),
    "smtp+ssl": (False, True),
}


def parse_email_url(url: str) -> dict[str, Any]:
    """Turn `smtp+tls://user:pass@host:587` (or `console://`, `log://`) into a MAILERS entry."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "log":
        return {"BACKEND": "steward.lib.emails.LogBackend"}
    if parts.scheme == "memory":
        return {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme not in _SCHEMES:
        raise ValueError(f"EMAIL_URL: unknown scheme {parts.scheme!r}")
    use_tls, use_ssl = _SCHEMES[parts.scheme]
    default_port = 465 if use_ssl else (587 if use_tls else 25)
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": parts.hostname or "localhost",
            "port": parts.port or default_port,
            "username": unquote(parts.username or ""),
            "password": unquote(parts.password or ""),
            "use_tls": use_tls,
            "use_ssl": use_ssl,
        },
    }


class LogBackend(BaseEmailBackend):
    """Sends nothing: logs one line per message (the demo's mail; the outbox keeps the rest)."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        for message in email_messages:
            log.info("mail to %s: %s", ", ".join(message.recipients()), message.subject)
        return len(email_messages)
