"""Who may open a page: the decorators every app's views use."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import redirect

from steward.accounts.models import Organization, User

View = Callable[..., HttpResponseBase]


def user_of(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def desk_org(request: HttpRequest, pk: int) -> Organization:
    """The organization a desk URL names, if this person sees it; else 404 (tenancy)."""
    found = Organization.objects.visible_to(user_of(request)).filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def staff_view(view: View) -> View:
    """Provider staff only; anyone else is told the page does not exist."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not user_of(request).is_provider:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def client_view(view: View) -> View:
    """Client contacts only; provider staff are sent to the desk."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if user_of(request).is_provider:
            return redirect("desk:dashboard")
        return view(request, *args, **kwargs)

    return wrapper


def manager_view(view: View) -> View:
    """Provider admins and managers: settings, billing, placing quarantined mail."""

    @staff_view
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not user_of(request).can_manage_settings:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
