"""Helpers for mail settings and addresses."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

_SCHEMES = {
    "smtp": (False, False),
    "smtp+tls": (True, False),
    "submission": (True, False),
    "smtps": (False, True),
    "smtp+ssl": (False, True),
}


def parse_email_url(url: str) -> dict[str, Any]:
    """Turn `smtp+tls://user:pass@host:587` (or `console://`) into Django EMAIL_* settings."""
    parts = urlsplit(url)
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme == "memory":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if parts.scheme not in _SCHEMES:
        raise ValueError(f"EMAIL_URL: unknown scheme {parts.scheme!r}")
    use_tls, use_ssl = _SCHEMES[parts.scheme]
    default_port = 465 if use_ssl else (587 if use_tls else 25)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or default_port,
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
    }
