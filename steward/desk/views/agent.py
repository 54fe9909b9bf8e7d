"""Agent desk views (being written)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponse("todo")


dashboard = queue = bulk_assign = new_ticket = ticket = reply = update = attachment = _todo
