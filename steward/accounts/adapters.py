"""django-allauth adapters: no public sign-up, TOTP secrets encrypted at rest."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.http import HttpRequest

from steward.lib.crypto import seal, unseal


def encrypt_secret(text: str, purpose: str) -> str:
    return seal(text, "steward.mfa.v1", purpose)


def decrypt_secret(stored: str, purpose: str) -> str:
    return unseal(stored, "steward.mfa.v1", purpose)


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]  # allauth is untyped
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        # The provider invites its staff and its clients' contacts; nobody signs themselves up.
        return False


class MfaAdapter(DefaultMFAAdapter):  # type: ignore[misc]  # allauth is untyped
    def encrypt(self, text: str) -> str:
        return encrypt_secret(text, "mfa")

    def decrypt(self, encrypted_text: str) -> str:
        return decrypt_secret(encrypted_text, "mfa")
