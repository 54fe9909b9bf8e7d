"""django-allauth adapters: no public sign-up, TOTP secrets encrypted at rest."""

from __future__ import annotations

import base64
import hashlib

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.http import HttpRequest

_PREFIX = "aesgcm1:"


def _key() -> bytes:
    # A key of its own derived from MASTER_KEY, so the same secret is never used for two jobs.
    return hashlib.sha256(b"steward.mfa.v1:" + settings.MASTER_KEY.encode()).digest()


def encrypt_secret(text: str, purpose: str) -> str:
    import os

    nonce = os.urandom(12)
    sealed = AESGCM(_key()).encrypt(nonce, text.encode(), purpose.encode())
    return _PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode()


def decrypt_secret(stored: str, purpose: str) -> str:
    if not stored.startswith(_PREFIX):
        return stored  # Written before encryption was switched on.
    raw = base64.urlsafe_b64decode(stored[len(_PREFIX) :])
    return AESGCM(_key()).decrypt(raw[:12], raw[12:], purpose.encode()).decode()


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # The provider invites its staff and its clients' contacts; nobody signs themselves up.
        return False


class MfaAdapter(DefaultMFAAdapter):
    def encrypt(self, text: str) -> str:
        return encrypt_secret(text, "mfa")

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text, "mfa")
