"""Mailboxes that sign in with OAuth 2 (SASL XOAUTH2), as Microsoft 365 and Google Workspace
require: the authorization-code flow that connects a mailbox, and the refresh that keeps its
access token fresh.

The token endpoints are called with urllib (no new dependency), with a timeout; what the
provider says goes into the error, the secrets and tokens never do (nor into the log).
"""

from __future__ import annotations

import json
import logging
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from steward.mail.models import Mailbox, OAuthProvider

log = logging.getLogger(__name__)

TIMEOUT = 20.0
# An access token this close to its expiry is refreshed before it is used.
MARGIN = timedelta(minutes=5)
# How long an admin has to sign in at the provider after pressing Connect.
STATE_MAX_AGE = 600
_STATE_SALT = "steward.mail.oauth.state"


@dataclass(frozen=True)
class Preset:
    authorize_url: str
    token_url: str
    scopes: str
    imap_host: str
    # Extra parameters of the authorization request (Google hands out a refresh token only
    # when asked for offline access, and again only when consent is asked again).
    authorize_params: tuple[tuple[str, str], ...] = ()


_MICROSOFT = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/"
PRESETS: dict[str, Preset] = {
    OAuthProvider.MICROSOFT: Preset(
        _MICROSOFT + "authorize",
        _MICROSOFT + "token",
        "https://outlook.office.com/IMAP.AccessAsUser.All offline_access",
        "outlook.office365.com",
    ),
    OAuthProvider.GOOGLE: Preset(
        "https://accounts.google.com/o/oauth2/v2/auth",
        "https://oauth2.googleapis.com/token",
        "https://mail.google.com/",
        "imap.gmail.com",
        (("access_type", "offline"), ("prompt", "consent")),
    ),
}


class TokenError(Exception):
    """The provider did not hand out a token. `revoked`: it refused the refresh token or
    the code for good (invalid_grant), so trying again cannot help."""

    def __init__(self, message: str, revoked: bool = False, said: str = "") -> None:
        super().__init__(message)
        self.revoked = revoked
        self.said = said  # The provider's own answer ("host: error (description)").


