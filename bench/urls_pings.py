"""Steward's URLs plus `/bare/ping/<uuid>`: the same ping row inserted by a bare view."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.urls import path
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from steward.monitoring.models import Check, Ping, PingKind
from steward.urls import urlpatterns as steward_urls


@csrf_exempt
def bare_ping(request: HttpRequest, code: uuid.UUID) -> HttpResponse:
    owner = Check.objects.filter(code=code).values_list("id", flat=True).first()
    if owner is None:
        return HttpResponse("not found", status=404, content_type="text/plain")
    Ping.objects.create(
        owner_id=owner,
        at=timezone.now(),
        kind=PingKind.SUCCESS,
        method=request.method or "",
        remote_addr=request.META.get("REMOTE_ADDR", ""),
    )
    return HttpResponse("OK", content_type="text/plain")


urlpatterns = [path("bare/ping/<uuid:code>", bare_ping), *steward_urls]
