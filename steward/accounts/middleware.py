"""Per-user language and time zone; two-factor sign-in enforced on every session."""

from __future__ import annotations

import time
import zoneinfo
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control

# Annotations only: apps.py imports this module before the models are loaded.
if TYPE_CHECKING:
    from steward.accounts.models import User

Handler = Callable[[HttpRequest], HttpResponse]


def _user(request: HttpRequest) -> User | None:
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class UserLanguageMiddleware:
    """Speak the signed-in user's language (theirs, else their organization's).

    The user's setting wins over the language cookie, so a shared browser does not keep the
    previous person's language; the language switcher saves the choice on the user.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Runs before AuthenticationMiddleware: load the user through the session here and
        # leave it on the request, where AuthenticationMiddleware looks first.
        from django.contrib.auth import get_user

        if request.session.get("_auth_user_id"):
            user = get_user(request)
            request._cached_user = user  # type: ignore[attr-defined]  # Django's private cache
            if user.is_authenticated:
                lang = user.preferred_language()
                request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = lang
        return self.get_response(request)


class UserTimezoneMiddleware:
    """Show times in the viewer's time zone (theirs, else their organization's)."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = _user(request)
        if user is not None:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.preferred_timezone()))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class PrivateCacheMiddleware:
    """Keep signed-in pages out of every cache, the browser's back button included.

    A response that sets its own Cache-Control (the admin's and allauth's `never_cache` views)
    keeps it.
    Static files never get here: whitenoise answers them before the session is read.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # Read after the view: an API token signs the user in inside the view.
        if _user(request) is not None and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class RequireMfaMiddleware:
    """Sign out sessions that skipped the second factor; send roles that need one to set it up."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/api/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = _user(request)
        if user is None:
            return self.get_response(request)
        with_mfa = _signed_in_with_mfa(request, user)
        must_have_totp = user.role in settings.MFA_REQUIRED_ROLES and not request.path.startswith(
            self.ALLOWED_PREFIXES
        )
        if with_mfa and not must_have_totp:
            return self.get_response(request)
        # One query answers both questions below.
        devices = _second_factors(user)
        if not with_mfa and skipped_mfa(request, devices):
            # Signed in by password alone (or by any path that calls auth.login directly) while
            # a second factor was set up: that session proves nothing beyond the password. The
            # request goes on anonymous, so pages send the person to sign in and the API
            # answers 401 unless it carries a token.
            logout(request)
        elif must_have_totp and not _has_totp(devices):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


SIGNED_IN_AT = "steward_signed_in_at"


def note_sign_in(sender: object, request: HttpRequest | None, user: object, **kw: object) -> None:
    """Stamp the session with when it signed in (connected to `user_logged_in`)."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = time.time()


def _signed_in_with_mfa(request: HttpRequest, user: User) -> bool:
    from allauth.account.authentication import get_authentication_records

    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


def _second_factors(user: User) -> list[tuple[str, datetime]]:
    """The kind and creation time of each of the user's TOTP and WebAuthn devices."""
    from allauth.mfa.models import Authenticator

    kinds = [Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    return list(
        Authenticator.objects.filter(user=user, type__in=kinds).values_list("type", "created_at")
    )


def _has_totp(devices: list[tuple[str, datetime]]) -> bool:
    from allauth.mfa.models import Authenticator

    return any(kind == Authenticator.Type.TOTP for kind, _created in devices)


def skipped_mfa(request: HttpRequest, devices: list[tuple[str, datetime]]) -> bool:
    """Whether this session, signed in without a second factor, skipped one its user had."""
    signed_in = request.session.get(SIGNED_IN_AT)
    if isinstance(signed_in, float | int):
        # A device set up after this session signed in was set up by someone already signed
        # in (usually through this very session, with a code from the device): the session
        # stays. Without the stamp the session predates it and must sign in again.
        cutoff = datetime.fromtimestamp(signed_in, tz=UTC)
        return any(created < cutoff for _kind, created in devices)
    return bool(devices)