class NeedsReconnect(TokenError):
    """The mailbox has no usable refresh token: an admin has to connect it (again)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, revoked=True)


def _url(box: Mailbox, kind: str) -> str:
    preset = PRESETS.get(box.oauth_provider)
    if preset is None:
        return box.oauth_authorize_url if kind == "authorize" else box.oauth_token_url
    url = preset.authorize_url if kind == "authorize" else preset.token_url
    return url.format(tenant=box.oauth_tenant.strip() or "organizations")


def scopes(box: Mailbox) -> str:
    if box.oauth_scopes.strip():
        return " ".join(box.oauth_scopes.split())
    preset = PRESETS.get(box.oauth_provider)
    return preset.scopes if preset else ""


def default_imap_host(provider: str) -> str:
    preset = PRESETS.get(provider)
    return preset.imap_host if preset else ""


def redirect_uri() -> str:
    """Our callback, as registered with the provider: one address for every mailbox."""
    return settings.SITE_URL + reverse("mail:oauth_callback")


# The state: signed, naming the mailbox and the admin who pressed Connect, valid for minutes.


def make_state(box: Mailbox, user_id: int) -> str:
    payload = {"m": box.pk, "u": user_id, "n": secrets.token_urlsafe(8)}
    return signing.dumps(payload, salt=_STATE_SALT, compress=True)


def read_state(state: str, user_id: int) -> int | None:
    """The mailbox the state was made for, or None when it is forged, expired, or another
    person's."""
    try:
        payload = signing.loads(state, salt=_STATE_SALT, max_age=STATE_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one too.
        return None
    if not isinstance(payload, dict) or payload.get("u") != user_id:
        return None
    mailbox = payload.get("m")
    return mailbox if isinstance(mailbox, int) else None


def authorize_url(box: Mailbox, user_id: int) -> str:
    params = [
        ("client_id", box.oauth_client_id),
        ("response_type", "code"),
        ("redirect_uri", redirect_uri()),
        ("scope", scopes(box)),
        ("state", make_state(box, user_id)),
        ("login_hint", box.imap_user or box.address),
    ]
    preset = PRESETS.get(box.oauth_provider)
    if preset:
        params.extend(preset.authorize_params)
    url = _url(box, "authorize")
    return url + ("&" if "?" in url else "?") + urllib.parse.urlencode(params)


# The token endpoint.


def _post(url: str, form: dict[str, str]) -> dict[str, Any]:
    if not url.startswith(("https://", "http://")):
        raise TokenError("OAuth 2: no token URL.")
    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(form).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
        method="POST",
    )
    host = urllib.parse.urlsplit(url).netloc
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            body = response.read(1_000_000)
    except urllib.error.HTTPError as exc:
        answer = _json(exc.read(100_000))
        error = str(answer.get("error") or f"HTTP {exc.code}")
        detail = str(answer.get("error_description") or "").strip()
        # Only the provider's own words, shortened: never the form we sent.
        said = f"{host}: {error}" + (f" ({detail[:300]})" if detail else "")
        raise TokenError(
            f"OAuth 2: refused by {said}", revoked=error == "invalid_grant", said=said
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise TokenError(f"OAuth 2: {host} did not answer: {reason}") from None
    answer = _json(body)
    if not answer.get("access_token"):
        raise TokenError(f"OAuth 2: {host} answered without an access token.")
    return answer


def _json(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _client(box: Mailbox) -> dict[str, str]:
    form = {"client_id": box.oauth_client_id}
    secret = box.unseal("oauth_client_secret")
    if secret:
        form["client_secret"] = secret
    return form


def _store(box: Mailbox, answer: dict[str, Any], now: datetime) -> None:
    """Keep what the endpoint handed out; a refresh token it rotated replaces the old one."""
    try:
        lifetime = int(answer.get("expires_in") or 3600)
    except (TypeError, ValueError):
        lifetime = 3600
    box.seal("oauth_access_token", str(answer["access_token"]))
    box.oauth_expires_at = now + timedelta(seconds=lifetime)
    if answer.get("refresh_token"):
        box.seal("oauth_refresh_token", str(answer["refresh_token"]))
    box.needs_reconnect = False
    box.last_error = ""
    # A conditional update, not save(): the worker must not write back a form's fields.
    Mailbox.objects.filter(pk=box.pk).update(
        oauth_access_token=box.oauth_access_token,
        oauth_expires_at=box.oauth_expires_at,
        oauth_refresh_token=box.oauth_refresh_token,
        needs_reconnect=False,
        last_error="",
    )


def connect(box: Mailbox, code: str, now: datetime | None = None) -> None:
    """Exchange the code the provider sent back for the mailbox's tokens."""
    if not box.oauth_client_id:
        raise TokenError("OAuth 2: the mailbox has no client ID.")
    now = now or timezone.now()
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri(),
        **_client(box),
    }
    answer = _post(_url(box, "token"), form)
    if not answer.get("refresh_token"):
        raise TokenError(
            "OAuth 2: the provider handed out no refresh token; "
            "check that the scopes allow offline access."
        )
    _store(box, answer, now)
    log.info("%s: connected with OAuth 2", box.address)


_TOKENS = ["oauth_refresh_token", "oauth_access_token", "oauth_expires_at", "needs_reconnect"]


def access_token(box: Mailbox, now: datetime | None = None, retry: bool = True) -> str:
    """A valid access token for the mailbox, refreshed when it is missing or about to expire.

    Raises NeedsReconnect without calling the provider when the mailbox is not connected, and
    marks it so when the provider refuses the refresh token: one refusal, no retry storm.
    """
    now = now or timezone.now()
    if box.needs_reconnect or not box.oauth_refresh_token:
        raise NeedsReconnect(_reconnect_message(box))
    token = box.unseal("oauth_access_token")
    if token and box.oauth_expires_at and box.oauth_expires_at - MARGIN > now:
        return token
    form = {
        "grant_type": "refresh_token",
        "refresh_token": box.unseal("oauth_refresh_token"),
        **_client(box),
    }
    try:
        answer = _post(_url(box, "token"), form)
    except TokenError as exc:
        if not exc.revoked:
            raise
        if _needs_reconnect(box, exc.said or str(exc)):
            raise NeedsReconnect(_reconnect_message(box)) from None
        # Another process (`steward mail poll` beside the worker) refreshed meanwhile, and the
        # provider rotated the token we sent: take the one it stored.
        box.refresh_from_db(fields=_TOKENS)
        if not retry:
            raise
        return access_token(box, now, retry=False)
    _store(box, answer, now)
    return box.unseal("oauth_access_token")


def _reconnect_message(box: Mailbox) -> str:
    if not box.needs_reconnect:
        return "OAuth 2: the mailbox is not connected yet; connect it on its page."
    said = box.last_error
    return f"OAuth 2: the provider refused the refresh token ({said}); connect the mailbox again."


def _needs_reconnect(box: Mailbox, said: str) -> bool:
    """Flag the mailbox, unless its refresh token changed since we sent it; whether it did.
    Its last error is what the provider said: the pages say the rest in the reader's
    language."""
    last_error = said[:2000]
    flagged = Mailbox.objects.filter(pk=box.pk, oauth_refresh_token=box.oauth_refresh_token).update(
        needs_reconnect=True,
        last_error=last_error,
        oauth_access_token="",
        oauth_expires_at=None,
    )
    if not flagged:
        return False
    box.needs_reconnect = True
    box.last_error = last_error
    box.oauth_access_token = ""
    box.oauth_expires_at = None
    log.warning("%s: the OAuth 2 provider refused the refresh token", box.address)
    return True
