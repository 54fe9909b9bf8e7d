"""Small secrets at rest (TOTP seeds, mailbox passwords): AES-256-GCM under MASTER_KEY."""

from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings

_PREFIX = "aesgcm1:"


def _key(label: str) -> bytes:
    # A key of its own per use, derived from MASTER_KEY, so one secret never serves two jobs.
    return hashlib.sha256(label.encode() + b":" + settings.MASTER_KEY.encode()).digest()


def seal(text: str, label: str, bound_to: str) -> str:
    """Encrypt `text`; `bound_to` (associated data) ties the ciphertext to its record."""
    nonce = os.urandom(12)
    sealed = AESGCM(_key(label)).encrypt(nonce, text.encode(), bound_to.encode())
    return _PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()


def unseal(stored: str, label: str, bound_to: str) -> str:
    if not stored.startswith(_PREFIX):
        return stored  # Written before encryption was switched on.
    raw = base64.urlsafe_b64decode(stored[len(_PREFIX) :])
    return AESGCM(_key(label)).decrypt(raw[:12], raw[12:], bound_to.encode()).decode()
