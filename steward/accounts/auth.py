"""API authentication: personal bearer tokens, or the browser's session."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import translation
from ninja.security import HttpBearer

from steward.accounts.models import ApiToken, User


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
            # A token carries no session: its answers (error messages too) speak the user's
            # language, unless the request asks for one with Accept-Language.
            if not request.headers.get("Accept-Language"):
                translation.activate(user.preferred_language())
                request.LANGUAGE_CODE = translation.get_language()
        return user
