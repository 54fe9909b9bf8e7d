"""Where a form may send the browser afterwards: only back into this site."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def next_url(request: HttpRequest, fallback: str) -> str:
    """The `next` the form carried if it is a path on this site, else `fallback` (a URL name
    or path). Anything else would make a link to this site bounce a signed-in person to a
    look-alike page; an http `next` on an https site is refused too (it would leak the
    referrer)."""
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(fallback)
