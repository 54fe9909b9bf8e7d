"""A form too large to read is a short answer, never Django's debug page."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestTooLargeMiddleware:
    """Reads a page's form data first, so that a form over DATA_UPLOAD_MAX_MEMORY_SIZE (or
    with too many fields) is a plain 413 (400) rather than a 400 with a traceback, which is
    what Django shows when DEBUG is on, as in the demo. The API answers its own (JSON) 413,
    and must read its bodies itself: the mail relay's can be larger than any form."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not request.path.startswith("/api/"):
            try:
                request.POST  # noqa: B018 - parsed here, where a refusal can be answered.
            except RequestDataTooBig:
                return _plain(_("This form is larger than the site accepts."), 413)
            except (TooManyFieldsSent, TooManyFilesSent):
                return _plain(_("This form has more fields than the site accepts."), 400)
        return self.get_response(request)


def _plain(text: str, status: int) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
