"""Values every template can use."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from steward.accounts import demo


def steward(request: HttpRequest) -> dict[str, Any]:
    values: dict[str, Any] = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL}
    match = getattr(request, "resolver_match", None)
    if settings.DEMO and match is not None and match.url_name == "account_login":
        # Only `steward demo` sets DEMO: a real installation never shows its accounts.
        values["demo_logins"] = demo.logins()
        values["demo_password"] = demo.PASSWORD
    return values
