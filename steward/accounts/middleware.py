"""Per-user language, time zone and the two-factor requirement."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

Handler = Callable[[HttpRequest], HttpResponse]


def _user(request: HttpRequest):  # type: ignore[no-untyped-def]
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
            request._cached_user = user  # type: ignore[attr-defined]
            if user.is_authenticated:
                lang = user.preferred_language()  # type: ignore[union-attr]
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


class RequireMfaMiddleware:
    """Send users whose role must use two-factor sign-in to set it up first."""

    ALLOWED_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/api/")

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = _user(request)
        if (
            user is not None
            and user.role in settings.MFA_REQUIRED_ROLES
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and not _has_mfa(user)
        ):
            return redirect("mfa_activate_totp")
        return self.get_response(request)


def _has_mfa(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
