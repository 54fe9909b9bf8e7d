"""Views that belong to no single app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


@login_required
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_provider:  # type: ignore[union-attr]  # login_required: a User
        return redirect("desk:dashboard")
    return redirect("portal:home")


def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def api_not_found(request: HttpRequest) -> HttpResponse:
    """Anything under /api/ that no endpoint matched: a JSON 404, as every API error is."""
    detail = _("No API endpoint at %(path)s.") % {"path": request.path}
    return JsonResponse({"detail": detail, "field": ""}, status=404)
