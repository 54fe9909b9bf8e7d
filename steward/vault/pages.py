"""What the vault's desk pages share: the organization of the URL."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from steward.accounts.access import user_of
from steward.accounts.models import Organization


def desk_org(request: HttpRequest, pk: int) -> Organization:
    """The organization a desk URL names, if this person sees it; else 404 (tenancy)."""
    found = Organization.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found
