"""Portal views (being written)."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponse("todo")


home = new_ticket = ticket = reply = close = attachment = _todo
